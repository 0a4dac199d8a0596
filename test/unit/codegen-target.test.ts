/**
 * codegen/target.ts: the targets' data agree with LLVM (data layouts, ABI), the host target follows the host
 * CPU, and code is refused on a host that cannot run it (AVX512 code on a CPU without AVX512; riscv64 natively).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { targetMachine } from "../../codegen/emit.ts";
import {
  assertCanRunOnHost,
  canRunOnHost,
  getTarget,
  type HostDescription,
  hostDescription,
  hostTarget,
  parseTargetName,
  TARGET_NAMES,
  TargetNotRunnableError,
} from "../../codegen/target.ts";
import { loadHostLibrary } from "../../codegen/host-library.ts";

/** A Haswell-class host: AVX2 and FMA, no AVX512. */
const haswellHost: HostDescription = { arch: "x86_64", cpu: "haswell", features: ["+avx", "+avx2", "+f16c", "+fma", "+sse2"] };

test("every target's data layout is the one LLVM's target machine uses", () => {
  for (const name of TARGET_NAMES) {
    const target = getTarget(name);
    assert.is(targetMachine(target).getDataLayoutString(), target.dataLayout, name);
    assert.is(targetMachine(target).getTargetTriple(), target.triple, name);
  }
});

test("riscv64-rvv: rv64gcv, lp64d, -riscv-v-vector-bits-min set, 128-bit minimum VLEN", () => {
  const riscv = getTarget("riscv64-rvv");
  assert.is(riscv.arch, "riscv64");
  assert.equal(riscv.features, ["+m", "+a", "+f", "+d", "+c", "+v"]);
  assert.is(riscv.abi, "lp64d");
  assert.is(targetMachine(riscv).getABIName(), "lp64d");
  assert.equal(riscv.llvmOptions, ["-riscv-v-vector-bits-min=128"]);
  assert.is(riscv.vectorBits, 128);
  assert.is(targetMachine(riscv).getRelocationModel(), "pic");
  assert.is(targetMachine(riscv, { pic: false }).getRelocationModel(), "static");
});

test("x86 targets: AVX512 is 512 bits wide, AVX2 256", () => {
  assert.is(getTarget("x86_64-avx512").vectorBits, 512);
  assert.ok(getTarget("x86_64-avx512").features.includes("+avx512f"));
  assert.is(getTarget("x86_64-avx2").vectorBits, 256);
  assert.not.ok(getTarget("x86_64-avx2").features.some((f) => f.startsWith("+avx512")));
});

test("the host target takes the host CPU's name and features", () => {
  const host = hostDescription();
  const target = hostTarget(host);
  assert.equal(target.features, host.features);
  assert.ok(target.features.includes("+sse2"));
  assert.is(target.cpu, host.cpu === "generic" ? "x86-64" : host.cpu);
  assert.is(target.vectorBits, host.features.includes("+avx512f") ? 512 : host.features.includes("+avx") ? 256 : 128);
  assert.equal(hostTarget(haswellHost).vectorBits, 256);
  assert.is(hostTarget({ ...haswellHost, cpu: "generic" }).cpu, "x86-64");
  assert.throws(() => hostTarget({ arch: "riscv64", cpu: "generic-rv64", features: [] }), /x86_64 hosts only/);
  assert.ok(canRunOnHost(getTarget("host")).ok, "host code runs on the host");
});

test("AVX512 code is refused on a host without AVX512, with a clear message", () => {
  const check = canRunOnHost(getTarget("x86_64-avx512"), haswellHost);
  assert.not.ok(check.ok);
  assert.is(
    check.ok ? "" : check.reason,
    "cannot run code built for target x86_64-avx512 on this host: its CPU (haswell) lacks +avx512f, +avx512dq, " +
      "+avx512bw, +avx512vl, +avx512cd; build for target host or x86_64-avx2 instead",
  );
  assert.throws(() => assertCanRunOnHost(getTarget("x86_64-avx512"), haswellHost), (e: unknown) => e instanceof TargetNotRunnableError);
  // Refused before anything is loaded: the path does not even exist.
  assert.throws(() => loadHostLibrary("/nonexistent/avx512.so", getTarget("x86_64-avx512"), haswellHost), /lacks \+avx512f/);
  assert.ok(canRunOnHost(getTarget("x86_64-avx2"), haswellHost).ok);
  assert.not.ok(canRunOnHost(getTarget("x86_64-avx2"), { ...haswellHost, features: ["+sse2"] }).ok);
});

test("riscv64 code is refused natively on an x86-64 host, pointing at qemu", () => {
  const check = canRunOnHost(getTarget("riscv64-rvv"), haswellHost);
  assert.not.ok(check.ok);
  assert.match(check.ok ? "" : check.reason, /cannot run riscv64 code for target riscv64-rvv on this x86_64 host \(run riscv64 executables under qemu-riscv64/);
});

test("target names parse, and an unknown one lists the valid ones", () => {
  assert.is(parseTargetName("riscv64-rvv"), "riscv64-rvv");
  assert.throws(() => parseTargetName("arm64"), /unknown target 'arm64'; expected one of x86_64-avx512, x86_64-avx2, riscv64-rvv, host/);
});

test.run();
