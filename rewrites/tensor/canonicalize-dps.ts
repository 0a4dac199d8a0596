/**
 * MLIR 16's dialect-level tensor canonicalization, FoldTensorCastProducerOp (TensorDialect's
 * getCanonicalizationPatterns): a tensor.cast that only forgets static information, feeding any
 * destination-style op, is folded into it. The op is found through DestinationStyleOpInterface (src/interfaces/),
 * so this file knows no dialect but tensor: linalg's ops, tensor.insert, pack and unpack all match.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import type { Operation } from "../../src/ir/operation.ts";
import { IRMapping } from "../../src/ir/operation.ts";
import { MemRefType, type RankedTensorType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { DestinationStyleOpInterface } from "../../src/interfaces/destination-style.ts";
import { verifyOp } from "../../src/irdl/verifier.ts";
import { type Pattern, rewriteAny } from "../../src/rewrite/pattern.ts";
import { CastOp } from "../../dialects/tensor/index.ts";
import { before } from "../arith/match.ts";
import { foldableCastSource } from "./canonicalize-cast.ts";
import { opaque4, tensorExample } from "./examples.ts";

/**
 * A destination-style op (but insert_slice, which has its own cast folding) reading a cast that only forgets
 * static information reads the cast's source; a result whose init got a more static type is cast back.
 * Narrowed from MLIR 16: where the op with the new types would not verify (a pack whose tiles the static shape
 * no longer divides), it is left alone.
 *
 *   %0 = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
 *   %1 = linalg.fill ins(%v : f32) outs(%0 : tensor<?xf32>) -> tensor<?xf32>
 *     ->   %2 = linalg.fill ins(%v : f32) outs(%t : tensor<4xf32>) -> tensor<4xf32>
 *          %1 = tensor.cast %2 : tensor<4xf32> to tensor<?xf32>
 */
export const castIntoDestinationStyleOp = rewriteAny({
  name: "tensor.cast-into-destination-style-op",
  examples: [
    tensorExample(`${opaque4("t")}
  %u = tensor.cast %t : tensor<4x$T> to tensor<?x$T>
  %c3 = arith.constant 3 : index
  %j = arith.minui %i, %c3 : index
  %r = tensor.insert %x into %u[%j] : tensor<?x$T>`, 1),
    tensorExample(`${opaque4("t")}
  %u = tensor.cast %t : tensor<4x$T> to tensor<?x$T>
  %r = linalg.fill ins(%y : $T) outs(%u : tensor<?x$T>) -> tensor<?x$T>`, 1),
  ],
  apply(op, rw) {
    const dps = DestinationStyleOpInterface.of(op);
    if (dps === undefined) return rw.fail("not a destination-style op");
    if (op.name === "tensor.insert_slice") return rw.fail("insert_slice folds casts itself");
    const folded = op.operands.map((v) => foldableCastSource(v));
    if (folded.every((s) => s === undefined)) return rw.fail("no operand is a cast that only forgets static information");
    const operands: Value[] = op.operands.map((v, i) => folded[i] ?? v);
    const resultTypes: Type[] = op.opOperands.filter((o) => dps.isDpsInit(o) && !(operands[o.index]?.type instanceof MemRefType)).map((o) => (operands[o.index] as Value).type);
    const cls = op.constructor as typeof Operation;
    const copy = new cls({ name: op.name, operands, resultTypes, attributes: op.attributes, regions: op.regions.length, loc: op.loc });
    op.regions.forEach((r, i) => r.cloneInto(copy.getRegion(i), new IRMapping()));
    if (isLeft(verifyOp(copy))) return rw.fail("the op would not verify with the casts' source types");
    before(rw, op, () => {
      rw.insert(copy);
      const replacements = op.results.map((r, i) => {
        const result = copy.getResult(i);
        return result.type === r.type ? result : rw.create(CastOp, { source: result as Value as Value<RankedTensorType>, dest: r.type as RankedTensorType }).getResult(0);
      });
      rw.replaceOp(op, replacements);
    });
    return rw.done();
  },
});

export const tensorDialectPatterns: readonly Pattern[] = [castIntoDestinationStyleOp];
