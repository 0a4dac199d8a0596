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
const intBinary = (op: string, types?: readonly string[]): RewriteExample => ({
  ir: `^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %r = arith.${op} %?{x|x|c}, %?{c|c|y|x} : $T`,
  ...(types === undefined ? {} : { types: { T: types } }),
});

/**
 * The same for a division or remainder, whose divisor is never the constant 0: a program dividing by zero has
 * undefined behaviour and is skipped, so it would test nothing.
 */
const division = (op: string): RewriteExample =>
  `^bb0(%x: $T, %y: $T):\n  %c = arith.constant ?{1|1|-1|?k} : $T\n  %r = arith.${op} %?{x|x|c}, %?{c|c|y} : $T`;

/** `op(x, c)` etc. for a binary float op, with c among the identities (+-0, 1, +-inf by a random pattern). */
const floatBinary = (op: string): RewriteExample =>
  `^bb0(%x: $F, %y: $F):\n  %c = arith.constant ?{0.0|-0.0|1.0|-1.0|?k} : $F\n  %r = arith.${op} %?{x|x|c}, %?{c|c|y|x} : $F`;

const SIGNLESS = ["i1", "i8", "i16", "i32", "i64"];

export const arithFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  "arith.addi": [
    intBinary("addi"),
    // addi(subi(x, y), y) -> x, either way round.
    "^bb0(%x: $T, %y: $T):\n  %s = arith.subi %x, %y : $T\n  %r = arith.addi %?{s|y}, %?{y|s} : $T",
  ],
  "arith.subi": [
    intBinary("subi"),
    // subi(addi(x, y), y) -> x and subi(addi(x, y), x) -> y.
    "^bb0(%x: $T, %y: $T):\n  %a = arith.addi %x, %y : $T\n  %r = arith.subi %a, %?{x|y} : $T",
  ],
  "arith.muli": [intBinary("muli")],
  "arith.divui": [division("divui")],
  "arith.divsi": [division("divsi")],
  "arith.ceildivui": [division("ceildivui")],
  "arith.ceildivsi": [division("ceildivsi")],
  "arith.floordivsi": [division("floordivsi")],
  "arith.remui": [division("remui")],
  "arith.remsi": [division("remsi")],
  "arith.andi": [
    intBinary("andi"),
    // andi(x, not x) -> 0; andi(andi(x, y), y) -> andi(x, y).
    "^bb0(%x: $T, %y: $T):\n  %m = arith.constant -1 : $T\n  %n = arith.xori %x, %m : $T\n  %r = arith.andi %?{x|n}, %?{n|x} : $T",
    "^bb0(%x: $T, %y: $T):\n  %a = arith.andi %x, %y : $T\n  %r = arith.andi %?{a|y|x}, %?{y|a|a} : $T",
  ],
  "arith.ori": [intBinary("ori")],
  "arith.xori": [
    intBinary("xori"),
    // xori(xori(x, y), y) -> x, in all four arrangements.
    "^bb0(%x: $T, %y: $T):\n  %a = arith.xori %x, %y : $T\n  %r = arith.xori %?{a|y|x}, %?{y|a|a} : $T",
  ],
  "arith.shli": [intBinary("shli", SIGNLESS)],
  "arith.shrui": [intBinary("shrui", SIGNLESS)],
  "arith.shrsi": [intBinary("shrsi", SIGNLESS)],
  "arith.maxsi": [intBinary("maxsi")],
  "arith.maxui": [intBinary("maxui")],
  "arith.minsi": [intBinary("minsi")],
  "arith.minui": [intBinary("minui")],
  "arith.addui_extended": [
    `^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %s, %o = arith.addui_extended %?{x|c}, %?{c|y} : $T, i1`,
  ],
  "arith.mulsi_extended": [`^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %l, %h = arith.mulsi_extended %?{x|c}, %?{c|y} : $T`],
  "arith.mului_extended": [`^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %l, %h = arith.mului_extended %?{x|c}, %?{c|y} : $T`],
  "arith.negf": ["^bb0(%x: $F):\n  %n = arith.negf %x : $F\n  %r = arith.negf %n : $F"],
  "arith.addf": [floatBinary("addf")],
  "arith.subf": [floatBinary("subf")],
  "arith.mulf": [floatBinary("mulf")],
  "arith.divf": [floatBinary("divf")],
  "arith.remf": [floatBinary("remf")],
  "arith.maxf": [floatBinary("maxf")],
  "arith.minf": [floatBinary("minf")],
  // Extension chains: ext(ext(x)) -> one extension; trunci(ext(x)) -> x, a shorter ext or a trunci; trunci(trunci(x)).
  "arith.extui": [{ ir: "^bb0(%x: $N):\n  %e = arith.extui %x : $N to $M\n  %r = arith.?{extui|extsi} %e : $M to $W", types: { N: ["i1", "i8"], M: ["i16", "i32"], W: ["i32", "i64"] } }],
  "arith.extsi": [{ ir: "^bb0(%x: $N):\n  %e = arith.extsi %x : $N to $M\n  %r = arith.extsi %e : $M to $W", types: { N: ["i1", "i8"], M: ["i16", "i32"], W: ["i32", "i64"] } }],
  "arith.trunci": [
    { ir: "^bb0(%x: $N):\n  %e = arith.?{extui|extsi} %x : $N to $W\n  %r = arith.trunci %e : $W to $M", types: { N: ["i1", "i8", "i16"], M: ["i1", "i8", "i16"], W: ["i32", "i64"] } },
    { ir: "^bb0(%x: $W):\n  %t = arith.trunci %x : $W to $M\n  %r = arith.trunci %t : $M to $N", types: { W: ["i64", "i32"], M: ["i16", "i32"], N: ["i1", "i8"] } },
  ],
  "arith.index_cast": [{ ir: "^bb0(%x: $N):\n  %c = arith.constant ?k : $N\n  %r = arith.index_cast %?{x|c} : $N to index", types: { N: SIGNLESS } }],
  "arith.index_castui": [{ ir: "^bb0(%x: $N):\n  %c = arith.constant ?k : $N\n  %r = arith.index_castui %?{x|c} : $N to index", types: { N: SIGNLESS } }],
  "arith.extf": [{ ir: "^bb0(%x: $F):\n  %c = arith.constant ?k : $F\n  %r = arith.extf %?{c|x} : $F to $G", types: { F: ["f16", "f32"], G: ["f32", "f64"] } }],
  "arith.truncf": [{ ir: "^bb0(%x: $F):\n  %c = arith.constant ?k : $F\n  %r = arith.truncf %?{c|x} : $F to $G", types: { F: ["f64", "f32"], G: ["f16", "f32"] } }],
  "arith.sitofp": [{ ir: "^bb0(%x: $N):\n  %c = arith.constant ?k : $N\n  %r = arith.sitofp %?{c|x} : $N to $F", types: { N: SIGNLESS } }],
  "arith.uitofp": [{ ir: "^bb0(%x: $N):\n  %c = arith.constant ?k : $N\n  %r = arith.uitofp %?{c|x} : $N to $F", types: { N: SIGNLESS } }],
  "arith.fptosi": [{ ir: "^bb0(%x: $F):\n  %c = arith.constant ?{?k|1.0|-1.0|0.5|-0.5|127.0|128.0|-128.0|-129.0|255.0|256.0} : $F\n  %r = arith.fptosi %?{c|x} : $F to $N", types: { N: SIGNLESS } }],
  "arith.fptoui": [{ ir: "^bb0(%x: $F):\n  %c = arith.constant ?{?k|1.0|-1.0|0.5|-0.5|127.0|128.0|255.0|256.0} : $F\n  %r = arith.fptoui %?{c|x} : $F to $N", types: { N: SIGNLESS } }],
  "arith.bitcast": [
    { ir: "^bb0(%x: $F):\n  %c = arith.constant ?k : $F\n  %r = arith.bitcast %?{c|x} : $F to $I", types: { F: ["f16", "f32", "f64"], I: ["i16", "i32", "i64"] } },
    { ir: "^bb0(%x: $I):\n  %c = arith.constant ?k : $I\n  %r = arith.bitcast %?{c|x} : $I to $F", types: { F: ["f16", "f32", "f64"], I: ["i16", "i32", "i64"] } },
  ],
  "arith.cmpi": [
    `^bb0(%x: $T, %y: $T):\n  %c = arith.constant ${INT_CONSTANT} : $T\n  %r = arith.cmpi ?{eq|ne|slt|sle|sgt|sge|ult|ule|ugt|uge}, %?{x|c|x}, %?{c|y|x} : $T`,
    // cmpi(ne, ext(b), 0) -> b for an i1 b.
    { ir: "^bb0(%b: i1):\n  %e = arith.?{extui|extsi} %b : i1 to $W\n  %z = arith.constant 0 : $W\n  %r = arith.cmpi ?{ne|ne|eq}, %e, %z : $W", types: { W: ["i8", "i32", "i64"] } },
  ],
  "arith.cmpf": [
    "^bb0(%x: $F, %y: $F):\n  %c = arith.constant ?{?k|0.0|-0.0|1.0} : $F\n  %r = arith.cmpf ?{false|oeq|ogt|oge|olt|ole|one|ord|ueq|ugt|uge|ult|ule|une|uno|true}, %?{x|c}, %?{c|y|x} : $F",
  ],
  "arith.select": [
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %k = arith.constant ?{true|false}\n  %r = arith.select %?{c|k}, %x, %?{y|x} : $T",
    // select(c, true, false) -> c; select(cmpi(eq|ne, x, y), x, y) -> y or x.
    "^bb0(%c: i1):\n  %t = arith.constant true\n  %f = arith.constant false\n  %r = arith.select %c, %t, %f : i1",
    "^bb0(%x: $T, %y: $T):\n  %p = arith.cmpi ?{eq|ne}, %x, %y : $T\n  %r = arith.select %p, %?{x|y}, %?{y|x} : $T",
  ],
};
