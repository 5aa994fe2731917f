// The ceiling: bare Hono + pg, one indexed single-row read per request, same database and pool size.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const { rows } = await pool.query('select id from products order by id limit 1');
const id = rows[0]?.id;
const app = new Hono();
app.get('/hello', (c) => c.json({ hello: 'world' }));
app.get('/row', async (c) => {
  const r = await pool.query('select * from products where id = $1', [id]);
  return c.json(r.rows[0]);
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${info.port}` })}\n`);
});
process.on('SIGTERM', async () => {
  await pool.end();
  process.exit(0);
});
