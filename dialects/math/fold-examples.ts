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

/**
 * Dense operands (vectors and tensors of constants, splat or not: the constant hole of a shaped type), for the
 * folds' elementwise code on them; one op per example, picked among its kind.
 */
const denseFloatUnary: RewriteExample = {
  ir: `%c = arith.constant ?c : $V\n  %r = math.?{${FLOAT_UNARY.join("|")}} %c : $V`,
  types: { V: ["vector<3xf32>", "tensor<2xf64>", "vector<2xf16>", "tensor<3xbf16>"] },
};
const denseFloatBinary: RewriteExample = {
  ir: "%a = arith.constant ?a : $V\n  %b = arith.constant ?b : $V\n  %r = math.?{atan2|copysign|powf} %a, %b : $V",
  types: { V: ["vector<3xf32>", "tensor<2xf64>", "vector<2xf16>"] },
};
const denseIntUnary: RewriteExample = {
  ir: "%c = arith.constant ?c : $V\n  %r = math.?{absi|ctlz|cttz|ctpop} %c : $V\n  %e = arith.constant dense<?{[0, 1, 2]|3|[2, -1, 0]}> : $V\n  %p = math.ipowi %c, %e : $V",
  types: { V: ["vector<3xi8>", "tensor<3xi32>", "vector<3xi64>", "vector<3xindex>"] },
};
/**
 * pow's special cases (glibc's, not JS's Math.pow): a zero or infinite base, negative or not, raised to odd and
 * even integers and non-integers of either sign, in f32 and f64.
 */
const powSpecialCases: RewriteExample = [
  "%a = arith.constant ?{0x80000000|0xFF800000|0x00000000|0x7F800000|0xC0000000|0xBF000000|0x7FC00000|1.0} : f32",
  "  %b = arith.constant ?{3.0|-3.0|1.0|-1.0|2.0|-2.0|0.5|-0.5|0.0|-0.0|0x7F800000|0xFF800000|0x7FC00000} : f32",
  "  %r = math.powf %a, %b : f32",
  "  %c = arith.constant ?{0x8000000000000000|0xFFF0000000000000|0xC000000000000000} : f64",
  "  %d = arith.constant ?{3.0|-3.0|2.0|0.5|-1.0} : f64",
  "  %s = math.powf %c, %d : f64",
].join("\n");

/**
 * What the logarithms and sqrt refuse (a sign bit set: negative numbers, -0.0, -inf, negative NaNs; log1p
 * below -1) next to what they fold, in f32 and f64 (hex bit patterns are per width).
 */
const logEdgeCases: RewriteExample = [
  "%a = arith.constant ?{0xFFC00000|0x7FC00000|0xFF800000|0x80000000|0x00000000|-2.0|-1.0|-0.5|0.5|2.0} : f32",
  "  %r = math.?{log|log2|log10|log1p|sqrt} %a : f32",
  "  %b = arith.constant ?{0xFFF8000000000000|0x7FF8000000000000|0xFFF0000000000000|0x8000000000000000|-1.5|-1.0|-0.5|3.0} : f64",
  "  %s = math.?{log|log2|log10|log1p|sqrt} %b : f64",
].join("\n");

export const mathFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  ...Object.fromEntries(FLOAT_UNARY.map((op) => [`math.${op}`, [floatUnary(`math.${op}`)]])),
  "math.absf": [floatUnary("math.absf"), denseFloatUnary],
  "math.log1p": [floatUnary("math.log1p"), logEdgeCases],
  "math.atan2": [floatBinary("math.atan2"), denseFloatBinary],
  "math.copysign": [floatBinary("math.copysign")],
  "math.powf": [floatBinary("math.powf"), powSpecialCases],
  "math.absi": [intUnary("math.absi"), denseIntUnary],
  "math.ctlz": [intUnary("math.ctlz")],
  "math.cttz": [intUnary("math.cttz")],
  "math.ctpop": [intUnary("math.ctpop")],
  "math.ipowi": [
    { ir: `%a = arith.constant ${INT_CONSTANT} : $T\n  %b = arith.constant ?{?j|0|1|2|3|-1|-2} : $T\n  %r = math.ipowi %a, %b : $T`, types: { T: ["i8", "i16", "i32", "i64"] } },
  ],
};
