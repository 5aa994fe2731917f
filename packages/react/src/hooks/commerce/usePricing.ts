import type {
  AgentStackError,
  DiscountCode,
  DiscountCodeCreate,
  DiscountCodeListParams,
  DiscountCodeUpdate,
  ListResponse,
  Region,
  RegionCreate,
  RegionListParams,
  RegionUpdate,
  ShippingOption,
  ShippingOptionCreate,
  ShippingOptionListParams,
  ShippingOptionUpdate,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { cartKeys } from './cartKeys';
import { pricingKeys, pricingQueries } from './pricingKeys';

/** What a delete answers: the id, the object's type and `deleted: true`. */
export interface DeletedPricingObject {
  id: string;
  object: string;
  deleted: true;
}

/** Variables of an update hook: the object's id and the fields to change. */
export interface UpdatePricingVariables<TBody> {
  id: string;
  body: TBody;
}

/** Variables of {@link useUpdateRegion}. */
export type UpdateRegionVariables = UpdatePricingVariables<RegionUpdate>;
/** Variables of {@link useUpdateShippingOption}. */
export type UpdateShippingOptionVariables = UpdatePricingVariables<ShippingOptionUpdate>;
/** Variables of {@link useUpdateDiscountCode}. */
export type UpdateDiscountCodeVariables = UpdatePricingVariables<DiscountCodeUpdate>;

// A cart's priced shipping options are cached under the cart's detail key: refetch them with the
// options. A region going takes its shipping options with it.
const afterShippingWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, pricingKeys.shippingOptions.all, cartKeys.details());
const afterRegionWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, pricingKeys.regions.all, pricingKeys.shippingOptions.all, cartKeys.details());
const afterDiscountWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, pricingKeys.discountCodes.all);

/** One page of regions, by name (`GET /v1/commerce/regions`; `commerce:pricing:read`). */
export function useRegions(
  params: RegionListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<Region>, AgentStackError> {
  return useListQuery((client) => pricingQueries.regions.list(client, params), options);
}

/** One region; disabled while `id` is empty. */
export function useRegion(id: string | null | undefined): UseQueryResult<Region, AgentStackError> {
  return useDetailQuery(pricingQueries.regions.detail, id);
}

/** Creates a region: a name, a currency, the countries it serves and a tax rate in basis points (`POST /v1/commerce/regions`). */
export function useCreateRegion(): UseMutationResult<Region, AgentStackError, RegionCreate> {
  return useWriteMutation(
    (client, body: RegionCreate) => client.commerce.regions.create(body),
    afterRegionWrite,
  );
}

/** Renames a region or changes its countries or tax rate (`PATCH /v1/commerce/regions/:id`); its currency is fixed. */
export function useUpdateRegion(): UseMutationResult<Region, AgentStackError, UpdateRegionVariables> {
  return useWriteMutation(
    (client, { id, body }: UpdateRegionVariables) => client.commerce.regions.update(id, body),
    afterRegionWrite,
  );
}

/** Deletes a region and its shipping options (`DELETE /v1/commerce/regions/:id`). */
export function useDeleteRegion(): UseMutationResult<DeletedPricingObject, AgentStackError, string> {
  return useWriteMutation((client, id: string) => client.commerce.regions.del(id), afterRegionWrite);
}

/** One page of shipping options, of one region with `regionId` (`GET /v1/commerce/shipping-options`). */
export function useShippingOptions(
  params: ShippingOptionListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<ShippingOption>, AgentStackError> {
  return useListQuery((client) => pricingQueries.shippingOptions.list(client, params), options);
}

/** One shipping option; disabled while `id` is empty. */
export function useShippingOption(
  id: string | null | undefined,
): UseQueryResult<ShippingOption, AgentStackError> {
  return useDetailQuery(pricingQueries.shippingOptions.detail, id);
}

/**
 * Creates a shipping option in a region (`POST /v1/commerce/shipping-options`): amounts in the
 * region's currency, else `400 validation_failed` naming `amount` or `freeOver`.
 */
export function useCreateShippingOption(): UseMutationResult<
  ShippingOption,
  AgentStackError,
  ShippingOptionCreate
> {
  return useWriteMutation(
    (client, body: ShippingOptionCreate) => client.commerce.shippingOptions.create(body),
    afterShippingWrite,
  );
}

/** Changes a shipping option's name, amounts or whether it is offered (`PATCH /v1/commerce/shipping-options/:id`). */
export function useUpdateShippingOption(): UseMutationResult<
  ShippingOption,
  AgentStackError,
  UpdateShippingOptionVariables
> {
  return useWriteMutation(
    (client, { id, body }: UpdateShippingOptionVariables) => client.commerce.shippingOptions.update(id, body),
    afterShippingWrite,
  );
}

/** Deletes a shipping option; carts that chose it lose it (`DELETE /v1/commerce/shipping-options/:id`). */
export function useDeleteShippingOption(): UseMutationResult<DeletedPricingObject, AgentStackError, string> {
  return useWriteMutation(
    (client, id: string) => client.commerce.shippingOptions.del(id),
    afterShippingWrite,
  );
}

/** One page of discount codes, newest first, `active: 'true' | 'false'` to filter (`GET /v1/commerce/discount-codes`; `commerce:discounts:read`). */
export function useDiscountCodes(
  params: DiscountCodeListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<DiscountCode>, AgentStackError> {
  return useListQuery((client) => pricingQueries.discountCodes.list(client, params), options);
}

/** One discount code; disabled while `id` is empty. */
export function useDiscountCode(
  id: string | null | undefined,
): UseQueryResult<DiscountCode, AgentStackError> {
  return useDetailQuery(pricingQueries.discountCodes.detail, id);
}

/** Creates a discount code, a percentage or a fixed amount off (`POST /v1/commerce/discount-codes`; `409 conflict` when the code exists, in any case). */
export function useCreateDiscountCode(): UseMutationResult<
  DiscountCode,
  AgentStackError,
  DiscountCodeCreate
> {
  return useWriteMutation(
    (client, body: DiscountCodeCreate) => client.commerce.discountCodes.create(body),
    afterDiscountWrite,
  );
}

/**
 * Changes a discount code's limits, window or whether it is active (`PATCH
 * /v1/commerce/discount-codes/:id`); what it takes off is fixed. A usage limit below the
 * redemptions so far is `409 invalid_state`.
 */
export function useUpdateDiscountCode(): UseMutationResult<
  DiscountCode,
  AgentStackError,
  UpdateDiscountCodeVariables
> {
  return useWriteMutation(
    (client, { id, body }: UpdateDiscountCodeVariables) => client.commerce.discountCodes.update(id, body),
    afterDiscountWrite,
  );
}

/** Deletes a discount code never redeemed (`DELETE /v1/commerce/discount-codes/:id`; a redeemed one is `409 invalid_state`: deactivate it). */
export function useDeleteDiscountCode(): UseMutationResult<DeletedPricingObject, AgentStackError, string> {
  return useWriteMutation((client, id: string) => client.commerce.discountCodes.del(id), afterDiscountWrite);
}
