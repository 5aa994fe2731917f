const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** Request counters and latency histograms, rendered in the Prometheus text format. */
export class Metrics {
  private requests = new Map<string, number>();
  private durations = new Map<string, Histogram>();
  private readonly started = Date.now();

  /** Records one finished request. `route` is the matched pattern, never the raw path. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const reqKey = `method="${method}",route="${route}",status="${status}"`;
    this.requests.set(reqKey, (this.requests.get(reqKey) ?? 0) + 1);
    const durKey = `method="${method}",route="${route}"`;
    let h = this.durations.get(durKey);
    if (!h) {
      h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.durations.set(durKey, h);
    }
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) h.counts[i]!++;
    h.sum += seconds;
    h.count++;
  }

  /** The exposition text for `/metrics`, with `extra` lines (other parts' figures) appended. */
  render(extra: readonly string[] = []): string {
    const lines: string[] = [
      '# HELP agentstack_http_requests_total HTTP requests by method, route and status.',
      '# TYPE agentstack_http_requests_total counter',
    ];
    for (const [labels, n] of this.requests) lines.push(`agentstack_http_requests_total{${labels}} ${n}`);
    lines.push(
      '# HELP agentstack_http_request_duration_seconds HTTP request latency.',
      '# TYPE agentstack_http_request_duration_seconds histogram',
    );
    for (const [labels, h] of this.durations) {
      BUCKETS.forEach((b, i) => {
        lines.push(`agentstack_http_request_duration_seconds_bucket{${labels},le="${b}"} ${h.counts[i]}`);
      });
      lines.push(`agentstack_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
      lines.push(`agentstack_http_request_duration_seconds_sum{${labels}} ${h.sum}`);
      lines.push(`agentstack_http_request_duration_seconds_count{${labels}} ${h.count}`);
    }
    const mem = process.memoryUsage();
    lines.push(
      '# HELP agentstack_process_resident_memory_bytes Resident set size.',
      '# TYPE agentstack_process_resident_memory_bytes gauge',
      `agentstack_process_resident_memory_bytes ${mem.rss}`,
      '# HELP agentstack_process_heap_used_bytes V8 heap in use.',
      '# TYPE agentstack_process_heap_used_bytes gauge',
      `agentstack_process_heap_used_bytes ${mem.heapUsed}`,
      '# HELP agentstack_process_uptime_seconds Seconds since the server started.',
      '# TYPE agentstack_process_uptime_seconds gauge',
      `agentstack_process_uptime_seconds ${(Date.now() - this.started) / 1000}`,
      ...extra,
    );
    return `${lines.join('\n')}\n`;
  }
}
