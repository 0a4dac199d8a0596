/**
 * The reassociative reshapes of the tensor dialect (MLIR 16): each group of the reassociation names the
 * contiguous dims of the expanded type that make one dim of the collapsed type.
 *
 *   %e = tensor.expand_shape %t [[0, 1], [2]] : tensor<8x?xf32> into tensor<2x4x?xf32>
 *   %c = tensor.collapse_shape %e [[0, 1], [2]] : tensor<2x4x?xf32> into tensor<8x?xf32>
 *
 * A collapsed dim is the product of its group (dynamic if any member is); an expansion may give a group one
 * dynamic dim at most.
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { type Attribute, ArrayAttr, DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { Pure } from "../../src/ir/traits.ts";
import { DYNAMIC, hasStaticShape, i64, RankedTensorType } from "../../src/ir/types.ts";
import { AnyTensor, attrConstraint } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";
import { printType } from "../../src/text/print-attr.ts";

/** ODS's IndexListArrayAttr: `[[0, 1], [2]]`, an array of arrays of i64 integers. */
export const IndexListArrayAttr = attrConstraint(
  "Array of 64-bit integer array attributes",
  (a): a is ArrayAttr =>
    a instanceof ArrayAttr &&
    a.elements.every((g) => g instanceof ArrayAttr && g.elements.every((e) => e instanceof IntegerAttr && e.type === i64)),
);

/** The reassociation groups of a reshape, as numbers. */
export function reassociationOf(a: ArrayAttr): number[][] {
  return a.elements.map((g) => (g as ArrayAttr).elements.map((e) => Number((e as IntegerAttr).value)));
}

/** The attribute of reassociation groups. */
export const reassociationAttr = (groups: readonly (readonly number[])[]): ArrayAttr =>
  ArrayAttr.get(groups.map((g) => ArrayAttr.get(g.map((d) => IntegerAttr.get(i64, d)))));

/** MLIR's computeTensorReshapeCollapsedType: each group's product, dynamic if any member is. */
export function collapsedShape(expanded: readonly number[], groups: readonly (readonly number[])[]): number[] {
  let at = 0;
  return groups.map((g) => {
    const band = expanded.slice(at, at + g.length);
    at += g.length;
    return band.includes(DYNAMIC) ? DYNAMIC : band.reduce((a, b) => a * b, 1);
  });
}

/** MLIR 16's verifyReshapeLikeTypes and reshapeLikeShapesAreCompatible, then the collapsed-type check. */
function verifyReshape(op: Operation, groups: number[][], expanded: RankedTensorType, collapsed: RankedTensorType, expanding: boolean): Diagnostic | undefined {
  const [er, cr] = [expanded.rank, collapsed.rank];
  if (er < cr) return opError(op, `expected the type ${printType(expanded)} to have higher rank than the type = ${printType(collapsed)}`);
  if (er === 0) return opError(op, "expected non-zero memref ranks");
  if (er === cr) return opError(op, "expected to collapse or expand dims");
  if (cr === 0) {
    if (expanded.shape.some((d) => d !== 1)) {
      return opError(op, "invalid to reshape tensor/memref with non-unit extent dimensions to zero-rank tensor/memref");
    }
    return undefined;
  }
  if (cr !== groups.length) return opError(op, `expected rank of the collapsed type(${cr}) to be the number of reassociation maps(${groups.length})`);
  // Each group is an affine map over as many dims as the largest index names (MLIR's getSymbolLessAffineMaps).
  const numDims = Math.max(-1, ...groups.flat()) + 1;
  if (numDims !== er) return opError(op, `expected reassociation map #0 of same rank as expanded memref(${er}), but got ${numDims}`);
  let next = 0;
  for (const [i, g] of groups.entries()) {
    if (!g.every((d) => d === next++)) return opError(op, `expected reassociation map #${i} to be valid and contiguous`);
  }
  if (next !== numDims) return opError(op, `expected reassociation map #${groups.length - 1} to be valid and contiguous`);
  let at = 0;
  for (const [i, g] of groups.entries()) {
    let dynamicAt: number | undefined;
    let product = 1;
    for (let k = 0; k < g.length; k++) {
      const d = expanded.shape[at + k] as number;
      if (d !== DYNAMIC) product *= d;
      else if (expanding && dynamicAt !== undefined) {
        return opError(op, `invalid to have a single dimension (${i}) expanded into multiple dynamic dims (${at + dynamicAt},${at + k})`);
      } else dynamicAt = k;
    }
    const c = collapsed.shape[i] as number;
    if (dynamicAt !== undefined && c !== DYNAMIC) {
      return opError(op, `expected dimension ${i} of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic`);
    }
    if (dynamicAt === undefined && c !== product) return opError(op, `expected dimension ${i} of collapsed type to be static value of ${product}`);
    at += g.length;
  }
  const expected = RankedTensorType.get(collapsedShape(expanded.shape, groups), expanded.elementType);
  const same = collapsed.elementType === expected.elementType && collapsed.shape.every((d, i) => d === expected.shape[i]);
  if (!same) return opError(op, `expected collapsed type to be '${printType(expected)}', but got '${printType(collapsed)}'`);
  return undefined;
}

/**
 * MLIR's foldReshapeOp: a reshape of the inverse reshape from this result's type is that reshape's source; a
 * reshape of a dense constant to a static type is the constant reshaped.
 */
function foldReshape(inverse: string) {
  return (op: Operation, operands: readonly (Attribute | undefined)[]): FoldResult | undefined => {
    const src = op.getOperand(0).definingOp;
    const result = op.getResult(0).type;
    if (src?.name === inverse && src.getOperand(0).type === result) return src.getOperand(0);
    const c = operands[0];
    if (c instanceof DenseElementsAttr && result instanceof RankedTensorType && hasStaticShape(result.shape)) {
      return DenseElementsAttr.get(RankedTensorType.get(result.shape, result.elementType), c.data);
    }
    return undefined;
  };
}

const reshapeFormat = "$src $reassociation attr-dict `:` type($src) `into` type($result)";

/** `tensor.expand_shape`: the same elements under a type of higher rank, each dim split into its group. */
export const ExpandShapeOp = defineOp(
  {
    name: "tensor.expand_shape",
    summary: "operation to produce a tensor with a higher rank",
    operands: { src: AnyTensor },
    attributes: { reassociation: IndexListArrayAttr },
    results: { result: AnyTensor },
    traits: [Pure],
    format: reshapeFormat,
    resultNames: () => ["expanded"],
  },
  {
    verify: (op) => {
      const [src, res] = [op.src.type, op.result.type];
      if (!(src instanceof RankedTensorType) || !(res instanceof RankedTensorType)) return undefined;
      if (src.rank >= res.rank) return opError(op, `expected rank expansion, but found source rank ${src.rank} >= result rank ${res.rank}`);
      return verifyReshape(op, reassociationOf(op.reassociation), res, src, true);
    },
    fold: foldReshape("tensor.collapse_shape"),
  },
);
export type ExpandShapeOp = InstanceType<typeof ExpandShapeOp>;

/** `tensor.collapse_shape`: the same elements under a type of lower rank, each group of dims merged. */
export const CollapseShapeOp = defineOp(
  {
    name: "tensor.collapse_shape",
    summary: "operation to produce a tensor with a smaller rank",
    operands: { src: AnyTensor },
    attributes: { reassociation: IndexListArrayAttr },
    results: { result: AnyTensor },
    traits: [Pure],
    format: reshapeFormat,
    resultNames: () => ["collapsed"],
  },
  {
    verify: (op) => {
      const [src, res] = [op.src.type, op.result.type];
      if (!(src instanceof RankedTensorType) || !(res instanceof RankedTensorType)) return undefined;
      if (src.rank <= res.rank) return opError(op, `expected rank reduction, but found source rank ${src.rank} <= result rank ${res.rank}`);
      return verifyReshape(op, reassociationOf(op.reassociation), src, res, false);
    },
    fold: foldReshape("tensor.expand_shape"),
  },
);
export type CollapseShapeOp = InstanceType<typeof CollapseShapeOp>;
