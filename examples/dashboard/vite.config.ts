import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard calls the API on its own origin (`/v1/…`); Vite forwards those requests to the
// AgentStack server, in `vite` (dev) and in `vite preview` alike. Point it elsewhere with
// AGENTSTACK_API_URL, or build with VITE_AGENTSTACK_API_URL to call another origin directly (CORS).
const target = process.env.AGENTSTACK_API_URL ?? 'http://127.0.0.1:4000';
const proxy = { '/v1': { target, changeOrigin: true } };

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
});
