/**
 * Prints an op with its compiled declarative format (see format.ts). Spacing was decided when the format was
 * compiled; this walks the elements and asks the op for each piece.
 */
import { type Attribute, UnitAttr } from "../ir/attributes.ts";
import type { Block, Operation, Region } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import type { OpOperand, Value } from "../ir/value.ts";
import type { OpAsmPrinter } from "../text/asm-interfaces.ts";
import type { AttrConstraint } from "./constraints.ts";
import { type OpDefinition, operandRanges, resultRanges } from "./define-op.ts";
import type { CompiledFormat } from "./format.ts";
import type { Printed } from "./format-directives.ts";
import type { AttrVar, CustomArg, Element, TypeRef, Var } from "./format-elements.ts";
import { implicitTerminatorOf, printsTerminator } from "./implicit-terminator.ts";

export function printWithFormat(def: OpDefinition, format: CompiledFormat, op: Operation, p: OpAsmPrinter): void {
  new FormatPrinter(def, format, op, p).elements(format.elements);
}

/** Whether an attribute is set and not at its default (what anchors an optional group). */
export function attrIsPresent(op: Operation, v: AttrVar): boolean {
  const a = op.attr(v.def.name);
  if (a === undefined) return false;
  return v.def.defaultValue === undefined || a !== v.def.defaultValue();
}

class FormatPrinter {
  // The groups' [start, length], computed once per op printed.
  private operandRangesMemo: readonly (readonly [number, number])[] | undefined;
  private resultRangesMemo: readonly (readonly [number, number])[] | undefined;
  constructor(
    private readonly def: OpDefinition,
    private readonly format: CompiledFormat,
    private readonly op: Operation,
    private readonly p: OpAsmPrinter,
  ) {}

  elements(els: readonly Element[]): void {
    for (const e of els) this.element(e);
  }

  private operandGroup(index: number): readonly Value[] {
    this.operandRangesMemo ??= operandRanges(this.op, this.def);
    const [start, n] = this.operandRangesMemo[index] ?? [0, 0];
    // What `op.operands.slice(start, start + n)` gives, without copying all the operands first.
    const slots = this.op.opOperands;
    const end = Math.min(start + n, slots.length);
    const values: Value[] = [];
    for (let i = start; i < end; i++) values.push((slots[i] as OpOperand).value);
    return values;
  }
  private typesOf(ref: TypeRef): readonly Type[] {
    switch (ref.k) {
      case "operands":
        return this.op.operands.map((v) => v.type);
      case "results":
        return this.op.resultTypes;
      case "operand":
        return this.operandGroup(ref.index).map((v) => v.type);
      case "result": {
        this.resultRangesMemo ??= resultRanges(this.op, this.def);
        const [start, n] = this.resultRangesMemo[ref.index] ?? [0, 0];
        return this.op.resultTypes.slice(start, start + n);
      }
    }
  }
  /** A `$region`: an op with an implicit terminator leaves it out when it says nothing more (ODS's rule). */
  private printRegion(r: Region, p: OpAsmPrinter): void {
    if (implicitTerminatorOf(this.op) === undefined) p.printRegion(r);
    else p.printRegion(r, { printBlockTerminators: printsTerminator(r) });
  }
  private regionGroup(index: number, variadic: boolean): readonly Region[] {
    return variadic ? this.op.regions.slice(index) : this.op.regions.slice(index, index + 1);
  }
  private successorGroup(index: number, variadic: boolean): readonly Block[] {
    return variadic ? this.op.successors.slice(index) : this.op.successors.slice(index, index + 1);
  }

  /** Whether an optional group's anchor (or an oilist clause's variable) is present. */
  private present(e: Element | Var): boolean {
    switch (e.k) {
      case "operand":
        return this.operandGroup(e.index).length > 0;
      case "attr":
        return attrIsPresent(this.op, e);
      case "region":
        return this.regionGroup(e.index, e.def.variadic).some((r) => !r.isEmpty);
      case "successor":
        return this.successorGroup(e.index, e.def.variadic).length > 0;
      case "type":
        return this.typesOf(e.of).length > 0;
      case "custom":
        return e.args.some((a) => !a.isRef && (a.of.k === "type" ? this.typesOf(a.of.ref).length > 0 : this.present(a.of)));
      default:
        return false;
    }
  }

  /** Whether an oilist clause's element is there: as `present`, but a default-valued attribute counts when set. */
  private presentInClause(e: Element | Var): boolean {
    if (e.k === "attr") return this.op.attr(e.def.name) !== undefined;
    if (e.k === "custom") return e.args.some((a) => !a.isRef && (a.of.k === "type" ? this.typesOf(a.of.ref).length > 0 : this.presentInClause(a.of)));
    return this.present(e);
  }

  private space(yes: boolean): void {
    if (yes) this.p.print(" ");
  }

  private element(e: Element): void {
    const p = this.p;
    switch (e.k) {
      case "lit":
        this.space(e.space);
        p.print(e.text);
        return;
      case "ws":
        if (e.text === "\n") p.printNewline();
        else p.print(e.text);
        return;
      case "operand":
        this.space(e.space);
        p.printOperands(this.operandGroup(e.index));
        return;
      case "operands":
        this.space(e.space);
        p.printOperands(this.op.operands);
        return;
      case "attr": {
        const a = this.op.attr(e.def.name);
        if (e.unit || a === undefined || a instanceof UnitAttr) return;
        this.space(e.space);
        if (e.qualified) p.printAttribute(a);
        else printAttrStripped(a, e.def.constraint, p);
        return;
      }
      case "region":
        this.space(e.space);
        this.regionGroup(e.index, e.def.variadic).forEach((r, i) => {
          if (i > 0) p.print(", ");
          this.printRegion(r, p);
        });
        return;
      case "regions":
        this.space(e.space);
        this.op.regions.forEach((r, i) => {
          if (i > 0) p.print(", ");
          this.printRegion(r, p);
        });
        return;
      case "successor":
      case "successors": {
        const bs = e.k === "successors" ? this.op.successors : this.successorGroup(e.index, e.def.variadic);
        this.space(e.space);
        bs.forEach((b, i) => {
          if (i > 0) p.print(", ");
          p.printSuccessor(b);
        });
        return;
      }
      case "type":
        this.space(e.space);
        p.printTypes(this.typesOf(e.of));
        return;
      case "functional":
        this.space(e.space);
        p.printFunctionalType(this.typesOf(e.ins), this.typesOf(e.outs));
        return;
      case "attrdict":
        if (e.keyword) p.printOptionalAttrDictWithKeyword(this.op.attributes, this.format.elided);
        else p.printOptionalAttrDict(this.op.attributes, this.format.elided);
        return;
      case "custom": {
        this.space(e.space);
        const args: Record<string, unknown> = {};
        for (const a of e.args) args[a.key] = this.piece(a);
        e.directive.print(p, this.op, args as never);
        return;
      }
      case "optional":
        this.elements(this.present(e.anchor) ? e.then : e.else);
        return;
      case "oilist":
        // MLIR 16's generated printers put two spaces where an oilist starts, whatever clauses follow
        // (`omp.parallel   num_threads(...) {`); a clause is present when one of its variables is, a
        // default-valued attribute counting as present whenever it is set (`omp.critical.declare @m   hint(none)`).
        p.print("  ");
        for (const c of e.clauses) {
          if (!c.elements.some((x) => this.presentInClause(x))) continue;
          this.element(c.keyword);
          this.elements(c.elements);
        }
        return;
    }
  }

  /** The piece of the op a custom directive's argument names, typed per its kind. */
  private piece(a: CustomArg): Printed<CustomArg["kind"]> {
    const of = a.of;
    if (of.k === "type") {
      const ts = this.typesOf(of.ref);
      return a.kind === "types" ? ts : ts[0];
    }
    switch (of.k) {
      case "operand": {
        const vs = this.operandGroup(of.index);
        return a.kind === "operands" ? vs : vs[0];
      }
      case "attr":
        return this.op.attr(of.def.name);
      case "region": {
        const rs = this.regionGroup(of.index, of.def.variadic);
        return a.kind === "regions" ? rs : rs[0];
      }
      case "successor": {
        const bs = this.successorGroup(of.index, of.def.variadic);
        return a.kind === "successors" ? bs : bs[0];
      }
    }
  }
}

/** `$attr` in a format: the constraint's stripped form, the value without its buildable type, or in full. */
function printAttrStripped(a: Attribute, c: AttrConstraint, p: OpAsmPrinter): void {
  if (c.print !== undefined && c.test(a)) c.print(a, p);
  else if (c.valueType !== undefined && c.test(a)) p.printAttributeWithoutType(a);
  else p.printAttribute(a);
}
