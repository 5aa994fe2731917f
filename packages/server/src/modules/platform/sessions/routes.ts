import { sessionOperations as op } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { RateLimitedError, sessionService } from './service';

/** Serves `/v1/platform/sessions`: dashboard sign-in and sign-out. */
export function sessionRoutes(router: ApiRouter): void {
  router.implement(
    op.create,
    async ({ db, body, principal, app, c }) => {
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
    // Failed attempts are counted even though the request fails: no request transaction.
    { transaction: false },
  );
  router.implement(op.revoke, async ({ db, principal, app, afterCommit }) => {
    const revoked = await sessionService.revokeCurrent(db, principal);
    await app.auth.revokeOnCommit(db, afterCommit);
    return revoked;
  });
}
