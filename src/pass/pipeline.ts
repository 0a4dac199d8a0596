/**
 * Pipelines as data: passes and op-anchored nested pipelines, as typed arrays or parsed from MLIR's text form.
 *
 *   [pass(canonicalize), nest("func.func", [pass(cse)])]          ≡  canonicalize,func.func(cse)
 *   anchored("builtin.module", [nest("func.func", [pass(cse)])])  ≡  builtin.module(func.func(cse))
 *
 * A nested pipeline runs on each op of its kind directly inside the op its parent pipeline runs on (like
 * MLIR's OpToOpPassAdaptor), one op at a time: the whole nested pipeline on the first op, then the next.
 */
import type { Pass } from "./pass.ts";

/** Nest on this name to run on every isolated-from-above op directly nested (MLIR's `any(...)`). */
export const ANY_OP = "any";

export interface NestedPipeline {
  readonly kind: "nest";
  readonly opName: string;
  readonly items: readonly PipelineItem[];
}

export type PipelineItem = Pass | NestedPipeline;

/** A whole pipeline: what it must run on (undefined or "any": whatever root it is given), and its items. */
export interface PipelineSpec {
  readonly anchor: string | undefined;
  readonly items: readonly PipelineItem[];
}

export function nest(opName: string, items: readonly PipelineItem[]): NestedPipeline {
  return { kind: "nest", opName, items };
}

export function anchored(anchor: string, items: readonly PipelineItem[]): PipelineSpec {
  return { anchor, items };
}

/** A spec from a typed array (anchored on whatever root it runs on) or a spec. */
export function toSpec(p: PipelineSpec | readonly PipelineItem[]): PipelineSpec {
  return isSpec(p) ? p : { anchor: undefined, items: p };
}

function isSpec(p: PipelineSpec | readonly PipelineItem[]): p is PipelineSpec {
  return !Array.isArray(p);
}

/** Every pass of the pipeline, depth first. */
export function passesOf(items: readonly PipelineItem[]): Pass[] {
  return items.flatMap((i) => (i.kind === "pass" ? [i] : passesOf(i.items)));
}

/**
 * The first pass that cannot run where the pipeline puts it: restricted to an op kind (`opName`) other than
 * the anchor of the pipeline that holds it. `anchor` undefined or "any" accepts any pass.
 */
export function misplacedPass(items: readonly PipelineItem[], anchor: string | undefined): { pass: Pass; anchor: string } | undefined {
  for (const item of items) {
    if (item.kind === "nest") {
      const inner = misplacedPass(item.items, item.opName);
      if (inner !== undefined) return inner;
      continue;
    }
    const want = item.def.opName;
    if (want !== undefined && anchor !== undefined && anchor !== ANY_OP && want !== anchor) return { pass: item, anchor };
  }
  return undefined;
}

/** MLIR's message for a pass restricted to another op kind than its pipeline's. */
export function misplacedPassMessage(p: Pass, anchor: string): string {
  return `Can't add pass '${p.def.displayName}' restricted to '${p.def.opName}' on a PassManager intended to run on '${anchor}', did you intend to nest?`;
}
