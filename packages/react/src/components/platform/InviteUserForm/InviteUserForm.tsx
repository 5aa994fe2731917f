import type { Invitation, InvitationWithToken, Role } from '@agentstack/sdk';
import { type FormEvent, useId, useState } from 'react';
import { useCreateInvitation } from '../../../hooks/platform/useCreateInvitation';
import { useMe } from '../../../hooks/platform/useMe';
import { roleMessages } from '../../../messages/roles';
import { useMessages } from '../../../provider/context';
import { fieldErrorOf } from '../../../utils/problem';
import { ActionError } from '../../shared/ActionError/ActionError';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { useShownOnce } from '../../shared/ShownOnce/useShownOnce';
import { TierGate } from '../TierGate/TierGate';
import { inviteUserFormMessages } from './messages';

/** Dashboard roles, most powerful first (as the API lists them). */
export const ROLES: readonly Role[] = ['owner', 'admin', 'support', 'compliance', 'moderator', 'viewer'];

/** The API's minimum length of a dashboard user's password. */
export const MIN_PASSWORD_LENGTH = 12;

/** Roles a caller may hand out: only an owner may create or promote an owner. */
export function assignableRoles(callerRole: Role | null | undefined): Role[] {
  return ROLES.filter((r) => r !== 'owner' || callerRole === 'owner');
}

/** Props of {@link InviteUserForm}. */
export interface InviteUserFormProps {
  /** Called with the invitation once made (without its token, which only the form shows). */
  onInvited?: (invitation: Invitation) => void;
  /** Shows a cancel button when given. */
  onCancel?: () => void;
  /** Called when the inviter dismisses the link ("Done"). Without it, the form is shown again. */
  onDone?: () => void;
  /** The role picked at first. Defaults to `viewer` (least access). */
  defaultRole?: Role;
  /**
   * Wraps the form in `<TierGate limit="platform.dashboardUsers">`, so a tenant without a free
   * seat sees the upgrade prompt instead. Defaults to `true`.
   */
  gated?: boolean;
}

type FieldName = 'email' | 'name' | 'role';

/**
 * Invites a dashboard user: email, name and role. The API answers a one-time link the invitee
 * opens to choose their own password; the form shows it once, with a copy button, until "Done".
 * Gated on a free `platform.dashboardUsers` seat (the upgrade prompt names the plan with more); a
 * `402` from the API is shown the same way. A taken email (`409 conflict`), a role the caller may
 * not grant (`403 forbidden`) or a rejected field is shown on that field (`aria-invalid`).
 *
 * @example <InviteUserForm onInvited={(invitation) => toast(`${invitation.name} invited`)} />
 */
export function InviteUserForm({ gated = true, ...props }: InviteUserFormProps) {
  if (!gated) return <InviteUserFormFields {...props} />;
  return (
    <TierGate limit="platform.dashboardUsers">
      <InviteUserFormFields {...props} />
    </TierGate>
  );
}

function InviteUserFormFields({ onInvited, onCancel, onDone, defaultRole = 'viewer' }: InviteUserFormProps) {
  const { t } = useMessages(inviteUserFormMessages, roleMessages);
  const id = useId();
  const me = useMe();
  const create = useCreateInvitation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(defaultRole);
  // The one copy of the link: component state, dropped on "Done" or unmount.
  const [invited, setInvited] = useState<InvitationWithToken | null>(null);
  const roles = assignableRoles(me.data?.role as Role | null | undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { email: email.trim(), name: name.trim(), role },
      {
        onSuccess: (invitation) => {
          // The mutation state would keep the token too: the form holds it now.
          create.reset();
          setInvited(invitation);
          setEmail('');
          setName('');
          setRole(defaultRole);
          const { token: _token, acceptUrl: _url, ...shown } = invitation;
          onInvited?.(shown);
        },
      },
    );
  };

  if (invited) {
    return (
      <InviteLink
        invitation={invited}
        onDone={() => {
          setInvited(null);
          onDone?.();
        }}
      />
    );
  }

  // The API names the field at fault in `param` (`email` on a 409, `role` on a 403).
  const fieldError = (field: FieldName): string | undefined => fieldErrorOf(create.error, field);
  const anyFieldError = (['email', 'name', 'role'] as const).some((f) => fieldError(f));

  return (
    <form className="as-form as-invite-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <p className="as-form__title" id={`${id}-title`}>
        {t('team.form.title')}
      </p>
      <div className="as-form__grid">
        <Field id={`${id}-email`} label={t('team.form.emailLabel')} error={fieldError('email')}>
          {(control) => (
            <input
              {...control}
              type="email"
              className="as-input"
              required
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-name`} label={t('team.form.nameLabel')} error={fieldError('name')}>
          {(control) => (
            <input
              {...control}
              className="as-input"
              required
              maxLength={120}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-role`}
          label={t('team.form.roleLabel')}
          hint={t(`team.roleHint.${role}`)}
          error={fieldError('role')}
        >
          {(control) => (
            <select
              {...control}
              className="as-select"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`team.role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="as-hint">{t('team.form.inviteHint')}</p>
      <ActionError error={create.error} showOther={!anyFieldError} />
      <FormActions
        onCancel={onCancel}
        pending={create.isPending}
        submitLabel={t('team.form.submit')}
        pendingLabel={t('team.form.submitting')}
      />
    </form>
  );
}

/**
 * The invitation's link, once: a copy button (clipboard when the browser allows it) and what to
 * do with it — nothing when it was emailed, send it yourself when the server sends no email or
 * the email failed.
 */
function InviteLink({ invitation, onDone }: { invitation: InvitationWithToken; onDone: () => void }) {
  const { t } = useMessages(inviteUserFormMessages, roleMessages);
  const id = useId();
  const { panel, input, copy, onCopy } = useShownOnce<HTMLElement>(invitation.acceptUrl);
  const vars = { name: invitation.name, email: invitation.email };
  // An older server answers no `delivery`: it sent nothing.
  const status = invitation.delivery?.status;

  return (
    <section
      ref={panel}
      className="as-invite-link"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-warning`}
      tabIndex={-1}
    >
      <p className="as-form__title" id={`${id}-title`}>
        {status === 'sent'
          ? t('team.invite.sentTitle', vars)
          : status === 'failed'
            ? t('team.invite.failedTitle', vars)
            : t('team.invite.title', vars)}
      </p>
      <p className="as-invite-link__warning" id={`${id}-warning`}>
        {status === 'sent' ? t('team.invite.sentNote') : t('team.invite.warning', vars)}
      </p>
      <div className="as-invite-link__row">
        <label htmlFor={`${id}-value`} className="as-visually-hidden">
          {t('team.invite.label')}
        </label>
        <input
          ref={input}
          id={`${id}-value`}
          className="as-input as-input--mono as-invite-link__value"
          readOnly
          value={invitation.acceptUrl}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="as-button as-button--secondary" onClick={onCopy}>
          {t('team.invite.copy')}
        </button>
      </div>
      <p role="status">
        {copy === 'copied' ? t('team.invite.copied') : copy === 'failed' ? t('team.invite.copyFailed') : ''}
      </p>
      <div className="as-form__actions">
        <button type="button" className="as-button as-button--primary" onClick={onDone}>
          {t('team.invite.done')}
        </button>
      </div>
    </section>
  );
}
