import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registerUsage } from './usage';

describe('entitlements usage registry', () => {
  it('imports no domain and names no domain table: domains register their counters', () => {
    const folder = new URL('.', import.meta.url);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(new URL(file, folder), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const path of imports) {
        expect(path, `${file} imports ${path}`).not.toMatch(/(commerce|fintech|social)\/|db\/schema/);
      }
    }
  });

  it('refuses a second counter for the same limit', () => {
    registerUsage('social.users', async () => 0);
    expect(() => registerUsage('social.users', async () => 1)).toThrow(/already registered/);
  });
});
