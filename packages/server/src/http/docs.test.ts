import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness';
import { DOCS_SCRIPT_PATH } from './docs';

// The reference is the same on both databases: PGlite only.
describe('the API reference and the home page', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t?.stop());

  it('answers GET / with where to go next: JSON for clients, a page for browsers', async () => {
    const json = await t.request('GET', '/');
    expect(json.status).toBe(200);
    expect(json.body.links).toMatchObject({ docs: '/docs', openapi: '/openapi.json' });
    const page = await fetch(`${t.url}/`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('href="/docs"');
    expect(html).toContain('href="/openapi.json"');
  });

  it('serves /docs as a page that loads only this server’s assets and reads /openapi.json', async () => {
    const res = await fetch(`${t.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toContain(DOCS_SCRIPT_PATH);
    for (const ref of refs) expect(ref).toMatch(/^\/(?!\/)/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('"url":"/openapi.json"');
    // No web fonts, no telemetry: the page works offline.
    expect(html).toContain('"withDefaultFonts":false');
    expect(html).toContain('"telemetry":false');
  });

  it('serves the renderer from the installed package, gzipped and cacheable', async () => {
    const res = await fetch(`${t.url}${DOCS_SCRIPT_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toContain('max-age=');
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"scalar-/);
    const script = await res.text();
    expect(script).toContain('@scalar/api-reference');
    expect(script).toContain('createApiReference');

    const raw = await t.request('GET', DOCS_SCRIPT_PATH, { headers: { 'accept-encoding': 'gzip' } });
    expect(raw.headers.get('content-encoding')).toBe('gzip');

    const again = await fetch(`${t.url}${DOCS_SCRIPT_PATH}`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});
