import type { QueryClient } from '@tanstack/react-query';
import { invalidateAll } from '../shared/useWriteMutation';
import { platformKeys } from './platformKeys';

/** @internal After a key write: refetch every key query. */
export const afterApiKeyWrite = (queryClient: QueryClient) =>
  invalidateAll(queryClient, platformKeys.apiKeys());
