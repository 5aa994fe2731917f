import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import type { StorefrontConfig } from './src/config';

// The shop calls the API on its own origin (`/v1/…`); Vite forwards those requests to the
// AgentStack server, in `vite` (dev) and `vite preview` alike. Point it elsewhere with
// AGENTSTACK_API_URL, or build with VITE_AGENTSTACK_API_URL to call another origin directly (CORS).
const target = process.env.AGENTSTACK_API_URL ?? 'http://127.0.0.1:4000';
const proxy = { '/v1': { target, changeOrigin: true } };

/**
 * The shop's publishable key (`pk_…`), read when the page is served: `AGENTSTACK_PUBLISHABLE_KEY`,
 * else, on a local demo, the growth tenant's key in `AGENTSTACK_DEMO_CREDENTIALS` (the server's
 * `demo-credentials.json`). A publishable key is public by design: it reads the active catalogue
 * and the brand, and runs carts and checkout — nothing else.
 */
function readConfig(): StorefrontConfig {
  if (process.env.AGENTSTACK_PUBLISHABLE_KEY)
    return { publishableKey: process.env.AGENTSTACK_PUBLISHABLE_KEY };
  const file = process.env.AGENTSTACK_DEMO_CREDENTIALS;
  if (!file || !existsSync(file)) return {};
  const demo = JSON.parse(readFileSync(file, 'utf8')) as {
    tenants: Array<{ slug: string; publishableKey: string }>;
  };
  const tenant = demo.tenants.find((t) => t.slug === 'growth') ?? demo.tenants[0];
  return tenant ? { publishableKey: tenant.publishableKey } : {};
}

/** Serves `GET /storefront-config.json` from {@link readConfig}, in `vite` and `vite preview`. */
function storefrontConfig(): Plugin {
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/storefront-config.json') return next();
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(readConfig()));
  };
  return {
    name: 'storefront-config',
    configureServer: (server) => {
      server.middlewares.use(serve);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(serve);
    },
  };
}

export default defineConfig({
  plugins: [react(), storefrontConfig()],
  server: { proxy },
  preview: { proxy },
});
