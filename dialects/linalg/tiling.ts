/**
 * The tiled implementation of linalg's structured ops (TilingInterface's getTiledImplementation and
 * getResultTilePosition, MLIR 16's LinalgOpTilingInterface): the tile of the iteration domain at `offsets`
 * (one per loop) of `sizes` is the same op on slices of its operands, each slice what the operand's indexing
 * map reads over the tile; result `i` of the tiled op is the slice of result `i` that the i-th init's map
 * gives.
 *
 *   linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x6xf32>) outs(%c : tensor<4x6xf32>)
 *   tile offsets [2, 0, 4], sizes [2, 6, 4] (loops m, n, k):
 *     %a' = tensor.extract_slice %a[2, 4] [2, 4] [1, 1] : tensor<4x8xf32> to tensor<2x4xf32>
 *     %b' = tensor.extract_slice %b[4, 0] [4, 6] [1, 1] : tensor<8x6xf32> to tensor<4x6xf32>
 *     %c' = tensor.extract_slice %c[2, 0] [2, 6] [1, 1] : tensor<4x6xf32> to tensor<2x6xf32>
 *     %r  = linalg.matmul ins(%a', %b' : ...) outs(%c' : tensor<2x6xf32>) -> tensor<2x6xf32>
 *   result tile position: offsets [2, 0], sizes [2, 6]
 *
 * Offsets and sizes are static here (a tile of a static domain, as a test or an unrolled tiling builds); loops
 * over tiles with induction-variable offsets need the offsets as values (affine.apply of the maps), which come
 * with the tiling transformation. Only ops on tensors: a tile of an op on memrefs would use subviews.
 */
import type { AffineMap } from "../../src/ir/affine-map.ts";
import type { Builder } from "../../src/ir/builder.ts";
import { IRMapping, type Operation } from "../../src/ir/operation.ts";
import { RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { DestinationStyleOpInterface } from "../../src/interfaces/destination-style.ts";
import type { TilePosition } from "../../src/interfaces/tiling.ts";
import { ExtractSliceOp } from "../tensor/slice-ops.ts";
import { extractSliceArgs } from "../tensor/build.ts";
import { linalgOp } from "./structured-interface.ts";

/** A tile's op and its results (MLIR's TilingResult). */
export interface TiledImplementation {
  readonly op: Operation;
  readonly results: readonly Value[];
}

/**
 * The part of an operand that `map` reads over a tile (MLIR's computeSliceParameters): each result expression
 * at the tile's first point, and its extent up to the tile's last point. Exact for the maps structured ops
 * have: sums of loops with non-negative coefficients (the windows of convolutions), constants, projections.
 */
export function operandTile(map: AffineMap, offsets: readonly number[], sizes: readonly number[]): TilePosition {
  const first = map.evaluate(offsets);
  const last = map.evaluate(offsets.map((o, i) => o + Math.max(0, (sizes[i] as number) - 1)));
  const empty = sizes.some((s) => s === 0);
  return { offsets: first, sizes: last.map((l, r) => (empty && map.results[r]?.isSymbolicOrConstant() !== true ? 0 : l - (first[r] as number) + 1)) };
}

function checkTile(op: Operation, offsets: readonly number[], sizes: readonly number[]): readonly AffineMap[] {
  const view = linalgOp(op);
  if (view === undefined) throw new Error(`'${op.name}' is not a structured op`);
  const loops = view.getIteratorTypes().length;
  if (offsets.length !== loops || sizes.length !== loops) throw new Error(`a tile of '${op.name}' needs ${loops} offsets and sizes`);
  return view.getIndexingMaps();
}

/** Where result `resultNumber` of the tile at `offsets`/`sizes` goes in the op's result (MLIR's getResultTilePosition). */
export function resultTilePosition(op: Operation, resultNumber: number, offsets: readonly number[], sizes: readonly number[]): TilePosition {
  const maps = checkTile(op, offsets, sizes);
  const init = DestinationStyleOpInterface.of(op)?.getDpsInitOperands()[resultNumber];
  if (init === undefined) throw new Error(`'${op.name}' has no result #${resultNumber}`);
  return operandTile(maps[init.index] as AffineMap, offsets, sizes);
}

/**
 * The op computing the tile at `offsets`/`sizes` of the iteration domain, built with `b` from slices of the
 * operands (`inits`, when given, replace the op's inits: the results of earlier tiles, say).
 */
export function tiledImplementation(b: Builder, op: Operation, offsets: readonly number[], sizes: readonly number[], inits?: readonly Value[]): TiledImplementation {
  const maps = checkTile(op, offsets, sizes);
  const dps = DestinationStyleOpInterface.of(op);
  if (dps === undefined || !dps.hasTensorSemantics()) throw new Error(`'${op.name}': only ops on tensors have a tiled implementation here`);
  const initIndices = dps.getDpsInitOperands().map((o) => o.index);
  const operands = op.operands.map((v, i) => {
    const k = initIndices.indexOf(i);
    const value = k >= 0 && inits !== undefined ? (inits[k] as Value) : v;
    if (!(value.type instanceof RankedTensorType)) return value;
    const tile = operandTile(maps[i] as AffineMap, offsets, sizes);
    const source = value as Value<RankedTensorType>;
    return b.create(ExtractSliceOp, extractSliceArgs(source, tile.offsets, tile.sizes, tile.offsets.map(() => 1))).getResult(0);
  });
  const resultTypes = initIndices.map((i) => (operands[i] as Value).type);
  const cls = op.constructor as typeof Operation;
  const tiled = new cls({ name: op.name, operands, resultTypes, attributes: op.attrDictionary, regions: op.regions.length, loc: op.loc });
  op.regions.forEach((r, i) => r.cloneInto(tiled.getRegion(i), new IRMapping()));
  b.insert(tiled);
  return { op: tiled, results: tiled.results };
}
