import type { Role } from '@agentstack/sdk/schemas';
import { and, eq, isNull } from 'drizzle-orm';
import { type Db, retryOnDeadConnection } from '../db/client';
import { apiKeys, operatorKeys, sessions, tenants, users } from '../db/schema';
import { ApiError } from '../http/errors';
import { hashSecret } from './credentials';
import {
  OPERATOR_PERMISSIONS,
  type Permission,
  PUBLISHABLE_PERMISSIONS,
  ROLE_PERMISSIONS,
} from './permissions';

/** A tenant row as the auth layer carries it. */
export type TenantRow = typeof tenants.$inferSelect;

/** Who is calling, resolved from the bearer credential. */
export interface Principal {
  kind: 'operator' | 'secret_key' | 'publishable_key' | 'session';
  /** The operator key, API key or session id. */
  credentialId: string;
  tenant: TenantRow | null;
  role: Role | null;
  userId: string | null;
  permissions: ReadonlySet<Permission>;
}

/** Principal of a tenant: `tenant` is never null. */
export type TenantPrincipal = Principal & { tenant: TenantRow };

/** The token of an `Authorization: Bearer <token>` header, if it is one. */
export function bearerToken(header: string | undefined): string | undefined {
  return header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
}

/** Credentials only their holder knows: a stored reply may be bound to them (publishable keys are public). */
const PRIVATE_KINDS = new Set<Principal['kind']>(['operator', 'secret_key', 'session']);

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

/**
 * Resolves bearer credentials to principals. Results are cached for `cacheTtlMs` (default 5 s)
 * per instance so a hot read path costs one query, not two; revocations on this instance clear
 * the cache at once, other instances see them within the TTL.
 */
export class Authenticator {
  private cache = new Map<string, CacheEntry>();

  constructor(
    private readonly db: Db,
    private readonly cacheTtlMs = 5000,
  ) {}

  /** Forgets every cached principal (after a revocation or a plan change). */
  invalidate(): void {
    this.cache.clear();
  }

  /** Resolves `Authorization: Bearer …`, or throws 401. */
  async authenticate(header: string | undefined): Promise<Principal> {
    if (!header)
      throw new ApiError(
        401,
        'unauthenticated',
        'Send an API key or session token as `Authorization: Bearer <token>`.',
      );
    const token = bearerToken(header);
    if (!token)
      throw new ApiError(401, 'unauthenticated', 'The Authorization header must be `Bearer <token>`.');
    const hash = hashSecret(token);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.expiresAt > now) return hit.principal;
    const principal = await retryOnDeadConnection(() => this.lookup(token, hash));
    if (this.cacheTtlMs > 0) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, { principal, expiresAt: now + this.cacheTtlMs });
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

  private async lookup(token: string, hash: string): Promise<Principal> {
    const prefix = token.slice(0, token.indexOf('_'));
    if (prefix === 'op') {
      const [row] = await this.db
        .select({ id: operatorKeys.id })
        .from(operatorKeys)
        .where(and(eq(operatorKeys.secretHash, hash), isNull(operatorKeys.revokedAt)));
      if (row) {
        return {
          kind: 'operator',
          credentialId: row.id,
          tenant: null,
          role: null,
          userId: null,
          permissions: new Set(OPERATOR_PERMISSIONS),
        };
      }
    } else if (prefix === 'sk' || prefix === 'pk') {
      const [row] = await this.db
        .select({ key: apiKeys, tenant: tenants })
        .from(apiKeys)
        .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
        .where(and(eq(apiKeys.secretHash, hash), isNull(apiKeys.revokedAt)));
      if (row) {
        this.touch(row.key.id, row.key.lastUsedAt);
        const secret = row.key.type === 'secret';
        return {
          kind: secret ? 'secret_key' : 'publishable_key',
          credentialId: row.key.id,
          tenant: row.tenant,
          role: secret ? 'owner' : null,
          userId: null,
          permissions: new Set(secret ? ROLE_PERMISSIONS.owner : PUBLISHABLE_PERMISSIONS),
        };
      }
    } else if (prefix === 'sess') {
      const [row] = await this.db
        .select({ session: sessions, user: users, tenant: tenants })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
        .where(and(eq(sessions.tokenHash, hash), isNull(sessions.revokedAt)));
      if (row) {
        if (row.session.expiresAt.getTime() <= Date.now()) {
          throw new ApiError(401, 'session_expired', 'This session has expired; sign in again.');
        }
        const role = row.user.role as Role;
        return {
          kind: 'session',
          credentialId: row.session.id,
          tenant: row.tenant,
          role,
          userId: row.user.id,
          permissions: new Set(ROLE_PERMISSIONS[role]),
        };
      }
      throw new ApiError(
        401,
        'session_expired',
        'This session is not valid (signed out or unknown); sign in again.',
      );
    }
    throw new ApiError(401, 'invalid_api_key', 'The API key is not valid: unknown or revoked.');
  }
}
