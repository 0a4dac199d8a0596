// RUN: tensile-opt %s --canonicalize | FileCheck %s

// cf.br to a block that only branches on goes straight to the final target; blocks left without
// predecessors are erased, and a block reached by one cf.br only is merged into its predecessor.
// CHECK-LABEL: func.func @br_pass_through
// CHECK-NEXT:    return %arg0 : i32
func.func @br_pass_through(%a: i32) -> i32 {
  cf.br ^bb1(%a : i32)
^bb1(%x: i32):
  cf.br ^bb2(%x : i32)
^bb2(%y: i32):
  return %y : i32
}

// A block with several predecessors that only branches on is bypassed by each of them.
// CHECK-LABEL: func.func @br_pass_through_shared
// CHECK-NEXT:    cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    %[[X:.+]] = arith.addi %arg1, %arg1 : i32
// CHECK-NEXT:    cf.br ^bb3(%[[X]], %arg2 : i32, i32)
// CHECK-NEXT:  ^bb2:
// CHECK-NEXT:    %[[Y:.+]] = arith.muli %arg1, %arg1 : i32
// CHECK-NEXT:    cf.br ^bb3(%[[Y]], %arg2 : i32, i32)
// CHECK-NEXT:  ^bb3(%[[P:.+]]: i32, %[[Q:.+]]: i32):
func.func @br_pass_through_shared(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %x = arith.addi %a, %a : i32
  cf.br ^bb3(%x : i32)
^bb2:
  %y = arith.muli %a, %a : i32
  cf.br ^bb3(%y : i32)
^bb3(%v: i32):
  cf.br ^bb4(%v, %b : i32, i32)
^bb4(%p: i32, %q: i32):
  %s = arith.subi %p, %q : i32
  return %s : i32
}

// CHECK-LABEL: func.func @br_merge
// CHECK-NEXT:    %[[S:.+]] = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:    %[[M:.+]] = arith.muli %[[S]], %[[S]] : i32
// CHECK-NEXT:    return %[[M]] : i32
func.func @br_merge(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  cf.br ^bb1(%0 : i32)
^bb1(%x: i32):
  %1 = arith.muli %x, %x : i32
  return %1 : i32
}

// A block with two predecessors is not merged.
// CHECK-LABEL: func.func @br_no_merge
// CHECK:         cf.cond_br %arg0, ^bb1, ^bb2
// CHECK:       ^bb1:
// CHECK-NEXT:    arith.addi
// CHECK-NEXT:    cf.br ^bb3(
// CHECK:       ^bb2:
// CHECK-NEXT:    arith.muli
// CHECK-NEXT:    cf.br ^bb3(
// CHECK:       ^bb3(%{{.+}}: i32):
func.func @br_no_merge(%c: i1, %a: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %0 = arith.addi %a, %a : i32
  cf.br ^bb3(%0 : i32)
^bb2:
  %1 = arith.muli %a, %a : i32
  cf.br ^bb3(%1 : i32)
^bb3(%r: i32):
  return %r : i32
}

// cf.cond_br on a constant takes the known edge.
// CHECK-LABEL: func.func @cond_br_true
// CHECK-NEXT:    return %arg0 : i32
func.func @cond_br_true(%a: i32, %b: i32) -> i32 {
  %true = arith.constant true
  cf.cond_br %true, ^bb1(%a : i32), ^bb2(%b : i32)
^bb1(%x: i32):
  return %x : i32
^bb2(%y: i32):
  return %y : i32
}

// CHECK-LABEL: func.func @cond_br_false
// CHECK-NEXT:    return %arg1 : i32
func.func @cond_br_false(%a: i32, %b: i32) -> i32 {
  %false = arith.constant false
  cf.cond_br %false, ^bb1(%a : i32), ^bb2(%b : i32)
^bb1(%x: i32):
  return %x : i32
^bb2(%y: i32):
  return %y : i32
}

// Both edges to one block with the same operands: a plain branch.
// CHECK-LABEL: func.func @cond_br_identical
// CHECK-NEXT:    return %arg1 : i32
func.func @cond_br_identical(%c: i1, %a: i32) -> i32 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb1(%a : i32)
^bb1(%x: i32):
  return %x : i32
}

// Both edges to one block with different operands: a select, when this is its only predecessor.
// CHECK-LABEL: func.func @cond_br_select
// CHECK-NEXT:    %[[S:.+]] = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT:    return %[[S]] : i32
func.func @cond_br_select(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb1(%b : i32)
^bb1(%x: i32):
  return %x : i32
}

// Destinations that only branch on are bypassed (then both edges go to one block: a select).
// CHECK-LABEL: func.func @cond_br_pass_through
// CHECK-NEXT:    %[[X:.+]] = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT:    %[[M:.+]] = arith.muli %[[X]], %[[X]] : i32
// CHECK-NEXT:    return %[[M]] : i32
func.func @cond_br_pass_through(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  cf.br ^bb3(%a : i32)
^bb2:
  cf.br ^bb3(%b : i32)
^bb3(%x: i32):
  %m = arith.muli %x, %x : i32
  return %m : i32
}

// A cond_br in a block reached only from a cond_br on the same condition takes the same edge.
// CHECK-LABEL: func.func @cond_br_same_condition
// CHECK-NEXT:    cf.cond_br %arg0, ^bb1, ^bb2(%arg2 : i32)
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    %[[S:.+]] = arith.addi %arg1, %arg1 : i32
// CHECK-NEXT:    cf.br ^bb2(%[[S]] : i32)
// CHECK-NEXT:  ^bb2(%[[X:.+]]: i32):
// CHECK-NEXT:    return %[[X]] : i32
func.func @cond_br_same_condition(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2(%b : i32)
^bb1:
  %s = arith.addi %a, %a : i32
  cf.cond_br %c, ^bb2(%s : i32), ^bb3
^bb2(%x: i32):
  return %x : i32
^bb3:
  %m = arith.muli %a, %b : i32
  return %m : i32
}

// The same when the inner branch is met first (here, its block comes before the outer branch's).
// CHECK-LABEL: func.func @cond_br_same_condition_first
// CHECK-NEXT:    cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    %[[M:.+]] = arith.muli %arg1, %arg2 : i32
// CHECK-NEXT:    return %[[M]] : i32
// CHECK-NEXT:  ^bb2:
// CHECK-NEXT:    return %arg2 : i32
func.func @cond_br_same_condition_first(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.br ^bb2
^bb1:
  cf.cond_br %c, ^bb3, ^bb4
^bb2:
  cf.cond_br %c, ^bb1, ^bb4
^bb3:
  %m = arith.muli %a, %b : i32
  return %m : i32
^bb4:
  return %b : i32
}

// In a destination reached only through one edge the condition is a known constant.
// CHECK-LABEL: func.func @cond_br_truth
// CHECK-NEXT:    cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    return %arg1 : i32
// CHECK-NEXT:  ^bb2:
// CHECK-NEXT:    %[[S:.+]] = arith.addi %arg2, %arg2 : i32
// CHECK-NEXT:    return %[[S]] : i32
func.func @cond_br_truth(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %s = arith.select %c, %a, %b : i32
  return %s : i32
^bb2:
  %t = arith.select %c, %a, %b : i32
  %u = arith.addi %t, %t : i32
  return %u : i32
}

// cf.switch on a constant branches to the matching case (or the default).
// CHECK-LABEL: func.func @switch_constant
// CHECK-NEXT:    return %arg1 : i32
func.func @switch_constant(%a: i32, %b: i32) -> i32 {
  %c = arith.constant 43 : i32
  cf.switch %c : i32, [
    default: ^bb1(%a : i32),
    42: ^bb1(%a : i32),
    43: ^bb2
  ]
^bb1(%x: i32):
  return %x : i32
^bb2:
  return %b : i32
}

// CHECK-LABEL: func.func @switch_constant_default
// CHECK-NEXT:    return %arg0 : i32
func.func @switch_constant_default(%a: i32, %b: i32) -> i32 {
  %c = arith.constant -1 : i32
  cf.switch %c : i32, [
    default: ^bb1(%a : i32),
    42: ^bb2
  ]
^bb1(%x: i32):
  return %x : i32
^bb2:
  return %b : i32
}

// A switch with only a default is a branch.
// CHECK-LABEL: func.func @switch_only_default
// CHECK-NEXT:    return %arg1 : i32
func.func @switch_only_default(%f: i32, %a: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^bb1(%a : i32)
  ]
^bb1(%x: i32):
  return %x : i32
}

// Cases that go where the default goes, with the same operands, are dropped.
// CHECK-LABEL: func.func @switch_drop_cases
// CHECK-NEXT:    cf.switch %arg0 : i32, [
// CHECK-NEXT:      default: ^bb1(%arg1 : i32),
// CHECK-NEXT:      43: ^bb2
// CHECK-NEXT:    ]
func.func @switch_drop_cases(%f: i32, %a: i32, %b: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^bb1(%a : i32),
    42: ^bb1(%a : i32),
    43: ^bb2
  ]
^bb1(%x: i32):
  return %x : i32
^bb2:
  return %b : i32
}

// Destinations that only branch on are bypassed.
// CHECK-LABEL: func.func @switch_pass_through
// CHECK-NEXT:    cf.switch %arg0 : i32, [
// CHECK-NEXT:      default: ^bb1,
// CHECK-NEXT:      42: ^bb2(%arg2 : i32),
// CHECK-NEXT:      43: ^bb2(%arg1 : i32)
// CHECK-NEXT:    ]
func.func @switch_pass_through(%f: i32, %a: i32, %b: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^bb1,
    42: ^bb2,
    43: ^bb3(%a : i32)
  ]
^bb1:
  %m = arith.muli %a, %b : i32
  return %m : i32
^bb2:
  cf.br ^bb3(%b : i32)
^bb3(%x: i32):
  %n = arith.addi %x, %x : i32
  return %n : i32
}

// Below a switch on the same flag: a case's block knows the flag's value; the default's block drops the
// cases the first switch sent elsewhere.
// (Here case 42's block becomes a pass-through to ^bb5, which the first switch then targets.)
// CHECK-LABEL: func.func @switch_same_flag
// CHECK-NEXT:    cf.switch %arg0 : i32, [
// CHECK-NEXT:      default: ^bb1,
// CHECK-NEXT:      42: ^bb3
// CHECK-NEXT:    ]
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    cf.switch %arg0 : i32, [
// CHECK-NEXT:      default: ^bb2(%arg1 : i32),
// CHECK-NEXT:      43: ^bb3
// CHECK-NEXT:    ]
// CHECK-NEXT:  ^bb2(%[[X:.+]]: i32):
// CHECK-NEXT:    return %[[X]] : i32
// CHECK-NEXT:  ^bb3:
// CHECK-NEXT:    arith.subi %arg1, %arg2
func.func @switch_same_flag(%f: i32, %a: i32, %b: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^bb1,
    42: ^bb2
  ]
^bb1:
  cf.switch %f : i32, [
    default: ^bb3(%a : i32),
    42: ^bb4,
    43: ^bb5
  ]
^bb2:
  cf.switch %f : i32, [
    default: ^bb3(%b : i32),
    42: ^bb5,
    44: ^bb4
  ]
^bb3(%x: i32):
  return %x : i32
^bb4:
  %m = arith.muli %a, %b : i32
  return %m : i32
^bb5:
  %n = arith.subi %a, %b : i32
  return %n : i32
}

// cf.assert of the constant true is erased.
// CHECK-LABEL: func.func @assert_true
// CHECK-NEXT:    cf.assert %arg0, "kept"
// CHECK-NEXT:    return
func.func @assert_true(%c: i1) {
  %true = arith.constant true
  cf.assert %true, "never fails"
  cf.assert %c, "kept"
  return
}

// Unreachable blocks go, whatever ends them, cycles included.
// CHECK-LABEL: func.func @unreachable
// CHECK-NEXT:    return %arg0 : i32
// CHECK-NEXT:  }
func.func @unreachable(%a: i32) -> i32 {
  return %a : i32
^bb1:
  cf.br ^bb2
^bb2:
  cf.br ^bb1
^bb3:
  return %a : i32
}

// CHECK-LABEL: func.func @unreachable_cond_br
// CHECK-NEXT:    return %arg0 : i32
// CHECK-NEXT:  }
func.func @unreachable_cond_br(%a: i32, %c: i1) -> i32 {
  return %a : i32
^bb1:
  cf.cond_br %c, ^bb1, ^bb2
^bb2:
  return %a : i32
}

// CHECK-LABEL: func.func @unreachable_switch
// CHECK-NEXT:    return %arg0 : i32
// CHECK-NEXT:  }
func.func @unreachable_switch(%a: i32) -> i32 {
  return %a : i32
^bb1:
  cf.switch %a : i32, [
    default: ^bb1,
    7: ^bb2
  ]
^bb2:
  return %a : i32
}

// A loop stays a loop.
// CHECK-LABEL: func.func @loop
// CHECK:         cf.br ^bb1(%{{.+}} : i32)
// CHECK-NEXT:  ^bb1(%[[I:.+]]: i32):
// CHECK-NEXT:    %[[LT:.+]] = arith.cmpi slt, %[[I]], %arg0 : i32
// CHECK-NEXT:    cf.cond_br %[[LT]], ^bb2, ^bb3
func.func @loop(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  cf.br ^bb1(%c0 : i32)
^bb1(%i: i32):
  %lt = arith.cmpi slt, %i, %n : i32
  cf.cond_br %lt, ^bb2, ^bb3
^bb2:
  %next = arith.addi %i, %c1 : i32
  cf.br ^bb1(%next : i32)
^bb3:
  return %i : i32
}

// Region simplification after each sweep, as in MLIR 16: unused arguments of non-entry blocks go, with the
// operands branches pass them.
// CHECK-LABEL: func.func @unused_block_argument
// CHECK-NEXT:    cf.cond_br %arg0, ^bb1, ^bb2(%arg2 : i32)
// CHECK-NEXT:  ^bb1:
func.func @unused_block_argument(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2(%b : i32)
^bb1(%x: i32):
  return %a : i32
^bb2(%y: i32):
  %m = arith.muli %y, %y : i32
  return %m : i32
}

// Region simplification merges identical blocks (as MLIR 16 does); here the merged block is then the only
// successor, and is merged into its predecessor.
// CHECK-LABEL: func.func @identical_blocks
// CHECK-NEXT:    %[[M:.+]] = arith.muli %arg1, %arg2 : i32
// CHECK-NEXT:    return %[[M]] : i32
func.func @identical_blocks(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %m = arith.muli %a, %b : i32
  return %m : i32
^bb2:
  %n = arith.muli %a, %b : i32
  return %n : i32
}

// Identical but for values from outside: those become arguments of the merged block, one per operand that
// differs between any two of the blocks, and every branch passes what its old target used.
// CHECK-LABEL: func.func @identical_blocks_new_arguments
// CHECK-NEXT:    cf.cond_br %arg0, ^bb1, ^bb2(%arg2, %arg3 : i32, i32)
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    cf.cond_br %arg1, ^bb2(%arg2, %arg4 : i32, i32), ^bb2(%arg3, %arg4 : i32, i32)
// CHECK-NEXT:  ^bb2(%[[X:.+]]: i32, %[[Y:.+]]: i32):
// CHECK-NEXT:    %[[S:.+]] = arith.subi %[[X]], %[[Y]] : i32
// CHECK-NEXT:    return %[[S]] : i32
func.func @identical_blocks_new_arguments(%c: i1, %d: i1, %a: i32, %b: i32, %e: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  cf.cond_br %d, ^bb3, ^bb4
^bb2:
  %m = arith.subi %a, %b : i32
  return %m : i32
^bb3:
  %n = arith.subi %a, %e : i32
  return %n : i32
^bb4:
  %o = arith.subi %b, %e : i32
  return %o : i32
}

// Blocks with arguments: the new arguments come after the old ones. Merging ^bb1 and ^bb2 leaves a cond_br
// to one block, which becomes selects.
// CHECK-LABEL: func.func @identical_blocks_with_arguments
// CHECK-NEXT:    %[[X:.+]] = arith.select %arg0, %arg2, %arg3 : i32
// CHECK-NEXT:    %[[Y:.+]] = arith.select %arg0, %arg2, %arg3 : i32
// CHECK-NEXT:    %[[M:.+]] = arith.muli %[[X]], %[[Y]] : i32
// CHECK-NEXT:    cf.cond_br %arg1, ^bb1(%[[M]] : i32), ^bb2
func.func @identical_blocks_with_arguments(%c: i1, %d: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2(%b : i32)
^bb1(%x: i32):
  %r = arith.muli %x, %a : i32
  cf.cond_br %d, ^bb3(%r : i32), ^bb4
^bb2(%y: i32):
  %s = arith.muli %y, %b : i32
  cf.cond_br %d, ^bb3(%s : i32), ^bb4
^bb3(%v: i32):
  return %v : i32
^bb4:
  return %a : i32
}

// The cases of a switch: the merged block's argument is passed by every case.
// CHECK-LABEL: func.func @identical_blocks_switch
// CHECK-NEXT:    cf.switch %arg0 : i32, [
// CHECK-NEXT:      default: ^bb1(%arg1 : i32),
// CHECK-NEXT:      1: ^bb1(%arg2 : i32),
// CHECK-NEXT:      2: ^bb1(%arg3 : i32)
// CHECK-NEXT:    ]
// CHECK-NEXT:  ^bb1(%[[X:.+]]: i32):
// CHECK-NEXT:    arith.xori %[[X]], %arg0 : i32
func.func @identical_blocks_switch(%f: i32, %a: i32, %b: i32, %e: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^bb1,
    1: ^bb2,
    2: ^bb3
  ]
^bb1:
  %x = arith.xori %a, %f : i32
  return %x : i32
^bb2:
  %y = arith.xori %b, %f : i32
  return %y : i32
^bb3:
  %z = arith.xori %e, %f : i32
  return %z : i32
}

// Values defined in the blocks must be used at the same positions: these two are not identical.
// CHECK-LABEL: func.func @not_identical_blocks
// CHECK:       ^bb1(%[[X:.+]]: i32, %[[Y:.+]]: i32):
// CHECK-NEXT:    arith.subi %[[X]], %[[Y]] : i32
// CHECK:       ^bb2(%[[P:.+]]: i32, %[[Q:.+]]: i32):
// CHECK-NEXT:    arith.subi %[[Q]], %[[P]] : i32
func.func @not_identical_blocks(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1(%a, %b : i32, i32), ^bb2(%b, %a : i32, i32)
^bb1(%x: i32, %y: i32):
  %r = arith.subi %x, %y : i32
  return %r : i32
^bb2(%p: i32, %q: i32):
  %s = arith.subi %q, %p : i32
  return %s : i32
}
