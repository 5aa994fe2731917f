import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createUser,
  DATABASES,
  signIn as signInAs,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  testEmail,
} from '../../../../test/harness';

const PASSWORD = TEST_PASSWORD;
const email = testEmail;

describe.each(DATABASES)('platform users (%s)', (kind) => {
  let t: TestServer;
  let a: Awaited<ReturnType<typeof createTenant>>;
  let b: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    t = await startTestServer(kind);
    a = await createTenant(t);
    b = await createTenant(t);
  });
  afterAll(() => t?.stop());

  const makeUser = (key: string, role: string, address?: string) => createUser(t, key, role, address);

  const signIn = (address: string, tenantId?: string) => signInAs(t, address, tenantId);

  it('creates a user with a lower-cased email and never returns the password', async () => {
    const res = await t.request('POST', '/v1/platform/users', {
      token: a.secretKey,
      body: { email: 'Mixed.Case@Example.TEST', name: 'Mixed Case', role: 'admin', password: PASSWORD },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      object: 'user',
      email: 'mixed.case@example.test',
      name: 'Mixed Case',
      role: 'admin',
      lastLoginAt: null,
    });
    expect(res.body.id).toMatch(/^usr_/);
    expect(JSON.stringify(res.body)).not.toContain('scrypt');
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('passwordHash');
  });

  it('answers 409 conflict on a duplicate email within the tenant, whatever its case', async () => {
    const address = email('dup');
    await makeUser(a.secretKey, 'viewer', address);
    const res = await t.request('POST', '/v1/platform/users', {
      token: a.secretKey,
      body: { email: address.toUpperCase(), name: 'Again', role: 'viewer', password: PASSWORD },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'conflict', param: 'email' });
    // The same email is fine in another tenant.
    await makeUser(b.secretKey, 'viewer', address);
  });

  it('validates the body (short password, unknown role, unknown field)', async () => {
    const short = await t.request('POST', '/v1/platform/users', {
      token: a.secretKey,
      body: { email: email('v'), name: 'V', role: 'viewer', password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'validation_failed', param: 'password' });
    const role = await t.request('POST', '/v1/platform/users', {
      token: a.secretKey,
      body: { email: email('v'), name: 'V', role: 'superuser', password: PASSWORD },
    });
    expect(role.body).toMatchObject({ code: 'validation_failed', param: 'role' });
    const extra = await t.request('POST', '/v1/platform/users', {
      token: a.secretKey,
      body: { email: email('v'), name: 'V', role: 'viewer', password: PASSWORD, admin: true },
    });
    expect(extra.body).toMatchObject({ code: 'validation_failed', param: 'admin' });
  });

  it('lists users newest first with cursor pagination', async () => {
    const tenant = await createTenant(t);
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeUser(tenant.secretKey, 'viewer'));
    const first = await t.request('GET', '/v1/platform/users?limit=2', { token: tenant.secretKey });
    expect(first.status).toBe(200);
    expect(first.body.data.map((u: { id: string }) => u.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(first.body).toMatchObject({ hasMore: true, nextCursor: made[1]!.id });
    const second = await t.request(
      'GET',
      `/v1/platform/users?limit=2&startingAfter=${first.body.nextCursor}`,
      { token: tenant.secretKey },
    );
    expect(second.body).toMatchObject({ data: [{ id: made[0]!.id }], hasMore: false, nextCursor: null });
  });

  it('retrieves, updates and deletes a user', async () => {
    const user = await makeUser(a.secretKey, 'support');
    const got = await t.request('GET', `/v1/platform/users/${user.id}`, { token: a.secretKey });
    expect(got.body).toMatchObject({ id: user.id, role: 'support' });
    const patched = await t.request('PATCH', `/v1/platform/users/${user.id}`, {
      token: a.secretKey,
      body: { name: 'Renamed', role: 'compliance' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: user.id, name: 'Renamed', role: 'compliance' });
    const deleted = await t.request('DELETE', `/v1/platform/users/${user.id}`, { token: a.secretKey });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: user.id, object: 'user', deleted: true });
    expect((await t.request('GET', `/v1/platform/users/${user.id}`, { token: a.secretKey })).status).toBe(
      404,
    );
    expect((await t.request('DELETE', `/v1/platform/users/${user.id}`, { token: a.secretKey })).status).toBe(
      404,
    );
  });

  it("answers 404 for another tenant's user, never touching it", async () => {
    const other = await makeUser(b.secretKey, 'viewer');
    const get = await t.request('GET', `/v1/platform/users/${other.id}`, { token: a.secretKey });
    expect(get.status).toBe(404);
    expect(get.body.code).toBe('not_found');
    const patch = await t.request('PATCH', `/v1/platform/users/${other.id}`, {
      token: a.secretKey,
      body: { name: 'Hijacked' },
    });
    expect(patch.status).toBe(404);
    const del = await t.request('DELETE', `/v1/platform/users/${other.id}`, { token: a.secretKey });
    expect(del.status).toBe(404);
    const list = await t.request('GET', '/v1/platform/users?limit=100', { token: a.secretKey });
    expect(list.body.data.map((u: { id: string }) => u.id)).not.toContain(other.id);
    const still = await t.request('GET', `/v1/platform/users/${other.id}`, { token: b.secretKey });
    expect(still.body).toMatchObject({ id: other.id, name: 'A viewer' });
  });

  it('lets only an owner create, promote, change or delete an owner', async () => {
    const admin = await makeUser(a.secretKey, 'admin');
    const adminSession = await signIn(admin.email);
    const owner = await makeUser(a.secretKey, 'owner');
    const ownerSession = await signIn(owner.email);
    const viewer = await makeUser(a.secretKey, 'viewer');

    const create = await t.request('POST', '/v1/platform/users', {
      token: adminSession,
      body: { email: email('o'), name: 'Owner by admin', role: 'owner', password: PASSWORD },
    });
    expect(create.status).toBe(403);
    expect(create.body).toMatchObject({ code: 'forbidden', param: 'role' });
    const promote = await t.request('PATCH', `/v1/platform/users/${viewer.id}`, {
      token: adminSession,
      body: { role: 'owner' },
    });
    expect(promote.status).toBe(403);
    const demote = await t.request('PATCH', `/v1/platform/users/${owner.id}`, {
      token: adminSession,
      body: { role: 'viewer' },
    });
    expect(demote.status).toBe(403);
    const password = await t.request('PATCH', `/v1/platform/users/${owner.id}`, {
      token: adminSession,
      body: { password: 'taken over by admin' },
    });
    expect(password.status).toBe(403);
    const remove = await t.request('DELETE', `/v1/platform/users/${owner.id}`, { token: adminSession });
    expect(remove.status).toBe(403);

    // An admin still manages non-owners.
    const adminCreates = await t.request('POST', '/v1/platform/users', {
      token: adminSession,
      body: { email: email('s'), name: 'Support', role: 'support', password: PASSWORD },
    });
    expect(adminCreates.status).toBe(201);

    // An owner may do all of it.
    const ownerPromotes = await t.request('PATCH', `/v1/platform/users/${viewer.id}`, {
      token: ownerSession,
      body: { role: 'owner' },
    });
    expect(ownerPromotes.body).toMatchObject({ role: 'owner' });
    const ownerDeletes = await t.request('DELETE', `/v1/platform/users/${viewer.id}`, {
      token: ownerSession,
    });
    expect(ownerDeletes.status).toBe(200);
  });

  it('refuses to let a user delete themself', async () => {
    const admin = await makeUser(a.secretKey, 'admin');
    const session = await signIn(admin.email);
    const res = await t.request('DELETE', `/v1/platform/users/${admin.id}`, { token: session });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'forbidden', param: 'id' });
    expect((await t.request('GET', `/v1/platform/users/${admin.id}`, { token: a.secretKey })).status).toBe(
      200,
    );
  });

  it('applies role permissions: support reads users, viewer cannot, neither writes', async () => {
    const support = await makeUser(a.secretKey, 'support');
    const viewer = await makeUser(a.secretKey, 'viewer');
    const supportSession = await signIn(support.email);
    const viewerSession = await signIn(viewer.email);
    expect((await t.request('GET', '/v1/platform/users', { token: supportSession })).status).toBe(200);
    expect((await t.request('GET', '/v1/platform/users', { token: viewerSession })).status).toBe(403);
    const write = await t.request('POST', '/v1/platform/users', {
      token: supportSession,
      body: { email: email('x'), name: 'X', role: 'viewer', password: PASSWORD },
    });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
    expect((await t.request('GET', '/v1/platform/users', { token: a.publishableKey })).status).toBe(403);
    expect((await t.request('GET', '/v1/platform/users', { token: t.operatorKey })).status).toBe(403);
  });

  it('revokes the sessions of a deleted user', async () => {
    const user = await makeUser(a.secretKey, 'viewer');
    const session = await signIn(user.email);
    expect((await t.request('GET', '/v1/platform/me', { token: session })).status).toBe(200);
    await t.request('DELETE', `/v1/platform/users/${user.id}`, { token: a.secretKey });
    const after = await t.request('GET', '/v1/platform/me', { token: session });
    expect(after.status).toBe(401);
  });

  it('signs a user out elsewhere when their password changes, and the new password works', async () => {
    const user = await makeUser(a.secretKey, 'viewer');
    const session = await signIn(user.email);
    const res = await t.request('PATCH', `/v1/platform/users/${user.id}`, {
      token: a.secretKey,
      body: { password: 'a brand new password' },
    });
    expect(res.status).toBe(200);
    expect((await t.request('GET', '/v1/platform/me', { token: session })).status).toBe(401);
    const old = await t.request('POST', '/v1/platform/sessions', {
      body: { email: user.email, password: PASSWORD },
    });
    expect(old.status).toBe(401);
    const fresh = await t.request('POST', '/v1/platform/sessions', {
      body: { email: user.email, password: 'a brand new password' },
    });
    expect(fresh.status).toBe(201);
  });

  it('takes a role change into account on the next request of a live session', async () => {
    const user = await makeUser(a.secretKey, 'admin');
    const session = await signIn(user.email);
    expect((await t.request('GET', '/v1/platform/users', { token: session })).status).toBe(200);
    await t.request('PATCH', `/v1/platform/users/${user.id}`, {
      token: a.secretKey,
      body: { role: 'viewer' },
    });
    expect((await t.request('GET', '/v1/platform/users', { token: session })).status).toBe(403);
  });

  it('enforces the platform.dashboardUsers limit with 402 tier_limit_reached', async () => {
    const tenant = await createTenant(t, { limitOverrides: { 'platform.dashboardUsers': 2 } });
    await makeUser(tenant.secretKey, 'viewer');
    await makeUser(tenant.secretKey, 'viewer');
    const res = await t.request('POST', '/v1/platform/users', {
      token: tenant.secretKey,
      body: { email: email('over'), name: 'Over', role: 'viewer', password: PASSWORD },
    });
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({
      code: 'tier_limit_reached',
      limit: { key: 'platform.dashboardUsers', limit: 2, used: 2 },
    });
    const entitlements = await t.request('GET', '/v1/platform/entitlements', { token: tenant.secretKey });
    expect(entitlements.body.limits['platform.dashboardUsers']).toEqual({ limit: 2, used: 2 });
  });

  it('holds the limit under concurrent creates', async () => {
    const tenant = await createTenant(t, { limitOverrides: { 'platform.dashboardUsers': 3 } });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.request('POST', '/v1/platform/users', {
          token: tenant.secretKey,
          body: { email: email('race'), name: 'Racer', role: 'viewer', password: PASSWORD },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 402, 402, 402]);
    const list = await t.request('GET', '/v1/platform/users', { token: tenant.secretKey });
    expect(list.body.data).toHaveLength(3);
  });
});
