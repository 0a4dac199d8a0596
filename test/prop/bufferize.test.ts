/**
 * one-shot-bufferize with function boundaries on random programs (rewrites/testing/gen-linalg.ts,
 * gen-tensor.ts): the bufferized program, called as a C or Node caller would under the ownership rule
 * (rewrites/testing/tensor-entries.ts: buffers in, returned buffers read and freed), computes what the tensor
 * program computed and leaves no allocation unfreed (the interpreter counts heap allocations; a returned buffer
 * the function does not own fails the caller's memref.dealloc). A coverage table shows each op kind's
 * bufferization fired.
 *
 * BUFFERIZE_PROP_RUNS, else FC_RUNS, else 40 runs per generator; FC_SEED replays one.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { linalgPrograms } from "../../rewrites/testing/gen-linalg.ts";
import { scfTensorPrograms } from "../../rewrites/testing/gen-scf-tensor.ts";
import { tensorPrograms } from "../../rewrites/testing/gen-tensor.ts";
import { tosaPrograms } from "../../rewrites/testing/gen-tosa.ts";
import { vectorPrograms } from "../../rewrites/testing/gen-vector.ts";
import { behindTensorEntries } from "../../rewrites/testing/tensor-entries.ts";

const RUNS = Number(process.env.BUFFERIZE_PROP_RUNS ?? process.env.FC_RUNS ?? 40);
const PIPELINE =
  "builtin.module(empty-tensor-to-alloc-tensor,one-shot-bufferize{bufferize-function-boundaries allow-return-allocs function-boundary-type-conversion=identity-layout-map})";

const entries = (names: readonly string[]): string[] => names.map((n) => `bufferize:${n}`);

test(`one-shot-bufferize on ${RUNS} random linalg programs: same results, every allocation freed`, () => {
  const r = checkRewrite({
    transform: behindTensorEntries(PIPELINE),
    programs: linalgPrograms(),
    runs: RUNS,
    leaks: true,
    coverage: {
      entries: entries([
        "func.func",
        "func.return",
        "linalg.fill",
        "linalg.generic",
        "linalg.matmul",
        "linalg.reduce",
        "linalg.transpose",
        "linalg.broadcast",
        "linalg.map",
      ]),
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test(`one-shot-bufferize on ${RUNS} random tensor programs: same results, every allocation freed`, () => {
  const r = checkRewrite({
    transform: behindTensorEntries(PIPELINE),
    programs: tensorPrograms({ forBufferization: true }),
    runs: RUNS,
    leaks: true,
    coverage: {
      entries: entries([
        "tensor.generate",
        "tensor.from_elements",
        "tensor.splat",
        "tensor.cast",
        "tensor.dim",
        "tensor.rank",
        "tensor.extract",
        "tensor.insert",
        "tensor.extract_slice",
        "tensor.insert_slice",
        "tensor.expand_shape",
        "tensor.collapse_shape",
        "tensor.pad",
        "bufferization.alloc_tensor",
        "bufferization.to_memref",
      ]),
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test(`one-shot-bufferize on ${RUNS} random scf programs over tensors: same results, every allocation freed`, () => {
  const r = checkRewrite({
    transform: behindTensorEntries(PIPELINE),
    programs: scfTensorPrograms(),
    runs: RUNS,
    leaks: true,
    coverage: {
      entries: entries(["scf.for", "scf.if", "scf.yield", "tensor.insert", "tensor.extract_slice", "tensor.insert_slice", "linalg.map", "linalg.fill"]),
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test(`one-shot-bufferize on ${RUNS} random vector programs: same results, every allocation freed`, () => {
  const r = checkRewrite({
    transform: behindTensorEntries(PIPELINE),
    programs: vectorPrograms(),
    runs: RUNS,
    leaks: true,
    coverage: { entries: entries(["arith.constant", "vector.transfer_read", "vector.transfer_write"]) },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test(`buffer-results-to-out-params after one-shot-bufferize on ${RUNS} random linalg programs: the caller's buffers get the results`, () => {
  const r = checkRewrite({
    transform: behindTensorEntries(PIPELINE.replace("})", "},buffer-results-to-out-params)")),
    programs: linalgPrograms(),
    runs: RUNS,
    leaks: true,
    coverage: false,
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test(`TOSA lowered to linalg and bufferized, on ${RUNS} random TOSA programs: same results, every allocation freed`, () => {
  const r = checkRewrite({
    transform: behindTensorEntries(PIPELINE.replace("builtin.module(", "builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-tensor,tosa-to-arith,tosa-to-scf),")),
    programs: tosaPrograms(),
    runs: RUNS,
    leaks: true,
    // Convolutions sum in another order than the interpreter's TOSA semantics: a zero may change sign.
    tolerance: { ignoreZeroSign: true },
    coverage: false,
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test("the leak check bites: without deallocations the same programs leak", () => {
  const r = checkRewrite({
    transform: behindTensorEntries(PIPELINE.replace("identity-layout-map}", "identity-layout-map create-deallocs=0}")),
    programs: tensorPrograms({ forBufferization: true }),
    runs: 30,
    leaks: true,
    coverage: false,
  });
  assert.not.ok(r.ok, "dropping every memref.dealloc went unnoticed");
  if (!r.ok) assert.match(r.message, /heap allocation\(s\) unfreed/);
});

test.run();
