import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, DATABASES, startTestServer, type TestServer } from './harness';

/**
 * Property-based fuzz of every operation in the server's own /openapi.json: write bodies are
 * generated from each operation's request schema, then mutated the way an attacker would (NUL,
 * lone surrogates, control characters, huge strings and numbers, wrong types, deep nesting,
 * unknown fields, broken JSON, other media types, hostile path ids and idempotency keys); read
 * queries from each operation's query parameters, mutated the same way. All go to a real server. Every answer must be below 500, and every 4xx a problem+json with its
 * code. Operations added later are fuzzed without anyone listing them. Fixed seed, bounded runs.
 */

const SEED = 20261130;
const RUNS_PER_OPERATION = 50;
const RUNS_PER_READ = 25;

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
};

interface Operation {
  method: string;
  path: string;
  permission: string;
  body?: Schema;
  /** Query parameters and their schemas (reads). */
  query?: Record<string, Schema>;
}

// Values that pass common rules, so that generated bodies also get past validation and reach the
// services and the database (a fuzzer's dictionary). Each is used only where its schema allows it.
const DICTIONARY = [
  'EUR',
  'USD',
  'JPY',
  'https://cdn.example.com/a.png',
  'http://localhost:3000/logo.svg',
  'starter',
  'growth',
  'commerce_growth',
  'commerce_advanced_analytics',
  'SKU-1',
  '#336699',
  'correct horse battery',
];

const HOSTILE_STRINGS: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '\u0007bell',
  '\u001b[31m',
  '😀'.repeat(100),
  '€'.repeat(3000),
  'a'.repeat(100_000),
  ' ',
  '',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'ZZZ',
  '1e1',
  '__proto__',
  "'; drop table products; --",
  '%00',
  '../../etc/passwd',
];

const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  1e308,
  -1e308,
  2 ** 53 + 2,
  -1,
  0.5,
  -0,
  1e21,
  true,
  false,
  null,
  [],
  {},
  [1, 'two', null],
  { a: { b: { c: {} } } },
];

function deepArray(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Raw bodies that are not what JSON.stringify would send. */
const HOSTILE_RAW = [
  '{"title":',
  '{"a":1,"a":2}',
  '\ufeff{}',
  'null',
  '"just a string"',
  '12345678901234567890',
  deepArray(5000),
  `{"x":${deepArray(3000)}}`,
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `{"title":"${'\\ud800'}"}`,
  `${' '.repeat(10_000)}{}`,
  `{"metadata":{${Array.from({ length: 6000 }, (_, i) => `"k${i}":"v"`).join(',')}}}`,
];

function resolver(components: Record<string, Schema>) {
  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolve(target);
  };
  return resolve;
}

/** An arbitrary of values that satisfy `schema` most of the time. */
function arbitraryOf(schema: Schema, resolve: (s: Schema) => Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => arbitraryOf(a, resolve, depth + 1)));
  if (s.allOf?.length) return arbitraryOf(s.allOf[0]!, resolve, depth + 1);
  switch (s.type) {
    case 'string':
      return stringOf(s);
    case 'integer': {
      const min = Math.max(s.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER);
      const max = Math.min(s.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryOf(s.items ?? {}, resolve, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    case 'object': {
      if (s.properties) {
        const props: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries(s.properties))
          props[key] = arbitraryOf(value, resolve, depth + 1);
        return fc.record(props, { requiredKeys: (s.required ?? []) as never[] });
      }
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        return fc.dictionary(
          stringOf(
            s.propertyNames ? resolve(s.propertyNames) : { type: 'string', minLength: 1, maxLength: 20 },
          ) as fc.Arbitrary<string>,
          arbitraryOf(s.additionalProperties, resolve, depth + 1),
          { maxKeys: 4 },
        );
      }
      return fc.constant({});
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(s: Schema): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
  const pattern = s.pattern ? new RegExp(s.pattern, 'u') : undefined;
  const fits = (v: string) =>
    v.length >= min && v.length <= (s.maxLength ?? Infinity) && (!pattern || pattern.test(v));
  const known = DICTIONARY.filter(fits);
  const options: fc.Arbitrary<unknown>[] = [];
  if (s.format === 'email')
    options.push(
      fc.emailAddress(),
      fc.nat().map((n) => `fuzz.${n}@example.com`),
    );
  else if (s.format === 'uri') options.push(fc.webUrl({ validSchemes: ['https'] }));
  else if (s.format === 'date-time')
    options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  else if (pattern) options.push(fc.stringMatching(new RegExp(s.pattern!)).filter(fits));
  else options.push(fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }));
  if (known.length) options.push(fc.constantFrom(...known));
  return fc.oneof(...options);
}

type Path = Array<string | number>;

/** Every place in `value` a mutation may target: the value itself, then each nested member. */
function placesIn(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) placesIn(v, [...path, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) placesIn(v, [...path, k], out);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

type Mutation =
  | { kind: 'none' }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'extra'; at: number; key: string; value: unknown }
  | { kind: 'raw'; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(),
      value: fc.oneof(
        fc.constantFrom(...HOSTILE_VALUES),
        fc.jsonValue({ maxDepth: 3 }),
        fc.string({ unit: 'binary' }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      at: fc.nat(),
      key: fc.constantFrom('__proto__', 'constructor', 'id', 'tenantId', 'x', 'toString', ''),
      value: fc.constantFrom(...HOSTILE_VALUES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.constantFrom(...HOSTILE_RAW) }),
  },
);

function applyMutation(body: unknown, m: Mutation): string {
  if (m.kind === 'raw') return m.text;
  if (m.kind === 'none') return JSON.stringify(body);
  const places = placesIn(body);
  const path = places[m.at % places.length]!;
  if (m.kind === 'replace') return JSON.stringify(setAt(body, path, m.value));
  // An extra member goes into the object at `path`, or beside it when that is not an object.
  let target = path;
  let node: unknown = body;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  if (!node || typeof node !== 'object' || Array.isArray(node)) {
    target = [];
    node = body;
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) return JSON.stringify(body);
  // JSON text, so that `__proto__` stays an own member as it would on the wire.
  const inner = JSON.stringify(node);
  const member = `${JSON.stringify(m.key)}:${JSON.stringify(m.value)}`;
  const extended = inner === '{}' ? `{${member}}` : `${inner.slice(0, -1)},${member}}`;
  if (target.length === 0) return extended;
  const marker = '"\u0001fuzz-marker\u0001"';
  return JSON.stringify(setAt(body, target, '\u0001fuzz-marker\u0001')).replace(marker, extended);
}

const pathIdArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ pool: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ raw: 'prod_0123456789ABCDEFGHJKMNPQ' }) },
  {
    weight: 2,
    arbitrary: fc.record({ raw: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => typeof s === 'string')) }),
  },
  { weight: 1, arbitrary: fc.record({ raw: fc.string({ unit: 'binary', maxLength: 300 }) }) },
);

const headerArb = fc.record({
  idempotencyKey: fc.option(
    fc.oneof(fc.uuid(), fc.constant('k'.repeat(300)), fc.string({ unit: 'grapheme-ascii', maxLength: 40 })),
    { nil: undefined, freq: 3 },
  ),
  contentType: fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
      ),
    },
  ),
});

async function firstChunk(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(value);
}

function encodeSegment(raw: string): string {
  try {
    return encodeURIComponent(raw);
  } catch {
    return '%ED%A0%80'; // a lone surrogate has no UTF-8 encoding: its CESU-8 bytes instead
  }
}

describe.each(DATABASES)('fuzz of every write operation on %s', (kind) => {
  let t: TestServer;
  let secretKey: string;
  let operations: Operation[] = [];
  const reads: Operation[] = [];
  let resolve: (s: Schema) => Schema;
  const pools = new Map<string, string[]>();
  const statuses = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    t = await startTestServer(kind);
    ({ secretKey } = await createTenant(t, {
      subscription: { platform: 'scale', commerce: 'commerce_enterprise', fintech: null, social: null },
    }));
    const doc = (await t.request('GET', '/openapi.json')).body;
    resolve = resolver(doc.components.schemas);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (method === 'get') {
          const query: Record<string, Schema> = {};
          for (const p of op.parameters ?? []) if (p.in === 'query') query[p.name] = p.schema;
          reads.push({ method: 'GET', path, permission: op['x-agentstack-permission'], query });
        }
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        operations.push({
          method: method.toUpperCase(),
          path,
          permission: op['x-agentstack-permission'],
          body: op.requestBody?.content?.['application/json']?.schema,
        });
      }
    }
    // Sign-outs would end nothing here (a secret key is no session), and revoking the fuzz's own
    // credentials is covered: keys it creates land in the pool it revokes from.
    operations = operations.filter(
      (op) => op.path !== '/v1/platform/sessions/current' || op.method !== 'DELETE',
    );
  });
  afterAll(async () => {
    const summary = Object.fromEntries(
      [...statuses].map(([op, counts]) => [op, Object.fromEntries([...counts].sort(([a], [b]) => a - b))]),
    );
    console.log(`fuzz on ${kind}: ${JSON.stringify(summary)}`);
    await t?.stop();
  });

  it('covers every write operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15);
    expect(operations.some((op) => op.path === '/v1/commerce/products' && op.method === 'POST')).toBe(true);
  });

  /** `path` with its `{id}` filled from the ids created so far, or a hostile string. */
  const concretePath = (path: string, id: { pool: number } | { raw: string }) => {
    if (!path.includes('{')) return path;
    const pool = pools.get(path.split('/{')[0]!) ?? [];
    const raw = 'pool' in id ? (pool.length ? pool[id.pool % pool.length]! : 'none') : id.raw;
    return path.replace(/\{[^}]+\}/g, encodeSegment(raw));
  };

  /** Sends a request and holds its answer to the rules: below 500, every 4xx a problem. */
  const check = async (op: Operation, url: string, init: RequestInit, sent = '') => {
    const res = await fetch(url, init);
    // A stream (Server-Sent Events) that opened never ends: its first bytes are enough.
    const streaming = res.ok && res.headers.get('content-type')?.startsWith('text/event-stream');
    const answer = streaming ? await firstChunk(res) : await res.text();
    const key = `${op.method} ${op.path}`;
    const counts = statuses.get(key) ?? new Map<number, number>();
    statuses.set(key, counts);
    counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
    const where = `${op.method} ${url.slice(t.url.length).slice(0, 300)} ${sent.slice(0, 300)} → ${res.status} ${answer.slice(0, 300)}`;
    expect(res.status, where).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.headers.get('content-type'), where).toContain('application/problem+json');
      const problem = JSON.parse(answer);
      expect(typeof problem.code, where).toBe('string');
      expect(problem.status, where).toBe(res.status);
    }
    return { status: res.status, answer };
  };

  it('answers every generated and mutated write below 500, every 4xx as problem+json', async () => {
    for (const op of operations) {
      const token = op.permission === 'operator' ? t.operatorKey : secretKey;
      const bodyArb = op.body ? arbitraryOf(op.body, resolve) : fc.constant(undefined);
      await fc.assert(
        fc.asyncProperty(bodyArb, mutationArb, pathIdArb, headerArb, async (body, mutation, id, headers) => {
          const text =
            body === undefined && mutation.kind === 'none' ? undefined : applyMutation(body ?? {}, mutation);
          const requestHeaders: Record<string, string> = { authorization: `Bearer ${token}` };
          if (text !== undefined) requestHeaders['content-type'] = headers.contentType;
          if (headers.idempotencyKey !== undefined && op.method === 'POST')
            requestHeaders['idempotency-key'] = headers.idempotencyKey;
          const url = `${t.url}${concretePath(op.path, id)}`;
          const { status, answer } = await check(
            op,
            url,
            { method: op.method, headers: requestHeaders, body: text },
            text,
          );
          // Ids of created objects feed the path parameters of later operations on them.
          if (status < 400 && op.method === 'POST' && !op.path.includes('{')) {
            const created = JSON.parse(answer);
            if (typeof created.id === 'string')
              pools.set(op.path, [...(pools.get(op.path) ?? []), created.id]);
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }
  }, 900_000);

  it('answers every generated and mutated read below 500, every 4xx as problem+json', async () => {
    expect(reads.length).toBeGreaterThanOrEqual(8);
    for (const op of reads) {
      const token = op.permission === 'operator' ? t.operatorKey : secretKey;
      const params: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, schema] of Object.entries(op.query ?? {}))
        params[name] = arbitraryOf(schema, resolve);
      const queryArb = fc.record(params, { requiredKeys: [] });
      const queryMutation = fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        {
          weight: 4,
          arbitrary: fc.record({
            name: fc.constantFrom(
              ...Object.keys(op.query ?? {}),
              'limit',
              'startingAfter',
              'bogus',
              '__proto__',
            ),
            value: fc.oneof(
              fc.constantFrom(...HOSTILE_STRINGS.filter((v): v is string => typeof v === 'string')),
              fc.constantFrom('1e1', '0x10', ' 5', '+5', '-1', '5.0', '101', '99999999999999999999'),
              fc.string({ unit: 'binary', maxLength: 50 }),
            ),
          }),
        },
      );
      await fc.assert(
        fc.asyncProperty(queryArb, queryMutation, pathIdArb, async (query, mutation, id) => {
          const search = new URLSearchParams();
          for (const [name, value] of Object.entries(query)) search.set(name, String(value));
          if (mutation) search.set(mutation.name, mutation.value);
          const qs = search.toString();
          const url = `${t.url}${concretePath(op.path, id)}${qs ? `?${qs}` : ''}`;
          await check(op, url, { headers: { authorization: `Bearer ${token}` } });
        }),
        { seed: SEED, numRuns: RUNS_PER_READ, endOnFailure: true },
      );
    }
  }, 900_000);
});
