import type {
  AgentStackError,
  ListResponse,
  Vendor,
  VendorCreate,
  VendorListParams,
  VendorUpdate,
} from '@agentstack/sdk';
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useDetailQuery } from '../shared/useDetailQuery';
import { type ListQueryOptions, useListQuery } from '../shared/useListQuery';
import { invalidateAll, useWriteMutation } from '../shared/useWriteMutation';
import { vendorKeys, vendorQueries } from './catalogKeys';
import { productKeys } from './productKeys';

// Deleting (or moving) one changes products and what their filters list: refetch both.
const afterWrite = (queryClient: QueryClient) => invalidateAll(queryClient, vendorKeys.all, productKeys.all);

/** One page of vendors (`GET /v1/commerce/vendors`, by name. Below commerce Growth the error is `feature_not_in_plan`: gate with `TierGate feature="commerce.multiVendor"` or pass `enabled: false`). */
export function useVendors(
  params: VendorListParams = {},
  options: ListQueryOptions = {},
): UseQueryResult<ListResponse<Vendor>, AgentStackError> {
  return useListQuery((client) => vendorQueries.list(client, params), options);
}

/** One vendor by id. Disabled while `id` is empty. */
export function useVendor(id: string | null | undefined): UseQueryResult<Vendor, AgentStackError> {
  return useDetailQuery(vendorQueries.detail, id);
}

/** Creates a vendor (`POST /v1/commerce/vendors`). */
export function useCreateVendor(): UseMutationResult<Vendor, AgentStackError, VendorCreate> {
  return useWriteMutation((client, body: VendorCreate) => client.commerce.vendors.create(body), afterWrite);
}

/** Variables of {@link useUpdateVendor}. */
export interface UpdateVendorVariables {
  id: string;
  body: VendorUpdate;
}

/** Updates a vendor (`PATCH /v1/commerce/vendors/:id`). */
export function useUpdateVendor(): UseMutationResult<Vendor, AgentStackError, UpdateVendorVariables> {
  return useWriteMutation(
    (client, { id, body }: UpdateVendorVariables) => client.commerce.vendors.update(id, body),
    afterWrite,
  );
}

/** Deletes a vendor (`DELETE /v1/commerce/vendors/:id`); its products leave it. */
export function useDeleteVendor(): UseMutationResult<{ id: string; deleted: true }, AgentStackError, string> {
  return useWriteMutation((client, id: string) => client.commerce.vendors.del(id), afterWrite);
}
