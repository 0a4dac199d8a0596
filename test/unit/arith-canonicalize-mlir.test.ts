/**
 * Tensile's `--canonicalize` against MLIR's own: for every golden file under test/golden/arith that runs the
 * canonicalizer, `mlir-opt-16 --canonicalize` must print the same IR function by function, modulo SSA value
 * names (constants are compared by value, in the order folding leaves them at the top of each function).
 *
 * mlir-opt-16 runs on each function alone, so one case where MLIR 16 produces invalid IR does not hide the
 * others. The cases where Tensile deliberately differs from MLIR 16 are listed below with the reason; for those
 * the test checks that the outputs do differ (or that mlir-opt-16 fails), so the list cannot go stale.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOptArgs, runOpt } from "../../cli/opt-driver.ts";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";

const dir = join(import.meta.dirname, "..", "golden", "arith");

/** Function name -> why Tensile's canonical form differs from MLIR 16's. */
export const DIFFERS_FROM_MLIR_16: Readonly<Record<string, string>> = {
  // canonicalize.mlir
  subi_self_dynamic_tensor_kept: "MLIR 16 folds subi(x, x) on tensor<?xi32> to dense<0> : tensor<?xi32>, which is not valid IR",
  shift_by_width_not_folded: "MLIR 16 folds shifts by exactly the bit width (poison) to 0 / the sign; Tensile leaves poison alone",
  andi_of_not_vector: "MLIR 16 folds and(x, not x) on vectors to `0 : vector<2xi32>`, an integer attribute of vector type",
  // canonicalize-float.mlir
  remf_fmod: "MLIR 16 folds remf with the IEEE remainder; arith.remf is the truncated remainder (fmod, LLVM frem)",
  f80_not_folded: "Tensile does not fold f80/f128 arithmetic (doubles cannot hold their values)",
  // canonicalize-cast.mlir
  trunc_of_wider_ext: "newer MLIR's fold trunci(ext(x)) -> trunci(x) for a wider x; MLIR 16 does not",
  trunc_of_narrower_ext: "newer MLIR's patterns trunci(ext(x)) -> ext(x) for a narrower x; MLIR 16 has none",
  extf: "MLIR 16 has no extf folder; Tensile folds it (exact)",
  index_cast_chains:
    "MLIR 16 folds index_castui(index_castui(x : index) : i32) : index to x, which truncates; Tensile folds round trips only through types at least as wide (checkRewrite found it)",
  bitcast_of_bitcast_to_another_type: "MLIR 16 replaces bitcast(bitcast(x : f16) : i16) : bf16 by x, of the wrong type (invalid IR)",
  // canonicalize-extensions.mlir
  cmpi_dense_constants: "MLIR 16 folds cmpi of scalar constants only",
  cmpf_dense_constants: "MLIR 16 folds cmpf of scalar constants only",
  select_dense_condition: "MLIR 16 has no elementwise select folder",
  signed_division_at_int_min: "MLIR 16 folds ceildivsi(-128, 2) to 64 and floordivsi(-128, -2) to -64 (it negates INT_MIN with wraparound)",
  floordivsi_overflow_not_folded: "MLIR 16 folds floordivsi(INT_MIN, -1) (an overflow) to INT_MIN",
  ori_splat_all_ones: "MLIR 16's ori(x, -1) fold matches scalar constants only",
};

/**
 * Each function of printed IR (by name) as lines, with constants inlined and SSA results renamed in order; each
 * constant op stays as a `const<value>` line, so the constants' order counts.
 */
export function normalizedFunctions(printed: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let name: string | undefined;
  let lines: string[] = [];
  for (const raw of printed.split("\n")) {
    const header = /^\s*func\.func (?:private )?@([\w.$-]+)\(/.exec(raw);
    if (header !== null) {
      name = header[1] as string;
      lines = [raw.trim()];
      continue;
    }
    if (name === undefined) continue;
    if (/^ {2}\}$/.test(raw)) {
      out.set(name, normalizeBody(lines));
      name = undefined;
      continue;
    }
    lines.push(raw.trim());
  }
  return out;
}

function normalizeBody(lines: readonly string[]): string[] {
  const constants = new Map<string, string>();
  const renamed = new Map<string, string>();
  const kept: string[] = [];
  for (const line of lines) {
    const c = /^(%[\w$.-]+) = arith\.constant (.+)$/.exec(line);
    if (c !== null) {
      constants.set(c[1] as string, `const<${c[2]}>`);
      kept.push(`const<${c[2]}>`);
      continue;
    }
    const defs = /^((?:%[\w$.-]+(?:, )?)+) = /.exec(line);
    if (defs !== null) for (const d of (defs[1] as string).split(", ")) renamed.set(d, `%v${renamed.size}`);
    kept.push(line);
  }
  return kept.map((l) => l.replace(/%[\w$.-]+/g, (t) => constants.get(t) ?? renamed.get(t) ?? t));
}

/** mlir-opt-16's canonical form of `text`, or undefined when it fails (MLIR 16 produced invalid IR). */
function mlirCanonicalize(text: string): string | undefined {
  const r = spawnSync("mlir-opt-16", ["--canonicalize", "-"], { input: text, encoding: "utf8" });
  if (r.error !== undefined) throw new Error(`mlir-opt-16 could not run: ${r.error.message}`);
  return r.status === 0 ? r.stdout : undefined;
}

/** The top-level functions of a golden file's source, by name. */
function functionSources(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const chunk of text.split(/^(?=func\.func @)/m)) {
    const m = /^func\.func @([\w.$-]+)\(/.exec(chunk);
    if (m !== null) out.set(m[1] as string, chunk);
  }
  return out;
}

function tensileCanonicalize(text: string, file: string): string {
  const args = parseOptArgs(["--canonicalize"], newPassRegistry());
  if (typeof args === "string") throw new Error(args);
  const r = runOpt(text, file, () => newContext(), args.opts);
  if (r.exitCode !== 0) throw new Error(`tensile-opt --canonicalize failed:\n${r.stderr}`);
  return r.stdout;
}

const files = readdirSync(dir)
  .filter((n) => n.endsWith(".mlir"))
  .sort()
  .filter((n) => /^\/\/ RUN: tensile-opt %s --canonicalize/m.test(readFileSync(join(dir, n), "utf8")));

const cmp = suite("arith --canonicalize agrees with mlir-opt-16");

cmp("there are golden files to compare", () => {
  assert.ok(files.length >= 4, `found ${files.join(", ")}`);
});

for (const file of files) {
  cmp(file, () => {
    const text = readFileSync(join(dir, file), "utf8");
    const ours = normalizedFunctions(tensileCanonicalize(text, file));
    const sources = functionSources(text);
    assert.equal([...ours.keys()].sort(), [...sources.keys()].sort(), "one canonicalized function per case");
    for (const [name, source] of sources) {
      const lines = ours.get(name) ?? [];
      const printed = mlirCanonicalize(source);
      const expected = printed === undefined ? undefined : normalizedFunctions(printed).get(name);
      const reason = DIFFERS_FROM_MLIR_16[name];
      if (reason === undefined) {
        assert.ok(expected !== undefined, `mlir-opt-16 --canonicalize fails on @${name}`);
        assert.equal(lines, expected, `@${name} differs from mlir-opt-16:\n${lines.join("\n")}\n--- mlir-opt-16 ---\n${expected?.join("\n")}`);
      } else {
        assert.not.equal(lines, expected, `@${name} is listed as differing from MLIR 16 (${reason}) but now agrees: remove it from the list`);
      }
    }
  });
}

cmp("every listed difference names a golden case", () => {
  const names = new Set(files.flatMap((f) => [...functionSources(readFileSync(join(dir, f), "utf8")).keys()]));
  for (const name of Object.keys(DIFFERS_FROM_MLIR_16)) assert.ok(names.has(name), `no golden case @${name}`);
});

cmp.run();
