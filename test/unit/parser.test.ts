/**
 * The MLIR 16 parser: what it builds for each construct, and agreement with mlir-opt-16. Types and
 * attributes are checked on the built objects and by printing them back (the expected texts are what
 * mlir-opt-16 prints); whole files by comparing our generic print with mlir-opt-16's for the same input.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { arith } from "../../dialects/arith/index.ts";
import { AddIOp } from "../../dialects/arith/ops-int.ts";
import { builtin } from "../../dialects/builtin/index.ts";
import { func } from "../../dialects/func/index.ts";
import { math } from "../../dialects/math/index.ts";
import { type Diagnostic, renderDiagnostic } from "../../src/diag/diagnostic.ts";
import * as A from "../../src/ir/attributes.ts";
import { Context, type DialectInfo } from "../../src/ir/context.ts";
import { CallSiteLoc, FileLineColLoc, FusedLoc, NameLoc, UnknownLoc } from "../../src/ir/location.ts";
import { type Block, Operation, Region } from "../../src/ir/operation.ts";
import { IsolatedFromAbove } from "../../src/ir/traits.ts";
import * as T from "../../src/ir/types.ts";
import { intern } from "../../src/ir/uniquer.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { region } from "../../src/irdl/spec.ts";
import type { OpAsmParser, OperationState } from "../../src/text/asm-interfaces.ts";
import { parseAttribute, parseSource, parseType } from "../../src/text/parser.ts";
import { printAttribute, printOp, printType } from "../../src/text/printer.ts";
import { validSamples } from "./parser-samples.ts";

// ---- helpers -----------------------------------------------------------------------------------------------

const newCtx = (allowUnregistered = true): Context => new Context([builtin, func, arith], { allowUnregisteredDialects: allowUnregistered });

function right<T>(r: E.Either<Diagnostic, T>): T {
  if (E.isLeft(r)) throw new Error(`unexpected parse error: ${renderDiagnostic(r.left)}`);
  return r.right;
}
const ty = (s: string, ctx = newCtx()): T.Type => right(parseType(s, ctx));
const at = (s: string, ctx = newCtx()): A.Attribute => right(parseAttribute(s, ctx));
const src = (s: string, ctx = newCtx()): Operation => right(parseSource(s, ctx, { file: "t.mlir" }));
const errorOf = (r: E.Either<Diagnostic, unknown>): string => (E.isLeft(r) ? renderDiagnostic(r.left).split("\n")[0] ?? "" : "parsed");

/** The ops of the top-level module's body. */
const bodyOps = (module: Operation): Operation[] => module.getRegion(0).block.operations;

const hasMlirOpt = spawnSync("mlir-opt-16", ["--version"]).status === 0;

// ---- types -------------------------------------------------------------------------------------------------

test("scalar types are the interned builtin types", () => {
  assert.is(ty("i32"), T.i32);
  assert.is(ty("index"), T.index);
  assert.is(ty("f16"), T.f16);
  assert.is(ty("bf16"), T.bf16);
  assert.is(ty("none"), T.none);
  assert.is(ty("si8"), T.IntegerType.get(8, "signed"));
  assert.is(ty("ui16"), T.IntegerType.get(16, "unsigned"));
  assert.is(ty("i0"), T.IntegerType.get(0));
  assert.is(ty("f80"), T.FloatType.get("f80"));
});

test("function, tuple and complex types", () => {
  assert.is(ty("(i32, f32) -> i1"), T.fn([T.i32, T.f32], [T.i1]));
  assert.is(ty("() -> ()"), T.fn([], []));
  assert.is(ty("(i32) -> (i32, (f32) -> f32)"), T.fn([T.i32], [T.i32, T.fn([T.f32], [T.f32])]));
  assert.is(ty("tuple<i32, tuple<>>"), T.TupleType.get([T.i32, T.TupleType.get([])]));
  assert.is(ty("complex<f64>"), T.ComplexType.get(T.f64));
});

test("tensors: static, dynamic, zero-sized, unranked, with an encoding", () => {
  assert.is(ty("tensor<4x?x0xf32>"), T.tensor([4, T.DYNAMIC, 0], T.f32));
  assert.is(ty("tensor<f32>"), T.tensor([], T.f32));
  assert.is(ty("tensor<*xi8>"), T.UnrankedTensorType.get(T.i8));
  assert.is(ty('tensor<2xf32, "enc">'), T.tensor([2], T.f32, A.strAttr("enc")));
  assert.is(ty("tensor<2 x 3 x f32>"), T.tensor([2, 3], T.f32));
});

test("vectors, with MLIR 16's trailing group of scalable dimensions", () => {
  assert.is(ty("vector<4x8xf32>"), T.vector([4, 8], T.f32));
  assert.is(ty("vector<f32>"), T.vector([], T.f32));
  assert.is(ty("vector<2x[4]xi8>"), T.vector([2, 4], T.i8, [false, true]));
  assert.is(ty("vector<[2x4]xf32>"), T.vector([2, 4], T.f32, [true, true]));
});

test("memrefs: layouts, memory spaces, and the defaults MLIR drops", () => {
  const strided = ty("memref<4x?xf32, strided<[?, 1], offset: 8>, 3>") as T.MemRefType;
  assert.equal(strided.shape, [4, T.DYNAMIC]);
  assert.is(strided.layout, A.StridedLayoutAttr.get(8, [T.DYNAMIC, 1]));
  assert.is(strided.memorySpace, A.intAttr(T.i64, 3));
  const mapped = ty("memref<4xf32, affine_map<(d0)[s0] -> (d0 * 2 + s0)>>") as T.MemRefType;
  assert.instance(mapped.layout, A.AffineMapAttr);
  assert.is(ty("memref<4xf32, affine_map<(d0) -> (d0)>, 0>"), T.memref([4], T.f32));
  assert.is(ty("memref<*xf32, 2>"), T.UnrankedMemRefType.get(T.f32, A.intAttr(T.i64, 2)));
  assert.is((ty('memref<2xf32, "gpu">') as T.MemRefType).memorySpace, A.strAttr("gpu"));
});

test("types print back as mlir-opt-16 prints them", () => {
  const canonical = [
    "i1", "si32", "ui64", "index", "f128", "none", "complex<i8>", "tuple<>", "tuple<i32, f32>", "(i32) -> ()",
    "() -> (i1, i2)", "(i32) -> ((f32) -> f32)", "tensor<2x?xf32>", "tensor<*xf32>", 'tensor<4xf32, "enc">', "vector<4x[8]xf32>",
    "vector<[2x4]xi1>", "memref<?xf32, strided<[?], offset: ?>>", "memref<2x3xf32, affine_map<(d0, d1) -> (d1, d0)>>",
    "memref<*xi8, 1>", "memref<2xf32, {a = 1 : i64}>",
  ];
  for (const text of canonical) assert.is(printType(ty(text)), text);
  assert.is(printType(ty("vector<1 x f32>")), "vector<1xf32>");
  assert.is(printType(ty("memref<4xf32, affine_map<(d0) -> (d0)>>")), "memref<4xf32>");
});

test("type aliases, defined before use", () => {
  const m = src('!t = tensor<2xf32>\n!u = !t\n"my.a"() {x = !u} : () -> ()');
  assert.is(((bodyOps(m)[0] as Operation).attr("x") as A.TypeAttr).value, T.tensor([2], T.f32));
});

// ---- dialect symbols ---------------------------------------------------------------------------------------

class PtrType extends T.DialectType {
  readonly dialect = "tt";
  readonly mnemonic = "ptr";
  private constructor(
    id: number,
    readonly pointee: T.Type,
  ) {
    super(id);
  }
  static get(pointee: T.Type): PtrType {
    return intern(`tt.ptr:${pointee.id}`, (id) => new PtrType(id, pointee));
  }
}

class TagAttr extends A.DialectAttr {
  readonly dialect = "tt";
  readonly mnemonic = "tag";
  private constructor(
    id: number,
    readonly tag: string,
    readonly type: T.Type | undefined,
  ) {
    super(id);
  }
  static get(tag: string, type?: T.Type): TagAttr {
    return intern(`tt.tag:${tag}:${type?.id ?? ""}`, (id) => new TagAttr(id, tag, type));
  }
}

const tt: DialectInfo = {
  name: "tt",
  ops: [],
  parseType: (p) => {
    p.parseKeyword("ptr");
    p.parsePunct("<");
    const pointee = p.parseType();
    p.parsePunct(">");
    return PtrType.get(pointee);
  },
  parseAttribute: (p, type) => {
    p.parseKeyword("tag");
    p.parsePunct("<");
    const tag = p.parseKeywordOrString();
    p.parsePunct(">");
    return TagAttr.get(tag, type);
  },
};

test("registered dialects parse their own types and attributes, nested in builtin ones", () => {
  const ctx = newCtx(false).load(tt);
  assert.is(ty("!tt.ptr<i32>", ctx), PtrType.get(T.i32));
  assert.is(ty("tensor<2x!tt.ptr<!tt.ptr<f32>>>", ctx), T.tensor([2], PtrType.get(PtrType.get(T.f32))));
  assert.is(at('#tt.tag<"a b">', ctx), TagAttr.get("a b"));
  assert.is(at("#tt.tag<x> : i32", ctx), TagAttr.get("x", T.i32));
  assert.match(errorOf(parseType("!tt.ptr", ctx)), "expected '<'");
  assert.match(errorOf(parseType("!tt.ptr<i32, i64>", ctx)), "expected '>'");
  assert.match(errorOf(parseType("!tt.vec<i32>", ctx)), "expected 'ptr'");
});

test("a hook that leaves part of its body unread is an error", () => {
  const lazy: DialectInfo = { name: "lz", ops: [], parseType: (p) => (p.parseKeyword(), T.i32) };
  const ctx = newCtx(false).load(lazy);
  assert.is(ty("!lz.anything", ctx), T.i32);
  assert.match(errorOf(parseType("!lz.a<b>", ctx)), "unexpected trailing characters in dialect symbol body");
});

test("unregistered dialects: opaque types and attributes when allowed, MLIR's error otherwise", () => {
  assert.is(ty('!foo.bar<"x" <y> [1]>'), T.OpaqueType.get("foo", 'bar<"x" <y> [1]>'));
  assert.is(ty('!foo<"x">'), T.OpaqueType.get("foo", '"x"'));
  assert.is(ty("!foo.bar"), T.OpaqueType.get("foo", "bar"));
  assert.is(at("#foo.a<1 -> 2>"), A.OpaqueAttr.get("foo", "a<1 -> 2>"));
  assert.is(printType(ty('!foo.bar<"x" <y> [1]>')), '!foo.bar<"x" <y> [1]>');
  const strict = newCtx(false);
  assert.match(errorOf(parseType("!foo.bar", strict)), '1:6: error: `!"foo"<"bar">` type created with unregistered dialect');
  assert.match(errorOf(parseAttribute('#foo<"x">', strict)), "1:1: error: #\"foo\"<\"\"x\"\"> : 'none' attribute created with unregistered dialect");
});

// ---- attributes --------------------------------------------------------------------------------------------

test("integers: default i64, explicit types, hex, and MLIR's two's-complement storage", () => {
  assert.is(at("42"), A.intAttr(T.i64, 42));
  assert.is(at("-7 : i8"), A.intAttr(T.i8, -7));
  assert.is((at("255 : i8") as A.IntegerAttr).value, -1n);
  assert.is((at("255 : ui8") as A.IntegerAttr).value, 255n);
  assert.is(at("0x1F : i16"), A.intAttr(T.i16, 31));
  assert.is(at("-1 : index"), A.intAttr(T.index, -1));
  assert.is(at("18446744073709551615 : i64"), A.intAttr(T.i64, -1));
  assert.is(at("true"), A.boolAttr(true));
  assert.is(at("false"), A.boolAttr(false));
});

test("floats: default f64, narrower kinds rounded, hex bit patterns", () => {
  assert.is(at("1.5"), A.floatAttr(T.f64, 1.5));
  assert.is(at("-2.5e-3 : f32"), A.floatAttr(T.f32, Math.fround(-2.5e-3)));
  assert.is(at("0.1 : f16"), A.floatAttr(T.f16, 0.0999755859375));
  assert.is(at("0x3C00 : f16"), A.floatAttr(T.f16, 1));
  assert.ok(Number.isNaN((at("0x7FC00000 : f32") as A.FloatAttr).value));
  assert.is(at("1.0e400"), A.floatAttr(T.f64, Infinity));
  assert.is(at("-0.0 : bf16"), A.floatAttr(T.bf16, -0));
});

test("strings, types, units, arrays and dictionaries", () => {
  assert.is(at('"a\\"b\\n"'), A.strAttr('a"b\n'));
  assert.is(at('"s" : i32'), A.StringAttr.get("s", T.i32));
  assert.is(at("tensor<2xf32>"), A.typeAttr(T.tensor([2], T.f32)));
  assert.is(at("unit"), A.unitAttr());
  assert.is(at('[1, "x", []]'), A.arrayAttr([A.intAttr(T.i64, 1), A.strAttr("x"), A.arrayAttr([])]));
  const dict = at('{z = 1, a, "q k" = i32}') as A.DictionaryAttr;
  assert.equal(dict.entries.map((e) => e.name), ["a", "q k", "z"]);
  assert.is(dict.get("a"), A.unitAttr());
});

test("symbol references, nested and quoted", () => {
  assert.is(at("@f"), A.symbolRef("f"));
  assert.is(at('@a::@b::@"c d"'), A.symbolRef("a", ["b", "c d"]));
  const m = src('"my.a"() {x = @a, y = @b} : () -> ()');
  assert.is((bodyOps(m)[0] as Operation).attr("y"), A.symbolRef("b"));
});

test("affine maps: named dims and symbols, precedence, MLIR's simplifications", () => {
  const cases: [string, string][] = [
    ["(i, j)[N] -> (i + N * 2 - j floordiv 4, -(i + j), i mod N, (j ceildiv 2) * 3)",
      "(d0, d1)[s0] -> (d0 + s0 * 2 - d1 floordiv 4, -(d0 + d1), d0 mod s0, (d1 ceildiv 2) * 3)"],
    ["(d0) -> (d0 - d0, d0 + d0 + d0, d0 - (d0 floordiv 8) * 8)", "(d0) -> (0, d0 * 3, d0 mod 8)"],
    ["(d0) -> (-(d0 + 1), - d0 * 3, -2 * d0)", "(d0) -> (-(d0 + 1), d0 * -3, d0 * -2)"],
    ["() -> (7 floordiv 2, -7 floordiv 2, 7 ceildiv 2, -7 mod 3, 2 + 3 * 4)", "() -> (3, -4, 4, 2, 14)"],
    ["(d0)[s0] -> (d0 floordiv s0, d0 mod 1, d0 floordiv 1, 0x10 + d0)", "(d0)[s0] -> (d0 floordiv s0, 0, d0, d0 + 16)"],
    ["(floordiv, mod) -> (floordiv + mod)", "(d0, d1) -> (d0 + d1)"],
    ["(d0) -> ()", "(d0) -> ()"],
  ];
  for (const [input, printed] of cases) {
    const attr = at(`affine_map<${input}>`) as A.AffineMapAttr;
    assert.is(printAttribute(attr), `affine_map<${printed}>`);
  }
  const map = (at("affine_map<(d0, d1)[s0] -> (d1, d0 + s0)>") as A.AffineMapAttr).map;
  assert.equal([map.numDims, map.numSymbols, map.numResults], [2, 1, 2]);
});

test("strided layouts and dense arrays", () => {
  assert.is(at("strided<[?, 1], offset: ?>"), A.StridedLayoutAttr.get(T.DYNAMIC, [T.DYNAMIC, 1]));
  assert.is(at("strided<[]>"), A.StridedLayoutAttr.get(0, []));
  assert.is(at("strided<[-2, 3], offset: -1>"), A.StridedLayoutAttr.get(-1, [-2, 3]));
  const ints = at("array<i64: 1, -2, 9223372036854775807>") as A.DenseArrayAttr;
  assert.equal(ints.values, [1n, -2n, 9223372036854775807n]);
  assert.equal((at("array<f32: 1.5, 0x3F800000>") as A.DenseArrayAttr).values, [1.5, 1]);
  assert.equal((at("array<i1: true, false>") as A.DenseArrayAttr).values, [-1n, 0n]);
  assert.equal((at("array<i16>") as A.DenseArrayAttr).values, []);
});

test("dense elements: nested lists, splats, bools, halves, hex", () => {
  const ints = at("dense<[[1, 2], [3, -4]]> : tensor<2x2xi32>") as A.DenseElementsAttr;
  assert.equal([...ints.data], [1, 2, 3, -4]);
  const splat = at("dense<1.5> : vector<4xf16>") as A.DenseElementsAttr;
  assert.ok(splat.isSplat);
  assert.equal([...splat.data], [0x3e00]);
  assert.equal([...(at("dense<[true, false, true]> : tensor<3xi1>") as A.DenseElementsAttr).data], [1, 0, 1]);
  const hex = at('dense<"0x0000803F00000040"> : tensor<2xf32>') as A.DenseElementsAttr;
  assert.equal([...hex.data], [1, 2]);
  assert.equal([...(at('dense<"0x0201"> : tensor<9xi1>') as A.DenseElementsAttr).data], [0, 1, 0, 0, 0, 0, 0, 0, 1]);
  assert.ok((at('dense<"0xFF"> : tensor<20xi1>') as A.DenseElementsAttr).isSplat);
  assert.equal([...(at('dense<"0xFFFF0100"> : tensor<2xui16>') as A.DenseElementsAttr).data], [65535, 1]);
  assert.equal([...(at("dense<[255, 1]> : tensor<2xi8>") as A.DenseElementsAttr).data], [-1, 1]);
  assert.equal([...(at("dense<[1, -1]> : tensor<2xindex>") as A.DenseElementsAttr).data], [1n, -1n]);
  assert.is((at("dense<> : tensor<0xi64>") as A.DenseElementsAttr).numElements, 0);
  const nan = at("dense<[0x7FC00001, 1.0]> : tensor<2xf32>") as A.DenseElementsAttr;
  assert.is(new Uint32Array(nan.data.buffer)[0], 0x7fc00001);
});

test("dense elements print back as mlir-opt-16 prints them", () => {
  const cases: [string, string][] = [
    ["dense<[[1,2],[3,4]]> : tensor<2x2xi8>", "dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>"],
    ["dense<1.0> : tensor<2xbf16>", "dense<1.000000e+00> : tensor<2xbf16>"],
    ['dense<"0x01000200"> : tensor<2xi16>', "dense<[1, 2]> : tensor<2xi16>"],
    ['dense<"0x0100"> : tensor<2xi16>', "dense<1> : tensor<2xi16>"],
    ["dense<[0x7FC00000, 1.0]> : tensor<2xf32>", "dense<[0x7FC00000, 1.000000e+00]> : tensor<2xf32>"],
    ["dense<true> : tensor<2xi1>", "dense<true> : tensor<2xi1>"],
  ];
  for (const [input, printed] of cases) assert.is(printAttribute(at(input)), printed);
});

test("dense_resource takes its bytes from the file's resource section, even when the section comes later", () => {
  const ctx = newCtx();
  const m = src(
    '"my.a"() {w = dense_resource<weights> : tensor<2xi32>} : () -> ()\n{-# dialect_resources: { builtin: { weights: "0x040000000100000002000000" } } #-}',
    ctx,
  );
  const attr = (bodyOps(m)[0] as Operation).attr("w") as A.DenseResourceElementsAttr;
  assert.is(attr.handle, ctx.resource("weights"));
  assert.is(attr.handle.blob?.alignment, 4);
  assert.equal([...(attr.handle.blob?.data ?? [])], [1, 0, 0, 0, 2, 0, 0, 0]);
  assert.is(attr.type, T.tensor([2], T.i32));
});

test("locations of every kind", () => {
  assert.is(at("loc(unknown)"), UnknownLoc.get());
  assert.is(at('loc("f.py":3:14)'), FileLineColLoc.get("f.py", 3, 14));
  assert.is(at('loc("n")'), NameLoc.get("n"));
  assert.is(at('loc("n"("f":1:2))'), NameLoc.get("n", FileLineColLoc.get("f", 1, 2)));
  assert.is(at('loc(callsite("a" at "b":1:1))'), CallSiteLoc.get(NameLoc.get("a"), FileLineColLoc.get("b", 1, 1)));
  assert.is(at('loc(fused<"m">["a", "b"])'), FusedLoc.raw([NameLoc.get("a"), NameLoc.get("b")], A.strAttr("m")));
  // Fusing drops unknown locations and unwraps a single one, as MLIR's FusedLoc::get does.
  assert.is(at('loc(fused["a", unknown])'), NameLoc.get("a"));
});

test("attribute aliases, also referenced inside other attributes and locations", () => {
  const m = src('#m = affine_map<(d0) -> (d0)>\n#l = loc("x":1:1)\n"my.a"() {a = [#m], b = loc(fused[#l, "y":2:2])} : () -> ()');
  const op = bodyOps(m)[0] as Operation;
  assert.instance((op.attr("a") as A.ArrayAttr).elements[0], A.AffineMapAttr);
  assert.instance(op.attr("b"), FusedLoc);
});

// ---- operations --------------------------------------------------------------------------------------------

test("generic ops: result groups, operands, attributes, regions, successors, types", () => {
  const m = src(`%0:2 = "my.pair"() {k = 1} : () -> (i32, f32)
"my.use"(%0#1, %0#0) : (f32, i32) -> ()
"my.region"() ({
^bb0(%a: index):
  "my.br"(%a)[^bb1] : (index) -> ()
^bb1:
  "my.end"() : () -> ()
}, {}) : () -> ()`);
  const [pair, use, region] = bodyOps(m) as [Operation, Operation, Operation];
  assert.is(pair.name, "my.pair");
  assert.equal(pair.resultTypes, [T.i32, T.f32]);
  assert.is(pair.attr("k"), A.intAttr(T.i64, 1));
  assert.equal(use.operands, [pair.getResult(1), pair.getResult(0)]);
  assert.is(region.regions.length, 2);
  const [entry, bb1] = region.getRegion(0).blocks as [Block, Block];
  assert.equal(entry.argTypes, [T.index]);
  const br = entry.first as Operation;
  assert.is(br.getOperand(0), entry.arg(0));
  assert.is(br.successors[0], bb1);
  assert.ok(region.getRegion(1).isEmpty);
});

test("custom ops build the registered class; unqualified names take the default dialect", () => {
  const m = src(`func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}`);
  const f = bodyOps(m)[0] as Operation;
  const [add, ret] = f.getRegion(0).block.operations as [Operation, Operation];
  assert.instance(add, AddIOp);
  assert.is(ret.name, "func.return");
  assert.is(ret.getOperand(0), add.getResult(0));
  assert.is(add.getOperand(0), f.getRegion(0).block.arg(0));
  const nested = src("module {\n  module @inner {\n  }\n}");
  assert.is((bodyOps(nested)[0] as Operation).name, "builtin.module");
  assert.is((bodyOps(nested)[0] as Operation).attr("sym_name"), A.strAttr("inner"));
});

test("the top level: a single module is the result, anything else is wrapped in one at file:0:0", () => {
  const explicit = src('module @x {\n  "my.a"() : () -> ()\n}');
  assert.is(explicit.attr("sym_name"), A.strAttr("x"));
  assert.is(explicit.parent, undefined);
  const implicit = src('"my.a"() : () -> ()\n"my.b"() : () -> ()');
  assert.is(implicit.name, "builtin.module");
  assert.is(implicit.loc, FileLineColLoc.get("t.mlir", 0, 0));
  assert.equal(bodyOps(implicit).map((o) => o.name), ["my.a", "my.b"]);
  const twoModules = src("module {\n}\nmodule {\n}");
  assert.equal(bodyOps(twoModules).map((o) => o.name), ["builtin.module", "builtin.module"]);
  const empty = src("// nothing here\n");
  assert.is(bodyOps(empty).length, 0);
});

test("without the builtin dialect loaded the implicit module is a generic operation", () => {
  const m = right(parseSource('"my.a"() : () -> ()', new Context([], { allowUnregisteredDialects: true })));
  assert.is(m.constructor, Operation);
  assert.is(m.name, "builtin.module");
  assert.is(m.getRegion(0).block.numOps, 1);
});

test("forward references: graph regions, nested regions, later blocks", () => {
  const m = src(validSamples.forwardReferences as string);
  const [a, region, late, outer] = bodyOps(m) as [Operation, Operation, Operation, Operation];
  assert.is(a.getOperand(0), late.getResult(0));
  const inner = region.getRegion(0).block.first as Operation;
  assert.equal(inner.operands, [late.getResult(0), outer.getResult(0)]);
  assert.is(late.getResult(0).numUses, 2);
});

test("sibling regions reuse names; enclosing values are visible inside regions, as in MLIR", () => {
  const m = src(`%v = "my.v"() : () -> i32
func.func @f() -> i32 {
  return %v : i32
}
func.func @g() {
  %w = "my.w"() : () -> i32
  return
}
func.func @h() {
  %w = "my.w"() : () -> i32
  return
}`);
  const [v, f] = bodyOps(m) as [Operation, Operation];
  assert.is((f.getRegion(0).block.first as Operation).getOperand(0), v.getResult(0));
});

test("op and block-argument locations: the op name's position, or loc(...), or an alias defined later", () => {
  const m = src(`#top = loc("top":1:1)
  %0 = "my.a"() : () -> i32
"my.b"() : () -> () loc(#top)
"my.c"() ({
^bb0(%x: i32 loc(#bottom), %y: i32):
  "my.d"() : () -> () loc(callsite(#top at "c":2:2))
}) : () -> () loc(#bottom)
#bottom = loc("bottom":9:9)`);
  const [a, b, c] = bodyOps(m) as [Operation, Operation, Operation];
  assert.is(a.loc, FileLineColLoc.get("t.mlir", 2, 8));
  assert.is(b.loc, FileLineColLoc.get("top", 1, 1));
  assert.is(c.loc, FileLineColLoc.get("bottom", 9, 9));
  const entry = c.getRegion(0).block;
  assert.is(entry.arg(0).loc, FileLineColLoc.get("bottom", 9, 9));
  assert.is(entry.arg(1).loc, FileLineColLoc.get("t.mlir", 5, 28));
  assert.is((entry.first as Operation).loc, CallSiteLoc.get(FileLineColLoc.get("top", 1, 1), FileLineColLoc.get("c", 2, 2)));
});

test("function arguments carry their attributes and locations", () => {
  const m = src('func.func @f(%a: i32 {my.x = 1 : i64}, %b: f32 loc("b.py":3:4)) {\n  return\n}');
  const f = bodyOps(m)[0] as Operation;
  assert.is(f.getRegion(0).block.arg(1).loc, FileLineColLoc.get("b.py", 3, 4));
  assert.is(f.getRegion(0).block.arg(0).loc, FileLineColLoc.get("t.mlir", 1, 14));
  assert.ok(f.attr("arg_attrs") instanceof A.ArrayAttr);
});

// ---- whole files against mlir-opt-16 -------------------------------------------------------------------------

const norm = (s: string): string => s.replace(/\s+/g, " ").trim();

test("every sample parses, and printing is a fixpoint of print -> parse -> print", () => {
  for (const [name, text] of Object.entries(validSamples)) {
    for (const generic of [false, true]) {
      const ctx = newCtx();
      const once = printOp(src(text, ctx), { generic, debugInfo: true, ctx });
      const twice = printOp(src(once, ctx), { generic, debugInfo: true, ctx });
      assert.is(twice, once, `${name} (generic: ${generic})`);
    }
  }
});

test("mlir-opt-16 accepts every sample and prints exactly what we print for it", () => {
  if (!hasMlirOpt) return;
  const dir = mkdtempSync(join(tmpdir(), "tensile-parser-"));
  try {
    for (const [name, text] of Object.entries(validSamples)) {
      const file = join(dir, `${name}.mlir`);
      writeFileSync(file, text);
      for (const flags of [["--mlir-print-op-generic", "--mlir-print-debuginfo"], []]) {
        const r = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", ...flags, file], { encoding: "utf8" });
        assert.is(r.status, 0, `mlir-opt-16 rejected ${name}: ${r.stderr}`);
        const ctx = newCtx();
        const ours = printOp(right(parseSource(text, ctx, { file })), { generic: flags.length > 0, debugInfo: flags.length > 0, ctx });
        assert.is(norm(ours), norm(r.stdout), name);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- fixes found by review ---------------------------------------------------------------------------------

/** mlir-opt-16's output for `text` (with extra flags), or undefined when it is not installed. */
function mlirOpt(text: string, ...flags: string[]): string | undefined {
  if (!hasMlirOpt) return undefined;
  const r = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", ...flags, "-"], { input: text, encoding: "utf8" });
  assert.is(r.status, 0, `mlir-opt-16 rejected:\n${text}\n${r.stderr}`);
  return r.stdout;
}

/** Parses `text` as mlir-opt-16 reads stdin, prints it (optionally generic and with locations). */
function reprint(text: string, opts: { generic?: boolean; debugInfo?: boolean } = {}, ctx = newCtx()): string {
  return printOp(right(parseSource(text, ctx, { file: "<stdin>" })), { generic: opts.generic ?? false, debugInfo: opts.debugInfo ?? false, ctx });
}

test("strings with bytes that are not UTF-8 round-trip byte for byte, as mlir-opt-16 prints them", () => {
  assert.is(printAttribute(at('"a\\FFb"')), '"a\\FFb"');
  assert.is(printAttribute(at('"\\C3\\A9\\C3"')), '"\\C3\\A9\\C3"');
  const text = '"my.a"() {a = "a\\FFb", b = "\\C3\\A9x\\E2\\82", c = "\\\\\\22\\80"} : () -> ()\n';
  const printed = reprint(text);
  assert.match(printed, text.trim());
  assert.is(norm(printed), norm(mlirOpt(text) ?? printed));
});

test("registered ops get their default-valued attributes when parsed, generic or custom (populateDefaultAttrs)", () => {
  const ctx = new Context([builtin, func, arith, math], { allowUnregisteredDialects: true });
  const text = 'func.func @f(%x: f32) -> f32 {\n  %0 = "math.sqrt"(%x) : (f32) -> f32\n  %1 = math.sqrt %0 : f32\n  "my.op"(%1) : (f32) -> ()\n  return %1 : f32\n}\n';
  const fn = bodyOps(src(text, ctx))[0] as Operation;
  const [generic, custom, unregistered] = fn.getRegion(0).block.operations as [Operation, Operation, Operation];
  assert.ok(generic.attr("fastmath") !== undefined, "the generic form gets the default");
  assert.is(generic.attr("fastmath"), custom.attr("fastmath"));
  assert.equal([...unregistered.attributes.keys()], []);
  const printed = reprint(text, { generic: true }, ctx);
  assert.match(printed, '%0 = "math.sqrt"(%arg0) {fastmath = #arith.fastmath<none>} : (f32) -> f32');
  assert.is(norm(printed), norm(mlirOpt(text, "--mlir-print-op-generic") ?? printed));
  // An attribute that is written is kept as written.
  const fast = bodyOps(src('func.func @g(%x: f32) -> f32 {\n  %0 = "math.sqrt"(%x) {fastmath = #arith.fastmath<fast>} : (f32) -> f32\n  return %0 : f32\n}\n', ctx))[0] as Operation;
  assert.is(printAttribute((fast.getRegion(0).block.operations[0] as Operation).attr("fastmath") as A.Attribute, ctx), "#arith.fastmath<fast>");
});

test("a custom parse hook may let its region's arguments shadow enclosing names (enableNameShadowing)", () => {
  const isolated = (name: string, enableNameShadowing: boolean) =>
    defineOp({
      name,
      summary: "an isolated region with named arguments",
      regions: { body: region() },
      traits: [IsolatedFromAbove],
    }, {
      asm: {
        print: () => {},
        parse: (p: OpAsmParser, state: OperationState) => {
          const args = p.parseArgumentList("()", { allowType: true, allowAttrs: false });
          const body = new Region();
          p.parseRegion(body, args, { enableNameShadowing });
          state.regions.push(body);
        },
      },
    });
  const ctx = newCtx().load(defineDialect({ name: "shadow", ops: [isolated("shadow.iso", true), isolated("shadow.plain", false)] }));
  const m = src('%x = "my.def"() : () -> i32\nshadow.iso(%x: i32) {\n  "my.use"(%x) : (i32) -> ()\n}\n', ctx);
  const iso = bodyOps(m)[1] as Operation;
  const use = iso.getRegion(0).block.operations[0] as Operation;
  assert.is(use.getOperand(0), iso.getRegion(0).block.arg(0));
  const plain = parseSource('%x = "my.def"() : () -> i32\nshadow.plain(%x: i32) {\n  "my.use"(%x) : (i32) -> ()\n}\n', ctx, { file: "t.mlir" });
  assert.is(errorOf(plain), "t.mlir:2:14: error: region entry argument '%x' is already in use");
});

test("float attributes keep their exact bits through parse and print (signalling NaNs, payloads), as mlir-opt-16", () => {
  const text =
    '"my.a"() {a = 0x7F800001 : f32, b = 0xFFC00001 : f32, c = 0x7FF0000000000001 : f64, d = 0x7C01 : f16, e = 0x7F81 : bf16, f = 0xFFF4000000000000 : f64, g = 0x7FFFFFFF : f32, h = 0xFF800000 : f32} : () -> ()\n';
  const op = bodyOps(src(text))[0] as Operation;
  assert.is(op.attr("a"), A.FloatAttr.fromBits(T.f32, 0x7f800001n));
  assert.is((op.attr("c") as A.FloatAttr).bits, 0x7ff0000000000001n);
  assert.is((op.attr("h") as A.FloatAttr).value, -Infinity);
  const printed = reprint(text);
  assert.match(printed, text.trim());
  assert.is(norm(printed), norm(mlirOpt(text) ?? printed));
});

test("fused locations read from text simplify as mlir-opt-16's do", () => {
  const text = `"t.a"() : () -> () loc(fused<"m">[])
"t.b"() : () -> () loc(fused[])
"t.c"() : () -> () loc(fused["x", "x"])
"t.d"() : () -> () loc(fused<"m">[fused<"m">["a", "b"], "c"])
"t.e"() : () -> () loc(fused<"m">[fused["a", "b"], "c"])
"t.f"() : () -> () loc(fused[fused<"m">["a", "b"], "c"])
"t.g"() : () -> () loc(fused["a", unknown, "a"])
"t.h"() : () -> () loc(fused<"m">["a"])
"t.i"() : () -> () loc(fused<"m">[unknown])
"t.j"() : () -> () loc(fused["a", fused["b", "a"]])
"t.k"() : () -> () loc(fused<"m">[fused<"m">[unknown], "c"])
`;
  const ops = bodyOps(right(parseSource(text, newCtx(), { file: "t.mlir" })));
  assert.is(ops[0]?.loc, FusedLoc.raw([UnknownLoc.get()], A.strAttr("m")));
  assert.is(ops[4]?.loc, FusedLoc.raw([FusedLoc.raw([NameLoc.get("a"), NameLoc.get("b")]), NameLoc.get("c")], A.strAttr("m")));
  assert.is(ops[10]?.loc, FusedLoc.raw([UnknownLoc.get(), NameLoc.get("c")], A.strAttr("m")));
  const printed = reprint(text, { debugInfo: true });
  assert.is(norm(printed), norm(mlirOpt(text, "--mlir-print-debuginfo") ?? printed));
});

test.run();
