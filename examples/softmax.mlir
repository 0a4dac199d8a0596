// Softmax over the last axis in TOSA, the numerically stable way: exp(x - max(x)) / sum(exp(x - max(x))).
//
//   npx tensile compile examples/softmax.mlir --target host          # writes examples/softmax.o
//   npx tensile compile examples/softmax.mlir --target riscv64-rvv -o softmax-rv.o
//   npx tensile run examples/softmax.mlir --fn softmax --args '[[1,2,3,4],[0,0,0,0]]'
//
// Reductions keep the reduced axis (size 1), and elementwise TOSA ops broadcast it back.
func.func @softmax(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %max = "tosa.reduce_max"(%x) {axis = 1 : i64} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %shifted = "tosa.sub"(%x, %max) : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  %e = "tosa.exp"(%shifted) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %sum = "tosa.reduce_sum"(%e) {axis = 1 : i64} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %inv = "tosa.reciprocal"(%sum) : (tensor<2x1xf32>) -> tensor<2x1xf32>
  %r = "tosa.mul"(%e, %inv) {shift = 0 : i32} : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}
