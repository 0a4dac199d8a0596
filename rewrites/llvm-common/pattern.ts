/**
 * Helpers of the conversions to the llvm dialect (MLIR 16's LLVMCommon/Pattern.cpp and VectorPattern.cpp):
 * building an llvm op in place of another from converted operands, and the one-to-one rewrite that most ops
 * of arith and math lower by (MLIR's VectorConvertToLLVMPattern), restricted to scalars and 1-D vectors.
 */
import { type Attribute, DenseArrayAttr } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { OpClassLike } from "../../src/ir/defining.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { i64, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type ConversionPattern, type ConversionRewriter, convert } from "../../src/rewrite/conversion.ts";
import type { MatchResult } from "../../src/rewrite/pattern.ts";
import { FastMathAttr } from "../../dialects/arith/attrs.ts";
import { ExtractValueOp, FastmathFlagsAttr, InsertValueOp, LLVMArrayType, UndefOp } from "../../dialects/llvm/index.ts";

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
      const resultTypes = rw.typeConverter?.convertTypes(op.resultTypes);
      if (resultTypes === undefined) return rw.fail("a result type cannot be converted");
      const attributes: Record<string, Attribute> = opts.fastmath === true ? { fastmathFlags: llvmFastmath(op) } : {};
      if (!allScalarOr1D([...op.operands.map((v) => v.type), ...op.resultTypes])) {
        if (resultTypes.length !== 1) return rw.fail("an n-D op with several results");
        rw.replaceOp(op, [unrollNDVector(rw, op, resultTypes[0] as LLVMArrayType, adaptor.operands, (operands, type) => createBefore(rw, op, dst, { operands, resultTypes: [type], attributes }).getResult(0))]);
        return rw.done();
      }
      const created = createBefore(rw, op, dst, { operands: adaptor.operands, resultTypes, attributes });
      rw.replaceOp(op, created.results);
      return rw.done();
    },
  });
}

/**
 * An op on n-D vectors as the same op on each 1-D vector of their llvm arrays (MLIR 16's
 * LLVM::detail::handleMultidimensionalVectors): every operand's row is read with llvm.extractvalue, `build`
 * makes the 1-D op, and its result is inserted into an undef array of the result type.
 *
 *   Before: %r = arith.addf %a, %b : vector<2x4xf32>
 *   After:  %0 = llvm.mlir.undef : !llvm.array<2 x vector<4xf32>>
 *           %1 = llvm.extractvalue %a[0] : !llvm.array<2 x vector<4xf32>>    %2 = llvm.extractvalue %b[0] : ...
 *           %3 = llvm.fadd %1, %2  : vector<4xf32>
 *           %4 = llvm.insertvalue %3, %0[0] : !llvm.array<2 x vector<4xf32>>   (row 1 likewise)
 */
export function unrollNDVector(rw: ConversionRewriter, at: Operation, resultType: LLVMArrayType, operands: readonly Value[], build: (rows: Value[], rowType: Type) => Value): Value {
  const positions: number[][] = [];
  let leaf: Type = resultType;
  const dims: number[] = [];
  while (leaf instanceof LLVMArrayType) {
    dims.push(leaf.numElements);
    leaf = leaf.elementType;
  }
  const walk = (prefix: number[]): void => {
    if (prefix.length === dims.length) positions.push(prefix);
    else for (let i = 0; i < (dims[prefix.length] as number); i++) walk([...prefix, i]);
  };
  walk([]);
  const position = (p: readonly number[]) => ({ position: DenseArrayAttr.get(i64, p.map(BigInt)) });
  let result = createBefore(rw, at, UndefOp, { resultTypes: [resultType] }).getResult(0);
  for (const p of positions) {
    const rows = operands.map((v) => {
      let t: Type = v.type;
      for (let k = 0; k < p.length; k++) t = t instanceof LLVMArrayType ? t.elementType : t;
      return createBefore(rw, at, ExtractValueOp, { operands: [v], resultTypes: [t], attributes: position(p) }).getResult(0);
    });
    result = createBefore(rw, at, InsertValueOp, { operands: [result, build(rows, leaf)], resultTypes: [resultType], attributes: position(p) }).getResult(0);
  }
  return result;
}
