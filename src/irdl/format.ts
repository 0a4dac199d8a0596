/**
 * Declarative assembly formats (ODS's `assemblyFormat`), compiled when the op is defined into the printer
 * (format-print.ts) and parser (format-parse.ts) that interpret them.
 *
 *   "$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)"    arith.addf %a, %b fastmath<fast> : f32
 *   "$callee `(` $args `)` attr-dict `:` functional-type($args, results)"      func.call @f(%x) : (i32) -> i32
 *   "attr-dict ($operands^ `:` type($operands))?"                               func.return %x : i32
 *   "oilist(`lower` $lb | `upper` $ub) attr-dict"                              either clause, in any order
 *
 * Elements: `literal` (and `` ` ` ``, `` `` ``, `` `\n` ``), $operand, $attribute, $region, $successor,
 * type($x) / type(operands) / type(results), functional-type(a, b), attr-dict, attr-dict-with-keyword,
 * operands, regions, successors, custom<Name>(args; ref(...) for ones bound earlier), qualified($attr),
 * oilist(clause | ...), and optional groups `(... $anchor^ ...)?` with an optional else branch
 * `(...)? : (...)` -- written `(then) : (else)?`.
 *
 * A group anchored on a default-valued attribute prints when the attribute is not at its default. Types the
 * format does not print are taken from a buildable constraint (I1, Index), from the op's type relations
 * (SameOperandsAndResultType, SameOperandsType, allTypesMatch) or, for results, by InferTypeOpInterface (which
 * `inferResultTypes` in defineOp's behaviour implements); a format
 * that leaves a type neither printed nor inferable is an error when the op is defined, as are unknown names,
 * operands, regions or successors the format leaves out, and anchors that cannot be anchors.
 */
import { InferTypeOpInterface } from "../interfaces/infer-type.ts";
import { SameOperandsAndResultType, SameOperandsType } from "../ir/traits.ts";
import type { OpAsmHooks, Punctuation } from "../text/asm-interfaces.ts";
import { UnitAttrC } from "./constraints.ts";
import { OPERAND_SEGMENT_SIZES, type OpDefinition, RESULT_SEGMENT_SIZES } from "./define-op.ts";
import { isRef, type Param, paramKind, type ParamKind } from "./format-directives.ts";
import type { CustomArg, Element, OIListClause, TypeRef, Var } from "./format-elements.ts";
import { parseWithFormat } from "./format-parse.ts";
import { printWithFormat } from "./format-print.ts";

const PUNCTUATION: readonly string[] = ["->", ":", ",", "=", "<", ">", "(", ")", "{", "}", "[", "]", "?", "+", "*", "...", "|"];
const isKeywordLiteral = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_$.]*$/.test(s);

/** ODS's rule for whether a literal gets a space before it. */
function spaceBeforeLiteral(value: string, lastWasPunctuation: boolean): boolean {
  if (value.length !== 1 && value !== "->") return true;
  if (lastWasPunctuation) return !">)}],".includes(value.charAt(0));
  return !"<>(){}[],".includes(value.charAt(0));
}

/** Where an element sits: at the top, in an optional group, or in an oilist clause. */
type Scope = "top" | "optional" | "oilist";

class FormatCompiler {
  private pos = 0;
  // The printer's spacing state, tracked statically in print order as ODS's generator does.
  private shouldEmitSpace = true;
  // At the start, as in ODS: a leading `(` or `[` follows the op name without a space (`memref.alloc()`).
  private lastWasPunctuation = false;
  /** Variables bound so far (in parse order), by `kind:name` (`type:operand:name` for printed types). */
  readonly bound = new Set<string>();
  /** Operand and result groups whose types the format prints, by `operand:name` / `result:name`. */
  readonly typed = new Set<string>();
  allOperandsBound = false;
  /** `type(results)` or `functional-type(..., results)`: the result groups' sizes are not in the format. */
  allResultsTyped = false;
  allRegionsBound = false;
  allSuccessorsBound = false;
  attrDicts = 0;
  /** Attributes the format prints (the attr-dict leaves them out). */
  readonly printedAttrs = new Set<string>();

  constructor(
    private readonly text: string,
    readonly def: OpDefinition,
  ) {}

  fail(msg: string): never {
    throw new Error(`'${this.def.name}' format: ${msg} (at offset ${this.pos} in "${this.text}")`);
  }

  // ---- tokens ----

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }
  private peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? "";
  }
  private eat(s: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }
  private expect(s: string): void {
    if (!this.eat(s)) this.fail(`expected '${s}'`);
  }
  private ident(): string {
    this.skipSpace();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.pos));
    if (m === null) this.fail("expected an identifier");
    this.pos += m[0].length;
    return m[0];
  }
  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  // ---- spacing ----

  private spaceForVariable(): boolean {
    const space = this.shouldEmitSpace || !this.lastWasPunctuation;
    this.lastWasPunctuation = false;
    this.shouldEmitSpace = true;
    return space;
  }
  private literal(text: string): Element & { k: "lit" } {
    if (!isKeywordLiteral(text) && !PUNCTUATION.includes(text)) this.fail(`'${text}' is not a valid literal (a keyword or punctuation)`);
    const space = this.shouldEmitSpace && spaceBeforeLiteral(text, this.lastWasPunctuation);
    this.shouldEmitSpace = text.length !== 1 || !"<({[".includes(text);
    this.lastWasPunctuation = text.charAt(0) !== "_" && !/[A-Za-z]/.test(text.charAt(0));
    return { k: "lit", text, space };
  }

  // ---- elements ----

  /** Elements until `until` (or the end), with the index of the `^` anchor if any. */
  elements(scope: Scope, stops: readonly string[] = []): { els: Element[]; anchor: number | undefined } {
    const els: Element[] = [];
    let anchor: number | undefined;
    while (!stops.includes(this.peek())) {
      if (this.atEnd()) {
        if (stops.length === 0) break;
        this.fail(`expected '${stops.join("' or '")}'`);
      }
      els.push(this.element(scope));
      if (this.eat("^")) {
        if (scope !== "optional") this.fail("an anchor (`^`) is only allowed in an optional group");
        if (anchor !== undefined) this.fail("only one element of an optional group can be its anchor");
        anchor = els.length - 1;
      }
    }
    return { els, anchor };
  }

  private element(scope: Scope): Element {
    if (this.eat("`")) {
      const end = this.text.indexOf("`", this.pos);
      if (end < 0) this.fail("unterminated literal");
      const text = this.text.slice(this.pos, end);
      this.pos = end + 1;
      if (text === "" || text === " " || text === "\\n") return this.whitespace(text === "\\n" ? "\n" : text);
      return this.literal(text);
    }
    if (this.eat("$")) return this.variable(this.ident(), scope, false);
    if (this.eat("(")) return this.optionalGroup(scope);
    const word = this.ident();
    switch (word) {
      case "attr-dict":
      case "attr-dict-with-keyword":
        if (scope !== "top") this.fail(`'${word}' cannot be in an optional group or oilist`);
        this.attrDicts++;
        this.lastWasPunctuation = false;
        return { k: "attrdict", keyword: word === "attr-dict-with-keyword" };
      case "operands":
        this.allOperandsBound = true;
        return { k: "operands", space: this.spaceForVariable() };
      case "regions":
        this.allRegionsBound = true;
        return { k: "regions", space: this.spaceForVariable() };
      case "successors":
        this.allSuccessorsBound = true;
        return { k: "successors", space: this.spaceForVariable() };
      case "type": {
        this.expect("(");
        const of = this.typeRef();
        this.expect(")");
        this.markTyped(of);
        return { k: "type", of, space: this.spaceForVariable() };
      }
      case "functional-type": {
        this.expect("(");
        const ins = this.typeRef();
        this.expect(",");
        const outs = this.typeRef();
        this.expect(")");
        this.markTyped(ins);
        this.markTyped(outs);
        return { k: "functional", ins, outs, space: this.spaceForVariable() };
      }
      case "qualified": {
        this.expect("(");
        let inner: Element;
        if (this.eat("$")) inner = this.variable(this.ident(), scope, true);
        else if (this.eat("type")) {
          // Types print in full already: dialect types here have no stripped form.
          this.expect("(");
          const of = this.typeRef();
          this.expect(")");
          this.markTyped(of);
          inner = { k: "type", of, space: this.spaceForVariable() };
        } else return this.fail("qualified(...) takes an attribute or type(...)");
        this.expect(")");
        return inner;
      }
      case "custom":
        return this.custom();
      case "oilist":
        return this.oilist(scope);
      default:
        return this.fail(`unknown directive '${word}'`);
    }
  }

  private whitespace(text: "" | " " | "\n"): Element {
    if (text !== "\n") {
      this.lastWasPunctuation = text === "";
      this.shouldEmitSpace = false;
    }
    return { k: "ws", text };
  }

  private bind(key: string, what: string): void {
    if (this.bound.has(key)) this.fail(`${what} is used more than once`);
    this.bound.add(key);
  }

  /** Resolves `$name` (not inside `type(...)`). */
  private resolveVar(name: string): Var {
    const d = this.def;
    const oi = d.operands.findIndex((g) => g.name === name);
    if (oi >= 0) return { k: "operand", index: oi, group: d.operands[oi] as (typeof d.operands)[number] };
    const attr = d.attributes.find((a) => a.name === name);
    if (attr !== undefined) return { k: "attr", def: attr, unit: attr.constraint === UnitAttrC };
    const ri = d.regions.findIndex((r) => r.name === name);
    if (ri >= 0) return { k: "region", index: ri, def: d.regions[ri] as (typeof d.regions)[number] };
    const si = d.successors.findIndex((s) => s.name === name);
    if (si >= 0) return { k: "successor", index: si, def: d.successors[si] as (typeof d.successors)[number] };
    if (d.results.some((g) => g.name === name)) return this.fail(`result '$${name}' can only be used in type(...)`);
    return this.fail(`'$${name}' is not an operand, attribute, region or successor of the op`);
  }

  private variable(name: string, scope: Scope, qualified: boolean): Element {
    const v = this.resolveVar(name);
    if (qualified && v.k !== "attr") this.fail(`qualified(...) takes an attribute or a type, not '$${name}'`);
    this.bind(`${v.k}:${name}`, `'$${name}'`);
    if (v.k === "attr") {
      this.printedAttrs.add(name);
      if (v.unit) {
        if (scope === "top") this.fail(`unit attribute '$${name}' must be in an optional group or an oilist clause`);
        // A unit attribute prints nothing: the spacing state is unchanged.
        return { ...v, space: false, qualified };
      }
    }
    return { ...v, space: this.spaceForVariable(), qualified };
  }

  private typeRef(): TypeRef {
    if (this.eat("operands")) return { k: "operands" };
    if (this.eat("results")) return { k: "results" };
    this.expect("$");
    const name = this.ident();
    const oi = this.def.operands.findIndex((g) => g.name === name);
    if (oi >= 0) return { k: "operand", index: oi, group: this.def.operands[oi] as (typeof this.def.operands)[number] };
    const ri = this.def.results.findIndex((g) => g.name === name);
    if (ri >= 0) return { k: "result", index: ri, group: this.def.results[ri] as (typeof this.def.results)[number] };
    return this.fail(`'$${name}' in type(...) is not an operand or result of the op`);
  }

  private markTyped(ref: TypeRef): void {
    if (ref.k === "results") this.allResultsTyped = true;
    const names =
      ref.k === "operands"
        ? this.def.operands.map((g) => `operand:${g.name}`)
        : ref.k === "results"
          ? this.def.results.map((g) => `result:${g.name}`)
          : [`${ref.k}:${ref.group.name}`];
    for (const n of names) {
      if (this.typed.has(n)) this.fail(`the type of ${n.replace(":", " '")}' is printed more than once`);
      this.typed.add(n);
      this.bound.add(`type:${n}`);
    }
  }

  // ---- optional groups and oilist ----

  private optionalGroup(scope: Scope): Element {
    if (scope === "oilist") this.fail("optional groups cannot be nested in an oilist clause");
    const { els: then, anchor } = this.elements("optional", [")"]);
    this.expect(")");
    let elseEls: Element[] = [];
    if (this.eat(":")) {
      this.expect("(");
      elseEls = this.elements("optional", [")"]).els;
      this.expect(")");
    }
    this.expect("?");
    if (anchor === undefined) this.fail("an optional group needs an anchor (`^`)");
    const anchorEl = then[anchor] as Element;
    if (!this.canAnchor(anchorEl)) this.fail(`${describe(anchorEl)} cannot anchor an optional group: ${ANCHOR_RULE}`);
    const first = then.find((e) => e.k !== "ws");
    if (first === undefined || !this.canStartOptional(first)) {
      this.fail(
        "the first element of an optional group must be a literal, an operand, attribute, region or successor, " +
          "type(...) or a custom directive with parseOptional",
      );
    }
    if (first.k !== "lit" && first !== anchorEl) this.fail(`the first element of an optional group (${describe(first)}) must be its anchor`);
    for (const e of then) this.checkOptionalMember(e);
    return { k: "optional", then, else: elseEls, anchor: anchorEl };
  }

  /** Inside an optional group, what prints must be absent-able: a required operand would be lost. */
  private checkOptionalMember(e: Element): void {
    if (e.k === "operand" && e.group.kind === "single") this.fail(`required operand '$${e.group.name}' cannot be in an optional group`);
    if (e.k === "attr" && e.def.kind === "required" && !e.unit) this.fail(`required attribute '$${e.def.name}' cannot be in an optional group`);
  }

  private canAnchor(e: Element): boolean {
    switch (e.k) {
      case "operand":
        return e.group.kind !== "single";
      case "attr":
        return e.unit || e.def.kind !== "required";
      case "region":
        return true;
      case "successor":
        return e.def.variadic;
      case "type":
        return (e.of.k === "operand" || e.of.k === "result") && e.of.group.kind !== "single";
      case "custom":
        return e.args.some((a) => !a.isRef && this.canAnchor(a.of.k === "type" ? { k: "type", of: a.of.ref, space: false } : { ...a.of, space: false, qualified: false }));
      default:
        return false;
    }
  }

  private canStartOptional(e: Element): boolean {
    switch (e.k) {
      case "lit":
      case "operand":
      case "region":
      case "successor":
      case "type":
        return true;
      case "attr":
        return !e.unit;
      case "custom":
        return e.directive.parseOptional !== undefined;
      default:
        return false;
    }
  }

  private oilist(scope: Scope): Element {
    if (scope !== "top") this.fail("oilist cannot be nested");
    this.expect("(");
    const clauses: OIListClause[] = [];
    do {
      this.expect("`");
      const end = this.text.indexOf("`", this.pos);
      if (end < 0) this.fail("unterminated literal");
      const text = this.text.slice(this.pos, end);
      this.pos = end + 1;
      if (!isKeywordLiteral(text)) this.fail(`an oilist clause must start with a keyword, not '${text}'`);
      if (clauses.some((c) => c.keyword.text === text)) this.fail(`oilist clause '${text}' appears twice`);
      const keyword = this.literal(text);
      const { els } = this.elements("oilist", ["|", ")"]);
      if (!els.some((e) => this.canAnchor(e))) this.fail(`oilist clause '${text}' needs an optional variable (it decides whether the clause prints)`);
      for (const e of els) this.checkOptionalMember(e);
      clauses.push({ keyword, elements: els });
    } while (this.eat("|"));
    this.expect(")");
    return { k: "oilist", clauses };
  }

  // ---- custom directives ----

  private custom(): Element {
    this.expect("<");
    const name = this.ident();
    this.expect(">");
    const directive = this.def.spec.customDirectives?.[name];
    if (directive === undefined) this.fail(`custom directive '${name}' is not in the op's customDirectives`);
    const params = Object.entries(directive.params as Readonly<Record<string, Param>>);
    this.expect("(");
    const args: CustomArg[] = [];
    while (!this.eat(")")) {
      if (args.length > 0) this.expect(",");
      const param = params[args.length];
      if (param === undefined) this.fail(`custom<${name}> takes ${params.length} arguments`);
      const [key, p] = param;
      const isRefArg = this.eat("ref");
      if (isRefArg) this.expect("(");
      if (isRefArg !== isRef(p)) this.fail(`custom<${name}> argument '${key}' must ${isRef(p) ? "" : "not "}be a ref(...)`);
      const kind = paramKind(p);
      let of: CustomArg["of"];
      if (this.eat("type")) {
        this.expect("(");
        const r = this.typeRef();
        this.expect(")");
        if (isRefArg) {
          if (r.k === "operands" || r.k === "results") this.fail(`custom<${name}>: ref(type(${r.k})) is not supported`);
          this.requireBound(`type:${r.k}:${r.group.name}`, name);
        }
        else this.markTyped(r);
        of = { k: "type", ref: r };
      } else {
        this.expect("$");
        const vname = this.ident();
        const v = this.resolveVar(vname);
        if (isRefArg) this.requireBound(`${v.k}:${vname}`, name);
        else {
          this.bind(`${v.k}:${vname}`, `'$${vname}'`);
          if (v.k === "attr") this.printedAttrs.add(vname);
        }
        of = v;
      }
      const actual = argKind(of);
      if (actual !== kind) this.fail(`custom<${name}> argument '${key}' is a ${kind}, but ${describeArg(of)} is a ${actual}`);
      if (isRefArg) this.expect(")");
      args.push({ of, isRef: isRefArg, key, kind });
    }
    if (args.length !== params.length) this.fail(`custom<${name}> takes ${params.length} arguments, got ${args.length}`);
    return { k: "custom", name, directive, args, space: this.spaceForVariable() };
  }

  private requireBound(key: string, directive: string): void {
    if (!this.bound.has(key)) this.fail(`custom<${directive}>: ref(...) of '$${key.replace(/^.*:/, "")}' before the format binds it`);
  }
}

const ANCHOR_RULE =
  "only optional or variadic operands, optional, default-valued or unit attributes, regions, variadic successors, " +
  "type(...) of optional or variadic groups and custom directives taking one of those can";

function argKind(of: CustomArg["of"]): ParamKind {
  if (of.k === "type") {
    if (of.ref.k === "operands" || of.ref.k === "results") return "types";
    return of.ref.group.kind === "single" ? "type" : of.ref.group.kind === "optional" ? "optionalType" : "types";
  }
  switch (of.k) {
    case "operand":
      return of.group.kind === "single" ? "operand" : of.group.kind === "optional" ? "optionalOperand" : "operands";
    case "attr":
      return "attr";
    case "region":
      return of.def.variadic ? "regions" : "region";
    case "successor":
      return of.def.variadic ? "successors" : "successor";
  }
}

function describeArg(of: CustomArg["of"]): string {
  if (of.k === "type") return of.ref.k === "operands" || of.ref.k === "results" ? `type(${of.ref.k})` : `type($${of.ref.group.name})`;
  return `'$${of.k === "operand" ? of.group.name : of.def.name}'`;
}

function describe(e: Element): string {
  switch (e.k) {
    case "lit":
      return `literal '${e.text}'`;
    case "operand":
      return `operand '$${e.group.name}'`;
    case "attr":
      return `attribute '$${e.def.name}'`;
    case "region":
      return `region '$${e.def.name}'`;
    case "successor":
      return `successor '$${e.def.name}'`;
    case "type":
      return e.of.k === "operands" || e.of.k === "results" ? `type(${e.of.k})` : `type($${e.of.group.name})`;
    case "custom":
      return `custom<${e.name}>`;
    default:
      return `'${e.k}'`;
  }
}

/** Checks that every operand, region and successor appears and that every type is printed or inferable. */
function checkCompleteness(c: FormatCompiler): void {
  const d = c.def;
  if (c.attrDicts !== 1) c.fail(c.attrDicts === 0 ? "'attr-dict' directive not found" : "'attr-dict' appears more than once");
  const text = (k: string, n: string): string => `${k}:${n}`;
  const has = (k: string, n: string): boolean => c.bound.has(text(k, n));
  if (!c.allOperandsBound) for (const g of d.operands) if (!has("operand", g.name)) c.fail(`operand '${g.name}' is not in the format`);
  if (!c.allRegionsBound) for (const r of d.regions) if (!has("region", r.name)) c.fail(`region '${r.name}' is not in the format`);
  if (!c.allSuccessorsBound) for (const s of d.successors) if (!has("successor", s.name)) c.fail(`successor '${s.name}' is not in the format`);

  // Types: printed, buildable, tied to a known one, or inferred by the op.
  const known = new Set(c.typed);
  for (const g of d.operands) if (g.constraint.buildable !== undefined) known.add(text("operand", g.name));
  for (const g of d.results) if (g.constraint.buildable !== undefined) known.add(text("result", g.name));
  const relations = typeRelations(d);
  const derived = (d.spec.typesMatchWith ?? []).map((r) => ({ from: groupKey(d, r.from), to: groupKey(d, r.to) }));
  for (let changed = true; changed; ) {
    changed = false;
    for (const { from, to } of derived) {
      if (from !== undefined && to !== undefined && known.has(from) && !known.has(to)) {
        known.add(to);
        changed = true;
      }
    }
    for (const names of relations) {
      if (!names.some((n) => known.has(n))) continue;
      for (const n of names) {
        if (!known.has(n)) {
          known.add(n);
          changed = true;
        }
      }
    }
  }
  for (const g of d.operands) {
    if (!known.has(text("operand", g.name))) {
      c.fail(
        `the type of operand '${g.name}' is neither printed nor inferable: add type($${g.name}), give it a buildable ` +
          "constraint (such as I1 or Index), or relate it to a printed type (SameOperandsType, allTypesMatch, typesMatchWith)",
      );
    }
  }
  if (d.interfaces?.has(InferTypeOpInterface) === true) return;
  for (const g of d.results) {
    if (!known.has(text("result", g.name))) {
      c.fail(
        `the type of result '${g.name}' is neither printed nor inferable: add type($${g.name}), give it a buildable ` +
          "constraint, relate it to an operand's type (SameOperandsAndResultType, allTypesMatch, typesMatchWith) or give the op " +
          "inferResultTypes",
      );
    }
  }
}

/** `operand:x` or `result:x` for a group's name. */
export function groupKey(d: OpDefinition, n: string): string | undefined {
  return d.operands.some((g) => g.name === n) ? `operand:${n}` : d.results.some((g) => g.name === n) ? `result:${n}` : undefined;
}

/** Groups of `operand:x` / `result:y` whose types are equal, from the traits and `allTypesMatch`. */
export function typeRelations(d: OpDefinition): string[][] {
  const out: string[][] = (d.spec.allTypesMatch ?? []).map((g) => g.map((n) => groupKey(d, n)).filter((k): k is string => k !== undefined));
  const operands = d.operands.map((g) => `operand:${g.name}`);
  if (d.traits.has(SameOperandsAndResultType)) out.push([...operands, ...d.results.map((g) => `result:${g.name}`)]);
  if (d.traits.has(SameOperandsType)) out.push(operands);
  return out;
}

/** The compiled format: what prints and parses the op. */
export interface CompiledFormat {
  readonly elements: readonly Element[];
  /** Attributes the attr-dict leaves out: the ones the format prints, and the segment sizes. */
  readonly elided: readonly string[];
}

/** Compiles `text` for the op `def`; throws a clear error naming the op and the element on a bad format. */
export function compileFormat(def: OpDefinition, text: string): OpAsmHooks {
  const c = new FormatCompiler(text, def);
  const { els } = c.elements("top");
  checkCompleteness(c);
  // Segment sizes the format cannot tell (`operands`, `type(results)`) stay in the attr-dict, as in ODS.
  const format: CompiledFormat = {
    elements: els,
    elided: [
      ...c.printedAttrs,
      ...(c.allOperandsBound && def.operandSegments ? [] : [OPERAND_SEGMENT_SIZES]),
      ...(c.allResultsTyped && def.resultSegments ? [] : [RESULT_SEGMENT_SIZES]),
    ],
  };
  return {
    print: (op, p) => printWithFormat(def, format, op, p),
    parse: (p, state) => parseWithFormat(def, format, p, state),
  };
}

export type { Punctuation };
