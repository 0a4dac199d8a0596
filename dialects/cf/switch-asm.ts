/**
 * The custom form of `cf.switch`: MLIR 16's declarative format, `$flag : type($flag), [ \n ... ]`, around the
 * `custom<SwitchOpCases>` directive defined here:
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
import type { Block } from "../../src/ir/operation.ts";
import { IntegerType, i32, type Type, VectorType } from "../../src/ir/types.ts";
import { customDirective, ref } from "../../src/irdl/format-directives.ts";
import type { OpAsmParser, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";

/** Case value `i` as an unsigned integer of the flag's width. */
function caseValueText(values: DenseElementsAttr, i: number): string {
  const width = values.type.elementType instanceof IntegerType ? values.type.elementType.width : 64;
  return BigInt.asUintN(Math.min(width, 64), BigInt(values.at(i))).toString();
}

/** `^bb1` or `^bb1(%a, %b : i32, i32)`, with the operands unresolved. */
function parseSuccessorWithOperands(p: OpAsmParser): { dest: Block; operands: UnresolvedOperand[]; types: Type[] } {
  const dest = p.parseSuccessor();
  if (!p.parseOptionalPunct("(")) return { dest, operands: [], types: [] };
  const operands = p.parseOperandList("none");
  p.parsePunct(":");
  const types = p.parseTypeList();
  p.parsePunct(")");
  return { dest, operands, types };
}

/**
 * MLIR 16's `custom<SwitchOpCases>`: `default: ^bb(...)` then one `value: ^bb(...)` line per case. The case
 * values take the flag's type (read earlier in the format, hence `ref`).
 */
export const SwitchOpCases = customDirective({
  params: {
    flagType: ref("type"),
    defaultDestination: "successor",
    defaultOperands: "operands",
    defaultOperandTypes: "types",
    caseValues: "attr",
    caseDestinations: "successors",
    caseOperands: "operands",
    caseOperandTypes: "types",
    caseOperandSegments: "attr",
  },
  print(p, _op, a) {
    p.print("  default: ");
    p.printSuccessorAndUseList(a.defaultDestination, a.defaultOperands);
    const values = a.caseValues;
    if (!(values instanceof DenseElementsAttr)) return;
    const segments = a.caseOperandSegments instanceof DenseArrayAttr ? a.caseOperandSegments.numbers : [];
    let start = 0;
    a.caseDestinations.forEach((dest, i) => {
      const n = segments[i] ?? 0;
      p.print(",");
      p.printNewline();
      p.print(`  ${caseValueText(values, i)}: `);
      p.printSuccessorAndUseList(dest, a.caseOperands.slice(start, start + n));
      start += n;
    });
    p.printNewline();
  },
  parse(p, { flagType }) {
    if (!(flagType instanceof IntegerType)) return p.error("invalid kind of type specified");
    p.parseKeyword("default");
    p.parsePunct(":");
    const dflt = parseSuccessorWithOperands(p);
    const values: bigint[] = [];
    const caseDestinations: Block[] = [];
    const caseOperands: UnresolvedOperand[] = [];
    const caseOperandTypes: Type[] = [];
    const segments: number[] = [];
    while (p.parseOptionalPunct(",")) {
      values.push(p.parseInteger());
      p.parsePunct(":");
      const c = parseSuccessorWithOperands(p);
      caseDestinations.push(c.dest);
      caseOperands.push(...c.operands);
      caseOperandTypes.push(...c.types);
      segments.push(c.operands.length);
    }
    return {
      defaultDestination: dflt.dest,
      defaultOperands: dflt.operands,
      defaultOperandTypes: dflt.types,
      caseValues: values.length > 0 ? caseValuesAttr(flagType, values) : undefined,
      caseDestinations,
      caseOperands,
      caseOperandTypes,
      caseOperandSegments: DenseArrayAttr.get(i32, segments),
    };
  },
});

/** MLIR 16's SwitchOp assemblyFormat. */
export const SWITCH_FORMAT =
  "$flag `:` type($flag) `,` `[` `\\n` custom<SwitchOpCases>(ref(type($flag)), $defaultDestination, $defaultOperands, " +
  "type($defaultOperands), $case_values, $caseDestinations, $caseOperands, type($caseOperands), $case_operand_segments) `]` attr-dict";

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

