/**
 * tensor.pad, tensor.pack and tensor.unpack (MLIR 16):
 *
 *   %p = tensor.pad %t low[1, %l] high[2, 0] {
 *   ^bb0(%i: index, %j: index):
 *     tensor.yield %zero : f32
 *   } : tensor<4x?xf32> to tensor<7x?xf32>
 *   %k = tensor.pack %t padding_value(%zero : f32) inner_dims_pos = [0] inner_tiles = [4] into %dest
 *          : tensor<10x8xf32> -> tensor<3x8x4xf32>
 *   %u = tensor.unpack %k inner_dims_pos = [0] inner_tiles = [4] into %out : tensor<3x8x4xf32> -> tensor<10x8xf32>
 *
 * pad's body gives the padding value at each index of the result (in practice a value defined outside it).
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { NoMemoryEffect, Pure, SingleBlock } from "../../src/ir/traits.ts";
import { DYNAMIC, IndexType, RankedTensorType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyRankedTensor, AnyTensor, AnyType, DenseI64ArrayAttr, Index, UnitAttrC } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { DynamicIndexList, type MixedIndex, mixedList, staticList } from "../../src/irdl/dynamic-index-list.ts";
import { opEmitError, opError } from "../../src/irdl/op-error.ts";
import { optional, optionalAttr, region, variadic } from "../../src/irdl/spec.ts";
import type { DenseArrayAttr } from "../../src/ir/attributes.ts";
import { printType } from "../../src/text/print-attr.ts";
import { constantIndexOf, destIsInit } from "./ops.ts";

// ---- tensor.pad ----------------------------------------------------------------------------------------------

/** MLIR's PadOp::inferResultType: source + low + high per dim, dynamic where any of them is. */
export function padResultShape(source: readonly number[], low: readonly number[], high: readonly number[]): number[] {
  return source.map((d, i) => {
    const [l, h] = [low[i] ?? DYNAMIC, high[i] ?? DYNAMIC];
    return d === DYNAMIC || l === DYNAMIC || h === DYNAMIC ? DYNAMIC : d + l + h;
  });
}

/** `tensor.pad`: `source` with `low` and `high` elements added before and after each dim. */
export const PadOp = defineOp(
  {
    name: "tensor.pad",
    summary: "tensor pad operation",
    operands: { source: AnyTensor, low: variadic(Index), high: variadic(Index) },
    attributes: { static_low: DenseI64ArrayAttr, static_high: DenseI64ArrayAttr, nofold: optionalAttr(UnitAttrC) },
    regions: { region: region({ maxBlocks: 1 }) },
    results: { result: AnyTensor },
    traits: [Pure, SingleBlock],
    customDirectives: { DynamicIndexList },
    format:
      "$source (`nofold` $nofold^)? `low` `` custom<DynamicIndexList>($low, $static_low) " +
      "`high` `` custom<DynamicIndexList>($high, $static_high) $region attr-dict `:` type($source) `to` type($result)",
    resultNames: () => ["padded"],
  },
  {
    verify: (op) => {
      const [src, res] = [op.source.type, op.result.type];
      if (!(src instanceof RankedTensorType) || !(res instanceof RankedTensorType)) return undefined;
      const expected = RankedTensorType.get(padResultShape(src.shape, staticList(op.static_low), staticList(op.static_high)), src.elementType);
      for (let i = 0; i < src.rank; i++) {
        if (res.shape[i] === expected.shape[i] || expected.shape[i] === DYNAMIC) continue;
        return opEmitError(op, `specified type '${printType(res)}' does not match the inferred type '${printType(expected)}'`);
      }
      const block = op.region.blocks[0];
      if (block === undefined) return undefined;
      if (block.args.length !== res.rank) return opEmitError(op, `expected the block to have ${res.rank} arguments`);
      const nonIndex = block.args.findIndex((a) => !(a.type instanceof IndexType));
      if (nonIndex >= 0) return opError(op, `expected block argument ${nonIndex + 1} to be an index`);
      const y = block.terminator;
      if (y?.name === "tensor.yield" && y.getOperand(0).type !== res.elementType) return opError(op, "expected yield type to match shape element type");
      return undefined;
    },
    fold: (op) => {
      const [src, res] = [op.source.type, op.result.type];
      const isStatic = res instanceof RankedTensorType && res.shape.every((d) => d !== DYNAMIC);
      return isStatic && res === src && op.nofold === undefined ? op.source : undefined;
    },
  },
);
export type PadOp = InstanceType<typeof PadOp>;

export const mixedLow = (op: PadOp): MixedIndex[] => mixedList(staticList(op.static_low), op.low);
export const mixedHigh = (op: PadOp): MixedIndex[] => mixedList(staticList(op.static_high), op.high);

/** The value a pad body yields when it is defined outside the body (MLIR's getConstantPaddingValue). */
export function constantPaddingValue(op: PadOp): Value | undefined {
  const y = op.region.blocks[0]?.terminator;
  if (y?.name !== "tensor.yield") return undefined;
  const v = y.getOperand(0);
  const def = v.definingOp;
  const inside = def !== undefined ? op.region.isAncestorOf(def) : v.parentBlock?.parent === op.region;
  return inside ? undefined : v;
}

// ---- tensor.pack / tensor.unpack -----------------------------------------------------------------------------

/** MLIR's isInvalidPackingPosSpecification: too many, repeated or out-of-range dims. */
function invalidPositions(dims: readonly number[], rank: number): boolean {
  return dims.length > rank || new Set(dims).size !== dims.length || dims.some((d) => d < 0 || d >= rank);
}

/** MLIR's PackOp::inferPackedType: tiled dims divided (rounded up), outer dims permuted, tiles appended. */
export function packedShape(source: readonly number[], tiles: readonly number[], innerDimsPos: readonly number[], outerDimsPerm: readonly number[]): number[] {
  const shape = [...source];
  innerDimsPos.forEach((d, i) => {
    if (shape[d] === DYNAMIC) return;
    const t = tiles[i] as number;
    shape[d] = t === DYNAMIC ? DYNAMIC : Math.ceil((shape[d] as number) / t);
  });
  const permuted = outerDimsPerm.length === 0 ? shape : outerDimsPerm.map((p) => shape[p] as number);
  return [...permuted, ...tiles];
}

interface PackLike extends Operation {
  readonly inner_tiles: readonly Value[];
  readonly static_inner_tiles: DenseArrayAttr;
  readonly inner_dims_pos: DenseArrayAttr;
  readonly outer_dims_perm: DenseArrayAttr | undefined;
}

/** A tile as a constant when it is one: static, or a value defined by an index constant. */
const tileConstant = (t: MixedIndex): number | undefined => (typeof t === "number" ? t : constantIndexOf(t.definingOp));

/** MLIR's commonVerifierPackAndUnPackOp. */
function verifyPackOrUnpack(op: PackLike, unpacked: RankedTensorType, packed: RankedTensorType): Diagnostic | undefined {
  const tiles = mixedList(staticList(op.static_inner_tiles), op.inner_tiles);
  if (tiles.some((t) => tileConstant(t) === 0)) return opEmitError(op, "invalid zero tile factor");
  const inner = op.inner_dims_pos.numbers;
  const outer = op.outer_dims_perm?.numbers ?? [];
  if (invalidPositions(inner, unpacked.rank)) return opEmitError(op, "invalid inner_dims_pos vector");
  if (invalidPositions(outer, unpacked.rank)) return opEmitError(op, "invalid outer_dims_perm vector");
  if (outer.length !== 0 && outer.length !== unpacked.rank) return opEmitError(op, "outer_dims_perm must be a permutation or empty");
  if (tiles.length > unpacked.rank) return opEmitError(op, "tiling factors must be less than or equal to the input rank for pack or output rank for unpack");
  if (tiles.length !== inner.length) return opEmitError(op, "tiling factors must equal the number of dimensions to tile");
  if (unpacked.rank + tiles.length !== packed.rank) return opEmitError(op, "packed rank must equal unpacked rank + tiling factors");
  const staticTiles = staticList(op.static_inner_tiles);
  const expected = RankedTensorType.get(packedShape(unpacked.shape, staticTiles, inner, outer), unpacked.elementType);
  const inBound = expected.shape.every((d, i) => d === DYNAMIC || packed.shape[i] === DYNAMIC || d <= (packed.shape[i] as number));
  if (!inBound) {
    return opEmitError(op, `the shape of output is not large enough to hold the packed data. Expected at least '${printType(expected)}', got '${printType(packed)}'`);
  }
  const tail = packed.shape.slice(packed.rank - tiles.length);
  const tilesMatch = tiles.every((t, i) => {
    const c = tileConstant(t);
    const d = tail[i] as number;
    return c === undefined ? d === DYNAMIC : d === DYNAMIC || d === c;
  });
  if (!tilesMatch) return opEmitError(op, "mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type");
  return undefined;
}

const relayoutAttributes = {
  outer_dims_perm: optionalAttr(DenseI64ArrayAttr),
  inner_dims_pos: DenseI64ArrayAttr,
  static_inner_tiles: DenseI64ArrayAttr,
} as const;
const sameAsDest = { from: "dest", to: "result", transform: (t: Type) => t, summary: "result type matches type of dest" } as const;

/** `tensor.pack`: `source` tiled into `dest`, tiles as the innermost dims (padded by `padding_value`). */
export const PackOp = defineOp(
  {
    name: "tensor.pack",
    summary: "tensor pack operation",
    operands: { source: AnyRankedTensor, dest: AnyRankedTensor, padding_value: optional(AnyType), inner_tiles: variadic(Index) },
    attributes: relayoutAttributes,
    results: { result: AnyRankedTensor },
    traits: [NoMemoryEffect],
    typesMatchWith: [sameAsDest],
    customDirectives: { DynamicIndexList },
    format:
      "$source (`padding_value` `(` $padding_value^ `:` type($padding_value) `)`)? " +
      "(`outer_dims_perm` `=` $outer_dims_perm^)? `inner_dims_pos` `=` $inner_dims_pos `inner_tiles` `=` " +
      "custom<DynamicIndexList>($inner_tiles, $static_inner_tiles) `into` $dest attr-dict `:` type($source) `->` type($dest)",
    resultNames: () => ["pack"],
  },
  {
    verify: (op) => {
      const bad = verifyPackOrUnpack(op, op.source.type, op.dest.type);
      if (bad !== undefined) return bad;
      const pad = op.padding_value;
      const element = op.source.type.elementType;
      if (pad !== undefined && pad.type !== element) {
        return opError(op, `expected padding_value has '${printType(element)}' but got: '${printType(pad.type)}'`);
      }
      if (pad === undefined) {
        const tiles = mixedList(staticList(op.static_inner_tiles), op.inner_tiles);
        const partial = op.inner_dims_pos.numbers.some((d, i) => {
          const size = op.source.type.shape[d] as number;
          const t = tileConstant(tiles[i] as MixedIndex);
          return size !== DYNAMIC && t !== undefined && size % t !== 0;
        });
        if (partial) return opError(op, "invalid tile factor provided. Only full tiles are supported when padding_value is not set");
      }
      return undefined;
    },
    interfaces: [destIsInit],
  },
);
export type PackOp = InstanceType<typeof PackOp>;

/** `tensor.unpack`: the inverse of tensor.pack, into `dest`. */
export const UnPackOp = defineOp(
  {
    name: "tensor.unpack",
    summary: "tensor unpack operation",
    operands: { source: AnyRankedTensor, dest: AnyRankedTensor, inner_tiles: variadic(Index) },
    attributes: relayoutAttributes,
    results: { result: AnyRankedTensor },
    traits: [NoMemoryEffect],
    typesMatchWith: [sameAsDest],
    customDirectives: { DynamicIndexList },
    format:
      "$source (`outer_dims_perm` `=` $outer_dims_perm^)? `inner_dims_pos` `=` $inner_dims_pos `inner_tiles` `=` " +
      "custom<DynamicIndexList>($inner_tiles, $static_inner_tiles) `into` $dest attr-dict `:` type($source) `->` type($dest)",
    resultNames: () => ["unpack"],
  },
  { verify: (op) => verifyPackOrUnpack(op, op.dest.type, op.source.type), interfaces: [destIsInit] },
);
export type UnPackOp = InstanceType<typeof UnPackOp>;
