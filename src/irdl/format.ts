/**
 * Declarative assembly formats: a useful subset of ODS's `assemblyFormat`, compiled into print/parse hooks.
 *
 *   "$lhs `,` $rhs attr-dict `:` type($result)"             arith.addi %a, %b : i32
 *   "$callee `(` $args `)` attr-dict `:` functional-type($args, results)"
 *   "attr-dict ($values^ `:` type($values))?"                 func.return %x : i32  |  func.return
 *
 * Elements: `literal`, $operand, $attribute, $region, $successor, type($x), type(operands|results),
 * functional-type(a, b), attr-dict, attr-dict-with-keyword, operands, regions, successors,
 * custom<Name>($a, ...), qualified(...), and optional groups `( ... $anchor^ ... )?` with an optional else
 * group `(...) : (...)?`. Operand types missing from the format are inferred from SameOperandsAndResultType,
 * SameOperandsType, `allTypesMatch` or the op's `inferResultTypes`, as ODS does.
 */
import { type Attribute, DenseArrayAttr, UnitAttr } from "../ir/attributes.ts";
import type { Location } from "../ir/location.ts";
import { type Block, type Operation, type Region, Region as RegionCtor } from "../ir/operation.ts";
import { SameOperandsAndResultType, SameOperandsType } from "../ir/traits.ts";
import { IntegerType, type Type } from "../ir/types.ts";
import type { OpAsmHooks, OpAsmParser, OpAsmPrinter, OperationState, UnresolvedOperand } from "../text/asm-interfaces.ts";
import type { AttrConstraint } from "./constraints.ts";
import type { AttrDef, OpDefinition, ValueGroupDef } from "./define-op.ts";
import { groupRanges, inferResultTypes, OPERAND_SEGMENT_SIZES, operandRanges, RESULT_SEGMENT_SIZES, resultRanges } from "./define-op.ts";
import type { FormatParseState } from "./spec.ts";

type TypeRef = { readonly k: "operand" | "result"; readonly name: string } | { readonly k: "operands" } | { readonly k: "results" };

type Element =
  | { readonly k: "lit"; readonly text: string }
  | { readonly k: "operand"; readonly name: string }
  | { readonly k: "attr"; readonly name: string }
  | { readonly k: "region"; readonly name: string }
  | { readonly k: "successor"; readonly name: string }
  | { readonly k: "type"; readonly of: TypeRef }
  | { readonly k: "functional"; readonly ins: TypeRef; readonly outs: TypeRef }
  | { readonly k: "attrdict"; readonly keyword: boolean }
  | { readonly k: "operands" }
  | { readonly k: "regions" }
  | { readonly k: "successors" }
  | { readonly k: "custom"; readonly name: string; readonly args: readonly string[] }
  | { readonly k: "optional"; readonly then: readonly Element[]; readonly else: readonly Element[]; readonly anchor: Element };

// ---- compiling the format string ---------------------------------------------------------------------------

class FormatSyntax {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly def: OpDefinition,
  ) {}

  fail(msg: string): never {
    throw new Error(`'${this.def.name}' format: ${msg} at offset ${this.pos} in "${this.text}"`);
  }
  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }
  peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? "";
  }
  eat(s: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }
  expect(s: string): void {
    if (!this.eat(s)) this.fail(`expected '${s}'`);
  }
  ident(): string {
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

  elements(until: string | undefined): { els: Element[]; anchor: Element | undefined } {
    const els: Element[] = [];
    let anchor: Element | undefined;
    while (until === undefined ? !this.atEnd() : this.peek() !== until) {
      if (this.atEnd()) this.fail(`expected '${until}'`);
      const el = this.element();
      els.push(el);
      if (this.eat("^")) {
        if (anchor !== undefined) this.fail("only one anchor is allowed in an optional group");
        anchor = el;
      }
    }
    return { els, anchor };
  }

  element(): Element {
    if (this.eat("`")) {
      const end = this.text.indexOf("`", this.pos);
      if (end < 0) this.fail("unterminated literal");
      const text = this.text.slice(this.pos, end);
      this.pos = end + 1;
      return { k: "lit", text };
    }
    if (this.eat("$")) return this.variable(this.ident());
    if (this.eat("(")) {
      const { els, anchor } = this.elements(")");
      this.expect(")");
      let elseEls: Element[] = [];
      if (this.eat(":")) {
        this.expect("(");
        elseEls = this.elements(")").els;
        this.expect(")");
      }
      this.expect("?");
      const a = anchor ?? els.find((e) => e.k !== "lit");
      if (a === undefined) this.fail("an optional group needs an anchor");
      return { k: "optional", then: els, else: elseEls, anchor: a };
    }
    const word = this.ident();
    switch (word) {
      case "attr-dict":
        return { k: "attrdict", keyword: false };
      case "attr-dict-with-keyword":
        return { k: "attrdict", keyword: true };
      case "operands":
        return { k: "operands" };
      case "regions":
        return { k: "regions" };
      case "successors":
        return { k: "successors" };
      case "type": {
        this.expect("(");
        const of = this.typeRef();
        this.expect(")");
        return { k: "type", of };
      }
      case "functional-type": {
        this.expect("(");
        const ins = this.typeRef();
        this.expect(",");
        const outs = this.typeRef();
        this.expect(")");
        return { k: "functional", ins, outs };
      }
      case "qualified": {
        this.expect("(");
        const inner = this.element();
        this.expect(")");
        return inner;
      }
      case "custom": {
        this.expect("<");
        const name = this.ident();
        this.expect(">");
        this.expect("(");
        const args: string[] = [];
        while (!this.eat(")")) {
          if (args.length > 0) this.expect(",");
          if (this.eat("type")) {
            this.expect("(");
            this.expect("$");
            args.push(`type:${this.ident()}`);
            this.expect(")");
          } else {
            this.expect("$");
            args.push(this.ident());
          }
        }
        if (this.def.spec.customDirectives?.[name] === undefined) this.fail(`custom directive '${name}' is not defined`);
        return { k: "custom", name, args };
      }
      default:
        return this.fail(`unknown directive '${word}'`);
    }
  }

  variable(name: string): Element {
    const d = this.def;
    if (d.operands.some((g) => g.name === name)) return { k: "operand", name };
    if (d.attributes.some((a) => a.name === name)) return { k: "attr", name };
    if (d.regions.some((r) => r.name === name)) return { k: "region", name };
    if (d.successors.some((s) => s.name === name)) return { k: "successor", name };
    return this.fail(`'$${name}' is not an operand, attribute, region or successor`);
  }

  typeRef(): TypeRef {
    if (this.eat("operands")) return { k: "operands" };
    if (this.eat("results")) return { k: "results" };
    this.expect("$");
    const name = this.ident();
    if (this.def.operands.some((g) => g.name === name)) return { k: "operand", name };
    if (this.def.results.some((g) => g.name === name)) return { k: "result", name };
    return this.fail(`'$${name}' in type(...) is not an operand or result`);
  }
}

export function compileFormat(def: OpDefinition, text: string): OpAsmHooks {
  const syntax = new FormatSyntax(text, def);
  const { els } = syntax.elements(undefined);
  const printed = new Set<string>();
  const collect = (es: readonly Element[]): void => {
    for (const e of es) {
      if (e.k === "attr") printed.add(e.name);
      if (e.k === "custom") e.args.forEach((a) => printed.add(a));
      if (e.k === "optional") {
        collect(e.then);
        collect(e.else);
      }
    }
  };
  collect(els);
  const elided = [...printed, OPERAND_SEGMENT_SIZES, RESULT_SEGMENT_SIZES];
  return {
    print: (op, p) => new FormatPrinter(def, op, p, elided).elements(els),
    parse: (p, state) => parseWithFormat(def, els, p, state),
  };
}

// ---- printing ----------------------------------------------------------------------------------------------

/** ODS's spacing rule: whether a literal gets a space before it. */
function spaceBefore(value: string, lastWasPunctuation: boolean): boolean {
  if (value.length !== 1 && value !== "->") return true;
  if (lastWasPunctuation) return !">)}],".includes(value.charAt(0));
  return !"<>(){}[],".includes(value.charAt(0));
}

class FormatPrinter {
  private shouldEmitSpace = true;
  private lastWasPunctuation = true;
  constructor(
    private readonly def: OpDefinition,
    private readonly op: Operation,
    private readonly p: OpAsmPrinter,
    private readonly elided: readonly string[],
  ) {}

  elements(els: readonly Element[]): void {
    for (const e of els) this.element(e);
  }

  private space(): void {
    if (this.shouldEmitSpace || !this.lastWasPunctuation) this.p.print(" ");
    this.shouldEmitSpace = true;
    this.lastWasPunctuation = false;
  }

  private operandGroup(name: string): readonly import("../ir/value.ts").Value[] {
    const i = this.def.operands.findIndex((g) => g.name === name);
    const [start, n] = operandRanges(this.op, this.def)[i] ?? [0, 0];
    return this.op.operands.slice(start, start + n);
  }
  private typesOf(ref: TypeRef): Type[] {
    switch (ref.k) {
      case "operands":
        return this.op.operands.map((v) => v.type);
      case "results":
        return this.op.resultTypes;
      case "operand":
        return this.operandGroup(ref.name).map((v) => v.type);
      case "result": {
        const i = this.def.results.findIndex((g) => g.name === ref.name);
        const [start, n] = resultRanges(this.op, this.def)[i] ?? [0, 0];
        return this.op.resultTypes.slice(start, start + n);
      }
    }
  }

  /** Whether an optional group's anchor is present. */
  present(e: Element): boolean {
    switch (e.k) {
      case "operand":
        return this.operandGroup(e.name).length > 0;
      case "attr":
        return this.op.attr(e.name) !== undefined;
      case "region": {
        const i = this.def.regions.findIndex((r) => r.name === e.name);
        const r = this.op.regions[i];
        return r !== undefined && !r.isEmpty;
      }
      case "successor":
        return this.op.successors.length > 0;
      case "type":
        return this.typesOf(e.of).length > 0;
      case "functional":
        return true;
      case "optional":
        return this.present(e.anchor);
      case "custom":
        return e.args.some((a) => this.op.attr(a) !== undefined || (this.def.operands.some((g) => g.name === a) && this.operandGroup(a).length > 0));
      default:
        return true;
    }
  }

  element(e: Element): void {
    const p = this.p;
    switch (e.k) {
      case "lit":
        if (this.shouldEmitSpace && spaceBefore(e.text, this.lastWasPunctuation)) p.print(" ");
        p.print(e.text);
        this.shouldEmitSpace = e.text.length !== 1 || !"<({[".includes(e.text);
        this.lastWasPunctuation = e.text.charAt(0) !== "_" && !/[A-Za-z]/.test(e.text.charAt(0));
        return;
      case "operand":
        this.space();
        p.printOperands(this.operandGroup(e.name));
        return;
      case "operands":
        this.space();
        p.printOperands(this.op.operands);
        return;
      case "attr": {
        const a = this.op.attr(e.name);
        const def = this.def.attributes.find((x) => x.name === e.name) as AttrDef;
        if (a === undefined || a instanceof UnitAttr) return; // unit attributes only anchor their group
        this.space();
        printAttrWithConstraint(a, def.constraint, p);
        return;
      }
      case "region": {
        const i = this.def.regions.findIndex((r) => r.name === e.name);
        const r = this.op.regions[i];
        if (r === undefined) return;
        this.space();
        p.printRegion(r);
        return;
      }
      case "regions":
        this.op.regions.forEach((r, i) => {
          if (i > 0) p.print(",");
          this.space();
          p.printRegion(r);
        });
        return;
      case "successor":
      case "successors": {
        const bs = e.k === "successors" ? this.op.successors : this.successorGroup(e.name);
        this.space();
        bs.forEach((b, i) => {
          if (i > 0) p.print(", ");
          p.printSuccessor(b);
        });
        return;
      }
      case "type":
        this.space();
        p.printTypes(this.typesOf(e.of));
        return;
      case "functional":
        this.space();
        p.printFunctionalType(this.typesOf(e.ins), this.typesOf(e.outs));
        return;
      case "attrdict":
        if (e.keyword) p.printOptionalAttrDictWithKeyword(this.op.attributes, this.elided);
        else p.printOptionalAttrDict(this.op.attributes, this.elided);
        this.lastWasPunctuation = false;
        return;
      case "custom": {
        const d = this.def.spec.customDirectives?.[e.name];
        this.space();
        d?.print(this.op, p, e.args);
        return;
      }
      case "optional":
        this.elements(this.present(e.anchor) ? e.then : e.else);
        return;
    }
  }

  private successorGroup(name: string): readonly Block[] {
    const i = this.def.successors.findIndex((s) => s.name === name);
    const s = this.def.successors[i];
    if (s === undefined) return [];
    return s.variadic ? this.op.successors.slice(i) : this.op.successors.slice(i, i + 1);
  }
}

function printAttrWithConstraint(a: Attribute, c: AttrConstraint, p: OpAsmPrinter): void {
  if (c.print !== undefined && c.test(a)) c.print(a, p);
  else p.printAttribute(a);
}

// ---- parsing -----------------------------------------------------------------------------------------------

/**
 * What the format's parse gathers: the directives' state, plus what only the format itself reads: the
 * `operands`, `type(operands)` and `type(results)` lists, and where each operand group started (MLIR reports
 * a count mismatch there).
 */
interface FormatState extends FormatParseState {
  allOperands?: UnresolvedOperand[];
  allOperandsLoc?: Location;
  allOperandTypes?: Type[];
  allResultTypes?: Type[];
  readonly operandLocs: Map<string, Location>;
}

function parseWithFormat(def: OpDefinition, els: readonly Element[], p: OpAsmParser, state: OperationState): void {
  const s: FormatState = {
    operandLocs: new Map(),
    operands: new Map(),
    operandTypes: new Map(),
    resultTypes: new Map(),
    attributes: state.attributes,
    regions: new Map(),
    successors: new Map(),
  };
  const start = p.loc();
  for (const e of els) parseElement(def, e, p, s);

  // Operands in spec order.
  const unresolved: UnresolvedOperand[][] = def.operands.map((g) => s.operands.get(g.name) ?? []);
  if (s.allOperands !== undefined) {
    const ranges = groupRanges(def.operands, s.allOperands.length, undefined);
    ranges.forEach(([b, n], i) => (unresolved[i] = (s.allOperands as UnresolvedOperand[]).slice(b, b + n)));
  }
  let operandTypes: (Type[] | undefined)[] = def.operands.map((g) => s.operandTypes.get(g.name));
  if (s.allOperandTypes !== undefined) {
    const all = s.allOperandTypes;
    // `type(operands)` lists every operand's type: MLIR resolves the whole list at once, so counts are totals.
    const count = unresolved.reduce((n, u) => n + u.length, 0);
    if (count !== all.length) p.error(`${count} operands present, but expected ${all.length}`, s.allOperandsLoc ?? start);
    let at = 0;
    operandTypes = unresolved.map((u) => {
      const ts = all.slice(at, at + u.length);
      at += u.length;
      return ts;
    });
  }
  let resultTypes: (Type[] | undefined)[] = def.results.map((g) => s.resultTypes.get(g.name));
  if (s.allResultTypes !== undefined) {
    const all = s.allResultTypes;
    const ranges = groupRanges(def.results, all.length, undefined);
    resultTypes = ranges.map(([b, n]) => all.slice(b, b + n));
  }

  inferMissingTypes(def, unresolved, operandTypes, resultTypes);
  def.operands.forEach((g, i) => {
    const us = unresolved[i] ?? [];
    const ts = operandTypes[i];
    if (us.length === 0) return;
    if (ts === undefined) p.error(`'${def.name}': the type of operand '${g.name}' cannot be inferred`, start);
    // One type per operand, as in MLIR: `type($group)` of a variadic group must list as many types as operands.
    state.operands.push(...p.resolveOperands(us, ts, s.operandLocs.get(g.name) ?? s.allOperandsLoc ?? start));
  });
  if (def.operandSegments) {
    state.attributes.set(OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(IntegerType.get(32), unresolved.map((u) => u.length)));
  }
  if (resultTypes.some((t, i) => t === undefined && def.results[i]?.kind === "single")) {
    const inferred = inferResultTypes(def, state.operands, state.attributes);
    if (inferred === undefined) p.error(`'${def.name}': failed to infer the result types`, start);
    state.resultTypes.push(...inferred);
  } else {
    resultTypes.forEach((t) => state.resultTypes.push(...(t ?? [])));
    if (def.resultSegments) {
      state.attributes.set(RESULT_SEGMENT_SIZES, DenseArrayAttr.get(IntegerType.get(32), resultTypes.map((t) => t?.length ?? 0)));
    }
  }
  def.regions.forEach((r) => state.regions.push(...(s.regions.get(r.name) ?? (r.variadic ? [] : [new RegionCtor()]))));
  def.successors.forEach((x) => state.successors.push(...(s.successors.get(x.name) ?? [])));
}


/** Fills operand/result types the format does not spell, from the traits and `allTypesMatch`. */
function inferMissingTypes(
  def: OpDefinition,
  operands: readonly UnresolvedOperand[][],
  operandTypes: (Type[] | undefined)[],
  resultTypes: (Type[] | undefined)[],
): void {
  const groups: { names: string[] }[] = (def.spec.allTypesMatch ?? []).map((g) => ({ names: [...g] }));
  const allNames = (gs: readonly ValueGroupDef[]): string[] => gs.map((g) => g.name);
  if (def.traits.has(SameOperandsAndResultType)) groups.push({ names: [...allNames(def.operands), ...allNames(def.results)] });
  if (def.traits.has(SameOperandsType)) groups.push({ names: allNames(def.operands) });
  for (const g of groups) {
    let known: Type | undefined;
    for (const n of g.names) {
      const oi = def.operands.findIndex((x) => x.name === n);
      const ri = def.results.findIndex((x) => x.name === n);
      const ts = oi >= 0 ? operandTypes[oi] : ri >= 0 ? resultTypes[ri] : undefined;
      if (ts !== undefined && ts.length > 0) known ??= ts[0];
    }
    if (known === undefined) continue;
    for (const n of g.names) {
      const oi = def.operands.findIndex((x) => x.name === n);
      const ri = def.results.findIndex((x) => x.name === n);
      if (oi >= 0 && operandTypes[oi] === undefined) operandTypes[oi] = (operands[oi] ?? []).map(() => known as Type);
      if (ri >= 0 && resultTypes[ri] === undefined && def.results[ri]?.kind === "single") resultTypes[ri] = [known];
    }
  }
}

/** Tries to parse the first element of an optional group; true when it was there. */
function parseOptionalFirst(def: OpDefinition, e: Element, p: OpAsmParser, s: FormatState): boolean {
  switch (e.k) {
    case "lit":
      return /^[A-Za-z_]/.test(e.text)
        ? p.parseOptionalKeyword(e.text) !== undefined
        : p.parseOptionalPunct(e.text as Parameters<OpAsmParser["parseOptionalPunct"]>[0]);
    case "operand": {
      const at = p.loc();
      const first = p.parseOptionalOperand();
      if (first === undefined) return false;
      const rest: UnresolvedOperand[] = [first];
      const g = def.operands.find((x) => x.name === e.name);
      if (g?.kind === "variadic") while (p.parseOptionalPunct(",")) rest.push(p.parseOperand());
      s.operands.set(e.name, rest);
      s.operandLocs.set(e.name, at);
      return true;
    }
    case "attr": {
      const def0 = def.attributes.find((a) => a.name === e.name) as AttrDef;
      if (def0.constraint.parse !== undefined) {
        // Constraint-specific syntax (a keyword): try it only when a keyword follows.
        if (p.peekKeyword() === undefined) return false;
        s.attributes.set(e.name, def0.constraint.parse(p));
        return true;
      }
      const a = p.parseOptionalAttribute();
      if (a === undefined) return false;
      s.attributes.set(e.name, a);
      return true;
    }
    case "region": {
      const r = new RegionCtor();
      if (!p.parseOptionalRegion(r)) return false;
      s.regions.set(e.name, [r]);
      return true;
    }
    case "successor": {
      const b = p.parseOptionalSuccessor();
      if (b === undefined) return false;
      s.successors.set(e.name, [b]);
      return true;
    }
    case "type": {
      const t = p.parseOptionalType();
      if (t === undefined) return false;
      const ts = [t];
      while (p.parseOptionalPunct(",")) ts.push(p.parseType());
      setTypes(def, e.of, ts, s);
      return true;
    }
    default:
      parseElement(def, e, p, s);
      return true;
  }
}

function setTypes(def: OpDefinition, ref: TypeRef, ts: Type[], s: FormatState): void {
  if (ref.k === "operand") s.operandTypes.set(ref.name, ts);
  else if (ref.k === "result") s.resultTypes.set(ref.name, ts);
  else if (ref.k === "operands") s.allOperandTypes = ts;
  else s.allResultTypes = ts;
}

function parseElement(
  def: OpDefinition,
  e: Element,
  p: OpAsmParser,
  s: FormatState,
): void {
  switch (e.k) {
    case "lit":
      if (/^[A-Za-z_]/.test(e.text)) p.parseKeyword(e.text);
      else p.parsePunct(e.text as Parameters<OpAsmParser["parsePunct"]>[0]);
      return;
    case "operand": {
      const g = def.operands.find((x) => x.name === e.name) as ValueGroupDef;
      s.operandLocs.set(e.name, p.loc());
      if (g.kind === "single") s.operands.set(e.name, [p.parseOperand()]);
      else if (g.kind === "optional") {
        const o = p.parseOptionalOperand();
        s.operands.set(e.name, o === undefined ? [] : [o]);
      } else s.operands.set(e.name, p.parseOperandList("none"));
      return;
    }
    case "operands":
      s.allOperandsLoc = p.loc();
      s.allOperands = p.parseOperandList("none");
      return;
    case "attr": {
      const a = def.attributes.find((x) => x.name === e.name) as AttrDef;
      const v = a.constraint.parse !== undefined ? a.constraint.parse(p) : p.parseAttribute();
      s.attributes.set(e.name, v);
      return;
    }
    case "region": {
      const r = new RegionCtor();
      p.parseRegion(r);
      s.regions.set(e.name, [r]);
      return;
    }
    case "regions": {
      const rs: Region[] = [];
      let r = new RegionCtor();
      while (p.parseOptionalRegion(r)) {
        rs.push(r);
        r = new RegionCtor();
        if (!p.parseOptionalPunct(",")) break;
      }
      def.regions.forEach((x, i) => s.regions.set(x.name, x.variadic ? rs.slice(i) : rs.slice(i, i + 1)));
      return;
    }
    case "successor": {
      const x = def.successors.find((y) => y.name === e.name);
      const bs: Block[] = [p.parseSuccessor()];
      if (x?.variadic) while (p.parseOptionalPunct(",")) bs.push(p.parseSuccessor());
      s.successors.set(e.name, bs);
      return;
    }
    case "successors": {
      const bs: Block[] = [];
      const first = p.parseOptionalSuccessor();
      if (first !== undefined) {
        bs.push(first);
        while (p.parseOptionalPunct(",")) bs.push(p.parseSuccessor());
      }
      def.successors.forEach((x, i) => s.successors.set(x.name, x.variadic ? bs.slice(i) : bs.slice(i, i + 1)));
      return;
    }
    case "type":
      setTypes(def, e.of, e.of.k === "operand" || e.of.k === "result" ? parseTypesFor(def, e.of, p) : p.parseTypeList(), s);
      return;
    case "functional": {
      const ft = p.parseFunctionType();
      setTypes(def, e.ins, [...ft.inputs], s);
      setTypes(def, e.outs, [...ft.results], s);
      return;
    }
    case "attrdict":
      if (e.keyword) p.parseOptionalAttrDictWithKeyword(s.attributes);
      else p.parseOptionalAttrDict(s.attributes);
      return;
    case "custom":
      def.spec.customDirectives?.[e.name]?.parse(p, s, e.args);
      return;
    case "optional": {
      const [first, ...rest] = e.then;
      if (first !== undefined && parseOptionalFirst(def, first, p, s)) {
        for (const x of rest) parseElement(def, x, p, s);
      } else {
        for (const x of e.else) parseElement(def, x, p, s);
      }
      return;
    }
  }
}

/** `type($x)`: one type for a single group, a comma list for a variadic one. */
function parseTypesFor(def: OpDefinition, ref: { k: "operand" | "result"; name: string }, p: OpAsmParser): Type[] {
  const g = (ref.k === "operand" ? def.operands : def.results).find((x) => x.name === ref.name);
  if (g?.kind === "single") return [p.parseType()];
  if (g?.kind === "optional") {
    const t = p.parseOptionalType();
    return t === undefined ? [] : [t];
  }
  return p.parseTypeList();
}
