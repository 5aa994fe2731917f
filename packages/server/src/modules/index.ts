import type { ApiRouter } from '../http/route';
import { productRoutes } from './commerce/products/routes';
import { platformRoutes } from './platform';

/** Registers every module's routes. */
export function registerModules(router: ApiRouter): void {
  platformRoutes(router);
  productRoutes(router);
}
