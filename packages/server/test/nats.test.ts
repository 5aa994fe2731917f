import { connect, JSONCodec } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATS_STREAM } from '../src/events/nats';
import { createTenant, DATABASES, startTestServer, type TestServer } from './harness';
import { openStream } from './sse';

// Events through NATS JetStream: instance B commits, its dispatcher publishes to JetStream, and
// instance A — which takes no database notifications for realtime when NATS is configured —
// hears it from NATS and streams it to its SSE client.
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const PGLITE_REASON =
  'the NATS test runs two server instances on one PostgreSQL database (TEST_DATABASE_URL); PGlite cannot be shared by two instances';

async function natsReachable(): Promise<string | null> {
  try {
    const nc = await connect({ servers: NATS_URL, timeout: 2000, reconnect: false });
    await nc.jetstreamManager();
    await nc.close();
    return null;
  } catch (error) {
    return `NATS with JetStream is not reachable at ${NATS_URL} (${(error as Error).message})`;
  }
}

describe.each(DATABASES)('realtime across instances through NATS on %s', (kind) => {
  if (kind === 'pglite') {
    console.log(`skipped on PGlite: ${PGLITE_REASON}`);
    it.skip(`skipped on PGlite: ${PGLITE_REASON}`, () => {});
    return;
  }
  let a: TestServer | undefined;
  let b: TestServer | undefined;
  let unreachable: string | null = null;

  beforeAll(async () => {
    unreachable = await natsReachable();
    if (unreachable) return;
    a = await startTestServer(kind, { server: { natsUrl: NATS_URL } });
    b = await startTestServer(kind, { databaseUrl: a.databaseUrl, server: { natsUrl: NATS_URL } });
  });
  afterAll(async () => {
    await b?.server.stop();
    await a?.stop();
  });

  it('streams to a client on instance A an event caused on instance B, published to JetStream once', async (ctx) => {
    if (unreachable) {
      console.log(`skipped: ${unreachable}`);
      ctx.skip();
    }
    const tenant = await createTenant(a!);
    const stream = await openStream(a!.url, 'topics=products', { token: tenant.secretKey });
    expect(stream.status).toBe(200);
    await stream.nextOf('ready');
    const created = await b!.request('POST', '/v1/commerce/products', {
      token: tenant.secretKey,
      body: { title: 'Made on B', price: { amount: 500, currency: 'EUR' } },
    });
    expect(created.status).toBe(201);
    const event = await stream.next();
    expect([event?.event, event?.data.data.id]).toEqual(['product.created', created.body.id]);
    stream.close();

    // In JetStream under the tenant's subject, with the event's id as Nats-Msg-Id: a second
    // publish of it (a batch retried after a failure) is dropped as a duplicate.
    const nc = await connect({ servers: NATS_URL });
    try {
      const jsm = await nc.jetstreamManager();
      const subject = `agentstack.events.${tenant.tenantId}.product.created`;
      const stored = await jsm.streams.getMessage(NATS_STREAM, { last_by_subj: subject });
      expect(stored.header.get('Nats-Msg-Id')).toBe(event?.data.id);
      expect(JSONCodec().decode(stored.data)).toMatchObject({ id: event?.data.id, seq: event?.data.seq });
      const again = await nc.jetstream().publish(subject, stored.data, { msgID: event?.data.id });
      expect(again.duplicate).toBe(true);
    } finally {
      await nc.close();
    }
  });
});
