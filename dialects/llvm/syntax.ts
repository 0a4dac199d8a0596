/**
 * Pieces of the llvm dialect's hand-written syntax shared by several ops.
 *
 * MLIR 16 prints most llvm ops through `custom<LLVMOpAttrs>(attr-dict)`, which leaves out `fastmathFlags`
 * when no flag is set and, being a custom directive, is preceded by a space of its own: the custom form has
 * two spaces before the type when the dictionary is empty (`llvm.fadd %a, %b  : f32`), as mlir-opt-16 prints.
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";
import { FastmathFlagsAttr } from "./attrs.ts";

/** The attributes MLIR 16's printLLVMOpAttrs prints: all but `fastmathFlags` when it is `none`. */
export function llvmOpAttrsElided(op: Operation, elided: readonly string[] = []): string[] {
  const fmf = op.attr("fastmathFlags");
  const noFlags = fmf instanceof FastmathFlagsAttr && fmf.isNone;
  return noFlags ? [...elided, "fastmathFlags"] : [...elided];
}

/** ` {attrs}` as `custom<LLVMOpAttrs>(attr-dict)` prints it, with the directive's own leading space. */
export function printLLVMOpAttrs(op: Operation, p: OpAsmPrinter, elided: readonly string[] = []): void {
  p.print(" ");
  p.printOptionalAttrDict(op.attributes, llvmOpAttrsElided(op, elided));
}

/** `%a, %b, ...`: a comma-separated list of at least one operand. */
export function parseOperands(p: OpAsmParser, n: number): UnresolvedOperand[] {
  const out = [p.parseOperand()];
  for (let i = 1; i < n; i++) {
    p.parsePunct(",");
    out.push(p.parseOperand());
  }
  return out;
}

/** Adds `attrs` to the state's attributes. */
export function setAttrs(state: OperationState, attrs: Readonly<Record<string, Attribute>>): void {
  for (const [k, v] of Object.entries(attrs)) state.attributes.set(k, v);
}

/** `(t1, t2) -> t3` for the op's operand and result types (MLIR's functional-type directive). */
export function printFunctional(p: OpAsmPrinter, ins: readonly Type[], outs: readonly Type[]): void {
  p.printFunctionalType(ins, outs);
}
