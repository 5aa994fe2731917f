import { ApiKeysPanel } from '@agentstack/react';

/**
 * Secret keys (servers) and publishable keys (browsers). A new key's secret is shown once, with a
 * copy button; revoked keys stay listed, muted.
 */
export function ApiKeysPage() {
  return (
    <>
      <div className="page-head">
        <div className="page-head__text">
          <h1 className="page-head__title">API keys</h1>
          <p className="page-head__lede">Credentials for your servers and your storefront.</p>
        </div>
      </div>
      <ApiKeysPanel />
    </>
  );
}
