import type { AgentStackError, Fulfillment, Money, Order, OrderAction, OrderItem } from '@agentstack/sdk';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { orderQueries } from '../../../hooks/commerce/orderKeys';
import {
  type OrderActionName,
  type OrderActionVariables,
  useOrderAction,
} from '../../../hooks/commerce/useOrders';
import { useOrderWorkflow } from '../../../hooks/commerce/useOrderWorkflow';
import { useVendors } from '../../../hooks/commerce/useVendors';
import { useEntitlement } from '../../../hooks/platform/useEntitlement';
import { useRealtime } from '../../../hooks/realtime/useRealtime';
import { useAgentStackClient, useMessages } from '../../../provider/context';
import { cardBrandName, cx, formatMoney } from '../../../utils/format';
import { LiveIndicator } from '../../platform/LiveIndicator/LiveIndicator';
import { EmptyState } from '../../shared/EmptyState/EmptyState';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { orderActionMessages } from '../orderActions/messages';
import {
  asksFirst,
  OrderActionDialog,
  type OrderDialogAction,
  refundableOf,
} from '../orderActions/OrderActionDialog';
import { orderDetailMessages } from './messages';

/** Props of {@link OrderDetail}: give `orderId` (fetched) or `order` (already at hand). */
export interface OrderDetailProps {
  /** The order to show, fetched with `GET /v1/commerce/orders/:id`. */
  orderId?: string;
  /**
   * An order already at hand (a list row, a realtime event): shown at once, then kept fresh in the
   * query cache like a fetched one. Wins over `orderId`.
   */
  order?: Order;
  /** Called with the order after each action it took (paid, shipped, refunded…). */
  onUpdated?: (order: Order) => void;
  /**
   * Follows the realtime stream, so the order updates as others act on it (a vendor shipping
   * their part, a payment arriving). Defaults to `true`.
   */
  live?: boolean;
}

interface ItemGroup {
  key: string;
  vendorId: string | null;
  fulfillment: Fulfillment | null;
  items: OrderItem[];
}

/**
 * The order's lines by who ships them: one group per fulfilment (one per vendor on plans with
 * multi-vendor, one for the whole order below), then the lines no fulfilment holds yet — by
 * vendor when `split`, else together.
 */
function groupsOf(order: Order, split: boolean): ItemGroup[] {
  const byId = new Map(order.items.map((i) => [i.id, i]));
  const placed = new Set<string>();
  const groups: ItemGroup[] = [];
  for (const f of order.fulfillments) {
    const items: OrderItem[] = [];
    for (const { orderItemId } of f.items) {
      const item = byId.get(orderItemId);
      if (item && !placed.has(item.id)) {
        placed.add(item.id);
        items.push(item);
      }
    }
    if (items.length) groups.push({ key: f.id, vendorId: f.vendorId, fulfillment: f, items });
  }
  const rest = new Map<string, ItemGroup>();
  for (const item of order.items) {
    if (placed.has(item.id)) continue;
    const vendorId = split ? item.vendorId : null;
    const key = `rest:${vendorId ?? ''}`;
    const group = rest.get(key) ?? { key, vendorId, fulfillment: null, items: [] };
    group.items.push(item);
    rest.set(key, group);
  }
  return [...groups, ...rest.values()];
}

/**
 * One order for the staff: number, status, payment status, date, customer and totals; its lines
 * grouped by vendor with each group's fulfilment (carrier and tracking once shipped); payments
 * and refunds; the actions the caller may take now — exactly the order's `allowedTransitions`,
 * plus moving to the next custom step on Enterprise workflows — and its whole timeline, newest
 * first. Shipping asks for the carrier and tracking number, cancelling asks for confirmation, and
 * refunding takes an amount (all that is left by default) and a reason. An action the order can
 * no longer take (`409 invalid_transition`, e.g. someone else shipped it) shows the problem and
 * reloads the order; a refund above what is left shows on the amount.
 *
 * @example <OrderDetail orderId="ord_01J…" onUpdated={(o) => toast(`Order #${o.number}: ${o.status}`)} />
 */
export function OrderDetail(props: OrderDetailProps) {
  const { t } = useMessages(orderDetailMessages);
  const id = useId();
  const client = useAgentStackClient();
  const orderId = props.order?.id ?? props.orderId ?? '';
  const query = useQuery({
    ...orderQueries.detail(client, orderId),
    enabled: orderId !== '',
    ...(props.order ? { initialData: props.order } : {}),
  });
  if (!query.data) {
    if (query.error) {
      return query.error.status === 404 ? (
        <section className="as-card as-order-detail" aria-labelledby={`${id}-title`}>
          <h2 className="as-heading" id={`${id}-title`}>
            {t('orderDetail.notFoundTitle')}
          </h2>
          <EmptyState title={t('orderDetail.notFoundTitle')} body={t('orderDetail.notFoundBody')} />
        </section>
      ) : (
        <ErrorNotice error={query.error} title={t('orderDetail.loadError')} onRetry={() => query.refetch()} />
      );
    }
    return (
      <section className="as-card as-order-detail" aria-busy="true" aria-label={t('orderDetail.loading')}>
        <span className="as-skeleton as-order-detail__skeleton-title" />
        <span className="as-skeleton" />
        <span className="as-skeleton" />
        <span className="as-skeleton" />
        <span className="as-visually-hidden" role="status">
          {t('common.loading')}
        </span>
      </section>
    );
  }
  return (
    <OrderView
      order={query.data}
      live={props.live ?? true}
      onRefetch={() => query.refetch()}
      onUpdated={props.onUpdated}
    />
  );
}

function OrderView({
  order,
  live,
  onRefetch,
  onUpdated,
}: {
  order: Order;
  live: boolean;
  onRefetch: () => void;
  onUpdated?: (order: Order) => void;
}) {
  const { t, locale, messages } = useMessages(orderDetailMessages, orderActionMessages);
  const id = useId();
  const multiVendor = useEntitlement({ feature: 'commerce.multiVendor' }).status === 'granted';
  const hasVendors = order.items.some((i) => i.vendorId !== null);
  const vendors = useVendors({ limit: 100 }, { enabled: multiVendor && hasVendors });
  const fulfilling = order.status === 'fulfilling';
  const workflow = useOrderWorkflow();
  const steps = workflow.data?.steps ?? [];
  const action = useOrderAction();
  const realtime = useRealtime(['orders'], { enabled: live });
  const [dialog, setDialog] = useState<OrderDialogAction | null>(null);
  const [notice, setNotice] = useState('');
  const [stale, setStale] = useState(false);

  const money = (m: Money) => formatMoney(m, locale);
  const dateTime = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const label = (key: string, fallback: string) => (messages as Record<string, string>)[key] ?? fallback;
  const statusLabel = t(`orderDetail.status.${order.status}`);
  const paymentLabel = t(`orderDetail.payment.${order.paymentStatus}`);
  const vendorName = (vendorId: string | null) =>
    vendorId === null
      ? t('orderDetail.store')
      : (vendors.data?.data.find((v) => v.id === vendorId)?.name ?? vendorId);
  // The server's event messages name vendors by id: show their names where they are known.
  const readable = (message: string) =>
    (vendors.data?.data ?? []).reduce((m, v) => m.split(v.id).join(v.name), message);
  // The step is where the order is within fulfilment: once shipped, its status says more.
  const currentStep =
    fulfilling && order.workflowStep ? steps.find((s) => s.key === order.workflowStep) : undefined;
  const nextStep = fulfilling
    ? steps[order.workflowStep ? steps.findIndex((s) => s.key === order.workflowStep) + 1 : 0]
    : undefined;
  const allowed = order.allowedTransitions.map((tr) => tr.action);
  // The next custom step is no transition of the state machine: offered to callers who may act.
  const canAdvance = nextStep !== undefined && allowed.length > 0;
  const refundable = refundableOf(order);
  const groups = groupsOf(order, multiVendor);
  const flat = groups.length <= 1 && groups.every((g) => g.vendorId === null);

  const run = (name: OrderActionName, body?: object) => {
    setNotice('');
    setStale(false);
    action.mutate({ id: order.id, action: name, body } as OrderActionVariables, {
      onSuccess: (done: Order) => {
        setDialog(null);
        setNotice(
          t('orderDetail.done', {
            number: done.number,
            status: t(`orderDetail.status.${done.status}`),
            payment: t(`orderDetail.payment.${done.paymentStatus}`),
          }),
        );
        onUpdated?.(done);
      },
      onError: (error: AgentStackError) => {
        // Someone else moved the order on: show why, and what it can do now.
        if (error.code === 'invalid_transition') {
          setDialog(null);
          setStale(true);
          onRefetch();
        }
      },
    });
  };
  const close = () => {
    action.reset();
    setDialog(null);
  };
  const onAction = (name: OrderAction) => {
    if (asksFirst(name)) {
      action.reset();
      setDialog(name);
    } else run(name);
  };
  const busy = action.isPending;

  return (
    <article className="as-card as-order-detail" aria-labelledby={`${id}-title`}>
      <header className="as-order-detail__header">
        <h2 className="as-heading" id={`${id}-title`}>
          {t('orderDetail.title', { number: order.number })}
        </h2>
        {live ? <LiveIndicator status={realtime.status} /> : null}
        <dl className="as-order-detail__badges">
          <div>
            <dt className="as-visually-hidden">{t('orderDetail.statusLabel')}</dt>
            <dd>
              <span className="as-status" data-status={order.status}>
                {statusLabel}
              </span>
            </dd>
          </div>
          <div>
            <dt className="as-visually-hidden">{t('orderDetail.paymentLabel')}</dt>
            <dd>
              <span className="as-status" data-status={`payment-${order.paymentStatus}`}>
                {t('orderDetail.paymentLabel')}: {paymentLabel}
              </span>
            </dd>
          </div>
          {currentStep ? (
            <div>
              <dt className="as-visually-hidden">{t('orderDetail.stepLabel')}</dt>
              <dd>
                <span className="as-status" data-status="step">
                  {t('orderDetail.stepLabel')}: {currentStep.name}
                </span>
              </dd>
            </div>
          ) : null}
        </dl>
      </header>
      <p className="as-order-detail__meta">
        <time dateTime={order.createdAt}>{t('orderDetail.placed', { date: dateTime(order.createdAt) })}</time>
        <span className="as-order-detail__email">
          <span className="as-visually-hidden">{t('orderDetail.customer')}: </span>
          {order.email ?? t('orderDetail.noEmail')}
        </span>
      </p>

      <StatusMessage message={notice} visible />

      <section className="as-order-detail__section" aria-labelledby={`${id}-actions`}>
        <h3 className="as-order-detail__subtitle" id={`${id}-actions`}>
          {t('orderDetail.actionsTitle')}
        </h3>
        {stale ? <p className="as-muted">{t('orderDetail.staleNotice')}</p> : null}
        {action.error && dialog === null ? (
          <ErrorNotice error={action.error} title={t('orderDetail.actionError')} />
        ) : null}
        {allowed.length === 0 && !canAdvance ? (
          <p className="as-muted">{t('orderDetail.noActions')}</p>
        ) : (
          <div className="as-order-detail__actions">
            {canAdvance && nextStep ? (
              <button
                type="button"
                className="as-button as-button--primary"
                disabled={busy}
                onClick={() => run('advance_step')}
              >
                {t('orderDetail.action.advanceStep', { step: nextStep.name })}
              </button>
            ) : null}
            {allowed.map((name) => (
              <button
                key={name}
                type="button"
                className={cx(
                  'as-button',
                  name === 'cancel'
                    ? 'as-button--danger'
                    : name === 'refund'
                      ? 'as-button--secondary'
                      : canAdvance
                        ? 'as-button--secondary'
                        : 'as-button--primary',
                )}
                aria-haspopup={asksFirst(name) ? 'dialog' : undefined}
                disabled={busy}
                onClick={() => onAction(name)}
              >
                {t(`orderDetail.action.${name}`)}
              </button>
            ))}
          </div>
        )}
      </section>

      <section className="as-order-detail__section" aria-labelledby={`${id}-items`}>
        <h3 className="as-order-detail__subtitle" id={`${id}-items`}>
          {t('orderDetail.itemsTitle')}
        </h3>
        {groups.map((group) => (
          <ItemGroupView
            key={group.key}
            group={group}
            title={
              flat
                ? t('orderDetail.itemsTitle')
                : t('orderDetail.itemsOf', { vendor: vendorName(group.vendorId) })
            }
            showTitle={!flat}
            money={money}
          />
        ))}
        <dl className="as-order-detail__totals" aria-label={t('orderDetail.totalsTitle')}>
          <Row term={t('orderDetail.subtotal')} value={money(order.subtotal)} />
          {order.discountTotal.amount > 0 ? (
            <Row
              term={
                order.discountCode
                  ? t('orderDetail.discountCode', { code: order.discountCode })
                  : t('orderDetail.discount')
              }
              value={`−${money(order.discountTotal)}`}
            />
          ) : null}
          <Row term={t('orderDetail.shipping')} value={money(order.shippingTotal)} />
          <Row term={t('orderDetail.tax')} value={money(order.taxTotal)} />
          <Row term={t('orderDetail.total')} value={money(order.total)} strong />
          {order.refundedTotal.amount > 0 ? (
            <Row term={t('orderDetail.refundedTotal')} value={`−${money(order.refundedTotal)}`} />
          ) : null}
        </dl>
      </section>

      <section className="as-order-detail__section" aria-labelledby={`${id}-payments`}>
        <h3 className="as-order-detail__subtitle" id={`${id}-payments`}>
          {t('orderDetail.paymentsTitle')}
        </h3>
        {order.payments.length === 0 ? (
          <p className="as-muted">{t('orderDetail.noPayments')}</p>
        ) : (
          <div className="as-table-wrap">
            <table className="as-table" aria-labelledby={`${id}-payments`}>
              <thead>
                <tr>
                  <th scope="col">{t('orderDetail.column.provider')}</th>
                  <th scope="col" className="as-col--optional">
                    {t('orderDetail.column.card')}
                  </th>
                  <th scope="col" className="as-num">
                    {t('orderDetail.column.amount')}
                  </th>
                  <th scope="col">{t('orderDetail.column.status')}</th>
                </tr>
              </thead>
              <tbody>
                {order.payments.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <span className="as-order-detail__provider">{p.provider}</span>
                      {p.card ? (
                        <span className="as-order-detail__sub as-order-detail__card-inline">
                          {t('orderDetail.card', { brand: cardBrandName(p.card.brand), last4: p.card.last4 })}
                        </span>
                      ) : null}
                    </td>
                    <td className="as-col--optional">
                      {p.card
                        ? t('orderDetail.card', { brand: cardBrandName(p.card.brand), last4: p.card.last4 })
                        : '—'}
                    </td>
                    <td className="as-num">{money(p.amount)}</td>
                    <td>{t(`orderDetail.paymentStatus.${p.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {order.payments.some((p) => p.status === 'succeeded') ? (
          <p className="as-order-detail__refundable">
            {t('orderDetail.refundable', { amount: money({ amount: refundable, currency: order.currency }) })}
          </p>
        ) : null}
      </section>

      {order.refunds.length > 0 ? (
        <section className="as-order-detail__section" aria-labelledby={`${id}-refunds`}>
          <h3 className="as-order-detail__subtitle" id={`${id}-refunds`}>
            {t('orderDetail.refundsTitle')}
          </h3>
          <div className="as-table-wrap">
            <table className="as-table" aria-labelledby={`${id}-refunds`}>
              <thead>
                <tr>
                  <th scope="col" className="as-num">
                    {t('orderDetail.column.amount')}
                  </th>
                  <th scope="col">{t('orderDetail.column.reason')}</th>
                  <th scope="col">{t('orderDetail.column.status')}</th>
                  <th scope="col" className="as-col--optional">
                    {t('orderDetail.column.date')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...order.refunds].reverse().map((r) => (
                  <tr key={r.id}>
                    <td className="as-num">{money(r.amount)}</td>
                    <td>{r.reason ? label(`orderActions.refund.reason.${r.reason}`, r.reason) : '—'}</td>
                    <td>{t(`orderDetail.paymentStatus.${r.status}`)}</td>
                    <td className="as-col--optional">
                      <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section className="as-order-detail__section" aria-labelledby={`${id}-timeline`}>
        <h3 className="as-order-detail__subtitle" id={`${id}-timeline`}>
          {t('orderDetail.timelineTitle')}
        </h3>
        <ol className="as-order-detail__timeline">
          {[...order.timeline].reverse().map((entry) => {
            const title = label(`orderDetail.event.${entry.type}`, t('orderDetail.event.other'));
            return (
              <li key={entry.id} className="as-order-detail__event" data-type={entry.type}>
                <span className="as-order-detail__event-title">{title}</span>
                <time className="as-order-detail__sub" dateTime={entry.createdAt}>
                  {dateTime(entry.createdAt)}
                </time>
                {entry.message && entry.message !== title ? (
                  <span className="as-order-detail__event-message">{readable(entry.message)}</span>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      {dialog ? (
        <OrderActionDialog
          order={order}
          action={dialog}
          pending={busy}
          error={action.error}
          onClose={close}
          onSubmit={(v) => run(v.action, v.body)}
        />
      ) : null}
    </article>
  );
}

function Row({ term, value, strong }: { term: string; value: string; strong?: boolean }) {
  return (
    <div className={cx('as-order-detail__total', strong && 'as-order-detail__total--grand')}>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ItemGroupView({
  group,
  title,
  showTitle,
  money,
}: {
  group: ItemGroup;
  title: string;
  showTitle: boolean;
  money: (m: Money) => string;
}) {
  const { t } = useMessages(orderDetailMessages);
  const id = useId();
  const f = group.fulfillment;
  const fulfilment = f?.status ?? 'none';
  const tracking = f?.trackingNumber
    ? f.carrier
      ? t('orderDetail.tracking', { carrier: f.carrier, number: f.trackingNumber })
      : f.trackingNumber
    : null;
  // Only web links: a tracking URL is the carrier's, stored as given.
  const trackingUrl = f?.trackingUrl && /^https?:\/\//i.test(f.trackingUrl) ? f.trackingUrl : null;
  return (
    <div className="as-order-detail__group">
      <div className="as-order-detail__group-header">
        <h4 className={showTitle ? 'as-order-detail__group-title' : 'as-visually-hidden'} id={`${id}-title`}>
          {title}
        </h4>
        <span className="as-status" data-status={`fulfillment-${fulfilment}`}>
          {fulfilment === 'none' || fulfilment === 'pending'
            ? t(`orderDetail.fulfillment.${fulfilment}`)
            : t(`orderDetail.status.${fulfilment}`)}
        </span>
        {tracking && trackingUrl ? (
          <a className="as-order-detail__tracking" href={trackingUrl} target="_blank" rel="noreferrer">
            {tracking}
          </a>
        ) : tracking ? (
          <span className="as-order-detail__tracking">{tracking}</span>
        ) : null}
      </div>
      <div className="as-table-wrap">
        <table className="as-table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{t('orderDetail.column.item')}</th>
              <th scope="col" className="as-num">
                {t('orderDetail.column.quantity')}
              </th>
              <th scope="col" className="as-num as-col--optional">
                {t('orderDetail.column.unitPrice')}
              </th>
              <th scope="col" className="as-num">
                {t('orderDetail.column.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {group.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <span className="as-order-detail__item">
                    {item.title}
                    {item.variantTitle ? ` — ${item.variantTitle}` : ''}
                  </span>
                  {item.sku ? (
                    <span className="as-order-detail__sub as-order-detail__sku">
                      {t('orderDetail.sku', { sku: item.sku })}
                    </span>
                  ) : null}
                  {item.returnedQuantity > 0 ? (
                    <span className="as-order-detail__sub">
                      {t('orderDetail.returned', { count: item.returnedQuantity })}
                    </span>
                  ) : null}
                </td>
                <td className="as-num">{item.quantity}</td>
                <td className="as-num as-col--optional">{money(item.unitPrice)}</td>
                <td className="as-num">{money(item.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
