import { useEffect, useState } from 'react';

/**
 * The dashboard's pages. Tenant users see the first eleven; the operator console tenants (and a
 * tenant's page) and brands; an agency's console tenants, brand and agency keys.
 */
export type Route =
  | 'overview'
  | 'products'
  | 'product'
  | 'inventory'
  | 'orders'
  | 'order'
  | 'pricing'
  | 'team'
  | 'api-keys'
  | 'webhooks'
  | 'plan'
  | 'tenants'
  | 'tenant'
  | 'brands'
  | 'brand'
  | 'agency-keys';

/**
 * The page in the URL hash (`#/products`, `#/products/prod_…`, `#/plan?upgrade=commerce_growth`):
 * a router this small needs no library.
 */
export interface ParsedRoute {
  name: Route;
  /** On `#/products/:id` the product's id, on `#/orders/:id` the order's, on `#/tenants/:id` the tenant's. */
  id: string | null;
  /** On `#/plan`, the plan or add-on an upgrade prompt pointed to. */
  upgrade: string | null;
}

const ROUTES: readonly Route[] = [
  'overview',
  'products',
  'inventory',
  'orders',
  'pricing',
  'team',
  'api-keys',
  'webhooks',
  'plan',
  'tenants',
  'brands',
  'brand',
  'agency-keys',
];

/** Parses a location hash; anything unknown is `null` (the shell then opens its home page). */
export function parseRoute(hash: string): ParsedRoute | null {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first = '', second] = path.split('/');
  const upgrade = new URLSearchParams(query).get('upgrade');
  if (first === 'products' && second) return { name: 'product', id: decodeURIComponent(second), upgrade };
  if (first === 'orders' && second) return { name: 'order', id: decodeURIComponent(second), upgrade };
  if (first === 'tenants' && second) return { name: 'tenant', id: decodeURIComponent(second), upgrade };
  if (!ROUTES.includes(first as Route)) return null;
  return { name: first as Route, id: null, upgrade };
}

/** The link of a page, e.g. `href('product', 'prod_1')` → `#/products/prod_1`. */
export function href(route: Route, id?: string): string {
  if (route === 'product') return `#/products/${encodeURIComponent(id ?? '')}`;
  if (route === 'order') return `#/orders/${encodeURIComponent(id ?? '')}`;
  if (route === 'tenant') return `#/tenants/${encodeURIComponent(id ?? '')}`;
  return `#/${route}`;
}

/** The current route, following `hashchange` (links are plain `<a href="#/…">`). */
export function useHashRoute(): ParsedRoute | null {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
