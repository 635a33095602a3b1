// Prints one plain closing line for the whole suite from vitest's JSON reports:
// "Totaal: N passed, N failed, N skipped". Suites that did not run (an earlier step failed) are named.
import { existsSync, readFileSync } from 'node:fs';

const suites = { unit: '.test-results/unit.json', e2e: '.test-results/e2e.json' };
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const [name, file] of Object.entries(suites)) {
  if (!existsSync(file)) {
    missing.push(name);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
if (missing.length) console.log(`Niet gedraaid / not run: ${missing.join(', ')}`);
console.log(`Totaal: ${passed} passed, ${failed} failed, ${skipped} skipped`);
