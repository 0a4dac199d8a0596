// RUN: tensile-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Block structure (terminators, predecessors) and dominance, in SSACFG and graph regions.
// Each chunk expects the first diagnostic mlir-opt-16 reports for it, with its notes; test/unit/verifier.test.ts
// checks them against mlir-opt-16 itself, columns included.

func.func @f() {
  "test.branch"()[^bb1] : () -> ()
  "test.op"() : () -> ()
^bb1:
  return
}
// expected-error @-5 {{operation with block successors must terminate its parent block}}

// -----

func.func @f() {
^bb0:
  cf.br ^bb0
}
// expected-error @-4 {{entry block of region may not have predecessors}}

// -----

func.func @f() {
  "test.region"() ({
    "test.op"() : () -> ()
  ^bb1:
    "test.op"() : () -> ()
  }) : () -> ()
  "test.region"() ({
    "test.op"() : () -> ()
  ^bb1:
    %0 = arith.constant 1 : i32
  }) : () -> ()
  return
}
// expected-error @-4 {{block with no terminator, has %0 = "arith.constant"() {value = 1 : i32} : () -> i32}}

// -----

func.func @f() {
  %0 = arith.addi %1, %1 : i32
  %1 = arith.constant 0 : i32
  return
}
// expected-error @-4 {{operand #0 does not dominate this use}}
// expected-note @-4 {{operand defined here (op in the same block)}}

// -----

func.func @f(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %0 = arith.constant 0 : i32
  cf.br ^bb3
^bb2:
  cf.br ^bb3
^bb3:
  %1 = arith.addi %0, %0 : i32
  return
}
// expected-error @-3 {{operand #0 does not dominate this use}}
// expected-note @-9 {{operand defined here (op in the same region)}}

// -----

func.func @f(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %0 = arith.constant 0 : i32
  cf.br ^bb3
^bb2:
  cf.br ^bb3
^bb3:
  "test.region"() ({
    %1 = arith.addi %0, %0 : i32
  }) : () -> ()
  return
}
// expected-error @-4 {{operand #0 does not dominate this use}}
// expected-note @-11 {{operand defined here (op in a parent region)}}

// -----

func.func @f(%c: i1) {
  cf.cond_br %c, ^bb1(%c : i1), ^bb2
^bb1(%x: i1):
  cf.br ^bb2
^bb2:
  %0 = arith.andi %x, %x : i1
  return
}
// expected-error @-3 {{operand #0 does not dominate this use}}
// expected-note @-9 {{operand defined as a block argument (block #1 in the same region)}}

// -----

func.func @f(%c: i1) {
  cf.cond_br %c, ^bb1(%c : i1), ^bb2
^bb1(%x: i1):
  cf.br ^bb2
^bb2:
  "test.region"() ({
    %0 = arith.andi %x, %x : i1
  }) : () -> ()
  return
}
// expected-error @-4 {{operand #0 does not dominate this use}}
// expected-note @-11 {{operand defined as a block argument (block #1 in a parent region)}}

// -----

func.func @f() {
  return
^bb1:
  %0 = arith.addi %1, %1 : i32
  %1 = arith.constant 0 : i32
  cf.br ^bb1
}
// valid: no diagnostic

// -----

func.func @f() {
  return
^bb1:
  "test.region"() ({
    %2 = arith.addi %1, %1 : i32
  }) : () -> ()
  %1 = arith.constant 0 : i32
  cf.br ^bb1
}
// expected-error @-5 {{operand #0 does not dominate this use}}
// expected-note @-4 {{operand defined here (op in a parent region)}}

// -----

func.func @f(%n: index, %c: i1) -> index {
  %c1 = arith.constant 1 : index
  cf.br ^loop(%n : index)
^loop(%i: index):
  %next = arith.subi %i, %c1 : index
  "test.region"() ({
    %twice = arith.addi %next, %i : index
  }) : () -> ()
  cf.cond_br %c, ^loop(%next : index), ^exit
^exit:
  return %next : index
}
// valid: no diagnostic

// -----

%0 = "test.use"(%1) : (i32) -> i32
"test.region"() ({
  %2 = "test.use"(%1) : (i32) -> i32
}) : () -> ()
%1 = "test.def"() : () -> i32
// valid: no diagnostic
