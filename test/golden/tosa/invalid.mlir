// RUN: tensile-opt %s --split-input-file --verify-diagnostics
// Verifier messages of TOSA ops, as mlir-opt-16 gives them.

func.func @add_f64(%a: tensor<2x3xi64>) {
  // expected-error @+1 {{'tosa.add' op result #0 must be tensor of number values, but got 'tensor<2x3xf64>'}}
  %0 = "tosa.add"(%a, %a) : (tensor<2x3xi64>, tensor<2x3xi64>) -> tensor<2x3xf64>
  return
}

// -----

func.func @add_not_broadcastable(%a: tensor<2x3xi32>, %b: tensor<4x3xi32>) {
  // expected-error @+1 {{'tosa.add' op operands don't have broadcast-compatible shapes}}
  %0 = "tosa.add"(%a, %b) : (tensor<2x3xi32>, tensor<4x3xi32>) -> tensor<2x3xi32>
  return
}

// -----

func.func @add_result_shape(%a: tensor<2x3xi32>) {
  // expected-error @+1 {{'tosa.add' op result type '3x3' not broadcast compatible with broadcasted operands's shapes '2x3'}}
  %0 = "tosa.add"(%a, %a) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<3x3xi32>
  return
}

// -----

func.func @sub_result_rank(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.sub' op result type '3' not broadcast compatible with broadcasted operands's shapes '2x3'}}
  %0 = "tosa.sub"(%a, %a) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @div_i64(%a: tensor<2x3xi64>) {
  // expected-error @+1 {{'tosa.div' op operand #0 must be tensor of 32-bit signless integer values, but got 'tensor<2x3xi64>'}}
  %0 = "tosa.div"(%a, %a) : (tensor<2x3xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  return
}

// -----

func.func @logical_and_i32(%a: tensor<2x3xi32>) {
  // expected-error @+1 {{'tosa.logical_and' op operand #0 must be tensor of 1-bit signless integer values, but got 'tensor<2x3xi32>'}}
  %0 = "tosa.logical_and"(%a, %a) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi1>
  return
}

// -----

func.func @matmul_rank(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.matmul' op operand #0 must be unranked.tensor of number values or 3D tensor of number values, but got 'tensor<2x3xf32>'}}
  %0 = "tosa.matmul"(%a, %a) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3x3xf32>
  return
}

// -----

func.func @argmax_result_rank(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.argmax' op result #0 must be unranked.tensor of number values or 0D/1D/2D/3D/4D tensor of number values, but got 'tensor<2x3x4x5x6xi32>'}}
  %0 = "tosa.argmax"(%a) {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3x4x5x6xi32>
  return
}

// -----

func.func @conv2d_pad_count(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'tosa.conv2d' op attribute 'pad' failed to satisfy constraint: i64 dense array attribute with exactly 4 elements}}
  %0 = "tosa.conv2d"(%x, %w, %b) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv2d_mixed(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xi8>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'tosa.conv2d' op expect both input and weight to be float or not together, got 'f32' and 'i8'}}
  %0 = "tosa.conv2d"(%x, %w, %b) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xi8>, tensor<4xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv2d_no_quant_info(%x: tensor<1x8x8x3xi8>, %w: tensor<4x3x3x3xi8>, %b: tensor<4xi32>) {
  // expected-error @+1 {{'tosa.conv2d' op quantizationattr is required for quantized type, and not allowed for float type}}
  %0 = "tosa.conv2d"(%x, %w, %b) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xi8>, tensor<4x3x3x3xi8>, tensor<4xi32>) -> tensor<1x6x6x4xi32>
  return
}

// -----

func.func @depthwise_quant_on_float(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x1xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{'tosa.depthwise_conv2d' op quantizationattr is required for quantized type, and not allowed for float type}}
  %0 = "tosa.depthwise_conv2d"(%x, %w, %b) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, quantization_info = #tosa.conv_quant<input_zp = 0, weight_zp = 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<3x3x3x1xf32>, tensor<3xf32>) -> tensor<1x6x6x3xf32>
  return
}

// -----

func.func @fully_connected_mixed(%x: tensor<2x6xi8>, %w: tensor<4x6xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'tosa.fully_connected' op expect both input and weight to be float or not together, got 'i8' and 'f32'}}
  %0 = "tosa.fully_connected"(%x, %w, %b) : (tensor<2x6xi8>, tensor<4x6xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @avg_pool_types(%x: tensor<1x2x3x4xf32>) {
  // expected-error @+1 {{'tosa.avg_pool2d' op input/output element types are incompatible.}}
  %0 = "tosa.avg_pool2d"(%x) {kernel = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf16>
  return
}

// -----

func.func @avg_pool_quant_kind(%x: tensor<1x2x3x4xi8>) {
  // expected-error @+1 {{'tosa.avg_pool2d' op attribute 'quantization_info' failed to satisfy constraint: Attribute for UnaryOp quantization information.}}
  %0 = "tosa.avg_pool2d"(%x) {kernel = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, quantization_info = #tosa.conv_quant<input_zp = 1, weight_zp = 2>, stride = array<i64: 1, 1>} : (tensor<1x2x3x4xi8>) -> tensor<1x2x3x4xi8>
  return
}

// -----

func.func @clamp_min_int_type(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.clamp' op attribute 'min_int' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = "tosa.clamp"(%a) {max_fp = 6.0 : f32, max_int = 5 : i64, min_fp = 0.0 : f32, min_int = 0 : i32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @clamp_min_fp_type(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.clamp' op attribute 'min_fp' failed to satisfy constraint: 32-bit float attribute}}
  %0 = "tosa.clamp"(%a) {max_fp = 6.0 : f32, max_int = 5 : i64, min_fp = 0.0 : f64, min_int = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @clamp_missing_attr(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.clamp' op requires attribute 'min_int'}}
  %0 = "tosa.clamp"(%a) {max_fp = 6.0 : f32, max_int = 5 : i64, min_fp = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @shift_round_not_bool(%a: tensor<2x3xi32>) {
  // expected-error @+1 {{'tosa.arithmetic_right_shift' op attribute 'round' failed to satisfy constraint: bool attribute}}
  %0 = "tosa.arithmetic_right_shift"(%a, %a) {round = 1 : i32} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  return
}

// -----

func.func @equal_result_shape(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.equal' op inferred type(s) 'tensor<2x3xi1>' are incompatible with return type(s) of operation 'tensor<1x2x3xi1>'}}
  %0 = "tosa.equal"(%a, %a) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<1x2x3xi1>
  return
}

// -----

func.func @equal_result_element(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.equal' op result #0 must be tensor of 1-bit signless integer values, but got 'tensor<2x3xi32>'}}
  %0 = "tosa.equal"(%a, %a) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi32>
  return
}

// -----

func.func @greater_broadcast(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) {
  // expected-error @+1 {{'tosa.greater' op operands don't have broadcast-compatible shapes}}
  %0 = "tosa.greater"(%a, %b) : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x3xi1>
  return
}

// -----

func.func @table_rank(%a: tensor<2x3xi8>) {
  // expected-error @+1 {{'tosa.table' op operand #1 must be unranked.tensor of number values or 1D tensor of number values, but got 'tensor<2x3xi8>'}}
  %0 = "tosa.table"(%a, %a) : (tensor<2x3xi8>, tensor<2x3xi8>) -> tensor<2x3xi8>
  return
}

// -----

func.func @reduce_result_rank(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.reduce_sum' op result #0 must be unranked.tensor of number values or 1D/2D/3D/4D tensor of number values, but got 'tensor<f32>'}}
  %0 = "tosa.reduce_sum"(%a) {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<f32>
  return
}

// -----

func.func @pad_unranked(%u: tensor<*xf32>, %p: tensor<2x2xi32>) {
  // expected-error @+1 {{'tosa.pad' op operand #0 must be ranked tensor of number values, but got 'tensor<*xf32>'}}
  %0 = "tosa.pad"(%u, %p) : (tensor<*xf32>, tensor<2x2xi32>) -> tensor<3x3xf32>
  return
}

// -----

func.func @pad_float_padding(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.pad' op operand #1 must be tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2x3xf32>'}}
  %0 = "tosa.pad"(%a, %a) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @pad_const_rank(%a: tensor<2x3xf32>, %p: tensor<2x2xi32>, %c: tensor<1xf32>) {
  // expected-error @+1 {{'tosa.pad' op operand #2 must be 0D tensor of number values, but got 'tensor<1xf32>'}}
  %0 = "tosa.pad"(%a, %p, %c) : (tensor<2x3xf32>, tensor<2x2xi32>, tensor<1xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @reshape_count(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.reshape' op Cannot reshape 6 elements into 7}}
  %0 = "tosa.reshape"(%a) {new_shape = array<i64: 7>} : (tensor<2x3xf32>) -> tensor<7xf32>
  return
}

// -----

func.func @slice_rank(%u: tensor<*xf32>) {
  // expected-error @+1 {{'tosa.slice' op result #0 must be unranked.tensor of number values or 1D/2D/3D/4D/5D/6D tensor of number values, but got 'tensor<1x1x1x1x1x1x1xf32>'}}
  %0 = "tosa.slice"(%u) {size = array<i64: 1, 1, 1, 1, 1, 1, 1>, start = array<i64: 0, 0, 0, 0, 0, 0, 0>} : (tensor<*xf32>) -> tensor<1x1x1x1x1x1x1xf32>
  return
}

// -----

func.func @gather_indices(%v: tensor<2x5x4xf32>, %i: tensor<2x3xf32>) {
  // expected-error @+1 {{'tosa.gather' op operand #1 must be 2D tensor of 32-bit signless integer values, but got 'tensor<2x3xf32>'}}
  %0 = "tosa.gather"(%v, %i) : (tensor<2x5x4xf32>, tensor<2x3xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @resize_mode(%x: tensor<1x4x4x2xf32>) {
  // expected-error @+1 {{'tosa.resize' op attribute 'mode' failed to satisfy constraint: Supported resize/upsampling strategies}}
  %0 = "tosa.resize"(%x) {border = array<i64: 0, 0>, mode = "CUBIC", offset = array<i64: 0, 0>, scale = array<i64: 1, 1, 1, 1>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  return
}

// -----

func.func @const_not_elements() {
  // expected-error @+1 {{'tosa.const' op attribute 'value' failed to satisfy constraint: constant vector/tensor attribute}}
  %0 = "tosa.const"() {value = 3 : i32} : () -> tensor<i32>
  return
}

// -----

func.func @const_f64() {
  // expected-error @+1 {{'tosa.const' op result #0 must be tensor of number values, but got 'tensor<2xf64>'}}
  %0 = "tosa.const"() {value = dense<1.0> : tensor<2xf64>} : () -> tensor<2xf64>
  return
}

// -----

func.func @rescale_multiplier_i64(%a: tensor<2xi32>) {
  // expected-error @+1 {{'tosa.rescale' op attribute 'multiplier' failed to satisfy constraint: i32 dense array attribute}}
  %0 = "tosa.rescale"(%a) {double_round = true, input_zp = 0 : i32, multiplier = array<i64: 1>, output_zp = 0 : i32, per_channel = false, scale32 = true, shift = array<i32: 1>} : (tensor<2xi32>) -> tensor<2xi8>
  return
}

// -----

func.func @custom_missing_config(%a: tensor<2xi32>) {
  // expected-error @+1 {{'tosa.custom' op requires attribute 'config'}}
  %0 = "tosa.custom"(%a) {identifier = "x", implementation_attrs = ""} : (tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @apply_scale_shift_type(%a: tensor<2xi32>) {
  // expected-error @+1 {{'tosa.apply_scale' op operand #2 must be signless-integer-8-bit-like, but got 'tensor<2xi32>'}}
  %0 = "tosa.apply_scale"(%a, %a, %a) {double_round = true} : (tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return
}

// -----

func.func @transpose_conv_out_shape(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'tosa.transpose_conv2d' op attribute 'out_shape' failed to satisfy constraint: i64 dense array attribute with at least 4 elements}}
  %0 = "tosa.transpose_conv2d"(%x, %w, %b) {out_pad = array<i64: 0, 0, 0, 0>, out_shape = array<i64: 1, 10, 10, 4, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x10x10x4xf32>
  return
}

// -----

func.func @while_empty_body(%a: tensor<2xf32>, %p: tensor<i1>) {
  // expected-error @+1 {{'tosa.while_loop' op region #1 ('body') failed to verify constraint: region with 1 blocks}}
  %0 = "tosa.while_loop"(%a) ({
  ^bb0(%x: tensor<2xf32>):
    "tosa.yield"(%p) : (tensor<i1>) -> ()
  }, {
  }) : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @while_two_blocks(%a: tensor<2xf32>, %p: tensor<i1>) {
  // expected-error @+1 {{'tosa.while_loop' op expects region #1 to have 0 or 1 blocks}}
  %0 = "tosa.while_loop"(%a) ({
  ^bb0(%x: tensor<2xf32>):
    "tosa.yield"(%p) : (tensor<i1>) -> ()
  }, {
  ^bb0(%x: tensor<2xf32>):
    "tosa.yield"(%x) : (tensor<2xf32>) -> ()
  ^bb1:
    "tosa.yield"(%a) : (tensor<2xf32>) -> ()
  }) : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @yield_not_last(%a: tensor<2xf32>) {
  // expected-error @+1 {{'tosa.yield' op must be the last operation in the parent block}}
  "tosa.yield"(%a) : (tensor<2xf32>) -> ()
  return
}
