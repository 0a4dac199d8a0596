// RUN: tensile-opt %s --expand-strided-metadata | FileCheck %s
// extract_aligned_pointer_as_index of a subview. mlir-opt-16 gives the same pointer through another route: its greedy driver (bottom-up by default in applyPatternsAndFoldGreedily) rewrites the pointer extraction first, to read %arg0, and the subview dies; Tensile's driver (top-down only) expands the subview first, and the extraction then reads the base buffer of %arg0's metadata, the same buffer. So these CHECK lines are Tensile's; mlir-opt-16 --verify-each accepts them (test/unit/conversion-goldens-mlir16.test.ts).

// CHECK-LABEL: func.func @aligned_pointer(
// CHECK-NEXT: %base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %arg0 : memref<8x16xf32> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT: %intptr = memref.extract_aligned_pointer_as_index %base_buffer : memref<f32> -> index
// CHECK-NEXT: return %intptr : index
func.func @aligned_pointer(%m: memref<8x16xf32>) -> index {
  %s = memref.subview %m[0, 4] [2, 3] [1, 1] : memref<8x16xf32> to memref<2x3xf32, strided<[16, 1], offset: 4>>
  %p = memref.extract_aligned_pointer_as_index %s : memref<2x3xf32, strided<[16, 1], offset: 4>> -> index
  return %p : index
}

