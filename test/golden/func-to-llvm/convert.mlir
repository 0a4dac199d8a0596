// RUN: tensile-opt %s --convert-func-to-llvm | FileCheck %s
// func.func/return/call become llvm.func/return/call (several results packed into a struct), index becomes
// i64, arith and cf convert with them, and llvm.emit_c_interface functions get their _mlir_ciface_ wrapper.
// The CHECK lines are mlir-opt-16 --convert-func-to-llvm's output for this file.
// CHECK: llvm.func @callee(%arg0: i32, %arg1: i64) -> i32 {
// CHECK-NEXT: llvm.return %arg0 : i32
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @two(%arg0: i32, %arg1: f32) -> !llvm.struct<(i32, f32)> {
// CHECK-NEXT: %0 = llvm.mlir.undef : !llvm.struct<(i32, f32)>
// CHECK-NEXT: %1 = llvm.insertvalue %arg0, %0[0] : !llvm.struct<(i32, f32)>
// CHECK-NEXT: %2 = llvm.insertvalue %arg1, %1[1] : !llvm.struct<(i32, f32)>
// CHECK-NEXT: llvm.return %2 : !llvm.struct<(i32, f32)>
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @decl(f32) -> f32 attributes {sym_visibility = "private"}
// CHECK-NEXT: llvm.func @caller(%arg0: i32, %arg1: f32) -> !llvm.struct<(i32, f32)> attributes {llvm.emit_c_interface} {
// CHECK-NEXT: %0 = llvm.mlir.constant(3 : index) : i64
// CHECK-NEXT: %1 = llvm.call @callee(%arg0, %0) : (i32, i64) -> i32
// CHECK-NEXT: %2 = llvm.call @two(%1, %arg1) : (i32, f32) -> !llvm.struct<(i32, f32)>
// CHECK-NEXT: %3 = llvm.extractvalue %2[0] : !llvm.struct<(i32, f32)>
// CHECK-NEXT: %4 = llvm.extractvalue %2[1] : !llvm.struct<(i32, f32)>
// CHECK-NEXT: %5 = llvm.call @decl(%4) : (f32) -> f32
// CHECK-NEXT: %6 = llvm.mlir.undef : !llvm.struct<(i32, f32)>
// CHECK-NEXT: %7 = llvm.insertvalue %3, %6[0] : !llvm.struct<(i32, f32)>
// CHECK-NEXT: %8 = llvm.insertvalue %5, %7[1] : !llvm.struct<(i32, f32)>
// CHECK-NEXT: llvm.return %8 : !llvm.struct<(i32, f32)>
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @_mlir_ciface_caller(%arg0: !llvm.ptr<struct<(i32, f32)>>, %arg1: i32, %arg2: f32) attributes {llvm.emit_c_interface} {
// CHECK-NEXT: %0 = llvm.call @caller(%arg1, %arg2) : (i32, f32) -> !llvm.struct<(i32, f32)>
// CHECK-NEXT: llvm.store %0, %arg0 : !llvm.ptr<struct<(i32, f32)>>
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @noresult(%arg0: i32) attributes {llvm.emit_c_interface} {
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @_mlir_ciface_noresult(%arg0: i32) attributes {llvm.emit_c_interface} {
// CHECK-NEXT: llvm.call @noresult(%arg0) : (i32) -> ()
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }

func.func @callee(%a: i32, %x: index) -> i32 {
  return %a : i32
}
func.func @two(%a: i32, %f: f32) -> (i32, f32) {
  return %a, %f : i32, f32
}
func.func private @decl(f32) -> f32
func.func @caller(%a: i32, %f: f32) -> (i32, f32) attributes {llvm.emit_c_interface} {
  %c = arith.constant 3 : index
  %0 = call @callee(%a, %c) : (i32, index) -> i32
  %1:2 = call @two(%0, %f) : (i32, f32) -> (i32, f32)
  %2 = call @decl(%1#1) : (f32) -> f32
  return %1#0, %2 : i32, f32
}
func.func @noresult(%a: i32) attributes {llvm.emit_c_interface} {
  return
}
