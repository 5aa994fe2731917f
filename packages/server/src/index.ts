/**
 * `@agentstack/server`: the self-hostable AgentStack server.
 * @packageDocumentation
 */
export { type AgentStackServer, API_VERSION, createServer, type ServerOptions } from './app';
export type { AppContext } from './context';
export type { EmailMessage, EmailOptions, EmailTransport, Mailbox } from './email/transport';
export { createOperatorKey } from './modules/platform/operators/service';
export {
  DEFAULT_SIGN_IN_POLICY,
  type SignInLimiter,
  type SignInPolicy,
} from './modules/platform/sessions/limiter';
export { type DemoCredentials, type DemoTenantCredentials, formatDemoCredentials, seedDemo } from './seed';
