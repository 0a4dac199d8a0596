// RUN: tensile-opt %s --lower-vector-mask | FileCheck %s
// lower-vector-mask on masked transfer_read (in_bounds kept), transfer_write to a memref and to a tensor, and a masked read with a passthru value, which stays. The CHECK lines are mlir-opt-16's output.

// CHECK-LABEL: func.func @read(
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %0 = vector.transfer_read %arg0[%arg1], %cst, %arg2 {in_bounds = [true]} : memref<?xf32>, vector<16xf32>
// CHECK-NEXT: return %0 : vector<16xf32>
func.func @read(%b: memref<?xf32>, %i: index, %m: vector<16xi1>) -> vector<16xf32> {
  %pad = arith.constant 0.0 : f32
  %r = vector.mask %m { vector.transfer_read %b[%i], %pad {in_bounds = [true]} : memref<?xf32>, vector<16xf32> } : vector<16xi1> -> vector<16xf32>
  return %r : vector<16xf32>
}

// CHECK-LABEL: func.func @write(
// CHECK-NEXT: vector.transfer_write %arg2, %arg0[%arg1, %arg1], %arg3 : vector<4x8xf32>, memref<?x?xf32>
// CHECK-NEXT: return
func.func @write(%b: memref<?x?xf32>, %i: index, %v: vector<4x8xf32>, %m: vector<4x8xi1>) {
  vector.mask %m { vector.transfer_write %v, %b[%i, %i] : vector<4x8xf32>, memref<?x?xf32> } : vector<4x8xi1>
  return
}

// CHECK-LABEL: func.func @write_tensor(
// CHECK-NEXT: %0 = vector.transfer_write %arg2, %arg0[%arg1], %arg3 : vector<8xf32>, tensor<?xf32>
// CHECK-NEXT: return %0 : tensor<?xf32>
func.func @write_tensor(%t: tensor<?xf32>, %i: index, %v: vector<8xf32>, %m: vector<8xi1>) -> tensor<?xf32> {
  %r = vector.mask %m { vector.transfer_write %v, %t[%i] : vector<8xf32>, tensor<?xf32> } : vector<8xi1> -> tensor<?xf32>
  return %r : tensor<?xf32>
}

// CHECK-LABEL: func.func @passthru(
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %0 = vector.mask %arg2, %arg3 { vector.transfer_read %arg0[%arg1], %cst : memref<?xf32>, vector<16xf32> } : vector<16xi1> -> vector<16xf32>
// CHECK-NEXT: return %0 : vector<16xf32>
func.func @passthru(%b: memref<?xf32>, %i: index, %m: vector<16xi1>, %p: vector<16xf32>) -> vector<16xf32> {
  %pad = arith.constant 0.0 : f32
  %r = vector.mask %m, %p { vector.transfer_read %b[%i], %pad : memref<?xf32>, vector<16xf32> } : vector<16xi1> -> vector<16xf32>
  return %r : vector<16xf32>
}

