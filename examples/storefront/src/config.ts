/** What the shop needs before it starts, served as `/storefront-config.json` (or built in). */
export interface StorefrontConfig {
  /** The tenant's publishable key (`pk_…`). */
  publishableKey?: string;
}

/** Reads `/storefront-config.json`; a host without one gets the build-time value (`VITE_…`). */
export async function loadStorefrontConfig(signal?: AbortSignal): Promise<StorefrontConfig> {
  const fromBuild: StorefrontConfig = import.meta.env.VITE_AGENTSTACK_PUBLISHABLE_KEY
    ? { publishableKey: import.meta.env.VITE_AGENTSTACK_PUBLISHABLE_KEY }
    : {};
  try {
    const res = await fetch('/storefront-config.json', { signal, headers: { Accept: 'application/json' } });
    if (!res.ok || !res.headers.get('content-type')?.includes('json')) return fromBuild;
    return { ...fromBuild, ...((await res.json()) as StorefrontConfig) };
  } catch {
    return fromBuild;
  }
}
