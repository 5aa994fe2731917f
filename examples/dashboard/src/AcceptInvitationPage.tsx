import { AgentStackProvider, ErrorNotice, MIN_PASSWORD_LENGTH } from '@agentstack/react';
import { isNotFoundError } from '@agentstack/sdk';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { createSignInClient, type StoredSession, toStoredSession } from './api';

/** The invitation token in a `#/accept?token=…` hash, else `null`. */
export function acceptTokenOf(hash: string): string | null {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return path === 'accept' ? new URLSearchParams(query).get('token') : null;
}

interface AcceptInvitationPageProps {
  token: string;
  onSignedIn: (session: StoredSession) => void;
}

/**
 * `#/accept?token=…`: the invitee chooses their password (`POST /v1/platform/invitations/accept`)
 * and is signed in. A used, revoked or expired link says so and asks for a new one.
 */
export function AcceptInvitationPage({ token, onSignedIn }: AcceptInvitationPageProps) {
  const id = useId();
  const client = useMemo(() => createSignInClient(), []);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tooShort, setTooShort] = useState(false);
  useEffect(() => {
    document.title = 'Accept your invitation';
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setPending(true);
    setError(null);
    try {
      const session = await client.platform.invitations.accept({ token, password });
      window.location.hash = '#/overview';
      onSignedIn(toStoredSession(session));
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  return (
    <AgentStackProvider client={client} className="app app--centered signin-page">
      <main className="signin-wrap">
        <div className="signin as-card">
          <h1 className="signin__title" id={`${id}-title`}>
            Accept your invitation
          </h1>
          <form className="signin__form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
            <div className="as-field">
              <label htmlFor={`${id}-password`}>Choose a password</label>
              <input
                id={`${id}-password`}
                className="as-input"
                type="password"
                autoComplete="new-password"
                required
                minLength={MIN_PASSWORD_LENGTH}
                aria-invalid={tooShort || undefined}
                aria-describedby={`${id}-hint`}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <span className="as-field__hint" id={`${id}-hint`}>
                At least {MIN_PASSWORD_LENGTH} characters.
              </span>
            </div>
            {tooShort ? (
              <p className="signin__error" role="alert">
                Use at least {MIN_PASSWORD_LENGTH} characters.
              </p>
            ) : isNotFoundError(error) ? (
              <p className="signin__error" role="alert">
                This invitation link was already used, was revoked or has expired. Ask for a new one.
              </p>
            ) : error ? (
              <ErrorNotice error={error} />
            ) : null}
            <button
              type="submit"
              className="as-button as-button--primary signin__submit"
              aria-busy={pending || undefined}
            >
              {pending ? 'Joining…' : 'Join and sign in'}
            </button>
          </form>
          <a className="as-button as-button--ghost signin__switch" href="#/">
            I already have an account: sign in
          </a>
        </div>
      </main>
    </AgentStackProvider>
  );
}
