// Copies the API reference renderer (Scalar's self-contained browser bundle, MIT) into
// dist/docs/, so the published package serves /docs offline without Scalar's own dependency
// tree (Vue, its editor, its AI client…): only this one file is needed at run time. Runs after
// tsup (`npm run build`); to update the renderer, bump the devDependency.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const source = require.resolve('@scalar/api-reference/browser/standalone.js');
// dist/browser/standalone.js → the package's own package.json (not in its exports map).
const { version, license } = JSON.parse(
  readFileSync(new URL('../../package.json', pathToFileURL(source)), 'utf8'),
);
const dir = new URL('../dist/docs/', import.meta.url);
mkdirSync(dir, { recursive: true });
copyFileSync(source, new URL('api-reference.js', dir));
writeFileSync(
  new URL('NOTICE.md', dir),
  `api-reference.js is the standalone bundle of @scalar/api-reference ${version} (${license} licence,\nhttps://github.com/scalar/scalar), copied unchanged.\n`,
);
console.log(
  `dist/docs/api-reference.js ${(statSync(source).size / 1024 / 1024).toFixed(1)} MiB (@scalar/api-reference ${version})`,
);
