import { TenantTable } from '@agentstack/react';
import { PageHead } from '../PageHead';
import { href } from '../useHashRoute';

/**
 * The console's tenants: for the operator every tenant of the installation (its agency, plans and
 * add-ons, editable); for an agency its own clients' tenants. Each name opens the tenant's page.
 */
export function TenantsPage({ agency = false }: { agency?: boolean }) {
  return (
    <>
      <PageHead
        title="Tenants"
        lede={
          agency
            ? 'Your clients’ businesses: their plans and add-ons. Open one to manage its API keys.'
            : 'Every business on this installation: its agency, its plan in each domain and its add-ons.'
        }
      />
      <TenantTable pageSize={20} tenantHref={(tenant) => href('tenant', tenant.id)} />
    </>
  );
}
