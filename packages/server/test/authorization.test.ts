import {
  AGENCY_PERMISSIONS,
  CUSTOMER_PERMISSIONS,
  OPERATOR_PERMISSIONS,
  PUBLISHABLE_PERMISSIONS,
  ROLE_PERMISSIONS,
} from '@agentstack/sdk/catalog';
import type { Role } from '@agentstack/sdk/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomer,
  createTenant,
  createUser,
  EMAIL_OUTBOX,
  signIn,
  startTestServer,
  type TestServer,
} from './harness';

// An audit over every operation the server documents, so a new route cannot ship unguarded:
// without a credential it answers 401, and each role gets 403 exactly where its permissions
// (the catalogue's table) do not reach.
interface Operation {
  method: string;
  path: string;
  permission: string;
}

describe('authorization on every route', () => {
  let t: TestServer;
  let operations: Operation[];
  const sessions: Partial<Record<Role, string>> = {};
  let publishableKey: string;
  let agencyKey: string;
  let customerToken: string;

  beforeAll(async () => {
    // The email outbox: a customer's sign-up code arrives there.
    t = await startTestServer('pglite', { server: EMAIL_OUTBOX });
    const doc = (await t.request('GET', '/openapi.json')).body;
    operations = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      ([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          method: method.toUpperCase(),
          path: path.replace(/\{[^}]+\}/g, 'x_00000000000000000000'),
          permission: op['x-agentstack-permission'] as string,
        })),
    );
    const { secretKey, publishableKey: pk } = await createTenant(t, {
      subscription: { platform: 'enterprise', commerce: 'commerce_enterprise', fintech: null, social: null },
      // Every add-on, so a 403 here is the role's and never the plan's.
      addons: ['commerce_payment_gateway'],
    });
    for (const role of Object.keys(ROLE_PERMISSIONS) as Role[]) {
      const user = await createUser(t, secretKey, role);
      sessions[role] = await signIn(t, user.email);
    }
    publishableKey = pk;
    customerToken = (await createCustomer(t, { publishableKey: pk, secretKey })).token;
    const agency = await t.request('POST', '/v1/platform/agencies', {
      token: t.operatorKey,
      body: {
        name: 'Audit Agency',
        brand: {
          name: 'Audit',
          logoUrl: null,
          primaryColor: '#111111',
          accentColor: '#222222',
          colorScheme: 'light',
        },
      },
    });
    const key = await t.request('POST', `/v1/platform/agencies/${agency.body.id}/api-keys`, {
      token: t.operatorKey,
      body: { name: 'audit' },
    });
    agencyKey = key.body.secret;
  });
  afterAll(() => t?.stop());

  it('documents a permission for every operation', () => {
    expect(operations.length).toBeGreaterThan(25);
    for (const op of operations) expect(op.permission, `${op.method} ${op.path}`).toBeTruthy();
  });

  it('answers 401 without a credential on every non-public operation', async () => {
    for (const op of operations.filter((o) => o.permission !== 'public')) {
      const res = await t.request(op.method, op.path, op.method === 'GET' ? {} : { body: {} });
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    }
  });

  it.each(Object.keys(ROLE_PERMISSIONS) as Role[])(
    'gives a %s session exactly its permissions',
    async (role) => {
      const allowed = new Set<string>(ROLE_PERMISSIONS[role]);
      for (const op of operations.filter((o) => o.permission !== 'public')) {
        const res = await t.request(op.method, op.path, {
          token: sessions[role],
          ...(op.method === 'GET' ? {} : { body: {} }),
        });
        const where = `${role}: ${op.method} ${op.path} (${op.permission}) → ${res.status} ${res.body?.code}`;
        if (allowed.has(op.permission)) expect(res.status, where).not.toBe(403);
        else expect([res.status, res.body.code], where).toEqual([403, 'forbidden']);
      }
    },
  );

  // A publishable key is in every visitor's browser: it reaches what the table gives it and no
  // more — not even `GET /v1/platform/me`.
  it.each([
    ['publishable key', () => publishableKey, PUBLISHABLE_PERMISSIONS],
    ['operator key', () => t.operatorKey, OPERATOR_PERMISSIONS],
    ['agency key', () => agencyKey, AGENCY_PERMISSIONS],
    ['customer token', () => customerToken, CUSTOMER_PERMISSIONS],
  ] as const)('gives a %s exactly its permissions', async (name, token, permissions) => {
    const me = await t.request('GET', '/v1/platform/me', { token: token() });
    expect(me.status).toBe(name === 'publishable key' || name === 'customer token' ? 403 : 200);
    const allowed = new Set<string>(permissions);
    // Signing out ends the credential under audit: last.
    const signOut = (o: Operation) => (o.method === 'DELETE' && o.path.endsWith('/me/session') ? 1 : 0);
    const audited = operations
      .filter((o) => o.permission !== 'public')
      .sort((a, b) => signOut(a) - signOut(b));
    for (const op of audited) {
      const res = await t.request(op.method, op.path, {
        token: token(),
        ...(op.method === 'GET' ? {} : { body: {} }),
      });
      const where = `${name}: ${op.method} ${op.path} (${op.permission}) → ${res.status} ${res.body?.code}`;
      if (allowed.has(op.permission)) expect(res.body?.detail ?? '', where).not.toMatch(/may not/);
      else expect([res.status, res.body.code], where).toEqual([403, 'forbidden']);
    }
  });
});
