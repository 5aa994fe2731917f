import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../app';

/** Every entry under `dir` (itself included) with its permission bits, as `path mode` strings. */
function modes(dir: string): Map<string, { dir: boolean; mode: number }> {
  const out = new Map<string, { dir: boolean; mode: number }>();
  const walk = (path: string) => {
    const stat = lstatSync(path);
    out.set(path, { dir: stat.isDirectory(), mode: stat.mode & 0o777 });
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return out;
}

function exposed(dir: string): string[] {
  return [...modes(dir)]
    .filter(([, e]) => (e.dir ? e.mode !== 0o700 : e.mode !== 0o600))
    .map(([path, e]) => `${path} ${e.mode.toString(8)}`);
}

// PGlite writes its files with Node's default modes less the umask; a umask of 000 made 1,022
// of 1,036 files world-writable.
describe('the PGlite data folder', () => {
  let root: string;
  let umask: number;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'agentstack-mode-'));
    umask = process.umask(0);
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('is created 0700 with files 0600 under umask 000, and stays so after writes', async () => {
    const dataDir = join(root, 'new', 'pgdata');
    const server = await createServer({ dataDir, logLevel: 'silent' });
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
    await server.context.database.query('create table filler as select g from generate_series(1, 5000) g');
    await server.stop();
    expect(modes(dataDir).size).toBeGreaterThan(500);
    expect(exposed(dataDir)).toEqual([]);
  });

  it('is checked at start: an exposed folder is reported and made private', async () => {
    const dataDir = join(root, 'exposed');
    await (await createServer({ dataDir, logLevel: 'silent' })).stop();
    const entries = [...modes(dataDir)];
    for (const [path, e] of entries) chmodSync(path, e.dir ? 0o777 : 0o666);

    const lines: string[] = [];
    const server = await createServer({ dataDir, logLevel: 'warn', logWrite: (l) => lines.push(l) });
    expect(exposed(dataDir)).toEqual([]);
    await server.stop();
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.msg.includes('data folder'));
    expect(warning).toMatchObject({ level: 'warn', dataDir, entries: entries.length });
  });
});
