import type {
  AgentStackError,
  Customer,
  CustomerListParams,
  CustomerUpdate,
  ListResponse,
} from '@agentstack/sdk';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { customerKeys, customerQueries } from './customerKeys';

/** One page of the tenant's customers, newest first (`GET /v1/commerce/customers`; staff). */
export function useCustomers(
  params: CustomerListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<Customer>, AgentStackError> {
  return useListQuery((client) => customerQueries.list(client, params), options);
}

/** One customer (`GET /v1/commerce/customers/:id`; staff); disabled while `id` is empty. */
export function useCustomer(id: string | null | undefined): UseQueryResult<Customer, AgentStackError> {
  return useDetailQuery((client, customerId) => customerQueries.detail(client, customerId), id);
}

/** Variables of {@link useUpdateCustomer}. */
export interface UpdateCustomerVariables {
  id: string;
  body: CustomerUpdate;
}

/** Updates a customer's name, phone or metadata (`PATCH /v1/commerce/customers/:id`; staff). */
export function useUpdateCustomer(): UseMutationResult<Customer, AgentStackError, UpdateCustomerVariables> {
  return useWriteMutation(
    (client, v: UpdateCustomerVariables) => client.commerce.customers.update(v.id, v.body),
    async (queryClient, customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      await invalidateAll(queryClient, customerKeys.lists());
    },
  );
}
