/**
 * The tensor dialect's canonicalization patterns (MLIR 16's getCanonicalizationPatterns of TensorOps.cpp; the
 * folds live with the ops in dialects/tensor/), as the `tensorCanonicalization` extension a Context loads:
 * canonicalize-cast.ts (tensor.cast folded into its consumers and producers), canonicalize-insert.ts
 * (insert_slice and parallel_insert_slice), canonicalize-slice.ts (constant arguments of slices, empty tensors,
 * generate and pad), canonicalize-pad.ts (orthogonal pads), canonicalize-reshape.ts (chains of reshapes, dims
 * of reshapes), canonicalize-dps.ts (casts into any destination-style op, the dialect-level pattern).
 */
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { tensorCastPatterns } from "./canonicalize-cast.ts";
import { tensorDialectPatterns } from "./canonicalize-dps.ts";
import { tensorInsertPatterns } from "./canonicalize-insert.ts";
import { tensorPadPatterns } from "./canonicalize-pad.ts";
import { tensorReshapeDimPatterns, tensorReshapePatterns } from "./canonicalize-reshape.ts";
import { tensorSlicePatterns } from "./canonicalize-slice.ts";

export * from "./canonicalize-cast.ts";
export * from "./canonicalize-dps.ts";
export * from "./canonicalize-insert.ts";
export * from "./canonicalize-pad.ts";
export * from "./canonicalize-reshape.ts";
export * from "./canonicalize-slice.ts";

/** Every tensor canonicalization pattern. */
export const tensorCanonicalizationPatterns: readonly Pattern[] = [
  ...tensorCastPatterns,
  ...tensorSlicePatterns,
  ...tensorInsertPatterns,
  ...tensorPadPatterns,
  ...tensorReshapePatterns,
  ...tensorReshapeDimPatterns,
  ...tensorDialectPatterns,
];

/**
 * The registered tensor patterns a property test cannot see fire, and why (coverage exclusions): the goldens
 * check them against mlir-opt-16.
 */
export const tensorUnreachable: readonly (readonly [string, string])[] = [
  ["tensor.parallel_insert_slice-constant-arguments", "in scf.foreach_thread, whose shared outputs the interpreter does not run (goldens only)"],
];

export const tensorCanonicalization = defineDialectExtension({
  name: "tensor-canonicalization",
  dialects: ["tensor"],
  canonicalization: tensorCanonicalizationPatterns,
});
