/**
 * Rewrite examples (`Pattern.examples`, and the folder examples of each dialect): MLIR text with holes that
 * the program generator fills with random types, constants and choices, and grows random programs around, so
 * that what a pattern matches actually occurs in the programs a property test runs.
 *
 * The hole syntax (holes are filled as text, before the example is parsed):
 *
 *   ^bb0(%x: $T, %c: i1):      the first line may declare the example's free operands as the arguments of its
 *                              entry block: the generator binds each to a value of the program, or to a fresh
 *                              argument of the function (so that it is not a constant the folder would see)
 *   $T, $U, $F ...             a type hole: one type per name and filling. Choices come from the example's
 *                              `types` (type texts); an undeclared name starting with F is a float type
 *                              (f16, f32, f64), any other an integer type (i1, i8, i16, i32, i64, index)
 *   ?c : $T                    a constant hole, written where an attribute value goes, before its type: a
 *                              random literal of that type (edge values are likely: 0, +-1, the extremes, NaN,
 *                              infinities...); the same name twice in one filling is the same value. Of a
 *                              static vector or tensor type (`?c : vector<3x$T>`) it is a `dense<...>` literal,
 *                              a splat or one random element per position (constant operands only: random
 *                              inputs are scalars)
 *   ?{eq|ne|slt}               a choice hole: one of the alternatives (predicates, case values, value names...);
 *                              filled before constant holes, so an alternative may be one: `?{0|1|?k} : $T`
 *
 * An example given as `{ ir, types, defs }` may also bring top-level ops it refers to (`defs`, say a callee
 * `func.func private @ex_id_$T`), filled with the same holes and added to the program's module once per name.
 * A `func.return` in the example (in a block it makes unreachable) is given the program's return values.
 *
 * An example may have several blocks (a CFG for cf's patterns): the program continues in its last block,
 * which has no terminator. The values defined in its first and last blocks (which dominate what follows) join
 * the pool later ops draw their operands from, and those nothing uses are returned, so results are observed,
 * except values named with a leading underscore (`%_overflow`): they stay unused (for patterns that need a
 * result nothing uses). Write one op per line (an op's regions on the lines after it, up to its closing `}`).
 *
 *   examples: [`^bb0(%x: $T):
 *                 %c0 = arith.constant ?c0 : $T
 *                 %s = arith.subi %x, %c0 : $T
 *                 %c1 = arith.constant ?c1 : $T
 *                 %r = arith.subi %s, %c1 : $T`]
 */
import { isLeft } from "fp-ts/lib/Either.js";
import type { Context } from "../../src/ir/context.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { FloatType, IndexType, IntegerType, type Type } from "../../src/ir/types.ts";
import { verify } from "../../src/irdl/verifier.ts";
import type { RewriteExample } from "../../src/rewrite/pattern.ts";
import { parseSource } from "../../src/text/parser.ts";

const INT_TYPES = ["i1", "i8", "i16", "i32", "i64", "index"];
const FLOAT_TYPES = ["f16", "f32", "f64"];

/** A small deterministic generator (mulberry32): a filling is a function of its seed, so programs replay. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const choose = <T>(xs: readonly T[], rand: () => number): T => xs[Math.floor(rand() * xs.length) % xs.length] as T;

/** A random 64-bit pattern biased to edge values. */
function edgeBits(rand: () => number): bigint {
  const r = rand();
  if (r < 0.45) return BigInt(choose([0, 1, 2, 3, -1, -2, 4, 5, 7, 8, 16, 31, 32, 63, 64, 255, -128, 1000], rand));
  if (r < 0.7) {
    const w = BigInt(choose([8, 16, 32, 64], rand));
    return choose([(1n << (w - 1n)) - 1n, -(1n << (w - 1n)), (1n << w) - 1n, 1n << (w - 1n)], rand);
  }
  const hi = BigInt(Math.floor(rand() * 2 ** 32));
  const lo = BigInt(Math.floor(rand() * 2 ** 32));
  return (hi << 32n) | lo;
}

function widthOf(type: string): number | undefined {
  if (type === "index") return 64;
  const m = /^i(\d+)$/.exec(type);
  return m === null ? undefined : Number(m[1]);
}

/** A random literal of the scalar type `type` (integers in signed decimal, floats as hex bit patterns). */
function literal(type: string, rand: () => number): string {
  const width = widthOf(type);
  if (width !== undefined) return BigInt.asIntN(width, edgeBits(rand)).toString();
  const fw = { f16: 16, bf16: 16, f32: 32, f64: 64 }[type];
  if (fw === undefined) throw new Error(`example: no constant literal for type '${type}'`);
  const specials: Record<number, readonly bigint[]> = {
    16: [0n, 0x8000n, 0x3c00n, 0xbc00n, 0x7c00n, 0xfc00n, 0x7e00n, 1n, 0x7bffn, 0x4000n],
    32: [0n, 0x80000000n, 0x3f800000n, 0xbf800000n, 0x7f800000n, 0xff800000n, 0x7fc00000n, 1n, 0x7f7fffffn, 0x40000000n],
    64: [0n, 1n << 63n, 0x3ff0000000000000n, 0xbff0000000000000n, 0x7ff0000000000000n, 0xfff0000000000000n, 0x7ff8000000000000n, 1n, 0x4000000000000000n],
  };
  const bits = rand() < 0.5 ? choose(specials[fw] ?? [0n], rand) : BigInt.asUintN(fw, edgeBits(rand) ^ (BigInt(Math.floor(rand() * 2 ** 32)) << 20n));
  return `0x${bits.toString(16).toUpperCase().padStart(fw / 4, "0")}`;
}

/**
 * A random `dense<...>` literal of a static vector or tensor type (`vector<3xi32>`, `tensor<2x2xf16>`), or
 * undefined for other types: a splat one time in three (folds keep splats as splats), else one random element
 * per position, nested by dimension. i1 elements are written `true` / `false`, as MLIR's parser wants them in
 * dense literals.
 */
function shapedLiteral(type: string, rand: () => number): string | undefined {
  const m = /^(?:vector|tensor)<((?:\d+x)+)([\w.]+)>$/.exec(type);
  if (m === null) return undefined;
  const dims = (m[1] ?? "").split("x").filter((d) => d !== "").map(Number);
  const element = m[2] ?? "";
  const one = (): string => (element === "i1" ? (rand() < 0.5 ? "true" : "false") : literal(element, rand));
  const nested = (d: number): string => (d === dims.length ? one() : `[${Array.from({ length: dims[d] ?? 0 }, () => nested(d + 1)).join(", ")}]`);
  return `dense<${rand() < 1 / 3 ? one() : nested(0)}>`;
}

/** The text and type-hole choices of an example (its defs and body are filled as one text). */
function parts(ex: RewriteExample): { ir: string; types: Readonly<Record<string, readonly string[]>> } {
  if (typeof ex === "string") return { ir: ex, types: {} };
  return { ir: ex.defs === undefined ? ex.ir : `${ex.defs}\n${DEFS_END}\n${ex.ir}`, types: ex.types ?? {} };
}

/** Separates an example's filled defs from its body. */
const DEFS_END = "// ---- end of defs";

/** Fills the holes of an example: MLIR text without holes (defs, then the body with its `^bb0(...)` header). */
export function fillExample(ex: RewriteExample, rand: () => number): string {
  const { ir, types } = parts(ex);
  const chosen = new Map<string, string>();
  const typeOf = (name: string): string => {
    let t = chosen.get(name);
    if (t === undefined) chosen.set(name, (t = choose(types[name] ?? (name.startsWith("F") ? FLOAT_TYPES : INT_TYPES), rand)));
    return t;
  };
  const withTypes = ir.replace(/\$([A-Za-z_]\w*)/g, (_, name: string) => typeOf(name));
  // Choices before constants, so that an alternative may be a constant hole: `?{0|1|?k} : $T`.
  const withChoices = withTypes.replace(/\?\{([^}]*)\}/g, (_, alts: string) => choose(alts.split("|").map((a) => a.trim()), rand));
  const constants = new Map<string, string>();
  return withChoices.replace(/\?([A-Za-z_]\w*)(\s*:\s*)((?:vector|tensor)<[^>]*>|[\w.]+)/g, (_, name: string, colon: string, type: string) => {
    const key = `${name}:${type}`;
    let v = constants.get(key);
    if (v === undefined) constants.set(key, (v = shapedLiteral(type, rand) ?? literal(type, rand)));
    return `${v}${colon}${type}`;
  });
}

/** A filled example, parsed and verified: its free operands (the function's arguments) and its blocks. */
export interface ExampleInstance {
  /** The function holding the example; its entry block's arguments are the free operands. */
  readonly fn: Operation;
  readonly blocks: readonly Block[];
  /** The top-level ops the example brings (its `defs`), to add to the program's module. */
  readonly defs: readonly Operation[];
  /** Results named `%_...`: kept out of the pool, so that nothing uses them. */
  readonly hidden: ReadonlySet<Value>;
}

/**
 * The result names of each op line of an example body, in order (an op without results has none). The lines
 * inside an op's regions (scf.for's body, say: after a line ending in `{`, up to its closing `}`) belong to
 * that op, not to the example's blocks.
 */
function resultNamesByLine(body: string): string[][] {
  let depth = 0;
  const topLevel: string[] = [];
  for (const raw of body.split("\n")) {
    const l = raw.replace(/\/\/.*$/, "").trim();
    const before = depth;
    depth += (l.match(/\{/g)?.length ?? 0) - (l.match(/\}/g)?.length ?? 0);
    if (before === 0 && l !== "" && !l.startsWith("^")) topLevel.push(l);
  }
  return topLevel.map((l) => {
    const m = /^(%[^=]*?)\s*=(?!=)/.exec(l);
    return m === null ? [] : (m[1] ?? "").split(",").map((n) => n.trim());
  });
}

/** Splits an example's filled text into its defs, the arguments of its optional `^bb0(args):` header, and its body. */
function header(filled: string): { defs: string; args: string; body: string } {
  const cut = filled.indexOf(DEFS_END);
  const defs = cut < 0 ? "" : filled.slice(0, cut);
  const text = cut < 0 ? filled : filled.slice(cut + DEFS_END.length);
  const m = /^\s*\^bb0\s*(?:\(([^)]*)\))?\s*:/.exec(text);
  return m === null ? { defs, args: "", body: text } : { defs, args: m[1] ?? "", body: text.slice(m[0].length) };
}

/**
 * Fills and parses an example in `ctx`, trying fillings from `seed` on until one verifies (a hole's type may
 * be one an op rejects); undefined when `tries` fillings all fail. The `func.return` closing the last block
 * is erased, so the caller continues there.
 */
export function instantiate(ex: RewriteExample, seed: number, ctx: Context, tries = 8): ExampleInstance | undefined {
  for (let k = 0; k < tries; k++) {
    const inst = tryInstantiate(ex, seed + k * 7919, ctx);
    if (typeof inst !== "string") return inst;
  }
  return undefined;
}

/** One filling: the instance, or why it did not parse or verify (for `checkExample`). */
export function tryInstantiate(ex: RewriteExample, seed: number, ctx: Context): ExampleInstance | string {
  const { defs, args, body } = header(fillExample(ex, seeded(seed)));
  const text = `${defs}func.func @example(${args}) {\n${body}\n  func.return\n}\n`;
  const parsed = parseSource(text, ctx);
  if (isLeft(parsed)) return `${parsed.left.message}\n${text}`;
  const valid = verify(parsed.right, { ctx });
  if (isLeft(valid)) return `${valid.left.map((d) => d.message).join("; ")}\n${text}`;
  const top = [...(parsed.right.getRegion().entry?.ops() ?? [])];
  const fn = top.at(-1);
  if (fn === undefined || fn.name !== "func.func") return `no function\n${text}`;
  const blocks = [...fn.getRegion().blocks];
  blocks.at(-1)?.last?.erase();
  const ops = blocks.flatMap((b) => [...b.ops()]);
  const names = resultNamesByLine(body);
  if (names.length !== ops.length) return `the example must have one op per line (${names.length} lines, ${ops.length} ops)\n${text}`;
  const hidden = new Set<Value>();
  ops.forEach((op, i) => (names[i] ?? []).forEach((n, k) => n.startsWith("%_") && op.numResults > k && hidden.add(op.getResult(k))));
  return { fn, blocks, hidden, defs: top.slice(0, -1) };
}

/** Whether `t` is a type the program generator can make function arguments (and random inputs) of. */
export function isScalarInput(t: Type): boolean {
  return t instanceof IntegerType || t instanceof IndexType || t instanceof FloatType;
}
