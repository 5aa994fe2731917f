/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The API origin (without `/v1`). Defaults to the page's own origin, proxied by Vite. */
  readonly VITE_AGENTSTACK_API_URL?: string;
  /** The tenant's publishable key (`pk_…`), when no `/storefront-config.json` is served. */
  readonly VITE_AGENTSTACK_PUBLISHABLE_KEY?: string;
}
