import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { webhookDeliveries } from '../src/db/schema';
import { sendDueWebhooks, webhookSendsInFlight } from '../src/webhooks/deliveries';
import type { TestServer } from './harness';

/** One request a receiver got. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered: a status, or `hang` (never answered). */
  answer: number | 'hang';
}

/** What the receiver answers its `n`th request (from 1) to `path`: a status, or `hang`. */
export type Script = (n: number, path: string) => number | 'hang';

/**
 * A real HTTP receiver on 127.0.0.1 and a free port, answering as `script` says. It records every
 * request, and the most requests it ever had in flight at once for one event id (a double send).
 */
export async function startReceiver(script: Script = () => 200) {
  const received: ReceivedWebhook[] = [];
  const inFlight = new Map<string, number>();
  let maxInFlightPerEvent = 0;
  const hanging = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      const answer = script(n, path);
      const eventId = String(req.headers['agentstack-event-id']);
      const now = (inFlight.get(eventId) ?? 0) + 1;
      inFlight.set(eventId, now);
      maxInFlightPerEvent = Math.max(maxInFlightPerEvent, now);
      received.push({
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        answer,
      });
      const done = () => inFlight.set(eventId, (inFlight.get(eventId) ?? 1) - 1);
      if (answer === 'hang') {
        hanging.add(res);
        res.on('close', done);
        return;
      }
      done();
      res.writeHead(answer, { 'content-type': 'text/plain' });
      res.end(answer < 300 ? '{"received":true}' : `receiver says ${answer}`);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: (path = '/hooks') => `http://127.0.0.1:${port}${path}`,
    received,
    get maxInFlightPerEvent() {
      return maxInFlightPerEvent;
    },
    /** Requests answered 2xx, by event id. */
    delivered(): Map<string, ReceivedWebhook[]> {
      const out = new Map<string, ReceivedWebhook[]>();
      for (const r of received) {
        if (r.answer === 'hang' || r.answer >= 300) continue;
        const id = String(r.headers['agentstack-event-id']);
        out.set(id, [...(out.get(id) ?? []), r]);
      }
      return out;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * Drives every server until its handlers have caught up and no delivery of `tenantIds` is pending
 * and no sending round is running (tests set a zero retry delay, so a failed attempt is due again
 * at once): the dispatcher's `drain()`, then sending rounds, polled — whichever instance's
 * background task sends them.
 */
export async function drainWebhooks(
  servers: TestServer[],
  tenantIds: string[],
  maxRounds = 5000,
): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    for (const t of servers) await t.server.context.dispatcher!.drain();
    await Promise.all(servers.map((t) => sendDueWebhooks(t.server.context)));
    const [row] = await servers[0]!.server.context.db
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookDeliveries)
      .where(and(inArray(webhookDeliveries.tenantId, tenantIds), eq(webhookDeliveries.status, 'pending')));
    if (Number(row?.n ?? 0) === 0) {
      // Events recorded by the last attempts (an endpoint disabled) fan out too.
      let again = false;
      for (const t of servers) {
        await t.server.context.dispatcher!.drain();
      }
      const [after] = await servers[0]!.server.context.db
        .select({ n: sql<number>`count(*)::int` })
        .from(webhookDeliveries)
        .where(and(inArray(webhookDeliveries.tenantId, tenantIds), eq(webhookDeliveries.status, 'pending')));
      // …and no round still sending (an attempt in flight when its endpoint was disabled).
      again = Number(after?.n ?? 0) > 0 || servers.some((t) => webhookSendsInFlight(t.server.context) > 0);
      if (!again) return;
    }
    await tick();
  }
  throw new Error('webhook deliveries did not settle');
}
