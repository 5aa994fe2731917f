import { requireAgencySelfUpdate } from '@agentstack/sdk/catalog';
import type {
  Agency,
  AgencyCreate,
  AgencyKey,
  AgencyKeyCreate,
  AgencyKeyWithSecret,
  AgencyUpdate,
  Brand,
  ListParams,
  ListResponse,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { generateSecret, hashSecret, secretPrefix } from '../../../auth/credentials';
import type { Principal } from '../../../auth/principal';
import type { Executor } from '../../../db/client';
import { ApiError, notFound } from '../../../http/errors';
import { operatorKeyLabel } from '../operators/service';
import { agencyKeyStore, agencyStore, toAgency, toAgencyKey } from './store';

// An agency key reaches its own agency only: any other — existing or not — answers the same 404.
function requireReach(caller: Principal, id: string): void {
  if (caller.kind === 'agency_key' && caller.agencyId !== id) throw notFound('agency', id);
}

/**
 * Agencies (resellers), their white-label brands and their keys. Operator keys reach every agency;
 * an agency key reads its own, changes its brand, and lists and revokes its keys.
 */
export const agencyService = {
  async list(db: Executor, params: ListParams): Promise<ListResponse<Agency>> {
    return agencyStore(db).page(params);
  },

  async retrieve(db: Executor, caller: Principal, id: string): Promise<Agency> {
    requireReach(caller, id);
    const row = await agencyStore(db).get(id);
    if (!row) throw notFound('agency', id);
    return toAgency(row);
  },

  async create(tx: Executor, input: AgencyCreate): Promise<Agency> {
    const row = await agencyStore(tx).insert({
      id: newId('agy'),
      name: input.name,
      brand: input.brand,
    });
    return toAgency(row);
  },

  /**
   * Creates an agency key (`ag_…`) for agency `id`, made by operator `caller` (recorded as its
   * creator): its secret is answered once and stored as a SHA-256 hash. The key acts on this
   * agency's tenants only.
   */
  async createKey(
    tx: Executor,
    caller: Principal,
    id: string,
    input: AgencyKeyCreate,
  ): Promise<AgencyKeyWithSecret> {
    if (caller.kind !== 'operator') {
      throw new ApiError(403, 'forbidden', 'Only an operator key creates agency keys.');
    }
    if (!(await agencyStore(tx).get(id))) throw notFound('agency', id);
    const secret = generateSecret('ag');
    const row = await agencyKeyStore(tx, id).insert({
      id: newId('agk'),
      name: input.name,
      prefix: secretPrefix(secret),
      secretHash: hashSecret(secret),
      createdBy: {
        type: 'operator',
        id: caller.credentialId,
        label: await operatorKeyLabel(tx, caller.credentialId),
      },
    });
    return { ...toAgencyKey(row), secret };
  },

  /** One page of agency `id`'s keys, newest first, revoked ones included. */
  async listKeys(
    db: Executor,
    caller: Principal,
    id: string,
    params: ListParams,
  ): Promise<ListResponse<AgencyKey>> {
    requireReach(caller, id);
    if (!(await agencyStore(db).get(id))) throw notFound('agency', id);
    return agencyKeyStore(db, id).page(params);
  },

  /**
   * Revokes key `keyId` of agency `id` (idempotent). An operator revokes any agency's keys; an
   * agency key those of its own agency, itself included — so a leaked key can be shut off without
   * waiting for the operator.
   */
  async revokeKey(tx: Executor, caller: Principal, id: string, keyId: string): Promise<AgencyKey> {
    requireReach(caller, id);
    const store = agencyKeyStore(tx, id);
    const current = await store.getForUpdate(keyId);
    if (!current) throw notFound('agency key', keyId);
    if (current.revokedAt) return toAgencyKey(current);
    return toAgencyKey(await store.update(keyId, { revokedAt: new Date() }));
  },

  /**
   * Updates the name and/or brand; brand fields given replace those stored, the rest are kept. An
   * agency key changes its own agency's brand only.
   */
  async update(tx: Executor, caller: Principal, id: string, input: AgencyUpdate): Promise<Agency> {
    requireReach(caller, id);
    const store = agencyStore(tx);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('agency', id);
    if (caller.kind === 'agency_key') requireAgencySelfUpdate(input);
    const brand: Brand | undefined = input.brand
      ? { ...current.brand, ...stripUndefined(input.brand) }
      : undefined;
    const row = await store.update(id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(brand && { brand }),
    });
    return toAgency(row);
  },
};

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
