/**
 * The benchmark runner: `npm run bench -- <name>...` runs the named benchmarks, `npm run bench` all of them.
 * Benchmarks measure and report; they assert nothing (the test suite does that).
 */
import { runIrBenchmark } from "./ir/index.ts";
import { runLlamaBenchmark } from "./llama/index.ts";

const benchmarks: Readonly<Record<string, () => void>> = {
  ir: runIrBenchmark,
  llama: runLlamaBenchmark,
};

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in benchmarks));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(benchmarks).join(", ")}\n`);
  process.exit(2);
}
for (const name of names.length > 0 ? names : Object.keys(benchmarks)) {
  process.stderr.write(`== bench ${name}\n`);
  (benchmarks[name] as () => void)();
}
