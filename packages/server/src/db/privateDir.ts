import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const GROUP_OR_WORLD = 0o077;

/**
 * Makes `dir` private to its owner whatever the umask: creates it when missing, then removes
 * every group and other permission bit from it and from everything inside (PGlite writes 0666
 * files and 0777 folders less the umask; PostgreSQL's own are 0600 and 0700). `chmod` is not
 * subject to the umask, `mkdir`'s mode is. Symbolic links are left alone. Returns how many entries were
 * reachable by group or others before, so the caller can warn about a folder that was exposed.
 */
export function makePrivateDir(dir: string): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return tighten(dir, true);
}

function tighten(path: string, isDir: boolean): number {
  const mode = lstatSync(path).mode & 0o777;
  let loose = 0;
  if (mode & GROUP_OR_WORLD) {
    loose = 1;
    chmodSync(path, mode & ~GROUP_OR_WORLD);
  }
  if (!isDir) return loose;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) loose += tighten(join(path, entry.name), true);
    else if (entry.isFile()) loose += tighten(join(path, entry.name), false);
  }
  return loose;
}
