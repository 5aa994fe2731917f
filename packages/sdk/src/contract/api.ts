import { cartOperations } from './commerce/carts';
import { categoryOperations } from './commerce/categories';
import { collectionOperations } from './commerce/collections';
import { customerOperations } from './commerce/customers';
import {
  inventoryLevelOperations,
  inventoryMovementOperations,
  reservationOperations,
  stockLocationOperations,
} from './commerce/inventory';
import { checkoutOperations, orderOperations } from './commerce/orders';
import { orderWorkflowOperations } from './commerce/orderWorkflow';
import { discountCodeOperations, regionOperations, shippingOptionOperations } from './commerce/pricingAdmin';
import { productOperations } from './commerce/products';
import { stripeOperations } from './commerce/stripe';
import { variantOperations } from './commerce/variants';
import { vendorOperations } from './commerce/vendors';
import type { OperationGroup } from './operation';
import { brandOperations, entitlementOperations, meOperations, planOperations } from './platform/account';
import { agencyOperations } from './platform/agencies';
import { apiKeyOperations } from './platform/apiKeys';
import { invitationOperations } from './platform/invitations';
import { outboxOperations } from './platform/outbox';
import { sessionOperations } from './platform/sessions';
import { tenantOperations } from './platform/tenants';
import { userOperations } from './platform/users';
import { webhookEndpointOperations } from './platform/webhookEndpoints';
import { realtimeEventOperations, realtimeTokenOperations } from './realtime/events';

/** `client.platform`: identity, plans, tenancy, keys, users and sessions. */
export const platformContract = {
  /** Who is calling. */
  me: meOperations,
  /** What the caller's plan allows, with usage. */
  entitlements: entitlementOperations,
  /** The white-label brand. */
  brand: brandOperations,
  /** The plan catalogue. */
  plans: planOperations,
  /** Tenants (operator keys). */
  tenants: tenantOperations,
  /** Agencies (operator keys). */
  agencies: agencyOperations,
  /** The tenant's API keys. */
  apiKeys: apiKeyOperations,
  /** The tenant's dashboard users. */
  users: userOperations,
  /** Invitations to become a dashboard user. */
  invitations: invitationOperations,
  /** Dashboard sign-in / sign-out. */
  sessions: sessionOperations,
  /** Where the tenant's events are delivered, signed (outgoing webhooks). */
  webhookEndpoints: webhookEndpointOperations,
  /** The emails a development server kept instead of sending (`--email-outbox`). */
  outbox: outboxOperations,
} as const;

/** `client.commerce`: the catalogue. */
export const commerceContract = {
  /** The tenant's products. */
  products: productOperations,
  /** Variants of a product (SKU, option values, prices per currency). */
  variants: variantOperations,
  /** The category tree. */
  categories: categoryOperations,
  /** Hand-picked product collections. */
  collections: collectionOperations,
  /** Vendors of a multi-vendor catalogue (Growth and up). */
  vendors: vendorOperations,
  /** Where stock is kept. */
  stockLocations: stockLocationOperations,
  /** Stock per item per location. */
  inventoryLevels: inventoryLevelOperations,
  /** The history of stock changes. */
  inventoryMovements: inventoryMovementOperations,
  /** Stock held for checkouts. */
  reservations: reservationOperations,
  /** Custom order steps (Enterprise). */
  orderWorkflow: orderWorkflowOperations,
  /** Shoppers' carts, priced on the server. */
  carts: cartOperations,
  /** Shoppers' accounts: sign-up, sign-in, the signed-in shopper and their addresses. */
  customers: customerOperations,
  /** Orders: items, payments, refunds, fulfilments, timeline and the state machine's actions. */
  orders: orderOperations,
  /** The tenant's Stripe account (payment-gateway add-on) and Stripe's webhook endpoint. */
  stripe: stripeOperations,
  /** Regions: currency, countries, tax rate. */
  regions: regionOperations,
  /** Shipping options per region. */
  shippingOptions: shippingOptionOperations,
  /** Discount codes. */
  discountCodes: discountCodeOperations,
  /** Checkout: a cart becomes a paid order. */
  checkout: checkoutOperations,
} as const;

/** `client.realtime`: the live event stream (see `client.realtime.subscribe`). */
export const realtimeContract = {
  /** Short-lived tokens for browsers' `EventSource`. */
  tokens: realtimeTokenOperations,
  /** The Server-Sent Events stream. */
  events: realtimeEventOperations,
} as const;

/** The whole API, by domain and resource. */
export const contract = {
  platform: platformContract,
  commerce: commerceContract,
  realtime: realtimeContract,
} as const satisfies Record<string, Record<string, OperationGroup>>;
