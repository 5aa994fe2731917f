import { BrandEditor } from '@agentstack/react';
import { PageHead } from '../PageHead';

/**
 * An agency's own brand, from its console: what every dashboard of its tenants shows, edited
 * beside a live preview. The agency's name is the operator's; the brand is the agency's to change.
 */
export function AgencyBrandPage({ agencyId }: { agencyId: string }) {
  return (
    <>
      <PageHead
        title="Brand"
        lede="Your white-label brand: your tenants’ dashboards wear it from their next page load."
      />
      <BrandEditor agencyId={agencyId} />
    </>
  );
}
