/**
 * The builtin types' and attributes' verifiers, checked against mlir-opt-16 (issue 6: "the remaining builtin
 * attribute and type verifier messages").
 *
 * Each kind's rules live in one static `verify` (src/ir/types.ts, src/ir/attributes.ts; mechanism in
 * src/ir/checked.ts), run by its `get` (the builder throws an InvalidParametersError), by `getChecked` (a
 * diagnostic) and by the parser (an error where mlir-opt-16 puts it). MLIR 16's parser also checks some
 * things itself, in its own words, before the verifier runs (element types at the element, vector sizes);
 * Tensile's parser does the same with the shared predicates (`isValidTensorElementType`, ...).
 *
 * Inventory of MLIR 16's builtin verifiers and where Tensile has them:
 *
 *   IntegerType        width limit                               verify (was: parser only)
 *   ComplexType        int or float element                      verify (was: parser only)
 *   RankedTensorType   sizes, element type (message names it)    verify; parser checks the element first
 *   UnrankedTensorType element type                              verify
 *   VectorType         element type, positive sizes              verify (MLIR's "but got ..." words)
 *   MemRefType         element type (opaque types excluded;      verify; parser at the `memref` keyword
 *                      dialect types opt in), sizes, layout rank
 *                      (affine map, strided), memory space kind  NEW: "unsupported memory space Attribute"
 *   UnrankedMemRefType element type, memory space kind           verify (memory space NEW)
 *   OpaqueType/Attr    dialect namespace; unregistered dialect   verify (namespace NEW); parser (context)
 *   IntegerAttr/FloatAttr type kinds                             verify (the TS types already rule them out)
 *   StridedLayoutAttr  zero strides; rank (verifyLayout)         verify; MemRefType.verify
 *   DenseArrayAttr     element type, whole bytes                 verify; parser's literal errors
 *   DictionaryAttr     unique, non-empty names (MLIR asserts)    verify (NEW for the builder); parser
 *   DenseElementsAttr  shape and literal errors (parser)         parser; verify for the builder's storage
 *   SparseElementsAttr values 1-D, indices [N, rank], indices    NEW: src/ir/sparse-elements-attr.ts, parsed and
 *                      within the shape                          printed (test/unit/sparse-elements.test.ts)
 *   FunctionType, TupleType, TypeAttr, ArrayAttr, StringAttr, SymbolRefAttr, UnitAttr, locations: nothing to
 *   verify in MLIR 16; their parser errors are in the table below and in parser-errors.test.ts.
 *
 * Where mlir-opt-16 crashes, misreads or accepts what it cannot represent, Tensile reports a clear error; the
 * second table records what mlir-opt-16 does there.
 *
 * Left: a type on an opaque attribute (`#my<"x"> : i32`), dense and sparse elements of memref types, dense
 * string elements, f8 types, and strides beyond 2^53 are refused as not supported (MLIR 16 accepts them).
 * VerifiableTensorEncoding (the sparse tensor encoding's verifier) does not run: encodings are kept as text.
 */
import * as E from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { AffineMap } from "../../src/ir/affine.ts";
import {
  AffineMapAttr,
  ArrayAttr,
  DenseArrayAttr,
  DenseElementsAttr,
  DictionaryAttr,
  FloatAttr,
  IntegerAttr,
  OpaqueAttr,
  StridedLayoutAttr,
  UnitAttr,
  strAttr,
} from "../../src/ir/attributes.ts";
import { InvalidParametersError, type Speller, getChecked } from "../../src/ir/checked.ts";
import { FileLineColLoc } from "../../src/ir/location.ts";
import {
  ComplexType,
  DialectType,
  IntegerType,
  MemRefType,
  OpaqueType,
  RankedTensorType,
  TupleType,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
  f32,
  i32,
  index,
  none,
  tensor,
} from "../../src/ir/types.ts";
import { intern } from "../../src/ir/uniquer.ts";
import { parseType } from "../../src/text/parser.ts";
import { printAttribute, printType } from "../../src/text/printer.ts";
import { firstErrors, oneByOne } from "../support/mlir-compat.ts";

const on = (attr: string): string => `"my.a"() {x = ${attr}} : () -> ()`;


// ---- the parser's errors are mlir-opt-16's ------------------------------------------------------------------

/** Attributes (and types as attributes) that both tools reject with the same first error. */
const sameAsMlir: readonly string[] = [
  // IntegerType
  "i16777216",
  "si16777216",
  "ui4294967296",
  // ComplexType
  "complex<index>",
  "complex<none>",
  "complex<complex<f32>>",
  "complex<!my.t>",
  // tensors
  "tensor<2xnone>",
  "tensor<*xtuple<>>",
  "tensor<2xmemref<2xf32>>",
  "tensor<2x(i32) -> i32>",
  "tensor<*xf32, \"enc\">",
  "tensor<-2xf32>",
  "tensor<??xf32>",
  // vectors
  "vector<2xcomplex<f32>>",
  "vector<2xvector<2xf32>>",
  "vector<2x!my.t>",
  "vector<0xf32>",
  "vector<[0]xf32>",
  "vector<[4]x[4]xf32>",
  "vector<[4x4xf32>",
  "vector<2x?xf32>",
  // memrefs: element type, layout, memory space
  "memref<2xtensor<2xf32>>",
  "memref<*xnone>",
  "memref<2xtuple<>>",
  "memref<2x!my.t>",
  "memref<2xf32, [1]>",
  "memref<*xf32, [1]>",
  "memref<2xf32, affine_map<(d0) -> (d0)>, [1]>",
  "memref<2xf32, #my.space>",
  "memref<2xf32, unit>",
  "memref<2xf32, 1.0>",
  "memref<2xf32, i32>",
  "memref<2xf32, @a>",
  "memref<2xf32, affine_set<(d0) : (d0 >= 0)>>",
  "memref<2xf32, affine_map<(d0, d1) -> (d0)>>",
  "memref<4xf32, strided<[1, 1]>>",
  "memref<4x4xf32, strided<[4, 0]>>",
  "memref<*xf32, affine_map<(d0) -> (d0)>>",
  "memref<2xf32, 1, affine_map<(d0) -> (d0)>>",
  "memref<2xf32, 1, 2>",
  // opaque types and attributes: the dialect namespace
  '!-y.opaque<"x">',
  '#-y.opaque<"x">',
  "!y-z.b",
  '!-y<"x">',
  '#-y<"x">',
  "#y-z.b : i32",
  // integer and float attributes
  "1 : none",
  "1 : tensor<2xi32>",
  "1 : complex<f32>",
  "1.0 : index",
  "256 : ui8",
  "-1 : ui8",
  "128 : si8",
  "2 : i1",
  "0x100 : i8",
  "9223372036854775808 : index",
  "1 : f32",
  // dictionaries and symbol references
  '{"" = 1}',
  "{a, a}",
  "{1 = 2}",
  "@a::b",
  // strided layouts
  "strided<[1], offset: x>",
  "strided<[1, 0]>",
  "strided<[-9223372036854775808]>",
  "strided<[99999999999999999999]>",
  "strided<1>",
  // dense elements
  "dense<1> : i32",
  "dense<1> : tensor<?xi32>",
  "dense<1> : tensor<*xi32>",
  "dense<[1, 2, 3]> : tensor<2xi32>",
  "dense<> : tensor<2xi32>",
  "dense<[]> : tensor<2xi32>",
  'dense<"0xZZ"> : tensor<2xi32>',
  'dense<"abc"> : tensor<2xi32>',
  "dense<1.5> : tensor<2xindex>",
  "dense<300> : tensor<i8>",
  "dense<true> : tensor<2xf32>",
  "dense<[1, [2]]> : tensor<2xi32>",
  "dense<[[1, 2]]> : tensor<2x1xi32>",
  "dense<1>",
  "dense_resource<r> : i32",
  // dense arrays
  "array<i3: 1>",
  "array<complex<f32>: 1>",
  "array<i8: 300>",
  "array<i8: -129>",
  "array<f32: true>",
  "array<f32: -true>",
  "array<i32: -true>",
  "array<i32: x>",
  "array<i32: 1.5>",
  "array<i32 1>",
  "array<f16: 0x7fc00000>",
];

function assertSameFirstErrors(snippets: readonly string[], allowUnregistered = true): void {
  const results = firstErrors(snippets, allowUnregistered);
  for (const snippet of snippets) {
    const { ours, theirs } = results.get(snippet) as { ours: string; theirs: string };
    assert.is.not(theirs, "accepted", `mlir-opt-16 accepts ${snippet}`);
    assert.fixture(ours, theirs, snippet);
  }
}

test(`${sameAsMlir.length} malformed builtin types and attributes get mlir-opt-16's first error`, () => {
  assertSameFirstErrors(sameAsMlir.map(on));
});

test("locations' parser errors are mlir-opt-16's", () => {
  const locs = ['"a":1:x', '"a":99999999999:2', 'callsite("a" "b")', 'callsite("a" at "b"', 'fused["a" "b"]', "fused", 'fused<>["a"]', "unknownx", '"a"(1)'];
  assertSameFirstErrors(locs.map((l) => `"my.a"() : () -> () loc(${l})`));
});

test("types and attributes of unregistered dialects: mlir-opt-16's error without --allow-unregistered-dialect", () => {
  const attrs = ["!foo.bar", '!foo<"bar">', "#foo.bar", '#foo<"bar">', "#foo.bar : i32", "tensor<2x!foo.bar>", "memref<2xf32, #foo.space>", "!-y.t", "#y-z.b"];
  assertSameFirstErrors(
    attrs.map((a) => `"func.return"() {a = ${a}} : () -> ()`),
    false,
  );
});

// ---- where mlir-opt-16 crashes, misreads or accepts what Tensile cannot hold ----------------------------------

/** What mlir-opt-16 does: crash, accept (printing it back), misread (printing something else), report an error but exit with success, or report another error (its first line). */
type MlirBehaviour = "crashes" | "accepts" | "misreads" | "reports but exits 0" | `reports ${string}`;

/** [attribute, what mlir-opt-16 does, Tensile's error]. */
const departures: readonly [string, MlirBehaviour, string][] = [
  ["array<i1: 1>", "crashes", "<stdin>:1:25: error: expected 'true' or 'false' values for i1 type"],
  ["array<i1: -1>", "crashes", "<stdin>:1:26: error: expected 'true' or 'false' values for i1 type"],
  // mlir-opt-16 prints `array<i1: true, false>` for this.
  ["array<i1: 0, true>", "misreads", "<stdin>:1:25: error: expected 'true' or 'false' values for i1 type"],
  // The one integer literal mlir-opt-16 handles for i1; Tensile refuses them all alike.
  ["array<i1: 2>", "reports <stdin>:1:26: error: integer constant out of range", "<stdin>:1:25: error: expected 'true' or 'false' values for i1 type"],
  // mlir-opt-16 prints `array<index: 1740598229274209424717745714364417>` for this.
  ["array<index: 1>", "misreads", "<stdin>:1:21: error: dense arrays of index elements are not supported"],
  // mlir-opt-16 reports `expected attribute value`, then goes on and exits with success.
  ["tensor<2xf32 , >", "reports but exits 0", "<stdin>:1:29: error: expected attribute value"],
  // What Tensile does not represent (yet): MLIR 16 accepts these.
  ["dense<1> : memref<2xi32>", "accepts", "<stdin>:1:39: error: dense elements of a memref type are not supported"],
  ["dense_resource<r> : memref<2xi32>", "accepts", "<stdin>:1:33: error: `dense_resource` of 'memref<2xi32>' is not supported (a ranked tensor or vector type is)"],
  ["dense_resource<r> : tensor<*xi32>", "accepts", "<stdin>:1:33: error: `dense_resource` of 'tensor<*xi32>' is not supported (a ranked tensor or vector type is)"],
  ["strided<[9223372036854775807]>", "accepts", "<stdin>:1:24: error: strides and offsets beyond 2^53 - 1 are not supported"],
  ['#my<"x"> : i32', "accepts", "<stdin>:1:24: error: a type on an attribute of an unregistered dialect is not supported"],
  ["f8E5M2", "accepts", "<stdin>:1:15: error: the f8E5M2 type is not supported"],
];

test("where mlir-opt-16 crashes, misreads or accepts what Tensile cannot hold, Tensile gives a clear error", () => {
  for (const [attr, behaviour, expected] of departures) {
    const { ours, mlir } = oneByOne(on(attr));
    assert.is(ours, expected, attr);
    const stdout = String(mlir.stdout);
    switch (behaviour) {
      case "crashes":
        assert.ok(mlir.signal !== null || (mlir.status ?? 0) > 1, `mlir-opt-16 no longer crashes on ${attr}`);
        break;
      case "accepts":
        assert.is(mlir.status, 0, attr);
        assert.ok(stdout.includes(`x = ${attr}`), `mlir-opt-16 prints ${attr} back: ${stdout}`);
        break;
      case "misreads":
        assert.is(mlir.status, 0, attr);
        assert.not.ok(stdout.includes(`x = ${attr}`), `mlir-opt-16 prints ${attr} back unchanged`);
        break;
      case "reports but exits 0":
        assert.is(mlir.status, 0, attr);
        assert.match(String(mlir.stderr), / error: /, attr);
        break;
      default:
        assert.is(mlir.status, 1, attr);
        assert.is(String(mlir.stderr).split("\n")[0], behaviour.slice("reports ".length), attr);
    }
  }
});

// ---- the builder: get throws, getChecked returns a diagnostic, with the same words -----------------------------

/** A dialect type that may be a memref element (MLIR's MemRefElementTypeInterface) and one that may not. */
class CellType extends DialectType {
  readonly dialect = "tv";
  readonly mnemonic = "cell";
  override get isMemRefElementType(): boolean {
    return true;
  }
  static get(): CellType {
    return intern("tv.cell", (id) => new CellType(id));
  }
}
class TokenType extends DialectType {
  readonly dialect = "tv";
  readonly mnemonic = "token";
  static get(): TokenType {
    return intern("tv.token", (id) => new TokenType(id));
  }
}

const spell: Speller = { type: (t) => printType(t), attr: (a) => printAttribute(a) };

/** [builder call, its verifier's message (types spelled by the printer)]. */
const builderFailures: readonly [string, () => unknown, string][] = [
  ["IntegerType.get(2^24)", () => IntegerType.get(16_777_216), "integer bitwidth is limited to 16777215 bits"],
  ["IntegerType.get(-1)", () => IntegerType.get(-1), "integer bit width must be a non-negative integer, not -1"],
  ["ComplexType.get(index)", () => ComplexType.get(index), "invalid element type for complex"],
  ["RankedTensorType.get([-2], f32)", () => RankedTensorType.get([-2], f32), "invalid tensor dimension size"],
  ["RankedTensorType.get([2], none)", () => RankedTensorType.get([2], none), "invalid tensor element type: 'none'"],
  ["UnrankedTensorType.get(tuple<>)", () => UnrankedTensorType.get(TupleType.get([])), "invalid tensor element type: 'tuple<>'"],
  ["VectorType.get([2], tensor)", () => VectorType.get([2], tensor([2], f32)), "vector elements must be int/index/float type but got 'tensor<2xf32>'"],
  ["VectorType.get([0, 2], f32)", () => VectorType.get([0, 2], f32), "vector types must have positive constant sizes but got 0, 2"],
  ["VectorType.get([2, 2], f32, [true, false])", () => VectorType.get([2, 2], f32, [true, false]), "scalable vector dimensions must be a trailing run"],
  ["MemRefType.get([2], none)", () => MemRefType.get([2], none), "invalid memref element type"],
  ["MemRefType.get([2], !my.t)", () => MemRefType.get([2], OpaqueType.get("my", "t")), "invalid memref element type"],
  ["MemRefType.get([2], !tv.token)", () => MemRefType.get([2], TokenType.get()), "invalid memref element type"],
  ["MemRefType.get([-3], f32)", () => MemRefType.get([-3], f32), "invalid memref size"],
  ["MemRefType.get([2], f32, (d0, d1) -> (d0, d1))", () => MemRefType.get([2], f32, AffineMapAttr.get(AffineMap.identity(2))), "memref layout mismatch between rank and affine map: 1 != 2"],
  ["MemRefType.get([2], f32, strided<[1, 1]>)", () => MemRefType.get([2], f32, StridedLayoutAttr.get(0, [1, 1])), "expected the number of strides to match the rank"],
  ["MemRefType.get([2], f32, \"x\")", () => MemRefType.get([2], f32, strAttr("x")), 'memref layout must be an affine map or a strided layout, not "x"'],
  ["MemRefType.get([2], f32, _, [])", () => MemRefType.get([2], f32, undefined, ArrayAttr.get([])), "unsupported memory space Attribute"],
  ["UnrankedMemRefType.get(f32, unit)", () => UnrankedMemRefType.get(f32, UnitAttr.get()), "unsupported memory space Attribute"],
  ["UnrankedMemRefType.get(tensor)", () => UnrankedMemRefType.get(tensor([2], f32)), "invalid memref element type"],
  ["OpaqueType.get(\"1x\", \"y\")", () => OpaqueType.get("1x", "y"), "invalid dialect namespace '\"1x\"'"],
  ["OpaqueAttr.get(\"a-b\", \"c\")", () => OpaqueAttr.get("a-b", "c"), "invalid dialect namespace '\"a-b\"'"],
  ["DictionaryAttr.get([a, a])", () => DictionaryAttr.get([{ name: "a", value: UnitAttr.get() }, { name: "a", value: strAttr("b") }]), "duplicate key 'a' in dictionary attribute"],
  ["DictionaryAttr.get({\"\": unit})", () => DictionaryAttr.get({ "": UnitAttr.get() }), "expected valid attribute name"],
  ["StridedLayoutAttr.get(0, [0])", () => StridedLayoutAttr.get(0, [0]), "strides must not be zero"],
  ["StridedLayoutAttr.get(0.5, [1])", () => StridedLayoutAttr.get(0.5, [1]), "strides and offset must be integers, not [1] and 0.5"],
  ["DenseArrayAttr.get(i3, [1])", () => DenseArrayAttr.get(IntegerType.get(3), [1]), "element type bitwidth must be a multiple of 8"],
  ["DenseElementsAttr.get(tensor<2xf32>, 3 values)", () => DenseElementsAttr.get(tensor([2], f32), new Float32Array(3)), "dense elements: 3 values for a type of 2 elements"],
  ["DenseElementsAttr.get(tensor<2xf32>, Int32Array)", () => DenseElementsAttr.get(tensor([2], f32), new Int32Array(2)), "dense storage Int32Array does not match the element type 'f32'"],
  ["IntegerAttr.get(f32)", () => IntegerAttr.get(f32 as unknown as IntegerType, 1), "expected integer or index type"],
  ["FloatAttr.get(i32)", () => FloatAttr.get(i32 as never, 1), "expected floating point type"],
];

test("builders refuse invalid parameters with the verifier's message; getChecked returns it as a diagnostic", () => {
  const loc = FileLineColLoc.get("b.mlir", 3, 7);
  for (const [what, build, message] of builderFailures) {
    assert.throws(build, (e: unknown) => e instanceof InvalidParametersError && e instanceof RangeError, what);
    const r = getChecked(loc, build, spell);
    assert.ok(E.isLeft(r), what);
    if (E.isLeft(r)) {
      assert.ok(r.left.message.startsWith(message), `${what}: ${r.left.message}`);
      assert.is(r.left.loc, loc, what);
      assert.is(r.left.severity, "error", what);
    }
  }
});

test("without the printer, a builder's exception spells builtin scalars exactly and other types by kind", () => {
  assert.throws(() => VectorType.get([2], none), /^vector elements must be int\/index\/float type but got 'none'$/);
  assert.throws(() => VectorType.get([2], tensor([2], f32)), /but got '<tensor>'$/);
  assert.throws(() => RankedTensorType.get([2], none), /^invalid tensor element type: 'none'$/);
  assert.throws(() => ComplexType.get(IntegerType.get(7, "unsigned")) && VectorType.get([1], TupleType.get([])), /but got '<tuple>'$/);
});

test("valid parameters build, and getChecked returns the value", () => {
  const loc = FileLineColLoc.get("b.mlir", 1, 1);
  const cell = MemRefType.get([2], CellType.get());
  assert.is(printType(cell), "memref<2x!tv.cell>");
  const checked = getChecked(loc, () => MemRefType.get([2], CellType.get()));
  assert.ok(E.isRight(checked) && checked.right === cell, "interned: the same object");
  for (const space of [IntegerAttr.get(i32, 3), strAttr("gpu"), DictionaryAttr.get({ a: UnitAttr.get() })]) {
    assert.ok(MemRefType.get([2], f32, undefined, space).memorySpace === space, printAttribute(space));
    assert.ok(UnrankedMemRefType.get(f32, space).memorySpace === space, printAttribute(space));
  }
  // The identity layout and the default memory space are stored as none, as the parser stores them.
  assert.is(MemRefType.get([2, 3], f32, AffineMapAttr.get(AffineMap.identity(2)), IntegerAttr.get(i32, 0)), MemRefType.get([2, 3], f32));
  const parsed = parseType("memref<2x3xf32, affine_map<(d0, d1) -> (d0, d1)>, 0>", newContext());
  assert.ok(E.isRight(parsed) && parsed.right === MemRefType.get([2, 3], f32));
  assert.is(ComplexType.get(IntegerType.get(8, "unsigned")).elementType, IntegerType.get(8, "unsigned"));
  assert.is(OpaqueType.get("my_dialect$1", "t").dialect, "my_dialect$1");
  assert.is(IntegerType.get(IntegerType.maxWidth).width, 16_777_215);
});

test("one verifier for the builder and the parser: the builder's message is mlir-opt-16's parser error", () => {
  const pairs: [string, () => unknown][] = [
    ["memref<2xf32, [1]>", () => MemRefType.get([2], f32, undefined, ArrayAttr.get([IntegerAttr.get(IntegerType.get(64), 1)]))],
    ["memref<2xf32, affine_map<(d0, d1) -> (d0)>>", () => MemRefType.get([2], f32, AffineMapAttr.get(AffineMap.get(2, 0, [AffineMap.identity(2).results[0]!])))],
    ["memref<4xf32, strided<[1, 1]>>", () => MemRefType.get([4], f32, StridedLayoutAttr.get(0, [1, 1]))],
    ["strided<[1, 0]>", () => StridedLayoutAttr.get(0, [1, 0])],
    ["i16777216", () => IntegerType.get(16_777_216)],
    ["complex<index>", () => ComplexType.get(index)],
  ];
  const results = firstErrors(pairs.map(([attr]) => on(attr)));
  for (const [attr, build] of pairs) {
    const theirs = results.get(on(attr))?.theirs ?? "";
    const mlirMessage = theirs.split("\n")[0]?.replace(/^col \d+: error: /, "");
    const r = getChecked(FileLineColLoc.get("x", 1, 1), build, spell);
    assert.ok(E.isLeft(r), attr);
    if (E.isLeft(r)) assert.is(r.left.message, mlirMessage, attr);
  }
});

test("getChecked lets anything but a verifier failure through (a bug is not a diagnostic)", () => {
  assert.throws(
    () =>
      getChecked(FileLineColLoc.get("x", 1, 1), () => {
        throw new TypeError("a bug");
      }),
    /a bug/,
  );
});

test.run();
