// Writes dist/pgdata.tgz: an initialised, empty PGlite cluster. A first start on a new data
// folder (or in memory) loads it instead of running initdb — about half the first-start time.
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create('memory://');
const blob = await db.dumpDataDir('gzip');
await db.close();
writeFileSync(new URL('../dist/pgdata.tgz', import.meta.url), Buffer.from(await blob.arrayBuffer()));
console.log(`dist/pgdata.tgz ${(blob.size / 1024 / 1024).toFixed(1)} MiB`);
