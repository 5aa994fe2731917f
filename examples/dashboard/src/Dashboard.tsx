import {
  AgentStackProvider,
  createAgentStackQueryClient,
  PlanBadge,
  platformQueries,
  themeFromBrand,
} from '@agentstack/react';
import { isAuthenticationError } from '@agentstack/sdk';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { createSessionClient, type StoredSession } from './api';
import { BrandMark } from './BrandMark';
import { ApiKeysPage } from './pages/ApiKeysPage';
import { PlanPage } from './pages/PlanPage';
import { ProductsPage } from './pages/ProductsPage';
import { TeamPage } from './pages/TeamPage';
import { type Route, useHashRoute } from './useHashRoute';

interface DashboardProps {
  session: StoredSession;
  onSignedOut: () => void;
}

const NAV: Array<{ route: Route; label: string }> = [
  { route: 'products', label: 'Products' },
  { route: 'team', label: 'Team' },
  { route: 'api-keys', label: 'API keys' },
  { route: 'plan', label: 'Plan & usage' },
];

// Any kit label can be replaced: the page already says "Products", so the table says something else.
const LOCALE = { code: 'en-US', messages: { 'products.title': 'All products' } };

/**
 * The signed-in shell: the tenant's brand (`GET /v1/platform/brand` → `themeFromBrand`) themes
 * everything inside the kit's provider, header included.
 */
export function Dashboard({ session, onSignedOut }: DashboardProps) {
  const client = useMemo(() => createSessionClient(session.token), [session.token]);
  const [queryClient] = useState(createAgentStackQueryClient);
  const [route, navigate] = useHashRoute();
  const [signingOut, setSigningOut] = useState(false);

  // A session that expired or was revoked elsewhere answers 401: back to the sign-in page.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (
          event.type === 'updated' &&
          event.action.type === 'error' &&
          isAuthenticationError(event.action.error)
        ) {
          onSignedOut();
        }
      }),
    [queryClient, onSignedOut],
  );

  const brand = useQuery(platformQueries.brand(client), queryClient);
  const theme = useMemo(() => (brand.data ? themeFromBrand(brand.data) : undefined), [brand.data]);
  useEffect(() => {
    if (brand.data) document.title = `${brand.data.name} · Dashboard`;
  }, [brand.data]);

  const signOut = async () => {
    setSigningOut(true);
    // Revoke server side; if that fails (offline, already expired) the token is still dropped here.
    await client.platform.sessions.revoke().catch(() => undefined);
    queryClient.clear();
    onSignedOut();
  };

  if (brand.isPending) {
    return (
      <div className="app-loading" role="status">
        Loading…
      </div>
    );
  }

  return (
    <AgentStackProvider
      client={client}
      theme={theme}
      queryClient={queryClient}
      locale={LOCALE}
      className="app"
      upgradeHref={(upgrade) => `#/plan?upgrade=${encodeURIComponent(upgrade.id)}`}
    >
      <header className="app-header">
        <a className="app-header__brand" href="#/products">
          {brand.data ? (
            <BrandMark brand={brand.data} />
          ) : (
            <span className="brand-mark__name">Dashboard</span>
          )}
        </a>
        <PlanBadge />
        <nav className="app-nav" aria-label="Main">
          {NAV.map((item) => (
            <a
              key={item.route}
              className="app-nav__link"
              href={`#/${item.route}`}
              aria-current={route.name === item.route ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(item.route);
              }}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <div className="app-user">
          <span className="app-user__text">
            <span className="app-user__name">{session.user.name}</span>
            <span className="app-user__meta">
              {session.user.email} · {session.user.role}
            </span>
          </span>
          <button
            type="button"
            className="as-button as-button--secondary"
            onClick={signOut}
            aria-busy={signingOut || undefined}
          >
            Sign out
          </button>
        </div>
      </header>
      <main className="app-main">
        {route.name === 'plan' ? (
          <PlanPage upgradeId={route.upgrade} />
        ) : route.name === 'team' ? (
          <TeamPage />
        ) : route.name === 'api-keys' ? (
          <ApiKeysPage />
        ) : (
          <ProductsPage />
        )}
      </main>
    </AgentStackProvider>
  );
}
