import type { Order, OrderAction, OrderStatus, OrderWorkflowStep } from '@agentstack/sdk';
import { upgradeForFeature } from '@agentstack/sdk/catalog';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { orderKeys, orderQueries } from '../../../hooks/commerce/orderKeys';
import { type OrderActionVariables, useOrderAction } from '../../../hooks/commerce/useOrders';
import { useOrderWorkflow } from '../../../hooks/commerce/useOrderWorkflow';
import { useEntitlement } from '../../../hooks/platform/useEntitlement';
import { useMe } from '../../../hooks/platform/useMe';
import { useRealtime } from '../../../hooks/realtime/useRealtime';
import type { Translate } from '../../../messages/messages';
import { useAgentStackClient, useMessages } from '../../../provider/context';
import { formatMoney, formatNumber } from '../../../utils/format';
import { problemOf } from '../../../utils/problem';
import { useScrollEdges } from '../../../utils/useScrollEdges';
import { LiveIndicator } from '../../platform/LiveIndicator/LiveIndicator';
import { UpgradePrompt } from '../../platform/UpgradePrompt/UpgradePrompt';
import { EmptyState } from '../../shared/EmptyState/EmptyState';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { asksFirst, OrderActionDialog, type OrderDialogAction } from '../orderActions/OrderActionDialog';
import { orderWorkflowBoardMessages } from './messages';

/** Props of {@link OrderWorkflowBoard}. */
export interface OrderWorkflowBoardProps {
  /** The newest orders shown per status (1..100). Defaults to 25. */
  pageSize?: number;
  /** Follows the realtime stream (orders placed and moved by others show up). Defaults to `true`. */
  live?: boolean;
  /** Called with an order's id when its number is pressed (open its details). Without it, numbers are plain text. */
  onOpenOrder?: (id: string) => void;
  /** Shows the closed orders (canceled, refunded, returned) at first. Defaults to `false`. */
  defaultShowClosed?: boolean;
}

/** The open statuses, one column each, in the order an order moves. */
const OPEN: readonly OrderStatus[] = [
  'pending',
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'return_requested',
];
/** The closed statuses, together in one compact column. */
const CLOSED: readonly OrderStatus[] = ['returned', 'refunded', 'canceled'];
const STATUSES = [...OPEN, ...CLOSED];

/** One way a card can move now: an action of the state machine, or the workflow's next step. */
type Move =
  | { kind: 'action'; action: OrderAction; to: OrderStatus }
  | { kind: 'step'; step: OrderWorkflowStep };

/** Where a card can be dropped: a status column, or one stage (custom step) of the fulfilling one. */
interface Target {
  status: OrderStatus;
  /** With custom steps, the stage in `fulfilling`: a step key, or `null` before the first step. */
  stage?: string | null;
}

/** The moves `order` can take now: its `allowedTransitions`, and the next custom step while fulfilling. */
function movesOf(order: Order, steps: readonly OrderWorkflowStep[]): Move[] {
  const moves: Move[] = order.allowedTransitions.map((t) => ({ kind: 'action', action: t.action, to: t.to }));
  // Advancing is not a transition of the table: offered to callers who may move the order at all.
  if (order.status === 'fulfilling' && order.allowedTransitions.length > 0) {
    const at = order.workflowStep ? steps.findIndex((s) => s.key === order.workflowStep) : -1;
    const next = steps[at + 1];
    if (next) moves.unshift({ kind: 'step', step: next });
  }
  return moves;
}

/** The move that drops `order` on `target`, if one of its moves leads there. */
function moveTo(order: Order, target: Target, steps: readonly OrderWorkflowStep[]): Move | undefined {
  const staged = target.status === 'fulfilling' && steps.length > 0;
  return movesOf(order, steps).find((m) => {
    if (m.kind === 'step') return staged && target.stage === m.step.key;
    if (m.to !== target.status) return false;
    // Into the fulfilling column with stages: fulfilment starts before the first step.
    return !staged || target.stage === null;
  });
}

const stageKey = (t: Target) => `${t.status}:${t.stage ?? ''}`;

/**
 * The orders of the store as a board (`GET /v1/commerce/orders`): one column per open status
 * (awaiting payment, paid, fulfilling, shipped, delivered, return requested) and a compact column
 * of closed ones (returned, refunded, canceled) that folds open. Each card shows the order's
 * number, e-mail, total, items and vendors.
 *
 * Cards move only as the server allows: the moves offered are the order's `allowedTransitions`.
 * Drag a card onto a column — only the columns one of its moves reaches accept it, and they are
 * highlighted while dragging — or use its "Move to…" menu (keyboard and touch). Shipping asks for
 * a carrier and tracking number, refunding for an amount, cancelling for a confirmation. A move
 * the server refuses (`409 invalid_transition`: someone moved it first) shows the problem and
 * reloads the board.
 *
 * With custom workflow steps (Enterprise, `commerce.customWorkflows`) the fulfilling column shows
 * one stage per step and cards move through them; an order ships after the last. Below that plan
 * the board shows what unlocks custom steps.
 *
 * @example <OrderWorkflowBoard onOpenOrder={(id) => navigate(`/orders/${id}`)} />
 */
export function OrderWorkflowBoard({
  pageSize = 25,
  live = true,
  onOpenOrder,
  defaultShowClosed = false,
}: OrderWorkflowBoardProps) {
  const { t } = useMessages(orderWorkflowBoardMessages);
  const client = useAgentStackClient();
  const id = useId();
  const queryClient = useQueryClient();
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  const canRead = permissions.includes('commerce:orders:read');
  const canWrite = permissions.includes('commerce:orders:write');
  const realtime = useRealtime(['orders'], { enabled: live && canRead });
  const workflow = useOrderWorkflow();
  const custom = useEntitlement({ feature: 'commerce.customWorkflows' });
  const steps = workflow.data?.steps ?? [];
  const lists = useQueries({
    queries: STATUSES.map((status) => ({
      ...orderQueries.list(client, { status, limit: pageSize }),
      enabled: canRead,
    })),
  });
  const byStatus = new Map(STATUSES.map((s, i) => [s, lists[i]!]));
  const failed = lists.find((q) => q.error)?.error;
  const loading = me.isPending || (canRead && lists.some((q) => q.isPending));
  const empty = !loading && !failed && lists.every((q) => (q.data?.data.length ?? 0) === 0);

  const [showClosed, setShowClosed] = useState(defaultShowClosed);
  const columns = useScrollEdges<HTMLElement>();
  const [dragging, setDragging] = useState<Order | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ order: Order; action: OrderDialogAction } | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<{ number: number; error: unknown; stale: boolean } | null>(null);
  const action = useOrderAction();

  /** Takes `variables` on `order`; once it moved, announces `done` of what the server returned. */
  const run = (order: Order, variables: OrderActionVariables, done: (moved: Order) => string) => {
    setFailure(null);
    action.mutate(variables, {
      onSuccess: (moved) => {
        setAsking(null);
        setNotice(done(moved));
      },
      onError: (error) => {
        const stale = problemOf(error)?.code === 'invalid_transition';
        // Someone moved the order first: show what the server said and load the board again.
        if (stale) {
          setAsking(null);
          void queryClient.invalidateQueries({ queryKey: orderKeys.all });
        }
        setFailure({ number: order.number, error, stale });
      },
    });
  };

  const take = (order: Order, move: Move) => {
    if (move.kind === 'step') {
      run(order, { id: order.id, action: 'advance_step' }, () =>
        t('orderBoard.movedStep', { number: order.number, step: move.step.name }),
      );
    } else if (asksFirst(move.action)) {
      setFailure(null);
      action.reset();
      setAsking({ order, action: move.action });
    } else {
      run(order, { id: order.id, action: move.action } as OrderActionVariables, () =>
        t('orderBoard.moved', { number: order.number, status: t(`orderBoard.status.${move.to}`) }),
      );
    }
  };

  /** Props of a drop zone: it accepts the card being dragged only when one of its moves leads there. */
  const dropZone = (target: Target) => {
    const move = dragging ? moveTo(dragging, target, steps) : undefined;
    const key = stageKey(target);
    return {
      'data-drop': dragging ? (move ? 'valid' : 'invalid') : undefined,
      'data-over': over === key && move ? true : undefined,
      onDragOver: (e: DragEvent) => {
        if (!move) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (over !== key) setOver(key);
      },
      onDragLeave: () => setOver((o) => (o === key ? null : o)),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        const order = dragging;
        setDragging(null);
        setOver(null);
        if (order && move) take(order, move);
      },
    };
  };

  const cardOf = (order: Order) => (
    <OrderCard
      key={order.id}
      order={order}
      moves={canWrite ? movesOf(order, steps) : []}
      busy={action.isPending && action.variables?.id === order.id}
      dragging={dragging?.id === order.id}
      onOpen={onOpenOrder}
      onMove={(move) => take(order, move)}
      onDragStart={() => setDragging(order)}
      onDragEnd={() => {
        setDragging(null);
        setOver(null);
      }}
    />
  );

  const column = (status: OrderStatus, body: ReactNode, extra?: ReactNode) => {
    const q = byStatus.get(status)!;
    const orders = q.data?.data ?? [];
    const staged = status === 'fulfilling' && steps.length > 0;
    return (
      <section
        key={status}
        className="as-order-board__column"
        aria-labelledby={`${id}-${status}`}
        aria-busy={q.isPending && canRead ? true : undefined}
        data-status={status}
        {...(staged ? {} : dropZone({ status }))}
      >
        <h3 className="as-order-board__column-title" id={`${id}-${status}`}>
          {t(`orderBoard.status.${status}`)}
          <span className="as-order-board__count">
            {q.isPending ? '' : countOf(t, orders.length, Boolean(q.data?.hasMore))}
          </span>
        </h3>
        {q.isPending ? <Skeleton /> : body}
        {extra}
      </section>
    );
  };

  const cards = (status: OrderStatus) => {
    const orders = byStatus.get(status)?.data?.data ?? [];
    return orders.length ? (
      <ul className="as-order-board__cards">{orders.map((o) => cardOf(o))}</ul>
    ) : (
      <p className="as-order-board__none">{t('orderBoard.columnEmpty')}</p>
    );
  };

  const stages = () => {
    const orders = byStatus.get('fulfilling')?.data?.data ?? [];
    const all: Array<{ key: string | null; name: string }> = [
      { key: null, name: t('orderBoard.stageStart') },
      ...steps,
    ];
    return (
      <ol className="as-order-board__stages" aria-label={t('orderBoard.stagesLabel')}>
        {all.map((stage) => {
          const here = orders.filter((o) =>
            stage.key === null
              ? !o.workflowStep || !steps.some((s) => s.key === o.workflowStep)
              : o.workflowStep === stage.key,
          );
          return (
            <li
              key={stage.key ?? ''}
              className="as-order-board__stage"
              data-stage={stage.key ?? ''}
              {...dropZone({ status: 'fulfilling', stage: stage.key })}
            >
              <p className="as-order-board__stage-title">
                {stage.name}
                <span className="as-order-board__count">{formatNumber(here.length)}</span>
              </p>
              {here.length ? <ul className="as-order-board__cards">{here.map((o) => cardOf(o))}</ul> : null}
            </li>
          );
        })}
      </ol>
    );
  };

  return (
    <section className="as-card as-order-board" aria-labelledby={`${id}-heading`}>
      <header className="as-order-board__header">
        <h2 className="as-heading" id={`${id}-heading`}>
          {t('orderBoard.title')}
        </h2>
        {live && canRead ? <LiveIndicator status={realtime.status} /> : null}
        {canRead ? (
          <button
            type="button"
            className="as-button as-button--secondary as-button--small"
            aria-expanded={showClosed}
            aria-controls={`${id}-closed`}
            onClick={() => setShowClosed((s) => !s)}
          >
            {showClosed ? t('orderBoard.hideClosed') : t('orderBoard.showClosed')}
          </button>
        ) : null}
      </header>
      <StatusMessage message={notice} />
      {me.data && !canRead ? (
        <EmptyState
          className="as-notice"
          title={t('orderBoard.noAccessTitle')}
          body={t('orderBoard.noAccessBody')}
        />
      ) : failed ? (
        <ErrorNotice
          error={failed}
          title={t('orderBoard.loadError')}
          onRetry={() => void queryClient.invalidateQueries({ queryKey: orderKeys.lists() })}
        />
      ) : (
        <>
          {me.data && !canWrite ? <p className="as-muted">{t('orderBoard.readOnly')}</p> : null}
          {failure ? (
            <div className="as-order-board__failure">
              <ErrorNotice
                error={failure.error}
                title={t('orderBoard.moveError', { number: failure.number })}
              />
              {failure.stale ? <p className="as-muted">{t('orderBoard.staleNotice')}</p> : null}
              <button
                type="button"
                className="as-button as-button--ghost as-button--small"
                onClick={() => setFailure(null)}
              >
                {t('orderBoard.dismiss')}
              </button>
            </div>
          ) : null}
          {empty ? <EmptyState title={t('orderBoard.emptyTitle')} body={t('orderBoard.emptyBody')} /> : null}
          {/* No order anywhere: the empty state alone, not nine empty columns. */}
          <div
            className="as-order-board__viewport"
            hidden={empty}
            data-more-start={columns.edges.start || undefined}
            data-more-end={columns.edges.end || undefined}
          >
            <section
              ref={columns.ref}
              className="as-order-board__columns"
              aria-label={t('orderBoard.columnsLabel')}
              aria-busy={loading || undefined}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: the columns scroll sideways; keyboard users scroll them too.
              tabIndex={0}
              data-dragging={dragging ? true : undefined}
            >
              {OPEN.map((status) =>
                column(
                  status,
                  status === 'fulfilling' && steps.length > 0 ? stages() : cards(status),
                  status === 'fulfilling' && byStatus.get(status)?.data?.hasMore ? (
                    <p className="as-order-board__more">{t('orderBoard.more', { count: pageSize })}</p>
                  ) : null,
                ),
              )}
              <section
                className="as-order-board__column as-order-board__column--closed"
                aria-labelledby={`${id}-closed-title`}
                id={`${id}-closed`}
                data-expanded={showClosed || undefined}
              >
                <h3 className="as-order-board__column-title" id={`${id}-closed-title`}>
                  {t('orderBoard.closed')}
                </h3>
                {CLOSED.map((status) => {
                  const q = byStatus.get(status)!;
                  const orders = q.data?.data ?? [];
                  return (
                    <div
                      key={status}
                      className="as-order-board__closed-group"
                      data-status={status}
                      aria-busy={q.isPending && canRead ? true : undefined}
                      {...dropZone({ status })}
                    >
                      <p className="as-order-board__stage-title">
                        {t(`orderBoard.status.${status}`)}
                        <span className="as-order-board__count">
                          {q.isPending ? '' : countOf(t, orders.length, Boolean(q.data?.hasMore))}
                        </span>
                      </p>
                      {showClosed ? q.isPending ? <Skeleton /> : cards(status) : null}
                    </div>
                  );
                })}
              </section>
            </section>
            {/* More columns than fit: a faded edge and a button say so, and move one column. */}
            {columns.edges.start ? (
              <button
                type="button"
                className="as-order-board__scroll as-order-board__scroll--start"
                onClick={() => columns.scrollByItem(-1)}
              >
                <span aria-hidden="true">‹</span>
                <span className="as-visually-hidden">{t('orderBoard.scrollStart')}</span>
              </button>
            ) : null}
            {columns.edges.end ? (
              <button
                type="button"
                className="as-order-board__scroll as-order-board__scroll--end"
                onClick={() => columns.scrollByItem(1)}
              >
                <span aria-hidden="true">›</span>
                <span className="as-visually-hidden">{t('orderBoard.scrollEnd')}</span>
              </button>
            ) : null}
          </div>
          {custom.status === 'denied' && steps.length === 0 ? (
            <UpgradePrompt
              feature="commerce.customWorkflows"
              upgrade={upgradeForFeature('commerce.customWorkflows')}
              variant="inline"
            />
          ) : custom.status === 'granted' && workflow.isSuccess && steps.length === 0 ? (
            <p className="as-muted">{t('orderBoard.noSteps')}</p>
          ) : null}
        </>
      )}
      {asking ? (
        <OrderActionDialog
          order={asking.order}
          action={asking.action}
          pending={action.isPending}
          error={action.error}
          onClose={() => {
            setAsking(null);
            action.reset();
          }}
          onSubmit={(variables) =>
            run(asking.order, variables, (moved) =>
              t('orderBoard.moved', {
                number: moved.number,
                // A refund of part of the payment leaves the order where it was.
                status:
                  variables.action === 'refund' && moved.status !== 'refunded'
                    ? t('orderBoard.partiallyRefunded')
                    : t(`orderBoard.status.${moved.status}`),
              }),
            )
          }
        />
      ) : null}
    </section>
  );
}

type BoardTranslate = Translate<keyof typeof orderWorkflowBoardMessages>;

function countOf(t: BoardTranslate, n: number, more: boolean): string {
  return more ? t('orderBoard.countMore', { count: n }) : String(n);
}

/** Two placeholder cards while a column loads. */
function Skeleton() {
  const { t } = useMessages(orderWorkflowBoardMessages);
  return (
    <div className="as-order-board__skeleton">
      <span className="as-visually-hidden">{t('common.loading')}</span>
      <span className="as-skeleton" />
      <span className="as-skeleton" />
    </div>
  );
}

interface OrderCardProps {
  order: Order;
  moves: Move[];
  busy: boolean;
  dragging: boolean;
  onOpen?: (id: string) => void;
  onMove: (move: Move) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}

/** One order: number (opens it), e-mail, total, items and vendors, and its "Move to…" menu. */
function OrderCard({ order, moves, busy, dragging, onOpen, onMove, onDragStart, onDragEnd }: OrderCardProps) {
  const { t, locale } = useMessages(orderWorkflowBoardMessages);
  const id = useId();
  const [menu, setMenu] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const units = order.items.reduce((n, i) => n + i.quantity, 0);
  const vendors = new Set(order.items.map((i) => i.vendorId).filter(Boolean)).size;
  const title = t('orderBoard.number', { number: order.number });

  // The menu closes on Escape (focus back on its button) and on a click elsewhere.
  useEffect(() => {
    if (!menu) return;
    const onDown = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenu(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenu(false);
      menuRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [menu]);

  return (
    <li
      className="as-order-card"
      draggable={moves.length > 0 && !busy}
      aria-labelledby={`${id}-title`}
      aria-busy={busy || undefined}
      data-dragging={dragging || undefined}
      data-order-id={order.id}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', order.id);
        onDragStart();
      }}
      onDragEnd={onDragEnd}
    >
      <p className="as-order-card__title" id={`${id}-title`}>
        {onOpen ? (
          <button
            type="button"
            className="as-order-card__open"
            aria-label={t('orderBoard.open', { number: order.number })}
            onClick={() => onOpen(order.id)}
          >
            {title}
          </button>
        ) : (
          title
        )}
        <span className="as-order-card__total">{formatMoney(order.total, locale)}</span>
      </p>
      <p className="as-order-card__email" title={order.email ?? undefined}>
        {order.email ?? t('orderBoard.noEmail')}
      </p>
      <p className="as-order-card__meta">
        <span>{units === 1 ? t('orderBoard.item') : t('orderBoard.items', { count: units })}</span>
        {vendors > 0 ? (
          <span>{vendors === 1 ? t('orderBoard.vendor') : t('orderBoard.vendors', { count: vendors })}</span>
        ) : null}
        {order.paymentStatus === 'partially_refunded' ? (
          <span className="as-order-card__flag">{t('orderBoard.partiallyRefunded')}</span>
        ) : null}
      </p>
      {moves.length > 0 ? (
        <div className="as-order-card__move" ref={menuRef}>
          <button
            type="button"
            className="as-button as-button--secondary as-button--small"
            aria-expanded={menu}
            aria-controls={`${id}-moves`}
            disabled={busy}
            onClick={() => setMenu((m) => !m)}
          >
            {t('orderBoard.moveTo')}
            <span className="as-visually-hidden"> {t('orderBoard.moveOrder', { number: order.number })}</span>
          </button>
          {menu ? (
            <ul
              className="as-order-card__moves"
              id={`${id}-moves`}
              aria-label={t('orderBoard.movesLabel', { number: order.number })}
            >
              {moves.map((move) => (
                <li key={move.kind === 'step' ? `step:${move.step.key}` : move.action}>
                  <button
                    type="button"
                    className="as-order-card__move-item"
                    data-danger={move.kind === 'action' && move.action === 'cancel' ? true : undefined}
                    onClick={() => {
                      setMenu(false);
                      onMove(move);
                    }}
                  >
                    {move.kind === 'step'
                      ? t('orderBoard.action.advance', { step: move.step.name })
                      : t(`orderBoard.action.${move.action}`)}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
