// RUN: tensile-opt %s --split-input-file --verify-diagnostics
// Verifier and parser messages of the llvm dialect, as mlir-opt-16 gives them.

llvm.func @icmp_predicate(%a: i32) {
  // expected-error @+1 {{'foo' is an incorrect value of the 'predicate' attribute}}
  %0 = llvm.icmp "foo" %a, %a : i32
  llvm.return
}

// -----

llvm.func @fadd_int(%a: i32) {
  // expected-error @+1 {{'llvm.fadd' op operand #0 must be floating point LLVM type or LLVM dialect-compatible vector of floating point LLVM type, but got 'i32'}}
  %0 = llvm.fadd %a, %a : i32
  llvm.return
}

// -----

llvm.func @load_non_pointer(%a: i32) {
  // expected-error @+1 {{expected LLVM pointer type}}
  %0 = llvm.load %a : i32
  llvm.return
}

// -----

llvm.func @gep_struct_dynamic(%p: !llvm.ptr<struct<(i32, f32)>>, %i: i32) {
  // expected-error @+1 {{'llvm.getelementptr' op expected index 1 indexing a struct to be constant}}
  %0 = llvm.getelementptr %p[0, %i] : (!llvm.ptr<struct<(i32, f32)>>, i32) -> !llvm.ptr<f32>
  llvm.return
}

// -----

llvm.func @gep_struct_bounds(%p: !llvm.ptr<struct<(i32, f32)>>) {
  // expected-error @+1 {{'llvm.getelementptr' op index 1 indexing a struct is out of bounds}}
  %0 = llvm.getelementptr %p[0, 2] : (!llvm.ptr<struct<(i32, f32)>>) -> !llvm.ptr<f32>
  llvm.return
}

// -----

llvm.func @gep_opaque_no_elem(%p: !llvm.ptr) {
  // expected-error @+1 {{'llvm.getelementptr' op expected 'elem_type' attribute if opaque pointer type is used}}
  %0 = llvm.getelementptr %p[1] : (!llvm.ptr) -> !llvm.ptr
  llvm.return
}

// -----

llvm.func @extractvalue_bounds(%s: !llvm.struct<(i32, f32)>) {
  // expected-error @+1 {{'llvm.extractvalue' op position out of bounds: 5}}
  %0 = "llvm.extractvalue"(%s) {position = array<i64: 5>} : (!llvm.struct<(i32, f32)>) -> i32
  llvm.return
}

// -----

llvm.func @insertvalue_mismatch(%s: !llvm.struct<(i32, f32)>, %x: i32) {
  // expected-error @+1 {{'llvm.insertvalue' op Type mismatch: cannot insert 'i32' into '!llvm.struct<(i32, f32)>'}}
  %0 = "llvm.insertvalue"(%s, %x) {position = array<i64: 1>} : (!llvm.struct<(i32, f32)>, i32) -> !llvm.struct<(i32, f32)>
  llvm.return
}

// -----

llvm.func @callee(i32) -> f32

llvm.func @call_arity(%a: i32) {
  // expected-error @+1 {{'llvm.call' op incorrect number of operands (2) for callee (expecting: 1)}}
  %0 = llvm.call @callee(%a, %a) : (i32, i32) -> f32
  llvm.return
}

// -----

llvm.func @callee(i32) -> f32

llvm.func @call_operand_type(%a: i64) {
  // expected-error @+1 {{'llvm.call' op operand type mismatch for operand 0: 'i64' != 'i32'}}
  %0 = llvm.call @callee(%a) : (i64) -> f32
  llvm.return
}

// -----

llvm.func @call_undefined(%a: i32) {
  // expected-error @+1 {{'llvm.call' op 'nowhere' does not reference a symbol in the current scope}}
  llvm.call @nowhere(%a) : (i32) -> ()
  llvm.return
}

// -----

// expected-note @+1 {{when returning from function}}
llvm.func @return_mismatch(%a: i32) -> f32 {
  // expected-error @+1 {{'llvm.return' op mismatching result types}}
  llvm.return %a : i32
}

// -----

// expected-error @+1 {{'llvm.func' op functions cannot have 'common' linkage}}
llvm.func common @common_fn() {
  llvm.return
}

// -----

// expected-error @+1 {{'llvm.func' op external functions must have 'external' or 'extern_weak' linkage}}
llvm.func internal @decl()

// -----

// expected-error @+1 {{'llvm.mlir.global' op requires an i8 array type of the length equal to that of the string attribute}}
llvm.mlir.global @str("abc") : !llvm.array<4 x i8>

// -----

// expected-error @+1 {{alignment attribute is not a power of 2}}
llvm.mlir.global @unaligned(0 : i32) {alignment = 3 : i64} : i32

// -----

// expected-error @+1 {{'llvm.mlir.global' op expected array type for 'appending' linkage}}
llvm.mlir.global appending @app(0 : i32) : i32

// -----

llvm.func @atomicrmw_ordering(%p: !llvm.ptr<i32>, %v: i32) {
  // expected-error @+1 {{'llvm.atomicrmw' op expected at least 'monotonic' ordering}}
  %0 = llvm.atomicrmw add %p, %v unordered : i32
  llvm.return
}

// -----

llvm.func @atomicrmw_float_add(%p: !llvm.ptr<i32>, %v: i32) {
  // expected-error @+1 {{'llvm.atomicrmw' op expected LLVM IR floating point type}}
  %0 = llvm.atomicrmw fadd %p, %v seq_cst : i32
  llvm.return
}

// -----

llvm.func @cmpxchg_failure(%p: !llvm.ptr<i32>, %v: i32) {
  // expected-error @+1 {{'llvm.cmpxchg' op failure ordering cannot be 'release' or 'acq_rel'}}
  %0 = llvm.cmpxchg %p, %v, %v acq_rel release : i32
  llvm.return
}

// -----

llvm.func @fence_monotonic() {
  // expected-error @+1 {{'llvm.fence' op can be given only acquire, release, acq_rel, and seq_cst orderings}}
  llvm.fence monotonic
  llvm.return
}

// -----

llvm.func @shuffle_scalable(%v: vector<[4]xf32>) {
  // expected-error @+1 {{'llvm.shufflevector' op expected a splat operation for scalable vectors}}
  %0 = llvm.shufflevector %v, %v [0, 1, 0, 0] : vector<[4]xf32>
  llvm.return
}

// -----

llvm.func @string_constant() {
  // expected-error @+1 {{'llvm.mlir.constant' op expected array type of 3 i8 elements for the string constant}}
  %0 = llvm.mlir.constant("abc") : !llvm.array<4 x i8>
  llvm.return
}

// -----

llvm.func @addressof_undefined() {
  // expected-error @+1 {{'llvm.mlir.addressof' op must reference a global defined by 'llvm.mlir.global' or 'llvm.func'}}
  %0 = llvm.mlir.addressof @nothing : !llvm.ptr
  llvm.return
}

// -----

llvm.mlir.global @g(0 : i32) : i32

llvm.func @addressof_type() {
  // expected-error @+1 {{'llvm.mlir.addressof' op the type must be a pointer to the type of the referenced global}}
  %0 = llvm.mlir.addressof @g : !llvm.ptr<f32>
  llvm.return
}

// -----

llvm.func @landingpad_no_personality() {
  // expected-error @+1 {{llvm.landingpad needs to be in a function with a personality}}
  %0 = llvm.landingpad cleanup : !llvm.struct<(ptr<i8>, i32)>
  llvm.return
}

// -----

llvm.func @resume_value(%a: i32) {
  // expected-error @+1 {{'llvm.resume' op expects landingpad value as operand}}
  llvm.resume %a : i32
}

// -----

llvm.func @builtin_vec(%a: !llvm.vec<4 x f32>) {
// expected-error @-1 {{cannot use !llvm.vec for built-in primitives, use 'vector' instead}}
  llvm.return
}

// -----

// expected-error @+1 {{only identified structs can be opaque}}
llvm.func @literal_opaque(!llvm.struct<opaque>)

// -----

// expected-error @+1 {{unknown LLVM type: foo}}
llvm.func @unknown_type(!llvm.foo)

// -----

// expected-error @+1 {{invalid pointer element type: '!llvm.void'}}
llvm.func @void_pointer(!llvm.ptr<void>)

// -----

// expected-error @+1 {{invalid LLVM structure element type: '!llvm.void'}}
llvm.func @void_member(!llvm.struct<(i32, void)>)
