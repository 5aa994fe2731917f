import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import type { DashboardConfig } from './src/config';

// The dashboard calls the API on its own origin (`/v1/…`); Vite forwards those requests to the
// AgentStack server, in `vite` (dev) and in `vite preview` alike. Point it elsewhere with
// AGENTSTACK_API_URL, or build with VITE_AGENTSTACK_API_URL to call another origin directly (CORS).
const target = process.env.AGENTSTACK_API_URL ?? 'http://127.0.0.1:4000';
const proxy = { '/v1': { target, changeOrigin: true } };

/**
 * What the sign-in page needs before anyone is signed in, read when the page is served (not when
 * it is built): `AGENTSTACK_PUBLISHABLE_KEY` (a `pk_…` key, so the page wears the tenant's brand)
 * and, for local demos only, `AGENTSTACK_DEMO_CREDENTIALS` (the server's `demo-credentials.json`:
 * its sign-ins are offered on the page, and its first tenant's publishable key brands it).
 */
function readConfig(): DashboardConfig {
  const config: DashboardConfig = {};
  const file = process.env.AGENTSTACK_DEMO_CREDENTIALS;
  if (file) {
    config.demo = { file, signIns: [] };
    if (existsSync(file)) {
      const demo = JSON.parse(readFileSync(file, 'utf8')) as {
        tenants: Array<{
          slug: string;
          name: string;
          plans?: { platform?: string };
          publishableKey: string;
          user: { email: string; password: string };
        }>;
        agencyKey?: { agency: { name: string }; secret: string };
      };
      // "Starter · Kiln & Crumb": the tier first, since that is what a demo is choosing.
      config.demo.signIns = demo.tenants.map((t) => ({
        label: t.plans?.platform ? `${t.plans.platform} · ${t.name}` : t.name,
        email: t.user.email,
        password: t.user.password,
      }));
      if (demo.agencyKey) {
        config.demo.agencyKey = {
          label: `Agency · ${demo.agencyKey.agency.name}`,
          key: demo.agencyKey.secret,
        };
      }
      const branded = demo.tenants.find((t) => t.slug === 'growth') ?? demo.tenants[0];
      if (branded) config.publishableKey = branded.publishableKey;
    }
  }
  if (process.env.AGENTSTACK_PUBLISHABLE_KEY) config.publishableKey = process.env.AGENTSTACK_PUBLISHABLE_KEY;
  return config;
}

/** Serves `GET /dashboard-config.json` from {@link readConfig}, in `vite` and `vite preview`. */
function dashboardConfig(): Plugin {
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/dashboard-config.json') return next();
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(readConfig()));
  };
  return {
    name: 'dashboard-config',
    configureServer: (server) => {
      server.middlewares.use(serve);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(serve);
    },
  };
}

export default defineConfig({
  plugins: [react(), dashboardConfig()],
  server: { proxy },
  preview: { proxy },
});
