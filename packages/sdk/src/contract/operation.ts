import type * as z from 'zod/mini';
import type { Permission } from '../catalog/permissions';
import type { ErrorCode } from '../schemas/common';
import type { SchemaRegistry } from '../schemas/registry';

/**
 * The operation contract: every endpoint is one {@link Operation} — plain data that names its
 * schemas by their export name in `@agentstack/sdk/schemas`. The server's routes, the SDK's
 * methods, the msw mocks, the OpenAPI document and the reference are all derived from it. Naming
 * schemas (rather than holding them) keeps zod out of the client bundle while every type still
 * flows from the schema.
 */

/** The name of a schema an operation can use: a key of `schemaRegistry` in `@agentstack/sdk/schemas`. */
export type SchemaName = keyof SchemaRegistry;

/** The schema registered under `N`. */
export type SchemaOf<N extends SchemaName> = SchemaRegistry[N];
/** What a caller sends for schema `N` (defaults still optional). */
export type InputOf<N extends SchemaName> = z.input<SchemaOf<N>>;
/** What the API answers for schema `N`. */
export type OutputOf<N extends SchemaName> = z.output<SchemaOf<N>>;

/** The API's domains: each is a path segment, an OpenAPI tag and a namespace of the client. */
export type Domain = 'platform' | 'commerce' | 'fintech' | 'social' | 'realtime';

/** One endpoint of the API. Write it once with {@link operation}. */
export interface Operation {
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  /** The path with `:name` parameters, e.g. `/v1/commerce/products/:id`. */
  readonly path: `/v1/${string}`;
  /** The domain: OpenAPI tag and documentation section. */
  readonly tag: Domain;
  /** One line, imperative: `Create a product`. */
  readonly summary: string;
  /** More detail for the reference (Markdown). */
  readonly description?: string;
  /** The permission a credential must hold, or `public` (no credential needed). */
  readonly permission: Permission | 'public';
  /** The query string's schema. */
  readonly query?: SchemaName;
  /** The JSON body's schema. Operations without one refuse a non-empty body. */
  readonly body?: SchemaName;
  /** The success response's schema. */
  readonly response: SchemaName;
  /** The success status. Defaults to 200. */
  readonly status?: 200 | 201;
  /** Error codes this operation answers beyond the ones every operation can (see {@link COMMON_ERRORS}). */
  readonly errors?: readonly ErrorCode[];
  /** A cursor-paginated list: the SDK returns a `PagePromise` that iterates every page. */
  readonly list?: boolean;
  /** The response carries a secret shown once (a key, a token): never cached, never replayed in clear. */
  readonly secret?: boolean;
  /**
   * The response is a stream of Server-Sent Events (`text/event-stream`), each message's `data`
   * the JSON of `response`. Only on GET. The SDK method returns the stream's messages as an
   * async iterable ({@link ServerSentEvent}).
   */
  readonly stream?: boolean;
  /**
   * The operation acts on one cart: a publishable key must send the cart's token in the
   * `AgentStack-Cart-Token` header (the SDK's `cartToken` option); without it, or with another
   * cart's, the cart answers `404 not_found`.
   */
  readonly cartToken?: boolean;
}

/** One message of a Server-Sent Events stream, as the SDK parses it. */
export interface ServerSentEvent<T = unknown> {
  /** The `event:` field; `message` when absent. */
  event: string;
  /** The `id:` field, if the message set one. */
  id?: string;
  /** The `data:` field, parsed as JSON. */
  data: T;
}

/** Error codes every operation can answer. */
export const COMMON_ERRORS: readonly ErrorCode[] = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_api_key',
  'session_expired',
  'forbidden',
  'not_found',
  'rate_limited',
];

/** Error codes every write (POST, PATCH, DELETE) can answer besides {@link COMMON_ERRORS}. */
export const WRITE_ERRORS: readonly ErrorCode[] = [
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
];

/** Error codes a POST can answer for its `Idempotency-Key`. */
export const IDEMPOTENCY_ERRORS: readonly ErrorCode[] = ['idempotency_conflict', 'idempotency_in_progress'];

/**
 * Declares one operation. The `const` type parameter keeps every literal, so the server, the SDK
 * and the mocks infer their types from it.
 *
 * @example
 * ```ts
 * export const productOperations = {
 *   create: operation({ method: 'post', path: '/v1/commerce/products', tag: 'commerce',
 *     permission: 'commerce:products:write', body: 'ProductCreate', response: 'Product',
 *     status: 201, errors: ['duplicate_sku', 'tier_limit_reached'], summary: 'Create a product' }),
 * };
 * ```
 */
export function operation<const O extends Operation>(definition: O): O {
  return definition;
}

/** Every error code `op` can answer, common ones first. */
export function errorsOf(op: Operation): ErrorCode[] {
  const codes: ErrorCode[] = [...COMMON_ERRORS];
  if (op.method !== 'get') codes.push(...WRITE_ERRORS);
  if (op.method === 'post') codes.push(...IDEMPOTENCY_ERRORS);
  codes.push(...(op.errors ?? []));
  return [...new Set(codes)];
}

/** The names of a path's `:params`, in order. */
export type PathParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamName<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The path parameters of `O` as an object. */
export type PathParamsOf<O extends Operation> = { [K in PathParamName<O['path']>]: string };

/** The validated body type of `O` (`undefined` when it takes none). */
export type BodyOf<O extends Operation> = O extends { body: infer B extends SchemaName }
  ? OutputOf<B>
  : undefined;
/** The validated query type of `O` (`undefined` when it takes none). */
export type QueryOf<O extends Operation> = O extends { query: infer Q extends SchemaName }
  ? OutputOf<Q>
  : undefined;
/** The response type of `O`. */
export type ResponseOf<O extends Operation> = OutputOf<O['response']>;

/** The names of a path's parameters at run time, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
}

/** A stable id for an operation: `domain.resource.method`, e.g. `commerce.products.create`. */
export type OperationGroup = Readonly<Record<string, Operation>>;

/**
 * An operation as the client binds it, in a few bytes: `"<method> <path> <flags>"`, the flags
 * being those of `b` (a body), `q` (a query), `l` (a list), `s` (a stream) it has. The client
 * ships these instead of the contract's documentation (`src/routes.ts`, generated from it).
 */
export function routeOf(op: Operation): string {
  const flags = `${op.body ? 'b' : ''}${op.query ? 'q' : ''}${op.list ? 'l' : ''}${op.stream ? 's' : ''}`;
  return flags ? `${op.method} ${op.path} ${flags}` : `${op.method} ${op.path}`;
}
