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
function OperatorProvider({ children }: { children: ReactNode }) {
  const { theme } = useAgentStack();
  const [client] = useState(
    () => new AgentStack({ apiKey: 'op_demo_operator', baseUrl: MOCK_BASE_URL, maxRetries: 0 }),
  );
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
