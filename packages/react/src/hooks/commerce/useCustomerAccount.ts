import type {
  AgentStackError,
  Customer,
  CustomerAddress,
  CustomerAddressCreate,
  CustomerAddressListParams,
  CustomerAddressUpdate,
  CustomerOrderListParams,
  CustomerSelfUpdate,
  CustomerSession,
  CustomerSignIn,
  CustomerSignUp,
  CustomerSignUpResult,
  ListResponse,
} from '@agentstack/sdk';
import type { Order } from '@agentstack/sdk/schemas';
import {
  type QueryClient,
  type UseMutationResult,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { useDetailQuery } from '../shared/useDetailQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { customerKeys, customerQueries } from './customerKeys';

// The shopper changed (signed in, signed out): nothing cached of the previous one may show.
const forgetShopper = async (queryClient: QueryClient) => {
  await queryClient.cancelQueries({ queryKey: customerKeys.me() });
  queryClient.removeQueries({ queryKey: customerKeys.me() });
};

/**
 * Starts a shopper's sign-up (`POST /v1/commerce/customers/sign-up`, publishable key): a code is
 * emailed; redeem it with {@link useCustomerVerify}. The answer is the same whether or not the
 * address already has an account.
 */
export function useCustomerSignUp(): UseMutationResult<
  CustomerSignUpResult,
  AgentStackError,
  CustomerSignUp
> {
  return useWriteMutation(
    (client, body: CustomerSignUp) => client.commerce.customers.signUp(body),
    async () => undefined,
  );
}

/**
 * Redeems the emailed sign-up code (`POST /v1/commerce/customers/verify`): creates the account and
 * signs in. Pass the answer's `token` to the client as `customerToken` (e.g. a new provider client
 * from `client.withOptions({ customerToken })`); the token is never cached.
 */
export function useCustomerVerify(): UseMutationResult<CustomerSession, AgentStackError, string> {
  return useWriteMutation(
    (client, token: string) => client.commerce.customers.verify({ token }),
    forgetShopper,
  );
}

/**
 * Signs a shopper in (`POST /v1/commerce/customers/sign-in`, publishable key). Pass the answer's
 * `token` to the client as `customerToken`; the token is never cached.
 */
export function useCustomerSignIn(): UseMutationResult<CustomerSession, AgentStackError, CustomerSignIn> {
  return useWriteMutation(
    (client, body: CustomerSignIn) => client.commerce.customers.signIn(body),
    forgetShopper,
  );
}

/** Signs the shopper out (`DELETE /v1/commerce/customers/me/session`) and drops their cached data. */
export function useCustomerSignOut(): UseMutationResult<unknown, AgentStackError, void> {
  return useWriteMutation((client) => client.commerce.customers.signOut(), forgetShopper);
}

/** The signed-in shopper (`GET /v1/commerce/customers/me`; a customer token). */
export function useCurrentCustomer(
  options: { enabled?: boolean } = {},
): UseQueryResult<Customer, AgentStackError> {
  return useQuery({ ...customerQueries.me(useAgentStackClient()), enabled: options.enabled ?? true });
}

/** Updates the signed-in shopper (`PATCH /v1/commerce/customers/me`); a new password needs `currentPassword`. */
export function useUpdateCurrentCustomer(): UseMutationResult<Customer, AgentStackError, CustomerSelfUpdate> {
  return useWriteMutation(
    (client, body: CustomerSelfUpdate) => client.commerce.customers.updateMe(body),
    async (queryClient, customer) => queryClient.setQueryData(customerKeys.me(), customer),
  );
}

/** One page of the signed-in shopper's orders, newest first (`GET /v1/commerce/customers/me/orders`). */
export function useCustomerOrders(
  params: CustomerOrderListParams = {},
): UseQueryResult<ListResponse<Order>, AgentStackError> {
  return useQuery(customerQueries.orders(useAgentStackClient(), params));
}

/** One of the signed-in shopper's orders; disabled while `id` is empty. */
export function useCustomerOrder(id: string | null | undefined): UseQueryResult<Order, AgentStackError> {
  return useDetailQuery((client, orderId) => customerQueries.order(client, orderId), id);
}

/** One page of the signed-in shopper's saved addresses, oldest first. */
export function useCustomerAddresses(
  params: CustomerAddressListParams = {},
): UseQueryResult<ListResponse<CustomerAddress>, AgentStackError> {
  return useQuery(customerQueries.addresses(useAgentStackClient(), params));
}

const afterAddressWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, customerKeys.addressLists());

/** Saves an address of the signed-in shopper (at most 20: `409 too_many_addresses`). */
export function useCreateCustomerAddress(): UseMutationResult<
  CustomerAddress,
  AgentStackError,
  CustomerAddressCreate
> {
  return useWriteMutation(
    (client, body: CustomerAddressCreate) => client.commerce.customers.createAddress(body),
    afterAddressWrite,
  );
}

/** Variables of {@link useUpdateCustomerAddress}. */
export interface UpdateCustomerAddressVariables {
  id: string;
  body: CustomerAddressUpdate;
}

/** Replaces an address of the signed-in shopper or makes it the default. */
export function useUpdateCustomerAddress(): UseMutationResult<
  CustomerAddress,
  AgentStackError,
  UpdateCustomerAddressVariables
> {
  return useWriteMutation(
    (client, v: UpdateCustomerAddressVariables) => client.commerce.customers.updateAddress(v.id, v.body),
    afterAddressWrite,
  );
}

/** Deletes an address of the signed-in shopper. */
export function useDeleteCustomerAddress(): UseMutationResult<unknown, AgentStackError, string> {
  return useWriteMutation(
    (client, id: string) => client.commerce.customers.deleteAddress(id),
    afterAddressWrite,
  );
}
