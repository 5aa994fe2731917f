import type { AgencyKey, AgencyKeyWithSecret } from '@agentstack/sdk';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { platformQueries } from '../../../hooks/platform/platformKeys';
import { useCreateAgencyKey } from '../../../hooks/platform/useCreateAgencyKey';
import { useMe } from '../../../hooks/platform/useMe';
import { useRevokeAgencyKey } from '../../../hooks/platform/useRevokeAgencyKey';
import { useCursorList } from '../../../hooks/shared/useCursorList';
import { useMessages } from '../../../provider/context';
import { formatDate } from '../../../utils/format';
import { fieldErrorOf } from '../../../utils/problem';
import { ConfirmAction } from '../../shared/ConfirmAction/ConfirmAction';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { ResourceTable } from '../../shared/ResourceTable/ResourceTable';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { ToggleButton } from '../../shared/ToggleButton/ToggleButton';
import { SecretReveal } from '../ApiKeysPanel/ApiKeysPanel';
import { agencyKeysPanelMessages } from './messages';

/** Props of {@link AgencyKeysPanel}. */
export interface AgencyKeysPanelProps {
  /** The agency whose keys to show (`agy_…`). */
  agencyId: string;
  /** Keys per page (1..100). Defaults to 20. */
  pageSize?: number;
  /** Shows "New agency key" to operators (only they create agency keys). Defaults to `true`. */
  allowCreate?: boolean;
  /** Called once a key is created, with its id and name (never the secret). */
  onCreated?: (key: Pick<AgencyKey, 'id' | 'name'>) => void;
  /** Called with each key revoked here — an agency console revoking its own key is signed out. */
  onRevoked?: (key: AgencyKey) => void;
}

const displayPrefix = (prefix: string) => (prefix.endsWith('…') ? prefix : `${prefix}…`);

/**
 * An agency's keys (`ag_…`): name with who created it, prefix, created and status, revoked keys
 * muted. Operators create keys ("New agency key" shows the secret once) and revoke any; an agency
 * key's own console lists and revokes its agency's keys (`agency:manage`), itself included.
 * Revoking asks for confirmation first.
 *
 * @example <AgencyKeysPanel agencyId="agy_01J…" />
 */
export function AgencyKeysPanel({
  agencyId,
  pageSize = 20,
  allowCreate = true,
  onCreated,
  onRevoked,
}: AgencyKeysPanelProps) {
  const { t, locale } = useMessages(agencyKeysPanelMessages);
  const id = useId();
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  const canCreate = allowCreate && permissions.includes('operator');
  const canRevoke = permissions.includes('agency:manage');
  const keys = useCursorList(
    platformQueries.agencyKeyList,
    { limit: pageSize, agencyId },
    { enabled: Boolean(agencyId) },
  );
  const create = useCreateAgencyKey();
  const revoke = useRevokeAgencyKey();
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  // The one copy of the new secret: component state, dropped on "I've saved it" or unmount.
  const [revealed, setRevealed] = useState<AgencyKeyWithSecret | null>(null);

  const live = useRef({ canRevoke, confirming, setConfirming, setNotice, revoke, onRevoked });
  live.current = { canRevoke, confirming, setConfirming, setNotice, revoke, onRevoked };
  const columns = useMemo<ColumnDef<AgencyKey>[]>(
    () => [
      {
        id: 'name',
        header: t('agencyKeys.column.name'),
        cell: ({ row }) => (
          <>
            <span className="as-keys-panel__name">{row.original.name}</span>
            {row.original.createdBy ? (
              <span className="as-muted as-keys-panel__origin">
                {t('agencyKeys.createdBy', { label: row.original.createdBy.label })}
              </span>
            ) : null}
          </>
        ),
      },
      {
        id: 'key',
        header: t('agencyKeys.column.key'),
        meta: { optional: true },
        cell: ({ row }) => (
          <code className="as-code as-key-prefix">{displayPrefix(row.original.prefix)}</code>
        ),
      },
      {
        id: 'created',
        header: t('agencyKeys.column.created'),
        meta: { optional: true },
        cell: ({ row }) => (
          <time dateTime={row.original.createdAt}>{formatDate(row.original.createdAt, locale)}</time>
        ),
      },
      {
        id: 'status',
        header: t('agencyKeys.column.status'),
        cell: ({ row }) =>
          row.original.revokedAt ? (
            <span
              className="as-status"
              data-status="revoked"
              title={t('agencyKeys.revokedOn', { date: formatDate(row.original.revokedAt, locale) })}
            >
              {t('agencyKeys.status.revoked')}
            </span>
          ) : (
            <span className="as-status" data-status="active">
              {t('agencyKeys.status.active')}
            </span>
          ),
      },
      {
        id: 'actions',
        header: () => <span className="as-visually-hidden">{t('agencyKeys.column.actions')}</span>,
        cell: ({ row }) => {
          const { canRevoke: may, confirming: open, setConfirming: setOpen, setNotice: say } = live.current;
          const { revoke: revoking, onRevoked: revoked } = live.current;
          const key = row.original;
          if (!may || key.revokedAt !== null) return null;
          return (
            <ConfirmAction
              confirming={open === key.id}
              label={t('agencyKeys.revokeRow', { name: key.name })}
              action={t('agencyKeys.revoke')}
              question={t('agencyKeys.confirmRevoke', { name: key.name })}
              confirmAction={t('agencyKeys.confirmRevokeAction')}
              busy={revoking.isPending && revoking.variables?.keyId === key.id}
              onStart={() => {
                revoking.reset();
                say('');
                setOpen(key.id);
              }}
              onCancel={() => setOpen(null)}
              onConfirm={() =>
                revoking.mutate(
                  { agencyId: key.agencyId, keyId: key.id },
                  {
                    onSuccess: (done) => {
                      setOpen(null);
                      say(t('agencyKeys.revoked', { name: done.name }));
                      revoked?.(done);
                    },
                  },
                )
              }
            />
          );
        },
      },
    ],
    [t, locale],
  );

  const onCreatedKey = (key: AgencyKeyWithSecret) => {
    setRevealed(key);
    setCreating(false);
    // The mutation state would keep the secret too: clear it now that the panel has it.
    create.reset();
    onCreated?.({ id: key.id, name: key.name });
  };

  return (
    <section className="as-card as-keys-panel as-agency-keys" aria-labelledby={`${id}-heading`}>
      <header className="as-keys-panel__header">
        <h2 className="as-heading" id={`${id}-heading`}>
          {t('agencyKeys.title')}
        </h2>
        {canCreate ? (
          <ToggleButton open={creating} controls={`${id}-create`} onToggle={setCreating}>
            {t('agencyKeys.create')}
          </ToggleButton>
        ) : null}
      </header>
      <p className="as-muted as-agency-keys__intro">{t('agencyKeys.intro')}</p>

      {revealed ? (
        <SecretReveal name={revealed.name} secret={revealed.secret} onDone={() => setRevealed(null)} />
      ) : null}

      {canCreate && creating ? (
        <div id={`${id}-create`} className="as-keys-panel__create">
          <CreateAgencyKeyForm
            pending={create.isPending}
            error={create.error}
            onCancel={() => setCreating(false)}
            onSubmit={(name) => create.mutate({ agencyId, body: { name } }, { onSuccess: onCreatedKey })}
          />
        </div>
      ) : null}

      <ResourceTable
        label={t('agencyKeys.tableLabel')}
        list={keys}
        columns={columns}
        getRowId={(key) => key.id}
        loadingRows={2}
        errorTitle={t('agencyKeys.loadError')}
        actionError={revoke.error}
        empty={{ title: t('agencyKeys.emptyTitle'), body: t('agencyKeys.emptyBody') }}
        pager={{
          page: (page) => t('agencyKeys.page', { page }),
          previous: t('agencyKeys.previous'),
          next: t('agencyKeys.next'),
        }}
        rowData={(key) => ({ 'data-revoked': key.revokedAt !== null || undefined })}
      />
      <StatusMessage message={notice} />
    </section>
  );
}

interface CreateAgencyKeyFormProps {
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (name: string) => void;
}

function CreateAgencyKeyForm({ pending, error, onCancel, onSubmit }: CreateAgencyKeyFormProps) {
  const { t } = useMessages(agencyKeysPanelMessages);
  const id = useId();
  const [name, setName] = useState('');
  const nameError = fieldErrorOf(error, 'name');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(name.trim());
  };
  return (
    <form className="as-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <p className="as-form__title" id={`${id}-title`}>
        {t('agencyKeys.form.title')}
      </p>
      <div className="as-form__grid">
        <Field id={`${id}-name`} label={t('agencyKeys.form.nameLabel')} error={nameError}>
          {(control) => (
            <input
              {...control}
              className="as-input"
              required
              maxLength={80}
              placeholder={t('agencyKeys.form.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
      </div>
      {error && !nameError ? <ErrorNotice error={error} /> : null}
      <FormActions
        onCancel={onCancel}
        pending={pending}
        submitLabel={t('agencyKeys.form.submit')}
        pendingLabel={t('agencyKeys.form.submitting')}
      />
    </form>
  );
}
