import type { OutboxMessage } from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { type EmailMessage, type EmailTransport, headerText } from './transport';

/** Emails kept per tenant; older ones are dropped. */
export const OUTBOX_MESSAGES_PER_TENANT = 50;

/**
 * A development transport: keeps emails in this process's memory, per tenant, instead of sending
 * them — never on disk, never in logs (an invitation's link is a credential) — for the tenant's
 * owners to read (`GET /v1/platform/outbox/messages`). Lost at stop; one instance's only.
 */
export class OutboxTransport implements EmailTransport {
  readonly kind = 'outbox';
  private readonly byTenant = new Map<string, OutboxMessage[]>();

  async send(message: EmailMessage): Promise<void> {
    const key = message.tenantId ?? '';
    const kept = this.byTenant.get(key) ?? [];
    kept.unshift({
      id: newId('eml'),
      object: 'outbox_message',
      to: message.to.address,
      toName: headerText(message.to.name),
      from: `${headerText(message.from.name)} <${message.from.address}>`,
      subject: headerText(message.subject),
      text: message.text,
      html: message.html,
      sentAt: new Date().toISOString(),
    });
    kept.length = Math.min(kept.length, OUTBOX_MESSAGES_PER_TENANT);
    this.byTenant.set(key, kept);
  }

  /** The tenant's kept emails, newest first. */
  list(tenantId: string): OutboxMessage[] {
    return [...(this.byTenant.get(tenantId) ?? [])];
  }

  close(): void {
    this.byTenant.clear();
  }
}
