/**
 * TilingInterface (MLIR 16's TilingInterface.td): an op that is a loop nest over an iteration domain, so that
 * a transformation can cut the domain into tiles and compute each tile on its own.
 *
 *   linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x?xf32>) outs(%c : tensor<4x?xf32>)
 *     getLoopIteratorTypes() = [parallel, parallel, reduction]
 *     getIterationDomain()   = [{offset 0, size 4, stride 1}, {offset 0, size dim(%b, 1), stride 1}, {0, 8, 1}]
 *
 * Sizes that are not static are described, not computed: `{ dimOf: v, dim: d }` is the size of dimension `d`
 * of `v` (a tiling transformation materialises it with the dialect's `dim` op). A tile of the domain (static
 * offsets and sizes, one per loop) has its own implementation: the op on slices of its operands
 * (getTiledImplementation), whose results are parts of the op's results (getResultTilePosition).
 * generateScalarImplementation comes with the lowering to loops.
 */
import type { Builder } from "../ir/builder.ts";
import { defineInterface, type InterfaceView } from "../ir/interfaces.ts";
import type { Operation } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";

/** A loop's kind: its iterations are independent (`parallel`), or they accumulate into the same values. */
export type LoopIteratorType = "parallel" | "reduction";

/** A static index, or the size of a dimension of a value when that size is only known at run time. */
export type IndexFoldResult = number | { readonly dimOf: Value; readonly dim: number };

/** One loop of an iteration domain (MLIR's Range). */
export interface LoopRange {
  readonly offset: IndexFoldResult;
  readonly size: IndexFoldResult;
  readonly stride: IndexFoldResult;
}

/** A part of a shaped value: offsets and sizes, unit strides. */
export interface TilePosition {
  readonly offsets: readonly number[];
  readonly sizes: readonly number[];
}

export interface TilingMethods {
  /** One per loop of the domain. */
  getLoopIteratorTypes(): readonly LoopIteratorType[];
  /** The loops' bounds and steps. */
  getIterationDomain(): readonly LoopRange[];
  /**
   * The ops computing the tile at `offsets`/`sizes` of the domain, built with `b` (their last op's results
   * are the tile's results); `inits` replace the op's destinations (the results of earlier tiles).
   */
  getTiledImplementation(b: Builder, offsets: readonly number[], sizes: readonly number[], inits?: readonly Value[]): { readonly op: Operation; readonly results: readonly Value[] };
  /** Where result `resultNumber` of that tile goes in the op's result. */
  getResultTilePosition(resultNumber: number, offsets: readonly number[], sizes: readonly number[]): TilePosition;
}

export const TilingInterface = defineInterface<TilingMethods>("TilingInterface", {
  description: "an op that is a loop nest over an iteration domain, which can be cut into tiles",
});

/** The op through the TilingInterface, or undefined. */
export const tilingOf = (op: Operation): InterfaceView<TilingMethods> | undefined => TilingInterface.of(op);
