import type { AgentStack } from './client';

/** Base of every resource: holds the client whose request helper its methods call. */
export abstract class APIResource {
  /** @param client The client whose request helper this resource's methods call. */
  constructor(protected readonly client: AgentStack) {}
}

/**
 * Builds a request path, percent-encoding every interpolated id. An empty id throws at once:
 * `/v1/commerce/products/` would otherwise silently hit the list endpoint.
 */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  let out = strings[0] ?? '';
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id === '')
      throw new TypeError(`AgentStack: expected a non-empty id in ${strings.join(':id')}`);
    out += encodeURIComponent(id) + (strings[i + 1] ?? '');
  });
  return out;
}
