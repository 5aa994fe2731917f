/**
 * What the sign-in page may know before anyone signs in, served as `/dashboard-config.json` (by
 * `vite.config.ts` in `vite` and `vite preview`; a static host serves a file of the same shape).
 */
export interface DashboardConfig {
  /** A publishable key (`pk_…`): the sign-in page reads the tenant's brand with it. */
  publishableKey?: string;
  /** Local demos only: where the demo sign-ins are, and the sign-ins themselves. */
  demo?: {
    /** The server's `demo-credentials.json`. */
    file: string;
    signIns: Array<{ label: string; email: string; password: string }>;
    /** The demo agency's key: its console (its own tenants, their keys, its brand). */
    agencyKey?: { label: string; key: string };
  };
}

/** Reads `/dashboard-config.json`; a host without one gets the build-time values (`VITE_…`). */
export async function loadDashboardConfig(signal?: AbortSignal): Promise<DashboardConfig> {
  const fromBuild: DashboardConfig = import.meta.env.VITE_AGENTSTACK_PUBLISHABLE_KEY
    ? { publishableKey: import.meta.env.VITE_AGENTSTACK_PUBLISHABLE_KEY }
    : {};
  try {
    const res = await fetch('/dashboard-config.json', { signal, headers: { Accept: 'application/json' } });
    if (!res.ok || !res.headers.get('content-type')?.includes('json')) return fromBuild;
    return { ...fromBuild, ...((await res.json()) as DashboardConfig) };
  } catch {
    return fromBuild;
  }
}
