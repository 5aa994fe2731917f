import type { AgentStack } from '../../client';
import { Agencies } from './agencies';
import { ApiKeys } from './apiKeys';
import { Brand } from './brand';
import { Entitlements } from './entitlements';
import { Me } from './me';
import { Plans } from './plans';
import { Sessions } from './sessions';
import { Tenants } from './tenants';
import { Users } from './users';

/** `client.platform`: identity, plans, tenancy, keys, users and sessions. */
export class Platform {
  /** Who is calling. */
  readonly me: Me;
  /** What the caller's plan allows, with usage. */
  readonly entitlements: Entitlements;
  /** The white-label brand. */
  readonly brand: Brand;
  /** The plan catalogue. */
  readonly plans: Plans;
  /** Tenants (operator keys). */
  readonly tenants: Tenants;
  /** Agencies (operator keys). */
  readonly agencies: Agencies;
  /** The tenant's API keys. */
  readonly apiKeys: ApiKeys;
  /** The tenant's dashboard users. */
  readonly users: Users;
  /** Dashboard sign-in / sign-out. */
  readonly sessions: Sessions;

  /** @param client The client whose request helper the resources call. */
  constructor(client: AgentStack) {
    this.me = new Me(client);
    this.entitlements = new Entitlements(client);
    this.brand = new Brand(client);
    this.plans = new Plans(client);
    this.tenants = new Tenants(client);
    this.agencies = new Agencies(client);
    this.apiKeys = new ApiKeys(client);
    this.users = new Users(client);
    this.sessions = new Sessions(client);
  }
}
