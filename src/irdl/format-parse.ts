/**
 * Parses an op with its compiled declarative format (see format.ts): reads the pieces the elements name,
 * then fills in the types the format does not spell (buildable constraints, type relations, the op's
 * inferResultTypes) and lays out operands, segment sizes, regions and successors in spec order.
 */
import { type Attribute, DenseArrayAttr, UnitAttr } from "../ir/attributes.ts";
import { Block, Region } from "../ir/operation.ts";
import { NoTerminator, SingleBlock } from "../ir/traits.ts";
import { IntegerType, type Type } from "../ir/types.ts";
import type { OpAsmParser, OperationState, Punctuation, SourcePos, UnresolvedOperand } from "../text/asm-interfaces.ts";
import type { AttrConstraint } from "./constraints.ts";
import { groupRanges, OPERAND_SEGMENT_SIZES, type OpDefinition, RESULT_SEGMENT_SIZES } from "./define-op.ts";
import { inferResultTypes } from "./infer-result-types.ts";
import { ensureTerminator, isImplicitTerminatorTrait } from "./implicit-terminator.ts";
import { type CompiledFormat, groupKey, typeRelations } from "./format.ts";
import type { CustomArg, Element, TypeRef } from "./format-elements.ts";

/**
 * What the parse has read so far, by position in the spec's groups (sparse arrays: one op's parse makes a
 * few of them, so they cost much less than maps).
 */
class ParsedPieces {
  readonly operands: (UnresolvedOperand[] | undefined)[] = [];
  readonly operandLocs: (SourcePos | undefined)[] = [];
  readonly operandTypes: (Type[] | undefined)[] = [];
  /** Where `type($x)` was read, by operand / result group. */
  readonly operandTypeLocs: (SourcePos | undefined)[] = [];
  readonly resultTypeLocs: (SourcePos | undefined)[] = [];
  readonly resultTypes: (Type[] | undefined)[] = [];
  readonly regions: (Region[] | undefined)[] = [];
  readonly successors: (Block[] | undefined)[] = [];
  allOperands: UnresolvedOperand[] | undefined = undefined;
  allOperandsLoc: SourcePos | undefined = undefined;
  allOperandTypes: Type[] | undefined = undefined;
  allResultTypes: Type[] | undefined = undefined;
  allRegions: Region[] | undefined = undefined;
  allSuccessors: Block[] | undefined = undefined;
  constructor(readonly attributes: Map<string, Attribute>) {}
}

/** A literal that is a keyword (`to`, `attributes`) rather than punctuation: it starts with a letter or `_`. */
function isKeywordLiteral(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function parseWithFormat(def: OpDefinition, format: CompiledFormat, p: OpAsmParser, state: OperationState): void {
  const start = p.pos();
  const s = new ParsedPieces(state.attributes);
  const reader = new FormatReader(p, s);
  for (const e of format.elements) reader.element(e);
  assemble(def, p, s, state, start);
}

class FormatReader {
  constructor(
    private readonly p: OpAsmParser,
    private readonly s: ParsedPieces,
  ) {}

  element(e: Element): void {
    const { p, s } = this;
    switch (e.k) {
      case "lit":
        if (isKeywordLiteral(e.text)) p.parseKeyword(e.text);
        else p.parsePunct(e.text as Punctuation);
        return;
      case "ws":
        return;
      case "operand": {
        s.operandLocs[e.index] = p.pos();
        if (e.group.kind === "single") s.operands[e.index] = [p.parseOperand()];
        else if (e.group.kind === "optional") {
          const o = p.parseOptionalOperand();
          s.operands[e.index] = o === undefined ? [] : [o];
        } else s.operands[e.index] = p.parseOperandList("none");
        return;
      }
      case "operands":
        s.allOperandsLoc = p.pos();
        s.allOperands = p.parseOperandList("none");
        return;
      case "attr":
        if (e.unit) s.attributes.set(e.def.name, UnitAttr.get());
        else s.attributes.set(e.def.name, parseAttr(e.def.constraint, p, e.qualified));
        return;
      case "region":
        s.regions[e.index] = e.def.variadic ? this.regionList() : [this.region()];
        return;
      case "regions":
        s.allRegions = this.regionList();
        return;
      case "successor": {
        const bs: Block[] = [];
        if (e.def.variadic) {
          const first = p.parseOptionalSuccessor();
          if (first !== undefined) {
            bs.push(first);
            while (p.parseOptionalPunct(",")) bs.push(p.parseSuccessor());
          }
        } else bs.push(p.parseSuccessor());
        s.successors[e.index] = bs;
        return;
      }
      case "successors": {
        const bs: Block[] = [];
        const first = p.parseOptionalSuccessor();
        if (first !== undefined) {
          bs.push(first);
          while (p.parseOptionalPunct(",")) bs.push(p.parseSuccessor());
        }
        s.allSuccessors = bs;
        return;
      }
      case "type":
        if (e.of.k === "operand") s.operandTypeLocs[e.of.index] = p.pos();
        else if (e.of.k === "result") s.resultTypeLocs[e.of.index] = p.pos();
        this.setTypes(e.of, this.typesFor(e.of));
        return;
      case "functional": {
        const ft = p.parseFunctionType();
        this.setTypes(e.ins, [...ft.inputs]);
        this.setTypes(e.outs, [...ft.results]);
        return;
      }
      case "attrdict":
        // An attribute both here and in the format is reported after the op ("occurs more than once").
        if (e.keyword) p.parseOptionalAttrDictWithKeyword(s.attributes);
        else p.parseOptionalAttrDict(s.attributes);
        return;
      case "custom":
        this.storeCustom(e.args, e.directive.parse(p, this.refs(e.args) as never) as Record<string, unknown>);
        return;
      case "optional": {
        // Leading whitespace (`` `` ``) only affects printing: the group's first real element decides.
        const start = e.then.findIndex((x) => x.k !== "ws");
        const first = start < 0 ? undefined : e.then[start];
        if (first !== undefined && this.optionalFirst(first)) {
          for (const x of e.then.slice(start + 1)) this.element(x);
        } else {
          for (const x of e.else) this.element(x);
        }
        return;
      }
      case "oilist": {
        const seen = new Set<string>();
        for (;;) {
          const loc = p.pos();
          const word = p.parseOptionalKeyword(e.clauses.map((c) => c.keyword.text));
          if (word === undefined) return;
          if (seen.has(word)) p.error(`\`${word}\` clause can appear at most once in the expansion of the oilist directive`, loc);
          seen.add(word);
          const clause = e.clauses.find((c) => c.keyword.text === word);
          for (const x of clause?.elements ?? []) this.element(x);
        }
      }
    }
  }

  private region(): Region {
    const r = new Region();
    this.p.parseRegion(r);
    return r;
  }
  private regionList(): Region[] {
    const rs: Region[] = [];
    let r = new Region();
    while (this.p.parseOptionalRegion(r)) {
      rs.push(r);
      r = new Region();
      if (!this.p.parseOptionalPunct(",")) break;
    }
    return rs;
  }

  /** Tries the first element of an optional group; true (having read it) when it is there. */
  private optionalFirst(e: Element): boolean {
    const { p, s } = this;
    switch (e.k) {
      case "lit":
        return isKeywordLiteral(e.text) ? p.parseOptionalKeyword(e.text) !== undefined : p.parseOptionalPunct(e.text as Punctuation);
      case "operand": {
        const at = p.pos();
        const first = p.parseOptionalOperand();
        if (first === undefined) return false;
        const rest: UnresolvedOperand[] = [first];
        if (e.group.kind === "variadic") while (p.parseOptionalPunct(",")) rest.push(p.parseOperand());
        s.operands[e.index] = rest;
        s.operandLocs[e.index] = at;
        return true;
      }
      case "attr": {
        const a = e.qualified ? p.parseOptionalAttribute(e.def.constraint.valueType) : parseOptionalAttrStripped(e.def.constraint, p);
        if (a === undefined) return false;
        s.attributes.set(e.def.name, a);
        return true;
      }
      case "region": {
        const r = new Region();
        if (!p.parseOptionalRegion(r)) return false;
        if (e.def.variadic) {
          const rs = [r];
          while (p.parseOptionalPunct(",")) rs.push(this.region());
          s.regions[e.index] = rs;
        } else s.regions[e.index] = [r];
        return true;
      }
      case "successor": {
        const b = p.parseOptionalSuccessor();
        if (b === undefined) return false;
        const bs = [b];
        if (e.def.variadic) while (p.parseOptionalPunct(",")) bs.push(p.parseSuccessor());
        s.successors[e.index] = bs;
        return true;
      }
      case "type": {
        const t = p.parseOptionalType();
        if (t === undefined) return false;
        const ts = [t];
        if (e.of.k !== "operand" && e.of.k !== "result" ? true : e.of.group.kind === "variadic") {
          while (p.parseOptionalPunct(",")) ts.push(p.parseType());
        }
        this.setTypes(e.of, ts);
        return true;
      }
      case "custom": {
        const out = e.directive.parseOptional?.(p, this.refs(e.args) as never);
        if (out === undefined) return false;
        this.storeCustom(e.args, out as Record<string, unknown>);
        return true;
      }
      default:
        this.element(e);
        return true;
    }
  }

  private setTypes(ref: TypeRef, ts: Type[]): void {
    const s = this.s;
    if (ref.k === "operand") s.operandTypes[ref.index] = ts;
    else if (ref.k === "result") s.resultTypes[ref.index] = ts;
    else if (ref.k === "operands") s.allOperandTypes = ts;
    else s.allResultTypes = ts;
  }

  /** `type($x)`: one type for a single group, zero or one for an optional one, a comma list otherwise. */
  private typesFor(ref: TypeRef): Type[] {
    const p = this.p;
    if (ref.k === "operands" || ref.k === "results" || ref.group.kind === "variadic") {
      const t = p.parseOptionalType();
      if (t === undefined) return [];
      const ts = [t];
      while (p.parseOptionalPunct(",")) ts.push(p.parseType());
      return ts;
    }
    if (ref.group.kind === "single") return [p.parseType()];
    const t = p.parseOptionalType();
    return t === undefined ? [] : [t];
  }

  /** The inputs of a custom directive's parse hook: its `ref(...)` arguments, as parsed so far. */
  private refs(args: readonly CustomArg[]): Record<string, unknown> {
    const s = this.s;
    const out: Record<string, unknown> = {};
    for (const a of args) {
      if (!a.isRef) continue;
      const of = a.of;
      let v: unknown[] | Attribute | undefined;
      if (of.k === "type") v = of.ref.k === "operand" ? s.operandTypes[of.ref.index] : of.ref.k === "result" ? s.resultTypes[of.ref.index] : undefined;
      else if (of.k === "operand") v = s.operands[of.index];
      else if (of.k === "attr") v = s.attributes.get(of.def.name);
      else if (of.k === "region") v = s.regions[of.index];
      else v = s.successors[of.index];
      out[a.key] = single(a.kind) && Array.isArray(v) ? v[0] : (v ?? (single(a.kind) || a.kind === "attr" ? undefined : []));
    }
    return out;
  }

  /** Stores what a custom directive's parse hook returned. */
  private storeCustom(args: readonly CustomArg[], out: Record<string, unknown>): void {
    const s = this.s;
    for (const a of args) {
      if (a.isRef) continue;
      const v = out[a.key];
      const list = (v === undefined ? [] : Array.isArray(v) ? v : [v]) as never[];
      const of = a.of;
      if (of.k === "type") this.setTypes(of.ref, list);
      else if (of.k === "operand") s.operands[of.index] = list;
      else if (of.k === "attr") {
        if (v !== undefined) s.attributes.set(of.def.name, v as Attribute);
      } else if (of.k === "region") s.regions[of.index] = list;
      else s.successors[of.index] = list;
    }
  }
}

const single = (k: CustomArg["kind"]): boolean =>
  k === "operand" || k === "optionalOperand" || k === "type" || k === "optionalType" || k === "region" || k === "successor";

/**
 * `$attr` in a format: the constraint's stripped form (unless qualified), the value with its buildable type, or in full; an
 * attribute of the wrong kind is a parse error, as ODS's parsers check the attribute's storage class.
 */
function parseAttr(c: AttrConstraint, p: OpAsmParser, qualified: boolean): Attribute {
  if (c.parse !== undefined && !qualified) return c.parse(p);
  const loc = p.pos();
  const a = c.valueType !== undefined ? p.parseAttribute(c.valueType) : p.parseAttribute();
  if (!c.test(a)) p.error("invalid kind of attribute specified", loc);
  return a;
}
function parseOptionalAttrStripped(c: AttrConstraint, p: OpAsmParser): Attribute | undefined {
  if (c.parseOptional !== undefined) return c.parseOptional(p);
  if (c.parse !== undefined) return p.peekKeyword() === undefined ? undefined : c.parse(p);
  return c.valueType !== undefined ? p.parseOptionalAttribute(c.valueType) : p.parseOptionalAttribute();
}

/** Lays the parsed pieces out in spec order, filling the types the format does not print. */
function assemble(def: OpDefinition, p: OpAsmParser, s: ParsedPieces, state: OperationState, start: SourcePos): void {
  const unresolved: UnresolvedOperand[][] = def.operands.map((_, i) => s.operands[i] ?? []);
  // With `operands` (or `type(results)`), the segment sizes come from the attr-dict, as in ODS.
  const segments = (name: string): readonly number[] | undefined => {
    const a = state.attributes.get(name);
    return a instanceof DenseArrayAttr ? a.numbers : undefined;
  };
  if (s.allOperands !== undefined) {
    const all = s.allOperands;
    const seg = def.operandSegments ? segments(OPERAND_SEGMENT_SIZES) : undefined;
    groupRanges(def.operands, all.length, seg).forEach(([b, n], i) => (unresolved[i] = all.slice(b, b + n)));
  }
  let operandTypes: (Type[] | undefined)[] = def.operands.map((_, i) => s.operandTypes[i]);
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
  let resultTypes: (Type[] | undefined)[] = def.results.map((_, i) => s.resultTypes[i]);
  if (s.allResultTypes !== undefined) {
    const all = s.allResultTypes;
    const seg = def.resultSegments ? segments(RESULT_SEGMENT_SIZES) : undefined;
    resultTypes = groupRanges(def.results, all.length, seg).map(([b, n]) => all.slice(b, b + n));
  }

  inferMissingTypes(def, unresolved, operandTypes, resultTypes, (kind, index) =>
    p.error("invalid kind of type specified", (kind === "operand" ? s.operandTypeLocs[index] : s.resultTypeLocs[index]) ?? start),
  );
  def.operands.forEach((g, i) => {
    const us = unresolved[i] ?? [];
    if (us.length === 0) return;
    const ts = operandTypes[i];
    if (ts === undefined) p.error(`'${def.name}': the type of operand '${g.name}' cannot be inferred`, start);
    // One type per operand, as in MLIR: `type($group)` of a variadic group must list as many types as operands.
    state.operands.push(...p.resolveOperands(us, ts, s.operandLocs[i] ?? s.allOperandsLoc ?? start));
  });
  if (def.operandSegments && s.allOperands === undefined) {
    state.attributes.set(OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(IntegerType.get(32), unresolved.map((u) => u.length)));
  }
  if (resultTypes.some((t, i) => t === undefined && def.results[i]?.kind === "single")) {
    const inferred = inferResultTypes(def, state.operands, state.attributes);
    if (inferred === undefined) p.error(`'${def.name}': failed to infer the result types`, start);
    state.resultTypes.push(...inferred);
  } else {
    resultTypes.forEach((t) => state.resultTypes.push(...(t ?? [])));
    if (def.resultSegments && s.allResultTypes === undefined) {
      state.attributes.set(RESULT_SEGMENT_SIZES, DenseArrayAttr.get(IntegerType.get(32), resultTypes.map((t) => t?.length ?? 0)));
    }
  }

  const emplace = def.traits.has(SingleBlock) && def.traits.has(NoTerminator);
  const regions: Region[] = [];
  def.regions.forEach((r, i) => {
    const all = s.allRegions;
    const rs = all !== undefined ? (r.variadic ? all.slice(i) : all.slice(i, i + 1)) : (s.regions[i] ?? (r.variadic ? [] : [new Region()]));
    regions.push(...rs);
  });
  // ODS gives the empty region of a SingleBlock + NoTerminator op its block back.
  if (emplace) for (const r of regions) if (r.isEmpty) r.push(new Block());
  // ODS puts back the terminator an op with SingleBlockImplicitTerminator lets the text leave out.
  const implicit = [...def.traits].find(isImplicitTerminatorTrait);
  if (implicit !== undefined) for (const r of regions) ensureTerminator(r, implicit, state.loc);
  state.regions.push(...regions);
  def.successors.forEach((x, i) => {
    const all = s.allSuccessors;
    state.successors.push(...(all !== undefined ? (x.variadic ? all.slice(i) : all.slice(i, i + 1)) : (s.successors[i] ?? [])));
  });
}

/** Fills operand/result types the format does not spell, from buildable constraints and the type relations. */
function inferMissingTypes(
  def: OpDefinition,
  operands: readonly UnresolvedOperand[][],
  operandTypes: (Type[] | undefined)[],
  resultTypes: (Type[] | undefined)[],
  wrongKind: (kind: "operand" | "result", index: number) => never,
): void {
  def.operands.forEach((g, i) => {
    if (operandTypes[i] === undefined && g.constraint.buildable !== undefined) {
      const t = g.constraint.buildable;
      operandTypes[i] = (operands[i] ?? []).map(() => t);
    }
  });
  def.results.forEach((g, i) => {
    if (resultTypes[i] === undefined && g.kind === "single" && g.constraint.buildable !== undefined) resultTypes[i] = [g.constraint.buildable];
  });
  const plan = typeInferencePlan(def);
  const listOf = (side: Side): (Type[] | undefined)[] => (side === "operand" ? operandTypes : resultTypes);
  for (const rel of plan.derived) {
    const fromType = rel.from.index < 0 ? undefined : listOf(rel.from.side)[rel.from.index]?.[0];
    const toList = listOf(rel.to.side);
    if (fromType === undefined || rel.to.index < 0 || toList[rel.to.index] !== undefined) continue;
    const want = rel.transform(fromType);
    if (want === undefined) wrongKind(rel.from.side, rel.from.index);
    toList[rel.to.index] = Array.isArray(want) ? [...(want as readonly Type[])] : [want as Type];
  }
  for (const slots of plan.equal) {
    let known: Type | undefined;
    for (const { side, index } of slots) {
      const ts = listOf(side)[index];
      if (ts !== undefined && ts.length > 0) known ??= ts[0];
    }
    if (known === undefined) continue;
    const t = known;
    for (const { side, index: i } of slots) {
      const list = listOf(side);
      if (list[i] !== undefined) continue;
      if (side === "operand") list[i] = (operands[i] ?? []).map(() => t);
      else if (def.results[i]?.kind === "single") list[i] = [t];
    }
  }
}

type Side = "operand" | "result";
/** An operand or result group, by index (-1: a name the spec does not have). */
interface GroupSlot {
  readonly side: Side;
  readonly index: number;
}
/** The type relations of an op kind, resolved to group slots once (not per parsed op). */
interface TypeInferencePlan {
  readonly derived: readonly { readonly from: GroupSlot; readonly to: GroupSlot; readonly transform: (t: Type) => unknown }[];
  readonly equal: readonly (readonly GroupSlot[])[];
}

const plans = new WeakMap<OpDefinition, TypeInferencePlan>();

function typeInferencePlan(def: OpDefinition): TypeInferencePlan {
  let plan = plans.get(def);
  if (plan !== undefined) return plan;
  const slot = (key: string): GroupSlot => {
    const [k, name] = key.split(":") as [string, string];
    return k === "operand"
      ? { side: "operand", index: def.operands.findIndex((g) => g.name === name) }
      : { side: "result", index: def.results.findIndex((g) => g.name === name) };
  };
  plan = {
    derived: (def.spec.typesMatchWith ?? []).map((rel) => ({
      from: slot(groupKey(def, rel.from) ?? ""),
      to: slot(groupKey(def, rel.to) ?? ""),
      transform: rel.transform as (t: Type) => unknown,
    })),
    equal: typeRelations(def).map((names) => names.map(slot)),
  };
  plans.set(def, plan);
  return plan;
}
