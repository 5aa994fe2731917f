import type { Context } from 'hono';
import type { AppContext } from '../../context';
import { headOf, type StoredEvent } from '../../events/store';
import { ApiError } from '../../http/errors';

/** Limits and timings of the realtime stream (`ServerOptions.realtime`). */
export interface RealtimeOptions {
  /** Milliseconds between heartbeat comment lines on an idle stream. Defaults to 15,000 (15 s). */
  heartbeatMs: number;
  /** The reconnection delay suggested to clients (`retry:`), in ms. Defaults to 3,000. */
  retryMs: number;
  /**
   * Bytes a stream may hold for a client that does not read; past it the client is disconnected
   * (it resumes with `Last-Event-ID`). Defaults to 1 MiB.
   */
  bufferBytes: number;
  /** Open streams per tenant on one instance; more answer `429 rate_limited`. Defaults to 100. */
  maxStreamsPerTenant: number;
  /** How long a realtime token (`POST /v1/realtime/tokens`) opens streams. Defaults to 5 minutes. */
  tokenTtlMs: number;
}

/** Defaults of {@link RealtimeOptions}. */
export const REALTIME_DEFAULTS: RealtimeOptions = {
  heartbeatMs: 15_000,
  retryMs: 3_000,
  bufferBytes: 1024 * 1024,
  maxStreamsPerTenant: 100,
  tokenTtlMs: 5 * 60_000,
};

/** Why a stream ended. */
export type CloseReason = 'client' | 'slow' | 'revoked' | 'shutdown';

/** What {@link RealtimeStreams.open} needs. */
export interface StreamRequest {
  tenantId: string;
  /** The event types the stream carries. */
  types: ReadonlySet<string>;
  /** Resume after this sequence number (`Last-Event-ID`); from now on when absent. */
  afterSeq: number | undefined;
  /**
   * What the caller sees of an event's payload, or `null` to skip it (a vendor's user sees only
   * its part of orders). Every payload as it is when absent.
   */
  project?(e: StoredEvent): unknown | null;
  /** Whether the caller may still read this stream (asked after every revocation announcement). */
  stillAllowed(): Promise<boolean>;
  c: Context;
}

interface Stream {
  tenantId: string;
  close(reason: CloseReason): void;
}

const encoder = new TextEncoder();

/**
 * The open Server-Sent Event streams of this instance: each a subscription to the tenant's
 * events on the hub ({@link AppContext.events}), filtered by type, written into a byte-bounded
 * buffer. A client that stops reading lets the buffer fill and is disconnected — memory per
 * client never grows past `bufferBytes` — and resumes later with `Last-Event-ID`.
 */
export class RealtimeStreams {
  readonly options: RealtimeOptions;
  private readonly byTenant = new Map<string, Set<Stream>>();
  private readonly closedTotal: Record<CloseReason, number> = { client: 0, slow: 0, revoked: 0, shutdown: 0 };
  private waiters: Array<{ tenantId?: string; resolve(reason: CloseReason): void }> = [];
  private stopping = false;

  constructor(
    private readonly app: AppContext,
    options: Partial<RealtimeOptions> = {},
  ) {
    this.options = { ...REALTIME_DEFAULTS, ...options };
  }

  /** Open streams, of one tenant or all. */
  count(tenantId?: string): number {
    if (tenantId !== undefined) return this.byTenant.get(tenantId)?.size ?? 0;
    let n = 0;
    for (const set of this.byTenant.values()) n += set.size;
    return n;
  }

  /** Resolves when the next stream (of `tenantId`, or any) closes, with why (tests wait on it instead of sleeping). */
  nextClose(tenantId?: string): Promise<CloseReason> {
    return new Promise((resolve) => this.waiters.push({ tenantId, resolve }));
  }

  /** Ends every stream (server shutdown): clients see the stream end and reconnect elsewhere. */
  closeAll(): void {
    this.stopping = true;
    for (const set of [...this.byTenant.values()]) for (const s of [...set]) s.close('shutdown');
  }

  /** Lines for `/metrics`. */
  metrics(): string[] {
    return [
      '# HELP agentstack_realtime_streams Open realtime (SSE) streams on this instance.',
      '# TYPE agentstack_realtime_streams gauge',
      `agentstack_realtime_streams ${this.count()}`,
      '# HELP agentstack_realtime_closed_total Realtime streams ended, by reason (slow = disconnected for not reading).',
      '# TYPE agentstack_realtime_closed_total counter',
      ...Object.entries(this.closedTotal).map(
        ([reason, n]) => `agentstack_realtime_closed_total{reason="${reason}"} ${n}`,
      ),
    ];
  }

  /** Opens a stream: the `Response` whose body is the event stream. */
  async open(request: StreamRequest): Promise<Response> {
    const { tenantId, types } = request;
    const { bufferBytes, heartbeatMs, retryMs, maxStreamsPerTenant } = this.options;
    if (this.stopping) {
      request.c.header('Retry-After', '1');
      throw new ApiError(429, 'rate_limited', 'This instance is shutting down; reconnect.');
    }
    let set = this.byTenant.get(tenantId);
    if (!set) {
      set = new Set();
      this.byTenant.set(tenantId, set);
    }
    if (set.size >= maxStreamsPerTenant) {
      request.c.header('Retry-After', String(Math.ceil(retryMs / 1000)));
      throw new ApiError(
        429,
        'rate_limited',
        `This tenant already has ${maxStreamsPerTenant} realtime streams open on this server; close one or retry later.`,
      );
    }
    const tenantStreams = set;
    let closed = false;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let unsubscribe: (() => void) | undefined;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    const stream: Stream = {
      tenantId,
      close: (reason) => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        clearInterval(heartbeat);
        tenantStreams.delete(stream);
        if (tenantStreams.size === 0 && this.byTenant.get(tenantId) === tenantStreams)
          this.byTenant.delete(tenantId);
        this.closedTotal[reason]++;
        try {
          if (reason === 'slow') {
            // The client is not reading what it has: drop the connection, and with it the queued
            // bytes (the response's reader is cancelled when its socket closes).
            const outgoing = (request.c.env as { outgoing?: { destroy(): void } } | undefined)?.outgoing;
            if (outgoing) outgoing.destroy();
            else controller.error(new Error('realtime client too slow'));
          } else if (reason !== 'client') {
            controller.close();
          }
        } catch {
          // already errored or closed by the reader
        }
        this.waiters = this.waiters.filter((w) => {
          if (w.tenantId !== undefined && w.tenantId !== tenantId) return true;
          w.resolve(reason);
          return false;
        });
      },
    };
    tenantStreams.add(stream);

    let afterSeq: number;
    let resetFrom: number | undefined;
    try {
      const head = await headOf(this.app.db, tenantId);
      afterSeq = request.afterSeq ?? head;
      // Asked to resume past the head (another database, a restored backup): start at the head.
      if (afterSeq > head) {
        resetFrom = afterSeq;
        afterSeq = head;
      }
    } catch (error) {
      stream.close('client');
      throw error;
    }

    const body = new ReadableStream<Uint8Array>(
      {
        start(c) {
          controller = c;
        },
        cancel: () => stream.close('client'),
      },
      { highWaterMark: bufferBytes, size: (chunk) => chunk.byteLength },
    );
    const send = (text: string) => {
      if (closed) return;
      controller.enqueue(encoder.encode(text));
      if ((controller.desiredSize ?? 0) < 0) stream.close('slow');
    };
    const message = (event: string, id: number, data: unknown) =>
      send(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

    send(`retry: ${retryMs}\n\n`);
    if (resetFrom !== undefined)
      message('gap', afterSeq, { afterSeq: resetFrom, firstAvailableSeq: afterSeq + 1 });
    message('ready', afterSeq, { seq: afterSeq });
    unsubscribe = this.app.events.subscribe(
      tenantId,
      {
        event(e: StoredEvent) {
          if (!types.has(e.type)) return;
          const data = request.project ? request.project(e) : e.data;
          if (data === null) return;
          message(e.type, e.seq, {
            id: e.id,
            object: 'event',
            type: e.type,
            seq: e.seq,
            createdAt: e.createdAt.toISOString(),
            data,
          });
        },
        gap(g) {
          message('gap', g.firstAvailableSeq - 1, g);
        },
      },
      afterSeq,
    );
    if (closed) unsubscribe();
    heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref?.();
    // A revocation or role change announced anywhere: the stream asks whether it may go on.
    const watch = () => {
      void this.app.auth.nextInvalidation().then(async () => {
        if (closed) return;
        const allowed = await request.stillAllowed().catch(() => false);
        if (!allowed) stream.close('revoked');
        else watch();
      });
    };
    watch();

    return new Response(body, {
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // Proxies (nginx) would otherwise buffer the stream.
        'x-accel-buffering': 'no',
      },
    });
  }
}
