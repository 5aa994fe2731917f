import {
  REALTIME_TOPIC_PERMISSIONS,
  realtimeEventOperations,
  realtimeTokenOperations,
  vendorPartOfOrderEvent,
} from '@agentstack/sdk/contract';
import { REALTIME_TOPICS, type RealtimeResourceTopic } from '@agentstack/sdk/schemas';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../../http/errors';
import type { ApiRouter } from '../../http/route';

const ORDER_EVENTS: ReadonlySet<string> = new Set(REALTIME_TOPICS.orders);

const RESOURCE_OF = new Map<string, RealtimeResourceTopic>(
  (Object.entries(REALTIME_TOPICS) as Array<[RealtimeResourceTopic, readonly string[]]>).flatMap(
    ([resource, types]) => [[resource, resource] as const, ...types.map((t) => [t, resource] as const)],
  ),
);

/**
 * The event types `topics` (already validated: a comma-separated list of topics) stands for;
 * `403 forbidden` naming the first topic `principal` may not read.
 */
export function typesOfTopics(topics: string, principal: Principal): Set<string> {
  const types = new Set<string>();
  for (const topic of topics.split(',')) {
    const resource = RESOURCE_OF.get(topic) as RealtimeResourceTopic;
    if (!principal.permissions.has(REALTIME_TOPIC_PERMISSIONS[resource])) {
      throw new ApiError(403, 'forbidden', `This credential may not read the realtime topic '${topic}'.`, {
        param: 'topics',
      });
    }
    if (topic === resource) for (const t of REALTIME_TOPICS[resource]) types.add(t);
    else types.add(topic);
  }
  return types;
}

/** The sequence number to resume after: `Last-Event-ID` (header) wins over `lastEventId` (query). */
function resumePoint(header: string | undefined, query: string | undefined): number | undefined {
  if (header === undefined || header === '') return query === undefined ? undefined : Number(query);
  if (!/^\d{1,15}$/.test(header)) {
    throw new ApiError(400, 'validation_failed', 'Last-Event-ID must be the sequence number of an event.', {
      param: 'Last-Event-ID',
    });
  }
  return Number(header);
}

/** Serves `/v1/realtime`: the Server-Sent Events stream and its tokens. */
export function realtimeRoutes(router: ApiRouter): void {
  router.implement(realtimeTokenOperations.create, async ({ principal, c, app }) => {
    const { token, expiresAt } = app.auth.mintRealtime(
      principal as Principal,
      c.req.header('authorization'),
      app.realtime.options.tokenTtlMs,
    );
    return { object: 'realtime_token' as const, token, expiresAt: expiresAt.toISOString() };
  });

  router.stream(realtimeEventOperations.stream, async ({ query, principal, credential, app, c }) => {
    const types = typesOfTopics(query.topics, principal);
    const afterSeq = resumePoint(c.req.header('last-event-id'), query.lastEventId);
    const topics = query.topics;
    const vendorId = principal.vendorId;
    return app.realtime.open({
      tenantId: principal.tenant.id,
      types,
      afterSeq,
      c,
      // A vendor's user: its part of its orders only (another vendor's events are not sent).
      project:
        vendorId === undefined
          ? undefined
          : (e) => (ORDER_EVENTS.has(e.type) ? vendorPartOfOrderEvent(e.data, vendorId) : e.data),
      async stillAllowed() {
        const now =
          'header' in credential
            ? await app.auth.authenticate(credential.header)
            : await app.auth.authenticateRealtime(credential.token, { ignoreExpiry: true });
        if (
          now.tenant?.id !== principal.tenant.id ||
          now.vendorId !== vendorId ||
          !now.permissions.has(realtimeEventOperations.stream.permission)
        ) {
          return false;
        }
        try {
          typesOfTopics(topics, now);
          return true;
        } catch {
          return false;
        }
      },
    });
  });
}
