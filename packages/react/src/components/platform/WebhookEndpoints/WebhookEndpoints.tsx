import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from '@agentstack/sdk';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useMe } from '../../../hooks/platform/useMe';
import {
  useCreateWebhookEndpoint,
  useDeleteWebhookEndpoint,
  useReplayWebhookDelivery,
  useRotateWebhookSecret,
  useSendWebhookTest,
  useUpdateWebhookEndpoint,
  useWebhookDeliveries,
} from '../../../hooks/platform/useWebhookEndpoints';
import { webhookQueries } from '../../../hooks/platform/webhookKeys';
import { useCursorList } from '../../../hooks/shared/useCursorList';
import { useMessages } from '../../../provider/context';
import { formatDate } from '../../../utils/format';
import { ActionError } from '../../shared/ActionError/ActionError';
import { ConfirmAction } from '../../shared/ConfirmAction/ConfirmAction';
import { EmptyState } from '../../shared/EmptyState/EmptyState';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { ResourceTable } from '../../shared/ResourceTable/ResourceTable';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { ToggleButton } from '../../shared/ToggleButton/ToggleButton';
import { SecretReveal } from '../ApiKeysPanel/ApiKeysPanel';
import { webhookEndpointsMessages } from './messages';

/** Props of {@link WebhookEndpoints}. */
export interface WebhookEndpointsProps {
  /** Endpoints per page (1..100). Defaults to 20. */
  pageSize?: number;
}

/**
 * The tenant's outgoing webhooks (`/v1/platform/webhook-endpoints`, owners and admins): endpoints
 * with their event filters and status (and why one was disabled), an add form whose signing
 * secret is shown once, and per endpoint its deliveries with the latest attempt (status, time,
 * answer), replay, a test event, secret rotation (the old secret keeps signing for a day, shown
 * once like a new one), disable/enable and delete after a confirmation. Roles without
 * `platform:webhooks:read` see a notice.
 *
 * @example <WebhookEndpoints />
 */
export function WebhookEndpoints({ pageSize = 20 }: WebhookEndpointsProps) {
  const { t, locale } = useMessages(webhookEndpointsMessages);
  const id = useId();
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  const canRead = permissions.includes('platform:webhooks:read');
  const canWrite = permissions.includes('platform:webhooks:write');
  const [adding, setAdding] = useState(false);
  const [revealed, setRevealed] = useState<WebhookEndpointWithSecret | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const endpoints = useCursorList(webhookQueries.endpointList, { limit: pageSize }, { enabled: canRead });
  const update = useUpdateWebhookEndpoint();
  const remove = useDeleteWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const test = useSendWebhookTest();

  const live = useRef({ open, setOpen });
  live.current = { open, setOpen };

  const columns = useMemo<ColumnDef<WebhookEndpoint>[]>(
    () => [
      {
        id: 'endpoint',
        header: t('webhooks.column.endpoint'),
        cell: ({ row }) => {
          const e = row.original;
          return (
            <span>
              <span className="as-webhooks__url">{e.url}</span>
              {e.description ? <span className="as-webhooks__meta">{e.description}</span> : null}
              <span className="as-webhooks__meta">
                {t('webhooks.secretPrefix', { prefix: e.secretPrefix })}
                {e.previousSecretExpiresAt
                  ? ` · ${t('webhooks.rotating', { date: formatDate(e.previousSecretExpiresAt, locale) })}`
                  : ''}
              </span>
            </span>
          );
        },
      },
      {
        id: 'events',
        header: t('webhooks.column.events'),
        meta: { optional: true },
        cell: ({ row }) => <code>{row.original.enabledEvents.join(', ')}</code>,
      },
      {
        id: 'status',
        header: t('webhooks.column.status'),
        cell: ({ row }) => (
          <span>
            <span
              className="as-status"
              data-status={row.original.status === 'enabled' ? 'active' : 'archived'}
            >
              {t(`webhooks.status.${row.original.status}`)}
            </span>
            {row.original.disabledReason ? (
              <span className="as-webhooks__meta">{row.original.disabledReason}</span>
            ) : null}
          </span>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="as-visually-hidden">{t('webhooks.column.actions')}</span>,
        cell: ({ row }) => {
          const { open, setOpen } = live.current;
          const e = row.original;
          const expanded = open === e.id;
          return (
            <button
              type="button"
              className="as-button as-button--secondary as-button--small"
              aria-expanded={expanded}
              aria-label={t('webhooks.manageRow', { url: e.url })}
              onClick={() => setOpen(expanded ? null : e.id)}
            >
              {t('webhooks.manage')}
            </button>
          );
        },
      },
    ],
    [t, locale],
  );

  return (
    <section className="as-card as-webhooks" aria-labelledby={`${id}-heading`}>
      <header className="as-webhooks__header">
        <h2 className="as-heading" id={`${id}-heading`}>
          {t('webhooks.title')}
        </h2>
        {canWrite ? (
          <ToggleButton open={adding} controls={`${id}-add`} onToggle={setAdding}>
            {t('webhooks.add')}
          </ToggleButton>
        ) : null}
      </header>
      <StatusMessage message={notice} />
      {revealed ? (
        <SecretReveal
          name={revealed.url}
          secret={revealed.secret}
          title={t('webhooks.secret.title', { name: revealed.url })}
          warning={t('webhooks.secret.warning')}
          onDone={() => setRevealed(null)}
        />
      ) : null}
      {canWrite && adding ? (
        <div id={`${id}-add`}>
          <AddEndpointForm
            onCancel={() => setAdding(false)}
            onDone={(created) => {
              setAdding(false);
              setRevealed(created);
            }}
          />
        </div>
      ) : null}
      {me.data && !canRead ? (
        <EmptyState
          className="as-notice"
          title={t('webhooks.noAccessTitle')}
          body={t('webhooks.noAccessBody')}
        />
      ) : (
        <ResourceTable
          label={t('webhooks.tableLabel')}
          list={endpoints}
          columns={columns}
          getRowId={(e) => e.id}
          loading={me.isPending}
          empty={{ title: t('webhooks.emptyTitle'), body: t('webhooks.emptyBody') }}
          errorTitle={t('webhooks.loadError')}
          actionError={update.error ?? remove.error ?? rotate.error ?? test.error}
          pager={{
            page: (page) => t('webhooks.page', { page }),
            previous: t('webhooks.previous'),
            next: t('webhooks.next'),
          }}
          afterRow={(e, colSpan) =>
            open === e.id ? (
              <tr>
                <td colSpan={colSpan}>
                  <div className="as-webhooks__panel">
                    <div className="as-webhooks__actions">
                      {canWrite ? (
                        <>
                          <button
                            type="button"
                            className="as-button as-button--secondary as-button--small"
                            disabled={e.status !== 'enabled' || test.isPending}
                            onClick={() =>
                              test.mutate(e.id, {
                                onSuccess: () => {
                                  setOpen(e.id);
                                  setNotice(t('webhooks.testSent', { url: e.url }));
                                },
                              })
                            }
                          >
                            {t('webhooks.sendTest')}
                          </button>
                          <button
                            type="button"
                            className="as-button as-button--secondary as-button--small"
                            disabled={rotate.isPending}
                            onClick={() =>
                              rotate.mutate({ id: e.id }, { onSuccess: (done) => setRevealed(done) })
                            }
                          >
                            {t('webhooks.rotate')}
                          </button>
                          <button
                            type="button"
                            className="as-button as-button--secondary as-button--small"
                            disabled={update.isPending}
                            onClick={() => {
                              const status = e.status === 'enabled' ? 'disabled' : 'enabled';
                              update.mutate(
                                { id: e.id, body: { status } },
                                {
                                  onSuccess: () =>
                                    setNotice(
                                      t(
                                        status === 'enabled' ? 'webhooks.enabled' : 'webhooks.disabledNotice',
                                        {
                                          url: e.url,
                                        },
                                      ),
                                    ),
                                },
                              );
                            }}
                          >
                            {t(e.status === 'enabled' ? 'webhooks.disable' : 'webhooks.enable')}
                          </button>
                          <ConfirmAction
                            confirming={confirming === e.id}
                            label={t('webhooks.deleteRow', { url: e.url })}
                            action={t('webhooks.delete')}
                            question={t('webhooks.confirmDelete', { url: e.url })}
                            confirmAction={t('webhooks.confirmDeleteAction')}
                            busy={remove.isPending && remove.variables === e.id}
                            onStart={() => setConfirming(e.id)}
                            onCancel={() => setConfirming(null)}
                            onConfirm={() =>
                              remove.mutate(e.id, {
                                onSuccess: () => {
                                  setConfirming(null);
                                  setNotice(t('webhooks.deleted', { url: e.url }));
                                },
                              })
                            }
                          />
                        </>
                      ) : null}
                    </div>
                    <Deliveries endpoint={e} canReplay={canWrite} onNotice={setNotice} />
                  </div>
                </td>
              </tr>
            ) : null
          }
        />
      )}
    </section>
  );
}

/** The add form: URL, event filters, description. */
function AddEndpointForm({
  onCancel,
  onDone,
}: {
  onCancel: () => void;
  onDone: (created: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useMessages(webhookEndpointsMessages);
  const id = useId();
  const create = useCreateWebhookEndpoint();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('*');
  const [description, setDescription] = useState('');
  const fieldError = (param: string) =>
    create.error?.param === param || create.error?.problem?.errors?.some((e) => e.param.startsWith(param))
      ? (create.error.problem?.errors?.find((e) => e.param.startsWith(param))?.message ??
        create.error.message)
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const enabledEvents = events
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    create.mutate(
      { url: url.trim(), enabledEvents, ...(description.trim() ? { description: description.trim() } : {}) },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="as-form as-webhooks__form" aria-label={t('webhooks.add')} onSubmit={submit}>
      <Field id={`${id}-url`} label={t('webhooks.form.url')} error={fieldError('url')}>
        {(control) => (
          <input
            {...control}
            className="as-input"
            type="url"
            required
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-events`} label={t('webhooks.form.events')} error={fieldError('enabledEvents')}>
        {(control) => (
          <input
            {...control}
            className="as-input"
            required
            value={events}
            onChange={(e) => setEvents(e.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${id}-description`}
        label={t('webhooks.form.description')}
        error={fieldError('description')}
      >
        {(control) => (
          <input
            {...control}
            className="as-input"
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <ActionError
        error={create.error && !create.error.param && !create.error.problem?.errors ? create.error : null}
      />
      <FormActions
        pending={create.isPending}
        submitLabel={t('webhooks.form.create')}
        pendingLabel={t('webhooks.form.creating')}
        onCancel={onCancel}
      />
    </form>
  );
}

/** An endpoint's latest deliveries, each with its last attempt and a replay button. */
function Deliveries({
  endpoint,
  canReplay,
  onNotice,
}: {
  endpoint: WebhookEndpoint;
  canReplay: boolean;
  onNotice: (notice: string) => void;
}) {
  const { t, locale } = useMessages(webhookEndpointsMessages);
  const deliveries = useWebhookDeliveries({ endpointId: endpoint.id, limit: 20 });
  const replay = useReplayWebhookDelivery();
  const items = deliveries.data?.data ?? [];
  const last = (d: WebhookDelivery) => d.attempts[0];
  return (
    <section
      className="as-webhooks__deliveries"
      aria-label={t('webhooks.deliveriesOf', { url: endpoint.url })}
    >
      <ActionError error={deliveries.error ?? replay.error} />
      {deliveries.isPending ? (
        <p className="as-muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="as-muted">{t('webhooks.noDeliveries')}</p>
      ) : (
        <ul className="as-webhooks__delivery-list">
          {items.map((d) => {
            const attempt = last(d);
            return (
              <li key={d.id} className="as-webhooks__delivery" data-status={d.status}>
                <span className="as-webhooks__delivery-event">
                  <code>{d.eventType}</code>
                  <span className="as-webhooks__meta">
                    <time dateTime={d.createdAt}>{formatDate(d.createdAt, locale)}</time>
                    {' · '}
                    {t('webhooks.delivery.attempts', { count: d.attemptCount })}
                    {attempt
                      ? ` · ${
                          attempt.statusCode !== null
                            ? t('webhooks.delivery.lastAttempt', {
                                status: attempt.statusCode,
                                ms: attempt.durationMs,
                              })
                            : t('webhooks.delivery.lastError', {
                                error: attempt.error ?? t('webhooks.delivery.noAnswer'),
                              })
                        }`
                      : ''}
                  </span>
                </span>
                <span className="as-webhooks__delivery-status">{t(`webhooks.delivery.${d.status}`)}</span>
                {canReplay && d.status !== 'pending' ? (
                  <button
                    type="button"
                    className="as-button as-button--secondary as-button--small"
                    aria-label={t('webhooks.replayOf', { event: d.eventType })}
                    disabled={replay.isPending}
                    onClick={() =>
                      replay.mutate(
                        { endpointId: endpoint.id, deliveryId: d.id },
                        { onSuccess: () => onNotice(t('webhooks.replayed', { event: d.eventType })) },
                      )
                    }
                  >
                    {t('webhooks.replay')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
