// RUN: tensile-opt %s --convert-cf-to-llvm | FileCheck %s
// cf branches become llvm branches where the destination blocks take the converted types; a switch that
// forwards an index to an index block argument stays (func-to-llvm converts the blocks). The CHECK lines are
// mlir-opt-16 --convert-cf-to-llvm's output for this file.
// CHECK: func.func @branches(%arg0: i1, %arg1: i32, %arg2: f32, %arg3: index) -> f32 {
// CHECK-NEXT: llvm.cond_br %arg0, ^bb1(%arg2 : f32), ^bb2
// CHECK-NEXT: ^bb1(%0: f32):
// CHECK-NEXT: llvm.br ^bb3(%0 : f32)
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: cf.switch %arg1 : i32, [
// CHECK-NEXT: default: ^bb3(%arg2 : f32),
// CHECK-NEXT: 1: ^bb1(%arg2 : f32),
// CHECK-NEXT: 4294967295: ^bb4(%arg3 : index)
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb3(%1: f32):
// CHECK-NEXT: return %1 : f32
// CHECK-NEXT: ^bb4(%2: index):  // pred: ^bb2
// CHECK-NEXT: llvm.br ^bb3(%arg2 : f32)
// CHECK-NEXT: }
// CHECK-NEXT: func.func @switch(%arg0: i32, %arg1: f32, %arg2: f32) -> f32 {
// CHECK-NEXT: llvm.switch %arg0 : i32, ^bb1(%arg1 : f32) [
// CHECK-NEXT: 7: ^bb1(%arg2 : f32),
// CHECK-NEXT: 8: ^bb2
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1(%0: f32):
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: return %arg2 : f32
// CHECK-NEXT: }

func.func @branches(%c: i1, %i: i32, %f: f32, %x: index) -> f32 {
  cf.cond_br %c, ^bb1(%f : f32), ^bb2
^bb1(%a: f32):
  cf.br ^bb3(%a : f32)
^bb2:
  cf.switch %i : i32, [
    default: ^bb3(%f : f32),
    1: ^bb1(%f : f32),
    -1: ^bb4(%x : index)
  ]
^bb3(%y: f32):
  return %y : f32
^bb4(%z: index):
  cf.br ^bb3(%f : f32)
}

func.func @switch(%i: i32, %f: f32, %g: f32) -> f32 {
  cf.switch %i : i32, [
    default: ^bb1(%f : f32),
    7: ^bb1(%g : f32),
    8: ^bb2
  ]
^bb1(%y: f32):
  return %y : f32
^bb2:
  return %g : f32
}
