import { AgentStackProvider, themeFromBrand } from '@agentstack/react';
import { AgentStack, type Brand } from '@agentstack/sdk';
import { useEffect, useMemo, useState } from 'react';
import { loadStorefrontConfig } from './config';
import { Shop } from './Shop';

/** The API origin: `VITE_AGENTSTACK_API_URL`, else this page's origin (Vite proxies `/v1`). */
const apiBaseUrl = import.meta.env.VITE_AGENTSTACK_API_URL || window.location.origin;

type Boot =
  | { state: 'loading' }
  | { state: 'ready'; key: string; brand: Brand | null }
  | { state: 'unconfigured' };

/**
 * Loads the shop's publishable key and the tenant's brand, then renders the shop in the brand's
 * theme. Everything the shop does runs on that public key (and, for a cart, the cart's token).
 */
export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      const config = await loadStorefrontConfig(abort.signal);
      if (!config.publishableKey) return setBoot({ state: 'unconfigured' });
      const client = new AgentStack({ apiKey: config.publishableKey, baseUrl: apiBaseUrl });
      const brand = await client.platform.brand.retrieve({ signal: abort.signal }).catch(() => null);
      setBoot({ state: 'ready', key: config.publishableKey, brand });
    })();
    return () => abort.abort();
  }, []);
  const client = useMemo(
    () => (boot.state === 'ready' ? new AgentStack({ apiKey: boot.key, baseUrl: apiBaseUrl }) : null),
    [boot],
  );
  if (boot.state === 'loading') return <p className="shop-boot">Loading the shop…</p>;
  if (boot.state === 'unconfigured' || !client) {
    return (
      <p className="shop-boot" role="alert">
        No publishable key: serve <code>/storefront-config.json</code> or build with{' '}
        <code>VITE_AGENTSTACK_PUBLISHABLE_KEY</code>.
      </p>
    );
  }
  const theme = boot.brand ? themeFromBrand(boot.brand) : undefined;
  return (
    <AgentStackProvider client={client} theme={theme} className="shop-root">
      <Shop brandName={boot.brand?.name ?? 'Shop'} logoUrl={boot.brand?.logoUrl ?? null} />
    </AgentStackProvider>
  );
}
