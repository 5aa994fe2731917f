// A node:test reporter that writes test-results/vitest.json with the counts the repository's
// closing summary adds up (scripts/check.mjs reads `numPassedTests`, `numFailedTests`,
// `numPendingTests`, `numTodoTests`: the shape of vitest's JSON reporter). It prints nothing.
import { mkdirSync, writeFileSync } from 'node:fs';

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
  const dir = new URL('./test-results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('vitest.json', dir), `${JSON.stringify({ ...counts, numTotalTests })}\n`);
  yield '';
}
