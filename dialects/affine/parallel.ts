/**
 * `affine.parallel` (MLIR 16's hand-written syntax): a hyper-rectangular band of parallel loops, one induction
 * variable per dimension, each with its lower and upper bound and a positive constant step:
 *
 *   affine.parallel (%i, %j) = (0, max(%a, 2)) to (min(%n + 3, 10), %m) step (2, 3) {
 *     ...
 *   }
 *   %s = affine.parallel (%k) = (0) to (%n) reduce ("addf") -> (f32) {
 *     ...
 *     affine.yield %v : f32
 *   }
 *
 * A bound is a group of affine expressions of SSA values: one expression, or `max(...)` (lower) / `min(...)`
 * (upper) of several. All lower bounds are kept as one flat map (`lowerBoundsMap`) over the deduplicated
 * operands, with `lowerBoundsGroups` saying how many results each dimension takes; the same for the upper
 * bounds. Each yielded value is combined over the iterations by its reduction (an AtomicRMWKind).
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { AffineMap, type AffineExpr, replaceDimsAndSymbols, affineDim, affineSymbol } from "../../src/ir/affine.ts";
import { AffineMapAttr, ArrayAttr, type Attribute, DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { type Block, type Operation, Region } from "../../src/ir/operation.ts";
import { AutomaticAllocationScope, RecursiveMemoryEffects, RecursivelySpeculatable, SingleBlock } from "../../src/ir/traits.ts";
import { i32, i64, IndexType, RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AffineMapAttrC, AnyType, attrConstraint, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { ensureTerminator } from "../../src/irdl/implicit-terminator.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { region, variadic } from "../../src/irdl/spec.ts";
import { LoopLikeOpInterface } from "../../src/interfaces/loop-like.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";
import { AtomicRMWKind } from "../arith/attrs.ts";
import { ImplicitAffineYield } from "./for.ts";
import { verifyDimAndSymbolIdentifiers } from "./validity.ts";

/** ODS's TypedArrayAttrBase<AtomicRMWKindAttr, "Reduction ops">. */
const ReductionsAttr = attrConstraint("Reduction ops", (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => AtomicRMWKind.caseOf(e) !== undefined));
/** ODS's I32ElementsAttr: how many results of the flat bound map each dimension takes. */
const I32ElementsAttr = attrConstraint(
  "32-bit signless integer elements attribute",
  (a): a is DenseElementsAttr => a instanceof DenseElementsAttr && a.type.elementType === i32,
);
/** ODS's I64SmallVectorArrayAttr. */
const I64ArrayAttr = attrConstraint("64-bit integer array attribute", (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => e instanceof IntegerAttr && e.type === i64));

type ParallelLike = Operation & {
  readonly lowerBoundsMap: AffineMapAttr;
  readonly upperBoundsMap: AffineMapAttr;
  readonly lowerBoundsGroups: DenseElementsAttr;
  readonly upperBoundsGroups: DenseElementsAttr;
  readonly steps: ArrayAttr;
  readonly reductions: ArrayAttr;
  readonly region: Region;
};

/** The group sizes of a bounds attribute. */
export const boundGroups = (groups: DenseElementsAttr): number[] => Array.from({ length: groups.numElements }, (_, i) => Number(groups.at(i)));
export const parallelSteps = (op: ParallelLike): bigint[] => op.steps.elements.map((e) => (e as IntegerAttr).value);
export const parallelLowerBoundsOperands = (op: ParallelLike): readonly Value[] => op.operands.slice(0, op.lowerBoundsMap.map.numInputs);
export const parallelUpperBoundsOperands = (op: ParallelLike): readonly Value[] => op.operands.slice(op.lowerBoundsMap.map.numInputs);
export const parallelBody = (op: ParallelLike): Block => op.region.entry as Block;
/** The reduction kinds, one per result. */
export const parallelReductions = (op: ParallelLike): string[] => op.reductions.elements.map((e) => AtomicRMWKind.caseOf(e) ?? "?");

/** The results of `map` split by `groups` (MLIR's getLowerBoundMap(pos) for each pos). */
export function groupedResults(map: AffineMap, groups: readonly number[]): AffineExpr[][] {
  let start = 0;
  return groups.map((n) => map.results.slice(start, (start += n)));
}

const i32Tensor = (values: readonly number[]): DenseElementsAttr => DenseElementsAttr.get(RankedTensorType.get([values.length], i32), Int32Array.from(values));
const i64Array = (values: readonly (number | bigint)[]): ArrayAttr => ArrayAttr.get(values.map((v) => IntegerAttr.get(i64, BigInt(v))));

/** `0, max(%a, 2), %n` (no parentheses): each group one expression, or the keyword around several. */
function printMinMaxBound(p: OpAsmPrinter, map: AffineMap, groups: readonly number[], operands: readonly Value[], keyword: string): void {
  groupedResults(map, groups).forEach((exprs, i) => {
    if (i > 0) p.print(", ");
    const sub = AffineMap.get(map.numDims, map.numSymbols, exprs);
    if (exprs.length === 1) {
      p.printAffineMapOfSSAIds(sub, operands);
      return;
    }
    p.print(`${keyword}(`);
    p.printAffineMapOfSSAIds(sub, operands);
    p.print(")");
  });
}

/**
 * `(expr, max(expr, expr), ...)` into the flat map, its groups and its operands (MLIR's
 * parseAffineMapWithMinMax): each group's dims and symbols are renumbered into one list of each, an operand used
 * in several places becoming one dim (or symbol).
 */
function parseMinMaxBound(p: OpAsmParser, state: OperationState, keyword: "max" | "min"): void {
  const [mapName, groupsName] = keyword === "max" ? ["lowerBoundsMap", "lowerBoundsGroups"] : ["upperBoundsMap", "upperBoundsGroups"];
  p.parsePunct("(");
  const parsed: { map: AffineMap; operands: UnresolvedOperand[] }[] = [];
  const groups: number[] = [];
  if (!p.parseOptionalPunct(")")) {
    p.parseCommaSeparatedList("none", () => {
      const one = p.parseOptionalKeyword(keyword) !== undefined ? p.parseAffineMapOfSSAIds("()") : p.parseAffineExprOfSSAIds();
      parsed.push(one);
      groups.push(one.map.results.length);
    });
    p.parsePunct(")");
  }
  const index = IndexType.get();
  const dims: Value[] = [];
  const symbols: Value[] = [];
  const exprs: AffineExpr[] = [];
  for (const { map, operands } of parsed) {
    const values = p.resolveOperands(operands, operands.map(() => index));
    const position = (list: Value[], v: Value): number => (list.includes(v) ? list.indexOf(v) : list.push(v) - 1);
    const dimRepl = values.slice(0, map.numDims).map((v) => affineDim(position(dims, v)));
    const symRepl = values.slice(map.numDims).map((v) => affineSymbol(position(symbols, v)));
    exprs.push(...map.results.map((e) => replaceDimsAndSymbols(e, dimRepl, symRepl)));
  }
  state.operands.push(...dims, ...symbols);
  state.attributes.set(mapName, AffineMapAttr.get(AffineMap.get(dims.length, symbols.length, exprs)));
  state.attributes.set(groupsName, i32Tensor(groups));
}

const ELIDED = ["reductions", "lowerBoundsMap", "lowerBoundsGroups", "upperBoundsMap", "upperBoundsGroups", "steps"];

export const AffineParallelOp = defineOp(
  {
    name: "affine.parallel",
    summary: "multi-index parallel band operation",
    operands: { mapOperands: variadic(Index) },
    attributes: {
      reductions: ReductionsAttr,
      lowerBoundsMap: AffineMapAttrC,
      lowerBoundsGroups: I32ElementsAttr,
      upperBoundsMap: AffineMapAttrC,
      upperBoundsGroups: I32ElementsAttr,
      steps: I64ArrayAttr,
    },
    results: { values: variadic(AnyType) },
    regions: { region: region({ maxBlocks: 1 }) },
    traits: [AutomaticAllocationScope, SingleBlock, ImplicitAffineYield, RecursivelySpeculatable, RecursiveMemoryEffects],
  },
  {
    verify: (op) => verifyParallel(op),
    interfaces: [implement(LoopLikeOpInterface, { getLoopBody: (op) => op.region })],
    asm: {
      print(op, p) {
        p.print(" (");
        p.printOperands(op.region.entry?.args ?? []);
        p.print(") = (");
        printMinMaxBound(p, op.lowerBoundsMap.map, boundGroups(op.lowerBoundsGroups), parallelLowerBoundsOperands(op), "max");
        p.print(") to (");
        printMinMaxBound(p, op.upperBoundsMap.map, boundGroups(op.upperBoundsGroups), parallelUpperBoundsOperands(op), "min");
        p.print(")");
        const steps = parallelSteps(op);
        if (!steps.every((s) => s === 1n)) p.print(` step (${steps.join(", ")})`);
        if (op.numResults > 0) {
          p.print(` reduce (${parallelReductions(op).map((k) => `"${k}"`).join(", ")}) -> (`);
          p.printTypes(op.results.map((r) => r.type));
          p.print(")");
        }
        p.print(" ");
        p.printRegion(op.region, { printEntryBlockArgs: false, printBlockTerminators: op.numResults > 0 });
        p.printOptionalAttrDict(op.attributes, ELIDED);
      },
      parse(p, state) {
        const index = IndexType.get();
        const ivs = p.parseArgumentList("()", { allowType: false, allowAttrs: false });
        p.parsePunct("=");
        parseMinMaxBound(p, state, "max");
        p.parseKeyword("to");
        parseMinMaxBound(p, state, "min");
        if (p.parseOptionalKeyword("step") === undefined) state.attributes.set("steps", i64Array(ivs.map(() => 1)));
        else {
          const { map } = p.parseAffineMapOfSSAIds("()");
          const steps = map.results.map((e) => (e.kind === "constant" ? e.value : p.error("steps must be constant integers", p.nameLoc)));
          state.attributes.set("steps", i64Array(steps));
        }
        const reductions: Attribute[] = [];
        if (p.parseOptionalKeyword("reduce") !== undefined) {
          p.parseCommaSeparatedList("()", () => {
            const at = p.pos();
            const name = p.parseString();
            if (!(AtomicRMWKind.cases as readonly string[]).includes(name)) p.error(`invalid reduction value: "${name}"`, at);
            reductions.push(IntegerAttr.get(i64, AtomicRMWKind.valueOf(name as never)));
          });
        }
        state.attributes.set("reductions", ArrayAttr.get(reductions));
        state.resultTypes.push(...p.parseArrowTypeList(true));
        for (const iv of ivs) iv.type = index;
        const body = new Region();
        p.parseRegion(body, ivs);
        p.parseOptionalAttrDict(state.attributes);
        ensureTerminator(body, ImplicitAffineYield, state.loc);
        state.regions.push(body);
      },
    },
  },
);
export type AffineParallelOp = InstanceType<typeof AffineParallelOp>;

/** MLIR 16's AffineParallelOp::verify, in its order. */
function verifyParallel(op: ParallelLike): Diagnostic | undefined {
  const numDims = op.steps.elements.length;
  const body = op.region.entry;
  if (body === undefined) return opError(op, "region #0 ('region') failed to verify constraint: region with 1 blocks");
  const lbGroups = op.lowerBoundsGroups.numElements;
  const ubGroups = op.upperBoundsGroups.numElements;
  if (lbGroups !== numDims || ubGroups !== numDims || body.args.length !== numDims) {
    return opError(
      op,
      `the number of region arguments (${body.args.length}) and the number of map groups for lower (${lbGroups}) and upper bound (${ubGroups}), and the number of steps (${numDims}) must all match`,
    );
  }
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const lbResults = sum(boundGroups(op.lowerBoundsGroups).map((v) => v >>> 0));
  if (lbResults !== op.lowerBoundsMap.map.results.length) return opError(op, `expected lower bounds map to have ${lbResults} results`);
  const ubResults = sum(boundGroups(op.upperBoundsGroups).map((v) => v >>> 0));
  if (ubResults !== op.upperBoundsMap.map.results.length) return opError(op, `expected upper bounds map to have ${ubResults} results`);
  if (op.reductions.elements.length !== op.numResults) return opError(op, "a reduction must be specified for each output");
  return (
    verifyDimAndSymbolIdentifiers(op, parallelLowerBoundsOperands(op), op.lowerBoundsMap.map.numDims) ??
    verifyDimAndSymbolIdentifiers(op, parallelUpperBoundsOperands(op), op.upperBoundsMap.map.numDims)
  );
}
