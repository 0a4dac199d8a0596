// RUN: tensile-opt %s --canonicalize | FileCheck %s
// arith integer folds and canonicalization patterns. Each function is one case; test/unit/arith-canonicalize-mlir.test.ts
// checks that mlir-opt-16 --canonicalize gives the same IR (modulo SSA names and constant order), except for the
// cases it lists where Tensile deliberately differs.

// CHECK-LABEL: func.func @addi_zero(
// CHECK-NEXT: return %arg0 : i32
func.func @addi_zero(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %r = arith.addi %x, %c0 : i32
  return %r : i32
}

// CHECK-LABEL: func.func @addi_zero_lhs_vector(
// CHECK-NEXT: return %arg0 : vector<4xi16>
func.func @addi_zero_lhs_vector(%x: vector<4xi16>) -> vector<4xi16> {
  %c0 = arith.constant dense<0> : vector<4xi16>
  %r = arith.addi %c0, %x : vector<4xi16>
  return %r : vector<4xi16>
}

// CHECK-LABEL: func.func @addi_constants_wrap(
// CHECK-DAG: %[[C0:.+]] = arith.constant -128 : i8
// CHECK-DAG: %[[C1:.+]] = arith.constant -2 : i64
// CHECK-DAG: %[[C2:.+]] = arith.constant 1 : index
// CHECK: return %[[C0]], %[[C1]], %[[C2]] : i8, i64, index
func.func @addi_constants_wrap() -> (i8, i64, index) {
  %a = arith.constant 127 : i8
  %b = arith.constant 1 : i8
  %r = arith.addi %a, %b : i8
  %c = arith.constant 9223372036854775807 : i64
  %r2 = arith.addi %c, %c : i64
  %i = arith.constant -1 : index
  %j = arith.constant 2 : index
  %r3 = arith.addi %i, %j : index
  return %r, %r2, %r3 : i8, i64, index
}

// CHECK-LABEL: func.func @addi_of_subi(
// CHECK-NEXT: return %arg0, %arg0 : i32, i32
func.func @addi_of_subi(%a: i32, %b: i32) -> (i32, i32) {
  %s = arith.subi %a, %b : i32
  %r1 = arith.addi %s, %b : i32
  %r2 = arith.addi %b, %s : i32
  return %r1, %r2 : i32, i32
}

// CHECK-LABEL: func.func @commutative_constant_moves_right(
// CHECK-DAG: %[[C0:.+]] = arith.constant 42 : i32
// CHECK: %0 = arith.addi %arg0, %[[C0]] : i32
// CHECK-NEXT: %1 = arith.muli %arg0, %[[C0]] : i32
// CHECK-NEXT: %2 = arith.andi %arg0, %[[C0]] : i32
// CHECK-NEXT: %3 = arith.maxsi %arg0, %[[C0]] : i32
// CHECK-NEXT: %4 = arith.minui %arg0, %[[C0]] : i32
// CHECK-NEXT: return %0, %1, %2, %3, %4 : i32, i32, i32, i32, i32
func.func @commutative_constant_moves_right(%x: i32) -> (i32, i32, i32, i32, i32) {
  %c = arith.constant 42 : i32
  %a = arith.addi %c, %x : i32
  %m = arith.muli %c, %x : i32
  %n = arith.andi %c, %x : i32
  %o = arith.maxsi %c, %x : i32
  %p = arith.minui %c, %x : i32
  return %a, %m, %n, %o, %p : i32, i32, i32, i32, i32
}

// CHECK-LABEL: func.func @subi_identities(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : i32
// CHECK: return %[[C0]], %arg0, %arg1, %arg2 : i32, i32, i32, i32
func.func @subi_identities(%x: i32, %a: i32, %b: i32) -> (i32, i32, i32, i32) {
  %c0 = arith.constant 0 : i32
  %r1 = arith.subi %x, %x : i32
  %r2 = arith.subi %x, %c0 : i32
  %t = arith.addi %a, %b : i32
  %r3 = arith.subi %t, %b : i32
  %r4 = arith.subi %t, %a : i32
  return %r1, %r2, %r3, %r4 : i32, i32, i32, i32
}

// CHECK-LABEL: func.func @subi_self_tensor(
// CHECK-DAG: %[[C0:.+]] = arith.constant dense<0> : tensor<4xi32>
// CHECK: return %[[C0]] : tensor<4xi32>
func.func @subi_self_tensor(%x: tensor<4xi32>) -> tensor<4xi32> {
  %r = arith.subi %x, %x : tensor<4xi32>
  return %r : tensor<4xi32>
}

// CHECK-LABEL: func.func @subi_self_dynamic_tensor_kept(
// CHECK-NEXT: %0 = arith.subi %arg0, %arg0 : tensor<?xi32>
// CHECK-NEXT: return %0 : tensor<?xi32>
func.func @subi_self_dynamic_tensor_kept(%x: tensor<?xi32>) -> tensor<?xi32> {
  %r = arith.subi %x, %x : tensor<?xi32>
  return %r : tensor<?xi32>
}

// CHECK-LABEL: func.func @muli_identities(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : i32
// CHECK-DAG: %[[C1:.+]] = arith.constant dense<0> : vector<2xi64>
// CHECK: return %[[C0]], %arg0, %[[C1]], %arg1 : i32, i32, vector<2xi64>, vector<2xi64>
func.func @muli_identities(%x: i32, %v: vector<2xi64>) -> (i32, i32, vector<2xi64>, vector<2xi64>) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %r1 = arith.muli %x, %c0 : i32
  %r2 = arith.muli %c1, %x : i32
  %z = arith.constant dense<0> : vector<2xi64>
  %o = arith.constant dense<1> : vector<2xi64>
  %r3 = arith.muli %v, %z : vector<2xi64>
  %r4 = arith.muli %v, %o : vector<2xi64>
  return %r1, %r2, %r3, %r4 : i32, i32, vector<2xi64>, vector<2xi64>
}

// CHECK-LABEL: func.func @muli_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant 24464 : i16
// CHECK-DAG: %[[C1:.+]] = arith.constant 0 : i64
// CHECK-DAG: %[[C2:.+]] = arith.constant dense<[0, -15, 44]> : vector<3xi8>
// CHECK: return %[[C0]], %[[C1]], %[[C2]] : i16, i64, vector<3xi8>
func.func @muli_constants() -> (i16, i64, vector<3xi8>) {
  %a = arith.constant 300 : i16
  %b = arith.constant 300 : i16
  %r = arith.muli %a, %b : i16
  %c = arith.constant 4294967296 : i64
  %r2 = arith.muli %c, %c : i64
  %v = arith.constant dense<[16, -3, 100]> : vector<3xi8>
  %w = arith.constant dense<[16, 5, 3]> : vector<3xi8>
  %r3 = arith.muli %v, %w : vector<3xi8>
  return %r, %r2, %r3 : i16, i64, vector<3xi8>
}

// CHECK-LABEL: func.func @division_by_one(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : i32
// CHECK: return %arg0, %arg0, %arg0, %arg0, %arg0, %[[C0]], %[[C0]] : i32, i32, i32, i32, i32, i32, i32
func.func @division_by_one(%x: i32) -> (i32, i32, i32, i32, i32, i32, i32) {
  %c1 = arith.constant 1 : i32
  %r1 = arith.divui %x, %c1 : i32
  %r2 = arith.divsi %x, %c1 : i32
  %r3 = arith.ceildivui %x, %c1 : i32
  %r4 = arith.ceildivsi %x, %c1 : i32
  %r5 = arith.floordivsi %x, %c1 : i32
  %r6 = arith.remui %x, %c1 : i32
  %r7 = arith.remsi %x, %c1 : i32
  return %r1, %r2, %r3, %r4, %r5, %r6, %r7 : i32, i32, i32, i32, i32, i32, i32
}

// CHECK-LABEL: func.func @division_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant -3 : i32
// CHECK-DAG: %[[C1:.+]] = arith.constant 2147483644 : i32
// CHECK-DAG: %[[C2:.+]] = arith.constant 2147483645 : i32
// CHECK-DAG: %[[C3:.+]] = arith.constant -4 : i32
// CHECK-DAG: %[[C4:.+]] = arith.constant -1 : i32
// CHECK-DAG: %[[C5:.+]] = arith.constant 1 : i32
// CHECK: return %[[C0]], %[[C1]], %[[C0]], %[[C2]], %[[C3]], %[[C4]], %[[C5]] : i32, i32, i32, i32, i32, i32, i32
func.func @division_constants() -> (i32, i32, i32, i32, i32, i32, i32) {
  %a = arith.constant -7 : i32
  %b = arith.constant 2 : i32
  %r1 = arith.divsi %a, %b : i32
  %r2 = arith.divui %a, %b : i32
  %r3 = arith.ceildivsi %a, %b : i32
  %r4 = arith.ceildivui %a, %b : i32
  %r5 = arith.floordivsi %a, %b : i32
  %r6 = arith.remsi %a, %b : i32
  %r7 = arith.remui %a, %b : i32
  return %r1, %r2, %r3, %r4, %r5, %r6, %r7 : i32, i32, i32, i32, i32, i32, i32
}

// CHECK-LABEL: func.func @division_signs(
// CHECK-DAG: %[[C0:.+]] = arith.constant -3 : i8
// CHECK-DAG: %[[C1:.+]] = arith.constant -4 : i8
// CHECK-DAG: %[[C2:.+]] = arith.constant 4 : i8
// CHECK-DAG: %[[C3:.+]] = arith.constant 3 : i8
// CHECK-DAG: %[[C4:.+]] = arith.constant 1 : i8
// CHECK-DAG: %[[C5:.+]] = arith.constant -1 : i8
// CHECK: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]] : i8, i8, i8, i8, i8, i8
func.func @division_signs() -> (i8, i8, i8, i8, i8, i8) {
  %p = arith.constant 7 : i8
  %n = arith.constant -2 : i8
  %m = arith.constant -7 : i8
  %r1 = arith.ceildivsi %p, %n : i8
  %r2 = arith.floordivsi %p, %n : i8
  %r3 = arith.ceildivsi %m, %n : i8
  %r4 = arith.floordivsi %m, %n : i8
  %r5 = arith.remsi %p, %n : i8
  %r6 = arith.remsi %m, %n : i8
  return %r1, %r2, %r3, %r4, %r5, %r6 : i8, i8, i8, i8, i8, i8
}

// CHECK-LABEL: func.func @division_ub_not_folded(
// CHECK-DAG: %[[C0:.+]] = arith.constant -128 : i8
// CHECK-DAG: %[[C1:.+]] = arith.constant -1 : i8
// CHECK-DAG: %[[C2:.+]] = arith.constant 0 : i8
// CHECK: %0 = arith.divsi %[[C0]], %[[C1]] : i8
// CHECK-NEXT: %1 = arith.ceildivsi %[[C0]], %[[C1]] : i8
// CHECK-NEXT: %2 = arith.divui %[[C0]], %[[C2]] : i8
// CHECK-NEXT: %3 = arith.divsi %[[C0]], %[[C2]] : i8
// CHECK-NEXT: %4 = arith.ceildivui %[[C0]], %[[C2]] : i8
// CHECK-NEXT: %5 = arith.remui %[[C0]], %[[C2]] : i8
// CHECK-NEXT: %6 = arith.remsi %[[C0]], %[[C2]] : i8
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5, %6 : i8, i8, i8, i8, i8, i8, i8
func.func @division_ub_not_folded() -> (i8, i8, i8, i8, i8, i8, i8) {
  %min = arith.constant -128 : i8
  %m1 = arith.constant -1 : i8
  %z = arith.constant 0 : i8
  %r1 = arith.divsi %min, %m1 : i8
  %r2 = arith.ceildivsi %min, %m1 : i8
  %r3 = arith.divui %min, %z : i8
  %r4 = arith.divsi %min, %z : i8
  %r5 = arith.ceildivui %min, %z : i8
  %r6 = arith.remui %min, %z : i8
  %r7 = arith.remsi %min, %z : i8
  return %r1, %r2, %r3, %r4, %r5, %r6, %r7 : i8, i8, i8, i8, i8, i8, i8
}

// CHECK-LABEL: func.func @remsi_int_min_by_minus_one(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : i8
// CHECK: return %[[C0]] : i8
func.func @remsi_int_min_by_minus_one() -> i8 {
  %min = arith.constant -128 : i8
  %m1 = arith.constant -1 : i8
  %r = arith.remsi %min, %m1 : i8
  return %r : i8
}

// CHECK-LABEL: func.func @logic_identities(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : i32
// CHECK-DAG: %[[C1:.+]] = arith.constant -1 : i32
// CHECK: return %[[C0]], %arg0, %arg0, %arg0, %[[C1]], %arg0, %arg0, %[[C0]], %[[C0]] : i32, i32, i32, i32, i32, i32, i32, i32, i32
func.func @logic_identities(%x: i32) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32) {
  %z = arith.constant 0 : i32
  %m = arith.constant -1 : i32
  %r1 = arith.andi %x, %z : i32
  %r2 = arith.andi %x, %m : i32
  %r3 = arith.andi %x, %x : i32
  %r4 = arith.ori %x, %z : i32
  %r5 = arith.ori %x, %m : i32
  %r6 = arith.ori %x, %x : i32
  %r7 = arith.xori %x, %z : i32
  %r8 = arith.xori %x, %x : i32
  %n = arith.xori %x, %m : i32
  %r9 = arith.andi %n, %x : i32
  return %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9 : i32, i32, i32, i32, i32, i32, i32, i32, i32
}

// CHECK-LABEL: func.func @andi_of_andi(
// CHECK-NEXT: %0 = arith.andi %arg0, %arg1 : i32
// CHECK-NEXT: return %0, %0 : i32, i32
func.func @andi_of_andi(%a: i32, %b: i32) -> (i32, i32) {
  %i = arith.andi %a, %b : i32
  %r1 = arith.andi %a, %i : i32
  %r2 = arith.andi %i, %b : i32
  return %r1, %r2 : i32, i32
}

// CHECK-LABEL: func.func @xori_of_xori(
// CHECK-NEXT: return %arg0, %arg1, %arg0, %arg1 : i32, i32, i32, i32
func.func @xori_of_xori(%a: i32, %b: i32) -> (i32, i32, i32, i32) {
  %i = arith.xori %a, %b : i32
  %r1 = arith.xori %i, %b : i32
  %r2 = arith.xori %i, %a : i32
  %r3 = arith.xori %b, %i : i32
  %r4 = arith.xori %a, %i : i32
  return %r1, %r2, %r3, %r4 : i32, i32, i32, i32
}

// CHECK-LABEL: func.func @logic_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant 240 : i16
// CHECK-DAG: %[[C1:.+]] = arith.constant 4095 : i16
// CHECK-DAG: %[[C2:.+]] = arith.constant 3855 : i16
// CHECK-DAG: %[[C3:.+]] = arith.constant false
// CHECK: return %[[C0]], %[[C1]], %[[C2]], %[[C3]] : i16, i16, i16, i1
func.func @logic_constants() -> (i16, i16, i16, i1) {
  %a = arith.constant 0x0FF0 : i16
  %b = arith.constant 0x00FF : i16
  %r1 = arith.andi %a, %b : i16
  %r2 = arith.ori %a, %b : i16
  %r3 = arith.xori %a, %b : i16
  %t = arith.constant true
  %r4 = arith.xori %t, %t : i1
  return %r1, %r2, %r3, %r4 : i16, i16, i16, i1
}

// CHECK-LABEL: func.func @shifts(
// CHECK-DAG: %[[C0:.+]] = arith.constant -64 : i32
// CHECK-DAG: %[[C1:.+]] = arith.constant 1073741820 : i32
// CHECK-DAG: %[[C2:.+]] = arith.constant -4 : i32
// CHECK: return %arg0, %arg0, %arg0, %[[C0]], %[[C1]], %[[C2]] : i32, i32, i32, i32, i32, i32
func.func @shifts(%x: i32) -> (i32, i32, i32, i32, i32, i32) {
  %c0 = arith.constant 0 : i32
  %r1 = arith.shli %x, %c0 : i32
  %r2 = arith.shrui %x, %c0 : i32
  %r3 = arith.shrsi %x, %c0 : i32
  %a = arith.constant -16 : i32
  %s = arith.constant 2 : i32
  %r4 = arith.shli %a, %s : i32
  %r5 = arith.shrui %a, %s : i32
  %r6 = arith.shrsi %a, %s : i32
  return %r1, %r2, %r3, %r4, %r5, %r6 : i32, i32, i32, i32, i32, i32
}

// CHECK-LABEL: func.func @shift_out_of_range_not_folded(
// CHECK-DAG: %[[C0:.+]] = arith.constant 1 : i8
// CHECK-DAG: %[[C1:.+]] = arith.constant 9 : i8
// CHECK-DAG: %[[C2:.+]] = arith.constant -1 : i8
// CHECK: %0 = arith.shli %[[C0]], %[[C1]] : i8
// CHECK-NEXT: %1 = arith.shrsi %[[C0]], %[[C2]] : i8
// CHECK-NEXT: return %0, %1 : i8, i8
func.func @shift_out_of_range_not_folded() -> (i8, i8) {
  %a = arith.constant 1 : i8
  %s9 = arith.constant 9 : i8
  %neg = arith.constant -1 : i8
  %r1 = arith.shli %a, %s9 : i8
  %r2 = arith.shrsi %a, %neg : i8
  return %r1, %r2 : i8, i8
}

// CHECK-LABEL: func.func @shift_by_width_not_folded(
// CHECK-DAG: %[[C0:.+]] = arith.constant -1 : i8
// CHECK-DAG: %[[C1:.+]] = arith.constant 8 : i8
// CHECK: %0 = arith.shli %[[C0]], %[[C1]] : i8
// CHECK-NEXT: %1 = arith.shrui %[[C0]], %[[C1]] : i8
// CHECK-NEXT: %2 = arith.shrsi %[[C0]], %[[C1]] : i8
// CHECK-NEXT: return %0, %1, %2 : i8, i8, i8
func.func @shift_by_width_not_folded() -> (i8, i8, i8) {
  %a = arith.constant -1 : i8
  %s = arith.constant 8 : i8
  %r1 = arith.shli %a, %s : i8
  %r2 = arith.shrui %a, %s : i8
  %r3 = arith.shrsi %a, %s : i8
  return %r1, %r2, %r3 : i8, i8, i8
}

// CHECK-LABEL: func.func @min_max(
// CHECK-DAG: %[[C0:.+]] = arith.constant 2147483647 : i32
// CHECK-DAG: %[[C1:.+]] = arith.constant -2147483648 : i32
// CHECK-DAG: %[[C2:.+]] = arith.constant -1 : i32
// CHECK-DAG: %[[C3:.+]] = arith.constant 0 : i32
// CHECK: return %[[C0]], %arg0, %[[C1]], %arg0, %[[C2]], %arg0, %[[C3]], %arg0, %arg0 : i32, i32, i32, i32, i32, i32, i32, i32, i32
func.func @min_max(%x: i32) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32) {
  %smax = arith.constant 2147483647 : i32
  %smin = arith.constant -2147483648 : i32
  %umax = arith.constant -1 : i32
  %umin = arith.constant 0 : i32
  %r1 = arith.maxsi %x, %smax : i32
  %r2 = arith.maxsi %x, %smin : i32
  %r3 = arith.minsi %x, %smin : i32
  %r4 = arith.minsi %x, %smax : i32
  %r5 = arith.maxui %x, %umax : i32
  %r6 = arith.maxui %x, %umin : i32
  %r7 = arith.minui %x, %umin : i32
  %r8 = arith.minui %x, %umax : i32
  %r9 = arith.maxsi %x, %x : i32
  return %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9 : i32, i32, i32, i32, i32, i32, i32, i32, i32
}

// CHECK-LABEL: func.func @min_max_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant -1 : i8
// CHECK-DAG: %[[C1:.+]] = arith.constant 1 : i8
// CHECK: return %[[C1]], %[[C0]], %[[C0]], %[[C1]] : i8, i8, i8, i8
func.func @min_max_constants() -> (i8, i8, i8, i8) {
  %a = arith.constant -1 : i8
  %b = arith.constant 1 : i8
  %r1 = arith.maxsi %a, %b : i8
  %r2 = arith.maxui %a, %b : i8
  %r3 = arith.minsi %a, %b : i8
  %r4 = arith.minui %a, %b : i8
  return %r1, %r2, %r3, %r4 : i8, i8, i8, i8
}

// CHECK-LABEL: func.func @extended_arith(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : i32
// CHECK-DAG: %[[C1:.+]] = arith.constant false
// CHECK-DAG: %[[C2:.+]] = arith.constant -1 : i32
// CHECK-DAG: %[[C3:.+]] = arith.constant 1 : i32
// CHECK-DAG: %[[C4:.+]] = arith.constant true
// CHECK-DAG: %[[C5:.+]] = arith.constant -2 : i32
// CHECK: return %arg0, %[[C1]], %[[C3]], %[[C4]], %[[C5]], %[[C2]], %[[C5]], %[[C3]], %arg0, %[[C0]] : i32, i1, i32, i1, i32, i32, i32, i32, i32, i32
func.func @extended_arith(%x: i32) -> (i32, i1, i32, i1, i32, i32, i32, i32, i32, i32) {
  %z = arith.constant 0 : i32
  %s, %o = arith.addui_extended %x, %z : i32, i1
  %a = arith.constant -1 : i32
  %b = arith.constant 2 : i32
  %s2, %o2 = arith.addui_extended %a, %b : i32, i1
  %l, %h = arith.mulsi_extended %a, %b : i32
  %l2, %h2 = arith.mului_extended %a, %b : i32
  %one = arith.constant 1 : i32
  %l3, %h3 = arith.mului_extended %x, %one : i32
  return %s, %o, %s2, %o2, %l, %h, %l2, %h2, %l3, %h3 : i32, i1, i32, i1, i32, i32, i32, i32, i32, i32
}

// CHECK-LABEL: func.func @i1_arith(
// CHECK-DAG: %[[C0:.+]] = arith.constant false
// CHECK: return %[[C0]], %arg0, %arg0 : i1, i1, i1
func.func @i1_arith(%x: i1) -> (i1, i1, i1) {
  %t = arith.constant true
  %r1 = arith.addi %t, %t : i1
  %r2 = arith.muli %x, %t : i1
  %r3 = arith.divui %x, %t : i1
  return %r1, %r2, %r3 : i1, i1, i1
}

// CHECK-LABEL: func.func @addi_addi_constant(
// CHECK-DAG: %[[C0:.+]] = arith.constant 12 : i32
// CHECK: %0 = arith.addi %arg0, %[[C0]] : i32
// CHECK-NEXT: return %0 : i32
func.func @addi_addi_constant(%x: i32) -> i32 {
  %c5 = arith.constant 5 : i32
  %c7 = arith.constant 7 : i32
  %a = arith.addi %x, %c5 : i32
  %r = arith.addi %a, %c7 : i32
  return %r : i32
}

// CHECK-LABEL: func.func @addi_subi_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant 2 : i32
// CHECK-DAG: %[[C1:.+]] = arith.constant 12 : i32
// CHECK: %0 = arith.addi %arg0, %[[C0]] : i32
// CHECK-NEXT: %1 = arith.subi %[[C1]], %arg0 : i32
// CHECK-NEXT: return %0, %1 : i32, i32
func.func @addi_subi_constants(%x: i32) -> (i32, i32) {
  %c5 = arith.constant 5 : i32
  %c7 = arith.constant 7 : i32
  %s = arith.subi %x, %c5 : i32
  %r1 = arith.addi %s, %c7 : i32
  %t = arith.subi %c5, %x : i32
  %r2 = arith.addi %t, %c7 : i32
  return %r1, %r2 : i32, i32
}

// CHECK-LABEL: func.func @subi_constants(
// CHECK-DAG: %[[C0:.+]] = arith.constant -2 : i32
// CHECK-DAG: %[[C1:.+]] = arith.constant 2 : i32
// CHECK-DAG: %[[C2:.+]] = arith.constant 12 : i32
// CHECK: %0 = arith.addi %arg0, %[[C0]] : i32
// CHECK-NEXT: %1 = arith.subi %[[C1]], %arg0 : i32
// CHECK-NEXT: %2 = arith.subi %arg0, %[[C2]] : i32
// CHECK-NEXT: %3 = arith.subi %[[C2]], %arg0 : i32
// CHECK-NEXT: %4 = arith.subi %[[C0]], %arg0 : i32
// CHECK-NEXT: %5 = arith.addi %arg0, %[[C1]] : i32
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5 : i32, i32, i32, i32, i32, i32
func.func @subi_constants(%x: i32) -> (i32, i32, i32, i32, i32, i32) {
  %c5 = arith.constant 5 : i32
  %c7 = arith.constant 7 : i32
  %a = arith.addi %x, %c5 : i32
  %r1 = arith.subi %a, %c7 : i32
  %r2 = arith.subi %c7, %a : i32
  %s = arith.subi %x, %c5 : i32
  %r3 = arith.subi %s, %c7 : i32
  %r4 = arith.subi %c7, %s : i32
  %t = arith.subi %c5, %x : i32
  %r5 = arith.subi %t, %c7 : i32
  %r6 = arith.subi %c7, %t : i32
  return %r1, %r2, %r3, %r4, %r5, %r6 : i32, i32, i32, i32, i32, i32
}

// CHECK-LABEL: func.func @reassociation_wraps(
// CHECK-DAG: %[[C0:.+]] = arith.constant -56 : i8
// CHECK: %0 = arith.addi %arg0, %[[C0]] : i8
// CHECK-NEXT: return %0 : i8
func.func @reassociation_wraps(%x: i8) -> i8 {
  %c100 = arith.constant 100 : i8
  %a = arith.addi %x, %c100 : i8
  %r = arith.addi %a, %c100 : i8
  return %r : i8
}

// CHECK-LABEL: func.func @subi_of_subi_lhs(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : i32
// CHECK: %0 = arith.subi %[[C0]], %arg1 : i32
// CHECK-NEXT: return %0 : i32
func.func @subi_of_subi_lhs(%a: i32, %b: i32) -> i32 {
  %s = arith.subi %a, %b : i32
  %r = arith.subi %s, %a : i32
  return %r : i32
}

// CHECK-LABEL: func.func @extended_unused_results(
// CHECK-NEXT: %0 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.muli %arg0, %arg1 : i32
// CHECK-NEXT: %2 = arith.muli %arg0, %arg1 : i32
// CHECK-NEXT: return %0, %1, %2 : i32, i32, i32
func.func @extended_unused_results(%x: i32, %y: i32) -> (i32, i32, i32) {
  %s, %o = arith.addui_extended %x, %y : i32, i1
  %l, %h = arith.mulsi_extended %x, %y : i32
  %l2, %h2 = arith.mului_extended %x, %y : i32
  return %s, %l, %l2 : i32, i32, i32
}

// CHECK-LABEL: func.func @mulsi_extended_by_one(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : i32
// CHECK: %0 = arith.cmpi slt, %arg0, %[[C0]] : i32
// CHECK-NEXT: %1 = arith.extsi %0 : i1 to i32
// CHECK-NEXT: return %arg0, %1 : i32, i32
func.func @mulsi_extended_by_one(%x: i32) -> (i32, i32) {
  %c1 = arith.constant 1 : i32
  %l, %h = arith.mulsi_extended %x, %c1 : i32
  return %l, %h : i32, i32
}

// CHECK-LABEL: func.func @logic_of_extensions(
// CHECK-NEXT: %0 = arith.andi %arg0, %arg1 : i8
// CHECK-NEXT: %1 = arith.extui %0 : i8 to i32
// CHECK-NEXT: %2 = arith.ori %arg0, %arg1 : i8
// CHECK-NEXT: %3 = arith.extui %2 : i8 to i32
// CHECK-NEXT: %4 = arith.xori %arg0, %arg1 : i8
// CHECK-NEXT: %5 = arith.extui %4 : i8 to i32
// CHECK-NEXT: %6 = arith.andi %arg0, %arg1 : i8
// CHECK-NEXT: %7 = arith.extsi %6 : i8 to i32
// CHECK-NEXT: %8 = arith.ori %arg0, %arg1 : i8
// CHECK-NEXT: %9 = arith.extsi %8 : i8 to i32
// CHECK-NEXT: %10 = arith.xori %arg0, %arg1 : i8
// CHECK-NEXT: %11 = arith.extsi %10 : i8 to i32
// CHECK-NEXT: return %1, %3, %5, %7, %9, %11 : i32, i32, i32, i32, i32, i32
func.func @logic_of_extensions(%x: i8, %y: i8) -> (i32, i32, i32, i32, i32, i32) {
  %ux = arith.extui %x : i8 to i32
  %uy = arith.extui %y : i8 to i32
  %sx = arith.extsi %x : i8 to i32
  %sy = arith.extsi %y : i8 to i32
  %r1 = arith.andi %ux, %uy : i32
  %r2 = arith.ori %ux, %uy : i32
  %r3 = arith.xori %ux, %uy : i32
  %r4 = arith.andi %sx, %sy : i32
  %r5 = arith.ori %sx, %sy : i32
  %r6 = arith.xori %sx, %sy : i32
  return %r1, %r2, %r3, %r4, %r5, %r6 : i32, i32, i32, i32, i32, i32
}

// CHECK-LABEL: func.func @logic_of_extensions_of_different_types(
// CHECK-NEXT: %0 = arith.extui %arg0 : i8 to i32
// CHECK-NEXT: %1 = arith.extui %arg1 : i16 to i32
// CHECK-NEXT: %2 = arith.andi %0, %1 : i32
// CHECK-NEXT: return %2 : i32
func.func @logic_of_extensions_of_different_types(%x: i8, %y: i16) -> i32 {
  %ux = arith.extui %x : i8 to i32
  %uy = arith.extui %y : i16 to i32
  %r = arith.andi %ux, %uy : i32
  return %r : i32
}

// CHECK-LABEL: func.func @andi_of_not_vector(
// CHECK-DAG: %[[C0:.+]] = arith.constant dense<0> : vector<2xi32>
// CHECK: return %[[C0]] : vector<2xi32>
func.func @andi_of_not_vector(%x: vector<2xi32>) -> vector<2xi32> {
  %m = arith.constant dense<-1> : vector<2xi32>
  %n = arith.xori %x, %m : vector<2xi32>
  %r = arith.andi %x, %n : vector<2xi32>
  return %r : vector<2xi32>
}

// CHECK-LABEL: func.func @mulsi_extended_by_one_vector(
// CHECK-DAG: %[[C0:.+]] = arith.constant dense<0> : vector<2xi32>
// CHECK: %0 = arith.cmpi slt, %arg0, %[[C0]] : vector<2xi32>
// CHECK-NEXT: %1 = arith.extsi %0 : vector<2xi1> to vector<2xi32>
// CHECK-NEXT: return %arg0, %1 : vector<2xi32>, vector<2xi32>
func.func @mulsi_extended_by_one_vector(%x: vector<2xi32>) -> (vector<2xi32>, vector<2xi32>) {
  %c = arith.constant dense<1> : vector<2xi32>
  %l, %h = arith.mulsi_extended %x, %c : vector<2xi32>
  return %l, %h : vector<2xi32>, vector<2xi32>
}

