/**
 * `@agentstack/sdk/mocks`: msw 2 handlers over an in-memory model of the AgentStack API, for your
 * tests and for Storybook. They validate with the same schemas as the server and answer the same
 * problem documents, so a demo behaves like the real thing.
 * @packageDocumentation
 */
import type { HttpHandler } from 'msw';
import { DEFAULT_BASE_URL } from '../defaults';
import { createFixtures, type MockDb, type MockDbOptions } from './db';
import { createHandlers } from './pipeline';
import { MOCK_ROUTES } from './routes';

export type {
  IdempotencyRecord,
  MockCustomer,
  MockCustomerAddress,
  MockCustomerSignUp,
  MockDb,
  MockDbOptions,
  MockSession,
} from './db';
export { DEMO_CUSTOMER_PASSWORD } from './db';
export { type Caller, KNOWN_VERSIONS, type MockContext, type MockResource, type MockRoute } from './pipeline';
export { MockProblem, type ProblemExtras, problemResponse } from './problems';
export { MOCK_ROUTES } from './routes';

/** Options of {@link createMockApi}. */
export interface MockApiOptions extends MockDbOptions {
  /** The API origin the handlers answer for. Defaults to `http://localhost:4000` (the client's default). */
  baseUrl?: string;
  /** Milliseconds each answer waits, to show loading states. Defaults to 0. */
  latencyMs?: number;
}

/** What {@link createMockApi} returns. */
export interface MockApi {
  /** The msw handlers: pass them to `setupServer(...)`, `setupWorker(...)` or a story's `msw.use(...)`. */
  handlers: HttpHandler[];
  /** The live in-memory model; mutate it to set up a case. */
  db: MockDb;
  /** Restores the fixtures (in place) and forgets sessions and idempotency keys. */
  reset(): void;
}

/**
 * Creates msw handlers over a fresh in-memory model of one demo tenant. Any bearer token acts as
 * that tenant's secret key; `pk_…` tokens act as a publishable key, `op_…` as an operator key, and
 * tokens from `POST /v1/platform/sessions` (sign in with a `DEMO_TENANTS` owner) as that user.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createMockApi } from '@agentstack/sdk/mocks';
 *
 * const api = createMockApi({ tenant: 'starter', limitOverrides: { 'commerce.products': 18 } });
 * const server = setupServer(...api.handlers);
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => api.reset());
 * afterAll(() => server.close());
 * ```
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const { baseUrl = DEFAULT_BASE_URL, latencyMs = 0, ...dbOptions } = options;
  const db = createFixtures(dbOptions);
  return {
    handlers: createHandlers({ baseUrl, latencyMs, db: () => db }, MOCK_ROUTES),
    db,
    reset() {
      Object.assign(db, createFixtures(dbOptions));
    },
  };
}
