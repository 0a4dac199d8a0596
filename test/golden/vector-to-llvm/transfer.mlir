// RUN: tensile-opt %s --convert-vector-to-llvm | FileCheck %s
// 1-D vector transfers lowered to the llvm dialect: in-bounds ones by way of vector.load / store (masked:
// maskedload with a splat of the padding / maskedstore), out-of-bounds ones under the mask of their in-bounds
// lanes (create_mask of dim - index, and-ed with their own mask), single elements by memref.load / store. The
// CHECK lines are mlir-opt-16 --convert-vector-to-llvm's output for this file.
// CHECK: func.func @reads(%arg0: memref<?x8xf32>, %arg1: memref<8xf32>, %arg2: index, %arg3: index, %arg4: vector<4xi1>, %arg5: f32) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<1xf32>) {
// CHECK-NEXT: %0 = builtin.unrealized_conversion_cast %arg0 : memref<?x8xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %1 = builtin.unrealized_conversion_cast %arg2 : index to i64
// CHECK-NEXT: %2 = builtin.unrealized_conversion_cast %arg3 : index to i64
// CHECK-NEXT: %3 = builtin.unrealized_conversion_cast %arg1 : memref<8xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %4 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %5 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %6 = llvm.mul %1, %5  : i64
// CHECK-NEXT: %7 = llvm.add %6, %2  : i64
// CHECK-NEXT: %8 = llvm.getelementptr %4[%7] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %9 = llvm.bitcast %8 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %10 = llvm.load %9 {alignment = 4 : i64} : !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %11 = llvm.mlir.undef : vector<4xf32>
// CHECK-NEXT: %12 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: %13 = llvm.insertelement %arg5, %11[%12 : i32] : vector<4xf32>
// CHECK-NEXT: %14 = llvm.shufflevector %13, %11 [0, 0, 0, 0] : vector<4xf32>
// CHECK-NEXT: %15 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %16 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %17 = llvm.mul %1, %16  : i64
// CHECK-NEXT: %18 = llvm.add %17, %2  : i64
// CHECK-NEXT: %19 = llvm.getelementptr %15[%18] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %20 = llvm.bitcast %19 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %21 = llvm.intr.masked.load %20, %arg4, %14 {alignment = 4 : i32} : (!llvm.ptr<vector<4xf32>>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %22 = arith.subi %c8, %arg3 : index
// CHECK-NEXT: %cst = arith.constant dense<[0, 1, 2, 3]> : vector<4xi32>
// CHECK-NEXT: %23 = arith.index_cast %22 : index to i32
// CHECK-NEXT: %24 = llvm.mlir.undef : vector<4xi32>
// CHECK-NEXT: %25 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: %26 = llvm.insertelement %23, %24[%25 : i32] : vector<4xi32>
// CHECK-NEXT: %27 = llvm.shufflevector %26, %24 [0, 0, 0, 0] : vector<4xi32>
// CHECK-NEXT: %28 = arith.cmpi slt, %cst, %27 : vector<4xi32>
// CHECK-NEXT: %29 = llvm.mlir.undef : vector<4xf32>
// CHECK-NEXT: %30 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: %31 = llvm.insertelement %arg5, %29[%30 : i32] : vector<4xf32>
// CHECK-NEXT: %32 = llvm.shufflevector %31, %29 [0, 0, 0, 0] : vector<4xf32>
// CHECK-NEXT: %33 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %34 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %35 = llvm.mul %1, %34  : i64
// CHECK-NEXT: %36 = llvm.add %35, %2  : i64
// CHECK-NEXT: %37 = llvm.getelementptr %33[%36] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %38 = llvm.bitcast %37 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %39 = llvm.intr.masked.load %38, %28, %32 {alignment = 4 : i32} : (!llvm.ptr<vector<4xf32>>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c8_0 = arith.constant 8 : index
// CHECK-NEXT: %40 = arith.subi %c8_0, %arg3 : index
// CHECK-NEXT: %cst_1 = arith.constant dense<[0, 1, 2, 3]> : vector<4xi32>
// CHECK-NEXT: %41 = arith.index_cast %40 : index to i32
// CHECK-NEXT: %42 = llvm.mlir.undef : vector<4xi32>
// CHECK-NEXT: %43 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: %44 = llvm.insertelement %41, %42[%43 : i32] : vector<4xi32>
// CHECK-NEXT: %45 = llvm.shufflevector %44, %42 [0, 0, 0, 0] : vector<4xi32>
// CHECK-NEXT: %46 = arith.cmpi slt, %cst_1, %45 : vector<4xi32>
// CHECK-NEXT: %47 = arith.andi %46, %arg4 : vector<4xi1>
// CHECK-NEXT: %48 = llvm.mlir.undef : vector<4xf32>
// CHECK-NEXT: %49 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: %50 = llvm.insertelement %arg5, %48[%49 : i32] : vector<4xf32>
// CHECK-NEXT: %51 = llvm.shufflevector %50, %48 [0, 0, 0, 0] : vector<4xf32>
// CHECK-NEXT: %52 = llvm.extractvalue %3[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %53 = llvm.getelementptr %52[%2] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %54 = llvm.bitcast %53 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %55 = llvm.intr.masked.load %54, %47, %51 {alignment = 4 : i32} : (!llvm.ptr<vector<4xf32>>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %56 = memref.load %arg1[%arg3] : memref<8xf32>
// CHECK-NEXT: %57 = llvm.mlir.undef : vector<1xf32>
// CHECK-NEXT: %58 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: %59 = llvm.insertelement %56, %57[%58 : i32] : vector<1xf32>
// CHECK-NEXT: %60 = llvm.shufflevector %59, %57 [0] : vector<1xf32>
// CHECK-NEXT: return %10, %21, %39, %55, %60 : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<1xf32>
// CHECK-NEXT: }
// CHECK: func.func @writes(%arg0: memref<?x8xf32>, %arg1: memref<8xf32>, %arg2: index, %arg3: index, %arg4: vector<4xi1>, %arg5: vector<4xf32>, %arg6: vector<1xf32>) {
// CHECK-NEXT: %0 = builtin.unrealized_conversion_cast %arg0 : memref<?x8xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %1 = builtin.unrealized_conversion_cast %arg2 : index to i64
// CHECK-NEXT: %2 = builtin.unrealized_conversion_cast %arg3 : index to i64
// CHECK-NEXT: %3 = builtin.unrealized_conversion_cast %arg1 : memref<8xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %4 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %5 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %6 = llvm.mul %1, %5  : i64
// CHECK-NEXT: %7 = llvm.add %6, %2  : i64
// CHECK-NEXT: %8 = llvm.getelementptr %4[%7] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %9 = llvm.bitcast %8 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: llvm.store %arg5, %9 {alignment = 4 : i64} : !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %10 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %11 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %12 = llvm.mul %1, %11  : i64
// CHECK-NEXT: %13 = llvm.add %12, %2  : i64
// CHECK-NEXT: %14 = llvm.getelementptr %10[%13] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %15 = llvm.bitcast %14 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: llvm.intr.masked.store %arg5, %15, %arg4 {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %16 = arith.subi %c8, %arg3 : index
// CHECK-NEXT: %cst = arith.constant dense<[0, 1, 2, 3]> : vector<4xi32>
// CHECK-NEXT: %17 = arith.index_cast %16 : index to i32
// CHECK-NEXT: %18 = llvm.mlir.undef : vector<4xi32>
// CHECK-NEXT: %19 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: %20 = llvm.insertelement %17, %18[%19 : i32] : vector<4xi32>
// CHECK-NEXT: %21 = llvm.shufflevector %20, %18 [0, 0, 0, 0] : vector<4xi32>
// CHECK-NEXT: %22 = arith.cmpi slt, %cst, %21 : vector<4xi32>
// CHECK-NEXT: %23 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %24 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %25 = llvm.mul %1, %24  : i64
// CHECK-NEXT: %26 = llvm.add %25, %2  : i64
// CHECK-NEXT: %27 = llvm.getelementptr %23[%26] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %28 = llvm.bitcast %27 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: llvm.intr.masked.store %arg5, %28, %22 {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c8_0 = arith.constant 8 : index
// CHECK-NEXT: %29 = arith.subi %c8_0, %arg3 : index
// CHECK-NEXT: %cst_1 = arith.constant dense<[0, 1, 2, 3]> : vector<4xi32>
// CHECK-NEXT: %30 = arith.index_cast %29 : index to i32
// CHECK-NEXT: %31 = llvm.mlir.undef : vector<4xi32>
// CHECK-NEXT: %32 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: %33 = llvm.insertelement %30, %31[%32 : i32] : vector<4xi32>
// CHECK-NEXT: %34 = llvm.shufflevector %33, %31 [0, 0, 0, 0] : vector<4xi32>
// CHECK-NEXT: %35 = arith.cmpi slt, %cst_1, %34 : vector<4xi32>
// CHECK-NEXT: %36 = arith.andi %35, %arg4 : vector<4xi1>
// CHECK-NEXT: %37 = llvm.extractvalue %3[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %38 = llvm.getelementptr %37[%2] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %39 = llvm.bitcast %38 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: llvm.intr.masked.store %arg5, %39, %36 {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %40 = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT: %41 = llvm.extractelement %arg6[%40 : i64] : vector<1xf32>
// CHECK-NEXT: memref.store %41, %arg1[%arg3] : memref<8xf32>
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @reads(%m: memref<?x8xf32>, %s: memref<8xf32>, %i: index, %j: index, %mask: vector<4xi1>, %pad: f32) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<1xf32>) {
  %a = vector.transfer_read %m[%i, %j], %pad {in_bounds = [true]} : memref<?x8xf32>, vector<4xf32>
  %b = vector.transfer_read %m[%i, %j], %pad, %mask {in_bounds = [true]} : memref<?x8xf32>, vector<4xf32>
  %c = vector.transfer_read %m[%i, %j], %pad : memref<?x8xf32>, vector<4xf32>
  %d = vector.transfer_read %s[%j], %pad, %mask : memref<8xf32>, vector<4xf32>
  %e = vector.transfer_read %s[%j], %pad {in_bounds = [true]} : memref<8xf32>, vector<1xf32>
  return %a, %b, %c, %d, %e : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<1xf32>
}
func.func @writes(%m: memref<?x8xf32>, %s: memref<8xf32>, %i: index, %j: index, %mask: vector<4xi1>, %v: vector<4xf32>, %w: vector<1xf32>) {
  vector.transfer_write %v, %m[%i, %j] {in_bounds = [true]} : vector<4xf32>, memref<?x8xf32>
  vector.transfer_write %v, %m[%i, %j], %mask {in_bounds = [true]} : vector<4xf32>, memref<?x8xf32>
  vector.transfer_write %v, %m[%i, %j] : vector<4xf32>, memref<?x8xf32>
  vector.transfer_write %v, %s[%j], %mask : vector<4xf32>, memref<8xf32>
  vector.transfer_write %w, %s[%j] {in_bounds = [true]} : vector<1xf32>, memref<8xf32>
  return
}
