// RUN: tensile-opt %s --split-input-file --verify-diagnostics
// Verifier messages of vector ops, as mlir-opt-16 gives them.

func.func @broadcast_rank(%v: vector<2x4xf32>) {
  // expected-error @+1 {{'vector.broadcast' op source rank higher than destination rank}}
  %0 = vector.broadcast %v : vector<2x4xf32> to vector<4xf32>
  return
}

// -----

func.func @broadcast_dim(%v: vector<3xf32>) {
  // expected-error @+1 {{'vector.broadcast' op dimension mismatch (3 vs. 4)}}
  %0 = vector.broadcast %v : vector<3xf32> to vector<2x4xf32>
  return
}

// -----

func.func @broadcast_elt(%s: f64) {
  // expected-error @+1 {{'vector.broadcast' op failed to verify that source operand and result have same element type}}
  %0 = vector.broadcast %s : f64 to vector<4xf32>
  return
}

// -----

func.func @shuffle_rank(%a: vector<4xf32>, %b: vector<2x4xf32>) {
  // expected-error @+1 {{'vector.shuffle' op rank mismatch}}
  %0 = vector.shuffle %a, %b [0, 1] : vector<4xf32>, vector<2x4xf32>
  return
}

// -----

func.func @shuffle_index(%a: vector<4xf32>, %b: vector<4xf32>) {
  // expected-error @+1 {{'vector.shuffle' op mask index #2 out of range}}
  %0 = vector.shuffle %a, %b [0, 8] : vector<4xf32>, vector<4xf32>
  return
}

// -----

func.func @shuffle_trailing(%a: vector<2x4xf32>, %b: vector<2x3xf32>) {
  // expected-error @+1 {{'vector.shuffle' op dimension mismatch}}
  %0 = "vector.shuffle"(%a, %b) {mask = [0, 1]} : (vector<2x4xf32>, vector<2x3xf32>) -> vector<2x4xf32>
  return
}

// -----

func.func @extractelement_0d(%v: vector<f32>, %i: index) {
  // expected-error @+1 {{'vector.extractelement' op expected position to be empty with 0-D vector}}
  %0 = vector.extractelement %v[%i : index] : vector<f32>
  return
}

// -----

func.func @extractelement_rank(%v: vector<2x4xf32>, %i: index) {
  // expected-error @+1 {{'vector.extractelement' op unexpected >1 vector rank}}
  %0 = vector.extractelement %v[%i : index] : vector<2x4xf32>
  return
}

// -----

func.func @extract_position(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.extract' op expected position attribute #2 to be a non-negative integer smaller than the corresponding vector dimension}}
  %0 = vector.extract %v[1, 8] : vector<4x8xf32>
  return
}

// -----

func.func @extract_rank(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.extract' op expected position attribute of rank smaller than vector rank}}
  %0 = "vector.extract"(%v) {position = [1, 2, 3]} : (vector<4x8xf32>) -> f32
  return
}

// -----

func.func @insert_rank(%s: f32, %v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.insert' op expected position attribute rank to match the dest vector rank}}
  %0 = vector.insert %s, %v [1] : f32 into vector<4x8xf32>
  return
}

// -----

func.func @insert_vector_rank(%s: vector<8xf32>, %v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.insert' op expected position attribute rank + source rank to match dest vector rank}}
  %0 = vector.insert %s, %v [1, 2] : vector<8xf32> into vector<4x8xf32>
  return
}

// -----

func.func @insert_position(%s: f32, %v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.insert' op expected position attribute #1 to be a non-negative integer smaller than the corresponding dest vector dimension}}
  %0 = vector.insert %s, %v [4, 0] : f32 into vector<4x8xf32>
  return
}

// -----

func.func @insert_strided_offsets(%s: vector<4xf32>, %v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.insert_strided_slice' op expected offsets of same size as destination vector rank}}
  %0 = vector.insert_strided_slice %s, %v {offsets = [1], strides = [1]} : vector<4xf32> into vector<4x8xf32>
  return
}

// -----

func.func @insert_strided_sum(%s: vector<4xf32>, %v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.insert_strided_slice' op expected sum(offsets, source vector shape) dimension 1 to be confined to [1, 9)}}
  %0 = vector.insert_strided_slice %s, %v {offsets = [1, 6], strides = [1]} : vector<4xf32> into vector<4x8xf32>
  return
}

// -----

func.func @insert_strided_stride(%s: vector<4xf32>, %v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.insert_strided_slice' op expected strides to be confined to [1, 2)}}
  %0 = vector.insert_strided_slice %s, %v {offsets = [1, 0], strides = [2]} : vector<4xf32> into vector<4x8xf32>
  return
}

// -----

func.func @extract_strided_sizes(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.extract_strided_slice' op expected offsets, sizes and strides attributes of same size}}
  %0 = vector.extract_strided_slice %v {offsets = [0, 2], sizes = [2], strides = [1, 1]} : vector<4x8xf32> to vector<2x8xf32>
  return
}

// -----

func.func @extract_strided_sum(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.extract_strided_slice' op expected sum(offsets, sizes) dimension 1 to be confined to [1, 9)}}
  %0 = vector.extract_strided_slice %v {offsets = [0, 6], sizes = [2, 4], strides = [1, 1]} : vector<4x8xf32> to vector<2x4xf32>
  return
}

// -----

func.func @extract_strided_result(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.extract_strided_slice' op expected result type to be 'vector<2x8xf32>'}}
  %0 = vector.extract_strided_slice %v {offsets = [0], sizes = [2], strides = [1]} : vector<4x8xf32> to vector<2x4xf32>
  return
}

// -----

func.func @shape_cast_count(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.shape_cast' op source/result number of elements must match}}
  %0 = vector.shape_cast %v : vector<4x8xf32> to vector<16xf32>
  return
}

// -----

func.func @shape_cast_invalid(%v: vector<4x6xf32>) {
  // expected-error @+1 {{'vector.shape_cast' op invalid shape cast}}
  %0 = vector.shape_cast %v : vector<4x6xf32> to vector<3x2x4xf32>
  return
}

// -----

func.func @shape_cast_elt(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.shape_cast' op source/result vectors must have same element type}}
  %0 = vector.shape_cast %v : vector<4x8xf32> to vector<32xi32>
  return
}

// -----

func.func @bitcast_width(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.bitcast' op source/result bitwidth of the minor 1-D vectors must be equal}}
  %0 = vector.bitcast %v : vector<4x8xf32> to vector<4x8xf16>
  return
}

// -----

func.func @bitcast_dims(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.bitcast' op dimension size mismatch at: 0}}
  %0 = vector.bitcast %v : vector<4x8xf32> to vector<2x8xf32>
  return
}

// -----

func.func @transpose_dup(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.transpose' op duplicate position index: 0}}
  %0 = vector.transpose %v, [0, 0] : vector<4x8xf32> to vector<4x4xf32>
  return
}

// -----

func.func @transpose_size(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.transpose' op dimension size mismatch at: 1}}
  %0 = vector.transpose %v, [1, 0] : vector<4x8xf32> to vector<4x8xf32>
  return
}

// -----

func.func @transpose_len(%v: vector<4x8xf32>) {
  // expected-error @+1 {{'vector.transpose' op transposition length mismatch: 1}}
  %0 = vector.transpose %v, [1] : vector<4x8xf32> to vector<8x4xf32>
  return
}

// -----

func.func @reduction_kind(%v: vector<16xf32>) {
  // expected-error @+1 {{'vector.reduction' op unsupported reduction type ''f32'' for kind 'xor'}}
  %0 = vector.reduction <xor>, %v : vector<16xf32> into f32
  return
}

// -----

func.func @reduction_rank(%v: vector<4x4xf32>) {
  // expected-error @+1 {{'vector.reduction' op unsupported reduction rank: 2}}
  %0 = vector.reduction <add>, %v : vector<4x4xf32> into f32
  return
}

// -----

func.func @multi_reduction_type(%v: vector<4x8xf32>, %acc: vector<8xf32>) {
  // expected-error @+1 {{'vector.multi_reduction' op destination type 'vector<8xf32>' is incompatible with source type 'vector<4x8xf32>'}}
  %0 = vector.multi_reduction <add>, %v, %acc [1] : vector<4x8xf32> to vector<8xf32>
  return
}

// -----

#m0 = affine_map<(i, j, k) -> (i, k)>
#m1 = affine_map<(i, j, k) -> (k, j)>
#m2 = affine_map<(i, j, k) -> (i, j)>
func.func @contract_no_reduction(%a: vector<4x8xf32>, %b: vector<8x2xf32>, %c: vector<4x2xf32>) {
  // expected-error @+1 {{'vector.contract' op expected at least one contracting dimension pair}}
  %0 = vector.contract {indexing_maps = [#m0, #m1, #m2], iterator_types = ["parallel", "parallel", "parallel"]} %a, %b, %c : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
  return
}

// -----

#m0 = affine_map<(i, j, k) -> (i, k)>
#m1 = affine_map<(i, j, k) -> (k, j)>
#m2 = affine_map<(i, j, k) -> (i, j)>
func.func @contract_shape(%a: vector<4x8xf32>, %b: vector<8x2xf32>, %c: vector<4x3xf32>) {
  // expected-error @+1 {{'vector.contract' op invalid accumulator/result vector shape, expected: 'vector<4x2xf32>'}}
  %0 = vector.contract {indexing_maps = [#m0, #m1, #m2], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x2xf32> into vector<4x3xf32>
  return
}

// -----

#m0 = affine_map<(i, j, k) -> (i, k)>
#m1 = affine_map<(i, j, k) -> (k, j)>
func.func @contract_maps(%a: vector<4x8xf32>, %b: vector<8x2xf32>, %c: vector<4x2xf32>) {
  // expected-error @+1 {{'vector.contract' op expected an indexing map for each vector operand}}
  %0 = vector.contract {indexing_maps = [#m0, #m1], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
  return
}

// -----

#m0 = affine_map<(i, j, k) -> (i, k)>
#m1 = affine_map<(i, j, k) -> (k, j)>
#m2 = affine_map<(i, j, k) -> (i, j)>
func.func @contract_kind(%a: vector<4x8xf32>, %b: vector<8x2xf32>, %c: vector<4x2xf32>) {
  // expected-error @+1 {{'vector.contract' op unsupported contraction type}}
  %0 = vector.contract {indexing_maps = [#m0, #m1, #m2], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<and>} %a, %b, %c : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
  return
}

// -----

#m0 = affine_map<(i, j, k) -> (i, k)>
#m1 = affine_map<(i, j, k) -> (k, j)>
#m2 = affine_map<(i, j, k) -> (i, j)>
func.func @contract_iter(%a: vector<4x8xf32>, %b: vector<8x2xf32>, %c: vector<4x2xf32>) {
  // expected-error @+1 {{unexpected iterator_type (window)}}
  %0 = vector.contract {indexing_maps = [#m0, #m1, #m2], iterator_types = ["parallel", "window", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
  return
}

// -----

func.func @outerproduct_dim(%x: vector<4xf32>, %y: vector<8xf32>, %acc: vector<4x4xf32>) {
  // expected-error @+1 {{'vector.outerproduct' op expected #2 operand dim to match result dim #2}}
  %0 = "vector.outerproduct"(%x, %y, %acc) {kind = #vector.kind<add>} : (vector<4xf32>, vector<8xf32>, vector<4x4xf32>) -> vector<4x4xf32>
  return
}

// -----

func.func @outerproduct_kind(%x: vector<4xf32>, %y: vector<8xf32>) {
  // expected-error @+1 {{'vector.outerproduct' op unsupported outerproduct type}}
  %0 = vector.outerproduct %x, %y {kind = #vector.kind<or>} : vector<4xf32>, vector<8xf32>
  return
}

// -----

func.func @transfer_read_indices(%A: memref<?x?xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op requires 2 indices}}
  %0 = vector.transfer_read %A[%i], %p : memref<?x?xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_read_padding(%A: memref<?xf32>, %i: index, %p: f64) {
  // expected-error @+1 {{'vector.transfer_read' op requires formal padding and source of the same elemental type}}
  %0 = "vector.transfer_read"(%A, %i, %p) {operand_segment_sizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>} : (memref<?xf32>, index, f64) -> vector<4xf32>
  return
}

// -----

func.func @transfer_read_map_rank(%A: memref<?x?xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op requires a permutation_map with result dims of the same rank as the vector type}}
  %0 = vector.transfer_read %A[%i, %i], %p {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<?x?xf32>, vector<4x4xf32>
  return
}

// -----

func.func @transfer_read_not_projected(%A: memref<?x?xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op requires a projected permutation_map (at most one dim or the zero constant can appear in each result)}}
  %0 = vector.transfer_read %A[%i, %i], %p {permutation_map = affine_map<(d0, d1) -> (d0 + d1)>} : memref<?x?xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_read_dup(%A: memref<?x?xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op requires a permutation_map that is a permutation (found one dim used more than once)}}
  %0 = vector.transfer_read %A[%i, %i], %p {permutation_map = affine_map<(d0, d1) -> (d0, d0)>} : memref<?x?xf32>, vector<4x4xf32>
  return
}

// -----

func.func @transfer_read_in_bounds(%A: memref<?x?xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op expects the optional in_bounds attr of same rank as permutation_map results: affine_map<(d0, d1) -> (d0, d1)> vs inBounds of size: 1}}
  %0 = vector.transfer_read %A[%i, %i], %p {in_bounds = [true]} : memref<?x?xf32>, vector<4x4xf32>
  return
}

// -----

func.func @transfer_read_broadcast_oob(%A: memref<?x?xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op requires broadcast dimensions to be in-bounds}}
  %0 = vector.transfer_read %A[%i, %i], %p {permutation_map = affine_map<(d0, d1) -> (0, d1)>, in_bounds = [false, true]} : memref<?x?xf32>, vector<4x4xf32>
  return
}

// -----

func.func @transfer_read_types(%A: memref<?x?xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires two types}}
  %0 = vector.transfer_read %A[%i, %i], %p : memref<?x?xf32>
  return
}

// -----

func.func @transfer_read_masked_attr(%A: memref<?xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op masked attribute has been removed. Use in_bounds instead.}}
  %0 = vector.transfer_read %A[%i], %p {masked = [false]} : memref<?xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_write_broadcast(%v: vector<4x4xf32>, %A: memref<?x?xf32>, %i: index) {
  // expected-error @+1 {{'vector.transfer_write' op should not have broadcast dimensions}}
  vector.transfer_write %v, %A[%i, %i] {permutation_map = affine_map<(d0, d1) -> (0, d1)>, in_bounds = [true, false]} : vector<4x4xf32>, memref<?x?xf32>
  return
}

// -----

func.func @load_elt(%A: memref<8xf32>, %i: index) {
  // expected-error @+1 {{'vector.load' op base and result element types should match}}
  %0 = vector.load %A[%i] : memref<8xf32>, vector<4xf64>
  return
}

// -----

func.func @load_stride(%A: memref<8x8xf32, strided<[1, 8]>>, %i: index) {
  // expected-error @+1 {{'vector.load' op most minor memref dim must have unit stride}}
  %0 = vector.load %A[%i, %i] : memref<8x8xf32, strided<[1, 8]>>, vector<4xf32>
  return
}

// -----

func.func @store_indices(%v: vector<4xf32>, %A: memref<8x8xf32>, %i: index) {
  // expected-error @+1 {{'vector.store' op requires 2 indices}}
  vector.store %v, %A[%i] : memref<8x8xf32>, vector<4xf32>
  return
}

// -----

func.func @maskedload_pass(%A: memref<?xf32>, %i: index, %m: vector<16xi1>, %p: vector<16xi32>) {
  // expected-error @+1 {{'vector.maskedload' op base and result element type should match}}
  %0 = vector.maskedload %A[%i], %m, %p : memref<?xf32>, vector<16xi1>, vector<16xi32> into vector<16xi32>
  return
}

// -----

func.func @maskedload_dim(%A: memref<?xf32>, %i: index, %m: vector<8xi1>, %p: vector<16xf32>) {
  // expected-error @+1 {{'vector.maskedload' op expected result dim to match mask dim}}
  %0 = vector.maskedload %A[%i], %m, %p : memref<?xf32>, vector<8xi1>, vector<16xf32> into vector<16xf32>
  return
}

// -----

func.func @gather_mask(%A: memref<?xf32>, %i: index, %idx: vector<16xi32>, %m: vector<8xi1>, %p: vector<16xf32>) {
  // expected-error @+1 {{'vector.gather' op expected result dim to match mask dim}}
  %0 = vector.gather %A[%i][%idx], %m, %p : memref<?xf32>, vector<16xi32>, vector<8xi1>, vector<16xf32> into vector<16xf32>
  return
}

// -----

func.func @scatter_idx(%A: memref<?xf32>, %i: index, %idx: vector<8xi32>, %m: vector<16xi1>, %v: vector<16xf32>) {
  // expected-error @+1 {{'vector.scatter' op expected valueToStore dim to match indices dim}}
  vector.scatter %A[%i][%idx], %m, %v : memref<?xf32>, vector<8xi32>, vector<16xi1>, vector<16xf32>
  return
}

// -----

func.func @compressstore_mask(%A: memref<?xf32>, %i: index, %m: vector<8xi1>, %v: vector<16xf32>) {
  // expected-error @+1 {{'vector.compressstore' op expected valueToStore dim to match mask dim}}
  vector.compressstore %A[%i], %m, %v : memref<?xf32>, vector<8xi1>, vector<16xf32>
  return
}

// -----

func.func @constant_mask_zero() {
  // expected-error @+1 {{'vector.constant_mask' op expected all mask dim sizes to be zeros, as a result of conjunction with zero mask dim}}
  %0 = vector.constant_mask [0, 2] : vector<4x8xi1>
  return
}

// -----

func.func @constant_mask_bounds() {
  // expected-error @+1 {{'vector.constant_mask' op array attr of size out of bounds of vector result dimension size}}
  %0 = vector.constant_mask [5, 2] : vector<4x8xi1>
  return
}

// -----

func.func @constant_mask_rank() {
  // expected-error @+1 {{'vector.constant_mask' op must specify array attr of size equal vector result rank}}
  %0 = vector.constant_mask [2] : vector<4x8xi1>
  return
}

// -----

func.func @create_mask_count(%i: index) {
  // expected-error @+1 {{'vector.create_mask' op must specify an operand for each result vector dimension}}
  %0 = vector.create_mask %i : vector<4x8xi1>
  return
}

// -----

func.func @mask_type(%m: vector<4xi1>, %v: vector<8xf32>) {
  // expected-error @+1 {{'vector.mask' op expects a 'vector<8xi1>' mask for the maskable operation}}
  %0 = vector.mask %m { vector.reduction <add>, %v : vector<8xf32> into f32 } : vector<4xi1> -> f32
  return
}

// -----

func.func @mask_not_maskable(%m: vector<8xi1>, %v: vector<8xf32>) {
  // expected-error @+1 {{'vector.mask' op expects a maskable operation}}
  %0 = vector.mask %m { vector.shape_cast %v : vector<8xf32> to vector<2x4xf32> } : vector<8xi1> -> vector<2x4xf32>
  return
}

// -----

func.func @mask_passthru(%m: vector<8xi1>, %v: vector<8xf32>, %p: f32) {
  // expected-error @+1 {{'vector.mask' op doesn't expect a passthru argument for this maskable operation}}
  %0 = vector.mask %m, %p { vector.reduction <add>, %v : vector<8xf32> into f32 } : vector<8xi1> -> f32
  return
}

// -----

func.func @scan_dim(%v: vector<4x8xf32>, %i: vector<8xf32>) {
  // expected-error @+1 {{'vector.scan' op reduction dimension 2 has to be less than 2}}
  %0:2 = vector.scan <add>, %v, %i {inclusive = true, reduction_dim = 2 : i64} : vector<4x8xf32>, vector<8xf32>
  return
}

// -----

func.func @scan_shapes(%v: vector<4x8xf32>, %i: vector<4xf32>) {
  // expected-error @+1 {{'vector.scan' op incompatible input/initial value shapes}}
  %0:2 = vector.scan <add>, %v, %i {inclusive = true, reduction_dim = 0 : i64} : vector<4x8xf32>, vector<4xf32>
  return
}

// -----

func.func @type_cast_shape(%A: memref<8x8xf32>) {
  // expected-error @+1 {{'vector.type_cast' op expects concatenated result and operand shapes to be equal: 'memref<vector<8x4xf32>>'}}
  %0 = vector.type_cast %A : memref<8x8xf32> to memref<vector<8x4xf32>>
  return
}

// -----

func.func @warp_distribution(%l: index, %v: vector<8xf32>) {
  // expected-error @+1 {{'vector.warp_execute_on_lane_0' op incompatible distribution dimensions from 'vector<100xf32>' to 'vector<8xf32>'}}
  vector.warp_execute_on_lane_0(%l)[32] args(%v : vector<8xf32>) {
  ^bb0(%a: vector<100xf32>):
  }
  return
}

// -----

func.func @warp_yield(%l: index) {
  // expected-error @+1 {{'vector.warp_execute_on_lane_0' op expected same number of yield operands and return values.}}
  %0 = vector.warp_execute_on_lane_0(%l)[32] -> (vector<1xf32>) {
    vector.yield
  }
  return
}

// -----

// expected-note @+1 {{prior use here}}
func.func @splat_type(%s: f64) {
  // expected-error @+1 {{use of value '%s' expects different type than prior uses: 'f32' vs 'f64'}}
  %0 = vector.splat %s : vector<4xf32>
  return
}

// -----

func.func @reshape_input(%v: vector<2x4xf32>, %c: index) {
  // expected-error @+1 {{invalid input shape for vector type 'vector<2x4xf32>'}}
  %0 = vector.reshape %v, [%c, %c], [%c], [4] : vector<2x4xf32> to vector<1x4xf32>
  return
}

// -----

func.func @scalable_insert_pos(%a: vector<4xf32>, %b: vector<[8]xf32>) {
  // expected-error @+1 {{'vector.scalable.insert' op failed to verify that position is a multiple of the source length.}}
  %0 = vector.scalable.insert %a, %b[2] : vector<4xf32> into vector<[8]xf32>
  return
}

// -----

func.func @fma_types(%a: vector<4xf32>, %b: vector<4xf64>) {
  // expected-error @+1 {{'vector.fma' op failed to verify that all of {lhs, rhs, acc, result} have same type}}
  %0 = "vector.fma"(%a, %b, %a) : (vector<4xf32>, vector<4xf64>, vector<4xf32>) -> vector<4xf32>
  return
}

// -----

func.func @operand_constraint(%a: f32) {
  // expected-error @+1 {{'vector.shape_cast' op operand #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.shape_cast"(%a) : (f32) -> vector<1xf32>
  return
}
