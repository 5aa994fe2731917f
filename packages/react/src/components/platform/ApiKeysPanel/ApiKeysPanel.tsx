import type { ApiKey, ApiKeyCreate, ApiKeyType, ApiKeyWithSecret } from '@agentstack/sdk';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { platformQueries } from '../../../hooks/platform/platformKeys';
import { useCreateApiKey } from '../../../hooks/platform/useCreateApiKey';
import { useCreateTenantApiKey } from '../../../hooks/platform/useCreateTenantApiKey';
import { useMe } from '../../../hooks/platform/useMe';
import { useRevokeApiKey } from '../../../hooks/platform/useRevokeApiKey';
import { useRevokeTenantApiKey } from '../../../hooks/platform/useRevokeTenantApiKey';
import { useCursorList } from '../../../hooks/shared/useCursorList';
import { roleMessages } from '../../../messages/roles';
import { useMessages } from '../../../provider/context';
import { formatDate } from '../../../utils/format';
import { fieldErrorOf } from '../../../utils/problem';
import { ConfirmAction } from '../../shared/ConfirmAction/ConfirmAction';
import { EmptyState } from '../../shared/EmptyState/EmptyState';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { ResourceTable } from '../../shared/ResourceTable/ResourceTable';
import { useShownOnce } from '../../shared/ShownOnce/useShownOnce';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { ToggleButton } from '../../shared/ToggleButton/ToggleButton';
import { apiKeysPanelMessages } from './messages';

/** Props of {@link ApiKeysPanel}. */
export interface ApiKeysPanelProps {
  /** Keys per page (1..100). Defaults to 100. */
  pageSize?: number;
  /** Shows "Create key" to callers with `platform:keys:write`. Defaults to `true`. */
  allowCreate?: boolean;
  /** Called once a key is created, with its id, type and name (never the secret). */
  onCreated?: (key: Pick<ApiKey, 'id' | 'type' | 'name'>) => void;
  /**
   * Another tenant's keys, for an operator or agency console (`/v1/platform/tenants/:id/api-keys`,
   * permission `agency:tenants`; an agency key reaches its own agency's tenants only). Without
   * it, the caller's own tenant's keys (`/v1/platform/api-keys`).
   */
  tenantId?: string;
  /** The section's heading. Defaults to the `apiKeys.title` message. */
  title?: string;
}

/** @internal The writes of the panel, on the caller's own keys or on tenant `tenantId`'s. */
function useKeyWrites(tenantId: string | undefined) {
  const ownCreate = useCreateApiKey();
  const tenantCreate = useCreateTenantApiKey();
  const ownRevoke = useRevokeApiKey();
  const tenantRevoke = useRevokeTenantApiKey();
  const create = tenantId ? tenantCreate : ownCreate;
  const revoke = tenantId ? tenantRevoke : ownRevoke;
  return {
    create: {
      isPending: create.isPending,
      error: create.error,
      reset: create.reset,
      mutate: (body: ApiKeyCreate, onSuccess: (key: ApiKeyWithSecret) => void) =>
        tenantId
          ? tenantCreate.mutate({ tenantId, body }, { onSuccess })
          : ownCreate.mutate(body, { onSuccess }),
    },
    revoke: {
      error: revoke.error,
      reset: revoke.reset,
      pendingId: revoke.isPending
        ? tenantId
          ? tenantRevoke.variables?.keyId
          : ownRevoke.variables
        : undefined,
      mutate: (keyId: string, onSuccess: (key: ApiKey) => void) =>
        tenantId
          ? tenantRevoke.mutate({ tenantId, keyId }, { onSuccess })
          : ownRevoke.mutate(keyId, { onSuccess }),
    },
  };
}

const TYPES: ApiKeyType[] = ['secret', 'publishable'];

/** Prefixes end with an ellipsis (`sk_4f9a2b…`); one without (older answers) gets one added. */
const displayPrefix = (prefix: string) => (prefix.endsWith('…') ? prefix : `${prefix}…`);

/**
 * The tenant's API keys: name (with the role a secret key acts as and who created it), type,
 * prefix, created, last used and status, revoked keys muted.
 * "Create key" asks for a name and a type, then shows the new key's secret once, with a copy
 * button and a clear warning that it will not be shown again; dismissing it forgets the secret.
 * Revoking asks for confirmation. Roles without `platform:keys:read` see a notice instead.
 *
 * @example <ApiKeysPanel onCreated={(key) => audit('key created', key.id)} />
 */
export function ApiKeysPanel({
  pageSize = 100,
  allowCreate = true,
  onCreated,
  tenantId,
  title,
}: ApiKeysPanelProps) {
  const { t, locale } = useMessages(apiKeysPanelMessages, roleMessages);
  const id = useId();
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  // Another tenant's keys are the console's (`agency:tenants`), the caller's own its role's.
  const canRead = permissions.includes(tenantId ? 'agency:tenants' : 'platform:keys:read');
  const canWrite = permissions.includes(tenantId ? 'agency:tenants' : 'platform:keys:write');
  // Both lists are declared (hooks run unconditionally); only the one asked for fetches.
  const own = useCursorList(
    platformQueries.apiKeyList,
    { limit: pageSize },
    { enabled: canRead && !tenantId },
  );
  const other = useCursorList(
    platformQueries.tenantApiKeyList,
    { limit: pageSize, tenantId: tenantId ?? '' },
    { enabled: canRead && Boolean(tenantId) },
  );
  const keys = tenantId ? other : own;
  const { create, revoke } = useKeyWrites(tenantId);
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  // The one copy of the new secret: component state, dropped on "I've saved it" or unmount.
  const [revealed, setRevealed] = useState<ApiKeyWithSecret | null>(null);

  // Cells read live state through a ref, so the column definitions stay the same objects.
  const live = useRef({ canWrite, confirming, setConfirming, setNotice, revoke });
  live.current = { canWrite, confirming, setConfirming, setNotice, revoke };
  const columns = useMemo<ColumnDef<ApiKey>[]>(
    () => [
      {
        id: 'name',
        header: t('apiKeys.column.name'),
        cell: ({ row }) => (
          <>
            <span className="as-keys-panel__name">{row.original.name}</span>
            <KeyOrigin apiKey={row.original} />
          </>
        ),
      },
      {
        id: 'type',
        header: t('apiKeys.column.type'),
        meta: { optional: true },
        cell: ({ row }) => (
          <span className="as-key-type" data-type={row.original.type}>
            {t(`apiKeys.type.${row.original.type}`)}
          </span>
        ),
      },
      {
        id: 'key',
        header: t('apiKeys.column.key'),
        meta: { optional: true },
        cell: ({ row }) => (
          <code className="as-code as-key-prefix">{displayPrefix(row.original.prefix)}</code>
        ),
      },
      {
        id: 'created',
        header: t('apiKeys.column.created'),
        meta: { optional: true },
        cell: ({ row }) => (
          <time dateTime={row.original.createdAt}>{formatDate(row.original.createdAt, locale)}</time>
        ),
      },
      {
        id: 'lastUsed',
        header: t('apiKeys.column.lastUsed'),
        meta: { optional: true },
        cell: ({ row }) =>
          row.original.lastUsedAt ? (
            <time dateTime={row.original.lastUsedAt}>{formatDate(row.original.lastUsedAt, locale)}</time>
          ) : (
            <span className="as-muted">{t('apiKeys.never')}</span>
          ),
      },
      {
        id: 'status',
        header: t('apiKeys.column.status'),
        cell: ({ row }) =>
          row.original.revokedAt ? (
            <span
              className="as-status"
              data-status="revoked"
              title={t('apiKeys.revokedOn', { date: formatDate(row.original.revokedAt, locale) })}
            >
              {t('apiKeys.status.revoked')}
            </span>
          ) : (
            <span className="as-status" data-status="active">
              {t('apiKeys.status.active')}
            </span>
          ),
      },
      {
        id: 'actions',
        header: () => <span className="as-visually-hidden">{t('apiKeys.column.actions')}</span>,
        cell: ({ row }) => {
          const { canWrite, confirming, setConfirming, setNotice, revoke } = live.current;
          const key = row.original;
          if (!canWrite || key.revokedAt !== null) return null;
          return (
            <ConfirmAction
              confirming={confirming === key.id}
              label={t('apiKeys.revokeRow', { name: key.name })}
              action={t('apiKeys.revoke')}
              question={t('apiKeys.confirmRevoke', { name: key.name })}
              confirmAction={t('apiKeys.confirmRevokeAction')}
              busy={revoke.pendingId === key.id}
              onStart={() => {
                revoke.reset();
                setConfirming(key.id);
              }}
              onCancel={() => setConfirming(null)}
              onConfirm={() =>
                revoke.mutate(key.id, (done) => {
                  setConfirming(null);
                  setNotice(t('apiKeys.revoked', { name: done.name }));
                })
              }
            />
          );
        },
      },
    ],
    [t, locale],
  );

  const onCreatedKey = (key: ApiKeyWithSecret) => {
    setRevealed(key);
    setCreating(false);
    // The mutation state would keep the secret too: clear it now that the panel has it.
    create.reset();
    onCreated?.({ id: key.id, type: key.type, name: key.name });
  };

  return (
    <section className="as-card as-keys-panel" aria-labelledby={`${id}-heading`}>
      <header className="as-keys-panel__header">
        <h2 className="as-heading" id={`${id}-heading`}>
          {title ?? t('apiKeys.title')}
        </h2>
        {allowCreate && canWrite ? (
          <ToggleButton open={creating} controls={`${id}-create`} onToggle={setCreating}>
            {t('apiKeys.create')}
          </ToggleButton>
        ) : null}
      </header>

      {revealed ? (
        <SecretReveal name={revealed.name} secret={revealed.secret} onDone={() => setRevealed(null)} />
      ) : null}

      {allowCreate && canWrite && creating ? (
        <div id={`${id}-create`} className="as-keys-panel__create">
          <CreateKeyForm
            pending={create.isPending}
            error={create.error}
            onCancel={() => setCreating(false)}
            onSubmit={(body) => create.mutate(body, onCreatedKey)}
          />
        </div>
      ) : null}

      {me.isError ? (
        <ErrorNotice error={me.error} title={t('apiKeys.loadError')} onRetry={() => me.refetch()} />
      ) : me.data && !canRead ? (
        <EmptyState
          className="as-notice"
          title={t('apiKeys.noAccessTitle')}
          body={t('apiKeys.noAccessBody')}
        />
      ) : (
        <ResourceTable
          label={t('apiKeys.tableLabel')}
          list={keys}
          columns={columns}
          getRowId={(key) => key.id}
          loading={me.isPending}
          loadingRows={3}
          errorTitle={t('apiKeys.loadError')}
          actionError={revoke.error}
          empty={{ title: t('apiKeys.emptyTitle'), body: t('apiKeys.emptyBody') }}
          pager={{
            page: (page) => t('apiKeys.page', { page }),
            previous: t('apiKeys.previous'),
            next: t('apiKeys.next'),
          }}
          rowData={(key) => ({ 'data-revoked': key.revokedAt !== null || undefined })}
        />
      )}
      <StatusMessage message={notice} />
    </section>
  );
}

/** The role a secret key acts as and who created it, under its name. */
function KeyOrigin({ apiKey }: { apiKey: ApiKey }) {
  const { t } = useMessages(apiKeysPanelMessages, roleMessages);
  const parts = [
    apiKey.role ? t('apiKeys.role', { role: t(`team.role.${apiKey.role}`) }) : null,
    apiKey.createdBy ? t('apiKeys.createdBy', { label: apiKey.createdBy.label }) : null,
  ].filter(Boolean);
  return parts.length ? <span className="as-muted as-keys-panel__origin">{parts.join(' · ')}</span> : null;
}

interface CreateKeyFormProps {
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (body: { name: string; type: ApiKeyType }) => void;
}

function CreateKeyForm({ pending, error, onCancel, onSubmit }: CreateKeyFormProps) {
  const { t } = useMessages(apiKeysPanelMessages, roleMessages);
  const id = useId();
  const [name, setName] = useState('');
  const [type, setType] = useState<ApiKeyType>('secret');
  const nameError = fieldErrorOf(error, 'name');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name: name.trim(), type });
  };
  return (
    <form className="as-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <p className="as-form__title" id={`${id}-title`}>
        {t('apiKeys.form.title')}
      </p>
      <div className="as-form__grid">
        <Field id={`${id}-name`} label={t('apiKeys.form.nameLabel')} error={nameError}>
          {(control) => (
            <input
              {...control}
              className="as-input"
              required
              maxLength={80}
              placeholder={t('apiKeys.form.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset className="as-choice-group">
        <legend>{t('apiKeys.form.typeLabel')}</legend>
        {TYPES.map((kind) => (
          <label key={kind} className="as-choice" data-checked={type === kind || undefined}>
            <input
              type="radio"
              name={`${id}-type`}
              value={kind}
              checked={type === kind}
              onChange={() => setType(kind)}
              aria-describedby={`${id}-${kind}-hint`}
            />
            <span className="as-choice__text">
              <span className="as-choice__label">{t(`apiKeys.type.${kind}`)}</span>
              <span className="as-choice__hint" id={`${id}-${kind}-hint`}>
                {t(`apiKeys.typeHint.${kind}`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {error && !nameError ? <ErrorNotice error={error} /> : null}
      <FormActions
        onCancel={onCancel}
        pending={pending}
        submitLabel={t('apiKeys.form.submit')}
        pendingLabel={t('apiKeys.form.submitting')}
      />
    </form>
  );
}

/**
 * @internal A new key's secret, once: a copy button (clipboard when the browser allows it) and a
 * warning. Shared by the API-key and agency-key panels.
 */
export function SecretReveal({
  name,
  secret,
  onDone,
  title,
  warning,
}: {
  name: string;
  secret: string;
  onDone: () => void;
  /** Replaces the title (a webhook endpoint's signing secret is not a key). */
  title?: string;
  /** Replaces the warning. */
  warning?: string;
}) {
  const { t } = useMessages(apiKeysPanelMessages, roleMessages);
  const id = useId();
  const { panel, input, copy, onCopy } = useShownOnce<HTMLDivElement>(secret);

  return (
    <div
      ref={panel}
      className="as-secret"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-warning`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      <p className="as-secret__title" id={`${id}-title`}>
        {title ?? t('apiKeys.secret.title', { name })}
      </p>
      <p className="as-secret__warning" id={`${id}-warning`}>
        {warning ?? t('apiKeys.secret.warning')}
      </p>
      <div className="as-secret__row">
        <label htmlFor={`${id}-value`} className="as-visually-hidden">
          {t('apiKeys.secret.label')}
        </label>
        <input
          ref={input}
          id={`${id}-value`}
          className="as-input as-input--mono as-secret__value"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="as-button as-button--secondary" onClick={onCopy}>
          {t('apiKeys.secret.copy')}
        </button>
      </div>
      <p className="as-secret__status" role="status">
        {copy === 'copied'
          ? t('apiKeys.secret.copied')
          : copy === 'failed'
            ? t('apiKeys.secret.copyFailed')
            : ''}
      </p>
      <div className="as-form__actions">
        <button type="button" className="as-button as-button--primary" onClick={onDone}>
          {t('apiKeys.secret.done')}
        </button>
      </div>
    </div>
  );
}
