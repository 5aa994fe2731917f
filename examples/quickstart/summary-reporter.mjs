// A node:test reporter that writes test-results/vitest.json (in the working folder) with the counts the repository's
// closing summary adds up (scripts/check.mjs reads `numPassedTests`, `numFailedTests`,
// `numPendingTests`, `numTodoTests`: the shape of vitest's JSON reporter). It prints nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function* summaryReporter(source) {
  const counts = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') continue;
    if (data.skip) counts.numPendingTests += 1;
    else if (data.todo) counts.numTodoTests += 1;
    else if (event.type === 'test:pass') counts.numPassedTests += 1;
    else counts.numFailedTests += 1;
  }
  const numTotalTests = Object.values(counts).reduce((a, b) => a + b, 0);
  // In the folder the tests run from (each example's own), so other examples can use it too.
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'vitest.json'), `${JSON.stringify({ ...counts, numTotalTests })}\n`);
  yield '';
}
