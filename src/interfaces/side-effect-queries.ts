/**
 * What passes ask about side effects (MLIR 16's SideEffectInterfaces.cpp): is an op free of memory effects,
 * would it be dead if unused, may it be speculated. All of it through MemoryEffectOpInterface,
 * ConditionallySpeculatable and the RecursiveMemoryEffects trait, never through an op's name.
 *
 *   isOpTriviallyDead(op)        unused, and removing it changes nothing: DCE, CSE and the greedy driver erase it
 *   isMemoryEffectFree(op)       no effect at all (nested ops included when RecursiveMemoryEffects): CSE'able
 *   onlyReads(op)                reads and nothing else: CSE'able when no write comes in between
 *   isSpeculatable(op)           may be hoisted out of a branch or a loop
 */
import type { Operation } from "../ir/operation.ts";
import { RecursiveMemoryEffects, Symbol, Terminator } from "../ir/traits.ts";
import type { Value } from "../ir/value.ts";
import { ConditionallySpeculatable, type EffectKind, type MemoryEffect, MemoryEffectOpInterface } from "./side-effects.ts";

/** The op's own effects, or undefined when it does not say (it may then do anything). */
export function memoryEffectsOf(op: Operation): readonly MemoryEffect[] | undefined {
  return MemoryEffectOpInterface.of(op)?.getEffects();
}

/** True when the op is known to have an effect of `kind` (on `value`, when given). Unknown effects count as none. */
export function hasEffect(op: Operation, kind: EffectKind, value?: Value): boolean {
  return (memoryEffectsOf(op) ?? []).some((e) => e.kind === kind && (value === undefined || e.value === value));
}

/** True when the op declares its effects, has some, and all are of `kind` (MLIR's onlyHasEffect). */
export function onlyHasEffect(op: Operation, kind: EffectKind): boolean {
  const effects = memoryEffectsOf(op);
  return effects !== undefined && effects.length > 0 && effects.every((e) => e.kind === kind);
}

/** True when the op only reads memory (a load): the ops CSE merges when no write comes in between. */
export const onlyReads = (op: Operation): boolean => onlyHasEffect(op, "read");

/**
 * True when the op may write memory: it declares a write, or it does not declare its effects (MLIR's CSE
 * assumes such an op writes).
 */
export function mayWrite(op: Operation): boolean {
  const effects = memoryEffectsOf(op);
  return effects === undefined || effects.some((e) => e.kind === "write");
}

/**
 * True when the op has no memory effect (MLIR's isMemoryEffectFree): it declares none, and, if it has
 * RecursiveMemoryEffects, neither do the ops nested in it. An op that declares nothing and has no
 * RecursiveMemoryEffects may do anything.
 */
export function isMemoryEffectFree(op: Operation): boolean {
  const effects = memoryEffectsOf(op);
  const recursive = op.hasTrait(RecursiveMemoryEffects);
  if (effects !== undefined ? effects.length > 0 : !recursive) return false;
  if (!recursive) return true;
  for (const region of op.regions) {
    for (const block of region.blocks) for (const nested of block.ops()) if (!isMemoryEffectFree(nested)) return false;
  }
  return true;
}

/**
 * True when erasing the op (were it unused) would change nothing observable (MLIR's wouldOpBeTriviallyDead):
 * not a terminator nor a symbol, and its effects (its nested ops' too, with RecursiveMemoryEffects) are only
 * reads and allocations of its own results.
 */
export function wouldOpBeTriviallyDead(root: Operation): boolean {
  if (!root.isRegistered || root.hasTrait(Terminator) || root.hasTrait(Symbol)) return false;
  const pending: Operation[] = [root];
  while (pending.length > 0) {
    const op = pending.pop() as Operation;
    const recursive = op.hasTrait(RecursiveMemoryEffects);
    if (recursive) for (const region of op.regions) for (const block of region.blocks) for (const nested of block.ops()) pending.push(nested);
    const effects = memoryEffectsOf(op);
    if (effects === undefined) {
      if (recursive) continue;
      return false;
    }
    // An allocation of one of the op's own results goes with the op; reads leave nothing behind.
    const allocated = new Set<Value>();
    for (const e of effects) if (e.kind === "allocate" && e.value !== undefined && e.value.definingOp === op) allocated.add(e.value);
    if (!effects.every((e) => e.kind === "read" || (e.value !== undefined && allocated.has(e.value)))) return false;
  }
  return true;
}

/** True when the op is unused and would be trivially dead (MLIR's isOpTriviallyDead). */
export const isOpTriviallyDead = (op: Operation): boolean => op.useEmpty && wouldOpBeTriviallyDead(op);

/**
 * True when the op may be executed where it would not have been (MLIR's isSpeculatable): it says so, or it is
 * recursively speculatable and so is every op nested in it.
 */
export function isSpeculatable(op: Operation): boolean {
  switch (ConditionallySpeculatable.of(op)?.getSpeculatability()) {
    case "speculatable":
      return true;
    case "recursively-speculatable":
      return op.regions.every((r) => r.blocks.every((b) => b.operations.every(isSpeculatable)));
    default:
      return false;
  }
}

/** Free of memory effects and speculatable (MLIR's isPure). */
export const isPure = (op: Operation): boolean => isMemoryEffectFree(op) && isSpeculatable(op);
