/**
 * `affine.for`, `affine.if` and `affine.yield` (MLIR 16's hand-written syntax):
 *
 *   affine.for %i = 0 to %n step 2 {
 *     ...
 *   }
 *   %s = affine.for %i = max #lb(%a)[%n] to min #ub(%b) iter_args(%acc = %z) -> (f32) {
 *     ...
 *     affine.yield %next : f32
 *   }
 *   %r = affine.if #set(%i)[%n] -> f32 {
 *     affine.yield %a : f32
 *   } else {
 *     affine.yield %b : f32
 *   }
 *
 * A bound is an affine map over dims and symbols: written as a constant, a single symbol operand, or the map
 * with its operands; a map with several results is the max (lower) or min (upper) of them. The step is a
 * positive constant.
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { type AffineMap, affineConstant, affineSymbol, AffineMap as Map_ } from "../../src/ir/affine.ts";
import { type Attribute, AffineMapAttr, IntegerAttr, IntegerSetAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { type Block, type Operation, Region } from "../../src/ir/operation.ts";
import { AutomaticAllocationScope, Pure, RecursiveMemoryEffects, RecursivelySpeculatable, ReturnLike, SingleBlock, Terminator } from "../../src/ir/traits.ts";
import { IndexType } from "../../src/ir/types.ts";
import type { BlockArgument, Value } from "../../src/ir/value.ts";
import { AffineMapAttrC, AnyType, attrConstraint, IndexAttr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { ensureTerminator, SingleBlockImplicitTerminator } from "../../src/irdl/implicit-terminator.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { region, variadic } from "../../src/irdl/spec.ts";
import { LoopLikeOpInterface } from "../../src/interfaces/loop-like.ts";
import { parentSuccessor, RegionBranchOpInterface, RegionBranchTerminatorOpInterface, regionSuccessor, type RegionSuccessor } from "../../src/interfaces/control-flow.ts";
import { MutableOperandRange } from "../../src/ir/mutable-operand-range.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState } from "../../src/text/asm-interfaces.ts";
import { parseOptionalIterArgs, printInitializationList } from "../scf/asm.ts";
import { parseDimAndSymbolList, printDimAndSymbolList } from "./asm.ts";
import { verifyDimAndSymbolIdentifiers } from "./validity.ts";

// ---- affine.yield ------------------------------------------------------------------------------------------

export const AffineYieldOp = defineOp(
  {
    name: "affine.yield",
    summary: "Yield values to parent operation",
    operands: { values: variadic(AnyType) },
    traits: [Pure, Terminator, ReturnLike],
    format: "attr-dict ($values^ `:` type($values))?",
  },
  {
    verify: (op) => {
      const parent = op.parentOp;
      if (parent === undefined || !["affine.parallel", "affine.if", "affine.for"].includes(parent.name)) {
        return opError(op, "only terminates affine.if/for/parallel regions");
      }
      if (parent.numResults !== op.numOperands) return opError(op, "parent of yield must have same number of results as the yield operands");
      for (let i = 0; i < op.numOperands; i++) {
        if (parent.results[i]?.type !== op.getOperand(i).type) return opError(op, "types mismatch between yield op and its parent");
      }
      return undefined;
    },
    interfaces: [
      implement(RegionBranchTerminatorOpInterface, {
        getMutableSuccessorOperands: (op) => new MutableOperandRange(op, 0, op.numOperands, []),
      }),
    ],
  },
);
export type AffineYieldOp = InstanceType<typeof AffineYieldOp>;

/** MLIR's ImplicitAffineTerminator. */
export const ImplicitAffineYield = SingleBlockImplicitTerminator("affine.yield", (loc) => AffineYieldOp.build({}, loc));

// ---- affine.for --------------------------------------------------------------------------------------------

/** What the helpers below read of an affine.for (structurally: its class type is computed from them). */
type ForLike = Operation & { readonly lower_bound: AffineMapAttr; readonly upper_bound: AffineMapAttr; readonly step: IntegerAttr; readonly region: Region };

export const lowerBoundOperands = (op: ForLike): readonly Value[] => op.operands.slice(0, op.lower_bound.map.numDims + op.lower_bound.map.numSymbols);
export const upperBoundOperands = (op: ForLike): readonly Value[] => {
  const start = op.lower_bound.map.numDims + op.lower_bound.map.numSymbols;
  return op.operands.slice(start, start + op.upper_bound.map.numDims + op.upper_bound.map.numSymbols);
};
/** The initial values of the loop-carried values (the operands after both bounds'). */
export const affineForInits = (op: ForLike): readonly Value[] =>
  op.operands.slice(
    op.lower_bound.map.numDims + op.lower_bound.map.numSymbols + op.upper_bound.map.numDims + op.upper_bound.map.numSymbols,
  );
export const affineForBody = (op: ForLike): Block => op.region.entry as Block;
export const affineForIterArgs = (op: ForLike): readonly BlockArgument[] => op.region.entry?.args.slice(1) ?? [];

/** The constant value of a map with one constant result (MLIR's isSingleConstant). */
export function singleConstant(map: AffineMap): number | undefined {
  const [only] = map.results;
  return map.results.length === 1 && only?.kind === "constant" ? only.value : undefined;
}

/** The trip count when both bounds are single constants (MLIR's getTrivialConstantTripCount). */
export function trivialTripCount(op: ForLike): number | undefined {
  const lb = singleConstant(op.lower_bound.map);
  const ub = singleConstant(op.upper_bound.map);
  if (lb === undefined || ub === undefined) return undefined;
  const step = Number(op.step.value);
  return ub <= lb ? 0 : Math.ceil((ub - lb) / step);
}

/** `max` / `min` prefix, then a constant, a lone symbol operand, or `map(dims)[symbols]` (MLIR's printBound). */
function printBound(p: OpAsmPrinter, attr: AffineMapAttr, operands: readonly Value[], prefix: string): void {
  const map = attr.map;
  const [expr] = map.results;
  if (map.results.length === 1 && expr !== undefined) {
    if (map.numDims === 0 && map.numSymbols === 0 && expr.kind === "constant") {
      p.print(String(expr.value));
      return;
    }
    if (map.numDims === 0 && map.numSymbols === 1 && expr.kind === "symbol") {
      p.printOperand(operands[0] as Value);
      return;
    }
  } else {
    p.print(`${prefix} `);
  }
  p.printAttribute(attr);
  printDimAndSymbolList(p, operands, map.numDims);
}

/** MLIR's parseBound: fills the bound's map attribute and appends its operands to `state`. */
function parseBound(p: OpAsmParser, state: OperationState, isLower: boolean): void {
  const name = isLower ? "lower_bound" : "upper_bound";
  const hasMinMax = p.parseOptionalKeyword(isLower ? "max" : "min") !== undefined;
  const index = IndexType.get();
  const ssa = p.parseOperandList("none");
  if (ssa.length > 0) {
    if (ssa.length > 1) p.error("expected only one loop bound operand", p.nameLoc);
    state.operands.push(p.resolveOperand(ssa[0] as (typeof ssa)[0], index));
    state.attributes.set(name, AffineMapAttr.get(Map_.get(0, 1, [affineSymbol(0)])));
    return;
  }
  const at = p.pos();
  const attr = p.parseAttribute(index);
  if (attr instanceof AffineMapAttr) {
    const { operands, numDims } = parseDimAndSymbolList(p);
    const map = attr.map;
    if (map.numDims !== numDims) p.error("dim operand count and affine map dim count must match", p.nameLoc);
    if (numDims + map.numSymbols !== operands.length) p.error("symbol operand count and affine map symbol count must match", p.nameLoc);
    if (map.results.length > 1 && !hasMinMax) {
      p.error(isLower ? "lower loop bound affine map with multiple results requires 'max' prefix" : "upper loop bound affine map with multiple results requires 'min' prefix", at);
    }
    state.attributes.set(name, attr);
    state.operands.push(...p.resolveOperands(operands, operands.map(() => index)));
    return;
  }
  if (attr instanceof IntegerAttr) {
    state.attributes.set(name, AffineMapAttr.get(Map_.get(0, 0, [affineConstant(Number(attr.value))])));
    return;
  }
  p.error("expected valid affine map representation for loop bounds", p.nameLoc);
}

export const AffineForOp = defineOp(
  {
    name: "affine.for",
    summary: "for operation",
    operands: { operands_: variadic(AnyType) },
    attributes: { lower_bound: AffineMapAttrC, upper_bound: AffineMapAttrC, step: IndexAttr },
    results: { values: variadic(AnyType) },
    regions: { region: region({ maxBlocks: 1 }) },
    traits: [AutomaticAllocationScope, SingleBlock, ImplicitAffineYield, RecursiveMemoryEffects],
  },
  {
    verifyRegion: (op) => verifyAffineFor(op),
    interfaces: [
      implement(RegionBranchOpInterface, {
        getSuccessorRegions: (op, from): RegionSuccessor[] => {
          const body = { region: op.region, inputs: affineForIterArgs(op) };
          const trips = trivialTripCount(op);
          if (from === undefined && trips !== undefined) return trips > 0 ? [body] : [parentSuccessor(op)];
          if (from !== undefined && trips === 1) return [parentSuccessor(op)];
          return [body, parentSuccessor(op)];
        },
        getSuccessorEntryOperands: (op) => affineForInits(op),
      }),
      implement(LoopLikeOpInterface, {
        getLoopBody: (op) => op.region,
        getSingleInductionVar: (op) => affineForBody(op).arg(0),
        getSingleLowerBound: (op): Value | Attribute | undefined => boundValue(op.lower_bound.map, lowerBoundOperands(op)),
        getSingleUpperBound: (op): Value | Attribute | undefined => boundValue(op.upper_bound.map, upperBoundOperands(op)),
        getSingleStep: (op) => op.step,
      }),
    ],
    asm: {
      print(op, p) {
        p.print(" ");
        p.printRegionArgument(affineForBody(op).arg(0), undefined, true);
        p.print(" = ");
        printBound(p, op.lower_bound, lowerBoundOperands(op), "max");
        p.print(" to ");
        printBound(p, op.upper_bound, upperBoundOperands(op), "min");
        if (op.step.value !== 1n) p.print(` step ${op.step.value}`);
        const inits = affineForInits(op);
        printInitializationList(p, affineForIterArgs(op), inits, " iter_args");
        if (inits.length > 0) {
          p.print(" -> (");
          p.printTypes(op.results.map((r) => r.type));
          p.print(")");
        }
        p.print(" ");
        p.printRegion(op.region, { printEntryBlockArgs: false, printBlockTerminators: inits.length > 0 });
        p.printOptionalAttrDict(op.attributes, ["lower_bound", "upper_bound", "step"]);
      },
      parse(p, state) {
        const index = IndexType.get();
        const iv = p.parseArgument({ allowType: false, allowAttrs: false });
        iv.type = index;
        p.parsePunct("=");
        parseBound(p, state, true);
        p.parseKeyword("to");
        parseBound(p, state, false);
        if (p.parseOptionalKeyword("step") === undefined) state.attributes.set("step", IntegerAttr.get(index, 1n));
        else {
          const at = p.pos();
          const step = p.parseAttribute(index);
          if (!(step instanceof IntegerAttr)) p.error("invalid kind of attribute specified", at);
          else if (step.value < 0n) p.error("expected step to be representable as a positive signed integer", at);
          state.attributes.set("step", step);
        }
        const regionArgs = [iv, ...parseOptionalIterArgs(p, state)];
        if (regionArgs.length !== state.resultTypes.length + 1) p.error("mismatch between the number of loop-carried values and results", p.nameLoc);
        const body = new Region();
        p.parseRegion(body, regionArgs);
        ensureTerminator(body, ImplicitAffineYield, state.loc);
        state.regions.push(body);
        p.parseOptionalAttrDict(state.attributes);
      },
    },
  },
);
export type AffineForOp = InstanceType<typeof AffineForOp>;

/** A bound as MLIR's getSingleLowerBound gives it: a constant, or the value of a lone symbol; else undefined. */
function boundValue(map: AffineMap, operands: readonly Value[]): Value | Attribute | undefined {
  const c = singleConstant(map);
  if (c !== undefined) return IntegerAttr.get(IndexType.get(), BigInt(c));
  const [expr] = map.results;
  if (map.results.length === 1 && map.numDims === 0 && map.numSymbols === 1 && expr?.kind === "symbol") return operands[0];
  return undefined;
}

function verifyAffineFor(op: ForLike): Diagnostic | undefined {
  const body = op.region.entry;
  if (body === undefined) return undefined;
  if (body.args.length === 0 || !(body.arg(0).type instanceof IndexType)) {
    return opError(op, "expected body to have a single index argument for the induction variable");
  }
  const lbMap = op.lower_bound.map;
  const ubMap = op.upper_bound.map;
  if (lbMap.numDims + lbMap.numSymbols > 0) {
    const d = verifyDimAndSymbolIdentifiers(op, lowerBoundOperands(op), lbMap.numDims);
    if (d !== undefined) return d;
  }
  if (ubMap.numDims + ubMap.numSymbols > 0) {
    const d = verifyDimAndSymbolIdentifiers(op, upperBoundOperands(op), ubMap.numDims);
    if (d !== undefined) return d;
  }
  if (op.numResults === 0) return undefined;
  if (affineForInits(op).length !== op.numResults) return opError(op, "mismatch between the number of loop-carried values and results");
  if (body.args.length - 1 !== op.numResults) return opError(op, "mismatch between the number of basic block args and results");
  return undefined;
}

// ---- affine.if ---------------------------------------------------------------------------------------------

/** `condition`, an IntegerSetAttr; MLIR 16 checks it in the verifier rather than declaring it. */
const IntegerSetAttrC = attrConstraint("integer set attribute", (a): a is IntegerSetAttr => a instanceof IntegerSetAttr);

export const AffineIfOp = defineOp(
  {
    name: "affine.if",
    summary: "if-then-else operation",
    operands: { operands_: variadic(AnyType) },
    results: { values: variadic(AnyType) },
    regions: { thenRegion: region({ maxBlocks: 1 }), elseRegion: region() },
    traits: [SingleBlock, ImplicitAffineYield, RecursivelySpeculatable, RecursiveMemoryEffects],
  },
  {
    verify: (op) => {
      for (const [i, r] of op.regions.entries()) if (r.entry !== undefined && r.entry.args.length > 0) return opError(op, `region #${i} should have no arguments`);
      const cond = op.attr("condition");
      if (!(cond instanceof IntegerSetAttr)) return opError(op, "requires an integer set attribute named 'condition'");
      const set = cond.set;
      if (op.numOperands !== set.numDims + set.numSymbols) {
        return opError(op, "operand count and condition integer set dimension and symbol count must match");
      }
      return verifyDimAndSymbolIdentifiers(op, op.operands, set.numDims);
    },
    interfaces: [
      implement(RegionBranchOpInterface, {
        getSuccessorRegions: (op, from): RegionSuccessor[] => {
          if (from !== undefined) return [parentSuccessor(op)];
          // MLIR 16: then, and else (or the parent when there is no else).
          return [regionSuccessor(op.thenRegion), op.elseRegion.isEmpty ? parentSuccessor(op) : regionSuccessor(op.elseRegion)];
        },
      }),
    ],
    asm: {
      print(op, p) {
        const cond = op.attr("condition") as IntegerSetAttr;
        p.print(" ");
        p.printAttribute(cond);
        printDimAndSymbolList(p, op.operands, cond.set.numDims);
        p.printOptionalArrowTypeList(op.results.map((r) => r.type));
        p.print(" ");
        const withResults = op.numResults > 0;
        p.printRegion(op.thenRegion, { printEntryBlockArgs: false, printBlockTerminators: withResults });
        if (!op.elseRegion.isEmpty) {
          p.print(" else ");
          p.printRegion(op.elseRegion, { printEntryBlockArgs: false, printBlockTerminators: withResults });
        }
        p.printOptionalAttrDict(op.attributes, ["condition"]);
      },
      parse(p, state) {
        const at = p.pos();
        const parsed = p.parseAttribute();
        const cond = parsed instanceof IntegerSetAttr ? parsed : p.error("invalid kind of attribute specified", at);
        state.attributes.set("condition", cond);
        const { operands, numDims } = parseDimAndSymbolList(p);
        if (cond.set.numDims !== numDims) p.error("dim operand count and integer set dim count must match", p.nameLoc);
        if (numDims + cond.set.numSymbols !== operands.length) p.error("symbol operand count and integer set symbol count must match", p.nameLoc);
        const index = IndexType.get();
        state.operands.push(...p.resolveOperands(operands, operands.map(() => index)));
        state.resultTypes.push(...p.parseArrowTypeList(true));
        const thenRegion = new Region();
        const elseRegion = new Region();
        p.parseRegion(thenRegion);
        ensureTerminator(thenRegion, ImplicitAffineYield, state.loc);
        if (p.parseOptionalKeyword("else") !== undefined) {
          p.parseRegion(elseRegion);
          ensureTerminator(elseRegion, ImplicitAffineYield, state.loc);
        }
        state.regions.push(thenRegion, elseRegion);
        p.parseOptionalAttrDict(state.attributes);
      },
    },
  },
);
export type AffineIfOp = InstanceType<typeof AffineIfOp>;

/** The integer set an affine.if tests. */
export const ifCondition = (op: AffineIfOp): IntegerSetAttr => op.attr("condition") as IntegerSetAttr;
