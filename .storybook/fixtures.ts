import type { Entitlements } from '@agentstack/sdk';
import { computeEntitlements, type DemoTenantSlug, demoTenant, type LimitKey } from '@agentstack/sdk/catalog';
import { delay, HttpResponse, http } from 'msw';
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

/** The entitlements of a demo tenant, with chosen usage (and limit overrides). */
export function demoEntitlements(
  slug: DemoTenantSlug,
  used: Partial<Record<LimitKey, number>> = {},
  overrides: Partial<Record<LimitKey, number | null>> = {},
): Entitlements {
  const tenant = demoTenant(slug);
  const computed = computeEntitlements(tenant.subscription, tenant.addons, overrides);
  return {
    object: 'entitlements',
    tenantId: `ten_demo${slug}0000`,
    subscription: tenant.subscription,
    addons: tenant.addons,
    features: computed.features,
    limits: Object.fromEntries(
      Object.entries(computed.limits).map(([k, limit]) => [k, { limit, used: used[k as LimitKey] ?? 0 }]),
    ),
  };
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
