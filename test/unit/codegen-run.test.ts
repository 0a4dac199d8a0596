/**
 * Compiled code that runs: the hand-built saxpy (test/support/llvm-kernels.ts) linked for riscv64 with Debian's
 * toolchain and run under qemu at VLEN 128 and 256, and linked for the host into a shared object that koffi
 * loads and calls on 64-byte-aligned typed arrays, zero-copy. Results are exact (inputs chosen so every
 * product and sum is a float).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addressOf, alignedArray, alignedCopy, isAligned } from "../../codegen/aligned.ts";
import { emitToFile, optimize } from "../../codegen/emit.ts";
import { loadHostLibrary } from "../../codegen/host-library.ts";
import { linkRiscv64Executable, linkSharedObject, qemuCpu, runQemu, ToolError } from "../../codegen/link.ts";
import { canRunOnHost, getTarget, type TargetName } from "../../codegen/target.ts";
import { buildSaxpyModule, type SaxpyOptions, saxpyReference } from "../support/llvm-kernels.ts";

const scratch = mkdtempSync(join(tmpdir(), "codegen-run-"));

/** 37 elements: two 16-float vectors and a scalar tail of 5. */
const N = 37;
const A = 3;
const xs = Array.from({ length: N }, (_, i) => i * 0.5);
const ys = Array.from({ length: N }, (_, i) => 100 - i);
const expected = saxpyReference(xs, ys, A);

const driver = `#include <stdio.h>
#include <stdint.h>
void saxpy(const float *x, float *y, float a, int64_t n);
static float x[${N}] __attribute__((aligned(64)));
static float y[${N}] __attribute__((aligned(64)));
int main(void) {
  for (int i = 0; i < ${N}; i++) { x[i] = i * 0.5f; y[i] = 100.0f - i; }
  saxpy(x, y, ${A}.0f, ${N});
  for (int i = 0; i < ${N}; i++) printf("%.9g\\n", y[i]);
  return 0;
}
`;

function riscvExecutable(name: string, options: SaxpyOptions): string {
  const module = buildSaxpyModule(options);
  const target = getTarget("riscv64-rvv");
  optimize(module, target, 3);
  const object = join(scratch, `${name}.o`);
  emitToFile(module, target, object, { pic: false });
  module.dispose();
  const source = join(scratch, "driver.c");
  writeFileSync(source, driver);
  const executable = join(scratch, name);
  linkRiscv64Executable([source, object], executable);
  return executable;
}

function outputNumbers(stdout: string): number[] {
  return stdout.trim().split("\n").map(Number);
}

for (const [name, options] of [
  ["fixed <16 x float>", { width: 16, alignment: 64 }],
  ["scalable <vscale x 4 x float>", { width: 4, alignment: 4, scalable: true }],
] as const) {
  test(`riscv64-rvv saxpy, ${name}: right under qemu at VLEN 128 and 256; illegal without V`, () => {
    const executable = riscvExecutable(name.includes("scalable") ? "saxpy-scalable" : "saxpy-fixed", options);
    for (const vlen of [128, 256]) {
      const run = runQemu(executable, { vlen });
      assert.is(run.status, 0, `vlen ${vlen}: ${run.stderr}`);
      assert.equal(outputNumbers(run.stdout), expected, `vlen ${vlen}`);
    }
    // Without the vector extension the first vector instruction traps: the vector code is what ran.
    const scalar = runQemu(executable, { vector: false });
    assert.is.not(scalar.status, 0);
    assert.is(scalar.signal, "SIGILL");
  });
}

test("qemu's -cpu string, and VLENs the code cannot run at", () => {
  assert.is(qemuCpu({ vlen: 256 }), "rv64,v=true,vlen=256,vext_spec=v1.0");
  assert.is(qemuCpu({ vector: false }), "rv64,v=false");
  assert.throws(() => qemuCpu({ vlen: 64 }), /vlen 64 must be a power of two from 128 to 1024/);
  assert.throws(() => qemuCpu({ vlen: 192 }), /power of two/);
});

test("a link error carries the linker's message", () => {
  const bogus = join(scratch, "not-an-object.o");
  writeFileSync(bogus, "not an object");
  assert.throws(() => linkSharedObject([bogus], join(scratch, "bogus.so")), (e: unknown) => e instanceof ToolError && /ld\.lld-14 .* failed/.test(e.message));
});

test("aligned typed arrays start on 64-byte boundaries; plain ones often do not", () => {
  for (const length of [0, 1, 7, 16, 37, 1000]) {
    for (const type of [Float32Array, Float64Array, Int32Array, Uint8Array, BigInt64Array] as const) {
      const array = alignedArray(type as typeof Float32Array, length);
      assert.ok(isAligned(array, 64), `${type.name}(${length})`);
      assert.is(array.length, length);
    }
  }
  const copy = alignedCopy(new Float32Array([1, 2, 3]));
  assert.equal([...copy], [1, 2, 3]);
  assert.ok(isAligned(copy));
  assert.throws(() => alignedArray(Float64Array, 4, 4), /alignment 4 must be a power of two of at least 8/);
  // Node's own allocation is 16-byte aligned at best: some of 64 small arrays are off a 64-byte boundary.
  const misaligned = Array.from({ length: 64 }, () => new Float32Array(new ArrayBuffer(68))).filter((a) => !isAligned(a));
  assert.ok(misaligned.length > 0);
  assert.is(addressOf(copy.subarray(1)) - addressOf(copy), 4n);
});

/** Builds saxpy for a target, links it into a .so, loads it and runs it on aligned arrays in place. */
function runHostSaxpy(targetName: TargetName): void {
  const target = getTarget(targetName);
  const module = buildSaxpyModule({ width: 16, alignment: 64 });
  optimize(module, target, 3);
  const object = join(scratch, `saxpy-${targetName}.o`);
  emitToFile(module, target, object);
  module.dispose();
  const library = join(scratch, `saxpy-${targetName}.so`);
  linkSharedObject([object], library);
  const loaded = loadHostLibrary(library, target);
  try {
    const saxpy = loaded.func("void saxpy(const float *x, float *y, float a, int64_t n)");
    const x = alignedCopy(new Float32Array(xs));
    const y = alignedCopy(new Float32Array(ys));
    const yAddress = addressOf(y);
    saxpy(x, y, A, N);
    assert.equal([...y], expected, `${targetName}: y updated in place`);
    assert.is(addressOf(y), yAddress);
    // A view into the middle passes its own address: the tail elements only (the vector loop starts at 32).
    const tail = y.subarray(32);
    saxpy(x.subarray(32), tail, 1, N - 32);
    assert.equal([...tail], expected.slice(32).map((v, k) => Math.fround(v + xs[32 + k]!)));
  } finally {
    loaded.unload();
  }
}

test("host: saxpy linked into a .so with ld.lld-14, called through koffi on aligned arrays", () => {
  runHostSaxpy("host");
});

test("x86_64-avx2: runs on this host when it has AVX2", () => {
  if (!canRunOnHost(getTarget("x86_64-avx2")).ok) {
    console.log("  skipped: this CPU has no AVX2/FMA");
    return;
  }
  runHostSaxpy("x86_64-avx2");
});

test("x86_64-avx512: runs on this host when it has AVX512 (zmm code)", () => {
  const check = canRunOnHost(getTarget("x86_64-avx512"));
  if (!check.ok) {
    console.log(`  skipped: ${check.reason}`);
    return;
  }
  runHostSaxpy("x86_64-avx512");
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
