import type { AppContext } from '../context';
import { errorFields } from '../observability/errorFields';
import type { Logger } from '../observability/logger';
import type { EventHandler } from './dispatcher';

/** The JetStream stream events are published to. */
export const NATS_STREAM = 'AGENTSTACK_EVENTS';
/** Subjects: `agentstack.events.<tenantId>.<type>`, e.g. `agentstack.events.ten_1.product.created`. */
export const NATS_SUBJECT_PREFIX = 'agentstack.events';

type Nats = typeof import('nats');
type NatsConnection = import('nats').NatsConnection;
type JetStreamClient = import('nats').JetStreamClient;

/**
 * The NATS transport of events (`NATS_URL`): a handler publishes each committed event to
 * JetStream (stream {@link NATS_STREAM}, `Nats-Msg-Id` = the event's id, so a publish repeated
 * after a rolled-back batch is dropped as a duplicate), and every instance subscribes to the
 * subjects and announces the tenant to its {@link EventHub}, which reads the events from the
 * outbox — realtime fan-out across instances goes through NATS instead of the database's
 * notifications. Other consumers can read the stream too.
 */
export class NatsTransport {
  private constructor(
    private readonly nats: Nats,
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly log: Logger,
  ) {}

  /** Connects, and creates the stream if it does not exist. Throws when NATS is unreachable. */
  static async connect(url: string, log: Logger): Promise<NatsTransport> {
    const nats = await import('nats');
    const nc = await nats.connect({ servers: url, name: 'agentstack-server', maxReconnectAttempts: -1 });
    const jsm = await nc.jetstreamManager();
    try {
      await jsm.streams.info(NATS_STREAM);
    } catch {
      await jsm.streams
        .add({
          name: NATS_STREAM,
          subjects: [`${NATS_SUBJECT_PREFIX}.>`],
          max_age: nats.nanos(7 * 24 * 3_600_000),
          duplicate_window: nats.nanos(2 * 60_000),
          storage: nats.StorageType.File,
        })
        .catch(async (error) => {
          // Another instance created it meanwhile.
          await jsm.streams.info(NATS_STREAM).catch(() => {
            throw error;
          });
        });
    }
    return new NatsTransport(nats, nc, nc.jetstream(), log);
  }

  /** The event handler that publishes every event (register it with the dispatcher). */
  handler(): EventHandler {
    const codec = this.nats.JSONCodec();
    return {
      name: 'nats.publish',
      types: ['*'],
      // The one handler doing I/O: publishing is idempotent (deduplicated by `Nats-Msg-Id`), and
      // the cursor only advances once JetStream acknowledged, so every event is published.
      handle: async (_tx, event) => {
        await this.js.publish(
          `${NATS_SUBJECT_PREFIX}.${event.tenantId}.${event.type}`,
          codec.encode({
            id: event.id,
            tenantId: event.tenantId,
            seq: event.seq,
            type: event.type,
            objectId: event.objectId,
            createdAt: event.createdAt.toISOString(),
            data: event.data,
          }),
          { msgID: event.id },
        );
      },
    };
  }

  /**
   * Announces each published event's tenant to this instance's hub, and every tenant after a
   * reconnection (what was published meanwhile). Returns the unsubscribe.
   */
  listen(app: Pick<AppContext, 'events'>): () => void {
    const sub = this.nc.subscribe(`${NATS_SUBJECT_PREFIX}.>`);
    void (async () => {
      for await (const message of sub) {
        const tenantId = message.subject.split('.')[2];
        if (tenantId) app.events.announce(tenantId);
      }
    })().catch((error) => this.log.warn('nats subscription failed', errorFields(error)));
    void (async () => {
      for await (const status of this.nc.status()) {
        if (status.type === 'reconnect') app.events.announce();
        if (status.type === 'disconnect') this.log.warn('nats disconnected', { server: String(status.data) });
      }
    })().catch(() => undefined);
    return () => sub.unsubscribe();
  }

  /** Drains and closes the connection. */
  async close(): Promise<void> {
    await this.nc.drain().catch(() => undefined);
  }
}
