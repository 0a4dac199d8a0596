// RUN: tensile-opt %s --convert-memref-to-llvm=use-aligned-alloc=1 | FileCheck %s
// alloc and dealloc with convert-memref-to-llvm's option use-aligned-alloc=1; the CHECK lines are mlir-opt-16's output with it.
// CHECK: llvm.func @free(!llvm.ptr<i8>)
// CHECK-NEXT: llvm.func @aligned_alloc(i64, i64) -> !llvm.ptr<i8>
// CHECK-NEXT: func.func @allocations(%arg0: index) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : index to i64
// CHECK-NEXT:   %1 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %2 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %3 = llvm.getelementptr %2[%0] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT:   %4 = llvm.ptrtoint %3 : !llvm.ptr<f32> to i64
// CHECK-NEXT:   %5 = llvm.mlir.constant(16 : index) : i64
// CHECK-NEXT:   %6 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %7 = llvm.sub %5, %6  : i64
// CHECK-NEXT:   %8 = llvm.add %4, %7  : i64
// CHECK-NEXT:   %9 = llvm.urem %8, %5  : i64
// CHECK-NEXT:   %10 = llvm.sub %8, %9  : i64
// CHECK-NEXT:   %11 = llvm.call @aligned_alloc(%5, %10) : (i64, i64) -> !llvm.ptr<i8>
// CHECK-NEXT:   %12 = llvm.bitcast %11 : !llvm.ptr<i8> to !llvm.ptr<f32>
// CHECK-NEXT:   %13 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %14 = llvm.insertvalue %12, %13[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %15 = llvm.insertvalue %12, %14[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %16 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %17 = llvm.insertvalue %16, %15[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %18 = llvm.insertvalue %0, %17[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %19 = llvm.insertvalue %1, %18[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %20 = llvm.mlir.constant(3 : index) : i64
// CHECK-NEXT:   %21 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %22 = llvm.mlir.null : !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %23 = llvm.getelementptr %22[%20] : (!llvm.ptr<vector<4xf32>>, i64) -> !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %24 = llvm.ptrtoint %23 : !llvm.ptr<vector<4xf32>> to i64
// CHECK-NEXT:   %25 = llvm.mlir.constant(16 : index) : i64
// CHECK-NEXT:   %26 = llvm.call @aligned_alloc(%25, %24) : (i64, i64) -> !llvm.ptr<i8>
// CHECK-NEXT:   %27 = llvm.bitcast %26 : !llvm.ptr<i8> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %28 = llvm.mlir.undef : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %29 = llvm.insertvalue %27, %28[0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %30 = llvm.insertvalue %27, %29[1] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %31 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %32 = llvm.insertvalue %31, %30[2] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %33 = llvm.insertvalue %20, %32[3, 0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %34 = llvm.insertvalue %21, %33[4, 0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %35 = llvm.mlir.constant(4 : index) : i64
// CHECK-NEXT:   %36 = llvm.mlir.constant(4 : index) : i64
// CHECK-NEXT:   %37 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %38 = llvm.mlir.constant(16 : index) : i64
// CHECK-NEXT:   %39 = llvm.mlir.null : !llvm.ptr<f64>
// CHECK-NEXT:   %40 = llvm.getelementptr %39[%38] : (!llvm.ptr<f64>, i64) -> !llvm.ptr<f64>
// CHECK-NEXT:   %41 = llvm.ptrtoint %40 : !llvm.ptr<f64> to i64
// CHECK-NEXT:   %42 = llvm.mlir.constant(64 : index) : i64
// CHECK-NEXT:   %43 = llvm.call @aligned_alloc(%42, %41) : (i64, i64) -> !llvm.ptr<i8>
// CHECK-NEXT:   %44 = llvm.bitcast %43 : !llvm.ptr<i8> to !llvm.ptr<f64>
// CHECK-NEXT:   %45 = llvm.mlir.undef : !llvm.struct<(ptr<f64>, ptr<f64>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %46 = llvm.insertvalue %44, %45[0] : !llvm.struct<(ptr<f64>, ptr<f64>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %47 = llvm.insertvalue %44, %46[1] : !llvm.struct<(ptr<f64>, ptr<f64>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %48 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %49 = llvm.insertvalue %48, %47[2] : !llvm.struct<(ptr<f64>, ptr<f64>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %50 = llvm.insertvalue %35, %49[3, 0] : !llvm.struct<(ptr<f64>, ptr<f64>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %51 = llvm.insertvalue %36, %50[3, 1] : !llvm.struct<(ptr<f64>, ptr<f64>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %52 = llvm.insertvalue %36, %51[4, 0] : !llvm.struct<(ptr<f64>, ptr<f64>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %53 = llvm.insertvalue %37, %52[4, 1] : !llvm.struct<(ptr<f64>, ptr<f64>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %54 = llvm.mlir.constant(5 : index) : i64
// CHECK-NEXT:   %55 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %56 = llvm.mlir.null : !llvm.ptr<i8>
// CHECK-NEXT:   %57 = llvm.getelementptr %56[%54] : (!llvm.ptr<i8>, i64) -> !llvm.ptr<i8>
// CHECK-NEXT:   %58 = llvm.ptrtoint %57 : !llvm.ptr<i8> to i64
// CHECK-NEXT:   %59 = llvm.mlir.constant(16 : index) : i64
// CHECK-NEXT:   %60 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %61 = llvm.sub %59, %60  : i64
// CHECK-NEXT:   %62 = llvm.add %58, %61  : i64
// CHECK-NEXT:   %63 = llvm.urem %62, %59  : i64
// CHECK-NEXT:   %64 = llvm.sub %62, %63  : i64
// CHECK-NEXT:   %65 = llvm.call @aligned_alloc(%59, %64) : (i64, i64) -> !llvm.ptr<i8>
// CHECK-NEXT:   %66 = llvm.bitcast %65 : !llvm.ptr<i8> to !llvm.ptr<i8>
// CHECK-NEXT:   %67 = llvm.mlir.undef : !llvm.struct<(ptr<i8>, ptr<i8>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %68 = llvm.insertvalue %66, %67[0] : !llvm.struct<(ptr<i8>, ptr<i8>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %69 = llvm.insertvalue %66, %68[1] : !llvm.struct<(ptr<i8>, ptr<i8>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %70 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %71 = llvm.insertvalue %70, %69[2] : !llvm.struct<(ptr<i8>, ptr<i8>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %72 = llvm.insertvalue %54, %71[3, 0] : !llvm.struct<(ptr<i8>, ptr<i8>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %73 = llvm.insertvalue %55, %72[4, 0] : !llvm.struct<(ptr<i8>, ptr<i8>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %74 = llvm.extractvalue %19[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %75 = llvm.bitcast %74 : !llvm.ptr<f32> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%75) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   %76 = llvm.extractvalue %34[0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %77 = llvm.bitcast %76 : !llvm.ptr<vector<4xf32>> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%77) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   %78 = llvm.extractvalue %53[0] : !llvm.struct<(ptr<f64>, ptr<f64>, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT:   %79 = llvm.bitcast %78 : !llvm.ptr<f64> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%79) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   %80 = llvm.extractvalue %73[0] : !llvm.struct<(ptr<i8>, ptr<i8>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT:   %81 = llvm.bitcast %80 : !llvm.ptr<i8> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%81) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   return
// CHECK-NEXT: }

func.func @allocations(%n: index) {
  %a = memref.alloc(%n) : memref<?xf32>
  %b = memref.alloc() : memref<3xvector<4xf32>>
  %c = memref.alloc() {alignment = 64 : i64} : memref<4x4xf64>
  %d = memref.alloc() : memref<5xi8>
  memref.dealloc %a : memref<?xf32>
  memref.dealloc %b : memref<3xvector<4xf32>>
  memref.dealloc %c : memref<4x4xf64>
  memref.dealloc %d : memref<5xi8>
  return
}
