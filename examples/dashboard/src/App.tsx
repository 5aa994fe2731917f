import { useCallback, useState } from 'react';
import { loadSession, type StoredSession, saveSession } from './api';
import { Dashboard } from './Dashboard';
import { SignInPage } from './SignInPage';

/** Signed out: the sign-in page. Signed in: the dashboard, rebuilt from scratch for each session. */
export function App() {
  const [session, setSession] = useState<StoredSession | null>(loadSession);
  const signedIn = useCallback((next: StoredSession) => {
    saveSession(next);
    setSession(next);
  }, []);
  const signedOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);
  // `key`: a new session gets a new client and an empty cache, so no tenant sees another's data.
  return session ? (
    <Dashboard key={session.token} session={session} onSignedOut={signedOut} />
  ) : (
    <SignInPage onSignedIn={signedIn} />
  );
}
