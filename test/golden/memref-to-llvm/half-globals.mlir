// RUN: tensile-opt %s --convert-memref-to-llvm | FileCheck %s
// Rank-0 globals of f16 and bf16 become scalar initializers of the value, not of its stored bit pattern (3.0 once
// became 16896.0, 0x4200 read as a number), and a load of one; the CHECK lines are mlir-opt-16
// --convert-memref-to-llvm's output for this file, except @brain's: Tensile's llvm dialect carries bf16 as its i16
// bits (LLVM 14's backends abort on bf16; docs/ARCHITECTURE.md), so -2.5 is 0xC020 there, where mlir-opt-16
// prints `@brain(-2.500000e+00 : bf16) {addr_space = 0 : i32} : bf16`.
// CHECK: llvm.mlir.global private constant @half(3.000000e+00 : f16) {addr_space = 0 : i32} : f16
// CHECK-NEXT: llvm.mlir.global private constant @brain(-16352 : i16) {addr_space = 0 : i32} : i16
// CHECK-NEXT: llvm.mlir.global private constant @halves(dense<[1.500000e+00, -5.000000e-01]> : tensor<2xf16>) {addr_space = 0 : i32} : !llvm.array<2 x f16>
// CHECK-NEXT: func.func @read_half() -> f16 {
// CHECK-NEXT:   %0 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %1 = llvm.mlir.null : !llvm.ptr<f16>
// CHECK-NEXT:   %2 = llvm.getelementptr %1[%0] : (!llvm.ptr<f16>, i64) -> !llvm.ptr<f16>
// CHECK-NEXT:   %3 = llvm.ptrtoint %2 : !llvm.ptr<f16> to i64
// CHECK-NEXT:   %4 = llvm.mlir.addressof @half : !llvm.ptr<f16>
// CHECK-NEXT:   %5 = llvm.getelementptr %4[0] : (!llvm.ptr<f16>) -> !llvm.ptr<f16>
// CHECK-NEXT:   %6 = llvm.mlir.constant(3735928559 : index) : i64
// CHECK-NEXT:   %7 = llvm.inttoptr %6 : i64 to !llvm.ptr<f16>
// CHECK-NEXT:   %8 = llvm.mlir.undef : !llvm.struct<(ptr<f16>, ptr<f16>, i64)>
// CHECK-NEXT:   %9 = llvm.insertvalue %7, %8[0] : !llvm.struct<(ptr<f16>, ptr<f16>, i64)>
// CHECK-NEXT:   %10 = llvm.insertvalue %5, %9[1] : !llvm.struct<(ptr<f16>, ptr<f16>, i64)>
// CHECK-NEXT:   %11 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %12 = llvm.insertvalue %11, %10[2] : !llvm.struct<(ptr<f16>, ptr<f16>, i64)>
// CHECK-NEXT:   %13 = llvm.extractvalue %12[1] : !llvm.struct<(ptr<f16>, ptr<f16>, i64)>
// CHECK-NEXT:   %14 = llvm.load %13 : !llvm.ptr<f16>
// CHECK-NEXT:   return %14 : f16
// CHECK-NEXT: }

memref.global "private" constant @half : memref<f16> = dense<3.0>
memref.global "private" constant @brain : memref<bf16> = dense<-2.5>
memref.global "private" constant @halves : memref<2xf16> = dense<[1.5, -0.5]>
func.func @read_half() -> f16 {
  %g = memref.get_global @half : memref<f16>
  %v = memref.load %g[] : memref<f16>
  return %v : f16
}
