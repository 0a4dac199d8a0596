/**
 * Canonicalization patterns of the func dialect (MLIR 16's FuncOps.cpp), plus the removal of unreachable
 * blocks ending in `func.return` (MLIR's region simplification; see rewrites/cf/canonicalize.ts), as the
 * `funcCanonicalization` extension a Context loads.
 */
import { SymbolRefAttr } from "../../src/ir/attributes.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { CallIndirectOp, CallOp, ReturnOp } from "../../dialects/func/index.ts";
import { eraseUnreachableBlockPattern } from "../cf/canonicalize.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";

/**
 * An indirect call of a `func.constant` is a direct call (SimplifyIndirectCallWithKnownCallee):
 *
 *   %f = func.constant @g : (i32) -> i32
 *   %r = func.call_indirect %f(%a) : (i32) -> i32     ->    %r = func.call @g(%a) : (i32) -> i32
 */
export const indirectCallOfConstant = rewrite({
  name: "func.call_indirect-known-callee",
  examples: [
    {
      defs: "func.func private @ex_twice_$T(%a: $T) -> $T {\n  %r = arith.addi %a, %a : $T\n  func.return %r : $T\n}",
      ir: "^bb0(%x: $T):\n  %f = func.constant @ex_twice_$T : ($T) -> $T\n  %r = func.call_indirect %f(%x) : ($T) -> $T",
    },
    // A callee chosen at run time: not a func.constant, so the call stays indirect.
    {
      defs:
        "func.func private @ex_twice_$T(%a: $T) -> $T {\n  %r = arith.addi %a, %a : $T\n  func.return %r : $T\n}\n" +
        "func.func private @ex_square_$T(%a: $T) -> $T {\n  %r = arith.muli %a, %a : $T\n  func.return %r : $T\n}",
      ir:
        "^bb0(%b: i1, %x: $T):\n  %f = func.constant @ex_twice_$T : ($T) -> $T\n  %g = func.constant @ex_square_$T : ($T) -> $T\n" +
        "  %h = arith.select %b, %f, %g : ($T) -> $T\n  %r = func.call_indirect %h(%x) : ($T) -> $T",
    },
  ],
  root: CallIndirectOp,
  apply(op, rw) {
    const callee = constantAttr(op.callee);
    if (!(callee instanceof SymbolRefAttr)) return rw.fail("the callee is not a func.constant");
    rw.replaceOpWithNew(op, CallOp, { callee, args: [...op.callee_operands], res: op.resultTypes });
    return rw.done();
  },
});

export const funcCanonicalizationPatterns: readonly Pattern[] = [indirectCallOfConstant, eraseUnreachableBlockPattern(ReturnOp)];

/** The patterns as an extension of the func dialect, for a Context to load (the `canonicalize` pass reads them there). */
export const funcCanonicalization = defineDialectExtension({
  name: "func-canonicalization",
  dialects: ["func"],
  canonicalization: funcCanonicalizationPatterns,
});
