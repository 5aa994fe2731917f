import type { ApiRouter } from '../http/route';
import { cartRoutes } from './commerce/carts/routes';
import { categoryRoutes } from './commerce/categories/routes';
import { collectionRoutes } from './commerce/collections/routes';
import { customerRoutes } from './commerce/customers/routes';
import { inventoryRoutes } from './commerce/inventory/routes';
import { orderWorkflowRoutes } from './commerce/order-workflow/routes';
import { orderRoutes } from './commerce/orders/routes';
import { pricingRoutes } from './commerce/pricing/routes';
import { productRoutes } from './commerce/products/routes';
import { stripeRoutes } from './commerce/stripe/routes';
import { variantRoutes } from './commerce/variants/routes';
import { vendorRoutes } from './commerce/vendors/routes';
import { platformRoutes } from './platform';
import { realtimeRoutes } from './realtime/routes';

/** Registers every module's routes. */
export function registerModules(router: ApiRouter): void {
  platformRoutes(router);
  productRoutes(router);
  realtimeRoutes(router);
  variantRoutes(router);
  categoryRoutes(router);
  collectionRoutes(router);
  vendorRoutes(router);
  inventoryRoutes(router);
  orderWorkflowRoutes(router);
  cartRoutes(router);
  customerRoutes(router);
  orderRoutes(router);
  stripeRoutes(router);
  pricingRoutes(router);
}
