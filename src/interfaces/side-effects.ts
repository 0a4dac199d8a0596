/**
 * Memory effects and speculation (MLIR 16's SideEffectInterfaces.td):
 *
 * - MemoryEffectOpInterface: what an op does to memory, as a list of effects, each a kind (read, write,
 *   allocate, free) on a resource (the default one, or a dialect's), optionally on one value (the memref read,
 *   the buffer allocated). An op with an empty list has no effect; an op that does not implement the interface
 *   may do anything (a call, an unregistered op).
 * - ConditionallySpeculatable: whether the op may run where it would not have run (hoisted out of a branch or
 *   a loop): always, never, or when its nested ops may (`recursive`). `arith.divsi` may only when its divisor
 *   is a constant that cannot trap.
 *
 * The `NoMemoryEffect` and `AlwaysSpeculatable` traits imply the obvious implementations, and `Pure` both (in
 * src/ir/traits.ts). What passes ask is in src/interfaces/side-effect-queries.ts.
 */
import { defineInterface, implement } from "../ir/interfaces.ts";
import type { Value } from "../ir/value.ts";

export type EffectKind = "read" | "write" | "allocate" | "free";

/** A thing effects act on (MLIR's SideEffects::Resource): memory by default; dialects may name their own. */
export class Resource {
  constructor(readonly name: string) {}
  toString(): string {
    return this.name;
  }
}

/** The resource of effects that say nothing more precise (MLIR's DefaultResource). */
export const DefaultResource = new Resource("<Default>");
/** The stack of the enclosing automatic allocation scope (memref.alloca; MLIR's AutomaticAllocationScopeResource). */
export const AutomaticAllocationScopeResource = new Resource("AutomaticAllocationScope");

/** One effect of an op: a kind on a resource, on `value` when it is known. */
export interface MemoryEffect {
  readonly kind: EffectKind;
  readonly resource: Resource;
  readonly value?: Value | undefined;
}

/** `effect("read", value)`: an effect on the default resource (or `resource`). */
export const effect = (kind: EffectKind, value?: Value, resource: Resource = DefaultResource): MemoryEffect =>
  value === undefined ? { kind, resource } : { kind, resource, value };

export interface MemoryEffectMethods {
  /** Every effect the op has (not counting those of its nested ops: see RecursiveMemoryEffects). */
  getEffects(): readonly MemoryEffect[];
}

export const MemoryEffectOpInterface = defineInterface<MemoryEffectMethods>("MemoryEffectOpInterface", {
  description: "an op that knows what it does to memory: reads, writes, allocations and frees, per value and resource",
});

const noEffects: readonly MemoryEffect[] = Object.freeze([]);
/** The implementation of ops without memory effects (the NoMemoryEffect and Pure traits). */
export const noMemoryEffect = implement(MemoryEffectOpInterface, { getEffects: () => noEffects });

// ---- speculation ---------------------------------------------------------------------------------------------

/**
 * `speculatable`: may run where it would not have; `not-speculatable`: may not (it can trap, or it has undefined
 * behaviour on some inputs); `recursively-speculatable`: may, if every op nested in it may.
 */
export type Speculatability = "speculatable" | "not-speculatable" | "recursively-speculatable";

export interface SpeculatableMethods {
  getSpeculatability(): Speculatability;
}

export const ConditionallySpeculatable = defineInterface<SpeculatableMethods>("ConditionallySpeculatable", {
  description: "an op that says whether it may be executed speculatively",
});

/** The implementation of ops that may always be speculated (the AlwaysSpeculatable and Pure traits). */
export const alwaysSpeculatable = implement(ConditionallySpeculatable, { getSpeculatability: () => "speculatable" });
/** The implementation of ops speculatable when their nested ops are (RecursivelySpeculatable). */
export const recursivelySpeculatable = implement(ConditionallySpeculatable, { getSpeculatability: () => "recursively-speculatable" });
