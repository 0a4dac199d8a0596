// RUN: tensile-opt %s --convert-memref-to-llvm=index-bitwidth=32 | FileCheck %s
// alloc and dealloc with convert-memref-to-llvm's option index-bitwidth=32; the CHECK lines are mlir-opt-16's output with it.
// CHECK: llvm.func @free(!llvm.ptr<i8>)
// CHECK-NEXT: llvm.func @malloc(i32) -> !llvm.ptr<i8>
// CHECK-NEXT: func.func @allocations(%arg0: index) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : index to i32
// CHECK-NEXT:   %1 = llvm.mlir.constant(1 : index) : i32
// CHECK-NEXT:   %2 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT:   %3 = llvm.getelementptr %2[%0] : (!llvm.ptr<f32>, i32) -> !llvm.ptr<f32>
// CHECK-NEXT:   %4 = llvm.ptrtoint %3 : !llvm.ptr<f32> to i32
// CHECK-NEXT:   %5 = llvm.call @malloc(%4) : (i32) -> !llvm.ptr<i8>
// CHECK-NEXT:   %6 = llvm.bitcast %5 : !llvm.ptr<i8> to !llvm.ptr<f32>
// CHECK-NEXT:   %7 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %8 = llvm.insertvalue %6, %7[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %9 = llvm.insertvalue %6, %8[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %10 = llvm.mlir.constant(0 : index) : i32
// CHECK-NEXT:   %11 = llvm.insertvalue %10, %9[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %12 = llvm.insertvalue %0, %11[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %13 = llvm.insertvalue %1, %12[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %14 = llvm.mlir.constant(3 : index) : i32
// CHECK-NEXT:   %15 = llvm.mlir.constant(1 : index) : i32
// CHECK-NEXT:   %16 = llvm.mlir.null : !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %17 = llvm.getelementptr %16[%14] : (!llvm.ptr<vector<4xf32>>, i32) -> !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %18 = llvm.ptrtoint %17 : !llvm.ptr<vector<4xf32>> to i32
// CHECK-NEXT:   %19 = llvm.mlir.null : !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %20 = llvm.getelementptr %19[1] : (!llvm.ptr<vector<4xf32>>) -> !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %21 = llvm.ptrtoint %20 : !llvm.ptr<vector<4xf32>> to i32
// CHECK-NEXT:   %22 = llvm.add %18, %21  : i32
// CHECK-NEXT:   %23 = llvm.call @malloc(%22) : (i32) -> !llvm.ptr<i8>
// CHECK-NEXT:   %24 = llvm.bitcast %23 : !llvm.ptr<i8> to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %25 = llvm.ptrtoint %24 : !llvm.ptr<vector<4xf32>> to i32
// CHECK-NEXT:   %26 = llvm.mlir.constant(1 : index) : i32
// CHECK-NEXT:   %27 = llvm.sub %21, %26  : i32
// CHECK-NEXT:   %28 = llvm.add %25, %27  : i32
// CHECK-NEXT:   %29 = llvm.urem %28, %21  : i32
// CHECK-NEXT:   %30 = llvm.sub %28, %29  : i32
// CHECK-NEXT:   %31 = llvm.inttoptr %30 : i32 to !llvm.ptr<vector<4xf32>>
// CHECK-NEXT:   %32 = llvm.mlir.undef : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %33 = llvm.insertvalue %24, %32[0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %34 = llvm.insertvalue %31, %33[1] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %35 = llvm.mlir.constant(0 : index) : i32
// CHECK-NEXT:   %36 = llvm.insertvalue %35, %34[2] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %37 = llvm.insertvalue %14, %36[3, 0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %38 = llvm.insertvalue %15, %37[4, 0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %39 = llvm.mlir.constant(4 : index) : i32
// CHECK-NEXT:   %40 = llvm.mlir.constant(4 : index) : i32
// CHECK-NEXT:   %41 = llvm.mlir.constant(1 : index) : i32
// CHECK-NEXT:   %42 = llvm.mlir.constant(16 : index) : i32
// CHECK-NEXT:   %43 = llvm.mlir.null : !llvm.ptr<f64>
// CHECK-NEXT:   %44 = llvm.getelementptr %43[%42] : (!llvm.ptr<f64>, i32) -> !llvm.ptr<f64>
// CHECK-NEXT:   %45 = llvm.ptrtoint %44 : !llvm.ptr<f64> to i32
// CHECK-NEXT:   %46 = llvm.mlir.constant(64 : index) : i32
// CHECK-NEXT:   %47 = llvm.add %45, %46  : i32
// CHECK-NEXT:   %48 = llvm.call @malloc(%47) : (i32) -> !llvm.ptr<i8>
// CHECK-NEXT:   %49 = llvm.bitcast %48 : !llvm.ptr<i8> to !llvm.ptr<f64>
// CHECK-NEXT:   %50 = llvm.ptrtoint %49 : !llvm.ptr<f64> to i32
// CHECK-NEXT:   %51 = llvm.mlir.constant(1 : index) : i32
// CHECK-NEXT:   %52 = llvm.sub %46, %51  : i32
// CHECK-NEXT:   %53 = llvm.add %50, %52  : i32
// CHECK-NEXT:   %54 = llvm.urem %53, %46  : i32
// CHECK-NEXT:   %55 = llvm.sub %53, %54  : i32
// CHECK-NEXT:   %56 = llvm.inttoptr %55 : i32 to !llvm.ptr<f64>
// CHECK-NEXT:   %57 = llvm.mlir.undef : !llvm.struct<(ptr<f64>, ptr<f64>, i32, array<2 x i32>, array<2 x i32>)>
// CHECK-NEXT:   %58 = llvm.insertvalue %49, %57[0] : !llvm.struct<(ptr<f64>, ptr<f64>, i32, array<2 x i32>, array<2 x i32>)>
// CHECK-NEXT:   %59 = llvm.insertvalue %56, %58[1] : !llvm.struct<(ptr<f64>, ptr<f64>, i32, array<2 x i32>, array<2 x i32>)>
// CHECK-NEXT:   %60 = llvm.mlir.constant(0 : index) : i32
// CHECK-NEXT:   %61 = llvm.insertvalue %60, %59[2] : !llvm.struct<(ptr<f64>, ptr<f64>, i32, array<2 x i32>, array<2 x i32>)>
// CHECK-NEXT:   %62 = llvm.insertvalue %39, %61[3, 0] : !llvm.struct<(ptr<f64>, ptr<f64>, i32, array<2 x i32>, array<2 x i32>)>
// CHECK-NEXT:   %63 = llvm.insertvalue %40, %62[3, 1] : !llvm.struct<(ptr<f64>, ptr<f64>, i32, array<2 x i32>, array<2 x i32>)>
// CHECK-NEXT:   %64 = llvm.insertvalue %40, %63[4, 0] : !llvm.struct<(ptr<f64>, ptr<f64>, i32, array<2 x i32>, array<2 x i32>)>
// CHECK-NEXT:   %65 = llvm.insertvalue %41, %64[4, 1] : !llvm.struct<(ptr<f64>, ptr<f64>, i32, array<2 x i32>, array<2 x i32>)>
// CHECK-NEXT:   %66 = llvm.mlir.constant(5 : index) : i32
// CHECK-NEXT:   %67 = llvm.mlir.constant(1 : index) : i32
// CHECK-NEXT:   %68 = llvm.mlir.null : !llvm.ptr<i8>
// CHECK-NEXT:   %69 = llvm.getelementptr %68[%66] : (!llvm.ptr<i8>, i32) -> !llvm.ptr<i8>
// CHECK-NEXT:   %70 = llvm.ptrtoint %69 : !llvm.ptr<i8> to i32
// CHECK-NEXT:   %71 = llvm.call @malloc(%70) : (i32) -> !llvm.ptr<i8>
// CHECK-NEXT:   %72 = llvm.bitcast %71 : !llvm.ptr<i8> to !llvm.ptr<i8>
// CHECK-NEXT:   %73 = llvm.mlir.undef : !llvm.struct<(ptr<i8>, ptr<i8>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %74 = llvm.insertvalue %72, %73[0] : !llvm.struct<(ptr<i8>, ptr<i8>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %75 = llvm.insertvalue %72, %74[1] : !llvm.struct<(ptr<i8>, ptr<i8>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %76 = llvm.mlir.constant(0 : index) : i32
// CHECK-NEXT:   %77 = llvm.insertvalue %76, %75[2] : !llvm.struct<(ptr<i8>, ptr<i8>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %78 = llvm.insertvalue %66, %77[3, 0] : !llvm.struct<(ptr<i8>, ptr<i8>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %79 = llvm.insertvalue %67, %78[4, 0] : !llvm.struct<(ptr<i8>, ptr<i8>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %80 = llvm.extractvalue %13[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %81 = llvm.bitcast %80 : !llvm.ptr<f32> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%81) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   %82 = llvm.extractvalue %38[0] : !llvm.struct<(ptr<vector<4xf32>>, ptr<vector<4xf32>>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %83 = llvm.bitcast %82 : !llvm.ptr<vector<4xf32>> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%83) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   %84 = llvm.extractvalue %65[0] : !llvm.struct<(ptr<f64>, ptr<f64>, i32, array<2 x i32>, array<2 x i32>)>
// CHECK-NEXT:   %85 = llvm.bitcast %84 : !llvm.ptr<f64> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%85) : (!llvm.ptr<i8>) -> ()
// CHECK-NEXT:   %86 = llvm.extractvalue %79[0] : !llvm.struct<(ptr<i8>, ptr<i8>, i32, array<1 x i32>, array<1 x i32>)>
// CHECK-NEXT:   %87 = llvm.bitcast %86 : !llvm.ptr<i8> to !llvm.ptr<i8>
// CHECK-NEXT:   llvm.call @free(%87) : (!llvm.ptr<i8>) -> ()
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
