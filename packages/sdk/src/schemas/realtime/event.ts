import * as z from 'zod/mini';
import { prefixedId, Timestamp } from '../common';

/**
 * The realtime stream's topics: a resource's name gives every event of that resource; an event
 * type gives that one. Each needs the read permission of its resource (see
 * `REALTIME_TOPIC_PERMISSIONS` in `@agentstack/sdk/catalog`).
 */
export const REALTIME_TOPICS = {
  products: ['product.created', 'product.updated', 'product.archived', 'product.unarchived'],
  users: ['user.created', 'user.updated', 'user.deleted'],
  invitations: ['invitation.created', 'invitation.revoked'],
  inventory: ['inventory_level.updated', 'inventory_level.low_stock'],
  orders: [
    'order.created',
    'order.payment_action_required',
    'order.payment_failed',
    'order.paid',
    'order.fulfilling',
    'order.workflow_step',
    'order.shipped',
    'order.delivered',
    'order.return_requested',
    'order.returned',
    'order.canceled',
    'order.refunded',
    'fulfillment.created',
    'fulfillment.shipped',
    'fulfillment.delivered',
    'fulfillment.canceled',
  ],
} as const;

/** A resource topic of the realtime stream: `products`, `users`, `invitations`, `inventory`, `orders`. */
export type RealtimeResourceTopic = keyof typeof REALTIME_TOPICS;
/** An event type the realtime stream carries: `product.created`… */
export type RealtimeEventType = (typeof REALTIME_TOPICS)[RealtimeResourceTopic][number];
/** What `topics` may name: a resource (every event of it) or one event type. */
export type RealtimeTopic = RealtimeResourceTopic | RealtimeEventType;

const TOPIC_NAMES: string[] = Object.entries(REALTIME_TOPICS).flatMap(([topic, types]) => [topic, ...types]);
const TOPIC = `(?:${TOPIC_NAMES.map((t) => t.replace('.', '\\.')).join('|')})`;

/**
 * Query of `GET /v1/realtime`. `topics` is a comma-separated list (`products,user.created`);
 * `token` a realtime token (`POST /v1/realtime/tokens`) for clients that cannot send
 * `Authorization` (a browser's `EventSource`); `lastEventId` resumes after that sequence number,
 * like the `Last-Event-ID` header (which wins when both are sent).
 */
export const RealtimeStreamParams = z.strictObject({
  topics: z
    .string()
    .check(
      z.maxLength(500),
      z.regex(new RegExp(`^${TOPIC}(?:,${TOPIC})*$`), 'must be a comma-separated list of realtime topics'),
    ),
  token: z.optional(z.string().check(z.maxLength(500), z.regex(/^rt_[A-Za-z0-9_.-]+$/))),
  lastEventId: z.optional(z.string().check(z.regex(/^\d{1,15}$/))),
});
export type RealtimeStreamParams = z.infer<typeof RealtimeStreamParams>;

/**
 * One event of the realtime stream: the SSE message's `data` (its `event:` is `type`, its `id:`
 * is `seq`). `seq` is the tenant's gapless, commit-ordered sequence number; `data` is the object
 * as the API represents it after the change.
 */
export const RealtimeEvent = z.strictObject({
  id: prefixedId('evt'),
  object: z.literal('event'),
  type: z.string(),
  seq: z.number(),
  createdAt: Timestamp,
  data: z.record(z.string(), z.unknown()),
});
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;

/** A short-lived token that authenticates `GET /v1/realtime?token=…` as its creator. */
export const RealtimeToken = z.strictObject({
  object: z.literal('realtime_token'),
  /** Pass as `?token=`; valid until `expiresAt` (minutes), as its creator's credential. */
  token: z.string(),
  expiresAt: Timestamp,
});
export type RealtimeToken = z.infer<typeof RealtimeToken>;
