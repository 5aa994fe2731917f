import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Where the API reference's script is served, under `/docs`. */
export const DOCS_SCRIPT_PATH = '/docs/assets/api-reference.js';

// Scalar's standalone bundle (browser-only, self-contained). The build copies it into
// dist/docs/ (scripts/copy-docs-assets.mjs), so the published package carries it without
// Scalar's own dependency tree; from src (tests before a build) it comes from the devDependency.
const BUNDLE_CANDIDATES = ['./docs/api-reference.js', '../../dist/docs/api-reference.js'];

/** The renderer's script: its bytes, gzipped, and a validator for caching. Read once, on first request. */
export interface DocsAsset {
  body: Uint8Array<ArrayBuffer>;
  gzipped: Uint8Array<ArrayBuffer>;
  etag: string;
}

let asset: DocsAsset | null | undefined;

/** Scalar's standalone bundle as shipped with this package, or `null` if it is missing. */
export function docsAsset(): DocsAsset | null {
  if (asset !== undefined) return asset;
  asset = null;
  const file = findBundle();
  if (file) {
    const body = new Uint8Array(readFileSync(file));
    // The bundle names its version in its banner; that is a stable validator across restarts.
    const version = /@scalar\/api-reference (\S+)/.exec(
      new TextDecoder().decode(body.subarray(0, 1024)),
    )?.[1];
    asset = {
      body,
      gzipped: new Uint8Array(gzipSync(body, { level: 9 })),
      etag: `"scalar-${version ?? body.length}"`,
    };
  }
  return asset;
}

function findBundle(): string | undefined {
  for (const candidate of BUNDLE_CANDIDATES) {
    try {
      const file = fileURLToPath(new URL(candidate, import.meta.url));
      if (existsSync(file)) return file;
    } catch {
      // not a file URL (bundled elsewhere)
    }
  }
  try {
    return createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
  } catch {
    return undefined;
  }
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/**
 * The API reference page: Scalar's renderer, loaded from this server (no CDN, works offline),
 * reading `/openapi.json`. "Try it" sends requests straight to this server; nothing else is
 * contacted (no web fonts, no proxy, no telemetry, no AI agent).
 */
export function renderDocs(title: string): string {
  const configuration = {
    url: '/openapi.json',
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    showDeveloperTools: 'never',
    hideClientButton: false,
    documentDownloadType: 'json',
    defaultOpenAllTags: false,
    persistAuth: true,
  };
  // JSON inside a <script> must not close the element.
  const json = JSON.stringify(configuration).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} reference</title>
<style>body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}</style>
</head>
<body>
<div id="reference"><noscript>The reference needs JavaScript. The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.</noscript></div>
<script src="${DOCS_SCRIPT_PATH}"></script>
<script>Scalar.createApiReference('#reference', ${json});</script>
</body>
</html>
`;
}

/** The page at `/` for browsers: where the reference, the OpenAPI document and health live. */
export function renderHome(version: string): string {
  const links = [
    ['/docs', 'API reference'],
    ['/openapi.json', 'OpenAPI document'],
    ['/healthz', 'Health'],
  ]
    .map(([href, label]) => `<li><a href="${href}">${label}</a> <code>${href}</code></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>AgentStack API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}code{color:#57606a}</style></head>
<body><h1>AgentStack API</h1><p>Version ${esc(version)}. The endpoints live under <code>/v1</code> and take <code>Authorization: Bearer &lt;key&gt;</code>.</p><ul>${links}</ul></body>
</html>
`;
}
