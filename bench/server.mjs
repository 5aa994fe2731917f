// Starts the AgentStack server in this process (the bench loads it from another process) and
// prints one JSON line: { url, secretKey, publishableKey, tenantId, startupMs }. STATEMENTS=count
// counts the SQL statements it sends (bench/statementCounter.mjs, read over IPC).
if (process.env.STATEMENTS === 'count') await import('./statementCounter.mjs');
const { createServer, seedDemo } = await import('@agentstack/server');

// RATE_LIMITS: `unbounded` (the default) applies the limiter with figures no load reaches — the
// full cost of a bucket and its headers on every call, without answering 429 to the benchmark's
// flood; `off` turns the limiter off; `catalogue` keeps the tiers' own figures. METERING=off turns
// API-call metering off. SERVER_REDIS_URL shares the buckets through Redis.
const HUGE = { perSecond: 1e9, burst: 1e9 };
const mode = process.env.RATE_LIMITS ?? 'unbounded';
const rateLimits =
  mode === 'off'
    ? false
    : mode === 'catalogue'
      ? undefined
      : {
          tiers: { starter: HUGE, growth: HUGE, scale: HUGE, enterprise: HUGE },
          operator: HUGE,
          agency: HUGE,
          anonymous: HUGE,
        };
const started = performance.now();
const server = await createServer({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR,
  logLevel: 'silent',
  poolSize: 10,
  natsUrl: process.env.NATS_URL || undefined,
  rateLimits,
  metering: process.env.METERING === 'off' ? false : undefined,
  redisUrl: process.env.SERVER_REDIS_URL || undefined,
});
const { url } = await server.start({ port: 0 });
const startupMs = performance.now() - started;
const creds = process.env.SEED === '0' ? null : await seedDemo(server.context);
const tenant = creds?.tenants.find((t) => t.slug === 'enterprise') ?? creds?.tenants[0];
process.stdout.write(
  `${JSON.stringify({
    url,
    startupMs,
    secretKey: tenant?.secretKey ?? null,
    publishableKey: tenant?.publishableKey ?? null,
    tenantId: tenant?.id ?? null,
  })}\n`,
);
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
