import { ProblemError } from '../problem';

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

/** The most deliveries one `replayDeliveries` call queues again. */
export const MAX_REPLAY = 1000;

/**
 * The rule of replays and test events, on the server and in the mocks: never to a disabled
 * endpoint, and never a delivery still pending (it is retried on its own).
 */
export function requireReplayable(endpointStatus: string, deliveryStatus?: string): void {
  if (endpointStatus !== 'enabled') {
    throw new ProblemError(409, 'invalid_state', 'The endpoint is disabled: enable it before sending to it.');
  }
  if (deliveryStatus === 'pending') {
    throw new ProblemError(409, 'invalid_state', 'The delivery is pending: it is retried on its own.', {
      param: 'deliveryId',
    });
  }
}
