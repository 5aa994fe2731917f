import { RevokedSession, Session, SessionCreate } from '@agentstack/sdk/schemas';
import type { ApiRouter } from '../../../http/route';
import { RateLimitedError, sessionService } from './service';

/** Registers `/v1/platform/sessions`: dashboard sign-in and sign-out. */
export function sessionRoutes(router: ApiRouter): void {
  router.add({
    method: 'post',
    path: '/v1/platform/sessions',
    tag: 'platform',
    summary: 'Sign a dashboard user in',
    status: 201,
    auth: 'public',
    body: SessionCreate,
    response: Session,
    errors: ['invalid_credentials', 'rate_limited'],
    // Failed attempts are counted even though the request fails: no request transaction.
    transaction: false,
    handler: async ({ db, body, principal, app, c }) => {
      try {
        return await sessionService.create(
          db,
          body,
          app.signInLimiter,
          app.clientAddress(c),
          principal?.tenant?.id,
        );
      } catch (error) {
        if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
        throw error;
      }
    },
  });
  router.add({
    method: 'delete',
    path: '/v1/platform/sessions/current',
    tag: 'platform',
    summary: 'Sign out the current session',
    auth: 'public',
    response: RevokedSession,
    handler: async ({ db, principal, app, afterCommit }) => {
      const revoked = await sessionService.revokeCurrent(db, principal);
      await app.auth.revokeOnCommit(db, afterCommit);
      return revoked;
    },
  });
}
