import { newId } from '@agentstack/sdk/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DATABASES } from '../../test/harness';
import {
  bumpCatalogVersion,
  catalogVersion,
  productFilter,
  productStore,
  productValues,
} from '../modules/commerce/products/store';
import { tenantStore } from '../modules/platform/tenants/store';
import { type Database, openDatabase } from './client';
import { jsonBytesAtMost, PAGE_BYTE_BUDGET, toPage } from './store';

const SUBSCRIPTION = {
  platform: 'growth',
  commerce: 'commerce_growth',
  fintech: null,
  social: null,
} as const;

describe.each(DATABASES)('generic store (%s)', (kind) => {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  let one: string;
  let two: string;
  const titles = ['pear', 'apple', 'fig', 'apple', 'kiwi', 'apple', 'date'];

  beforeAll(async () => {
    const pg = kind === 'postgres' ? await createPostgresDatabase() : undefined;
    drop = pg?.drop;
    database = await openDatabase({ url: pg?.url });
    await database.migrate();
    const tenants = tenantStore(database.db);
    one = (await tenants.insert({ id: newId('ten'), name: 'one', subscription: SUBSCRIPTION })).id;
    two = (await tenants.insert({ id: newId('ten'), name: 'two', subscription: SUBSCRIPTION })).id;
    const store = productStore(database.db, one);
    for (const [i, title] of titles.entries()) {
      await store.insert({
        id: newId('prod'),
        ...productValues({ title, price: { amount: 100 * (i % 3), currency: 'EUR' } }),
      });
    }
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  async function walk(order: Parameters<ReturnType<typeof productStore>['page']>[0]['order'], limit: number) {
    const store = productStore(database.db, one);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await store.page({ limit, order, startingAfter: cursor });
      seen.push(...page.data.map((p) => p.id));
      if (!page.hasMore) return seen;
      cursor = page.nextCursor!;
    }
    throw new Error('pages never ended');
  }

  it('walks every sort order in pages, ties broken by id, each row exactly once', async () => {
    const all = (await productStore(database.db, one).page({ limit: 100 })).data;
    const byTitleThenId = [...all].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    for (const limit of [1, 2, 3, 7]) {
      expect(await walk('title', limit)).toEqual(byTitleThenId.map((p) => p.id));
      expect(await walk('-title', limit)).toEqual([...byTitleThenId].reverse().map((p) => p.id));
      const byPrice = [...all].sort((a, b) => a.price.amount - b.price.amount || a.id.localeCompare(b.id));
      expect(await walk('price', limit)).toEqual(byPrice.map((p) => p.id));
      expect(await walk('-createdAt', limit)).toEqual(all.map((p) => p.id));
    }
  });

  it('never reads or writes another tenant’s rows, cursors included', async () => {
    const mine = productStore(database.db, one);
    const theirs = productStore(database.db, two);
    const [first] = (await mine.page({ limit: 1 })).data;
    expect(await theirs.get(first!.id)).toBeUndefined();
    expect(await theirs.getMany([first!.id])).toEqual([]);
    expect(await theirs.remove(first!.id)).toBe(false);
    await expect(theirs.update(first!.id, { title: 'stolen' })).rejects.toThrow(/no row/);
    expect(await theirs.count()).toBe(0);
    expect(await mine.count()).toBe(titles.length);
    // A value-order cursor naming another tenant's row yields nothing: its value is not read.
    await theirs.insert({
      id: newId('prod'),
      ...productValues({ title: 'z', price: { amount: 1, currency: 'EUR' } }),
    });
    for (const order of ['title', '-title', 'price'] as const) {
      expect((await theirs.page({ order, startingAfter: first!.id })).data).toEqual([]);
    }
    expect((await mine.get(first!.id))?.title).toBe(first!.title);
  });

  it('reads a scalar alongside a page in the same statement, and nothing for an empty page', async () => {
    const version = catalogVersion(one);
    const page = await productStore(database.db, one).page({ limit: 2 }, undefined, version);
    expect(page.alongside).toBe(0);
    expect(Object.keys(page).sort()).toEqual(['alongside', 'data', 'hasMore', 'nextCursor']);
    await bumpCatalogVersion(database.db, one);
    expect((await productStore(database.db, one).page({ limit: 2 }, undefined, version)).alongside).toBe(1);
    const empty = await productStore(database.db, one).page(
      { limit: 2 },
      productFilter(one, { query: 'none such' }),
      version,
    );
    expect(empty).toEqual({ data: [], hasMore: false, nextCursor: null });
  });

  it('builds the same page as JSON in the database as toWire does in JS (wireJson)', async () => {
    const store = productStore(database.db, one);
    const odd = await store.insert({
      id: newId('prod'),
      ...productValues({
        title: 'Ünïcode "quoted" \\ tab\t',
        sku: 'ODD-1',
        price: { amount: 9_007_199_254, currency: 'JPY' },
        imageUrl: 'https://example.test/a.png',
        metadata: { colour: 'blue', note: 'line\nbreak' },
        prices: [{ amount: 12, currency: 'EUR' }],
        options: [{ name: 'Size', values: ['S', 'M'] }],
        media: [{ url: 'https://example.test/b.png', alt: 'Ünï "b"' }, { url: 'https://example.test/c.png' }],
        categoryIds: ['cat_0000000000000000'],
        collectionIds: ['coll_0000000000000000'],
      }),
    });
    await store.update(odd.id, { status: 'archived', archivedAt: new Date() });
    for (const order of ['-createdAt', 'title', '-price', 'updatedAt'] as const) {
      for (const limit of [1, 3, 100]) {
        const objects = await store.page({ order, limit }, undefined, catalogVersion(one));
        const text = await store.pageJson({ order, limit }, undefined, catalogVersion(one));
        expect(JSON.parse(text.json)).toEqual({ ...objects, alongside: undefined });
        expect(text.alongside).toBe(objects.alongside);
        const cursor = objects.nextCursor ?? undefined;
        expect(JSON.parse((await store.pageJson({ order, limit, startingAfter: cursor })).json)).toEqual(
          await store.page({ order, limit, startingAfter: cursor }),
        );
      }
    }
  });

  it('stops a JSON page of large items at the byte budget, and the cursors still walk every item', async () => {
    const three = (
      await tenantStore(database.db).insert({ id: newId('ten'), name: 'three', subscription: SUBSCRIPTION })
    ).id;
    const store = productStore(database.db, three);
    const metadata = Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`key${k}`, 'v'.repeat(500)]));
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const row = await store.insert({
        id: newId('prod'),
        ...productValues({
          title: `large ${i}`,
          description: 'd'.repeat(5000),
          price: { amount: 1, currency: 'EUR' },
          metadata,
        }),
      });
      ids.push(row.id);
    }
    const first = JSON.parse((await store.pageJson({ limit: 100 })).json);
    expect(first.data.length).toBeGreaterThan(1);
    expect(first.data.length).toBeLessThan(25);
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toBe(first.data.at(-1).id);
    const textBytes = first.data.reduce((n: number, item: unknown) => n + JSON.stringify(item).length * 3, 0);
    expect(textBytes).toBeLessThanOrEqual(PAGE_BYTE_BUDGET);
    const seen: string[] = first.data.map((p: { id: string }) => p.id);
    for (let cursor = first.nextCursor; cursor; ) {
      const page = JSON.parse((await store.pageJson({ limit: 100, startingAfter: cursor })).json);
      seen.push(...page.data.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('cuts page() and pageJson() at the same item: both measure the same JSON text', async () => {
    const four = (
      await tenantStore(database.db).insert({ id: newId('ten'), name: 'four', subscription: SUBSCRIPTION })
    ).id;
    const store = productStore(database.db, four);
    for (let i = 0; i < 8; i++) {
      await store.insert({
        id: newId('prod'),
        ...productValues({ title: `nulls ${i}`, price: { amount: 1, currency: 'EUR' } }),
      });
    }
    // 20,000 nulls an item: 6 characters of JSON text each ("null, ") but 25 bytes of
    // jsonBytesAtMost, so the two estimates end a page at different items (5 against 4).
    await database.query(
      `update products set media = (select jsonb_agg(null::jsonb) from generate_series(1, 20000)) where tenant_id = $1`,
      [four],
    );
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const objects = await store.page({ limit: 100, startingAfter: cursor });
      expect(objects).toEqual(JSON.parse((await store.pageJson({ limit: 100, startingAfter: cursor })).json));
      sizes.push(objects.data.length);
      cursor = objects.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([5, 3]);
  });

  it('locks many rows in id order and sets updatedAt on update', async () => {
    const store = productStore(database.db, one);
    const ids = (await store.page({ limit: 3 })).data.map((p) => p.id);
    await database.db.transaction(async (tx) => {
      const locked = await productStore(tx, one).getMany([...ids].reverse(), { forUpdate: true });
      expect(locked.map((r) => r.id)).toEqual([...ids].sort());
      const before = locked[0]!.updatedAt;
      const updated = await productStore(tx, one).update(locked[0]!.id, { inventoryQuantity: 3 });
      expect(updated.inventoryQuantity).toBe(3);
      expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    });
  });
});

describe('toPage', () => {
  const rows = Array.from({ length: 11 }, (_, i) => ({ id: `row_${i}`, text: 'x'.repeat(100_000) }));

  it('stops a page of large items at the byte budget, with a cursor at its last item', () => {
    const page = toPage(rows, 10, (row) => row, 1_000_000);
    expect(page.data.length).toBe(3);
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toBe('row_2');
    expect(page.data.reduce((n, item) => n + jsonBytesAtMost(item), 0)).toBeLessThanOrEqual(1_000_000);
  });

  it('keeps one item however large, and pages of small items whole', () => {
    expect(toPage(rows, 10, (row) => row, 10).data.length).toBe(1);
    const small = toPage(rows.slice(0, 5), 10, (row) => ({ id: row.id }));
    expect(small).toMatchObject({ hasMore: false, nextCursor: null });
    expect(small.data.length).toBe(5);
  });

  it('bounds the JSON size from above', () => {
    for (const value of [{ a: '€"\n', b: [1, null, true], c: { d: 'é' } }, ['😀', '\\'], 'plain']) {
      expect(jsonBytesAtMost(value)).toBeGreaterThanOrEqual(
        new TextEncoder().encode(JSON.stringify(value)).length,
      );
    }
  });
});
