import type { AgentStackError, Brand } from '@agentstack/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useAgentStackClient } from '../../provider/context';
import { platformQueries } from './platformKeys';

/**
 * The tenant's white-label brand (`GET /v1/platform/brand`). Feed it to `themeFromBrand`.
 * Cached for 5 minutes.
 */
export function useBrand(): UseQueryResult<Brand, AgentStackError> {
  return useQuery(platformQueries.brand(useAgentStackClient()));
}
