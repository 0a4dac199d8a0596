// RUN: tensile-opt %s --convert-scf-to-cf | FileCheck %s
// scf.index_switch to cf.switch. MLIR 16 has this pattern but its convert-scf-to-cf never runs it (the op is not marked illegal; MLIR 17 fixed that), so these CHECK lines are Tensile's: MLIR 17's form, with the index cast to i64 rather than i32 (a 64-bit index would be truncated). mlir-opt-16 --verify-each accepts them (test/unit/conversion-goldens-mlir16.test.ts); the property test (test/prop/scf-to-cf.test.ts) checks the semantics.

// CHECK-LABEL: func.func @index_switch(
// CHECK-NEXT: %0 = arith.index_cast %arg0 : index to i64
// CHECK-NEXT: cf.switch %0 : i64, [
// CHECK-NEXT: default: ^bb3,
// CHECK-NEXT: 2: ^bb1,
// CHECK-NEXT: 5: ^bb2
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: cf.br ^bb4(%arg1 : i32)
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: cf.br ^bb4(%arg2 : i32)
// CHECK-NEXT: ^bb3:  // pred: ^bb0
// CHECK-NEXT: %1 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: cf.br ^bb4(%1 : i32)
// CHECK-NEXT: ^bb4(%2: i32):  // 3 preds: ^bb1, ^bb2, ^bb3
// CHECK-NEXT: return %2 : i32
func.func @index_switch(%i: index, %a: i32, %b: i32) -> i32 {
  %0 = scf.index_switch %i -> i32
  case 2 {
    scf.yield %a : i32
  }
  case 5 {
    scf.yield %b : i32
  }
  default {
    %c = arith.addi %a, %b : i32
    scf.yield %c : i32
  }
  return %0 : i32
}

// CHECK-LABEL: func.func @index_switch_no_results(
// CHECK-NEXT: %0 = arith.index_cast %arg0 : index to i64
// CHECK-NEXT: cf.switch %0 : i64, [
// CHECK-NEXT: default: ^bb2,
// CHECK-NEXT: 0: ^bb1
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: memref.store %arg2, %arg1[] : memref<i32>
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: cf.br ^bb3
// CHECK-NEXT: ^bb3:  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: return
func.func @index_switch_no_results(%i: index, %m: memref<i32>, %a: i32) {
  scf.index_switch %i
  case 0 {
    memref.store %a, %m[] : memref<i32>
    scf.yield
  }
  default {
  }
  return
}

