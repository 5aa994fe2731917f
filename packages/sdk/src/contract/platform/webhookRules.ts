/**
 * Rules of webhook endpoints that the server and the mocks share.
 */

/** How long a rotated secret keeps signing beside the new one unless the rotation says otherwise: 24 hours. */
export const DEFAULT_SECRET_OVERLAP_SECONDS = 86_400;

/** What an endpoint shows of its secret: `whsec_` and six characters, to recognise it. */
export function webhookSecretPrefix(secret: string): string {
  return `${secret.slice(0, 12)}…`;
}

/**
 * True when an endpoint's event filters take events of `type`: an exact type (`product.created`),
 * a prefix (`product.*`: `product.created`, `product.variant.created`…) or `*`.
 */
export function webhookFilterMatches(filters: readonly string[], type: string): boolean {
  return filters.some(
    (f) => f === '*' || f === type || (f.endsWith('.*') && type.startsWith(f.slice(0, -1))),
  );
}
