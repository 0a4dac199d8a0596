// RUN: tensile-opt %s --canonicalize | FileCheck %s
// Folds where Tensile deliberately differs from mlir-opt-16 --canonicalize: dense comparisons and selects that
// MLIR 16 leaves alone, signed divisions at INT_MIN that MLIR 16 folds wrongly, and a floordivsi overflow it folds.

// CHECK-LABEL: func.func @cmpi_dense_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant dense<[true, true, false]> : vector<3xi1>
// CHECK-DAG: %[[C1:.+]] = arith.constant dense<[false, true]> : tensor<2xi1>
// CHECK: return %[[C0]], %[[C1]] : vector<3xi1>, tensor<2xi1>
func.func @cmpi_dense_constants() -> (vector<3xi1>, tensor<2xi1>) {
  %a = arith.constant dense<[1, -2, 3]> : vector<3xi32>
  %b = arith.constant dense<2> : vector<3xi32>
  %r1 = arith.cmpi slt, %a, %b : vector<3xi32>
  %c = arith.constant dense<[1, 200]> : tensor<2xi8>
  %d = arith.constant dense<[1, 5]> : tensor<2xi8>
  %r2 = arith.cmpi ugt, %c, %d : tensor<2xi8>
  return %r1, %r2 : vector<3xi1>, tensor<2xi1>
}

// CHECK-LABEL: func.func @cmpf_dense_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant dense<true> : vector<3xi1>
// CHECK: return %[[C0]] : vector<3xi1>
func.func @cmpf_dense_constants() -> vector<3xi1> {
  %a = arith.constant dense<[1.0, 0x7FC00000, -0.0]> : vector<3xf32>
  %b = arith.constant dense<[2.0, 1.0, 0.0]> : vector<3xf32>
  %r = arith.cmpf ule, %a, %b : vector<3xf32>
  return %r : vector<3xi1>
}

// CHECK-LABEL: func.func @select_dense_condition(
// CHECK-DAG: %[[C0:.+]] = arith.constant dense<[1, 7, 3]> : vector<3xi32>
// CHECK: return %[[C0]] : vector<3xi32>
func.func @select_dense_condition() -> vector<3xi32> {
  %c = arith.constant dense<[true, false, true]> : vector<3xi1>
  %a = arith.constant dense<[1, 2, 3]> : vector<3xi32>
  %b = arith.constant dense<7> : vector<3xi32>
  %r = arith.select %c, %a, %b : vector<3xi1>, vector<3xi32>
  return %r : vector<3xi32>
}

// CHECK-LABEL: func.func @signed_division_at_int_min(
// CHECK-DAG: %[[C0:.+]] = arith.constant -64 : i8
// CHECK-DAG: %[[C1:.+]] = arith.constant 64 : i8
// CHECK-DAG: %[[C2:.+]] = arith.constant -43 : i8
// CHECK: return %[[C0]], %[[C1]], %[[C2]], %[[C1]] : i8, i8, i8, i8
func.func @signed_division_at_int_min() -> (i8, i8, i8, i8) {
  %min = arith.constant -128 : i8
  %c2 = arith.constant 2 : i8
  %m2 = arith.constant -2 : i8
  %r1 = arith.ceildivsi %min, %c2 : i8
  %r2 = arith.floordivsi %min, %m2 : i8
  %c3 = arith.constant 3 : i8
  %r3 = arith.floordivsi %min, %c3 : i8
  %r4 = arith.ceildivsi %min, %m2 : i8
  return %r1, %r2, %r3, %r4 : i8, i8, i8, i8
}

// CHECK-LABEL: func.func @floordivsi_overflow_not_folded(
// CHECK-DAG: %[[C0:.+]] = arith.constant -128 : i8
// CHECK-DAG: %[[C1:.+]] = arith.constant -1 : i8
// CHECK: %0 = arith.floordivsi %[[C0]], %[[C1]] : i8
// CHECK-NEXT: return %0 : i8
func.func @floordivsi_overflow_not_folded() -> i8 {
  %min = arith.constant -128 : i8
  %m1 = arith.constant -1 : i8
  %r = arith.floordivsi %min, %m1 : i8
  return %r : i8
}

// CHECK-LABEL: func.func @ori_splat_all_ones(
// CHECK-DAG: %[[C0:.+]] = arith.constant dense<-1> : vector<2xi8>
// CHECK: return %[[C0]] : vector<2xi8>
func.func @ori_splat_all_ones(%x: vector<2xi8>) -> vector<2xi8> {
  %m = arith.constant dense<-1> : vector<2xi8>
  %r = arith.ori %x, %m : vector<2xi8>
  return %r : vector<2xi8>
}

