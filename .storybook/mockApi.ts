import { AgentStack } from '@agentstack/sdk';
import { createMockApi, type MockApiOptions } from '@agentstack/sdk/mocks';
import { QueryClient } from '@tanstack/react-query';
import { getResponse, http, type RequestHandler } from 'msw';
import { SAMPLE_BRANDS, type SampleBrandName } from './brands';

/** Where the demo client sends requests; the msw handlers answer there (same origin, no CORS). */
export const MOCK_BASE_URL =
  typeof location !== 'undefined' && location.origin.startsWith('http')
    ? `${location.origin}/mock-api`
    : 'http://localhost/mock-api';

/** The sample tenants of the toolbar: the platform tier decides the commerce tier in the mocks. */
export type DemoTier = 'starter' | 'growth' | 'enterprise';
/** The sample white-label brands of the toolbar. */
export type DemoBrand = SampleBrandName;

/** Per-story options of the mock API (`parameters.agentstack`). */
export interface DemoParameters {
  /** Seeded products: a count or fixtures, as `createMockApi` takes them. */
  products?: MockApiOptions['products'];
  /** Negotiated limits replacing the plan's. */
  limitOverrides?: MockApiOptions['limitOverrides'];
  latencyMs?: number;
  /** Plain tokens act as a signed-in dashboard user with this role (see `createMockApi`'s `role`). */
  role?: MockApiOptions['role'];
  /** What new invitations answer for their email (`delivery.status`); see `createMockApi`. */
  invitationEmail?: MockApiOptions['invitationEmail'];
  /**
   * Custom order workflow steps, seeded for the Enterprise tier only (the plan that has
   * `commerce.customWorkflows`); other tiers have none, whatever the story says.
   */
  orderWorkflow?: MockApiOptions['orderWorkflow'];
}

interface DemoSession {
  api: ReturnType<typeof createMockApi>;
  client: AgentStack;
  queryClient: QueryClient;
}

const sessions = new Map<string, DemoSession>();
let current: DemoSession | undefined;

/** Forgets the demo sessions of a story, so the next render starts from fresh mock data. */
export function resetDemoSessions(storyId: string): void {
  for (const key of sessions.keys()) if (key.startsWith(`${storyId}|`)) sessions.delete(key);
}

/**
 * The mock API, client and query cache for a story under the toolbar's tier and brand. One per
 * (story, tier, brand), so switching the toolbar shows another tenant and switching back keeps
 * what the visitor changed.
 */
export function demoSession(storyId: string, tier: DemoTier, brand: DemoBrand, params: DemoParameters = {}) {
  const key = `${storyId}|${tier}|${brand}`;
  let session = sessions.get(key);
  if (!session) {
    const api = createMockApi({
      baseUrl: MOCK_BASE_URL,
      tenant: tier,
      // The sdk's demo brands by name (their agencies exist in the mock); others as a brand object.
      brand: brand === 'aurora' || brand === 'nocturne' ? brand : SAMPLE_BRANDS[brand],
      ...(params.products !== undefined ? { products: params.products } : {}),
      ...(params.limitOverrides !== undefined ? { limitOverrides: params.limitOverrides } : {}),
      ...(params.role !== undefined ? { role: params.role } : {}),
      ...(params.invitationEmail !== undefined ? { invitationEmail: params.invitationEmail } : {}),
      ...(params.orderWorkflow !== undefined && tier === 'enterprise'
        ? { orderWorkflow: params.orderWorkflow }
        : {}),
      latencyMs: params.latencyMs ?? 0,
    });
    session = {
      api,
      client: new AgentStack({ apiKey: 'sk_test_demo', baseUrl: MOCK_BASE_URL, maxRetries: 0 }),
      queryClient: new QueryClient({
        defaultOptions: { queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false } },
      }),
    };
    sessions.set(key, session);
  }
  current = session;
  return session;
}

/**
 * One msw handler that forwards every request under {@link MOCK_BASE_URL} to the mock API of the
 * story on screen. Stories override single endpoints with `beforeEach({ msw }) { msw.use(...) }`.
 */
export const demoRouter: RequestHandler = http.all(`${MOCK_BASE_URL}/*`, async ({ request }) => {
  if (!current) return undefined;
  return getResponse(current.api.handlers as RequestHandler[], request);
});
