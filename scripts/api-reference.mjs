#!/usr/bin/env node
// The generated parts of docs/api.md: the operation table and the role table, rendered from the
// contract (`@agentstack/sdk/contract`) and the permission table (`@agentstack/sdk/catalog`).
// `node scripts/api-reference.mjs` rewrites them in place; the server's tests fail when the file
// and the contract disagree.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DOC = fileURLToPath(new URL('../docs/api.md', import.meta.url));

/** Replaces each `<!-- generated:NAME -->…<!-- /generated:NAME -->` block with its rendering. */
export async function renderApiDoc(text) {
  const { allOperations, errorsOf } = await import('@agentstack/sdk/contract');
  const { ROLE_PERMISSIONS, PERMISSIONS } = await import('@agentstack/sdk/catalog');
  const code = (s) => `\`${s}\``;
  const blocks = {
    operations: () => {
      const rows = allOperations().map(({ id, operation: op }) => {
        const input = [op.query && `query ${code(op.query)}`, op.body && `body ${code(op.body)}`].filter(
          Boolean,
        );
        const extra = (op.errors ?? []).map(code).join(', ');
        return `| ${code(`${op.method.toUpperCase()} ${op.path}`)} | ${code(`client.${id}`)} | ${op.summary} | ${code(op.permission)} | ${input.join('<br>')} | ${op.status ?? 200} ${code(op.response)} | ${extra} |`;
      });
      return [
        '| operation | SDK | what it does | permission | input | answers | errors beyond the common ones |',
        '|---|---|---|---|---|---|---|',
        ...rows,
      ].join('\n');
    },
    roles: () => {
      const roles = Object.keys(ROLE_PERMISSIONS);
      const rows = PERMISSIONS.filter((p) => p !== 'operator').map(
        (p) =>
          `| ${code(p)} | ${roles.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? '✓' : '')).join(' | ')} |`,
      );
      return [
        `| permission | ${roles.join(' | ')} |`,
        `|---|${roles.map(() => '---').join('|')}|`,
        ...rows,
      ].join('\n');
    },
    common: () => {
      const get = errorsOf({
        method: 'get',
        path: '/v1/x',
        tag: 'platform',
        summary: '',
        permission: 'public',
        response: 'Product',
      });
      const post = errorsOf({
        method: 'post',
        path: '/v1/x',
        tag: 'platform',
        summary: '',
        permission: 'public',
        response: 'Product',
      });
      return `Every operation can answer ${get.map(code).join(', ')}; writes also ${post
        .filter((c) => !get.includes(c))
        .map(code)
        .join(', ')}.`;
    },
  };
  return text.replace(/<!-- generated:(\w+) -->\n[\s\S]*?<!-- \/generated:\1 -->/g, (_, name) => {
    const render = blocks[name];
    if (!render) throw new Error(`docs/api.md: unknown generated block '${name}'`);
    return `<!-- generated:${name} -->\n${render()}\n<!-- /generated:${name} -->`;
  });
}

/** The path of docs/api.md. */
export const API_DOC = DOC;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // The tables are rendered from the *built* SDK: build it first (turbo answers from its cache
  // when the sources did not change), so a stale build never drops or keeps rows.
  execFileSync('npx', ['turbo', 'run', 'build', '--filter=@agentstack/sdk', '--output-logs=errors-only'], {
    stdio: 'inherit',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  const text = readFileSync(DOC, 'utf8');
  writeFileSync(DOC, await renderApiDoc(text));
  console.log('docs/api.md: generated blocks rewritten from the contract');
}
