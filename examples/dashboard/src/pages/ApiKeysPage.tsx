import { ApiKeysPanel } from '@agentstack/react';
import { PageHead } from '../PageHead';

/**
 * Secret keys (servers) and publishable keys (browsers). A new key's secret is shown once, with a
 * copy button; revoking asks first; revoked keys stay listed, muted.
 */
export function ApiKeysPage() {
  return (
    <>
      <PageHead title="API keys" lede="Credentials for your servers and your storefront." />
      <ApiKeysPanel />
    </>
  );
}
