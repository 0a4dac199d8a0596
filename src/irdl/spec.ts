/**
 * The declarative op specification (`defineOp`'s argument) and the types derived from it: the typed instance
 * (named accessors) and the typed build arguments. Runtime code lives in define-op.ts.
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { Attribute } from "../ir/attributes.ts";
import type { InterfaceImpl } from "../ir/interfaces.ts";
import type { Block, Operation, Region, Trait } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import type { OpResult, Value } from "../ir/value.ts";
import type { DialectAsmParser, DialectAsmPrinter, OpAsmHooks } from "../text/asm-interfaces.ts";
import type { AttrConstraint, TypeConstraint } from "./constraints.ts";
import type { CustomDirective } from "./format-directives.ts";

// ---- operand / result groups -----------------------------------------------------------------------------

export interface VariadicSpec<C extends TypeConstraint = TypeConstraint> {
  readonly kind: "variadic";
  readonly constraint: C;
}
export interface OptionalSpec<C extends TypeConstraint = TypeConstraint> {
  readonly kind: "optional";
  readonly constraint: C;
}
export type ValueSpec = TypeConstraint | VariadicSpec | OptionalSpec;

/** Any number of operands (or results) of this constraint. */
export const variadic = <C extends TypeConstraint>(constraint: C): VariadicSpec<C> => ({ kind: "variadic", constraint });
/** Zero or one operand (or result) of this constraint. */
export const optional = <C extends TypeConstraint>(constraint: C): OptionalSpec<C> => ({ kind: "optional", constraint });

// ---- attributes ------------------------------------------------------------------------------------------

export interface OptionalAttrSpec<C extends AttrConstraint = AttrConstraint> {
  readonly kind: "optional";
  readonly constraint: C;
}
export interface DefaultAttrSpec<C extends AttrConstraint = AttrConstraint> {
  readonly kind: "default";
  readonly constraint: C;
  readonly defaultValue: () => AttrOf<C>;
}
export type AttrSpec = AttrConstraint | OptionalAttrSpec | DefaultAttrSpec;

export const optionalAttr = <C extends AttrConstraint>(constraint: C): OptionalAttrSpec<C> => ({ kind: "optional", constraint });
/**
 * An attribute that reads as `defaultValue` when absent (ODS's DefaultValuedAttr). Ops store the default when
 * they are created, built or parsed, as MLIR's populateDefaultAttrs does, so the generic form spells it.
 */
export const defaultAttr = <C extends AttrConstraint>(constraint: C, defaultValue: () => AttrOf<C>): DefaultAttrSpec<C> => ({
  kind: "default",
  constraint,
  defaultValue,
});

// ---- regions and successors ------------------------------------------------------------------------------

export interface RegionSpec {
  readonly kind: "region" | "variadic";
  /** ODS's SizedRegion<1>: at most this many blocks. */
  readonly maxBlocks?: number;
}
export const region = (opts: { maxBlocks?: number } = {}): RegionSpec => ({ kind: "region", ...opts });
export const variadicRegion = (opts: { maxBlocks?: number } = {}): RegionSpec & { kind: "variadic" } => ({ kind: "variadic", ...opts });

export interface SuccessorSpec {
  readonly kind: "successor" | "variadic";
}
export const successor = (): SuccessorSpec & { kind: "successor" } => ({ kind: "successor" });
export const variadicSuccessor = (): SuccessorSpec & { kind: "variadic" } => ({ kind: "variadic" });

// ---- the spec --------------------------------------------------------------------------------------------

export interface TypesMatchWith<Name extends string = string> {
  /** A single operand or result. */
  readonly from: Name;
  /** An operand or result group. */
  readonly to: Name;
  /** The types `to` must have, given the type of `from`; undefined when that type is of the wrong kind. */
  readonly transform: (t: Type) => Type | readonly Type[] | undefined;
  /** The verifier's message: `failed to verify that <summary>`. */
  readonly summary: string;
}

export type FoldResult = Attribute | Value;

export interface OpSpec {
  /** The full name, `dialect.mnemonic`. */
  readonly name: string;
  /** One line: what the op does. Shown in docs and `--help`. */
  readonly summary: string;
  readonly description?: string;
  readonly operands?: Readonly<Record<string, ValueSpec>>;
  readonly results?: Readonly<Record<string, ValueSpec>>;
  readonly attributes?: Readonly<Record<string, AttrSpec>>;
  readonly regions?: Readonly<Record<string, RegionSpec>>;
  readonly successors?: Readonly<Record<string, SuccessorSpec>>;
  readonly traits?: readonly Trait[];
  /** Groups of operand/result names whose types must be equal (ODS's AllTypesMatch); also used to infer types. */
  readonly allTypesMatch?: readonly (readonly string[])[];
  /**
   * ODS's TypesMatchWith: the types of `to` are a function of the type of `from` (func.call_indirect's
   * operands and results come from its callee's function type). Verified, and used by formats to infer `to`.
   */
  readonly typesMatchWith?: readonly TypesMatchWith[];
  /**
   * The custom assembly form, as a declarative format string (ODS's assemblyFormat). Syntax a format cannot
   * say is hand-written instead, as the behaviour's `asm` hooks. With neither, the op prints in generic form.
   */
  readonly format?: string;
  /** `custom<Name>(...)` directives used by `format` (see format-directives.ts). */
  readonly customDirectives?: Readonly<Record<string, CustomDirective>>;
  /** The dialect whose ops print without their prefix inside this op's regions (`return` in `func.func`). */
  readonly defaultDialect?: string;
  /** Names for results in printed IR (`%c0`, `%cst`), as MLIR's getAsmResultNames. */
  readonly resultNames?: (op: Operation) => readonly (string | undefined)[];
  /** Names for the entry-block arguments of its regions in custom form (`%in`), as MLIR's getAsmBlockArgumentNames. */
  readonly blockArgNames?: (op: Operation, region: Region) => readonly (string | undefined)[];
}

export type TypeOf<C> = C extends TypeConstraint<infer T> ? T : Type;
export type AttrOf<C> = C extends AttrConstraint<infer A> ? A : Attribute;

type OperandAccessor<S> = S extends VariadicSpec<infer C>
  ? readonly Value<TypeOf<C>>[]
  : S extends OptionalSpec<infer C>
    ? Value<TypeOf<C>> | undefined
    : Value<TypeOf<S>>;
type ResultAccessor<S> = S extends VariadicSpec<infer C>
  ? readonly OpResult<TypeOf<C>>[]
  : S extends OptionalSpec<infer C>
    ? OpResult<TypeOf<C>> | undefined
    : OpResult<TypeOf<S>>;
type AttrAccessor<S> = S extends OptionalAttrSpec<infer C>
  ? AttrOf<C> | undefined
  : S extends DefaultAttrSpec<infer C>
    ? AttrOf<C>
    : AttrOf<S>;
type RegionAccessor<S> = S extends { kind: "variadic" } ? readonly Region[] : Region;
type SuccessorAccessor<S> = S extends { kind: "variadic" } ? readonly Block[] : Block;

/**
 * The declared groups of kind K, or `{}` when the spec omits K. (Indexing S by an omitted optional key would
 * give the constraint's Record<string, ...> and make every property name an accessor.)
 */
type Field<S extends OpSpec, K extends keyof OpSpec> = S extends { readonly [P in K]: infer F } ? NonNullable<F> : {};

/** The named accessors an op instance has, derived from its spec. */
export type Accessors<S extends OpSpec> = {
  readonly [K in keyof Field<S, "operands">]: OperandAccessor<Field<S, "operands">[K]>;
} & {
  readonly [K in keyof Field<S, "results">]: ResultAccessor<Field<S, "results">[K]>;
} & {
  readonly [K in keyof Field<S, "attributes">]: AttrAccessor<Field<S, "attributes">[K]>;
} & {
  readonly [K in keyof Field<S, "regions">]: RegionAccessor<Field<S, "regions">[K]>;
} & {
  readonly [K in keyof Field<S, "successors">]: SuccessorAccessor<Field<S, "successors">[K]>;
};

/** The names of the groups of kind K that `S` declares: any string for a spec not known statically (`OpSpec`). */
type GroupNames<S, K extends keyof OpSpec> = S extends { readonly [P in K]?: infer F } ? keyof NonNullable<F> & string : never;
/** The names of the operand and result groups `S` declares. */
export type ValueGroupName<S extends OpSpec> = GroupNames<S, "operands"> | GroupNames<S, "results">;
/** The names of the operand groups `S` declares. */
export type OperandGroupName<S extends OpSpec> = GroupNames<S, "operands">;

/**
 * What `defineOp` checks of a spec's own references to its groups: `allTypesMatch` and `typesMatchWith` name
 * operands and results of the same spec, so a misspelled name is a type error, not a check that never runs.
 */
export type CheckedSpec<S extends OpSpec> = S & {
  readonly allTypesMatch?: readonly (readonly ValueGroupName<S>[])[];
  readonly typesMatchWith?: readonly TypesMatchWith<ValueGroupName<S>>[];
};

/** Type-only: the spec an op instance was defined by, so helpers can name its groups (`OperandGroupOf`). */
declare const specOfOp: unique symbol;

/** An instance of the op `S` describes: an Operation with a literal `name` and typed accessors. */
export type OpInstance<S extends OpSpec> = Operation & { readonly name: S["name"]; readonly [specOfOp]?: S } & Accessors<S>;

/** The operand group names of an op instance type; any string for an Operation of unknown kind. */
export type OperandGroupOf<O extends Operation> = O extends { readonly [specOfOp]?: infer S extends OpSpec } ? OperandGroupName<S> : string;
/** The attribute names an op instance type declares; any string for an Operation of unknown kind. */
export type AttributeNameOf<O extends Operation> = O extends { readonly [specOfOp]?: infer S extends OpSpec } ? GroupNames<S, "attributes"> : string;

// Build arguments: required keys for single operands, required attributes and single successors; optional for
// the rest. Result types are optional (inferred when the op can infer them; build throws otherwise).
type RequiredKeys<R, Pred> = { [K in keyof R]: R[K] extends Pred ? K : never }[keyof R];

type OperandArgs<O> = {
  readonly [K in Exclude<keyof O, RequiredKeys<O, VariadicSpec | OptionalSpec>>]: Value<TypeOf<O[K]>>;
} & {
  readonly [K in RequiredKeys<O, VariadicSpec>]?: O[K] extends VariadicSpec<infer C> ? readonly Value<TypeOf<C>>[] : never;
} & {
  readonly [K in RequiredKeys<O, OptionalSpec>]?: O[K] extends OptionalSpec<infer C> ? Value<TypeOf<C>> | undefined : never;
};
type ResultArgs<R> = {
  readonly [K in keyof R]?: R[K] extends VariadicSpec<infer C> ? readonly TypeOf<C>[] : TypeOf<R[K] extends OptionalSpec<infer C> ? C : R[K]>;
};
type AttrArgs<A> = {
  readonly [K in Exclude<keyof A, RequiredKeys<A, OptionalAttrSpec | DefaultAttrSpec>>]: AttrOf<A[K]>;
} & {
  readonly [K in RequiredKeys<A, OptionalAttrSpec | DefaultAttrSpec>]?: A[K] extends OptionalAttrSpec<infer C> | DefaultAttrSpec<infer C>
    ? AttrOf<C> | undefined
    : never;
};
type RegionArgs<G> = { readonly [K in keyof G]?: G[K] extends { kind: "variadic" } ? readonly Region[] : Region };
type SuccessorArgs<G> = { readonly [K in keyof G]: G[K] extends { kind: "variadic" } ? readonly Block[] : Block };



/** The named arguments `Builder.create(Def, args)` takes, derived from the spec. */
export type BuildArgs<S extends OpSpec> = OperandArgs<Field<S, "operands">> &
  ResultArgs<Field<S, "results">> &
  AttrArgs<Field<S, "attributes">> &
  RegionArgs<Field<S, "regions">> &
  SuccessorArgs<Field<S, "successors">> & {
    /** Discardable attributes to add (not declared by the op). */
    readonly extraAttributes?: Readonly<Record<string, Attribute>>;
  };

/** Hooks with the op's own type. */
export interface OpBehaviour<I> {
  /**
   * Op-specific checks after the spec's own: the diagnostic MLIR would emit, usually `opError(op, "...")`
   * (src/irdl/op-error.ts: `'arith.select' op ...`), with notes when MLIR attaches some, or undefined.
   */
  readonly verify?: (op: I) => Diagnostic | undefined;
  /**
   * Checks that need the ops nested in the op to be valid, run after them and after the region checks of the
   * op's traits and interfaces (ODS's hasRegionVerifier, MLIR's verifyRegions).
   */
  readonly verifyRegion?: (op: I) => Diagnostic | undefined;
  /**
   * Result types from the operands, attributes and regions: implements InferTypeOpInterface for the op
   * (src/interfaces/infer-type.ts), so build and the format may leave them out and the verifier checks them.
   */
  readonly inferResultTypes?: (operands: readonly Value[], attributes: ReadonlyMap<string, Attribute>, regions: readonly Region[]) => readonly Type[] | undefined;
  /**
   * Constant folding: given the op and the constant value of each operand (or undefined), the result values,
   * as constants or existing values; undefined when it does not fold.
   */
  readonly fold?: (op: I, operands: readonly (Attribute | undefined)[]) => readonly FoldResult[] | FoldResult | undefined;
  /**
   * The op interfaces the op implements (src/ir/interfaces.ts), with methods typed for the op:
   * `interfaces: [implement(BranchOpInterface, { getSuccessorOperands: (op, i) => ... })]`. Its traits may
   * imply more (`Pure`: no memory effects); these come after them and take precedence.
   */
  readonly interfaces?: readonly InterfaceImpl<I & Operation>[];
  /**
   * Hand-written custom syntax, for ops whose syntax no declarative `format` can say (MLIR 16 hand-writes
   * func.func's and arith.select's too). An op has a `format` or `asm`, not both.
   */
  readonly asm?: OpAsmHooks<I & Operation>;
}

export type { DialectAsmParser, DialectAsmPrinter };
