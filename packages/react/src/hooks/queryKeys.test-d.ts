import type {
  Agency,
  AgentStack,
  AgentStackError,
  ApiKey,
  Brand,
  DiscountCode,
  Entitlements,
  ListResponse,
  Plan,
  Principal,
  Product,
  Region,
  ShippingOption,
  Tenant,
  User,
} from '@agentstack/sdk';
import { QueryClient, useQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import { pricingKeys } from './commerce/pricingKeys';
import { productKeys, productQueries } from './commerce/productKeys';
import { platformKeys, platformQueries } from './platform/platformKeys';

const qc = new QueryClient();
declare const client: AgentStack;

describe('query keys carry their data type', () => {
  it('types getQueryData for products', () => {
    expectTypeOf(qc.getQueryData(productKeys.detail('prod_1'))).toEqualTypeOf<Product | undefined>();
    expectTypeOf(qc.getQueryData(productKeys.list({ status: 'active' }))).toEqualTypeOf<
      ListResponse<Product> | undefined
    >();
    expectTypeOf(qc.getQueryData(productKeys.list())).not.toBeAny();
  });

  it('types getQueryData for every platform key', () => {
    expectTypeOf(qc.getQueryData(platformKeys.me())).toEqualTypeOf<Principal | undefined>();
    expectTypeOf(qc.getQueryData(platformKeys.entitlements())).toEqualTypeOf<Entitlements | undefined>();
    expectTypeOf(qc.getQueryData(platformKeys.brand())).toEqualTypeOf<Brand | undefined>();
    expectTypeOf(qc.getQueryData(platformKeys.plans())).toEqualTypeOf<Plan[] | undefined>();
    expectTypeOf(qc.getQueryData(platformKeys.tenant('ten_1'))).toEqualTypeOf<Tenant | undefined>();
    expectTypeOf(qc.getQueryData(platformKeys.tenantList())).toEqualTypeOf<
      ListResponse<Tenant> | undefined
    >();
    expectTypeOf(qc.getQueryData(platformKeys.agency('agy_1'))).toEqualTypeOf<Agency | undefined>();
    expectTypeOf(qc.getQueryData(platformKeys.agencyList())).toEqualTypeOf<
      ListResponse<Agency> | undefined
    >();
    expectTypeOf(qc.getQueryData(platformKeys.user('usr_1'))).toEqualTypeOf<User | undefined>();
    expectTypeOf(qc.getQueryData(platformKeys.userList({ limit: 10 }))).toEqualTypeOf<
      ListResponse<User> | undefined
    >();
    expectTypeOf(qc.getQueryData(platformKeys.apiKeyList())).toEqualTypeOf<
      ListResponse<ApiKey> | undefined
    >();
  });

  it('types getQueryData for regions, shipping options and discount codes', () => {
    expectTypeOf(qc.getQueryData(pricingKeys.regions.detail('reg_1'))).toEqualTypeOf<Region | undefined>();
    expectTypeOf(qc.getQueryData(pricingKeys.shippingOptions.list({ regionId: 'reg_1' }))).toEqualTypeOf<
      ListResponse<ShippingOption> | undefined
    >();
    expectTypeOf(qc.getQueryData(pricingKeys.discountCodes.list({ active: 'true' }))).toEqualTypeOf<
      ListResponse<DiscountCode> | undefined
    >();
    expectTypeOf(pricingKeys.regions.all).toEqualTypeOf<
      readonly ['agentstack', 'commerce', 'pricing', 'regions']
    >();
  });

  it('refuses data of the wrong shape in setQueryData', () => {
    // @ts-expect-error a user is not a product
    qc.setQueryData(productKeys.detail('prod_1'), {} as User);
    // @ts-expect-error entitlements are not a brand
    qc.setQueryData(platformKeys.brand(), {} as Entitlements);
  });

  it('keys keep their literal path, so prefixes type-check', () => {
    expectTypeOf(productKeys.all).toEqualTypeOf<readonly ['agentstack', 'commerce', 'products']>();
    expectTypeOf(productKeys.lists()).toEqualTypeOf<
      readonly ['agentstack', 'commerce', 'products', 'list']
    >();
  });
});

describe('query options', () => {
  it('type useQuery and ensureQueryData from the options, with the SDK error', () => {
    const product = useQuery(productQueries.detail(client, 'prod_1'));
    expectTypeOf(product.data).toEqualTypeOf<Product | undefined>();
    expectTypeOf(product.error).toEqualTypeOf<AgentStackError | null>();
    expectTypeOf(qc.ensureQueryData(platformQueries.userList(client, {}))).resolves.toEqualTypeOf<
      ListResponse<User>
    >();
    expectTypeOf(qc.ensureQueryData(platformQueries.plans(client))).resolves.toEqualTypeOf<Plan[]>();
    expectTypeOf(productQueries.list(client).queryKey).toEqualTypeOf(productKeys.list());
  });
});
