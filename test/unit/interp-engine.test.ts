/**
 * The interpreter engine: control flow through cf branches and block arguments, calls and recursion,
 * func.call_indirect, constants of every kind, select, the bounds (steps, call depth) that turn a hang into
 * an error, and the errors themselves: kind, message, location and call-stack notes.
 */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AddIOp } from "../../dialects/arith/index.ts";
import { renderDiagnostic } from "../../src/diag/diagnostic.ts";
import {
  type FloatValue,
  type IntValue,
  InterpRegistry,
  interpretation,
  type RuntimeValue,
  boolValue,
  checkRuntimeValue,
  floatValue,
  formatValue,
  formatValues,
  intValue,
  interpret,
  shapedValue,
  splatValue,
} from "../../src/interp/index.ts";
import { DYNAMIC, UnrankedTensorType, f32, i1, i8, i32, i64, index, tensor, vector } from "../../src/ir/types.ts";
import { ctx, oneOp, parse, run, runError } from "../support/interp.ts";

const ints = (vs: readonly RuntimeValue[]): bigint[] => vs.map((v) => (v as IntValue).value);

const LOOPS = `
// sum of 1..n with a loop through block arguments
func.func @sum(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  cf.br ^loop(%c1, %c0 : i32, i32)
^loop(%i: i32, %acc: i32):
  %done = arith.cmpi sgt, %i, %n : i32
  cf.cond_br %done, ^exit(%acc : i32), ^body
^body:
  %acc2 = arith.addi %acc, %i : i32
  %i2 = arith.addi %i, %c1 : i32
  cf.br ^loop(%i2, %acc2 : i32, i32)
^exit(%r: i32):
  return %r : i32
}

func.func @fib(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %c2 = arith.constant 2 : i64
  %small = arith.cmpi slt, %n, %c2 : i64
  cf.cond_br %small, ^base, ^rec
^base:
  return %n : i64
^rec:
  %a = arith.subi %n, %c1 : i64
  %b = arith.subi %n, %c2 : i64
  %fa = func.call @fib(%a) : (i64) -> i64
  %fb = func.call @fib(%b) : (i64) -> i64
  %s = arith.addi %fa, %fb : i64
  return %s : i64
}

func.func @classify(%x: i8) -> i32 {
  cf.switch %x : i8, [
    default: ^other(%x : i8),
    -1: ^minus,
    7: ^seven(%x, %x : i8, i8)
  ]
^minus:
  %m = arith.constant 100 : i32
  return %m : i32
^seven(%a: i8, %b: i8):
  %s = arith.addi %a, %b : i8
  %e = arith.extsi %s : i8 to i32
  return %e : i32
^other(%o: i8):
  %z = arith.extui %o : i8 to i32
  return %z : i32
}

func.func @spin() {
  cf.br ^loop
^loop:
  cf.br ^loop
}

func.func @forever(%x: i32) -> i32 {
  %r = func.call @forever(%x) : (i32) -> i32
  return %r : i32
}

func.func @checked(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %ok = arith.cmpi sge, %x, %c0 : i32
  cf.assert %ok, "x must be non-negative"
  return %x : i32
}

func.func @outer(%a: i32, %b: i32) -> i32 {
  %r = func.call @inner(%a, %b) : (i32, i32) -> i32
  return %r : i32
}
func.func @inner(%a: i32, %b: i32) -> i32 {
  %r = arith.divui %a, %b : i32
  return %r : i32
}

func.func private @external(i32) -> i32
func.func @callsExternal(%x: i32) -> i32 {
  %r = func.call @external(%x) : (i32) -> i32
  return %r : i32
}

func.func @indirect(%x: i32) -> (i32, i32) {
  %f = func.constant @double : (i32) -> i32
  %r = func.call_indirect %f(%x) : (i32) -> i32
  %s = func.call_indirect %f(%r) : (i32) -> i32
  return %r, %s : i32, i32
}
func.func @double(%x: i32) -> i32 {
  %r = arith.addi %x, %x : i32
  return %r : i32
}
`;
const m = parse(LOOPS);

test("a loop through cf branches and block arguments sums 1..n", () => {
  assert.equal(ints(run(m, "sum", [intValue(i32, 100n)])), [5050n]);
  assert.equal(ints(run(m, "sum", [intValue(i32, 0n)])), [0n]);
  assert.equal(ints(run(m, "sum", [intValue(i32, 1000n)])), [500500n]);
});

test("recursion through func.call computes fib", () => {
  const fib = [0n, 1n, 1n, 2n, 3n, 5n, 8n, 13n, 21n, 34n, 55n];
  fib.forEach((f, n) => assert.equal(ints(run(m, "fib", [intValue(i64, BigInt(n))])), [f]));
  const stats = { steps: 0 };
  assert.equal(ints(run(m, "fib", [intValue(i64, 16n)], { stats })), [987n]);
  assert.ok(stats.steps > 10_000, `every op counts as a step (${stats.steps})`);
});

test("cf.switch picks the case by value (signless case values compare as the flag's bits)", () => {
  const classify = (x: bigint): bigint => ints(run(m, "classify", [intValue(i8, x)]))[0] as bigint;
  assert.is(classify(-1n), 100n);
  assert.is(classify(255n), 100n, "255 is -1 as an i8");
  assert.is(classify(7n), 14n);
  assert.is(classify(-2n), 254n, "default, with its operand");
});

test("func.constant and func.call_indirect", () => {
  assert.equal(ints(run(m, "indirect", [intValue(i32, 5n)])), [10n, 20n]);
  const [f] = run(`func.func @g() -> ((i32) -> i32) {
  %f = func.constant @g2 : (i32) -> i32
  return %f : (i32) -> i32
}
func.func @g2(%x: i32) -> i32 {
  return %x : i32
}`, "g", []);
  assert.is(formatValue(f as RuntimeValue), "@g2 : (i32) -> i32");
});

test("an infinite loop ends at the step limit with a clear error", () => {
  const e = runError(m, "spin", [], { maxSteps: 5000 });
  assert.is(e.kind, "limit");
  assert.is(e.opName, "cf.br");
  assert.match(e.message, /step limit of 5000 ops reached/);
  const stats = { steps: 0 };
  runError(m, "spin", [], { maxSteps: 100, stats });
  assert.is(stats.steps, 101);
});

test("unbounded recursion ends at the call-depth limit", () => {
  const e = runError(m, "forever", [intValue(i32, 1n)], { maxCallDepth: 50 });
  assert.is(e.kind, "limit");
  assert.match(e.message, /'func.call' op call depth limit of 50 reached calling '@forever'/);
  assert.is(e.diagnostic.notes.length, 49, "one note per call site (the entry call from interpret has none)");
  // The default depth is reached before the JS stack runs out.
  assert.is(runError(m, "forever", [intValue(i32, 1n)]).kind, "limit");
});

test("cf.assert fails with its message", () => {
  assert.equal(ints(run(m, "checked", [intValue(i32, 3n)])), [3n]);
  const e = runError(m, "checked", [intValue(i32, -3n)]);
  assert.is(e.kind, "assertion");
  assert.is(e.message, "'cf.assert' op assertion failed: x must be non-negative");
});

test("errors carry the failing op's location and the call stack", () => {
  const e = runError(m, "outer", [intValue(i32, 1n), intValue(i32, 0n)]);
  assert.is(e.kind, "undefined-behavior");
  assert.is(e.opName, "arith.divui");
  const text = renderDiagnostic(e.diagnostic);
  const lines = LOOPS.split("\n");
  const divLine = lines.findIndex((l) => l.includes("arith.divui")) + 1;
  const callLine = lines.findIndex((l) => l.includes("func.call @inner")) + 1;
  assert.ok(text.startsWith(`test.mlir:${divLine}:8: error: 'arith.divui' op division by zero`), text);
  assert.ok(text.includes(`test.mlir:${callLine}:8: note: called from 'func.call' here`), text);
});

test("bad calls: missing function, wrong argument count or types, non-canonical values, declarations", () => {
  const missing = runError(m, "nope", []);
  assert.is(missing.kind, "invalid-input");
  assert.match(missing.message, /no function named '@nope'/);
  const count = runError(m, "sum", []);
  assert.is(count.kind, "invalid-input");
  assert.match(count.message, /'@sum' takes 1 arguments, but 0 were given/);
  const type = runError(m, "sum", [intValue(i64, 1n)]);
  assert.match(type.message, /argument #0 of '@sum' has type i64, expected i32/);
  const raw = runError(m, "sum", [{ kind: "int", type: i32, value: 1n << 40n }]);
  assert.match(raw.message, /not in the canonical range of i32/);
  const external = runError(m, "callsExternal", [intValue(i32, 1n)]);
  assert.is(external.kind, "unsupported");
  assert.match(external.message, /'@external' is a declaration/);
  const notFn = runError(parse(`func.func @f() {
  return
}
module @inner {}`), "inner", []);
  assert.match(notFn.message, /'@inner' is a 'builtin.module', not a function/);
});

test("ops without semantics, and unregistered ops, are named with their location", () => {
  const unregistered = parse(`func.func @f(%x: i32) -> i32 {
  %r = "foo.bar"(%x) : (i32) -> i32
  return %r : i32
}`, { allowUnregistered: true });
  const e = runError(unregistered, "f", [intValue(i32, 1n)]);
  assert.is(e.kind, "unsupported");
  assert.is(e.opName, "foo.bar");
  assert.match(renderDiagnostic(e.diagnostic), /^test.mlir:2:8: error: 'foo.bar' op has no interpreter semantics/);
  const generic = parse(`func.func @f(%x: i32) -> i32 {
  %r = "arith.addi"(%x, %x) : (i32, i32) -> i32
  return %r : i32
}`);
  assert.equal(ints(run(generic, "f", [intValue(i32, 4n)])), [8n], "the generic form of a registered op runs");
  const empty = new InterpRegistry();
  const none = runError(generic, "f", [intValue(i32, 4n)], { registry: empty });
  assert.match(none.message, /'arith.addi' op has no interpreter semantics/);
});

test("a registry can be made from a context and extended without touching the context", () => {
  const custom = InterpRegistry.of(ctx);
  // A wrong addi (subtracts), to show the override is used.
  custom.register(interpretation(AddIOp, (_op, [a, b]) => [intValue(i32, (a as IntValue).value - (b as IntValue).value)]));
  const text = oneOp(["i32", "i32"], ["i32"], "arith.addi %a, %b : i32");
  assert.equal(ints(run(text, "f", [intValue(i32, 5n), intValue(i32, 3n)], { registry: custom })), [2n]);
  assert.equal(ints(run(text, "f", [intValue(i32, 5n), intValue(i32, 3n)])), [8n]);
  assert.ok(ctx.interpretation("arith.addi") !== undefined && ctx.interpretation("math.fma") !== undefined);
  assert.ok(custom.names.includes("arith.addi") && custom.names.includes("math.fma"));
});

test("a semantics bug (a result of the wrong type) is an internal error, not a wrong answer", () => {
  const custom = InterpRegistry.of(ctx).register(interpretation(AddIOp, () => [intValue(i64, 0n)]));
  const e = runError(oneOp(["i32", "i32"], ["i32"], "arith.addi %a, %b : i32"), "f", [intValue(i32, 1n), intValue(i32, 2n)], { registry: custom });
  assert.is(e.kind, "internal");
  assert.match(e.message, /produced a value of type i64 for result #0 of type i32/);
});

test("ops with regions: semantics run a nested region through the context (the hook structured ops will use)", () => {
  const registry = InterpRegistry.of(ctx);
  // test.twice runs its region on its operand, then on the region's result; test.yield leaves the region.
  registry.register({
    name: "test.twice",
    cls: undefined,
    fn: (op, args, ctx) => ctx.runRegion(op.getRegion(0), ctx.runRegion(op.getRegion(0), args)),
  });
  registry.register({ name: "test.yield", cls: undefined, fn: (_op, args, ctx) => ctx.exit(args) });
  const module = parse(`func.func @f(%x: i32, %k: i32) -> i32 {
  %r = "test.twice"(%x) ({
  ^bb0(%a: i32):
    %s = arith.muli %a, %k : i32
    "test.yield"(%s) : (i32) -> ()
  }) : (i32) -> i32
  return %r : i32
}`, { allowUnregistered: true });
  assert.equal(ints(run(module, "f", [intValue(i32, 3n), intValue(i32, 5n)], { registry })), [75n], "the region sees %k from above");
});

test("a JS stack overflow (call-depth limit set too high) is a limit error, not a crash", () => {
  const e = runError(m, "forever", [intValue(i32, 1n)], { maxCallDepth: 10_000_000 });
  assert.is(e.kind, "limit");
  assert.match(e.message, /JS stack exhausted/);
});

test("constants: integers, floats, dense splats and arrays, index, i1", () => {
  const vals = run(`func.func @f() -> (i1, index, f32, vector<3xi16>, tensor<2x2xf16>, tensor<4xi1>) {
  %t = arith.constant true
  %i = arith.constant -3 : index
  %x = arith.constant 0x7FC00001 : f32
  %v = arith.constant dense<[1, -2, 300]> : vector<3xi16>
  %s = arith.constant dense<1.5> : tensor<2x2xf16>
  %b = arith.constant dense<[true, false, false, true]> : tensor<4xi1>
  return %t, %i, %x, %v, %s, %b : i1, index, f32, vector<3xi16>, tensor<2x2xf16>, tensor<4xi1>
}`, "f", []);
  assert.is(
    formatValues(vals),
    "(true : i1, -3 : index, 0x7FC00001 : f32, dense<[1, -2, 300]> : vector<3xi16>, " +
      "dense<[[1.500000e+00, 1.500000e+00], [1.500000e+00, 1.500000e+00]]> : tensor<2x2xf16>, dense<[true, false, false, true]> : tensor<4xi1>)",
  );
});

test("select: a scalar condition picks a whole value, a vector condition picks per element", () => {
  const scalar = oneOp(["i1", "vector<2xf32>", "vector<2xf32>"], ["vector<2xf32>"], "arith.select %a, %b, %c : vector<2xf32>");
  const a = shapedValue(vector([2], f32), [1, 2]);
  const b = shapedValue(vector([2], f32), [3, 4]);
  assert.is(formatValue(run(scalar, "f", [boolValue(false), a, b])[0] as RuntimeValue), "dense<[3.000000e+00, 4.000000e+00]> : vector<2xf32>");
  const perElement = oneOp(["vector<2xi1>", "vector<2xf32>", "vector<2xf32>"], ["vector<2xf32>"], "arith.select %a, %b, %c : vector<2xi1>, vector<2xf32>");
  const cond = shapedValue(vector([2], i1), [1, 0]);
  assert.is(formatValue(run(perElement, "f", [cond, a, b])[0] as RuntimeValue), "dense<[1.000000e+00, 4.000000e+00]> : vector<2xf32>");
  const ints2 = oneOp(["i1", "index", "index"], ["index"], "arith.select %a, %b, %c : index");
  assert.equal(ints(run(ints2, "f", [boolValue(true), intValue(index, 1n), intValue(index, 2n)])), [1n]);
});

test("tensors: dynamic and unranked shapes, shape mismatches", () => {
  const dyn = tensor([DYNAMIC, 2], f32);
  const add = oneOp(["tensor<?x2xf32>", "tensor<?x2xf32>"], ["tensor<?x2xf32>"], "arith.addf %a, %b : tensor<?x2xf32>");
  const x = splatValue(dyn, 1.25, [3, 2]);
  const [r] = run(add, "f", [x, x]);
  assert.equal((r as { readonly shape: readonly number[] }).shape, [3, 2]);
  const other = splatValue(dyn, 1, [1, 2]);
  const e = runError(add, "f", [x, other]);
  assert.is(e.kind, "invalid-ir");
  assert.match(e.message, /elementwise operands have different shapes/);
  const unranked = UnrankedTensorType.get(i32);
  const neg = oneOp(["tensor<*xi32>"], ["tensor<*xi32>"], "arith.muli %a, %a : tensor<*xi32>");
  const [u] = run(neg, "f", [shapedValue(unranked, [1, 2, 3, 4, 5, 6], [1, 2, 3])]);
  assert.is(formatValue(u as RuntimeValue), "dense<[[[1, 4, 9], [16, 25, 36]]]> : tensor<*xi32> (shape 1x2x3)");
  assert.throws(() => shapedValue(tensor([2], i32), [1, 2, 3]), /3 elements for a shape of 2/);
  assert.throws(() => shapedValue(unranked, [1]), /needs an explicit shape/);
  assert.is(checkRuntimeValue({ kind: "float", type: f32, value: 0.1 }), "0.1 is not a value of f32 (round it with floatValue)");
  assert.is(checkRuntimeValue(floatValue(f32, 0.1)), undefined);
});

test("builtin.unrealized_conversion_cast runs only when it changes nothing", () => {
  const same = oneOp(["i32"], ["i32"], "builtin.unrealized_conversion_cast %a : i32 to i32");
  assert.equal(ints(run(same, "f", [intValue(i32, 9n)])), [9n]);
  const change = oneOp(["i32"], ["i64"], "builtin.unrealized_conversion_cast %a : i32 to i64");
  const e = runError(change, "f", [intValue(i32, 9n)]);
  assert.is(e.kind, "unsupported");
  assert.match(e.message, /cannot run a cast from \(i32\) to \(i64\)/);
});

test("interpret returns Either: Right with the results, Left with the error", () => {
  const ok = interpret(m, "sum", [intValue(i32, 3n)], { ctx });
  assert.ok(isRight(ok) && (ok.right[0] as IntValue).value === 6n);
  const bad = interpret(m, "sum", [floatValue(f32, 1)], { ctx });
  assert.ok(isLeft(bad) && bad.left.kind === "invalid-input");
  const f = run(oneOp(["f32"], ["f32"], "arith.negf %a : f32"), "f", [floatValue(f32, 2)])[0] as FloatValue;
  assert.is(f.value, -2);
});

test.run();
