import { RevokedSession, Session, SessionCreate } from '@agentstack/sdk/schemas';
import type { AppContext } from '../../../context';
import type { ApiRouter } from '../../../http/route';
import { FailedAttemptLimiter } from './limiter';
import { RateLimitedError, sessionService } from './service';

// One limiter per server instance (not per module load), so servers embedded side by side in one
// process, as in tests, do not share counts.
const limiters = new WeakMap<AppContext, FailedAttemptLimiter>();
function limiterOf(app: AppContext): FailedAttemptLimiter {
  let limiter = limiters.get(app);
  if (!limiter) {
    limiter = new FailedAttemptLimiter();
    limiters.set(app, limiter);
  }
  return limiter;
}

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
    handler: async ({ db, body, principal, app, c }) => {
      try {
        return await sessionService.create(db, body, limiterOf(app), principal?.tenant?.id);
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
