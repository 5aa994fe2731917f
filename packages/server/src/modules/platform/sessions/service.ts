import type { RevokedSession, Session, SessionCreate } from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { DUMMY_PASSWORD_HASH, issueToken, verifyPassword } from '../../../auth/credentials';
import type { Principal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { ApiError } from '../../../http/errors';
import { normalizeEmail, toUser, type UserRow, userStore, usersByEmail } from '../users/store';
import type { SignInLimiter } from './limiter';
import { sessionStore } from './store';

/** How long a dashboard session lasts: 12 hours. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** `429 rate_limited`, carrying how long to wait (the route sends it as `Retry-After`). */
export class RateLimitedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', `Too many failed sign-ins; try again in ${retryAfterSeconds} s.`);
  }
}

function invalidCredentials(): ApiError {
  return new ApiError(401, 'invalid_credentials', 'The email or password is not correct.');
}

/**
 * Signs `user` in within `tx`: stores a new session by its token's hash and records the sign-in
 * time. Used by sign-in and by accepting an invitation.
 */
export async function openSession(tx: Executor, user: UserRow): Promise<Session> {
  const now = new Date();
  const { token, tokenHash, expiresAt } = issueToken('sess', SESSION_TTL_MS, now);
  await sessionStore(tx, user.tenantId).insert({ id: newId('ses'), userId: user.id, tokenHash, expiresAt });
  const updated = await userStore(tx, user.tenantId).update(user.id, { lastLoginAt: now });
  return {
    object: 'session',
    token,
    expiresAt: expiresAt.toISOString(),
    user: toUser(updated),
    tenantId: user.tenantId,
  };
}

/** Sign-in and sign-out of dashboard users. */
export const sessionService = {
  /**
   * Signs a user in: checks the password (scrypt, also against a dummy hash for unknown emails so
   * the answer takes as long either way), then stores a new session by its token's hash. Attempts
   * are counted per email and client `address` in `limiter`, shared by every instance; past its
   * limits the answer is `429 rate_limited`. `scopeTenantId` (the tenant of a publishable key
   * sent along) stands in for `tenantId`. Runs on the database, not in a request transaction:
   * the count of a failed attempt must outlive the failure.
   */
  async create(
    db: Executor,
    input: SessionCreate,
    limiter: SignInLimiter,
    address: string,
    scopeTenantId?: string,
  ): Promise<Session> {
    const email = normalizeEmail(input.email);
    const wait = await limiter.attempt(email, address);
    if (wait > 0) throw new RateLimitedError(wait);

    const tenantIds = [input.tenantId, scopeTenantId].filter((id): id is string => !!id);
    const candidates = (await usersByEmail(db, email)).filter((u) =>
      tenantIds.every((id) => u.tenantId === id),
    );
    let user: UserRow | undefined;
    if (candidates.length === 0) {
      await verifyPassword(input.password, DUMMY_PASSWORD_HASH);
    } else {
      for (const candidate of candidates) {
        if (await verifyPassword(input.password, candidate.passwordHash)) {
          user = candidate;
          break;
        }
      }
    }
    if (!user) throw invalidCredentials();
    await limiter.succeeded(email, address);
    // Which tenant is only asked once the password is right, so the question leaks nothing.
    if (candidates.length > 1) {
      throw new ApiError(
        400,
        'validation_failed',
        'This email belongs to users of several tenants: send tenantId too.',
        {
          param: 'tenantId',
          errors: [
            {
              param: 'tenantId',
              code: 'required',
              message: 'Required when the email belongs to several tenants.',
            },
          ],
        },
      );
    }

    const signedIn = user;
    return db.transaction((tx) => openSession(tx, signedIn));
  },

  /** Revokes the calling session. Other credentials have nothing to sign out of: `400 bad_request`. */
  async revokeCurrent(tx: Executor, caller: Principal | null): Promise<RevokedSession> {
    if (!caller) {
      throw new ApiError(
        401,
        'unauthenticated',
        'Send the session token as `Authorization: Bearer <token>`.',
      );
    }
    if (caller.kind !== 'session' || !caller.tenant) {
      throw new ApiError(
        400,
        'bad_request',
        'Only a session token can be signed out; API keys are revoked through /v1/platform/api-keys.',
      );
    }
    await sessionStore(tx, caller.tenant.id).revoke(caller.credentialId);
    return { object: 'session', revoked: true };
  },
};
