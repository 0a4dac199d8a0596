/**
 * The slice ops of the tensor dialect (MLIR 16), each with mixed static/dynamic offsets, sizes and strides
 * (src/irdl/dynamic-index-list.ts):
 *
 *   %s = tensor.extract_slice %t[0, %i] [4, 1] [1, 1] : tensor<8x?xf32> to tensor<4xf32>
 *   %u = tensor.insert_slice %s into %t[0, %i] [4, 1] [1, 1] : tensor<4xf32> into tensor<8x?xf32>
 *   tensor.parallel_insert_slice %s into %out[%o] [4] [1] : tensor<4xf32> into tensor<?xf32>
 *
 * The slice's type is `tensor<sizes x element>`, possibly with unit dims dropped (a rank-reduced slice):
 * extract_slice's result and insert_slice's source must be such a type.
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { DenseArrayAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { Pure } from "../../src/ir/traits.ts";
import { RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyRankedTensor, DenseI64ArrayAttr, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import {
  DynamicIndexList,
  type MixedIndex,
  mixedList,
  staticList,
  verifyOffsetsSizesStrides,
} from "../../src/irdl/dynamic-index-list.ts";
import { opEmitError } from "../../src/irdl/op-error.ts";
import { variadic } from "../../src/irdl/spec.ts";
import { printType } from "../../src/text/print-attr.ts";
import { foldExtractSlice, foldInsertSlice } from "./slice-fold.ts";
import { isRankReducedType, type SliceVerification } from "./types.ts";
import { destIsInit } from "./ops.ts";

const LISTS =
  "custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes) " +
  "custom<DynamicIndexList>($strides, $static_strides)";

const sliceOperands = { offsets: variadic(Index), sizes: variadic(Index), strides: variadic(Index) } as const;
const sliceAttributes = { static_offsets: DenseI64ArrayAttr, static_sizes: DenseI64ArrayAttr, static_strides: DenseI64ArrayAttr } as const;

/** What a slice op is read as by the helpers here: its three mixed lists. */
export interface SliceLike extends Operation {
  readonly offsets: readonly Value[];
  readonly sizes: readonly Value[];
  readonly strides: readonly Value[];
  readonly static_offsets: DenseArrayAttr;
  readonly static_sizes: DenseArrayAttr;
  readonly static_strides: DenseArrayAttr;
}

/** The static lists and values of a slice op, as the interface verifier takes them. */
export function sliceLists(op: SliceLike) {
  return {
    staticOffsets: staticList(op.static_offsets),
    offsets: op.offsets,
    staticSizes: staticList(op.static_sizes),
    sizes: op.sizes,
    staticStrides: staticList(op.static_strides),
    strides: op.strides,
  };
}

export const mixedOffsets = (op: SliceLike): MixedIndex[] => mixedList(staticList(op.static_offsets), op.offsets);
export const mixedSizes = (op: SliceLike): MixedIndex[] => mixedList(staticList(op.static_sizes), op.sizes);
export const mixedStrides = (op: SliceLike): MixedIndex[] => mixedList(staticList(op.static_strides), op.strides);

/** MLIR's ExtractSliceOp::inferResultType: the static sizes (DYNAMIC where dynamic) of `source`'s element type. */
export const sliceType = (source: RankedTensorType, staticSizes: readonly number[]): RankedTensorType =>
  RankedTensorType.get(staticSizes, source.elementType);

/** MLIR's produceSliceErrorMsg. */
function sliceError(op: Operation, result: SliceVerification, expected: RankedTensorType): Diagnostic | undefined {
  switch (result) {
    case "success":
      return undefined;
    case "rank-too-large":
      return opEmitError(op, "expected rank to be smaller or equal to the other rank. ");
    case "size-mismatch":
      return opEmitError(op, `expected type to be '${printType(expected)}' or a rank-reduced version. (size mismatch) `);
    case "element-type-mismatch":
      return opEmitError(op, `expected element type to be '${printType(expected.elementType)}'`);
  }
}

/** The checks insert_slice and parallel_insert_slice share: `source` is a slice of `dest`'s type. */
function verifyInsertSlice(op: SliceLike, source: RankedTensorType, dest: RankedTensorType): Diagnostic | undefined {
  const lists = sliceLists(op);
  const bad = verifyOffsetsSizesStrides(op, lists, dest.rank);
  if (bad !== undefined) return bad;
  const expected = sliceType(dest, lists.staticSizes);
  return sliceError(op, isRankReducedType(expected, source), expected);
}

// ---- tensor.extract_slice ------------------------------------------------------------------------------------

/** `tensor.extract_slice`: the elements of `source` at offsets + i * strides, for i below sizes. */
export const ExtractSliceOp = defineOp(
  {
    name: "tensor.extract_slice",
    summary: "extract slice operation",
    operands: { source: AnyRankedTensor, ...sliceOperands },
    attributes: sliceAttributes,
    results: { result: AnyRankedTensor },
    traits: [Pure],
    customDirectives: { DynamicIndexList },
    format: `$source \`\` ${LISTS} attr-dict \`:\` type($source) \`to\` type($result)`,
    resultNames: () => ["extracted_slice"],
  },
  {
    verify: (op) => {
      const lists = sliceLists(op);
      const bad = verifyOffsetsSizesStrides(op, lists, op.source.type.rank);
      if (bad !== undefined) return bad;
      const expected = sliceType(op.source.type, lists.staticSizes);
      return sliceError(op, isRankReducedType(expected, op.result.type), expected);
    },
    fold: foldExtractSlice,
  },
);
export type ExtractSliceOp = InstanceType<typeof ExtractSliceOp>;

// ---- tensor.insert_slice -------------------------------------------------------------------------------------

/** `tensor.insert_slice`: `dest` with `source` written at offsets + i * strides. */
export const InsertSliceOp = defineOp(
  {
    name: "tensor.insert_slice",
    summary: "insert_slice operation",
    operands: { source: AnyRankedTensor, dest: AnyRankedTensor, ...sliceOperands },
    attributes: sliceAttributes,
    results: { result: AnyRankedTensor },
    traits: [Pure],
    typesMatchWith: [{ from: "dest", to: "result", transform: (t) => t, summary: "expected result type to match dest type" }],
    customDirectives: { DynamicIndexList },
    format: `$source \`into\` $dest \`\` ${LISTS} attr-dict \`:\` type($source) \`into\` type($dest)`,
    resultNames: () => ["inserted_slice"],
  },
  {
    verify: (op) => verifyInsertSlice(op, op.source.type, op.dest.type),
    fold: foldInsertSlice,
    interfaces: [destIsInit],
  },
);
export type InsertSliceOp = InstanceType<typeof InsertSliceOp>;

// ---- tensor.parallel_insert_slice ----------------------------------------------------------------------------

/**
 * `tensor.parallel_insert_slice`, in the terminator of a parallel op (scf.foreach_thread's perform_concurrently, which
 * implements ParallelCombiningOpInterface): each thread's slice of the shared `dest`.
 */
export const ParallelInsertSliceOp = defineOp(
  {
    name: "tensor.parallel_insert_slice",
    summary: "Specify the tensor slice update of a single thread of a parent ParallelCombiningOpInterface op.",
    operands: { source: AnyRankedTensor, dest: AnyRankedTensor, ...sliceOperands },
    attributes: sliceAttributes,
    customDirectives: { DynamicIndexList },
    format: `$source \`into\` $dest \`\` ${LISTS} attr-dict \`:\` type($source) \`into\` type($dest)`,
  },
  {
    verify: (op) => {
      const parent = op.parentOp;
      // The interface belongs to the scf dialect's in_parallel; known by name until it is on main.
      if (parent === undefined || !PARALLEL_COMBINING_OPS.has(parent.name)) {
        return opEmitError(op, `expected ParallelCombiningOpInterface parent, got:${parent === undefined ? "" : parent.name}`);
      }
      return verifyInsertSlice(op, op.source.type, op.dest.type);
    },
  },
);
export type ParallelInsertSliceOp = InstanceType<typeof ParallelInsertSliceOp>;

/** The ops that implement ParallelCombiningOpInterface (MLIR 16: scf.foreach_thread.perform_concurrently; MLIR 17 renames it scf.forall.in_parallel). */
export const PARALLEL_COMBINING_OPS: ReadonlySet<string> = new Set(["scf.foreach_thread.perform_concurrently", "scf.forall.in_parallel"]);
