// RUN: tensile-opt %s --convert-vector-to-llvm | FileCheck %s
// vector.type_cast of static, contiguous memrefs lowered to a new descriptor: the same pointers cast to the
// vector element, offset 0, the result's static sizes and strides. The CHECK lines are mlir-opt-16
// --convert-vector-to-llvm's output for this file.
// CHECK: func.func @t(%arg0: memref<8x4xf32>) -> (memref<vector<8x4xf32>>, memref<2xvector<4xf32>>) {
// CHECK-NEXT: %0 = builtin.unrealized_conversion_cast %arg0 : memref<8x4xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %1 = llvm.mlir.undef : !llvm.struct<(ptr<array<8 x vector<4xf32>>>, ptr<array<8 x vector<4xf32>>>, i64)>
// CHECK-NEXT: %2 = llvm.extractvalue %0[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %3 = llvm.bitcast %2 : !llvm.ptr<f32> to !llvm.ptr<array<8 x vector<4xf32>>>
// CHECK-NEXT: %4 = llvm.insertvalue %3, %1[0] : !llvm.struct<(ptr<array<8 x vector<4xf32>>>, ptr<array<8 x vector<4xf32>>>, i64)>
// CHECK-NEXT: %5 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %6 = llvm.bitcast %5 : !llvm.ptr<f32> to !llvm.ptr<array<8 x vector<4xf32>>>
// CHECK-NEXT: %7 = llvm.insertvalue %6, %4[1] : !llvm.struct<(ptr<array<8 x vector<4xf32>>>, ptr<array<8 x vector<4xf32>>>, i64)>
// CHECK-NEXT: %8 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT: %9 = llvm.insertvalue %8, %7[2] : !llvm.struct<(ptr<array<8 x vector<4xf32>>>, ptr<array<8 x vector<4xf32>>>, i64)>
// CHECK-NEXT: %10 = builtin.unrealized_conversion_cast %9 : !llvm.struct<(ptr<array<8 x vector<4xf32>>>, ptr<array<8 x vector<4xf32>>>, i64)> to memref<vector<8x4xf32>>
// CHECK-NEXT: %alloc = memref.alloc() : memref<2x4xf32>
// CHECK-NEXT: %11 = builtin.unrealized_conversion_cast %alloc : memref<2x4xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %12 = llvm.mlir.undef : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %13 = llvm.extractvalue %11[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %14 = llvm.bitcast %13 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %15 = llvm.insertvalue %14, %12[0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %16 = llvm.extractvalue %11[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %17 = llvm.bitcast %16 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %18 = llvm.insertvalue %17, %15[1] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %19 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT: %20 = llvm.insertvalue %19, %18[2] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %21 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT: %22 = llvm.insertvalue %21, %20[3, 0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %23 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT: %24 = llvm.insertvalue %23, %22[4, 0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %25 = builtin.unrealized_conversion_cast %24 : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)> to memref<2xvector<4xf32>>
// CHECK-NEXT: return %10, %25 : memref<vector<8x4xf32>>, memref<2xvector<4xf32>>
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @t(%m: memref<8x4xf32>) -> (memref<vector<8x4xf32>>, memref<2xvector<4xf32>>) {
  %v = vector.type_cast %m : memref<8x4xf32> to memref<vector<8x4xf32>>
  %n = memref.alloc() : memref<2x4xf32>
  %w = vector.type_cast %n : memref<2x4xf32> to memref<2xvector<4xf32>>
  return %v, %w : memref<vector<8x4xf32>>, memref<2xvector<4xf32>>
}
