// Dynamic shapes: a tensor<?xf32> has a size known only at run time (tensor.dim reads it). The compiled
// function takes any length; the result is a new buffer of that length, owned by the caller.
//
//   npx tensile compile examples/dynamic.mlir --target host          # writes examples/dynamic.o
//   npx tensile compile examples/dynamic.mlir --target riscv64-rvv -o dynamic-rv.o
//   npx tensile run examples/dynamic.mlir --fn axpy --args 3 '[1,2,3,4,5]' '[1,1,1,1,1]'
//   npx tensile run examples/dynamic.mlir --fn outer --args '[1,2,3]' '[10,20]'

// a · x + y, for x and y of any (equal) length: the loop is vectorized for any trip count.
func.func @axpy(%a: f32, %x: tensor<?xf32>, %y: tensor<?xf32>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf32>
  %e = tensor.empty(%n) : tensor<?xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>, affine_map<(i) -> (i)>],
                       iterator_types = ["parallel"]}
      ins(%x, %y : tensor<?xf32>, tensor<?xf32>) outs(%e : tensor<?xf32>) {
  ^bb0(%xi: f32, %yi: f32, %o: f32):
    %ax = arith.mulf %a, %xi : f32
    %s = arith.addf %ax, %yi : f32
    linalg.yield %s : f32
  } -> tensor<?xf32>
  return %r : tensor<?xf32>
}

// The outer product a ⊗ b: an [m, n] result for a of length m and b of length n.
func.func @outer(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %m = tensor.dim %a, %c0 : tensor<?xf32>
  %n = tensor.dim %b, %c0 : tensor<?xf32>
  %e = tensor.empty(%m, %n) : tensor<?x?xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<?xf32>, tensor<?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%ai: f32, %bj: f32, %o: f32):
    %p = arith.mulf %ai, %bj : f32
    linalg.yield %p : f32
  } -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}
