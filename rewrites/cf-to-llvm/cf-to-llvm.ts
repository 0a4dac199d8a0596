/**
 * `convert-cf-to-llvm` (MLIR 16's ControlFlowToLLVM.cpp): cf.br, cf.cond_br and cf.switch become llvm.br,
 * llvm.cond_br and llvm.switch with the same successors, operands and attributes. Block argument types are
 * the enclosing function's business (func-to-llvm converts them): a branch converts only when each forwarded
 * operand, converted, has its destination argument's type, as MLIR 16's verifyMatchingValues demands.
 *
 *   Before: cf.cond_br %c, ^bb1(%x : f32), ^bb2       After: llvm.cond_br %c, ^bb1(%x : f32), ^bb2
 *   Before: cf.switch %i : i32, [ default: ^bb1, 1: ^bb2 ]
 *   After:  llvm.switch %i : i32, ^bb1 [ 1: ^bb2 ]
 *
 * Not lowered: cf.assert (MLIR 16 branches to a call of `abort`; not ported), which stays.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import type { Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionPattern, convert, legality } from "../../src/rewrite/conversion.ts";
import type { OpClassLike } from "../../src/ir/defining.ts";
import { BranchOpInterface } from "../../src/interfaces/control-flow.ts";
import * as C from "../../dialects/cf/index.ts";
import * as L from "../../dialects/llvm/index.ts";
import { LLVMTypeConverter } from "../llvm-common/type-converter.ts";
import { createBefore } from "../llvm-common/pattern.ts";

/** Why the converted operands do not fit the successors' arguments, or undefined when they do. */
function mismatch(op: Operation, converted: readonly Value[]): string | undefined {
  const branch = BranchOpInterface.of(op);
  if (branch === undefined) return "not a branch";
  const offset = op.numOperands - converted.length;
  for (const [s, dest] of op.successors.entries()) {
    const forwarded = branch.getSuccessorOperands(s).forwarded;
    for (let i = 0; i < forwarded.length; i++) {
      const v = converted[forwarded.start + i - offset];
      const arg = dest.args[i];
      if (v === undefined || arg === undefined || v.type !== arg.type) {
        return `mismatched types from operand # ${i} not compatible with destination block argument type which should be converted with the parent op`;
      }
    }
  }
  return undefined;
}

/**
 * A cf branch becomes the llvm branch `dst` with the converted operands, the same successors and attributes.
 *
 *   Before: cf.br ^bb3(%a : f32)        After: llvm.br ^bb3(%a : f32)
 */
function branch(name: string, root: OpClassLike, dst: { create(init: import("../../src/ir/operation.ts").OperationInit): Operation }): ConversionPattern {
  return convert({
    name,
    root,
    apply(op: Operation, adaptor, rw) {
      const why = mismatch(op, adaptor.operands);
      if (why !== undefined) return rw.fail(why);
      const created = createBefore(rw, op, { create: (init) => dst.create({ ...init, successors: op.successors }) }, {
        operands: adaptor.operands,
        attributes: Object.fromEntries(op.attributes),
      });
      rw.replaceOp(op, created.results);
      return rw.done();
    },
  });
}

/** Every pattern of convert-cf-to-llvm. */
export const cfToLLVMPatterns: readonly ConversionPattern[] = [
  branch("cf.br-to-llvm", C.BranchOp, L.BrOp),
  branch("cf.cond_br-to-llvm", C.CondBranchOp, L.CondBrOp),
  branch("cf.switch-to-llvm", C.SwitchOp, L.SwitchOp),
];

export const convertCfToLLVMPass = definePass({
  name: "convert-cf-to-llvm",
  displayName: "ConvertControlFlowToLLVMPass",
  summary: "Convert ControlFlow operations to the LLVM dialect",
  description: "Rewrites cf.br, cf.cond_br and cf.switch as their llvm counterparts where the destination blocks already take the converted types.",
  run(op, pctx) {
    const typeConverter = new LLVMTypeConverter();
    const target = legality().legalDialect("llvm");
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(op, target, cfToLLVMPatterns, { ctx: pctx.context, typeConverter, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
