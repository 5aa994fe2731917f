import type { ApiRouter } from '../../http/route';
import { accountRoutes } from './account/routes';
import { planRoutes } from './plans/routes';

/** Registers every `/v1/platform` route. */
export function platformRoutes(router: ApiRouter): void {
  accountRoutes(router);
  planRoutes(router);
}
