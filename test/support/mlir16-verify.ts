/**
 * Whether mlir-opt-16 accepts IR that Tensile printed (`mlir-opt-16 --verify-each`): many modules in one process,
 * as chunks of a `--split-input-file` input, so that checking a sample of lowered programs costs one spawn; and
 * the transform the conversion passes' property tests give checkRewrite (the pass, then nothing of the converted
 * dialects left).
 */
import fc from "fast-check";
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error } from "../../src/diag/diagnostic.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { pass, type PassDef } from "../../src/pass/pass.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { nest } from "../../src/pass/pipeline.ts";
import type { RewriteListener } from "../../src/rewrite/rewriter.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { newContext } from "../../rewrites/index.ts";
import type { ProgramCase } from "../../rewrites/testing/programs.ts";
import { mlirOpt16 } from "./mlir16-run.ts";

/** Undefined when mlir-opt-16 parses and verifies every module; else its diagnostics, with the modules. */
export function mlir16Rejects(modules: readonly string[]): string | undefined {
  const input = modules.join("\n// -----\n");
  // Through mlirOpt16, which retries mlir-opt-16's occasional crash on an input it accepts.
  const r = mlirOpt16(["--split-input-file", "--verify-each", "-o", "/dev/null"], input);
  if (r.error !== undefined) throw new Error(`mlir-opt-16 could not run (scripts/setup.sh installs it): ${r.error.message}`);
  return r.status === 0 ? undefined : `mlir-opt-16 --verify-each rejects Tensile's output:\n${r.stderr}\n--- input ---\n${input}`;
}

/**
 * A transform for checkRewrite that runs a conversion pass (nested on `func.func` when it is anchored there) and
 * then requires that no op of the dialects it converts away (`gone`, name prefixes such as "scf.") is left.
 */
export function lowering(def: PassDef, gone: readonly string[]): (module: Operation, ctx: Context, listener?: RewriteListener) => Either<readonly Diagnostic[], void> {
  return (module, ctx, listener) => {
    const items = def.opName === undefined || def.opName === module.name ? [pass(def)] : [nest(def.opName, [pass(def)])];
    const r = runPipeline(module, items, { ctx, verifyEach: false, ...(listener === undefined ? {} : { rewriteListener: listener }) });
    if (isLeft(r)) return left(r.left.diagnostics);
    let leftOver: Operation | undefined;
    module.walk((op) => {
      if (gone.some((prefix) => op.name.startsWith(prefix))) leftOver ??= op;
    });
    return leftOver === undefined ? right(undefined) : left([error(leftOver.loc, `'${leftOver.name}' is left after ${def.name}`)]);
  };
}

/** Undefined when mlir-opt-16 accepts what `transform` makes of `count` programs drawn from `programs`; else why not. */
export function mlir16RejectsSample(
  programs: fc.Arbitrary<ProgramCase>,
  transform: (module: Operation, ctx: Context) => Either<readonly Diagnostic[], void>,
  count: number,
  seed: number,
): string | undefined {
  const ctx = newContext();
  const texts: string[] = [];
  for (const c of fc.sample(programs, { numRuns: count, seed })) {
    const parsed = parseSource(c.text, ctx);
    if (isLeft(parsed)) return `a generated program does not parse:\n${c.text}`;
    const r = transform(parsed.right, ctx);
    if (isLeft(r)) return `the transform failed: ${r.left.map((d) => d.message).join("; ")}\n${c.text}`;
    texts.push(printOp(parsed.right, { ctx }));
  }
  return mlir16Rejects(texts);
}
