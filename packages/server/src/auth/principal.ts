import type { Role } from '@agentstack/sdk/schemas';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, type Executor, retryOnDeadConnection } from '../db/client';
import {
  agencyKeys,
  apiKeys,
  customerSessions,
  customers,
  operatorKeys,
  sessions,
  tenants,
  users,
} from '../db/schema';
import { ApiError } from '../http/errors';
import { hashSecret } from './credentials';
import {
  AGENCY_PERMISSIONS,
  CUSTOMER_PERMISSIONS,
  isStorefront,
  OPERATOR_PERMISSIONS,
  type Permission,
  PUBLISHABLE_PERMISSIONS,
  permissionsOf,
  ROLE_PERMISSIONS,
} from './permissions';
import { mintRealtimeToken, readRealtimeToken, realtimeSignatureValid } from './realtimeToken';

export { isStorefront };

/** A tenant row as the auth layer carries it. */
export type TenantRow = typeof tenants.$inferSelect;

/** Who is calling, resolved from the bearer credential. */
export interface Principal {
  kind: 'operator' | 'agency_key' | 'secret_key' | 'publishable_key' | 'session' | 'customer';
  /** The operator key, API key, session or customer session id. */
  credentialId: string;
  tenant: TenantRow | null;
  role: Role | null;
  userId: string | null;
  permissions: ReadonlySet<Permission>;
  /** An agency key's agency: it acts on that agency's tenants only. */
  agencyId?: string;
  /** A customer token's (`cst_…`) shopper: it acts on that customer's own account only. */
  customerId?: string;
  /**
   * A vendor's dashboard user (`users.vendor_id`): it sees and acts on that vendor's part of
   * orders only, with its role's permissions narrowed to `VENDOR_PERMISSIONS`.
   */
  vendorId?: string;
}

/** Principal of a tenant: `tenant` is never null. */
export type TenantPrincipal = Principal & { tenant: TenantRow };

/** The principal of operator key `id`. */
export function operatorPrincipal(id: string): Principal {
  return {
    kind: 'operator',
    credentialId: id,
    tenant: null,
    role: null,
    userId: null,
    permissions: new Set(OPERATOR_PERMISSIONS),
  };
}

/** The token of an `Authorization: Bearer <token>` header, if it is one. */
export function bearerToken(header: string | undefined): string | undefined {
  return header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
}

/** Credentials only their holder knows: a stored reply may be bound to them (publishable keys are public). */
const PRIVATE_KINDS = new Set<Principal['kind']>([
  'operator',
  'agency_key',
  'secret_key',
  'session',
  'customer',
]);

/** The private credential a request was made with, for binding idempotent replies; else `null`. */
export function privateCredential(
  principal: Principal | null,
  header: string | undefined,
): { credentialId: string; token: string } | null {
  const token = bearerToken(header);
  return principal && token && PRIVATE_KINDS.has(principal.kind)
    ? { credentialId: principal.credentialId, token }
    : null;
}

interface CacheEntry {
  principal: Principal;
  expiresAt: number;
}

/** The channel revocations are announced on, to every instance on the database. */
export const REVOCATION_CHANNEL = 'agentstack_revocations';

/**
 * Resolves bearer credentials to principals, and keeps revocation prompt on every instance.
 *
 * - Reads use a per-instance cache (`cacheTtlMs`, default 5 s), so a hot read path costs one
 *   query, not two. A request that revokes or lowers a credential (key revocation, sign-out,
 *   role change, user deletion, plan change) announces it with `pg_notify` in its transaction;
 *   PostgreSQL delivers it at commit to every instance listening, which drops its cache. An
 *   instance caches only while its listening connection is up: when it drops, the cache is
 *   cleared and bypassed until it listens again. The cache TTL bounds staleness if all else fails.
 * - Writes never trust the cache: {@link Authenticator.confirm} re-reads the credential inside
 *   the write's transaction, holding a share lock on it until commit, so a revoked or demoted
 *   credential cannot write — above all, cannot mint another credential — once the revoking
 *   request has answered, on any instance.
 */
export class Authenticator {
  private cache = new Map<string, CacheEntry>();
  private listening = false;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly db: Db,
    private readonly cacheTtlMs = 5000,
  ) {}

  /** Forgets every cached principal (after a revocation or a plan change). */
  invalidate(): void {
    this.cache.clear();
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Resolves at the next {@link invalidate} (tests wait on it instead of sleeping). */
  nextInvalidation(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Handlers for the revocation channel's listener (see `Database.listen`). */
  readonly listener = {
    message: () => this.invalidate(),
    up: () => {
      this.invalidate(); // whatever was announced while deaf
      this.listening = true;
    },
    down: () => {
      this.listening = false;
      this.invalidate();
    },
  };

  /**
   * Announces, inside `tx`, that credentials changed: every instance drops its cached principals
   * when `tx` commits (this one at once, through `afterCommit`; the others when PostgreSQL
   * delivers the notification).
   */
  async revokeOnCommit(tx: Executor, afterCommit: (fn: () => void) => void): Promise<void> {
    await tx.execute(sql`select pg_notify(${REVOCATION_CHANNEL}, '')`);
    afterCommit(() => this.invalidate());
  }

  /** Resolves `Authorization: Bearer …`, or throws 401. Served from the cache when it may be. */
  async authenticate(header: string | undefined): Promise<Principal> {
    const token = tokenOf(header);
    const hash = hashSecret(token);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.expiresAt > now) return hit.principal;
    const principal = await retryOnDeadConnection(() => this.lookup(this.db, prefixOf(token), hash, false));
    if (this.cacheTtlMs > 0 && this.listening) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, { principal, expiresAt: now + this.cacheTtlMs });
    }
    return principal;
  }

  /**
   * Re-reads the caller's credential inside the write transaction `tx`, never from the cache,
   * and share-locks it until commit (a concurrent revocation waits for this write, or this write
   * sees it). Throws 401 for a revoked, expired or deleted credential and 403 when the current
   * role no longer grants `permission`; returns the current principal.
   */
  async confirm(
    tx: Executor,
    header: string | undefined,
    permission: Permission | 'public',
  ): Promise<Principal> {
    const token = tokenOf(header);
    const principal = await this.lookup(tx, prefixOf(token), hashSecret(token), true);
    if (permission !== 'public' && !principal.permissions.has(permission)) {
      throw new ApiError(
        403,
        'forbidden',
        'This credential no longer has the permission this operation needs.',
      );
    }
    return principal;
  }

  /** Records when a key was last used, at most once a minute per key, off the request's path. */
  private touch(keyId: string, lastUsedAt: Date | null): void {
    if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
    this.db
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(eq(apiKeys.id, keyId))
      .catch(() => undefined);
  }

  /**
   * A realtime token (`rt_…`, see `realtimeToken.ts`) for the caller, valid `ttlMs`: only an
   * API key or a session can mint one, and it is signed under that credential's stored hash.
   */
  mintRealtime(
    principal: Principal,
    header: string | undefined,
    ttlMs: number,
  ): { token: string; expiresAt: Date } {
    if (principal.kind !== 'secret_key' && principal.kind !== 'session') {
      throw new ApiError(403, 'forbidden', 'Only a secret key or a session can create a realtime token.');
    }
    const exp = Math.floor((Date.now() + ttlMs) / 1000);
    const kind = principal.kind === 'session' ? 's' : 'k';
    const token = mintRealtimeToken(
      { kind, credentialId: principal.credentialId, exp },
      hashSecret(tokenOf(header)),
    );
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * Resolves a realtime token to its parent credential's principal, as it is now (role changes
   * apply, a revoked or expired parent fails), or throws 401. Never cached. `ignoreExpiry`: for
   * re-checking a stream the token opened (it only had to be valid when the stream opened).
   */
  async authenticateRealtime(token: string, options: { ignoreExpiry?: boolean } = {}): Promise<Principal> {
    const claims = readRealtimeToken(token);
    const invalid = () =>
      new ApiError(401, 'invalid_api_key', 'The realtime token is not valid: malformed, unknown or revoked.');
    if (!claims) throw invalid();
    if (!options.ignoreExpiry && claims.exp * 1000 <= Date.now()) {
      throw new ApiError(401, 'session_expired', 'This realtime token has expired; create another.');
    }
    const parentHash = await retryOnDeadConnection(async () => {
      if (claims.kind === 's') {
        const [row] = await this.db
          .select({ hash: sessions.tokenHash })
          .from(sessions)
          .where(eq(sessions.id, claims.credentialId));
        return row?.hash;
      }
      const [row] = await this.db
        .select({ hash: apiKeys.secretHash })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, claims.credentialId), eq(apiKeys.type, 'secret')));
      return row?.hash;
    });
    if (!parentHash || !realtimeSignatureValid(claims.payload, claims.mac, parentHash)) throw invalid();
    return retryOnDeadConnection(() =>
      this.lookup(this.db, claims.kind === 's' ? 'sess' : 'sk', parentHash, false),
    );
  }

  private async lookup(db: Executor, prefix: string, hash: string, lock: boolean): Promise<Principal> {
    if (prefix === 'op') {
      const query = db
        .select({ id: operatorKeys.id })
        .from(operatorKeys)
        .where(and(eq(operatorKeys.secretHash, hash), isNull(operatorKeys.revokedAt)));
      const [row] = lock ? await query.for('share') : await query;
      if (row) return operatorPrincipal(row.id);
    } else if (prefix === 'ag') {
      const query = db
        .select({ id: agencyKeys.id, agencyId: agencyKeys.agencyId })
        .from(agencyKeys)
        .where(and(eq(agencyKeys.secretHash, hash), isNull(agencyKeys.revokedAt)));
      const [row] = lock ? await query.for('share') : await query;
      if (row) {
        return {
          kind: 'agency_key',
          credentialId: row.id,
          tenant: null,
          role: null,
          userId: null,
          permissions: new Set(AGENCY_PERMISSIONS),
          agencyId: row.agencyId,
        };
      }
    } else if (prefix === 'sk' || prefix === 'pk') {
      const query = db
        .select({ key: apiKeys, tenant: tenants })
        .from(apiKeys)
        .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
        .where(and(eq(apiKeys.secretHash, hash), isNull(apiKeys.revokedAt)));
      const [row] = lock ? await query.for('share', { of: apiKeys }) : await query;
      if (row) {
        if (!lock) this.touch(row.key.id, row.key.lastUsedAt);
        const secret = row.key.type === 'secret';
        return {
          kind: secret ? 'secret_key' : 'publishable_key',
          credentialId: row.key.id,
          tenant: row.tenant,
          role: secret ? row.key.role : null,
          userId: null,
          // A secret key may do what its role may; a key without one (never, by constraint) nothing.
          permissions: new Set(
            secret ? (row.key.role ? ROLE_PERMISSIONS[row.key.role] : []) : PUBLISHABLE_PERMISSIONS,
          ),
        };
      }
    } else if (prefix === 'sess') {
      const query = db
        .select({ session: sessions, user: users, tenant: tenants })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
        .where(and(eq(sessions.tokenHash, hash), isNull(sessions.revokedAt)));
      const [row] = lock ? await query.for('share', { of: [sessions, users] }) : await query;
      if (row) {
        requireUnexpired(row.session.expiresAt);
        const role = row.user.role as Role;
        const vendorId = row.user.vendorId;
        return {
          kind: 'session',
          credentialId: row.session.id,
          tenant: row.tenant,
          role,
          userId: row.user.id,
          permissions: new Set(permissionsOf(role, vendorId)),
          ...(vendorId !== null && { vendorId }),
        };
      }
      throw signedOut();
    } else if (prefix === 'cst') {
      // A shopper's session: the tenant's publishable rights plus its own account.
      const query = db
        .select({ session: customerSessions, tenant: tenants })
        .from(customerSessions)
        .innerJoin(customers, eq(customers.id, customerSessions.customerId))
        .innerJoin(tenants, eq(tenants.id, customerSessions.tenantId))
        .where(and(eq(customerSessions.tokenHash, hash), isNull(customerSessions.revokedAt)));
      // Only the session row is share-locked: a write that then locks the customer (FOR UPDATE)
      // must not hold a share lock on it too, or two such writes would deadlock.
      const [row] = lock ? await query.for('share', { of: customerSessions }) : await query;
      if (row) {
        requireUnexpired(row.session.expiresAt);
        return {
          kind: 'customer',
          credentialId: row.session.id,
          tenant: row.tenant,
          role: null,
          userId: null,
          customerId: row.session.customerId,
          permissions: new Set(CUSTOMER_PERMISSIONS),
        };
      }
      throw signedOut();
    }
    throw new ApiError(401, 'invalid_api_key', 'The API key is not valid: unknown or revoked.');
  }
}

/** A session (a dashboard user's or a customer's) past its `expiresAt`: `401 session_expired`. */
function requireUnexpired(expiresAt: Date): void {
  if (expiresAt.getTime() <= Date.now()) {
    throw new ApiError(401, 'session_expired', 'This session has expired; sign in again.');
  }
}

function signedOut(): ApiError {
  return new ApiError(
    401,
    'session_expired',
    'This session is not valid (signed out or unknown); sign in again.',
  );
}

function prefixOf(token: string): string {
  return token.slice(0, token.indexOf('_'));
}

function tokenOf(header: string | undefined): string {
  if (!header)
    throw new ApiError(
      401,
      'unauthenticated',
      'Send an API key or session token as `Authorization: Bearer <token>`.',
    );
  const token = bearerToken(header);
  if (!token)
    throw new ApiError(401, 'unauthenticated', 'The Authorization header must be `Bearer <token>`.');
  return token;
}
