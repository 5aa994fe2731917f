import type { Money, Order, OrderAction } from '@agentstack/sdk';
import { type FormEvent, useId, useState } from 'react';
import type { OrderActionVariables } from '../../../hooks/commerce/useOrders';
import { useMessages } from '../../../provider/context';
import { formatMoney, moneyInputValue, parseMoneyInput } from '../../../utils/format';
import { problemOf } from '../../../utils/problem';
import { Dialog } from '../../shared/Dialog/Dialog';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { NoteField } from '../../shared/NoteField/NoteField';
import { SelectField } from '../../shared/SelectField/SelectField';
import { orderActionMessages } from './messages';

/** The order actions that ask first: ship (carrier, tracking), refund (amount, reason), cancel (confirm). */
export type OrderDialogAction = 'ship' | 'refund' | 'cancel';

/** Whether `action` asks for something in an {@link OrderActionDialog} before it is taken. */
export function asksFirst(action: OrderAction): action is OrderDialogAction {
  return action === 'ship' || action === 'refund' || action === 'cancel';
}

/** What is left to refund, in minor units: captured less refunded, over the succeeded payments. */
export function refundableOf(order: Order): number {
  return order.payments
    .filter((p) => p.status === 'succeeded')
    .reduce((n, p) => n + Math.max(0, p.captured.amount - p.refunded.amount), 0);
}

const REFUND_REASONS = ['requested_by_customer', 'returned', 'damaged', 'fraudulent', 'other'] as const;
type RefundReason = (typeof REFUND_REASONS)[number];

/** `fields` trimmed, without the empty ones: the API takes an optional text absent, never empty. */
function filled<K extends string>(fields: Record<K, string>): Partial<Record<K, string>> {
  const entries = Object.entries<string>(fields).map(([key, value]) => [key, value.trim()] as const);
  return Object.fromEntries(entries.filter(([, value]) => value !== '')) as Partial<Record<K, string>>;
}

/** Props of {@link OrderActionDialog}. */
export interface OrderActionDialogProps {
  order: Order;
  /** The action it asks about. */
  action: OrderDialogAction;
  /** While the action runs: the submit button is busy. */
  pending: boolean;
  /** The action's error: a refund above what is left shows on the amount, any other under the fields. */
  error: unknown;
  /** Escape, or the close (keep) button: the parent unmounts the dialog. */
  onClose: () => void;
  /** Takes the action with what was entered. */
  onSubmit: (variables: OrderActionVariables) => void;
}

/**
 * @internal The modal dialog of an order action that asks first, the same wherever the order is
 * acted on (`OrderDetail`, `OrderWorkflowBoard`). Ship takes an optional carrier and tracking
 * number; refund an amount (all that is left by default, checked against it) with a reason and a
 * note, and shows the server's `409 refund_exceeds_captured` on the amount; cancel an optional
 * reason, its "Keep order" button holding the focus. The first field takes the focus; Escape closes.
 *
 * @example
 * {asking ? (
 *   <OrderActionDialog order={order} action={asking} pending={act.isPending} error={act.error}
 *     onClose={close} onSubmit={(v) => act.mutate(v)} />
 * ) : null}
 */
export function OrderActionDialog({ action, ...props }: OrderActionDialogProps) {
  return action === 'ship' ? (
    <ShipDialog {...props} />
  ) : action === 'refund' ? (
    <RefundDialog {...props} />
  ) : (
    <CancelDialog {...props} />
  );
}

type FormProps = Omit<OrderActionDialogProps, 'action'>;

/** The foot the three share: the error under the fields (unless shown on one), then close (keep) and submit. */
function DialogFoot({
  error,
  pending,
  submitLabel,
  destructive = false,
  onClose,
}: {
  error: unknown;
  pending: boolean;
  submitLabel: string;
  /** Cancelling the order: "Keep order" holds the focus beside a danger button. */
  destructive?: boolean;
  onClose: () => void;
}) {
  const { t } = useMessages(orderActionMessages);
  return (
    <>
      {error ? <ErrorNotice error={error} title={t('orderActions.error')} /> : null}
      <FormActions
        pending={pending}
        submitLabel={submitLabel}
        pendingLabel={t('orderActions.working')}
        onCancel={onClose}
        cancelLabel={destructive ? t('orderActions.cancel.keep') : t('orderActions.close')}
        destructive={destructive}
      />
    </>
  );
}

function ShipDialog({ order, pending, error, onClose, onSubmit }: FormProps) {
  const { t } = useMessages(orderActionMessages);
  const id = useId();
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  return (
    <Dialog
      title={t('orderActions.ship.title', { number: order.number })}
      description={t('orderActions.ship.body')}
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ id: order.id, action: 'ship', body: filled({ carrier, trackingNumber: tracking }) });
      }}
    >
      <Field id={`${id}-carrier`} label={t('orderActions.ship.carrier')}>
        {(control) => (
          <input
            {...control}
            className="as-input"
            maxLength={100}
            autoFocus
            value={carrier}
            onChange={(e) => setCarrier(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-tracking`} label={t('orderActions.ship.tracking')}>
        {(control) => (
          <input
            {...control}
            className="as-input as-input--mono"
            maxLength={200}
            value={tracking}
            onChange={(e) => setTracking(e.target.value)}
          />
        )}
      </Field>
      <DialogFoot
        error={error}
        pending={pending}
        submitLabel={t('orderActions.ship.submit')}
        onClose={onClose}
      />
    </Dialog>
  );
}

function RefundDialog({ order, pending, error, onClose, onSubmit }: FormProps) {
  const { t, locale } = useMessages(orderActionMessages);
  const id = useId();
  const { currency } = order;
  const refundable = refundableOf(order);
  const left = formatMoney({ amount: refundable, currency }, locale);
  const [amount, setAmount] = useState(() => moneyInputValue({ amount: refundable, currency }));
  const [reason, setReason] = useState<RefundReason>('requested_by_customer');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  // The server's word on what is left wins over ours (it may have changed since the page loaded).
  const problem = problemOf(error);
  const serverLeft = (problem as { refundable?: Money } | null)?.refundable;
  const amountError =
    invalid ??
    (problem?.code === 'refund_exceeds_captured'
      ? t('orderActions.refund.exceeds', { amount: serverLeft ? formatMoney(serverLeft, locale) : left })
      : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minor = parseMoneyInput(amount, currency);
    if (minor === null || minor < 1)
      return setInvalid(t('orderActions.refund.invalidAmount', { amount: left }));
    if (minor > refundable) return setInvalid(t('orderActions.refund.exceeds', { amount: left }));
    setInvalid(null);
    onSubmit({ id: order.id, action: 'refund', body: { amount: minor, reason, ...filled({ note }) } });
  };
  return (
    <Dialog
      title={t('orderActions.refund.title', { number: order.number })}
      onClose={onClose}
      onSubmit={submit}
    >
      <Field
        id={`${id}-amount`}
        label={t('orderActions.refund.amount', { currency })}
        hint={t('orderActions.refund.amountHint', { amount: left })}
        error={amountError}
      >
        {(control) => (
          <input
            {...control}
            className="as-input"
            inputMode="decimal"
            required
            autoFocus
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        )}
      </Field>
      <SelectField
        id={`${id}-reason`}
        label={t('orderActions.refund.reason')}
        options={REFUND_REASONS}
        labelOf={(r) => t(`orderActions.refund.reason.${r}`)}
        value={reason}
        onChange={setReason}
      />
      <NoteField id={`${id}-note`} label={t('orderActions.refund.note')} value={note} onChange={setNote} />
      <DialogFoot
        error={amountError ? null : error}
        pending={pending}
        submitLabel={t('orderActions.refund.submit')}
        onClose={onClose}
      />
    </Dialog>
  );
}

function CancelDialog({ order, pending, error, onClose, onSubmit }: FormProps) {
  const { t } = useMessages(orderActionMessages);
  const id = useId();
  const [note, setNote] = useState('');
  return (
    <Dialog
      title={t('orderActions.cancel.title', { number: order.number })}
      description={t('orderActions.cancel.body')}
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ id: order.id, action: 'cancel', body: filled({ note }) });
      }}
    >
      <NoteField id={`${id}-note`} label={t('orderActions.cancel.note')} value={note} onChange={setNote} />
      <DialogFoot
        error={error}
        pending={pending}
        submitLabel={t('orderActions.cancel.submit')}
        destructive
        onClose={onClose}
      />
    </Dialog>
  );
}
