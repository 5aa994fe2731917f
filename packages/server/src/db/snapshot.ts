import { closeSync, createReadStream, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { createGunzip } from 'node:zlib';

/**
 * Unpacks the build's PGlite cluster snapshot (a gzipped tar of regular files and folders, as
 * `PGlite.dumpDataDir` writes it) into `dataDir`, files 0600 and folders 0700. PGlite's own
 * `loadDataDir` does the same through its WebAssembly file system and leaves the server
 * ≈ 110 MiB larger for the rest of its life; unpacked here, a first start costs what a restart
 * does. The archive is streamed, never held whole (≈ 40 MiB unpacked: a buffer that size would
 * stay resident until a full garbage collection, and the server's thread is mostly idle).
 * `PG_VERSION` is written last, so an interrupted unpack is redone on the next start.
 *
 * @throws on an entry it does not understand or a path outside `dataDir`; the caller then falls
 *   back to `loadDataDir`.
 */
export async function unpackSnapshot(file: string, dataDir: string): Promise<void> {
  const root = resolve(dataDir);
  const text = (header: Buffer, start: number, length: number) => {
    const raw = header.subarray(start, start + length);
    const end = raw.indexOf(0);
    return raw.subarray(0, end < 0 ? length : end).toString('utf8');
  };
  let pending = Buffer.alloc(0); // bytes of a header not complete yet
  type Body = { fd?: number; left: number; padding: number; version?: Buffer[] };
  let body: Body | undefined;
  let last: { target: string; body: Buffer } | undefined;
  let ended = false;
  const startEntry = (header: Buffer): Body => {
    const prefix = text(header, 345, 155);
    const name = `${prefix ? `${prefix}/` : ''}${text(header, 0, 100)}`.replace(/^\/+/, '');
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const target = resolve(root, name);
    if (target !== root && !target.startsWith(root + sep))
      throw new Error(`snapshot entry outside the folder: ${name}`);
    const padding = (512 - (size % 512)) % 512;
    if (type === '5') {
      mkdirSync(target, { recursive: true, mode: 0o700 });
      return { left: size, padding };
    }
    if (type !== '0' && type !== '\0')
      throw new Error(`snapshot entry of type '${type}' not supported: ${name}`);
    if (name === 'PG_VERSION') {
      last = { target, body: Buffer.alloc(0) };
      return { left: size, padding, version: [] };
    }
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    return { fd: openSync(target, 'w', 0o600), left: size, padding };
  };
  const endEntry = () => {
    if (body?.fd !== undefined) closeSync(body.fd);
    if (body?.version && last) last.body = Buffer.concat(body.version);
    body = undefined;
  };
  const source = createReadStream(file);
  try {
    for await (const chunk of source.pipe(createGunzip()) as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length && !ended) {
        if (body) {
          if (body.left > 0) {
            const piece = chunk.subarray(offset, offset + Math.min(body.left, chunk.length - offset));
            if (body.fd !== undefined) writeSync(body.fd, piece);
            else body.version?.push(Buffer.from(piece));
            body.left -= piece.length;
            offset += piece.length;
          } else {
            const skip = Math.min(body.padding, chunk.length - offset);
            body.padding -= skip;
            offset += skip;
          }
          if (body.left === 0 && body.padding === 0) endEntry();
          continue;
        }
        const need = 512 - pending.length;
        const piece = chunk.subarray(offset, offset + need);
        pending = pending.length ? Buffer.concat([pending, piece]) : Buffer.from(piece);
        offset += piece.length;
        if (pending.length < 512) continue;
        const header = pending;
        pending = Buffer.alloc(0);
        if (header.every((byte) => byte === 0)) {
          ended = true; // end of archive
          break;
        }
        body = startEntry(header);
        if (body.left === 0 && body.padding === 0) endEntry();
      }
    }
  } finally {
    source.destroy();
    if (body?.fd !== undefined) closeSync(body.fd);
  }
  if (!last) throw new Error('snapshot holds no PG_VERSION');
  writeFileSync(last.target, last.body, { mode: 0o600 });
}
