import { vendorPartOfOrderEvent } from '../../contract/commerce/orderRules';
import { ProblemError } from '../../contract/problem';
import {
  REALTIME_TOPIC_PERMISSIONS,
  realtimeEventOperations,
  realtimeTokenOperations,
} from '../../contract/realtime/events';
import { newId } from '../../schemas/ids';
import {
  REALTIME_TOPICS,
  type RealtimeEvent,
  type RealtimeResourceTopic,
} from '../../schemas/realtime/event';
import { now } from '../collection';
import type { MockDb } from '../db';
import { mockResource } from '../pipeline';
import { randomToken } from '../problems';

/** Records an event of the tenant, as the server's writes do, and tells open streams. */
export function recordMockEvent(db: MockDb, type: string, data: { id: string } & object): void {
  const event: RealtimeEvent = {
    id: newId('evt'),
    object: 'event',
    type,
    seq: db.events.length + 1,
    createdAt: now(),
    data: structuredClone(data) as Record<string, unknown>,
  };
  db.events.push(event);
  for (const listener of [...db.eventListeners]) listener(event);
}

const encoder = new TextEncoder();
const ORDER_EVENTS: ReadonlySet<string> = new Set(REALTIME_TOPICS.orders);
const frame = (event: string, id: number, data: unknown) =>
  encoder.encode(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/** `/v1/realtime` in memory: the same messages as the server's stream, from the model's events. */
export const realtimeMocks = [
  ...mockResource(realtimeTokenOperations, {
    create(ctx) {
      const caller = ctx.tenant();
      const token = randomToken('rt_');
      ctx.db.realtimeTokens.set(token, caller.token);
      return { object: 'realtime_token', token, expiresAt: new Date(Date.now() + 5 * 60_000).toISOString() };
    },
  }),
  ...mockResource(realtimeEventOperations, {
    stream(ctx) {
      const caller = ctx.tenant();
      const types = new Set<string>();
      for (const topic of ctx.query.topics.split(',')) {
        const resource = (Object.keys(REALTIME_TOPICS) as RealtimeResourceTopic[]).find(
          (r) => r === topic || (REALTIME_TOPICS[r] as readonly string[]).includes(topic),
        ) as RealtimeResourceTopic;
        if (!caller.permissions.includes(REALTIME_TOPIC_PERMISSIONS[resource])) {
          throw new ProblemError(
            403,
            'forbidden',
            `This credential may not read the realtime topic '${topic}'.`,
            {
              param: 'topics',
            },
          );
        }
        for (const t of topic === resource ? REALTIME_TOPICS[resource] : [topic]) types.add(t);
      }
      const header = ctx.request.headers.get('last-event-id');
      const resume = header || ctx.query.lastEventId;
      const head = ctx.db.events.length;
      const after = resume === undefined ? head : Math.min(Number(resume), head);
      const db = ctx.db;
      let listener: ((event: RealtimeEvent) => void) | undefined;
      const close = () => {
        if (listener) db.eventListeners.delete(listener);
      };
      // A client that goes away aborts its request; the body is not always cancelled with it.
      ctx.request.signal.addEventListener('abort', close, { once: true });
      // The response is made with whatever it is given: a stream, typed as the operation's answer.
      return new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('retry: 1000\n\n'));
          controller.enqueue(frame('ready', after, { seq: after }));
          const vendorId = caller.vendorId;
          const send = (event: RealtimeEvent) => {
            if (!types.has(event.type)) return;
            // As the server: a vendor's user receives its part of its orders only.
            let shown: RealtimeEvent = event;
            if (vendorId !== undefined && ORDER_EVENTS.has(event.type)) {
              const data = vendorPartOfOrderEvent(event.data, vendorId);
              if (data === null) return;
              shown = { ...event, data: data as Record<string, unknown> };
            }
            try {
              controller.enqueue(frame(event.type, event.seq, shown));
            } catch {
              close(); // the stream was closed under it: the write that recorded the event goes on
            }
          };
          for (const event of db.events.slice(after)) send(event);
          if (ctx.request.signal.aborted) return;
          listener = send;
          db.eventListeners.add(listener);
        },
        cancel: close,
      }) as never;
    },
  }),
];
