import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Unpacks the build's PGlite cluster snapshot (a gzipped tar of regular files and folders, as
 * `PGlite.dumpDataDir` writes it) into `dataDir`, files 0600 and folders 0700. PGlite's own
 * `loadDataDir` does the same through its WebAssembly file system and leaves the server
 * ≈ 110 MiB larger for the rest of its life; unpacked here, a first start costs what a restart
 * does. `PG_VERSION` is written last, so an interrupted unpack is redone on the next start.
 *
 * @throws on an entry it does not understand or a path outside `dataDir`; the caller then falls
 *   back to `loadDataDir`.
 */
export function unpackSnapshot(file: string, dataDir: string): void {
  const tar = gunzipSync(readFileSync(file));
  const root = resolve(dataDir);
  const text = (header: Buffer, start: number, length: number) => {
    const raw = header.subarray(start, start + length);
    const end = raw.indexOf(0);
    return raw.subarray(0, end < 0 ? length : end).toString('utf8');
  };
  let last: { target: string; body: Buffer } | undefined;
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break; // end of archive
    const prefix = text(header, 345, 155);
    const name = `${prefix ? `${prefix}/` : ''}${text(header, 0, 100)}`.replace(/^\/+/, '');
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const target = resolve(root, name);
    if (target !== root && !target.startsWith(root + sep))
      throw new Error(`snapshot entry outside the folder: ${name}`);
    offset += 512;
    const body = tar.subarray(offset, offset + size);
    offset += Math.ceil(size / 512) * 512;
    if (type === '5') mkdirSync(target, { recursive: true, mode: 0o700 });
    else if (type === '0' || type === '\0') {
      if (name === 'PG_VERSION') {
        last = { target, body };
        continue;
      }
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      writeFileSync(target, body, { mode: 0o600 });
    } else throw new Error(`snapshot entry of type '${type}' not supported: ${name}`);
  }
  if (!last) throw new Error('snapshot holds no PG_VERSION');
  writeFileSync(last.target, last.body, { mode: 0o600 });
}
