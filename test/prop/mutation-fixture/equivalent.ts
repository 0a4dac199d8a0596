/**
 * The fixture's equivalent mutant, for test/prop/mutation.test.ts: clamping at `sum >= 127` instead of
 * `sum > 127` returns 127 for a sum of 127 either way, so no test can tell them apart.
 */
import type { EquivalentMutant } from "../../../scripts/mutation-equivalent.ts";

export const equivalentMutants: readonly EquivalentMutant[] = [
  {
    file: "test/prop/mutation-fixture/saturate.ts",
    operator: "move a boundary > / >=",
    code: "if (sum > 127) return 127;",
    reason: "at the boundary (a sum of 127) both return 127",
  },
];
