// RUN: tensile-opt %s --convert-vector-to-llvm | FileCheck %s
// vector memory ops lowered to the llvm dialect: loads and stores through a pointer to the whole vector
// with the element's preferred alignment, masked ones to llvm.intr.masked.*, gather and scatter through a vector
// of lane pointers. The CHECK lines are mlir-opt-16 --convert-vector-to-llvm's output for this file.
// CHECK: func.func @f(%arg0: memref<?x8xf32>, %arg1: index, %arg2: index, %arg3: vector<4xi1>, %arg4: vector<4xf32>, %arg5: vector<4xi32>) -> vector<4xf32> {
// CHECK-NEXT: %0 = builtin.unrealized_conversion_cast %arg0 : memref<?x8xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %1 = builtin.unrealized_conversion_cast %arg1 : index to i64
// CHECK-NEXT: %2 = builtin.unrealized_conversion_cast %arg2 : index to i64
// CHECK-NEXT: %3 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %4 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %5 = llvm.mul %1, %4  : i64
// CHECK-NEXT: %6 = llvm.add %5, %2  : i64
// CHECK-NEXT: %7 = llvm.getelementptr %3[%6] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %8 = llvm.bitcast %7 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %9 = llvm.load %8 {alignment = 4 : i64} : !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %10 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %11 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %12 = llvm.mul %1, %11  : i64
// CHECK-NEXT: %13 = llvm.add %12, %2  : i64
// CHECK-NEXT: %14 = llvm.getelementptr %10[%13] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %15 = llvm.bitcast %14 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: llvm.store %9, %15 {alignment = 4 : i64} : !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %16 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %17 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %18 = llvm.mul %1, %17  : i64
// CHECK-NEXT: %19 = llvm.add %18, %2  : i64
// CHECK-NEXT: %20 = llvm.getelementptr %16[%19] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %21 = llvm.bitcast %20 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %22 = llvm.intr.masked.load %21, %arg3, %arg4 {alignment = 4 : i32} : (!llvm.ptr<vector<4xf32>>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %23 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %24 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %25 = llvm.mul %1, %24  : i64
// CHECK-NEXT: %26 = llvm.add %25, %2  : i64
// CHECK-NEXT: %27 = llvm.getelementptr %23[%26] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %28 = llvm.bitcast %27 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: llvm.intr.masked.store %22, %28, %arg3 {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.ptr<vector<4xf32>>
// CHECK-NEXT: %29 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %30 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %31 = llvm.mul %1, %30  : i64
// CHECK-NEXT: %32 = llvm.add %31, %2  : i64
// CHECK-NEXT: %33 = llvm.getelementptr %29[%32] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %34 = llvm.getelementptr %33[%arg5] : (!llvm.ptr<f32>, vector<4xi32>) -> !llvm.vec<4 x ptr<f32>>
// CHECK-NEXT: %35 = llvm.intr.masked.gather %34, %arg3, %arg4 {alignment = 4 : i32} : (!llvm.vec<4 x ptr<f32>>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %36 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %37 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %38 = llvm.mul %1, %37  : i64
// CHECK-NEXT: %39 = llvm.add %38, %2  : i64
// CHECK-NEXT: %40 = llvm.getelementptr %36[%39] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %41 = llvm.getelementptr %40[%arg5] : (!llvm.ptr<f32>, vector<4xi32>) -> !llvm.vec<4 x ptr<f32>>
// CHECK-NEXT: llvm.intr.masked.scatter %35, %41, %arg3 {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.vec<4 x ptr<f32>>
// CHECK-NEXT: %42 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %43 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %44 = llvm.mul %1, %43  : i64
// CHECK-NEXT: %45 = llvm.add %44, %2  : i64
// CHECK-NEXT: %46 = llvm.getelementptr %42[%45] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %47 = "llvm.intr.masked.expandload"(%46, %arg3, %arg4) : (!llvm.ptr<f32>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %48 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %49 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT: %50 = llvm.mul %1, %49  : i64
// CHECK-NEXT: %51 = llvm.add %50, %2  : i64
// CHECK-NEXT: %52 = llvm.getelementptr %48[%51] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: "llvm.intr.masked.compressstore"(%47, %52, %arg3) : (vector<4xf32>, !llvm.ptr<f32>, vector<4xi1>) -> ()
// CHECK-NEXT: return %47 : vector<4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @f(%m: memref<?x8xf32>, %i: index, %j: index, %mask: vector<4xi1>, %p: vector<4xf32>, %iv: vector<4xi32>) -> vector<4xf32> {
  %v = vector.load %m[%i, %j] : memref<?x8xf32>, vector<4xf32>
  vector.store %v, %m[%i, %j] : memref<?x8xf32>, vector<4xf32>
  %ml = vector.maskedload %m[%i, %j], %mask, %p : memref<?x8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.maskedstore %m[%i, %j], %mask, %ml : memref<?x8xf32>, vector<4xi1>, vector<4xf32>
  %g = vector.gather %m[%i, %j] [%iv], %mask, %p : memref<?x8xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.scatter %m[%i, %j] [%iv], %mask, %g : memref<?x8xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32>
  %e = vector.expandload %m[%i, %j], %mask, %p : memref<?x8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.compressstore %m[%i, %j], %mask, %e : memref<?x8xf32>, vector<4xi1>, vector<4xf32>
  return %e : vector<4xf32>
}
