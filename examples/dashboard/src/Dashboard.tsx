import {
  AgentStackProvider,
  type AgentStackTheme,
  createAgentStackQueryClient,
  LiveIndicator,
  PlanBadge,
  platformQueries,
  themeFromBrand,
  useRealtime,
} from '@agentstack/react';
import { type Brand, isAuthenticationError, type RealtimeTopic } from '@agentstack/sdk';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { createSessionClient, type StoredSession } from './api';
import { BrandMark } from './BrandMark';
import { AgencyBrandPage } from './pages/AgencyBrandPage';
import { AgencyKeysPage } from './pages/AgencyKeysPage';
import { ApiKeysPage } from './pages/ApiKeysPage';
import { BrandsPage } from './pages/BrandsPage';
import { InventoryPage } from './pages/InventoryPage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { OverviewPage } from './pages/OverviewPage';
import { PlanPage } from './pages/PlanPage';
import { PricingPage } from './pages/PricingPage';
import { ProductPage } from './pages/ProductPage';
import { ProductsPage } from './pages/ProductsPage';
import { TeamPage } from './pages/TeamPage';
import { TenantPage } from './pages/TenantPage';
import { TenantsPage } from './pages/TenantsPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { type ParsedRoute, type Route, useHashRoute } from './useHashRoute';

interface DashboardProps {
  session: StoredSession;
  onSignedOut: () => void;
}

type NavItem = { route: Route; label: string };

const USER_NAV: NavItem[] = [
  { route: 'overview', label: 'Overview' },
  { route: 'products', label: 'Products' },
  { route: 'inventory', label: 'Inventory' },
  { route: 'orders', label: 'Orders' },
  { route: 'pricing', label: 'Pricing' },
  { route: 'team', label: 'Team' },
  { route: 'api-keys', label: 'API keys' },
  { route: 'webhooks', label: 'Webhooks' },
  { route: 'plan', label: 'Plan & usage' },
];

const OPERATOR_NAV: NavItem[] = [
  { route: 'tenants', label: 'Tenants' },
  { route: 'brands', label: 'Agencies & brands' },
];

// An agency's console: its own tenants (and their keys), its brand, its keys. No plans, no
// agencies, no creating tenants: those are the operator's.
const AGENCY_NAV: NavItem[] = [
  { route: 'tenants', label: 'Tenants' },
  { route: 'brand', label: 'Brand' },
  { route: 'agency-keys', label: 'Agency keys' },
];

const NAV: Record<StoredSession['kind'], NavItem[]> = {
  user: USER_NAV,
  operator: OPERATOR_NAV,
  agency: AGENCY_NAV,
};

/**
 * The app's labels over the kit's: each page has its own heading, so the kit's section headings name
 * what the section holds instead of repeating the page's.
 */
export const DASHBOARD_LOCALE = {
  code: 'en-US',
  messages: {
    'products.title': 'Catalogue',
    'orderBoard.title': 'All orders',
    'pricing.title': 'Tax, shipping and discounts',
    'team.title': 'Members',
    'apiKeys.title': 'Keys',
    'tenants.title': 'All tenants',
    'brand.title': 'White-label brand',
    'agencyKeys.title': 'Console keys',
  },
};

// The operator console is the installation's own tool: it wears no agency's brand.
const OPERATOR_THEME: AgentStackTheme = { brandName: 'AgentStack', variables: { colorPrimary: '#4338ca' } };

/**
 * The signed-in shell. A tenant's user sees the tenant's brand (`GET /v1/platform/brand` →
 * `themeFromBrand`) on everything inside the kit's provider, header included; the operator sees
 * the tenants and agencies of the installation; an agency's console wears the agency's own brand
 * and shows its tenants, brand and keys. On a phone the navigation folds into a menu.
 */
export function Dashboard({ session, onSignedOut }: DashboardProps) {
  const client = useMemo(() => createSessionClient(session.token), [session.token]);
  const [queryClient] = useState(createAgentStackQueryClient);
  const operator = session.kind === 'operator';
  const agencyId = session.kind === 'agency' ? (session.agency?.id ?? '') : '';
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

  const tenantBrand = useQuery(
    { ...platformQueries.brand(client), enabled: session.kind === 'user' },
    queryClient,
  );
  // An agency's console wears its own brand, and repaints when the brand is saved.
  const agency = useQuery(
    { ...platformQueries.agency(client, agencyId), enabled: Boolean(agencyId) },
    queryClient,
  );
  const brand = agencyId ? agency : tenantBrand;
  const brandData = agencyId ? agency.data?.brand : tenantBrand.data;
  const theme = useMemo(
    () => (operator ? OPERATOR_THEME : brandData ? themeFromBrand(brandData) : undefined),
    [operator, brandData],
  );

  const signOut = async () => {
    setSigningOut(true);
    // Revoke server side; if that fails (offline, already expired) the token is still dropped here.
    // Console keys (operator, agency) are not sessions: the tab just forgets them.
    if (session.kind === 'user') await client.platform.sessions.revoke().catch(() => undefined);
    queryClient.clear();
    onSignedOut();
  };

  if (!operator && brand.isPending) {
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
      locale={DASHBOARD_LOCALE}
      className="app"
      upgradeHref={(upgrade) => `#/plan?upgrade=${encodeURIComponent(upgrade.id)}`}
    >
      <DashboardShell
        session={session}
        brand={operator ? null : (brandData ?? null)}
        signingOut={signingOut}
        onSignOut={signOut}
      />
    </AgentStackProvider>
  );
}

/** Props of {@link DashboardShell}. */
export interface DashboardShellProps {
  session: StoredSession;
  /** The tenant's brand for the header; `null` for the operator (or while there is none). */
  brand: Brand | null;
  signingOut?: boolean;
  onSignOut: () => void;
}

/**
 * The header (brand, navigation folding into a Menu on a phone, plan, user, sign out) and the page
 * of the URL hash, inside an `AgentStackProvider` the caller sets up. Storybook's full-page stories
 * render it over the mock API.
 */
export function DashboardShell({ session, brand, signingOut = false, onSignOut }: DashboardShellProps) {
  const operator = session.kind === 'operator';
  const agency = session.kind === 'agency';
  const nav = NAV[session.kind];
  const parsed = useHashRoute();
  // A page of another kind of console (an old link) opens this console's home instead.
  const route =
    parsed && nav.some((item) => item.route === (PARENT[parsed.name] ?? parsed.name))
      ? parsed
      : { name: nav[0]!.route, id: null, upgrade: null };
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  // One stream for the whole shell: products, stock, orders, team and invitations update without a reload.
  const live = useRealtime(LIVE_TOPICS, { enabled: session.kind === 'user' });
  const current = PARENT[route.name] ?? route.name;
  const pageLabel = nav.find((item) => item.route === current)?.label ?? 'Dashboard';
  const owner = operator ? 'AgentStack operator' : brand?.name;
  useEffect(() => {
    if (owner) document.title = `${pageLabel} · ${owner}`;
  }, [pageLabel, owner]);
  // Following a link closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every page change.
  useEffect(() => setMenuOpen(false), [route.name, route.id]);
  return (
    <>
      <header className="app-header">
        <div className="app-header__bar">
          <a className="app-header__brand" href={`#/${nav[0]!.route}`}>
            {operator ? (
              <span className="brand-mark">
                <span className="brand-mark__logo brand-mark__logo--monogram" aria-hidden="true">
                  A
                </span>
                <span className="brand-mark__name" data-testid="brand-name">
                  AgentStack <span className="brand-mark__suffix">operator</span>
                </span>
              </span>
            ) : brand ? (
              <BrandMark brand={brand} />
            ) : (
              <span className="brand-mark__name">Dashboard</span>
            )}
          </a>
          {session.kind === 'user' ? <LiveIndicator status={live.status} /> : null}
          <button
            type="button"
            className="as-button as-button--secondary app-menu-button"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true" className="app-menu-button__icon">
              {menuOpen ? '✕' : '☰'}
            </span>
            Menu
          </button>
        </div>
        <div className="app-header__panel" id={menuId} data-open={menuOpen || undefined}>
          <nav className="app-nav" aria-label="Main">
            {nav.map((item) => (
              <a
                key={item.route}
                className="app-nav__link"
                href={`#/${item.route}`}
                aria-current={current === item.route ? 'page' : undefined}
              >
                {item.label}
              </a>
            ))}
          </nav>
          <div className="app-user">
            {session.kind === 'user' ? <PlanBadge /> : null}
            <span className="app-user__text">
              <span className="app-user__name">{session.user.name}</span>
              <span className="app-user__meta">
                {operator
                  ? 'Operator key'
                  : agency
                    ? 'Agency key'
                    : `${session.user.email} · ${session.user.role}`}
              </span>
            </span>
            <button
              type="button"
              className="as-button as-button--secondary"
              onClick={onSignOut}
              aria-busy={signingOut || undefined}
            >
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main className="app-main">
        <Page route={route} session={session} />
      </main>
    </>
  );
}

// What a tenant's dashboard keeps live; the kit streams the ones the user's role may read.
const LIVE_TOPICS: readonly RealtimeTopic[] = ['products', 'inventory', 'orders', 'users', 'invitations'];

// Pages under a navigation item: the item stays current on them.
const PARENT: Partial<Record<Route, Route>> = { product: 'products', order: 'orders', tenant: 'tenants' };

function Page({ route, session }: { route: ParsedRoute; session: StoredSession }) {
  if (session.kind === 'operator') {
    if (route.name === 'tenant') return <TenantPage id={route.id ?? ''} />;
    return route.name === 'brands' ? <BrandsPage /> : <TenantsPage />;
  }
  if (session.kind === 'agency') {
    const agencyId = session.agency?.id ?? '';
    switch (route.name) {
      case 'tenant':
        return <TenantPage id={route.id ?? ''} />;
      case 'brand':
        return <AgencyBrandPage agencyId={agencyId} />;
      case 'agency-keys':
        return <AgencyKeysPage agencyId={agencyId} />;
      default:
        return <TenantsPage agency />;
    }
  }
  switch (route.name) {
    case 'products':
      return <ProductsPage />;
    case 'product':
      return <ProductPage id={route.id ?? ''} />;
    case 'inventory':
      return <InventoryPage />;
    case 'orders':
      return <OrdersPage />;
    case 'order':
      return <OrderPage id={route.id ?? ''} />;
    case 'pricing':
      return <PricingPage />;
    case 'team':
      return <TeamPage />;
    case 'api-keys':
      return <ApiKeysPage />;
    case 'webhooks':
      return <WebhooksPage />;
    case 'plan':
      return <PlanPage upgradeId={route.upgrade} />;
    default:
      return <OverviewPage userName={session.user.name} />;
  }
}
