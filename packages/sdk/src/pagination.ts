import type { ListResponse } from './schemas/common';

/** One page of a list: `{ data, hasMore, nextCursor }`, exactly as the API answers it. */
export type Page<T> = ListResponse<T>;

/** The cursor parameters every list accepts. */
export interface PageParams {
  /** Items per page, 1..100. Defaults to 20 (server side). */
  limit?: number;
  /** The id of the last item of the previous page. */
  startingAfter?: string;
}

/**
 * What every `list()` returns. Awaiting it gives the first page; iterating it walks every item of
 * every page, following `nextCursor` with `startingAfter`. The first request is sent at once, as
 * with any promise, and shared by `await` and the iterators.
 *
 * @example
 * ```ts
 * const page = await client.commerce.products.list({ limit: 50 }); // { data, hasMore, nextCursor }
 * for await (const product of client.commerce.products.list({ limit: 50 })) console.log(product.sku);
 * const drafts = await client.commerce.products.list({ status: 'draft' }).toArray({ max: 500 });
 * ```
 */
export class PagePromise<T, P extends PageParams = PageParams>
  extends Promise<Page<T>>
  implements AsyncIterable<T>
{
  // `then`/`catch`/`finally` return plain promises, not PagePromises (whose constructor differs).
  static override get [Symbol.species]() {
    return Promise;
  }

  readonly #fetchPage: (params: P) => Promise<Page<T>>;
  readonly #params: P;

  /**
   * A real `Promise` subclass, so `await`, `Promise.all` and react-query's `queryFn` see a promise
   * of the first page.
   * @param fetchPage Fetches one page for the given params; called again per page by the iterators.
   * @param params The params of the first page.
   */
  constructor(fetchPage: (params: P) => Promise<Page<T>>, params: P) {
    super((resolve, reject) => {
      fetchPage(params).then(resolve, reject);
    });
    this.#fetchPage = fetchPage;
    this.#params = params;
  }

  /** Every page in turn, starting with the first. Stops after the page whose `hasMore` is false. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> = await this;
    yield page;
    while (page.hasMore && page.nextCursor) {
      page = await this.#fetchPage({ ...this.#params, startingAfter: page.nextCursor });
      yield page;
    }
  }

  /** Every item of every page, fetching the next page only when the current one is used up. */
  async *all(): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Collects every item into an array, stopping after `max` items. Defaults to no maximum. */
  async toArray({ max = Number.POSITIVE_INFINITY }: { max?: number } = {}): Promise<T[]> {
    const items: T[] = [];
    if (max <= 0) return items;
    for await (const item of this.all()) {
      items.push(item);
      if (items.length >= max) break;
    }
    return items;
  }

  /** `for await (const item of list)`: the same as {@link PagePromise.all}. */
  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    return this.all();
  }
}
