import type {
  Agency,
  AgencyCreate,
  AgencyUpdate,
  Brand,
  ListParams,
  ListResponse,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import type { Executor } from '../../../db/client';
import { notFound } from '../../../http/errors';
import { agencyStore, toAgency } from './store';

/** Agencies (resellers) and their white-label brands. Operator keys only. */
export const agencyService = {
  async list(db: Executor, params: ListParams): Promise<ListResponse<Agency>> {
    return agencyStore(db).page(params);
  },

  async retrieve(db: Executor, id: string): Promise<Agency> {
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

  /** Updates the name and/or brand; brand fields given replace those stored, the rest are kept. */
  async update(tx: Executor, id: string, input: AgencyUpdate): Promise<Agency> {
    const store = agencyStore(tx);
    const current = await store.getForUpdate(id);
    if (!current) throw notFound('agency', id);
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
