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

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** A self-contained HTML API reference rendered from the OpenAPI document (no CDN needed). */
export function renderDocs(doc: JsonSchema): string {
  const paths = doc.paths as Record<
    string,
    Record<
      string,
      { summary: string; tags: string[]; requestBody?: unknown; responses: Record<string, unknown> }
    >
  >;
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags[0] ?? 'other';
      const body = op.requestBody
        ? `<details><summary>Request body</summary><pre>${esc(JSON.stringify(op.requestBody, null, 2))}</pre></details>`
        : '';
      const resp = `<details><summary>Responses</summary><pre>${esc(JSON.stringify(op.responses, null, 2))}</pre></details>`;
      const html = `<section class="op"><h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3><p>${esc(op.summary)}</p>${body}${resp}</section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
  const sections = [...byTag]
    .map(([tag, ops]) => `<h2 id="${esc(tag)}">${esc(tag)}</h2>${ops.join('')}`)
    .join('');
  const schemaHtml = Object.entries(schemas)
    .map(
      ([name, s]) =>
        `<details id="schema-${esc(name)}"><summary>${esc(name)}</summary><pre>${esc(JSON.stringify(s, null, 2))}</pre></details>`,
    )
    .join('');
  const info = doc.info as { title: string; version: string; description: string };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(info.title)} reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1b1f24}h2{border-bottom:1px solid #ddd;text-transform:capitalize;margin-top:2.5rem}.op{border:1px solid #e3e5e8;border-radius:8px;padding:.5rem 1rem;margin:.75rem 0}.op h3{margin:.25rem 0;font-size:1rem}.m{display:inline-block;min-width:4.5em;text-align:center;border-radius:4px;color:#fff;font-size:.75rem;padding:2px 6px}.m-get{background:#2563eb}.m-post{background:#16a34a}.m-patch{background:#d97706}.m-delete{background:#dc2626}pre{background:#f6f8fa;padding:.75rem;overflow:auto;font-size:12px}summary{cursor:pointer;color:#444}</style></head>
<body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)} The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.</p>
<nav>${[...byTag.keys()].map((t) => `<a href="#${esc(t)}">${esc(t)}</a>`).join(' · ')}</nav>${sections}<h2 id="schemas">schemas</h2>${schemaHtml}</body></html>`;
}
