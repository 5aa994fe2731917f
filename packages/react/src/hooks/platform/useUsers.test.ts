import type { ApiKey, User } from '@agentstack/sdk';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { platformKeys } from './platformKeys';

describe('team and API-key query keys', () => {
  it('carry their data type and nest under the invalidation prefixes', () => {
    const qc = new QueryClient();
    expectTypeOf(qc.getQueryData(platformKeys.user('usr_1'))).toEqualTypeOf<User | undefined>();
    expectTypeOf(qc.getQueryData(platformKeys.userList({ limit: 10 }))?.data).toEqualTypeOf<
      User[] | undefined
    >();
    expectTypeOf(qc.getQueryData(platformKeys.apiKeyList())?.data).toEqualTypeOf<ApiKey[] | undefined>();

    expect(platformKeys.userList({ limit: 10 })).toEqual([
      'agentstack',
      'platform',
      'users',
      'list',
      { limit: 10 },
    ]);
    expect(platformKeys.userList().slice(0, 4)).toEqual([...platformKeys.userLists()]);
    expect(platformKeys.user('usr_1').slice(0, 3)).toEqual([...platformKeys.users()]);
    expect(platformKeys.apiKeyList().slice(0, 3)).toEqual([...platformKeys.apiKeys()]);
  });
});
