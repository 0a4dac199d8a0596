// RUN: tensile-opt %s --canonicalize --split-input-file | FileCheck %s
// linalg's canonicalization patterns, as mlir-opt-16 --canonicalize applies them (the CHECK lines are its output).

#id = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @identity_generic(
// CHECK-NEXT: return %arg0 : tensor<2x3xf32>
func.func @identity_generic(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<2x3xf32>) outs(%b : tensor<2x3xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  } -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

#id = affine_map<(d0) -> (d0)>

// CHECK-LABEL: func.func @identity_two_results(
// CHECK-NEXT: return %arg1, %arg0 : tensor<5xi32>, tensor<5xi32>
func.func @identity_two_results(%a: tensor<5xi32>, %b: tensor<5xi32>) -> (tensor<5xi32>, tensor<5xi32>) {
  %0:2 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel"]} ins(%a : tensor<5xi32>) outs(%b, %a : tensor<5xi32>, tensor<5xi32>) {
  ^bb0(%x: i32, %y: i32, %z: i32):
    linalg.yield %y, %x : i32, i32
  } -> (tensor<5xi32>, tensor<5xi32>)
  return %0#0, %0#1 : tensor<5xi32>, tensor<5xi32>
}

// -----

// CHECK-LABEL: func.func @identity_rank0(
// CHECK-NEXT: return %arg0 : tensor<f64>
func.func @identity_rank0(%a: tensor<f64>, %b: tensor<f64>) -> tensor<f64> {
  %0 = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []} ins(%a : tensor<f64>) outs(%b : tensor<f64>) {
  ^bb0(%x: f64, %y: f64):
    linalg.yield %x : f64
  } -> tensor<f64>
  return %0 : tensor<f64>
}

// -----

// A transposing copy is no identity.
// CHECK-LABEL: func.func @transposing_copy(
// CHECK-NEXT: %0 = linalg.generic
func.func @transposing_copy(%a: tensor<3x3xf32>, %b: tensor<3x3xf32>) -> tensor<3x3xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<3x3xf32>) outs(%b : tensor<3x3xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  } -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

// A payload that computes is no identity.
// CHECK-LABEL: func.func @computing(
// CHECK-NEXT: %0 = linalg.generic
func.func @computing(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%b : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    %n = arith.negf %x : f32
    linalg.yield %n : f32
  } -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// On memrefs: a copy of a buffer onto itself is erased; between two buffers it stays.
// CHECK-LABEL: func.func @buffers(
// CHECK-NEXT: linalg.generic
// CHECK-SAME: ins(%arg0 : memref<4xf32>) outs(%arg1 : memref<4xf32>)
// CHECK: return
func.func @buffers(%a: memref<4xf32>, %b: memref<4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%a : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%b : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

// A structured op on tensors has no memory effects: unused, it is dead; on memrefs it stays.
// CHECK-LABEL: func.func @dead(
// CHECK-NEXT: linalg.matmul ins(%arg3, %arg3 : memref<2x2xf32>, memref<2x2xf32>) outs(%arg3 : memref<2x2xf32>)
// CHECK-NEXT: return %arg0 : tensor<2x2xf32>
func.func @dead(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %x: f32, %m: memref<2x2xf32>) -> tensor<2x2xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<2x2xf32>, tensor<2x2xf32>) outs(%a : tensor<2x2xf32>) -> tensor<2x2xf32>
  %1 = linalg.fill ins(%x : f32) outs(%b : tensor<2x2xf32>) -> tensor<2x2xf32>
  linalg.matmul ins(%m, %m : memref<2x2xf32>, memref<2x2xf32>) outs(%m : memref<2x2xf32>)
  return %a : tensor<2x2xf32>
}
