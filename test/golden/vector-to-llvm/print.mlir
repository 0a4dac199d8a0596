// RUN: tensile-opt %s --convert-vector-to-llvm | FileCheck %s
// vector.print lowered to calls of the runtime's print functions, vectors unrolled element by element
// with brackets and commas (MLIR 16's VectorPrintOpConversion); the functions are declared in the module. The
// CHECK lines are mlir-opt-16 --convert-vector-to-llvm's output for this file.
// CHECK: llvm.func @printU64(i64)
// CHECK-NEXT: llvm.func @printF64(f64)
// CHECK-NEXT: llvm.func @printI64(i64)
// CHECK-NEXT: llvm.func @printNewline()
// CHECK-NEXT: llvm.func @printClose()
// CHECK-NEXT: llvm.func @printComma()
// CHECK-NEXT: llvm.func @printOpen()
// CHECK-NEXT: llvm.func @printF32(f32)
// CHECK: func.func @p(%arg0: vector<2xf32>, %arg1: vector<2x2xi8>, %arg2: vector<3xi1>, %arg3: f64, %arg4: index) {
// CHECK-NEXT: %0 = builtin.unrealized_conversion_cast %arg1 : vector<2x2xi8> to !llvm.array<2 x vector<2xi8>>
// CHECK-NEXT: %1 = builtin.unrealized_conversion_cast %arg4 : index to i64
// CHECK-NEXT: llvm.call @printOpen() : () -> ()
// CHECK-NEXT: %2 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT: %3 = llvm.extractelement %arg0[%2 : i64] : vector<2xf32>
// CHECK-NEXT: llvm.call @printF32(%3) : (f32) -> ()
// CHECK-NEXT: llvm.call @printComma() : () -> ()
// CHECK-NEXT: %4 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT: %5 = llvm.extractelement %arg0[%4 : i64] : vector<2xf32>
// CHECK-NEXT: llvm.call @printF32(%5) : (f32) -> ()
// CHECK-NEXT: llvm.call @printClose() : () -> ()
// CHECK-NEXT: llvm.call @printNewline() : () -> ()
// CHECK-NEXT: llvm.call @printOpen() : () -> ()
// CHECK-NEXT: %6 = llvm.extractvalue %0[0] : !llvm.array<2 x vector<2xi8>>
// CHECK-NEXT: llvm.call @printOpen() : () -> ()
// CHECK-NEXT: %7 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT: %8 = llvm.extractelement %6[%7 : i64] : vector<2xi8>
// CHECK-NEXT: %9 = arith.extsi %8 : i8 to i64
// CHECK-NEXT: llvm.call @printI64(%9) : (i64) -> ()
// CHECK-NEXT: llvm.call @printComma() : () -> ()
// CHECK-NEXT: %10 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT: %11 = llvm.extractelement %6[%10 : i64] : vector<2xi8>
// CHECK-NEXT: %12 = arith.extsi %11 : i8 to i64
// CHECK-NEXT: llvm.call @printI64(%12) : (i64) -> ()
// CHECK-NEXT: llvm.call @printClose() : () -> ()
// CHECK-NEXT: llvm.call @printComma() : () -> ()
// CHECK-NEXT: %13 = llvm.extractvalue %0[1] : !llvm.array<2 x vector<2xi8>>
// CHECK-NEXT: llvm.call @printOpen() : () -> ()
// CHECK-NEXT: %14 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT: %15 = llvm.extractelement %13[%14 : i64] : vector<2xi8>
// CHECK-NEXT: %16 = arith.extsi %15 : i8 to i64
// CHECK-NEXT: llvm.call @printI64(%16) : (i64) -> ()
// CHECK-NEXT: llvm.call @printComma() : () -> ()
// CHECK-NEXT: %17 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT: %18 = llvm.extractelement %13[%17 : i64] : vector<2xi8>
// CHECK-NEXT: %19 = arith.extsi %18 : i8 to i64
// CHECK-NEXT: llvm.call @printI64(%19) : (i64) -> ()
// CHECK-NEXT: llvm.call @printClose() : () -> ()
// CHECK-NEXT: llvm.call @printClose() : () -> ()
// CHECK-NEXT: llvm.call @printNewline() : () -> ()
// CHECK-NEXT: llvm.call @printOpen() : () -> ()
// CHECK-NEXT: %20 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT: %21 = llvm.extractelement %arg2[%20 : i64] : vector<3xi1>
// CHECK-NEXT: %22 = arith.extui %21 : i1 to i64
// CHECK-NEXT: llvm.call @printI64(%22) : (i64) -> ()
// CHECK-NEXT: llvm.call @printComma() : () -> ()
// CHECK-NEXT: %23 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT: %24 = llvm.extractelement %arg2[%23 : i64] : vector<3xi1>
// CHECK-NEXT: %25 = arith.extui %24 : i1 to i64
// CHECK-NEXT: llvm.call @printI64(%25) : (i64) -> ()
// CHECK-NEXT: llvm.call @printComma() : () -> ()
// CHECK-NEXT: %26 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT: %27 = llvm.extractelement %arg2[%26 : i64] : vector<3xi1>
// CHECK-NEXT: %28 = arith.extui %27 : i1 to i64
// CHECK-NEXT: llvm.call @printI64(%28) : (i64) -> ()
// CHECK-NEXT: llvm.call @printClose() : () -> ()
// CHECK-NEXT: llvm.call @printNewline() : () -> ()
// CHECK-NEXT: llvm.call @printF64(%arg3) : (f64) -> ()
// CHECK-NEXT: llvm.call @printNewline() : () -> ()
// CHECK-NEXT: llvm.call @printU64(%1) : (i64) -> ()
// CHECK-NEXT: llvm.call @printNewline() : () -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @p(%v: vector<2xf32>, %m: vector<2x2xi8>, %b: vector<3xi1>, %x: f64, %i: index) {
  vector.print %v : vector<2xf32>
  vector.print %m : vector<2x2xi8>
  vector.print %b : vector<3xi1>
  vector.print %x : f64
  vector.print %i : index
  return
}
