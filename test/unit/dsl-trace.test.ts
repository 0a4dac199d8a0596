/**
 * Tracing DSL functions: trace-time errors (naming the op, the shapes and the call site), the TOSA a
 * function traces to (checked by mlir-opt-16 --verify-each), locations from scopes, and parameters as
 * arguments or dense_resource constants.
 */
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as t from "../../frontends/dsl/index.ts";
import { DslError, type Tensor } from "../../frontends/dsl/index.ts";
import { printOp } from "../../src/text/printer.ts";

/** mlir-opt-16 --verify-each accepts the text (tosa is a registered dialect there: its verifiers run). */
export function assertMlirAccepts(text: string): void {
  const r = spawnSync("mlir-opt-16", ["--verify-each", "-"], { input: text, encoding: "utf8" });
  assert.is(r.status, 0, `mlir-opt-16 rejected:\n${r.stderr}\n${text}`);
}

const thisFile = new URL(import.meta.url).pathname;

/** The DslError `fn` throws while tracing, with the line of this file it names. */
function traceError(fn: () => unknown): DslError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DslError) return e;
    throw e;
  }
  throw new Error("expected a DslError");
}

const x = t.spec("f32", ["seq", 8]);

test("a reshape with the wrong element count names the op, the shapes and the call site", () => {
  const e = traceError(() => t.traceGraph(({ x }) => t.reshape(x, [5, 5]), { inputs: { x }, dims: { seq: 3 } }));
  assert.is(e.op, "reshape");
  assert.match(e.message, "reshape: cannot reshape [3, 8] (24 elements) to [5, 5] = [5, 5] (25 elements)");
  assert.is(e.site?.file, thisFile);
  assert.match(e.message, `(at ${thisFile}:${e.site?.line}:`);
});

test("symbolic dims: unbound names and sizes that do not fit are trace-time errors", () => {
  const unbound = traceError(() => t.traceGraph(({ x }) => x, { inputs: { x } }));
  assert.match(unbound.message, "input 'x': symbolic dimension 'seq' is not bound");
  const inner = traceError(() =>
    t.traceGraph(({ x }, m) => t.matmul(x, m.param("w", "f32", ["seq", 4])), { inputs: { x }, dims: { seq: 3 } }),
  );
  assert.match(inner.message, "matmul: inner dimensions differ: [3, 8] @ [3, 4] (8 vs 3)");
  const bcast = traceError(() =>
    t.traceGraph(({ x }, m) => t.add(x, m.param("b", "f32", [5, 1])), { inputs: { x }, dims: { seq: 3 } }),
  );
  assert.match(bcast.message, "add: shapes [3, 8] and [5, 1] do not broadcast (dimension -2: 3 vs 5)");
  assert.is(bcast.site?.file, thisFile);
});

test("wide types defer every check to the trace", () => {
  const wide = t.spec("f32", [2, 3] as number[]);
  const checks: [(a: Tensor<"f32", number[]>) => unknown, string][] = [
    [(a) => t.sum(a, 2), "sum: axis 2 is out of range for a tensor of rank 2 [2, 3]"],
    [(a) => t.transpose(a, [0, 0]), "transpose: [0, 0] is not a permutation of the 2 axes of [2, 3]"],
    [(a) => t.concat([a, t.reshape(a, [3, 2])], 0), "concat: shapes [2, 3] and [3, 2] differ outside axis 0"],
    [(a) => t.slice(a, 1, 2, 2), "slice: [2, 4) is out of bounds of axis 1 (size 3) of [2, 3]"],
    [(a) => t.matmul(a, a), "matmul: inner dimensions differ: [2, 3] @ [2, 3] (3 vs 2)"],
    [(a) => t.rope(a), "rope: the head dimension 3 of [2, 3] is odd"],
  ];
  for (const [fn, message] of checks) {
    const e = traceError(() => t.traceGraph(({ a }) => fn(a) as Tensor, { inputs: { a: wide } }));
    assert.match(e.message, message);
  }
});

test("DSL ops outside trace, and parameters declared twice with other shapes, are errors", () => {
  const outside = traceError(() => new t.Scope("").param("w", "f32", [2]));
  assert.match(outside.message, "param: DSL operations can only be called inside trace(fn, ...)");
  const twice = traceError(() =>
    t.traceGraph((_, m) => t.add(m.param("w", "f32", [2]) as Tensor<"f32", number[]>, m.param("w", "f32", [3])), { inputs: {} }),
  );
  assert.match(twice.message, "param: 'w' was declared as f32 [2]");
});

test("a traced function is TOSA that mlir-opt-16 verifies, with the DSL's names as locations", () => {
  const traced = t.trace(
    ({ x }, model) =>
      model.scope("layers.3", (layer) => {
        const gate = layer.scope("mlp.gate", (s) => t.matmul(x, s.param("weight", "f32", [8, 16])));
        return { y: t.softmax(t.silu(gate), -1), n: t.sum(t.transpose(gate, [1, 0]), 0, { keepdims: true }) };
      }),
    { inputs: { x }, dims: { seq: 3 } },
  );
  assert.equal(
    traced.arguments.map((a) => `${a.kind} ${a.name} ${a.dtype}[${a.shape.join(",")}]`),
    ["input x f32[3,8]", "param layers.3.mlp.gate.weight f32[8,16]"],
  );
  assert.equal(traced.results.map((r) => `${r.name} [${r.shape.join(",")}]`), ["y [3,16]", "n [1,3]"]);
  const text = printOp(traced.module, { ctx: traced.ctx, debugInfo: true });
  for (const op of ["tosa.matmul", "tosa.sigmoid", "tosa.reduce_max", "tosa.exp", "tosa.reciprocal", "tosa.transpose", "tosa.reduce_sum"])
    assert.ok(text.includes(`"${op}"`) || text.includes(`${op} `), `${op} in\n${text}`);
  assert.match(text, /= loc\("layers\.3\.mlp\.gate"\(#loc\d+\)\)/);
  assert.match(text, /= loc\("test\/unit\/dsl-trace\.test\.ts":\d+:\d+\)/);
  assertMlirAccepts(text);
});

test("parameters as dense_resource constants carry their bytes", () => {
  const w = Float32Array.from({ length: 8 * 4 }, (_, i) => i / 8);
  const traced = t.trace(({ x }, m) => t.matmul(x, m.scope("proj", (s) => s.param("w", "f32", [8, 4]))), {
    inputs: { x },
    dims: { seq: 2 },
    params: { resources: { "proj.w": w } },
  });
  assert.equal(traced.arguments.map((a) => a.name), ["x"]);
  const text = printOp(traced.module, { ctx: traced.ctx });
  assert.match(text, "dense_resource<proj.w> : tensor<8x4xf32>");
  assert.match(text, /proj\.w: "0x04000000000000000000003E0000803E/);
  assertMlirAccepts(text);
  const missing = traceError(() => t.trace(({ x }, m) => t.matmul(x, m.param("w", "f32", [8, 4])), { inputs: { x }, dims: { seq: 2 }, params: { resources: {} } }));
  assert.match(missing.message, "param: no data for parameter 'w' (f32 [8, 4]) in params.resources");
  const short = traceError(() =>
    t.trace(({ x }, m) => t.matmul(x, m.param("w", "f32", [8, 4])), { inputs: { x }, dims: { seq: 2 }, params: { resources: { w: new Float32Array(3) } } }),
  );
  assert.match(short.message, "'w' is f32 [8, 4] (128 bytes) but its data has 12 bytes");
});

/** One function using every primitive, traced for `target`. */
function everyPrimitive(target: "tosa" | "linalg"): t.Traced {
  return t.trace(
    ({ x, ids }, m) => {
      const table = m.param("table", "f32", [10, 4, 2]);
      const rows = t.gather(table, ids);
      const y = t.reshape(x, [2, "seq", 4]);
      const batched = t.matmul(y, m.param("b", "f32", [2, 4, 4]));
      const bcastBatch = t.matmul(m.param("a", "f32", [3, 1, 2, 5]), m.param("c", "f32", [4, 5, 6]));
      const cmp = t.greater(y, 0.5);
      const picked = t.select(cmp, y, t.neg(y));
      const ints = t.cast(t.abs(picked), "i32");
      return [
        rows,
        t.div(batched, t.exp(batched)),
        bcastBatch,
        t.max(t.reshape(picked, [1, 2, 1, "seq", 4, 1]), 3),
        t.div(ints, 3),
        t.pow(t.maximum(x, t.minimum(x, 1)), 2),
        t.concat([t.slice(x, 1, 0, 3), t.slice(x, 1, 3, 5)], 1),
        t.mean(t.log(t.tanh(t.reciprocal(t.rsqrt(x)))), -1),
        t.equal(ints, t.cast(t.sub(y, 1), "i32")),
        t.causalMask("f32", "seq", 2),
      ];
    },
    { inputs: { x, ids: t.spec("i32", [2, "seq"]) }, dims: { seq: 3 }, target },
  );
}

test("every primitive lowers to TOSA that mlir-opt-16 verifies", () => {
  const traced = everyPrimitive("tosa");
  assert.equal(
    traced.results.map((r) => r.shape),
    [[2, 3, 4, 2], [2, 3, 4], [3, 4, 2, 6], [1, 2, 1, 4, 1], [2, 3, 4], [3, 8], [3, 8], [3], [2, 3, 4], [3, 5]],
  );
  const text = printOp(traced.module, { ctx: traced.ctx });
  for (const op of ["gather", "tile", "div", "select", "cast", "greater", "equal", "pow", "concat", "slice", "log", "tanh", "negate", "abs", "maximum", "minimum"])
    assert.ok(text.includes(`tosa.${op}`), `tosa.${op}`);
  assertMlirAccepts(text);
});

test("every primitive lowers to Linalg on tensors that mlir-opt-16 verifies", () => {
  const traced = everyPrimitive("linalg");
  const text = printOp(traced.module, { ctx: traced.ctx });
  assert.not.match(text, "tosa.");
  for (const op of ["linalg.generic", "tensor.empty", "tensor.extract_slice", "tensor.insert_slice", "tensor.collapse_shape", "tensor.expand_shape", "tensor.extract", "linalg.index", "arith.cmpf", "arith.select", "arith.fptosi", "math.powf", "arith.divsi"])
    assert.ok(text.includes(op), op);
  assertMlirAccepts(text);
});

test("an unknown target is a trace-time error", () => {
  const e = traceError(() => t.trace(({ x }) => x, { inputs: { x }, dims: { seq: 1 }, target: "spirv" as "tosa" }));
  assert.match(e.message, "trace: unknown target 'spirv' (tosa or linalg)");
});

test.run();
