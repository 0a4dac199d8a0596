// Attention scores for two heads: softmax(Q · Kᵀ / √d) · V, with batched matrix products (tosa.matmul's
// first axis is the batch, here the head), a transpose of K, a scale and a softmax over the keys.
//
//   npx tensile compile examples/attention.mlir --target host        # writes examples/attention.o
//   npx tensile compile examples/attention.mlir --target riscv64-rvv -o attention-rv.o
//   npx tensile run examples/attention.mlir --fn attention \
//     --args '[[[1,0,0,0],[0,1,0,0],[0,0,1,0]],[[1,1,1,1],[0,0,0,0],[1,0,1,0]]]' \
//            '[[[1,0,0,0],[0,1,0,0],[0,0,1,0]],[[1,1,0,0],[0,0,1,1],[1,0,0,1]]]' \
//            '[[[1,2],[3,4],[5,6]],[[1,0],[0,1],[1,1]]]'
//
// Shapes: Q, K: [heads=2, tokens=3, d=4]; V: [2, 3, 2]; scores: [2, 3, 3]; result: [2, 3, 2].
func.func @attention(%q: tensor<2x3x4xf32>, %k: tensor<2x3x4xf32>, %v: tensor<2x3x2xf32>) -> tensor<2x3x2xf32> {
  %perm = "tosa.const"() {value = dense<[0, 2, 1]> : tensor<3xi64>} : () -> tensor<3xi64>
  %kt = "tosa.transpose"(%k, %perm) : (tensor<2x3x4xf32>, tensor<3xi64>) -> tensor<2x4x3xf32>
  %s = "tosa.matmul"(%q, %kt) : (tensor<2x3x4xf32>, tensor<2x4x3xf32>) -> tensor<2x3x3xf32>
  // 1/√d with d = 4.
  %inv_sqrt_d = "tosa.const"() {value = dense<0.5> : tensor<1x1x1xf32>} : () -> tensor<1x1x1xf32>
  %scaled = "tosa.mul"(%s, %inv_sqrt_d) {shift = 0 : i32} : (tensor<2x3x3xf32>, tensor<1x1x1xf32>) -> tensor<2x3x3xf32>
  %max = "tosa.reduce_max"(%scaled) {axis = 2 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3x1xf32>
  %shifted = "tosa.sub"(%scaled, %max) : (tensor<2x3x3xf32>, tensor<2x3x1xf32>) -> tensor<2x3x3xf32>
  %e = "tosa.exp"(%shifted) : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %sum = "tosa.reduce_sum"(%e) {axis = 2 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3x1xf32>
  %inv = "tosa.reciprocal"(%sum) : (tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %p = "tosa.mul"(%e, %inv) {shift = 0 : i32} : (tensor<2x3x3xf32>, tensor<2x3x1xf32>) -> tensor<2x3x3xf32>
  %r = "tosa.matmul"(%p, %v) : (tensor<2x3x3xf32>, tensor<2x3x2xf32>) -> tensor<2x3x2xf32>
  return %r : tensor<2x3x2xf32>
}
