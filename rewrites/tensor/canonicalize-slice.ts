/**
 * Canonicalizations of tensor's slices, empty tensors, generate and pad (MLIR 16's TensorOps.cpp): constant
 * index values become static entries (and static shapes), and casts are folded into slices.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { defining } from "../../src/ir/defining.ts";
import { IRMapping } from "../../src/ir/operation.ts";
import { DYNAMIC, RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { wouldOpBeTriviallyDead } from "../../src/interfaces/side-effect-queries.ts";
import { type MixedIndex, splitMixed, staticList } from "../../src/irdl/dynamic-index-list.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { generated, opaque4, tensorExample, unknownIndex } from "./examples.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { canonicalSliceType, emptyArgs, extractSliceArgs } from "../../dialects/tensor/build.ts";
import { preservesStaticInformation } from "../../dialects/tensor/fold.ts";
import {
  CastOp,
  DimOp,
  EmptyOp,
  ExtractOp,
  ExtractSliceOp,
  GenerateOp,
  mixedOffsets,
  mixedSizes,
  mixedStrides,
  PadOp,
  padResultShape,
  type SliceLike,
} from "../../dialects/tensor/index.ts";
import { castCompatibleTensors } from "../../dialects/tensor/types.ts";
import { before } from "../arith/match.ts";
import { foldableCastSource } from "./canonicalize-cast.ts";

/** The integer a value holds when it is an integer or index constant (MLIR's getConstantIntValue). */
export function constantInt(v: Value): number | undefined {
  const a = constantAttr(v);
  return a instanceof IntegerAttr ? Number(a.value) : undefined;
}

/**
 * MLIR's foldDynamicIndexList: the list with its constant values made static; undefined when none is. Negative
 * constants stay values where `nonNegative` (sizes: a static size cannot be negative).
 */
function foldConstants(list: readonly MixedIndex[], nonNegative = false): MixedIndex[] | undefined {
  let changed = false;
  const out = list.map((e) => {
    if (typeof e === "number") return e;
    const c = constantInt(e);
    if (c === undefined || (nonNegative && c < 0)) return e;
    changed = true;
    return c;
  });
  return changed ? out : undefined;
}

/** The three lists of a slice op with constants folded in, or undefined when nothing folds. */
export function foldSliceConstants(op: SliceLike): [MixedIndex[], MixedIndex[], MixedIndex[]] | undefined {
  const [o, s, t] = [mixedOffsets(op), mixedSizes(op), mixedStrides(op)];
  const [fo, fs, ft] = [foldConstants(o), foldConstants(s, true), foldConstants(t)];
  if (fo === undefined && fs === undefined && ft === undefined) return undefined;
  return [fo ?? o, fs ?? s, ft ?? t];
}

/**
 * Constant index values of an extract_slice become static, and so does its type (cast back to the old one).
 *
 *   %c4 = arith.constant 4 : index
 *   %0 = tensor.extract_slice %t[0, 0] [%c4, 4] [1, 1] : tensor<8x8xf32> to tensor<?x4xf32>
 *     ->   %1 = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
 *          %0 = tensor.cast %1 : tensor<4x4xf32> to tensor<?x4xf32>
 */
export const extractSliceConstantArguments = rewrite({
  name: "tensor.extract_slice-constant-arguments",
  examples: [tensorExample(`${opaque4("t")}
  %o = arith.constant ?{0|1|2} : index
  %n = arith.constant ?{1|2} : index
  %r = tensor.extract_slice %t[%o] [%n] [1] : tensor<4x$T> to tensor<?x$T>`, 1)],
  root: ExtractSliceOp,
  apply(op, rw) {
    const folded = foldSliceConstants(op);
    if (folded === undefined) return rw.fail("no constant index operand");
    const [offsets, sizes, strides] = folded;
    const type = canonicalSliceType(op.result.type.rank, op.source.type, sizes);
    if (!castCompatibleTensors(type, op.result.type)) return rw.fail("the canonical type drops other unit dims than the op's type");
    before(rw, op, () => {
      const slice = rw.create(ExtractSliceOp, extractSliceArgs(op.source, offsets, sizes, strides, type));
      if (type === op.result.type) rw.replaceOp(op, [slice.result]);
      else rw.replaceOpWithNew(op, CastOp, { source: slice.result, dest: op.result.type });
    });
    return rw.done();
  },
});

/**
 * dim of a tensor.empty along a dynamic dim is the size it was created with.
 *
 *   %0 = tensor.empty(%n) : tensor<?x4xf32>
 *   %d = tensor.dim %0, %c0 : tensor<?x4xf32>      ->   uses of %d use %n
 */
export const dimOfEmpty = rewrite({
  name: "tensor.dim-of-empty",
  examples: [tensorExample(`%c8 = arith.constant 8 : index
  %n = arith.minui %i, %c8 : index
  %e = tensor.empty(%n) : tensor<?x$T>
  %c0 = arith.constant 0 : index
  %r = tensor.dim %e, %c0 : tensor<?x$T>`, "scalar")],
  root: DimOp,
  apply(op, rw) {
    const empty = defining(op.source, EmptyOp);
    const index = constantInt(op.index);
    if (empty === undefined || index === undefined) return rw.fail("not the dim of a tensor.empty at a constant index");
    const shape = empty.result.type.shape;
    if (shape[index] !== DYNAMIC) return rw.fail("a static dim (the fold's)");
    rw.replaceOp(op, [empty.dynamicSizes[shape.slice(0, index).filter((d) => d === DYNAMIC).length] as Value]);
    return rw.done();
  },
});

/**
 * Constant sizes of a tensor.empty become static dims (cast back to the old type).
 *
 *   %0 = tensor.empty(%c4, %n) : tensor<?x?xf32>
 *     ->   %1 = tensor.empty(%n) : tensor<4x?xf32>
 *          %0 = tensor.cast %1 : tensor<4x?xf32> to tensor<?x?xf32>
 */
export const emptyStaticSizes = rewrite({
  name: "tensor.empty-static-sizes",
  examples: [tensorExample(`%n = arith.constant ?{1|3} : index
  %r = tensor.empty(%n) : tensor<?x2x$T>`, 2)],
  root: EmptyOp,
  apply(op, rw) {
    let next = 0;
    let changed = false;
    const sizes: MixedIndex[] = op.result.type.shape.map((d) => {
      if (d !== DYNAMIC) return d;
      const v = op.dynamicSizes[next++] as Value;
      const c = constantInt(v);
      if (c === undefined || c < 0) return v;
      changed = true;
      return c;
    });
    if (!changed) return rw.fail("no constant size");
    const t = op.result.type;
    before(rw, op, () => {
      const empty = rw.create(EmptyOp, emptyArgs(sizes, t.elementType, t.encoding));
      rw.replaceOpWithNew(op, CastOp, { source: empty.result, dest: t });
    });
    return rw.done();
  },
});

/**
 * Constant extents of a tensor.generate become static dims (cast back to the old type).
 *
 *   %0 = tensor.generate %c4 { ... } : tensor<?xf32>
 *     ->   %1 = tensor.generate { ... } : tensor<4xf32>
 *          %0 = tensor.cast %1 : tensor<4xf32> to tensor<?xf32>
 */
export const generateStaticExtents = rewrite({
  name: "tensor.generate-static-extents",
  examples: [tensorExample(`%n = arith.constant ?{1|2|3} : index
  ${generated("g", "n")}
  %c0 = arith.constant 0 : index
  %j = arith.minui %i, %c0 : index
  %r = tensor.insert %y into %g[%j] : tensor<?x$T>`, 1)],
  root: GenerateOp,
  apply(op, rw) {
    const t = op.result.type;
    let next = 0;
    const { statics, dynamics } = splitMixed(
      t.shape.map((d): MixedIndex => (d !== DYNAMIC ? d : (op.dynamicExtents[next++] as Value))),
      constantInt,
    );
    if (dynamics.length === op.dynamicExtents.length) return rw.fail("no constant extent");
    if (statics.some((d) => d !== DYNAMIC && d < 0)) return rw.fail("a negative constant extent");
    before(rw, op, () => {
      const generate = rw.create(GenerateOp, { dynamicExtents: dynamics as Value<never>[], result: RankedTensorType.get(statics, t.elementType) });
      rw.inlineRegionBefore(op.body, generate.body, 0);
      rw.replaceOpWithNew(op, CastOp, { source: generate.result, dest: t });
    });
    return rw.done();
  },
});

/**
 * extract of a tensor.generate (whose body has no effects) is its body computed at the indices.
 *
 *   %0 = tensor.generate %n { ^bb0(%i: index): %v = arith.index_cast %i : index to i32  tensor.yield %v : i32 }
 *   %e = tensor.extract %0[%j] : tensor<?xi32>     ->   %e = arith.index_cast %j : index to i32
 */
export const extractOfGenerate = rewrite({
  name: "tensor.extract-of-generate",
  examples: [tensorExample(`${unknownIndex("n", 3)}
  ${generated("g", "n")}
  %c2 = arith.constant 2 : index
  %j = arith.minui %i, %c2 : index
  %r = tensor.extract %g[%j] : tensor<?x$T>`, "scalar")],
  root: ExtractOp,
  apply(op, rw) {
    const generate = defining(op.tensor, GenerateOp);
    if (generate === undefined || !wouldOpBeTriviallyDead(generate)) return rw.fail("not the extract of a tensor.generate without effects");
    const body = generate.body.blocks[0];
    if (body === undefined) return rw.fail("an empty body");
    const mapping = new IRMapping();
    body.args.forEach((a, i) => mapping.map(a, op.indices[i] as Value));
    let yielded: Value | undefined;
    before(rw, op, () => {
      for (const inner of body.ops()) {
        if (inner === body.terminator) yielded = mapping.lookupOr(inner.getOperand(0));
        else rw.insert(inner.clone(mapping));
      }
    });
    rw.replaceOp(op, [yielded as Value]);
    return rw.done();
  },
});

/** Whether every entry of a mixed list is (a constant) zero. */
const allZero = (list: readonly MixedIndex[]): boolean => list.every((e) => (typeof e === "number" ? e : constantInt(e)) === 0);

/**
 * A pad of zeros on every side (without `nofold`) is a cast of its source.
 *
 *   %0 = tensor.pad %t low[0, %c0] high[0, 0] { ... } : tensor<?x4xf32> to tensor<?x4xf32>
 *     ->   %0 = tensor.cast %t : tensor<?x4xf32> to tensor<?x4xf32>  (which folds away)
 */
export const padOfZeros = rewrite({
  name: "tensor.pad-of-zeros",
  examples: [tensorExample(`${opaque4("t")}
  %z = arith.constant ?{0|1} : index
  %r = tensor.pad %t low[%z] high[0] {
  ^bb0(%a: index):
    tensor.yield %x : $T
  } : tensor<4x$T> to tensor<?x$T>`, 1)],
  root: PadOp,
  apply(op, rw) {
    const low = splitMixedList(staticList(op.static_low), op.low);
    const high = splitMixedList(staticList(op.static_high), op.high);
    if (!allZero(low) || !allZero(high)) return rw.fail("a non-zero pad");
    if (op.nofold !== undefined) return rw.fail("nofold");
    before(rw, op, () => rw.replaceOpWithNew(op, CastOp, { source: op.source, dest: op.result.type }));
    return rw.done();
  },
});

const splitMixedList = (statics: readonly number[], values: readonly Value[]): MixedIndex[] => {
  let next = 0;
  return statics.map((s) => (s === DYNAMIC ? (values[next++] as Value) : s));
};

/** A new pad like `op` of `source` with result type `type`, its body moved (or cloned) from `op`. */
function rebuildPad(op: PadOp, source: Value<RankedTensorType>, type: RankedTensorType, move: boolean): PadOp {
  const args = {
    source,
    low: op.low,
    high: op.high,
    static_low: op.static_low,
    static_high: op.static_high,
    ...(op.nofold === undefined ? {} : { nofold: op.nofold }),
    result: type,
  };
  const pad = PadOp.build(args, op.loc) as PadOp;
  if (move) pad.region.takeBody(op.region);
  else op.region.cloneInto(pad.region, new IRMapping());
  return pad;
}

/**
 * A pad of a cast that only forgets static information pads the cast's source (its type made more static).
 *
 *   %1 = tensor.cast %t : tensor<4x4xf32> to tensor<?x?xf32>
 *   %2 = tensor.pad %1 low[1, 1] high[1, 1] { ... } : tensor<?x?xf32> to tensor<?x?xf32>
 *     ->   %3 = tensor.pad %t low[1, 1] high[1, 1] { ... } : tensor<4x4xf32> to tensor<6x6xf32>
 *          %2 = tensor.cast %3 : tensor<6x6xf32> to tensor<?x?xf32>
 */
export const padOfCast = rewrite({
  name: "tensor.pad-of-cast",
  examples: [tensorExample(`${opaque4("t")}
  %c = tensor.cast %t : tensor<4x$T> to tensor<?x$T>
  %r = tensor.pad %c low[?{0|1}] high[?{1|2}] {
  ^bb0(%a: index):
    tensor.yield %y : $T
  } : tensor<?x$T> to tensor<?x$T>`, 1)],
  root: PadOp,
  apply(op, rw) {
    const source = foldableCastSource(op.source);
    const res = op.result.type;
    if (source === undefined || !(res instanceof RankedTensorType)) return rw.fail("the source is not a cast that only forgets static information");
    const inferred = padResultShape(source.type.shape, staticList(op.static_low), staticList(op.static_high)).map((d, i) =>
      d === DYNAMIC ? (res.shape[i] as number) : d,
    );
    const type = RankedTensorType.get(inferred, res.elementType);
    if (type === res) {
      rw.modifyInPlace(op, () => op.setOperand(0, source));
      return rw.done();
    }
    before(rw, op, () => {
      const pad = rw.insert(rebuildPad(op, source, type, false));
      rw.replaceOpWithNew(op, CastOp, { source: pad.result, dest: res });
    });
    return rw.done();
  },
});

/**
 * A pad used only by a cast that adds static information gets the cast's type.
 *
 *   %1 = tensor.pad %t low[%l, 1] high[0, 1] { ... } : tensor<?x4xf32> to tensor<?x6xf32>
 *   %2 = tensor.cast %1 : tensor<?x6xf32> to tensor<8x6xf32>
 *     ->   %2 = tensor.pad %t low[%l, 1] high[0, 1] { ... } : tensor<?x4xf32> to tensor<8x6xf32>
 */
export const padIntoCast = rewrite({
  name: "tensor.pad-into-cast",
  examples: [tensorExample(`${opaque4("t")}
  ${unknownIndex("l", 1)}
  %p = tensor.pad %t low[%l] high[1] {
  ^bb0(%a: index):
    tensor.yield %y : $T
  } : tensor<4x$T> to tensor<?x$T>
  %r = tensor.cast %p : tensor<?x$T> to tensor<6x$T>`, 1)],
  root: PadOp,
  apply(op, rw) {
    const users = op.result.users();
    const cast = users.length === 1 && users[0]?.name === "tensor.cast" ? (users[0] as CastOp) : undefined;
    if (cast === undefined || !op.result.hasOneUse) return rw.fail("the result is not used by one tensor.cast only");
    const type = cast.dest.type;
    if (!preservesStaticInformation(op.result.type, type)) return rw.fail("the cast adds no static information");
    const pad = before(rw, op, () => rw.insert(rebuildPad(op, op.source as Value<RankedTensorType>, type as RankedTensorType, true)));
    rw.replaceOp(op, [pad.result]);
    rw.replaceOp(cast, [pad.result]);
    return rw.done();
  },
});

export const tensorSlicePatterns: readonly Pattern[] = [
  extractSliceConstantArguments,
  dimOfEmpty,
  emptyStaticSizes,
  generateStaticExtents,
  extractOfGenerate,
  padOfZeros,
  padOfCast,
  padIntoCast,
];
