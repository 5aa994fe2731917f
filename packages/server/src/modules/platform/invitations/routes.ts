import { invitationOperations as op } from '@agentstack/sdk/contract';
import type { Context } from 'hono';
import type { ApiRouter } from '../../../http/route';
import { invitationService } from './service';

// The dashboard that sent the request (its Origin), else this server: where the accept page is.
function acceptBase(c: Context): string {
  const origin = c.req.header('origin');
  return `${origin && /^https?:\/\/[^/\s]+$/.test(origin) ? origin : new URL(c.req.url).origin}/`;
}

/** Serves `/v1/platform/invitations`: invitations to become a dashboard user. */
export function invitationRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, tenant, query }) => invitationService.list(db, tenant(), query));
  router.implement(op.create, ({ db, tenant, body, c }) =>
    invitationService.create(db, tenant(), body, acceptBase(c)),
  );
  router.implement(op.revoke, ({ db, tenant, params }) => invitationService.revoke(db, tenant(), params.id));
  router.implement(op.accept, ({ db, body }) => invitationService.accept(db, body));
}
