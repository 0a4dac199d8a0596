// RUN: tensile-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Verifier messages of tensor ops, as mlir-opt-16 gives them.

func.func @cast_incompatible(%t: tensor<4xf32>) {
  // expected-error @+1 {{'tensor.cast' op operand type 'tensor<4xf32>' and result type 'tensor<5xf32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4xf32> to tensor<5xf32>
  return
}

// -----

func.func @cast_element(%t: tensor<4xf32>) {
  // expected-error @+1 {{'tensor.cast' op operand type 'tensor<4xf32>' and result type 'tensor<?xi32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4xf32> to tensor<?xi32>
  return
}

// -----

func.func @dim_out_of_range(%t: tensor<4xf32>) {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'tensor.dim' op index is out of range}}
  %0 = tensor.dim %t, %c1 : tensor<4xf32>
  return
}

// -----

func.func @empty_sizes(%n: index) {
  // expected-error @+1 {{'tensor.empty' op incorrect number of dynamic sizes, has 1, expected 2}}
  %0 = tensor.empty(%n) : tensor<?x?xf32>
  return
}

// -----

func.func @extract_indices(%t: tensor<4x4xf32>, %i: index) {
  // expected-error @+1 {{'tensor.extract' op incorrect number of indices for extract_element}}
  %0 = tensor.extract %t[%i] : tensor<4x4xf32>
  return
}

// -----

func.func @insert_indices(%t: tensor<4x4xf32>, %i: index, %v: f32) {
  // expected-error @+1 {{'tensor.insert' op incorrect number of indices}}
  %0 = tensor.insert %v into %t[%i] : tensor<4x4xf32>
  return
}

// -----

func.func @from_elements_dynamic(%a: f32) {
  // expected-error @+1 {{'tensor.from_elements' op result #0 must be statically shaped tensor of any type values, but got 'tensor<?xf32>'}}
  %0 = "tensor.from_elements"(%a) : (f32) -> tensor<?xf32>
  return
}

// -----

func.func @splat_operand(%a: f32) {
  // expected-error @+1 {{'tensor.splat' op failed to verify that operand type matches element type of result}}
  %0 = "tensor.splat"(%a) : (f32) -> tensor<4xf64>
  return
}

// -----

func.func @gather_dims_empty(%t: tensor<4x4xf32>, %i: tensor<2x1xindex>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims must be non-empty}}
  %0 = tensor.gather %t[%i] gather_dims([]) : (tensor<4x4xf32>, tensor<2x1xindex>) -> tensor<2x4xf32>
  return
}

// -----

func.func @gather_dims_order(%t: tensor<4x4xf32>, %i: tensor<2x2xindex>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims values must be strictly increasing}}
  %0 = tensor.gather %t[%i] gather_dims([1, 0]) : (tensor<4x4xf32>, tensor<2x2xindex>) -> tensor<2x1x1xf32>
  return
}

// -----

func.func @gather_dims_rank(%t: tensor<4x4xf32>, %i: tensor<2x1xindex>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims value must be smaller than source rank}}
  %0 = tensor.gather %t[%i] gather_dims([2]) : (tensor<4x4xf32>, tensor<2x1xindex>) -> tensor<2x4xf32>
  return
}

// -----

func.func @gather_result(%t: tensor<4x5xf32>, %i: tensor<2x1xindex>) {
  // expected-error @+1 {{'tensor.gather' op result type mismatch: expected 'tensor<2x1x5xf32>' or its rank-reduced variant 'tensor<2x5xf32>' (got: 'tensor<2x4xf32>')}}
  %0 = tensor.gather %t[%i] gather_dims([0]) : (tensor<4x5xf32>, tensor<2x1xindex>) -> tensor<2x4xf32>
  return
}

// -----

func.func @scatter_unique(%s: tensor<2x1x5xf32>, %t: tensor<4x5xf32>, %i: tensor<2x1xindex>) {
  // expected-error @+1 {{'tensor.scatter' op requires 'unique' attribute to be set}}
  %0 = tensor.scatter %s into %t[%i] scatter_dims([0]) : (tensor<2x1x5xf32>, tensor<4x5xf32>, tensor<2x1xindex>) -> tensor<4x5xf32>
  return
}

// -----

func.func @scatter_source(%s: tensor<2x1x4xf32>, %t: tensor<4x5xf32>, %i: tensor<2x1xindex>) {
  // expected-error @+1 {{'tensor.scatter' op source type mismatch: expected 'tensor<2x1x5xf32>' or its rank-reduced variant 'tensor<2x5xf32>' (got: 'tensor<2x1x4xf32>')}}
  %0 = tensor.scatter %s into %t[%i] scatter_dims([0]) unique : (tensor<2x1x4xf32>, tensor<4x5xf32>, tensor<2x1xindex>) -> tensor<4x5xf32>
  return
}

// -----

func.func @generate_extents(%n: index) {
  // expected-error @+1 {{must have as many index operands as dynamic extents in the result type}}
  %0 = tensor.generate %n, %n {
  ^bb0(%i: index):
    %c = arith.constant 0.0 : f32
    tensor.yield %c : f32
  } : tensor<?xf32>
  return
}

// -----

func.func @generate_args(%n: index) {
  // expected-error @+1 {{must have one body argument per input dimension}}
  %0 = tensor.generate %n {
  ^bb0(%i: index, %j: index):
    %c = arith.constant 0.0 : f32
    tensor.yield %c : f32
  } : tensor<?xf32>
  return
}

// -----

func.func @generate_yield(%n: index) {
  // expected-error @+1 {{'tensor.generate' op body must be terminated with a `yield` operation of the tensor element type}}
  %0 = tensor.generate %n {
  ^bb0(%i: index):
    tensor.yield %i : index
  } : tensor<?xf32>
  return
}

// -----

func.func @yield_parent(%v: f32) {
  // expected-error @+1 {{'tensor.yield' op expects parent op to be one of 'tensor.generate, tensor.pad'}}
  tensor.yield %v : f32
}

// -----

func.func @reshape_elements(%t: tensor<8xf32>, %s: tensor<2xindex>) {
  // expected-error @+1 {{'tensor.reshape' op source and destination tensor should have the same number of elements}}
  %0 = tensor.reshape %t(%s) : (tensor<8xf32>, tensor<2xindex>) -> tensor<3x3xf32>
  return
}

// -----

func.func @reshape_rank(%t: tensor<8xf32>, %s: tensor<3xindex>) {
  // expected-error @+1 {{'tensor.reshape' op length of shape operand differs from the result's tensor rank}}
  %0 = tensor.reshape %t(%s) : (tensor<8xf32>, tensor<3xindex>) -> tensor<2x4xf32>
  return
}

// -----

func.func @reshape_element_type(%t: tensor<8xf32>, %s: tensor<2xindex>) {
  // expected-error @+1 {{'tensor.reshape' op element types of source and destination tensor types should be the same}}
  %0 = tensor.reshape %t(%s) : (tensor<8xf32>, tensor<2xindex>) -> tensor<2x4xi32>
  return
}

// -----

func.func @expand_static(%t: tensor<4x?xf32>) {
  // expected-error @+1 {{'tensor.expand_shape' op expected dimension 0 of collapsed type to be static value of 6}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] : tensor<4x?xf32> into tensor<2x3x?xf32>
  return
}

// -----

func.func @expand_maps(%t: tensor<4x?xf32>) {
  // expected-error @+1 {{'tensor.expand_shape' op expected rank of the collapsed type(2) to be the number of reassociation maps(1)}}
  %0 = tensor.expand_shape %t [[0, 1]] : tensor<4x?xf32> into tensor<2x2x?xf32>
  return
}

// -----

func.func @expand_contiguous(%t: tensor<4x?xf32>) {
  // expected-error @+1 {{'tensor.expand_shape' op expected reassociation map #0 to be valid and contiguous}}
  %0 = tensor.expand_shape %t [[0, 2], [1]] : tensor<4x?xf32> into tensor<2x2x?xf32>
  return
}

// -----

func.func @expand_two_dynamic(%t: tensor<?xf32>) {
  // expected-error @+1 {{'tensor.expand_shape' op invalid to have a single dimension (0) expanded into multiple dynamic dims (0,1)}}
  %0 = tensor.expand_shape %t [[0, 1]] : tensor<?xf32> into tensor<?x?xf32>
  return
}

// -----

func.func @expand_rank(%t: tensor<4x4xf32>) {
  // expected-error @+1 {{'tensor.expand_shape' op expected rank expansion, but found source rank 2 >= result rank 2}}
  %0 = tensor.expand_shape %t [[0], [1]] : tensor<4x4xf32> into tensor<4x4xf32>
  return
}

// -----

func.func @collapse_rank(%t: tensor<4x?xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected rank reduction, but found source rank 2 <= result rank 2}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x?xf32> into tensor<?x?xf32>
  return
}

// -----

func.func @collapse_dynamic(%t: tensor<4x?xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected dimension 0 of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x?xf32> into tensor<8xf32>
  return
}

// -----

func.func @collapse_element(%t: tensor<4x2xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected collapsed type to be 'tensor<8xf32>', but got 'tensor<8xi32>'}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x2xf32> into tensor<8xi32>
  return
}

// -----

func.func @collapse_to_scalar(%t: tensor<1x2xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op invalid to reshape tensor/memref with non-unit extent dimensions to zero-rank tensor/memref}}
  %0 = tensor.collapse_shape %t [] : tensor<1x2xf32> into tensor<f32>
  return
}

// -----

func.func @slice_size(%t: tensor<4x?xf32>, %i: index) {
  // expected-error @+1 {{expected type to be 'tensor<2x?xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.extract_slice %t[0, %i] [2, %i] [1, 1] : tensor<4x?xf32> to tensor<3x?xf32>
  return
}

// -----

func.func @slice_element(%t: tensor<4x?xf32>, %i: index) {
  // expected-error @+1 {{expected element type to be 'f32'}}
  %0 = tensor.extract_slice %t[0, %i] [2, %i] [1, 1] : tensor<4x?xf32> to tensor<2x?xi32>
  return
}

// -----

func.func @slice_rank(%t: tensor<4x?xf32>, %i: index) {
  // expected-error @+1 {{expected rank to be smaller or equal to the other rank.}}
  %0 = tensor.extract_slice %t[0, %i] [2, %i] [1, 1] : tensor<4x?xf32> to tensor<2x?x1xf32>
  return
}

// -----

func.func @slice_rank_reduction_of_non_unit(%t: tensor<4x4xf32>) {
  // expected-error @+1 {{expected type to be 'tensor<2x4xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.extract_slice %t[0, 0] [2, 4] [1, 1] : tensor<4x4xf32> to tensor<4xf32>
  return
}

// -----

func.func @slice_offsets(%t: tensor<4x?xf32>) {
  // expected-error @+1 {{expected 2 offset values}}
  %0 = tensor.extract_slice %t[] [] [] : tensor<4x?xf32> to tensor<4x?xf32>
  return
}

// -----

func.func @slice_ranks_differ(%t: tensor<4x?xf32>) {
  // expected-error @+1 {{expected mixed offsets rank to match mixed sizes rank (2 vs 1) so the rank of the result type is well-formed.}}
  %0 = tensor.extract_slice %t[0, 0] [2] [1, 1] : tensor<4x?xf32> to tensor<2xf32>
  return
}

// -----

func.func @slice_dynamic_count(%t: tensor<4x?xf32>, %i: index) {
  // expected-error @+1 {{expected 1 dynamic offset values}}
  %0 = "tensor.extract_slice"(%t) {operand_segment_sizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0, -9223372036854775808>, static_sizes = array<i64: 2, 3>, static_strides = array<i64: 1, 1>} : (tensor<4x?xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @insert_slice_size(%s: tensor<3xf32>, %t: tensor<4x4xf32>) {
  // expected-error @+1 {{expected type to be 'tensor<1x2xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.insert_slice %s into %t[0, 0] [1, 2] [1, 1] : tensor<3xf32> into tensor<4x4xf32>
  return
}

// -----

func.func @parallel_insert_slice_parent(%s: tensor<2xf32>, %t: tensor<4xf32>) {
  "test.op"() ({
    // expected-error @+1 {{expected ParallelCombiningOpInterface parent, got:}}
    tensor.parallel_insert_slice %s into %t[0] [2] [1] : tensor<2xf32> into tensor<4xf32>
    "test.end"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @pad_type(%t: tensor<4x?xf32>, %v: f32) {
  // expected-error @+1 {{specified type 'tensor<6x?xf32>' does not match the inferred type 'tensor<5x?xf32>'}}
  %0 = tensor.pad %t low[0, 0] high[1, 1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } : tensor<4x?xf32> to tensor<6x?xf32>
  return
}

// -----

func.func @pad_block_args(%t: tensor<4xf32>, %v: f32) {
  // expected-error @+1 {{expected the block to have 1 arguments}}
  %0 = tensor.pad %t low[0] high[1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } : tensor<4xf32> to tensor<5xf32>
  return
}

// -----

func.func @pad_yield(%t: tensor<4xf32>, %v: f64) {
  // expected-error @+1 {{'tensor.pad' op expected yield type to match shape element type}}
  %0 = tensor.pad %t low[0] high[1] {
  ^bb0(%a: index):
    tensor.yield %v : f64
  } : tensor<4xf32> to tensor<5xf32>
  return
}

// -----

func.func @pad_arg_type(%t: tensor<4xf32>, %v: f32) {
  // expected-error @+1 {{'tensor.pad' op expected block argument 1 to be an index}}
  %0 = tensor.pad %t low[0] high[1] {
  ^bb0(%a: i32):
    tensor.yield %v : f32
  } : tensor<4xf32> to tensor<5xf32>
  return
}

// -----

func.func @pack_zero_tile(%s: tensor<8x8xf32>, %d: tensor<2x8x4xf32>) {
  // expected-error @+1 {{invalid zero tile factor}}
  %0 = tensor.pack %s inner_dims_pos = [0] inner_tiles = [0] into %d : tensor<8x8xf32> -> tensor<2x8x4xf32>
  return
}

// -----

func.func @pack_inner_dims(%s: tensor<8x8xf32>, %d: tensor<2x8x4xf32>) {
  // expected-error @+1 {{invalid inner_dims_pos vector}}
  %0 = tensor.pack %s inner_dims_pos = [2] inner_tiles = [4] into %d : tensor<8x8xf32> -> tensor<2x8x4xf32>
  return
}

// -----

func.func @pack_rank(%s: tensor<8x8xf32>, %d: tensor<2x8xf32>) {
  // expected-error @+1 {{packed rank must equal unpacked rank + tiling factors}}
  %0 = tensor.pack %s inner_dims_pos = [0] inner_tiles = [4] into %d : tensor<8x8xf32> -> tensor<2x8xf32>
  return
}

// -----

func.func @pack_partial_tile(%s: tensor<10x8xf32>, %d: tensor<3x8x4xf32>) {
  // expected-error @+1 {{'tensor.pack' op invalid tile factor provided. Only full tiles are supported when padding_value is not set}}
  %0 = tensor.pack %s inner_dims_pos = [0] inner_tiles = [4] into %d : tensor<10x8xf32> -> tensor<3x8x4xf32>
  return
}

// -----

func.func @pack_small_output(%s: tensor<16x8xf32>, %d: tensor<2x8x4xf32>) {
  // expected-error @+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<4x8x4xf32>', got 'tensor<2x8x4xf32>'}}
  %0 = tensor.pack %s inner_dims_pos = [0] inner_tiles = [4] into %d : tensor<16x8xf32> -> tensor<2x8x4xf32>
  return
}

// -----

func.func @pack_tile_mismatch(%s: tensor<16x8xf32>, %d: tensor<4x8x5xf32>) {
  // expected-error @+1 {{mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type}}
  %0 = tensor.pack %s inner_dims_pos = [0] inner_tiles = [4] into %d : tensor<16x8xf32> -> tensor<4x8x5xf32>
  return
}

// -----

func.func @pack_padding_type(%s: tensor<16x8xf32>, %d: tensor<4x8x4xf32>, %p: f64) {
  // expected-error @+1 {{'tensor.pack' op expected padding_value has 'f32' but got: 'f64'}}
  %0 = tensor.pack %s padding_value(%p : f64) inner_dims_pos = [0] inner_tiles = [4] into %d : tensor<16x8xf32> -> tensor<4x8x4xf32>
  return
}

// -----

func.func @unpack_perm(%s: tensor<4x8x4xf32>, %d: tensor<16x8xf32>) {
  // expected-error @+1 {{outer_dims_perm must be a permutation or empty}}
  %0 = tensor.unpack %s outer_dims_perm = [0] inner_dims_pos = [0] inner_tiles = [4] into %d : tensor<4x8x4xf32> -> tensor<16x8xf32>
  return
}
