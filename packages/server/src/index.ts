/**
 * `@agentstack/server`: the self-hostable AgentStack server.
 * @packageDocumentation
 */
export { type AgentStackServer, API_VERSION, createServer, type ServerOptions } from './app';
export type { AppContext } from './context';
export { createOperatorKey } from './modules/platform/operators/service';
export { type DemoCredentials, type DemoTenantCredentials, formatDemoCredentials, seedDemo } from './seed';
