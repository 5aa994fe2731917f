import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { cachedList } from './cachedList';

type Caller = { tenant: string };

/** A list over an in-memory version counter, counting its loads. */
function harness() {
  const state = { version: 1 as number | undefined, loads: 0, versionReads: 0 };
  const list = cachedList<Caller, Record<string, unknown>, unknown>({
    scope: (caller) => caller.tenant,
    version: async () => {
      state.versionReads++;
      return state.version ?? 0;
    },
    load: async (_db, caller, query) => {
      state.loads++;
      return { value: { tenant: caller.tenant, query, load: state.loads }, version: state.version };
    },
  });
  const host = { db: {} as Db, listCacheEntries: 100 };
  const read = async (query: Record<string, unknown>, caller: Caller = { tenant: 'a' }) =>
    JSON.parse(new TextDecoder().decode((await list(host, caller, query)).bytes));
  return { state, list, host, read };
}

describe('cachedList', () => {
  it('keys pages by the whole validated query: any parameter, even one added later, tells pages apart', async () => {
    const { state, read } = harness();
    await read({ limit: 5, status: 'active' });
    await read({ status: 'active', limit: 5 }); // same query, other key order: a hit
    expect(state.loads).toBe(1);
    await read({ limit: 5, status: 'active', colour: 'red' });
    await read({ limit: 5, status: 'active', colour: 'blue' });
    expect(state.loads).toBe(3);
  });

  it('keys pages by the caller scope', async () => {
    const { state, read } = harness();
    expect((await read({ limit: 5 }, { tenant: 'a' })).tenant).toBe('a');
    expect((await read({ limit: 5 }, { tenant: 'b' })).tenant).toBe('b');
    expect(state.loads).toBe(2);
  });

  it('serves a page only while its version is current', async () => {
    const { state, read } = harness();
    expect((await read({})).load).toBe(1);
    expect((await read({})).load).toBe(1);
    state.version = 2;
    expect((await read({})).load).toBe(2);
    expect((await read({})).load).toBe(2);
  });

  it('reads a page not cached in one statement, without a version check', async () => {
    const { state, read } = harness();
    await read({ limit: 1 });
    await read({ limit: 2 });
    expect(state).toMatchObject({ loads: 2, versionReads: 0 });
    await read({ limit: 1 });
    expect(state).toMatchObject({ loads: 2, versionReads: 1 });
  });

  it('does not cache a page whose version the statement could not tell', async () => {
    const { state, read } = harness();
    state.version = undefined;
    await read({});
    await read({});
    expect(state.loads).toBe(2);
  });

  it('keeps one cache per list and per server instance', async () => {
    const one = harness();
    const two = harness();
    await one.list(one.host, { tenant: 'a' }, {});
    await two.list(one.host, { tenant: 'a' }, {});
    expect([one.state.loads, two.state.loads]).toEqual([1, 1]);
    await one.list({ db: {} as Db, listCacheEntries: 100 }, { tenant: 'a' }, {});
    expect(one.state.loads).toBe(2);
  });

  it('reads straight through, without a version read, when caching is off', async () => {
    const { state, list } = harness();
    const host = { db: {} as Db, listCacheEntries: 0 };
    await list(host, { tenant: 'a' }, {});
    await list(host, { tenant: 'a' }, {});
    expect(state).toMatchObject({ loads: 2, versionReads: 0 });
  });
});
