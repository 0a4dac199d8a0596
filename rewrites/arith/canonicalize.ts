/**
 * arith's canonicalization patterns, for the `canonicalize` pass (MLIR 16's ArithCanonicalization.td and the
 * patterns of ArithOps.cpp; arith's folds live with its ops in dialects/arith/fold.ts). A Context gets them by
 * loading the `arithCanonicalization` extension.
 *
 * Every pattern documents its before/after IR; see canonicalize-int.ts (reassociation of constants, extended
 * arithmetic, logic of extensions), canonicalize-cast.ts (cast chains, truncated shifts) and
 * canonicalize-float.ts (negations, cmpf of converted integers, selects of booleans).
 */
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { arithCastPatterns } from "./canonicalize-cast.ts";
import { arithFloatSelectPatterns } from "./canonicalize-float.ts";
import { arithIntPatterns } from "./canonicalize-int.ts";

export * from "./canonicalize-cast.ts";
export * from "./canonicalize-float.ts";
export * from "./canonicalize-int.ts";

/** Every arith canonicalization pattern. */
export const arithCanonicalizationPatterns: readonly Pattern[] = [...arithIntPatterns, ...arithCastPatterns, ...arithFloatSelectPatterns];

/** The patterns as an extension of the arith dialect, for a Context to load (the `canonicalize` pass reads them there). */
export const arithCanonicalization = defineDialectExtension({
  name: "arith-canonicalization",
  dialects: ["arith"],
  canonicalization: arithCanonicalizationPatterns,
});
