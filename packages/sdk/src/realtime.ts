import type { AgentStack, RequestOptions } from './client';
import type { realtimeContract } from './contract/api';
import type { ServerSentEvent } from './contract/operation';
import { isAgentStackError } from './errors';
import { bindResource, type ResourceOf, type RouteTable } from './resource';
import type { RealtimeEvent, RealtimeTopic } from './schemas/realtime/event';
import { sleep } from './sleep';

/** What a realtime subscription is doing, for a "live" indicator. */
export type RealtimeStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Events of the tenant are no longer retained after the point a subscription resumed from. */
export interface RealtimeGap {
  /** The sequence number the subscription asked to resume after. */
  afterSeq: number;
  /** The first one still available: events in between are lost to this subscriber. */
  firstAvailableSeq: number;
}

/** Options of {@link Realtime.subscribe}. */
export interface SubscribeOptions {
  /**
   * Called with each error: a failed connection (then it reconnects) or one that will not be
   * retried (`401`, `403`, `400`: then the status becomes `offline` and it stops).
   */
  onError?: (error: unknown) => void;
  /** Called when the connection's status changes. */
  onStatus?: (status: RealtimeStatus) => void;
  /**
   * Called when events were missed — the subscription resumed after a point older than the
   * server's retention. Reload what you show from the API. Delivery goes on afterwards.
   */
  onGap?: (gap: RealtimeGap) => void;
  /** Stops the subscription, like the returned function. */
  signal?: AbortSignal;
  /** Resume after this event's `seq` (e.g. saved from an earlier session). Defaults to from now on. */
  lastEventId?: string | number;
  /** Longest wait between reconnection attempts, in ms. Defaults to 30,000. */
  maxBackoffMs?: number;
}

/** Status codes that another attempt will not change. */
const PERMANENT = new Set([400, 401, 403, 404]);

/**
 * `client.realtime`: the tenant's live events. `subscribe` keeps one Server-Sent Events stream
 * open, reconnects with backoff and resumes where it stopped (`Last-Event-ID`), so the handler
 * sees every event of its topics once, in order.
 */
export class Realtime {
  /** `POST /v1/realtime/tokens`: a short-lived token for a browser's `EventSource` (`?token=`). */
  readonly tokens: ResourceOf<typeof realtimeContract.tokens>;
  /** `GET /v1/realtime`: one stream, without reconnection (see {@link subscribe}). */
  readonly events: ResourceOf<typeof realtimeContract.events>;

  readonly #client: AgentStack;

  constructor(client: AgentStack, routes: RouteTable<typeof realtimeContract>) {
    this.#client = client;
    this.tokens = bindResource<typeof realtimeContract.tokens>(client, routes.tokens);
    this.events = bindResource<typeof realtimeContract.events>(client, routes.events);
  }

  /**
   * Calls `handler` with each event of `topics` committed from now on (or after
   * `options.lastEventId`), in order, once each — across reconnections. Returns the
   * unsubscribe function.
   *
   * @example
   * ```ts
   * const stop = client.realtime.subscribe(['products'], (event) => {
   *   if (event.type === 'product.created') console.log('new product', event.data.id);
   * }, { onStatus: (s) => console.log(s) });
   * // later
   * stop();
   * ```
   */
  subscribe(
    topics: RealtimeTopic | readonly RealtimeTopic[],
    handler: (event: RealtimeEvent) => void,
    options: SubscribeOptions = {},
  ): () => void {
    const controller = new AbortController();
    const { signal } = controller;
    const stop = () => controller.abort();
    if (options.signal?.aborted) return stop;
    options.signal?.addEventListener('abort', stop, { once: true });
    const list = typeof topics === 'string' ? topics : topics.join(',');
    const maxBackoff = options.maxBackoffMs ?? 30_000;
    let status: RealtimeStatus | undefined;
    const setStatus = (next: RealtimeStatus) => {
      if (next === status || signal.aborted) return;
      status = next;
      options.onStatus?.(next);
    };
    const report = (error: unknown) => {
      if (!signal.aborted) options.onError?.(error);
    };

    const run = async () => {
      let lastEventId = options.lastEventId === undefined ? undefined : String(options.lastEventId);
      let retryMs = 1000;
      for (let attempt = 0; !signal.aborted; attempt++) {
        setStatus(attempt === 0 ? 'connecting' : 'reconnecting');
        try {
          const messages = this.#client.stream<RealtimeEvent | RealtimeGap | { seq: number }>(
            '/v1/realtime',
            { topics: list },
            { signal, ...(lastEventId !== undefined && { headers: { 'last-event-id': lastEventId } }) },
          );
          for await (const message of messages) {
            if (message.retry !== undefined) retryMs = message.retry;
            if (message.id !== undefined) lastEventId = message.id;
            if (message.event === 'ready') {
              setStatus('connected');
              attempt = 0;
            } else if (message.event === 'gap') {
              options.onGap?.(message.data as RealtimeGap);
            } else if (message.data !== undefined) {
              try {
                handler(message.data as RealtimeEvent);
              } catch (error) {
                report(error);
              }
            }
          }
        } catch (error) {
          if (signal.aborted) return;
          report(error);
          if (isAgentStackError(error) && PERMANENT.has(error.status ?? 0)) {
            setStatus('offline');
            return;
          }
        }
        if (signal.aborted) return;
        setStatus('reconnecting');
        // Exponential from the server's `retry:` hint, with jitter, so clients spread out.
        const step = Math.min(maxBackoff, retryMs * 2 ** Math.min(attempt, 10));
        await sleep(
          attempt === 0 ? retryMs / 2 + Math.random() * (retryMs / 2) : step / 2 + Math.random() * (step / 2),
          signal,
        ).catch(() => undefined);
      }
    };
    void run();
    return stop;
  }
}

/** A `ServerSentEvent` stream as `client.stream` yields it. */
export type RealtimeMessages<T> = AsyncGenerator<ServerSentEvent<T> & { retry?: number }, void, undefined>;

export type { RequestOptions };
