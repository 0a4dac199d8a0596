/**
 * The fixture's killer: a property over non-negative i8 operands only (on purpose: the negative clamp is left
 * untested, so the mutation command has survivors to report). Exits 1 when the property fails.
 */
import fc from "fast-check";
import { addSaturate8 } from "./saturate.ts";

const r = fc.check(
  fc.property(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 127 }), (a, b) => addSaturate8(a, b) === Math.min(a + b, 127)),
  { numRuns: 300, seed: 1 },
);
if (r.failed) {
  console.error(`property failed: ${JSON.stringify(r.counterexample)}`);
  process.exitCode = 1;
}
