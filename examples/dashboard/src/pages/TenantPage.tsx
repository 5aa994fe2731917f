import { ApiKeysPanel, ErrorNotice, PlanBadge, useTenant } from '@agentstack/react';
import { isNotFoundError, type Tenant } from '@agentstack/sdk';
import { PageHead } from '../PageHead';
import { href } from '../useHashRoute';

const DOMAINS = [
  { domain: 'platform', label: 'Platform' },
  { domain: 'commerce', label: 'Commerce' },
  { domain: 'fintech', label: 'Fintech' },
  { domain: 'social', label: 'Social' },
] as const;

/**
 * One tenant, from the operator's or an agency's console: its plans and its API keys — listed
 * with who made them, created (the secret shown once) and revoked after a confirmation. An agency
 * reaches its own tenants only: any other is "not found".
 */
export function TenantPage({ id }: { id: string }) {
  const tenant = useTenant(id);
  return (
    <>
      <a className="page-back" href={href('tenants')}>
        ← All tenants
      </a>
      {tenant.data ? (
        <TenantDetail tenant={tenant.data} />
      ) : tenant.isError ? (
        isNotFoundError(tenant.error) ? (
          <section className="as-card page-section">
            <h1 className="page-head__title">Tenant not found</h1>
            <p>
              It is not one of the tenants you manage, or the link is wrong.{' '}
              <a href={href('tenants')}>Back to tenants</a>
            </p>
          </section>
        ) : (
          <ErrorNotice error={tenant.error} onRetry={() => tenant.refetch()} />
        )
      ) : (
        <section className="as-card page-section" aria-busy="true">
          <span className="as-skeleton" />
        </section>
      )}
    </>
  );
}

function TenantDetail({ tenant }: { tenant: Tenant }) {
  return (
    <>
      <PageHead title={tenant.name} lede={<code className="as-code">{tenant.id}</code>}>
        <ul className="tenant-plans" aria-label="Plans">
          {DOMAINS.map(({ domain, label }) =>
            tenant.subscription[domain] ? (
              <li key={domain} className="tenant-plans__item">
                <span className="tenant-plans__domain">{label}</span>
                <PlanBadge domain={domain} planId={tenant.subscription[domain]} />
              </li>
            ) : null,
          )}
        </ul>
      </PageHead>
      <ApiKeysPanel tenantId={tenant.id} title="API keys" />
    </>
  );
}
