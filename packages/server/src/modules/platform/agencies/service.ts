import type {
  Agency,
  AgencyCreate,
  AgencyKeyCreate,
  AgencyKeyWithSecret,
  AgencyUpdate,
  Brand,
  ListParams,
  ListResponse,
} from '@agentstack/sdk/schemas';
import { newId } from '@agentstack/sdk/schemas';
import { generateSecret, hashSecret, secretPrefix } from '../../../auth/credentials';
import type { Executor } from '../../../db/client';
import { agencyKeys } from '../../../db/schema';
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

  /**
   * Creates an agency key (`ag_…`) for agency `id`: its secret is answered once and stored as a
   * SHA-256 hash. The key acts on this agency's tenants only.
   */
  async createKey(tx: Executor, id: string, input: AgencyKeyCreate): Promise<AgencyKeyWithSecret> {
    if (!(await agencyStore(tx).get(id))) throw notFound('agency', id);
    const secret = generateSecret('ag');
    const [row] = await tx
      .insert(agencyKeys)
      .values({
        id: newId('agk'),
        agencyId: id,
        name: input.name,
        prefix: secretPrefix(secret),
        secretHash: hashSecret(secret),
      })
      .returning();
    return {
      id: row!.id,
      object: 'agency_key',
      agencyId: id,
      name: row!.name,
      prefix: row!.prefix,
      createdAt: row!.createdAt.toISOString(),
      secret,
    };
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
