import { Brand, Entitlements, Principal } from '@agentstack/sdk/schemas';
import { eq } from 'drizzle-orm';
import { agencies } from '../../../db/schema';
import type { ApiRouter } from '../../../http/route';
import { describeEntitlements } from '../entitlements/service';

/** Registers the caller's own views: `me`, `entitlements` and `brand`. */
export function accountRoutes(router: ApiRouter): void {
  router.add({
    method: 'get',
    path: '/v1/platform/me',
    tag: 'platform',
    summary: 'Retrieve the caller',
    auth: 'platform:me:read',
    response: Principal,
    handler: async ({ principal }) => ({
      object: 'principal' as const,
      kind: principal!.kind,
      tenantId: principal!.tenant?.id ?? null,
      tenantName: principal!.tenant?.name ?? null,
      role: principal!.role,
      userId: principal!.userId,
      permissions: [...principal!.permissions].sort(),
    }),
  });
  router.add({
    method: 'get',
    path: '/v1/platform/entitlements',
    tag: 'platform',
    summary: 'Retrieve entitlements and usage',
    auth: 'platform:read',
    response: Entitlements,
    handler: ({ db, tenant }) => describeEntitlements(db, tenant().tenant),
  });
  router.add({
    method: 'get',
    path: '/v1/platform/brand',
    tag: 'platform',
    summary: 'Retrieve the white-label brand',
    auth: 'platform:brand:read',
    response: Brand,
    handler: async ({ db, tenant, app }) => {
      const agencyId = tenant().tenant.agencyId;
      if (!agencyId) return app.defaultBrand;
      const [row] = await db
        .select({ brand: agencies.brand })
        .from(agencies)
        .where(eq(agencies.id, agencyId));
      return (row?.brand as Brand | undefined) ?? app.defaultBrand;
    },
  });
}
