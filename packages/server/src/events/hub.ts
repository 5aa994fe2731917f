import type { Executor } from '../db/client';
import { errorFields } from '../observability/errorFields';
import type { Logger } from '../observability/logger';
import { headOf, readEvents, type StoredEvent } from './store';

/** What {@link EventHub.subscribe} calls. */
export interface EventSubscriber {
  /** Each of the tenant's events after the starting point, once, in sequence order. */
  event(event: StoredEvent): void;
  /**
   * The starting point asked for is older than the retained events: delivery goes on from the
   * oldest retained one, `missed` events having been pruned. A client should reload its state.
   */
  gap?(missed: { afterSeq: number; firstAvailableSeq: number }): void;
}

interface Subscription {
  subscriber: EventSubscriber;
  /** The last sequence number delivered; `undefined` until the starting point is known. */
  seq: number | undefined;
}

interface TenantFeed {
  subscriptions: Set<Subscription>;
  /** Subscriptions still reading their starting point. */
  starting: Set<Promise<void>>;
  reading: Promise<void> | undefined;
  again: boolean;
}

const PAGE = 500;

/**
 * This instance's fan-out of committed events to in-process subscribers (the realtime stream).
 * Each subscriber gets every event of its tenant after its starting point, in sequence order,
 * without gaps or duplicates — events are read from the outbox, so it does not matter which
 * instance committed them or which announcement arrived first. {@link announce} is called on the
 * database's event notification (any instance's commit) or another transport's message.
 */
export class EventHub {
  private readonly feeds = new Map<string, TenantFeed>();

  constructor(
    private readonly db: Executor,
    private readonly log: Logger,
  ) {}

  /**
   * Subscribes to the tenant's events after `afterSeq` (a resumed stream's `Last-Event-ID`), or
   * to those committed from now on when it is omitted. Returns the unsubscribe function.
   */
  subscribe(tenantId: string, subscriber: EventSubscriber, afterSeq?: number): () => void {
    let feed = this.feeds.get(tenantId);
    if (!feed) {
      feed = { subscriptions: new Set(), starting: new Set(), reading: undefined, again: false };
      this.feeds.set(tenantId, feed);
    }
    const subscription: Subscription = { subscriber, seq: afterSeq };
    feed.subscriptions.add(subscription);
    if (afterSeq === undefined) {
      const current = feed;
      const starting = headOf(this.db, tenantId).then(
        (head) => {
          subscription.seq = head;
          this.announce(tenantId);
        },
        (error) => this.log.warn('realtime subscription could not start', errorFields(error)),
      );
      current.starting.add(starting);
      void starting.finally(() => current.starting.delete(starting));
    } else {
      this.announce(tenantId);
    }
    return () => {
      const current = this.feeds.get(tenantId);
      if (!current) return;
      current.subscriptions.delete(subscription);
      if (current.subscriptions.size === 0 && !current.reading) this.feeds.delete(tenantId);
    };
  }

  /**
   * Resolves once the tenant's subscribers have been given every event committed before the
   * call. Tests use it instead of waiting for a notification to arrive.
   */
  async ready(tenantId: string): Promise<void> {
    const feed = this.feeds.get(tenantId);
    if (!feed) return;
    await Promise.all(feed.starting);
    this.announce(tenantId);
    while (feed.reading) await feed.reading;
  }

  /** Tenants with subscribers on this instance. */
  tenants(): string[] {
    return [...this.feeds.keys()];
  }

  /** Number of subscriptions on this instance. */
  get size(): number {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.subscriptions.size;
    return n;
  }

  /**
   * Events of `tenantId` may have been committed: reads what its subscribers have not had yet
   * and delivers it. Without a tenant, every subscribed tenant is read (after a lost notification
   * connection comes back, say). Coalesced: never two reads of one tenant at once.
   */
  announce(tenantId?: string): void {
    if (tenantId === undefined) {
      for (const id of this.feeds.keys()) this.announce(id);
      return;
    }
    const feed = this.feeds.get(tenantId);
    if (!feed) return;
    if (feed.reading) {
      feed.again = true;
      return;
    }
    feed.reading = this.read(tenantId, feed)
      .catch((error) => this.log.warn('realtime read failed', { tenantId, ...errorFields(error) }))
      .finally(() => {
        feed.reading = undefined;
        if (feed.again) {
          feed.again = false;
          this.announce(tenantId);
        } else if (feed.subscriptions.size === 0) {
          this.feeds.delete(tenantId);
        }
      });
  }

  private async read(tenantId: string, feed: TenantFeed): Promise<void> {
    for (;;) {
      const ready = [...feed.subscriptions].filter((s) => s.seq !== undefined);
      if (ready.length === 0) return;
      const from = Math.min(...ready.map((s) => s.seq as number));
      const events = await readEvents(this.db, tenantId, from, PAGE);
      const first = events[0];
      if (first && first.seq > from + 1) {
        for (const s of ready) {
          if ((s.seq as number) < first.seq - 1) {
            s.subscriber.gap?.({ afterSeq: s.seq as number, firstAvailableSeq: first.seq });
            s.seq = first.seq - 1;
          }
        }
      }
      for (const event of events) {
        for (const s of ready) {
          if (!feed.subscriptions.has(s) || (s.seq as number) >= event.seq) continue;
          s.seq = event.seq;
          try {
            s.subscriber.event(event);
          } catch (error) {
            this.log.warn('realtime subscriber failed', errorFields(error));
          }
        }
      }
      if (events.length < PAGE) return;
    }
  }
}
