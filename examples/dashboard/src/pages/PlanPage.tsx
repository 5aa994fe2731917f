import { PlanCatalog, UsageOverview, useAgentStack } from '@agentstack/react';
import { findAddon, findPlan } from '@agentstack/sdk/catalog';
import { PageHead } from '../PageHead';

/**
 * The tenant's plans, usage and features per domain (`UsageOverview`), then the whole catalogue
 * with the current tiers marked (`PlanCatalog`). Choosing a tier or an add-on links back here with
 * `?upgrade=<id>`, the same link the kit's upgrade prompts use, and the page says how to get it.
 */
export function PlanPage({ upgradeId }: { upgradeId: string | null }) {
  const { upgradeHref } = useAgentStack();
  const upgrade = upgradeId ? (findPlan(upgradeId) ?? findAddon(upgradeId)) : undefined;
  return (
    <>
      <PageHead title="Plan & usage" lede="What your subscription includes and how much of it you use." />
      {upgrade ? (
        <p className="page-notice" role="status">
          To move to <strong>{upgrade.name}</strong>, contact your account manager: upgrades are applied to
          your subscription by your provider.
        </p>
      ) : null}
      <UsageOverview showTitle={false} />
      {/* Opens on the domain of the plan or add-on an upgrade prompt pointed to. */}
      <PlanCatalog key={upgrade?.domain} initialDomain={upgrade?.domain} upgradeHref={upgradeHref} />
    </>
  );
}
