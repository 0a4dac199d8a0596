/**
 * The DSL's examples: docs/DSL.md's first block is examples/dsl-mlp.ts word for word, and both examples run and
 * print TOSA that mlir-opt-16 --verify-each accepts.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const repo = join(import.meta.dirname, "..", "..");

function runExample(file: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, ["--import", "tsx", file, ...args], { cwd: repo, encoding: "utf8", timeout: 120_000 });
  assert.is(r.status, 0, r.stderr);
  return r.stdout;
}

function assertMlirAccepts(text: string): void {
  const r = spawnSync("mlir-opt-16", ["--verify-each", "-"], { input: text, encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
}

test("docs/DSL.md shows examples/dsl-mlp.ts as it is", () => {
  const doc = readFileSync(join(repo, "docs", "DSL.md"), "utf8");
  const first = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.fixture(first ?? "", readFileSync(join(repo, "examples", "dsl-mlp.ts"), "utf8"));
});

test("examples/dsl-mlp.ts prints TOSA that mlir-opt-16 accepts", () => {
  const out = runExample("examples/dsl-mlp.ts");
  assert.match(out, /func\.func @mlp\(%arg0: tensor<4x64xf32>, %arg1: tensor<64xf32>, %arg2: tensor<64x172xf32>/);
  assert.match(out, /"tosa\.matmul"/);
  assertMlirAccepts(out);
});

test("examples/dsl-llama-block.ts prints TOSA that mlir-opt-16 accepts", () => {
  const out = runExample("examples/dsl-llama-block.ts");
  assert.match(out, /func\.func @llama_block\(%arg0: tensor<4x64xf32>, %arg1: tensor<2x3x16xf32>/);
  assertMlirAccepts(out);
});

test.run();
