/**
 * `reconcile-unrealized-casts` (MLIR 16's ReconcileUnrealizedCasts.cpp): removes the
 * `builtin.unrealized_conversion_cast` chains that partial conversions leave between converted and unconverted
 * values. A chain that ends where it began (A -> B -> A) is replaced by its input; a cast with no uses is erased.
 * A cast that cannot be removed (a value converted one way and never back) fails the pass, naming it.
 *
 *   Before: %0 = builtin.unrealized_conversion_cast %a : i64 to index
 *           %1 = builtin.unrealized_conversion_cast %0 : index to i64
 *           %2 = llvm.add %1, %1  : i64
 *   After:  %2 = llvm.add %a, %a  : i64
 */
import { left } from "fp-ts/lib/Either.js";
import { error } from "../../src/diag/diagnostic.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { UnrealizedConversionCastOp } from "../../dialects/builtin/ops.ts";

const isCast = (op: Operation | undefined): op is InstanceType<typeof UnrealizedConversionCastOp> => op instanceof UnrealizedConversionCastOp;

/** The values a cast chain ending at `cast` started from, if they have the cast's result types; else undefined. */
function chainSource(cast: Operation): readonly Value[] | undefined {
  let inputs: readonly Value[] = cast.operands;
  const want = cast.resultTypes;
  for (;;) {
    if (inputs.length === want.length && inputs.every((v, i) => v.type === want[i])) return inputs;
    const def = inputs[0]?.definingOp;
    if (!isCast(def) || def.numResults !== inputs.length || !inputs.every((v, i) => v === def.getResult(i))) return undefined;
    inputs = def.operands;
  }
}

/** Removes the reconcilable casts under `root`; returns the ones left (live and unreconcilable). */
export function reconcileUnrealizedCasts(root: Operation): { changed: boolean; left: Operation[] } {
  const casts: Operation[] = [];
  root.walk((op) => {
    if (isCast(op)) casts.push(op);
  });
  let changed = false;
  // Users first: replacing the end of a chain may leave its start without uses.
  for (const cast of casts.reverse()) {
    if (cast.parent === undefined) continue;
    const source = cast.results.some((r) => r.hasUses) ? chainSource(cast) : [];
    if (source === undefined) continue;
    cast.results.forEach((r, i) => r.replaceAllUsesWith(source[i] as Value));
    cast.erase();
    changed = true;
  }
  const remaining: Operation[] = [];
  root.walk((op) => {
    if (isCast(op)) remaining.push(op);
  });
  // Dead casts left behind by erased users.
  for (const cast of remaining.reverse()) {
    if (cast.results.every((r) => !r.hasUses)) {
      cast.erase();
      changed = true;
    }
  }
  const left_: Operation[] = [];
  root.walk((op) => {
    if (isCast(op)) left_.push(op);
  });
  return { changed, left: left_ };
}

export const reconcileUnrealizedCastsPass = definePass({
  name: "reconcile-unrealized-casts",
  displayName: "ReconcileUnrealizedCasts",
  summary: "Simplify and eliminate unrealized conversion casts",
  description: "Replaces chains of unrealized_conversion_cast that end with their start type by their input, erases dead casts, and fails on any cast that remains live.",
  run(op) {
    const r = reconcileUnrealizedCasts(op);
    if (r.left.length > 0) {
      return left(r.left.map((c) => error(c.loc, `failed to legalize operation 'builtin.unrealized_conversion_cast' that was explicitly marked illegal`)));
    }
    return { changed: r.changed };
  },
});
