// RUN: tensile-opt %s --pass-pipeline=builtin.module(func.func(tosa-to-scf)) | FileCheck %s
// tosa-to-scf. The CHECK lines are mlir-opt-16's output.

// CHECK-LABEL: func.func @if(
// CHECK-NEXT: %extracted = tensor.extract %arg0[] : tensor<i1>
// CHECK-NEXT: %0 = scf.if %extracted -> (tensor<f32>) {
// CHECK-NEXT: scf.yield %arg1 : tensor<f32>
// CHECK-NEXT: } else {
// CHECK-NEXT: %1 = "tosa.negate"(%arg1) : (tensor<f32>) -> tensor<f32>
// CHECK-NEXT: scf.yield %1 : tensor<f32>
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : tensor<f32>
func.func @if(%c: tensor<i1>, %x: tensor<f32>) -> tensor<f32> {
  %r = "tosa.cond_if"(%c, %x) ({
  ^bb0(%a: tensor<f32>):
    "tosa.yield"(%a) : (tensor<f32>) -> ()
  }, {
  ^bb0(%a: tensor<f32>):
    %n = "tosa.negate"(%a) : (tensor<f32>) -> tensor<f32>
    "tosa.yield"(%n) : (tensor<f32>) -> ()
  }) : (tensor<i1>, tensor<f32>) -> tensor<f32>
  return %r : tensor<f32>
}

// CHECK-LABEL: func.func @while(
// CHECK-NEXT: %0 = scf.while (%arg1 = %arg0) : (tensor<i32>) -> tensor<i32> {
// CHECK-NEXT: %1 = "tosa.const"() {value = dense<10> : tensor<i32>} : () -> tensor<i32>
// CHECK-NEXT: %2 = "tosa.greater"(%1, %arg1) : (tensor<i32>, tensor<i32>) -> tensor<i1>
// CHECK-NEXT: %extracted = tensor.extract %2[] : tensor<i1>
// CHECK-NEXT: scf.condition(%extracted) %arg1 : tensor<i32>
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg1: tensor<i32>):
// CHECK-NEXT: %1 = "tosa.const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
// CHECK-NEXT: %2 = "tosa.add"(%arg1, %1) : (tensor<i32>, tensor<i32>) -> tensor<i32>
// CHECK-NEXT: scf.yield %2 : tensor<i32>
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : tensor<i32>
func.func @while(%x: tensor<i32>) -> tensor<i32> {
  %r = "tosa.while_loop"(%x) ({
  ^bb0(%a: tensor<i32>):
    %ten = "tosa.const"() {value = dense<10> : tensor<i32>} : () -> tensor<i32>
    %p = "tosa.greater"(%ten, %a) : (tensor<i32>, tensor<i32>) -> tensor<i1>
    "tosa.yield"(%p) : (tensor<i1>) -> ()
  }, {
  ^bb0(%a: tensor<i32>):
    %one = "tosa.const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %n = "tosa.add"(%a, %one) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    "tosa.yield"(%n) : (tensor<i32>) -> ()
  }) : (tensor<i32>) -> tensor<i32>
  return %r : tensor<i32>
}
