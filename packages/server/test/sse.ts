/** One frame of a Server-Sent Events stream as tests read it: a message, or a comment line. */
export interface Frame {
  event?: string;
  id?: string;
  data?: any;
  retry?: number;
  comment?: string;
}

/** An open SSE stream read frame by frame. */
export interface TestStream {
  status: number;
  headers: Headers;
  /** The problem body when the server refused the stream. */
  problem?: any;
  /** The next frame (comments included when `comments`), or `null` once the stream ended. */
  next(options?: { comments?: boolean }): Promise<Frame | null>;
  /** The next message of type `event`, skipping others (and comments). */
  nextOf(event: string): Promise<Frame | null>;
  close(): void;
}

function parse(block: string): Frame {
  const frame: Frame = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') frame.event = value;
    else if (field === 'id') frame.id = value;
    else if (field === 'retry') frame.retry = Number(value);
    else if (field === 'data') frame.data = JSON.parse(value);
  }
  return frame;
}

/** Opens `GET /v1/realtime?<query>` on `base` with fetch, as a browser's fetch-based client would. */
export async function openStream(
  base: string,
  query: string,
  init: { token?: string; headers?: Record<string, string> } = {},
): Promise<TestStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream', ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${base}/v1/realtime?${query}`, { headers, signal: controller.signal });
  if (!res.ok) {
    return {
      status: res.status,
      headers: res.headers,
      problem: await res.json(),
      next: async () => null,
      nextOf: async () => null,
      close() {},
    };
  }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended = false;
  const next = async (options: { comments?: boolean } = {}): Promise<Frame | null> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const frame = parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (frame.comment !== undefined && !options.comments) continue;
        return frame;
      }
      if (ended) return null;
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) ended = true;
      else buffer += chunk.value;
    }
  };
  return {
    status: res.status,
    headers: res.headers,
    next,
    async nextOf(event) {
      for (;;) {
        const frame = await next();
        if (!frame || frame.event === event) return frame;
      }
    },
    close: () => controller.abort(),
  };
}
