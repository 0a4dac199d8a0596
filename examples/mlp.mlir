// A multilayer-perceptron layer in TOSA: y = relu(x · Wᵀ + b), then a second layer with a GELU
// (tanh approximation), as a model exporter (e.g. from TensorFlow Lite or torch-mlir) would emit it.
//
//   npx tensile compile examples/mlp.mlir --target host              # writes examples/mlp.o
//   npx tensile compile examples/mlp.mlir --target riscv64-rvv -o mlp-rv.o
//   npx tensile run examples/mlp.mlir --fn dense_relu \
//     --args '[[1,2,3,4],[-1,0,1,2]]' '[[1,0,0,0],[0,1,0,0],[0,0,1,0]]' '[-2,0,0.5]'
//   npx tensile run examples/mlp.mlir --fn gelu --args '[[-1,0,1],[2,3,-3]]'
//   npx tensile run examples/mlp.mlir --fn mlp \
//     --args '[[1,2,3,4],[-1,0,1,2]]' '[[1,0,0,0],[0,1,0,0],[0,0,1,0]]' '[-2,0,0.5]' \
//            '[[1,1,0],[0,1,1],[1,0,-1]]' '[0,0.5,-1]'
//
// tosa.fully_connected takes the weights as [out, in] (transposed) and the bias per output feature;
// tosa.clamp to [0, +max] is TOSA's ReLU.

// One dense layer with a ReLU: [batch=2, in=4] x [out=3, in=4] + [3] -> [2, 3].
func.func @dense_relu(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %y = "tosa.fully_connected"(%x, %w, %b) : (tensor<2x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %r = "tosa.clamp"(%y) {min_fp = 0.0 : f32, max_fp = 3.40282347E+38 : f32, min_int = 0 : i64, max_int = 2147483647 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// GELU, tanh form: 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³))), elementwise with broadcast constants.
func.func @gelu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %half = "tosa.const"() {value = dense<0.5> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %one = "tosa.const"() {value = dense<1.0> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %c = "tosa.const"() {value = dense<0.044715> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %k = "tosa.const"() {value = dense<0.797884583> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %x2 = "tosa.mul"(%x, %x) {shift = 0 : i32} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %x3 = "tosa.mul"(%x2, %x) {shift = 0 : i32} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %cx3 = "tosa.mul"(%x3, %c) {shift = 0 : i32} : (tensor<2x3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
  %inner = "tosa.add"(%x, %cx3) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %scaled = "tosa.mul"(%inner, %k) {shift = 0 : i32} : (tensor<2x3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
  %t = "tosa.tanh"(%scaled) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %onept = "tosa.add"(%t, %one) : (tensor<2x3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
  %hx = "tosa.mul"(%x, %half) {shift = 0 : i32} : (tensor<2x3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
  %r = "tosa.mul"(%hx, %onept) {shift = 0 : i32} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// Two layers: dense [4 -> 3] + ReLU, then dense [3 -> 3] + GELU, through calls (inlined by LLVM).
func.func @mlp(%x: tensor<2x4xf32>, %w1: tensor<3x4xf32>, %b1: tensor<3xf32>, %w2: tensor<3x3xf32>, %b2: tensor<3xf32>) -> tensor<2x3xf32> {
  %h = call @dense_relu(%x, %w1, %b1) : (tensor<2x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %y = "tosa.fully_connected"(%h, %w2, %b2) : (tensor<2x3xf32>, tensor<3x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %r = call @gelu(%y) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}
