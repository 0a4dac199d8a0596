/**
 * `custom<DynamicIndexList>($values, $static_values)`: MLIR 16's list of mixed static and dynamic indices, as
 * memref.subview, memref.reinterpret_cast and tensor.extract_slice spell their offsets, sizes and strides.
 *
 *   memref.subview %m[%i, 2] [4, %n] [1, 1] : ...        static_offsets = array<i64: -9223372036854775808, 2>
 *
 * The static list (a `DenseI64ArrayAttr`) holds one entry per index: a number, or DYNAMIC where the next SSA value
 * of `$values` stands instead. The printer walks the static list and prints a value for each DYNAMIC entry; the
 * parser reads `%operand` or an integer per entry.
 */
import { DenseArrayAttr, i64Array } from "../ir/attributes.ts";
import { DYNAMIC } from "../ir/types.ts";
import type { OpAsmParser, UnresolvedOperand } from "../text/asm-interfaces.ts";
import { customDirective } from "./format-directives.ts";

/** The entries of a static index list attribute (empty when the attribute is missing or of the wrong kind). */
export const staticIndices = (a: unknown): number[] => (a instanceof DenseArrayAttr ? a.numbers : []);

/** Reads `[%a, 4, %b]` (brackets included): the dynamic values and the static entries (DYNAMIC for each value). */
export function parseDynamicIndexList(p: OpAsmParser): { values: UnresolvedOperand[]; statics: number[] } {
  const values: UnresolvedOperand[] = [];
  const statics: number[] = [];
  p.parseCommaSeparatedList("[]", () => {
    const operand = p.parseOptionalOperand();
    if (operand !== undefined) {
      values.push(operand);
      statics.push(DYNAMIC);
      return;
    }
    const n = p.parseOptionalInteger();
    if (n === undefined) p.error("expected integer value");
    statics.push(Number(n));
  });
  return { values, statics };
}

export const DynamicIndexList = customDirective({
  params: { values: "operands", statics: "attr" },
  print(p, _op, { values, statics }) {
    let next = 0;
    const parts = staticIndices(statics).map((n) => (n === DYNAMIC ? values[next++] : n));
    p.print("[");
    parts.forEach((part, i) => {
      if (i > 0) p.print(", ");
      if (typeof part === "number") p.print(String(part));
      else if (part !== undefined) p.printOperand(part);
    });
    p.print("]");
  },
  parse(p) {
    const { values, statics } = parseDynamicIndexList(p);
    return { values, statics: i64Array(statics) };
  },
});
