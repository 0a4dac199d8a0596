/**
 * docs/WRITING-A-PASS.md: every code block is a file of examples/writing-a-pass/ (word for word) and runs:
 * the pass from code, from tensile-opt, and its property test.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const repo = join(import.meta.dirname, "..", "..");
const doc = readFileSync(join(repo, "docs", "WRITING-A-PASS.md"), "utf8");
const blocks = [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] as string, body: m[2] as string }));

const run = (cmd: string, args: readonly string[]) => spawnSync(cmd, args, { cwd: repo, encoding: "utf8", timeout: 120_000 });

test("every ts block is the file it names", () => {
  const ts = blocks.filter((b) => b.lang === "ts");
  assert.ok(ts.length >= 3, "the guide has its three TypeScript files");
  for (const b of ts) {
    const file = /^\/\/ file: (\S+)/.exec(b.body)?.[1];
    assert.ok(file !== undefined, `a ts block does not start with '// file: ...':\n${b.body.slice(0, 200)}`);
    assert.fixture(b.body, readFileSync(join(repo, file ?? ""), "utf8"), `${file} differs from its block in the guide`);
  }
  const mlir = blocks.find((b) => b.lang === "mlir");
  assert.fixture(mlir?.body ?? "", readFileSync(join(repo, "examples/writing-a-pass/input.mlir"), "utf8"));
});

test("the pass runs from code", () => {
  const r = run(process.execPath, ["--import", "tsx", "examples/writing-a-pass/run.ts"]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /arith\.shli %arg0, %c3_i32 : i32/);
  assert.not.match(r.stdout, /arith\.muli|constant 8/);
});

test("the pass runs from tensile-opt with the plugin, as the sh block says", () => {
  const sh = blocks.filter((b) => b.lang === "sh");
  assert.is(sh.length, 1);
  const command = (sh[0]?.body ?? "").trim().replace(/^npx tensile-opt/, `${process.execPath} cli/tensile-opt.js`);
  const r = run("bash", ["-c", command]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /%0 = arith\.shli %arg0, %c3_i32 : i32/);
  // The guide's --debug-rewrites: the pass hands ctx.rewriteListener to its driver.
  const debug = run("bash", ["-c", `${command} --debug-rewrites`]);
  assert.match(debug.stderr, /\[mul-to-shift\] mul-pow2-to-shift applied to 'arith\.muli' at examples\/writing-a-pass\/input\.mlir:3:8/);
});

test("the property test passes", () => {
  const r = run(process.execPath, ["--import", "tsx", "examples/writing-a-pass/check.ts"]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /mul-to-shift: 500 random programs/);
});

test("the property test catches a broken version of the pattern, with a small counterexample", () => {
  const dir = join(repo, "examples", "writing-a-pass");
  const broken = join(dir, `.broken-${process.pid}.ts`);
  const check = join(dir, `.check-broken-${process.pid}.ts`);
  const source = readFileSync(join(dir, "mul-to-shift.ts"), "utf8");
  assert.ok(source.includes("c.toString(2).length - 1"), "the pattern computes k as the guide shows");
  // Shift by one more than the power of two: wrong for every nonzero x.
  writeFileSync(broken, source.replace("c.toString(2).length - 1", "c.toString(2).length"));
  writeFileSync(check, readFileSync(join(dir, "check.ts"), "utf8").replace("./mul-to-shift.ts", `./.broken-${process.pid}.ts`));
  try {
    const r = run(process.execPath, ["--import", "tsx", check]);
    assert.is.not(r.status, 0, "the broken pattern passed the property test");
    assert.match(r.stderr, /checkRewrite found a counterexample/);
    const before = /--- before ---\n([\s\S]*?)--- after ---/.exec(r.stderr)?.[1] ?? "";
    const ops = before.split("\n").filter((l) => /= arith\./.test(l));
    assert.ok(ops.length >= 1 && ops.length <= 3, `the counterexample is not small:\n${before}`);
    assert.match(before, /arith\.muli/);
  } finally {
    rmSync(broken, { force: true });
    rmSync(check, { force: true });
  }
});

test.run();
