import { AgentStackProvider, ErrorNotice, themeFromBrand } from '@agentstack/react';
import {
  type AgentStack,
  type Brand,
  isAuthenticationError,
  isRateLimitError,
  isValidationError,
} from '@agentstack/sdk';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { createSignInClient, type StoredSession, toStoredSession } from './api';
import { BrandMark } from './BrandMark';

interface SignInPageProps {
  onSignedIn: (session: StoredSession) => void;
}

/** Email and password → `POST /v1/platform/sessions` → the session token the dashboard uses. */
export function SignInPage({ onSignedIn }: SignInPageProps) {
  const client = useMemo(createSignInClient, []);
  const [brand, setBrand] = useState<Brand | null>(null);
  useEffect(() => {
    // Only a publishable key may read the brand before sign-in; without one the page stays neutral.
    if (!import.meta.env.VITE_AGENTSTACK_PUBLISHABLE_KEY) return;
    const abort = new AbortController();
    client.platform.brand.retrieve({ signal: abort.signal }).then(setBrand, () => {});
    return () => abort.abort();
  }, [client]);
  const theme = useMemo(() => (brand ? themeFromBrand(brand) : undefined), [brand]);
  return (
    <AgentStackProvider client={client} theme={theme} className="app app--centered">
      <SignInForm client={client} brand={brand} onSignedIn={onSignedIn} />
    </AgentStackProvider>
  );
}

function SignInForm({
  client,
  brand,
  onSignedIn,
}: SignInPageProps & { client: AgentStack; brand: Brand | null }) {
  const id = useId();
  const [email, setEmail] = useState(import.meta.env.VITE_AGENTSTACK_DEMO_EMAIL ?? '');
  const [password, setPassword] = useState(import.meta.env.VITE_AGENTSTACK_DEMO_PASSWORD ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const session = await client.platform.sessions.create({ email: email.trim(), password });
      onSignedIn(toStoredSession(session));
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  const message = isAuthenticationError(error)
    ? 'That email and password do not match an account.'
    : isRateLimitError(error)
      ? `Too many attempts. Try again in ${error.retryAfter ?? 60} seconds.`
      : isValidationError(error)
        ? 'Enter a valid email address and your password.'
        : null;

  return (
    <main className="signin as-card">
      {brand ? <BrandMark brand={brand} /> : null}
      <h1 className="signin__title" id={`${id}-title`}>
        Sign in
      </h1>
      <form className="signin__form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
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
    </main>
  );
}
