import type {
  AgentStackError,
  Cart,
  CartCreate,
  CartDiscountApply,
  CartLineCreate,
  CartLineUpdate,
  CartListParams,
  CartShippingOptionList,
  CartUpdate,
  CartWithToken,
  ListResponse,
} from '@agentstack/sdk';
import {
  type QueryClient,
  type UseMutationResult,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { useDetailQuery } from '../shared/useDetailQuery';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { cartKeys, cartQueries } from './cartKeys';

// A cart write answers the whole priced cart: cache it (without its token), refetch lists.
const afterCartWrite = async (queryClient: QueryClient, cart: Cart) => {
  const { token: _token, ...plain } = cart as CartWithToken;
  queryClient.setQueryData(cartKeys.detail(cart.id), plain);
  await invalidateAll(queryClient, cartKeys.lists(), [...cartKeys.detail(cart.id), 'shippingOptions']);
};

/** What every call on one cart takes: its id and, for a publishable key, its token. */
export interface CartRef {
  id: string;
  /** The token `useCreateCart` answered; required with a publishable key. */
  cartToken?: string;
}

const tokenOption = (ref: CartRef) => (ref.cartToken ? { cartToken: ref.cartToken } : {});

/** One page of the tenant's carts, newest first (`GET /v1/commerce/carts`; dashboard users). */
export function useCarts(
  params: CartListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<Cart>, AgentStackError> {
  return useListQuery((client) => cartQueries.list(client, params), options);
}

/** One cart, priced (`GET /v1/commerce/carts/:id`); disabled while `id` is empty. */
export function useCart(
  id: string | null | undefined,
  cartToken?: string,
): UseQueryResult<Cart, AgentStackError> {
  return useDetailQuery((client, cartId) => cartQueries.detail(client, cartId, cartToken), id);
}

/** Creates a cart (`POST /v1/commerce/carts`); the answer's `token` is shown this once — keep it. */
export function useCreateCart(): UseMutationResult<CartWithToken, AgentStackError, CartCreate> {
  return useWriteMutation((client, body: CartCreate) => client.commerce.carts.create(body), afterCartWrite);
}

/** Variables of {@link useUpdateCart}. */
export interface UpdateCartVariables extends CartRef {
  body: CartUpdate;
}

/** Sets a cart's email, region, address, shipping option or metadata (`PATCH /v1/commerce/carts/:id`). */
export function useUpdateCart(): UseMutationResult<Cart, AgentStackError, UpdateCartVariables> {
  return useWriteMutation(
    (client, v: UpdateCartVariables) => client.commerce.carts.update(v.id, v.body, tokenOption(v)),
    afterCartWrite,
  );
}

/** Variables of {@link useAddCartLine}. */
export interface AddCartLineVariables extends CartRef {
  body: CartLineCreate;
}

/** Adds units of a variant or product at the catalogue's price (`POST /v1/commerce/carts/:id/lines`). */
export function useAddCartLine(): UseMutationResult<Cart, AgentStackError, AddCartLineVariables> {
  return useWriteMutation(
    (client, v: AddCartLineVariables) => client.commerce.carts.addLine(v.id, v.body, tokenOption(v)),
    afterCartWrite,
  );
}

/** Variables of {@link useUpdateCartLine}. */
export interface UpdateCartLineVariables extends CartRef {
  lineId: string;
  body: CartLineUpdate;
}

/** Sets a line's quantity (`PATCH /v1/commerce/carts/:id/lines/:lineId`). */
export function useUpdateCartLine(): UseMutationResult<Cart, AgentStackError, UpdateCartLineVariables> {
  return useWriteMutation(
    (client, v: UpdateCartLineVariables) =>
      client.commerce.carts.updateLine(v.id, v.lineId, v.body, tokenOption(v)),
    afterCartWrite,
  );
}

/** Variables of {@link useRemoveCartLine}. */
export interface RemoveCartLineVariables extends CartRef {
  lineId: string;
}

/** Removes a line (`DELETE /v1/commerce/carts/:id/lines/:lineId`). */
export function useRemoveCartLine(): UseMutationResult<Cart, AgentStackError, RemoveCartLineVariables> {
  return useWriteMutation(
    (client, v: RemoveCartLineVariables) => client.commerce.carts.removeLine(v.id, v.lineId, tokenOption(v)),
    afterCartWrite,
  );
}

/** Variables of {@link useApplyCartDiscount}. */
export interface ApplyCartDiscountVariables extends CartRef {
  body: CartDiscountApply;
}

/**
 * Applies a discount code (`POST /v1/commerce/carts/:id/discount`); a refusal is `409
 * discount_not_applicable` with `error.problem.reason` (unknown, ended, minimum_spend…).
 */
export function useApplyCartDiscount(): UseMutationResult<Cart, AgentStackError, ApplyCartDiscountVariables> {
  return useWriteMutation(
    (client, v: ApplyCartDiscountVariables) =>
      client.commerce.carts.applyDiscount(v.id, v.body, tokenOption(v)),
    afterCartWrite,
  );
}

/** Removes the cart's discount code (`DELETE /v1/commerce/carts/:id/discount`). */
export function useRemoveCartDiscount(): UseMutationResult<Cart, AgentStackError, CartRef> {
  return useWriteMutation(
    (client, v: CartRef) => client.commerce.carts.removeDiscount(v.id, tokenOption(v)),
    afterCartWrite,
  );
}

/**
 * The shipping options of the cart's region, each priced for this cart now (`GET
 * /v1/commerce/carts/:id/shipping-options`); refetched after every cart write.
 */
export function useCartShippingOptions(
  id: string | null | undefined,
  cartToken?: string,
): UseQueryResult<CartShippingOptionList, AgentStackError> {
  const client = useAgentStackClient();
  return useQuery({
    queryKey: [...cartKeys.detail(id ?? ''), 'shippingOptions'],
    queryFn: ({ signal }) =>
      client.commerce.carts.shippingOptions(id ?? '', { signal, ...(cartToken ? { cartToken } : {}) }),
    enabled: Boolean(id),
  });
}
