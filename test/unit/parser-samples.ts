/**
 * Valid MLIR 16 inputs for the parser tests (each accepted by `mlir-opt-16 --allow-unregistered-dialect`,
 * which parser.test.ts checks when the tool is installed). They use the builtin, func and arith dialects
 * and unregistered `my.*` ops, and together exercise every construct the parser supports.
 */

/** Generic form: aliases, result groups, successors, regions, blocks, every builtin attribute, locations. */
export const genericKitchenSink = `#map = affine_map<(d0, d1)[s0] -> (d0 + s0, d1 floordiv 2, d0 mod 4)>
#enc = "sparse"
!tensor = tensor<4x?xf32, #enc>
#loc_top = loc("top.py":7:8)
"my.op"() ({
^bb0(%arg0: i32 loc("arg.py":1:2), %arg1: !tensor):
  %0:2 = "my.pair"(%arg0) {order = [1 : i32, 0 : i32]} : (i32) -> (i32, f32) loc(#loc_top)
  "my.br"(%0#1)[^bb1] : (f32) -> ()
^bb2:
  %1 = "my.use"(%0#0, %0#1, %fwd) : (i32, f32, i64) -> index loc(#loc_later)
  "my.end"(%1) : (index) -> ()
^bb1:
  %fwd = "my.def"() : () -> i64
  "my.br"()[^bb2] : () -> ()
}, {
}) {
  b = true, c = false, u, i = 42, j = -7 : i8, k = 255 : ui8, idx = 3 : index, h = 0x1F : i16,
  f = 1.5, g = -2.5e-3 : f32, n = 0x7FC00000 : f32, half = 1.0 : f16, bf = 0.5 : bf16,
  s = "a\\"b\\\\c\\n\\09", st = "typed" : i32, ty = tensor<*xf32>, fty = (i32, f32) -> i1,
  arr = [1, "x", [], {}], dict = {a = 1, "quoted key" = unit},
  sym = @root::@nested::@"leaf name", m = #map, inline = affine_map<(d0) -> (-d0 + 3, d0 * 2 - 1)>,
  strided = strided<[?, 1], offset: ?>, darr = array<i64: 1, -2, 3>, farr = array<f32: 1.0, 2.5>, barr = array<i1: true, false>,
  e = array<i8>, dense_i = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>, dense_splat = dense<1.5> : vector<4xf16>,
  dense_hex = dense<"0x0000803F00000040"> : tensor<2xf32>, dense_bool = dense<[true, false, true]> : tensor<3xi1>,
  dense_empty = dense<> : tensor<0xi64>, res = dense_resource<weights> : tensor<2xi32>,
  opaque_t = !my.thing<"x" <nested> [1, 2]>, opaque_a = #my.attr<{a = b}>,
  l1 = loc(unknown), l2 = loc("name"("file.mlir":3:4)), l3 = loc(callsite("callee":1:1 at "caller":2:2)),
  l4 = loc(fused<"meta">["a":1:1, "b":2:2])
} : () -> () loc(fused["f":1:1, "g":2:2])
#loc_later = loc("later.py":9:10)
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000100000002000000"
    }
  }
#-}
`;

/** Custom forms of the registered dialects, with block labels, locations and attributes on arguments. */
export const funcAndArith = `module @m attributes {my.flag} {
  func.func private @decl(i32, tensor<2xf32>) -> (i1, index)
  func.func @compute(%a: i32 {my.arg = 1 : i64}, %b: f32 loc("b.py":3:4)) -> (i32, f32) attributes {my.fn} {
    %c1 = arith.constant 1 : i32
    %cst = arith.constant 2.500000e+00 : f32
    %0 = arith.addi %a, %c1 : i32
    %1 = arith.mulf %b, %cst fastmath<fast> : f32
    %2 = arith.cmpi slt, %0, %a : i32
    %3 = arith.select %2, %0, %a : i32
    %v = arith.constant dense<[1, 2, 3, 4]> : vector<4xi32>
    return %3, %1 : i32, f32
  }
  func.func @blocks(%n: index) -> index {
    "my.br"()[^bb2] : () -> ()
  ^bb1(%x: index):
    return %x : index
  ^bb2:
    "my.br"(%n)[^bb1] : (index) -> ()
  }
}
`;

/** Uses before definitions: in a graph region, across blocks, from nested regions. */
export const forwardReferences = `"my.a"(%late) : (i32) -> ()
"my.region"() ({
  "my.inner"(%late, %outer) : (i32, f64) -> ()
}) : () -> ()
%late = "my.def"() : () -> i32
%outer = "my.def2"() : () -> f64
func.func @sibling1() -> i32 {
  %x = "my.v"() : () -> i32
  return %x : i32
}
func.func @sibling2() -> i32 {
  %x = "my.v"() : () -> i32
  return %x : i32
}
`;

/** Builtin types in a signature. */
export const typeZoo = `func.func private @types(i0, i1, si8, ui16, i64, index, f16, bf16, f32, f64, f80, f128, none,
  complex<f32>, complex<i8>, tuple<>, tuple<i32, tuple<f32>>, (i32) -> (), () -> (i1, i2),
  tensor<f32>, tensor<0xi8>, tensor<2x?x3xf32>, tensor<*xi1>, tensor<4xf32, "enc">,
  vector<f32>, vector<4xf32>, vector<2x[4]xi8>, vector<[2x4]xf32>,
  memref<f32>, memref<2x?xf32>, memref<4xf32, 1>, memref<4xf32, "space">, memref<*xf32>, memref<*xf32, 2>,
  memref<4x4xf32, strided<[4, 1], offset: 2>>, memref<4xf32, affine_map<(d0)[s0] -> (d0 * 2 + s0)>>,
  memref<4xf32, affine_map<(d0) -> (d0)>>, memref<4xf32, 0>, memref<2xvector<4xf32>>, memref<2xmemref<3xi32>>,
  !my.opaque<"x">, !my.pretty<a, b>, tensor<2x!my.elem>)
`;

export const validSamples: Readonly<Record<string, string>> = {
  genericKitchenSink,
  funcAndArith,
  forwardReferences,
  typeZoo,
};
