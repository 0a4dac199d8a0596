/**
 * The DSL's compile-time shape checks, run through tsc in the test run:
 * - test/types/*.ts compile (test/types/tsconfig.json): every `@ts-expect-error` there marks a mismatch tsc
 *   rejects, so a mismatch the types stop rejecting fails this test (TS2578, unused directive). The same files
 *   are in the main tsconfig, so `npm run typecheck` checks them too;
 * - the messages tsc gives for mismatches quote the DSL's ShapeError text (written to a temp dir, compiled);
 * - an `@ts-expect-error` on a well-shaped call fails the compile (the check bites).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const repo = join(import.meta.dirname, "..", "..");
const tsc = join(repo, "node_modules", ".bin", "tsc");

function compile(project: string): { status: number | null; out: string } {
  const r = spawnSync(tsc, ["--noEmit", "-p", project], { cwd: repo, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Compiles `source` (importing the DSL as `dsl`) in a temp project; returns tsc's output. */
function compileSnippet(source: string): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "dsl-types-"));
  try {
    const header = `import * as dsl from ${JSON.stringify(join(repo, "frontends", "dsl", "index.ts"))};\nimport type { Tensor } from ${JSON.stringify(join(repo, "frontends", "dsl", "index.ts"))};\n`;
    writeFileSync(join(dir, "snippet.ts"), header + source);
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ extends: join(repo, "tsconfig.json"), compilerOptions: { typeRoots: [join(repo, "node_modules", "@types")] }, include: ["snippet.ts"] }),
    );
    return compile(join(dir, "tsconfig.json"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("test/types compiles: every marked shape mismatch is rejected by tsc", () => {
  const r = compile(join(repo, "test", "types", "tsconfig.json"));
  assert.is(r.status, 0, r.out);
});

test("tsc's messages quote the shape error", () => {
  const cases: [string, string][] = [
    ["dsl.matmul(a23, a44);", 'ShapeError<"matmul: inner dimensions differ: [2, 3] @ [4, 4] (3 vs 4)">'],
    ["dsl.add(a23, v4);", 'ShapeError<"add: shapes [2, 3] and [4] do not broadcast">'],
    ["dsl.add(x, y);", "ShapeError<\"add: shapes ['seq', 64] and ['kv', 64] do not broadcast\">"],
    ["dsl.sum(a23, 2);", 'ShapeError<"sum: axis 2 is out of range for a tensor of rank 2 [2, 3]">'],
    ["dsl.concat([a23, a44], 0);", 'ShapeError<"concat: shapes [2, 3] and [4, 4] differ outside axis 0">'],
    ["dsl.transpose(a23, [0, 0]);", 'ShapeError<"transpose: [0, 0] is not a permutation of the 2 axes of [2, 3]">'],
  ];
  const decls =
    'declare const a23: Tensor<"f32", [2, 3]>;\ndeclare const a44: Tensor<"f32", [4, 4]>;\ndeclare const v4: Tensor<"f32", [4]>;\n' +
    'declare const x: Tensor<"f32", ["seq", 64]>;\ndeclare const y: Tensor<"f32", ["kv", 64]>;\n';
  const r = compileSnippet(decls + cases.map(([code]) => code).join("\n") + "\n");
  assert.is.not(r.status, 0);
  const lines = r.out.split("\n").filter((l) => l.includes("error TS"));
  assert.is(lines.length, cases.length, r.out);
  cases.forEach(([code, message], i) => assert.ok(lines[i]?.includes(message), `${code}\nexpected ${message} in\n${lines[i]}`));
});

test("an @ts-expect-error on a well-shaped call fails the compile", () => {
  const r = compileSnippet('declare const a23: Tensor<"f32", [2, 3]>;\ndeclare const a34: Tensor<"f32", [3, 4]>;\n// @ts-expect-error\ndsl.matmul(a23, a34);\n');
  assert.match(r.out, /TS2578: Unused '@ts-expect-error' directive/);
});

test.run();
