/**
 * The custom form of `cf.switch` (MLIR 16's `custom<SwitchOpCases>` inside `$flag : type($flag), [ \n ... ]`):
 *
 *   cf.switch %flag : i32, [
 *     default: ^bb1(%a : i32),
 *     42: ^bb2,
 *     43: ^bb3
 *   ]
 *
 * Case values print as MLIR's `APInt::getLimitedValue` does, i.e. unsigned: -1 on i8 prints as 255. A switch
 * without case values closes the bracket right after the default (`default: ^bb1]`), as MLIR 16 prints it.
 */
import { DenseArrayAttr, DenseElementsAttr, storageFor } from "../../src/ir/attributes.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { IntegerType, i32, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { OPERAND_SEGMENT_SIZES } from "../../src/irdl/define-op.ts";
import type { OpAsmHooks, OpAsmParser, OpAsmPrinter, OperationState } from "../../src/text/asm-interfaces.ts";

const CASE_VALUES = "case_values";
const CASE_OPERAND_SEGMENTS = "case_operand_segments";

/** A line break at the op's indentation (MLIR's printNewline), when the printer offers it. */
function newline(p: OpAsmPrinter): void {
  const withNewline = p as OpAsmPrinter & { printNewline?: () => void };
  if (withNewline.printNewline !== undefined) withNewline.printNewline();
  else p.print("\n");
}

function segmentsOf(op: Operation, name: string): number[] {
  const a = op.attr(name);
  return a instanceof DenseArrayAttr ? a.numbers : [];
}

/** Case value `i` as an unsigned integer of the flag's width. */
function caseValueText(values: DenseElementsAttr, i: number): string {
  const width = values.type.elementType instanceof IntegerType ? values.type.elementType.width : 64;
  return BigInt.asUintN(Math.min(width, 64), BigInt(values.at(i))).toString();
}

function printSwitch(op: Operation, p: OpAsmPrinter): void {
  const [flag, ...rest] = op.operands;
  if (flag === undefined) return;
  const [, numDefault = 0] = segmentsOf(op, OPERAND_SEGMENT_SIZES);
  p.print(" ");
  p.printOperand(flag);
  p.print(" : ");
  p.printType(flag.type);
  p.print(", [");
  newline(p);
  p.print("  default: ");
  const [defaultDest, ...caseDests] = op.successors;
  if (defaultDest !== undefined) p.printSuccessorAndUseList(defaultDest, rest.slice(0, numDefault));
  const values = op.attr(CASE_VALUES);
  if (values instanceof DenseElementsAttr) {
    const segments = segmentsOf(op, CASE_OPERAND_SEGMENTS);
    let start = numDefault;
    caseDests.forEach((dest, i) => {
      const n = segments[i] ?? 0;
      p.print(",");
      newline(p);
      p.print(`  ${caseValueText(values, i)}: `);
      p.printSuccessorAndUseList(dest, rest.slice(start, start + n));
      start += n;
    });
    newline(p);
  }
  p.print("]");
  p.printOptionalAttrDict(op.attributes, [CASE_VALUES, CASE_OPERAND_SEGMENTS, OPERAND_SEGMENT_SIZES]);
}

/**
 * `dense<[...]> : vector<Nxi..>` of the flag's type, as the switch parser builds its `case_values`; values are
 * wrapped to the flag's width (two's complement).
 */
export function caseValuesAttr(flagType: IntegerType, values: readonly (bigint | number)[]): DenseElementsAttr {
  const Storage = storageFor(flagType);
  if (Storage === undefined) throw new RangeError(`case values of type i${flagType.width} are not supported`);
  const width = flagType.width;
  const signed = flagType.signedness === "signed" || (flagType.isSignless && width > 1);
  const data = new Storage(values.length);
  const isBig = data instanceof BigInt64Array || data instanceof BigUint64Array;
  values.forEach((v, i) => {
    const wrapped = signed ? BigInt.asIntN(width, BigInt(v)) : BigInt.asUintN(width, BigInt(v));
    (data as unknown as (number | bigint)[])[i] = isBig ? wrapped : Number(wrapped);
  });
  return DenseElementsAttr.get(VectorType.get([values.length], flagType), data);
}

function parseSwitch(p: OpAsmParser, state: OperationState): void {
  const flag = p.parseOperand();
  p.parsePunct(":");
  const typeLoc = p.loc();
  const flagType = p.parseType();
  if (!(flagType instanceof IntegerType)) p.error("invalid kind of type specified", typeLoc);
  p.parsePunct(",");
  p.parsePunct("[");
  p.parseKeyword("default");
  p.parsePunct(":");
  const defaultOperands: Value[] = [];
  const successors: Block[] = [p.parseSuccessorAndUseList(defaultOperands)];
  const values: bigint[] = [];
  const caseOperands: Value[] = [];
  const segments: number[] = [];
  while (p.parseOptionalPunct(",")) {
    values.push(p.parseInteger());
    p.parsePunct(":");
    const before = caseOperands.length;
    successors.push(p.parseSuccessorAndUseList(caseOperands));
    segments.push(caseOperands.length - before);
  }
  p.parsePunct("]");
  p.parseOptionalAttrDict(state.attributes);

  state.operands.push(p.resolveOperand(flag, flagType), ...defaultOperands, ...caseOperands);
  state.successors.push(...successors);
  if (values.length > 0) state.attributes.set(CASE_VALUES, caseValuesAttr(flagType, values));
  state.attributes.set(CASE_OPERAND_SEGMENTS, DenseArrayAttr.get(i32, segments));
  state.attributes.set(OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(i32, [1, defaultOperands.length, caseOperands.length]));
}

export const switchAsm: OpAsmHooks = { print: printSwitch, parse: parseSwitch };
