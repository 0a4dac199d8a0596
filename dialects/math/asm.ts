/**
 * The custom forms of the math dialect's floating-point ops, with their optional fast-math flags
 * (ODS's `$a `,` $b (`fastmath` `` $fastmath^)? attr-dict `:` type($result)`):
 *
 *   %0 = math.powf %a, %b fastmath<nnan,ninf> : f32
 *   %1 = math.fpowi %a, %n : f32, i32
 *
 * As MLIR 16 does, the flags print only when they are not `none`, and parsing the custom form always stores
 * them, so the generic form shows `{fastmath = #arith.fastmath<none>}` as `mlir-opt --mlir-print-op-generic` does.
 */
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import type { OpAsmHooks, OpAsmParser, OpAsmPrinter, OperationState, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";
import { FastMathAttr, parseFastMathBody, printFastMathBody } from "../arith/attrs.ts";

export const FASTMATH = "fastmath";

function printFastMath(op: Operation, p: OpAsmPrinter): void {
  const flags = op.attr(FASTMATH);
  if (!(flags instanceof FastMathAttr) || flags.isNone) return;
  p.print(` ${FASTMATH}`);
  printFastMathBody(flags, p);
}

/** `fastmath` is spelled by the op syntax (when it is a FastMathAttr), so the attr-dict leaves it out. */
const elided = (op: Operation): string[] => (op.attr(FASTMATH) instanceof FastMathAttr ? [FASTMATH] : []);

function parseOperands(p: OpAsmParser, arity: number): UnresolvedOperand[] {
  const operands = [p.parseOperand()];
  while (operands.length < arity) {
    p.parsePunct(",");
    operands.push(p.parseOperand());
  }
  return operands;
}

/** Flags, then the attr-dict; the flags default to `none` when absent. */
function parseFastMathAndAttrs(p: OpAsmParser, state: OperationState): void {
  if (p.parseOptionalKeyword(FASTMATH) !== undefined) state.attributes.set(FASTMATH, parseFastMathBody(p));
  p.parseOptionalAttrDict(state.attributes);
  if (!state.attributes.has(FASTMATH)) state.attributes.set(FASTMATH, FastMathAttr.none());
}

/** `%a, %b, ... (fastmath<..>)? attr-dict : type`: operands and result share the one type. */
export function floatOpAsm(arity: 1 | 2 | 3): OpAsmHooks {
  return {
    print(op: Operation, p: OpAsmPrinter): void {
      p.print(" ");
      p.printOperands(op.operands);
      printFastMath(op, p);
      p.printOptionalAttrDict(op.attributes, elided(op));
      p.print(" : ");
      p.printType(op.getResult(0).type);
    },
    parse(p: OpAsmParser, state: OperationState): void {
      const start = p.loc();
      const operands = parseOperands(p, arity);
      parseFastMathAndAttrs(p, state);
      const type = p.parseColonType();
      state.operands.push(...p.resolveOperands(operands, operands.map(() => type), start));
      state.resultTypes.push(type);
    },
  };
}

/** `math.fpowi %a, %n (fastmath<..>)? attr-dict : f32, i32`: the result has the base's type. */
export const fpowiAsm: OpAsmHooks = {
  print(op: Operation, p: OpAsmPrinter): void {
    const [lhs, rhs] = op.operands;
    if (lhs === undefined || rhs === undefined) return;
    p.print(" ");
    p.printOperands([lhs, rhs]);
    printFastMath(op, p);
    p.printOptionalAttrDict(op.attributes, elided(op));
    p.print(" : ");
    p.printTypes([lhs.type, rhs.type]);
  },
  parse(p: OpAsmParser, state: OperationState): void {
    const start = p.loc();
    const operands = parseOperands(p, 2);
    parseFastMathAndAttrs(p, state);
    p.parsePunct(":");
    const lhsType: Type = p.parseType();
    p.parsePunct(",");
    const rhsType = p.parseType();
    state.operands.push(...p.resolveOperands(operands, [lhsType, rhsType], start));
    state.resultTypes.push(lhsType);
  },
};
