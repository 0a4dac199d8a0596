/**
 * The arith dialect's attributes, as MLIR 16 spells them:
 *
 *   - `#arith.fastmath<nnan,ninf>`: the fast-math flags of floating-point ops (a bit enum). Inside an op's
 *     custom form it prints stripped, after the `fastmath` keyword: `arith.addf %a, %b fastmath<fast> : f32`.
 *   - the `cmpi` / `cmpf` predicates: plain `i64` integer attributes (ODS's I64EnumAttr) in generic form,
 *     `{predicate = 2 : i64}`, and a keyword in custom form, `arith.cmpi slt, %a, %b : i32`.
 */
import { type Attribute, DialectAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { i64 } from "../../src/ir/types.ts";
import { intern } from "../../src/ir/uniquer.ts";
import { type AttrConstraint, attrConstraint } from "../../src/irdl/constraints.ts";
import type { DialectAsmParser, DialectAsmPrinter } from "../../src/text/asm-interfaces.ts";

// ---- fast-math flags -------------------------------------------------------------------------------------

/** The individual flags, in bit order (bit 0 is `reassoc`), as LLVM's fast-math flags. */
export const FAST_MATH_FLAGS = ["reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn"] as const;
export type FastMathFlag = (typeof FAST_MATH_FLAGS)[number];
/** Every keyword the attribute accepts: the flags plus the `none` and `fast` groups. */
export type FastMathKeyword = FastMathFlag | "none" | "fast";

const FAST_ALL = (1 << FAST_MATH_FLAGS.length) - 1;
const KEYWORDS: readonly FastMathKeyword[] = ["none", ...FAST_MATH_FLAGS, "fast"];

function bitsOf(keyword: FastMathKeyword): number {
  if (keyword === "none") return 0;
  if (keyword === "fast") return FAST_ALL;
  return 1 << FAST_MATH_FLAGS.indexOf(keyword);
}

/** `#arith.fastmath<...>`: a set of fast-math flags (the empty set is `none`, the full set `fast`). */
export class FastMathAttr extends DialectAttr {
  readonly dialect = "arith";
  readonly mnemonic = "fastmath";
  private constructor(
    id: number,
    /** The flags as a bit set; bit i is FAST_MATH_FLAGS[i]. */
    readonly bits: number,
  ) {
    super(id);
  }
  static get(flags: number | readonly FastMathKeyword[]): FastMathAttr {
    const bits = typeof flags === "number" ? flags & FAST_ALL : flags.reduce((acc, k) => acc | bitsOf(k), 0);
    return intern(`arith.fastmath:${bits}`, (id) => new FastMathAttr(id, bits));
  }
  static readonly none = (): FastMathAttr => FastMathAttr.get(0);
  static readonly fast = (): FastMathAttr => FastMathAttr.get(FAST_ALL);

  get isNone(): boolean {
    return this.bits === 0;
  }
  has(flag: FastMathFlag): boolean {
    return (this.bits & bitsOf(flag)) !== 0;
  }
  /** The keywords MLIR prints: `none`, `fast`, or the set flags in bit order. */
  get keywords(): FastMathKeyword[] {
    if (this.bits === 0) return ["none"];
    if (this.bits === FAST_ALL) return ["fast"];
    return FAST_MATH_FLAGS.filter((f) => this.has(f));
  }
}

/** Prints `<nnan,ninf>` (the body after `fastmath`, as both `#arith.fastmath<...>` and the op form use it). */
export function printFastMathBody(a: FastMathAttr, p: DialectAsmPrinter): void {
  p.print(`<${a.keywords.join(",")}>`);
}

/** Parses `<flag, flag, ...>` after the `fastmath` keyword. */
export function parseFastMathBody(p: DialectAsmParser): FastMathAttr {
  let bits = 0;
  p.parseCommaSeparatedList("<>", () => {
    const loc = p.loc();
    const word = p.parseOptionalKeyword();
    if (word === undefined || !(KEYWORDS as readonly string[]).includes(word)) {
      p.error(`expected ::mlir::arith::FastMathFlags to be one of: ${KEYWORDS.join(", ")}`, loc);
    }
    bits |= bitsOf(word as FastMathKeyword);
  });
  return FastMathAttr.get(bits);
}

/** The `fastmath` attribute of floating-point ops (ODS's Arith_FastMathAttr). */
export const FastMathAttrC: AttrConstraint<FastMathAttr> = attrConstraint(
  "Floating point fast math flags",
  (a): a is FastMathAttr => a instanceof FastMathAttr,
);

/** The dialect's `parseAttribute` hook: the parser stands after `#arith.`. */
export function parseArithAttribute(p: DialectAsmParser): Attribute | undefined {
  const loc = p.loc();
  const mnemonic = p.parseKeyword();
  if (mnemonic !== "fastmath") p.error(`unknown attribute '${mnemonic}' in dialect 'arith'`, loc);
  return parseFastMathBody(p);
}

/** The dialect's `printAttribute` hook: prints `fastmath<...>` (the printer adds `#arith.`). */
export function printArithAttribute(a: Attribute, p: DialectAsmPrinter): boolean {
  if (!(a instanceof FastMathAttr)) return false;
  p.print("fastmath");
  printFastMathBody(a, p);
  return true;
}

// ---- comparison predicates (I64EnumAttr) -------------------------------------------------------------------

/** `arith.cmpi` predicates; the index of each is its integer value. */
export const CMPI_PREDICATES = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"] as const;
export type CmpIPredicate = (typeof CMPI_PREDICATES)[number];

/** `arith.cmpf` predicates; the index of each is its integer value (`o` ordered, `u` unordered). */
export const CMPF_PREDICATES = [
  "false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord",
  "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true",
] as const;
export type CmpFPredicate = (typeof CMPF_PREDICATES)[number];

const i64Type = i64;

/**
 * An ODS I64EnumAttr: an i64 IntegerAttr whose value is one of the cases, printed as the case's keyword in
 * custom syntax and parsed from a keyword or a string.
 */
function i64EnumAttr(cases: readonly string[], attrName: string): AttrConstraint<IntegerAttr> {
  const valid = (a: Attribute): a is IntegerAttr =>
    a instanceof IntegerAttr && a.type === i64Type && a.value >= 0n && a.value < BigInt(cases.length);
  return {
    description: `allowed 64-bit signless integer cases: ${cases.map((_, i) => i).join(", ")}`,
    test: valid,
    print: (a, p) => p.print(cases[a.number] ?? String(a.value)),
    parse: (p) => {
      const loc = p.loc();
      const word = p.parseOptionalKeywordOrString();
      const index = word === undefined ? -1 : cases.indexOf(word);
      if (index < 0) {
        p.error(
          `expected string or keyword containing one of the following enum values for attribute '${attrName}' [${cases.join(", ")}]`,
          loc,
        );
      }
      return IntegerAttr.get(i64Type, index);
    },
  };
}

export const CmpIPredicateAttr = i64EnumAttr(CMPI_PREDICATES, "predicate");
export const CmpFPredicateAttr = i64EnumAttr(CMPF_PREDICATES, "predicate");

/** The attribute for a `cmpi` predicate: `cmpiPredicate("slt")` is `2 : i64`. */
export const cmpiPredicate = (p: CmpIPredicate): IntegerAttr => IntegerAttr.get(i64Type, CMPI_PREDICATES.indexOf(p));
/** The attribute for a `cmpf` predicate: `cmpfPredicate("oeq")` is `1 : i64`. */
export const cmpfPredicate = (p: CmpFPredicate): IntegerAttr => IntegerAttr.get(i64Type, CMPF_PREDICATES.indexOf(p));

/** The keyword of a predicate attribute, or undefined when the value is not a valid case. */
export function cmpiPredicateName(a: IntegerAttr): CmpIPredicate | undefined {
  return CMPI_PREDICATES[a.number];
}
export function cmpfPredicateName(a: IntegerAttr): CmpFPredicate | undefined {
  return CMPF_PREDICATES[a.number];
}
