/**
 * Examples of the IR arith's folders rewrite (dialects/arith/fold.ts), by op name, for property tests: the
 * program generator grows random programs around them (rewrites/testing/examples.ts has the hole syntax) so
 * that each folder's identities fire, not only its constant folding (which the generator exercises by giving
 * each folding op constant operands). Every identity of a fold hook has an example here.
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";

/** An integer constant: an identity element or a random one. */
const INT_CONSTANT = "?{0|1|-1|?k}";

/** `op(x, c)`, `op(c, x)`, `op(x, y)` and `op(x, x)` for a binary integer op (c an identity constant or random). */
const intBinary = (op: string): RewriteExample =>
  `^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %r = arith.${op} %?{x|x|c}, %?{c|c|y|x} : $T`;

/**
 * The same for a division or remainder, whose divisor is never the constant 0: a program dividing by zero has
 * undefined behaviour and is skipped, so it would test nothing.
 */
const division = (op: string): RewriteExample =>
  `^bb0(%x: $T, %y: $T):\n  %c = arith.constant ?{1|1|-1|?k} : $T\n  %r = arith.${op} %?{x|x|c}, %?{c|c|c|y} : $T`;

/** `op(x, c)` etc. for a binary float op, with c among the identities (+-0, 1, +-inf by a random pattern). */
const floatBinary = (op: string): RewriteExample =>
  `^bb0(%x: $F, %y: $F):\n  %c = arith.constant ?{0.0|-0.0|1.0|-1.0|?k} : $F\n  %r = arith.${op} %?{x|x|c}, %?{c|c|y|x} : $F`;

/** `op(x, c)` with c an infinity, a NaN or -0.0 (bit patterns, so f32 and f64 only): maxf(x, -inf) -> x... */
const infinities = (op: string): RewriteExample => ({
  ir: `^bb0(%x: $F):\n  %c = arith.constant ?{0x7F800000|0xFF800000|0x7FC00000|0x80000000} : f32\n  %d = arith.constant ?{0x7FF0000000000000|0xFFF0000000000000} : f64\n  %e = arith.extf %x : $F to f64\n  %r = arith.${op} %?{x|c}, %?{c|x} : f32\n  %s = arith.${op} %e, %d : f64`,
  types: { F: ["f32"] },
});

const SIGNLESS = ["i1", "i8", "i16", "i32", "i64"];

/**
 * max/min against the bounds that absorb or are neutral (max(x, INT_MAX) -> INT_MAX, min(x, 0) unsigned ->
 * 0, ...) and their neighbours, at each width: the bounds are width-specific literals a random constant
 * rarely hits.
 */
const minMaxBounds: RewriteExample = [
  "^bb0(%a: i8, %b: i16, %c: i32, %d: i64):",
  "  %k8 = arith.constant ?{127|-128|0|-1|126|-127|1} : i8",
  "  %r8 = arith.?{maxsi|minsi|maxui|minui} %a, %k8 : i8",
  "  %k16 = arith.constant ?{32767|-32768|0|-1|32766} : i16",
  "  %r16 = arith.?{maxsi|minsi|maxui|minui} %b, %k16 : i16",
  "  %k32 = arith.constant ?{2147483647|-2147483648|0|-1|2147483646} : i32",
  "  %r32 = arith.?{maxsi|minsi|maxui|minui} %c, %k32 : i32",
  "  %k64 = arith.constant ?{9223372036854775807|-9223372036854775808|0|-1|-9223372036854775807} : i64",
  "  %r64 = arith.?{maxsi|minsi|maxui|minui} %d, %k64 : i64",
].join("\n");

/**
 * `op(x, c)` and `op(k, c)` for a shift: shifting by 0 is the identity; the amount is a constant among small
 * ones, because a shift by the bit width or more (what most random amounts are) is undefined behaviour, and
 * a program with undefined behaviour is skipped (so: no i1, where shifting by 1 is one).
 */
const shift = (op: string): RewriteExample => ({
  ir: `^bb0(%x: $T):\n  %k = arith.constant ?k : $T\n  %c = arith.constant ?{0|0|1|3|7} : $T\n  %r = arith.${op} %?{x|k}, %c : $T`,
  types: { T: ["i8", "i16", "i32", "i64"] },
});

/**
 * Dense operands (vectors and tensors, splat or not: the constant hole of a shaped type), for the elementwise
 * folding every folder does on them: reading dense constants, broadcasting a splat against a list, building
 * the dense result. Their values are all constants (random inputs are scalars). Divisors and shift amounts
 * are picked among values that are defined, as a program with undefined behaviour is skipped.
 */
const DENSE_INT = ["vector<3xi8>", "tensor<2xi16>", "vector<2xi32>", "tensor<3xi64>", "vector<4xi1>", "vector<2xindex>"];
const DENSE_FLOAT = ["vector<3xf16>", "tensor<2xbf16>", "vector<2xf32>", "tensor<3xf64>"];
const denseConstants = (type: string): string => `%a = arith.constant ?a : ${type}\n  %b = arith.constant ?b : ${type}`;
const dense = {
  intBinary: { ir: `${denseConstants("$V")}\n  %r = arith.?{addi|subi|muli|andi|ori|xori|maxsi|maxui|minsi|minui} %?{a|b}, %?{b|a} : $V`, types: { V: DENSE_INT } },
  shift: {
    ir: "%a = arith.constant ?a : vector<3x$T>\n  %b = arith.constant dense<?{[1, 0, 3]|[2, 7, 1]|1|5}> : vector<3x$T>\n  %r = arith.?{shli|shrui|shrsi} %a, %b : vector<3x$T>",
    types: { T: ["i8", "i16", "i32", "i64"] },
  },
  division: {
    ir: "%a = arith.constant ?a : vector<3x$T>\n  %b = arith.constant dense<?{[1, 3, 7]|[2, 5, -7]|3|-3}> : vector<3x$T>\n  %r = arith.?{divui|divsi|ceildivui|ceildivsi|floordivsi|remui|remsi} %a, %b : vector<3x$T>",
    types: { T: ["i8", "i16", "i32", "i64"] },
  },
  cmpi: { ir: `${denseConstants("$V")}\n  %r = arith.cmpi ?{eq|ne|slt|sle|sgt|sge|ult|ule|ugt|uge}, %a, %b : $V`, types: { V: DENSE_INT } },
  extended: {
    ir: `${denseConstants("vector<2x$T>")}\n  %s, %o = arith.addui_extended %a, %b : vector<2x$T>, vector<2xi1>\n  %l, %h = arith.?{mulsi_extended|mului_extended} %a, %b : vector<2x$T>`,
    types: { T: ["i8", "i32", "i64"] },
  },
  floatBinary: { ir: `${denseConstants("$V")}\n  %r = arith.?{addf|subf|mulf|divf|remf|maxf|minf} %?{a|b}, %?{b|a} : $V\n  %n = arith.negf %a : $V`, types: { V: DENSE_FLOAT } },
  cmpf: { ir: `${denseConstants("$V")}\n  %r = arith.cmpf ?{oeq|ogt|oge|olt|ole|one|ord|ueq|ugt|uge|ult|ule|une|uno}, %a, %b : $V`, types: { V: DENSE_FLOAT } },
  // A vector condition choosing between constant vectors element by element; a constant scalar condition.
  select: {
    ir: "%c = arith.constant ?c : vector<3xi1>\n  %k = arith.constant ?{true|false}\n  %a = arith.constant ?a : vector<3x$T>\n  %b = arith.constant ?b : vector<3x$T>\n  %r = arith.select %c, %a, %b : vector<3xi1>, vector<3x$T>\n  %s = arith.select %k, %a, %b : vector<3x$T>",
    types: { T: ["i8", "i32", "i64", "f16", "f32", "f64"] },
  },
  extTrunc: {
    ir: "%a = arith.constant ?a : vector<3x$N>\n  %e = arith.?{extui|extsi} %a : vector<3x$N> to vector<3x$W>\n  %t = arith.trunci %e : vector<3x$W> to vector<3x$M>",
    types: { N: ["i1", "i8", "i16"], W: ["i32", "i64"], M: ["i1", "i8", "i16"] },
  },
  indexCast: {
    ir: "%a = arith.constant ?a : tensor<2x$N>\n  %i = arith.?{index_cast|index_castui} %a : tensor<2x$N> to tensor<2xindex>\n  %r = arith.?{index_cast|index_castui} %i : tensor<2xindex> to tensor<2x$M>",
    types: { N: SIGNLESS, M: SIGNLESS },
  },
  intToFloat: { ir: "%a = arith.constant ?a : vector<3x$N>\n  %r = arith.?{sitofp|uitofp} %a : vector<3x$N> to vector<3x$F>", types: { N: SIGNLESS, F: ["f16", "bf16", "f32", "f64"] } },
  fpToSi: {
    ir: "%a = arith.constant dense<?{[1.0, -1.0, 0.5]|[127.0, -0.5, 3.0]|[-128.0, 2.5, 0.0]|-2.0}> : vector<3x$F>\n  %r = arith.fptosi %a : vector<3x$F> to vector<3x$N>",
    types: { F: ["f16", "f32", "f64"], N: ["i8", "i16", "i32", "i64"] },
  },
  fpToUi: {
    ir: "%a = arith.constant dense<?{[1.0, 255.0, 0.5]|[127.0, 0.0, 3.5]|2.0}> : vector<3x$F>\n  %r = arith.fptoui %a : vector<3x$F> to vector<3x$N>",
    types: { F: ["f16", "f32", "f64"], N: ["i8", "i16", "i32", "i64"] },
  },
  extTruncF: {
    // truncf folds an exact value (extf's result, or a wide constant that happens to be exact) and no other.
    ir: "%a = arith.constant ?a : vector<3x$F>\n  %e = arith.extf %a : vector<3x$F> to vector<3x$G>\n  %t = arith.truncf %e : vector<3x$G> to vector<3x$F>\n  %w = arith.constant ?{?w|dense<[1.0, 0.5, -2.0]>|dense<-0.0>} : vector<3x$G>\n  %u = arith.truncf %w : vector<3x$G> to vector<3x$F>",
    types: { F: ["f16", "bf16"], G: ["f32", "f64"] },
  },
  bitcast: {
    ir: "%a = arith.constant ?a : vector<2x$F>\n  %i = arith.bitcast %a : vector<2x$F> to vector<2x$I>\n  %b = arith.constant ?b : vector<2x$I>\n  %r = arith.bitcast %b : vector<2x$I> to vector<2x$F>",
    types: { F: ["f16", "f32", "f64"], I: ["i16", "i32", "i64"] },
  },
} satisfies Record<string, RewriteExample>;

export const arithFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  "arith.addi": [
    intBinary("addi"),
    // addi(subi(x, y), y) -> x, either way round; and what it must not fold: subi(x, y) + x, z + subi(x, y).
    "^bb0(%x: $T, %y: $T, %z: $T):\n  %s = arith.subi %x, %y : $T\n  %r = arith.addi %?{s|y|s|z}, %?{y|s|x|s} : $T",
  ],
  "arith.subi": [
    intBinary("subi"),
    // subi(addi(x, y), y) -> x and subi(addi(x, y), x) -> y; not addi(x, y) - z, nor x - addi(x, y).
    "^bb0(%x: $T, %y: $T, %z: $T):\n  %a = arith.addi %x, %y : $T\n  %r = arith.subi %?{a|a|a|x|y}, %?{x|y|z|a|a} : $T",
  ],
  "arith.muli": [intBinary("muli"), dense.intBinary],
  "arith.divui": [division("divui"), dense.division],
  "arith.divsi": [division("divsi")],
  "arith.ceildivui": [division("ceildivui")],
  "arith.ceildivsi": [division("ceildivsi")],
  "arith.floordivsi": [division("floordivsi")],
  "arith.remui": [division("remui")],
  "arith.remsi": [division("remsi")],
  "arith.andi": [
    intBinary("andi"),
    // andi(x, not x) -> 0 (not andi(x, xori(x, k)) for k other than -1, nor andi(x, not y));
    // andi(andi(x, y), y) -> andi(x, y) (not with a z).
    "^bb0(%x: $T, %y: $T):\n  %m = arith.constant ?{-1|-1|?k} : $T\n  %n = arith.xori %?{x|x|y}, %m : $T\n  %r = arith.andi %?{x|n}, %?{n|x} : $T",
    "^bb0(%x: $T, %y: $T, %z: $T):\n  %a = arith.andi %x, %y : $T\n  %r = arith.andi %?{a|y|x|z}, %?{y|a|a|a} : $T",
  ],
  "arith.ori": [intBinary("ori")],
  "arith.xori": [
    intBinary("xori"),
    // xori(xori(x, y), y) -> x, in all four arrangements (and xori(xori(x, y), z), which stays).
    "^bb0(%x: $T, %y: $T, %z: $T):\n  %a = arith.xori %x, %y : $T\n  %r = arith.xori %?{a|y|x|z|a}, %?{y|a|a|a|z} : $T",
  ],
  "arith.shli": [shift("shli"), dense.shift],
  "arith.shrui": [shift("shrui")],
  "arith.shrsi": [shift("shrsi")],
  "arith.maxsi": [intBinary("maxsi"), minMaxBounds],
  "arith.maxui": [intBinary("maxui")],
  "arith.minsi": [intBinary("minsi")],
  "arith.minui": [intBinary("minui")],
  "arith.addui_extended": [
    dense.extended,
    `^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %s, %o = arith.addui_extended %?{x|c}, %?{c|y} : $T, i1`,
  ],
  "arith.mulsi_extended": [`^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %l, %h = arith.mulsi_extended %?{x|c}, %?{c|y} : $T`],
  "arith.mului_extended": [`^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %l, %h = arith.mului_extended %?{x|c}, %?{c|y} : $T`],
  "arith.negf": ["^bb0(%x: $F):\n  %n = arith.negf %x : $F\n  %r = arith.negf %n : $F"],
  "arith.addf": [floatBinary("addf")],
  "arith.subf": [floatBinary("subf")],
  "arith.mulf": [floatBinary("mulf"), dense.floatBinary],
  "arith.divf": [floatBinary("divf")],
  "arith.remf": [floatBinary("remf")],
  "arith.maxf": [floatBinary("maxf"), infinities("maxf")],
  "arith.minf": [floatBinary("minf"), infinities("minf")],
  // Extension chains: ext(ext(x)) -> one extension; trunci(ext(x)) -> x, a shorter ext or a trunci; trunci(trunci(x)).
  "arith.extui": [dense.extTrunc, { ir: "^bb0(%x: $N):\n  %e = arith.extui %x : $N to $M\n  %r = arith.?{extui|extsi} %e : $M to $W", types: { N: ["i1", "i8"], M: ["i16", "i32"], W: ["i32", "i64"] } }],
  "arith.extsi": [{ ir: "^bb0(%x: $N):\n  %e = arith.?{extsi|extsi|extui} %x : $N to $M\n  %r = arith.extsi %e : $M to $W", types: { N: ["i1", "i8"], M: ["i16", "i32"], W: ["i32", "i64"] } }],
  "arith.trunci": [
    { ir: "^bb0(%x: $N):\n  %e = arith.?{extui|extsi} %x : $N to $W\n  %r = arith.trunci %e : $W to $M", types: { N: ["i1", "i8", "i16"], M: ["i1", "i8", "i16"], W: ["i32", "i64"] } },
    { ir: "^bb0(%x: $W):\n  %t = arith.trunci %x : $W to $M\n  %r = arith.trunci %t : $M to $N", types: { W: ["i64", "i32"], M: ["i16", "i32"], N: ["i1", "i8"] } },
  ],
  "arith.index_cast": [dense.indexCast, { ir: "^bb0(%x: $N):\n  %c = arith.constant ?k : $N\n  %r = arith.index_cast %?{x|c} : $N to index", types: { N: SIGNLESS } }],
  "arith.index_castui": [{ ir: "^bb0(%x: $N):\n  %c = arith.constant ?k : $N\n  %r = arith.index_castui %?{x|c} : $N to index", types: { N: SIGNLESS } }],
  "arith.extf": [dense.extTruncF, { ir: "^bb0(%x: $F):\n  %c = arith.constant ?k : $F\n  %r = arith.extf %?{c|x} : $F to $G", types: { F: ["f16", "f32"], G: ["f32", "f64"] } }],
  "arith.truncf": [{ ir: "^bb0(%x: $F):\n  %c = arith.constant ?k : $F\n  %r = arith.truncf %?{c|x} : $F to $G", types: { F: ["f64", "f32"], G: ["f16", "f32"] } }],
  "arith.sitofp": [dense.intToFloat, { ir: "^bb0(%x: $N):\n  %c = arith.constant ?k : $N\n  %r = arith.sitofp %?{c|x} : $N to $F", types: { N: SIGNLESS } }],
  "arith.uitofp": [{ ir: "^bb0(%x: $N):\n  %c = arith.constant ?k : $N\n  %r = arith.uitofp %?{c|x} : $N to $F", types: { N: SIGNLESS } }],
  "arith.fptosi": [dense.fpToSi, { ir: "%c = arith.constant ?{1.0|-1.0|0.5|-0.5|0.0|-0.0|2.5|-2.5|127.0|-128.0|127.5|-128.5} : $F\n  %r = arith.fptosi %c : $F to $N", types: { N: ["i8", "i16", "i32", "i64"] } }],
  "arith.fptoui": [dense.fpToUi, { ir: "%c = arith.constant ?{1.0|0.5|-0.5|0.0|-0.0|2.5|127.0|128.0|255.0|255.5} : $F\n  %r = arith.fptoui %c : $F to $N", types: { N: ["i8", "i16", "i32", "i64"] } }],
  "arith.bitcast": [
    dense.bitcast,
    { ir: "^bb0(%x: $F):\n  %c = arith.constant ?k : $F\n  %r = arith.bitcast %?{c|x} : $F to $I", types: { F: ["f16", "f32", "f64"], I: ["i16", "i32", "i64"] } },
    { ir: "^bb0(%x: $I):\n  %c = arith.constant ?k : $I\n  %r = arith.bitcast %?{c|x} : $I to $F", types: { F: ["f16", "f32", "f64"], I: ["i16", "i32", "i64"] } },
  ],
  "arith.cmpi": [
    dense.cmpi,
    `^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %r = arith.cmpi ?{eq|ne|slt|sle|sgt|sge|ult|ule|ugt|uge}, %?{x|c|x}, %?{c|y|x} : $T`,
    // A constant on the left moves right, with the mirrored predicate (slt <-> sgt, ...): every predicate.
    `^bb0(%x: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %r = arith.cmpi ?{eq|ne|slt|sle|sgt|sge|ult|ule|ugt|uge}, %c, %x : $T`,
    // cmpi(ne, ext(b), 0) -> b for an i1 b (not for eq, another constant, or a wider b).
    { ir: "^bb0(%b: $N):\n  %e = arith.?{extui|extsi} %b : $N to $W\n  %z = arith.constant ?{0|0|1} : $W\n  %r = arith.cmpi ?{ne|ne|eq}, %e, %z : $W", types: { N: ["i1", "i1", "i8"], W: ["i16", "i32", "i64"] } },
  ],
  "arith.cmpf": [
    dense.cmpf,
    "^bb0(%x: $F, %y: $F):\n  %c = arith.constant ?{?k|0.0|-0.0|1.0} : $F\n  %r = arith.cmpf ?{false|oeq|ogt|oge|olt|ole|one|ord|ueq|ugt|uge|ult|ule|une|uno|true}, %?{x|c}, %?{c|y|x} : $F",
  ],
  "arith.select": [
    dense.select,
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %k = arith.constant ?{true|false}\n  %r = arith.select %?{c|k}, %x, %?{y|x} : $T",
    // select(c, true, false) -> c (not select(c, false, true)); select(cmpi(eq|ne, x, y), x, y) -> y or x (not
    // for another predicate, nor another value z).
    "^bb0(%c: i1):\n  %t = arith.constant ?{true|true|false}\n  %f = arith.constant ?{false|false|true}\n  %r = arith.select %c, %t, %f : i1",
    "^bb0(%x: $T, %y: $T, %z: $T):\n  %p = arith.cmpi ?{eq|ne|eq|ne|slt}, %x, %?{y|y|y|z} : $T\n  %r = arith.select %p, %?{x|y|x|z}, %?{y|x|y} : $T",
  ],
};
