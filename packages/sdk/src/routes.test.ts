import { describe, expect, it } from 'vitest';
import { commerceContract, platformContract, realtimeContract } from './contract/api';
import { type OperationGroup, routeOf } from './contract/operation';
import { commerceRoutes, platformRoutes, realtimeRoutes } from './routes';

const routesOf = (domain: Record<string, OperationGroup>) =>
  Object.fromEntries(
    Object.entries(domain).map(([name, group]) => [
      name,
      Object.fromEntries(Object.entries(group).map(([method, op]) => [method, routeOf(op)])),
    ]),
  );

describe('the routes the client binds (src/routes.ts)', () => {
  it.each([
    ['platform', platformRoutes, platformContract],
    ['commerce', commerceRoutes, commerceContract],
    ['realtime', realtimeRoutes, realtimeContract],
  ] as const)(
    'are the %s contract, route for route (else: npm run routes -w @agentstack/sdk)',
    (_, routes, contract) => {
      expect(routes).toEqual(routesOf(contract));
    },
  );

  it('say method, path and what the method takes', () => {
    expect(routeOf(commerceContract.products.list)).toBe('get /v1/commerce/products ql');
    expect(routeOf(commerceContract.products.create)).toBe('post /v1/commerce/products b');
    expect(routeOf(platformContract.me.retrieve)).toBe('get /v1/platform/me');
  });
});
