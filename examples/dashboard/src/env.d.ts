/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The API origin (without `/v1`). Defaults to the page's own origin, proxied by Vite. */
  readonly VITE_AGENTSTACK_API_URL?: string;
  /** A publishable key (`pk_…`): lets the sign-in page show the tenant's brand. Optional. */
  readonly VITE_AGENTSTACK_PUBLISHABLE_KEY?: string;
  /** Prefill the sign-in form (local demos only). */
  readonly VITE_AGENTSTACK_DEMO_EMAIL?: string;
  readonly VITE_AGENTSTACK_DEMO_PASSWORD?: string;
}
