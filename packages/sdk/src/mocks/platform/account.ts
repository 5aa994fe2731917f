import { planResources } from '../../catalog/plans';
import {
  brandOperations,
  entitlementOperations,
  meOperations,
  planOperations,
} from '../../contract/platform/account';
import { brandOf } from '../db';
import { mockResource } from '../pipeline';
import { entitlementsOf } from '../rules';

const PLAN_LIST = planResources();

/** `me`, `entitlements`, `brand` and `plans` in memory. */
export const accountMocks = [
  ...mockResource(meOperations, {
    retrieve({ db, caller }) {
      const who = caller!;
      const tenant = who.kind === 'operator' || who.kind === 'agency_key' ? null : db.tenant;
      return {
        object: 'principal',
        kind: who.kind,
        tenantId: tenant?.id ?? null,
        tenantName: tenant?.name ?? null,
        agencyId: who.agencyId ?? null,
        role: who.role,
        userId: who.userId,
        vendorId: who.vendorId ?? null,
        permissions: [...who.permissions].sort(),
      };
    },
  }),
  ...mockResource(entitlementOperations, {
    retrieve(ctx) {
      ctx.tenant();
      return entitlementsOf(ctx.db);
    },
  }),
  ...mockResource(brandOperations, {
    retrieve(ctx) {
      ctx.tenant();
      return brandOf(ctx.db);
    },
  }),
  ...mockResource(planOperations, {
    list: () => ({ data: PLAN_LIST, hasMore: false, nextCursor: null }),
  }),
];
