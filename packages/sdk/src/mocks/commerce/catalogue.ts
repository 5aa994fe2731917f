import { ProblemError } from '../../contract/problem';
import type { ProductCreate } from '../../schemas/commerce/product';
import type { MockDb } from '../db';
import { requireMockFeature } from '../rules';

/** The server's `409 duplicate_sku`: products and variants share one SKU space. */
export function assertSkuFree(db: MockDb, sku: string | null | undefined, except?: string): void {
  if (!sku) return;
  const taken =
    db.products.some((p) => p.sku === sku && p.id !== except) ||
    db.products.some((p) => p.variants.some((v) => v.sku === sku && v.id !== except));
  if (taken) {
    throw new ProblemError(409, 'duplicate_sku', `Another product or variant already has SKU '${sku}'.`, {
      param: 'sku',
    });
  }
}

/** The server's checks of the categories, collections and vendor a product names. */
export function assertReferences(
  db: MockDb,
  input: Pick<ProductCreate, 'categoryIds' | 'collectionIds' | 'vendorId'>,
): void {
  const missing = (kind: string, param: string, id: string) =>
    new ProblemError(404, 'not_found', `No ${kind} with id '${id}'.`, { param });
  if (input.vendorId) {
    requireMockFeature(db, 'commerce.multiVendor');
    if (!db.vendors.some((v) => v.id === input.vendorId)) throw missing('vendor', 'vendorId', input.vendorId);
  }
  const absentCategory = input.categoryIds?.find((id) => !db.categories.some((c) => c.id === id));
  if (absentCategory) throw missing('category', 'categoryIds', absentCategory);
  const absentCollection = input.collectionIds?.find((id) => !db.collections.some((c) => c.id === id));
  if (absentCollection) throw missing('collection', 'collectionIds', absentCollection);
}

/** The ids of category `id` and every category below it. */
export function categoryAndDescendants(db: MockDb, id: string): Set<string> {
  const out = new Set<string>([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of db.categories) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return db.categories.some((c) => c.id === id) ? out : new Set();
}
