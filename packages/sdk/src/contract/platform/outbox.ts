import { operation } from '../operation';

/** `GET /v1/platform/outbox/messages`: the emails a development server kept instead of sending. */
export const outboxOperations = {
  /**
   * The tenant's emails kept by a server started with `--email-outbox` (development and demos:
   * kept in memory only, never sent), newest first. Owners only: an invitation's link can grant
   * any role. A server without an outbox answers `enabled: false` and no message.
   */
  list: operation({
    method: 'get',
    path: '/v1/platform/outbox/messages',
    tag: 'platform',
    summary: 'List the development outbox',
    permission: 'platform:outbox:read',
    response: 'OutboxMessageList',
    secret: true,
  }),
} as const;
