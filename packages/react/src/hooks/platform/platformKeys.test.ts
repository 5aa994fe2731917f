import { describe, expect, it } from 'vitest';
import { platformKeys } from './platformKeys';

describe('team and API-key query keys', () => {
  it('nest under the invalidation prefixes (types: queryKeys.test-d.ts)', () => {
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
