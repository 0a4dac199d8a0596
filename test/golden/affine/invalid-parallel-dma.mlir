// RUN: tensile-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Verifier and parser messages of affine.parallel and the DMA ops, as mlir-opt-16 gives them.

func.func @parallel_groups_mismatch(%n: index) {
  // expected-error @+1 {{'affine.parallel' op the number of region arguments (1) and the number of map groups for lower (2) and upper bound (1), and the number of steps (1) must all match}}
  "affine.parallel"() ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) {lowerBoundsGroups = dense<1> : tensor<2xi32>, lowerBoundsMap = affine_map<() -> (0, 0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>} : () -> ()
  return
}

// -----

func.func @parallel_lb_results() {
  // expected-error @+1 {{'affine.parallel' op expected lower bounds map to have 2 results}}
  "affine.parallel"() ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) {lowerBoundsGroups = dense<2> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>} : () -> ()
  return
}

// -----

func.func @parallel_ub_results() {
  // expected-error @+1 {{'affine.parallel' op expected upper bounds map to have 1 results}}
  "affine.parallel"() ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) {lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10, 4)>} : () -> ()
  return
}

// -----

func.func @parallel_missing_reduction(%A: memref<4xf32>) {
  // expected-error @+1 {{'affine.parallel' op a reduction must be specified for each output}}
  %r = "affine.parallel"() ({
  ^bb0(%i: index):
    %v = affine.load %A[%i] : memref<4xf32>
    "affine.yield"(%v) : (f32) -> ()
  }) {lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (4)>} : () -> f32
  return
}

// -----

func.func @parallel_bad_reduction_kind() {
  // expected-error @+1 {{'affine.parallel' op attribute 'reductions' failed to satisfy constraint: Reduction ops}}
  %r = "affine.parallel"() ({
  ^bb0(%i: index):
    %c = arith.constant 1.0 : f32
    "affine.yield"(%c) : (f32) -> ()
  }) {lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [42], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (4)>} : () -> f32
  return
}

// -----

func.func @parallel_invalid_reduction_name() {
  // expected-error @+1 {{invalid reduction value: "foo"}}
  %r = affine.parallel (%i) = (0) to (4) reduce ("foo") -> (f32) {
    %c = arith.constant 1.0 : f32
    affine.yield %c : f32
  }
  return
}

// -----

func.func @parallel_non_constant_step(%n: index) {
  // expected-error @+1 {{steps must be constant integers}}
  affine.parallel (%i) = (0) to (4) step (%n) {
  }
  return
}

// -----

func.func @parallel_dim_not_valid(%A: memref<4xindex>) {
  affine.for %i = 0 to 4 {
    %v = affine.load %A[%i] : memref<4xindex>
    // expected-error @+1 {{'affine.parallel' op operand cannot be used as a dimension id}}
    affine.parallel (%j) = (%v) to (4) {
    }
  }
  return
}

// -----

func.func @parallel_bound_not_a_symbol(%A: memref<4xindex>) {
  affine.for %i = 0 to 4 {
    %v = affine.load %A[%i] : memref<4xindex>
    // expected-error @+1 {{'affine.parallel' op operand cannot be used as a symbol}}
    affine.parallel (%j) = (0) to (symbol(%v)) {
    }
  }
  return
}

// -----

func.func @parallel_yield_count() {
  affine.parallel (%i) = (0) to (4) reduce ("addf") -> (f32) {
    // expected-error @+1 {{'affine.yield' op parent of yield must have same number of results as the yield operands}}
    affine.yield
  }
  return
}

// -----

func.func @parallel_yield_type() {
  %r = affine.parallel (%i) = (0) to (4) reduce ("addf") -> (f32) {
    %c = arith.constant 1 : i32
    // expected-error @+1 {{'affine.yield' op types mismatch between yield op and its parent}}
    affine.yield %c : i32
  }
  return
}

// -----

func.func @parallel_steps_attr() {
  // expected-error @+1 {{'affine.parallel' op attribute 'steps' failed to satisfy constraint: 64-bit integer array attribute}}
  "affine.parallel"() ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) {lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1 : i32], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (4)>} : () -> ()
  return
}

// -----

func.func @dma_start_source_not_memref(%x: index, %B: memref<4xf32>, %t: memref<1xi32>) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'affine.dma_start' op expected DMA source to be of memref type}}
  "affine.dma_start"(%x, %B, %c0, %t, %c0, %c0) {src_map = affine_map<() -> ()>, dst_map = affine_map<(d0) -> (d0)>, tag_map = affine_map<(d0) -> (d0)>} : (index, memref<4xf32>, index, memref<1xi32>, index, index) -> ()
  return
}

// -----

func.func @dma_start_tag_not_memref(%A: memref<4xf32>, %B: memref<4xf32>, %t: index) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'affine.dma_start' op expected DMA tag to be of memref type}}
  "affine.dma_start"(%A, %c0, %B, %c0, %t, %c0) {src_map = affine_map<(d0) -> (d0)>, dst_map = affine_map<(d0) -> (d0)>, tag_map = affine_map<() -> ()>} : (memref<4xf32>, index, memref<4xf32>, index, index, index) -> ()
  return
}

// -----

func.func @dma_start_operand_count(%A: memref<4xf32>, %B: memref<4xf32>, %t: memref<1xi32>) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'affine.dma_start' op incorrect number of operands}}
  "affine.dma_start"(%A, %c0, %B, %c0, %t, %c0, %c0, %c0) {src_map = affine_map<(d0) -> (d0)>, dst_map = affine_map<(d0) -> (d0)>, tag_map = affine_map<(d0) -> (d0)>} : (memref<4xf32>, index, memref<4xf32>, index, memref<1xi32>, index, index, index) -> ()
  return
}

// -----

func.func @dma_start_src_index_type(%A: memref<4xf32>, %B: memref<4xf32>, %t: memref<1xi32>, %i: i32) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'affine.dma_start' op src index to dma_start must have 'index' type}}
  "affine.dma_start"(%A, %i, %B, %c0, %t, %c0, %c0) {src_map = affine_map<(d0) -> (d0)>, dst_map = affine_map<(d0) -> (d0)>, tag_map = affine_map<(d0) -> (d0)>} : (memref<4xf32>, i32, memref<4xf32>, index, memref<1xi32>, index, index) -> ()
  return
}

// -----

func.func @dma_start_dst_index_not_affine(%A: memref<4xf32>, %B: memref<4xf32>, %t: memref<1xi32>, %I: memref<1xindex>) {
  %c0 = arith.constant 0 : index
  affine.for %i = 0 to 4 {
    %v = affine.load %I[0] : memref<1xindex>
    // expected-error @+1 {{'affine.dma_start' op dst index must be a dimension or symbol identifier}}
    affine.dma_start %A[%i], %B[%v], %t[%c0], %c0 : memref<4xf32>, memref<4xf32>, memref<1xi32>
  }
  return
}

// -----

func.func @dma_start_strides(%A: memref<4xf32>, %B: memref<4xf32>, %t: memref<1xi32>) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{expected two stride related operands}}
  affine.dma_start %A[%c0], %B[%c0], %t[%c0], %c0, %c0 : memref<4xf32>, memref<4xf32>, memref<1xi32>
  return
}

// -----

func.func @dma_start_types(%A: memref<4xf32>, %B: memref<4xf32>, %t: memref<1xi32>) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{expected three types}}
  affine.dma_start %A[%c0], %B[%c0], %t[%c0], %c0 : memref<4xf32>, memref<4xf32>
  return
}

// -----

func.func @dma_wait_tag_type(%t: index) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{expected tag to be of memref type}}
  affine.dma_wait %t[%c0], %c0 : index
  return
}

// -----

func.func @dma_wait_index(%t: memref<1xi32>, %I: memref<1xindex>) {
  %c0 = arith.constant 0 : index
  affine.for %i = 0 to 4 {
    %v = affine.load %I[0] : memref<1xindex>
    // expected-error @+1 {{'affine.dma_wait' op index must be a dimension or symbol identifier}}
    affine.dma_wait %t[%v], %c0 : memref<1xi32>
  }
  return
}

// -----

func.func @dma_wait_index_type(%t: memref<1xi32>, %i: i32) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'affine.dma_wait' op index to dma_wait must have 'index' type}}
  "affine.dma_wait"(%t, %i, %c0) {tag_map = affine_map<(d0) -> (d0)>} : (memref<1xi32>, i32, index) -> ()
  return
}
