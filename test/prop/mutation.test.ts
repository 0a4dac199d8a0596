/**
 * `npm run mutation` itself: mutants are made only in code (not comments, strings, template literals, imports
 * or types), and the command, run on a small fixture whose killer checks only half its behaviour, reports the
 * mutants it killed, the score of the file, and every survivor.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { applyMutant, mutantsOf } from "../../scripts/mutation-operators.ts";

const s = suite("mutation testing");
const root = resolve(import.meta.dirname, "../..");

s("mutants: arithmetic, boundaries, constants, operands, conditions and returns, in code only", () => {
  const src = [
    'import { x } from "./y.ts";',
    "// a + b in a comment, if (c) too",
    "type T = A | B;",
    "export function f(op: { lhs: number; rhs: number }, flag: boolean): number | undefined {",
    '  const text = "a - b < c";',
    "  const t = `x + ${op.lhs} - 1`;",
    "  if (op.lhs < op.rhs && flag) return op.lhs + 1;",
    "  return op.rhs * 0;",
    "}",
  ].join("\n");
  const ms = mutantsOf(src);
  const edits = ms.map((m) => `${m.line}:${m.operator}:${m.replacement}`);
  const lines = new Set(ms.map((m) => m.line));
  assert.ok(!lines.has(1) && !lines.has(2) && !lines.has(3) && !lines.has(5), `mutants outside code: ${edits.join("\n")}`);
  assert.ok(!lines.has(4), "the signature's union type is not bitwise or");
  for (const want of ["7:swap operands .lhs / .rhs:rhs", "7:move a boundary < / <=:<=", "7:swap && and ||:||", "7:swap + and -:-", "7:change a constant 0 / 1:0", "8:swap * and /:/", "8:change a constant 0 / 1:1"]) {
    assert.ok(edits.includes(want), `missing ${want} in:\n${edits.join("\n")}`);
  }
  const dropped = ms.find((m) => m.operator === "drop a condition");
  assert.ok(dropped !== undefined);
  if (dropped !== undefined) assert.match(applyMutant(src, dropped), /if \(false && \(op\.lhs < op\.rhs && flag\)\) return/);
  const undef = ms.find((m) => m.operator === "return undefined" && m.line === 8);
  if (undef !== undefined) assert.match(applyMutant(src, undef), /return undefined; void \(op\.rhs \* 0\);/);
  else assert.unreachable("no 'return undefined' mutant of line 8");
  // The template literal's text is left alone, its substitution is code.
  assert.ok(!edits.some((e) => e.startsWith("6:swap + and -")), "the template literal's text was mutated");
});

s("npm run mutation on a small file reports killed mutants, the file's score and its survivors", () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-mutation-test-"));
  try {
    const json = join(dir, "report.json");
    const fixture = "test/prop/mutation-fixture/saturate.ts";
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/mutation.ts", fixture, "--per-file", "0", "--killer", "node --import tsx test/prop/mutation-fixture/saturate.check.ts", "--json", json],
      { cwd: root, encoding: "utf8", timeout: 120_000 },
    );
    assert.is(r.status, 0, r.stderr);
    const out = r.stdout;
    assert.match(out, /saturate\.ts: \d+% \((\d+) killed of (\d+);/);
    const [, killed, valid] = /saturate\.ts: \d+% \((\d+) killed of (\d+);/.exec(out) ?? [];
    assert.ok(Number(killed) >= 3, `too few killed:\n${out}`);
    assert.ok(Number(valid) > Number(killed), `no survivor:\n${out}`);
    // The negative clamp is untested by the killer: its mutants survive and are listed.
    assert.match(out, /survivors \(\d+\):[\s\S]*saturate\.ts:8 drop a condition/);
    assert.match(out, /saturate\.ts:6 swap \+ and -: "-"/);
    assert.match(out, /killed\s+test\/prop\/mutation-fixture\/saturate\.ts:6/);
    const report = JSON.parse(readFileSync(json, "utf8")) as { results: { outcome: string }[] };
    assert.is(report.results.filter((m) => m.outcome === "killed").length, Number(killed));
    // The fixture in the repository is untouched (mutants go to a scratch copy).
    assert.not.match(readFileSync(join(root, fixture), "utf8"), /false &&|undefined; void/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

s("bad options are a clear error", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/mutation.ts", "--per-file", "many"], { cwd: root, encoding: "utf8", timeout: 60_000 });
  assert.is(r.status, 2);
  assert.match(r.stderr, /--per-file takes a non-negative integer, not 'many'/);
});

s.run();
