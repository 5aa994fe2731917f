import { AgentStack, type RealtimeEvent, type RealtimeStatus } from '@agentstack/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from '../../../test/harness';

// The SDK's subscribe against the real server: live events, and resumption after the stream ends.
describe.each(DATABASES)('client.realtime.subscribe against the server on %s', (kind) => {
  let t: TestServer;
  let client: AgentStack;

  beforeAll(async () => {
    t = await startTestServer(kind);
    const { secretKey } = await createTenant(t);
    client = new AgentStack({ apiKey: secretKey, baseUrl: t.url });
  });
  afterAll(() => t?.stop());

  it('hands each product event to the handler once, in order, and reports its status', async () => {
    const seen: RealtimeEvent[] = [];
    const statuses: RealtimeStatus[] = [];
    let connected!: () => void;
    const ready = new Promise<void>((r) => {
      connected = r;
    });
    let got!: () => void;
    const both = new Promise<void>((r) => {
      got = r;
    });
    const stop = client.realtime.subscribe(
      'products',
      (e) => {
        seen.push(e);
        if (seen.length === 2) got();
      },
      {
        onStatus: (s) => {
          statuses.push(s);
          if (s === 'connected') connected();
        },
      },
    );
    await ready;
    const a = await client.commerce.products.create({
      title: 'One',
      price: { amount: 100, currency: 'EUR' },
    });
    const archived = await client.commerce.products.archive(a.id);
    await both;
    stop();
    expect(seen.map((e) => [e.type, e.data.id])).toEqual([
      ['product.created', a.id],
      ['product.archived', archived.id],
    ]);
    expect(seen[1]!.seq).toBe(seen[0]!.seq + 1);
    expect(statuses).toEqual(['connecting', 'connected']);
  });

  it('mints a realtime token the stream accepts', async () => {
    const { token, expiresAt } = await client.realtime.tokens.create();
    expect(token).toMatch(/^rt_/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const messages = client
      .withOptions({ apiKey: null })
      .realtime.events.stream({ topics: 'products', token });
    expect((await messages.next()).value).toMatchObject({ retry: 3000 });
    expect((await messages.next()).value).toMatchObject({ event: 'ready' });
    await messages.return(undefined);
  });
});
