/**
 * `buffer-results-to-out-params` (MLIR 16's BufferResultsToOutParams.cpp): memref results become arguments the
 * caller allocates, for callers that know result shapes before the call and want to own the memory.
 *
 *   func.func @f(%a: memref<4xf32>) -> memref<4xf32> {          func.func @f(%a: memref<4xf32>, %out: memref<4xf32>) {
 *     %alloc = memref.alloc() : memref<4xf32>           ->          %alloc = memref.alloc() : memref<4xf32>
 *     ...                                                           ...
 *     return %alloc : memref<4xf32>                                 memref.copy %alloc, %out : memref<4xf32> to memref<4xf32>
 *   }                                                               memref.dealloc %alloc : memref<4xf32>
 *                                                                   return
 *   %r = call @f(%x) : (memref<4xf32>) -> memref<4xf32>   ->   %r = memref.alloc() : memref<4xf32>
 *                                                               call @f(%x, %r) : (memref<4xf32>, memref<4xf32>) -> ()
 *
 * Under Tensile's ownership rule the function owns what it would have returned, so after copying it into the
 * out-parameter it frees it (MLIR 16 leaves that to buffer-deallocation): a returned value that is a
 * `memref.alloc` of the function (or a cast of one) is freed after the copy. Where the returned buffer is an
 * allocation of exactly the out-parameter's type, made for that return, the out-parameter replaces it and
 * nothing is copied: so an out-parameter must not alias an argument (the caller passes memory of its own).
 */
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error } from "../../src/diag/diagnostic.ts";
import { ArrayAttr, DictionaryAttr, StridedLayoutAttr, type SymbolRefAttr, TypeAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, FunctionType, MemRefType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { Rewriter } from "../../src/rewrite/rewriter.ts";
import { lookupSymbolIn } from "../../src/ir/symbol-table.ts";
import { CallOp, FuncOp, ReturnOp } from "../../dialects/func/index.ts";
import { AllocOp, CastOp, CopyOp, DeallocOp } from "../../dialects/memref/index.ts";

const fullyDynamic = (t: MemRefType): boolean =>
  t.layout instanceof StridedLayoutAttr && t.layout.offset === DYNAMIC && t.layout.strides.every((s) => s === DYNAMIC);

/** The allocation a returned value is (itself, or through memref.cast), if the function made it. */
function allocationOf(v: Value): Value | undefined {
  const def = v.definingOp;
  if (def instanceof AllocOp) return v;
  if (def instanceof CastOp) return allocationOf(def.source);
  return undefined;
}

function updateFunction(fn: FuncOp, rw: Rewriter): Diagnostic | undefined {
  const type = (fn.attr("function_type") as TypeAttr).value as FunctionType;
  const moved = type.results.map((t, i) => ({ t, i })).filter(({ t }) => t instanceof MemRefType);
  if (moved.length === 0) return undefined;
  for (const { t } of moved) {
    const m = t as MemRefType;
    if (m.layout !== undefined && !fullyDynamic(m)) return error(fn.loc, "cannot create out param for result with unsupported layout");
  }
  const kept = type.results.filter((t) => !(t instanceof MemRefType));
  fn.setAttr("function_type", TypeAttr.get(FunctionType.get([...type.inputs, ...moved.map(({ t }) => t)], kept)));
  // Result attributes go to the new arguments.
  const resAttrs = fn.attr("res_attrs");
  if (resAttrs instanceof ArrayAttr) {
    const argAttrs = fn.attr("arg_attrs");
    const args = argAttrs instanceof ArrayAttr ? [...argAttrs.elements] : type.inputs.map(() => DictionaryAttr.get([]));
    fn.setAttr("arg_attrs", ArrayAttr.get([...args, ...moved.map(({ i }) => resAttrs.elements[i] ?? DictionaryAttr.get([]))]));
    const keptAttrs = resAttrs.elements.filter((_, i) => !(type.results[i] instanceof MemRefType));
    fn.setAttr("res_attrs", keptAttrs.length === 0 ? undefined : ArrayAttr.get(keptAttrs));
  }
  const entry = fn.body.entry;
  if (entry === undefined) return undefined;
  const outs = moved.map(({ t }) => entry.addArgument(t, fn.loc));
  fn.walk((op) => {
    if (!(op instanceof ReturnOp)) return;
    rw.setInsertionPointBefore(op);
    const memrefs = op.operands.filter((v) => v.type instanceof MemRefType);
    const replaced: Operation[] = [];
    memrefs.forEach((v, k) => {
      const out = outs[k] as Value;
      // An allocation of the out-parameter's very type, made in this block for this return only: the
      // out-parameter takes its place (no copy, nothing to free).
      const def = v.definingOp;
      if (def instanceof AllocOp && def.parent === op.parent && v.type === out.type && def.dynamicSizes.length === 0 && memrefs.indexOf(v) === k && memrefs.lastIndexOf(v) === k) {
        v.replaceUsesWithIf(out, (u) => u.owner !== op);
        replaced.push(def);
        return;
      }
      rw.withLoc(op.loc, () => rw.create(CopyOp, { source: v as never, target: out as never }));
      const alloc = allocationOf(v);
      if (alloc !== undefined) rw.withLoc(op.loc, () => rw.create(DeallocOp, { memref: alloc as never }));
    });
    rw.modifyInPlace(op, () => op.setOperands(op.operands.filter((v) => !(v.type instanceof MemRefType))));
    for (const def of replaced) rw.eraseOp(def);
  });
  return undefined;
}

function updateCalls(module: Operation, rw: Rewriter, updated: ReadonlySet<Operation>): Diagnostic | undefined {
  let failure: Diagnostic | undefined;
  module.walk((op) => {
    if (!(op instanceof CallOp) || failure !== undefined) return;
    const callee = lookupSymbolIn(module, op.attr("callee") as SymbolRefAttr);
    if (callee === undefined) {
      failure = error(op.loc, `cannot find callee '${(op.attr("callee") as SymbolRefAttr).root}' in symbol table`);
      return;
    }
    if (!updated.has(callee)) return;
    rw.setInsertionPointBefore(op);
    const outs: Value[] = [];
    for (const r of op.results) {
      if (!(r.type instanceof MemRefType)) continue;
      const t = r.type;
      if (t.shape.includes(DYNAMIC)) {
        failure = error(op.loc, "cannot create out param for dynamically shaped result");
        return;
      }
      let out: Value = rw.withLoc(op.loc, () => rw.create(AllocOp, { dynamicSizes: [], symbolOperands: [], memref: MemRefType.get(t.shape, t.elementType, undefined, t.memorySpace) })).memref;
      if (t.layout !== undefined) out = rw.withLoc(op.loc, () => rw.create(CastOp, { source: out as never, dest: t as never })).dest;
      r.replaceAllUsesWith(out);
      outs.push(out);
    }
    const keptResults = op.results.filter((r) => !(r.type instanceof MemRefType));
    const call = rw.create(CallOp, { callee: op.attr("callee") as SymbolRefAttr, args: [...op.operands, ...outs], res: keptResults.map((r) => r.type as Type) } as never);
    keptResults.forEach((r, k) => r.replaceAllUsesWith(call.getResult(k)));
    rw.eraseOp(op);
  });
  return failure;
}

export function promoteBufferResultsToOutParams(module: Operation): Either<readonly Diagnostic[], void> {
  const rw = new Rewriter();
  const updated = new Set<Operation>();
  for (const op of module.regions[0]?.entry?.operations ?? []) {
    if (!(op instanceof FuncOp)) continue;
    const failed = updateFunction(op, rw);
    if (failed !== undefined) return left([failed]);
    updated.add(op);
  }
  const failed = updateCalls(module, rw, updated);
  return failed === undefined ? right(undefined) : left([failed]);
}

export const bufferResultsToOutParamsPass = definePass({
  name: "buffer-results-to-out-params",
  displayName: "BufferResultsToOutParams",
  summary: "Converts memref-typed function results to out-params",
  description:
    "Memref results of functions become trailing arguments the caller allocates (static shapes only); the function copies what it " +
    "would have returned into them and frees its own allocation.",
  opName: "builtin.module",
  run(module) {
    const r = promoteBufferResultsToOutParams(module);
    return isLeft(r) ? r : { changed: true };
  },
});
