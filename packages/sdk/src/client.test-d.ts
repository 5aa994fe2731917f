import { describe, expectTypeOf, it } from 'vitest';
import {
  AgentStack,
  type AgentStackError,
  type ApiKey,
  type ApiKeyWithSecret,
  type Brand,
  type DeletedUser,
  type Entitlements,
  isPlanLimitError,
  isValidationError,
  type Page,
  type PagePromise,
  type Plan,
  type Principal,
  type Product,
  type ProductCreate,
  type ProductListParams,
  type RevokedSession,
  type Session,
  type Tenant,
  type Upgrade,
  type User,
} from './index';

const client = new AgentStack({ apiKey: 'sk_test' });

describe('client types', () => {
  it('resource methods return the schema types, never any', async () => {
    expectTypeOf(await client.commerce.products.retrieve('x')).toEqualTypeOf<Product>();
    expectTypeOf(
      await client.commerce.products.create({ title: 't', price: { amount: 1, currency: 'EUR' } }),
    ).toEqualTypeOf<Product>();
    expectTypeOf(await client.commerce.products.update('x', { title: 't' })).toEqualTypeOf<Product>();
    expectTypeOf(await client.commerce.products.archive('x')).toEqualTypeOf<Product>();
    expectTypeOf(await client.commerce.products.bulkArchive({ ids: ['prod_1'] })).toEqualTypeOf<
      Page<Product>
    >();
    expectTypeOf(await client.platform.me.retrieve()).toEqualTypeOf<Principal>();
    expectTypeOf(await client.platform.entitlements.retrieve()).toEqualTypeOf<Entitlements>();
    expectTypeOf(await client.platform.brand.retrieve()).toEqualTypeOf<Brand>();
    expectTypeOf(await client.platform.tenants.retrieve('ten_1')).toEqualTypeOf<Tenant>();
    expectTypeOf(
      await client.platform.apiKeys.create({ type: 'secret', name: 'n' }),
    ).toEqualTypeOf<ApiKeyWithSecret>();
    expectTypeOf(await client.platform.apiKeys.revoke('key_1')).toEqualTypeOf<ApiKey>();
    expectTypeOf(await client.platform.users.del('usr_1')).toEqualTypeOf<DeletedUser>();
    expectTypeOf(
      await client.platform.sessions.create({ email: 'a@b.co', password: 'p' }),
    ).toEqualTypeOf<Session>();
    expectTypeOf(await client.platform.sessions.revoke()).toEqualTypeOf<RevokedSession>();
    expectTypeOf(await client.commerce.products.retrieve('x')).not.toBeAny();
  });

  it('lists are PagePromises of typed items', async () => {
    const list = client.commerce.products.list({ limit: 50, status: 'active' });
    expectTypeOf(list).toEqualTypeOf<PagePromise<Product, ProductListParams>>();
    // A real promise: react-query's `queryFn: () => client.commerce.products.list()` infers the page.
    expectTypeOf(list).toExtend<Promise<Page<Product>>>();
    const page = await list;
    expectTypeOf(page.data).toEqualTypeOf<Product[]>();
    expectTypeOf(page.data[0]).not.toBeAny();
    expectTypeOf(page.nextCursor).toEqualTypeOf<string | null>();
    for await (const product of client.commerce.products.list())
      expectTypeOf(product).toEqualTypeOf<Product>();
    for await (const user of client.platform.users.list().all()) expectTypeOf(user).toEqualTypeOf<User>();
    expectTypeOf(await client.platform.plans.list().toArray()).toEqualTypeOf<Plan[]>();
  });

  it('params and bodies are checked', () => {
    // @ts-expect-error unknown status
    client.commerce.products.list({ status: 'deleted' });
    // @ts-expect-error limit is a number
    client.commerce.products.list({ limit: '10' });
    // @ts-expect-error price is required
    client.commerce.products.create({ title: 't' });
    // @ts-expect-error no such option
    client.commerce.products.retrieve('x', { retries: 3 });
    expectTypeOf<ProductCreate['price']>().toEqualTypeOf<{ amount: number; currency: string }>();
    client.commerce.products.retrieve('x', {
      signal: AbortSignal.timeout(1),
      idempotencyKey: 'k',
      maxRetries: 0,
    });
  });

  it('guards narrow to the subclass with its extra fields', () => {
    const error: unknown = null;
    if (isPlanLimitError(error)) {
      expectTypeOf(error.upgrade).toEqualTypeOf<Upgrade | null>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.kind).toEqualTypeOf<'plan_limit'>();
    }
    if (isValidationError(error)) {
      expectTypeOf(error.errors).toEqualTypeOf<{ param: string; code: string; message: string }[]>();
    }
    expectTypeOf<AgentStackError['code']>().toEqualTypeOf<string>();
    expectTypeOf<AgentStackError['status']>().toEqualTypeOf<number | null>();
  });
});
