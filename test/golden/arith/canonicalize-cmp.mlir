// RUN: tensile-opt %s --canonicalize | FileCheck %s
// arith comparison and select folds and patterns. Compared with mlir-opt-16 by
// test/unit/arith-canonicalize-mlir.test.ts.

// CHECK-LABEL: func.func @cmpi_equal_operands(
// CHECK-DAG: %[[C0:.+]] = arith.constant true
// CHECK-DAG: %[[C1:.+]] = arith.constant false
// CHECK-DAG: %[[C2:.+]] = arith.constant dense<true> : vector<4xi1>
// CHECK: return %[[C0]], %[[C1]], %[[C0]], %[[C1]], %[[C2]] : i1, i1, i1, i1, vector<4xi1>
func.func @cmpi_equal_operands(%x: i32, %v: vector<4xi32>) -> (i1, i1, i1, i1, vector<4xi1>) {
  %r1 = arith.cmpi eq, %x, %x : i32
  %r2 = arith.cmpi ne, %x, %x : i32
  %r3 = arith.cmpi sle, %x, %x : i32
  %r4 = arith.cmpi ugt, %x, %x : i32
  %r5 = arith.cmpi uge, %v, %v : vector<4xi32>
  return %r1, %r2, %r3, %r4, %r5 : i1, i1, i1, i1, vector<4xi1>
}

// CHECK-LABEL: func.func @cmpi_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant true
// CHECK-DAG: %[[C1:.+]] = arith.constant false
// CHECK: return %[[C0]], %[[C1]], %[[C1]], %[[C0]], %[[C1]], %[[C0]] : i1, i1, i1, i1, i1, i1
func.func @cmpi_constants() -> (i1, i1, i1, i1, i1, i1) {
  %a = arith.constant -1 : i8
  %b = arith.constant 1 : i8
  %r1 = arith.cmpi slt, %a, %b : i8
  %r2 = arith.cmpi ult, %a, %b : i8
  %r3 = arith.cmpi sge, %a, %b : i8
  %r4 = arith.cmpi uge, %a, %b : i8
  %r5 = arith.cmpi eq, %a, %b : i8
  %r6 = arith.cmpi ne, %a, %b : i8
  return %r1, %r2, %r3, %r4, %r5, %r6 : i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @cmpi_constant_moves_right(
// CHECK-DAG: %[[C0:.+]] = arith.constant 5 : i32
// CHECK: %0 = arith.cmpi sgt, %arg0, %[[C0]] : i32
// CHECK-NEXT: %1 = arith.cmpi ule, %arg0, %[[C0]] : i32
// CHECK-NEXT: %2 = arith.cmpi eq, %arg0, %[[C0]] : i32
// CHECK-NEXT: return %0, %1, %2 : i1, i1, i1
func.func @cmpi_constant_moves_right(%x: i32) -> (i1, i1, i1) {
  %c = arith.constant 5 : i32
  %r1 = arith.cmpi slt, %c, %x : i32
  %r2 = arith.cmpi uge, %c, %x : i32
  %r3 = arith.cmpi eq, %c, %x : i32
  return %r1, %r2, %r3 : i1, i1, i1
}

// CHECK-LABEL: func.func @cmpi_ext_ne_zero(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : i32
// CHECK: %0 = arith.extsi %arg0 : i1 to i32
// CHECK-NEXT: %1 = arith.cmpi eq, %0, %[[C0]] : i32
// CHECK-NEXT: return %arg0, %arg0, %1 : i1, i1, i1
func.func @cmpi_ext_ne_zero(%x: i1) -> (i1, i1, i1) {
  %z = arith.constant 0 : i32
  %a = arith.extui %x : i1 to i32
  %r1 = arith.cmpi ne, %a, %z : i32
  %b = arith.extsi %x : i1 to i32
  %r2 = arith.cmpi ne, %b, %z : i32
  %r3 = arith.cmpi eq, %b, %z : i32
  return %r1, %r2, %r3 : i1, i1, i1
}

// CHECK-LABEL: func.func @cmpi_of_extensions(
// CHECK-NEXT: %0 = arith.extsi %arg0 : i8 to i32
// CHECK-NEXT: %1 = arith.extsi %arg1 : i8 to i32
// CHECK-NEXT: %2 = arith.extui %arg0 : i8 to i32
// CHECK-NEXT: %3 = arith.extui %arg1 : i8 to i32
// CHECK-NEXT: %4 = arith.cmpi eq, %arg0, %arg1 : i8
// CHECK-NEXT: %5 = arith.cmpi ne, %arg0, %arg1 : i8
// CHECK-NEXT: %6 = arith.cmpi slt, %0, %1 : i32
// CHECK-NEXT: %7 = arith.cmpi ult, %2, %3 : i32
// CHECK-NEXT: return %4, %5, %6, %7 : i1, i1, i1, i1
func.func @cmpi_of_extensions(%x: i8, %y: i8) -> (i1, i1, i1, i1) {
  %sx = arith.extsi %x : i8 to i32
  %sy = arith.extsi %y : i8 to i32
  %ux = arith.extui %x : i8 to i32
  %uy = arith.extui %y : i8 to i32
  %r1 = arith.cmpi eq, %sx, %sy : i32
  %r2 = arith.cmpi ne, %ux, %uy : i32
  %r3 = arith.cmpi slt, %sx, %sy : i32
  %r4 = arith.cmpi ult, %ux, %uy : i32
  return %r1, %r2, %r3, %r4 : i1, i1, i1, i1
}

// CHECK-LABEL: func.func @xori_not_cmpi(
// CHECK-NEXT: %0 = arith.cmpi sge, %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.cmpi ult, %arg0, %arg1 : i32
// CHECK-NEXT: return %0, %1 : i1, i1
func.func @xori_not_cmpi(%x: i32, %y: i32) -> (i1, i1) {
  %t = arith.constant true
  %c = arith.cmpi slt, %x, %y : i32
  %r1 = arith.xori %c, %t : i1
  %d = arith.cmpi uge, %x, %y : i32
  %r2 = arith.xori %t, %d : i1
  return %r1, %r2 : i1, i1
}

// CHECK-LABEL: func.func @cmpf_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant true
// CHECK-DAG: %[[C1:.+]] = arith.constant false
// CHECK: return %[[C0]], %[[C1]], %[[C0]], %[[C0]], %[[C1]] : i1, i1, i1, i1, i1
func.func @cmpf_constants() -> (i1, i1, i1, i1, i1) {
  %a = arith.constant 1.0 : f32
  %b = arith.constant 2.0 : f32
  %r1 = arith.cmpf olt, %a, %b : f32
  %r2 = arith.cmpf oge, %a, %b : f32
  %nz = arith.constant -0.0 : f32
  %pz = arith.constant 0.0 : f32
  %r3 = arith.cmpf oeq, %nz, %pz : f32
  %n = arith.constant 0x7FC00000 : f32
  %r4 = arith.cmpf une, %n, %n : f32
  %r5 = arith.cmpf one, %a, %n : f32
  return %r1, %r2, %r3, %r4, %r5 : i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @cmpf_nan_decides(
// CHECK-DAG: %[[C0:.+]] = arith.constant false
// CHECK-DAG: %[[C1:.+]] = arith.constant true
// CHECK: return %[[C0]], %[[C1]], %[[C0]], %[[C1]] : i1, i1, i1, i1
func.func @cmpf_nan_decides(%x: f32) -> (i1, i1, i1, i1) {
  %n = arith.constant 0x7FC00000 : f32
  %r1 = arith.cmpf ord, %x, %n : f32
  %r2 = arith.cmpf ult, %n, %x : f32
  %r3 = arith.cmpf oeq, %x, %n : f32
  %r4 = arith.cmpf uno, %x, %n : f32
  return %r1, %r2, %r3, %r4 : i1, i1, i1, i1
}

// CHECK-LABEL: func.func @cmpf_equal_operands_kept(
// CHECK-NEXT: %0 = arith.cmpf oeq, %arg0, %arg0 : f32
// CHECK-NEXT: return %0 : i1
func.func @cmpf_equal_operands_kept(%x: f32) -> i1 {
  %r = arith.cmpf oeq, %x, %x : f32
  return %r : i1
}

// CHECK-LABEL: func.func @cmpf_of_int_conversion(
// CHECK-DAG: %[[C0:.+]] = arith.constant true
// CHECK-DAG: %[[C1:.+]] = arith.constant 4 : i32
// CHECK-DAG: %[[C2:.+]] = arith.constant -4 : i32
// CHECK-DAG: %[[C3:.+]] = arith.constant false
// CHECK: %0 = arith.cmpi sle, %arg1, %[[C1]] : i32
// CHECK-NEXT: %1 = arith.cmpi sge, %arg1, %[[C2]] : i32
// CHECK-NEXT: return %[[C0]], %[[C0]], %[[C0]], %0, %1, %[[C3]] : i1, i1, i1, i1, i1, i1
func.func @cmpf_of_int_conversion(%x: i8, %y: i32) -> (i1, i1, i1, i1, i1, i1) {
  %big = arith.constant 300.0 : f32
  %f = arith.sitofp %x : i8 to f32
  %r1 = arith.cmpf olt, %f, %big : f32
  %g = arith.uitofp %x : i8 to f32
  %neg = arith.constant -4.5 : f32
  %r2 = arith.cmpf ogt, %g, %neg : f32
  %r3 = arith.cmpf ord, %f, %neg : f32
  %h = arith.sitofp %y : i32 to f32
  %frac = arith.constant 4.5 : f32
  %r4 = arith.cmpf olt, %h, %frac : f32
  %r5 = arith.cmpf oge, %h, %neg : f32
  %r6 = arith.cmpf ueq, %h, %frac : f32
  return %r1, %r2, %r3, %r4, %r5, %r6 : i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @cmpf_of_wide_int_conversion_kept(
// CHECK-DAG: %[[C0:.+]] = arith.constant 1.000000e+10 : f32
// CHECK: %0 = arith.sitofp %arg0 : i64 to f32
// CHECK-NEXT: %1 = arith.cmpf oeq, %0, %[[C0]] : f32
// CHECK-NEXT: return %1 : i1
func.func @cmpf_of_wide_int_conversion_kept(%y: i64) -> i1 {
  %h = arith.sitofp %y : i64 to f32
  %k = arith.constant 1.0e10 : f32
  %r = arith.cmpf oeq, %h, %k : f32
  return %r : i1
}

// CHECK-LABEL: func.func @select_folds(
// CHECK-NEXT: return %arg1, %arg2, %arg1, %arg0 : i32, i32, i32, i1
func.func @select_folds(%c: i1, %x: i32, %y: i32) -> (i32, i32, i32, i1) {
  %t = arith.constant true
  %f = arith.constant false
  %r1 = arith.select %t, %x, %y : i32
  %r2 = arith.select %f, %x, %y : i32
  %r3 = arith.select %c, %x, %x : i32
  %r4 = arith.select %c, %t, %f : i1
  return %r1, %r2, %r3, %r4 : i32, i32, i32, i1
}

// CHECK-LABEL: func.func @select_vector_splat_condition(
// CHECK-NEXT: return %arg0 : vector<2xi32>
func.func @select_vector_splat_condition(%x: vector<2xi32>, %y: vector<2xi32>) -> vector<2xi32> {
  %t = arith.constant dense<true> : vector<2xi1>
  %r = arith.select %t, %x, %y : vector<2xi1>, vector<2xi32>
  return %r : vector<2xi32>
}

// CHECK-LABEL: func.func @select_of_cmpi(
// CHECK-NEXT: return %arg1, %arg0, %arg0, %arg1 : i32, i32, i32, i32
func.func @select_of_cmpi(%x: i32, %y: i32) -> (i32, i32, i32, i32) {
  %eq = arith.cmpi eq, %x, %y : i32
  %ne = arith.cmpi ne, %x, %y : i32
  %r1 = arith.select %eq, %x, %y : i32
  %r2 = arith.select %eq, %y, %x : i32
  %r3 = arith.select %ne, %x, %y : i32
  %r4 = arith.select %ne, %y, %x : i32
  return %r1, %r2, %r3, %r4 : i32, i32, i32, i32
}

// CHECK-LABEL: func.func @select_to_extui(
// CHECK-DAG: %[[C0:.+]] = arith.constant true
// CHECK: %0 = arith.extui %arg0 : i1 to i32
// CHECK-NEXT: %1 = arith.xori %arg0, %[[C0]] : i1
// CHECK-NEXT: %2 = arith.extui %1 : i1 to i64
// CHECK-NEXT: return %0, %2 : i32, i64
func.func @select_to_extui(%c: i1) -> (i32, i64) {
  %c1 = arith.constant 1 : i32
  %c0 = arith.constant 0 : i32
  %r1 = arith.select %c, %c1, %c0 : i32
  %d1 = arith.constant 1 : i64
  %d0 = arith.constant 0 : i64
  %r2 = arith.select %c, %d0, %d1 : i64
  return %r1, %r2 : i32, i64
}

// CHECK-LABEL: func.func @select_i1_to_logic(
// CHECK-DAG: %[[C0:.+]] = arith.constant true
// CHECK: %0 = arith.xori %arg0, %[[C0]] : i1
// CHECK-NEXT: %1 = arith.andi %arg0, %arg1 : i1
// CHECK-NEXT: %2 = arith.andi %0, %arg2 : i1
// CHECK-NEXT: %3 = arith.ori %1, %2 : i1
// CHECK-NEXT: return %3 : i1
func.func @select_i1_to_logic(%c: i1, %x: i1, %y: i1) -> i1 {
  %r = arith.select %c, %x, %y : i1
  return %r : i1
}

// CHECK-LABEL: func.func @cmpi_ext_ne_zero_vector(
// CHECK-NEXT: return %arg0 : vector<2xi1>
func.func @cmpi_ext_ne_zero_vector(%x: vector<2xi1>) -> vector<2xi1> {
  %z = arith.constant dense<0> : vector<2xi32>
  %a = arith.extui %x : vector<2xi1> to vector<2xi32>
  %r = arith.cmpi ne, %a, %z : vector<2xi32>
  return %r : vector<2xi1>
}

