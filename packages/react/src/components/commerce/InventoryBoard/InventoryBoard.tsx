import type { InventoryLevel, MovementReason, Product } from '@agentstack/sdk';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { inventoryLevelQueries } from '../../../hooks/commerce/inventoryKeys';
import { useAdjustInventory, useStockLocations } from '../../../hooks/commerce/useInventory';
import { useProducts } from '../../../hooks/commerce/useProducts';
import { useMe } from '../../../hooks/platform/useMe';
import { useRealtime } from '../../../hooks/realtime/useRealtime';
import { useCursorList } from '../../../hooks/shared/useCursorList';
import { useMessages } from '../../../provider/context';
import { LiveIndicator } from '../../platform/LiveIndicator/LiveIndicator';
import { EmptyState } from '../../shared/EmptyState/EmptyState';
import { Field } from '../../shared/Field/Field';
import { FormActions } from '../../shared/FormActions/FormActions';
import { NoteField } from '../../shared/NoteField/NoteField';
import { ResourceTable } from '../../shared/ResourceTable/ResourceTable';
import { SelectField } from '../../shared/SelectField/SelectField';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { inventoryBoardMessages } from './messages';

/** Props of {@link InventoryBoard}. */
export interface InventoryBoardProps {
  /** Levels per page (1..100). Defaults to 50. */
  pageSize?: number;
  /** Follows the realtime stream (levels change as orders and other users move stock). Defaults to `true`. */
  live?: boolean;
}

const REASONS: readonly MovementReason[] = ['receipt', 'sale', 'return', 'correction'];

/** Names of items by id: a product's title, or `title — variant` for its variants. */
function itemNames(products: readonly Product[] | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of products ?? []) {
    names.set(p.id, p.title);
    for (const v of p.variants) names.set(v.id, `${p.title} — ${v.title}`);
  }
  return names;
}

/**
 * Stock per item and location (`GET /v1/commerce/inventory-levels`): on hand, reserved and
 * available, levels at or below their low-stock threshold marked "Low" (and a "Low stock only"
 * filter). Callers with `commerce:inventory:write` adjust a level — a number of units and a reason
 * (receipt, sale, return, correction), recorded as a movement; removing reserved stock is refused
 * with what is available. The board follows the realtime stream, so levels moved by checkouts or
 * other users update in place.
 *
 * @example <InventoryBoard pageSize={25} />
 */
export function InventoryBoard({ pageSize = 50, live = true }: InventoryBoardProps) {
  const { t } = useMessages(inventoryBoardMessages);
  const id = useId();
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  const canRead = permissions.includes('commerce:inventory:read');
  const canWrite = permissions.includes('commerce:inventory:write');
  const [lowOnly, setLowOnly] = useState(false);
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const realtime = useRealtime(['inventory'], { enabled: live && canRead });
  const levels = useCursorList(
    inventoryLevelQueries.list,
    { limit: pageSize, ...(lowOnly ? { lowStock: 'true' as const } : {}) },
    { enabled: canRead },
  );
  // Names for the items on screen, whatever page they are on: their products, asked by id.
  const itemIds = [...new Set(levels.rows.map((l) => l.itemId))].sort();
  const products = useProducts(
    { ids: itemIds.join(','), limit: 100 },
    { enabled: canRead && itemIds.length > 0 },
  );
  const locations = useStockLocations({ limit: 100 }, { enabled: canRead });
  const names = useMemo(() => itemNames(products.data?.data), [products.data]);
  const locationNames = useMemo(
    () => new Map((locations.data?.data ?? []).map((l) => [l.id, l.name])),
    [locations.data],
  );
  const nameOf = (level: InventoryLevel) => names.get(level.itemId) ?? level.itemId;
  // While the names of the rows on screen load, a placeholder — never a bare id that widens the row.
  const namesLoading = products.isFetching && itemIds.some((id) => !names.has(id));

  // Cells read live state through a ref, so the columns stay the same objects between renders.
  const liveState = useRef({ canWrite, adjusting, setAdjusting, nameOf, namesLoading, locationNames });
  liveState.current = { canWrite, adjusting, setAdjusting, nameOf, namesLoading, locationNames };

  const columns = useMemo<ColumnDef<InventoryLevel>[]>(
    () => [
      {
        id: 'item',
        header: t('inventory.column.item'),
        cell: ({ row }) =>
          liveState.current.namesLoading ? (
            <span className="as-skeleton" />
          ) : (
            <span className="as-inventory-board__item">{liveState.current.nameOf(row.original)}</span>
          ),
      },
      {
        id: 'location',
        header: t('inventory.column.location'),
        meta: { optional: true },
        cell: ({ row }) =>
          liveState.current.locationNames.get(row.original.locationId) ?? row.original.locationId,
      },
      {
        id: 'onHand',
        header: t('inventory.column.onHand'),
        meta: { optional: true, numeric: true },
        cell: ({ row }) => <span className="as-inventory-board__qty">{row.original.onHand}</span>,
      },
      {
        id: 'reserved',
        header: t('inventory.column.reserved'),
        meta: { optional: true, numeric: true },
        cell: ({ row }) => <span className="as-inventory-board__qty">{row.original.reserved}</span>,
      },
      {
        id: 'available',
        header: t('inventory.column.available'),
        meta: { numeric: true },
        cell: ({ row }) => {
          const level = row.original;
          return (
            <span className="as-inventory-board__qty as-inventory-board__available">
              {level.available}
              {level.lowStock ? (
                <span
                  className="as-inventory-board__low"
                  title={t('inventory.lowTitle', { threshold: level.lowStockThreshold ?? 0 })}
                >
                  {t('inventory.low')}
                </span>
              ) : null}
            </span>
          );
        },
      },
      {
        id: 'actions',
        header: () => <span className="as-visually-hidden">{t('inventory.column.actions')}</span>,
        cell: ({ row }) => {
          const { canWrite, adjusting, setAdjusting, nameOf } = liveState.current;
          if (!canWrite) return null;
          const open = adjusting === row.original.id;
          return (
            <button
              type="button"
              className="as-button as-button--secondary as-button--small"
              aria-expanded={open}
              aria-label={t('inventory.adjustRow', { item: nameOf(row.original) })}
              onClick={() => setAdjusting(open ? null : row.original.id)}
            >
              {t('inventory.adjust')}
            </button>
          );
        },
      },
    ],
    [t],
  );

  return (
    <section className="as-card as-inventory-board" aria-labelledby={`${id}-heading`}>
      <header className="as-inventory-board__header">
        <h2 className="as-heading" id={`${id}-heading`}>
          {t('inventory.title')}
        </h2>
        {live && canRead ? <LiveIndicator status={realtime.status} /> : null}
        {canRead ? (
          <label className="as-inventory-board__filter">
            <input type="checkbox" checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)} />
            {t('inventory.lowOnly')}
          </label>
        ) : null}
      </header>
      <StatusMessage message={notice} />
      {me.data && !canRead ? (
        <EmptyState
          className="as-notice"
          title={t('inventory.noAccessTitle')}
          body={t('inventory.noAccessBody')}
        />
      ) : (
        <>
          {me.data && !canWrite ? <p className="as-muted">{t('inventory.readOnly')}</p> : null}
          <ResourceTable
            label={t('inventory.tableLabel')}
            list={levels}
            columns={columns}
            getRowId={(level) => level.id}
            loading={me.isPending}
            empty={
              lowOnly
                ? { title: t('inventory.emptyLowTitle'), body: t('inventory.emptyLowBody') }
                : { title: t('inventory.emptyTitle'), body: t('inventory.emptyBody') }
            }
            errorTitle={t('inventory.loadError')}
            rowData={(level) => ({ 'data-low': level.lowStock })}
            pager={{
              page: (page) => t('inventory.page', { page }),
              previous: t('inventory.previous'),
              next: t('inventory.next'),
            }}
            afterRow={(level, colSpan) =>
              adjusting === level.id ? (
                <tr className="as-inventory-board__adjust-row">
                  <td colSpan={colSpan}>
                    <AdjustForm
                      level={level}
                      itemName={nameOf(level)}
                      onCancel={() => setAdjusting(null)}
                      onDone={(after) => {
                        setAdjusting(null);
                        setNotice(
                          t('inventory.adjusted', { item: nameOf(after), available: after.available }),
                        );
                      }}
                    />
                  </td>
                </tr>
              ) : null
            }
          />
        </>
      )}
    </section>
  );
}

interface AdjustFormProps {
  level: InventoryLevel;
  itemName: string;
  onCancel: () => void;
  onDone: (level: InventoryLevel) => void;
}

/** The adjust form under a level's row: units (negative removes), reason, note. */
function AdjustForm({ level, itemName, onCancel, onDone }: AdjustFormProps) {
  const { t } = useMessages(inventoryBoardMessages);
  const id = useId();
  const adjust = useAdjustInventory();
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState<MovementReason>('receipt');
  const [note, setNote] = useState('');
  const units = Number(delta);
  const valid = delta.trim() !== '' && Number.isInteger(units) && units !== 0;
  // Not enough stock: say how much is available, in the shopper-facing terms of the board.
  const stock = adjust.error?.problem?.stock as { available: number } | undefined;
  const error = adjust.error
    ? adjust.error.code === 'out_of_stock' && stock
      ? t('inventory.outOfStock', { available: stock.available })
      : (adjust.error.detail ?? adjust.error.message)
    : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    adjust.mutate(
      {
        itemId: level.itemId,
        locationId: level.locationId,
        delta: units,
        reason,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      className="as-form as-inventory-board__form"
      aria-label={t('inventory.adjustTitle', { item: itemName })}
      onSubmit={submit}
    >
      <Field id={`${id}-delta`} label={t('inventory.delta')} error={error}>
        {(control) => (
          <input
            {...control}
            className="as-input"
            type="number"
            step={1}
            required
            value={delta}
            onChange={(e) => setDelta(e.target.value)}
          />
        )}
      </Field>
      <SelectField
        id={`${id}-reason`}
        label={t('inventory.reason')}
        options={REASONS}
        labelOf={(r) => t(`inventory.reason.${r}`)}
        value={reason}
        onChange={setReason}
      />
      <NoteField id={`${id}-note`} label={t('inventory.note')} value={note} onChange={setNote} />
      <FormActions
        pending={adjust.isPending}
        submitLabel={t('inventory.save')}
        pendingLabel={t('inventory.saving')}
        onCancel={onCancel}
      />
    </form>
  );
}
