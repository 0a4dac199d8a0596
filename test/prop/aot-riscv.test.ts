/**
 * AOT bundles for real, from random scalar programs (rewrites/testing/programs.ts): compiled by Tensile for
 * riscv64-rvv (rv64gcv, lp64d), linked statically with the generated C driver by Debian's riscv64 gcc and run
 * under qemu-riscv64 at VLEN 128 and 256 — and for x86_64-avx2 (valgrind has no AVX512), built with clang-14 and
 * run under valgrind — print
 * the interpreter's results (floats printed with enough digits to read back exactly; NaN any NaN).
 * AOT_RUNS sets the number of programs (default 8).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildBundle, writeBundle } from "../../codegen/aot/bundle.ts";
import { runQemu } from "../../codegen/link.ts";
import { newContext } from "../../rewrites/index.ts";
import { programs } from "../../rewrites/testing/programs.ts";
import { interpret, type RuntimeValue } from "../../src/interp/index.ts";
import { floatElementBits, floatKindOf, floatNumber } from "../../src/interp/values.ts";
import { FloatType, IndexType, IntegerType } from "../../src/ir/types.ts";
import { parseSource } from "../../src/text/parser.ts";
import { nativeArg } from "../support/native-args.ts";

const ctx = newContext();
const RUNS = Number(process.env.AOT_RUNS ?? 8);
const dir = mkdtempSync(join(tmpdir(), "tensile-aot-riscv-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** What the driver prints for the interpreter's value (as printf would), or a NaN marker. */
function expectedText(v: RuntimeValue): string {
  if (v.kind === "int") {
    const width = v.type instanceof IndexType ? 64 : (v.type as IntegerType).width;
    if (width === 1) return v.value !== 0n ? "1" : "0";
    return BigInt.asIntN(width, v.value).toString();
  }
  if (v.kind !== "float" || !(v.type instanceof FloatType)) throw new Error("unexpected result");
  const kind = floatKindOf(v.type);
  if (kind === "f16" || kind === "bf16") return `0x${floatElementBits(v.value, kind).toString(16).padStart(4, "0")}`;
  const x = floatNumber(v.value);
  return Number.isNaN(x) ? "nan" : String(x);
}

/** Parses a driver line's value the way the expectation is written. */
function normalize(text: string, v: RuntimeValue): string {
  if (v.kind === "float" && v.type instanceof FloatType) {
    const kind = floatKindOf(v.type);
    if (kind === "f16" || kind === "bf16") return text;
    if (/nan/i.test(text)) return "nan";
    const x = text === "inf" ? Infinity : text === "-inf" ? -Infinity : Number(text);
    return String(kind === "f32" ? Math.fround(x) : x);
  }
  return text;
}

test("random scalar programs as AOT bundles: riscv64 under qemu (VLEN 128 and 256) and x86-64 AVX2 under valgrind", () => {
  let compared = 0;
  for (const [k, p] of fc.sample(programs({ calls: true }), { numRuns: RUNS, seed: 31 }).entries()) {
    const m = parseSource(p.text, ctx);
    if (isLeft(m)) throw new Error(m.left.message);
    const expected = interpret(m.right, p.fn, p.args, { ctx });
    if (isLeft(expected) || expected.right.some((v) => v.kind !== "int" && v.kind !== "float")) continue;
    const want = expected.right.map((v, j) => `r${j} = ${expectedText(v)}`);
    for (const target of ["riscv64-rvv", "x86_64-avx2"] as const) {
      const bundle = writeBundle(m.right, { target, dir: join(dir, `${target}-${k}`), name: "prog", driver: { fn: p.fn, args: p.args.map(nativeArg) }, ctx });
      if (isLeft(bundle)) return assert.unreachable(`bundle failed: ${bundle.left.map((d) => d.message).join("\n")}\n${p.text}`);
      const exe = buildBundle(bundle.right);
      const runs =
        target === "x86_64-avx2"
          ? [spawnSync("valgrind", ["--quiet", "--leak-check=full", "--error-exitcode=9", exe], { encoding: "utf8" })]
          : [runQemu(exe, { vlen: 128 }), runQemu(exe, { vlen: 256 })];
      for (const run of runs) {
        assert.is(run.status, 0, `${target}: ${run.stderr}\n${p.text}`);
        const got = run.stdout.trim().split("\n").map((line, j) => {
          const [, value = ""] = /= (.*)$/.exec(line) ?? [];
          return `r${j} = ${normalize(value, expected.right[j]!)}`;
        });
        assert.equal(got, want, `${target}\n${p.text}`);
      }
    }
    compared++;
  }
  console.log(`    ${compared} of ${RUNS} programs built as bundles and run`);
  assert.ok(compared >= RUNS / 2, `only ${compared} of ${RUNS} programs were compared`);
});

test.run();
