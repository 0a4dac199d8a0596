/** Pieces of the affine dialect's hand-written syntax (MLIR 16's AffineOps.cpp helpers). */
import type { Value } from "../../src/ir/value.ts";
import type { OpAsmParser, OpAsmPrinter, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";

/** `(%d0, %d1)[%s0]`: the dims in parentheses, then the symbols in brackets when there are any. */
export function printDimAndSymbolList(p: OpAsmPrinter, operands: readonly Value[], numDims: number): void {
  p.print("(");
  p.printOperands(operands.slice(0, numDims));
  p.print(")");
  if (operands.length > numDims) {
    p.print("[");
    p.printOperands(operands.slice(numDims));
    p.print("]");
  }
}

/** `(%d0, %d1)[%s0]` (symbols optional): the operands, dims first, and how many are dims. */
export function parseDimAndSymbolList(p: OpAsmParser): { operands: UnresolvedOperand[]; numDims: number } {
  const dims = p.parseOperandList("()");
  const symbols = p.parseOperandList("optional[]");
  return { operands: [...dims, ...symbols], numDims: dims.length };
}
