import type { AgentStack, HttpMethod, QueryParams, RequestOptions } from './client';
import {
  type InputOf,
  type Operation,
  type OperationGroup,
  type OutputOf,
  pathParamNames,
  type SchemaName,
  type ServerSentEvent,
} from './contract/operation';
import type { PageParams, PagePromise } from './pagination';

type PathArgs<P extends string> = P extends `${string}:${string}/${infer Rest}`
  ? [id: string, ...PathArgs<`/${Rest}`>]
  : P extends `${string}:${string}`
    ? [id: string]
    : [];
type BodyArgs<O> = O extends { body: infer B extends SchemaName } ? [body: InputOf<B>] : [];
type QueryArgs<O> = O extends { query: infer Q extends SchemaName } ? [params?: InputOf<Q>] : [];
type ItemOf<L> = L extends { data: Array<infer T> } ? T : never;
type ListParamsOf<O> = O extends { query: infer Q extends SchemaName }
  ? InputOf<Q> extends PageParams
    ? InputOf<Q>
    : PageParams
  : PageParams;

/**
 * The SDK method an operation becomes: its path parameters in order, then its body, then its
 * query, then {@link RequestOptions}. Lists return a {@link PagePromise}.
 */
export type MethodOf<O extends Operation> = (
  ...args: [...PathArgs<O['path']>, ...BodyArgs<O>, ...QueryArgs<O>, options?: RequestOptions]
) => O extends { list: true }
  ? PagePromise<ItemOf<OutputOf<O['response']>>, ListParamsOf<O>>
  : O extends { stream: true }
    ? AsyncGenerator<ServerSentEvent<OutputOf<O['response']> | unknown> & { retry?: number }, void, undefined>
    : Promise<OutputOf<O['response']>>;

/** A resource of the client: one method per operation of its group (TSDoc carried over). */
export type ResourceOf<G extends OperationGroup> = { readonly [K in keyof G]: MethodOf<G[K]> };

/** A domain of the client (`client.commerce`): one resource per operation group. */
export type DomainOf<D extends Record<string, OperationGroup>> = {
  readonly [K in keyof D]: ResourceOf<D[K]>;
};

/**
 * @internal The routes of a contract group or domain, keyed exactly like it: each operation's
 * {@link routeOf} string. The client binds these, so it ships paths, not documentation.
 */
export type RouteGroup<G extends OperationGroup> = { readonly [K in keyof G]: string };
/** @internal {@link RouteGroup} of every group of a domain. */
export type RouteTable<D extends Record<string, OperationGroup>> = {
  readonly [K in keyof D]: RouteGroup<D[K]>;
};

/**
 * Binds one operation to `client` from its route (`"post /v1/commerce/products b"`, see
 * {@link routeOf}): the one generic implementation behind every SDK method. Path parameters are
 * percent-encoded; an empty one throws at once, since `/v1/commerce/products/` would otherwise
 * silently hit the list endpoint.
 */
export function bindOperation<O extends Operation>(client: AgentStack, route: string): MethodOf<O> {
  const [verb = '', path = '', flags = ''] = route.split(' ');
  const method = verb.toUpperCase() as HttpMethod;
  const op = {
    path,
    body: flags.includes('b'),
    query: flags.includes('q'),
    list: flags.includes('l'),
    stream: flags.includes('s'),
  };
  const arity = pathParamNames(op.path).length;
  const call = (...args: unknown[]) => {
    let i = 0;
    const path = op.path.replace(/:[A-Za-z]+/g, () => {
      const id = args[i++];
      if (typeof id !== 'string' || id === '') {
        throw new TypeError(`AgentStack: expected a non-empty id for ${op.path}`);
      }
      return encodeURIComponent(id);
    });
    const body = op.body ? args[arity] : undefined;
    const query = op.query ? (args[arity + (op.body ? 1 : 0)] as QueryParams | undefined) : undefined;
    const options = args[arity + (op.body ? 1 : 0) + (op.query ? 1 : 0)] as RequestOptions | undefined;
    if (op.list) return client.list(path, query as PageParams | undefined, options);
    if (op.stream) return client.stream(path, query, options);
    return client.request(method, path, { body, query }, options);
  };
  return call as unknown as MethodOf<O>;
}

/** Binds every operation of a group: `client.commerce.products`. */
export function bindResource<G extends OperationGroup>(
  client: AgentStack,
  routes: RouteGroup<G>,
): ResourceOf<G> {
  const resource: Record<string, unknown> = {};
  for (const [name, route] of Object.entries(routes)) resource[name] = bindOperation(client, route as string);
  return resource as ResourceOf<G>;
}

/** Binds every resource of a domain: `client.commerce`. */
export function bindDomain<D extends Record<string, OperationGroup>>(
  client: AgentStack,
  routes: RouteTable<D>,
): DomainOf<D> {
  const bound: Record<string, unknown> = {};
  for (const [name, group] of Object.entries(routes))
    bound[name] = bindResource(client, group as RouteGroup<OperationGroup>);
  return bound as DomainOf<D>;
}
