/**
 * Canonicalization patterns of the memref dialect (MLIR 16's MemRefOps.cpp getCanonicalizationPatterns), as the
 * `memrefCanonicalization` extension a Context loads. The folds that only look at one op (a cast folded into its
 * user, `dim` of a static size or of an allocation's size operand, `rank`, `subview` of its own type) are the
 * ops' `fold` hooks in dialects/memref/.
 *
 * Each pattern's comment shows its before/after IR.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { AutomaticAllocationScope } from "../../src/ir/traits.ts";
import { DYNAMIC, IndexType, MemRefType } from "../../src/ir/types.ts";
import { AnyInteger, AnyRankedMemRef, narrow } from "../../src/irdl/constraints.ts";
import type { Value } from "../../src/ir/value.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { dispatchMixed, type MixedIndex, mixedList } from "../../src/interfaces/view-like.ts";
import { hasEffect } from "../../src/interfaces/side-effect-queries.ts";
import { AutomaticAllocationScopeResource, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import { memrefViewPatterns } from "./canonicalize-view.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { ConstantOp, IndexCastOp } from "../../dialects/arith/index.ts";
import {
  AllocaOp,
  AllocaScopeOp,
  AllocOp,
  canFoldCastIntoConsumer,
  CastOp,
  CopyOp,
  DeallocOp,
  DimOp,
  inferSubViewType,
  LoadOp,
  memRefRankReductionMask,
  ReallocOp,
  ReshapeOp,
  StoreOp,
  stridedMemRef,
  stridesAndOffset,
  SubViewOp,
} from "../../dialects/memref/index.ts";
import { i64Array } from "../../src/ir/attributes.ts";

// ---- allocations -----------------------------------------------------------------------------------------------

/**
 * Constant sizes of an allocation become static (SimplifyAllocConst); a cast keeps the old type for the users:
 *
 *   %c4 = arith.constant 4 : index
 *   %m = memref.alloc(%c4, %n) : memref<?x?xf32>      ->   %0 = memref.alloc(%n) : memref<4x?xf32>
 *                                                          %m = memref.cast %0 : memref<4x?xf32> to memref<?x?xf32>
 */
function allocConstantSizes(root: typeof AllocOp | typeof AllocaOp, name: string, examples: readonly string[] = []): Pattern {
  return rewrite({
    name,
    root,
    examples,
    apply(op, rw) {
      const type = op.memref.type;
      const sizes = op.dynamicSizes;
      if (!sizes.some((v) => constIntValue(v) !== undefined)) return rw.fail("no dynamic size is a constant");
      let next = 0;
      const kept: Value[] = [];
      const shape = type.shape.map((d) => {
        if (d !== DYNAMIC) return d;
        const v = sizes[next++] as Value;
        const c = constIntValue(v);
        if (c === undefined) {
          kept.push(v);
          return DYNAMIC;
        }
        return Number(c);
      });
      const newType = MemRefType.get(shape, type.elementType, type.layout, type.memorySpace);
      const alloc = rw.create(root as typeof AllocOp, {
        dynamicSizes: kept as Value<IndexType>[],
        symbolOperands: [...op.symbolOperands],
        memref: newType,
        ...(op.alignment === undefined ? {} : { alignment: op.alignment }),
      });
      rw.replaceOpWithNew(op, CastOp, { source: narrow(alloc.getResult(0), AnyRankedMemRef), dest: type });
      return rw.done();
    },
  });
}

/** Whether every use of an allocation's result is a `dealloc` of it or a store *into* it (SimplifyDeadAlloc). */
function onlyStoredIntoOrFreed(v: Value): boolean {
  return v.users().every((u) => u instanceof DeallocOp || (u instanceof StoreOp && u.value !== v));
}

/**
 * An allocation that is only stored into and freed is erased with those users (SimplifyDeadAlloc):
 *
 *   %m = memref.alloc() : memref<4xf32>
 *   memref.store %v, %m[%i] : memref<4xf32>            ->   (nothing)
 *   memref.dealloc %m : memref<4xf32>
 */
function deadAlloc(root: typeof AllocOp | typeof AllocaOp | typeof ReallocOp, name: string, examples: readonly string[] = []): Pattern {
  return rewrite({
    name,
    root,
    examples,
    apply(op, rw) {
      const result = op.getResult(0);
      if (!onlyStoredIntoOrFreed(result)) return rw.fail("the memory is read, or escapes");
      for (const user of [...new Set(result.users())]) rw.eraseOp(user);
      rw.eraseOp(op);
      return rw.done();
    },
  });
}

// ---- dim -------------------------------------------------------------------------------------------------------

/**
 * `dim` of a `reshape` is the size the shape operand holds (DimOfMemRefReshape), loaded right after the reshape:
 *
 *   %r = memref.reshape %m(%shape) : (memref<8xf32>, memref<2xindex>) -> memref<?x?xf32>
 *   %d = memref.dim %r, %i : memref<?x?xf32>               ->   %d = memref.load %shape[%i] : memref<2xindex>
 */
export const dimOfReshape = rewrite({
  name: "memref.dim-of-reshape",
  root: DimOp,
  apply(op, rw) {
    const reshape = op.source.definingOp;
    if (!(reshape instanceof ReshapeOp)) return rw.fail("the source is not a memref.reshape");
    const value = rw.at(InsertionPoint.after(reshape), () => {
      const load = rw.create(LoadOp, { memref: reshape.shape, indices: [op.index], result: reshape.shape.type.elementType });
      const loaded = load.getResult(0);
      if (loaded.type instanceof IndexType) return loaded;
      return rw.create(IndexCastOp, { in: narrow(loaded, AnyInteger), out: IndexType.get() }).getResult(0);
    });
    rw.replaceOp(op, [value]);
    return rw.done();
  },
});

// ---- alloca_scope ----------------------------------------------------------------------------------------------

/** An op that may allocate on the stack of the enclosing scope (MLIR's isOpItselfPotentialAutomaticAllocation). */
function mayAllocateOnStack(op: Operation): boolean {
  return op instanceof AllocaOp || (!op.hasTrait(AutomaticAllocationScope) && hasEffect(op, "allocate") && !(op instanceof AllocOp));
}

/**
 * An `alloca_scope` is inlined when nothing in it allocates on the stack, or when it is the last op of a scope
 * (so the allocations' lifetime does not grow) (AllocaScopeInliner):
 *
 *   %r = memref.alloca_scope -> (f32) {                 %r = arith.addf %a, %b : f32
 *     %s = arith.addf %a, %b : f32               ->
 *     memref.alloca_scope.return %s : f32
 *   }
 */
export const inlineAllocaScope = rewrite({
  name: "memref.alloca_scope-inline",
  root: AllocaScopeOp,
  apply(op, rw) {
    let allocates = false;
    op.bodyRegion.walk((nested) => {
      if (mayAllocateOnStack(nested)) {
        allocates = true;
        return "interrupt";
      }
      return nested.hasTrait(AutomaticAllocationScope) ? "skip" : undefined;
    }, "pre");
    if (allocates) {
      const parent = op.parentOp;
      if (parent === undefined || !parent.hasTrait(AutomaticAllocationScope)) return rw.fail("it allocates, and its parent is not an allocation scope");
      const block = op.parent;
      if (block === undefined || op.next !== block.last || block.parent?.blocks.length !== 1) return rw.fail("it allocates, and is not the last op of its scope");
    }
    const body = op.bodyRegion.entry;
    const terminator = body?.last;
    if (body === undefined || terminator === undefined || op.parent === undefined) return rw.fail("no body");
    const results = [...terminator.operands];
    rw.eraseOp(terminator);
    rw.inlineBlockBefore(body, op.parent, op);
    rw.replaceOp(op, results);
    return rw.done();
  },
});

/** Whether `op` is the last op before its block's terminator, in a region of one block (MLIR's lastNonTerminatorInRegion). */
function lastBeforeTerminator(op: Operation): boolean {
  const block = op.parent;
  return block !== undefined && op.next === block.last && block.parent?.blocks.length === 1;
}

/** An op that certainly allocates on the stack of its allocation scope (MLIR's isGuaranteedAutomaticAllocation). */
function allocatesInScope(op: Operation): boolean {
  const view = MemoryEffectOpInterface.of(op);
  if (view === undefined) return false;
  return view.getEffects().some((e) => e.kind === "allocate" && e.resource === AutomaticAllocationScopeResource && e.value !== undefined && op.results.includes(e.value as never));
}

/**
 * The stack allocations of an alloca_scope that is the last op of a region nested (through ops that are no
 * allocation scope, each itself last in its region) in an allocation scope move out, in front of the outermost
 * of those ops, when their operands are defined there (AllocaScopeHoister). The scope's lifetime then covers
 * them; the inliner may then inline the scope.
 *
 *   func.func @f(%c: i1) {                          func.func @f(%c: i1) {
 *     scf.if %c {                                      %a = memref.alloca() : memref<4xf32>
 *       memref.alloca_scope {                 ->       scf.if %c {
 *         %a = memref.alloca() : memref<4xf32>           memref.alloca_scope {
 *         ...                                              ...
 */
export const hoistAllocaScopeAllocations = rewrite({
  name: "memref.alloca_scope-hoist",
  root: AllocaScopeOp,
  examples: [
    `^bb0(%c: i1, %x: f32):
  %_c0 = affine.apply affine_map<() -> (0)>()
  %r = scf.if %c -> (f32) {
    %s = memref.alloca_scope -> (f32) {
      %a = memref.alloca() : memref<2xf32>
      memref.store %x, %a[%_c0] : memref<2xf32>
      %v = memref.load %a[%_c0] : memref<2xf32>
      memref.alloca_scope.return %v : f32
    }
    scf.yield %s : f32
  } else {
    scf.yield %x : f32
  }`,
    // Near miss: the scope is not the last op of the if's region.
    `^bb0(%c: i1, %x: f32):
  %_c0 = affine.apply affine_map<() -> (0)>()
  %r = scf.if %c -> (f32) {
    %s = memref.alloca_scope -> (f32) {
      %a = memref.alloca() : memref<2xf32>
      memref.store %x, %a[%_c0] : memref<2xf32>
      %v = memref.load %a[%_c0] : memref<2xf32>
      memref.alloca_scope.return %v : f32
    }
    %t = arith.addf %s, %x : f32
    scf.yield %t : f32
  } else {
    scf.yield %x : f32
  }`,
  ],
  apply(op, rw) {
    let outermost = op.parentOp;
    if (outermost === undefined || outermost.hasTrait(AutomaticAllocationScope)) return rw.fail("its parent is an allocation scope (or there is none)");
    if (!lastBeforeTerminator(op) || !lastBeforeTerminator(outermost)) return rw.fail("it, or its parent, is not last in its region");
    for (let up = outermost.parentOp; up !== undefined && !up.hasTrait(AutomaticAllocationScope); up = up.parentOp) {
      if (!lastBeforeTerminator(up)) return rw.fail("an enclosing op is not last in its region");
      outermost = up;
    }
    if (outermost.parentOp === undefined) return rw.fail("no enclosing allocation scope");
    const region = outermost.regions.find((r) => r.isAncestorOf(op));
    if (region === undefined) return rw.fail("no region of the enclosing op holds it");
    const hoisted: Operation[] = [];
    op.walk((nested) => {
      if (!allocatesInScope(nested)) return;
      const local = nested.operands.some((v) => {
        const home = v.definingOp?.parentRegion ?? v.parentBlock?.parent;
        const owner = home?.parentOp;
        return home === region || (owner !== undefined && region.isAncestorOf(owner));
      });
      if (!local) hoisted.push(nested);
    });
    if (hoisted.length === 0) return rw.fail("no allocation can move out");
    rw.setInsertionPointBefore(outermost);
    for (const alloc of hoisted) rw.replaceOp(alloc, rw.insert(alloc.clone()).results);
    return rw.done();
  },
});

// ---- copy ------------------------------------------------------------------------------------------------------

/**
 * A copy from or to a cast of a ranked memref uses the cast's source (FoldCopyOfCast):
 *
 *   %c = memref.cast %a : memref<4xf32> to memref<?xf32>
 *   memref.copy %c, %b : memref<?xf32> to memref<4xf32>   ->   memref.copy %a, %b : memref<4xf32> to memref<4xf32>
 */
export const copyOfCast = rewrite({
  name: "memref.copy-of-cast",
  root: CopyOp,
  apply(op, rw) {
    const sourceOf = (v: Value): Value | undefined => {
      const cast = v.definingOp;
      return cast instanceof CastOp && cast.source.type instanceof MemRefType ? cast.source : undefined;
    };
    const source = sourceOf(op.source);
    const target = sourceOf(op.target);
    if (source === undefined && target === undefined) return rw.fail("neither operand is a cast of a ranked memref");
    rw.modifyInPlace(op, () => {
      if (source !== undefined) op.setOperand(0, source);
      if (target !== undefined) op.setOperand(1, target);
    });
    return rw.done();
  },
});

/**
 * A copy of a memref onto itself does nothing (FoldSelfCopy):
 *
 *   memref.copy %a, %a : memref<4xf32> to memref<4xf32>    ->   (nothing)
 */
export const selfCopy = rewrite({
  name: "memref.copy-self",
  root: CopyOp,
  apply(op, rw) {
    if (op.source !== op.target) return rw.fail("source and target differ");
    rw.eraseOp(op);
    return rw.done();
  },
});

// ---- subview ---------------------------------------------------------------------------------------------------

/** MLIR's getCanonicalSubViewResultType: the inferred type of the new lists, rank-reduced as `current` is. */
function canonicalSubViewType(
  current: MemRefType,
  currentSource: MemRefType,
  source: MemRefType,
  offsets: readonly number[],
  sizes: readonly number[],
  strides: readonly number[],
): MemRefType | undefined {
  const full = inferSubViewType(source, offsets, sizes, strides);
  const dropped = memRefRankReductionMask(currentSource, current, sizes);
  if (dropped === undefined) return undefined;
  const layout = stridesAndOffset(full);
  if (layout === undefined) return undefined;
  const keep = (_: number, i: number): boolean => !dropped.has(i);
  return stridedMemRef(full.shape.filter(keep), full.elementType, layout.strides.filter(keep), layout.offset, full.memorySpace);
}

/** A mixed list with its constant values made static. */
const constified = (list: readonly MixedIndex[]): MixedIndex[] =>
  list.map((e) => {
    if (typeof e === "number") return e;
    const c = constIntValue(e);
    return c === undefined ? e : Number(c);
  });

/** Builds a subview of `source` with mixed lists and a result type. */
function buildSubView(rw: Parameters<Pattern["matchAndRewrite"]>[1], source: Value<MemRefType>, lists: readonly (readonly MixedIndex[])[], result: MemRefType): SubViewOp {
  const [o, s, st] = lists.map(dispatchMixed) as [ReturnType<typeof dispatchMixed>, ReturnType<typeof dispatchMixed>, ReturnType<typeof dispatchMixed>];
  return rw.create(SubViewOp, {
    source,
    offsets: o.values as Value<IndexType>[],
    sizes: s.values as Value<IndexType>[],
    strides: st.values as Value<IndexType>[],
    static_offsets: i64Array(o.statics),
    static_sizes: i64Array(s.statics),
    static_strides: i64Array(st.statics),
    result,
  });
}

/**
 * Constant offsets, sizes and strides of a subview become static, and its type as static as they allow; a cast
 * gives the users the old type (OpWithOffsetSizesAndStridesConstantArgumentFolder):
 *
 *   %c2 = arith.constant 2 : index
 *   %s = memref.subview %m[%c2] [%c2] [1] : memref<8xf32> to memref<?xf32, strided<[1], offset: ?>>
 *     ->
 *   %0 = memref.subview %m[2] [2] [1] : memref<8xf32> to memref<2xf32, strided<[1], offset: 2>>
 *   %s = memref.cast %0 : memref<2xf32, strided<[1], offset: 2>> to memref<?xf32, strided<[1], offset: ?>>
 */
export const subviewConstantArguments = rewrite({
  name: "memref.subview-constant-arguments",
  root: SubViewOp,
  apply(op, rw) {
    const lists = (["offsets", "sizes", "strides"] as const).map((n) => mixedList(op, n));
    const folded = lists.map(constified);
    if (folded.every((l, i) => l.every((e, j) => e === (lists[i] as MixedIndex[])[j]))) return rw.fail("no dynamic entry is a constant");
    const statics = folded.map((l) => dispatchMixed(l).statics) as [number[], number[], number[]];
    const type = canonicalSubViewType(op.result.type, op.source.type, op.source.type, ...statics);
    if (type === undefined) return rw.fail("the rank reduction cannot be kept");
    const subview = buildSubView(rw, op.source, folded, type);
    rw.replaceOpWithNew(op, CastOp, { source: subview.result, dest: op.result.type });
    return rw.done();
  },
});

/**
 * A subview of a cast that only made its source more dynamic takes the cast's source (SubViewOpMemRefCastFolder):
 *
 *   %c = memref.cast %m : memref<8xf32> to memref<?xf32>
 *   %s = memref.subview %c[%o] [4] [1] : memref<?xf32> to memref<4xf32, strided<[1], offset: ?>>
 *     ->
 *   %0 = memref.subview %m[%o] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: ?>>
 *   %s = memref.cast %0 : ... (to the old type, when it differs)
 */
export const subviewOfCast = rewrite({
  name: "memref.subview-of-cast",
  root: SubViewOp,
  apply(op, rw) {
    if (op.operands.some((v) => constIntValue(v) !== undefined)) return rw.fail("a constant operand is left to the constant folder first");
    const cast = op.source.definingOp;
    if (!(cast instanceof CastOp) || !canFoldCastIntoConsumer(cast)) return rw.fail("the source is not a foldable cast");
    const source = cast.source as Value<MemRefType>;
    const statics = [op.static_offsets.numbers, op.static_sizes.numbers, op.static_strides.numbers] as const;
    const type = canonicalSubViewType(op.result.type, op.source.type, source.type, ...statics);
    if (type === undefined) return rw.fail("the rank reduction cannot be kept");
    const lists = (["offsets", "sizes", "strides"] as const).map((n) => mixedList(op, n));
    const subview = buildSubView(rw, source, lists, type);
    rw.replaceOpWithNew(op, CastOp, { source: subview.result, dest: op.result.type });
    return rw.done();
  },
});

/**
 * A subview of the whole source (zero offsets, unit strides, the source's sizes, no rank reduction) is the
 * source, or a cast of it when the types differ (TrivialSubViewOpFolder):
 *
 *   %s = memref.subview %m[0] [4] [1] : memref<4xf32> to memref<4xf32, strided<[1]>>
 *     ->   %s = memref.cast %m : memref<4xf32> to memref<4xf32, strided<[1]>>
 */
export const trivialSubview = rewrite({
  name: "memref.subview-trivial",
  root: SubViewOp,
  apply(op, rw) {
    const source = op.source.type;
    if (source.rank !== op.result.type.rank) return rw.fail("it reduces the rank");
    const is = (list: readonly MixedIndex[], want: (i: number) => number): boolean =>
      list.every((e, i) => (typeof e === "number" ? e : Number(constIntValue(e) ?? NaN)) === want(i));
    if (!is(mixedList(op, "offsets"), () => 0) || !is(mixedList(op, "strides"), () => 1)) return rw.fail("an offset is not 0 or a stride not 1");
    if (!is(mixedList(op, "sizes"), (i) => source.shape[i] as number)) return rw.fail("the sizes are not the source's");
    if (source === op.result.type) rw.replaceOp(op, [op.source]);
    else rw.replaceOpWithNew(op, CastOp, { source: op.source, dest: op.result.type });
    return rw.done();
  },
});

export const memrefCanonicalizationPatterns: readonly Pattern[] = [
  allocConstantSizes(AllocOp, "memref.alloc-constant-sizes"),
  allocConstantSizes(AllocaOp, "memref.alloca-constant-sizes", [
    // A constant size and a clamped unknown one (near miss for that dimension); what was stored is read back.
    `^bb0(%x: f32, %i: index):
  %c3 = arith.constant 3 : index
  %_c2 = affine.apply affine_map<() -> (2)>()
  %_n = arith.minui %i, %_c2 : index
  %_m = arith.maxui %_n, %_c2 : index
  %_a = memref.alloca(%c3, %_m) : memref<?x?xf32>
  %_c1 = affine.apply affine_map<() -> (1)>()
  memref.store %x, %_a[%_c1, %_c1] : memref<?x?xf32>
  %v = memref.load %_a[%_c1, %_c1] : memref<?x?xf32>`,
  ]),
  deadAlloc(AllocOp, "memref.alloc-dead"),
  deadAlloc(AllocaOp, "memref.alloca-dead", [
    // Only stored into: erased. Near miss: one that is read.
    `^bb0(%x: f32):
  %_c1 = affine.apply affine_map<() -> (1)>()
  %_a = memref.alloca() : memref<2xf32>
  memref.store %x, %_a[%_c1] : memref<2xf32>
  %_b = memref.alloca() : memref<2xf32>
  memref.store %x, %_b[%_c1] : memref<2xf32>
  %v = memref.load %_b[%_c1] : memref<2xf32>`,
  ]),
  deadAlloc(ReallocOp, "memref.realloc-dead", [
    // A grown buffer only stored into and freed: erased (with its users).
    `^bb0(%x: f32):
  %_c1 = affine.apply affine_map<() -> (1)>()
  %_m = memref.alloc() : memref<2xf32>
  memref.store %x, %_m[%_c1] : memref<2xf32>
  %_r = memref.realloc %_m : memref<2xf32> to memref<4xf32>
  %_c3 = affine.apply affine_map<() -> (3)>()
  memref.store %x, %_r[%_c3] : memref<4xf32>
  memref.dealloc %_r : memref<4xf32>`,
  ]),
  dimOfReshape,
  inlineAllocaScope,
  hoistAllocaScopeAllocations,
  copyOfCast,
  selfCopy,
  subviewConstantArguments,
  subviewOfCast,
  trivialSubview,
  ...memrefViewPatterns,
];

/** The patterns as an extension of the memref dialect, for a Context to load. */
export const memrefCanonicalization = defineDialectExtension({
  name: "memref-canonicalization",
  dialects: ["memref"],
  canonicalization: memrefCanonicalizationPatterns,
});

export { ConstantOp, IntegerAttr };
