import { TenantTable } from '@agentstack/react';
import { PageHead } from '../PageHead';

/** The operator's view: every tenant of the installation, its agency, plans and add-ons, editable. */
export function TenantsPage() {
  return (
    <>
      <PageHead
        title="Tenants"
        lede="Every business on this installation: its agency, its plan in each domain and its add-ons."
      />
      <TenantTable pageSize={20} />
    </>
  );
}
