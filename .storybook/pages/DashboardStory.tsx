import '../../examples/dashboard/src/app.css';
import { demoTenant } from '@agentstack/sdk/catalog';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StoredSession } from '../../examples/dashboard/src/api';
import { DASHBOARD_LOCALE, DashboardShell } from '../../examples/dashboard/src/Dashboard';
import { AgentStackProvider, useAgentStack } from '../../packages/react/src';
import { SAMPLE_BRANDS, type SampleBrandName } from '../brands';
import type { DemoTier } from '../mockApi';

/** Props of {@link DashboardStory}. */
export interface DashboardStoryProps {
  /** The toolbar's tier: whose dashboard it is. */
  tier: DemoTier;
  /** The toolbar's brand. */
  brand: SampleBrandName;
  /** The installation's operator console instead of a tenant's dashboard. */
  operator?: boolean;
}

/**
 * The example dashboard's own shell and pages (`examples/dashboard`), signed in as the demo owner
 * of the toolbar's tier, over the mock API. Its links work: the story is a whole dashboard.
 */
export function DashboardStory({ tier, brand, operator = false }: DashboardStoryProps) {
  const owner = demoTenant(tier).user;
  const session: StoredSession = {
    kind: operator ? 'operator' : 'user',
    token: 'demo',
    expiresAt: '2100-01-01T00:00:00.000Z',
    tenantId: null,
    user: operator
      ? { id: 'operator', name: 'Operator', email: '', role: 'operator' }
      : { id: 'usr_demo', name: owner.name, email: owner.email, role: owner.role },
  };
  // Leaving the story leaves its page too, so the next story starts where it asks.
  useEffect(
    () => () => {
      window.location.hash = '';
    },
    [],
  );
  // The app's own labels and upgrade links, over the story's client, cache and theme.
  const { client, theme } = useAgentStack();
  const queryClient = useQueryClient();
  return (
    <AgentStackProvider
      client={client}
      queryClient={queryClient}
      theme={theme}
      locale={DASHBOARD_LOCALE}
      className="app"
      upgradeHref={(upgrade) => `#/plan?upgrade=${encodeURIComponent(upgrade.id)}`}
    >
      <DashboardShell session={session} brand={operator ? null : SAMPLE_BRANDS[brand]} onSignOut={() => {}} />
    </AgentStackProvider>
  );
}
