/**
 * Dense elements of complex element types (`dense<(1.0, 2.0)> : tensor<complex<f32>>`): stored as pairs of
 * scalars, printed as `(re,im)` and in hex as MLIR 16 prints them, parsed with its errors.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DenseElementsAttr, denseLayout } from "../../src/ir/attributes.ts";
import { ComplexType, f32, f64, i1, i8, i32, tensor } from "../../src/ir/types.ts";
import { printAttribute } from "../../src/text/print-attr.ts";
import { assertAgreesWithMlir, assertSameErrors, mlirOpt, norm, tensileOpt } from "../support/mlir-compat.ts";

const cf32 = ComplexType.get(f32);
const ci8 = ComplexType.get(i8);

test("complex elements are stored as (real, imaginary) pairs; equal pairs make a splat", () => {
  assert.equal(denseLayout(cf32), { Storage: Float32Array, lanes: 2 });
  assert.equal(denseLayout(f64)?.lanes, 1);
  assert.is(denseLayout(ComplexType.get(i1)), undefined);
  const a = DenseElementsAttr.get(tensor([2], cf32), new Float32Array([1, 2, 3, -4]));
  assert.not.ok(a.isSplat);
  assert.equal(a.complexAt(1), [3, -4]);
  assert.is(a.at(1), 3);
  assert.is(printAttribute(a), "dense<[(1.000000e+00,2.000000e+00), (3.000000e+00,-4.000000e+00)]> : tensor<2xcomplex<f32>>");
  const s = DenseElementsAttr.get(tensor([3], ci8), new Int8Array([1, -2, 1, -2, 1, -2]));
  assert.ok(s.isSplat);
  assert.equal(s.complexAt(2), [1, -2]);
  assert.is(s, DenseElementsAttr.get(tensor([3], ci8), new Int8Array([1, -2])));
  assert.is(printAttribute(s), "dense<(1,-2)> : tensor<3xcomplex<i8>>");
  assert.throws(() => DenseElementsAttr.get(tensor([2], cf32), new Float32Array([1, 2, 3])), /values for a type of 2 elements/);
  assert.throws(() => DenseElementsAttr.get(tensor([2], ci8), new Int16Array(4)), /does not match the element type/);
  assert.throws(() => DenseElementsAttr.get(tensor([2], i32), new Int32Array(2)).complexAt(0), /complexAt needs complex elements/);
});

const text = `"foo.a"() {
  a = dense<(1.0, 2.0)> : tensor<complex<f32>>,
  b = dense<[(1, 2), (3, -4)]> : tensor<2xcomplex<i32>>,
  c = dense<[(1.5, 2.0), (1.5, 2.0)]> : tensor<2xcomplex<f64>>,
  d = dense<(1, 2)> : tensor<3xcomplex<i8>>,
  e = dense<[[(0.5, 1.0)], [(2.0, 3.0)]]> : tensor<2x1xcomplex<f16>>,
  f = dense<(1,2)> : tensor<2xcomplex<i64>>,
  g = dense<[(1.0, 0x7FC00001)]> : tensor<1xcomplex<f32>>,
  i = dense<[(1.0, 2.0), (3.0, 4.0)]> : tensor<2xcomplex<bf16>>,
  j = dense<[(1, 2), (3, 4)]> : tensor<2xcomplex<i7>>,
  k = dense<"0x0000803F000000400000404000008040"> : tensor<2xcomplex<f32>>,
  l = dense<(1.0, -0.0)> : tensor<0xcomplex<f32>>,
  m = dense<> : tensor<0xcomplex<f64>>,
  n = dense<[(255, 0), (1, 65535)]> : tensor<2xcomplex<ui16>>,
  o = dense<"0x0100000002000000"> : tensor<complex<i32>>,
  p = dense<(1, 2)> : tensor<2xi32>
} : () -> ()
`;

test("complex dense elements print and read back as mlir-opt-16 prints them", () => {
  assertAgreesWithMlir(text);
});

test("in hex above the limit, as mlir-opt-16", () => {
  for (const n of [0, 2]) {
    const flag = `--mlir-print-elementsattrs-with-hex-if-larger=${n}`;
    assert.fixture(norm(tensileOpt(text, { elements: { hexIfLarger: n } })), norm(mlirOpt([flag], text)), flag);
  }
  const big = `"foo.a"() {a = dense<[${Array.from({ length: 101 }, (_, i) => `(${i}, ${-i})`).join(", ")}]> : tensor<101xcomplex<i16>>} : () -> ()`;
  assert.fixture(norm(tensileOpt(big)), norm(mlirOpt([], big)));
});

test("errors in complex literals are mlir-opt-16's", () => {
  for (const a of [
    "dense<(1 2)> : tensor<complex<i32>>",
    "dense<(1, 2> : tensor<complex<i32>>",
    "dense<(1.5, 2)> : tensor<complex<i32>>",
    "dense<(1, 2)> : tensor<complex<f32>>",
    'dense<"0x01000000"> : tensor<complex<i32>>',
    'dense<"0x010000000200000003000000"> : tensor<2xcomplex<i32>>',
    "dense<(-1, -2)> : tensor<complex<ui8>>",
    "dense<(300, 2)> : tensor<complex<i8>>",
    "dense<(1, 2)> : tensor<complex<index>>",
    "dense<[(1, 2)]> : tensor<2x1xcomplex<i32>>",
    "dense<(1, )> : tensor<complex<i32>>",
  ]) {
    assertSameErrors(`"foo.a"() {a = ${a}} : () -> ()\n`);
  }
});

test("what mlir-opt-16 crashes on or misreads is a clear error", () => {
  const first = (a: string): string => {
    try {
      tensileOpt(`"foo.a"() {a = ${a}} : () -> ()`);
      return "accepted";
    } catch (e) {
      return String((e as Error).message).split("\n")[0] as string;
    }
  };
  // mlir-opt-16 aborts on the first and reads the second as the splat (1,2).
  assert.match(first("dense<1> : tensor<complex<i32>>"), "expected one complex element '(re, im)', but parsed 1 scalars");
  assert.match(first("dense<[(1, 2), 3]> : tensor<2xcomplex<i32>>"), "expected one or 2 complex elements '(re, im)', but parsed 3 scalars");
  // mlir-opt-16 misreads its own bit-packed complex<i1> storage.
  assert.match(first("dense<(true, false)> : tensor<complex<i1>>"), "dense elements of this element type are not supported");
});

test.run();
