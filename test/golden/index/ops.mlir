// RUN: tensile-opt %s | FileCheck %s
// RUN: tensile-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// Every index op (MLIR 16's IndexOps.td) in custom and generic form; the CHECK lines are mlir-opt-16's own
// output for this file (result names %idx42, %true, %false as its getAsmResultNames gives them).

// CHECK-LABEL: func.func @binary(
// CHECK-SAME: %arg0: index, %arg1: index) -> index {
// CHECK-NEXT: %0 = index.add %arg0, %arg1
// CHECK-NEXT: %1 = index.sub %arg0, %arg1
// CHECK-NEXT: %2 = index.mul %arg0, %arg1
// CHECK-NEXT: %3 = index.divs %arg0, %arg1
// CHECK-NEXT: %4 = index.divu %arg0, %arg1
// CHECK-NEXT: %5 = index.ceildivs %arg0, %arg1
// CHECK-NEXT: %6 = index.ceildivu %arg0, %arg1
// CHECK-NEXT: %7 = index.floordivs %arg0, %arg1
// CHECK-NEXT: %8 = index.rems %arg0, %arg1
// CHECK-NEXT: %9 = index.remu %arg0, %arg1
// CHECK-NEXT: %10 = index.maxs %arg0, %arg1
// CHECK-NEXT: %11 = index.maxu %arg0, %arg1
// CHECK-NEXT: %12 = index.mins %arg0, %arg1
// CHECK-NEXT: %13 = index.minu %arg0, %arg1
// CHECK-NEXT: %14 = index.shl %arg0, %arg1
// CHECK-NEXT: %15 = index.shrs %arg0, %arg1
// CHECK-NEXT: %16 = index.shru %arg0, %arg1
// CHECK-NEXT: %17 = index.and %arg0, %arg1
// CHECK-NEXT: %18 = index.or %arg0, %arg1
// CHECK-NEXT: %19 = index.xor %arg0, %arg1 {tag = "keep"}
// CHECK-NEXT: return %19 : index
func.func @binary(%a: index, %b: index) -> index {
  %0 = index.add %a, %b
  %1 = index.sub %a, %b
  %2 = index.mul %a, %b
  %3 = index.divs %a, %b
  %4 = index.divu %a, %b
  %5 = index.ceildivs %a, %b
  %6 = index.ceildivu %a, %b
  %7 = index.floordivs %a, %b
  %8 = index.rems %a, %b
  %9 = index.remu %a, %b
  %10 = index.maxs %a, %b
  %11 = index.maxu %a, %b
  %12 = index.mins %a, %b
  %13 = index.minu %a, %b
  %14 = index.shl %a, %b
  %15 = index.shrs %a, %b
  %16 = index.shru %a, %b
  %17 = index.and %a, %b
  %18 = index.or %a, %b
  %19 = index.xor %a, %b {tag = "keep"}
  return %19 : index
}

// CHECK-LABEL: func.func @casts(
// CHECK-SAME: %arg0: index, %arg1: i32, %arg2: i64, %arg3: si16, %arg4: ui8) -> (index, i64, i8, index, index, ui8) {
// CHECK-NEXT: %0 = index.casts %arg1 : i32 to index
// CHECK-NEXT: %1 = index.castu %arg0 : index to i64
// CHECK-NEXT: %2 = index.casts %arg0 : index to i8
// CHECK-NEXT: %3 = index.castu %arg2 : i64 to index
// CHECK-NEXT: %4 = index.casts %arg3 : si16 to index
// CHECK-NEXT: %5 = index.castu %arg0 : index to ui8
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5 : index, i64, i8, index, index, ui8
func.func @casts(%a: index, %i: i32, %j: i64, %k: si16, %l: ui8) -> (index, i64, i8, index, index, ui8) {
  %0 = index.casts %i : i32 to index
  %1 = index.castu %a : index to i64
  %2 = index.casts %a : index to i8
  %3 = index.castu %j : i64 to index
  %4 = index.casts %k : si16 to index
  %5 = index.castu %a : index to ui8
  return %0, %1, %2, %3, %4, %5 : index, i64, i8, index, index, ui8
}

// CHECK-LABEL: func.func @cmp(
// CHECK-SAME: %arg0: index, %arg1: index) -> (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) {
// CHECK-NEXT: %0 = index.cmp eq(%arg0, %arg1)
// CHECK-NEXT: %1 = index.cmp ne(%arg0, %arg1)
// CHECK-NEXT: %2 = index.cmp slt(%arg0, %arg1)
// CHECK-NEXT: %3 = index.cmp sle(%arg0, %arg1)
// CHECK-NEXT: %4 = index.cmp sgt(%arg0, %arg1)
// CHECK-NEXT: %5 = index.cmp sge(%arg0, %arg1)
// CHECK-NEXT: %6 = index.cmp ult(%arg0, %arg1)
// CHECK-NEXT: %7 = index.cmp ule(%arg0, %arg1)
// CHECK-NEXT: %8 = index.cmp ugt(%arg0, %arg1)
// CHECK-NEXT: %9 = index.cmp uge(%arg0, %arg1) {tag}
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
func.func @cmp(%a: index, %b: index) -> (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) {
  %0 = index.cmp eq(%a, %b)
  %1 = index.cmp ne(%a, %b)
  %2 = index.cmp slt(%a, %b)
  %3 = index.cmp sle(%a, %b)
  %4 = index.cmp sgt(%a, %b)
  %5 = index.cmp sge(%a, %b)
  %6 = index.cmp ult(%a, %b)
  %7 = index.cmp ule(%a, %b)
  %8 = index.cmp ugt(%a, %b)
  %9 = index.cmp uge(%a, %b) {tag}
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @constants(
// CHECK-SAME: ) -> (index, index, index, index, index, i1, i1, index) {
// CHECK-NEXT: %0 = index.sizeof
// CHECK-NEXT: %idx42 = index.constant 42
// CHECK-NEXT: %idx-7 = index.constant -7
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: %idx9223372036854775807 = index.constant 9223372036854775807
// CHECK-NEXT: %true = index.bool.constant true
// CHECK-NEXT: %false = index.bool.constant false
// CHECK-NEXT: %idx1 = index.constant {tag} 1
// CHECK-NEXT: return %0, %idx42, %idx-7, %idx0, %idx9223372036854775807, %true, %false, %idx1 : index, index, index, index, index, i1, i1, index
func.func @constants() -> (index, index, index, index, index, i1, i1, index) {
  %0 = index.sizeof
  %1 = index.constant 42
  %2 = index.constant -7
  %3 = index.constant 0
  %4 = index.constant 9223372036854775807
  %5 = index.bool.constant true
  %6 = index.bool.constant false
  %7 = index.constant {tag} 1
  return %0, %1, %2, %3, %4, %5, %6, %7 : index, index, index, index, index, i1, i1, index
}

// CHECK-LABEL: func.func @generic_form(
// CHECK-SAME: %arg0: index) -> (index, i1) {
// CHECK-NEXT: %0 = index.add %arg0, %arg0
// CHECK-NEXT: %1 = index.cmp ule(%arg0, %0)
// CHECK-NEXT: %idx3 = index.constant 3
// CHECK-NEXT: return %idx3, %1 : index, i1
func.func @generic_form(%a: index) -> (index, i1) {
  %0 = "index.add"(%a, %a) : (index, index) -> index
  %1 = "index.cmp"(%a, %0) {pred = #index<cmp_predicate ule>} : (index, index) -> i1
  %2 = "index.constant"() {value = 3 : index} : () -> index
  return %2, %1 : index, i1
}

// The generic form of every op above, as mlir-opt-16 --mlir-print-op-generic prints it.
// GENERIC: %0 = "index.add"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %1 = "index.sub"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %2 = "index.mul"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %3 = "index.divs"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %4 = "index.divu"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %5 = "index.ceildivs"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %6 = "index.ceildivu"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %7 = "index.floordivs"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %8 = "index.rems"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %9 = "index.remu"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %10 = "index.maxs"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %11 = "index.maxu"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %12 = "index.mins"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %13 = "index.minu"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %14 = "index.shl"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %15 = "index.shrs"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %16 = "index.shru"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %17 = "index.and"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %18 = "index.or"(%arg0, %arg1) : (index, index) -> index
// GENERIC: %19 = "index.xor"(%arg0, %arg1) {tag = "keep"} : (index, index) -> index
// GENERIC: %0 = "index.casts"(%arg1) : (i32) -> index
// GENERIC: %1 = "index.castu"(%arg0) : (index) -> i64
// GENERIC: %2 = "index.casts"(%arg0) : (index) -> i8
// GENERIC: %3 = "index.castu"(%arg2) : (i64) -> index
// GENERIC: %4 = "index.casts"(%arg3) : (si16) -> index
// GENERIC: %5 = "index.castu"(%arg0) : (index) -> ui8
// GENERIC: %0 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate eq>} : (index, index) -> i1
// GENERIC: %1 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate ne>} : (index, index) -> i1
// GENERIC: %2 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate slt>} : (index, index) -> i1
// GENERIC: %3 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate sle>} : (index, index) -> i1
// GENERIC: %4 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate sgt>} : (index, index) -> i1
// GENERIC: %5 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate sge>} : (index, index) -> i1
// GENERIC: %6 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate ult>} : (index, index) -> i1
// GENERIC: %7 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate ule>} : (index, index) -> i1
// GENERIC: %8 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate ugt>} : (index, index) -> i1
// GENERIC: %9 = "index.cmp"(%arg0, %arg1) {pred = #index<cmp_predicate uge>, tag} : (index, index) -> i1
// GENERIC: %0 = "index.sizeof"() : () -> index
// GENERIC: %1 = "index.constant"() {value = 42 : index} : () -> index
// GENERIC: %2 = "index.constant"() {value = -7 : index} : () -> index
// GENERIC: %3 = "index.constant"() {value = 0 : index} : () -> index
// GENERIC: %4 = "index.constant"() {value = 9223372036854775807 : index} : () -> index
// GENERIC: %5 = "index.bool.constant"() {value = true} : () -> i1
// GENERIC: %6 = "index.bool.constant"() {value = false} : () -> i1
// GENERIC: %7 = "index.constant"() {tag, value = 1 : index} : () -> index
// GENERIC: %0 = "index.add"(%arg0, %arg0) : (index, index) -> index
// GENERIC: %1 = "index.cmp"(%arg0, %0) {pred = #index<cmp_predicate ule>} : (index, index) -> i1
// GENERIC: %2 = "index.constant"() {value = 3 : index} : () -> index
