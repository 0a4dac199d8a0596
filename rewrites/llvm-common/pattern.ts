/**
 * Helpers of the conversions to the llvm dialect (MLIR 16's LLVMCommon/Pattern.cpp and VectorPattern.cpp):
 * building an llvm op in place of another from converted operands, and the one-to-one rewrite that most ops
 * of arith and math lower by (MLIR's VectorConvertToLLVMPattern), restricted to scalars and 1-D vectors.
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { OpClassLike } from "../../src/ir/defining.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type ConversionPattern, type ConversionRewriter, convert } from "../../src/rewrite/conversion.ts";
import type { MatchResult } from "../../src/rewrite/pattern.ts";
import { FastMathAttr } from "../../dialects/arith/attrs.ts";
import { FastmathFlagsAttr } from "../../dialects/llvm/index.ts";

/** Creates an op of class `cls` before `at` (at its location) from its parts; returns it. */
export function createBefore<O extends Operation>(
  rw: ConversionRewriter,
  at: Operation,
  cls: { create(init: import("../../src/ir/operation.ts").OperationInit): O },
  parts: { operands?: readonly Value[]; resultTypes?: readonly Type[]; attributes?: Readonly<Record<string, Attribute>> },
): O {
  return rw.at(InsertionPoint.before(at), () => rw.insert(cls.create({ ...parts, loc: at.loc })), at.loc);
}

/** `#arith.fastmath<...>` as `#llvm.fastmath<...>`: the same flags (MLIR's AttrConvertFastMathToLLVM). */
export function llvmFastmath(op: Operation): FastmathFlagsAttr {
  const fm = op.attr("fastmath");
  if (!(fm instanceof FastMathAttr) || fm.isNone) return FastmathFlagsAttr.none();
  return FastmathFlagsAttr.get(fm.flags as never);
}

/** Whether every type is a scalar or a 1-D vector: what the one-to-one patterns lower (n-D vectors are not). */
export function allScalarOr1D(types: readonly Type[]): boolean {
  return types.every((t) => !(t instanceof VectorType) || t.rank === 1);
}

/**
 * `src` becomes one `dst` op on the converted operands with the converted result types (MLIR's
 * VectorConvertToLLVMPattern, for scalars and 1-D vectors). With `fastmath`, arith's flags carry over.
 *
 *   Before: %0 = arith.addf %a, %b fastmath<fast> : f32
 *   After:  %0 = llvm.fadd %a, %b  {fastmathFlags = #llvm.fastmath<fast>} : f32
 */
export function oneToOne(name: string, src: OpClassLike, dst: { create(init: import("../../src/ir/operation.ts").OperationInit): Operation }, opts: { fastmath?: boolean } = {}): ConversionPattern {
  return convert({
    name,
    root: src,
    apply(op: Operation, adaptor, rw): MatchResult {
      if (!allScalarOr1D([...op.operands.map((v) => v.type), ...op.resultTypes])) return rw.fail("n-D vectors are not unrolled (MLIR's handleMultidimensionalVectors is not ported)");
      const resultTypes = rw.typeConverter?.convertTypes(op.resultTypes);
      if (resultTypes === undefined) return rw.fail("a result type cannot be converted");
      const attributes: Record<string, Attribute> = opts.fastmath === true ? { fastmathFlags: llvmFastmath(op) } : {};
      const created = createBefore(rw, op, dst, { operands: adaptor.operands, resultTypes, attributes });
      rw.replaceOp(op, created.results);
      return rw.done();
    },
  });
}
