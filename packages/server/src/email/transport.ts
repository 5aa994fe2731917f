import type { EmailStatus } from '@agentstack/sdk/schemas';
import { createTransport } from 'nodemailer';
import type { Logger } from '../observability/logger';
import { OutboxTransport } from './outbox';
import { parseSmtpUrl, type SmtpSettings } from './settings';

/** A mailbox: a display name and an address. */
export interface Mailbox {
  name: string;
  address: string;
}

/** One email, plain text and HTML. Header fields are single lines (see {@link headerText}). */
export interface EmailMessage {
  from: Mailbox;
  to: Mailbox;
  subject: string;
  text: string;
  html: string;
  /** The tenant it is sent for (the development outbox shows each tenant its own). */
  tenantId?: string;
}

/**
 * Delivers emails. `send` resolves once the message was handed over (the SMTP server accepted
 * it) and rejects otherwise.
 */
export interface EmailTransport {
  /** What delivers: `smtp`, `outbox`… (shown in logs, never the server's credentials). */
  readonly kind: string;
  send(message: EmailMessage): Promise<void>;
  /** Releases what the transport holds (connections). */
  close?(): void;
}

/** Options of the server's email (`ServerOptions.email`). */
export interface EmailOptions {
  /** `smtp://user:password@host:587` (STARTTLS) or `smtps://user:password@host:465` (TLS). */
  smtpUrl?: string;
  /** A transport of your own instead of SMTP (another provider, tests). */
  transport?: EmailTransport;
  /**
   * Development: keep emails in memory for each tenant's owners to read
   * (`GET /v1/platform/outbox/messages`) instead of sending them. Not with `smtpUrl`.
   */
  outbox?: boolean;
  /** The `From:` address (its display name is the tenant's brand). Defaults to `no-reply@<publicUrl's host>`. */
  from?: string;
  /**
   * How long one send may take in all, connection included, before it counts as failed: the
   * request that sends waits at most this long. Defaults to 10,000 ms.
   */
  timeoutMs?: number;
}

/** An email as a caller hands it to {@link Mailer.send}: the sender's name only (the address is the server's). */
export type OutgoingEmail = Omit<EmailMessage, 'from'> & { fromName: string };

/** Default of {@link EmailOptions.timeoutMs}. */
export const DEFAULT_EMAIL_TIMEOUT_MS = 10_000;

// Line breaks, other control characters and Unicode line/paragraph separators: a header value is
// one line whatever a tenant, brand or invitee name holds.
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]+/gu;

/** `value` as one header-safe line: control characters and line breaks become spaces. */
export function headerText(value: string): string {
  return value.replace(NOT_ONE_LINE, ' ').replace(/\s+/g, ' ').trim();
}

/** An SMTP transport (nodemailer) on `settings`, each phase bounded by `timeoutMs`. */
export function smtpTransport(
  settings: SmtpSettings | string,
  timeoutMs = DEFAULT_EMAIL_TIMEOUT_MS,
): EmailTransport {
  const smtp = typeof settings === 'string' ? parseSmtpUrl(settings) : settings;
  const transporter = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    auth: smtp.auth,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    // Nodemailer's own logging would print the message, accept link included.
    logger: false,
    debug: false,
  });
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail({
        from: { name: headerText(message.from.name), address: message.from.address },
        to: { name: headerText(message.to.name), address: message.to.address },
        subject: headerText(message.subject),
        text: message.text,
        html: message.html,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close() {
      transporter.close();
    },
  };
}

/**
 * The server's email: a transport, the `From:` address and a deadline, or nothing configured.
 * {@link Mailer.send} never throws: it answers what happened, for the caller to report.
 */
export class Mailer {
  constructor(
    private readonly transport: EmailTransport | null,
    /** The `From:` address. */
    readonly from: string,
    private readonly log: Logger,
    private readonly timeoutMs = DEFAULT_EMAIL_TIMEOUT_MS,
  ) {}

  /** Whether a transport is configured (`send` answers `not_configured` otherwise). */
  get configured(): boolean {
    return this.transport !== null;
  }

  /**
   * Sends `message` within the deadline: `sent`, `failed` (refused, unreachable or too slow —
   * logged without the message, which may hold a credential) or `not_configured`.
   */
  async send(message: OutgoingEmail): Promise<EmailStatus> {
    if (!this.transport) return 'not_configured';
    const { fromName, ...rest } = message;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([
        this.transport.send({ ...rest, from: { name: fromName, address: this.from } }),
        deadline,
      ]);
      return 'sent';
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { responseCode?: number };
      this.log.warn('email not sent', {
        transport: this.transport.kind,
        code: e.code,
        responseCode: e.responseCode,
        error: e.message,
      });
      return 'failed';
    } finally {
      clearTimeout(timer);
    }
  }

  /** The development outbox, when it is the transport. */
  get outbox(): OutboxTransport | null {
    return this.transport instanceof OutboxTransport ? this.transport : null;
  }

  /** Closes the transport. */
  close(): void {
    this.transport?.close?.();
  }
}
