/**
 * `defineOp`: one declarative spec gives a typed op class (named accessors, a typed `build`), the verifier's
 * per-op rules, the custom assembly form and the op's docs.
 *
 *   export const AddIOp = defineOp({
 *     name: "arith.addi", summary: "integer addition",
 *     operands: { lhs: SignlessIntegerLike, rhs: SignlessIntegerLike }, results: { result: SignlessIntegerLike },
 *     traits: [Pure, Commutative, SameOperandsAndResultType],
 *     format: "$lhs `,` $rhs attr-dict `:` type($result)",
 *   });
 *   export type AddIOp = InstanceType<typeof AddIOp>;        // .lhs / .rhs: Value, .result: OpResult, .name: "arith.addi"
 */
import { type Attribute, DenseArrayAttr } from "../ir/attributes.ts";
import { InterfaceMap } from "../ir/interfaces.ts";
import { type Location, UnknownLoc } from "../ir/location.ts";
import { type OpInfo, Operation, type OperationInit, Region, type Trait, type Block } from "../ir/operation.ts";
import { IntegerType, type Type } from "../ir/types.ts";
import type { OpOperand, Value } from "../ir/value.ts";
import type { OpAsmHooks } from "../text/asm-interfaces.ts";
import type { AttrConstraint, TypeConstraint } from "./constraints.ts";
import { InferTypeOpInterface } from "../interfaces/infer-type.ts";
import { compileFormat } from "./format.ts";
import { inferResultTypes, inferTypeImplementation } from "./infer-result-types.ts";
import type { AttrSpec, BuildArgs, CheckedSpec, OpBehaviour, OpInstance, OpSpec, RegionSpec, SuccessorSpec, ValueSpec } from "./spec.ts";

export const OPERAND_SEGMENT_SIZES = "operand_segment_sizes";
export const RESULT_SEGMENT_SIZES = "result_segment_sizes";

export type GroupKind = "single" | "optional" | "variadic";

export interface ValueGroupDef {
  readonly name: string;
  readonly kind: GroupKind;
  readonly constraint: TypeConstraint;
}
export interface AttrDef {
  readonly name: string;
  readonly kind: "required" | "optional" | "default";
  readonly constraint: AttrConstraint;
  readonly defaultValue?: () => Attribute;
}
export interface RegionDef {
  readonly name: string;
  readonly variadic: boolean;
  readonly maxBlocks: number | undefined;
}
export interface SuccessorDef {
  readonly name: string;
  readonly variadic: boolean;
}

/** Everything known about a registered op kind: `Op.info`. */
export interface OpDefinition extends OpInfo {
  readonly spec: OpSpec;
  readonly operands: readonly ValueGroupDef[];
  readonly results: readonly ValueGroupDef[];
  readonly attributes: readonly AttrDef[];
  readonly regions: readonly RegionDef[];
  readonly successors: readonly SuccessorDef[];
  /** True when operand groups are sized by the `operand_segment_sizes` attribute. */
  readonly operandSegments: boolean;
  readonly resultSegments: boolean;
  readonly behaviour: OpBehaviour<Operation>;
}

export type OpClass<S extends OpSpec> = typeof Operation & {
  new (init: OperationInit): OpInstance<S>;
  readonly prototype: OpInstance<S>;
  readonly info: OpDefinition;
  /** Builds a detached op from named operands, attributes, result types, regions and successors. */
  build(args: BuildArgs<S>, loc?: Location): OpInstance<S>;
};

/** The definition of a registered op (undefined for unregistered ones). */
export function definitionOf(op: Operation): OpDefinition | undefined {
  const info = op.info;
  return info !== undefined && "spec" in info ? (info as OpDefinition) : undefined;
}

/**
 * Stores the default of every default-valued attribute of a registered op that `attributes` lacks (MLIR's
 * populateDefaultAttrs, run whenever an op is created), so built and parsed ops compare equal and the generic
 * form spells the default. Unregistered ops (no definition) are left alone.
 */
export function populateDefaultAttrs(info: OpInfo | undefined, attributes: Map<string, Attribute>): void {
  if (info === undefined || !("spec" in info)) return;
  for (const a of (info as OpDefinition).attributes) {
    if (a.defaultValue !== undefined && !attributes.has(a.name)) attributes.set(a.name, a.defaultValue());
  }
}

/** Names an op's accessors cannot take, because Operation already uses them. */
const reserved = new Set(
  Object.getOwnPropertyNames(Operation.prototype).concat(["name", "loc", "attributes", "results", "regions", "info"]),
);

function valueGroups(specs: Readonly<Record<string, ValueSpec>> | undefined): ValueGroupDef[] {
  return Object.entries(specs ?? {}).map(([name, s]) =>
    "kind" in s ? { name, kind: s.kind, constraint: s.constraint } : { name, kind: "single", constraint: s },
  );
}

function attrDefs(specs: Readonly<Record<string, AttrSpec>> | undefined): AttrDef[] {
  return Object.entries(specs ?? {}).map(([name, s]): AttrDef => {
    if (!("kind" in s)) return { name, kind: "required", constraint: s };
    if (s.kind === "optional") return { name, kind: "optional", constraint: s.constraint };
    return { name, kind: "default", constraint: s.constraint, defaultValue: s.defaultValue };
  });
}

const regionDefs = (specs: Readonly<Record<string, RegionSpec>> | undefined): RegionDef[] =>
  Object.entries(specs ?? {}).map(([name, s]) => ({ name, variadic: s.kind === "variadic", maxBlocks: s.maxBlocks }));
const successorDefs = (specs: Readonly<Record<string, SuccessorSpec>> | undefined): SuccessorDef[] =>
  Object.entries(specs ?? {}).map(([name, s]) => ({ name, variadic: s.kind === "variadic" }));

/**
 * The [start, length] of each group in a flat list of `total` values. With segment sizes, they come from the
 * attribute; otherwise the one variadic or optional group takes what the single groups leave.
 */
export function groupRanges(
  groups: readonly ValueGroupDef[] | readonly { readonly variadic: boolean }[],
  total: number,
  segments: readonly number[] | undefined,
): [number, number][] {
  if (segments !== undefined) {
    let start = 0;
    return segments.map((n) => {
      const r: [number, number] = [start, n];
      start += n;
      return r;
    });
  }
  const isVar = (g: ValueGroupDef | { readonly variadic: boolean }): boolean =>
    "kind" in g ? g.kind !== "single" : g.variadic;
  const fixed = groups.filter((g) => !isVar(g)).length;
  const flexible = Math.max(0, total - fixed);
  let start = 0;
  return groups.map((g) => {
    const n = isVar(g) ? flexible : 1;
    const r: [number, number] = [start, n];
    start += n;
    return r;
  });
}

function segmentSizes(op: Operation, attr: string): number[] | undefined {
  const a = op.attr(attr);
  return a instanceof DenseArrayAttr ? a.numbers : undefined;
}

/**
 * Ranges of kinds without segment sizes depend only on the kind and the number of values: computed once
 * per (kind, count) and shared, frozen.
 */
const unsegmentedRanges = new WeakMap<readonly ValueGroupDef[], Map<number, readonly (readonly [number, number])[]>>();

function rangesFor(groups: readonly ValueGroupDef[], total: number): readonly (readonly [number, number])[] {
  let byTotal = unsegmentedRanges.get(groups);
  if (byTotal === undefined) unsegmentedRanges.set(groups, (byTotal = new Map()));
  let ranges = byTotal.get(total);
  if (ranges === undefined) byTotal.set(total, (ranges = Object.freeze(groupRanges(groups, total, undefined).map((r) => Object.freeze(r)))));
  return ranges;
}

export function operandRanges(op: Operation, def: OpDefinition): readonly (readonly [number, number])[] {
  if (!def.operandSegments) return rangesFor(def.operands, op.numOperands);
  return groupRanges(def.operands, op.numOperands, segmentSizes(op, OPERAND_SEGMENT_SIZES));
}
export function resultRanges(op: Operation, def: OpDefinition): readonly (readonly [number, number])[] {
  if (!def.resultSegments) return rangesFor(def.results, op.numResults);
  return groupRanges(def.results, op.numResults, segmentSizes(op, RESULT_SEGMENT_SIZES));
}

/**
 * Where group `index` of a value list sits, computed once per op kind so that a named accessor allocates
 * nothing: without segment sizes, a group starts after the single groups before it plus, if the variadic
 * group comes before it, the variadic group's length (what the single groups leave of the total).
 */
interface GroupLayout {
  readonly index: number;
  readonly kind: GroupKind;
  /** Optional and variadic groups take what the single groups leave. */
  readonly flexible: boolean;
  readonly singlesBefore: number;
  readonly flexibleBefore: boolean;
  readonly singles: number;
  /** The segment-sizes attribute that sizes the groups, if the kind has one. */
  readonly segments: string | undefined;
}

function groupLayouts(groups: readonly ValueGroupDef[], segments: string | undefined): GroupLayout[] {
  const singles = groups.filter((g) => g.kind === "single").length;
  return groups.map((g, index) => ({
    index,
    kind: g.kind,
    flexible: g.kind !== "single",
    singlesBefore: groups.slice(0, index).filter((x) => x.kind === "single").length,
    flexibleBefore: groups.slice(0, index).some((x) => x.kind !== "single"),
    singles,
    segments,
  }));
}

// The range `locate` found, in module variables so that finding it allocates no tuple.
let rangeStart = 0;
let rangeLength = 0;

function locate(op: Operation, layout: GroupLayout, total: number): void {
  if (layout.segments !== undefined) {
    const sizes = op.attr(layout.segments);
    rangeStart = 0;
    rangeLength = 0;
    if (!(sizes instanceof DenseArrayAttr)) return;
    for (let i = 0; i < layout.index; i++) rangeStart += Number(sizes.values[i] ?? 0);
    rangeLength = Number(sizes.values[layout.index] ?? 0);
    return;
  }
  const flexible = Math.max(0, total - layout.singles);
  rangeStart = layout.singlesBefore + (layout.flexibleBefore ? flexible : 0);
  rangeLength = layout.flexible ? flexible : 1;
}

function defineAccessors(cls: typeof Operation, def: OpDefinition): void {
  const proto = cls.prototype;
  const define = (name: string, get: (this: Operation) => unknown): void => {
    if (reserved.has(name)) throw new Error(`'${def.name}': '${name}' cannot name an operand, result, attribute, region or successor`);
    Object.defineProperty(proto, name, { get, enumerable: false, configurable: false });
  };
  for (const layout of groupLayouts(def.operands, def.operandSegments ? OPERAND_SEGMENT_SIZES : undefined)) {
    const name = (def.operands[layout.index] as ValueGroupDef).name;
    define(
      name,
      layout.kind === "variadic"
        ? function () {
            locate(this, layout, this.numOperands);
            const out: Value[] = [];
            for (let i = 0; i < rangeLength; i++) out.push((this.opOperands[rangeStart + i] as OpOperand).value);
            return out;
          }
        : function () {
            locate(this, layout, this.numOperands);
            return rangeLength === 0 ? undefined : this.opOperands[rangeStart]?.value;
          },
    );
  }
  for (const layout of groupLayouts(def.results, def.resultSegments ? RESULT_SEGMENT_SIZES : undefined)) {
    const name = (def.results[layout.index] as ValueGroupDef).name;
    define(
      name,
      layout.kind === "variadic"
        ? function () {
            locate(this, layout, this.numResults);
            return this.results.slice(rangeStart, rangeStart + rangeLength);
          }
        : function () {
            locate(this, layout, this.numResults);
            return rangeLength === 0 ? undefined : this.results[rangeStart];
          },
    );
  }
  for (const a of def.attributes) {
    define(a.name, function () {
      return this.attr(a.name) ?? a.defaultValue?.();
    });
  }
  def.regions.forEach((r, i) =>
    define(r.name, function () {
      return r.variadic ? this.regions.slice(i) : this.regions[i];
    }),
  );
  def.successors.forEach((s, i) =>
    define(s.name, function () {
      return s.variadic ? this.successors.slice(i) : this.successors[i];
    }),
  );
}

/**
 * Formats compile when their op is defined, so that a bad format fails at once, naming the op. tensile-opt's
 * start-up bundle (cli/bundle.mjs) defers them to their first use instead, since compiling the ~90 formats
 * is a good share of its start-up: esbuild defines `TENSILE_DEFER_FORMATS` there, and the bundle's build
 * runs `compileDeferredFormats`, so a format that does not compile still fails the build, never a run.
 */
declare const TENSILE_DEFER_FORMATS: boolean | undefined;
const deferFormats = typeof TENSILE_DEFER_FORMATS === "boolean" && TENSILE_DEFER_FORMATS;
const deferredFormats: (() => OpAsmHooks)[] = [];

/** Hooks that compile `text` on first use and then put the compiled hooks in `def.asm` in their place. */
function deferredFormat(def: OpDefinition & { asm?: OpAsmHooks | undefined }, text: string): OpAsmHooks {
  let compiled: OpAsmHooks | undefined;
  const compile = (): OpAsmHooks => {
    if (compiled === undefined) def.asm = compiled = compileFormat(def, text);
    return compiled;
  };
  deferredFormats.push(compile);
  return { print: (op, p) => compile().print(op, p), parse: (p, state) => compile().parse(p, state) };
}

/** Compiles every deferred format (throwing what a bad one throws): the bundle's build-time check. */
export function compileDeferredFormats(): number {
  for (const compile of deferredFormats) compile();
  return deferredFormats.length;
}

/** Defines an op kind. `behaviour` holds the hooks typed with the op's own instance type. */
export function defineOp<const S extends OpSpec>(spec: CheckedSpec<S>, behaviour: OpBehaviour<OpInstance<S>> = {}): OpClass<S> {
  const dot = spec.name.indexOf(".");
  if (dot <= 0) throw new Error(`op name '${spec.name}' must be 'dialect.mnemonic'`);
  const operands = valueGroups(spec.operands);
  const results = valueGroups(spec.results);
  checkGroupNames(spec, operands, results);
  const def: OpDefinition & { asm?: OpAsmHooks | undefined } = {
    name: spec.name,
    dialect: spec.name.slice(0, dot),
    summary: spec.summary,
    traits: new Set<Trait>(spec.traits ?? []),
    interfaces: new InterfaceMap([...(spec.traits ?? []).flatMap((t) => t.implies ?? []), ...(behaviour.interfaces ?? [])]),
    spec,
    operands,
    results,
    attributes: attrDefs(spec.attributes),
    regions: regionDefs(spec.regions),
    successors: successorDefs(spec.successors),
    operandSegments: operands.filter((g) => g.kind !== "single").length > 1,
    resultSegments: results.filter((g) => g.kind !== "single").length > 1,
    behaviour: behaviour as OpBehaviour<Operation>,
    resultNames: spec.resultNames,
    blockArgNames: spec.blockArgNames,
    defaultDialect: spec.defaultDialect,
  };
  // InferTypeOpInterface from `inferResultTypes` or the spec's type relations (unless implemented explicitly).
  const inferType = inferTypeImplementation(def);
  if (inferType !== undefined && def.interfaces?.has(InferTypeOpInterface) === false) def.interfaces.set(inferType);
  if (spec.format !== undefined && behaviour.asm !== undefined) throw new Error(`'${spec.name}': give a declarative format or asm hooks, not both`);
  if (spec.format !== undefined) def.asm = deferFormats ? deferredFormat(def, spec.format) : compileFormat(def, spec.format);
  else if (behaviour.asm !== undefined) def.asm = behaviour.asm as OpAsmHooks;

  const className = spec.name
    .slice(dot + 1)
    .split(/[._]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  const cls = { [className]: class extends Operation {} }[className] as typeof Operation;
  cls.info = def;
  defineAccessors(cls, def);
  (cls as unknown as { build: unknown }).build = (args: Record<string, unknown>, loc?: Location) => buildOp(cls, def, args, loc);
  return cls as OpClass<S>;
}

/**
 * The names `allTypesMatch` and `typesMatchWith` use must be the op's operands or results. The types check
 * this for specs written in TypeScript; this catches the rest (a spec built at run time) at definition.
 */
function checkGroupNames(spec: OpSpec, operands: readonly ValueGroupDef[], results: readonly ValueGroupDef[]): void {
  const known = new Set([...operands, ...results].map((g) => g.name));
  const used = [...(spec.allTypesMatch ?? []).flat(), ...(spec.typesMatchWith ?? []).flatMap((t) => [t.from, t.to])];
  const unknown = used.find((n) => !known.has(n));
  if (unknown !== undefined) throw new Error(`'${spec.name}': '${unknown}' names no operand or result of the op`);
}

/** The runtime of `Op.build(args)`: lays out operands, attributes, regions and successors from named args. */
function buildOp(cls: typeof Operation, def: OpDefinition, args: Record<string, unknown>, loc: Location | undefined): Operation {
  const operands: Value[] = [];
  const operandSizes: number[] = [];
  for (const g of def.operands) {
    const v = args[g.name];
    const vs = g.kind === "variadic" ? ((v ?? []) as Value[]) : v === undefined ? [] : [v as Value];
    if (g.kind === "single" && vs.length !== 1) throw new Error(`'${def.name}': operand '${g.name}' is required`);
    operands.push(...vs);
    operandSizes.push(vs.length);
  }
  const attributes = new Map<string, Attribute>();
  for (const a of def.attributes) {
    const v = args[a.name] as Attribute | undefined;
    if (v !== undefined) attributes.set(a.name, v);
    else if (a.kind === "required") throw new Error(`'${def.name}': attribute '${a.name}' is required`);
  }
  for (const [k, v] of Object.entries((args.extraAttributes ?? {}) as Record<string, Attribute>)) attributes.set(k, v);
  populateDefaultAttrs(def, attributes);
  if (def.operandSegments) attributes.set(OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(IntegerType.get(32), operandSizes));

  const regions: Region[] = [];
  for (const r of def.regions) {
    const v = args[r.name];
    if (r.variadic) regions.push(...((v ?? []) as Region[]));
    else regions.push((v as Region | undefined) ?? new Region());
  }
  const resultTypes = buildResultTypes(def, args, operands, attributes, regions);
  if (def.resultSegments) {
    const sizes = def.results.map((g) => {
      const t = args[g.name];
      return g.kind === "variadic" ? ((t ?? []) as Type[]).length : t === undefined ? 0 : 1;
    });
    attributes.set(RESULT_SEGMENT_SIZES, DenseArrayAttr.get(IntegerType.get(32), sizes));
  }

  const successors: Block[] = [];
  for (const s of def.successors) {
    const v = args[s.name];
    if (v === undefined && !s.variadic) throw new Error(`'${def.name}': successor '${s.name}' is required`);
    successors.push(...(s.variadic ? ((v ?? []) as Block[]) : [v as Block]));
  }
  return new cls({ operands, resultTypes, attributes, regions, successors, loc: loc ?? UnknownLoc.get() });
}

function buildResultTypes(
  def: OpDefinition,
  args: Record<string, unknown>,
  operands: readonly Value[],
  attributes: ReadonlyMap<string, Attribute>,
  regions: readonly Region[],
): Type[] {
  const given = def.results.map((g) => args[g.name]);
  if (given.every((t, i) => t !== undefined || def.results[i]?.kind !== "single")) {
    return def.results.flatMap((g, i) => {
      const t = given[i];
      return g.kind === "variadic" ? [...((t ?? []) as Type[])] : t === undefined ? [] : [t as Type];
    });
  }
  const inferred = inferResultTypes(def, operands, attributes, regions);
  if (inferred === undefined) {
    const missing = def.results.filter((_, i) => given[i] === undefined).map((g) => `'${g.name}'`);
    throw new Error(`'${def.name}': result type ${missing.join(", ")} must be given (it cannot be inferred)`);
  }
  return inferred;
}
