import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { unpackSnapshot } from './snapshot';

// A minimal ustar archive: what PGlite's dumpDataDir writes (folders and regular files).
function tarGz(entries: Array<{ name: string; body?: string; dir?: boolean }>): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const header = Buffer.alloc(512);
    const body = Buffer.from(e.body ?? '');
    header.write(e.name, 0, 100, 'utf8');
    header.write(e.dir ? '0000700\0' : '0000600\0', 100, 'ascii');
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
    header.write(e.dir ? '5' : '0', 156, 'ascii');
    header.write('ustar\0', 257, 'ascii');
    blocks.push(header);
    if (body.length) blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

describe('unpackSnapshot', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes folders 0700 and files 0600, PG_VERSION included', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentstack-snapshot-'));
    const file = join(dir, 'snap.tgz');
    writeFileSync(
      file,
      tarGz([
        { name: '/PG_VERSION', body: '17\n' },
        { name: '/base', dir: true },
        { name: '/base/1/1259', body: 'x'.repeat(700) },
      ]),
    );
    const data = join(dir, 'data');
    await unpackSnapshot(file, data);
    expect(readFileSync(join(data, 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(readFileSync(join(data, 'base/1/1259'), 'utf8')).toBe('x'.repeat(700));
    expect(statSync(join(data, 'base')).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, 'base/1/1259')).mode & 0o777).toBe(0o600);
  });

  it('refuses an entry outside the folder and writes no PG_VERSION', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentstack-snapshot-'));
    const file = join(dir, 'snap.tgz');
    writeFileSync(
      file,
      tarGz([
        { name: '/PG_VERSION', body: '17\n' },
        { name: '../escaped', body: 'no' },
      ]),
    );
    const data = join(dir, 'data');
    await expect(unpackSnapshot(file, data)).rejects.toThrow(/outside/);
    expect(existsSync(join(dir, 'escaped'))).toBe(false);
    expect(existsSync(join(data, 'PG_VERSION'))).toBe(false);
  });
});
