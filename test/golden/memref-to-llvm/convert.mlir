// RUN: tensile-opt %s --convert-memref-to-llvm | FileCheck %s
// memref ops lowered to the llvm dialect (malloc/free, alloca, load/store with strided addresses, dim, globals,
// get_global, memcpy copies, strided metadata, reinterpret_cast, cast, transpose, reshape, assume_alignment, prefetch,
// atomic_rmw, rank); the CHECK lines are mlir-opt-16 --convert-memref-to-llvm's output for this file.
// CHECK: llvm.func @free(!llvm.ptr<i8>)
// CHECK-NEXT: llvm.func @malloc(i64) -> !llvm.ptr<i8>
// CHECK-NEXT: llvm.mlir.global private constant @cst(dense<1.500000e+00> : tensor<2x3xf32>) {addr_space = 0 : i32, alignment = 64 : i64} : !llvm.array<2 x array<3 x f32>>
// CHECK-NEXT: llvm.mlir.global external @var() {addr_space = 0 : i32} : !llvm.array<4 x i32> {
// CHECK-NEXT:   %0 = llvm.mlir.undef : !llvm.array<4 x i32>
// CHECK-NEXT:   llvm.return %0 : !llvm.array<4 x i32>
// CHECK-NEXT: }
// CHECK-NEXT: llvm.mlir.global private constant @scalar(2.500000e+00 : f32) {addr_space = 0 : i32} : f32
// CHECK-NEXT: llvm.mlir.global external @ext() {addr_space = 0 : i32} : !llvm.array<2 x f32>
// CHECK-NEXT: func.func @alloc_load_store(%arg0: index) -> f32 {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : index to i64
// CHECK-NEXT:   %c0 = arith.constant 0 : index
// CHECK-NEXT:   %1 = builtin.unrealized_conversion_cast %c0 : index to i64
// CHECK-NEXT:   %c2 = arith.constant 2 : index
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %c2 : index to i64
// CHECK-NEXT:   %3 = llvm.mlir.constant(4 : index) : i64
// CHECK-NEXT:   %4 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %5 = llvm.mul %0, %3  : i64
// CHECK-NEXT:   %6 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %7 = llvm.getelementptr %6[%5] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %8 = llvm.ptrtoint %7 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %9 = llvm.call @malloc(%8) : (i64) -> !llvm.ptr<i8>
// CHECK-NEXT:   %10 = llvm.bitcast %9 : !llvm.ptr<i8> to !llvm.ptr<f32>
// CHECK-NEXT:   %11 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %12 = llvm.insertvalue %10, %11[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %13 = llvm.insertvalue %10, %12[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %14 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %15 = llvm.insertvalue %14, %13[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %16 = llvm.insertvalue %3, %15[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %17 = llvm.insertvalue %0, %16[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %18 = llvm.insertvalue %0, %17[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %19 = llvm.insertvalue %4, %18[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %20 = llvm.extractvalue %19[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %21 = llvm.extractvalue %19[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %22 = llvm.mul %1, %21  : i64
// CHECK-NEXT:   %23 = llvm.add %22, %2  : i64
// CHECK-NEXT:   %24 = llvm.getelementptr %20[%23] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %25 = llvm.load %24 : !llvm.ptr<f32>
// CHECK-NEXT:   %26 = llvm.extractvalue %19[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %27 = llvm.extractvalue %19[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %28 = llvm.mul %2, %27  : i64
// CHECK-NEXT:   %29 = llvm.add %28, %1  : i64
// CHECK-NEXT:   %30 = llvm.getelementptr %26[%29] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   llvm.store %25, %30 : !llvm.ptr<f32>
// CHECK-NEXT:   %31 = llvm.extractvalue %19[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %32 = llvm.bitcast %31 : !llvm.ptr<f32> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%32) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   return %25 : f32
// CHECK-NEXT: }
// CHECK-NEXT: func.func @aligned(%arg0: f32) {
// CHECK-NEXT:   %c1 = arith.constant 1 : index
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %c1 : index to i64
// CHECK-NEXT:   %1 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT:   %2 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %3 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %4 = llvm.getelementptr %3[%1] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %5 = llvm.ptrtoint %4 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %6 = llvm.alloca %5 x f32 {alignment = 16 : i64} : (i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %7 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %8 = llvm.insertvalue %6, %7[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %9 = llvm.insertvalue %6, %8[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %10 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %11 = llvm.insertvalue %10, %9[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %12 = llvm.insertvalue %1, %11[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %13 = llvm.insertvalue %2, %12[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %14 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT:   %15 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %16 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %17 = llvm.getelementptr %16[%14] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %18 = llvm.ptrtoint %17 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %19 = llvm.mlir.constant(32 : index) : i64
// CHECK-NEXT:   %20 = llvm.add %18, %19  : i64
// CHECK-NEXT:   %21 = llvm.call @malloc(%20) : (i64) -> !llvm.ptr<i8>
// CHECK-NEXT:   %22 = llvm.bitcast %21 : !llvm.ptr<i8> to !llvm.ptr<f32>
// CHECK-NEXT:   %23 = llvm.ptrtoint %22 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %24 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %25 = llvm.sub %19, %24  : i64
// CHECK-NEXT:   %26 = llvm.add %23, %25  : i64
// CHECK-NEXT:   %27 = llvm.urem %26, %19  : i64
// CHECK-NEXT:   %28 = llvm.sub %26, %27  : i64
// CHECK-NEXT:   %29 = llvm.inttoptr %28 : i64 to !llvm.ptr<f32>
// CHECK-NEXT:   %30 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %31 = llvm.insertvalue %22, %30[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %32 = llvm.insertvalue %29, %31[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %33 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %34 = llvm.insertvalue %33, %32[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %35 = llvm.insertvalue %14, %34[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %36 = llvm.insertvalue %15, %35[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %37 = llvm.mlir.constant(3 : index) : i64
// CHECK-NEXT:   %38 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %39 = llvm.mlir.null : !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %40 = llvm.getelementptr %39[%37] : (!llvm.ptr<vector<4xf32>>, i64) -> !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %41 = llvm.ptrtoint %40 : !llvm.ptr<vector<4xf32>> to i64
// CHECK-NEXT:   %42 = llvm.mlir.null : !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %43 = llvm.getelementptr %42[1] : (!llvm.ptr<vector<4xf32>>) -> !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %44 = llvm.ptrtoint %43 : !llvm.ptr<vector<4xf32>> to i64
// CHECK-NEXT:   %45 = llvm.add %41, %44  : i64
// CHECK-NEXT:   %46 = llvm.call @malloc(%45) : (i64) -> !llvm.ptr<i8>
// CHECK-NEXT:   %47 = llvm.bitcast %46 : !llvm.ptr<i8> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %48 = llvm.ptrtoint %47 : !llvm.ptr<vector<4xf32>> to i64
// CHECK-NEXT:   %49 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %50 = llvm.sub %44, %49  : i64
// CHECK-NEXT:   %51 = llvm.add %48, %50  : i64
// CHECK-NEXT:   %52 = llvm.urem %51, %44  : i64
// CHECK-NEXT:   %53 = llvm.sub %51, %52  : i64
// CHECK-NEXT:   %54 = llvm.inttoptr %53 : i64 to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %55 = llvm.mlir.undef : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %56 = llvm.insertvalue %47, %55[0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %57 = llvm.insertvalue %54, %56[1] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %58 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %59 = llvm.insertvalue %58, %57[2] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %60 = llvm.insertvalue %37, %59[3, 0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %61 = llvm.insertvalue %38, %60[4, 0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %62 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %63 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %64 = llvm.getelementptr %63[%62] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %65 = llvm.ptrtoint %64 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %66 = llvm.alloca %65 x f32 : (i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %67 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %68 = llvm.insertvalue %66, %67[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %69 = llvm.insertvalue %66, %68[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %70 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %71 = llvm.insertvalue %70, %69[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %72 = llvm.extractvalue %71[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   llvm.store %arg0, %72 : !llvm.ptr<f32>
// CHECK-NEXT:   %73 = llvm.extractvalue %36[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %74 = llvm.getelementptr %73[%0] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   llvm.store %arg0, %74 : !llvm.ptr<f32>
// CHECK-NEXT:   %75 = llvm.extractvalue %36[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %76 = llvm.bitcast %75 : !llvm.ptr<f32> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%76) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   %77 = llvm.extractvalue %61[0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %78 = llvm.bitcast %77 : !llvm.ptr<vector<4xf32>> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%78) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @dims(%arg0: memref<4x?xf32>) -> (index, index) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<4x?xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %c0 = arith.constant 0 : index
// CHECK-NEXT:   %c1 = arith.constant 1 : index
// CHECK-NEXT:   %1 = llvm.mlir.constant(4 : index) : i64
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %1 : i64 to index
// CHECK-NEXT:   %3 = llvm.extractvalue %0[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %4 = builtin.unrealized_conversion_cast %3 : i64 to index
// CHECK-NEXT:   return %2, %4 : index, index
// CHECK-NEXT: }
// CHECK-NEXT: func.func @dim_dynamic(%arg0: index) -> index {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : index to i64
// CHECK-NEXT:   %1 = llvm.mlir.constant(4 : index) : i64
// CHECK-NEXT:   %2 = llvm.mlir.constant(5 : index) : i64
// CHECK-NEXT:   %3 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %4 = llvm.mlir.constant(20 : index) : i64
// CHECK-NEXT:   %5 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %6 = llvm.getelementptr %5[%4] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %7 = llvm.ptrtoint %6 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %8 = llvm.alloca %7 x f32 : (i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %9 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %10 = llvm.insertvalue %8, %9[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %11 = llvm.insertvalue %8, %10[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %12 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %13 = llvm.insertvalue %12, %11[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %14 = llvm.insertvalue %1, %13[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %15 = llvm.insertvalue %2, %14[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %16 = llvm.insertvalue %2, %15[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %17 = llvm.insertvalue %3, %16[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %18 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %19 = llvm.extractvalue %17[3] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %20 = llvm.alloca %18 x !llvm.array<2 x i64> : (i64) -> !llvm.ptr<array<2 x i64>>
// CHECK-NEXT:   llvm.store %19, %20 : !llvm.ptr<array<2 x i64>>
// CHECK-NEXT:   %21 = llvm.getelementptr %20[0, %0] : (!llvm.ptr<array<2 x i64>>, i64) -> !llvm.ptr<i64>
// CHECK-NEXT:   %22 = llvm.load %21 : !llvm.ptr<i64>
// CHECK-NEXT:   %23 = builtin.unrealized_conversion_cast %22 : i64 to index
// CHECK-NEXT:   return %23 : index
// CHECK-NEXT: }
// CHECK-NEXT: func.func @globals() -> f32 {
// CHECK-NEXT:   %c1 = arith.constant 1 : index
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %c1 : index to i64
// CHECK-NEXT:   %1 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT:   %2 = llvm.mlir.constant(3 : index) : i64
// CHECK-NEXT:   %3 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %4 = llvm.mlir.constant(6 : index) : i64
// CHECK-NEXT:   %5 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %6 = llvm.getelementptr %5[%4] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %7 = llvm.ptrtoint %6 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %8 = llvm.mlir.addressof @cst : !llvm.ptr<array<2 x array<3 x f32>>>
// CHECK-NEXT:   %9 = llvm.getelementptr %8[0, 0, 0] : (!llvm.ptr<array<2 x array<3 x f32>>>) -> !llvm.ptr<f32>
// CHECK-NEXT:   %10 = llvm.mlir.constant(3735928559 : index) : i64
// CHECK-NEXT:   %11 = llvm.inttoptr %10 : i64 to !llvm.ptr<f32>
// CHECK-NEXT:   %12 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %13 = llvm.insertvalue %11, %12[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %14 = llvm.insertvalue %9, %13[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %15 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %16 = llvm.insertvalue %15, %14[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %17 = llvm.insertvalue %1, %16[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %18 = llvm.insertvalue %2, %17[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %19 = llvm.insertvalue %2, %18[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %20 = llvm.insertvalue %3, %19[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %21 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %22 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %23 = llvm.getelementptr %22[%21] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %24 = llvm.ptrtoint %23 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %25 = llvm.mlir.addressof @scalar : !llvm.ptr<f32>
// CHECK-NEXT:   %26 = llvm.getelementptr %25[0] : (!llvm.ptr<f32>) -> !llvm.ptr<f32>
// CHECK-NEXT:   %27 = llvm.mlir.constant(3735928559 : index) : i64
// CHECK-NEXT:   %28 = llvm.inttoptr %27 : i64 to !llvm.ptr<f32>
// CHECK-NEXT:   %29 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %30 = llvm.insertvalue %28, %29[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %31 = llvm.insertvalue %26, %30[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %32 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %33 = llvm.insertvalue %32, %31[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %34 = llvm.extractvalue %20[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %35 = llvm.mlir.constant(3 : index) : i64
// CHECK-NEXT:   %36 = llvm.mul %0, %35  : i64
// CHECK-NEXT:   %37 = llvm.add %36, %0  : i64
// CHECK-NEXT:   %38 = llvm.getelementptr %34[%37] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %39 = llvm.load %38 : !llvm.ptr<f32>
// CHECK-NEXT:   %40 = llvm.extractvalue %33[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %41 = llvm.load %40 : !llvm.ptr<f32>
// CHECK-NEXT:   %42 = arith.addf %39, %41 : f32
// CHECK-NEXT:   return %42 : f32
// CHECK-NEXT: }
// CHECK-NEXT: func.func @copy(%arg0: memref<4x?xf32>) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<4x?xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %c3 = arith.constant 3 : index
// CHECK-NEXT:   %1 = builtin.unrealized_conversion_cast %c3 : index to i64
// CHECK-NEXT:   %2 = llvm.mlir.constant(4 : index) : i64
// CHECK-NEXT:   %3 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %4 = llvm.mul %1, %2  : i64
// CHECK-NEXT:   %5 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %6 = llvm.getelementptr %5[%4] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %7 = llvm.ptrtoint %6 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %8 = llvm.call @malloc(%7) : (i64) -> !llvm.ptr<i8>
// CHECK-NEXT:   %9 = llvm.bitcast %8 : !llvm.ptr<i8> to !llvm.ptr<f32>
// CHECK-NEXT:   %10 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %11 = llvm.insertvalue %9, %10[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %12 = llvm.insertvalue %9, %11[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %13 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %14 = llvm.insertvalue %13, %12[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %15 = llvm.insertvalue %2, %14[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %16 = llvm.insertvalue %1, %15[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %17 = llvm.insertvalue %1, %16[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %18 = llvm.insertvalue %3, %17[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %19 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %20 = llvm.extractvalue %0[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %21 = llvm.mul %19, %20  : i64
// CHECK-NEXT:   %22 = llvm.extractvalue %0[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %23 = llvm.mul %21, %22  : i64
// CHECK-NEXT:   %24 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %25 = llvm.getelementptr %24[1] : (!llvm.ptr<f32>) -> !llvm.ptr<f32>
// CHECK-NEXT:   %26 = llvm.ptrtoint %25 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %27 = llvm.mul %23, %26  : i64
// CHECK-NEXT:   %28 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %29 = llvm.extractvalue %0[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %30 = llvm.getelementptr %28[%29] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %31 = llvm.extractvalue %18[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %32 = llvm.extractvalue %18[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %33 = llvm.getelementptr %31[%32] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %34 = llvm.mlir.constant(false) : i1
// CHECK-NEXT:   "llvm.intr.memcpy"(%33, %30, %27, %34) : (!llvm.ptr<f32>, !llvm.ptr<f32>, i64, i1) -> ()
// CHECK-NEXT:   %35 = llvm.extractvalue %18[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %36 = llvm.bitcast %35 : !llvm.ptr<f32> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%36) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @strided(%arg0: memref<4x8xf32, strided<[16, 2], offset: ?>>) -> f32 {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<4x8xf32, strided<[16, 2], offset: ?>> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %c1 = arith.constant 1 : index
// CHECK-NEXT:   %1 = builtin.unrealized_conversion_cast %c1 : index to i64
// CHECK-NEXT:   %c2 = arith.constant 2 : index
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %c2 : index to i64
// CHECK-NEXT:   %3 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %4 = llvm.extractvalue %0[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %5 = llvm.mlir.constant(16 : index) : i64
// CHECK-NEXT:   %6 = llvm.mul %1, %5  : i64
// CHECK-NEXT:   %7 = llvm.add %4, %6  : i64
// CHECK-NEXT:   %8 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT:   %9 = llvm.mul %2, %8  : i64
// CHECK-NEXT:   %10 = llvm.add %7, %9  : i64
// CHECK-NEXT:   %11 = llvm.getelementptr %3[%10] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %12 = llvm.load %11 : !llvm.ptr<f32>
// CHECK-NEXT:   return %12 : f32
// CHECK-NEXT: }
// CHECK-NEXT: func.func @metadata(%arg0: memref<?x?xf32, strided<[?, ?], offset: ?>>) -> memref<?x?xf32, strided<[?, 1], offset: ?>> {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<?x?xf32, strided<[?, ?], offset: ?>> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %1 = llvm.extractvalue %0[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %2 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %3 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %4 = llvm.insertvalue %1, %3[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %5 = llvm.insertvalue %2, %4[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %6 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %7 = llvm.insertvalue %6, %5[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %8 = llvm.extractvalue %0[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %9 = llvm.extractvalue %0[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %10 = llvm.extractvalue %0[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %11 = llvm.extractvalue %0[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %12 = llvm.extractvalue %0[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %13 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %14 = llvm.extractvalue %7[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %15 = llvm.extractvalue %7[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
// CHECK-NEXT:   %16 = llvm.insertvalue %14, %13[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %17 = llvm.insertvalue %15, %16[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %18 = llvm.insertvalue %8, %17[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %19 = llvm.insertvalue %9, %18[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %20 = llvm.insertvalue %11, %19[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %21 = llvm.insertvalue %10, %20[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %22 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %23 = llvm.insertvalue %22, %21[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %24 = builtin.unrealized_conversion_cast %23 : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)> to memref<?x?xf32, strided<[?, 1], offset: ?>>
// CHECK-NEXT:   return %24 : memref<?x?xf32, strided<[?, 1], offset: ?>>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @aligned_pointer(%arg0: memref<?xf32>) -> index {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<?xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %1 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %2 = llvm.ptrtoint %1 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %3 = builtin.unrealized_conversion_cast %2 : i64 to index
// CHECK-NEXT:   return %3 : index
// CHECK-NEXT: }
// CHECK-NEXT: func.func @reinterpret(%arg0: memref<?xf32>) -> memref<2x3xf32, strided<[3, 1], offset: 1>> {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<?xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %1 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %2 = llvm.extractvalue %0[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %3 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %4 = llvm.insertvalue %2, %1[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %5 = llvm.insertvalue %3, %4[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %6 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %7 = llvm.insertvalue %6, %5[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %8 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT:   %9 = llvm.insertvalue %8, %7[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %10 = llvm.mlir.constant(3 : index) : i64
// CHECK-NEXT:   %11 = llvm.insertvalue %10, %9[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %12 = llvm.mlir.constant(3 : index) : i64
// CHECK-NEXT:   %13 = llvm.insertvalue %12, %11[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %14 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %15 = llvm.insertvalue %14, %13[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %16 = builtin.unrealized_conversion_cast %15 : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)> to memref<2x3xf32, strided<[3, 1], offset: 1>>
// CHECK-NEXT:   return %16 : memref<2x3xf32, strided<[3, 1], offset: 1>>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @cast_rank(%arg0: memref<4xf32>) -> memref<?xf32> {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<4xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %1 = builtin.unrealized_conversion_cast %0 : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> to memref<?xf32>
// CHECK-NEXT:   return %1 : memref<?xf32>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @hints(%arg0: memref<8xf32>) -> i32 {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<8xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %c1 = arith.constant 1 : index
// CHECK-NEXT:   %1 = builtin.unrealized_conversion_cast %c1 : index to i64
// CHECK-NEXT:   %2 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %3 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %4 = llvm.mlir.constant(15 : index) : i64
// CHECK-NEXT:   %5 = llvm.ptrtoint %2 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %6 = llvm.and %5, %4  : i64
// CHECK-NEXT:   %7 = llvm.icmp "eq" %6, %3 : i64
// CHECK-NEXT:   "llvm.intr.assume"(%7) : (i1) -> ()
// CHECK-NEXT:   %8 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %9 = llvm.getelementptr %8[%1] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %10 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %11 = llvm.mlir.constant(3 : i32) : i32
// CHECK-NEXT:   %12 = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT:   "llvm.intr.prefetch"(%9, %10, %11, %12) : (!llvm.ptr<f32>, i32, i32, i32) -> ()
// CHECK-NEXT:   %cst = arith.constant 1.000000e+00 : f32
// CHECK-NEXT:   %13 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %14 = llvm.getelementptr %13[%1] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %15 = llvm.atomicrmw fadd %14, %cst acq_rel  : f32
// CHECK-NEXT:   %16 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT:   %17 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %18 = llvm.mlir.null : !llvm.ptr<i32>
// CHECK-NEXT:   %19 = llvm.getelementptr %18[%16] : (!llvm.ptr<i32>, i64) -> !llvm.ptr<i32>
// CHECK-NEXT:   %20 = llvm.ptrtoint %19 : !llvm.ptr<i32> to i64
// CHECK-NEXT:   %21 = llvm.alloca %20 x i32 : (i64) -> !llvm.ptr<i32>
// CHECK-NEXT:   %22 = llvm.mlir.undef : !llvm.struct<(ptr<i32>, ptr<i32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %23 = llvm.insertvalue %21, %22[0] : !llvm.struct<(ptr<i32>, ptr<i32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %24 = llvm.insertvalue %21, %23[1] : !llvm.struct<(ptr<i32>, ptr<i32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %25 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %26 = llvm.insertvalue %25, %24[2] : !llvm.struct<(ptr<i32>, ptr<i32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %27 = llvm.insertvalue %16, %26[3, 0] : !llvm.struct<(ptr<i32>, ptr<i32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %28 = llvm.insertvalue %17, %27[4, 0] : !llvm.struct<(ptr<i32>, ptr<i32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %c3_i32 = arith.constant 3 : i32
// CHECK-NEXT:   %29 = llvm.extractvalue %28[1] : !llvm.struct<(ptr<i32>, ptr<i32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %30 = llvm.getelementptr %29[%1] : (!llvm.ptr<i32>, i64) -> !llvm.ptr<i32>
// CHECK-NEXT:   %31 = llvm.atomicrmw max %30, %c3_i32 acq_rel  : i32
// CHECK-NEXT:   return %31 : i32
// CHECK-NEXT: }
// CHECK-NEXT: func.func @unranked(%arg0: memref<*xf32>) -> index {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<*xf32> to !llvm.struct<(i64, ptr<i8>)>
// CHECK-NEXT:   %1 = llvm.extractvalue %0[0] : !llvm.struct<(i64, ptr<i8>)>
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %1 : i64 to index
// CHECK-NEXT:   return %2 : index
// CHECK-NEXT: }
// CHECK-NEXT: func.func @transpose_reshape(%arg0: memref<4x8xf32>, %arg1: memref<2xindex>) -> f32 {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : memref<4x8xf32> to !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %c1 = arith.constant 1 : index
// CHECK-NEXT:   %1 = builtin.unrealized_conversion_cast %c1 : index to i64
// CHECK-NEXT:   %c3 = arith.constant 3 : index
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %c3 : index to i64
// CHECK-NEXT:   %3 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %4 = llvm.extractvalue %0[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %5 = llvm.insertvalue %4, %3[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %6 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %7 = llvm.insertvalue %6, %5[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %8 = llvm.extractvalue %0[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %9 = llvm.insertvalue %8, %7[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %10 = llvm.extractvalue %0[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %11 = llvm.insertvalue %10, %9[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %12 = llvm.extractvalue %0[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %13 = llvm.insertvalue %12, %11[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %14 = llvm.extractvalue %0[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %15 = llvm.insertvalue %14, %13[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %16 = llvm.extractvalue %0[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %17 = llvm.insertvalue %16, %15[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %18 = llvm.extractvalue %17[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %19 = llvm.mlir.constant(8 : index) : i64
// CHECK-NEXT:   %20 = llvm.mul %1, %19  : i64
// CHECK-NEXT:   %21 = llvm.add %2, %20  : i64
// CHECK-NEXT:   %22 = llvm.getelementptr %18[%21] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %23 = llvm.load %22 : !llvm.ptr<f32>
// CHECK-NEXT:   %24 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %25 = llvm.extractvalue %0[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %26 = llvm.extractvalue %0[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %27 = llvm.insertvalue %25, %24[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %28 = llvm.insertvalue %26, %27[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %29 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %30 = llvm.insertvalue %29, %28[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %31 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %32 = llvm.mlir.constant(16 : index) : i64
// CHECK-NEXT:   %33 = llvm.insertvalue %32, %30[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %34 = llvm.insertvalue %31, %33[4, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %35 = llvm.mul %31, %32  : i64
// CHECK-NEXT:   %36 = llvm.mlir.constant(16 : index) : i64
// CHECK-NEXT:   %37 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT:   %38 = llvm.insertvalue %37, %34[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %39 = llvm.insertvalue %36, %38[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %40 = llvm.mul %36, %37  : i64
// CHECK-NEXT:   %41 = llvm.extractvalue %39[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %42 = llvm.mlir.constant(16 : index) : i64
// CHECK-NEXT:   %43 = llvm.mul %1, %42  : i64
// CHECK-NEXT:   %44 = llvm.add %43, %2  : i64
// CHECK-NEXT:   %45 = llvm.getelementptr %41[%44] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %46 = llvm.load %45 : !llvm.ptr<f32>
// CHECK-NEXT:   %47 = arith.addf %23, %46 : f32
// CHECK-NEXT:   return %47 : f32
// CHECK-NEXT: }

memref.global "private" constant @cst : memref<2x3xf32> = dense<1.5> {alignment = 64 : i64}
memref.global @var : memref<4xi32> = uninitialized
memref.global "private" constant @scalar : memref<f32> = dense<2.5>
memref.global @ext : memref<2xf32>
func.func @alloc_load_store(%n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %a = memref.alloc(%n) : memref<4x?xf32>
  %v = memref.load %a[%c0, %c2] : memref<4x?xf32>
  memref.store %v, %a[%c2, %c0] : memref<4x?xf32>
  memref.dealloc %a : memref<4x?xf32>
  return %v : f32
}
func.func @aligned(%x: f32) {
  %c1 = arith.constant 1 : index
  %b = memref.alloca() {alignment = 16 : i64} : memref<2xf32>
  %c = memref.alloc() {alignment = 32 : i64} : memref<8xf32>
  %d = memref.alloc() : memref<3xvector<4xf32>>
  %s = memref.alloca() : memref<f32>
  memref.store %x, %s[] : memref<f32>
  memref.store %x, %c[%c1] : memref<8xf32>
  memref.dealloc %c : memref<8xf32>
  memref.dealloc %d : memref<3xvector<4xf32>>
  return
}
func.func @dims(%m: memref<4x?xf32>) -> (index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d0 = memref.dim %m, %c0 : memref<4x?xf32>
  %d1 = memref.dim %m, %c1 : memref<4x?xf32>
  return %d0, %d1 : index, index
}
func.func @dim_dynamic(%i: index) -> index {
  %m = memref.alloca() : memref<4x5xf32>
  %d = memref.dim %m, %i : memref<4x5xf32>
  return %d : index
}
func.func @globals() -> f32 {
  %c1 = arith.constant 1 : index
  %g = memref.get_global @cst : memref<2x3xf32>
  %s = memref.get_global @scalar : memref<f32>
  %v = memref.load %g[%c1, %c1] : memref<2x3xf32>
  %w = memref.load %s[] : memref<f32>
  %r = arith.addf %v, %w : f32
  return %r : f32
}
func.func @copy(%m: memref<4x?xf32>) {
  %c3 = arith.constant 3 : index
  %a = memref.alloc(%c3) : memref<4x?xf32>
  memref.copy %m, %a : memref<4x?xf32> to memref<4x?xf32>
  memref.dealloc %a : memref<4x?xf32>
  return
}
func.func @strided(%m: memref<4x8xf32, strided<[16, 2], offset: ?>>) -> f32 {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %v = memref.load %m[%c1, %c2] : memref<4x8xf32, strided<[16, 2], offset: ?>>
  return %v : f32
}
func.func @metadata(%m: memref<?x?xf32, strided<[?, ?], offset: ?>>) -> memref<?x?xf32, strided<[?, 1], offset: ?>> {
  %base, %off, %s0, %s1, %t0, %t1 = memref.extract_strided_metadata %m : memref<?x?xf32, strided<[?, ?], offset: ?>> -> memref<f32>, index, index, index, index, index
  %r = memref.reinterpret_cast %base to offset: [%off], sizes: [%s0, %s1], strides: [%t0, 1] : memref<f32> to memref<?x?xf32, strided<[?, 1], offset: ?>>
  return %r : memref<?x?xf32, strided<[?, 1], offset: ?>>
}
func.func @aligned_pointer(%m: memref<?xf32>) -> index {
  %p = memref.extract_aligned_pointer_as_index %m : memref<?xf32> -> index
  return %p : index
}
func.func @reinterpret(%m: memref<?xf32>) -> memref<2x3xf32, strided<[3, 1], offset: 1>> {
  %r = memref.reinterpret_cast %m to offset: [1], sizes: [2, 3], strides: [3, 1] : memref<?xf32> to memref<2x3xf32, strided<[3, 1], offset: 1>>
  return %r : memref<2x3xf32, strided<[3, 1], offset: 1>>
}
func.func @cast_rank(%m: memref<4xf32>) -> memref<?xf32> {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  return %c : memref<?xf32>
}
func.func @hints(%m: memref<8xf32>) -> i32 {
  %c1 = arith.constant 1 : index
  memref.assume_alignment %m, 16 : memref<8xf32>
  memref.prefetch %m[%c1], read, locality<3>, data : memref<8xf32>
  %x = arith.constant 1.0 : f32
  %o = memref.atomic_rmw addf %x, %m[%c1] : (f32, memref<8xf32>) -> f32
  %i = memref.alloca() : memref<2xi32>
  %y = arith.constant 3 : i32
  %p = memref.atomic_rmw maxs %y, %i[%c1] : (i32, memref<2xi32>) -> i32
  return %p : i32
}
func.func @unranked(%u: memref<*xf32>) -> index {
  %r = memref.rank %u : memref<*xf32>
  return %r : index
}
func.func @transpose_reshape(%m: memref<4x8xf32>, %s: memref<2xindex>) -> f32 {
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %t = memref.transpose %m (d0, d1) -> (d1, d0) : memref<4x8xf32> to memref<8x4xf32, strided<[1, 8]>>
  %v = memref.load %t[%c3, %c1] : memref<8x4xf32, strided<[1, 8]>>
  %r = memref.reshape %m(%s) : (memref<4x8xf32>, memref<2xindex>) -> memref<2x16xf32>
  %w = memref.load %r[%c1, %c3] : memref<2x16xf32>
  %x = arith.addf %v, %w : f32
  return %x : f32
}
