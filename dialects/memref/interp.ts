/**
 * Interpreter semantics of the memref dialect, on the runtime's strided views of shared allocations
 * (src/interp/memref.ts): every view op makes another view of its source's allocation, so a store through one
 * is seen through all; out-of-bounds accesses, use after `dealloc` (or after the end of an `alloca`'s scope) and
 * double frees are `undefined-behavior` errors.
 *
 * - `memref.global`s get one allocation per run (the engine's per-run state), made from the initial value the
 *   first time a `memref.get_global` names them.
 * - `memref.view` (which reinterprets the bytes of an i8 buffer as another element type) is not supported: the
 *   runtime's buffers hold typed elements, not bytes.
 * - `memref.extract_aligned_pointer_as_index` gives a made-up address: 4096 times a number given to each
 *   allocation in order of first use (so equal for views of one allocation, 64-byte aligned).
 */
import { type Attribute, UnitAttr } from "../../src/ir/attributes.ts";
import { lookupNearestSymbol } from "../../src/ir/symbol-table.ts";
import { DYNAMIC, FloatType, IndexType, type Type } from "../../src/ir/types.ts";
import { valueOfAttribute } from "../../src/interp/attr-values.ts";
import { newBuffer } from "../../src/interp/buffer.ts";
import { addF, maxF, minF, mulF } from "../../src/interp/float-semantics.ts";
import { addI, andI, mulI, orI } from "../../src/interp/int-semantics.ts";
import {
  type Allocation,
  allocMemRef,
  deallocMemRef,
  forEachIndex,
  loadElement,
  type MemRefValue,
  positionOf,
  rowMajorStrides,
  storeElement,
  viewFitsType,
  viewOf,
  withType,
  writeContents,
} from "../../src/interp/memref.ts";
import { type InterpContext, type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import {
  type Element,
  floatKindOf,
  intValue,
  intWidth,
  type IntValue,
  type RuntimeValue,
  scalarValue,
  type ShapedValue,
  shapeSize,
} from "../../src/interp/values.ts";
import { mixedList } from "../../src/interfaces/view-like.ts";
import { AtomicRMWKind } from "../arith/attrs.ts";
import { AllocaOp, AllocaScopeOp, AllocaScopeReturnOp, AllocOp, DeallocOp, GetGlobalOp, getGlobalName, GlobalOp, ReallocOp } from "./ops-alloc.ts";
import {
  AssumeAlignmentOp,
  AtomicRMWOp,
  AtomicYieldOp,
  CopyOp,
  DmaStartOp,
  DmaWaitOp,
  dmaStartParts,
  GenericAtomicRMWOp,
  LoadOp,
  PrefetchOp,
  StoreOp,
  TensorStoreOp,
} from "./ops-access.ts";
import {
  CastOp,
  CollapseShapeOp,
  DimOp,
  ExpandShapeOp,
  ExtractAlignedPointerAsIndexOp,
  ExtractStridedMetadataOp,
  RankOp,
  reassociationOf,
  ReinterpretCastOp,
  ReshapeOp,
  SubViewOp,
  TransposeOp,
  ViewOp,
} from "./ops-view.ts";
import { memRefRankReductionMask, inferSubViewType } from "./view-types.ts";
import { tensorTypeOf } from "./layout.ts";

const index = IndexType.get();

function memrefArg(v: RuntimeValue | undefined, ctx: InterpContext): MemRefValue {
  if (v?.kind !== "memref") return ctx.fail("invalid-ir", "expected a memref value");
  return v;
}
function intArg(v: RuntimeValue | undefined, ctx: InterpContext): number {
  if (v?.kind !== "int") return ctx.fail("invalid-ir", "expected an index value");
  return Number(v.value);
}
const ints = (vs: readonly RuntimeValue[], ctx: InterpContext): number[] => vs.map((v) => intArg(v, ctx));
const indexValue = (n: number): IntValue => intValue(index, n);

/** The element at `indices` as a scalar value of the memref's element type. */
function load(m: MemRefValue, indices: readonly number[]): RuntimeValue {
  return scalarValue(m.elementType, loadElement(m, indices));
}
function elementOfScalar(v: RuntimeValue | undefined, ctx: InterpContext): Element {
  if (v?.kind === "int" || v?.kind === "float") return v.value;
  return ctx.fail("invalid-ir", "expected a scalar value");
}

/** Checks that a view made by an op fits the op's result type (a cast or view that lies about its type is UB). */
function checkFits(m: MemRefValue, type: Type, what: string, ctx: InterpContext): MemRefValue {
  if (!viewFitsType(m, type)) ctx.fail("undefined-behavior", `${what}: the memref does not have the type it is given (its sizes, strides or offset differ)`);
  return m;
}

// ---- atomics ---------------------------------------------------------------------------------------------------

/** What `memref.atomic_rmw` stores: the old element combined with `value` by `kind`. */
function combine(kind: string, type: Type, old: Element, value: Element, ctx: InterpContext): Element {
  if (type instanceof FloatType) {
    const k = floatKindOf(type);
    const a = old as Exclude<Element, bigint>;
    const b = value as Exclude<Element, bigint>;
    switch (kind) {
      case "addf":
        return addF(k, a, b);
      case "mulf":
        return mulF(k, a, b);
      case "maxf":
        return maxF(k, a, b);
      case "minf":
        return minF(k, a, b);
      case "assign":
        return b;
    }
  } else if (type.kind === "integer" || type instanceof IndexType) {
    const n = intWidth(type as never);
    const a = old as bigint;
    const b = value as bigint;
    const unsigned = (x: bigint): bigint => BigInt.asUintN(n, x);
    switch (kind) {
      case "addi":
        return addI(n, a, b);
      case "muli":
        return mulI(n, a, b);
      case "andi":
        return andI(n, a, b);
      case "ori":
        return orI(n, a, b);
      case "maxs":
        return a > b ? a : b;
      case "mins":
        return a < b ? a : b;
      case "maxu":
        return unsigned(a) > unsigned(b) ? a : b;
      case "minu":
        return unsigned(a) < unsigned(b) ? a : b;
      case "assign":
        return b;
    }
  }
  return ctx.fail("invalid-ir", `atomic kind '${kind}' on ${type.kind}`);
}

// ---- views -----------------------------------------------------------------------------------------------------

/** `memref.subview`: offsets, sizes and strides relative to the source view; dropped unit dims per the result type. */
function subview(op: SubViewOp, args: readonly RuntimeValue[], ctx: InterpContext): MemRefValue {
  const source = memrefArg(args[0], ctx);
  const resolve = (list: readonly (number | import("../../src/ir/value.ts").Value)[]): number[] =>
    list.map((e) => (typeof e === "number" ? e : intArg(args[op.operands.indexOf(e)], ctx)));
  // Operand values by position: the mixed lists name SSA values, whose runtime values are the args in order.
  const offsets = resolve(mixedList(op, "offsets"));
  const sizes = resolve(mixedList(op, "sizes"));
  const strides = resolve(mixedList(op, "strides"));
  let offset = source.offset;
  for (let d = 0; d < source.shape.length; d++) {
    const o = offsets[d] as number;
    const s = sizes[d] as number;
    const st = strides[d] as number;
    const size = source.shape[d] as number;
    if (s < 0 || o < 0 || (s > 0 && (o + (s - 1) * st >= size || o + (s - 1) * st < 0))) {
      ctx.fail("undefined-behavior", `out-of-bounds subview: offset ${o}, size ${s}, stride ${st} of dimension ${d} (size ${size})`);
    }
    offset += o * (source.strides[d] as number);
  }
  const fullStrides = source.strides.map((s, d) => s * (strides[d] as number));
  const sourceType = op.source.type;
  const expected = inferSubViewType(sourceType, op.static_offsets.numbers, op.static_sizes.numbers, op.static_strides.numbers);
  const dropped = memRefRankReductionMask(expected, op.result.type, op.static_sizes.numbers) ?? new Set<number>();
  const keep = (_: number, d: number): boolean => !dropped.has(d);
  return viewOf(source, { type: op.result.type, offset, shape: sizes.filter(keep), strides: fullStrides.filter(keep) });
}

/** `memref.expand_shape`: each source dim splits into its group's dims (a dynamic one takes what the others leave). */
function expand(op: ExpandShapeOp, source: MemRefValue, ctx: InterpContext): MemRefValue {
  const resultShape = op.result.type.shape;
  const shape: number[] = [];
  const strides: number[] = [];
  reassociationOf(op.reassociation).forEach((group, g) => {
    const total = source.shape[g] as number;
    const known = group.reduce((n, d) => (resultShape[d] === DYNAMIC ? n : n * (resultShape[d] as number)), 1);
    const sizes = group.map((d) => (resultShape[d] === DYNAMIC ? (known === 0 ? 0 : total / known) : (resultShape[d] as number)));
    if (!sizes.every(Number.isInteger) || shapeSize(sizes) !== total) {
      ctx.fail("undefined-behavior", `expand_shape of a dimension of size ${total} into [${sizes.join(", ")}]`);
    }
    let stride = source.strides[g] as number;
    const groupStrides = new Array<number>(sizes.length);
    for (let k = sizes.length - 1; k >= 0; k--) {
      groupStrides[k] = stride;
      stride *= sizes[k] as number;
    }
    shape.push(...sizes);
    strides.push(...groupStrides);
  });
  // A rank-0 source (no groups) expands to unit dimensions only.
  if (source.shape.length === 0) for (const d of resultShape) (shape.push(d === DYNAMIC ? 1 : d), strides.push(1));
  return viewOf(source, { type: op.result.type, offset: source.offset, shape, strides });
}

/** `memref.collapse_shape`: each group of (contiguous) dims becomes one. */
function collapse(op: CollapseShapeOp, source: MemRefValue, ctx: InterpContext): MemRefValue {
  const shape: number[] = [];
  const strides: number[] = [];
  for (const group of reassociationOf(op.reassociation)) {
    const sizes = group.map((d) => source.shape[d] as number);
    for (let k = 0; k + 1 < group.length; k++) {
      const outer = group[k] as number;
      const inner = group[k + 1] as number;
      const innerExtent = group.slice(k + 1).reduce((n, d) => n * (source.shape[d] as number), 1);
      if ((source.shape[outer] as number) > 1 && innerExtent > 1 && source.strides[outer] !== (source.strides[inner] as number) * (source.shape[inner] as number)) {
        ctx.fail("undefined-behavior", `collapse_shape of non-contiguous dimensions [${group.join(", ")}]`);
      }
    }
    const nonUnit = group.filter((d) => (source.shape[d] as number) !== 1);
    const innermost = nonUnit[nonUnit.length - 1] ?? (group[group.length - 1] as number);
    shape.push(shapeSize(sizes));
    strides.push(group.length === 0 ? 1 : (source.strides[innermost] as number));
  }
  return viewOf(source, { type: op.result.type, offset: source.offset, shape, strides });
}

// ---- globals ---------------------------------------------------------------------------------------------------

/** The run's allocation of a `memref.global`, made (from its initial value) on first use. */
function globalMemRef(op: GetGlobalOp, ctx: InterpContext): MemRefValue {
  const ref = getGlobalName(op);
  const global = ref === undefined ? undefined : lookupNearestSymbol(op, ref);
  if (!(global instanceof GlobalOp)) return ctx.fail("invalid-ir", `'${ref?.root ?? "?"}' does not name a memref.global`);
  return ctx.runState(global, () => {
    const type = global.type.value;
    const m = allocMemRef(type, [], "global");
    const init = global.initial_value;
    if (init !== undefined && !(init instanceof UnitAttr)) {
      const tensorType = tensorTypeOf(type);
      const value = valueOfAttribute(init as Attribute, tensorType) as ShapedValue;
      writeContents(m, value.elements);
    }
    return m;
  });
}

// ---- the semantics ---------------------------------------------------------------------------------------------

export const memrefInterpretations: readonly InterpretationEntry[] = [
  interpretation(AllocOp, (op, args, ctx) => [allocMemRef(op.memref.type, ints(args.slice(0, op.dynamicSizes.length), ctx), "heap")]),
  interpretation(AllocaOp, (op, args, ctx) => {
    const m = allocMemRef(op.memref.type, ints(args.slice(0, op.dynamicSizes.length), ctx), "stack");
    ctx.atScopeExit(() => m.allocation.free("the end of its automatic allocation scope"));
    return [m];
  }),
  interpretation(AllocaScopeOp, (op, _args, ctx) => ctx.withAllocationScope(() => ctx.runRegion(op.bodyRegion, []))),
  interpretation(AllocaScopeReturnOp, (_op, args, ctx) => ctx.exit(args)),
  interpretation(DeallocOp, (_op, args, ctx) => {
    deallocMemRef(memrefArg(args[0], ctx));
    return [];
  }),
  interpretation(ReallocOp, (op, args, ctx) => {
    const source = memrefArg(args[0], ctx);
    const type = op.result.type;
    const result = allocMemRef(type, args.length > 1 ? [intArg(args[1], ctx)] : [], "heap");
    const n = Math.min(source.shape[0] as number, result.shape[0] as number);
    for (let i = 0; i < n; i++) storeElement(result, [i], loadElement(source, [i]));
    deallocMemRef(source);
    return [result];
  }),
  interpretation(GetGlobalOp, (op, _args, ctx) => [globalMemRef(op, ctx)]),

  interpretation(LoadOp, (_op, args, ctx) => [load(memrefArg(args[0], ctx), ints(args.slice(1), ctx))]),
  interpretation(StoreOp, (_op, args, ctx) => {
    storeElement(memrefArg(args[1], ctx), ints(args.slice(2), ctx), elementOfScalar(args[0], ctx));
    return [];
  }),
  interpretation(AtomicRMWOp, (op, args, ctx) => {
    const m = memrefArg(args[1], ctx);
    const indices = ints(args.slice(2), ctx);
    const old = loadElement(m, indices);
    const kind = AtomicRMWKind.caseOf(op.kind) ?? ctx.fail("invalid-ir", "unknown atomic kind");
    storeElement(m, indices, combine(kind, m.elementType, old, elementOfScalar(args[0], ctx), ctx));
    return [scalarValue(m.elementType, old)];
  }),
  interpretation(GenericAtomicRMWOp, (op, args, ctx) => {
    const m = memrefArg(args[0], ctx);
    const indices = ints(args.slice(1), ctx);
    const old = load(m, indices);
    const [updated] = ctx.runRegion(op.atomic_body, [old]);
    storeElement(m, indices, elementOfScalar(updated, ctx));
    return [old];
  }),
  interpretation(AtomicYieldOp, (_op, args, ctx) => ctx.exit(args)),
  interpretation(CopyOp, (_op, args, ctx) => {
    const source = memrefArg(args[0], ctx);
    const target = memrefArg(args[1], ctx);
    if (source.shape.length !== target.shape.length || source.shape.some((d, i) => d !== target.shape[i])) {
      ctx.fail("undefined-behavior", `memref.copy between shapes [${source.shape.join(", ")}] and [${target.shape.join(", ")}]`);
    }
    const buffer = newBuffer(source.elementType, shapeSize(source.shape));
    forEachIndex(source.shape, (idx, flat) => buffer.set(flat, loadElement(source, idx)));
    writeContents(target, buffer);
    return [];
  }),
  interpretation(TensorStoreOp, (_op, args, ctx) => {
    const tensor = args[0];
    if (tensor?.kind !== "shaped") return ctx.fail("invalid-ir", "expected a tensor value");
    writeContents(memrefArg(args[1], ctx), tensor.elements);
    return [];
  }),
  interpretation(PrefetchOp, () => []),
  interpretation(AssumeAlignmentOp, () => []),
  interpretation(DmaStartOp, (op, args, ctx) => {
    const parts = dmaStartParts(op) ?? ctx.fail("invalid-ir", "malformed memref.dma_start");
    if (parts.stride.length > 0) ctx.fail("unsupported", "strided memref.dma_start is not supported by the interpreter");
    const at = (v: import("../../src/ir/value.ts").Value): RuntimeValue | undefined => args[op.operands.indexOf(v)];
    const src = memrefArg(at(parts.src), ctx);
    const dst = memrefArg(at(parts.dst), ctx);
    const n = intArg(at(parts.numElements), ctx);
    const from = positionOf(src, parts.srcIndices.map((v) => intArg(at(v), ctx)), "DMA read");
    const to = positionOf(dst, parts.dstIndices.map((v) => intArg(at(v), ctx)), "DMA write");
    if (from + n > src.allocation.buffer.length || to + n > dst.allocation.buffer.length) ctx.fail("undefined-behavior", `out-of-bounds DMA of ${n} elements`);
    for (let i = 0; i < n; i++) dst.allocation.buffer.set(to + i, src.allocation.buffer.get(from + i));
    return [];
  }),
  interpretation(DmaWaitOp, () => []),

  interpretation(CastOp, (op, args, ctx) => [checkFits(withType(memrefArg(args[0], ctx), op.dest.type), op.dest.type, "memref.cast", ctx)]),
  interpretation(SubViewOp, (op, args, ctx) => [subview(op, args, ctx)]),
  interpretation(ReinterpretCastOp, (op, args, ctx) => {
    const source = memrefArg(args[0], ctx);
    const value = (e: number | import("../../src/ir/value.ts").Value): number => (typeof e === "number" ? e : intArg(args[op.operands.indexOf(e)], ctx));
    const offset = value(mixedList(op, "offsets")[0] ?? 0);
    const shape = mixedList(op, "sizes").map(value);
    const strides = mixedList(op, "strides").map(value);
    return [viewOf(source, { type: op.result.type, offset, shape, strides })];
  }),
  interpretation(ViewOp, (_op, _args, ctx) => ctx.fail("unsupported", "memref.view reinterprets bytes, which the interpreter's typed buffers do not hold")),
  interpretation(ReshapeOp, (op, args, ctx) => {
    const source = memrefArg(args[0], ctx);
    const shapeMemRef = memrefArg(args[1], ctx);
    const shape: number[] = [];
    for (let i = 0; i < (shapeMemRef.shape[0] as number); i++) shape.push(Number(loadElement(shapeMemRef, [i]) as bigint));
    if (shapeSize(shape) !== shapeSize(source.shape)) {
      ctx.fail("undefined-behavior", `memref.reshape of ${shapeSize(source.shape)} elements to shape [${shape.join(", ")}]`);
    }
    return [viewOf(source, { type: op.result.type, offset: source.offset, shape, strides: rowMajorStrides(shape) })];
  }),
  interpretation(ExpandShapeOp, (op, args, ctx) => [expand(op, memrefArg(args[0], ctx), ctx)]),
  interpretation(CollapseShapeOp, (op, args, ctx) => [collapse(op, memrefArg(args[0], ctx), ctx)]),
  interpretation(TransposeOp, (op, args, ctx) => {
    const source = memrefArg(args[0], ctx);
    const perm = op.permutation.map.results.map((e) => (e.kind === "dim" ? e.position : 0));
    return [
      viewOf(source, {
        type: op.result.type,
        offset: source.offset,
        shape: perm.map((p) => source.shape[p] as number),
        strides: perm.map((p) => source.strides[p] as number),
      }),
    ];
  }),
  interpretation(ExtractStridedMetadataOp, (op, args, ctx) => {
    const source = memrefArg(args[0], ctx);
    const base = viewOf(source, { type: op.base_buffer.type, offset: 0, shape: [], strides: [] });
    return [base, indexValue(source.offset), ...source.shape.map(indexValue), ...source.strides.map(indexValue)];
  }),
  interpretation(ExtractAlignedPointerAsIndexOp, (_op, args, ctx) => {
    const source = memrefArg(args[0], ctx);
    const ids = ctx.runState(addressKey, () => new Map<Allocation, number>());
    let id = ids.get(source.allocation);
    if (id === undefined) ids.set(source.allocation, (id = ids.size + 1));
    return [indexValue(id * 4096)];
  }),
  interpretation(DimOp, (_op, args, ctx) => {
    const source = memrefArg(args[0], ctx);
    const d = intArg(args[1], ctx);
    if (!(d >= 0 && d < source.shape.length)) ctx.fail("undefined-behavior", `memref.dim of dimension ${d} of a memref of rank ${source.shape.length}`);
    return [indexValue(source.shape[d] as number)];
  }),
  interpretation(RankOp, (_op, args, ctx) => [indexValue(memrefArg(args[0], ctx).shape.length)]),
];

/** The per-run table of made-up addresses (`extract_aligned_pointer_as_index`). */
const addressKey = {};

