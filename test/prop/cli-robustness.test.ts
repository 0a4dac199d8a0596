/** tensile-opt's flags are user input: any argument list gives parsed options or a usage message, never a throw. */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseOptArgs } from "../../cli/opt-driver.ts";
import { newPassRegistry } from "../../rewrites/index.ts";

const registry = newPassRegistry();


const words = [
  "--pass-pipeline", "--pass-pipeline=builtin.module(cse)", "--canonicalize", "--canonicalize=max-iterations=x", "--cse",
  "--inline=max-iterations=3", "-o", "out.mlir", "-", "f.mlir", "--mlir-print-ir-after=cse", "--mlir-print-ir-after",
  "--mlir-timing", "--verify-each=false", "--verify-each=maybe", "--split-input-file", "--verify-diagnostics",
  "--mlir-pass-statistics-display=bogus", "--run-reproducer", "--debug-rewrites", "--unknown", "=", "--", "--=x",
  "--mlir-print-op-generic", "--allow-unregistered-dialect", "--mlir-pass-pipeline-crash-reproducer=", "{", "}",
];

test("random argument lists parse or give a usage message", () => {
  let ok = 0;
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 })), { maxLength: 8 }), (argv) => {
      const r = parseOptArgs(argv, registry); // must not throw
      if (typeof r === "string") assert.ok(r.length > 0);
      else ok++;
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 3000), seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
  );
  assert.ok(ok > 10, `only ${ok} argument lists were accepted`);
});

test.run();
