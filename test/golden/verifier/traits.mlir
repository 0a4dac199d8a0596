// RUN: tensile-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Traits: terminators and parents, shapes and types, symbols, isolation, function signatures.
// Each chunk expects the first diagnostic mlir-opt-16 reports for it, with its notes; test/unit/verifier.test.ts
// checks them against mlir-opt-16 itself, columns included.

func.func @f() {
  "func.return"() : () -> ()
  "func.return"() : () -> ()
}
// expected-error @-3 {{'func.return' op must be the last operation in the parent block}}

// -----

"func.return"() : () -> ()
// expected-error @-1 {{'func.return' op expects parent op 'func.func'}}

// -----

func.func @f(%a: vector<4xi32>) {
  %0 = "arith.extsi"(%a) : (vector<4xi32>) -> vector<5xi64>
  return
}
// expected-error @-3 {{'arith.extsi' op requires the same shape for all operands and results}}

// -----

func.func @f(%a: tensor<4xi32>, %b: vector<4xi32>) {
  %0 = "arith.addi"(%a, %b) : (tensor<4xi32>, vector<4xi32>) -> tensor<4xi32>
  return
}
// expected-error @-3 {{'arith.addi' op all non-scalar operands/results must have the same shape and base type}}

// -----

func.func @f(%a: vector<4xf32>, %b: f32) {
  %0 = "arith.cmpf"(%a, %b) {predicate = 1 : i64} : (vector<4xf32>, f32) -> vector<4xi1>
  return
}
// expected-error @-3 {{'arith.cmpf' op requires all operands to have the same type}}

// -----

func.func @f(%a: i1, %b: f32, %c: f64) {
  %0 = "arith.select"(%a, %b, %c) : (i1, f32, f64) -> f32
  return
}
// expected-error @-3 {{'arith.select' op failed to verify that all of {true_value, false_value, result} have same type}}

// -----

"func.func"() ({
  "func.return"() : () -> ()
}) {sym_name = "f", function_type = () -> (), sym_visibility = "foo"} : () -> ()
// expected-error @-3 {{'func.func' op visibility expected to be one of ["public", "private", "nested"], but got "foo"}}

// -----

func.func @f()
// expected-error @-1 {{'func.func' op symbol declaration cannot have public visibility}}

// -----

func.func private @f()
func.func private @f()
// expected-error @-1 {{redefinition of symbol named 'f'}}
// expected-note @-3 {{see existing symbol definition here}}

// -----

func.func @f(%a: i32) {
  "test.region"() ({
    func.func @g() {
      %0 = arith.addi %a, %a : i32
      return
    }
  }) : () -> ()
  return
}
// expected-error @-6 {{'arith.addi' op using value defined outside the region}}
// expected-note @-8 {{required by region isolation constraints}}

// -----

"func.func"() ({
^bb0(%a: i32):
  "func.return"() : () -> ()
}) {sym_name = "f", function_type = (f32) -> ()} : () -> ()
// expected-error @-4 {{'func.func' op type of entry block argument #0('i32') must match the type of the corresponding argument in function signature('f32')}}
