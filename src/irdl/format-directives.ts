/**
 * `custom<Name>(...)` directives with typed hooks. A directive declares its parameters (what each format
 * argument must be, in order); its print hook receives the op's pieces and its parse hook returns the pieces
 * it read, typed from that declaration, never as string names to look up:
 *
 *   const SwitchOpCases = customDirective({
 *     params: { flagType: ref("type"), defaultDest: "successor", defaultOperands: "operands", ... },
 *     print(p, op, { flagType, defaultDest, defaultOperands }) { ... },
 *     parse(p, { flagType }) { ...; return { defaultDest, defaultOperands, ... }; },
 *   });
 *   format: "... custom<SwitchOpCases>(ref(type($flag)), $defaultDestination, $defaultOperands, ...)"
 *
 * `ref(...)` arguments were parsed earlier in the format: the parse hook receives them as inputs. The format
 * compiler checks each argument against its parameter when the op is defined.
 */
import type { Attribute } from "../ir/attributes.ts";
import type { Block, Operation, Region } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import type { OpAsmParser, OpAsmPrinter, UnresolvedOperand } from "../text/asm-interfaces.ts";

/** What one argument of a custom directive is. */
export type ParamKind =
  | "operand"
  | "optionalOperand"
  | "operands"
  | "type"
  | "optionalType"
  | "types"
  | "attr"
  | "region"
  | "regions"
  | "successor"
  | "successors";

/** An argument bound earlier in the format (`ref($x)`, `ref(type($x))`): an input of the parse hook. */
export interface RefParam<K extends ParamKind = ParamKind> {
  readonly ref: K;
}
export const ref = <K extends ParamKind>(kind: K): RefParam<K> => ({ ref: kind });

export type Param = ParamKind | RefParam;
export type Params = Readonly<Record<string, Param>>;

/** What the print hook receives for a parameter of kind K. */
export type Printed<K extends ParamKind> = {
  operand: Value;
  optionalOperand: Value | undefined;
  operands: readonly Value[];
  type: Type;
  optionalType: Type | undefined;
  types: readonly Type[];
  attr: Attribute | undefined;
  region: Region;
  regions: readonly Region[];
  successor: Block;
  successors: readonly Block[];
}[K];

/** What the parse hook returns (or, for a `ref`, receives) for a parameter of kind K. */
export type Parsed<K extends ParamKind> = {
  operand: UnresolvedOperand;
  optionalOperand: UnresolvedOperand | undefined;
  operands: UnresolvedOperand[];
  type: Type;
  optionalType: Type | undefined;
  types: Type[];
  attr: Attribute | undefined;
  region: Region;
  regions: Region[];
  successor: Block;
  successors: Block[];
}[K];

type KindOf<P> = P extends RefParam<infer K> ? K : P extends ParamKind ? P : never;
type RefKeys<P> = { [K in keyof P]: P[K] extends RefParam ? K : never }[keyof P];
type OutKeys<P> = { [K in keyof P]: P[K] extends RefParam ? never : K }[keyof P];

export type PrintArgs<P extends Params> = { readonly [K in keyof P]: Printed<KindOf<P[K]>> };
export type ParseRefs<P extends Params> = { readonly [K in RefKeys<P>]: Parsed<KindOf<P[K]>> };
export type ParseOuts<P extends Params> = { [K in OutKeys<P>]: Parsed<KindOf<P[K]>> };

export interface CustomDirective<P extends Params = Params> {
  readonly params: P;
  print(p: OpAsmPrinter, op: Operation, args: PrintArgs<P>): void;
  parse(p: OpAsmParser, refs: ParseRefs<P>): ParseOuts<P>;
  /**
   * For a directive that starts an optional group: undefined, consuming nothing, when its syntax is absent.
   * Without it the directive cannot be the first element of an optional group.
   */
  parseOptional?(p: OpAsmParser, refs: ParseRefs<P>): ParseOuts<P> | undefined;
}

/** Defines a custom directive; `params` fixes the types its hooks see. */
export function customDirective<const P extends Params>(d: CustomDirective<P>): CustomDirective<P> {
  return d;
}

export const paramKind = (p: Param): ParamKind => (typeof p === "string" ? p : p.ref);
export const isRef = (p: Param): p is RefParam => typeof p !== "string";
