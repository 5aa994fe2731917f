import { useEffect, useState } from 'react';

/** The shop's pages, in the URL hash: `#/`, `#/products/:id`, `#/cart`, `#/checkout`, `#/orders/:id`. */
export type Route =
  | { name: 'catalogue' }
  | { name: 'product'; id: string }
  | { name: 'cart' }
  | { name: 'checkout' }
  | { name: 'order'; id: string };

/** Parses a location hash; anything unknown is the catalogue. */
export function parseRoute(hash: string): Route {
  const [first = '', second] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (first === 'products' && second) return { name: 'product', id: decodeURIComponent(second) };
  if (first === 'orders' && second) return { name: 'order', id: decodeURIComponent(second) };
  if (first === 'cart') return { name: 'cart' };
  if (first === 'checkout') return { name: 'checkout' };
  return { name: 'catalogue' };
}

/** The link of a page. */
export function href(route: Route): string {
  switch (route.name) {
    case 'product':
      return `#/products/${encodeURIComponent(route.id)}`;
    case 'order':
      return `#/orders/${encodeURIComponent(route.id)}`;
    case 'catalogue':
      return '#/';
    default:
      return `#/${route.name}`;
  }
}

/** Opens a page. */
export function go(route: Route): void {
  window.location.hash = href(route);
}

/** The current page, following `hashchange` (links are plain `<a href="#/…">`). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseRoute(window.location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
