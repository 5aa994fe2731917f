/**
 * `@agentstack/sdk/catalog`: the plan catalogue (tiers, add-ons, bundles), the pure entitlement
 * computation shared by the server, the React kit and the mocks, and the demo data (brands,
 * products, tenants) the seed, the mocks and the stories share.
 * @packageDocumentation
 */
export * from './demo';
export * from './entitlements';
export * from './permissions';
export * from './plans';
export * from './realtimeTopics';
