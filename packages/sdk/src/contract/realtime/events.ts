import { operation } from '../operation';

// Kept with the permission tables (the catalogue), so the React kit reads it without the operations.
export { REALTIME_TOPIC_PERMISSIONS } from '../../catalog/realtimeTopics';

/** `POST /v1/realtime/tokens`: a short-lived token for browsers' `EventSource`. */
export const realtimeTokenOperations = {
  /**
   * A token that opens `GET /v1/realtime?token=…` as the calling credential (same tenant, same
   * permissions, revoked with it) for a few minutes. For browsers, whose `EventSource` cannot
   * send an `Authorization` header; a server passes its key instead.
   */
  create: operation({
    method: 'post',
    path: '/v1/realtime/tokens',
    tag: 'realtime',
    summary: 'Create a realtime token',
    permission: 'platform:read',
    response: 'RealtimeToken',
    status: 201,
    secret: true,
  }),
} as const;

/** `GET /v1/realtime`: the tenant's events as Server-Sent Events. */
export const realtimeEventOperations = {
  /**
   * The tenant's events of the given topics, live, as Server-Sent Events. Each message's `id` is
   * the event's sequence number: reconnect with `Last-Event-ID` (or `lastEventId`) to resume
   * without gaps or duplicates. Prefer `client.realtime.subscribe`, which reconnects and resumes.
   */
  stream: operation({
    method: 'get',
    path: '/v1/realtime',
    tag: 'realtime',
    summary: 'Stream events',
    description:
      'Server-Sent Events: `ready`, then one message per event (`id` = its `seq`), `gap` when events were pruned, heartbeats. See docs/api.md, Realtime.',
    permission: 'platform:read',
    query: 'RealtimeStreamParams',
    response: 'RealtimeEvent',
    stream: true,
    errors: ['rate_limited'],
  }),
} as const;
