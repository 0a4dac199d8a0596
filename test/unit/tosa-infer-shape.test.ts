/**
 * TOSA shape inference (dialects/tosa/infer-shape.ts) against MLIR 16's own: every op of random TOSA programs
 * (rewrites/testing/gen-tosa.ts) is put alone in a function with an unknown result shape, and mlir-opt-16
 * --tosa-infer-shapes must infer the type Tensile's inference gives for it.
 */
import { spawnSync } from "node:child_process";
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createModule, moduleBody } from "../../dialects/builtin/ops.ts";
import { buildFunc } from "../../dialects/func/build.ts";
import { ReturnOp } from "../../dialects/func/index.ts";
import { tosaFoldExamples } from "../../dialects/tosa/fold-examples.ts";
import { componentsTensorType, inferReturnTypeComponents } from "../../src/interfaces/infer-shaped-type.ts";
import { newContext } from "../../rewrites/index.ts";
import { tosaProgram } from "../../rewrites/testing/gen-tosa.ts";
import { examplesOf } from "../../rewrites/testing/programs.ts";
import { tosaCanonicalizationPatterns } from "../../rewrites/tosa/canonicalize.ts";
import { Builder } from "../../src/ir/builder.ts";
import { IRMapping, type Operation } from "../../src/ir/operation.ts";
import { ConstantLike, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { DYNAMIC, RankedTensorType, UnrankedTensorType } from "../../src/ir/types.ts";
import { printOp } from "../../src/text/printer.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printType } from "../../src/text/print-attr.ts";

const ctx = newContext();
const examples = [...examplesOf(tosaCanonicalizationPatterns), ...Object.values(tosaFoldExamples).flat()];

/** The single-result, non-constant TOSA ops of random programs with ranked result types. */
function sampleOps(count: number): Operation[] {
  const ops: Operation[] = [];
  for (let seed = 0; ops.length < count; seed++) {
    const parsed = parseSource(tosaProgram(seed, { examples }).text, ctx);
    if (isLeft(parsed)) continue;
    parsed.right.walk((op) => {
      // (logical_not's result type must be its operand's: there is nothing to infer.)
      if (!op.name.startsWith("tosa.") || op.hasTrait(ConstantLike) || op.hasTrait(SameOperandsAndResultType) || op.numResults !== 1) return;
      if (op.getResult(0).type instanceof RankedTensorType) ops.push(op);
    });
  }
  return ops.slice(0, count);
}

test("every op's inferred result type is the one mlir-opt-16 --tosa-infer-shapes infers", () => {
  const ops = sampleOps(400);
  const module = createModule();
  const b = Builder.atEnd(moduleBody(module));
  const expected: string[] = [];
  ops.forEach((op, k) => {
    // Constant operands stay constants (transpose's perms, pad's paddings); the others become arguments.
    const free = op.operands.filter((v) => !(v.definingOp?.hasTrait(ConstantLike) ?? false));
    buildFunc(b, `f${k}`, free.map((v) => v.type), [], (entry, fb) => {
      const mapping = new IRMapping();
      free.forEach((v, i) => mapping.map(v, entry.args[i] as never));
      for (const v of op.operands) {
        const def = v.definingOp;
        if (def !== undefined && def.hasTrait(ConstantLike) && !mapping.values.has(v)) mapping.map(v, fb.insert(def.clone()).getResult(0));
      }
      const copy = fb.insert(op.clone(mapping));
      const t = copy.getResult(0).type as RankedTensorType;
      // reshape and pad results must be ranked: all dims dynamic then, else unranked.
      const ranked = copy.name === "tosa.reshape" || copy.name === "tosa.pad";
      copy.getResult(0).setType((ranked ? RankedTensorType.get(t.shape.map(() => DYNAMIC), t.elementType) : UnrankedTensorType.get(t.elementType)) as never);
      const inferred = inferReturnTypeComponents(op.info, op.operands, op.attributes, op.regions)?.[0];
      expected.push(inferred === undefined ? "none" : printType(componentsTensorType(inferred, t.elementType)));
      fb.create(ReturnOp, { values: [] });
    });
  });
  const r = spawnSync("mlir-opt-16", ["--tosa-infer-shapes", "-"], { input: printOp(module), encoding: "utf8", maxBuffer: 1 << 28 });
  assert.is(r.status, 0, r.stderr);
  // The last op of each function before its return is the one under test: its result type, as MLIR infers it.
  const inferred = [...r.stdout.matchAll(/^ {4}%\S+ = "tosa\.[^\n]* -> (tensor<[^\n]*>)\n {4}return\n/gm)].map((m) => m[1]);
  assert.is(inferred.length, ops.length);
  const differ = ops.map((op, k) => ({ op: op.name, ours: expected[k], mlir: inferred[k] })).filter((d) => d.ours !== d.mlir);
  assert.equal(differ, [], JSON.stringify(differ.slice(0, 5)));
  // The sample holds the ops the generator makes, each several times.
  assert.ok(new Set(ops.map((op) => op.name)).size >= 30, [...new Set(ops.map((op) => op.name))].join(" "));
});

test.run();
