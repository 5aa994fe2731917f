import { AgentStack, type Session } from '@agentstack/sdk';

/** The API origin: `VITE_AGENTSTACK_API_URL`, else this page's origin (Vite proxies `/v1`). */
export const apiBaseUrl = import.meta.env.VITE_AGENTSTACK_API_URL || window.location.origin;

/**
 * The client of the sign-in page. With a publishable key it may also read the brand; without one
 * it calls only the public sign-in route, so no credential is sent at all.
 */
export function createSignInClient(): AgentStack {
  const publishableKey = import.meta.env.VITE_AGENTSTACK_PUBLISHABLE_KEY;
  if (publishableKey) return new AgentStack({ apiKey: publishableKey, baseUrl: apiBaseUrl });
  return new AgentStack({ apiKey: null, baseUrl: apiBaseUrl });
}

/** The client of a signed-in dashboard user: the session token is the bearer credential. */
export function createSessionClient(token: string): AgentStack {
  return new AgentStack({ apiKey: token, baseUrl: apiBaseUrl });
}

/** What the dashboard keeps of a session: enough to call the API and greet the user. */
export interface StoredSession {
  token: string;
  expiresAt: string;
  tenantId: string;
  user: { id: string; name: string; email: string; role: string };
}

// sessionStorage: the token lives as long as the tab, and is not shared with other tabs.
const STORAGE_KEY = 'dashboard.session';

export function toStoredSession(session: Session): StoredSession {
  const { token, expiresAt, tenantId, user } = session;
  return {
    token,
    expiresAt,
    tenantId,
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
  };
}

export function loadSession(): StoredSession | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession | null): void {
  if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else window.sessionStorage.removeItem(STORAGE_KEY);
}
