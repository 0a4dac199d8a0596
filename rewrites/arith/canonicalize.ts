/**
 * arith's canonicalization patterns, registered for the `canonicalize` pass (MLIR 16's
 * ArithCanonicalization.td and the patterns of ArithOps.cpp; arith's folds live with its ops in
 * dialects/arith/fold.ts). Importing this module registers them.
 *
 * Every pattern documents its before/after IR; see canonicalize-int.ts (reassociation of constants, extended
 * arithmetic, logic of extensions), canonicalize-cast.ts (cast chains, truncated shifts) and
 * canonicalize-float.ts (negations, cmpf of converted integers, selects of booleans).
 */
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { registerCanonicalization } from "../canonicalize.ts";
import { arithCastPatterns } from "./canonicalize-cast.ts";
import { arithFloatSelectPatterns } from "./canonicalize-float.ts";
import { arithIntPatterns } from "./canonicalize-int.ts";

export * from "./canonicalize-cast.ts";
export * from "./canonicalize-float.ts";
export * from "./canonicalize-int.ts";

/** Every arith canonicalization pattern. */
export const arithCanonicalizationPatterns: readonly Pattern[] = [...arithIntPatterns, ...arithCastPatterns, ...arithFloatSelectPatterns];

registerCanonicalization("arith", arithCanonicalizationPatterns);
