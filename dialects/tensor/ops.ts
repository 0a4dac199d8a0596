/**
 * The tensor dialect's element-level and shape ops (MLIR 16's TensorOps.td), with their declarative formats:
 *
 *   %c = tensor.cast %t : tensor<?x4xf32> to tensor<2x4xf32>
 *   %d = tensor.dim %t, %i : tensor<?x4xf32>
 *   %e = tensor.empty(%n) : tensor<?x4xf32>
 *   %x = tensor.extract %t[%i, %j] : tensor<?x4xf32>
 *   %f = tensor.from_elements %a, %b : tensor<2xf32>
 *   %g = tensor.gather %t[%idx] gather_dims([0]) : (tensor<8x4xf32>, tensor<2x1xindex>) -> tensor<2x1x4xf32>
 *   %h = tensor.generate %n { ^bb0(%i: index): ... tensor.yield %v : f32 } : tensor<?xf32>
 *   %u = tensor.insert %v into %t[%i, %j] : tensor<?x4xf32>
 *   %r = tensor.rank %t : tensor<*xf32>
 *   %s = tensor.reshape %t(%shape) : (tensor<8xf32>, tensor<2xindex>) -> tensor<2x4xf32>
 *   %w = tensor.scatter %src into %t[%idx] scatter_dims([0]) unique : (...) -> tensor<8x4xf32>
 *   %p = tensor.splat %v : tensor<4x4xf32>
 *
 * Slices (slice-ops.ts), reassociative reshapes (reshape-ops.ts) and pad/pack/unpack (pad-ops.ts) have files of
 * their own. Every op here is pure except generate, whose effects are its body's.
 */
import { CastOpInterface } from "../../src/interfaces/cast.ts";
import { DestinationStyleOpInterface } from "../../src/interfaces/destination-style.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { HasParent, Pure, RecursiveMemoryEffects, ReturnLike, SingleBlock, Terminator } from "../../src/ir/traits.ts";
import { IndexType, RankedTensorType, type Type, UnrankedTensorType, isShaped } from "../../src/ir/types.ts";
import { AnyRankedTensor, AnyTensor, AnyType, DenseI64ArrayAttr, Index, UnitAttrC } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opEmitError, opError, quotedType } from "../../src/irdl/op-error.ts";
import { optionalAttr, region, variadic } from "../../src/irdl/spec.ts";
import { AnyStaticShapeTensor, castCompatibleTensors, IndexTensor, numDynamicDims, ShapeTensor, SplatElement } from "./types.ts";
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { foldDim, foldExtract, foldFromElements, foldInsert, foldRank, foldSplat } from "./fold.ts";

const elementTypeOf = (t: Type): Type | undefined => (isShaped(t) ? t.elementType : undefined);

// ---- tensor.cast ---------------------------------------------------------------------------------------------

/** `tensor.cast`: the same tensor under a type with more or less static shape information. */
export const CastOp = defineOp(
  {
    name: "tensor.cast",
    summary: "tensor cast operation",
    operands: { source: AnyTensor },
    results: { dest: AnyTensor },
    traits: [Pure],
    format: "$source attr-dict `:` type($source) `to` type($dest)",
    resultNames: () => ["cast"],
  },
  {
    interfaces: [
      implement(CastOpInterface, {
        areCastCompatible: (inputs, outputs) =>
          inputs.length === 1 && outputs.length === 1 && castCompatibleTensors(inputs[0] as Type, outputs[0] as Type),
      }),
    ],
  },
);
export type CastOp = InstanceType<typeof CastOp>;

// ---- tensor.dim ----------------------------------------------------------------------------------------------

/** `tensor.dim %t, %i`: the size of dimension `index` of `source`. */
export const DimOp = defineOp(
  {
    name: "tensor.dim",
    summary: "dimension index operation",
    operands: { source: AnyTensor, index: Index },
    results: { result: Index },
    format: "attr-dict $source `,` $index `:` type($source)",
    resultNames: () => ["dim"],
  },
  {
    verify: (op) => {
      const index = constantIndexOf(op.index.definingOp);
      const t = op.source.type;
      if (index !== undefined && t instanceof RankedTensorType && index >= t.rank) return opError(op, "index is out of range");
      return undefined;
    },
    fold: foldDim,
  },
);
export type DimOp = InstanceType<typeof DimOp>;

/**
 * DestinationStyleOpInterface for the tensor ops MLIR 16 gives it (insert, insert_slice, pack, unpack): operand
 * #1, `dest`, is the one init, tied to the result.
 */
export const destIsInit = implement(DestinationStyleOpInterface, { getDpsInitsPositionRange: () => [1, 2] as const });

/** The value of an `arith.constant ... : index` (as MLIR's getConstantIntValue), without importing arith. */
export function constantIndexOf(def: Operation | undefined): number | undefined {
  if (def === undefined || def.name !== "arith.constant" || !(def.getResult(0).type instanceof IndexType)) return undefined;
  const v = def.attr("value");
  return v !== undefined && "value" in v && typeof v.value === "bigint" ? Number(v.value) : undefined;
}

// ---- tensor.empty --------------------------------------------------------------------------------------------

/** `tensor.empty(%n) : tensor<?x4xf32>`: a tensor of unspecified contents, only its shape matters. */
export const EmptyOp = defineOp(
  {
    name: "tensor.empty",
    summary: "empty tensor operation",
    operands: { dynamicSizes: variadic(Index) },
    results: { result: AnyRankedTensor },
    traits: [Pure],
    format: "`(`$dynamicSizes`)` attr-dict `:` type($result)",
  },
  {
    verify: (op) => {
      const want = numDynamicDims(op.result.type);
      const has = op.dynamicSizes.length;
      return has === want ? undefined : opError(op, `incorrect number of dynamic sizes, has ${has}, expected ${want}`);
    },
  },
);
export type EmptyOp = InstanceType<typeof EmptyOp>;

// ---- tensor.extract / tensor.insert ---------------------------------------------------------------------------

/** `tensor.extract %t[%i, %j]`: one element. */
export const ExtractOp = defineOp(
  {
    name: "tensor.extract",
    summary: "element extraction operation",
    operands: { tensor: AnyRankedTensor, indices: variadic(Index) },
    results: { result: AnyType },
    traits: [Pure],
    typesMatchWith: [{ from: "tensor", to: "result", transform: elementTypeOf, summary: "result type matches element type of tensor" }],
    format: "$tensor `[` $indices `]` attr-dict `:` type($tensor)",
    resultNames: () => ["extracted"],
  },
  {
    verify: (op) =>
      op.tensor.type.rank === op.indices.length ? undefined : opError(op, "incorrect number of indices for extract_element"),
    fold: foldExtract,
  },
);
export type ExtractOp = InstanceType<typeof ExtractOp>;

/** `tensor.insert %v into %t[%i, %j]`: `dest` with one element replaced. */
export const InsertOp = defineOp(
  {
    name: "tensor.insert",
    summary: "element insertion operation",
    operands: { scalar: AnyType, dest: AnyRankedTensor, indices: variadic(Index) },
    results: { result: AnyRankedTensor },
    traits: [Pure],
    typesMatchWith: [
      { from: "dest", to: "result", transform: (t) => t, summary: "result type matches type of dest" },
      { from: "dest", to: "scalar", transform: elementTypeOf, summary: "scalar type matches element type of dest" },
    ],
    format: "$scalar `into` $dest `[` $indices `]` attr-dict `:` type($dest)",
    resultNames: () => ["inserted"],
  },
  {
    verify: (op) => (op.dest.type.rank === op.indices.length ? undefined : opError(op, "incorrect number of indices")),
    fold: foldInsert,
    interfaces: [destIsInit],
  },
);
export type InsertOp = InstanceType<typeof InsertOp>;

// ---- tensor.from_elements / tensor.splat ----------------------------------------------------------------------

/** `tensor.from_elements %a, %b, %c, %d : tensor<2x2xf32>`: a static tensor of the given elements, row-major. */
export const FromElementsOp = defineOp(
  {
    name: "tensor.from_elements",
    summary: "tensor from elements operation.",
    operands: { elements: variadic(AnyType) },
    results: { result: AnyStaticShapeTensor },
    traits: [Pure],
    typesMatchWith: [
      {
        from: "result",
        to: "elements",
        transform: (t) =>
          t instanceof RankedTensorType && t.shape.every((d) => d >= 0)
            ? Array.from({ length: t.shape.reduce((a, b) => a * b, 1) }, () => t.elementType)
            : undefined,
        summary: "operand types match result element type",
      },
    ],
    format: "$elements attr-dict `:` type($result)",
    resultNames: () => ["from_elements"],
  },
  { fold: foldFromElements },
);
export type FromElementsOp = InstanceType<typeof FromElementsOp>;

/** `tensor.splat %v : tensor<4x4xf32>`: a static tensor whose every element is `input`. */
export const SplatOp = defineOp(
  {
    name: "tensor.splat",
    summary: "tensor splat or broadcast operation",
    operands: { input: SplatElement },
    results: { aggregate: AnyStaticShapeTensor },
    traits: [Pure],
    typesMatchWith: [{ from: "aggregate", to: "input", transform: elementTypeOf, summary: "operand type matches element type of result" }],
    format: "$input attr-dict `:` type($aggregate)",
    resultNames: () => ["splat"],
  },
  { fold: foldSplat },
);
export type SplatOp = InstanceType<typeof SplatOp>;

// ---- tensor.gather / tensor.scatter ---------------------------------------------------------------------------

/**
 * MLIR's GatherOp::inferResultType: the indices' shape without its last dim, then the source's dims, where a
 * gathered dim is 1 (or dropped, `rankReduced`). The source's encoding is kept.
 */
export function gatherResultType(source: RankedTensorType, indices: RankedTensorType, dims: readonly number[], rankReduced: boolean): RankedTensorType {
  const shape = indices.shape.slice(0, -1);
  source.shape.forEach((d, i) => {
    if (!dims.includes(i)) shape.push(d);
    else if (!rankReduced) shape.push(1);
  });
  return RankedTensorType.get(shape, source.elementType, source.encoding);
}

function verifyGatherOrScatterDims(op: Operation, dims: readonly number[], rank: number, what: "gather" | "scatter", of: string): Diagnostic | undefined {
  if (dims.length === 0) return opError(op, `${what}_dims must be non-empty`);
  if (dims.length > rank) return opError(op, `${what}_dims overflow ${of} rank`);
  for (const d of dims) {
    if (d < 0) return opError(op, `${what}_dims value must be non-negative`);
    if (d >= rank) return opError(op, `${what}_dims value must be smaller than ${of} rank`);
  }
  for (let i = 1; i < dims.length; i++) {
    if ((dims[i - 1] as number) >= (dims[i] as number)) return opError(op, `${what}_dims values must be strictly increasing`);
  }
  return undefined;
}

/** The `expected T or its rank-reduced variant R (got: X)` check gather and scatter share. */
function verifyGatherShape(op: Operation, what: string, base: RankedTensorType, indices: RankedTensorType, dims: readonly number[], got: RankedTensorType): Diagnostic | undefined {
  const full = gatherResultType(base, indices, dims, false);
  const reduced = gatherResultType(base, indices, dims, true);
  if (got === full || got === reduced) return undefined;
  return opError(op, `${what} type mismatch: expected ${quotedType(full)} or its rank-reduced variant ${quotedType(reduced)} (got: ${quotedType(got)})`);
}

/** `tensor.gather`: slices of `source` at coordinates read from `indices`. */
export const GatherOp = defineOp(
  {
    name: "tensor.gather",
    summary: "gather a subset of a tensor at specified indices",
    operands: { source: AnyRankedTensor, indices: IndexTensor },
    attributes: { gather_dims: DenseI64ArrayAttr, unique: optionalAttr(UnitAttrC) },
    results: { result: AnyRankedTensor },
    traits: [Pure],
    format: "$source `[` $indices `]` `gather_dims` `(` $gather_dims `)` (`unique` $unique^)? attr-dict `:` functional-type(operands, results)",
    resultNames: () => ["gather"],
  },
  {
    verify: (op) => {
      const dims = op.gather_dims.numbers;
      return (
        verifyGatherOrScatterDims(op, dims, op.source.type.rank, "gather", "source") ??
        verifyGatherShape(op, "result", op.source.type, op.indices.type, dims, op.result.type)
      );
    },
  },
);
export type GatherOp = InstanceType<typeof GatherOp>;

/** `tensor.scatter`: `dest` with slices from `source` written at coordinates read from `indices`. */
export const ScatterOp = defineOp(
  {
    name: "tensor.scatter",
    summary: "scatter a tensor into a destination tensor at specified indices",
    operands: { source: AnyRankedTensor, dest: AnyRankedTensor, indices: IndexTensor },
    attributes: { scatter_dims: DenseI64ArrayAttr, unique: optionalAttr(UnitAttrC) },
    results: { result: AnyRankedTensor },
    traits: [Pure],
    format:
      "$source `into` $dest `[` $indices `]` `scatter_dims` `(` $scatter_dims `)` (`unique` $unique^)? attr-dict `:` functional-type(operands, results)",
    resultNames: () => ["scatter"],
  },
  {
    verify: (op) => {
      const dims = op.scatter_dims.numbers;
      return (
        verifyGatherOrScatterDims(op, dims, op.dest.type.rank, "scatter", "dest") ??
        (op.unique === undefined ? opError(op, "requires 'unique' attribute to be set") : undefined) ??
        verifyGatherShape(op, "source", op.dest.type, op.indices.type, dims, op.source.type)
      );
    },
  },
);
export type ScatterOp = InstanceType<typeof ScatterOp>;

// ---- tensor.generate / tensor.yield ---------------------------------------------------------------------------

/** `tensor.generate %n { ^bb0(%i: index): ... }`: a tensor whose element at each index its body yields. */
export const GenerateOp = defineOp(
  {
    name: "tensor.generate",
    summary: "Creates a dynamically sized tensor from elements",
    operands: { dynamicExtents: variadic(Index) },
    results: { result: AnyRankedTensor },
    regions: { body: region({ maxBlocks: 1 }) },
    traits: [RecursiveMemoryEffects, SingleBlock],
    format: "$dynamicExtents $body attr-dict `:` type($result)",
    resultNames: () => ["generated"],
  },
  {
    verify: (op) => {
      const t = op.result.type;
      if (op.numOperands !== numDynamicDims(t)) return opEmitError(op, "must have as many index operands as dynamic extents in the result type");
      const block = op.body.blocks[0];
      if (block === undefined) return undefined;
      if (!block.args.every((a) => a.type instanceof IndexType)) return opEmitError(op, "all body arguments must be index");
      if (block.args.length !== t.rank) return opEmitError(op, "must have one body argument per input dimension");
      const y = block.terminator;
      if (y === undefined || y.name !== "tensor.yield" || y.getOperand(0).type !== t.elementType) {
        return opError(op, "body must be terminated with a `yield` operation of the tensor element type");
      }
      return undefined;
    },
  },
);
export type GenerateOp = InstanceType<typeof GenerateOp>;

/** `tensor.yield %v : f32`: the element a tensor.generate or tensor.pad body gives. */
export const YieldOp = defineOp({
  name: "tensor.yield",
  summary: "Yield a value from a region",
  operands: { value: AnyType },
  traits: [Pure, ReturnLike, Terminator, HasParent("tensor.generate", "tensor.pad")],
  format: "$value attr-dict `:` type($value)",
});
export type YieldOp = InstanceType<typeof YieldOp>;

// ---- tensor.rank / tensor.reshape -----------------------------------------------------------------------------

/** `tensor.rank %t : tensor<*xf32>`: the number of dimensions. */
export const RankOp = defineOp(
  {
    name: "tensor.rank",
    summary: "rank operation",
    operands: { tensor: AnyTensor },
    results: { result: Index },
    traits: [Pure],
    format: "$tensor attr-dict `:` type($tensor)",
    resultNames: () => ["rank"],
  },
  { fold: foldRank },
);
export type RankOp = InstanceType<typeof RankOp>;

/** `tensor.reshape %t(%shape)`: the same elements, row-major, under the shape a 1-D tensor gives. */
export const ReshapeOp = defineOp(
  {
    name: "tensor.reshape",
    summary: "tensor reshape operation",
    operands: { source: AnyTensor, shape: ShapeTensor },
    results: { result: AnyTensor },
    traits: [Pure],
    format: "$source `(` $shape `)` attr-dict `:` functional-type(operands, results)",
    resultNames: () => ["reshape"],
  },
  {
    verify: (op) => {
      const src = op.source.type;
      const res = op.result.type;
      if (src.elementType !== res.elementType) return opError(op, "element types of source and destination tensor types should be the same");
      if (!(res instanceof RankedTensorType)) return undefined;
      const count = (t: RankedTensorType | UnrankedTensorType): number | undefined =>
        t instanceof RankedTensorType && t.shape.every((d) => d >= 0) ? t.shape.reduce((a, b) => a * b, 1) : undefined;
      const [a, b] = [count(src), count(res)];
      if (a !== undefined && b !== undefined && a !== b) return opError(op, "source and destination tensor should have the same number of elements");
      const len = op.shape.type.shape[0] as number;
      if (len < 0) return opError(op, "cannot use shape operand with dynamic length to reshape to statically-ranked tensor type");
      if (len !== res.rank) return opError(op, "length of shape operand differs from the result's tensor rank");
      return undefined;
    },
  },
);
export type ReshapeOp = InstanceType<typeof ReshapeOp>;
