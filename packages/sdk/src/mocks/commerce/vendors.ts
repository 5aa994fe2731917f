import { vendorOperations } from '../../contract/commerce/vendors';
import { ProblemError } from '../../contract/problem';
import type { Vendor } from '../../schemas/commerce/vendor';
import { newId } from '../../schemas/ids';
import { findById, now, orderBy, paginate } from '../collection';
import type { MockContext } from '../pipeline';
import { mockResource } from '../pipeline';
import { requireMockFeature } from '../rules';

const ORDER_FIELDS = { name: (v: Vendor) => v.name, createdAt: (v: Vendor) => v.createdAt };

/** As the server: a tenant caller, then the plan feature `commerce.multiVendor`. */
function entitled(ctx: MockContext<(typeof vendorOperations)[keyof typeof vendorOperations]>) {
  ctx.tenant();
  requireMockFeature(ctx.db, 'commerce.multiVendor');
  return ctx.db;
}

/** `/v1/commerce/vendors` in memory. */
export const vendorMocks = mockResource(vendorOperations, {
  list: (ctx) => paginate(entitled(ctx).vendors, ctx.query, orderBy(ctx.query.order ?? 'name', ORDER_FIELDS)),
  retrieve: (ctx) => findById(entitled(ctx).vendors, ctx.params.id, 'vendor'),
  create(ctx) {
    const at = now();
    const vendor: Vendor = {
      id: newId('ven'),
      object: 'vendor',
      name: ctx.body.name,
      metadata: ctx.body.metadata ?? {},
      createdAt: at,
      updatedAt: at,
    };
    entitled(ctx).vendors.push(vendor);
    return vendor;
  },
  update(ctx) {
    const vendor = findById(entitled(ctx).vendors, ctx.params.id, 'vendor');
    return Object.assign(vendor, ctx.body, { updatedAt: now() });
  },
  del(ctx) {
    const db = entitled(ctx);
    const vendor = findById(db.vendors, ctx.params.id, 'vendor');
    const bound = db.users.filter((u) => u.vendorId === vendor.id).length;
    if (bound > 0) {
      throw new ProblemError(
        409,
        'conflict',
        `Vendor '${vendor.id}' has ${bound} dashboard user(s); unbind or delete them first.`,
        { param: 'id' },
      );
    }
    for (const i of db.invitations)
      if (i.vendorId === vendor.id && !i.acceptedAt && !i.revokedAt) i.revokedAt = now();
    db.vendors = db.vendors.filter((v) => v.id !== vendor.id);
    for (const p of db.products) if (p.vendorId === vendor.id) p.vendorId = null;
    return { id: vendor.id, object: 'vendor' as const, deleted: true as const };
  },
});
