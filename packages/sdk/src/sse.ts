import type { ServerSentEvent } from './contract/operation';

/** One parsed Server-Sent Events message before its `data` is decoded. */
export interface RawServerSentEvent {
  event: string;
  id?: string;
  data: string;
  /** The `retry:` hint (ms) the message carried, if any. */
  retry?: number;
}

/**
 * Parses a `text/event-stream` body (the WHATWG rules: `field: value` lines, comments starting
 * with `:`, a blank line dispatching the message) into its messages. A message without `data`
 * is not dispatched, but its `retry` still reaches the caller.
 */
export async function* parseServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<RawServerSentEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let retry: number | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n');
      while (end >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        end = buffer.indexOf('\n');
        if (line === '') {
          if (data.length || retry !== undefined) {
            yield {
              event: event || 'message',
              data: data.join('\n'),
              ...(id !== undefined && { id }),
              ...(retry !== undefined && { retry }),
            };
          }
          data = [];
          event = '';
          retry = undefined;
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(text);
        else if (field === 'event') event = text;
        else if (field === 'id' && !text.includes('\0')) id = text;
        else if (field === 'retry' && /^\d+$/.test(text)) retry = Number(text);
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** {@link parseServerSentEvents} with each message's `data` parsed as JSON. */
export async function* jsonServerSentEvents<T>(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent<T> & { retry?: number }, void, undefined> {
  for await (const raw of parseServerSentEvents(body)) {
    yield { ...raw, data: (raw.data === '' ? undefined : JSON.parse(raw.data)) as T };
  }
}
