import type { ApiRouter } from '../../http/route';
import { accountRoutes } from './account/routes';
import { apiKeyRoutes } from './api-keys/routes';
import { planRoutes } from './plans/routes';
import { tenantRoutes } from './tenants/routes';

/** Registers every `/v1/platform` route. */
export function platformRoutes(router: ApiRouter): void {
  accountRoutes(router);
  planRoutes(router);
  tenantRoutes(router);
  apiKeyRoutes(router);
}
