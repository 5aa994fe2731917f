/**
 * `@agentstack/sdk/catalog`: the plan catalogue (tiers, add-ons, bundles) and the pure
 * entitlement computation shared by the server, the React kit and the mocks.
 * @packageDocumentation
 */
export * from './entitlements';
export * from './plans';
