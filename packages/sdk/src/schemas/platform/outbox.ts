import * as z from 'zod/mini';
import { prefixedId, Timestamp } from '../common';

/**
 * An email the server kept in its development outbox instead of sending it (`--email-outbox`):
 * in memory only, lost at stop. It may carry a credential (an invitation's accept link).
 */
export const OutboxMessage = z.strictObject({
  id: prefixedId('eml'),
  object: z.literal('outbox_message'),
  /** The recipient's address. */
  to: z.string(),
  /** The recipient's name. */
  toName: z.string(),
  /** `Name <address>` of the sender. */
  from: z.string(),
  subject: z.string(),
  /** The plain-text part. */
  text: z.string(),
  /** The HTML part. */
  html: z.string(),
  sentAt: Timestamp,
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/**
 * The tenant's outbox, newest first (the server keeps the last 50 per tenant). `enabled` is false
 * (and `data` empty) on a server that keeps no outbox: it sends email through SMTP or not at all.
 */
export const OutboxMessageList = z.strictObject({ enabled: z.boolean(), data: z.array(OutboxMessage) });
export type OutboxMessageList = z.infer<typeof OutboxMessageList>;
