import { AgentStackProvider, ErrorNotice, themeFromBrand } from '@agentstack/react';
import {
  type AgentStack,
  type Brand,
  isAuthenticationError,
  isPermissionError,
  isRateLimitError,
  isValidationError,
} from '@agentstack/sdk';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import {
  agencySession,
  createSessionClient,
  createSignInClient,
  operatorSession,
  type StoredSession,
  toStoredSession,
} from './api';
import { BrandMark } from './BrandMark';
import { type DashboardConfig, loadDashboardConfig } from './config';

interface SignInPageProps {
  onSignedIn: (session: StoredSession) => void;
}

/**
 * Email and password → `POST /v1/platform/sessions` → the session token the dashboard uses; or a
 * console key: the installation's operator key (`op_…`), or an agency's key (`ag_…`, which opens
 * that agency's own console), told apart by `GET /v1/platform/me`. With a publishable key in the page's config
 * the page wears the tenant's brand; on a local demo it lists the demo sign-ins and where they are.
 */
export function SignInPage({ onSignedIn }: SignInPageProps) {
  const [config, setConfig] = useState<DashboardConfig | null>(null);
  const [brand, setBrand] = useState<Brand | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    loadDashboardConfig(abort.signal).then(async (loaded) => {
      if (abort.signal.aborted) return;
      // Only a publishable key may read the brand before sign-in; without one the page stays neutral.
      if (loaded.publishableKey) {
        const branded = await createSignInClient(loaded.publishableKey)
          .platform.brand.retrieve({ signal: abort.signal })
          .catch(() => null);
        if (!abort.signal.aborted) setBrand(branded);
      }
      if (!abort.signal.aborted) setConfig(loaded);
    });
    return () => abort.abort();
  }, []);
  const client = useMemo(() => createSignInClient(), []);
  const theme = useMemo(() => (brand ? themeFromBrand(brand) : undefined), [brand]);
  useEffect(() => {
    document.title = brand ? `Sign in · ${brand.name}` : 'Sign in';
  }, [brand]);
  if (!config) {
    return (
      <div className="app-loading" role="status">
        Loading…
      </div>
    );
  }
  return (
    <AgentStackProvider client={client} theme={theme} className="app app--centered signin-page">
      <main className="signin-wrap">
        <SignInForm client={client} brand={brand} onSignedIn={onSignedIn} demo={config.demo} />
      </main>
    </AgentStackProvider>
  );
}

/** A valid key that opens no console (a tenant's `sk_…`): refused like an unknown one. */
class NotAConsoleKey extends Error {}

function SignInForm({
  client,
  brand,
  demo,
  onSignedIn,
}: SignInPageProps & { client: AgentStack; brand: Brand | null; demo: DashboardConfig['demo'] }) {
  const id = useId();
  const [mode, setMode] = useState<'user' | 'operator'>('user');
  const [email, setEmail] = useState(import.meta.env.VITE_AGENTSTACK_DEMO_EMAIL ?? '');
  const [password, setPassword] = useState(import.meta.env.VITE_AGENTSTACK_DEMO_PASSWORD ?? '');
  const [operatorKey, setOperatorKey] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      if (mode === 'operator') {
        const key = operatorKey.trim();
        // Which console: the operator's, or an agency's (its own tenants, keys and brand only).
        const keyClient = createSessionClient(key);
        const me = await keyClient.platform.me.retrieve();
        if (me.kind === 'operator') onSignedIn(operatorSession(key));
        else if (me.kind === 'agency_key' && me.agencyId) {
          const agency = await keyClient.platform.agencies.retrieve(me.agencyId);
          onSignedIn(agencySession(key, { id: agency.id, name: agency.name }));
        } else throw new NotAConsoleKey();
      } else {
        const session = await client.platform.sessions.create({ email: email.trim(), password });
        onSignedIn(toStoredSession(session));
      }
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  const message =
    isAuthenticationError(error) ||
    (mode === 'operator' && (isPermissionError(error) || error instanceof NotAConsoleKey))
      ? mode === 'operator'
        ? 'That is not an operator or agency key of this installation.'
        : 'That email and password do not match an account.'
      : isRateLimitError(error)
        ? `Too many attempts. Try again in ${error.retryAfter ?? 60} seconds.`
        : isValidationError(error)
          ? 'Enter a valid email address and your password.'
          : null;

  return (
    <>
      <div className="signin as-card">
        {brand ? <BrandMark brand={brand} /> : null}
        <h1 className="signin__title" id={`${id}-title`}>
          {mode === 'operator' ? 'Console sign-in' : brand ? `Sign in to ${brand.name}` : 'Sign in'}
        </h1>
        <form className="signin__form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
          {mode === 'operator' ? (
            <div className="as-field">
              <label htmlFor={`${id}-key`}>Operator or agency key</label>
              <input
                id={`${id}-key`}
                className="as-input"
                type="password"
                autoComplete="off"
                placeholder="op_… or ag_…"
                required
                value={operatorKey}
                onChange={(e) => setOperatorKey(e.target.value)}
              />
            </div>
          ) : (
            <>
              <div className="as-field">
                <label htmlFor={`${id}-email`}>Email</label>
                <input
                  id={`${id}-email`}
                  className="as-input"
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              </div>
              <div className="as-field">
                <label htmlFor={`${id}-password`}>Password</label>
                <input
                  id={`${id}-password`}
                  className="as-input"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </div>
            </>
          )}
          {message ? (
            <p className="signin__error" role="alert">
              {message}
            </p>
          ) : error ? (
            <ErrorNotice error={error} />
          ) : null}
          <button
            type="submit"
            className="as-button as-button--primary signin__submit"
            aria-busy={pending || undefined}
          >
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <button
          type="button"
          className="as-button as-button--ghost signin__switch"
          onClick={() => {
            setMode(mode === 'operator' ? 'user' : 'operator');
            setError(null);
          }}
        >
          {mode === 'operator' ? 'Sign in with email instead' : 'Operator or agency? Sign in with a key'}
        </button>
      </div>
      {demo ? (
        <section className="signin as-card signin-demo" aria-labelledby={`${id}-demo`}>
          <h2 className="signin__subtitle" id={`${id}-demo`}>
            Demo sign-ins
          </h2>
          {demo.signIns.length > 0 ? (
            <ul className="signin-demo__list">
              {demo.signIns.map((s) => (
                <li key={s.email}>
                  <button
                    type="button"
                    className="as-button as-button--secondary signin-demo__pick"
                    onClick={() => {
                      setMode('user');
                      setEmail(s.email);
                      setPassword(s.password);
                    }}
                  >
                    {s.label}
                    <span className="signin-demo__email">{s.email}</span>
                  </button>
                </li>
              ))}
              {demo.agencyKey ? (
                <li>
                  <button
                    type="button"
                    className="as-button as-button--secondary signin-demo__pick"
                    onClick={() => {
                      setMode('operator');
                      setOperatorKey(demo.agencyKey?.key ?? '');
                      setError(null);
                    }}
                  >
                    {demo.agencyKey.label}
                    <span className="signin-demo__email">agency key</span>
                  </button>
                </li>
              ) : null}
            </ul>
          ) : null}
          <p className="signin-demo__where">
            {demo.signIns.length > 0
              ? 'Passwords and the operator and agency keys are in '
              : 'No demo sign-ins were found in '}
            <code>{demo.file}</code>
            {demo.signIns.length > 0
              ? ' (npm start prints them too).'
              : '. Delete the data folder and start again to create fresh demo data.'}
          </p>
        </section>
      ) : null}
    </>
  );
}
