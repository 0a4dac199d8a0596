/**
 * Examples of the IR math's folders rewrite (dialects/math/fold.ts), by op name, for property tests (the
 * hole syntax is in rewrites/testing/examples.ts). math's folders fold constants only, so each example is the
 * op on a constant: a random bit pattern (NaNs, infinities, subnormals and signed zeros are likely) or a value
 * where the function is exact or changes behaviour (0, 1, -1, 0.5, 2, halves for the roundings).
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";

const FLOAT_CONSTANT = "?{?k|?k|0.0|-0.0|1.0|-1.0|0.5|-0.5|1.5|2.5|-2.5|2.0|10.0|100.0}";
const INT_CONSTANT = "?{?k|0|1|-1|2|3|-2}";

const floatUnary = (op: string): RewriteExample => `%c = arith.constant ${FLOAT_CONSTANT} : $F\n  %r = ${op} %c : $F`;
const floatBinary = (op: string): RewriteExample =>
  `%a = arith.constant ${FLOAT_CONSTANT} : $F\n  %b = arith.constant ?{?j|?j|0.0|-0.0|1.0|-1.0|0.5|2.0|3.0|-3.0} : $F\n  %r = ${op} %a, %b : $F`;
const intUnary = (op: string): RewriteExample => ({ ir: `%c = arith.constant ${INT_CONSTANT} : $T\n  %r = ${op} %c : $T`, types: { T: ["i1", "i8", "i16", "i32", "i64"] } });

const FLOAT_UNARY = [
  "absf", "atan", "ceil", "cos", "erf", "exp", "exp2", "expm1", "floor", "log", "log10", "log1p", "log2", "round", "roundeven",
  "sin", "sqrt", "tan", "tanh", "trunc",
];

export const mathFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  ...Object.fromEntries(FLOAT_UNARY.map((op) => [`math.${op}`, [floatUnary(`math.${op}`)]])),
  "math.atan2": [floatBinary("math.atan2")],
  "math.copysign": [floatBinary("math.copysign")],
  "math.powf": [floatBinary("math.powf")],
  "math.absi": [intUnary("math.absi")],
  "math.ctlz": [intUnary("math.ctlz")],
  "math.cttz": [intUnary("math.cttz")],
  "math.ctpop": [intUnary("math.ctpop")],
  "math.ipowi": [
    { ir: `%a = arith.constant ${INT_CONSTANT} : $T\n  %b = arith.constant ?{?j|0|1|2|3|-1|-2} : $T\n  %r = math.ipowi %a, %b : $T`, types: { T: ["i8", "i16", "i32", "i64"] } },
  ],
};
