import { allOperations, errorsOf, type Operation } from '@agentstack/sdk/contract';
import { ERROR_STATUS, PROBLEM_TITLES, Problem, schemaRegistry } from '@agentstack/sdk/schemas';
import * as z from 'zod/mini';

type JsonSchema = Record<string, unknown>;
type Schema = z.ZodMiniType;

function jsonSchema(schema: Schema, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** What each domain's section of the reference is about. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  platform:
    'Identity, plans and entitlements, tenants and agencies (operator keys), API keys, dashboard users and sessions.',
  commerce: 'The catalogue: products today; variants, inventory, carts, checkout and orders next.',
  fintech: 'Accounts, ledgers, transfers and compliance.',
  social: 'Profiles, feeds, messaging and moderation.',
  realtime:
    'The live event stream (Server-Sent Events) of the tenant: topics, resumption with `Last-Event-ID`, short-lived tokens for browsers.',
};

/** Options of {@link buildOpenApi}. */
export interface OpenApiInfo {
  version: string;
  /** The server's public URL for `servers`; defaults to a relative `/` (the origin serving the document). */
  serverUrl?: string;
}

/**
 * Builds the OpenAPI 3.1 document from the contract's operations: every request and response
 * schema is the shared zod schema, named after its key in the registry; every operation lists
 * the problem responses its error codes can produce.
 */
export function buildOpenApi(operations: readonly Operation[], info: OpenApiInfo): JsonSchema {
  const components: Record<string, JsonSchema> = { Problem: jsonSchema(Problem, 'output') };
  const ref = (name: keyof typeof schemaRegistry, io: 'input' | 'output'): JsonSchema => {
    // Request schemas (`ProductCreate`) and response schemas (`Product`) are distinct names,
    // so each is rendered in the one direction it is used in.
    components[name] ??= jsonSchema(schemaRegistry[name], io);
    return { $ref: `#/components/schemas/${name}` };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [...op.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      description: "The object's id.",
      schema: { type: 'string' },
    }));
    if (op.query) {
      const q = jsonSchema(schemaRegistry[op.query], 'input') as {
        properties?: Record<string, JsonSchema>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        const { description, ...rest } = schema as { description?: string };
        parameters.push({
          name,
          in: 'query',
          required: q.required?.includes(name) ?? false,
          ...(description ? { description } : {}),
          schema: rest,
        });
      }
    }
    if (op.stream) {
      parameters.push({
        name: 'Last-Event-ID',
        in: 'header',
        required: false,
        description:
          'Resumes after this event (its `id`, a sequence number): sent by `EventSource` on reconnection.',
        schema: { type: 'string', pattern: '^\\d{1,15}$' },
      });
    }
    if (op.cartToken) {
      parameters.push({
        name: 'AgentStack-Cart-Token',
        in: 'header',
        required: false,
        description:
          "The cart's token, answered once when it was created: required of a publishable key (without it, or with another cart's, the cart answers 404).",
        schema: { type: 'string', maxLength: 100 },
      });
    }
    if (op.method === 'post') {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Makes the request safe to retry: a retry with the same key replays the first response.',
        schema: { type: 'string', maxLength: 255 },
      });
    }
    const status = String(op.status ?? 200);
    const operation: Record<string, unknown> = {
      operationId: operationId(op),
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      parameters,
      responses: {
        [status]: op.stream
          ? {
              description: `A stream of Server-Sent Events; each event's \`data\` is a \`${op.response}\` (JSON).`,
              content: {
                // The schema of each message's data (what OpenAPI 3.2 calls `itemSchema`).
                'text/event-stream': { schema: ref(op.response, 'output') },
              },
            }
          : {
              description: status === '201' ? 'Created' : 'OK',
              content: { 'application/json': { schema: ref(op.response, 'output') } },
            },
        ...problemResponses(op),
      },
      // The permission the caller's credential must hold (see ROLE_PERMISSIONS in the catalogue).
      'x-agentstack-permission': op.permission,
    };
    if (op.permission === 'public') operation.security = [{}, { bearerAuth: [] }];
    if (op.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: ref(op.body, 'input') } },
      };
    }
    paths[path] ??= {};
    paths[path][op.method] = operation;
  }

  const tags = [...new Set(operations.map((op) => op.tag))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'AgentStack API',
      version: info.version,
      description:
        'Commerce, fintech, social and platform APIs. JSON in camelCase, cursor-paginated lists, ' +
        'idempotent POSTs (`Idempotency-Key`), and errors as RFC 9457 problem+json with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: info.serverUrl ?? '/', description: 'This server' }],
    security: [{ bearerAuth: [] }],
    tags: tags.map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A secret key (`sk_…`, servers), a publishable key (`pk_…`, browsers), an operator key (`op_…`) or a session token (`sess_…`).',
        },
      },
    },
  };
}

/** One problem response per status the operation's error codes can produce, listing the codes. */
function problemResponses(op: Operation): Record<string, unknown> {
  const byStatus = new Map<number, string[]>();
  for (const code of errorsOf(op)) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, unknown> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = {
      description: `${PROBLEM_TITLES[status] ?? 'Error'}: ${codes.map((c) => `\`${c}\``).join(', ')}.`,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return out;
}

const OPERATION_IDS = new Map<Operation, string>(
  allOperations().map(({ id, operation }) => [
    operation,
    id.replace(/\.(\w)/g, (_, ch: string) => ch.toUpperCase()),
  ]),
);

/** `commerce.products.create` → `commerceProductsCreate`: the SDK method's path, camel-cased. */
function operationId(op: Operation): string {
  const id = OPERATION_IDS.get(op);
  if (!id) throw new Error(`${op.method.toUpperCase()} ${op.path} is not in the contract`);
  return id;
}
