import type { Product } from '@agentstack/sdk';
import type { QueryClient } from '@tanstack/react-query';
import { platformKeys } from '../platform/platformKeys';
import { invalidateAll } from '../shared/useWriteMutation';
import { productKeys } from './productKeys';

/** @internal After a write: cache the returned products, refetch lists and usage. */
export function afterProductWrite(queryClient: QueryClient, products: Product[]): Promise<void> {
  for (const product of products) queryClient.setQueryData(productKeys.detail(product.id), product);
  return invalidateAll(queryClient, productKeys.lists(), platformKeys.entitlements());
}

/** @internal {@link afterProductWrite} for a write that answers one product. */
export const afterProductSaved = (queryClient: QueryClient, product: Product): Promise<void> =>
  afterProductWrite(queryClient, [product]);
