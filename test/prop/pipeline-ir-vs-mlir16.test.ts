/**
 * Every intermediate IR that Tensile prints along its lowering pipeline (`tensile-lower-to-llvm`, run as
 * `compile` runs it, with IR printed after every pass: `--mlir-print-ir-after-all --mlir-print-ir-module-scope`)
 * is accepted by `mlir-opt-16 --verify-each`: on random TOSA programs, random linalg programs, and the DSL's
 * LLaMA decoder block. A rejection names the first pass after which mlir-opt-16 rejects the printed module.
 * MLIR16_VERIFY_RUNS sets the random programs per generator (default 2).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { traceBlock } from "../../examples/dsl-llama-block.ts";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { lowerToLLVMPipeline } from "../../rewrites/pipelines/lower-to-llvm.ts";
import { linalgPrograms } from "../../rewrites/testing/gen-linalg.ts";
import { tosaPrograms } from "../../rewrites/testing/gen-tosa.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { parseSource } from "../../src/text/parser.ts";
import { mlirOpt16 } from "../support/mlir16-run.ts";
import { withCInterfaces } from "../support/mlir16-native.ts";
import { past, seq } from "../dsl/llama-data.ts";

const RUNS = Number(process.env.MLIR16_VERIFY_RUNS ?? 2);

/** A printed intermediate module and the pass after which it was printed. */
interface Dump {
  readonly after: string;
  readonly text: string;
}

/** Tensile's pipeline on a copy of `module` (with C interfaces, as compile does), each module it prints after a pass. */
function dumpsAlongPipeline(module: Operation, ctx: Context): Dump[] {
  let printed = "";
  const ran = runPipeline(withCInterfaces(module), `builtin.module(${lowerToLLVMPipeline()})`, {
    ctx,
    registry: newPassRegistry(),
    printIrAfter: "all",
    printIrModuleScope: true,
    output: (text) => {
      printed += text;
    },
  });
  if (isLeft(ran)) throw new Error(`tensile-lower-to-llvm failed: ${ran.left.diagnostics.map((d) => d.message).join("; ")}`);
  const dumps: Dump[] = [];
  const header = /^\/\/ -----\/\/ IR Dump After (.*) \/\/----- \/\/$/gm;
  const headers = [...printed.matchAll(header)];
  headers.forEach((h, k) => {
    const end = headers[k + 1]?.index ?? printed.length;
    dumps.push({ after: h[1]!, text: printed.slice(h.index! + h[0].length, end).trim() });
  });
  return dumps;
}

/** Undefined when mlir-opt-16 --verify-each accepts every dump; else the first rejected, with the pass before it. */
function firstRejected(dumps: readonly Dump[]): string | undefined {
  const verify = (texts: readonly string[]) => mlirOpt16(["--split-input-file", "--verify-each", "-o", "/dev/null"], texts.join("\n// -----\n"));
  // Passes that change nothing print the same module again: verify each text once.
  const distinct = dumps.filter((d, k) => dumps.findIndex((e) => e.text === d.text) === k);
  const all = verify(distinct.map((d) => d.text));
  if (all.error !== undefined) throw new Error(`mlir-opt-16 could not run (scripts/setup.sh installs it): ${all.error.message}`);
  if (all.status === 0) return undefined;
  for (const d of distinct) {
    const one = verify([d.text]);
    if (one.status !== 0) return `mlir-opt-16 --verify-each rejects the IR printed after ${d.after}:\n${one.stderr.split("\n").slice(0, 8).join("\n")}`;
  }
  return `mlir-opt-16 rejects the dumps together but none alone:\n${all.stderr.split("\n").slice(0, 8).join("\n")}`;
}

function checkPrograms(label: string, programs: fc.Arbitrary<{ text: string }>, seed: number): void {
  const ctx = newContext();
  let dumps = 0;
  for (const p of fc.sample(programs, { numRuns: RUNS, seed })) {
    const m = parseSource(p.text, ctx);
    if (isLeft(m)) throw new Error(m.left.message);
    const along = dumpsAlongPipeline(m.right, ctx);
    assert.ok(along.length >= 20, `only ${along.length} dumps along the pipeline`);
    dumps += along.length;
    const rejected = firstRejected(along);
    assert.is(rejected, undefined, `${rejected}\n--- program ---\n${p.text}`);
  }
  console.log(`    ${label}: ${RUNS} programs, ${dumps} intermediate modules, all accepted by mlir-opt-16 --verify-each`);
}

test("random TOSA programs: every IR printed along tensile-lower-to-llvm is accepted by mlir-opt-16 --verify-each", () => checkPrograms("tosa", tosaPrograms(), 7));
test("random linalg programs: every IR printed along tensile-lower-to-llvm is accepted by mlir-opt-16 --verify-each", () => checkPrograms("linalg", linalgPrograms(), 8));

test("a module mlir-opt-16 rejects is caught and named by the pass it was printed after", () => {
  const ctx = newContext();
  const [p] = fc.sample(linalgPrograms(), { numRuns: 1, seed: 8 });
  const m = parseSource(p!.text, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  const dumps = dumpsAlongPipeline(m.right, ctx);
  const k = dumps.findIndex((d) => d.after.startsWith("ConvertFuncToLLVMPass") || d.after.includes("(convert-func-to-llvm)"));
  assert.ok(k >= 0, `no dump after convert-func-to-llvm among: ${dumps.map((d) => d.after).join(", ")}`);
  // A return of the wrong type: the llvm dialect's verifier refuses it.
  const broken = dumps.map((d, i) => (i === k ? { ...d, text: d.text.replace(/llvm\.return( %\w+)? : [^\n]+/, "llvm.return") } : d));
  assert.is.not(broken[k]!.text, dumps[k]!.text);
  const rejected = firstRejected(broken);
  assert.ok(rejected?.includes(`after ${dumps[k]!.after}`), rejected);
});

test("the LLaMA block: every IR printed along tensile-lower-to-llvm is accepted by mlir-opt-16 --verify-each", () => {
  const traced = traceBlock(seq, past);
  const dumps = dumpsAlongPipeline(traced.module, traced.ctx);
  const rejected = firstRejected(dumps);
  assert.is(rejected, undefined, rejected);
  console.log(`    llama block: ${dumps.length} intermediate modules (${new Set(dumps.map((d) => d.text)).size} distinct), all accepted`);
});

test.run();
