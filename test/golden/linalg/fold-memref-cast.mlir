// RUN: tensile-opt %s --split-input-file --canonicalize | FileCheck %s
// The fold of every named linalg op (MLIR 16's memref::foldMemRefCast, generated for each OpDSL op): a
// memref.cast operand is replaced by the cast's source. One function per op, in the OpDSL table's order; the
// CHECK lines are mlir-opt-16 --canonicalize's output.

// CHECK-LABEL: func.func @copy(%arg0: memref<?x?xf32>, %arg1: memref<2x2xf32>) {
// CHECK-NEXT: linalg.copy ins(%arg0 : memref<?x?xf32>) outs(%arg1 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @copy(%a0: memref<?x?xf32>, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.copy ins(%a0 : memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @elemwise_unary(%arg0: memref<?x?xf32>, %arg1: memref<2x2xf32>) {
// CHECK-NEXT: linalg.elemwise_unary ins(%arg0 : memref<?x?xf32>) outs(%arg1 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @elemwise_unary(%a0: memref<?x?xf32>, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.elemwise_unary ins(%a0 : memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @elemwise_binary(%arg0: memref<?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2xf32>) {
// CHECK-NEXT: linalg.elemwise_binary ins(%arg0, %arg1 : memref<?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @elemwise_binary(%a0: memref<?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.elemwise_binary ins(%a0, %a1 : memref<?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @matmul(%arg0: memref<?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2xf32>) {
// CHECK-NEXT: linalg.matmul ins(%arg0, %arg1 : memref<?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @matmul(%a0: memref<?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.matmul ins(%a0, %a1 : memref<?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @matmul_unsigned(%arg0: memref<?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2xf32>) {
// CHECK-NEXT: linalg.matmul_unsigned ins(%arg0, %arg1 : memref<?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @matmul_unsigned(%a0: memref<?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.matmul_unsigned ins(%a0, %a1 : memref<?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @quantized_matmul(%arg0: memref<?x?xi8>, %arg1: memref<?x?xi8>, %arg2: i32, %arg3: i32, %arg4: memref<2x2xi32>) {
// CHECK-NEXT: linalg.quantized_matmul ins(%arg0, %arg1, %arg2, %arg3 : memref<?x?xi8>, memref<?x?xi8>, i32, i32) outs(%arg4 : memref<2x2xi32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @quantized_matmul(%a0: memref<?x?xi8>, %a1: memref<?x?xi8>, %a2: i32, %a3: i32, %s: memref<2x2xi32>) {
  %c = memref.cast %s : memref<2x2xi32> to memref<?x?xi32>
  linalg.quantized_matmul ins(%a0, %a1, %a2, %a3 : memref<?x?xi8>, memref<?x?xi8>, i32, i32) outs(%c : memref<?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @mmt4d(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?x?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.mmt4d ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @mmt4d(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?x?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.mmt4d ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @matmul_transpose_b(%arg0: memref<?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2xf32>) {
// CHECK-NEXT: linalg.matmul_transpose_b ins(%arg0, %arg1 : memref<?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @matmul_transpose_b(%a0: memref<?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.matmul_transpose_b ins(%a0, %a1 : memref<?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @batch_matmul(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.batch_matmul ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @batch_matmul(%a0: memref<?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.batch_matmul ins(%a0, %a1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @quantized_batch_matmul(%arg0: memref<?x?x?xi8>, %arg1: memref<?x?x?xi8>, %arg2: i32, %arg3: i32, %arg4: memref<2x2x2xi32>) {
// CHECK-NEXT: linalg.quantized_batch_matmul ins(%arg0, %arg1, %arg2, %arg3 : memref<?x?x?xi8>, memref<?x?x?xi8>, i32, i32) outs(%arg4 : memref<2x2x2xi32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @quantized_batch_matmul(%a0: memref<?x?x?xi8>, %a1: memref<?x?x?xi8>, %a2: i32, %a3: i32, %s: memref<2x2x2xi32>) {
  %c = memref.cast %s : memref<2x2x2xi32> to memref<?x?x?xi32>
  linalg.quantized_batch_matmul ins(%a0, %a1, %a2, %a3 : memref<?x?x?xi8>, memref<?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @batch_matmul_transpose_b(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.batch_matmul_transpose_b ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @batch_matmul_transpose_b(%a0: memref<?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.batch_matmul_transpose_b ins(%a0, %a1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @batch_reduce_matmul(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2xf32>) {
// CHECK-NEXT: linalg.batch_reduce_matmul ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @batch_reduce_matmul(%a0: memref<?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.batch_reduce_matmul ins(%a0, %a1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @matvec(%arg0: memref<?x?xf32>, %arg1: memref<?xf32>, %arg2: memref<2xf32>) {
// CHECK-NEXT: linalg.matvec ins(%arg0, %arg1 : memref<?x?xf32>, memref<?xf32>) outs(%arg2 : memref<2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @matvec(%a0: memref<?x?xf32>, %a1: memref<?xf32>, %s: memref<2xf32>) {
  %c = memref.cast %s : memref<2xf32> to memref<?xf32>
  linalg.matvec ins(%a0, %a1 : memref<?x?xf32>, memref<?xf32>) outs(%c : memref<?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @vecmat(%arg0: memref<?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2xf32>) {
// CHECK-NEXT: linalg.vecmat ins(%arg0, %arg1 : memref<?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @vecmat(%a0: memref<?xf32>, %a1: memref<?x?xf32>, %s: memref<2xf32>) {
  %c = memref.cast %s : memref<2xf32> to memref<?xf32>
  linalg.vecmat ins(%a0, %a1 : memref<?xf32>, memref<?x?xf32>) outs(%c : memref<?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @batch_matvec(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2xf32>) {
// CHECK-NEXT: linalg.batch_matvec ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @batch_matvec(%a0: memref<?x?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.batch_matvec ins(%a0, %a1 : memref<?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @dot(%arg0: memref<?xf32>, %arg1: memref<2xf32>, %arg2: memref<f32>) {
// CHECK-NEXT: linalg.dot ins(%arg0, %arg1 : memref<?xf32>, memref<2xf32>) outs(%arg2 : memref<f32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @dot(%a0: memref<?xf32>, %s: memref<2xf32>, %a2: memref<f32>) {
  %c = memref.cast %s : memref<2xf32> to memref<?xf32>
  linalg.dot ins(%a0, %c : memref<?xf32>, memref<?xf32>) outs(%a2 : memref<f32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_1d(%arg0: memref<?xf32>, %arg1: memref<?xf32>, %arg2: memref<2xf32>) {
// CHECK-NEXT: linalg.conv_1d ins(%arg0, %arg1 : memref<?xf32>, memref<?xf32>) outs(%arg2 : memref<2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_1d(%a0: memref<?xf32>, %a1: memref<?xf32>, %s: memref<2xf32>) {
  %c = memref.cast %s : memref<2xf32> to memref<?xf32>
  linalg.conv_1d ins(%a0, %a1 : memref<?xf32>, memref<?xf32>) outs(%c : memref<?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d(%arg0: memref<?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2xf32>) {
// CHECK-NEXT: linalg.conv_2d ins(%arg0, %arg1 : memref<?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_2d(%a0: memref<?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.conv_2d ins(%a0, %a1 : memref<?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_3d(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.conv_3d ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_3d(%a0: memref<?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.conv_3d ins(%a0, %a1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_1d_nwc_wcf(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.conv_1d_nwc_wcf ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_1d_nwc_wcf(%a0: memref<?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.conv_1d_nwc_wcf ins(%a0, %a1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_1d_ncw_fcw(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.conv_1d_ncw_fcw ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_1d_ncw_fcw(%a0: memref<?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.conv_1d_ncw_fcw ins(%a0, %a1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?x?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.conv_2d_nhwc_hwcf ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_2d_nhwc_hwcf(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?x?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.conv_2d_nhwc_hwcf ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nhwc_fhwc(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?x?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.conv_2d_nhwc_fhwc ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_2d_nhwc_fhwc(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?x?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.conv_2d_nhwc_fhwc ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_q(%arg0: memref<?x?x?x?xi8>, %arg1: memref<?x?x?x?xi8>, %arg2: i32, %arg3: i32, %arg4: memref<2x2x2x2xi32>) {
// CHECK-NEXT: linalg.conv_2d_nhwc_hwcf_q ins(%arg0, %arg1, %arg2, %arg3 : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%arg4 : memref<2x2x2x2xi32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_2d_nhwc_hwcf_q(%a0: memref<?x?x?x?xi8>, %a1: memref<?x?x?x?xi8>, %a2: i32, %a3: i32, %s: memref<2x2x2x2xi32>) {
  %c = memref.cast %s : memref<2x2x2x2xi32> to memref<?x?x?x?xi32>
  linalg.conv_2d_nhwc_hwcf_q ins(%a0, %a1, %a2, %a3 : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nchw_fchw(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?x?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.conv_2d_nchw_fchw ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_2d_nchw_fchw(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?x?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.conv_2d_nchw_fchw ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_ngchw_fgchw(%arg0: memref<?x?x?x?x?xf32>, %arg1: memref<?x?x?x?x?xf32>, %arg2: memref<2x2x2x2x2xf32>) {
// CHECK-NEXT: linalg.conv_2d_ngchw_fgchw ins(%arg0, %arg1 : memref<?x?x?x?x?xf32>, memref<?x?x?x?x?xf32>) outs(%arg2 : memref<2x2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_2d_ngchw_fgchw(%a0: memref<?x?x?x?x?xf32>, %a1: memref<?x?x?x?x?xf32>, %s: memref<2x2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2x2xf32> to memref<?x?x?x?x?xf32>
  linalg.conv_2d_ngchw_fgchw ins(%a0, %a1 : memref<?x?x?x?x?xf32>, memref<?x?x?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_3d_ndhwc_dhwcf(%arg0: memref<?x?x?x?x?xf32>, %arg1: memref<?x?x?x?x?xf32>, %arg2: memref<2x2x2x2x2xf32>) {
// CHECK-NEXT: linalg.conv_3d_ndhwc_dhwcf ins(%arg0, %arg1 : memref<?x?x?x?x?xf32>, memref<?x?x?x?x?xf32>) outs(%arg2 : memref<2x2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_3d_ndhwc_dhwcf(%a0: memref<?x?x?x?x?xf32>, %a1: memref<?x?x?x?x?xf32>, %s: memref<2x2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2x2xf32> to memref<?x?x?x?x?xf32>
  linalg.conv_3d_ndhwc_dhwcf ins(%a0, %a1 : memref<?x?x?x?x?xf32>, memref<?x?x?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_3d_ndhwc_dhwcf_q(%arg0: memref<?x?x?x?x?xi8>, %arg1: memref<?x?x?x?x?xi8>, %arg2: i32, %arg3: i32, %arg4: memref<2x2x2x2x2xi32>) {
// CHECK-NEXT: linalg.conv_3d_ndhwc_dhwcf_q ins(%arg0, %arg1, %arg2, %arg3 : memref<?x?x?x?x?xi8>, memref<?x?x?x?x?xi8>, i32, i32) outs(%arg4 : memref<2x2x2x2x2xi32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @conv_3d_ndhwc_dhwcf_q(%a0: memref<?x?x?x?x?xi8>, %a1: memref<?x?x?x?x?xi8>, %a2: i32, %a3: i32, %s: memref<2x2x2x2x2xi32>) {
  %c = memref.cast %s : memref<2x2x2x2x2xi32> to memref<?x?x?x?x?xi32>
  linalg.conv_3d_ndhwc_dhwcf_q ins(%a0, %a1, %a2, %a3 : memref<?x?x?x?x?xi8>, memref<?x?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_1d_nwc_wc(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.depthwise_conv_1d_nwc_wc ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @depthwise_conv_1d_nwc_wc(%a0: memref<?x?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.depthwise_conv_1d_nwc_wc ins(%a0, %a1 : memref<?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_1d_nwc_wcm(%arg0: memref<?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.depthwise_conv_1d_nwc_wcm ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @depthwise_conv_1d_nwc_wcm(%a0: memref<?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.depthwise_conv_1d_nwc_wcm ins(%a0, %a1 : memref<?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.depthwise_conv_2d_nhwc_hwc ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @depthwise_conv_2d_nhwc_hwc(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.depthwise_conv_2d_nhwc_hwc ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nchw_chw(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.depthwise_conv_2d_nchw_chw ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @depthwise_conv_2d_nchw_chw(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.depthwise_conv_2d_nchw_chw ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc_q(%arg0: memref<?x?x?x?xi8>, %arg1: memref<?x?x?xi8>, %arg2: i32, %arg3: i32, %arg4: memref<2x2x2x2xi32>) {
// CHECK-NEXT: linalg.depthwise_conv_2d_nhwc_hwc_q ins(%arg0, %arg1, %arg2, %arg3 : memref<?x?x?x?xi8>, memref<?x?x?xi8>, i32, i32) outs(%arg4 : memref<2x2x2x2xi32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @depthwise_conv_2d_nhwc_hwc_q(%a0: memref<?x?x?x?xi8>, %a1: memref<?x?x?xi8>, %a2: i32, %a3: i32, %s: memref<2x2x2x2xi32>) {
  %c = memref.cast %s : memref<2x2x2x2xi32> to memref<?x?x?x?xi32>
  linalg.depthwise_conv_2d_nhwc_hwc_q ins(%a0, %a1, %a2, %a3 : memref<?x?x?x?xi8>, memref<?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?x?x?xf32>, %arg2: memref<2x2x2x2x2xf32>) {
// CHECK-NEXT: linalg.depthwise_conv_2d_nhwc_hwcm ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%arg2 : memref<2x2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @depthwise_conv_2d_nhwc_hwcm(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?x?x?xf32>, %s: memref<2x2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2x2xf32> to memref<?x?x?x?x?xf32>
  linalg.depthwise_conv_2d_nhwc_hwcm ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm_q(%arg0: memref<?x?x?x?xi8>, %arg1: memref<?x?x?x?xi8>, %arg2: i32, %arg3: i32, %arg4: memref<2x2x2x2x2xi32>) {
// CHECK-NEXT: linalg.depthwise_conv_2d_nhwc_hwcm_q ins(%arg0, %arg1, %arg2, %arg3 : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%arg4 : memref<2x2x2x2x2xi32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @depthwise_conv_2d_nhwc_hwcm_q(%a0: memref<?x?x?x?xi8>, %a1: memref<?x?x?x?xi8>, %a2: i32, %a3: i32, %s: memref<2x2x2x2x2xi32>) {
  %c = memref.cast %s : memref<2x2x2x2x2xi32> to memref<?x?x?x?x?xi32>
  linalg.depthwise_conv_2d_nhwc_hwcm_q ins(%a0, %a1, %a2, %a3 : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_3d_ndhwc_dhwc(%arg0: memref<?x?x?x?x?xf32>, %arg1: memref<?x?x?x?xf32>, %arg2: memref<2x2x2x2x2xf32>) {
// CHECK-NEXT: linalg.depthwise_conv_3d_ndhwc_dhwc ins(%arg0, %arg1 : memref<?x?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%arg2 : memref<2x2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @depthwise_conv_3d_ndhwc_dhwc(%a0: memref<?x?x?x?x?xf32>, %a1: memref<?x?x?x?xf32>, %s: memref<2x2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2x2xf32> to memref<?x?x?x?x?xf32>
  linalg.depthwise_conv_3d_ndhwc_dhwc ins(%a0, %a1 : memref<?x?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_3d_ndhwc_dhwcm(%arg0: memref<?x?x?x?x?xf32>, %arg1: memref<?x?x?x?x?xf32>, %arg2: memref<2x2x2x2x2x2xf32>) {
// CHECK-NEXT: linalg.depthwise_conv_3d_ndhwc_dhwcm ins(%arg0, %arg1 : memref<?x?x?x?x?xf32>, memref<?x?x?x?x?xf32>) outs(%arg2 : memref<2x2x2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @depthwise_conv_3d_ndhwc_dhwcm(%a0: memref<?x?x?x?x?xf32>, %a1: memref<?x?x?x?x?xf32>, %s: memref<2x2x2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2x2x2xf32> to memref<?x?x?x?x?x?xf32>
  linalg.depthwise_conv_3d_ndhwc_dhwcm ins(%a0, %a1 : memref<?x?x?x?x?xf32>, memref<?x?x?x?x?xf32>) outs(%c : memref<?x?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nhwc_sum(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nhwc_sum ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nhwc_sum(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.pooling_nhwc_sum ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nchw_sum(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nchw_sum ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nchw_sum(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.pooling_nchw_sum ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nhwc_max(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nhwc_max ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nhwc_max(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.pooling_nhwc_max ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nhwc_max_unsigned(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nhwc_max_unsigned ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nhwc_max_unsigned(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.pooling_nhwc_max_unsigned ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nchw_max(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nchw_max ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nchw_max(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.pooling_nchw_max ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nhwc_min(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nhwc_min ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nhwc_min(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.pooling_nhwc_min ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nhwc_min_unsigned(%arg0: memref<?x?x?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nhwc_min_unsigned ins(%arg0, %arg1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%arg2 : memref<2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nhwc_min_unsigned(%a0: memref<?x?x?x?xf32>, %a1: memref<?x?xf32>, %s: memref<2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2xf32> to memref<?x?x?x?xf32>
  linalg.pooling_nhwc_min_unsigned ins(%a0, %a1 : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_sum(%arg0: memref<?x?x?xf32>, %arg1: memref<?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nwc_sum ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nwc_sum(%a0: memref<?x?x?xf32>, %a1: memref<?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.pooling_nwc_sum ins(%a0, %a1 : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ncw_sum(%arg0: memref<?x?x?xf32>, %arg1: memref<?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_ncw_sum ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_ncw_sum(%a0: memref<?x?x?xf32>, %a1: memref<?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.pooling_ncw_sum ins(%a0, %a1 : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_max(%arg0: memref<?x?x?xf32>, %arg1: memref<?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nwc_max ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nwc_max(%a0: memref<?x?x?xf32>, %a1: memref<?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.pooling_nwc_max ins(%a0, %a1 : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_max_unsigned(%arg0: memref<?x?x?xf32>, %arg1: memref<?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nwc_max_unsigned ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nwc_max_unsigned(%a0: memref<?x?x?xf32>, %a1: memref<?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.pooling_nwc_max_unsigned ins(%a0, %a1 : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ncw_max(%arg0: memref<?x?x?xf32>, %arg1: memref<?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_ncw_max ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_ncw_max(%a0: memref<?x?x?xf32>, %a1: memref<?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.pooling_ncw_max ins(%a0, %a1 : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_min(%arg0: memref<?x?x?xf32>, %arg1: memref<?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nwc_min ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nwc_min(%a0: memref<?x?x?xf32>, %a1: memref<?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.pooling_nwc_min ins(%a0, %a1 : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_min_unsigned(%arg0: memref<?x?x?xf32>, %arg1: memref<?xf32>, %arg2: memref<2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_nwc_min_unsigned ins(%arg0, %arg1 : memref<?x?x?xf32>, memref<?xf32>) outs(%arg2 : memref<2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_nwc_min_unsigned(%a0: memref<?x?x?xf32>, %a1: memref<?xf32>, %s: memref<2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2xf32> to memref<?x?x?xf32>
  linalg.pooling_nwc_min_unsigned ins(%a0, %a1 : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ndhwc_sum(%arg0: memref<?x?x?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_ndhwc_sum ins(%arg0, %arg1 : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_ndhwc_sum(%a0: memref<?x?x?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2x2xf32> to memref<?x?x?x?x?xf32>
  linalg.pooling_ndhwc_sum ins(%a0, %a1 : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ndhwc_max(%arg0: memref<?x?x?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_ndhwc_max ins(%arg0, %arg1 : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_ndhwc_max(%a0: memref<?x?x?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2x2xf32> to memref<?x?x?x?x?xf32>
  linalg.pooling_ndhwc_max ins(%a0, %a1 : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ndhwc_min(%arg0: memref<?x?x?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: memref<2x2x2x2x2xf32>) {
// CHECK-NEXT: linalg.pooling_ndhwc_min ins(%arg0, %arg1 : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%arg2 : memref<2x2x2x2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @pooling_ndhwc_min(%a0: memref<?x?x?x?x?xf32>, %a1: memref<?x?x?xf32>, %s: memref<2x2x2x2x2xf32>) {
  %c = memref.cast %s : memref<2x2x2x2x2xf32> to memref<?x?x?x?x?xf32>
  linalg.pooling_ndhwc_min ins(%a0, %a1 : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @fill(%arg0: f32, %arg1: memref<2x2xf32>) {
// CHECK-NEXT: linalg.fill ins(%arg0 : f32) outs(%arg1 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @fill(%a0: f32, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.fill ins(%a0 : f32) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @fill_rng_2d(%arg0: f64, %arg1: f64, %arg2: i32, %arg3: memref<2x2xf32>) {
// CHECK-NEXT: %c12345_i32 = arith.constant 12345 : i32
// CHECK-NEXT: %c1103515245_i32 = arith.constant 1103515245 : i32
// CHECK-NEXT: %cst = arith.constant 0x41DFFFFFFFC00000 : f64
// CHECK-NEXT: %cst_0 = arith.constant 2.3283063999999999E-10 : f64
// CHECK-NEXT: linalg.fill_rng_2d ins(%arg0, %arg1, %arg2 : f64, f64, i32) outs(%arg3 : memref<2x2xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @fill_rng_2d(%a0: f64, %a1: f64, %a2: i32, %s: memref<2x2xf32>) {
  %c = memref.cast %s : memref<2x2xf32> to memref<?x?xf32>
  linalg.fill_rng_2d ins(%a0, %a1, %a2 : f64, f64, i32) outs(%c : memref<?x?xf32>)
  return
}

