import type { AgentStackError, OrderWorkflow, OrderWorkflowUpdate } from '@agentstack/sdk';
import { type UseMutationResult, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { defineSingleton } from '../shared/defineSingleton';
import { useWriteMutation } from '../shared/useWriteMutation';

const workflow = defineSingleton(['agentstack', 'commerce', 'orderWorkflow'], (client, options) =>
  client.commerce.orderWorkflow.retrieve(options),
);

/** The query key of the tenant's order workflow. */
export const orderWorkflowKey = workflow.key;
/** Query options (key + fetcher) of the tenant's order workflow. */
export const orderWorkflowQuery = workflow.query;

/** The tenant's custom order steps (`GET /v1/commerce/order-workflow`); none below Enterprise. */
export function useOrderWorkflow(): UseQueryResult<OrderWorkflow, AgentStackError> {
  return useQuery(workflow.query(useAgentStackClient()));
}

/**
 * Replaces the custom order steps (`PATCH /v1/commerce/order-workflow`): needs
 * `commerce.customWorkflows` (Enterprise); `409 workflow_step_in_use` when orders are in a removed step.
 */
export function useUpdateOrderWorkflow(): UseMutationResult<
  OrderWorkflow,
  AgentStackError,
  OrderWorkflowUpdate
> {
  return useWriteMutation(
    (client, body: OrderWorkflowUpdate) => client.commerce.orderWorkflow.update(body),
    async (queryClient, data) => queryClient.setQueryData(workflow.key(), data),
  );
}
