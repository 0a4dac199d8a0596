/**
 * The test runner behind `npm test`: imports every `test/**\/*.test.ts` (or those whose path contains one of
 * the command-line arguments), runs their uvu suites in one process, and ends with the plain
 * `N passed, N failed` line that CI reads.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

type SuiteRun = () => Promise<[unknown, number, number, number]>;
const g = globalThis as unknown as { UVU_DEFER: number; UVU_INDEX: number; UVU_QUEUE: (string | SuiteRun | null)[][] };

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const root = resolve(import.meta.dirname);
const filters = process.argv.slice(2);
const files = findTests(root).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));

g.UVU_DEFER = 1;
g.UVU_QUEUE = [];
const uvu = await import("uvu");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [index, file] of files.entries()) {
  g.UVU_INDEX = index;
  g.UVU_QUEUE.push([relative(root, file)]);
  await import(pathToFileURL(file).href);
}
// Count per suite: uvu's runner returns [errors, ran, skipped, total] and prints its own summary.
for (const group of g.UVU_QUEUE) {
  for (let i = 1; i < group.length; i++) {
    const run = group[i] as SuiteRun;
    group[i] = async () => {
      const r = await run();
      passed += r[1];
      skipped += r[2];
      failed += r[3] - r[1] - r[2];
      return r;
    };
  }
}
await uvu.exec(false);
if (files.length === 0) {
  console.log("no test files matched");
  process.exitCode = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (failed > 0) process.exitCode = 1;
