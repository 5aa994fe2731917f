/**
 * `agentstack-server`: runs the AgentStack server from the command line.
 *
 * - `agentstack-server start` — embedded PGlite in `--data-dir`, or PostgreSQL when
 *   `DATABASE_URL` is set; seeds demo data into an empty database and prints its credentials.
 * - `agentstack-server worker` — dispatches events and runs background work, without the API
 *   (PostgreSQL only; any number beside the API instances).
 * - `agentstack-server migrate` — applies pending migrations and exits.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { type AgentStackServer, createServer } from './app';
import { openDatabase } from './db/client';
import { parseEmailAddress, parsePublicUrl, parseSmtpUrl } from './email/settings';
import type { LogLevel } from './observability/logger';
import { type DemoCredentials, formatDemoCredentials, seedDemo } from './seed';

const HELP = `agentstack-server — the self-hostable AgentStack server

Usage:
  agentstack-server start [options]   Start the API (migrates, and seeds demo data on an empty database)
  agentstack-server worker [options]  Dispatch events and run background work, without the API
                                      (PostgreSQL only: start API instances with --no-dispatch)
  agentstack-server migrate [options] Apply pending database migrations and exit
  agentstack-server --help            Show this help

Options:
  --port <n>                 Port to listen on; 0 picks a free one (default: $PORT or 4000)
  --host <address>           Address to bind (default: $HOST or 127.0.0.1)
  --data-dir <path>          Folder of the embedded PGlite database and demo-credentials.json
                             (default: ./.agentstack-data; unused with DATABASE_URL)
  --no-seed                  Do not create demo data on an empty database
  --no-rate-limits           Serve without API rate limits (load tests; the limits are per tenant tier)
  --no-dispatch              Serve the API only: leave events and background work to workers
  --allow-private-webhooks   Let webhook endpoints point at private, loopback and link-local
                             addresses, and use http: (development, receivers in your own network;
                             off by default: such receivers are refused at save and at send)
  --credentials-file <path>  Where to write the demo credentials as JSON
                             (default with PGlite: <data-dir>/demo-credentials.json)
  --log-level <level>        debug | info | warn | error | silent (default: $LOG_LEVEL or info)
  --public-url <url>         The dashboard's public address (https:, or http: on localhost): invitation
                             links point at its #/accept page (default: $PUBLIC_URL, else the
                             request's Origin). Needed to send email
  --smtp-url <url>           Email invitations through this SMTP server: smtp://user:pass@host:587
                             (STARTTLS) or smtps://user:pass@host:465 (default: $SMTP_URL, else none;
                             prefer SMTP_URL: arguments are visible to other users)
  --email-from <address>     From: address of emails (default: $EMAIL_FROM, else no-reply@<public host>)
  --email-outbox             Development: keep emails in memory for each tenant's owners to read
                             (GET /v1/platform/outbox/messages) instead of sending them
  -h, --help                 Show this help

Environment:
  DATABASE_URL               Use this PostgreSQL database instead of embedded PGlite
  NATS_URL                   Publish events to NATS JetStream (stream AGENTSTACK_EVENTS, subjects
                             agentstack.events.<tenant>.<type>) and fan realtime streams out
                             across instances through it (e.g. nats://127.0.0.1:4222)
  REDIS_URL                  Share rate limits and sign-in counts between instances through this Redis
  AGENTSTACK_OPERATOR_KEY    Install this operator key (op_…) when seeding an empty database
  PUBLIC_URL, SMTP_URL, EMAIL_FROM  As --public-url, --smtp-url, --email-from
  AGENTSTACK_SECRET_KEY      Server key (32+ random characters, the same on every instance) that
                             encrypts webhook secrets; with PGlite a generated <data-dir>/secret-key
                             (0600) serves when unset, with PostgreSQL webhook endpoints need it
`;

const LOG_LEVELS = new Set<LogLevel>(['debug', 'info', 'warn', 'error', 'silent']);

interface Options {
  port: number;
  host: string;
  dataDir: string;
  seed: boolean;
  rateLimits: boolean;
  dispatch: boolean;
  credentialsFile?: string;
  logLevel: LogLevel;
  databaseUrl?: string;
  natsUrl?: string;
  redisUrl?: string;
  publicUrl?: string;
  smtpUrl?: string;
  emailFrom?: string;
  allowPrivateWebhooks: boolean;
  secretKey?: string;
  emailOutbox: boolean;
}

class UsageError extends Error {}

function parse(argv: string[]): { command: string | undefined; help: boolean; options: Options } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-seed': { type: 'boolean' },
      'no-rate-limits': { type: 'boolean' },
      'no-dispatch': { type: 'boolean' },
      'allow-private-webhooks': { type: 'boolean' },
      'credentials-file': { type: 'string' },
      'log-level': { type: 'string' },
      'public-url': { type: 'string' },
      'smtp-url': { type: 'string' },
      'email-from': { type: 'string' },
      'email-outbox': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const rawPort = values.port ?? process.env.PORT ?? '4000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535)
    throw new UsageError(`--port must be 0..65535, got '${rawPort}'`);
  const logLevel = (values['log-level'] ?? process.env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.has(logLevel))
    throw new UsageError(`--log-level must be one of ${[...LOG_LEVELS].join(', ')}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const email = emailOptions(
    values['public-url'] ?? (process.env.PUBLIC_URL || undefined),
    values['smtp-url'] ?? (process.env.SMTP_URL || undefined),
    values['email-from'] ?? (process.env.EMAIL_FROM || undefined),
    values['email-outbox'] ?? false,
  );
  return {
    command: positionals[0],
    help: values.help ?? false,
    options: {
      port,
      host: values.host ?? process.env.HOST ?? '127.0.0.1',
      dataDir: resolve(values['data-dir'] ?? '.agentstack-data'),
      seed: !values['no-seed'],
      rateLimits: !values['no-rate-limits'],
      dispatch: !values['no-dispatch'],
      credentialsFile: values['credentials-file'] ? resolve(values['credentials-file']) : undefined,
      logLevel,
      databaseUrl: process.env.DATABASE_URL || undefined,
      natsUrl: process.env.NATS_URL || undefined,
      redisUrl: process.env.REDIS_URL || undefined,
      ...email,
      allowPrivateWebhooks: values['allow-private-webhooks'] ?? false,
      secretKey: process.env.AGENTSTACK_SECRET_KEY || undefined,
    },
  };
}

// Checked here so that a wrong setting is one line before anything starts.
function emailOptions(
  publicUrl: string | undefined,
  smtpUrl: string | undefined,
  emailFrom: string | undefined,
  emailOutbox: boolean,
): Pick<Options, 'publicUrl' | 'smtpUrl' | 'emailFrom' | 'emailOutbox'> {
  try {
    if (publicUrl !== undefined) parsePublicUrl(publicUrl);
    if (smtpUrl !== undefined) parseSmtpUrl(smtpUrl);
    if (emailFrom !== undefined) parseEmailAddress(emailFrom);
  } catch (error) {
    throw new UsageError(
      (error as Error).message.replace(/^(publicUrl|smtpUrl|emailFrom)/, (name) => FLAGS[name] ?? name),
    );
  }
  if (smtpUrl && emailOutbox)
    throw new UsageError('--email-outbox keeps emails instead of sending them: not with --smtp-url');
  if ((smtpUrl || emailOutbox) && !publicUrl) {
    throw new UsageError(
      `${smtpUrl ? '--smtp-url' : '--email-outbox'} needs --public-url (or PUBLIC_URL): emailed links never take their host from request headers`,
    );
  }
  return { publicUrl, smtpUrl, emailFrom, emailOutbox };
}

const FLAGS: Record<string, string> = {
  publicUrl: '--public-url',
  smtpUrl: '--smtp-url',
  emailFrom: '--email-from',
};

// A data folder we create is private whatever the umask (PGlite's own subfolder is checked and
// tightened when the database opens).
async function makeDataDir(dir: string): Promise<void> {
  if (await mkdir(dir, { recursive: true, mode: 0o700 })) await chmod(dir, 0o700);
}

// PGlite keeps its files in a subfolder, so the data folder can also hold demo-credentials.json.
const pgliteDir = (dataDir: string) => join(dataDir, 'pgdata');

async function migrate(options: Options): Promise<void> {
  if (!options.databaseUrl) await makeDataDir(options.dataDir);
  const database = await openDatabase({ url: options.databaseUrl, dataDir: pgliteDir(options.dataDir) });
  try {
    const applied = await database.migrate();
    const where = options.databaseUrl ? 'PostgreSQL' : `PGlite in ${options.dataDir}`;
    console.log(
      applied.length
        ? `Applied ${applied.join(', ')} on ${where}.`
        : `Nothing to apply on ${where}: up to date.`,
    );
  } finally {
    await database.close();
  }
}

/** A start-up failure the user can fix: printed as one line, without a stack trace. */
class StartError extends Error {}

function portInUse(port: number, host: string): StartError {
  return new StartError(
    `port ${port} on ${host} is already in use; pick another with --port <n> or PORT=<n> (0 picks a free one)`,
  );
}

// Checked before the database is opened, migrated or seeded, so a busy port costs nothing.
async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? portInUse(port, host) : error),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

// Written to a temporary file and renamed, so the file is either whole or absent.
async function writeCredentials(file: string, content: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/** The sign-ins saved in a credentials file, one line each, or `null` when it cannot be read. */
function savedSignIns(file: string): string[] | null {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials;
    return saved.tenants.map((t) => `${t.slug.padEnd(10)} ${t.user.email} / ${t.user.password}`);
  } catch {
    return null;
  }
}

async function start(options: Options): Promise<void> {
  await assertPortFree(options.port, options.host);
  if (!options.databaseUrl) {
    // Embedded PGlite is PostgreSQL compiled to WebAssembly. V8's optimising tier recompiles its
    // hot functions into ≈ 50 MiB more code for little gain on a local database; the baseline
    // tier alone keeps the embedded server's resident memory near 150 MiB. Only this process's
    // WebAssembly is affected, and only for the CLI (embedders choose their own flags).
    setFlagsFromString('--liftoff-only');
    await makeDataDir(options.dataDir);
  }
  const server = await createServer({
    databaseUrl: options.databaseUrl,
    dataDir: options.databaseUrl ? undefined : pgliteDir(options.dataDir),
    logLevel: options.logLevel,
    dispatch: options.dispatch,
    natsUrl: options.natsUrl,
    redisUrl: options.redisUrl,
    publicUrl: options.publicUrl,
    ...(options.smtpUrl || options.emailOutbox
      ? { email: { smtpUrl: options.smtpUrl, outbox: options.emailOutbox, from: options.emailFrom } }
      : {}),
    ...webhookOptions(options),
    ...(options.rateLimits ? {} : { rateLimits: false as const }),
  });
  stopOnSignals(server);

  let url: string;
  try {
    ({ url } = await server.start({ port: options.port, hostname: options.host }));
  } catch (error) {
    await server.stop().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portInUse(options.port, options.host);
    throw error;
  }

  const credentialsFile =
    options.credentialsFile ??
    (options.databaseUrl ? undefined : join(options.dataDir, 'demo-credentials.json'));
  // The file is written inside the seeding transaction: if either fails, neither happened, and
  // the next start seeds again.
  let written = false;
  const persist = async (c: DemoCredentials) => {
    if (!credentialsFile) return;
    await writeCredentials(credentialsFile, { apiUrl: url, ...c });
    written = true;
  };
  const creds = options.seed
    ? await seedDemo(server.context, {
        operatorKey: process.env.AGENTSTACK_OPERATOR_KEY || undefined,
        persist,
      }).catch(async (error: Error) => {
        // The transaction did not commit: credentials of data that does not exist must go too.
        if (written && credentialsFile) await rm(credentialsFile, { force: true });
        throw error;
      })
    : null;

  const out: string[] = [''];
  if (creds) {
    out.push(formatDemoCredentials(creds, url));
    if (credentialsFile) out.push(`Saved as JSON to ${credentialsFile}`, '');
  }
  // Printed last: launchers read the credentials file as soon as they see this line.
  out.push(
    `AgentStack server listening on ${url}`,
    `  API            ${url}/v1`,
    `  Reference      ${url}/docs`,
    `  OpenAPI        ${url}/openapi.json`,
    `  Health         ${url}/healthz`,
    `  Database       ${options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${options.dataDir}`}`,
    `  Email          ${
      options.smtpUrl
        ? `SMTP, links to ${server.context.publicUrl}`
        : options.emailOutbox
          ? `kept in memory for owners (outbox), links to ${server.context.publicUrl}`
          : 'none (invitation links are shown to the inviter)'
    }`,
  );
  if (!creds && options.seed && credentialsFile) {
    const signIns = savedSignIns(credentialsFile);
    if (signIns) {
      out.push(`  Demo keys      ${credentialsFile}`);
      out.push(...signIns.map((line, i) => `${i ? '                 ' : '  Demo sign-ins  '}${line}`));
    } else {
      out.push(
        `  Demo keys      not found at ${credentialsFile};`,
        `                 to start over with fresh demo data, stop the server and delete ${options.dataDir}`,
      );
    }
  }
  out.push('  Stop with Ctrl+C.', '');
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Stops the server gracefully on SIGINT/SIGTERM; a second signal exits at once. */
function stopOnSignals(server: AgentStackServer): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    server.context.log.info('shutting down', { signal });
    server.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`agentstack-server: error while stopping: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** The server key and the private-receiver policy, for `start` and `worker` alike. */
function webhookOptions(options: Options) {
  return {
    secretKey: options.secretKey,
    secretKeyFile: options.databaseUrl ? undefined : join(options.dataDir, 'secret-key'),
    allowPrivateWebhooks: options.allowPrivateWebhooks,
  };
}

async function worker(options: Options): Promise<void> {
  if (!options.databaseUrl) {
    throw new StartError(
      'the worker needs DATABASE_URL: the embedded database serves one process, where `start` already dispatches events',
    );
  }
  const server = await createServer({
    databaseUrl: options.databaseUrl,
    logLevel: options.logLevel,
    natsUrl: options.natsUrl,
    ...webhookOptions(options),
  });
  stopOnSignals(server);
  process.stdout.write(
    'AgentStack worker dispatching events on PostgreSQL (DATABASE_URL). Stop with Ctrl+C.\n',
  );
}

async function main(argv: string[]): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`agentstack-server: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  const { command, help, options } = parsed;
  if (help || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (command === 'start') return start(options);
  if (command === 'migrate') return migrate(options);
  if (command === 'worker') return worker(options);
  console.error(
    `agentstack-server: ${command ? `unknown command '${command}'` : 'missing command'}\n\n${HELP}`,
  );
  process.exit(2);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(
    `agentstack-server: ${error instanceof StartError ? error.message : (error.stack ?? error.message)}`,
  );
  process.exit(1);
});
