import { AgentStack } from '@agentstack/sdk';
import type { Decorator } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { MOCK_BASE_URL } from '../../../../../../.storybook/mockApi';
import { AgentStackProvider } from '../../../provider/AgentStackProvider';
import { useAgentStack } from '../../../provider/context';

/**
 * Stories only: the operator console. Tenants and agencies answer operator keys only, so the story
 * runs under a provider whose client holds an `op_…` key — the sdk mocks treat it as the
 * installation's operator, as the server does — against the same mock API and with the toolbar's
 * theme.
 */
function OperatorProvider({
  children,
  apiKey = 'op_demo_operator',
}: {
  children: ReactNode;
  apiKey?: string;
}) {
  const { theme } = useAgentStack();
  const [client] = useState(() => new AgentStack({ apiKey, baseUrl: MOCK_BASE_URL, maxRetries: 0 }));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }),
  );
  return (
    <AgentStackProvider client={client} queryClient={queryClient} theme={theme}>
      {children}
    </AgentStackProvider>
  );
}

/** Runs a story as the operator (see {@link OperatorProvider}); `parameters.operator: false` opts out. */
export const withOperator: Decorator = (Story, context) =>
  context.parameters.operator === false ? (
    <Story />
  ) : (
    <OperatorProvider>
      <Story />
    </OperatorProvider>
  );

/**
 * Runs a story as the console of the toolbar brand's agency: its fixture agency key
 * (`ag_demo_aurora`, `ag_demo_nocturne`, `ag_demo_custom` for another brand), which the sdk mocks
 * scope to that agency's tenants, brand and keys, as the server does.
 */
export const withAgency: Decorator = (Story, context) => {
  const brand = String(context.globals.brand ?? 'aurora');
  const apiKey = `ag_demo_${brand === 'aurora' || brand === 'nocturne' ? brand : 'custom'}`;
  return (
    <OperatorProvider key={apiKey} apiKey={apiKey}>
      <Story />
    </OperatorProvider>
  );
};
