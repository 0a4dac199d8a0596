/**
 * The AOT bundle's C side (codegen/aot/header.ts): the generated header compiles with clang-14 against an
 * implementation of its `_mlir_ciface_` functions (so the prototypes are C's), and the generated driver calls one,
 * prints the right answer and frees what it returned: valgrind finds no leak and no invalid access.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bundleDriver, bundleHeader, prototypeOf } from "../../codegen/aot/header.ts";
import { DYNAMIC, FunctionType, IndexType, MemRefType, f32, f64, i1 } from "../../src/ir/types.ts";

const index = IndexType.get();
const functions = new Map([
  ["sum", FunctionType.get([MemRefType.get([2, DYNAMIC], f32), f32], [f32])],
  ["make", FunctionType.get([index, MemRefType.get([DYNAMIC], f32)], [MemRefType.get([DYNAMIC], f32), f64, i1])],
]);

/** What a compiled bundle would contain, written in C against the generated header. */
const IMPLEMENTATION = `
#include <stdlib.h>
#include "bundle.h"
float _mlir_ciface_sum(TensileMemRef_f32_2 *m, float scale) {
  float s = 0;
  for (int64_t i = 0; i < m->sizes[0]; i++)
    for (int64_t j = 0; j < m->sizes[1]; j++) s += m->aligned[m->offset + i * m->strides[0] + j * m->strides[1]];
  return s * scale;
}
void _mlir_ciface_make(make_results *out, int64_t n, TensileMemRef_f32_1 *add) {
  float *p = malloc(n * sizeof(float));
  for (int64_t i = 0; i < n; i++) p[i] = (float)i + add->aligned[add->offset + i * add->strides[0]];
  out->r0 = (TensileMemRef_f32_1){p, p, 0, {n}, {1}};
  out->r1 = (n - 1) / 2.0;
  out->r2 = n % 2 == 0;
}
`;

function build(driver: string): { stdout: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "tensile-aot-"));
  writeFileSync(join(dir, "bundle.h"), bundleHeader(functions));
  writeFileSync(join(dir, "impl.c"), IMPLEMENTATION);
  writeFileSync(join(dir, "driver.c"), driver);
  const cc = spawnSync("clang-14", ["-std=c11", "-Wall", "-Werror", "-O1", "-gdwarf-4", "-o", join(dir, "driver"), join(dir, "driver.c"), join(dir, "impl.c"), "-lm"], { encoding: "utf8" });
  if (cc.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`clang-14: ${cc.stderr}`);
  }
  return { stdout: "", dir };
}

test("the header declares MLIR's C interface", () => {
  assert.is(prototypeOf("sum", functions.get("sum")!), "float _mlir_ciface_sum(TensileMemRef_f32_2 *arg0, float arg1)");
  assert.is(prototypeOf("make", functions.get("make")!), "void _mlir_ciface_make(make_results *results, int64_t arg0, TensileMemRef_f32_1 *arg1)");
  const h = bundleHeader(functions);
  assert.match(h, "typedef struct { float *allocated, *aligned; int64_t offset, sizes[2], strides[2]; } TensileMemRef_f32_2;");
  assert.match(h, "typedef struct { TensileMemRef_f32_1 r0; double r1; bool r2; } make_results;");
});

test("a driver for a scalar result: a strided view of embedded data", () => {
  const data = new Float32Array([0, 1, 2, 3, 4, 5, 6, 7]);
  const { dir } = build(bundleDriver("sum", functions.get("sum")!, [{ data, shape: [2, 2], strides: [4, 2], offset: 1 }, 0.5]));
  try {
    const run = spawnSync(join(dir, "driver"), { encoding: "utf8" });
    assert.is(run.status, 0, run.stderr);
    // (1 + 3 + 5 + 7) * 0.5
    assert.is(run.stdout, "r0 = 8\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a driver for a memref result prints it and frees it: valgrind finds no leak and no bad access", () => {
  const add = new Float32Array([10, 20, 30, 40]);
  const { dir } = build(bundleDriver("make", functions.get("make")!, [4n, { data: add, shape: [4] }]));
  try {
    const run = spawnSync("valgrind", ["--quiet", "--leak-check=full", "--errors-for-leak-kinds=all", "--error-exitcode=9", join(dir, "driver")], { encoding: "utf8" });
    assert.is(run.status, 0, `valgrind: ${run.stderr}`);
    assert.is(run.stdout, "r0[0] = 10\nr0[1] = 21\nr0[2] = 32\nr0[3] = 43\nr1 = 1.5\nr2 = 1\n");
    // The check bites: a driver that does not free leaks.
    writeFileSync(join(dir, "driver.c"), bundleDriver("make", functions.get("make")!, [4n, { data: add, shape: [4] }]).replace(/\n\s*free\(results\.r0\.allocated\);/, ""));
    const cc = spawnSync("clang-14", ["-std=c11", "-O1", "-gdwarf-4", "-o", join(dir, "leaky"), join(dir, "driver.c"), join(dir, "impl.c"), "-lm"], { encoding: "utf8" });
    assert.is(cc.status, 0, cc.stderr);
    const leaky = spawnSync("valgrind", ["--quiet", "--leak-check=full", "--errors-for-leak-kinds=all", "--error-exitcode=9", join(dir, "leaky")], { encoding: "utf8" });
    assert.is(leaky.status, 9, "valgrind should report the leak");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
