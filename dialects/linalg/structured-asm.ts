/**
 * The syntax every structured op shares (MLIR 16's parseCommonStructuredOpParts / printCommonStructuredOpParts):
 *
 *   {attr-dict}? ins(%a, %b : tensor<4x8xf32>, tensor<8xf32>)? outs(%c : tensor<4xf32>)?
 *
 * and the pieces the ops' hand-written forms are made of: results as an arrow type list, `dimensions = [1, 2]`.
 */
import { type Attribute, DenseArrayAttr } from "../../src/ir/attributes.ts";
import { i32, i64, RankedTensorType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState } from "../../src/text/asm-interfaces.ts";

export const OPERAND_SEGMENT_SIZES = "operand_segment_sizes";

export interface InsOuts {
  readonly inputs: Value[];
  readonly outputs: Value[];
  readonly inputTypes: Type[];
  readonly outputTypes: Type[];
}

/**
 * `{attrs}? ins(...)? outs(...)?` into `state`: the attributes, then the operands (inputs first); with
 * `segments`, the `operand_segment_sizes` of the two groups.
 */
export function parseInsOuts(p: OpAsmParser, state: OperationState, segments: boolean): InsOuts {
  p.parseOptionalAttrDict(state.attributes);
  const group = (keyword: string): { values: Value[]; types: Type[] } => {
    if (p.parseOptionalKeyword(keyword) === undefined) return { values: [], types: [] };
    p.parsePunct("(");
    const at = p.pos();
    const operands = p.parseOperandList("none");
    const types = p.parseColonTypeList();
    p.parsePunct(")");
    return { values: p.resolveOperands(operands, types, at), types };
  };
  const ins = group("ins");
  const outs = group("outs");
  state.operands.push(...ins.values, ...outs.values);
  if (segments) state.attributes.set(OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(i32, [ins.values.length, outs.values.length]));
  return { inputs: ins.values, outputs: outs.values, inputTypes: ins.types, outputTypes: outs.types };
}

/** ` ins(%a : t)` and ` outs(%c : t)`, each only when it has operands. */
export function printInsOuts(p: OpAsmPrinter, inputs: readonly Value[], outputs: readonly Value[]): void {
  for (const [keyword, values] of [["ins", inputs], ["outs", outputs]] as const) {
    if (values.length === 0) continue;
    p.print(` ${keyword}(`);
    p.printOperands(values);
    p.print(" : ");
    p.printTypes(values.map((v) => v.type));
    p.print(")");
  }
}

/** The result types of a destination-style op: its ranked tensor inits' types. */
export const tensorResultTypes = (outputTypes: readonly Type[]): Type[] => outputTypes.filter((t) => t instanceof RankedTensorType);

/** ` name = [1, 2] ` (MLIR 16's printDenseI64ArrayAttr, trailing space included). */
export function printDenseI64List(p: OpAsmPrinter, name: string, attr: Attribute | undefined): void {
  const values = attr instanceof DenseArrayAttr ? attr.numbers : [];
  p.print(` ${name} = [${values.join(", ")}] `);
}

/** `name = [1, 2]` into `state` as an `array<i64: ...>` (MLIR 16's parseDenseI64ArrayAttr). */
export function parseDenseI64List(p: OpAsmParser, state: OperationState, name: string): void {
  p.parseKeyword(name);
  p.parsePunct("=");
  const values: bigint[] = [];
  p.parseCommaSeparatedList("[]", () => values.push(p.parseInteger()));
  state.attributes.set(name, DenseArrayAttr.get(i64, values));
}
