import type { Product } from '@agentstack/sdk';
import type { QueryClient } from '@tanstack/react-query';
import { platformKeys } from '../platform/platformKeys';
import { productKeys } from './productKeys';

/** @internal After a write: cache the returned products, refetch lists and usage. */
export async function afterProductWrite(queryClient: QueryClient, products: Product[]): Promise<void> {
  for (const product of products) queryClient.setQueryData(productKeys.detail(product.id), product);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: productKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: platformKeys.entitlements() }),
  ]);
}
