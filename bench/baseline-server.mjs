// The baselines: bare Hono + pg on the same database, pool size and machine, doing the least that
// answers the same request — no auth, validation, cache, transaction or idempotency.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';

pg.types.setTypeParser(20, (v) => Number(v));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const tenantId = process.env.TENANT_ID;
const { rows } = await pool.query('select id from products order by id limit 1');
const id = rows[0]?.id;

// The same keyset page the AgentStack list serves for its default order (newest first), in the
// same wire shape.
const PAGE = `select * from products where tenant_id = $1 and ($2::text is null or id < $2)
  order by id desc limit $3`;
const toProduct = (r) => ({
  id: r.id,
  object: 'product',
  title: r.title,
  description: r.description,
  sku: r.sku,
  status: r.status,
  price: { amount: r.price_amount, currency: r.currency },
  prices: r.prices,
  options: r.options,
  variants: r.variants,
  inventoryQuantity: r.inventory_quantity,
  imageUrl: r.image_url,
  media: r.media,
  categoryIds: r.category_ids,
  collectionIds: r.collection_ids,
  vendorId: r.vendor_id,
  metadata: r.metadata,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  archivedAt: r.archived_at?.toISOString() ?? null,
});

const app = new Hono();
app.get('/hello', (c) => c.json({ hello: 'world' }));
app.get('/row', async (c) => {
  const r = await pool.query('select * from products where id = $1', [id]);
  return c.json(r.rows[0]);
});
app.get('/page', async (c) => {
  const limit = Number(c.req.query('limit') ?? 20);
  const { rows: page } = await pool.query(PAGE, [tenantId, c.req.query('startingAfter') ?? null, limit + 1]);
  const hasMore = page.length > limit;
  const data = (hasMore ? page.slice(0, limit) : page).map(toProduct);
  return c.json({ data, hasMore, nextCursor: hasMore ? data[data.length - 1].id : null });
});
let seq = 0;
app.post('/products', async (c) => {
  const body = await c.req.json();
  const r = await pool.query(
    `insert into products (id, tenant_id, title, status, price_amount, currency, inventory_quantity)
     values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [
      `prod_base${process.pid}_${++seq}`,
      tenantId,
      body.title,
      body.status,
      body.price.amount,
      body.price.currency,
      body.inventoryQuantity,
    ],
  );
  return c.json(toProduct(r.rows[0]), 201);
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${info.port}` })}\n`);
});
process.on('SIGTERM', async () => {
  await pool.end();
  process.exit(0);
});
