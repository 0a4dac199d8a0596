/**
 * Interpreter semantics of the tensor ops (MLIR 16). Tensors are values: every op builds a new buffer and never
 * writes an operand's (src/interp/values.ts). What MLIR leaves undefined is reported as `undefined-behavior`:
 * an index or slice out of bounds, a cast to a static shape the tensor does not have, negative sizes or pads,
 * reshapes whose sizes do not divide, duplicate coordinates in a `unique` scatter, partial pack tiles without a
 * padding value. Elements of `tensor.empty` are unspecified in MLIR; here they are zero (MLIR's lowering to
 * `memref.alloc` leaves them unspecified too, so a rewrite may not depend on them and none in Tensile does).
 *
 * The slice helpers (`readSlice`, `writeSlice`) are exported for scf.foreach_thread's `perform_concurrently`, which applies the
 * tensor.parallel_insert_slice ops of its terminator.
 */
import type { ElementBuffer } from "../../src/interp/buffer.ts";
import { fail, ub } from "../../src/interp/errors.ts";
import { forEachIndex, rowMajorStrides } from "../../src/interp/memref.ts";
import { type InterpContext, type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import {
  type Element,
  type IntValue,
  type RuntimeValue,
  type ScalarValue,
  type ShapedRuntimeType,
  type ShapedValue,
  intValue,
  scalarValue,
  shapeFits,
  shapeSize,
  shapedFromBuffer,
  splatValue,
} from "../../src/interp/values.ts";
import type { Operation, Region } from "../../src/ir/operation.ts";
import { DYNAMIC, IndexType, RankedTensorType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type MixedIndex, mixedList, staticList } from "../../src/irdl/dynamic-index-list.ts";
import { printType } from "../../src/text/print-attr.ts";
import {
  CastOp,
  DimOp,
  EmptyOp,
  ExtractOp,
  FromElementsOp,
  GatherOp,
  GenerateOp,
  InsertOp,
  RankOp,
  ReshapeOp,
  ScatterOp,
  SplatOp,
  YieldOp,
} from "./ops.ts";
import { PackOp, PadOp, UnPackOp } from "./pad-ops.ts";
import { CollapseShapeOp, ExpandShapeOp, reassociationOf } from "./reshape-ops.ts";
import { ExtractSliceOp, InsertSliceOp, mixedOffsets, mixedSizes, mixedStrides, type SliceLike } from "./slice-ops.ts";
import { rankReductionMask } from "./types.ts";

const index = IndexType.get();
const tensorOf = (v: RuntimeValue | undefined): ShapedValue => v as ShapedValue;
const intOf = (v: RuntimeValue | undefined): number => Number((v as IntValue).value);
const indexValue = (n: number): IntValue => intValue(index, n);

/** The most elements a tensor the interpreter builds may have (beyond it a run fails with a `limit` error). */
export const MAX_TENSOR_ELEMENTS = 2 ** 24;

/** Fails the run when a tensor of `shape` would be beyond the interpreter's limit (it is not undefined behaviour). */
export function checkTensorSize(shape: readonly number[], what: string): void {
  if (shapeSize(shape) > MAX_TENSOR_ELEMENTS) fail("limit", `${what}: a tensor of shape [${shape.join(", ")}] is beyond the interpreter's limit of ${MAX_TENSOR_ELEMENTS} elements`);
}

/** The values of an op's operands, to resolve the dynamic entries of its mixed lists. */
function operandValues(op: Operation, args: readonly RuntimeValue[]): (list: readonly MixedIndex[]) => number[] {
  const env = new Map<Value, RuntimeValue>();
  op.operands.forEach((v, i) => env.set(v, args[i] as RuntimeValue));
  return (list) => list.map((e) => (typeof e === "number" ? e : intOf(env.get(e))));
}

/** The value with another type (same shape and elements); the shape must fit the type. */
function retyped(v: ShapedValue, type: Type, what: string): ShapedValue {
  const t = type as ShapedRuntimeType;
  if (!shapeFits(t, v.shape)) ub(`${what}: a tensor of shape [${v.shape.join(", ")}] is not a ${printType(type)}`);
  return { ...v, type: t };
}

/** The row-major position of `indices` in `shape`, bounds-checked. */
function position(shape: readonly number[], indices: readonly number[], what: string): number {
  let pos = 0;
  for (let d = 0; d < shape.length; d++) {
    const i = indices[d] as number;
    const n = shape[d] as number;
    if (!(i >= 0 && i < n)) ub(`${what} out of bounds: index ${i} of dimension ${d} (size ${n}) at [${indices.join(", ")}]`);
    pos = pos * n + i;
  }
  return pos;
}

// ---- slices --------------------------------------------------------------------------------------------------

/** The geometry of a slice: offsets, sizes and strides, checked against the tensor's shape. */
export interface SliceGeometry {
  readonly offsets: readonly number[];
  readonly sizes: readonly number[];
  readonly strides: readonly number[];
}

function checkSlice(shape: readonly number[], g: SliceGeometry, what: string): void {
  for (let d = 0; d < shape.length; d++) {
    const [o, s, t, n] = [g.offsets[d] as number, g.sizes[d] as number, g.strides[d] as number, shape[d] as number];
    if (s < 0) ub(`${what}: negative size ${s} in dimension ${d}`);
    if (s === 0) continue;
    const last = o + (s - 1) * t;
    if (o < 0 || o >= n || last < 0 || last >= n) ub(`${what} out of bounds: dimension ${d} (size ${n}) sliced at offset ${o}, size ${s}, stride ${t}`);
  }
}

/** The slice of `source` (un-reduced shape `g.sizes`) as a new buffer. */
export function readSlice(source: ShapedValue, g: SliceGeometry, what: string): ElementBuffer {
  checkSlice(source.shape, g, what);
  checkTensorSize(g.sizes, what);
  const strides = rowMajorStrides(source.shape);
  const out = source.elements.empty(shapeSize(g.sizes));
  forEachIndex(g.sizes, (idx, flat) => {
    let pos = 0;
    for (let d = 0; d < idx.length; d++) pos += ((g.offsets[d] as number) + (idx[d] as number) * (g.strides[d] as number)) * (strides[d] as number);
    out.set(flat, source.elements.get(pos));
  });
  return out;
}

/** `dest` with `source` (of `g.sizes` elements, row-major) written at the slice: a new value. */
export function writeSlice(dest: ShapedValue, source: ElementBuffer, g: SliceGeometry, what: string): ShapedValue {
  checkSlice(dest.shape, g, what);
  const strides = rowMajorStrides(dest.shape);
  const out = dest.elements.clone();
  forEachIndex(g.sizes, (idx, flat) => {
    let pos = 0;
    for (let d = 0; d < idx.length; d++) pos += ((g.offsets[d] as number) + (idx[d] as number) * (g.strides[d] as number)) * (strides[d] as number);
    out.set(pos, source.get(flat));
  });
  return { ...dest, elements: out };
}

/** The geometry of a slice op at run time. */
function geometry(op: SliceLike, args: readonly RuntimeValue[]): SliceGeometry {
  const resolve = operandValues(op, args);
  return { offsets: resolve(mixedOffsets(op)), sizes: resolve(mixedSizes(op)), strides: resolve(mixedStrides(op)) };
}

/** The shape of a (possibly rank-reduced) slice type at run time: the sizes without the dims the type drops. */
function reducedShape(op: SliceLike, sizes: readonly number[], sliceType: RankedTensorType): number[] {
  const dropped = rankReductionMask(staticList(op.static_sizes), sliceType.shape) ?? new Set<number>();
  return sizes.filter((_, d) => !dropped.has(d));
}

// ---- regions -------------------------------------------------------------------------------------------------

/** The element a generate/pad body yields at `indices`. */
function yieldAt(ctx: InterpContext, region: Region, indices: readonly number[]): Element {
  const [v] = ctx.runRegion(region, indices.map(indexValue));
  return (v as ScalarValue).value;
}

// ---- reshapes ------------------------------------------------------------------------------------------------

/** The runtime shape of an expansion: static dims from the type, each group's one dynamic dim from the source. */
function expandedShape(source: readonly number[], type: RankedTensorType, groups: readonly (readonly number[])[]): number[] {
  const shape = [...type.shape];
  groups.forEach((g, i) => {
    const dynamic = g.filter((d) => type.shape[d] === DYNAMIC);
    const known = g.reduce((p, d) => (type.shape[d] === DYNAMIC ? p : p * (type.shape[d] as number)), 1);
    const total = source[i] as number;
    if (dynamic.length === 0) {
      if (known !== total) ub(`expand_shape: dimension ${i} of size ${total} cannot be ${g.map((d) => type.shape[d]).join("x")}`);
      return;
    }
    if (known === 0 ? total !== 0 : total % known !== 0) ub(`expand_shape: dimension ${i} of size ${total} is not a multiple of ${known}`);
    shape[dynamic[0] as number] = known === 0 ? 0 : total / known;
  });
  return shape;
}

// ---- gather / scatter ----------------------------------------------------------------------------------------

/**
 * For each coordinate row of `indices` (its leading dims), the slice of `base` it selects: the gathered dims at
 * the coordinates, the others whole. `visit` gets the flat index of the row and the slice's origin.
 */
function forEachGatherRow(base: readonly number[], indices: ShapedValue, dims: readonly number[], what: string, visit: (row: number, origin: number[]) => void): void {
  const rows = indices.shape.slice(0, -1);
  const width = indices.shape[indices.shape.length - 1] ?? 0;
  if (width !== dims.length) ub(`${what}: the last dimension of the indices (${width}) is not the number of ${what}_dims (${dims.length})`);
  forEachIndex(rows, (_, row) => {
    const origin = base.map(() => 0);
    dims.forEach((d, k) => {
      const c = Number(indices.elements.get(row * width + k) as bigint);
      if (!(c >= 0 && c < (base[d] as number))) ub(`${what}: coordinate ${c} out of bounds for dimension ${d} (size ${base[d]})`);
      origin[d] = c;
    });
    visit(row, origin);
  });
}

/** The shape of one gathered slice: the base's dims, 1 where gathered. */
const gatherSliceShape = (base: readonly number[], dims: readonly number[]): number[] => base.map((n, d) => (dims.includes(d) ? 1 : n));

// ---- pack / unpack -------------------------------------------------------------------------------------------

interface PackGeometry {
  readonly tiles: readonly number[];
  readonly inner: readonly number[];
  readonly outer: readonly number[];
}

/** For each element of the packed shape, the unpacked index it stands for (which may lie in the padding). */
function forEachPacked(packed: readonly number[], rank: number, g: PackGeometry, visit: (flat: number, unpacked: number[]) => void): void {
  forEachIndex(packed, (idx, flat) => {
    const outerIdx = idx.slice(0, rank);
    // The outer dims are permuted by outer_dims_perm: packed outer dim i is unpacked dim perm[i].
    const unpacked = new Array<number>(rank).fill(0);
    outerIdx.forEach((v, i) => (unpacked[g.outer.length === 0 ? i : (g.outer[i] as number)] = v));
    g.inner.forEach((d, k) => (unpacked[d] = (unpacked[d] as number) * (g.tiles[k] as number) + (idx[rank + k] as number)));
    visit(flat, unpacked);
  });
}

function packGeometry(op: PackOp | UnPackOp, args: readonly RuntimeValue[]): PackGeometry {
  const tiles = operandValues(op, args)(mixedList(staticList(op.static_inner_tiles), op.inner_tiles));
  for (const t of tiles) if (t <= 0) ub(`${op.name}: tile size ${t} is not positive`);
  return { tiles, inner: op.inner_dims_pos.numbers, outer: op.outer_dims_perm?.numbers ?? [] };
}

/** The packed shape of an unpacked one (MLIR's inferPackedType with every size known). */
function packedShapeOf(unpacked: readonly number[], g: PackGeometry): number[] {
  const shape = [...unpacked];
  g.inner.forEach((d, k) => (shape[d] = Math.ceil((shape[d] as number) / (g.tiles[k] as number))));
  const outer = g.outer.length === 0 ? shape : g.outer.map((p) => shape[p] as number);
  return [...outer, ...g.tiles];
}

// ---- the table -----------------------------------------------------------------------------------------------

export const tensorInterpretations: readonly InterpretationEntry[] = [
  interpretation(CastOp, (op, [v]) => [retyped(tensorOf(v), op.dest.type, "tensor.cast")]),
  interpretation(DimOp, (_op, [t, i]) => {
    const shape = tensorOf(t).shape;
    const d = intOf(i);
    if (!(d >= 0 && d < shape.length)) ub(`tensor.dim: dimension ${d} of a tensor of rank ${shape.length}`);
    return [indexValue(shape[d] as number)];
  }),
  interpretation(EmptyOp, (op, args) => {
    let next = 0;
    const shape = op.result.type.shape.map((d) => (d === DYNAMIC ? intOf(args[next++]) : d));
    for (const d of shape) if (d < 0) ub(`tensor.empty: negative size ${d}`);
    checkTensorSize(shape, "tensor.empty");
    return [splatValue(op.result.type, 0n, shape)];
  }),
  interpretation(ExtractOp, (op, [t, ...indices]) => {
    const v = tensorOf(t);
    const e = v.elements.get(position(v.shape, indices.map(intOf), "tensor.extract"));
    return [scalarValue(v.elementType, e)];
  }),
  interpretation(InsertOp, (_op, [s, t, ...indices]) => {
    const v = tensorOf(t);
    const out = v.elements.clone();
    out.set(position(v.shape, indices.map(intOf), "tensor.insert"), (s as ScalarValue).value);
    return [{ ...v, elements: out }];
  }),
  interpretation(FromElementsOp, (op, args) => {
    const t = op.result.type;
    return [splatFromElements(t, args.map((a) => (a as ScalarValue).value))];
  }),
  interpretation(SplatOp, (op, [s]) => [splatValue(op.aggregate.type, (s as ScalarValue).value)]),
  interpretation(RankOp, (_op, [t]) => [indexValue(tensorOf(t).shape.length)]),
  interpretation(ReshapeOp, (op, [t, s]) => {
    const v = tensorOf(t);
    const shapeTensor = tensorOf(s);
    const shape = shapeTensor.elements.toArray().map((e) => Number(e as bigint));
    for (const d of shape) if (d < 0) ub(`tensor.reshape: negative size ${d} in [${shape.join(", ")}]`);
    if (shapeSize(shape) !== shapeSize(v.shape)) ub(`tensor.reshape: [${v.shape.join(", ")}] has ${shapeSize(v.shape)} elements, [${shape.join(", ")}] ${shapeSize(shape)}`);
    const type = op.result.type;
    if (!shapeFits(type, shape)) ub(`tensor.reshape: shape [${shape.join(", ")}] is not a ${printType(type)}`);
    return [shapedFromBuffer(type, v.elements, shape)];
  }),
  interpretation(ExpandShapeOp, (op, [t]) => {
    const v = tensorOf(t);
    const type = op.result.type as RankedTensorType;
    return [shapedFromBuffer(type, v.elements, expandedShape(v.shape, type, reassociationOf(op.reassociation)))];
  }),
  interpretation(CollapseShapeOp, (op, [t]) => {
    const v = tensorOf(t);
    const groups = reassociationOf(op.reassociation);
    const shape = groups.map((g) => g.reduce((p, d) => p * (v.shape[d] as number), 1));
    return [collapseChecked(op.result.type as ShapedRuntimeType, v, shape)];
  }),
  interpretation(ExtractSliceOp, (op, args) => {
    const g = geometry(op, args);
    const buffer = readSlice(tensorOf(args[0]), g, "tensor.extract_slice");
    return [shapedFromBuffer(op.result.type, buffer, reducedShape(op, g.sizes, op.result.type))];
  }),
  interpretation(InsertSliceOp, (op, args) => {
    const g = geometry(op, args);
    const source = tensorOf(args[0]);
    return [writeSlice(tensorOf(args[1]), source.elements, g, "tensor.insert_slice")];
  }),
  interpretation(GenerateOp, (op, args, ctx) => {
    const t = op.result.type;
    let next = 0;
    const shape = t.shape.map((d) => (d === DYNAMIC ? intOf(args[next++]) : d));
    for (const d of shape) if (d < 0) ub(`tensor.generate: negative extent ${d}`);
    checkTensorSize(shape, "tensor.generate");
    const elements: Element[] = [];
    forEachIndex(shape, (idx) => elements.push(yieldAt(ctx, op.body, idx)));
    return [splatFromElements(t, elements, shape)];
  }),
  interpretation(YieldOp, (_op, args, ctx) => ctx.exit(args)),
  interpretation(PadOp, (op, args, ctx) => {
    const v = tensorOf(args[0]);
    const resolve = operandValues(op, args);
    const low = resolve(mixedList(staticList(op.static_low), op.low));
    const high = resolve(mixedList(staticList(op.static_high), op.high));
    for (const p of [...low, ...high]) if (p < 0) ub(`tensor.pad: negative padding ${p}`);
    const shape = v.shape.map((d, i) => d + (low[i] as number) + (high[i] as number));
    checkTensorSize(shape, "tensor.pad");
    const strides = rowMajorStrides(v.shape);
    // A body that only yields a value from outside gives one padding value: computed once.
    const body = op.region.blocks[0];
    const constantPad = body !== undefined && body.first === body.last;
    let padding: Element | undefined;
    const elements: Element[] = [];
    forEachIndex(shape, (idx) => {
      let pos = 0;
      let inside = true;
      for (let d = 0; d < idx.length; d++) {
        const s = (idx[d] as number) - (low[d] as number);
        if (s < 0 || s >= (v.shape[d] as number)) inside = false;
        pos += s * (strides[d] as number);
      }
      if (inside) elements.push(v.elements.get(pos));
      else if (constantPad) elements.push((padding ??= yieldAt(ctx, op.region, idx)));
      else elements.push(yieldAt(ctx, op.region, idx));
    });
    return [splatFromElements(op.result.type as ShapedRuntimeType, elements, shape)];
  }),
  interpretation(GatherOp, (op, [s, i]) => {
    const source = tensorOf(s);
    const indices = tensorOf(i);
    const dims = op.gather_dims.numbers;
    const sliceShape = gatherSliceShape(source.shape, dims);
    const sliceSize = shapeSize(sliceShape);
    const rows = indices.shape.slice(0, -1);
    const out = source.elements.empty(shapeSize(rows) * sliceSize);
    forEachGatherRow(source.shape, indices, dims, "gather", (row, origin) => {
      const slice = readSlice(source, { offsets: origin, sizes: sliceShape, strides: sliceShape.map(() => 1) }, "tensor.gather");
      out.copyFrom(slice, 0, row * sliceSize, sliceSize);
    });
    const full = [...rows, ...sliceShape];
    const reduced = [...rows, ...source.shape.filter((_, d) => !dims.includes(d))];
    return [shapedFromBuffer(op.result.type, out, op.result.type.rank === full.length ? full : reduced)];
  }),
  interpretation(ScatterOp, (op, [s, d, i]) => {
    const source = tensorOf(s);
    let dest = tensorOf(d);
    const indices = tensorOf(i);
    const dims = op.scatter_dims.numbers;
    const sliceShape = gatherSliceShape(dest.shape, dims);
    const sliceSize = shapeSize(sliceShape);
    const seen = new Set<string>();
    forEachGatherRow(dest.shape, indices, dims, "scatter", (row, origin) => {
      const key = origin.join(",");
      if (seen.has(key)) ub(`tensor.scatter: coordinates [${key}] appear twice, but the scatter is 'unique'`);
      seen.add(key);
      const slice = source.elements.empty(sliceSize);
      slice.copyFrom(source.elements, row * sliceSize, 0, sliceSize);
      dest = writeSlice(dest, slice, { offsets: origin, sizes: sliceShape, strides: sliceShape.map(() => 1) }, "tensor.scatter");
    });
    return [dest];
  }),
  interpretation(PackOp, (op, args) => {
    const source = tensorOf(args[0]);
    const dest = tensorOf(args[1]);
    const g = packGeometry(op, args);
    const expected = packedShapeOf(source.shape, g);
    if (!expected.every((n, i) => n === dest.shape[i])) ub(`tensor.pack: the destination is [${dest.shape.join(", ")}], the packed shape [${expected.join(", ")}]`);
    const pad = op.padding_value === undefined ? undefined : (args[2] as ScalarValue).value;
    const strides = rowMajorStrides(source.shape);
    const out = dest.elements.empty(dest.elements.length);
    forEachPacked(dest.shape, source.shape.length, g, (flat, u) => {
      const inside = u.every((x, d) => x < (source.shape[d] as number));
      if (inside) out.set(flat, source.elements.get(u.reduce((p, x, d) => p + x * (strides[d] as number), 0)));
      else if (pad !== undefined) out.set(flat, pad);
      else ub("tensor.pack: a partial tile without a padding value");
    });
    return [{ ...dest, elements: out }];
  }),
  interpretation(UnPackOp, (op, args) => {
    const source = tensorOf(args[0]);
    const dest = tensorOf(args[1]);
    const g = packGeometry(op, args);
    const expected = packedShapeOf(dest.shape, g);
    if (!expected.every((n, i) => n === source.shape[i])) ub(`tensor.unpack: the source is [${source.shape.join(", ")}], the packed shape of the destination [${expected.join(", ")}]`);
    const strides = rowMajorStrides(dest.shape);
    const out = dest.elements.clone();
    forEachPacked(source.shape, dest.shape.length, g, (flat, u) => {
      if (u.every((x, d) => x < (dest.shape[d] as number))) out.set(u.reduce((p, x, d) => p + x * (strides[d] as number), 0), source.elements.get(flat));
    });
    return [{ ...dest, elements: out }];
  }),
];

/** A tensor of `type` (and `shape`) holding `elements` (canonical for its element type), row-major. */
function splatFromElements(type: ShapedRuntimeType, elements: readonly Element[], shape?: readonly number[]): ShapedValue {
  const concrete = shape ?? (type as RankedTensorType).shape;
  const first = elements[0];
  const v = splatValue(type, first ?? 0n, concrete);
  if (elements.length === 0) return v;
  const out = v.elements;
  elements.forEach((e, i) => out.set(i, e));
  return v;
}

/** A collapse whose runtime shape is checked against the result type. */
function collapseChecked(type: ShapedRuntimeType, v: ShapedValue, shape: readonly number[]): ShapedValue {
  if (!shapeFits(type, shape)) ub(`tensor.collapse_shape: shape [${shape.join(", ")}] is not a ${printType(type)}`);
  return shapedFromBuffer(type, v.elements, shape);
}
