// RUN: tensile-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Verifier and parser messages of affine ops, as mlir-opt-16 gives them, including the rules for which values may
// be dims and symbols.

func.func @apply_counts(%i: index) {
  // expected-error @+1 {{'affine.apply' op operand count and affine map dimension and symbol count must match}}
  %0 = "affine.apply"(%i, %i) {map = affine_map<(d0) -> (d0)>} : (index, index) -> index
  return
}

// -----

func.func @apply_results(%i: index) {
  // (the custom form gives the op one result per map result; MLIR 16 checks the count before its own message)
  // expected-error @+1 {{'affine.apply' op requires one result}}
  %0:2 = affine.apply affine_map<(d0) -> (d0, d0)>(%i)
  return
}

// -----

func.func @apply_mismatch(%i: index) {
  // expected-error @+1 {{custom op 'affine.apply' dimension or symbol index mismatch}}
  %0 = affine.apply affine_map<(d0) -> (d0)>(%i)[%i]
  return
}

// -----

func.func @min_counts(%i: index) {
  // expected-error @+1 {{'affine.min' op operand count and affine map dimension and symbol count must match}}
  %0 = affine.min affine_map<(d0) -> (d0, 0)>(%i)[%i]
  return
}

// -----

func.func @max_counts(%i: index) {
  // expected-error @+1 {{'affine.max' op operand count and affine map dimension and symbol count must match}}
  %0 = affine.max affine_map<(d0, d1) -> (d0, d1)>(%i)
  return
}

// -----

func.func @delinearize_empty(%i: index) {
  // expected-error @+1 {{'affine.delinearize_index' op basis should not be empty}}
  "affine.delinearize_index"(%i) : (index) -> ()
  return
}

// -----

func.func @delinearize_results(%i: index, %b: index) {
  // expected-error @+1 {{'affine.delinearize_index' op should return an index for each basis element}}
  %0:2 = affine.delinearize_index %i into (%b) : index, index
  return
}

// -----

func.func @load_rank(%A: memref<4x4xf32>, %i: index) {
  // expected-error @+1 {{'affine.load' op affine map num results must equal memref rank}}
  %0 = affine.load %A[%i] : memref<4x4xf32>
  return
}

// -----

func.func @load_type(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'affine.load' op result type must match element type of memref}}
  %0 = "affine.load"(%A, %i) {map = affine_map<(d0) -> (d0)>} : (memref<4xf32>, index) -> f64
  return
}

// -----

func.func @load_subscripts(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'affine.load' op expects as many subscripts as affine map inputs}}
  %0 = "affine.load"(%A, %i, %i) {map = affine_map<(d0) -> (d0)>} : (memref<4xf32>, index, index) -> f32
  return
}

// -----

func.func @load_not_affine(%A: memref<4xf32>, %i: index) {
  affine.for %k = 0 to 4 {
    %x = arith.addi %k, %i : index
    // expected-error @+1 {{'affine.load' op index must be a dimension or symbol identifier}}
    %0 = affine.load %A[%x] : memref<4xf32>
  }
  return
}

// -----

func.func @store_type(%A: memref<4xf32>, %i: index, %v: f64) {
  // expected-error @+1 {{'affine.store' op value to store must have the same type as memref element type}}
  "affine.store"(%v, %A, %i) {map = affine_map<(d0) -> (d0)>} : (f64, memref<4xf32>, index) -> ()
  return
}

// -----

func.func @store_rank(%A: memref<4xf32>, %i: index, %v: f32) {
  // expected-error @+1 {{'affine.store' op affine map num results must equal memref rank}}
  affine.store %v, %A[%i, %i] : memref<4xf32>
  return
}

// -----

func.func @vector_load_elements(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'affine.vector_load' op requires memref and vector types of the same elemental type}}
  %0 = affine.vector_load %A[%i] : memref<4xf32>, vector<4xf64>
  return
}

// -----

func.func @vector_store_elements(%A: memref<4xf32>, %i: index, %v: vector<4xi32>) {
  // expected-error @+1 {{'affine.vector_store' op requires memref and vector types of the same elemental type}}
  affine.vector_store %v, %A[%i] : memref<4xf32>, vector<4xi32>
  return
}

// -----

func.func @prefetch_rank(%A: memref<4x4xf32>, %i: index) {
  // expected-error @+1 {{'affine.prefetch' op affine.prefetch affine map num results must equal memref rank}}
  affine.prefetch %A[%i], read, locality<1>, data : memref<4x4xf32>
  return
}

// -----

func.func @prefetch_rw(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{custom op 'affine.prefetch' rw specifier has to be 'read' or 'write'}}
  affine.prefetch %A[%i], load, locality<1>, data : memref<4xf32>
  return
}

// -----

func.func @prefetch_cache(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{custom op 'affine.prefetch' cache type has to be 'data' or 'instr'}}
  affine.prefetch %A[%i], read, locality<1>, code : memref<4xf32>
  return
}

// -----

func.func @prefetch_locality(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'affine.prefetch' op attribute 'localityHint' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3}}
  affine.prefetch %A[%i], read, locality<5>, data : memref<4xf32>
  return
}

// -----

func.func @for_symbol(%n: index) {
  affine.for %i = 0 to 10 {
    // expected-error @+1 {{'affine.for' op operand cannot be used as a symbol}}
    affine.for %j = 0 to %i {
    }
  }
  return
}

// -----

func.func @for_dim(%n: index) {
  affine.for %i = 0 to 10 {
    %x = arith.muli %i, %i : index
    // expected-error @+1 {{'affine.for' op operand cannot be used as a dimension id}}
    affine.for %j = 0 to affine_map<(d0) -> (d0)>(%x) {
    }
  }
  return
}

// -----

func.func @for_min_prefix(%n: index) {
  // expected-error @+1 {{upper loop bound affine map with multiple results requires 'min' prefix}}
  affine.for %i = 0 to affine_map<(d0) -> (d0, 4)>(%n) {
  }
  return
}

// -----

func.func @for_max_prefix(%n: index) {
  // expected-error @+1 {{lower loop bound affine map with multiple results requires 'max' prefix}}
  affine.for %i = affine_map<(d0) -> (d0, 4)>(%n) to 10 {
  }
  return
}

// -----

func.func @for_dim_count(%n: index) {
  // expected-error @+1 {{custom op 'affine.for' dim operand count and affine map dim count must match}}
  affine.for %i = affine_map<(d0, d1) -> (d0)>(%n) to 10 {
  }
  return
}

// -----

func.func @for_negative_step() {
  // expected-error @+1 {{custom op 'affine.for' expected step to be representable as a positive signed integer}}
  affine.for %i = 0 to 10 step -1 {
  }
  return
}

// -----

func.func @for_results(%f: f32) {
  // (MLIR 16's own "mismatch between the number of loop-carried values and results" comes after the interface's.)
  // expected-error @+1 {{'affine.for' op  region control flow edge from Region #0 to Region #0: source has 2 operands, but target successor needs 1}}
  %r:2 = "affine.for"(%f) ({
  ^bb0(%i: index, %a: f32):
    affine.yield %a, %a : f32, f32
  }) {lower_bound = affine_map<() -> (0)>, step = 1 : index, upper_bound = affine_map<() -> (4)>} : (f32) -> (f32, f32)
  return
}

// -----

func.func @for_iv(%f: f32) {
  // expected-error @+1 {{'affine.for' op expected body to have a single index argument for the induction variable}}
  "affine.for"() ({
  ^bb0(%i: i32):
    affine.yield
  }) {lower_bound = affine_map<() -> (0)>, step = 1 : index, upper_bound = affine_map<() -> (4)>} : () -> ()
  return
}

// -----

func.func @if_set() {
  // expected-error @+1 {{'affine.if' op requires an integer set attribute named 'condition'}}
  "affine.if"() ({
    affine.yield
  }, {
  }) : () -> ()
  return
}

// -----

func.func @if_counts(%i: index) {
  // expected-error @+1 {{'affine.if' op operand count and condition integer set dimension and symbol count must match}}
  "affine.if"(%i, %i) ({
    affine.yield
  }, {
  }) {condition = affine_set<(d0) : (d0 >= 0)>} : (index, index) -> ()
  return
}

// -----

func.func @if_dim_count(%i: index) {
  // expected-error @+1 {{custom op 'affine.if' dim operand count and integer set dim count must match}}
  affine.if affine_set<(d0, d1) : (d0 >= 0)>(%i) {
  }
  return
}

// -----

func.func @if_symbol(%i: index) {
  affine.for %k = 0 to 4 {
    // expected-error @+1 {{'affine.if' op operand cannot be used as a symbol}}
    affine.if affine_set<()[s0] : (s0 >= 0)>()[%k] {
    }
  }
  return
}

// -----

func.func @yield_parent() {
  "test.region"() ({
    // expected-error @+1 {{'affine.yield' op only terminates affine.if/for/parallel regions}}
    affine.yield
  }) : () -> ()
  return
}

// -----

func.func @yield_count(%f: f32) {
  affine.for %i = 0 to 4 {
    // expected-error @+1 {{'affine.yield' op parent of yield must have same number of results as the yield operands}}
    affine.yield %f : f32
  }
  return
}

// -----

func.func @yield_type(%f: f32, %g: f64) {
  %r = affine.if affine_set<() : (0 == 0)>() -> f32 {
    // expected-error @+1 {{'affine.yield' op types mismatch between yield op and its parent}}
    affine.yield %g : f64
  } else {
    affine.yield %f : f32
  }
  return
}
