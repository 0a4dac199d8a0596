/**
 * The printer against MLIR 16. Each case builds IR by hand and compares the text with what `mlir-opt-16`
 * printed for the same IR (the expected strings were produced by it). When mlir-opt-16 is installed, the
 * printed text is also fed back to it, and it must print exactly the same text again.
 */
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AffineMap, affineAdd, affineConstant, affineDim, affineFloorDiv, affineMul, affineSymbol } from "../../src/ir/affine.ts";
import * as A from "../../src/ir/attributes.ts";
import { Context } from "../../src/ir/context.ts";
import { CallSiteLoc, FusedLoc, type Location, fileLoc, nameLoc, unknownLoc } from "../../src/ir/location.ts";
import { Block, type OpInfo, Operation, type OperationInit, Region } from "../../src/ir/operation.ts";
import { IsolatedFromAbove, Terminator } from "../../src/ir/traits.ts";
import * as T from "../../src/ir/types.ts";
import type { OpResult } from "../../src/ir/value.ts";
import type { DialectAsmPrinter, OpAsmHooks } from "../../src/text/asm-interfaces.ts";
import { escapeString, keywordOrString } from "../../src/text/print-attr.ts";
import { sanitizeIdentifier } from "../../src/text/print-names.ts";
import { type PrintOptions, printAttribute, printLocation, printOp, printType } from "../../src/text/printer.ts";

// ---- helpers -----------------------------------------------------------------------------------------------

const hasMlirOpt = spawnSync("mlir-opt-16", ["--version"]).status === 0;

/** Runs mlir-opt-16 on `text` with the flags matching `opts`; undefined when it is not installed. */
function mlirOpt(text: string, opts: PrintOptions): string | undefined {
  if (!hasMlirOpt) return undefined;
  const args = ["--allow-unregistered-dialect", "-"];
  if (opts.generic) args.push("--mlir-print-op-generic");
  if (opts.debugInfo) args.push("--mlir-print-debuginfo");
  const r = spawnSync("mlir-opt-16", args, { input: text, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`mlir-opt-16 rejected the printed text:\n${r.stderr}\n${text}`);
  return r.stdout;
}

/** Prints `op`, compares with `expected`, and checks mlir-opt-16 prints the text back unchanged. */
function check(op: Operation, opts: PrintOptions, expected: string): void {
  const text = printOp(op, opts);
  assert.fixture(text, expected);
  const again = mlirOpt(text, opts);
  if (again !== undefined) assert.fixture(again, `${text}\n`);
}

const op = (name: string, init: Omit<OperationInit, "name"> = {}): Operation => new Operation({ name, ...init });

/** `builtin.module` holding `ops` (generic form unless the custom module class is used). */
function moduleOf(ops: readonly Operation[], loc?: Location): Operation {
  const body = new Block();
  for (const o of ops) body.append(o);
  return op("builtin.module", { regions: [new Region([body])], ...(loc ? { loc } : {}) });
}

/** Result `i` of `o` (which must exist). */
function res(o: Operation, i: number): OpResult {
  const r = o.results[i];
  if (r === undefined) throw new RangeError(`no result #${i}`);
  return r;
}

function oneBlockRegion(block: Block): Region {
  return new Region([block]);
}

// ---- generic form: structure and names ---------------------------------------------------------------------

test("generic form: names, result groups, nested regions, successors, predecessors, aliases", () => {
  const top = op("test.top", { resultTypes: [T.i32] });
  const fnBody = new Block([T.i32, T.f32]);
  const fn = op("func.func", {
    regions: [oneBlockRegion(fnBody)],
    attributes: { sym_name: A.strAttr("f"), function_type: A.typeAttr(T.fn([T.i32, T.f32], [T.i32])) },
  });
  const transpose = A.AffineMapAttr.get(AffineMap.get(2, 0, [affineDim(1), affineDim(0)]));
  const shifted = A.AffineMapAttr.get(AffineMap.get(1, 1, [affineAdd(affineDim(0), affineSymbol(0))]));
  const two = op("test.two", {
    operands: [fnBody.arg(0)],
    resultTypes: [T.i32, T.f32],
    attributes: { z: A.intAttr(T.i32, 1), a: A.unitAttr(), "b c": A.strAttr('s"q\n\x01é'), m: transpose, m2: shifted, m3: transpose },
  });
  fnBody.append(two);
  const inner = new Block([T.i32]);
  const b1 = new Block();
  const b2 = new Block();
  const outer = op("test.r", { regions: [new Region([inner, b1, b2]), new Region()] });
  fnBody.append(outer);
  inner.append(op("test.in", { operands: [inner.arg(0), res(two, 1)], resultTypes: [T.i32] }));
  const nestedA = new Block([T.i32]);
  const nestedB = new Block();
  inner.append(op("test.r", { regions: [oneBlockRegion(nestedA), oneBlockRegion(nestedB)] }));
  nestedA.append(op("test.in", { operands: [inner.arg(0), res(two, 1)], resultTypes: [T.i32] }));
  nestedA.append(op("test.end"));
  nestedB.append(op("test.in2", { resultTypes: [T.i32] }));
  nestedB.append(op("test.end"));
  inner.append(op("test.end", { successors: [b1] }));
  b1.append(op("test.end", { successors: [b1, b2] }));
  b2.append(op("test.end", { successors: [b1] }));
  fnBody.append(op("test.after", { resultTypes: [T.i32] }));
  fnBody.append(op("func.return", { operands: [res(two, 0)] }));
  check(moduleOf([top, fn]), { generic: true }, `#map = affine_map<(d0, d1) -> (d1, d0)>
#map1 = affine_map<(d0)[s0] -> (d0 + s0)>
"builtin.module"() ({
  %0 = "test.top"() : () -> i32
  "func.func"() ({
  ^bb0(%arg0: i32, %arg1: f32):
    %1:2 = "test.two"(%arg0) {a, "b c" = "s\\22q\\0A\\01\\C3\\A9", m = #map, m2 = #map1, m3 = #map, z = 1 : i32} : (i32) -> (i32, f32)
    "test.r"() ({
    ^bb0(%arg2: i32):
      %3 = "test.in"(%arg2, %1#1) : (i32, f32) -> i32
      "test.r"() ({
      ^bb0(%arg3: i32):
        %4 = "test.in"(%arg2, %1#1) : (i32, f32) -> i32
        "test.end"() : () -> ()
      }, {
        %4 = "test.in2"() : () -> i32
        "test.end"() : () -> ()
      }) : () -> ()
      "test.end"()[^bb1] : () -> ()
    ^bb1:  // 3 preds: ^bb0, ^bb1, ^bb2
      "test.end"()[^bb1, ^bb2] : () -> ()
    ^bb2:  // pred: ^bb1
      "test.end"()[^bb1] : () -> ()
    }, {
    }) : () -> ()
    %2 = "test.after"() : () -> i32
    "func.return"(%1#0) : (i32) -> ()
  }) {function_type = (i32, f32) -> i32, sym_name = "f"} : () -> ()
}) : () -> ()
`);
});

test("generic form: empty entry block, unreachable block, operands and successors together", () => {
  const empty = new Block();
  const withArgs = new Block([T.i32]);
  const unreachable = new Block();
  withArgs.append(op("test.c"));
  unreachable.append(op("test.c"));
  const entry = new Block([T.index]);
  const target = new Block([T.index, T.index]);
  entry.append(op("foo.br", { operands: [entry.arg(0), entry.arg(0)], successors: [target, target] }));
  target.append(op("foo.ret", { operands: [target.arg(1)] }));
  const a = op("test.a", { regions: [oneBlockRegion(empty), new Region([withArgs, unreachable]), new Region([entry, target])] });
  check(moduleOf([a]), { generic: true }, `"builtin.module"() ({
  "test.a"() ({
  ^bb0:
  }, {
  ^bb0(%arg0: i32):
    "test.c"() : () -> ()
  ^bb1:  // no predecessors
    "test.c"() : () -> ()
  }, {
  ^bb0(%arg0: index):
    "foo.br"(%arg0, %arg0)[^bb1, ^bb1] : (index, index) -> ()
  ^bb1(%0: index, %1: index):  // 2 preds: ^bb0, ^bb0
    "foo.ret"(%1) : (index) -> ()
  }) : () -> ()
}) : () -> ()
`);
});

test("alias order follows the walk: regions before the op's own types and attributes", () => {
  const m = (k: number): A.AffineMapAttr => A.AffineMapAttr.get(AffineMap.get(2, 0, [affineDim(1), affineMul(affineDim(0), k)]));
  const body = new Block();
  body.append(op("test.in", { attributes: { x: m(2) } }));
  const outer = op("test.out", {
    regions: [oneBlockRegion(body)],
    resultTypes: [T.memref([4, 4], T.f32, m(3))],
    attributes: { a: A.arrayAttr([m(4)]), b: A.AffineMapAttr.get(AffineMap.get(0, 0, [affineConstant(0)])) },
  });
  const floor = A.AffineMapAttr.get(AffineMap.get(2, 0, [affineFloorDiv(affineDim(0), 2), affineDim(1)]));
  check(moduleOf([outer, op("test.last", { attributes: { f: floor, again: m(2) } })]), { generic: true }, `#map = affine_map<(d0, d1) -> (d1, d0 * 2)>
#map1 = affine_map<(d0, d1) -> (d1, d0 * 3)>
#map2 = affine_map<(d0, d1) -> (d1, d0 * 4)>
#map3 = affine_map<() -> (0)>
#map4 = affine_map<(d0, d1) -> (d0 floordiv 2, d1)>
"builtin.module"() ({
  %0 = "test.out"() ({
    "test.in"() {x = #map} : () -> ()
  }) {a = [#map2], b = #map3} : () -> memref<4x4xf32, #map1>
  "test.last"() {again = #map, f = #map4} : () -> ()
}) : () -> ()
`);
});

// ---- attributes and types ----------------------------------------------------------------------------------

test("every builtin attribute kind", () => {
  const attrs: Record<string, A.Attribute> = {
    a1: A.DenseArrayAttr.get(T.i32, [-1n, 2n]),
    a2: A.DenseArrayAttr.get(T.i64, []),
    a3: A.DenseArrayAttr.get(T.f32, [1.5, -0]),
    a4: A.DenseArrayAttr.get(T.i1, [1n, 0n]),
    a5: A.DenseArrayAttr.get(T.i8, [-128n]),
    a6: A.DenseArrayAttr.get(T.IntegerType.get(8, "unsigned"), [255n]),
    a7: A.DenseArrayAttr.get(T.IntegerType.get(8, "signed"), [-3n]),
    a8: A.DenseArrayAttr.get(T.f16, [1]),
    a9: A.DenseArrayAttr.get(T.bf16, [2]),
    a10: A.DenseArrayAttr.get(T.f64, [0.1]),
    i1: A.intAttr(T.i64, -1),
    i2: A.intAttr(T.IntegerType.get(8, "unsigned"), 255),
    i3: A.intAttr(T.IntegerType.get(8, "signed"), -1),
    i4: A.intAttr(T.i8, 255),
    i5: A.boolAttr(true),
    i6: A.intAttr(T.IntegerType.get(1, "signed"), -1),
    i7: A.intAttr(T.IntegerType.get(1, "unsigned"), 1),
    i8: A.intAttr(T.index, -1),
    i9: A.intAttr(T.i64, 7),
    f1: A.floatAttr(T.f64, 1),
    f2: A.floatAttr(T.f64, 0.1),
    f3: A.floatAttr(T.f32, Math.fround(0.1)),
    f4: A.floatAttr(T.f16, 1),
    f5: A.floatAttr(T.bf16, 1),
    f6: A.floatAttr(T.f32, Number.NaN),
    f7: A.floatAttr(T.f32, -0),
    f8: A.floatAttr(T.FloatType.get("f80"), 1e10),
    s1: A.strAttr("abc"),
    s2: A.StringAttr.get("x", T.i32),
    s3: A.strAttr("\t\\"),
    arr: A.arrayAttr([
      A.intAttr(T.i64, 1),
      A.intAttr(T.i32, 1),
      A.floatAttr(T.f64, 1),
      A.floatAttr(T.f32, 2),
      A.boolAttr(true),
      A.strAttr("s"),
      A.unitAttr(),
      A.arrayAttr([]),
      A.DictionaryAttr.get({}),
      A.DictionaryAttr.get({ b: A.unitAttr(), a: A.intAttr(T.i64, 1) }),
    ]),
    t1: A.typeAttr(T.i32),
    t2: A.typeAttr(T.OpaqueType.get("foo", "bar<1>")),
    t3: A.typeAttr(T.OpaqueType.get("foo", '"x y"')),
    t4: A.OpaqueAttr.get("foo", "baz"),
    t5: A.OpaqueAttr.get("foo", '"a b"'),
    t6: A.OpaqueAttr.get("foo", "q<x>"),
    sym: A.symbolRef("foo"),
    sym2: A.symbolRef("foo", ["bar baz", "q"]),
    sym3: A.symbolRef("0a"),
    st1: A.StridedLayoutAttr.get(T.DYNAMIC, [T.DYNAMIC, 1]),
    st2: A.StridedLayoutAttr.get(0, [4, 1]),
    st3: A.StridedLayoutAttr.get(0, []),
    st5: A.StridedLayoutAttr.get(-3, [1]),
    l: fileLoc("a", 1, 2),
    l2: unknownLoc(),
    u: A.unitAttr(),
  };
  check(moduleOf([op("test.a", { attributes: attrs })]), { generic: true }, `#loc = loc("a":1:2)
#loc1 = loc(unknown)
"builtin.module"() ({
  "test.a"() {a1 = array<i32: -1, 2>, a10 = array<f64: 1.000000e-01>, a2 = array<i64>, a3 = array<f32: 1.500000e+00, -0.000000e+00>, a4 = array<i1: true, false>, a5 = array<i8: -128>, a6 = array<ui8: 255>, a7 = array<si8: -3>, a8 = array<f16: 1.000000e+00>, a9 = array<bf16: 2.000000e+00>, arr = [1, 1 : i32, 1.000000e+00, 2.000000e+00 : f32, true, "s", unit, [], {}, {a = 1 : i64, b}], f1 = 1.000000e+00 : f64, f2 = 1.000000e-01 : f64, f3 = 1.000000e-01 : f32, f4 = 1.000000e+00 : f16, f5 = 1.000000e+00 : bf16, f6 = 0x7FC00000 : f32, f7 = -0.000000e+00 : f32, f8 = 1.000000e+10 : f80, i1 = -1 : i64, i2 = 255 : ui8, i3 = -1 : si8, i4 = -1 : i8, i5 = true, i6 = -1 : si1, i7 = 1 : ui1, i8 = -1 : index, i9 = 7 : i64, l = #loc, l2 = #loc1, s1 = "abc", s2 = "x" : i32, s3 = "\\09\\\\", st1 = strided<[?, 1], offset: ?>, st2 = strided<[4, 1]>, st3 = strided<[]>, st5 = strided<[1], offset: -3>, sym = @foo, sym2 = @foo::@"bar baz"::@q, sym3 = @"0a", t1 = i32, t2 = !foo.bar<1>, t3 = !foo<"x y">, t4 = #foo.baz, t5 = #foo<"a b">, t6 = #foo.q<x>, u} : () -> ()
}) : () -> ()
`);
});

test("every builtin type kind", () => {
  const ui16 = T.IntegerType.get(16, "unsigned");
  const identity1 = A.AffineMapAttr.get(AffineMap.identity(1));
  const plusOne = A.AffineMapAttr.get(AffineMap.get(1, 0, [affineAdd(affineDim(0), 1)]));
  const types: Record<string, T.Type> = {
    t1: T.IntegerType.get(8, "signed"),
    t2: ui16,
    t3: T.i1,
    t4: T.FloatType.get("f80"),
    t5: T.FloatType.get("f128"),
    t6: T.none,
    t7: T.ComplexType.get(T.f32),
    t8: T.TupleType.get([]),
    t9: T.TupleType.get([T.i32, T.TupleType.get([T.f32])]),
    f1: T.fn([], []),
    f2: T.fn([T.i32], [T.i32]),
    f3: T.fn([T.i32, T.f32], [T.i32, T.f32]),
    f4: T.fn([], [T.fn([], [])]),
    f5: T.fn([T.fn([], [T.i32])], [T.fn([T.i32], [T.i32])]),
    tn1: T.tensor([T.DYNAMIC, 4], T.f32),
    tn2: T.UnrankedTensorType.get(T.f32),
    tn3: T.tensor([], T.f32),
    tn4: T.tensor([4], T.f32, A.OpaqueAttr.get("foo", "enc")),
    tn5: T.tensor([4], T.f32, A.strAttr("enc")),
    tn6: T.tensor([0, T.DYNAMIC], T.i8, identity1),
    v1: T.vector([4], T.f32),
    v2: T.vector([4, 8], T.f32, [false, true]),
    v3: T.vector([4], T.f32, [true]),
    v4: T.vector([2, 4], T.f32, [true, true]),
    m1: T.memref([4, T.DYNAMIC], T.f32, A.StridedLayoutAttr.get(T.DYNAMIC, [T.DYNAMIC, 1]), A.intAttr(T.i64, 1)),
    m2: T.UnrankedMemRefType.get(T.f32),
    m3: T.UnrankedMemRefType.get(T.f32, A.intAttr(T.i64, 3)),
    m4: T.memref([4], T.f32, identity1),
    m6: T.memref([4], T.f32, plusOne),
    m7: T.memref([], T.f32),
    m8: T.memref([4], T.f32, undefined, A.strAttr("gpu")),
    m9: T.memref([4], T.f32, undefined, A.intAttr(T.i32, 1)),
    m10: T.memref([4, 4], T.f32, A.StridedLayoutAttr.get(0, [4, 1])),
    o1: T.OpaqueType.get("foo", "bar"),
    o2: T.OpaqueType.get("foo", 'bar<"a" >'),
  };
  const attrs = Object.fromEntries(Object.entries(types).map(([k, t]) => [k, A.typeAttr(t)]));
  check(moduleOf([op("test.a", { attributes: attrs })]), { generic: true }, `#map = affine_map<(d0) -> (d0 + 1)>
#map1 = affine_map<(d0) -> (d0)>
"builtin.module"() ({
  "test.a"() {f1 = () -> (), f2 = (i32) -> i32, f3 = (i32, f32) -> (i32, f32), f4 = () -> (() -> ()), f5 = (() -> i32) -> ((i32) -> i32), m1 = memref<4x?xf32, strided<[?, 1], offset: ?>, 1>, m10 = memref<4x4xf32, strided<[4, 1]>>, m2 = memref<*xf32>, m3 = memref<*xf32, 3>, m4 = memref<4xf32>, m6 = memref<4xf32, #map>, m7 = memref<f32>, m8 = memref<4xf32, "gpu">, m9 = memref<4xf32, 1 : i32>, o1 = !foo.bar, o2 = !foo.bar<"a" >, t1 = si8, t2 = ui16, t3 = i1, t4 = f80, t5 = f128, t6 = none, t7 = complex<f32>, t8 = tuple<>, t9 = tuple<i32, tuple<f32>>, tn1 = tensor<?x4xf32>, tn2 = tensor<*xf32>, tn3 = tensor<f32>, tn4 = tensor<4xf32, #foo.enc>, tn5 = tensor<4xf32, "enc">, tn6 = tensor<0x?xi8, #map1>, v1 = vector<4xf32>, v2 = vector<4x[8]xf32>, v3 = vector<[4]xf32>, v4 = vector<[2x4]xf32>} : () -> ()
}) : () -> ()
`);
});

test("dense elements: nesting, splats, booleans, f16/bf16 bits, unsigned, empty, hex above 100 elements", () => {
  const seq = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));
  const d = (shape: number[], elem: T.Type, data: A.DenseStorage): A.DenseElementsAttr => A.DenseElementsAttr.get(T.tensor(shape, elem), data);
  const f16Bits = (xs: number[]): Uint16Array => Uint16Array.from(xs);
  const attrs: Record<string, A.Attribute> = {
    d1: d([2, 2], T.i32, Int32Array.from([1, 2, 3, 4])),
    d2: A.DenseElementsAttr.splat(T.tensor([3, 2], T.i32), 5),
    d3: d([2], T.i1, Uint8Array.from([1, 0])),
    d4: A.DenseElementsAttr.splat(T.tensor([], T.f32), 1),
    d5: d([2], T.f16, f16Bits([0x3c00, 0x4100])),
    d6: d([2], T.bf16, f16Bits([0x3f80, 0x4020])),
    d7: d([2], T.IntegerType.get(8, "unsigned"), Uint8Array.from([255, 1])),
    d8: d([2], T.i8, Int8Array.from([-1, 1])),
    d9: d([0], T.i32, new Int32Array(0)),
    d10: d([101], T.i32, Int32Array.from(seq(101, (i) => i))),
    d11: d([100], T.i32, Int32Array.from(seq(100, (i) => i))),
    d12: d([101], T.i1, Uint8Array.from(seq(101, (i) => (i % 3 === 0 ? 1 : 0)))),
    d13: A.DenseElementsAttr.get(T.vector([2, 1, 1], T.i64), BigInt64Array.from([1n, 2n])),
    d14: d([101], T.i16, Int16Array.from(seq(101, (i) => i))),
    d15: d([101], T.f64, Float64Array.from(seq(101, (i) => i + 0.5))),
    d17: A.DenseElementsAttr.splat(T.tensor([4], T.i1), 1),
    d18: d([2], T.index, BigInt64Array.from([1n, 2n])),
    d19: d([2], T.IntegerType.get(3), Int8Array.from([1, 2])),
    d20: d([101], T.i8, Int8Array.from(seq(101, (i) => i))),
    d21: d([101], T.IntegerType.get(48), BigInt64Array.from(seq(101, (i) => i).map(BigInt))),
    d23: d([0, 2], T.i8, new Int8Array(0)),
  };
  const text = printOp(moduleOf([op("test.a", { attributes: attrs })]), { generic: true });
  const expectedParts = [
    "d1 = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>",
    'd10 = dense<"0x0000000001000000020000000300000004000000',
    "d11 = dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,",
    "95, 96, 97, 98, 99]> : tensor<100xi32>",
    'd12 = dense<"0x49922449922449922449922409"> : tensor<101xi1>',
    "d13 = dense<[[[1]], [[2]]]> : vector<2x1x1xi64>",
    'd14 = dense<"0x00000100020003000400',
    'd15 = dense<"0x000000000000E03F000000000000F83F',
    "d17 = dense<true> : tensor<4xi1>",
    "d18 = dense<[1, 2]> : tensor<2xindex>",
    "d19 = dense<[1, 2]> : tensor<2xi3>",
    "d2 = dense<5> : tensor<3x2xi32>",
    `d20 = dense<"0x000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F6061626364"> : tensor<101xi8>`,
    'd21 = dense<"0x000000000000010000000000020000000000',
    "d23 = dense<> : tensor<0x2xi8>",
    "d3 = dense<[true, false]> : tensor<2xi1>",
    "d4 = dense<1.000000e+00> : tensor<f32>",
    "d5 = dense<[1.000000e+00, 2.500000e+00]> : tensor<2xf16>",
    "d6 = dense<[1.000000e+00, 2.500000e+00]> : tensor<2xbf16>",
    "d7 = dense<[255, 1]> : tensor<2xui8>",
    "d8 = dense<[-1, 1]> : tensor<2xi8>",
    "d9 = dense<> : tensor<0xi32>",
  ];
  for (const part of expectedParts) assert.ok(text.includes(part), `missing ${part}`);
  const again = mlirOpt(text, { generic: true });
  if (again !== undefined) assert.fixture(again, `${text}\n`);
});

test("dense_resource: the resource section lists referenced blobs in print order", () => {
  const ctx = new Context();
  const blob = (alignment: number, bytes: number[]): A.ResourceBlob => ({ alignment, data: Uint8Array.from(bytes) });
  const res = (name: string, b?: A.ResourceBlob): A.DenseResourceElementsAttr => {
    const h = ctx.resource(name);
    h.blob = b;
    return A.DenseResourceElementsAttr.get(T.tensor([1], T.i8), h);
  };
  const inner = new Block();
  inner.append(op("test.d", { attributes: { r: res("mid", blob(1, [5])) } }));
  const ops = [
    op("test.b", { attributes: { r3: res("zeta", blob(16, [6])), unset: res("unset") } }),
    op("test.a", { attributes: { r: res("alpha", blob(1, [5])) } }),
    op("test.c", { regions: [oneBlockRegion(inner)], attributes: { r: res("beta", blob(1, [5])) } }),
  ];
  check(moduleOf(ops), { generic: true }, `"builtin.module"() ({
  "test.b"() {r3 = dense_resource<zeta> : tensor<1xi8>, unset = dense_resource<unset> : tensor<1xi8>} : () -> ()
  "test.a"() {r = dense_resource<alpha> : tensor<1xi8>} : () -> ()
  "test.c"() ({
    "test.d"() {r = dense_resource<mid> : tensor<1xi8>} : () -> ()
  }) {r = dense_resource<beta> : tensor<1xi8>} : () -> ()
}) : () -> ()

{-#
  dialect_resources: {
    builtin: {
      zeta: "0x1000000006",
      alpha: "0x0100000005",
      mid: "0x0100000005",
      beta: "0x0100000005"
    }
  }
#-}
`);
});

// ---- debug info --------------------------------------------------------------------------------------------

test("debug info: location aliases sorted by depth, deferred ones after the module", () => {
  const body = new Block([T.i32, T.i32], [nameLoc("argloc"), fileLoc("x.mlir", 3, 4)]);
  const a = nameLoc("a");
  const c = fileLoc("c", 1, 2);
  const ops = [
    op("test.in", { attributes: { m: A.AffineMapAttr.get(AffineMap.get(1, 0, [affineAdd(affineDim(0), 1)])) }, loc: CallSiteLoc.get(a, nameLoc("b")) }),
    op("test.in", { loc: FusedLoc.raw([a, c], A.AffineMapAttr.get(AffineMap.get(1, 0, [affineMul(affineDim(0), 2)]))) }),
    op("test.in", { loc: FusedLoc.get([a, c]) }),
    op("test.in", { loc: nameLoc("n", fileLoc("f", 1, 1)) }),
    op("test.in", { loc: a }),
    op("test.in", { loc: unknownLoc() }),
  ];
  for (const o of ops) body.append(o);
  const top = op("test.a", {
    regions: [oneBlockRegion(body)],
    attributes: { m: A.AffineMapAttr.get(AffineMap.identity(1)) },
    loc: fileLoc("top.mlir", 1, 1),
  });
  check(moduleOf([top], fileLoc("c.mlir", 0, 0)), { generic: true, debugInfo: true }, `#loc2 = loc("argloc")
#loc3 = loc("x.mlir":3:4)
#map = affine_map<(d0) -> (d0 + 1)>
#map2 = affine_map<(d0) -> (d0)>
"builtin.module"() ({
  "test.a"() ({
  ^bb0(%arg0: i32 loc("argloc"), %arg1: i32 loc("x.mlir":3:4)):
    "test.in"() {m = #map} : () -> () loc(#loc9)
    "test.in"() : () -> () loc(#loc10)
    "test.in"() : () -> () loc(#loc11)
    "test.in"() : () -> () loc(#loc12)
    "test.in"() : () -> () loc(#loc4)
    "test.in"() : () -> () loc(#loc8)
  }) {m = #map2} : () -> () loc(#loc1)
}) : () -> () loc(#loc)
#loc = loc("c.mlir":0:0)
#loc1 = loc("top.mlir":1:1)
#loc4 = loc("a")
#loc5 = loc("b")
#loc6 = loc("c":1:2)
#loc7 = loc("f":1:1)
#loc8 = loc(unknown)
#map1 = affine_map<(d0) -> (d0 * 2)>
#loc9 = loc(callsite(#loc4 at #loc5))
#loc10 = loc(fused<#map1>[#loc4, #loc6])
#loc11 = loc(fused[#loc4, #loc6])
#loc12 = loc("n"(#loc7))
`);
});

test("debug info: an alias reached from an attribute is printed up front, even if a location used it first", () => {
  const m = (k: number): A.AffineMapAttr => A.AffineMapAttr.get(AffineMap.get(1, 0, [affineMul(affineDim(0), k)]));
  const arr = A.arrayAttr([m(7)]);
  const ops = [
    op("test.a", { loc: FusedLoc.raw([nameLoc("a")], arr) }),
    op("test.b", { loc: nameLoc("q"), attributes: { x: arr, y: nameLoc("a"), z: nameLoc("q") } }),
    op("test.c", { loc: FusedLoc.raw([nameLoc("z")], m(9)) }),
    op("test.d", { loc: nameLoc("zz"), attributes: { m: m(9) } }),
  ];
  check(moduleOf(ops, fileLoc("k.mlir", 0, 0)), { generic: true, debugInfo: true }, `#loc1 = loc("a")
#loc2 = loc("q")
#map = affine_map<(d0) -> (d0 * 7)>
#map1 = affine_map<(d0) -> (d0 * 9)>
"builtin.module"() ({
  "test.a"() : () -> () loc(#loc6)
  "test.b"() {x = [#map], y = #loc1, z = #loc2} : () -> () loc(#loc2)
  "test.c"() : () -> () loc(#loc5)
  "test.d"() {m = #map1} : () -> () loc(#loc4)
}) : () -> () loc(#loc)
#loc = loc("k.mlir":0:0)
#loc3 = loc("z")
#loc4 = loc("zz")
#loc5 = loc(fused<#map1>[#loc3])
#loc6 = loc(fused<[#map]>[#loc1])
`);
});

// ---- custom forms ------------------------------------------------------------------------------------------

/** Gives an op class the OpInfo that defineOp would. */
function registered(name: string, asm: OpAsmHooks | undefined, more: Partial<OpInfo> = {}): typeof Operation {
  const info: OpInfo = { name, dialect: name.slice(0, name.indexOf(".")), summary: "", traits: new Set(), asm, ...more };
  return class extends Operation {
    static override info = info;
  };
}
const noParse = (): never => {
  throw new Error("not used");
};
const Module = registered("builtin.module", {
  print: (o, p) => {
    p.print(" ");
    p.printRegion(o.regions[0] as Region, { printEntryBlockArgs: false, printBlockTerminators: false });
  },
  parse: noParse,
}, { defaultDialect: "builtin" });
const Func = registered("func.func", {
  print: (o, p) => {
    const body = (o.regions[0] as Region).entry as Block;
    const type = (o.attr("function_type") as A.TypeAttr).value as T.FunctionType;
    p.print(" ");
    p.printSymbolName((o.attr("sym_name") as A.StringAttr).value);
    p.print("(");
    body.args.forEach((a, i) => {
      if (i > 0) p.print(", ");
      p.printRegionArgument(a);
    });
    p.print(")");
    p.printOptionalArrowTypeList(type.results);
    p.print(" ");
    p.printRegion(o.regions[0] as Region, { printEntryBlockArgs: false });
  },
  parse: noParse,
}, { defaultDialect: "func" });
const terminator = { traits: new Set([Terminator]) };
const Return = registered("func.return", {
  print: (o, p) => {
    if (o.numOperands === 0) return;
    p.print(" ");
    p.printOperands(o.operands);
    p.print(" : ");
    p.printTypes(o.operands.map((v) => v.type));
  },
  parse: noParse,
}, terminator);
const ConstantOp = registered("arith.constant", {
  print: (o, p) => {
    p.print(" ");
    p.printAttribute(o.attr("value") as A.Attribute);
  },
  parse: noParse,
}, {
  resultNames: (o) => {
    const v = o.attr("value");
    const t = o.results[0]?.type;
    if (!(v instanceof A.IntegerAttr)) return ["cst"];
    if (t instanceof T.IntegerType && t.width === 1) return [v.value !== 0n ? "true" : "false"];
    return [t instanceof T.IntegerType ? `c${v.value}_${printType(t)}` : `c${v.value}`];
  },
});
const AddIOp = registered("arith.addi", {
  print: (o, p) => {
    p.print(" ");
    p.printOperands(o.operands);
    p.print(" : ");
    p.printType(o.results[0]?.type as T.Type);
  },
  parse: noParse,
});
const Br = registered("cf.br", {
  print: (o, p) => {
    p.print(" ");
    p.printSuccessorAndUseList(o.successors[0] as Block, o.operands);
  },
  parse: noParse,
}, terminator);
const ExecuteRegion = registered("scf.execute_region", {
  print: (o, p) => {
    p.printOptionalArrowTypeList(o.resultTypes);
    p.print(" ");
    p.printRegion(o.regions[0] as Region);
  },
  parse: noParse,
});
const Yield = registered("scf.yield", {
  print: (o, p) => {
    p.print(" ");
    p.printOperands(o.operands);
    p.print(" : ");
    p.printTypes(o.operands.map((v) => v.type));
  },
  parse: noParse,
}, terminator);

test("custom forms: result names and conflicts per region, default dialect, block arguments", () => {
  const constant = (value: A.Attribute, type: T.Type): Operation =>
    ConstantOp.create({ resultTypes: [type], attributes: { value } });
  const i32c = (v: number): Operation => constant(A.intAttr(T.i32, v), T.i32);
  const entry = new Block([T.i32]);
  const next = new Block([T.i32]);
  const fn = Func.create({
    regions: [new Region([entry, next])],
    attributes: { sym_name: A.strAttr("f"), function_type: A.typeAttr(T.fn([T.i32], [T.i32])) },
  });
  const c1 = i32c(1);
  entry.append(c1);
  entry.append(i32c(1));
  for (const extra of [[], [2]]) {
    const b = new Block();
    const first = i32c(1);
    b.append(first);
    for (const v of extra) b.append(i32c(v));
    b.append(Yield.create({ operands: [res(first, 0)] }));
    entry.append(ExecuteRegion.create({ regions: [oneBlockRegion(b)], resultTypes: [T.i32] }));
  }
  entry.append(constant(A.boolAttr(true), T.i1));
  entry.append(constant(A.boolAttr(false), T.i1));
  entry.append(constant(A.floatAttr(T.f32, 1), T.f32));
  entry.append(constant(A.intAttr(T.i8, -5), T.i8));
  entry.append(constant(A.intAttr(T.index, 0), T.index));
  const u = op("test.u", { resultTypes: [T.i32, T.i32, T.i32] });
  entry.append(u);
  entry.append(op("test.use", { operands: [res(u, 2)] }));
  entry.append(Br.create({ operands: [entry.arg(0)], successors: [next] }));
  const add = AddIOp.create({ operands: [next.arg(0), res(c1, 0)], resultTypes: [T.i32] });
  next.append(add);
  next.append(Return.create({ operands: [res(add, 0)] }));
  const body = new Block();
  body.append(fn);
  const mod = Module.create({ regions: [oneBlockRegion(body)] });
  const custom = `module {
  func.func @f(%arg0: i32) -> i32 {
    %c1_i32 = arith.constant 1 : i32
    %c1_i32_0 = arith.constant 1 : i32
    %0 = scf.execute_region -> i32 {
      %c1_i32_1 = arith.constant 1 : i32
      scf.yield %c1_i32_1 : i32
    }
    %1 = scf.execute_region -> i32 {
      %c1_i32_1 = arith.constant 1 : i32
      %c2_i32 = arith.constant 2 : i32
      scf.yield %c1_i32_1 : i32
    }
    %true = arith.constant true
    %false = arith.constant false
    %cst = arith.constant 1.000000e+00 : f32
    %c-5_i8 = arith.constant -5 : i8
    %c0 = arith.constant 0 : index
    %2:3 = "test.u"() : () -> (i32, i32, i32)
    "test.use"(%2#2) : (i32) -> ()
    cf.br ^bb1(%arg0 : i32)
  ^bb1(%3: i32):  // pred: ^bb0
    %4 = arith.addi %3, %c1_i32 : i32
    return %4 : i32
  }
}
`;
  check(mod, {}, custom);
  // The generic form ignores result names and default dialects; it is what mlir-opt prints for the custom text.
  const generic = printOp(mod, { generic: true });
  assert.ok(generic.includes('%1 = "arith.constant"() {value = 1 : i32} : () -> i32'));
  assert.ok(generic.includes('"func.return"(%11) : (i32) -> ()'), generic);
  const oracleGeneric = mlirOpt(custom, { generic: true });
  if (oracleGeneric !== undefined) assert.fixture(oracleGeneric, `${generic}\n`);
  // With debug info, function arguments print their locations inline.
  const withLocs = printOp(mod, { debugInfo: true });
  assert.ok(withLocs.includes("func.func @f(%arg0: i32 loc(unknown)) -> i32 {"), withLocs);
  assert.ok(withLocs.includes("#loc = loc(unknown)"));
});

test("result names on later results start result groups", () => {
  const Multi = registered("test.multi", { print: () => {}, parse: noParse }, { resultNames: () => ["a", undefined, "b", undefined] });
  const m = Multi.create({ resultTypes: [T.i32, T.i32, T.i32, T.i32] });
  const use = op("test.use", { operands: [...m.results] });
  const named = Multi.create({ resultTypes: [T.i32] });
  const odd = registered("test.odd", { print: () => {}, parse: noParse }, { resultNames: () => ["9 lives", "x"] }).create({ resultTypes: [T.i32, T.i32] });
  const useOdd = op("test.use", { operands: [...odd.results] });
  assert.fixture(printOp(moduleOf([m, use, named, odd, useOdd])), `"builtin.module"() ({
  %a:2, %b:2 = test.multi
  "test.use"(%a#0, %a#1, %b#0, %b#1) : (i32, i32, i32, i32) -> ()
  %a_0 = test.multi
  %_9_lives, %x = test.odd
  "test.use"(%_9_lives, %x) : (i32, i32) -> ()
}) : () -> ()
`);
});

test("OpAsmPrinter helpers: elided attribute dictionaries, keywords, symbols, locations, indentation", () => {
  const Custom = registered("test.custom", {
    print: (o, p) => {
      p.print(" ");
      p.printSymbolName("my sym");
      p.printOptionalAttrDict(o.attributes, ["skip"]);
      p.printOptionalAttrDictWithKeyword(o.attributes, ["skip", "b", "a"]);
      p.printOptionalAttrDictWithKeyword(o.attributes, ["skip"]);
      p.print(" ");
      p.printKeywordOrString("not bare");
      p.printFunctionalType([T.i32], [T.fn([], [T.i32])]);
      p.printOptionalArrowTypeList([]);
      p.printArrowTypeList([]);
      p.increaseIndent();
      p.printNewline();
      p.printAttributeWithoutType(A.intAttr(T.i32, 3));
      p.decreaseIndent();
      p.printOptionalLocationSpecifier(nameLoc("spec"));
    },
    parse: noParse,
  });
  const c = Custom.create({ attributes: { skip: A.unitAttr(), b: A.unitAttr(), a: A.intAttr(T.i8, 1) }, loc: nameLoc("op") });
  const mod = moduleOf([c]);
  assert.is(printOp(c), 'test.custom @"my sym" {a = 1 : i8, b} attributes {a = 1 : i8, b} "not bare"(i32) -> (() -> i32) -> ()\n  3');
  assert.fixture(printOp(mod, { debugInfo: true }), `#loc2 = loc("spec")
"builtin.module"() ({
  test.custom @"my sym" {a = 1 : i8, b} attributes {a = 1 : i8, b} "not bare"(i32) -> (() -> i32) -> ()
    3 loc(#loc2) loc(#loc1)
}) : () -> () loc(#loc)
#loc = loc(unknown)
#loc1 = loc("op")
`);
});

test("printRegion can leave out terminators and the entry block header", () => {
  const Wrap = registered("test.wrap", {
    print: (o, p) => {
      p.print(" ");
      p.printRegion(o.regions[0] as Region, { printEntryBlockArgs: false, printBlockTerminators: false });
    },
    parse: noParse,
  });
  const b = new Block([T.i32]);
  b.append(op("test.x", { operands: [b.arg(0)] }));
  b.append(Yield.create({ operands: [b.arg(0)] }));
  assert.fixture(printOp(Wrap.create({ regions: [oneBlockRegion(b)] })), `test.wrap {
  "test.x"(%arg0) : (i32) -> ()
}
`);
});

// ---- printing parts ----------------------------------------------------------------------------------------

test("a nested op prints alone, named as in its whole tree (or its isolated scope), without aliases", () => {
  const Isolated = registered("test.iso", undefined, { traits: new Set([IsolatedFromAbove]) });
  const before = op("test.before", { resultTypes: [T.i32] });
  const body = new Block([T.i32]);
  const first = op("test.first", { resultTypes: [T.i32] });
  const second = op("test.second", {
    operands: [body.arg(0), res(first, 0), res(before, 0)],
    attributes: { m: A.AffineMapAttr.get(AffineMap.identity(2)) },
    loc: fileLoc("f.mlir", 2, 3),
  });
  body.append(first);
  body.append(second);
  const iso = Isolated.create({ regions: [oneBlockRegion(body)] });
  moduleOf([op("test.zero", { resultTypes: [T.i32] }), before, iso]);
  const tail = "{m = affine_map<(d0, d1) -> (d0, d1)>} : (i32, i32, i32) -> ()";
  assert.is(printOp(second), `"test.second"(%arg0, %2, %1) ${tail}`);
  assert.is(printOp(second, { debugInfo: true }), `"test.second"(%arg0, %2, %1) ${tail} loc("f.mlir":2:3)`);
  assert.is(printOp(second, { localScope: true }), `"test.second"(%arg0, %0, <<UNKNOWN SSA VALUE>>) ${tail}`);
});

test("standalone types, attributes and locations", () => {
  assert.is(printType(T.f32), "f32");
  assert.is(printType(T.memref([T.DYNAMIC, 4], T.IntegerType.get(8, "unsigned"))), "memref<?x4xui8>");
  assert.is(printAttribute(A.intAttr(T.i64, 42)), "42 : i64");
  assert.is(printAttribute(A.AffineMapAttr.get(AffineMap.identity(1))), "affine_map<(d0) -> (d0)>");
  assert.is(printAttribute(A.floatAttr(T.f64, 0.1)), "1.000000e-01 : f64");
  assert.is(printAttribute(A.floatAttr(T.f32, Number.POSITIVE_INFINITY)), "0x7F800000 : f32");
  assert.is(printLocation(CallSiteLoc.get(nameLoc("callee"), fileLoc("a.mlir", 3, 4))), 'loc(callsite("callee" at "a.mlir":3:4))');
  assert.is(printLocation(FusedLoc.raw([nameLoc("x")], A.strAttr("meta"))), 'loc(fused<"meta">["x"])');
  assert.is(printLocation(nameLoc("n", unknownLoc())), 'loc("n")');
});

test("dialect types and attributes print themselves, pretty or quoted, without a context", () => {
  class Ptr extends T.DialectType {
    readonly dialect = "toy";
    readonly mnemonic = "ptr";
    override print(p: DialectAsmPrinter): void {
      p.print("<");
      p.printType(T.f32);
      p.print(">");
    }
  }
  class Bare extends T.DialectType {
    readonly dialect = "toy";
    readonly mnemonic = "bare";
  }
  class Odd extends T.DialectType {
    readonly dialect = "toy";
    readonly mnemonic = "1";
    override print(p: DialectAsmPrinter): void {
      p.print(" x");
    }
  }
  const ptr = new Ptr(-1);
  assert.is(printType(ptr, new Context([{ name: "toy", ops: [] }])), "!toy.ptr<f32>");
  assert.is(printType(ptr), "!toy.ptr<f32>");
  assert.is(printType(T.tensor([2], ptr)), "tensor<2x!toy.ptr<f32>>");
  assert.is(printType(new Bare(-2)), "!toy.bare");
  assert.is(printType(new Odd(-3)), "!toy<1 x>");
});

test("strings, keywords and SSA names are escaped as MLIR does", () => {
  assert.is(escapeString('a"b\\c\n\x7fé'), "a\\22b\\\\c\\0A\\7F\\C3\\A9");
  assert.is(keywordOrString("sym_name"), "sym_name");
  assert.is(keywordOrString("a.b$c"), "a.b$c");
  assert.is(keywordOrString("1x"), '"1x"');
  assert.is(keywordOrString(""), '""');
  assert.is(sanitizeIdentifier("c-5_i8"), "c-5_i8");
  assert.is(sanitizeIdentifier("9a"), "_9a");
  assert.is(sanitizeIdentifier("a b#\n"), "a_b23A");
});

// ---- fixes found by review ---------------------------------------------------------------------------------

test("bytes that were not UTF-8 (held as U+DC80+byte by the lexer) print back as those bytes", () => {
  assert.is(escapeString("a\udcffb"), "a\\FFb");
  assert.is(escapeString("\udce2\udc82"), "\\E2\\82");
  assert.is(escapeString("\u00e9\udc80"), "\\C3\\A9\\80");
  assert.is(printAttribute(A.strAttr("x\udc80\udcfe")), '"x\\80\\FE"');
});

test("float attributes hold and print their exact bits: signalling NaNs, NaN payloads, negative NaNs", () => {
  const snan = A.FloatAttr.fromBits(T.f32, 0x7f800001n);
  assert.is(snan.bits, 0x7f800001n);
  assert.ok(Number.isNaN(snan.value));
  assert.is(printAttribute(snan), "0x7F800001 : f32");
  assert.is.not(snan, A.FloatAttr.fromBits(T.f32, 0x7fc00001n));
  assert.is(printAttribute(A.FloatAttr.fromBits(T.f64, 0x7ff0000000000001n)), "0x7FF0000000000001 : f64");
  assert.is(printAttribute(A.FloatAttr.fromBits(T.f16, 0xfc01n)), "0xFC01 : f16");
  assert.is(printAttribute(A.FloatAttr.fromBits(T.bf16, 0x7f81n)), "0x7F81 : bf16");
  // Only the type's width counts, and `get` rounds a number to the type: one attribute per float of the type.
  assert.is(A.FloatAttr.fromBits(T.f16, 0x13c00n), A.FloatAttr.get(T.f16, 1));
  assert.is(A.FloatAttr.get(T.f32, 0.1), A.FloatAttr.fromBits(T.f32, 0x3dcccccdn));
  assert.is(A.FloatAttr.get(T.f32, 1.5).bits, 0x3fc00000n);
  assert.is(A.FloatAttr.get(T.f64, -0).bits, 0x8000000000000000n);
});

test("memref memory space 0 is the default and is dropped, as MLIR does", () => {
  assert.is(printType(T.memref([4], T.f32, undefined, A.intAttr(T.i64, 0))), "memref<4xf32>");
  assert.is(T.memref([4], T.f32, undefined, A.intAttr(T.i32, 0)), T.memref([4], T.f32));
  assert.is(T.memref([4], T.f32, undefined, A.intAttr(T.i32, 0)).memorySpace, undefined);
  assert.is(printType(T.UnrankedMemRefType.get(T.f32, A.intAttr(T.i8, 0))), "memref<*xf32>");
  assert.is(printType(T.memref([4], T.f32, undefined, A.intAttr(T.i64, 1))), "memref<4xf32, 1>");
  assert.is(printType(T.memref([4], T.f32, undefined, A.intAttr(T.i32, 0))), "memref<4xf32>");
});

test("layouts MLIR 16 cannot express or verify are refused with a RangeError saying why", () => {
  const refused = (f: () => unknown, message: RegExp): void =>
    assert.throws(f, (e: unknown) => e instanceof RangeError && message.test(e.message));
  refused(() => T.vector([4, 8], T.f32, [true, false]), /scalable vector dimensions must be a trailing run/);
  refused(() => T.vector([2, 4, 8], T.f32, [false, true, false]), /trailing run/);
  assert.is(printType(T.vector([2, 4, 8], T.f32, [false, true, true])), "vector<2x[4x8]xf32>");
  refused(() => A.StridedLayoutAttr.get(0, [4, 0]), /^strides must not be zero$/);
  assert.is(printAttribute(A.StridedLayoutAttr.get(T.DYNAMIC, [T.DYNAMIC, -1])), "strided<[?, -1], offset: ?>");
  refused(() => T.memref([4, 4], T.f32, A.StridedLayoutAttr.get(0, [1])), /^expected the number of strides to match the rank$/);
  refused(
    () => T.memref([4], T.f32, A.AffineMapAttr.get(AffineMap.identity(2))),
    /^memref layout mismatch between rank and affine map: 1 != 2$/,
  );
});

test("fused locations simplify as MLIR 16's FusedLoc::get does", () => {
  const [a, b, c] = [nameLoc("a"), nameLoc("b"), nameLoc("c")];
  const m = A.strAttr("m");
  assert.is(FusedLoc.get([]), unknownLoc());
  assert.is(FusedLoc.get([a, unknownLoc(), a]), a);
  assert.is(printLocation(FusedLoc.get([], m)), 'loc(fused<"m">[unknown])');
  assert.is(printLocation(FusedLoc.get([unknownLoc()], m)), 'loc(fused<"m">[unknown])');
  assert.is(printLocation(FusedLoc.get([a], m)), 'loc(fused<"m">["a"])');
  // Nested fused locations are flattened only when their metadata is the outer one (absent counts).
  assert.is(printLocation(FusedLoc.get([FusedLoc.get([a, b], m), c], m)), 'loc(fused<"m">["a", "b", "c"])');
  assert.is(printLocation(FusedLoc.get([FusedLoc.get([a, b]), c], m)), 'loc(fused<"m">[fused["a", "b"], "c"])');
  assert.is(printLocation(FusedLoc.get([FusedLoc.get([a, b], m), c])), 'loc(fused[fused<"m">["a", "b"], "c"])');
  assert.is(printLocation(FusedLoc.get([a, FusedLoc.get([b, a])])), 'loc(fused["a", "b"])');
  assert.is(printLocation(FusedLoc.get([FusedLoc.get([], m), c], m)), 'loc(fused<"m">[unknown, "c"])');
});

test("a module of many ops prints whole and in order (the printer keeps its text in flat pieces past 16 KB)", () => {
  const count = 3000; // about 100 KB of text
  const ops = Array.from({ length: count }, (_, i) => op("my.op", { attributes: { n: A.IntegerAttr.get(T.i32, i) } }));
  const lines = Array.from({ length: count }, (_, i) => `  "my.op"() {n = ${i} : i32} : () -> ()\n`);
  const text = printOp(moduleOf(ops));
  assert.ok(text.length > 4 * 16384);
  assert.fixture(text, `"builtin.module"() ({\n${lines.join("")}}) : () -> ()\n`);
});

test.run();
