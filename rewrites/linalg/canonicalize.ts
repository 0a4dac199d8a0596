/**
 * linalg's canonicalization patterns (MLIR 16's LinalgOps.cpp: GenericOp's, FillOp's and the dialect's), as the
 * `linalgCanonicalization` extension a Context loads. The fill patterns are in canonicalize-fill.ts, the
 * tensor.cast ones in canonicalize-cast.ts; the memref.cast fold of linalg.generic and the named ops is their
 * `fold` hook (dialects/linalg/structured-common.ts).
 */
import { BlockArgument, type Value } from "../../src/ir/value.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { destinationStyle } from "../../src/interfaces/destination-style.ts";
import { type Pattern, rewrite, rewriteAny } from "../../src/rewrite/pattern.ts";
import { GenericOp, linalgOp, operandShape, YieldOp } from "../../dialects/linalg/index.ts";
import { MemRefType, type RankedTensorType } from "../../src/ir/types.ts";
import { CastOp } from "../../dialects/tensor/index.ts";
import { castCompatibleTensors } from "../../dialects/tensor/types.ts";
import { linalgCastPatterns } from "./canonicalize-cast.ts";
import { linalgFillPatterns } from "./canonicalize-fill.ts";

const copyBody = "{ ^bb0(%in: $F, %out: $F): linalg.yield %in : $F }";
const id1 = "affine_map<(d0) -> (d0)>";
const id2 = "affine_map<(d0, d1) -> (d0, d1)>";

/**
 * A linalg.generic on tensors whose maps are all identities and whose payload only yields its arguments is
 * the operands it yields (EraseIdentityGenericOp); on memrefs, one that copies a buffer onto itself is erased.
 *
 *   %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
 *          ins(%a : tensor<3xf32>) outs(%b : tensor<3xf32>) {
 *   ^bb0(%in: f32, %out: f32):
 *     linalg.yield %in : f32
 *   } -> tensor<3xf32>                                                  %r is replaced by %a
 *
 * A result whose type differs from its operand's (a static result of a dynamic input) is a tensor.cast of it:
 *
 *   %r = linalg.generic {...} ins(%a : tensor<?xf32>) outs(%b : tensor<3xf32>) {...} -> tensor<3xf32>
 *     ->   %r = tensor.cast %a : tensor<?xf32> to tensor<3xf32>
 */
export const eraseIdentityGeneric = rewrite({
  name: "linalg.generic-erase-identity",
  // Examples are one op per line: the payload regions are written on the op's line.
  examples: [
    `%a = arith.constant ?a : tensor<3x$F>
  %b = arith.constant ?b : tensor<3x$F>
  %r = linalg.generic {indexing_maps = [${id1}, ${id1}], iterator_types = ["parallel"]} ins(%a : tensor<3x$F>) outs(%b : tensor<3x$F>) ${copyBody} -> tensor<3x$F>`,
    // Two results: one yields the init, the other the input.
    `%a = arith.constant ?a : tensor<2x2x$T>
  %b = arith.constant ?b : tensor<2x2x$T>
  %r:2 = linalg.generic {indexing_maps = [${id2}, ${id2}, ${id2}], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<2x2x$T>) outs(%b, %a : tensor<2x2x$T>, tensor<2x2x$T>) { ^bb0(%in: $T, %o0: $T, %o1: $T): linalg.yield %o0, %in : $T, $T } -> (tensor<2x2x$T>, tensor<2x2x$T>)`,
    // On buffers: a copy between two different buffers is a near miss (it must stay); one of a buffer onto
    // itself is erased. The copied values are observed through a tensor read back from the destination.
    `%a = arith.constant ?a : tensor<3x$T>
  %m = bufferization.to_memref %a : memref<3x$T>
  %d = memref.alloc() : memref<3x$T>
  linalg.generic {indexing_maps = [${id1}, ${id1}], iterator_types = ["parallel"]} ins(%m : memref<3x$T>) outs(%d : memref<3x$T>) { ^bb0(%in: $T, %out: $T): linalg.yield %in : $T }
  linalg.generic {indexing_maps = [${id1}, ${id1}], iterator_types = ["parallel"]} ins(%d : memref<3x$T>) outs(%d : memref<3x$T>) { ^bb0(%in: $T, %out: $T): linalg.yield %in : $T }
  %t = bufferization.to_tensor %d : memref<3x$T>
  %r = linalg.generic {indexing_maps = [${id1}, ${id1}], iterator_types = ["parallel"]} ins(%t : tensor<3x$T>) outs(%t : tensor<3x$T>) { ^bb0(%in: $T, %out: $T): linalg.yield %in : $T } -> tensor<3x$T>`,
    // A dynamic input yielded as a static result: a cast of it.
    `%a = arith.constant ?a : tensor<3x$T>
  %_d = tensor.cast %a : tensor<3x$T> to tensor<?x$T>
  %b = arith.constant ?b : tensor<3x$T>
  %r = linalg.generic {indexing_maps = [${id1}, ${id1}], iterator_types = ["parallel"]} ins(%_d : tensor<?x$T>) outs(%b : tensor<3x$T>) ${copyBody.replaceAll("$F", "$T")} -> tensor<3x$T>`,
    // Near misses: a transposing map, and a payload that computes.
    `%a = arith.constant ?a : tensor<2x2x$F>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, ${id2}], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<2x2x$F>) outs(%a : tensor<2x2x$F>) ${copyBody} -> tensor<2x2x$F>`,
    `%a = arith.constant ?a : tensor<3x$F>
  %r = linalg.generic {indexing_maps = [${id1}, ${id1}], iterator_types = ["parallel"]} ins(%a : tensor<3x$F>) outs(%a : tensor<3x$F>) { ^bb0(%in: $F, %out: $F): %n = arith.negf %in : $F linalg.yield %n : $F } -> tensor<3x$F>`,
  ],
  root: GenericOp,
  apply(op, rw) {
    const view = linalgOp(op);
    if (view === undefined || view.getIndexingMaps().some((m) => !m.isIdentity())) return rw.fail("an indexing map is not the identity");
    const body = op.regions[0]?.blocks[0];
    const terminator = body?.first;
    if (body === undefined || body.numOps !== 1 || !(terminator instanceof YieldOp)) return rw.fail("the payload computes something");
    const dps = destinationStyle(op);
    if (dps.hasBufferSemantics()) {
      const [input] = dps.getDpsInputOperands();
      const [init] = dps.getDpsInitOperands();
      if (dps.getNumDpsInputs() !== 1 || dps.getNumDpsInits() !== 1 || input?.value !== init?.value) return rw.fail("it copies between different buffers");
      rw.eraseOp(op);
      return rw.done();
    }
    if (!dps.hasTensorSemantics()) return rw.fail("it mixes tensors and buffers");
    const yielded: Value[] = [];
    for (const [i, v] of terminator.operands.entries()) {
      if (!(v instanceof BlockArgument) || v.owner !== body) return rw.fail("it yields a value not of its arguments");
      const operand = op.getOperand(v.index);
      const type = op.getResult(i).type;
      if (operand.type !== type && !castCompatibleTensors(operand.type, type)) return rw.fail("a result's type is not cast-compatible with its operand's");
      yielded.push(operand);
    }
    if (yielded.length !== op.numResults) return rw.fail("the yield does not give every result");
    // An input of another (compatible) type than the result, say dynamic where the result is static, is cast.
    const replacements = yielded.map((v, i) => {
      const type = op.getResult(i).type as RankedTensorType;
      return v.type === type ? v : rw.create(CastOp, { source: v as Value<RankedTensorType>, dest: type }).getResult(0);
    });
    rw.replaceOp(op, replacements);
    return rw.done();
  },
});

/**
 * A structured op with a memref operand of a zero-size dimension runs no iteration, and is erased
 * (EraseDeadLinalgOp). A zero-size tensor does not count (MLIR: `tensor<0x...>` is a convention that need not
 * mean zero iterations).
 *
 *   linalg.fill ins(%x : f32) outs(%m : memref<0x4xf32>)          ->   (nothing)
 */
export const eraseDeadLinalgOp = rewriteAny({
  name: "linalg.erase-dead-op",
  examples: [
    // The fill of the empty buffer goes; the one of the other buffer stays (near miss), read back as a tensor.
    `^bb0(%x: $T):
  %z = memref.alloc() : memref<2x0x$T>
  linalg.fill ins(%x : $T) outs(%z : memref<2x0x$T>)
  %m = memref.alloc() : memref<2x3x$T>
  linalg.fill ins(%x : $T) outs(%m : memref<2x3x$T>)
  %r = bufferization.to_tensor %m : memref<2x3x$T>`,
    // An op on an empty tensor stays (it is dead only when unused).
    `^bb0(%x: $T):
  %e = tensor.empty() : tensor<0x3x$T>
  %r = linalg.fill ins(%x : $T) outs(%e : tensor<0x3x$T>) -> tensor<0x3x$T>`,
  ],
  apply(op, rw) {
    if (linalgOp(op) === undefined) return rw.fail("not a structured op");
    const empty = op.opOperands.some((o) => o.value.type instanceof MemRefType && operandShape(o).includes(0));
    if (!empty) return rw.fail("no memref operand has a zero-size dimension");
    if (op.numResults !== 0) return rw.fail("it has tensor results");
    rw.eraseOp(op);
    return rw.done();
  },
});

/** Every linalg canonicalization pattern. */
export const linalgCanonicalizationPatterns: readonly Pattern[] = [eraseIdentityGeneric, eraseDeadLinalgOp, ...linalgCastPatterns, ...linalgFillPatterns];

export const linalgCanonicalization = defineDialectExtension({
  name: "linalg-canonicalization",
  dialects: ["linalg"],
  canonicalization: linalgCanonicalizationPatterns,
});
