import { categoryOperations } from '../../contract/commerce/categories';
import { requireCategoryPlacement } from '../../contract/commerce/rules';
import { ProblemError } from '../../contract/problem';
import type { ProductCategory } from '../../schemas/commerce/category';
import { newId } from '../../schemas/ids';
import { findById, now, orderBy, paginate } from '../collection';
import type { MockDb } from '../db';
import { mockResource } from '../pipeline';

const ORDER_FIELDS = { name: (c: ProductCategory) => c.name, createdAt: (c: ProductCategory) => c.createdAt };

/** The ids from `parentId` up to the root; the server's `404` naming `parentId` for an unknown one. */
function chainOf(db: MockDb, parentId: string | null | undefined): string[] {
  const chain: string[] = [];
  let id = parentId ?? null;
  while (id !== null && chain.length < 64) {
    const category = db.categories.find((c) => c.id === id);
    if (!category) {
      throw new ProblemError(404, 'not_found', `No category with id '${parentId}'.`, { param: 'parentId' });
    }
    chain.push(category.id);
    id = category.parentId;
  }
  return chain;
}

function heightOf(db: MockDb, id: string): number {
  const children = db.categories.filter((c) => c.parentId === id);
  return 1 + Math.max(0, ...children.map((c) => heightOf(db, c.id)));
}

/** `/v1/commerce/categories` in memory. */
export const categoryMocks = mockResource(categoryOperations, {
  list(ctx) {
    ctx.tenant();
    return paginate(ctx.db.categories, ctx.query, orderBy(ctx.query.order ?? 'name', ORDER_FIELDS));
  },
  retrieve(ctx) {
    ctx.tenant();
    return findById(ctx.db.categories, ctx.params.id, 'category');
  },
  create(ctx) {
    ctx.tenant();
    const input = ctx.body;
    requireCategoryPlacement(undefined, chainOf(ctx.db, input.parentId), 1);
    const at = now();
    const category: ProductCategory = {
      id: newId('cat'),
      object: 'product_category',
      name: input.name,
      description: input.description ?? '',
      parentId: input.parentId ?? null,
      metadata: input.metadata ?? {},
      createdAt: at,
      updatedAt: at,
    };
    ctx.db.categories.push(category);
    return category;
  },
  update(ctx) {
    ctx.tenant();
    const category = findById(ctx.db.categories, ctx.params.id, 'category');
    const input = ctx.body;
    if (input.parentId !== undefined && input.parentId !== category.parentId) {
      requireCategoryPlacement(category.id, chainOf(ctx.db, input.parentId), heightOf(ctx.db, category.id));
    }
    return Object.assign(category, input, { updatedAt: now() });
  },
  del(ctx) {
    ctx.tenant();
    const category = findById(ctx.db.categories, ctx.params.id, 'category');
    if (ctx.db.categories.some((c) => c.parentId === category.id)) {
      throw new ProblemError(
        409,
        'invalid_state',
        'This category has subcategories: move or delete them first.',
        {
          param: 'id',
        },
      );
    }
    ctx.db.categories = ctx.db.categories.filter((c) => c.id !== category.id);
    for (const p of ctx.db.products) {
      if (p.categoryIds.includes(category.id))
        p.categoryIds = p.categoryIds.filter((id) => id !== category.id);
    }
    return { id: category.id, object: 'product_category' as const, deleted: true as const };
  },
});
