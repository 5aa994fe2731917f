import { rateLimitOf } from '@agentstack/sdk/catalog';
import { brandOperations, entitlementOperations, meOperations } from '@agentstack/sdk/contract';
import type { ApiRouter } from '../../../http/route';
import { describeEntitlements } from '../entitlements/service';
import { tenantBrand } from './brand';

/** Serves the caller's own views: `me`, `entitlements` and `brand`. */
export function accountRoutes(router: ApiRouter): void {
  router.implement(meOperations.retrieve, async ({ principal }) => ({
    object: 'principal' as const,
    kind: principal!.kind,
    tenantId: principal!.tenant?.id ?? null,
    tenantName: principal!.tenant?.name ?? null,
    agencyId: principal!.agencyId ?? null,
    role: principal!.role,
    userId: principal!.userId,
    vendorId: principal!.vendorId ?? null,
    permissions: [...principal!.permissions].sort(),
  }));
  router.implement(entitlementOperations.retrieve, async ({ db, tenant, app, principal }) => {
    const row = tenant().tenant;
    return describeEntitlements(db, row, {
      // The figures this server applies (its options may replace the catalogue's).
      rateLimit: app.rateLimiter?.bucketOf(principal, '').policy ?? rateLimitOf(row.subscription.platform),
      apiCalls: (await app.meter?.usage(db, row.id)) ?? { today: 0, month: 0 },
    });
  });
  router.implement(brandOperations.retrieve, ({ db, tenant, app }) =>
    tenantBrand(db, tenant().tenant, app.defaultBrand),
  );
}
