import { cartMocks } from './commerce/carts';
import { categoryMocks } from './commerce/categories';
import { collectionMocks } from './commerce/collections';
import { customerMocks } from './commerce/customers';
import { inventoryMocks } from './commerce/inventory';
import { checkoutMocks, orderMocks } from './commerce/orders';
import { orderWorkflowMocks } from './commerce/orderWorkflow';
import { pricingMocks } from './commerce/pricing';
import { productMocks } from './commerce/products';
import { stripeMocks } from './commerce/stripe';
import { variantMocks } from './commerce/variants';
import { vendorMocks } from './commerce/vendors';
import type { MockRoute } from './pipeline';
import { accountMocks } from './platform/account';
import { apiKeyMocks } from './platform/apiKeys';
import { invitationMocks } from './platform/invitations';
import { outboxMocks } from './platform/outbox';
import { tenancyMocks } from './platform/tenants';
import { userMocks } from './platform/users';
import { webhookEndpointMocks } from './platform/webhookEndpoints';
import { realtimeMocks } from './realtime/events';

/** Every operation of the contract with its in-memory rules. */
export const MOCK_ROUTES: readonly MockRoute[] = [
  ...accountMocks,
  ...tenancyMocks,
  ...apiKeyMocks,
  ...userMocks,
  ...invitationMocks,
  ...outboxMocks,
  ...productMocks,
  ...realtimeMocks,
  ...variantMocks,
  ...categoryMocks,
  ...collectionMocks,
  ...vendorMocks,
  ...webhookEndpointMocks,
  ...inventoryMocks,
  ...orderWorkflowMocks,
  ...cartMocks,
  ...customerMocks,
  ...orderMocks,
  ...stripeMocks,
  ...pricingMocks,
  ...checkoutMocks,
];
