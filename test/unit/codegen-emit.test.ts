/**
 * codegen/emit.ts on hand-built LLVM modules (test/support/llvm-kernels.ts): a `<16 x float>` saxpy with
 * fast-math FMAs becomes zmm FMAs for x86_64-avx512 and RVV code (vsetivli/vsetvli, vle32.v, vfmacc) for
 * riscv64-rvv, checked with llvm-objdump-14; invalid IR is an error with LLVM's verifier message; outputs are
 * written through a temporary file.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emit, emitToFile, LLVMVerificationError, optimize, prepareModuleForTarget } from "../../codegen/emit.ts";
import { llvm } from "../../codegen/llvm.ts";
import { getTarget } from "../../codegen/target.ts";
import { buildSaxpyModule } from "../support/llvm-kernels.ts";

const scratch = mkdtempSync(join(tmpdir(), "codegen-emit-"));

function disassemble(object: Uint8Array, mattr?: string): string {
  const path = join(scratch, `d${Math.random().toString(36).slice(2)}.o`);
  writeFileSync(path, object);
  try {
    return execFileSync("llvm-objdump-14", ["-d", ...(mattr === undefined ? [] : [`--mattr=${mattr}`]), path], { encoding: "utf8" });
  } finally {
    rmSync(path);
  }
}

test("x86_64-avx512: the <16 x float> saxpy is zmm FMAs", () => {
  const module = buildSaxpyModule({ width: 16, alignment: 64 });
  const target = getTarget("x86_64-avx512");
  optimize(module, target, 3);
  const text = disassemble(emit(module, target));
  assert.match(text, /vfmadd\d{3}ps\s+[^\n]*%zmm\d+, %zmm\d+/);
  assert.match(text, /vmovaps\s+[^\n]*%zmm/, "align 64 loads and stores stay aligned moves");
  assert.match(text, /vbroadcastss\s+%xmm0, %zmm/);
  module.dispose();
});

test("x86_64-avx2: the same module is ymm FMAs (a <16 x float> is two ymm registers), no zmm", () => {
  const module = buildSaxpyModule({ width: 16, alignment: 64 });
  const target = getTarget("x86_64-avx2");
  optimize(module, target, 3);
  const text = disassemble(emit(module, target));
  assert.match(text, /vfmadd\d{3}ps\s+[^\n]*%ymm/);
  assert.not.match(text, /zmm/);
  module.dispose();
});

test("riscv64-rvv: fixed <16 x float> vectors are RVV code (not scalarised), lp64d objects", () => {
  const module = buildSaxpyModule({ width: 16, alignment: 64 });
  const target = getTarget("riscv64-rvv");
  optimize(module, target, 3);
  const object = emit(module, target);
  const text = disassemble(object, "+v");
  // 16 floats at VLEN >= 128: four registers (m4), the vector length as an immediate.
  assert.match(text, /vsetivli\s+zero, 16, e32, m4/);
  assert.match(text, /vle32\.v\s+v\d+/);
  assert.match(text, /vfmacc\.vf\s+v\d+, fa0, v\d+/);
  assert.match(text, /vse32\.v\s+v\d+/);
  // e_flags: EF_RISCV_FLOAT_ABI_DOUBLE (lp64d), what Debian's riscv64 toolchain links with.
  assert.is(object.readUInt32LE(48) & 0x6, 0x4);
  module.dispose();
});

test("riscv64-rvv: a <vscale x 4 x float> loop sets the vector length from the machine's (vsetvli)", () => {
  const module = buildSaxpyModule({ width: 4, alignment: 4, scalable: true });
  const target = getTarget("riscv64-rvv");
  optimize(module, target, 3);
  const text = disassemble(emit(module, target), "+v");
  assert.match(text, /csrr\s+\w+, vlenb/);
  assert.match(text, /vsetvli\s+\w+, zero, e32, m2/);
  assert.match(text, /vfmacc\.vf/);
  module.dispose();
});

test("assembly output, and the module is left as built by emission", () => {
  const module = buildSaxpyModule({ width: 16, alignment: 64 });
  const target = getTarget("x86_64-avx512");
  prepareModuleForTarget(module, target);
  const before = module.print();
  const assembly = emit(module, target, { kind: "assembly" }).toString("utf8");
  assert.match(assembly, /\.globl\s+saxpy/);
  assert.match(assembly, /vfmadd231ps\s+\(%\w+,%\w+,4\), %zmm\d+, %zmm\d+|vfmadd\d{3}ps/);
  assert.is(module.print(), before);
  module.dispose();
});

test("an invalid module is an error carrying LLVM's verifier message, before LLVM sees it", () => {
  const context = new llvm.LLVMContext();
  const module = new llvm.Module("broken", context);
  const i32 = llvm.Type.getInt32Ty(context);
  const fn = llvm.Function.Create(llvm.FunctionType.get(i32, [i32], false), llvm.Function.LinkageTypes.ExternalLinkage, "f", module);
  const b = new llvm.IRBuilder(llvm.BasicBlock.Create(context, "entry", fn));
  b.CreateRet(b.CreateFAdd(fn.getArg(0), fn.getArg(0)));
  const target = getTarget("x86_64-avx2");
  const expected = /LLVM IR of module 'broken' is invalid:\nFloating-point arithmetic operators only work with floating-point types!\n  %1 = fadd i32 %0, %0/;
  assert.throws(() => emit(module, target), (e: unknown) => e instanceof LLVMVerificationError && expected.test(e.message));
  assert.throws(() => optimize(module, target), expected);
  module.dispose();
});

test("a module for another data layout or triple is refused", () => {
  const module = buildSaxpyModule({ width: 16, alignment: 64 });
  prepareModuleForTarget(module, getTarget("riscv64-rvv"));
  assert.throws(() => emit(module, getTarget("x86_64-avx2")), /has data layout 'e-m:e-p:64:64-i64:64-i128:128-n64-S128', not target x86_64-avx2's/);
  module.dispose();
});

test("emitToFile writes through a temporary file and leaves nothing else behind", () => {
  const module = buildSaxpyModule({ width: 16, alignment: 64 });
  const dir = mkdtempSync(join(scratch, "out-"));
  const target = getTarget("x86_64-avx2");
  emitToFile(module, target, join(dir, "saxpy.o"));
  assert.equal(readdirSync(dir), ["saxpy.o"]);
  assert.equal([...readFileSync(join(dir, "saxpy.o")).subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46]);
  assert.throws(() => emitToFile(module, target, join(dir, "missing", "saxpy.o")), /ENOENT/);
  assert.equal(readdirSync(dir), ["saxpy.o"]);
  module.dispose();
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
