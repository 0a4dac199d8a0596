/**
 * Reduces a failing program further than fast-check's shrinking can (its choices are positional, so
 * removing one op can change what later ops use): on the IR itself, like mlir-reduce, it tries dropping a
 * returned value, forwarding an op's operand in place of its result, and dropping an unused argument — keeping
 * each candidate only if it still fails the same way — until nothing more can be removed.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { functionTypeAttr } from "../../dialects/func/index.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { ReturnLike } from "../../src/ir/traits.ts";
import { isOpTriviallyDead } from "../../src/interfaces/side-effect-queries.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import type { ProgramCase } from "./programs.ts";

type Edit = (fn: Operation) => { readonly dropArg?: number } | false;

function functionOf(module: Operation, name: string): Operation | undefined {
  return module.getRegion().entry?.operations.find((op) => op.attr("sym_name") !== undefined && (op.attr("sym_name") as { value?: string }).value === name);
}

/** Removes trivially dead ops until none is left. */
function removeDead(fn: Operation): void {
  for (let changed = true; changed; ) {
    changed = false;
    fn.walk((op) => {
      if (op !== fn && op.parent !== undefined && isOpTriviallyDead(op)) {
        op.erase();
        changed = true;
      }
    });
  }
}

/** Keeps `function_type` in step with the entry block's arguments and the returned values. */
function syncSignature(fn: Operation): void {
  const entry = fn.getRegion().entry;
  if (entry === undefined) return;
  const ret = fn.getRegion().blocks.map((b) => b.last).find((op) => op?.hasTrait(ReturnLike));
  fn.setAttr("function_type", functionTypeAttr(entry.argTypes, ret?.operands.map((v) => v.type) ?? []));
}

/** Every single-step edit of the function, in the order they are tried. */
function edits(fn: Operation): Edit[] {
  const out: Edit[] = [];
  const returns = fn.getRegion().blocks.map((b) => b.last).filter((op): op is Operation => op?.hasTrait(ReturnLike) === true);
  // 1. Drop one returned value (from every return, so they stay alike).
  const width = returns[0]?.numOperands ?? 0;
  for (let i = 0; i < width; i++) {
    out.push((f) => {
      const rs = f.getRegion().blocks.map((b) => b.last).filter((op): op is Operation => op?.hasTrait(ReturnLike) === true);
      if (rs.some((r) => r.numOperands !== width) || width <= 1) return false;
      for (const r of rs) r.spliceOperands(i, 1, []);
      return {};
    });
  }
  // 2. Forward an operand of the same type in place of an op's result.
  const ops: Operation[] = [];
  fn.walk((op) => void (op !== fn && op.numResults === 1 && op.numOperands > 0 && ops.push(op)), "pre");
  ops.forEach((_, k) => {
    for (let j = 0; j < 3; j++) {
      out.push((f) => {
        const all: Operation[] = [];
        f.walk((op) => void (op !== f && op.numResults === 1 && op.numOperands > 0 && all.push(op)), "pre");
        const op = all[k];
        const v = op?.operands[j];
        if (op === undefined || v === undefined || v.type !== op.getResult().type) return false;
        op.getResult().replaceAllUsesWith(v);
        return {};
      });
    }
  });
  // 3. Drop an argument nothing uses.
  const args = fn.getRegion().entry?.args.length ?? 0;
  for (let i = 0; i < args; i++) {
    out.push((f) => {
      const entry = f.getRegion().entry;
      const a = entry?.args[i];
      if (entry === undefined || a === undefined || a.hasUses || entry.args.length <= 1) return false;
      entry.eraseArgument(i);
      return { dropArg: i };
    });
  }
  return out;
}

/**
 * The smallest variant of `c` (found greedily) for which `stillFails` holds. `stillFails` must be true of `c`.
 * At most `budget` candidates are tried.
 */
export function reduceProgram(c: ProgramCase, ctx: Context, stillFails: (c: ProgramCase) => boolean, budget = 400): ProgramCase {
  let current = c;
  let tried = 0;
  for (let progress = true; progress && tried < budget; ) {
    progress = false;
    const parsed = parseSource(current.text, ctx);
    if (isLeft(parsed)) return current;
    const fn0 = functionOf(parsed.right, current.fn);
    if (fn0 === undefined) return current;
    const count = edits(fn0).length;
    for (let e = 0; e < count && tried < budget; e++) {
      const trial = parseSource(current.text, ctx);
      if (isLeft(trial)) return current;
      const fn = functionOf(trial.right, current.fn);
      const edit = fn === undefined ? undefined : edits(fn)[e];
      if (fn === undefined || edit === undefined) continue;
      const done = edit(fn);
      if (done === false) continue;
      removeDead(fn);
      syncSignature(fn);
      const args = done.dropArg === undefined ? current.args : current.args.filter((_, i) => i !== done.dropArg);
      const candidate: ProgramCase = { text: printOp(trial.right, { ctx }), fn: current.fn, args };
      tried++;
      if (candidate.text !== current.text && stillFails(candidate)) {
        current = candidate;
        progress = true;
        break;
      }
    }
  }
  return current;
}
