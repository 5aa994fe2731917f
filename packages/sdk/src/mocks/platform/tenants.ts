import { requireAgencySelfUpdate, requireAgencyTenantUpdate } from '../../catalog/permissions';
import { ADDONS } from '../../catalog/plans';
import { agencyOperations } from '../../contract/platform/agencies';
import { tenantOperations } from '../../contract/platform/tenants';
import { notFound, ProblemError } from '../../contract/problem';
import { newId } from '../../schemas/ids';
import type { Agency, AgencyKeyWithSecret } from '../../schemas/platform/agency';
import type { Tenant } from '../../schemas/platform/tenant';
import { findById, now, paginate } from '../collection';
import { keysOf, type MockDb } from '../db';
import { type Caller, mockResource } from '../pipeline';
import { randomToken } from '../problems';
import { createKey, revokeKey } from './apiKeys';

function checkTenantInput(
  db: MockDb,
  input: { agencyId?: string | null; addons?: string[] },
  subscription: Tenant['subscription'],
): void {
  if (input.agencyId && !db.agencies.some((a) => a.id === input.agencyId)) {
    throw new ProblemError(400, 'validation_failed', `No agency with id '${input.agencyId}'.`, {
      param: 'agencyId',
    });
  }
  input.addons?.forEach((id, i) => {
    const addon = ADDONS.find((a) => a.id === id);
    if (!addon)
      throw new ProblemError(400, 'validation_failed', `Unknown add-on '${id}'.`, { param: `addons.${i}` });
    if (!subscription[addon.domain]) {
      throw new ProblemError(400, 'validation_failed', `Add-on '${id}' needs a ${addon.domain} plan.`, {
        param: `addons.${i}`,
      });
    }
  });
}

/** The tenants `caller` may see: all for an operator, its own agency's for an agency key. */
function visible(db: MockDb, caller: Caller | null): Tenant[] {
  return caller?.agencyId ? db.tenants.filter((t) => t.agencyId === caller.agencyId) : db.tenants;
}

/** The agency `id` if `caller` reaches it: any for an operator, its own for an agency key; else 404. */
function reachable(db: MockDb, caller: Caller | null, id: string): Agency {
  if (caller?.agencyId && caller.agencyId !== id) throw notFound('agency', id);
  return findById(db.agencies, id, 'agency');
}

/** Tenants and agencies (operator keys; agency keys for their own) in memory. */
export const tenancyMocks = [
  ...mockResource(tenantOperations, {
    list: ({ db, query, caller }) => paginate(visible(db, caller), query),
    create({ db, body }) {
      checkTenantInput(db, body, body.subscription);
      const at = now();
      const tenant: Tenant = {
        id: newId('ten'),
        object: 'tenant',
        name: body.name,
        agencyId: body.agencyId ?? null,
        subscription: body.subscription,
        addons: body.addons ?? [],
        limitOverrides: body.limitOverrides ?? {},
        metadata: body.metadata ?? {},
        createdAt: at,
        updatedAt: at,
      };
      db.tenants.push(tenant);
      return tenant;
    },
    retrieve: ({ db, params, caller }) => findById(visible(db, caller), params.id, 'tenant'),
    update({ db, params, body, caller }) {
      const tenant = findById(visible(db, caller), params.id, 'tenant');
      if (caller?.agencyId) requireAgencyTenantUpdate(body);
      const { subscription, ...rest } = body;
      const merged = { ...tenant.subscription, ...subscription };
      checkTenantInput(db, { ...rest, addons: rest.addons ?? tenant.addons }, merged);
      // Mutated in place: `db.tenant` is this same object when an operator edits the caller's tenant.
      return Object.assign(tenant, rest, { subscription: merged, updatedAt: now() });
    },
    createApiKey({ db, params, body, caller }) {
      const tenant = findById(visible(db, caller), params.id, 'tenant');
      return createKey(db, body, caller!, keysOf(db, tenant.id));
    },
    listApiKeys({ db, params, query, caller }) {
      const tenant = findById(visible(db, caller), params.id, 'tenant');
      return paginate(keysOf(db, tenant.id), query);
    },
    revokeApiKey({ db, params, caller }) {
      const tenant = findById(visible(db, caller), params.id, 'tenant');
      return revokeKey(keysOf(db, tenant.id), params.keyId, caller!);
    },
  }),
  ...mockResource(agencyOperations, {
    list: ({ db, query }) => paginate(db.agencies, query),
    create({ db, body }) {
      const at = now();
      const agency = { id: newId('agy'), object: 'agency' as const, ...body, createdAt: at, updatedAt: at };
      db.agencies.push(agency);
      return agency;
    },
    retrieve: ({ db, params, caller }) => reachable(db, caller, params.id),
    update({ db, params, body, caller }) {
      const agency = reachable(db, caller, params.id);
      if (caller?.agencyId) requireAgencySelfUpdate(body);
      return Object.assign(agency, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        brand: { ...agency.brand, ...body.brand },
        updatedAt: now(),
      });
    },
    createKey({ db, params, body, caller }): AgencyKeyWithSecret {
      if (caller?.kind !== 'operator') {
        throw new ProblemError(403, 'forbidden', 'Only an operator key creates agency keys.');
      }
      const agency = findById(db.agencies, params.id, 'agency');
      const secret = randomToken('ag_');
      const key: AgencyKeyWithSecret = {
        id: newId('agk'),
        object: 'agency_key',
        agencyId: agency.id,
        name: body.name,
        prefix: `${secret.slice(0, 9)}…`,
        createdBy: { type: 'operator', id: 'opk_mock', label: 'Operator key' },
        createdAt: now(),
        revokedAt: null,
        secret,
      };
      db.agencyKeys.push(key);
      return key;
    },
    listKeys({ db, params, query, caller }) {
      const agency = reachable(db, caller, params.id);
      const keys = db.agencyKeys
        .filter((k) => k.agencyId === agency.id)
        .map(({ secret: _never, ...key }) => key);
      return paginate(keys, query);
    },
    revokeKey({ db, params, caller }) {
      const agency = reachable(db, caller, params.id);
      const key = findById(
        db.agencyKeys.filter((k) => k.agencyId === agency.id),
        params.keyId,
        'agency key',
      );
      key.revokedAt ??= now();
      const { secret: _never, ...listed } = key;
      return listed;
    },
  }),
];
