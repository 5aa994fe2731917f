import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  DATABASES,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  testEmail,
} from '../../test/harness';

// A failing query once logged its full parameter list: password hashes, key hashes, emails.
describe.each(DATABASES)('error logs (%s)', (kind) => {
  let t: TestServer;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(kind, { server: { logLevel: 'error', logWrite: (l) => lines.push(l) } });
    await t.server.context.database.query(
      `alter table users add constraint reject_marked check (name <> 'Rejected by the test')`,
    );
  });
  afterAll(() => t?.stop());

  it('name the failing query and the database error, never a parameter value', async () => {
    const { secretKey } = await createTenant(t);
    const email = testEmail('logged');
    const res = await t.request('POST', '/v1/platform/users', {
      token: secretKey,
      body: { email, name: 'Rejected by the test', role: 'viewer', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(500);
    const logged = lines.join('');
    const entry = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === res.body.requestId);
    expect(entry).toMatchObject({ level: 'error', dbCode: '23514' });
    expect(entry.query).toMatch(/^insert into "users"/);
    expect(entry.dbMessage).toContain('reject_marked');
    for (const secret of [email, 'Rejected by the test', 'scrypt$', TEST_PASSWORD]) {
      expect(logged).not.toContain(secret);
    }
  });
});
