// RUN: tensile-opt %s --convert-func-to-llvm | FileCheck %s
// A func.func's llvm.linkage attribute becomes its llvm.func's linkage (and is not carried as an attribute):
// convert-math-to-funcs outlines its power functions linkonce_odr. The CHECK lines are mlir-opt-16's output.
// CHECK: module attributes {llvm.data_layout = ""} {
// CHECK-NEXT:   llvm.func linkonce_odr @outlined(%arg0: i32) -> i32 attributes {sym_visibility = "private"} {
// CHECK-NEXT:     llvm.return %arg0 : i32
// CHECK-NEXT:   }
// CHECK-NEXT:   llvm.func weak @weak_one(%arg0: f32) -> f32 attributes {sym_visibility = "private"} {
// CHECK-NEXT:     llvm.return %arg0 : f32
// CHECK-NEXT:   }
// CHECK-NEXT:   llvm.func @caller(%arg0: i32, %arg1: f32) -> !llvm.struct<(i32, f32)> {
// CHECK-NEXT:     %0 = llvm.call @outlined(%arg0) : (i32) -> i32
// CHECK-NEXT:     %1 = llvm.call @weak_one(%arg1) : (f32) -> f32
// CHECK-NEXT:     %2 = llvm.mlir.undef : !llvm.struct<(i32, f32)>
// CHECK-NEXT:     %3 = llvm.insertvalue %0, %2[0] : !llvm.struct<(i32, f32)> 
// CHECK-NEXT:     %4 = llvm.insertvalue %1, %3[1] : !llvm.struct<(i32, f32)> 
// CHECK-NEXT:     llvm.return %4 : !llvm.struct<(i32, f32)>
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func private @outlined(%a: i32) -> i32 attributes {llvm.linkage = #llvm.linkage<linkonce_odr>} {
  return %a : i32
}
func.func private @weak_one(%a: f32) -> f32 attributes {llvm.linkage = #llvm.linkage<weak>} {
  return %a : f32
}
func.func @caller(%a: i32, %b: f32) -> (i32, f32) {
  %r = call @outlined(%a) : (i32) -> i32
  %s = call @weak_one(%b) : (f32) -> f32
  return %r, %s : i32, f32
}
