/**
 * `@agentstack/sdk/contract`: every endpoint of the API as one operation definition (plain data),
 * grouped by domain and resource exactly as the client exposes them. The server registers its
 * routes from it, the SDK binds its methods to it, the mocks implement it, and the OpenAPI
 * document and the reference are generated from it.
 * @packageDocumentation
 */
import { contract } from './api';
import type { Operation, OperationGroup } from './operation';

export { commerceContract, contract, platformContract, realtimeContract } from './api';
export { cartOperations } from './commerce/carts';
export { categoryOperations } from './commerce/categories';
export { collectionOperations } from './commerce/collections';
export { customerOperations } from './commerce/customers';
export {
  inventoryLevelOperations,
  inventoryMovementOperations,
  reservationOperations,
  stockLocationOperations,
} from './commerce/inventory';
export { checkoutOperations, orderOperations } from './commerce/orders';
export { orderWorkflowOperations } from './commerce/orderWorkflow';
export {
  discountCodeOperations,
  regionOperations,
  shippingOptionOperations,
} from './commerce/pricingAdmin';
export { productOperations } from './commerce/products';
export { stripeOperations } from './commerce/stripe';
export { variantOperations } from './commerce/variants';
export { vendorOperations } from './commerce/vendors';
export * from './operation';
export { brandOperations, entitlementOperations, meOperations, planOperations } from './platform/account';
export { agencyOperations } from './platform/agencies';
export { apiKeyOperations } from './platform/apiKeys';
export { invitationOperations } from './platform/invitations';
export { outboxOperations } from './platform/outbox';
export { sessionOperations } from './platform/sessions';
export { tenantOperations } from './platform/tenants';
export { userOperations } from './platform/users';
export { webhookEndpointOperations } from './platform/webhookEndpoints';
export * from './platform/webhookRules';
export { notFound, ProblemError, type ProblemExtras } from './problem';
export {
  REALTIME_TOPIC_PERMISSIONS,
  realtimeEventOperations,
  realtimeTokenOperations,
} from './realtime/events';
export * from './validate';

/** An operation with where it sits in the contract: `id` is `domain.resource.method`. */
export interface OperationEntry {
  id: string;
  operation: Operation;
}

/** Every operation of the API, each once, with its `domain.resource.method` id. */
export function allOperations(): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [domain, resources] of Object.entries(contract)) {
    for (const [resource, group] of Object.entries(resources as Record<string, OperationGroup>)) {
      for (const [method, operation] of Object.entries(group)) {
        entries.push({ id: `${domain}.${resource}.${method}`, operation });
      }
    }
  }
  return entries;
}
export * from './commerce/orderRules';
export * from './commerce/pricing';
export * from './commerce/rules';
