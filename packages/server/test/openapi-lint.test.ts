// The OpenAPI document is clean under Redocly's `recommended` rules (4xx responses, operation ids,
// servers, tag descriptions, security…), checked with Redocly's own linter.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

async function lint(document: unknown) {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: 'openapi.json',
    config,
  });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? '?'}`);
}

describe('OpenAPI document under Redocly recommended rules', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t?.stop());

  it('finds problems in a document that lacks them (the linter is live)', async () => {
    const bare = {
      openapi: '3.1.0',
      info: { title: 'x', version: '1' },
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } },
    };
    expect((await lint(bare)).length).toBeGreaterThan(0);
  });

  it('reports no warning or error on /openapi.json', async () => {
    const res = await t.request('GET', '/openapi.json');
    expect(await lint(res.body)).toEqual([]);
  });
});
