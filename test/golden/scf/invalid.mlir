// RUN: tensile-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Verifier messages of scf ops, as mlir-opt-16 gives them.

func.func @for_negative_step(%lb: index, %ub: index) {
  %c = arith.constant -1 : index
  // expected-error @+1 {{'scf.for' op constant step operand must be positive}}
  scf.for %i = %lb to %ub step %c {
  }
  return
}

// -----

func.func @for_zero_step(%lb: index, %ub: index) {
  %c = arith.constant 0 : index
  // expected-error @+1 {{'scf.for' op constant step operand must be positive}}
  scf.for %i = %lb to %ub step %c {
  }
  return
}

// -----

func.func @for_result_count(%lb: index, %f: f32) {
  // expected-error @+1 {{'scf.for' op mismatch in number of loop-carried values and defined values}}
  %r:2 = "scf.for"(%lb, %lb, %lb, %f) ({
  ^bb0(%i: index, %a: f32):
    scf.yield %a : f32
  }) : (index, index, index, f32) -> (f32, f32)
  return
}

// -----

func.func @for_iv_type(%lb: index) {
  // expected-error @+1 {{'scf.for' op expected body first argument to be an index argument for the induction variable}}
  "scf.for"(%lb, %lb, %lb) ({
  ^bb0(%i: i32):
    scf.yield
  }) : (index, index, index) -> ()
  return
}

// -----

func.func @for_block_args(%lb: index, %f: f32) {
  // (MLIR 16's own "mismatch in number of basic block args" check comes after the interface's and never fires.)
  // expected-error @+1 {{'scf.for' op  region control flow edge from parent operands to Region #0: source has 1 operands, but target successor needs 0}}
  %r = "scf.for"(%lb, %lb, %lb, %f) ({
  ^bb0(%i: index):
    scf.yield %f : f32
  }) : (index, index, index, f32) -> f32
  return
}

// -----

func.func @for_iter_operand_type(%lb: index, %f: f32, %g: f64) {
  // expected-error @+1 {{'scf.for' op  along control flow edge from parent operands to Region #0: source type #0 'f64' should match input type #0 'f32'}}
  %r = "scf.for"(%lb, %lb, %lb, %g) ({
  ^bb0(%i: index, %a: f32):
    scf.yield %a : f32
  }) : (index, index, index, f64) -> f32
  return
}

// -----

func.func @for_iter_arg_type(%lb: index, %f: f32) {
  // expected-error @+1 {{'scf.for' op  along control flow edge from parent operands to Region #0: source type #0 'f32' should match input type #0 'f64'}}
  %r = "scf.for"(%lb, %lb, %lb, %f) ({
  ^bb0(%i: index, %a: f64):
    scf.yield %f : f32
  }) : (index, index, index, f32) -> f32
  return
}

// -----

func.func @for_yield_type(%lb: index, %f: f32, %g: f64) {
  // expected-error @+1 {{'scf.for' op  along control flow edge from Region #0 to Region #0: source type #0 'f64' should match input type #0 'f32'}}
  %r = scf.for %i = %lb to %lb step %lb iter_args(%a = %f) -> (f32) {
    scf.yield %g : f64
  }
  return
}

// -----

func.func @for_terminator(%lb: index) {
  // expected-error @+2 {{'scf.for' op expects regions to end with 'scf.yield', found 'test.op'}}
  // expected-note @+1 {{in custom textual format, the absence of terminator implies 'scf.yield'}}
  "scf.for"(%lb, %lb, %lb) ({
  ^bb0(%i: index):
    "test.op"() : () -> ()
  }) : (index, index, index) -> ()
  return
}

// -----

func.func @if_results_without_else(%c: i1, %f: f32) {
  // expected-error @+1 {{'scf.if' op must have an else block if defining values}}
  %r = "scf.if"(%c) ({
    scf.yield %f : f32
  }, {
  }) : (i1) -> f32
  return
}

// -----

func.func @if_yield_count(%c: i1, %f: f32) {
  // expected-error @+1 {{'scf.if' op  region control flow edge from Region #0 to parent results: source has 0 operands, but target successor needs 1}}
  %r = scf.if %c -> (f32) {
    scf.yield
  } else {
    scf.yield %f : f32
  }
  return
}

// -----

func.func @if_region_args(%c: i1) {
  // expected-error @+1 {{'scf.if' op region #0 should have no arguments}}
  "scf.if"(%c) ({
  ^bb0(%x: i32):
    scf.yield
  }, {
  }) : (i1) -> ()
  return
}

// -----

func.func @yield_parent(%f: f32) {
  "test.region"() ({
    // expected-error @+1 {{'scf.yield' op expects parent op to be one of 'scf.execute_region, scf.for, scf.if, scf.index_switch, scf.parallel, scf.while'}}
    scf.yield
  }) : () -> ()
  return
}

// -----

func.func @while_before_terminator(%f: f32) {
  // expected-error @+1 {{'scf.while' op expects the 'before' region to terminate with 'scf.condition'}}
  scf.while : () -> () {
    // expected-note @+1 {{terminator here}}
    "test.terminator"() : () -> ()
  } do {
    scf.yield
  }
  return
}

// -----

func.func @while_after_terminator(%c: i1) {
  // expected-error @+1 {{'scf.while' op expects the 'after' region to terminate with 'scf.yield'}}
  scf.while : () -> () {
    scf.condition(%c)
  } do {
    // expected-note @+1 {{terminator here}}
    "test.terminator"() : () -> ()
  }
  return
}

// -----

func.func @while_input_count(%f: f32) {
  // expected-error @+1 {{expected as many input types as operands (expected 1 got 0)}}
  scf.while (%x = %f) : () -> () {
  } do {
  }
  return
}

// -----

func.func @while_condition_types(%c: i1, %f: f32) {
  // expected-error @+1 {{'scf.while' op  along control flow edge from Region #0 to parent results: source type #0 'f32' should match input type #0 'i32'}}
  %r = scf.while (%x = %f) : (f32) -> i32 {
    scf.condition(%c) %x : f32
  } do {
  ^bb0(%y: i32):
    scf.yield %f : f32
  }
  return
}

// -----

func.func @condition_parent(%c: i1) {
  "test.region"() ({
    // expected-error @+1 {{'scf.condition' op expects parent op 'scf.while'}}
    scf.condition(%c)
  }) : () -> ()
  return
}

// -----

func.func @execute_region_args() {
  // expected-error @+1 {{'scf.execute_region' op region cannot have any arguments}}
  "scf.execute_region"() ({
  ^bb0(%x: i32):
    scf.yield
  }) : () -> ()
  return
}

// -----

func.func @execute_region_empty() {
  // expected-error @+1 {{'scf.execute_region' op region needs to have at least one block}}
  "scf.execute_region"() ({
  }) : () -> ()
  return
}

// -----

func.func @switch_case_count(%i: index) {
  // expected-error @+1 {{'scf.index_switch' op has 0 case regions but 1 case values}}
  "scf.index_switch"(%i) ({
    scf.yield
  }) {cases = array<i64: 1>} : (index) -> ()
  return
}

// -----

func.func @switch_duplicate(%i: index) {
  // expected-error @+1 {{'scf.index_switch' op has duplicate case value: 2}}
  scf.index_switch %i
  case 2 {
    scf.yield
  }
  case 2 {
    scf.yield
  }
  default {
    scf.yield
  }
  return
}

// -----

func.func @switch_yield_count(%i: index, %f: f32) {
  // expected-error @+1 {{'scf.index_switch' op expected each region to return 1 values, but case region #0 returns 0}}
  %r = scf.index_switch %i -> f32
  case 2 {
    // expected-note @+1 {{see yield operation here}}
    scf.yield
  }
  default {
    scf.yield %f : f32
  }
  return
}

// -----

func.func @switch_yield_type(%i: index, %f: f32, %g: f64) {
  // expected-error @+1 {{'scf.index_switch' op expected result #0 of each region to be 'f32'}}
  %r = scf.index_switch %i -> f32
  case 2 {
    scf.yield %f : f32
  }
  default {
    // expected-note @+1 {{default region returns 'f64' here}}
    scf.yield %g : f64
  }
  return
}

// -----

func.func @parallel_no_bounds() {
  // expected-error @+1 {{'scf.parallel' op needs at least one tuple element for lowerBound, upperBound and step}}
  "scf.parallel"() ({
    scf.yield
  }) {operand_segment_sizes = array<i32: 0, 0, 0, 0>} : () -> ()
  return
}

// -----

func.func @parallel_step(%lb: index) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'scf.parallel' op constant step operand must be positive}}
  scf.parallel (%i) = (%lb) to (%lb) step (%c0) {
  }
  return
}

// -----

func.func @parallel_ivs(%lb: index) {
  // expected-error @+1 {{'scf.parallel' op expects the same number of induction variables: 2 as bound and step values: 1}}
  "scf.parallel"(%lb, %lb, %lb) ({
  ^bb0(%i: index, %j: index):
    scf.yield
  }) {operand_segment_sizes = array<i32: 1, 1, 1, 0>} : (index, index, index) -> ()
  return
}

// -----

func.func @parallel_iv_type(%lb: index) {
  // expected-error @+1 {{'scf.parallel' op expects arguments for the induction variable to be of index type}}
  "scf.parallel"(%lb, %lb, %lb) ({
  ^bb0(%i: i32):
    scf.yield
  }) {operand_segment_sizes = array<i32: 1, 1, 1, 0>} : (index, index, index) -> ()
  return
}

// -----

func.func @parallel_yield_operands(%lb: index, %f: f32) {
  scf.parallel (%i) = (%lb) to (%lb) step (%lb) {
    // expected-error @+1 {{'scf.yield' op not allowed to have operands inside 'scf.parallel'}}
    scf.yield %f : f32
  }
  return
}

// -----

func.func @parallel_reductions(%lb: index, %f: f32) {
  // expected-error @+1 {{'scf.parallel' op expects number of results: 1 to be the same as number of reductions: 0}}
  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%f) -> f32 {
  }
  return
}

// -----

func.func @parallel_inits(%lb: index, %f: f32) {
  // expected-error @+1 {{'scf.parallel' op expects number of results: 1 to be the same as number of initial values: 0}}
  %r = "scf.parallel"(%lb, %lb, %lb) ({
  ^bb0(%i: index):
    scf.reduce(%f) : f32 {
    ^bb0(%a: f32, %b: f32):
      scf.reduce.return %a : f32
    }
    scf.yield
  }) {operand_segment_sizes = array<i32: 1, 1, 1, 0>} : (index, index, index) -> f32
  return
}

// -----

func.func @parallel_reduce_type(%lb: index, %f: f32, %g: f64) {
  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%f) -> f32 {
    // expected-error @+1 {{'scf.reduce' op expects type of reduce: 'f64' to be the same as result type: 'f32'}}
    scf.reduce(%g) : f64 {
    ^bb0(%a: f64, %b: f64):
      scf.reduce.return %a : f64
    }
  }
  return
}

// -----

func.func @reduce_args(%lb: index, %f: f32) {
  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%f) -> f32 {
    // expected-error @+1 {{'scf.reduce' op expects two arguments to reduce block of type 'f32'}}
    scf.reduce(%f) : f32 {
    ^bb0(%a: f32):
      scf.reduce.return %a : f32
    }
  }
  return
}

// -----

func.func @reduce_terminator(%lb: index, %f: f32) {
  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%f) -> f32 {
    // expected-error @+1 {{'scf.reduce' op the block inside reduce should be terminated with a 'scf.reduce.return' op}}
    scf.reduce(%f) : f32 {
    ^bb0(%a: f32, %b: f32):
      "test.terminator"() : () -> ()
    }
  }
  return
}

// -----

func.func @reduce_return_type(%lb: index, %f: f32, %g: f64) {
  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%f) -> f32 {
    scf.reduce(%f) : f32 {
    ^bb0(%a: f32, %b: f32):
      // expected-error @+1 {{'scf.reduce.return' op needs to have type 'f32' (the type of the enclosing ReduceOp)}}
      scf.reduce.return %g : f64
    }
  }
  return
}

// -----

func.func @reduce_parent(%f: f32) {
  // expected-error @+1 {{'scf.reduce' op expects parent op 'scf.parallel'}}
  scf.reduce(%f) : f32 {
  ^bb0(%a: f32, %b: f32):
    scf.reduce.return %a : f32
  }
  return
}

// -----

func.func @foreach_thread_results(%n: index, %t: tensor<4xf32>) {
  // expected-error @+1 {{'scf.foreach_thread' op produces 1 results, but has only 0 outputs}}
  %r = "scf.foreach_thread"(%n) ({
  ^bb0(%i: index):
    scf.foreach_thread.perform_concurrently {
    }
  }) {operand_segment_sizes = array<i32: 1, 0>} : (index) -> tensor<4xf32>
  return
}

// -----

func.func @foreach_thread_args(%n: index) {
  // expected-error @+1 {{'scf.foreach_thread' op region expects 1 arguments}}
  "scf.foreach_thread"(%n) ({
  ^bb0(%i: index, %j: index):
    scf.foreach_thread.perform_concurrently {
    }
  }) {operand_segment_sizes = array<i32: 1, 0>} : (index) -> ()
  return
}

// -----

func.func @foreach_thread_index(%n: index) {
  // expected-error @+1 {{'scf.foreach_thread' op expects 0-th block argument to be an index}}
  "scf.foreach_thread"(%n) ({
  ^bb0(%i: i32):
    scf.foreach_thread.perform_concurrently {
    }
  }) {operand_segment_sizes = array<i32: 1, 0>} : (index) -> ()
  return
}

// -----

func.func @perform_concurrently_ops(%n: index) {
  scf.foreach_thread (%i) in (%n) {
    // expected-error @+1 {{'scf.foreach_thread.perform_concurrently' op expected only tensor.parallel_insert_slice ops}}
    scf.foreach_thread.perform_concurrently {
      "test.op"() : () -> ()
    }
  }
  return
}
