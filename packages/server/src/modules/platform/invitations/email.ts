import type { Brand, InvitationWithToken } from '@agentstack/sdk/schemas';
import { eq } from 'drizzle-orm';
import type { TenantPrincipal } from '../../../auth/principal';
import type { AppContext } from '../../../context';
import { type Executor, readAll } from '../../../db/client';
import { users } from '../../../db/schema';
import { headerText, type OutgoingEmail } from '../../../email/transport';
import { tenantBrand } from '../account/brand';

/** What an invitation email says, besides the invitation itself. */
export interface InvitationEmailContext {
  /** The inviter's workspace (the tenant's name). */
  tenantName: string;
  /** The brand the tenant is shown (its agency's, or the server's default). */
  brand: Brand;
  /** The inviting user's name; `null` when an API key invited. */
  inviterName: string | null;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `value` as HTML text or attribute content. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] as string);
}

function formatExpiry(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The invitation email: the subject names the inviter's workspace, the sender is the brand, and
 * the text and HTML bodies carry the accept link. Names are made one line for headers and
 * escaped in HTML, so no name can add a header or markup.
 */
export function invitationEmail(
  invitation: InvitationWithToken,
  { tenantName, brand, inviterName }: InvitationEmailContext,
): OutgoingEmail {
  const workspace = headerText(tenantName);
  const brandName = headerText(brand.name);
  const inviter = inviterName ? headerText(inviterName) : null;
  const invitee = headerText(invitation.name);
  const who = inviter ? `${inviter} invited you` : 'You are invited';
  const expires = formatExpiry(invitation.expiresAt);
  const color = /^#[0-9a-fA-F]{6}$/.test(brand.primaryColor) ? brand.primaryColor : '#2563eb';
  const link = invitation.acceptUrl;
  const text = [
    `Hello ${invitee},`,
    '',
    `${who} to join ${workspace} on ${brandName} as ${invitation.role}.`,
    '',
    'Accept the invitation and choose your password:',
    link,
    '',
    `The link works once and expires on ${expires}.`,
    'If you did not expect this invitation, ignore this email: nothing happens until the link is used.',
    '',
    `— ${brandName}`,
    '',
  ].join('\n');
  const h = escapeHtml;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${h(`Join ${workspace} on ${brandName}`)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Inter,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111827">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<p style="margin:0 0 16px;font-size:14px;font-weight:600;color:${color}">${h(brandName)}</p>
<p style="margin:0 0 16px">Hello ${h(invitee)},</p>
<p style="margin:0 0 24px">${h(who)} to join <strong>${h(workspace)}</strong> on ${h(brandName)} as ${h(invitation.role)}.</p>
<p style="margin:0 0 24px"><a href="${h(link)}" style="display:inline-block;background:${color};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600">Accept the invitation</a></p>
<p style="margin:0 0 8px;font-size:13px;color:#4b5563">Or open this link: <a href="${h(link)}" style="color:${color};word-break:break-all">${h(link)}</a></p>
<p style="margin:0 0 8px;font-size:13px;color:#4b5563">The link works once and expires on ${h(expires)}.</p>
<p style="margin:0;font-size:13px;color:#4b5563">If you did not expect this invitation, ignore this email: nothing happens until the link is used.</p>
</div>
</body></html>
`;
  return {
    fromName: brandName,
    to: { name: invitee, address: invitation.email },
    subject: `${who} to join ${workspace} on ${brandName}`,
    text,
    html,
  };
}

/**
 * Emails a just-created invitation (after its transaction committed) and answers the invitation
 * with what happened in `delivery.status`. Never throws: a failed send leaves the invitation as it is.
 */
export async function emailInvitation(
  app: AppContext,
  db: Executor,
  caller: TenantPrincipal,
  invitation: InvitationWithToken,
): Promise<InvitationWithToken> {
  if (!app.email.configured) return { ...invitation, delivery: { status: 'not_configured' } };
  let message: OutgoingEmail;
  try {
    const [brand, inviter] = await readAll(db, [
      () => tenantBrand(db, caller.tenant, app.defaultBrand),
      async () =>
        caller.userId
          ? ((await db.select({ name: users.name }).from(users).where(eq(users.id, caller.userId)))[0]
              ?.name ?? null)
          : null,
    ]);
    message = {
      ...invitationEmail(invitation, { tenantName: caller.tenant.name, brand, inviterName: inviter }),
      tenantId: caller.tenant.id,
    };
  } catch (error) {
    app.log.warn('invitation email not sent', { error: (error as Error).message });
    return { ...invitation, delivery: { status: 'failed' } };
  }
  return { ...invitation, delivery: { status: await app.email.send(message) } };
}
