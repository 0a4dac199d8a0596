/**
 * `sparse<indices, values> : type` (MLIR's SparseElementsAttr): built, verified, printed and parsed as
 * mlir-opt-16 does, including its print flags, and its verifier's messages.
 */
import * as E from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { DenseElementsAttr } from "../../src/ir/attributes.ts";
import { InvalidParametersError } from "../../src/ir/checked.ts";
import { SparseElementsAttr } from "../../src/ir/sparse-elements-attr.ts";
import { f32, i32, i64, tensor, vector } from "../../src/ir/types.ts";
import { parseAttribute } from "../../src/text/parser.ts";
import { printAttribute } from "../../src/text/printer.ts";
import { assertAgreesWithMlir, firstErrors, mlirOpt, norm, oneByOne, tensileOpt } from "../support/mlir-compat.ts";

const on = (attr: string): string => `"my.a"() {x = ${attr}} : () -> ()`;

const valid = [
  "sparse<[[0, 0]], [5]> : tensor<2x2xi32>",
  "sparse<[[0, 1], [1, 0]], [5, 6]> : tensor<2x2xi32>",
  "sparse<[[0, 1], [1, 0]], 5> : tensor<2x2xi32>",
  "sparse<> : tensor<2x2xi32>",
  "sparse<> : tensor<i32>",
  "sparse<0, 1> : tensor<i32>",
  "sparse<0, 1.5> : tensor<4xf32>",
  "sparse<[1, 2], [1.5, 2.5]> : tensor<4xf32>",
  'sparse<[[1], [2]], "0x0000C03F00002040"> : tensor<4xf32>',
  "sparse<[[0, 0]], [1]> : vector<2x2xi32>",
  "sparse<[[0, 0]], [(1, 2)]> : tensor<2x2xcomplex<i32>>",
  "sparse<[[1, 1]], [true]> : tensor<2x2xi1>",
  "sparse<[0, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]> : tensor<1000xi32>",
];

test("sparse elements print as mlir-opt-16 prints them (custom, generic, debug info; mlir's generic form read back)", () => {
  assertAgreesWithMlir(valid.map(on).join("\n"));
});

test("the elide and hex print flags treat sparse indices and values as mlir-opt-16 does", () => {
  const text = valid.map(on).join("\n");
  for (const [flag, elements] of [
    ["--mlir-elide-elementsattrs-if-larger=1", { elideIfLarger: 1 }],
    ["--mlir-elide-elementsattrs-if-larger=5", { elideIfLarger: 5 }],
    ["--mlir-print-elementsattrs-with-hex-if-larger=1", { hexIfLarger: 1 }],
  ] as const) {
    assert.fixture(norm(tensileOpt(text, { elements })), norm(mlirOpt([flag], text)), flag);
  }
});

test("repeated coordinates print as mlir-opt-16 prints them, which neither tool reads back", () => {
  // The indices are a splat, printed as one coordinate; read back, one coordinate list means one index.
  const text = on("sparse<[[0, 0], [0, 0]], [1, 2]> : tensor<2x2xi32>");
  const printed = mlirOpt([], text);
  assert.fixture(norm(tensileOpt(text)), norm(printed));
  assert.match(printed, "sparse<0, [1, 2]>");
  const again = firstErrors([on("sparse<0, [1, 2]> : tensor<2x2xi32>")]).get(on("sparse<0, [1, 2]> : tensor<2x2xi32>"));
  assert.match(again?.theirs ?? "", "inferred shape of indices literal ([1, 2])");
  assert.is(again?.ours, again?.theirs);
});

/** Inputs both tools reject with the same first error (mlir-opt-16 survives them). */
const invalid = [
  "sparse<[[0, 5]], [1]> : tensor<2x2xi32>",
  "sparse<[[-1, 0]], [1]> : tensor<2x2xi32>",
  "sparse<[[9223372036854775808, 0]], [1]> : tensor<2x2xi32>",
  "sparse<[3], [1]> : tensor<2xi32>",
  "sparse<[[0]], [1]> : tensor<2x2xi32>",
  "sparse<[1], [1]> : tensor<2x2xi32>",
  "sparse<[[1, 2]], [1]> : tensor<2xi32>",
  "sparse<[[0, 0]], [1, 2]> : tensor<2x2xi32>",
  "sparse<[[0, 0]], [[1]]> : tensor<2x2xi32>",
  "sparse<[], []> : tensor<2x2xi32>",
  "sparse<[[0, 0, 0]], [1]> : tensor<i32>",
  "sparse<[[0, 0]], [1]> : tensor<?x2xi32>",
  "sparse<[[0, 0]], [1]> : tensor<2x2xnone>",
  "sparse<[[0, 0]], [1]> : i32",
  "sparse<[[0, 0]], [1]>",
  "sparse<[[0, 0]] [1]> : tensor<2x2xi32>",
  "sparse[[0, 0]]",
];

test(`${invalid.length} malformed sparse elements get mlir-opt-16's first error`, () => {
  const results = firstErrors(invalid.map(on));
  for (const attr of invalid) {
    const { ours, theirs } = results.get(on(attr)) as { ours: string; theirs: string };
    assert.is.not(theirs, "accepted", attr);
    assert.fixture(ours, theirs, attr);
  }
});

test("where mlir-opt-16 reports the error and then crashes, Tensile reports the same error", () => {
  for (const attr of [
    "sparse<[[0.5, 0]], [1]> : tensor<2x2xi32>",
    "sparse<[[0, 0]], [1.5]> : tensor<2x2xi32>",
    'sparse<"0x01", [1]> : tensor<2xi32>',
    "sparse<[[0, 1]], [300]> : tensor<2x2xi8>",
  ]) {
    const { ours, mlir } = oneByOne(on(attr));
    assert.ok(mlir.signal !== null, `mlir-opt-16 no longer crashes on ${attr}`);
    assert.is(ours, String(mlir.stderr).split("\n")[0], attr);
  }
});

test("what Tensile does not hold is an error (mlir-opt-16 accepts it)", () => {
  for (const [attr, message] of [
    ["sparse<[[0, 0]], [1]> : memref<2x2xi32>", "sparse elements of a memref type are not supported"],
    ["sparse<[[0, 1]], [1]> : tensor<2x2xi128>", "dense elements of this element type are not supported"],
  ]) {
    const { ours, mlir } = oneByOne(on(attr as string));
    assert.is(mlir.status, 0, attr);
    assert.match(ours, message as string, attr);
  }
});

test("built with get: indices and values are dense elements; the verifier's checks apply", () => {
  const type = tensor([3, 4], f32);
  const indices = DenseElementsAttr.get(tensor([2, 2], i64), new BigInt64Array([0n, 1n, 2n, 3n]));
  const values = DenseElementsAttr.get(tensor([2], f32), new Float32Array([1.5, -2]));
  const a = SparseElementsAttr.get(type, indices, values);
  assert.is(a, SparseElementsAttr.get(type, indices, values), "interned");
  assert.is(a.count, 2);
  assert.equal(a.index(1), [2n, 3n]);
  assert.is(printAttribute(a), "sparse<[[0, 1], [2, 3]], [1.500000e+00, -2.000000e+00]> : tensor<3x4xf32>");
  const parsed = parseAttribute(printAttribute(a), newContext());
  assert.ok(E.isRight(parsed) && parsed.right === a, "parses back to the same attribute");

  const failures: [() => unknown, RegExp][] = [
    [() => SparseElementsAttr.get(tensor([3, 4], f32), DenseElementsAttr.get(tensor([1, 2], i64), new BigInt64Array([3n, 0n])), DenseElementsAttr.get(tensor([1], f32), new Float32Array([1]))), /^sparse index #0 is not contained within the value shape, with index=\[3, 0\], and type='<tensor>'$/],
    [() => SparseElementsAttr.get(type, indices, DenseElementsAttr.get(tensor([3], f32), new Float32Array(3))), /^expected shape \(\[3, 4\]\); inferred shape of indices literal \(\[2, 2\]\); inferred shape of values literal \(\[3\]\)$/],
    [() => SparseElementsAttr.get(type, indices, DenseElementsAttr.get(tensor([2, 1], f32), new Float32Array(2))), /^expected 1-d tensor for sparse element values$/],
    [() => SparseElementsAttr.get(type, DenseElementsAttr.get(tensor([2, 2], i32), new Int32Array(4)), values), /^expected i64 sparse indices, not 'i32'$/],
    [() => SparseElementsAttr.get(vector([3, 4], i32), indices, values), /^expected sparse values of the element type 'i32', not 'f32'$/],
  ];
  for (const [build, message] of failures) {
    assert.throws(build, (e: unknown) => e instanceof InvalidParametersError && message.test(e.message), String(message));
  }
});

test.run();
