import type { Role, User } from '@agentstack/sdk';
import { type FormEvent, useId, useState } from 'react';
import { useCreateUser } from '../../../hooks/platform/useCreateUser';
import { useMe } from '../../../hooks/platform/useMe';
import { useMessages } from '../../../provider/context';
import { fieldErrorOf } from '../../../utils/problem';
import { ActionError } from '../../shared/ActionError/ActionError';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { TierGate } from '../TierGate/TierGate';

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
  /** Called with the created user. */
  onCreated?: (user: User) => void;
  /** Shows a cancel button when given. */
  onCancel?: () => void;
  /** The role picked at first. Defaults to `viewer` (least access). */
  defaultRole?: Role;
  /**
   * Wraps the form in `<TierGate limit="platform.dashboardUsers">`, so a tenant without a free
   * seat sees the upgrade prompt instead. Defaults to `true`.
   */
  gated?: boolean;
}

type FieldName = 'email' | 'name' | 'role' | 'password';

/**
 * Adds a dashboard user: email, name, role and an initial password (at least 12 characters).
 * Gated on a free `platform.dashboardUsers` seat (the upgrade prompt names the plan with more);
 * a `402` from the API is shown the same way. A taken email (`409 conflict`), a role the caller
 * may not grant (`403 forbidden`) or a rejected field is shown on that field (`aria-invalid`).
 *
 * @example <InviteUserForm onCreated={(user) => toast(`${user.name} added`)} />
 */
export function InviteUserForm({ gated = true, ...props }: InviteUserFormProps) {
  if (!gated) return <InviteUserFormFields {...props} />;
  return (
    <TierGate limit="platform.dashboardUsers">
      <InviteUserFormFields {...props} />
    </TierGate>
  );
}

function InviteUserFormFields({ onCreated, onCancel, defaultRole = 'viewer' }: InviteUserFormProps) {
  const { t } = useMessages();
  const id = useId();
  const me = useMe();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(defaultRole);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [created, setCreated] = useState('');
  const roles = assignableRoles(me.data?.role as Role | null | undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setPasswordError(t('team.form.passwordTooShort', { min: MIN_PASSWORD_LENGTH }));
      return;
    }
    setPasswordError(null);
    create.mutate(
      { email: email.trim(), name: name.trim(), role, password },
      {
        onSuccess: (user) => {
          setCreated(t('team.form.created', { name: user.name }));
          setEmail('');
          setName('');
          setPassword('');
          setRole(defaultRole);
          onCreated?.(user);
        },
      },
    );
  };

  // The API names the field at fault in `param` (`email` on a 409, `role` on an owner-only 403).
  const fieldError = (field: FieldName): string | undefined =>
    field === 'password' && passwordError ? passwordError : fieldErrorOf(create.error, field);
  const anyFieldError = (['email', 'name', 'role', 'password'] as const).some((f) => fieldError(f));

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
        <Field
          id={`${id}-password`}
          label={t('team.form.passwordLabel')}
          hint={t('team.form.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={fieldError('password')}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              className="as-input"
              required
              minLength={MIN_PASSWORD_LENGTH}
              maxLength={256}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
      </div>
      <ActionError error={create.error} showOther={!anyFieldError} />
      <FormActions
        onCancel={onCancel}
        pending={create.isPending}
        submitLabel={t('team.form.submit')}
        pendingLabel={t('team.form.submitting')}
      />
      <StatusMessage message={created} />
    </form>
  );
}
