import { AgentStack, type Session } from '@agentstack/sdk';

/** The API origin: `VITE_AGENTSTACK_API_URL`, else this page's origin (Vite proxies `/v1`). */
export const apiBaseUrl = import.meta.env.VITE_AGENTSTACK_API_URL || window.location.origin;

/**
 * The client of the sign-in page. With a publishable key it may also read the brand; without one
 * it calls only the public sign-in route, so no credential is sent at all.
 */
export function createSignInClient(publishableKey?: string): AgentStack {
  return new AgentStack({ apiKey: publishableKey ?? null, baseUrl: apiBaseUrl });
}

/** The client of a signed-in user (session token) or of the operator (operator key). */
export function createSessionClient(token: string): AgentStack {
  return new AgentStack({ apiKey: token, baseUrl: apiBaseUrl });
}

/**
 * What the dashboard keeps of a sign-in: enough to call the API and greet the user. `user` is a
 * tenant's dashboard user with a session token; `operator` is the installation's operator, whose
 * bearer is the operator key itself (it sees tenants and agencies, and no tenant's data); `agency`
 * is an agency's console, whose bearer is its agency key (`ag_…`: its own tenants, their keys, its
 * brand and its keys).
 */
export interface StoredSession {
  kind: 'user' | 'operator' | 'agency';
  token: string;
  expiresAt: string;
  tenantId: string | null;
  user: { id: string; name: string; email: string; role: string };
  /** The agency of an `agency` session. */
  agency?: { id: string; name: string };
}

// sessionStorage: the token lives as long as the tab, and is not shared with other tabs.
const STORAGE_KEY = 'dashboard.session';
// Operator and agency keys have no expiry of their own; this tab forgets them after a working day.
const OPERATOR_SESSION_MS = 8 * 60 * 60 * 1000;

export function toStoredSession(session: Session): StoredSession {
  const { token, expiresAt, tenantId, user } = session;
  return {
    kind: 'user',
    token,
    expiresAt,
    tenantId,
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
  };
}

/** A sign-in with the operator key (`op_…`), checked by the caller against the API first. */
export function operatorSession(key: string): StoredSession {
  return {
    kind: 'operator',
    token: key,
    expiresAt: new Date(Date.now() + OPERATOR_SESSION_MS).toISOString(),
    tenantId: null,
    user: { id: 'operator', name: 'Operator', email: '', role: 'operator' },
  };
}

/** A sign-in with an agency key (`ag_…`) of agency `agency`, checked by the caller against the API first. */
export function agencySession(key: string, agency: { id: string; name: string }): StoredSession {
  return {
    kind: 'agency',
    token: key,
    expiresAt: new Date(Date.now() + OPERATOR_SESSION_MS).toISOString(),
    tenantId: null,
    user: { id: agency.id, name: agency.name, email: '', role: 'agency' },
    agency,
  };
}

const KINDS: ReadonlySet<string> = new Set(['user', 'operator', 'agency']);

export function loadSession(): StoredSession | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    if (!KINDS.has(session.kind) || (session.kind === 'agency' && !session.agency)) return null;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession | null): void {
  if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else window.sessionStorage.removeItem(STORAGE_KEY);
}
