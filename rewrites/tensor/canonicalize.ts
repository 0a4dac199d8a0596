/**
 * The tensor dialect's canonicalization patterns (MLIR 16's getCanonicalizationPatterns of TensorOps.cpp; the
 * folds live with the ops in dialects/tensor/), as the `tensorCanonicalization` extension a Context loads:
 * canonicalize-cast.ts (tensor.cast folded into its consumers and producers), canonicalize-slice.ts (constant
 * arguments of slices, empty tensors, generate and pad), canonicalize-reshape.ts (chains of reshapes).
 */
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { tensorCastPatterns } from "./canonicalize-cast.ts";
import { tensorReshapePatterns } from "./canonicalize-reshape.ts";
import { tensorSlicePatterns } from "./canonicalize-slice.ts";

export * from "./canonicalize-cast.ts";
export * from "./canonicalize-reshape.ts";
export * from "./canonicalize-slice.ts";

/** Every tensor canonicalization pattern. */
export const tensorCanonicalizationPatterns: readonly Pattern[] = [...tensorCastPatterns, ...tensorSlicePatterns, ...tensorReshapePatterns];

export const tensorCanonicalization = defineDialectExtension({
  name: "tensor-canonicalization",
  dialects: ["tensor"],
  canonicalization: tensorCanonicalizationPatterns,
});
