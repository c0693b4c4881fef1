import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/** Sums Vitest's (both OpenCart lines) and Playwright's JSON reports into one closing line: "N passed, N failed". */
const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().default(0),
  numTodoTests: z.number().default(0),
});
const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
});

function read<T>(file: string | undefined, schema: z.ZodType<T>, suite: string): T | null {
  if (!file || !existsSync(file)) {
    console.error(`${suite}: no report at ${file ?? '(none)'}; the suite did not run to the end.`);
    return null;
  }
  return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

const [vitestFile, playwrightFile, typecheckCode, vitestOpenCart4File] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function addVitest(file: string | undefined, label: string) {
  const v = read(file, vitestReport, label);
  if (!v) {
    failed += 1;
    return;
  }
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  console.log(`${label}: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
}

addVitest(vitestFile, 'Vitest');
// The suites that run a second time on OpenCart 4.0, when the runner passed their report.
if (vitestOpenCart4File !== undefined) addVitest(vitestOpenCart4File, 'Vitest on OpenCart 4.0');

const p = read(playwrightFile, playwrightReport, 'Playwright');
if (p) {
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
  console.log(`Playwright: ${p.stats.expected + p.stats.flaky} passed, ${p.stats.unexpected} failed`);
} else failed += 1;

if (typecheckCode !== undefined) {
  if (typecheckCode === '0') passed += 1;
  else failed += 1;
  console.log(`Type check: ${typecheckCode === '0' ? 'passed' : 'failed'}`);
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
