/**
 * `@agentstack/sdk/schemas`: the zod (`zod/mini`) schemas of every request and response — the
 * one contract the server validates with, the SDK types come from and the mocks build on.
 * @packageDocumentation
 */

export * from './commerce/address';
export * from './commerce/cart';
export * from './commerce/category';
export * from './commerce/collection';
export * from './commerce/customer';
export * from './commerce/inventory';
export * from './commerce/order';
export * from './commerce/orderWorkflow';
export * from './commerce/pricing';
export * from './commerce/product';
export * from './commerce/stripe';
export * from './commerce/variant';
export * from './commerce/vendor';
export * from './common';
export * from './currency';
export * from './ids';
export * from './platform/agency';
export * from './platform/apiKey';
export * from './platform/entitlements';
export * from './platform/invitation';
export * from './platform/outbox';
export * from './platform/tenant';
export * from './platform/user';
export * from './platform/webhookEndpoint';
export * from './realtime/event';
export * from './registry';
