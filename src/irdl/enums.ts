/**
 * Enum attributes, as MLIR 16's EnumAttr.td defines them. Three flavours, because MLIR 16 spells them
 * differently in generic form:
 *
 *   defineIntEnum      I64EnumAttr / I32EnumAttr: stored as a plain IntegerAttr. Generic form `2 : i64`; in an
 *                      op's format the case's keyword: `arith.cmpi slt, %a, %b : i32`.
 *   defineEnumAttr     EnumAttr<Dialect, I32EnumAttr, mnemonic>: an attribute class of its own whose value is
 *                      one case. Generic form `#dialect.mnemonic<case>` (syntax "angle", assemblyFormat
 *                      "`<` $value `>`") or `#dialect<mnemonic case>` (syntax "bare", EnumAttr's default);
 *                      in an op's format the stripped body: `<case>` or `case`.
 *   defineBitEnumAttr  EnumAttr over a BitEnumAttr: a set of flags. `#arith.fastmath<nnan,ninf>`, `none` for
 *                      the empty set, groups (`fast`) printed instead of their bits when all are set.
 *
 * Each gives typed accessors (the case names as a union type), `get`, a constraint for `defineOp` specs
 * (which also tells the declarative format how to print and parse the stripped form), and the full form:
 * an enum attribute prints itself, and its class goes in the dialect's `attributes` list for the parser.
 */
import { type Attribute, DialectAttr, IntegerAttr } from "../ir/attributes.ts";
import { IntegerType } from "../ir/types.ts";
import { intern } from "../ir/uniquer.ts";
import type { DialectAsmParser, DialectAsmPrinter } from "../text/asm-interfaces.ts";
import type { AttrConstraint } from "./constraints.ts";

/** The error MLIR's generated enum parsers give: `expected ::mlir::arith::FastMathFlags to be one of: a, b`. */
function notACase(cppName: string, keywords: readonly string[]): string {
  return `expected ${cppName} to be one of: ${keywords.join(", ")}`;
}

const isKeyword = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_$.]*$/.test(s);

// ---- integer-backed enums (I64EnumAttr) --------------------------------------------------------------------

export interface IntEnumSpec<C extends string> {
  /** The enum's name, for documentation: `CmpIPredicate`. */
  readonly name: string;
  /** Case keyword to integer value. */
  readonly cases: Readonly<Record<C, number>>;
  /** 32 or 64 (I32EnumAttr / I64EnumAttr). */
  readonly width: 32 | 64;
  /** The verifier's description; MLIR's default lists the allowed values. */
  readonly description?: string;
}

/** An integer-backed enum: helpers over the IntegerAttr that stores it. */
export interface IntEnum<C extends string> {
  readonly name: string;
  /** The case keywords, in declaration order. */
  readonly cases: readonly C[];
  /** The attribute storing `c`: `CmpIPredicate.get("slt")` is `2 : i64`. */
  get(c: C): IntegerAttr;
  /** The case an attribute stores, or undefined when it is not one (wrong type or value). */
  caseOf(a: Attribute): C | undefined;
  /** The integer value of a case. */
  valueOf(c: C): number;
  /**
   * The constraint for op specs. Declarative formats print the case keyword (a quoted string when it is not a
   * keyword) and parse a keyword or a string, as ODS's enum attribute parser does.
   */
  constraint(attrName?: string): AttrConstraint<IntegerAttr>;
}

export function defineIntEnum<const C extends string>(spec: IntEnumSpec<C>): IntEnum<C> {
  const type = IntegerType.get(spec.width);
  const cases = Object.keys(spec.cases) as C[];
  const byValue = new Map<bigint, C>(cases.map((c) => [BigInt(spec.cases[c]), c]));
  const caseOf = (a: Attribute): C | undefined => (a instanceof IntegerAttr && a.type === type ? byValue.get(a.value) : undefined);
  const description =
    spec.description ?? `allowed ${spec.width}-bit signless integer cases: ${cases.map((c) => spec.cases[c]).join(", ")}`;
  return {
    name: spec.name,
    cases,
    get: (c) => {
      if (!Object.hasOwn(spec.cases, c)) throw new RangeError(`'${String(c)}' is not a case of ${spec.name}`);
      return IntegerAttr.get(type, spec.cases[c]);
    },
    caseOf,
    valueOf: (c) => spec.cases[c],
    constraint: (attrName = "value") => {
      const expected = (): string =>
        `expected string or keyword containing one of the following enum values for attribute '${attrName}' [${cases.join(", ")}]`;
      // As ODS's generated enum parser: a case keyword, else a string holding one.
      const parseOptional = (p: DialectAsmParser): IntegerAttr | undefined => {
        const loc = p.pos();
        let word = p.parseOptionalKeyword(cases);
        if (word === undefined) {
          const str = p.parseOptionalString();
          if (str === undefined) return undefined;
          word = cases.find((c) => c === str);
          if (word === undefined) p.error(`invalid ${attrName} attribute specification: "${str}"`, loc);
        }
        return IntegerAttr.get(type, spec.cases[word as C]);
      };
      return {
        description,
        test: (a): a is IntegerAttr => caseOf(a) !== undefined,
        print: (a, p) => {
          const c = caseOf(a) ?? String(a.value);
          if (isKeyword(c)) p.print(c);
          else p.printString(c);
        },
        parse: (p) => parseOptional(p) ?? p.error(expected()),
        parseOptional,
      };
    },
  };
}

// ---- enum attributes of a dialect (EnumAttr) ---------------------------------------------------------------

/**
 * How the attribute's body is spelled: `<case>` (assemblyFormat "`<` $value `>`"), `(case)` (assemblyFormat
 * "`(` $value `)`": `#omp<clause_depend(dependsink)>`) or `case` (the default).
 */
export type EnumSyntax = "angle" | "bare" | "paren";

interface DialectEnumCommon {
  readonly dialect: string;
  /** The enum's name, as in MLIR's diagnostics: `FastMathFlags`. */
  readonly name: string;
  /** The attribute's mnemonic: `fastmath` in `#arith.fastmath<...>`. */
  readonly mnemonic: string;
  readonly syntax?: EnumSyntax;
  /** The C++ namespace MLIR's parse errors name (`::mlir::arith`); default `::mlir::<dialect>`. */
  readonly cppNamespace?: string;
  /** The verifier's description of the constraint. */
  readonly description?: string;
}

/** Common behaviour of enum attribute instances: the stripped and the full form. */
export abstract class EnumAttrBase extends DialectAttr {
  /** The keywords of the body (one for a value enum; flags and groups for a bit enum). */
  abstract get keywords(): readonly string[];
  protected abstract get syntax(): EnumSyntax;
  protected abstract get separator(): string;
  /** The stripped form, as an op's format prints `$attr`: `<nnan,ninf>` or `slt`. */
  printStripped(p: DialectAsmPrinter): void {
    const body = this.keywords.join(this.separator);
    p.print(this.syntax === "angle" ? `<${body}>` : this.syntax === "paren" ? `(${body})` : body);
  }
  /** What follows `#dialect.mnemonic` in the full form: `<nnan>` (angle) or ` slt` (bare). */
  override print(p: DialectAsmPrinter): void {
    if (this.syntax === "bare") p.print(" ");
    this.printStripped(p);
  }
  /** The full form after `#dialect.`: `fastmath<nnan>`. */
  printBody(p: DialectAsmPrinter): void {
    p.print(this.mnemonic);
    this.print(p);
  }
}

export interface EnumAttrSpec<C extends string> extends DialectEnumCommon {
  /** Case keyword to integer value. */
  readonly cases: Readonly<Record<C, number>>;
}

/** An attribute whose value is one case of an enum. */
export interface EnumAttr<C extends string> extends EnumAttrBase {
  readonly value: C;
  /** The case's integer value. */
  readonly number: number;
}

/** What `defineEnumAttr` returns: the class (for `instanceof`), its `get`, constraint and parse hooks. */
export interface EnumAttrClass<C extends string> {
  /** The class itself, for `instanceof`; instances only come from `get`. */
  new (id: never, value: never): EnumAttr<C>;
  readonly dialect: string;
  readonly mnemonic: string;
  readonly cases: readonly C[];
  get(c: C): EnumAttr<C>;
  /** The constraint for op specs; formats print and parse the stripped form. */
  readonly constraint: AttrConstraint<EnumAttr<C>>;
  /** Parses the stripped form (`<case>` or `case`). */
  parseStripped(p: DialectAsmParser): EnumAttr<C>;
  /** Parses the body after `#dialect.mnemonic` (angle) or `#dialect<mnemonic` (bare). */
  parseBody(p: DialectAsmParser): EnumAttr<C>;
  /** The same, as the dialect's attribute list calls it (DialectAttrDef). */
  parse(p: DialectAsmParser): EnumAttr<C>;
}

/** Parses `<kw>` or `kw` per the syntax, reading the keyword(s) with `inner`. */
function parseWithSyntax<T>(p: DialectAsmParser, syntax: EnumSyntax, inner: () => T): T {
  if (syntax === "bare") return inner();
  p.parsePunct(syntax === "paren" ? "(" : "<");
  const v = inner();
  p.parsePunct(syntax === "paren" ? ")" : ">");
  return v;
}

/** `parseWithSyntax` when the form starts here (a `<`, or a keyword); undefined, consuming nothing, otherwise. */
function parseOptionalWithSyntax<T>(p: DialectAsmParser, syntax: EnumSyntax, inner: () => T): T | undefined {
  if (syntax === "bare") return p.peekKeyword() === undefined ? undefined : inner();
  if (!p.parseOptionalPunct(syntax === "paren" ? "(" : "<")) return undefined;
  const v = inner();
  p.parsePunct(syntax === "paren" ? ")" : ">");
  return v;
}

export function defineEnumAttr<const C extends string>(spec: EnumAttrSpec<C>): EnumAttrClass<C> {
  const cases = Object.keys(spec.cases) as C[];
  const syntax = spec.syntax ?? "bare";
  const cppName = `${spec.cppNamespace ?? `::mlir::${spec.dialect}`}::${spec.name}`;
  class Enum extends EnumAttrBase implements EnumAttr<C> {
    readonly dialect = spec.dialect;
    readonly mnemonic = spec.mnemonic;
    constructor(
      id: number,
      readonly value: C,
    ) {
      super(id);
    }
    get number(): number {
      return spec.cases[this.value];
    }
    get keywords(): readonly string[] {
      return [this.value];
    }
    protected get syntax(): EnumSyntax {
      return syntax;
    }
    protected get separator(): string {
      return "";
    }
  }
  const get = (c: C): Enum => {
    if (!Object.hasOwn(spec.cases, c)) throw new RangeError(`'${String(c)}' is not a case of ${spec.name}`);
    return intern(`enum:${spec.dialect}.${spec.mnemonic}:${c}`, (id) => new Enum(id, c));
  };
  const parseCase = (p: DialectAsmParser): Enum => {
    const loc = p.pos();
    const word = p.parseOptionalKeyword();
    const c = cases.find((x) => x === word);
    if (c === undefined) p.error(notACase(cppName, cases), loc);
    return get(c);
  };
  const parseStripped = (p: DialectAsmParser): Enum => parseWithSyntax(p, syntax, () => parseCase(p));
  const statics = {
    dialect: spec.dialect,
    mnemonic: spec.mnemonic,
    cases,
    get,
    parseStripped,
    parseBody: parseStripped,
    parse: parseStripped,
    constraint: {
      description: spec.description ?? spec.name,
      test: (a: Attribute): a is Enum => a instanceof Enum,
      print: (a: Enum, p: DialectAsmPrinter) => a.printStripped(p),
      parse: parseStripped,
      parseOptional: (p: DialectAsmParser) => parseOptionalWithSyntax(p, syntax, () => parseCase(p)),
    } satisfies AttrConstraint<Enum>,
  };
  return Object.assign(Enum, statics) as unknown as EnumAttrClass<C>;
}

// ---- bit enums ---------------------------------------------------------------------------------------------

export interface BitEnumAttrSpec<F extends string, G extends string, N extends string> extends DialectEnumCommon {
  /** Each flag's bit position (I32BitEnumAttrCaseBit). */
  readonly bits: Readonly<Record<F, number>>;
  /** The keyword of the empty set (I32BitEnumAttrCaseNone), e.g. `none`. */
  readonly none?: N;
  /** Named combinations (I32BitEnumAttrCaseGroup), e.g. `fast`, in declaration order. */
  readonly groups?: Readonly<Record<G, readonly NoInfer<F>[]>>;
  /** Between printed keywords: `,` or `|` (MLIR's default); spaces in it are optional when parsing. */
  readonly separator?: string;
  /**
   * MLIR's printBitEnumPrimaryGroups: print only the (last declared) complete group instead of its bits; off,
   * every complete group and every set bit print.
   */
  readonly printPrimaryGroups?: boolean;
}

/** An attribute holding a set of flags. */
export interface BitEnumAttr<F extends string, G extends string = never, N extends string = never> extends EnumAttrBase {
  /** The set as a bit mask. */
  readonly bits: number;
  /** The individual flags that are set, in bit order. */
  readonly flags: readonly F[];
  /** No flag is set. */
  readonly isNone: boolean;
  /** Whether every bit of a flag or group is set. */
  has(flag: F | G): boolean;
  /** The keywords MLIR prints (the none keyword, groups, flags). */
  readonly keywords: readonly (F | G | N)[];
}

export interface BitEnumAttrClass<F extends string, G extends string, N extends string> {
  /** The class itself, for `instanceof`; instances only come from `get`. */
  new (id: never, bits: never): BitEnumAttr<F, G, N>;
  readonly dialect: string;
  readonly mnemonic: string;
  /** Every keyword the attribute accepts, in MLIR's order (none, flags, groups). */
  readonly keywords: readonly (F | G | N)[];
  /** The attribute for a bit mask or a list of keywords (their union). */
  get(flags: number | readonly (F | G | N)[]): BitEnumAttr<F, G, N>;
  /** The empty set. */
  none(): BitEnumAttr<F, G, N>;
  readonly constraint: AttrConstraint<BitEnumAttr<F, G, N>>;
  parseStripped(p: DialectAsmParser): BitEnumAttr<F, G, N>;
  parseBody(p: DialectAsmParser): BitEnumAttr<F, G, N>;
  /** The same, as the dialect's attribute list calls it (DialectAttrDef). */
  parse(p: DialectAsmParser): BitEnumAttr<F, G, N>;
}

export function defineBitEnumAttr<const F extends string, const G extends string = never, const N extends string = never>(
  spec: BitEnumAttrSpec<F, G, N>,
): BitEnumAttrClass<F, G, N> {
  type Kw = F | G | N;
  const flags = (Object.keys(spec.bits) as F[]).sort((a, b) => spec.bits[a] - spec.bits[b]);
  const bitOf = (f: F): number => 2 ** spec.bits[f];
  const groupEntries = Object.entries(spec.groups ?? {}) as [G, readonly F[]][];
  const groupMask = new Map<G, number>(groupEntries.map(([g, fs]) => [g, fs.reduce((m, f) => m | bitOf(f), 0)]));
  const valid = flags.reduce((m, f) => m | bitOf(f), 0);
  const syntax = spec.syntax ?? "bare";
  const separator = spec.separator ?? "|";
  const sepPunct = separator.includes(",") ? "," : "|";
  const keywords: Kw[] = [...(spec.none === undefined ? [] : [spec.none]), ...flags, ...groupEntries.map(([g]) => g)];
  const cppName = `${spec.cppNamespace ?? `::mlir::${spec.dialect}`}::${spec.name}`;
  const maskOf = (k: Kw): number | undefined => {
    if (k === spec.none) return 0;
    if (k in spec.bits) return bitOf(k as F);
    return groupMask.get(k as G);
  };

  function printed(bits: number): Kw[] {
    if (bits === 0 && spec.none !== undefined) return [spec.none];
    const out: Kw[] = [];
    let rest = bits;
    if (spec.printPrimaryGroups === true) {
      for (const [g] of [...groupEntries].reverse()) {
        const m = groupMask.get(g) as number;
        if ((rest & m) === m && m !== 0) {
          out.push(g);
          rest &= ~m;
        }
      }
    } else {
      for (const [g] of groupEntries) {
        const m = groupMask.get(g) as number;
        if ((bits & m) === m && m !== 0) out.push(g);
      }
    }
    for (const f of flags) if ((rest & bitOf(f)) !== 0) out.push(f);
    return out;
  }

  class BitEnum extends EnumAttrBase implements BitEnumAttr<F, G, N> {
    readonly dialect = spec.dialect;
    readonly mnemonic = spec.mnemonic;
    constructor(
      id: number,
      readonly bits: number,
    ) {
      super(id);
    }
    get flags(): F[] {
      return flags.filter((f) => (this.bits & bitOf(f)) !== 0);
    }
    get isNone(): boolean {
      return this.bits === 0;
    }
    has(flag: F | G): boolean {
      const m = maskOf(flag) ?? 0;
      return m !== 0 && (this.bits & m) === m;
    }
    get keywords(): Kw[] {
      return printed(this.bits);
    }
    protected get syntax(): EnumSyntax {
      return syntax;
    }
    protected get separator(): string {
      return separator;
    }
  }
  const get = (input: number | readonly Kw[]): BitEnum => {
    const bits = typeof input === "number" ? input & valid : input.reduce((m, k) => m | (maskOf(k) ?? 0), 0);
    return intern(`bitenum:${spec.dialect}.${spec.mnemonic}:${bits}`, (id) => new BitEnum(id, bits));
  };
  // As MLIR's generated parser: every keyword is read first, then an unknown one is reported at the list's start.
  const parseFlags = (p: DialectAsmParser): BitEnum => {
    const start = p.pos();
    const words: string[] = [];
    do words.push(p.parseKeyword());
    while (p.parseOptionalPunct(sepPunct));
    let bits = 0;
    for (const word of words) {
      const m = maskOf(word as Kw);
      if (m === undefined) p.error(notACase(cppName, keywords), start);
      bits |= m;
    }
    return get(bits);
  };
  const parseStripped = (p: DialectAsmParser): BitEnum => parseWithSyntax(p, syntax, () => parseFlags(p));
  const statics = {
    dialect: spec.dialect,
    mnemonic: spec.mnemonic,
    keywords,
    get,
    none: () => get(0),
    parseStripped,
    parseBody: parseStripped,
    parse: parseStripped,
    constraint: {
      description: spec.description ?? spec.name,
      test: (a): a is BitEnum => a instanceof BitEnum,
      print: (a, p) => a.printStripped(p),
      parse: parseStripped,
      parseOptional: (p: DialectAsmParser) => parseOptionalWithSyntax(p, syntax, () => parseFlags(p)),
    } satisfies AttrConstraint<BitEnum>,
  };
  return Object.assign(BitEnum, statics) as unknown as BitEnumAttrClass<F, G, N>;
}
