import type { ApiRouter } from '../http/route';
import { productRoutes } from './commerce/products/routes';
import { platformRoutes } from './platform';
import { realtimeRoutes } from './realtime/routes';

/** Registers every module's routes. */
export function registerModules(router: ApiRouter): void {
  platformRoutes(router);
  productRoutes(router);
  realtimeRoutes(router);
}
