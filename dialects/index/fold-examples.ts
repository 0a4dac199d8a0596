/**
 * Examples of the IR the index folders rewrite (dialects/index/fold.ts), by op name, for property tests (the
 * hole syntax is in rewrites/testing/examples.ts). The folders fold constants only, so each example is the op
 * on two constants, with values likely where 32- and 64-bit arithmetic part ways (bits above 31 set, 2^31,
 * -2^31 - 1, shift amounts around 32), next to small ones that fold. Constants are in generic form, which
 * takes a typed attribute hole.
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";
import { type IndexBinaryMnemonic, indexCalculations } from "./fold.ts";

/** Values whose low and high halves matter, and small ones. */
const VALUES = "0|1|-1|2|3|-7|7|31|32|33|40|63|64|2147483647|2147483648|-2147483648|-2147483649|4294967295|4294967296|4294967298|8589934594|34359738376";

const constant = (name: string, hole: string): string => constantOf(name, `${hole}|${VALUES}`);

/** Shift amounts: in range at 64 bits (a larger one is undefined behaviour, and the program is skipped). */
const AMOUNTS = "0|1|2|5|31|32|33|40|63";
/** Divisors: rarely zero (a zero one is undefined behaviour, and the program is skipped), often zero in the low half. */
const DIVISORS = "1|-1|2|3|-2|7|-7|4294967296|4294967298|-4294967296|2147483648|4294967295";

const constantOf = (name: string, values: string): string => `%${name} = "index.constant"() {value = ?{${values}} : index} : () -> index`;
const SHIFTS: ReadonlySet<string> = new Set(["shl", "shrs", "shru"]);
const DIVISIONS: ReadonlySet<string> = new Set(["divs", "divu", "ceildivs", "ceildivu", "floordivs", "rems", "remu"]);

const binary = (op: IndexBinaryMnemonic): RewriteExample => {
  const rhs = SHIFTS.has(op) ? constantOf("b", AMOUNTS) : DIVISIONS.has(op) ? constantOf("b", DIVISORS) : constant("b", "?b");
  return `${constant("a", "?a")}\n  ${rhs}\n  %r = index.${op} %a, %b`;
};

const compare: RewriteExample = `${constant("a", "?a")}\n  ${constant("b", "?b")}\n  %r = index.cmp ?{eq|ne|slt|sle|sgt|sge|ult|ule|ugt|uge}(%a, %b)`;

export const indexFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  ...Object.fromEntries((Object.keys(indexCalculations) as IndexBinaryMnemonic[]).map((op) => [`index.${op}`, [binary(op)]])),
  "index.cmp": [compare],
};
