/**
 * `npm run mutation` itself: mutants are made only in code (not comments, strings, template literals, imports
 * or types), and the command, run on a small fixture whose killer checks only half its behaviour, reports the
 * mutants it killed, the one listed as equivalent (not counted), the score of the file and every survivor;
 * re-runs survivors (--rerun), merges reports (--from), and removes its scratch copies. Every entry of the
 * project's list of equivalent mutants still names its mutant.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { equivalentMutants, namesMutant } from "../../scripts/mutation-equivalent.ts";
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

/**
 * The mutation command in the repository, on the fixture, with its own temporary directory (TMPDIR), where the
 * scratch copies it makes are checked gone afterwards.
 */
function mutation(args: readonly string[], tmp: string): string {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/mutation.ts", ...args], { cwd: root, encoding: "utf8", timeout: 120_000, env: { ...process.env, TMPDIR: tmp } });
  assert.is(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.equal(readdirSync(tmp).filter((n) => n.startsWith("tensile-mutation-")), [], "the scratch copies were not removed");
  return r.stdout;
}

const fixture = "test/prop/mutation-fixture/saturate.ts";
const fixtureArgs = ["--killer", "node --import tsx test/prop/mutation-fixture/saturate.check.ts", "--equivalents", "test/prop/mutation-fixture/equivalent.ts"];
const row = (out: string): number[] => {
  // | file | mutants | killed | survived | timed out | equivalent | invalid | score |
  const m = /\| test\/prop\/mutation-fixture\/saturate\.ts \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| ([\d.]+)% \|/.exec(out);
  assert.ok(m !== null, `no table row for the fixture:\n${out}`);
  return (m ?? []).slice(1).map(Number);
};

s("npm run mutation on a small file: killed mutants, the equivalent one, the survivors, the score; --rerun and --from", () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-mutation-test-"));
  try {
    const json = join(dir, "report.json");
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const out = mutation([fixture, "--per-file", "0", ...fixtureArgs, "--json", json], tmp);
    const [mutants, killed, survived, timedOut, equivalent, invalid, score] = row(out);
    // The positive clamp and the sum are checked: their mutants are killed (the sum computed as a - b first).
    assert.match(out, /killed\s+test\/prop\/mutation-fixture\/saturate\.ts:6 swap \+ and -: "-"/);
    assert.match(out, /killed\s+test\/prop\/mutation-fixture\/saturate\.ts:7 drop a condition/);
    // `sum >= 127` for `sum > 127` is listed as equivalent: it survives, and does not count in the score.
    assert.is(equivalent, 1);
    assert.match(out, /equivalent \(1\):\n\s+test\/prop\/mutation-fixture\/saturate\.ts:7 move a boundary > \/ >= -> ">="[^\n]*\n\s+at the boundary/);
    // The negative clamp is untested by the killer: its mutants survive and are listed.
    assert.ok((killed ?? 0) >= 3, `too few killed:\n${out}`);
    assert.ok((survived ?? 0) >= 2, `too few survivors:\n${out}`);
    assert.match(out, /survivors \(\d+\):[\s\S]*saturate\.ts:8 drop a condition/);
    assert.is(mutants, (killed ?? 0) + (survived ?? 0) + (timedOut ?? 0) + (equivalent ?? 0) + (invalid ?? 0));
    assert.is(score, Number(((100 * ((killed ?? 0) + (timedOut ?? 0))) / ((killed ?? 0) + (timedOut ?? 0) + (survived ?? 0))).toFixed(1)));
    const report = JSON.parse(readFileSync(json, "utf8")) as { results: { outcome: string; line: number }[] };
    assert.is(report.results.filter((m) => m.outcome === "killed").length, killed);
    // --rerun tests only the survivors and the equivalent mutant again: the same outcomes, nothing killed.
    const again = join(dir, "again.json");
    const rerun = mutation(["--rerun", json, ...fixtureArgs, "--json", again], tmp);
    assert.equal(row(rerun), [(survived ?? 0) + 1, 0, survived ?? 0, 0, 1, 0, 0]);
    // --from merges the two reports (the re-run replaces the first results of its mutants) and runs nothing.
    assert.equal(row(mutation(["--from", json, "--from", again], tmp)), row(out));
    // The fixture in the repository is untouched (mutants go to a scratch copy).
    assert.not.match(readFileSync(join(root, fixture), "utf8"), /false &&|undefined; void|>= 127/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

s("every entry of the equivalent mutants names exactly its mutants (one, or its count) in its file", () => {
  for (const e of equivalentMutants) {
    const named = mutantsOf(readFileSync(join(root, e.file), "utf8")).filter((m) => namesMutant(e, e.file, m));
    assert.is(named.length, e.count ?? 1, `${e.file} '${e.code}' (${e.operator}) names ${named.length} mutants: make the entry precise, or remove it if the code changed`);
    assert.ok(e.reason.length > 20, `${e.file} '${e.code}': say why the mutant is equivalent`);
  }
});

s("bad options are a clear error", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/mutation.ts", "--per-file", "many"], { cwd: root, encoding: "utf8", timeout: 60_000 });
  assert.is(r.status, 2);
  assert.match(r.stderr, /--per-file takes a non-negative integer, not 'many'/);
});

s.run();
