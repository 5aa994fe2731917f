import { useCallback, useEffect, useState } from 'react';
import { AcceptInvitationPage, acceptTokenOf } from './AcceptInvitationPage';
import { loadSession, type StoredSession, saveSession } from './api';
import { Dashboard } from './Dashboard';
import { SignInPage } from './SignInPage';

/**
 * Signed out: the sign-in page. Signed in: the dashboard, rebuilt from scratch for each session.
 * An invitation link (`#/accept?token=…`) opens the accept page whoever is signed in.
 */
export function App() {
  const [session, setSession] = useState<StoredSession | null>(loadSession);
  const [acceptToken, setAcceptToken] = useState(() => acceptTokenOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setAcceptToken(acceptTokenOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const signedIn = useCallback((next: StoredSession) => {
    saveSession(next);
    setSession(next);
  }, []);
  const signedOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);
  if (acceptToken) return <AcceptInvitationPage token={acceptToken} onSignedIn={signedIn} />;
  // `key`: a new session gets a new client and an empty cache, so no tenant sees another's data.
  return session ? (
    <Dashboard key={session.token} session={session} onSignedOut={signedOut} />
  ) : (
    <SignInPage onSignedIn={signedIn} />
  );
}
