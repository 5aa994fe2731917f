// Starts the AgentStack server in this process (the bench loads it from another process) and
// prints one JSON line: { url, secretKey, startupMs }.
import { createServer, seedDemo } from '@agentstack/server';

const started = performance.now();
const server = await createServer({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR,
  logLevel: 'silent',
  poolSize: 10,
  natsUrl: process.env.NATS_URL || undefined,
});
const { url } = await server.start({ port: 0 });
const startupMs = performance.now() - started;
const creds = process.env.SEED === '0' ? null : await seedDemo(server.context);
const tenant = creds?.tenants.find((t) => t.slug === 'enterprise') ?? creds?.tenants[0];
process.stdout.write(`${JSON.stringify({ url, startupMs, secretKey: tenant?.secretKey ?? null })}\n`);
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
