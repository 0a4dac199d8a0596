/**
 * LinalgStructuredInterface (MLIR 16's LinalgInterfaces.td, "LinalgOp"): a structured op is a perfect loop
 * nest over an iteration space, one loop per iterator type, where each operand is read (inputs) or read and
 * written (inits) at the point its indexing map gives, and the payload region computes the inits' new
 * elements from the operands' elements at that point.
 *
 *   linalg.matmul: loops (m, n, k), iterator types [parallel, parallel, reduction],
 *                  maps A: (m, n, k) -> (m, k), B: -> (k, n), C: -> (m, n)
 *
 * An op kind gives its indexing maps and iterator types; the rest (loop count, loop bounds from the operand
 * shapes, the payload block) is derived here. The interface verifies what MLIR's
 * verifyStructuredOpInterface verifies, with its messages: one map per operand, no symbols, map dims equal
 * to the loop count, map results equal to the operand's rank, static shapes consistent with the maps, one
 * block whose arguments are the operands' element types.
 */
import { type Diagnostic } from "../../src/diag/diagnostic.ts";
import { AffineDimExpr } from "../../src/ir/affine-expr.ts";
import type { AffineMap } from "../../src/ir/affine-map.ts";
import { defineInterface, type InterfaceView } from "../../src/ir/interfaces.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, elementTypeOrSelf, isShaped, MemRefType, RankedTensorType, VectorType } from "../../src/ir/types.ts";
import type { BlockArgument, OpOperand } from "../../src/ir/value.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import type { IndexFoldResult, LoopRange } from "../../src/interfaces/tiling.ts";
import type { IteratorType } from "./attrs.ts";

export interface LinalgStructuredMethods {
  /** One map per operand, from the loops to the operand's dimensions. */
  getIndexingMaps(): readonly AffineMap[];
  /** One per loop. */
  getIteratorTypes(): readonly IteratorType[];
  /** The operands with a payload block argument, in order (all of them but for linalg.map, whose init has none). */
  getOperandsMatchingBlockArgs(): readonly OpOperand[];
}

export const LinalgStructuredOpInterface = defineInterface<LinalgStructuredMethods, "getOperandsMatchingBlockArgs">("LinalgStructuredInterface", {
  description: "a perfect loop nest over operands read and written through affine indexing maps, with a scalar payload",
  verifyRegion: (view) => verifyStructuredOp(view),
  defaults: { getOperandsMatchingBlockArgs: (op) => op.opOperands },
});

/** The op through the interface, or undefined when it is no structured op. */
export const linalgOp = (op: Operation): InterfaceView<LinalgStructuredMethods> | undefined => LinalgStructuredOpInterface.of(op);

/** The number of loops of a structured op. */
export const numLoops = (op: Operation): number => linalgOp(op)?.getIteratorTypes().length ?? 0;

/** The shape of an operand: its dimensions, or none for a scalar. */
export function operandShape(operand: OpOperand): readonly number[] {
  const t = operand.value.type;
  if (t instanceof RankedTensorType || t instanceof MemRefType || t instanceof VectorType) return t.shape;
  return [];
}

/** The payload block (the region's single block), if there is one. */
export const payloadBlock = (op: Operation): Block | undefined => op.regions[0]?.blocks[0];

/**
 * The size of each loop from the operands' shapes (MLIR's getStaticLoopRanges through getShapesToLoopsMap):
 * the size of the first operand dimension indexed by exactly that loop; DYNAMIC when that size is dynamic.
 * Undefined when some loop indexes no dimension directly (the shape-to-loops map does not exist).
 */
export function staticLoopRanges(op: Operation, maps: readonly AffineMap[]): number[] | undefined {
  const loops = linalgOp(op)?.getIteratorTypes().length ?? 0;
  const ranges: (number | undefined)[] = new Array(loops).fill(undefined);
  op.opOperands.forEach((operand, i) => {
    const map = maps[i];
    if (map === undefined) return;
    const shape = operandShape(operand);
    map.results.forEach((e, r) => {
      if (e instanceof AffineDimExpr && e.position < loops && ranges[e.position] === undefined) ranges[e.position] = shape[r] ?? DYNAMIC;
    });
  });
  return ranges.every((r) => r !== undefined) ? (ranges as number[]) : undefined;
}

/**
 * The iteration domain (TilingInterface): each loop from 0 to the size of the first operand dimension it
 * indexes directly, step 1; a dynamic size is described as that dimension of that operand.
 */
export function iterationDomain(op: Operation): LoopRange[] {
  const view = linalgOp(op);
  if (view === undefined) return [];
  const maps = view.getIndexingMaps();
  const loops = view.getIteratorTypes().length;
  const sizes: (IndexFoldResult | undefined)[] = new Array(loops).fill(undefined);
  op.opOperands.forEach((operand, i) => {
    const shape = operandShape(operand);
    maps[i]?.results.forEach((e, r) => {
      if (!(e instanceof AffineDimExpr) || e.position >= loops || sizes[e.position] !== undefined) return;
      const size = shape[r] ?? DYNAMIC;
      sizes[e.position] = size === DYNAMIC ? { dimOf: operand.value, dim: r } : size;
    });
  });
  return sizes.map((size) => ({ offset: 0, size: size ?? 0, stride: 1 }));
}

/** MLIR's verifyStructuredOpInterface. */
function verifyStructuredOp(view: InterfaceView<LinalgStructuredMethods>): Diagnostic | undefined {
  const op = view.op;
  const maps = view.getIndexingMaps();
  if (maps.length !== op.numOperands) {
    return opError(op, `expected the number of indexing_map (${maps.length}) to be equal to the number of input/output operands (${op.numOperands})`);
  }
  const loops = view.getIteratorTypes().length;
  for (const operand of op.opOperands) {
    const map = maps[operand.index] as AffineMap;
    if (map.numSymbols !== 0) return opError(op, `unexpected symbols in indexing_map #${operand.index}`);
    if (map.numDims !== loops) return opError(op, `expected indexing_map #${operand.index} to have ${loops} dim(s) to match the number of loops`);
    const rank = operandShape(operand).length;
    if (map.numResults !== rank) {
      return opError(op, `expected operand rank (${rank}) to match the result rank of indexing_map #${operand.index} (${map.numResults})`);
    }
  }
  const ranges = staticLoopRanges(op, maps);
  if (ranges === undefined) return opError(op, "expected the shape-to-loops map to be non-null");
  if (ranges.every((r) => r !== DYNAMIC)) {
    const failure = verifyShapesAgainstRanges(op, maps, ranges);
    if (failure !== undefined) return failure;
  }
  if (op.regions.length !== 1 || op.regions[0]?.blocks.length !== 1) return opError(op, "expects to have 1 region with 1 block");
  const block = payloadBlock(op) as Block;
  const withArgs = view.getOperandsMatchingBlockArgs();
  if (block.args.length !== withArgs.length) {
    return opError(op, "expected as many non-induction variable region arguments as the number of input/output operands");
  }
  for (const operand of withArgs) {
    const elementType = elementTypeOrSelf(operand.value.type);
    const argType = (block.args[operand.index] as BlockArgument).type;
    if (elementType !== argType) {
      return opError(
        op,
        `expected type of bb argument #${operand.index} (${quotedType(argType)}) to match element or self type of the corresponding operand (${quotedType(elementType)})`,
      );
    }
  }
  return undefined;
}

/**
 * Static shapes against the indexes the maps reach at the first and last point of the iteration space: a
 * dimension indexed by a loop must have the loop's size; one indexed by an expression must hold its largest
 * value; no index may be negative.
 */
function verifyShapesAgainstRanges(op: Operation, maps: readonly AffineMap[], ranges: readonly number[]): Diagnostic | undefined {
  const first = ranges.map(() => 0);
  const last = ranges.map((r) => r - 1);
  for (const operand of op.opOperands) {
    const map = maps[operand.index] as AffineMap;
    const starts = map.evaluate(first);
    const ends = map.evaluate(last);
    const shape = operandShape(operand);
    for (let dim = 0; dim < shape.length; dim++) {
      const size = shape[dim] as number;
      if (size === DYNAMIC || size === 0) continue;
      const lo = Math.min(starts[dim] as number, ends[dim] as number);
      const inferred = Math.max(starts[dim] as number, ends[dim] as number) + 1;
      if (lo < 0) return opError(op, `unexpected result less than 0 at expression #${dim} in ${map.toString()}`);
      if (map.getResult(dim) instanceof AffineDimExpr) {
        if (inferred !== size) {
          return opError(op, `inferred input/output operand #${operand.index} has shape's dimension #${dim} to be ${inferred}, but found ${size}`);
        }
      } else if (inferred > size) {
        return opError(op, `inferred input/output operand #${operand.index} has shape's dimension #${dim} to be greater than or equal to ${inferred}, but found ${size}`);
      }
    }
  }
  return undefined;
}

/** Whether an operand is a shaped value (tensor, memref, vector) rather than a scalar. */
export const isShapedOperand = (operand: OpOperand): boolean => isShaped(operand.value.type);
