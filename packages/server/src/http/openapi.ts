import * as contract from '@agentstack/sdk/schemas';
import { z } from 'zod/mini';
import type { RouteSpec } from './route';

type JsonSchema = Record<string, unknown>;
type Schema = z.ZodMiniType;

const NAMES = new Map<unknown, string>();
for (const [name, value] of Object.entries(contract)) {
  if (value && typeof value === 'object' && '_zod' in value) NAMES.set(value, name);
}

function jsonSchema(schema: Schema, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

/**
 * Builds the OpenAPI 3.1 document from the route specs: every request and response schema is
 * the shared zod schema, named after its export in `@agentstack/sdk/schemas` when it has one.
 */
export function buildOpenApi(
  specs: readonly RouteSpec[],
  info: { version: string; serverUrl?: string },
): JsonSchema {
  const components: Record<string, JsonSchema> = { Problem: jsonSchema(contract.Problem, 'output') };
  const ref = (schema: Schema, io: 'input' | 'output'): JsonSchema => {
    const name = NAMES.get(schema);
    if (!name) return jsonSchema(schema, io);
    // Request schemas (`ProductCreate`) and response schemas (`Product`) are distinct exports,
    // so each name is rendered in the one direction it is used in.
    components[name] ??= jsonSchema(schema, io);
    return { $ref: `#/components/schemas/${name}` };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (spec.query) {
      const q = jsonSchema(spec.query, 'input') as {
        properties?: Record<string, JsonSchema>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
      }
    }
    if (spec.method === 'post') {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Makes the request safe to retry: a retry with the same key replays the first response.',
        schema: { type: 'string', maxLength: 255 },
      });
    }
    const operation: Record<string, unknown> = {
      operationId: operationId(spec),
      summary: spec.summary,
      tags: [spec.tag],
      parameters,
      responses: {
        [String(spec.status ?? 200)]: {
          description: spec.summary,
          content: { 'application/json': { schema: ref(spec.response, 'output') } },
        },
        default: {
          description: `An error (RFC 9457). Codes: ${['validation_failed', 'unauthenticated', 'forbidden', 'not_found', ...(spec.errors ?? [])].join(', ')}`,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    };
    if (spec.auth === 'public') operation.security = [];
    // The permission the caller's credential must hold (see ROLE_PERMISSIONS in the catalogue).
    operation['x-agentstack-permission'] = spec.auth;
    if (spec.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: ref(spec.body, 'input') } },
      };
    }
    paths[path] ??= {};
    paths[path][spec.method] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'AgentStack API',
      version: info.version,
      description:
        'Commerce, fintech, social and platform APIs. Errors are RFC 9457 problem+json with a stable `code`.',
    },
    servers: info.serverUrl ? [{ url: info.serverUrl }] : undefined,
    security: [{ bearerAuth: [] }],
    tags: [...new Set(specs.map((s) => s.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'API key, operator key or session token.',
        },
      },
    },
  };
}

function operationId(spec: RouteSpec): string {
  const words = spec.path
    .replace(/^\/v1\//, '')
    .split(/[/-]/)
    .filter((w) => w && !w.startsWith(':'));
  const verb = spec.method === 'get' ? (spec.path.endsWith(':id') ? 'retrieve' : 'list') : spec.method;
  return [verb, ...words].map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}
