import type { Principal, Role, User } from '@agentstack/sdk';
import type { UserOrder } from '@agentstack/sdk/schemas';
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useId, useMemo, useRef, useState } from 'react';
import { platformQueries } from '../../../hooks/platform/platformKeys';
import { useDeleteUser } from '../../../hooks/platform/useDeleteUser';
import { useMe } from '../../../hooks/platform/useMe';
import { useUpdateUser } from '../../../hooks/platform/useUpdateUser';
import { useCursorList } from '../../../hooks/shared/useCursorList';
import { roleMessages } from '../../../messages/roles';
import { useMessages } from '../../../provider/context';
import { formatDate } from '../../../utils/format';
import { ConfirmAction } from '../../shared/ConfirmAction/ConfirmAction';
import { EmptyState } from '../../shared/EmptyState/EmptyState';
import { ErrorNotice } from '../../shared/ErrorNotice/ErrorNotice';
import { ResourceTable } from '../../shared/ResourceTable/ResourceTable';
import { StatusMessage } from '../../shared/StatusMessage/StatusMessage';
import { ToggleButton } from '../../shared/ToggleButton/ToggleButton';
import { assignableRoles, InviteUserForm } from '../InviteUserForm/InviteUserForm';
import { UsageMeter } from '../UsageMeter/UsageMeter';
import { teamTableMessages } from './messages';

/** Props of {@link TeamTable}. */
export interface TeamTableProps {
  /** Users per page (1..100). Defaults to 50. */
  pageSize?: number;
  /** Shows the "Invite member" toggle to callers who may add users. Defaults to `true`. */
  allowInvite?: boolean;
  /** Shows the seat meter (`platform.dashboardUsers`). Defaults to `true`. */
  showUsage?: boolean;
}

/** What the caller may do with the team, from `GET /v1/platform/me` (see the role table of the API). */
export interface TeamAccess {
  canRead: boolean;
  canWrite: boolean;
  /** Whether the caller may change or remove this user. */
  canManage: (user: User) => boolean;
}

/**
 * The caller's rights over the team: `platform:users:read` to list, `platform:users:write` to
 * change; only an owner manages an owner, and nobody changes or removes themself here.
 */
export function teamAccess(me: Principal | undefined): TeamAccess {
  const permissions = me?.permissions ?? [];
  const canRead = permissions.includes('platform:users:read');
  const canWrite = permissions.includes('platform:users:write');
  return {
    canRead,
    canWrite,
    canManage: (user) =>
      canWrite && user.id !== me?.userId && (user.role !== 'owner' || me?.role === 'owner'),
  };
}

/** The API's sort field for each sortable column (the list's `order`, `-` for descending). */
const ORDER_FIELDS: Record<string, 'name' | 'role'> = { member: 'name', role: 'role' };

/** The list's `order` for the table's sorting state; none means the API's default, newest first. */
function orderOf(sorting: SortingState): UserOrder | undefined {
  const [first] = sorting;
  const field = first && ORDER_FIELDS[first.id];
  if (!field) return undefined;
  return first.desc ? `-${field}` : field;
}

/**
 * The tenant's dashboard users: name and email, role, last sign-in. Callers with
 * `platform:users:write` (owners, admins) change roles with a select and remove users after a
 * confirm step; only owners manage owners, and nobody removes themself. Other roles see a
 * read-only table, or a notice when the role may not list users at all (viewer). The header shows
 * the seat meter, and "Invite member" opens an {@link InviteUserForm} gated on a free seat.
 *
 * @example <TeamTable pageSize={25} />
 */
export function TeamTable({ pageSize = 50, allowInvite = true, showUsage = true }: TeamTableProps) {
  const { t, locale } = useMessages(teamTableMessages, roleMessages);
  const id = useId();
  const me = useMe();
  const access = teamAccess(me.data);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [inviting, setInviting] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const order = orderOf(sorting);
  // Sorted by the server, so the order holds across pages.
  const users = useCursorList(
    platformQueries.userList,
    { limit: pageSize, ...(order ? { order } : {}) },
    { enabled: access.canRead },
  );
  const update = useUpdateUser();
  const remove = useDeleteUser();

  // Cells read live state through a ref, so the column definitions stay stable between renders
  // (a remounted select would lose focus mid-keyboard use).
  const live = useRef({ access, me: me.data, update, remove, confirming, setConfirming, setNotice });
  live.current = { access, me: me.data, update, remove, confirming, setConfirming, setNotice };

  const columns = useMemo<ColumnDef<User>[]>(
    () => [
      {
        id: 'member',
        // Sortable columns need an accessor; the server does the sorting (see `orderOf`).
        accessorFn: (u) => u.name,
        header: t('team.column.member'),
        cell: ({ row }) => {
          const u = row.original;
          const self = u.id === live.current.me?.userId;
          return (
            <div className="as-member">
              <span className="as-member__avatar" aria-hidden="true">
                {initials(u.name)}
              </span>
              <span className="as-member__text">
                <span className="as-member__name">
                  {u.name}
                  {self ? <span className="as-member__you">{t('team.you')}</span> : null}
                </span>
                <span className="as-member__email">{u.email}</span>
              </span>
            </div>
          );
        },
      },
      {
        id: 'role',
        accessorFn: (u) => u.role,
        header: t('team.column.role'),
        cell: ({ row }) => {
          const { access, me, update, setNotice } = live.current;
          const u = row.original;
          if (!access.canManage(u)) {
            return (
              <span className="as-role" data-role={u.role}>
                {t(`team.role.${u.role}`)}
              </span>
            );
          }
          const busy = update.isPending && update.variables?.id === u.id;
          const options = assignableRoles(me?.role as Role | null | undefined);
          return (
            <select
              className="as-select as-select--compact"
              aria-label={t('team.roleSelectLabel', { name: u.name })}
              value={u.role}
              aria-busy={busy || undefined}
              disabled={busy}
              onChange={(e) => {
                const role = e.target.value as Role;
                update.mutate(
                  { id: u.id, body: { role } },
                  {
                    onSuccess: (done) =>
                      setNotice(
                        t('team.roleChanged', { name: done.name, role: t(`team.role.${done.role}`) }),
                      ),
                  },
                );
              }}
            >
              {options.map((r) => (
                <option key={r} value={r}>
                  {t(`team.role.${r}`)}
                </option>
              ))}
            </select>
          );
        },
      },
      {
        id: 'lastLoginAt',
        header: t('team.column.lastLogin'),
        // The API does not sort by last sign-in.
        enableSorting: false,
        meta: { optional: true },
        cell: ({ row }) =>
          row.original.lastLoginAt ? (
            <time dateTime={row.original.lastLoginAt}>{formatDate(row.original.lastLoginAt, locale)}</time>
          ) : (
            <span className="as-muted">{t('team.never')}</span>
          ),
      },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="as-visually-hidden">{t('team.column.actions')}</span>,
        cell: ({ row }) => {
          const { access, remove, confirming, setConfirming, setNotice } = live.current;
          const u = row.original;
          if (!access.canManage(u)) return null;
          return (
            <ConfirmAction
              confirming={confirming === u.id}
              label={t('team.removeRow', { name: u.name })}
              action={t('team.remove')}
              question={t('team.confirmRemove', { name: u.name })}
              confirmAction={t('team.confirmRemoveAction')}
              busy={remove.isPending && remove.variables === u.id}
              onStart={() => {
                remove.reset();
                setConfirming(u.id);
              }}
              onCancel={() => setConfirming(null)}
              onConfirm={() =>
                remove.mutate(u.id, {
                  onSuccess: () => {
                    setConfirming(null);
                    setNotice(t('team.removed', { name: u.name }));
                  },
                })
              }
            />
          );
        },
      },
    ],
    [t, locale],
  );

  const actionError = update.error ?? remove.error;

  return (
    <section className="as-card as-team-table" aria-labelledby={`${id}-heading`}>
      <header className="as-team-table__header">
        <h2 className="as-heading" id={`${id}-heading`}>
          {t('team.title')}
        </h2>
        {showUsage && access.canRead ? (
          <div className="as-team-table__usage">
            <UsageMeter limitKey="platform.dashboardUsers" />
          </div>
        ) : null}
        {allowInvite && access.canWrite ? (
          <ToggleButton open={inviting} controls={`${id}-invite`} onToggle={setInviting}>
            {t('team.invite')}
          </ToggleButton>
        ) : null}
      </header>

      {allowInvite && access.canWrite && inviting ? (
        <div id={`${id}-invite`} className="as-team-table__invite">
          <InviteUserForm onCancel={() => setInviting(false)} onDone={() => setInviting(false)} />
        </div>
      ) : null}

      {me.isError ? (
        <ErrorNotice error={me.error} title={t('team.loadError')} onRetry={() => me.refetch()} />
      ) : me.data && !access.canRead ? (
        <EmptyState className="as-notice" title={t('team.noAccessTitle')} body={t('team.noAccessBody')} />
      ) : (
        <>
          {me.data && !access.canWrite ? <p className="as-hint">{t('team.readOnly')}</p> : null}
          <ResourceTable
            label={t('team.tableLabel')}
            list={users}
            columns={columns}
            getRowId={(u) => u.id}
            sorting={sorting}
            onSortingChange={setSorting}
            loading={me.isPending}
            errorTitle={t('team.loadError')}
            actionError={actionError}
            empty={{ title: t('team.emptyTitle'), body: t('team.emptyBody') }}
            pager={{
              page: (page) => t('team.page', { page }),
              previous: t('team.previous'),
              next: t('team.next'),
            }}
            rowData={(u) => ({ 'data-self': u.id === me.data?.userId || undefined })}
          />
        </>
      )}
      <StatusMessage message={notice} />
    </section>
  );
}

/** Up to two initials of a name, for the avatar. */
function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toLocaleUpperCase();
}
