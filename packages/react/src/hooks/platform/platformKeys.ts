import type { AgentStack, AgentStackError, Brand, Entitlements, Principal } from '@agentstack/sdk';
import { type DataTag, queryOptions } from '@tanstack/react-query';

type PlatformRoot = readonly ['agentstack', 'platform'];

/** Typed query keys of platform resources (`getQueryData(platformKeys.entitlements())` is typed). */
export const platformKeys = {
  all: ['agentstack', 'platform'] as PlatformRoot,
  me: () =>
    [...platformKeys.all, 'me'] as unknown as DataTag<
      readonly [...PlatformRoot, 'me'],
      Principal,
      AgentStackError
    >,
  entitlements: () =>
    [...platformKeys.all, 'entitlements'] as unknown as DataTag<
      readonly [...PlatformRoot, 'entitlements'],
      Entitlements,
      AgentStackError
    >,
  brand: () =>
    [...platformKeys.all, 'brand'] as unknown as DataTag<
      readonly [...PlatformRoot, 'brand'],
      Brand,
      AgentStackError
    >,
};

/** Query options of platform resources. */
export const platformQueries = {
  me: (client: AgentStack) =>
    queryOptions<Principal, AgentStackError, Principal, readonly [...PlatformRoot, 'me']>({
      queryKey: platformKeys.me(),
      queryFn: ({ signal }) => client.platform.me.retrieve({ signal }),
    }),
  entitlements: (client: AgentStack) =>
    queryOptions<Entitlements, AgentStackError, Entitlements, readonly [...PlatformRoot, 'entitlements']>({
      queryKey: platformKeys.entitlements(),
      queryFn: ({ signal }) => client.platform.entitlements.retrieve({ signal }),
    }),
  brand: (client: AgentStack) =>
    queryOptions<Brand, AgentStackError, Brand, readonly [...PlatformRoot, 'brand']>({
      queryKey: platformKeys.brand(),
      queryFn: ({ signal }) => client.platform.brand.retrieve({ signal }),
      staleTime: 5 * 60_000,
    }),
};
