import type { Brand, EmailStatus } from '@agentstack/sdk/schemas';
import type { TenantPrincipal } from '../../../auth/principal';
import type { AppContext } from '../../../context';
import type { Executor } from '../../../db/client';
import { headerText, type OutgoingEmail } from '../../../email/transport';
import { tenantBrand } from '../../platform/account/brand';
import { escapeHtml } from '../../platform/invitations/email';

/** What a sign-up emails: the code to redeem, or — for an address with an account — a notice. */
export type SignUpEmail =
  | { kind: 'verify'; email: string; name: string | null; token: string; expiresAt: Date }
  | { kind: 'exists'; email: string };

function expiry(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The email of a sign-up, in the store's name (the tenant's) and brand. Names are one line in
 * headers and escaped in HTML, so no sign-up can add a header or markup.
 */
export function signUpEmail(mail: SignUpEmail, store: { name: string; brand: Brand }): OutgoingEmail {
  const shop = headerText(store.name);
  const brandName = headerText(store.brand.name);
  const lines =
    mail.kind === 'verify'
      ? [
          `Hello${mail.name ? ` ${headerText(mail.name)}` : ''},`,
          '',
          `To finish creating your account at ${shop}, enter this code where you signed up:`,
          '',
          mail.token,
          '',
          `It works once and expires on ${expiry(mail.expiresAt)}.`,
          'If you did not sign up, ignore this email: no account is created until the code is used.',
        ]
      : [
          'Hello,',
          '',
          `Someone (perhaps you) tried to create an account at ${shop} with this email address, which already has one.`,
          'Sign in with your password instead. If it was not you, ignore this email: nothing has changed.',
        ];
  const text = [...lines, '', `— ${shop}`, ''].join('\n');
  const h = escapeHtml;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${h(shop)}</title></head>
<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111827">
<div style="max-width:520px;margin:0 auto">
${lines
  .filter((line) => line !== '')
  .map((line) =>
    mail.kind === 'verify' && line === mail.token
      ? `<p style="font-family:ui-monospace,monospace;font-size:16px;word-break:break-all"><strong>${h(line)}</strong></p>`
      : `<p>${h(line)}</p>`,
  )
  .join('\n')}
<p style="color:#4b5563">— ${h(shop)}</p>
</div>
</body></html>
`;
  return {
    fromName: brandName,
    to: { name: mail.kind === 'verify' ? headerText(mail.name ?? '') : '', address: mail.email },
    subject: mail.kind === 'verify' ? `Your ${shop} sign-up code` : `Your ${shop} account`,
    text,
    html,
  };
}

/**
 * Sends a sign-up's email and answers what became of it. Never throws, and never logs the
 * address or the code (a failure is logged by its error message only).
 */
export async function sendSignUpEmail(
  app: AppContext,
  db: Executor,
  caller: TenantPrincipal,
  mail: SignUpEmail,
): Promise<EmailStatus> {
  if (!app.email.configured) return 'not_configured';
  try {
    const brand = await tenantBrand(db, caller.tenant, app.defaultBrand);
    return await app.email.send({
      ...signUpEmail(mail, { name: caller.tenant.name, brand }),
      tenantId: caller.tenant.id,
    });
  } catch (error) {
    app.log.warn('customer sign-up email not sent', { error: (error as Error).message });
    return 'failed';
  }
}
