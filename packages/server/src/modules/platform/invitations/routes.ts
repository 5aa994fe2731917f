import { invitationOperations as op } from '@agentstack/sdk/contract';
import type { Context } from 'hono';
import type { AppContext } from '../../../context';
import type { ApiRouter } from '../../../http/route';
import { emailInvitation } from './email';
import { invitationService } from './service';

/**
 * Where the accept page is: the configured public URL, else the dashboard that sent the request
 * (its Origin), else this server. Request headers are only trusted for the link shown to the
 * caller: a server that emails links must have a public URL (`createServer` checks it), so no
 * Origin or Host header can point an emailed link at another site.
 */
function acceptBase(app: AppContext, c: Context): string {
  if (app.publicUrl) return app.publicUrl;
  const origin = c.req.header('origin');
  return `${origin && /^https?:\/\/[^/\s]+$/.test(origin) ? origin : new URL(c.req.url).origin}/`;
}

/** Serves `/v1/platform/invitations`: invitations to become a dashboard user. */
export function invitationRoutes(router: ApiRouter): void {
  router.implement(op.list, ({ db, tenant, query }) => invitationService.list(db, tenant(), query));
  router.implement(
    op.create,
    async ({ db, tenant, body, c, app }) => ({
      ...(await invitationService.create(db, tenant(), body, acceptBase(app, c))),
      // What a keyed replay says should this process stop before the send's outcome is stored:
      // not known to have been sent, so the inviter hands the link over.
      delivery: { status: app.email.configured ? 'failed' : 'not_configured' },
    }),
    // Sent once the invitation is committed: a failed or slow send never undoes it.
    { afterCommit: (invitation, { app, db, tenant }) => emailInvitation(app, db, tenant(), invitation) },
  );
  router.implement(op.revoke, ({ db, tenant, params }) => invitationService.revoke(db, tenant(), params.id));
  router.implement(op.accept, ({ db, body }) => invitationService.accept(db, body));
}
