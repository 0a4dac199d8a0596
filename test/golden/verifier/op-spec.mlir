// RUN: tensile-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Op definitions: operand, result, region and successor counts, attributes, segment sizes.
// Each chunk expects the first diagnostic mlir-opt-16 reports for it, with its notes; test/unit/verifier.test.ts
// checks them against mlir-opt-16 itself, columns included.

func.func @f(%a: i32, %b: i32) {
  %0 = "arith.addi"(%a, %b, %a) : (i32, i32, i32) -> i32
  return
}
// expected-error @-3 {{'arith.addi' op expected 2 operands, but found 3}}

// -----

func.func @f(%a: f32) {
  %0 = "arith.addi"(%a, %a) : (f32, f32) -> f32
  return
}
// expected-error @-3 {{'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'}}

// -----

func.func @f(%a: i32) {
  %0 = "arith.addi"(%a, %a) : (i32, i32) -> i64
  return
}
// expected-error @-3 {{'arith.addi' op requires the same type for all operands and results}}

// -----

func.func @f(%a: i32) {
  "arith.addi"(%a, %a) : (i32, i32) -> ()
  return
}
// expected-error @-3 {{'arith.addi' op requires one result}}

// -----

func.func @f(%a: i32) {
  %0 = "arith.cmpi"(%a, %a) : (i32, i32) -> i1
  return
}
// expected-error @-3 {{'arith.cmpi' op requires attribute 'predicate'}}

// -----

func.func @f(%a: i32) {
  %0 = "arith.cmpi"(%a, %a) {predicate = 42 : i64} : (i32, i32) -> i1
  return
}
// expected-error @-3 {{'arith.cmpi' op attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}

// -----

func.func @f(%a: f32) {
  %0 = "arith.constant"(%a) {value = 1.0 : f32} : (f32) -> f32
  return
}
// expected-error @-3 {{'arith.constant' op requires zero operands}}

// -----

func.func @f(%a: i32) {
  %0 = "arith.addui_extended"(%a, %a) : (i32, i32) -> i32
  return
}
// expected-error @-3 {{'arith.addui_extended' op expected 2 results}}

// -----

func.func @f(%a: f32) {
  %0 = "math.absf"() : () -> f32
  return
}
// expected-error @-3 {{'math.absf' op requires a single operand}}

// -----

func.func @f(%a: f32) {
  %0 = "math.fpowi"(%a, %a) : (f32, f32) -> f32
  return
}
// expected-error @-3 {{'math.fpowi' op operand #1 must be signless-integer-like, but got 'f32'}}

// -----

func.func @f() {
  "cf.br"()[^bb1, ^bb1] : () -> ()
^bb1:
  return
}
// expected-error @-4 {{'cf.br' op requires 1 successor but found 2}}

// -----

func.func @f() {
  "cf.cond_br"()[^bb1, ^bb1] {operand_segment_sizes = array<i32: 0, 0, 0>} : () -> ()
^bb1:
  return
}
// expected-error @-4 {{'cf.cond_br' op expected 1 or more operands, but found 0}}

// -----

func.func @f(%c: i1) {
  "cf.cond_br"(%c)[^bb1, ^bb1] {operand_segment_sizes = array<i32: 1, 1, 0>} : (i1) -> ()
^bb1:
  return
}
// expected-error @-4 {{'cf.cond_br' op operand count (1) does not match with the total size (2) specified in attribute 'operand_segment_sizes'}}

// -----

func.func @f(%c: i1) {
  "cf.cond_br"(%c)[^bb1, ^bb1] {operand_segment_sizes = array<i32: 1, 0>} : (i1) -> ()
^bb1:
  return
}
// expected-error @-4 {{'cf.cond_br' op 'operand_segment_sizes' attribute for specifying operand segments must have 3 elements, but got 2}}

// -----

func.func @f(%c: i1) {
  "cf.cond_br"(%c)[^bb1, ^bb1] : (i1) -> ()
^bb1:
  return
}
// expected-error @-4 {{'cf.cond_br' op requires dense i32 array attribute 'operand_segment_sizes'}}

// -----

func.func @f(%a: i32) {
  "cf.switch"(%a) {operand_segment_sizes = array<i32: 1, 0, 0>, case_operand_segments = array<i32>} : (i32) -> ()
}
// expected-error @-2 {{'cf.switch' op requires at least 1 successors but found 0}}

// -----

func.func @f(%a: i32) {
  "func.return"(%a) ({}) : (i32) -> ()
}
// expected-error @-2 {{'func.return' op requires zero regions}}

// -----

func.func @f() {
  "func.return"()[^bb1] : () -> ()
^bb1:
  return
}
// expected-error @-4 {{'func.return' op requires 0 successors but found 1}}

// -----

"func.func"() {sym_name = "f", function_type = () -> ()} : () -> ()
// expected-error @-1 {{'func.func' op requires one region}}

// -----

"func.func"() ({}) {function_type = () -> ()} : () -> ()
// expected-error @-1 {{'func.func' op requires attribute 'sym_name'}}

// -----

"builtin.module"() ({}) : () -> ()
// expected-error @-1 {{'builtin.module' op region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks}}

// -----

"builtin.module"() ({
^bb0:
  "test.op"() : () -> ()
^bb1:
  "test.op"() : () -> ()
}) : () -> ()
// expected-error @-6 {{'builtin.module' op expects region #0 to have 0 or 1 blocks}}
