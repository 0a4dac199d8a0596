/**
 * Pieces of syntax the hand-written scf (and affine) parsers share, as MLIR 16's OpAsmParser has them:
 * assignment lists `(%inner = %outer, ...)` that bind region arguments to initial values.
 */
import type { BlockArgument, Value } from "../../src/ir/value.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState, ParsedArgument, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";

/** `<prefix>(%inner = %outer, ...)`; nothing when there are no pairs (MLIR's printInitializationList). */
export function printInitializationList(p: OpAsmPrinter, args: readonly BlockArgument[], inits: readonly Value[], prefix: string): void {
  if (inits.length === 0) return;
  p.print(`${prefix}(`);
  inits.forEach((init, i) => {
    if (i > 0) p.print(", ");
    p.printOperand(args[i] as Value);
    p.print(" = ");
    p.printOperand(init);
  });
  p.print(")");
}

/** `(%inner = %outer, ...)`: the region arguments (types unset) and the operands bound to them. */
export function parseAssignmentList(p: OpAsmParser): { args: ParsedArgument[]; operands: UnresolvedOperand[] } {
  p.parsePunct("(");
  return assignmentsAfterParen(p);
}

/** `parseAssignmentList` when the next token is `(`; undefined, consuming nothing, otherwise. */
export function parseOptionalAssignmentList(p: OpAsmParser): { args: ParsedArgument[]; operands: UnresolvedOperand[] } | undefined {
  // An assignment list starts with `(`; MLIR 16's parseOptionalAssignmentList looks at that one token.
  if (!p.parseOptionalPunct("(")) return undefined;
  return assignmentsAfterParen(p);
}

function assignmentsAfterParen(p: OpAsmParser): { args: ParsedArgument[]; operands: UnresolvedOperand[] } {
  const args: ParsedArgument[] = [];
  const operands: UnresolvedOperand[] = [];
  if (p.parseOptionalPunct(")")) return { args, operands };
  do {
    args.push(p.parseArgument({ allowType: false, allowAttrs: false }));
    p.parsePunct("=");
    operands.push(p.parseOperand());
  } while (p.parseOptionalPunct(","));
  p.parsePunct(")");
  return { args, operands };
}

/**
 * ` iter_args(%acc = %init, ...) -> (types)` when present (scf.for, affine.for): the results' types and the
 * initial values go into `state`; returns the region arguments bound to them, typed.
 */
export function parseOptionalIterArgs(p: OpAsmParser, state: OperationState): ParsedArgument[] {
  if (p.parseOptionalKeyword("iter_args") === undefined) return [];
  const { args, operands } = parseAssignmentList(p);
  const types = p.parseArrowTypeList();
  state.resultTypes.push(...types);
  args.forEach((a, i) => (a.type = types[i]));
  operands.forEach((o, i) => {
    const t = types[i];
    if (t !== undefined) state.operands.push(p.resolveOperand(o, t));
  });
  return args;
}
