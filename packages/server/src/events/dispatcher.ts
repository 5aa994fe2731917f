import type { AppContext } from '../context';
import type { Executor } from '../db/client';
import { errorFields } from '../observability/errorFields';
import {
  advanceCursor,
  backlog,
  claimCursor,
  deferCursor,
  openCursors,
  readEvents,
  type StoredEvent,
} from './store';

/**
 * Something the server does when events happen: it receives each event of its `types` once per
 * tenant, in the tenant's commit order, inside a transaction that also records its progress — so
 * what it writes with `tx` happens exactly once, even when dispatchers crash or several share the
 * database. Work outside the database (HTTP calls, email) must not happen here: record it (e.g. a
 * webhook delivery row) and let a {@link BackgroundTask} do it.
 *
 * A handler that throws rolls its batch back; the tenant's events wait and are retried with
 * backoff (up to a minute apart), the failure logged and counted in `/metrics`. Later events of
 * that tenant wait behind it (order is kept); other tenants and other handlers go on.
 */
export interface EventHandler {
  /** Stable name: the handler's progress is stored under it (renaming it replays the retained events). */
  name: string;
  /** Event types handled (`product.created`), a prefix (`product.*`), or `*` for all. */
  types: readonly string[];
  handle(tx: Executor, event: StoredEvent, app: AppContext): Promise<void>;
  /**
   * Handles the events of a batch it wants (one tenant's, in order, at least one) at once, in
   * place of one {@link handle} call each — for handlers that read the same rows for every event.
   */
  handleBatch?(tx: Executor, events: readonly StoredEvent[], app: AppContext): Promise<void>;
}

/**
 * Periodic work that runs beside the dispatcher, wherever it runs (`start`, `worker`): e.g.
 * delivering webhook attempts that are due. `run` resolves with `true` while more work is due at
 * once (it is then called again without waiting), `false` when idle.
 */
export interface BackgroundTask {
  name: string;
  /** How long to wait between runs when idle. */
  intervalMs: number;
  run(app: AppContext): Promise<boolean>;
}

const registeredHandlers: EventHandler[] = [];
const registeredTasks: BackgroundTask[] = [];

/** Adds an event handler to every server created after this call (modules call it at import). */
export function registerEventHandler(handler: EventHandler): void {
  if (registeredHandlers.some((h) => h.name === handler.name)) {
    throw new Error(`event handler '${handler.name}' is registered twice`);
  }
  registeredHandlers.push(handler);
}

/** Adds a background task to every server created after this call (modules call it at import). */
export function registerBackgroundTask(task: BackgroundTask): void {
  if (registeredTasks.some((t) => t.name === task.name)) {
    throw new Error(`background task '${task.name}' is registered twice`);
  }
  registeredTasks.push(task);
}

/** The handlers modules registered. */
export function registeredEventHandlers(): readonly EventHandler[] {
  return registeredHandlers;
}

/** True when `handler` wants events of `type`. */
export function handles(handler: Pick<EventHandler, 'types'>, type: string): boolean {
  return handler.types.some(
    (t) => t === '*' || t === type || (t.endsWith('.*') && type.startsWith(t.slice(0, -1))),
  );
}

/** Options of {@link EventDispatcher}. */
export interface DispatcherOptions {
  /** Handlers besides the registered ones (tests, embedding). */
  handlers?: EventHandler[];
  /** Tasks besides the registered ones. */
  tasks?: BackgroundTask[];
  /** How often to look for work when nothing announced any. Defaults to 1,000 ms. */
  pollMs?: number;
  /** Events per handler transaction. Defaults to 100. */
  batchSize?: number;
  /** How long a failed batch waits, by failed attempts so far. Defaults to 0.5 s doubling to 60 s, with jitter. */
  retryDelay?: (attempts: number) => number;
}

const MAX_RETRY_DELAY_MS = 60_000;
const retryDelay = (attempts: number) =>
  Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** attempts) * (0.5 + Math.random() / 2);

/**
 * Delivers the outbox to the event handlers, at least once and in each tenant's commit order,
 * and runs the background tasks. Any number of dispatchers (servers, `agentstack-server worker`
 * processes) share one PostgreSQL: each claims a tenant's cursor with `FOR UPDATE SKIP LOCKED`.
 * It wakes when this instance commits events ({@link wake}), on the database's event
 * notification, and every `pollMs` in case both were missed.
 */
export class EventDispatcher {
  readonly handlers: readonly EventHandler[];
  readonly tasks: readonly BackgroundTask[];
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly retryDelay: (attempts: number) => number;
  private running = false;
  private pass: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly taskTimers = new Map<string, NodeJS.Timeout>();
  private readonly taskRuns = new Map<string, Promise<void>>();
  private readonly handled = new Map<string, number>();
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly app: AppContext,
    options: DispatcherOptions = {},
  ) {
    this.handlers = [...registeredHandlers, ...(options.handlers ?? [])];
    this.tasks = [...registeredTasks, ...(options.tasks ?? [])];
    this.pollMs = options.pollMs ?? 1000;
    this.batchSize = options.batchSize ?? 100;
    this.retryDelay = options.retryDelay ?? retryDelay;
  }

  /** Starts dispatching and the background tasks. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.wake();
    for (const task of this.tasks) this.scheduleTask(task, 0);
  }

  /** Asks for a pass soon (coalesced): called when events were committed or announced. */
  wake(): void {
    if (!this.running) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.pass = this.dispatchAll()
      .then(() => undefined)
      .catch((error) => this.app.log.warn('event dispatch failed', errorFields(error)))
      .finally(() => {
        this.pass = undefined;
        if (!this.running) return;
        if (this.again) {
          this.again = false;
          this.wake();
        } else {
          this.timer = setTimeout(() => this.wake(), this.pollMs).unref();
        }
      });
  }

  /** Runs a task now (coalesced with a run in progress), e.g. when work for it was just recorded. */
  runTask(name: string): void {
    const task = this.tasks.find((t) => t.name === name);
    if (task && this.running) this.scheduleTask(task, 0);
  }

  /** Stops: waits for the pass and task runs in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    for (const timer of this.taskTimers.values()) clearTimeout(timer);
    await this.pass;
    await Promise.all(this.taskRuns.values());
  }

  /**
   * One pass: every handler until none of its cursors is behind and due. Resolves with the
   * number of events handled. Tests and `drain()` call it directly.
   */
  async dispatchAll(): Promise<number> {
    let total = 0;
    for (const handler of this.handlers) {
      await openCursors(this.app.db, handler.name);
      for (;;) {
        const n = await this.dispatchOne(handler);
        if (n === undefined) break;
        total += n;
      }
    }
    return total;
  }

  /**
   * Resolves once every handler has caught up with every event committed before the call (on
   * this database, whichever dispatcher handled them). Tests call it instead of waiting for time
   * to pass; a handler that keeps failing makes it reject after `maxPasses`.
   */
  async drain(maxPasses = 1000): Promise<void> {
    for (let pass = 0; pass < maxPasses; pass++) {
      await this.pass;
      await this.dispatchAll();
      const pending = await backlog(this.app.db);
      if (!pending.some((r) => this.handlers.some((h) => h.name === r.consumer) && r.pending > 0)) return;
      // Another dispatcher holds a cursor, or a failed batch waits for its retry time.
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('event handlers did not catch up (a handler keeps failing?)');
  }

  /** Handles one batch of one tenant's events for `handler`; `undefined` when nothing is due. */
  private async dispatchOne(handler: EventHandler): Promise<number | undefined> {
    let claimed: { tenantId: string; attempts: number } | undefined;
    try {
      return await this.app.db.transaction(async (tx) => {
        const cursor = await claimCursor(tx, handler.name);
        if (!cursor) return undefined;
        claimed = cursor;
        const batch = await readEvents(tx, cursor.tenantId, cursor.seq, this.batchSize);
        const wanted = batch.filter((event) => handles(handler, event.type));
        if (handler.handleBatch) {
          if (wanted.length > 0) await handler.handleBatch(tx, wanted, this.app);
        } else {
          for (const event of wanted) await handler.handle(tx, event, this.app);
        }
        const count = wanted.length;
        const last = batch.at(-1);
        if (last) await advanceCursor(tx, handler.name, cursor.tenantId, last.seq);
        this.handled.set(handler.name, (this.handled.get(handler.name) ?? 0) + count);
        return count;
      });
    } catch (error) {
      if (!claimed) throw error;
      this.failures.set(handler.name, (this.failures.get(handler.name) ?? 0) + 1);
      const fields = errorFields(error);
      this.app.log.warn('event handler failed; its tenant’s events will be retried', {
        handler: handler.name,
        tenantId: claimed.tenantId,
        attempts: claimed.attempts + 1,
        ...fields,
      });
      const message = String(fields.error ?? 'failed').slice(0, 500);
      await deferCursor(
        this.app.db,
        handler.name,
        claimed.tenantId,
        this.retryDelay(claimed.attempts),
        message,
      );
      return 0;
    }
  }

  private scheduleTask(task: BackgroundTask, delayMs: number): void {
    if (!this.running) return;
    if (this.taskRuns.has(task.name)) return; // running: it looks for due work again when done
    clearTimeout(this.taskTimers.get(task.name));
    this.taskTimers.set(
      task.name,
      setTimeout(() => {
        this.taskTimers.delete(task.name);
        const run = task
          .run(this.app)
          .catch((error) => {
            this.app.log.warn('background task failed', { task: task.name, ...errorFields(error) });
            return false;
          })
          .then((more) => {
            this.taskRuns.delete(task.name);
            this.scheduleTask(task, more ? 0 : task.intervalMs);
          });
        this.taskRuns.set(task.name, run);
      }, delayMs).unref(),
    );
  }

  /** Figures for `/metrics`: events handled and failed per handler, and the backlog. */
  async metrics(): Promise<string[]> {
    const lines = [
      '# HELP agentstack_events_handled_total Events handled, per event handler.',
      '# TYPE agentstack_events_handled_total counter',
      ...this.handlers.map(
        (h) => `agentstack_events_handled_total{handler="${h.name}"} ${this.handled.get(h.name) ?? 0}`,
      ),
      '# HELP agentstack_event_handler_failures_total Failed handler batches (retried with backoff).',
      '# TYPE agentstack_event_handler_failures_total counter',
      ...this.handlers.map(
        (h) =>
          `agentstack_event_handler_failures_total{handler="${h.name}"} ${this.failures.get(h.name) ?? 0}`,
      ),
    ];
    const rows = new Map((await backlog(this.app.db)).map((r) => [r.consumer, r]));
    lines.push(
      '# HELP agentstack_events_pending Events committed and not yet handled, per event handler (queue depth).',
      '# TYPE agentstack_events_pending gauge',
      ...this.handlers.map(
        (h) => `agentstack_events_pending{handler="${h.name}"} ${rows.get(h.name)?.pending ?? 0}`,
      ),
      '# HELP agentstack_events_lag_seconds Age of the oldest event not yet handled, per event handler.',
      '# TYPE agentstack_events_lag_seconds gauge',
      ...this.handlers.map(
        (h) => `agentstack_events_lag_seconds{handler="${h.name}"} ${rows.get(h.name)?.oldestSeconds ?? 0}`,
      ),
    );
    return lines;
  }
}
