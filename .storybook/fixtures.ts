import type { Entitlements } from '@agentstack/sdk';
import { computeEntitlements, type DemoTenantSlug, demoTenant, type LimitKey } from '@agentstack/sdk/catalog';
import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { MOCK_BASE_URL } from './mockApi';

/** A URL of the mock API: `api('/v1/commerce/products')`. */
export const api = (path: string) => `${MOCK_BASE_URL}${path}`;

/** An RFC 9457 problem response, as the server answers it. */
export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return HttpResponse.json(
    {
      type: `https://agentstack.dev/errors/${code}`,
      title: detail,
      status,
      detail,
      code,
      requestId: 'req_demo0000000001',
      ...extra,
    },
    { status, headers: { 'content-type': 'application/problem+json', 'request-id': 'req_demo0000000001' } },
  );
}

/** Entitlements of a tenant on a subscription and add-ons, with chosen usage (and limit overrides). */
export function entitlementsFor(
  tenantId: string,
  subscription: Entitlements['subscription'],
  addons: string[] = [],
  used: Partial<Record<LimitKey, number>> = {},
  overrides: Partial<Record<LimitKey, number | null>> = {},
  apiCalls: Entitlements['apiCalls'] = { today: 0, month: 0 },
): Entitlements {
  const computed = computeEntitlements(subscription, addons, overrides);
  return {
    object: 'entitlements',
    tenantId,
    subscription: { ...subscription },
    addons,
    features: computed.features,
    limits: Object.fromEntries(
      Object.entries(computed.limits).map(([k, limit]) => [k, { limit, used: used[k as LimitKey] ?? 0 }]),
    ),
    rateLimit: computed.rateLimit,
    apiCalls,
  };
}

/** The entitlements of a demo tenant, with chosen usage (and limit overrides). */
export function demoEntitlements(
  slug: DemoTenantSlug,
  used: Partial<Record<LimitKey, number>> = {},
  overrides: Partial<Record<LimitKey, number | null>> = {},
): Entitlements {
  const tenant = demoTenant(slug);
  return entitlementsFor(
    `ten_demo${slug}0000`,
    tenant.subscription,
    tenant.addons,
    used,
    overrides,
    tenant.apiCalls,
  );
}

/** Answers the entitlements endpoint with fixed entitlements. */
export const entitlementsHandler = (entitlements: Entitlements) =>
  http.get(api('/v1/platform/entitlements'), () => HttpResponse.json(entitlements));

/** Makes an endpoint never answer (loading states). */
export const pendingHandler = (method: 'get' | 'post', path: string) =>
  http[method](api(path), async () => {
    await delay('infinite');
    return HttpResponse.json({});
  });

/** Answers a list endpoint with one page of these items (none by default), and no more pages. */
export const listHandler = (path: string, data: unknown[] = []) =>
  http.get(api(path), () => HttpResponse.json({ object: 'list', data, hasMore: false, nextCursor: null }));

/** Makes a GET endpoint fail with `503 internal_error` and this detail (error states). */
export const unavailableHandler = (path: string, detail: string) =>
  http.get(api(path), () => problem(503, 'internal_error', detail));

/**
 * Story fields that put these handlers in front of the demo mock API for the story:
 * `export const Empty: Story = withHandlers(listHandler('/v1/platform/users'));`, or spread
 * (`{ globals, ...withHandlers(…) }`) next to other fields.
 */
export const withHandlers = (...handlers: RequestHandler[]) => ({
  beforeEach({ msw }: { msw: { use: (...handlers: RequestHandler[]) => void } }) {
    msw.use(...handlers);
  },
});

/** A tenant on platform Starter and commerce Startup, with no fintech or social plan. */
export const COMMERCE_ONLY: Entitlements['subscription'] = {
  platform: 'starter',
  commerce: 'commerce_startup',
  fintech: null,
  social: null,
};

/**
 * Custom order steps an Enterprise tenant defined (`commerce.customWorkflows`): pass them as
 * `parameters.agentstack.orderWorkflow`; the mock then has a fulfilling order at each step.
 */
export const DEMO_ORDER_WORKFLOW = [
  { key: 'picked', name: 'Picked' },
  { key: 'packed', name: 'Packed' },
  { key: 'quality_check', name: 'Quality check' },
];
