// RMSNorm, as in LLaMA: y = x / sqrt(mean(x²) + ε) · g, over the last axis, in TOSA.
//
//   npx tensile compile examples/rmsnorm.mlir --target host          # writes examples/rmsnorm.o
//   npx tensile compile examples/rmsnorm.mlir --target riscv64-rvv -o rmsnorm-rv.o
//   npx tensile run examples/rmsnorm.mlir --fn rmsnorm --args '[[1,2,3,4],[2,2,2,2]]' '[1,1,0.5,2]'
//
// The mean is a sum times 1/n (a constant); the gain g has one value per feature and broadcasts over rows.
func.func @rmsnorm(%x: tensor<2x4xf32>, %g: tensor<4xf32>) -> tensor<2x4xf32> {
  %inv_n = "tosa.const"() {value = dense<0.25> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %eps = "tosa.const"() {value = dense<1.0e-5> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %sq = "tosa.mul"(%x, %x) {shift = 0 : i32} : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  %sum = "tosa.reduce_sum"(%sq) {axis = 1 : i64} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %mean = "tosa.mul"(%sum, %inv_n) {shift = 0 : i32} : (tensor<2x1xf32>, tensor<1x1xf32>) -> tensor<2x1xf32>
  %var = "tosa.add"(%mean, %eps) : (tensor<2x1xf32>, tensor<1x1xf32>) -> tensor<2x1xf32>
  %scale = "tosa.rsqrt"(%var) : (tensor<2x1xf32>) -> tensor<2x1xf32>
  %normed = "tosa.mul"(%x, %scale) {shift = 0 : i32} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  %g2 = "tosa.reshape"(%g) {new_shape = array<i64: 1, 4>} : (tensor<4xf32>) -> tensor<1x4xf32>
  %r = "tosa.mul"(%normed, %g2) {shift = 0 : i32} : (tensor<2x4xf32>, tensor<1x4xf32>) -> tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}
