/**
 * The rules one registered op must satisfy on its own, in the order MLIR 16 checks them (ODS's generated
 * `verifyInvariants`), each failure worded as MLIR words it:
 *
 *   1. counts: regions, results, successors, operands (`'arith.addi' op expected 2 operands, but found 3`);
 *   2. structural traits (segment sizes, Terminator, HasParent, SingleBlock, ...);
 *   3. the spec: required attributes, segment lengths, attribute constraints, operand and result constraints
 *      (`operand #0 must be signless-integer-like, but got 'f32'`), region constraints;
 *   4. AllTypesMatch groups, then the other traits (SameOperandsAndResultType, Elementwise, Symbol, ...);
 *   5. the op's own `verify` hook.
 *
 * Only the first failure is reported, as MLIR stops at it. Region traits (isolation, symbol tables) run later,
 * once the nested ops verified: `verifyRegionInvariants`.
 */
import { DenseArrayAttr } from "../ir/attributes.ts";
import type { OpInfo, Operation } from "../ir/operation.ts";
import { IntegerType, type Type } from "../ir/types.ts";
import {
  OPERAND_SEGMENT_SIZES,
  type OpDefinition,
  RESULT_SEGMENT_SIZES,
  operandRanges,
  resultRanges,
  type ValueGroupDef,
} from "./define-op.ts";
import { opEmitError } from "./op-error.ts";
import { type Failure, opError, quotedType, type TraitVerifier, traitVerifier } from "./trait-verifiers.ts";

/** The op's invariants: everything but its regions' contents (MLIR's RegisteredOperationName::verifyInvariants). */
export function verifyInvariants(op: Operation): Failure {
  const info = op.info;
  if (info === undefined) return undefined;
  const plan = planOf(info);
  const def = plan.def;
  if (def !== undefined) {
    const early = verifyCounts(op, plan.counts) ?? verifySegmentSizes(op, def);
    if (early !== undefined) return early;
  }
  const structural = runAll(plan.structural, op);
  if (structural !== undefined || def === undefined) return structural ?? runAll(plan.others, op) ?? runAll(plan.interfaces, op);
  return (
    verifySpec(op, def, plan.requiredAttrs) ??
    verifyAllTypesMatch(op, def) ??
    verifyTypesMatchWith(op, def) ??
    runAll(plan.others, op) ??
    runAll(plan.interfaces, op) ??
    verifyOwnHook(op, def)
  );
}

/**
 * The region traits (IsolatedFromAbove, SymbolTable), interfaces' region checks and the op's own `verifyRegion`,
 * run after everything nested in `op` verified.
 */
export function verifyRegionInvariants(op: Operation): Failure {
  const info = op.info;
  if (info === undefined) return undefined;
  const plan = planOf(info);
  return runAll(plan.regionChecks, op) ?? runAll(plan.interfaceRegionChecks, op) ?? plan.def?.behaviour.verifyRegion?.(op);
}

type Check = (op: Operation) => Failure;

function runAll(checks: readonly Check[], op: Operation): Failure {
  for (const check of checks) {
    const failure = check(op);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

/** What an op kind checks, worked out once per kind (ops are many, kinds few). */
interface Plan {
  readonly def: OpDefinition | undefined;
  readonly counts: readonly CountRule[];
  /** The required attributes in name order: ODS scans the sorted attribute dictionary for them. */
  readonly requiredAttrs: readonly string[];
  readonly structural: readonly Check[];
  readonly others: readonly Check[];
  readonly regionChecks: readonly Check[];
  /** The verifiers of the interfaces the kind implements (after its traits', as MLIR orders them). */
  readonly interfaces: readonly Check[];
  readonly interfaceRegionChecks: readonly Check[];
  /** The interface map's version the plan was made from (attaching an interface later remakes the plan). */
  readonly interfacesVersion: number;
}

const plans = new WeakMap<OpInfo, Plan>();

function planOf(info: OpInfo): Plan {
  let plan = plans.get(info);
  if (plan !== undefined && plan.interfacesVersion === (info.interfaces?.version ?? 0)) return plan;
  const def = "spec" in info ? (info as OpDefinition) : undefined;
  const checks = (pick: (v: TraitVerifier) => Check | undefined, structural?: boolean): Check[] => {
    const out: Check[] = [];
    for (const trait of info.traits) {
      const v = traitVerifier(trait);
      if (v === undefined || (structural !== undefined && (v.structural === true) !== structural)) continue;
      const check = pick(v);
      if (check !== undefined) out.push(check);
    }
    return out;
  };
  plan = {
    def,
    counts: def === undefined ? [] : countRules(def),
    requiredAttrs: (def?.attributes ?? [])
      .filter((a) => a.kind === "required")
      .map((a) => a.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    structural: checks((v) => v.verify, true),
    others: checks((v) => v.verify, false),
    regionChecks: checks((v) => v.verifyRegion),
    interfaces: interfaceChecks(info, "verify"),
    interfaceRegionChecks: interfaceChecks(info, "verifyRegion"),
    interfacesVersion: info.interfaces?.version ?? 0,
  };
  plans.set(info, plan);
  return plan;
}

/** The interfaces' checks of one kind (`verify` or `verifyRegion`), each given the op's view. */
function interfaceChecks(info: OpInfo, which: "verify" | "verifyRegion"): Check[] {
  const out: Check[] = [];
  for (const impl of info.interfaces?.implementations ?? []) {
    const check = impl.iface.options[which] as ((view: object) => Failure) | undefined;
    if (check !== undefined) out.push((op) => check(impl.view(op)));
  }
  return out;
}

// ---- 1. counts (ODS's ZeroOperands / OneOperand / NOperands / AtLeastNOperands and friends) -----------------

/** How one count trait words its failure, given the expected and the actual count. */
interface CountWords {
  readonly zero: (found: number) => string;
  readonly one: (found: number) => string;
  readonly n: (n: number, found: number) => string;
  readonly atLeast: (n: number, found: number) => string;
}

const regionWords: CountWords = {
  zero: () => "requires zero regions",
  one: () => "requires one region",
  n: (n) => `expected ${n} regions`,
  atLeast: (n) => `expected ${n} or more regions`,
};
const resultWords: CountWords = {
  zero: () => "requires zero results",
  one: () => "requires one result",
  n: (n) => `expected ${n} results`,
  atLeast: (n) => `expected ${n} or more results`,
};
const successorWords: CountWords = {
  zero: (found) => `requires 0 successors but found ${found}`,
  one: (found) => `requires 1 successor but found ${found}`,
  n: (n, found) => `requires ${n} successors but found ${found}`,
  atLeast: (n, found) => `requires at least ${n} successors but found ${found}`,
};
const operandWords: CountWords = {
  zero: () => "requires zero operands",
  one: () => "requires a single operand",
  n: (n, found) => `expected ${n} operands, but found ${found}`,
  atLeast: (n, found) => `expected ${n} or more operands, but found ${found}`,
};

/**
 * The count message, or undefined when `found` fits `fixed` single groups plus `flexible` variable ones. As
 * ODS: only variable groups means any count; some of both means at least `fixed`.
 */
function countMismatch(words: CountWords, fixed: number, flexible: number, found: number): string | undefined {
  if (flexible > 0) return fixed > 0 && found < fixed ? words.atLeast(fixed, found) : undefined;
  if (found === fixed) return undefined;
  if (fixed === 0) return words.zero(found);
  if (fixed === 1) return words.one(found);
  return words.n(fixed, found);
}

interface CountRule {
  readonly words: CountWords;
  readonly fixed: number;
  readonly flexible: number;
  readonly found: (op: Operation) => number;
}

/** ODS's order: regions, results, successors, operands. */
function countRules(def: OpDefinition): CountRule[] {
  const singles = (groups: readonly ValueGroupDef[]): number => groups.filter((g) => g.kind === "single").length;
  const fixedRegions = def.regions.filter((r) => !r.variadic).length;
  const fixedSuccessors = def.successors.filter((s) => !s.variadic).length;
  return [
    { words: regionWords, fixed: fixedRegions, flexible: def.regions.length - fixedRegions, found: (op) => op.regions.length },
    { words: resultWords, fixed: singles(def.results), flexible: def.results.length - singles(def.results), found: (op) => op.numResults },
    { words: successorWords, fixed: fixedSuccessors, flexible: def.successors.length - fixedSuccessors, found: (op) => op.successors.length },
    { words: operandWords, fixed: singles(def.operands), flexible: def.operands.length - singles(def.operands), found: (op) => op.numOperands },
  ];
}

function verifyCounts(op: Operation, rules: readonly CountRule[]): Failure {
  for (const rule of rules) {
    const message = countMismatch(rule.words, rule.fixed, rule.flexible, rule.found(op));
    if (message !== undefined) return opError(op, message);
    // The successor count traits (all but "any number") also keep successors in the op's own region.
    if (rule.words === successorWords && rule.fixed > 0 && op.successors.some((b) => b.parent !== op.parentRegion)) {
      return opEmitError(op, "reference to block defined in another region");
    }
  }
  return undefined;
}

// ---- 2. segment sizes (AttrSizedOperandSegments / AttrSizedResultSegments) ---------------------------------

function segmentSizes(op: Operation, name: string): number[] | undefined {
  const a = op.attr(name);
  if (!(a instanceof DenseArrayAttr)) return undefined;
  const t = a.elementType;
  return t instanceof IntegerType && t.width === 32 ? a.numbers : undefined;
}

function checkSegmentSum(op: Operation, name: string, what: string, count: number): Failure {
  const sizes = segmentSizes(op, name);
  if (sizes === undefined) return opError(op, `requires dense i32 array attribute '${name}'`);
  if (sizes.some((n) => n < 0)) return opError(op, `'${name}' attribute cannot have negative elements`);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === count) return undefined;
  return opError(op, `${what} count (${count}) does not match with the total size (${total}) specified in attribute '${name}'`);
}

function verifySegmentSizes(op: Operation, def: OpDefinition): Failure {
  if (def.operandSegments) {
    const f = checkSegmentSum(op, OPERAND_SEGMENT_SIZES, "operand", op.numOperands);
    if (f !== undefined) return f;
  }
  if (def.resultSegments) return checkSegmentSum(op, RESULT_SEGMENT_SIZES, "result", op.numResults);
  return undefined;
}

function checkSegmentLength(op: Operation, name: string, what: string, groups: number): Failure {
  const n = segmentSizes(op, name)?.length ?? groups;
  if (n === groups) return undefined;
  return opError(op, `'${name}' attribute for specifying ${what} segments must have ${groups} elements, but got ${n}`);
}

// ---- 3. the spec's constraints -----------------------------------------------------------------------------

function verifySpec(op: Operation, def: OpDefinition, requiredAttrs: readonly string[]): Failure {
  for (const name of requiredAttrs) if (op.attr(name) === undefined) return opError(op, `requires attribute '${name}'`);

  const lengths =
    (def.operandSegments ? checkSegmentLength(op, OPERAND_SEGMENT_SIZES, "operand", def.operands.length) : undefined) ??
    (def.resultSegments ? checkSegmentLength(op, RESULT_SEGMENT_SIZES, "result", def.results.length) : undefined);
  if (lengths !== undefined) return lengths;

  for (const a of def.attributes) {
    const value = op.attr(a.name);
    if (value === undefined || a.constraint.test(value)) continue;
    return opError(op, `attribute '${a.name}' failed to satisfy constraint: ${a.constraint.description}`);
  }
  return (
    verifyValueGroups(op, "operand", def.operands, operandRanges(op, def), (i) => op.getOperand(i).type) ??
    verifyValueGroups(op, "result", def.results, resultRanges(op, def), (i) => op.getResult(i).type) ??
    verifyRegionConstraints(op, def)
  );
}

function verifyValueGroups(
  op: Operation,
  what: "operand" | "result",
  groups: readonly ValueGroupDef[],
  ranges: readonly (readonly [number, number])[],
  typeAt: (index: number) => Type,
): Failure {
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as ValueGroupDef;
    const [start, length] = ranges[i] ?? [0, 0];
    if (group.kind === "optional" && length > 1) {
      return opError(op, `${what} group starting at #${start} requires 0 or 1 element, but found ${length}`);
    }
    for (let index = start; index < start + length; index++) {
      const type = typeAt(index);
      if (group.constraint.test(type)) continue;
      return opError(op, `${what} #${index} must be ${group.constraint.description}, but got ${quotedType(type)}`);
    }
  }
  return undefined;
}

function verifyRegionConstraints(op: Operation, def: OpDefinition): Failure {
  for (const [i, region] of op.regions.entries()) {
    // A variadic region group is last and takes the remaining regions.
    const rdef = def.regions[Math.min(i, def.regions.length - 1)];
    if (rdef === undefined || rdef.maxBlocks === undefined) continue;
    if (region.blocks.length <= rdef.maxBlocks) continue;
    return opError(op, `region #${i} ('${rdef.name}') failed to verify constraint: region with at most ${rdef.maxBlocks} blocks`);
  }
  return undefined;
}

// ---- 4. AllTypesMatch --------------------------------------------------------------------------------------

function namedValueType(op: Operation, def: OpDefinition, name: string): Type | undefined {
  const operand = def.operands.findIndex((g) => g.name === name && g.kind !== "variadic");
  if (operand >= 0) {
    const [start, length] = operandRanges(op, def)[operand] ?? [0, 0];
    return length === 1 ? op.operands[start]?.type : undefined;
  }
  const result = def.results.findIndex((g) => g.name === name && g.kind !== "variadic");
  if (result < 0) return undefined;
  const [start, length] = resultRanges(op, def)[result] ?? [0, 0];
  return length === 1 ? op.results[start]?.type : undefined;
}

function verifyAllTypesMatch(op: Operation, def: OpDefinition): Failure {
  for (const names of def.spec.allTypesMatch ?? []) {
    const types = names.map((n) => namedValueType(op, def, n)).filter((t): t is Type => t !== undefined);
    if (types.every((t) => t === types[0])) continue;
    return opError(op, `failed to verify that all of {${names.join(", ")}} have same type`);
  }
  return undefined;
}

/** The types of a named operand or result group. */
function groupTypes(op: Operation, def: OpDefinition, name: string): readonly Type[] | undefined {
  const operand = def.operands.findIndex((g) => g.name === name);
  if (operand >= 0) {
    const [start, length] = operandRanges(op, def)[operand] ?? [0, 0];
    return op.operands.slice(start, start + length).map((v) => v.type);
  }
  const result = def.results.findIndex((g) => g.name === name);
  if (result < 0) return undefined;
  const [start, length] = resultRanges(op, def)[result] ?? [0, 0];
  return op.resultTypes.slice(start, start + length);
}

function verifyTypesMatchWith(op: Operation, def: OpDefinition): Failure {
  for (const rel of def.spec.typesMatchWith ?? []) {
    const from = namedValueType(op, def, rel.from);
    const to = groupTypes(op, def, rel.to);
    if (from === undefined || to === undefined) continue;
    const want = rel.transform(from);
    const expected = want === undefined ? undefined : Array.isArray(want) ? (want as readonly Type[]) : [want as Type];
    if (expected !== undefined && expected.length === to.length && expected.every((t, i) => t === to[i])) continue;
    return opError(op, `failed to verify that ${rel.summary}`);
  }
  return undefined;
}

// ---- 5. the op's own hook ----------------------------------------------------------------------------------

function verifyOwnHook(op: Operation, def: OpDefinition): Failure {
  return def.behaviour.verify?.(op);
}
