import { useCallback, useEffect, useState } from 'react';

/** The dashboard's pages. */
export type Route = 'products' | 'plan' | 'team' | 'api-keys';

/** The page in the URL hash (`#/products`, `#/plan?upgrade=commerce_growth`): a router this small needs no library. */
export interface ParsedRoute {
  name: Route;
  /** On `#/plan`, the plan or add-on an upgrade prompt pointed to. */
  upgrade: string | null;
}

const ROUTES: readonly Route[] = ['products', 'plan', 'team', 'api-keys'];

function parse(hash: string): ParsedRoute {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const name: Route = ROUTES.includes(path as Route) ? (path as Route) : 'products';
  return { name, upgrade: new URLSearchParams(query).get('upgrade') };
}

export function useHashRoute(): [ParsedRoute, (route: Route) => void] {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((name: Route) => {
    window.location.hash = `#/${name}`;
  }, []);
  return [route, navigate];
}
