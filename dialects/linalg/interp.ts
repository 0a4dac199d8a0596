/**
 * Interpreter semantics of the linalg ops. Every structured op is its loop nest (loop-nest.ts) over tensors
 * (value semantics: the results are new tensors) or memrefs (written in place through their views):
 *
 * - linalg.generic, map, reduce, transpose and broadcast run their payload region at each point through the
 *   engine (`runRegion`): correct for any payload, and slow;
 * - every named op runs its table payload compiled to a function of the elements (payload-eval.ts), the fast
 *   path; test/unit/linalg-interp.test.ts checks it against the op generalised to linalg.generic.
 *
 * `linalg.index` reads the point of the innermost structured op running; `linalg.yield` ends the payload.
 */
import { fail } from "../../src/interp/errors.ts";
import { type InterpretationEntry, interpretation, type InterpContext } from "../../src/interp/registry.ts";
import { type Element, intValue, type RuntimeValue, scalarValue, type ScalarValue } from "../../src/interp/values.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { elementTypeOrSelf, IndexType, isShaped } from "../../src/ir/types.ts";
import { DestinationStyleOpInterface } from "../../src/interfaces/destination-style.ts";
import { runLoopNest } from "./loop-nest.ts";
import { namedOpClasses, namedOpDefOf } from "./named-ops.ts";
import { IndexOp, YieldOp } from "./ops-core.ts";
import { BroadcastOp, GenericOp, MapOp, ReduceOp, TransposeOp } from "./ops-structured.ts";
import { compilePayload } from "./payload-eval.ts";
import { FIXED_TYPE_VARS } from "./payload.ts";
import { linalgOp } from "./structured-interface.ts";

/** The key of a run's stack of points of the structured ops running, innermost last (what `linalg.index` reads). */
const POINTS = {};
const pointsOf = (ctx: InterpContext): (readonly number[])[] => ctx.runState(POINTS, () => [] as (readonly number[])[]);

/** The loop nest of a structured op, from its interfaces. */
function nestOf(op: Operation, args: readonly RuntimeValue[]) {
  const view = linalgOp(op) ?? fail("internal", `'${op.name}' is not a structured op`);
  const dps = DestinationStyleOpInterface.of(op) ?? fail("internal", `'${op.name}' is not destination-style`);
  const withArgs = new Set(view.getOperandsMatchingBlockArgs().map((o) => o.index));
  return {
    op,
    args,
    maps: view.getIndexingMaps(),
    loops: view.getIteratorTypes().length,
    numInits: dps.getNumDpsInits(),
    readsOperand: (i: number) => withArgs.has(i),
  };
}

/** Runs the op's payload region at each point, through the engine. */
function runWithRegion(op: Operation, args: readonly RuntimeValue[], ctx: InterpContext): RuntimeValue[] {
  const region = op.regions[0] ?? fail("invalid-ir", `'${op.name}' has no payload region`);
  const block = region.blocks[0] ?? fail("invalid-ir", `'${op.name}' has an empty payload region`);
  const argTypes = block.args.map((a) => a.type);
  for (const t of argTypes) if (isShaped(t)) fail("unsupported", `a payload argument of type ${String(t)}`);
  const nest = nestOf(op, args);
  const points = pointsOf(ctx);
  return runLoopNest(nest, (elements, idx) => {
    const values = elements.map((e, i) => scalarValue(argTypes[i] as never, e));
    points.push(idx);
    let out: RuntimeValue[];
    try {
      out = ctx.runRegion(region, values);
    } finally {
      points.pop();
    }
    return out.map((v) => (v.kind === "int" || v.kind === "float" ? (v as ScalarValue).value : fail("invalid-ir", "a payload yields a non-scalar")));
  });
}

/** Runs a named op by its compiled table payload. */
function runNamed(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const def = namedOpDefOf(op) ?? fail("internal", `'${op.name}' is not a named op`);
  const operands = new Map<string, { type: import("../../src/ir/types.ts").Type; position: number }>();
  const typeVars = new Map<string, import("../../src/ir/types.ts").Type>();
  def.operands.forEach((o, i) => {
    const type = elementTypeOrSelf(op.getOperand(i).type);
    operands.set(o.name, { type, position: i });
    if (!(o.typeVar in FIXED_TYPE_VARS) && !typeVars.has(o.typeVar)) typeVars.set(o.typeVar, type);
  });
  const attrs = (name: string): string | undefined => {
    const a = op.attr(name) as { value?: unknown } | undefined;
    return typeof a?.value === "string" ? a.value : undefined;
  };
  const payload = compilePayload(def.payload, { operands, typeVars, attrs });
  const out: Element[] = [undefined as unknown as Element];
  return runLoopNest(nestOf(op, args), (elements, idx) => {
    out[0] = payload(elements, idx);
    return out;
  });
}

export const linalgInterpretations: readonly InterpretationEntry[] = [
  interpretation(GenericOp, runWithRegion),
  interpretation(MapOp, runWithRegion),
  interpretation(ReduceOp, runWithRegion),
  interpretation(TransposeOp, runWithRegion),
  interpretation(BroadcastOp, runWithRegion),
  interpretation(YieldOp, (_op, args, ctx) => ctx.exit(args)),
  interpretation(IndexOp, (op, _args, ctx) => {
    const points = pointsOf(ctx);
    const point = points[points.length - 1] ?? fail("invalid-ir", "linalg.index outside a running structured op");
    const i = point[Number(op.dim.value)] ?? fail("invalid-ir", `linalg.index ${op.dim.value} beyond the loops`);
    return [intValue(IndexType.get(), i)];
  }),
  ...namedOpClasses.map((cls) => interpretation(cls, runNamed)),
];
