/**
 * The test runner behind `npm test`: imports every `test/**\/*.test.ts` (or those whose path contains one of
 * the command-line arguments), runs their uvu suites in one process, and ends with the plain
 * `N passed, N failed` line that CI reads.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
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

// Everything a test (or a process it starts) writes under the temp dir lands in one directory of this run,
// removed at the end: automatic crash reproducers of passes that tests make fail, scratch files a failed
// assertion kept from its cleanup. What is left there is named, so a leak is seen rather than silently kept.
const runTmp = mkdtempSync(join(tmpdir(), "tensile-test-run-"));
process.env.TMPDIR = runTmp;

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
// Registered last, so it runs after the exit handlers of test helpers that clean up at exit.
process.on("exit", () => {
  const leftovers = readdirSync(runTmp).filter((f) => !f.startsWith("tsx-")); // tsx-*: child processes' loader cache
  if (leftovers.length > 0) console.error(`temp files left by tests (removed): ${leftovers.join(", ")}`);
  rmSync(runTmp, { recursive: true, force: true });
});
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (failed > 0) process.exitCode = 1;
