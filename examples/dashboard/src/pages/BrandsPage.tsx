import { AgencyKeysPanel, BrandEditor, useAgencies } from '@agentstack/react';
import { useId, useState } from 'react';
import { PageHead } from '../PageHead';

/**
 * The operator's view of agencies: pick one, edit its white-label brand beside a live preview, and
 * manage its keys (each with the operator key that made it; a new key's secret is shown once).
 * Every dashboard of the agency's tenants wears the saved brand from their next page load.
 */
export function BrandsPage() {
  const id = useId();
  const agencies = useAgencies({ limit: 100 });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = agencies.data?.data ?? [];
  const agencyId = chosen ?? list[0]?.id ?? null;
  return (
    <>
      <PageHead title="Agencies & brands" lede="Each agency's brand is what its tenants' dashboards show.">
        {list.length > 1 ? (
          <div className="as-field as-field--inline">
            <label htmlFor={`${id}-agency`}>Agency</label>
            <select
              id={`${id}-agency`}
              className="as-select"
              value={agencyId ?? ''}
              onChange={(e) => setChosen(e.target.value)}
            >
              {list.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </PageHead>
      {agencyId ? (
        <>
          <BrandEditor key={agencyId} agencyId={agencyId} />
          <AgencyKeysPanel key={`keys-${agencyId}`} agencyId={agencyId} />
        </>
      ) : agencies.isPending ? (
        <p className="as-card page-section" aria-busy="true">
          Loading agencies…
        </p>
      ) : (
        <p className="as-card page-section">
          No agencies yet. Create one with <code>POST /v1/platform/agencies</code> and its brand appears here.
        </p>
      )}
    </>
  );
}
