// linalg.generic on tensors: the loop nest is described by indexing maps (which element of each operand an
// iteration point reads or writes) and iterator types (parallel, or a reduction), and the body says what one
// point computes. Tensile bufferizes the tensors, turns the generics into loops and the loops into vector
// code where it can.
//
//   npx tensile compile examples/generic.mlir --target host          # writes examples/generic.o
//   npx tensile compile examples/generic.mlir --target riscv64-rvv -o generic-rv.o
//   npx tensile run examples/generic.mlir --fn saxpy --args 2 '[1,2,3,4,5,6,7,8]' '[1,1,1,1,1,1,1,1]'
//   npx tensile run examples/generic.mlir --fn row_sum_of_squares --args '[[1,2,3],[4,5,6]]'
//   npx tensile run examples/generic.mlir --fn matvec --args '[[1,2,3],[4,5,6]]' '[1,0,-1]'

#id = affine_map<(i) -> (i)>

// y = a·x + y, elementwise (one parallel loop).
func.func @saxpy(%a: f32, %x: tensor<8xf32>, %y: tensor<8xf32>) -> tensor<8xf32> {
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<8xf32>) outs(%y : tensor<8xf32>) {
  ^bb0(%xi: f32, %yi: f32):
    %ax = arith.mulf %a, %xi : f32
    %s = arith.addf %ax, %yi : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  return %r : tensor<8xf32>
}

// Σ_j x[i][j]² per row: the second loop is a reduction into the output, which starts at zero (linalg.fill).
func.func @row_sum_of_squares(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<2xf32>) -> tensor<2xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>],
                       iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<2x3xf32>) outs(%init : tensor<2xf32>) {
  ^bb0(%xij: f32, %acc: f32):
    %sq = arith.mulf %xij, %xij : f32
    %s = arith.addf %acc, %sq : f32
    linalg.yield %s : f32
  } -> tensor<2xf32>
  return %r : tensor<2xf32>
}

// A named op next to the generic one: linalg.matvec is y[i] += A[i][j] · x[j].
func.func @matvec(%a: tensor<2x3xf32>, %x: tensor<3xf32>) -> tensor<2xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<2xf32>) -> tensor<2xf32>
  %r = linalg.matvec ins(%a, %x : tensor<2x3xf32>, tensor<3xf32>) outs(%init : tensor<2xf32>) -> tensor<2xf32>
  return %r : tensor<2xf32>
}
