// Compile-time checks of the router (`npm run typecheck` fails if an expectation breaks): a
// handler must resolve with its operation's response type, and params are the path's names.
import { productOperations } from '@agentstack/sdk/contract';
import { describe, expect, it } from 'vitest';
import type { ApiRouter } from '../src/http/route';

/** Never called: only type-checked. */
export function routerTypeExpectations(router: ApiRouter): void {
  // @ts-expect-error — a handler answering something that is not a Product does not compile.
  router.implement(productOperations.retrieve, async () => ({ totally: 'not a product' }));
  router.implement(productOperations.retrieve, async ({ params }) => {
    // @ts-expect-error — `retrieve` has an `:id` parameter and no other.
    params.productId;
    throw new Error(params.id);
  });
  // @ts-expect-error — a list answers a page, not an array.
  router.implement(productOperations.list, async () => []);
}

describe('router types', () => {
  it('are checked by the compiler (see routerTypeExpectations)', () => {
    expect(typeof routerTypeExpectations).toBe('function');
  });
});
