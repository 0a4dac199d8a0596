/**
 * The custom directives of MLIR 16's OpenMP formats (OpenMPDialect.cpp's parse/print pairs), shared by the ops
 * that take the clauses:
 *
 *   reduction(@add_f32 -> %acc : memref<f32>, ...)                         custom<ReductionVarList>
 *   allocate(%alloc : i64 -> %x : memref<f32>, ...)                         custom<AllocateAndAllocator>
 *   proc_bind(spread)  order(concurrent)  memory_order(acquire)            custom<ClauseAttr>
 *   schedule(dynamic = %n : i32, nonmonotonic, simd)                        custom<ScheduleClause>
 *   hint(uncontended, speculative)                                          custom<SynchronizationHint>
 *   linear(%x = %step : memref<i32>)                                        custom<LinearClause>
 *   aligned(%x : memref<f32> -> 64 : i64)                                   custom<AlignedClause>
 *   for (%i, %j) : index = (%lb0, %lb1) to (%ub0, %ub1) inclusive step (%s0, %s1) { ... }   custom<LoopControl>
 */
import { ArrayAttr, type Attribute, IntegerAttr, SymbolRefAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { Block, Region } from "../../src/ir/operation.ts";
import { i64, IntegerType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { EnumAttrBase } from "../../src/irdl/enums.ts";
import { customDirective } from "../../src/irdl/format-directives.ts";
import type { OpAsmParser, OpAsmPrinter, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";
import { ScheduleKindAttr, ScheduleModifierAttr } from "./attrs.ts";

/** `%v : type` */
function parseOperandAndType(p: OpAsmParser): { operand: UnresolvedOperand; type: Type } {
  const operand = p.parseOperand();
  return { operand, type: p.parseColonType() };
}

function printValueAndType(p: OpAsmPrinter, v: Value): void {
  p.printOperand(v);
  p.print(" : ");
  p.printType(v.type);
}

/** `@sym -> %acc : type, ...`: reduction declarations and the accumulators they reduce into. */
export const ReductionVarList = customDirective({
  params: { vars: "operands", types: "types", symbols: "attr" },
  print(p, _op, { vars, symbols }) {
    const syms = symbols instanceof ArrayAttr ? symbols.elements : [];
    syms.forEach((s, i) => {
      if (i > 0) p.print(", ");
      p.printAttribute(s);
      p.print(" -> ");
      const v = vars[i];
      if (v !== undefined) printValueAndType(p, v);
    });
  },
  parse(p) {
    const vars: UnresolvedOperand[] = [];
    const types: Type[] = [];
    const symbols: Attribute[] = [];
    p.parseCommaSeparatedList("none", () => {
      symbols.push(p.parseAttribute());
      p.parsePunct("->");
      const { operand, type } = parseOperandAndType(p);
      vars.push(operand);
      types.push(type);
    });
    return { vars, types, symbols: ArrayAttr.get(symbols) };
  },
});

/** `%allocator : type -> %var : type, ...` */
export const AllocateAndAllocator = customDirective({
  params: { allocateVars: "operands", allocateTypes: "types", allocatorVars: "operands", allocatorTypes: "types" },
  print(p, _op, { allocateVars, allocatorVars }) {
    allocateVars.forEach((v, i) => {
      const allocator = allocatorVars[i];
      if (allocator !== undefined) printValueAndType(p, allocator);
      p.print(" -> ");
      printValueAndType(p, v);
      if (i < allocateVars.length - 1) p.print(", ");
    });
  },
  parse(p) {
    const allocateVars: UnresolvedOperand[] = [];
    const allocateTypes: Type[] = [];
    const allocatorVars: UnresolvedOperand[] = [];
    const allocatorTypes: Type[] = [];
    p.parseCommaSeparatedList("none", () => {
      const allocator = parseOperandAndType(p);
      allocatorVars.push(allocator.operand);
      allocatorTypes.push(allocator.type);
      p.parsePunct("->");
      const v = parseOperandAndType(p);
      allocateVars.push(v.operand);
      allocateTypes.push(v.type);
    });
    return { allocateVars, allocateTypes, allocatorVars, allocatorTypes };
  },
});

/** An enum attribute's case keyword (`spread`), parsed by the enum class given. */
export function clauseAttr(parseCase: (p: OpAsmParser) => Attribute) {
  return customDirective({
    params: { value: "attr" },
    print(p, _op, { value }) {
      if (value instanceof EnumAttrBase) p.print(value.keywords.join(""));
      else if (value !== undefined) p.printAttribute(value);
    },
    parse(p) {
      const at = p.pos();
      const word = p.peekKeyword();
      try {
        return { value: parseCase(p) };
      } catch {
        return p.error(`invalid clause value: '${word ?? ""}'`, at);
      }
    },
  });
}

// ---- schedule ------------------------------------------------------------------------------------------------

const CHUNKED = new Set(["static", "dynamic", "guided"]);
const MODIFIERS = new Set(["none", "monotonic", "nonmonotonic", "simd"]);

/** `static`, `dynamic = %n : i32`, then up to two modifiers (`nonmonotonic`, `simd`), as MLIR 16 reads them. */
export const ScheduleClause = customDirective({
  params: { kind: "attr", modifier: "attr", simd: "attr", chunk: "optionalOperand", chunkType: "optionalType" },
  print(p, _op, { kind, modifier, simd, chunk }) {
    if (kind instanceof EnumAttrBase) p.print(kind.keywords.join(""));
    if (chunk !== undefined) {
      p.print(" = ");
      printValueAndType(p, chunk);
    }
    if (modifier instanceof EnumAttrBase) p.print(`, ${modifier.keywords.join("")}`);
    if (simd !== undefined) p.print(", simd");
  },
  parse(p) {
    const word = p.parseKeyword();
    const kind = (ScheduleKindAttr.cases as readonly string[]).includes(word) ? ScheduleKindAttr.get(word as never) : undefined;
    if (kind === undefined) return p.error(" expected schedule kind");
    let chunk: UnresolvedOperand | undefined;
    let chunkType: Type | undefined;
    if (CHUNKED.has(word) && p.parseOptionalPunct("=")) {
      const c = parseOperandAndType(p);
      chunk = c.operand;
      chunkType = c.type;
    }
    const modifiers: string[] = [];
    while (p.parseOptionalPunct(",")) modifiers.push(p.parseKeyword());
    if (modifiers.length > 2) p.error(" unexpected modifier(s)");
    for (const m of modifiers) if (!MODIFIERS.has(m)) p.error(` unknown modifier type: ${m}`);
    if (modifiers.length === 1 && modifiers[0] === "simd") modifiers.unshift("none");
    else if (modifiers.length === 2 && (modifiers[0] === "simd" || modifiers[1] !== "simd")) p.error(" incorrect modifier order");
    const modifier = modifiers[0] === undefined ? undefined : ScheduleModifierAttr.get(modifiers[0] as never);
    const simd = modifiers.length > 1 ? UnitAttr.get() : undefined;
    return { kind, modifier, simd, chunk, chunkType };
  },
});

// ---- synchronization hints -------------------------------------------------------------------------------------

const HINTS = ["uncontended", "contended", "nonspeculative", "speculative"] as const;

/** The keywords of a hint value (`none` for 0). */
export function hintKeywords(hint: bigint): string[] {
  if (hint === 0n) return ["none"];
  return HINTS.filter((_, i) => (hint & (1n << BigInt(i))) !== 0n);
}

/** `none` or `uncontended, speculative`: the bits of an i64 `hint_val`. */
export const SynchronizationHint = customDirective({
  params: { hint: "attr" },
  print(p, _op, { hint }) {
    p.print(hintKeywords(hint instanceof IntegerAttr ? hint.value : 0n).join(", "));
  },
  parse(p) {
    if (p.parseOptionalKeyword("none") !== undefined) return { hint: IntegerAttr.get(i64, 0) };
    let bits = 0n;
    p.parseCommaSeparatedList("none", () => {
      const word = p.parseKeyword();
      const index = (HINTS as readonly string[]).indexOf(word);
      if (index < 0) p.error(`${word} is not a valid hint`);
      bits |= 1n << BigInt(index);
    });
    return { hint: IntegerAttr.get(i64, bits) };
  },
});

/** MLIR's verifySynchronizationHint: the message, or undefined. */
export function synchronizationHintError(hint: bigint): string | undefined {
  if ((hint & 3n) === 3n) return "the hints omp_sync_hint_uncontended and omp_sync_hint_contended cannot be combined";
  if ((hint & 12n) === 12n) return "the hints omp_sync_hint_nonspeculative and omp_sync_hint_speculative cannot be combined.";
  return undefined;
}

// ---- linear / aligned ------------------------------------------------------------------------------------------

/** `%var = %step : type, ...` */
export const LinearClause = customDirective({
  params: { vars: "operands", types: "types", steps: "operands" },
  print(p, _op, { vars, steps }) {
    vars.forEach((v, i) => {
      p.printOperand(v);
      const step = steps[i];
      if (step !== undefined) {
        p.print(" = ");
        p.printOperand(step);
      }
      p.print(" : ");
      p.printType(v.type);
      if (i < vars.length - 1) p.print(", ");
    });
  },
  parse(p) {
    const vars: UnresolvedOperand[] = [];
    const types: Type[] = [];
    const steps: UnresolvedOperand[] = [];
    p.parseCommaSeparatedList("none", () => {
      vars.push(p.parseOperand());
      p.parsePunct("=");
      steps.push(p.parseOperand());
      types.push(p.parseColonType());
    });
    return { vars, types, steps };
  },
});

/** `%var : type -> 64 : i64, ...` */
export const AlignedClause = customDirective({
  params: { vars: "operands", types: "types", alignments: "attr" },
  print(p, _op, { vars, alignments }) {
    const values = alignments instanceof ArrayAttr ? alignments.elements : [];
    vars.forEach((v, i) => {
      if (i > 0) p.print(", ");
      printValueAndType(p, v);
      p.print(" -> ");
      const a = values[i];
      if (a !== undefined) p.printAttribute(a);
    });
  },
  parse(p) {
    const vars: UnresolvedOperand[] = [];
    const types: Type[] = [];
    const alignments: Attribute[] = [];
    p.parseCommaSeparatedList("none", () => {
      const v = parseOperandAndType(p);
      vars.push(v.operand);
      types.push(v.type);
      p.parsePunct("->");
      alignments.push(p.parseAttribute());
    });
    return { vars, types, alignments: ArrayAttr.get(alignments) };
  },
});

// ---- loop control ----------------------------------------------------------------------------------------------

/**
 * ` (%i, %j) : index = (%lb0, %lb1) to (%ub0, %ub1) inclusive step (%s0, %s1) { ... }`: the induction variables
 * (the body's arguments, all of one type), bounds and steps of the omp loops, and the body.
 */
export const LoopControl = customDirective({
  params: { region: "region", lowerBound: "operands", upperBound: "operands", steps: "operands", stepTypes: "types", inclusive: "attr" },
  print(p, _op, { region, lowerBound, upperBound, steps, inclusive }) {
    const args = region.entry?.args ?? [];
    p.print(" (");
    p.printOperands(args);
    p.print(") : ");
    const first = args[0];
    if (first !== undefined) p.printType(first.type);
    p.print(" = (");
    p.printOperands(lowerBound);
    p.print(") to (");
    p.printOperands(upperBound);
    p.print(") ");
    if (inclusive instanceof UnitAttr) p.print("inclusive ");
    p.print("step (");
    p.printOperands(steps);
    p.print(") ");
    p.printRegion(region, { printEntryBlockArgs: false });
  },
  parse(p) {
    const ivs = p.parseArgumentList("()", { allowType: false, allowAttrs: false });
    const type = p.parseColonType();
    p.parsePunct("=");
    const lowerBound = p.parseOperandList("()");
    p.parseKeyword("to");
    const upperBound = p.parseOperandList("()");
    const inclusive = p.parseOptionalKeyword("inclusive") === undefined ? undefined : UnitAttr.get();
    p.parseKeyword("step");
    const steps = p.parseOperandList("()");
    for (const iv of ivs) iv.type = type;
    const region = new Region();
    p.parseRegion(region, ivs);
    return { region, lowerBound, upperBound, steps, stepTypes: steps.map(() => type), inclusive };
  },
});

// ---- regions with an implicit terminator -----------------------------------------------------------------------

/**
 * A single-block region whose terminator may be left out (MLIR's SingleBlockImplicitTerminator): printed without
 * it when it is a bare `terminatorName` (no operands, no attributes), and appended by the parser when missing.
 */
export function implicitTerminatorRegion(terminatorName: string, build: () => import("../../src/ir/operation.ts").Operation) {
  return customDirective({
    params: { region: "region" },
    print(p, _op, { region }) {
      const last = region.entry?.last;
      const bare = last !== undefined && last.name === terminatorName && last.numOperands === 0 && last.attributes.size === 0;
      p.printRegion(region, { printBlockTerminators: !bare });
    },
    parse(p) {
      const region = new Region();
      p.parseRegion(region);
      if (region.blocks.length === 0) region.push(new Block());
      const block = region.blocks[0] as Block;
      if (block.last?.name !== terminatorName) block.append(build());
      return { region };
    },
  });
}

export { IntegerType };
