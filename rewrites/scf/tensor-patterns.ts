/**
 * scf canonicalization patterns on tensors (MLIR 16's SCF.cpp): a loop-carried tensor that is cast on the way
 * in and cast back on the way out is carried in its source type (ForOpTensorCastFolder), one that goes through
 * a memref in every iteration is that memref (LastTensorLoadCanonicalization), and the size of an
 * scf.foreach_thread result is that of the shared output it is tied to (DimOfForeachThreadOp).
 */
import { type Block, IRMapping, Region } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { RankedTensorType, UnrankedTensorType } from "../../src/ir/types.ts";
import { defining } from "../../src/ir/defining.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { CastOp, DimOp } from "../../dialects/tensor/index.ts";
import { ForeachThreadOp, ForOp, YieldOp } from "../../dialects/scf/index.ts";
import { ToMemrefOp, ToTensorOp } from "../../dialects/bufferization/index.ts";

type TensorType = RankedTensorType | UnrankedTensorType;

/** Whether `v` is defined in `region` or a region nested in it. */
function definedIn(v: Value, region: Region): boolean {
  for (let r = v.parentBlock?.parent; r !== undefined; r = r.parent?.parentRegion) if (r === region) return true;
  return false;
}

/**
 * An iter_arg whose initial value is `tensor.cast %t` and whose (only) use of the result casts it back to
 * `%t`'s type is carried as `%t`'s type; the body sees it cast to the old type, and yields its value cast to
 * the new one (ForOpTensorCastFolder):
 *
 *   %c = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
 *   %r = scf.for ... iter_args(%a = %c) -> (tensor<?xf32>) { ...; scf.yield %n : tensor<?xf32> }
 *   %u = tensor.cast %r : tensor<?xf32> to tensor<4xf32>
 * ->
 *   %r = scf.for ... iter_args(%a = %t) -> (tensor<4xf32>) {
 *     %a2 = tensor.cast %a : tensor<4xf32> to tensor<?xf32>; ...; %n2 = tensor.cast %n : tensor<?xf32> to tensor<4xf32>
 *     scf.yield %n2 : tensor<4xf32>
 *   }
 *   %u = tensor.cast (tensor.cast %r to tensor<?xf32>) to tensor<4xf32>      (which then folds to %r)
 */
export const forTensorCastFolder = rewrite({
  name: "scf.for.tensor-cast",
  // (Tensor values are named with a leading underscore: the program generator does not take them as operands.)
  examples: [
    "^bb0(%x: $F):\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n  %n = arith.constant ?{0|1|3} : index\n  %_t = tensor.from_elements %x, %x, %x : tensor<3x$F>\n" +
      "  %_c = tensor.cast %_t : tensor<3x$F> to tensor<?x$F>\n  %_r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %_c) -> (tensor<?x$F>) {\n    %e = tensor.extract %a[%c1] : tensor<?x$F>\n    %s = arith.addf %e, %x : $F\n    %u = tensor.insert %s into %a[%c0] : tensor<?x$F>\n    scf.yield %u : tensor<?x$F>\n  }\n" +
      "  %_b = tensor.cast %_r : tensor<?x$F> to tensor<3x$F>\n  %v = tensor.extract %_b[%c0] : tensor<3x$F>",
    // A near miss: the result is cast to another type than the initial value's source (dynamic).
    "^bb0(%x: $F):\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n  %n = arith.constant ?{0|2} : index\n  %_t = tensor.from_elements %x, %x, %x : tensor<3x$F>\n" +
      "  %_c = tensor.cast %_t : tensor<3x$F> to tensor<?x$F>\n  %_r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %_c) -> (tensor<?x$F>) {\n    %e = tensor.extract %a[%c1] : tensor<?x$F>\n    %s = arith.mulf %e, %x : $F\n    %u = tensor.insert %s into %a[%c0] : tensor<?x$F>\n    scf.yield %u : tensor<?x$F>\n  }\n" +
      "  %_b = tensor.cast %_r : tensor<?x$F> to tensor<*x$F>\n  %_d = tensor.cast %_b : tensor<*x$F> to tensor<3x$F>\n  %v = tensor.extract %_d[%c1] : tensor<3x$F>",
  ],
  root: ForOp,
  apply(op, rw) {
    const body = op.region.entry as Block;
    const index = op.initArgs.findIndex((init, k) => {
      const incoming = defining(init, CastOp);
      const result = op.results[k];
      if (incoming === undefined || result === undefined) return false;
      const users = [...result.uses()];
      const outgoing = users.length === 1 ? users[0]?.owner : undefined;
      return outgoing instanceof CastOp && outgoing.dest.type === incoming.source.type;
    });
    if (index < 0) return rw.fail("no iter_arg is cast in and cast back out");
    const incoming = defining(op.initArgs[index] as Value, CastOp) as CastOp;
    const newType = incoming.source.type;
    const oldType = incoming.dest.type;
    rw.setInsertionPointBefore(op);
    const inits = op.initArgs.map((v, k) => (k === index ? incoming.source : v));
    const replacement = rw.create(ForOp, { lowerBound: op.lowerBound, upperBound: op.upperBound, step: op.step, initArgs: inits, values: inits.map((v) => v.type), region: new Region() });
    const block = rw.createBlock(
      replacement.region,
      body.args.map((a, k) => (k === index + 1 ? newType : a.type)),
    );
    const mapping = new IRMapping();
    body.args.forEach((a, k) => mapping.map(a, block.arg(k)));
    rw.setInsertionPointToEnd(block);
    mapping.map(body.arg(index + 1), rw.create(CastOp, { source: block.arg(index + 1) as Value as Value<TensorType>, dest: oldType }).dest);
    for (const bodyOp of body.ops()) {
      if (bodyOp !== body.last) {
        rw.insert(bodyOp.clone(mapping));
        continue;
      }
      const yielded = bodyOp.operands.map((v) => mapping.lookupOr(v));
      yielded[index] = rw.create(CastOp, { source: yielded[index] as Value<TensorType>, dest: newType }).dest;
      rw.create(YieldOp, { values: yielded });
    }
    rw.setInsertionPointAfter(replacement);
    const results: Value[] = [...replacement.results];
    results[index] = rw.create(CastOp, { source: results[index] as Value<TensorType>, dest: oldType }).dest;
    rw.replaceOp(op, results);
    return rw.done();
  },
});

/**
 * `tensor.dim` of an scf.foreach_thread result is `tensor.dim` of the shared output tied to it
 * (DimOfForeachThreadOp):
 *
 *   %r = scf.foreach_thread (%i) in (%n) shared_outs(%o = %t) -> (tensor<?xf32>) { ... }
 *   %d = tensor.dim %r, %c0 : tensor<?xf32>                                  ->      %d = tensor.dim %t, %c0 : tensor<?xf32>
 */
export const dimOfForeachThread = rewrite({
  name: "scf.foreach_thread.dim",
  // None: programs with scf.foreach_thread shared outputs cannot run (the interpreter does not give
  // tensor.parallel_insert_slice its semantics); test/golden/scf/canonicalize.mlir has the case.
  examples: [],
  root: DimOp,
  apply(op, rw) {
    const loop = defining(op.source, ForeachThreadOp);
    if (loop === undefined) return rw.fail("the source is not an scf.foreach_thread result");
    const shared = loop.outputs[loop.results.indexOf(op.source as never)] as Value;
    rw.modifyInPlace(op, () => op.setOperand(0, shared));
    return rw.done();
  },
});

/**
 * A loop-carried tensor that the body reads only through `bufferization.to_memref` and yields as
 * `bufferization.to_tensor` of that same memref, right before the yield, is carried in the memref: the
 * to_memref moves before the loop (of the initial value) and the result is a to_tensor after it
 * (LastTensorLoadCanonicalization). Narrower than MLIR 16: the yielded to_tensor's memref must be that
 * to_memref or defined outside the loop (MLIR 16 also takes a memref made inside the body, and then reads it
 * after the loop, where it is not defined).
 *
 *   %r = scf.for ... iter_args(%a = %t) -> (tensor<4xf32>) {        %m = bufferization.to_memref %t : memref<4xf32>
 *     %m = bufferization.to_memref %a : memref<4xf32>                scf.for ... {
 *     memref.store %x, %m[%c1] : memref<4xf32>              ->          memref.store %x, %m[%c1] : memref<4xf32>
 *     %u = bufferization.to_tensor %m : memref<4xf32>                }
 *     scf.yield %u : tensor<4xf32>                                   %r = bufferization.to_tensor %m : memref<4xf32>
 *   }
 */
export const forLastTensorLoad = rewrite({
  name: "scf.for.last-tensor-load",
  examples: [
    "^bb0(%x: $F):\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n  %n4 = arith.constant ?{0|1|3} : index\n  %_t = tensor.from_elements %x, %x, %x, %x : tensor<4x$F>\n" +
      "  %_r = scf.for %i = %c0 to %n4 step %c1 iter_args(%a = %_t) -> (tensor<4x$F>) {\n    %m = bufferization.to_memref %a : memref<4x$F>\n    %o = memref.load %m[%i] : memref<4x$F>\n    %s = arith.addf %o, %x : $F\n    memref.store %s, %m[%c1] : memref<4x$F>\n    %u = bufferization.to_tensor %m : memref<4x$F>\n    scf.yield %u : tensor<4x$F>\n  }\n" +
      "  %v = tensor.extract %_r[%c1] : tensor<4x$F>",
  ],
  root: ForOp,
  apply(op, rw) {
    const body = op.region.entry as Block;
    const yieldOp = body.last as YieldOp;
    let changed = false;
    op.initArgs.forEach((init, k) => {
      const arg = body.arg(k + 1);
      const load = defining(yieldOp.getOperand(k), ToTensorOp);
      if (!(arg.type instanceof RankedTensorType || arg.type instanceof UnrankedTensorType) || load === undefined) return;
      const users = [...arg.uses()].map((u) => u.owner);
      const toMemref = users.length === 1 && users[0] instanceof ToMemrefOp ? (users[0] as ToMemrefOp) : undefined;
      if (users.length > 0 && toMemref === undefined) return;
      if (toMemref !== undefined && load.memref !== toMemref.memref) return;
      if (toMemref === undefined && definedIn(load.memref, op.region)) return;
      if (load.next !== yieldOp) return;
      if (toMemref !== undefined) {
        rw.setInsertionPointBefore(op);
        const hoisted = rw.create(ToMemrefOp, { tensor: init as Value<TensorType>, memref: toMemref.memref.type });
        rw.replaceOp(toMemref, [hoisted.memref]);
      }
      rw.setInsertionPointAfter(op);
      const after = rw.create(ToTensorOp, { memref: load.memref, result: op.results[k]?.type as TensorType });
      rw.replaceAllUsesWith(op.results[k] as Value, after.result);
      rw.modifyInPlace(yieldOp, () => yieldOp.setOperand(k, arg));
      changed = true;
    });
    return changed ? rw.done() : rw.fail("no iter_arg is a tensor loaded from its memref right before the yield");
  },
});

export const scfTensorCanonicalizationPatterns: readonly Pattern[] = [forLastTensorLoad, forTensorCastFolder, dimOfForeachThread];

/** The patterns as an extension of scf and tensor (they match both), for a Context to load. */
export const scfTensorCanonicalization = defineDialectExtension({
  name: "scf-tensor-canonicalization",
  dialects: ["scf", "tensor"],
  canonicalization: scfTensorCanonicalizationPatterns,
});
