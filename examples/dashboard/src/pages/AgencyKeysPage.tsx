import { AgencyKeysPanel } from '@agentstack/react';
import { PageHead } from '../PageHead';

/**
 * An agency's own keys, from its console: who made each (the operator) and its status. A leaked
 * key is revoked here at once — this console's own key included, which signs it out.
 */
export function AgencyKeysPage({ agencyId }: { agencyId: string }) {
  return (
    <>
      <PageHead
        title="Agency keys"
        lede="The keys that open this console. New keys come from your operator; revoke one the moment it leaks."
      />
      <AgencyKeysPanel agencyId={agencyId} />
    </>
  );
}
