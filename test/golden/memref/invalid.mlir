// RUN: tensile-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Verifier messages of memref ops, as mlir-opt-16 gives them.

func.func @alloc_dims(%n: index) {
  // expected-error @+1 {{'memref.alloc' op dimension operand count does not equal memref dynamic dimension count}}
  %0 = memref.alloc() : memref<?xf32>
  return
}
// -----
func.func @alloc_symbols(%n: index) {
  // expected-error @+1 {{'memref.alloc' op symbol operand count does not equal memref symbol count: expected 1, got 0}}
  %0 = memref.alloc(%n) : memref<?xf32, affine_map<(d0)[s0] -> (d0 + s0)>>
  return
}
// -----
func.func @alloc_alignment() {
  // expected-error @+1 {{'memref.alloc' op attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0}}
  %0 = memref.alloc() {alignment = -1 : i64} : memref<4xf32>
  return
}
// -----
func.func @realloc_layout(%m: memref<4xf32, strided<[2]>>) {
  // expected-error @+1 {{unsupported layout for source memref type 'memref<4xf32, strided<[2]>>'}}
  %0 = memref.realloc %m : memref<4xf32, strided<[2]>> to memref<8xf32>
  return
}
// -----
func.func @realloc_elements(%m: memref<4xf32>) {
  // expected-error @+1 {{different element types specified for source memref type 'memref<4xf32>' and result memref type 'memref<8xi32>'}}
  %0 = memref.realloc %m : memref<4xf32> to memref<8xi32>
  return
}
// -----
func.func @realloc_missing_size(%m: memref<4xf32>) {
  // expected-error @+1 {{missing dimension operand for result type 'memref<?xf32>'}}
  %0 = memref.realloc %m : memref<4xf32> to memref<?xf32>
  return
}
// -----
func.func @realloc_extra_size(%m: memref<4xf32>, %n: index) {
  // expected-error @+1 {{unnecessary dimension operand for result type 'memref<8xf32>'}}
  %0 = memref.realloc %m(%n) : memref<4xf32> to memref<8xf32>
  return
}
// -----
func.func @assume_alignment(%m: memref<4xf32>) {
  // expected-error @+1 {{'memref.assume_alignment' op alignment must be power of 2}}
  memref.assume_alignment %m, 12 : memref<4xf32>
  return
}
// -----
func.func @load_indices(%m: memref<4x4xf32>, %i: index) {
  // expected-error @+1 {{'memref.load' op incorrect number of indices for load}}
  %0 = memref.load %m[%i] : memref<4x4xf32>
  return
}
// -----
func.func @store_indices(%m: memref<4x4xf32>, %i: index, %v: f32) {
  // expected-error @+1 {{'memref.store' op store index operand count not equal to memref rank}}
  memref.store %v, %m[%i] : memref<4x4xf32>
  return
}
// -----
func.func @load_tensor(%t: tensor<4xf32>, %i: index) {
  // expected-error @+1 {{'memref.load' op operand #0 must be memref of any type values, but got 'tensor<4xf32>'}}
  %0 = "memref.load"(%t, %i) : (tensor<4xf32>, index) -> f32
  return
}
// -----
func.func @atomic_kind(%m: memref<4xi32>, %i: index, %v: i32) {
  // expected-error @+1 {{'memref.atomic_rmw' op with kind 'addf' expects a floating-point type}}
  %0 = memref.atomic_rmw addf %v, %m[%i] : (i32, memref<4xi32>) -> i32
  return
}
// -----
func.func @atomic_kind_int(%m: memref<4xf32>, %i: index, %v: f32) {
  // expected-error @+1 {{'memref.atomic_rmw' op with kind 'maxs' expects an integer type}}
  %0 = memref.atomic_rmw maxs %v, %m[%i] : (f32, memref<4xf32>) -> f32
  return
}
// -----
func.func @atomic_subscripts(%m: memref<4x4xf32>, %i: index, %v: f32) {
  // expected-error @+1 {{'memref.atomic_rmw' op expects the number of subscripts to be equal to memref rank}}
  %0 = memref.atomic_rmw addf %v, %m[%i] : (f32, memref<4x4xf32>) -> f32
  return
}
// -----
func.func @generic_atomic_args(%m: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'memref.generic_atomic_rmw' op expected single number of entry block arguments}}
  %0 = memref.generic_atomic_rmw %m[%i] : memref<4xf32> {
  ^bb0(%a: f32, %b: f32):
    memref.atomic_yield %a : f32
  }
  return
}
// -----
func.func @generic_atomic_effects(%m: memref<4xf32>, %i: index) {
  %0 = memref.generic_atomic_rmw %m[%i] : memref<4xf32> {
  ^bb0(%a: f32):
    // expected-error @+1 {{body of 'memref.generic_atomic_rmw' should contain only operations with no side effects}}
    memref.store %a, %m[%i] : memref<4xf32>
    memref.atomic_yield %a : f32
  }
  return
}
// -----
func.func @atomic_yield_type(%m: memref<4xf32>, %i: index, %x: i32) {
  %0 = memref.generic_atomic_rmw %m[%i] : memref<4xf32> {
  ^bb0(%a: f32):
    // expected-error @+1 {{'memref.atomic_yield' op types mismatch between yield op: 'i32' and its parent: 'f32'}}
    memref.atomic_yield %x : i32
  }
  return
}
// -----
func.func @cast_incompatible(%m: memref<4xf32>) {
  // expected-error @+1 {{'memref.cast' op operand type 'memref<4xf32>' and result type 'memref<8xf32>' are cast incompatible}}
  %0 = memref.cast %m : memref<4xf32> to memref<8xf32>
  return
}
// -----
func.func @cast_element(%m: memref<4xf32>) {
  // expected-error @+1 {{'memref.cast' op operand type 'memref<4xf32>' and result type 'memref<?xi32>' are cast incompatible}}
  %0 = memref.cast %m : memref<4xf32> to memref<?xi32>
  return
}
// -----
func.func @cast_unranked(%m: memref<*xf32>) {
  // expected-error @+1 {{'memref.cast' op operand type 'memref<*xf32>' and result type 'memref<*xf32>' are cast incompatible}}
  %0 = memref.cast %m : memref<*xf32> to memref<*xf32>
  return
}
// -----
func.func @cast_strides(%m: memref<4xf32, strided<[2], offset: 1>>) {
  // expected-error @+1 {{'memref.cast' op operand type 'memref<4xf32, strided<[2], offset: 1>>' and result type 'memref<4xf32, strided<[3], offset: ?>>' are cast incompatible}}
  %0 = memref.cast %m : memref<4xf32, strided<[2], offset: 1>> to memref<4xf32, strided<[3], offset: ?>>
  return
}
// -----
func.func @dim_range(%m: memref<4xf32>) {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'memref.dim' op index is out of range}}
  %0 = memref.dim %m, %c1 : memref<4xf32>
  return
}
// -----
func.func @dma_wait_indices(%tag: memref<2xi32>, %n: index) {
  // expected-error @+1 {{'memref.dma_wait' op expected tagIndices to have the same number of elements as the tagMemRef rank, expected 1, but got 0}}
  memref.dma_wait %tag[], %n : memref<2xi32>
  return
}
// -----
func.func @global_dynamic() {
  return
}
// expected-error @+1 {{custom op 'memref.global' type should be static shaped memref, but got 'memref<?xf32>'}}
memref.global @g : memref<?xf32>
// -----
func.func @global_init_type() {
  return
}
// expected-error @+1 {{'memref.global' op initial value expected to be of type 'tensor<2xf32>', but was of type 'tensor<3xf32>'}}
"memref.global"() {sym_name = "g", type = memref<2xf32>, initial_value = dense<1.0> : tensor<3xf32>} : () -> ()
// -----
func.func @global_alignment() {
  return
}
// expected-error @+1 {{alignment attribute value 3 is not a power of 2}}
memref.global @g : memref<2xf32> = dense<1.0> {alignment = 3}
// -----
func.func @get_global_missing() {
  // expected-error @+1 {{'memref.get_global' op 'nope' does not reference a valid global memref}}
  %0 = memref.get_global @nope : memref<2xf32>
  return
}
// -----
memref.global @g : memref<2xf32>
func.func @get_global_type() {
  // expected-error @+1 {{'memref.get_global' op result type 'memref<3xf32>' does not match type 'memref<2xf32>' of the global memref @g}}
  %0 = memref.get_global @g : memref<3xf32>
  return
}
// -----
func.func @prefetch_indices(%m: memref<4x4xf32>, %i: index) {
  // expected-error @+1 {{'memref.prefetch' op too few indices}}
  memref.prefetch %m[%i], read, locality<3>, data : memref<4x4xf32>
  return
}
// -----
func.func @reinterpret_space(%m: memref<4xf32>) {
  // expected-error @+1 {{different memory spaces specified for source type 'memref<4xf32>' and result memref type 'memref<4xf32, 1>'}}
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [4], strides: [1] : memref<4xf32> to memref<4xf32, 1>
  return
}
// -----
func.func @reinterpret_size(%m: memref<4xf32>) {
  // expected-error @+1 {{expected result type with size = 4 instead of 5 in dim = 0}}
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [4], strides: [1] : memref<4xf32> to memref<5xf32>
  return
}
// -----
func.func @reinterpret_offset(%m: memref<4xf32>) {
  // expected-error @+1 {{expected result type with offset = 3 instead of 2}}
  %0 = memref.reinterpret_cast %m to offset: [2], sizes: [4], strides: [1] : memref<4xf32> to memref<4xf32, strided<[1], offset: 3>>
  return
}
// -----
func.func @reinterpret_stride(%m: memref<4xf32>) {
  // expected-error @+1 {{expected result type with stride = 2 instead of 1 in dim = 0}}
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [4], strides: [2] : memref<4xf32> to memref<4xf32>
  return
}
// -----
func.func @reinterpret_count(%m: memref<4xf32>) {
  // expected-error @+1 {{expected mixed offsets rank to match mixed sizes rank (2 vs 1) so the rank of the result type is well-formed.}}
  %0 = memref.reinterpret_cast %m to offset: [0, 1], sizes: [4], strides: [1] : memref<4xf32> to memref<4xf32>
  return
}
// -----
func.func @reshape_identity(%m: memref<4xf32, strided<[2]>>, %s: memref<1xindex>) {
  // expected-error @+1 {{'memref.reshape' op source memref type should have identity affine map}}
  %0 = memref.reshape %m(%s) : (memref<4xf32, strided<[2]>>, memref<1xindex>) -> memref<4xf32>
  return
}
// -----
func.func @reshape_rank(%m: memref<4xf32>, %s: memref<2xindex>) {
  // expected-error @+1 {{'memref.reshape' op length of shape operand differs from the result's memref rank}}
  %0 = memref.reshape %m(%s) : (memref<4xf32>, memref<2xindex>) -> memref<4xf32>
  return
}
// -----
func.func @reshape_dynamic(%m: memref<4xf32>, %s: memref<?xindex>) {
  // expected-error @+1 {{'memref.reshape' op cannot use shape operand with dynamic length to reshape to statically-ranked memref type}}
  %0 = memref.reshape %m(%s) : (memref<4xf32>, memref<?xindex>) -> memref<4xf32>
  return
}
// -----
func.func @expand_rank(%m: memref<4x4xf32>) {
  // expected-error @+1 {{'memref.expand_shape' op expected rank expansion, but found source rank 2 >= result rank 2}}
  %0 = memref.expand_shape %m [[0], [1]] : memref<4x4xf32> into memref<4x4xf32>
  return
}
// -----
func.func @expand_size(%m: memref<16xf32>) {
  // expected-error @+1 {{'memref.expand_shape' op collapsed dim size (16) must equal reassociation group size (32)}}
  %0 = memref.expand_shape %m [[0, 1]] : memref<16xf32> into memref<4x8xf32>
  return
}
// -----
func.func @expand_groups(%m: memref<16xf32>) {
  // expected-error @+1 {{'memref.expand_shape' op invalid number of reassociation groups: found 2, expected 1}}
  %0 = memref.expand_shape %m [[0], [1]] : memref<16xf32> into memref<4x4xf32>
  return
}
// -----
func.func @collapse_contiguous(%m: memref<4x4xf32, strided<[8, 2]>>) {
  // expected-error @+1 {{'memref.collapse_shape' op expected collapsed type to be 'memref<16xf32, strided<[2]>>' but found 'memref<16xf32>'}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<4x4xf32, strided<[8, 2]>> into memref<16xf32>
  return
}
// -----
func.func @collapse_type(%m: memref<4x4xf32, strided<[4, 1], offset: 3>>) {
  // expected-error @+1 {{'memref.collapse_shape' op expected collapsed type to be 'memref<16xf32, strided<[1], offset: 3>>' but found 'memref<16xf32>'}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<4x4xf32, strided<[4, 1], offset: 3>> into memref<16xf32>
  return
}
// -----
func.func @collapse_noncontig_indices(%m: memref<4x4x4xf32>) {
  // expected-error @+1 {{'memref.collapse_shape' op reassociation indices must be contiguous}}
  %0 = memref.collapse_shape %m [[0, 2], [1]] : memref<4x4x4xf32> into memref<16x4xf32>
  return
}
// -----
func.func @subview_layout(%m: memref<8x16xf32>) {
  // expected-error @+1 {{expected result type to be 'memref<4x4xf32, strided<[16, 1], offset: 2>>' or a rank-reduced version. (mismatch of result layout) }}
  %0 = memref.subview %m[0, 2] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xf32>
  return
}
// -----
func.func @subview_sizes(%m: memref<8x16xf32>) {
  // expected-error @+1 {{expected result type to be 'memref<4x4xf32, strided<[16, 1], offset: 2>>' or a rank-reduced version. (mismatch of result sizes) }}
  %0 = memref.subview %m[0, 2] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x5xf32, strided<[16, 1], offset: 2>>
  return
}
// -----
func.func @subview_element(%m: memref<8x16xf32>) {
  // expected-error @+1 {{expected result element type to be 'f32'}}
  %0 = memref.subview %m[0, 2] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xi32, strided<[16, 1], offset: 2>>
  return
}
// -----
func.func @subview_space(%m: memref<8x16xf32>) {
  // expected-error @+1 {{different memory spaces specified for base memref type 'memref<8x16xf32>' and subview memref type 'memref<4x4xf32, strided<[16, 1], offset: 2>, 1>'}}
  %0 = memref.subview %m[0, 2] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[16, 1], offset: 2>, 1>
  return
}
// -----
func.func @subview_rank(%m: memref<8x16xf32>) {
  // expected-error @+1 {{expected result rank to be smaller or equal to the source rank. }}
  %0 = memref.subview %m[0, 2] [4, 4] [1, 1] : memref<8x16xf32> to memref<1x4x4xf32, strided<[16, 16, 1], offset: 2>>
  return
}
// -----
func.func @subview_count(%m: memref<8x16xf32>) {
  // expected-error @+1 {{expected 2 offset values}}
  %0 = memref.subview %m[0] [4] [1] : memref<8x16xf32> to memref<4xf32>
  return
}
// -----
func.func @subview_not_strided(%m: memref<8x16xf32, affine_map<(d0, d1) -> (d0 mod 2, d1)>>) {
  // expected-error @+1 {{base type 'memref<8x16xf32, affine_map<(d0, d1) -> (d0 mod 2, d1)>>' is not strided}}
  %0 = memref.subview %m[0, 0] [4, 4] [1, 1] : memref<8x16xf32, affine_map<(d0, d1) -> (d0 mod 2, d1)>> to memref<4x4xf32, strided<[16, 1]>>
  return
}
// -----
func.func @transpose_perm(%m: memref<8x16xf32>) {
  // expected-error @+1 {{'memref.transpose' op expected a permutation map}}
  %0 = memref.transpose %m (d0, d1) -> (d0, d0) : memref<8x16xf32> to memref<8x16xf32>
  return
}
// -----
func.func @transpose_rank(%m: memref<8x16xf32>) {
  // expected-error @+1 {{'memref.transpose' op expected a permutation map of same rank as the input}}
  %0 = memref.transpose %m (d0) -> (d0) : memref<8x16xf32> to memref<8x16xf32>
  return
}
// -----
func.func @transpose_type(%m: memref<8x16xf32>) {
  // expected-error @+1 {{'memref.transpose' op output type 'memref<16x8xf32>' does not match transposed input type 'memref<8x16xf32>', 'memref<16x8xf32, strided<[1, 16]>>'}}
  %0 = memref.transpose %m (d0, d1) -> (d1, d0) : memref<8x16xf32> to memref<16x8xf32>
  return
}
// -----
func.func @view_layout(%m: memref<64xi8>, %c0: index) {
  // expected-error @+1 {{unsupported map for result memref type 'memref<4x4xf32, strided<[4, 1], offset: 2>>'}}
  %0 = memref.view %m[%c0][] : memref<64xi8> to memref<4x4xf32, strided<[4, 1], offset: 2>>
  return
}
// -----
func.func @view_sizes(%m: memref<64xi8>, %c0: index) {
  // expected-error @+1 {{incorrect number of size operands for type 'memref<?x4xf32>'}}
  %0 = memref.view %m[%c0][] : memref<64xi8> to memref<?x4xf32>
  return
}
// -----
func.func @view_space(%m: memref<64xi8>, %c0: index) {
  // expected-error @+1 {{different memory spaces specified for base memref type 'memref<64xi8>' and view memref type 'memref<4x4xf32, 1>'}}
  %0 = memref.view %m[%c0][] : memref<64xi8> to memref<4x4xf32, 1>
  return
}
// -----
func.func @copy_shape(%a: memref<4xf32>, %b: memref<5xf32>) {
  // expected-error @+1 {{'memref.copy' op requires the same shape for all operands}}
  memref.copy %a, %b : memref<4xf32> to memref<5xf32>
  return
}
// -----
func.func @copy_element(%a: memref<4xf32>, %b: memref<4xi32>) {
  // expected-error @+1 {{'memref.copy' op requires the same element type for all operands}}
  memref.copy %a, %b : memref<4xf32> to memref<4xi32>
  return
}
// -----
func.func @tensor_store_type(%t: tensor<4xf32>, %m: memref<4xf32>) {
  "memref.tensor_store"(%t, %m) : (tensor<4xf32>, memref<4xf32>) -> ()
  %s = arith.constant dense<1.0> : tensor<5xf32>
  // expected-error @+1 {{'memref.tensor_store' op failed to verify that type of 'value' matches tensor equivalent of 'memref'}}
  "memref.tensor_store"(%s, %m) : (tensor<5xf32>, memref<4xf32>) -> ()
  return
}
// -----
func.func @dma_start_count(%a: memref<4xf32>, %b: memref<4xf32>, %tag: memref<1xi32>, %i: index) {
  // expected-error @+1 {{'memref.dma_start' op expected at least 7 operands}}
  "memref.dma_start"(%a, %i, %b, %i, %i, %tag) : (memref<4xf32>, index, memref<4xf32>, index, index, memref<1xi32>) -> ()
  return
}
// -----
func.func @dma_start_src(%a: f32) {
  // expected-error @+1 {{'memref.dma_start' op expected source to be of memref type}}
  "memref.dma_start"(%a, %a, %a, %a) : (f32, f32, f32, f32) -> ()
  return
}
// -----
func.func @alloca_scope_wrong_terminator() {
  // expected-note@+2 {{in custom textual format, the absence of terminator implies 'memref.alloca_scope.return'}}
  // expected-error@+1 {{'memref.alloca_scope' op expects regions to end with 'memref.alloca_scope.return', found 'test.foo'}}
  "memref.alloca_scope"() ({
    "test.foo"() : () -> ()
  }) : () -> ()
  return
}
