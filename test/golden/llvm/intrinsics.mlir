// RUN: tensile-opt %s | FileCheck %s
// The `llvm.intr.*` ops a CPU backend uses, as MLIR 16 spells them: the float and integer families in custom form
// (two spaces before an empty attribute dictionary, as mlir-opt-16 prints), the others in generic form where
// MLIR 16 has no custom form. The CHECK lines are mlir-opt-16's output for this file.
// CHECK: llvm.func @math(%arg0: f32, %arg1: f32, %arg2: vector<4xf32>, %arg3: f64, %arg4: i32) {
// CHECK-NEXT: %0 = llvm.intr.sqrt(%arg0)  : (f32) -> f32
// CHECK-NEXT: %1 = llvm.intr.exp(%arg2)  : (vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %2 = llvm.intr.exp2(%arg0)  : (f32) -> f32
// CHECK-NEXT: %3 = llvm.intr.log(%arg0)  : (f32) -> f32
// CHECK-NEXT: %4 = llvm.intr.log2(%arg3)  : (f64) -> f64
// CHECK-NEXT: %5 = llvm.intr.log10(%arg0)  : (f32) -> f32
// CHECK-NEXT: %6 = llvm.intr.sin(%arg0)  : (f32) -> f32
// CHECK-NEXT: %7 = llvm.intr.cos(%arg0)  {fastmathFlags = #llvm.fastmath<afn>} : (f32) -> f32
// CHECK-NEXT: %8 = llvm.intr.fabs(%arg0)  : (f32) -> f32
// CHECK-NEXT: %9 = llvm.intr.floor(%arg0)  : (f32) -> f32
// CHECK-NEXT: %10 = llvm.intr.ceil(%arg0)  : (f32) -> f32
// CHECK-NEXT: %11 = llvm.intr.round(%arg0)  : (f32) -> f32
// CHECK-NEXT: %12 = llvm.intr.roundeven(%arg0)  : (f32) -> f32
// CHECK-NEXT: %13 = llvm.intr.trunc(%arg0)  : (f32) -> f32
// CHECK-NEXT: %14 = llvm.intr.pow(%arg0, %arg1)  : (f32, f32) -> f32
// CHECK-NEXT: %15 = llvm.intr.copysign(%arg0, %arg1)  : (f32, f32) -> f32
// CHECK-NEXT: %16 = llvm.intr.minnum(%arg0, %arg1)  : (f32, f32) -> f32
// CHECK-NEXT: %17 = llvm.intr.maxnum(%arg2, %arg2)  : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %18 = llvm.intr.minimum(%arg0, %arg1)  : (f32, f32) -> f32
// CHECK-NEXT: %19 = llvm.intr.maximum(%arg0, %arg1)  : (f32, f32) -> f32
// CHECK-NEXT: %20 = llvm.intr.fma(%arg0, %arg1, %arg0)  {fastmathFlags = #llvm.fastmath<contract>} : (f32, f32, f32) -> f32
// CHECK-NEXT: %21 = llvm.intr.fmuladd(%arg2, %arg2, %arg2)  : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %22 = llvm.intr.powi(%arg0, %arg4)  : (f32, i32) -> f32
// CHECK-NEXT: %23 = "llvm.intr.is.fpclass"(%arg0, %arg4) : (f32, i32) -> i1
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @integer(%arg0: i32, %arg1: i32, %arg2: vector<4xi32>, %arg3: i1) {
// CHECK-NEXT: %0 = "llvm.intr.abs"(%arg0, %arg3) : (i32, i1) -> i32
// CHECK-NEXT: %1 = llvm.intr.smax(%arg0, %arg1)  : (i32, i32) -> i32
// CHECK-NEXT: %2 = llvm.intr.smin(%arg2, %arg2)  : (vector<4xi32>, vector<4xi32>) -> vector<4xi32>
// CHECK-NEXT: %3 = llvm.intr.umax(%arg0, %arg1)  : (i32, i32) -> i32
// CHECK-NEXT: %4 = llvm.intr.umin(%arg0, %arg1)  : (i32, i32) -> i32
// CHECK-NEXT: %5 = llvm.intr.ctpop(%arg0)  : (i32) -> i32
// CHECK-NEXT: %6 = llvm.intr.bitreverse(%arg0)  : (i32) -> i32
// CHECK-NEXT: %7 = "llvm.intr.ctlz"(%arg0, %arg3) : (i32, i1) -> i32
// CHECK-NEXT: %8 = "llvm.intr.cttz"(%arg2, %arg3) : (vector<4xi32>, i1) -> vector<4xi32>
// CHECK-NEXT: %9 = "llvm.intr.sadd.with.overflow"(%arg0, %arg1) : (i32, i32) -> !llvm.struct<(i32, i1)>
// CHECK-NEXT: %10 = "llvm.intr.uadd.with.overflow"(%arg0, %arg1) : (i32, i32) -> !llvm.struct<(i32, i1)>
// CHECK-NEXT: %11 = "llvm.intr.ssub.with.overflow"(%arg0, %arg1) : (i32, i32) -> !llvm.struct<(i32, i1)>
// CHECK-NEXT: %12 = "llvm.intr.usub.with.overflow"(%arg0, %arg1) : (i32, i32) -> !llvm.struct<(i32, i1)>
// CHECK-NEXT: %13 = "llvm.intr.smul.with.overflow"(%arg2, %arg2) : (vector<4xi32>, vector<4xi32>) -> !llvm.struct<(vector<4xi32>, vector<4xi1>)>
// CHECK-NEXT: %14 = "llvm.intr.umul.with.overflow"(%arg0, %arg1) : (i32, i32) -> !llvm.struct<(i32, i1)>
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @reductions(%arg0: vector<4xi32>, %arg1: vector<4xf32>, %arg2: f32) {
// CHECK-NEXT: %0 = "llvm.intr.vector.reduce.add"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT: %1 = "llvm.intr.vector.reduce.mul"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT: %2 = "llvm.intr.vector.reduce.and"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT: %3 = "llvm.intr.vector.reduce.or"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT: %4 = "llvm.intr.vector.reduce.xor"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT: %5 = "llvm.intr.vector.reduce.smax"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT: %6 = "llvm.intr.vector.reduce.smin"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT: %7 = "llvm.intr.vector.reduce.umax"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT: %8 = "llvm.intr.vector.reduce.umin"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT: %9 = "llvm.intr.vector.reduce.fmax"(%arg1) : (vector<4xf32>) -> f32
// CHECK-NEXT: %10 = "llvm.intr.vector.reduce.fmin"(%arg1) : (vector<4xf32>) -> f32
// CHECK-NEXT: %11 = "llvm.intr.vector.reduce.fadd"(%arg2, %arg1) {reassoc = false} : (f32, vector<4xf32>) -> f32
// CHECK-NEXT: %12 = "llvm.intr.vector.reduce.fmul"(%arg2, %arg1) {reassoc = true} : (f32, vector<4xf32>) -> f32
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @memory(%arg0: !llvm.ptr, %arg1: !llvm.ptr<i8>, %arg2: i64, %arg3: i1, %arg4: i8, %arg5: vector<4xi1>, %arg6: vector<4xf32>, %arg7: !llvm.vec<4 x ptr<f32>>, %arg8: i32) {
// CHECK-NEXT: "llvm.intr.memcpy"(%arg0, %arg0, %arg2, %arg3) : (!llvm.ptr, !llvm.ptr, i64, i1) -> ()
// CHECK-NEXT: "llvm.intr.memcpy.inline"(%arg0, %arg0, %arg2, %arg3) : (!llvm.ptr, !llvm.ptr, i64, i1) -> ()
// CHECK-NEXT: "llvm.intr.memmove"(%arg0, %arg0, %arg2, %arg3) : (!llvm.ptr, !llvm.ptr, i64, i1) -> ()
// CHECK-NEXT: "llvm.intr.memset"(%arg0, %arg4, %arg2, %arg3) : (!llvm.ptr, i8, i64, i1) -> ()
// CHECK-NEXT: llvm.intr.lifetime.start 16, %arg0 : !llvm.ptr
// CHECK-NEXT: llvm.intr.lifetime.end 16, %arg0 : !llvm.ptr
// CHECK-NEXT: "llvm.intr.prefetch"(%arg0, %arg8, %arg8, %arg8) : (!llvm.ptr, i32, i32, i32) -> ()
// CHECK-NEXT: %0 = llvm.intr.stacksave : !llvm.ptr<i8>
// CHECK-NEXT: llvm.intr.stackrestore %0
// CHECK-NEXT: "llvm.intr.assume"(%arg3) : (i1) -> ()
// CHECK-NEXT: %1 = llvm.intr.masked.load %arg0, %arg5, %arg6 {alignment = 4 : i32} : (!llvm.ptr, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %2 = llvm.intr.masked.load %arg0, %arg5 {alignment = 4 : i32} : (!llvm.ptr, vector<4xi1>) -> vector<4xf32>
// CHECK-NEXT: llvm.intr.masked.store %arg6, %arg0, %arg5 {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.ptr
// CHECK-NEXT: %3 = llvm.intr.masked.gather %arg7, %arg5, %arg6 {alignment = 4 : i32} : (!llvm.vec<4 x ptr<f32>>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: llvm.intr.masked.scatter %arg6, %arg7, %arg5 {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.vec<4 x ptr<f32>>
// CHECK-NEXT: %4 = "llvm.intr.masked.expandload"(%arg0, %arg5, %arg6) : (!llvm.ptr, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: "llvm.intr.masked.compressstore"(%arg6, %arg0, %arg5) : (vector<4xf32>, !llvm.ptr, vector<4xi1>) -> ()
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @vectors(%arg0: i32, %arg1: i32, %arg2: vector<4xf32>, %arg3: vector<8xf32>, %arg4: vector<[4]xf32>, %arg5: !llvm.ptr<i8>) {
// CHECK-NEXT: %0 = "llvm.intr.vscale"() : () -> i64
// CHECK-NEXT: %1 = llvm.intr.experimental.stepvector : vector<4xi32>
// CHECK-NEXT: %2 = llvm.intr.get.active.lane.mask %arg0, %arg1 : i32, i32 to vector<4xi1>
// CHECK-NEXT: %3 = llvm.intr.vector.insert %arg2, %arg3[4] : vector<4xf32> into vector<8xf32>
// CHECK-NEXT: %4 = llvm.intr.vector.extract %arg3[0] : vector<4xf32> from vector<8xf32>
// CHECK-NEXT: %5 = llvm.intr.vector.insert %arg2, %arg4[0] : vector<4xf32> into vector<[4]xf32>
// CHECK-NEXT: %6 = llvm.intr.eh.typeid.for %arg5 : i32
// CHECK-NEXT: %7 = llvm.call_intrinsic "llvm.fshl.i32"(%arg0, %arg1, %arg0) : (i32, i32, i32) -> i32
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }

llvm.func @math(%a: f32, %b: f32, %v: vector<4xf32>, %d: f64, %i: i32) {
  %0 = llvm.intr.sqrt(%a) : (f32) -> f32
  %1 = llvm.intr.exp(%v) : (vector<4xf32>) -> vector<4xf32>
  %2 = llvm.intr.exp2(%a) : (f32) -> f32
  %3 = llvm.intr.log(%a) : (f32) -> f32
  %4 = llvm.intr.log2(%d) : (f64) -> f64
  %5 = llvm.intr.log10(%a) : (f32) -> f32
  %6 = llvm.intr.sin(%a) : (f32) -> f32
  %7 = llvm.intr.cos(%a) {fastmathFlags = #llvm.fastmath<afn>} : (f32) -> f32
  %8 = llvm.intr.fabs(%a) : (f32) -> f32
  %9 = llvm.intr.floor(%a) : (f32) -> f32
  %10 = llvm.intr.ceil(%a) : (f32) -> f32
  %11 = llvm.intr.round(%a) : (f32) -> f32
  %12 = llvm.intr.roundeven(%a) : (f32) -> f32
  %13 = llvm.intr.trunc(%a) : (f32) -> f32
  %14 = llvm.intr.pow(%a, %b) : (f32, f32) -> f32
  %15 = llvm.intr.copysign(%a, %b) : (f32, f32) -> f32
  %16 = llvm.intr.minnum(%a, %b) : (f32, f32) -> f32
  %17 = llvm.intr.maxnum(%v, %v) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
  %18 = llvm.intr.minimum(%a, %b) : (f32, f32) -> f32
  %19 = llvm.intr.maximum(%a, %b) : (f32, f32) -> f32
  %20 = llvm.intr.fma(%a, %b, %a) {fastmathFlags = #llvm.fastmath<contract>} : (f32, f32, f32) -> f32
  %21 = llvm.intr.fmuladd(%v, %v, %v) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
  %22 = llvm.intr.powi(%a, %i) : (f32, i32) -> f32
  %23 = "llvm.intr.is.fpclass"(%a, %i) : (f32, i32) -> i1
  llvm.return
}

llvm.func @integer(%i: i32, %j: i32, %vi: vector<4xi32>, %c: i1) {
  %0 = "llvm.intr.abs"(%i, %c) : (i32, i1) -> i32
  %1 = llvm.intr.smax(%i, %j) : (i32, i32) -> i32
  %2 = llvm.intr.smin(%vi, %vi) : (vector<4xi32>, vector<4xi32>) -> vector<4xi32>
  %3 = llvm.intr.umax(%i, %j) : (i32, i32) -> i32
  %4 = llvm.intr.umin(%i, %j) : (i32, i32) -> i32
  %5 = llvm.intr.ctpop(%i) : (i32) -> i32
  %6 = llvm.intr.bitreverse(%i) : (i32) -> i32
  %7 = "llvm.intr.ctlz"(%i, %c) : (i32, i1) -> i32
  %8 = "llvm.intr.cttz"(%vi, %c) : (vector<4xi32>, i1) -> vector<4xi32>
  %9 = "llvm.intr.sadd.with.overflow"(%i, %j) : (i32, i32) -> !llvm.struct<(i32, i1)>
  %10 = "llvm.intr.uadd.with.overflow"(%i, %j) : (i32, i32) -> !llvm.struct<(i32, i1)>
  %11 = "llvm.intr.ssub.with.overflow"(%i, %j) : (i32, i32) -> !llvm.struct<(i32, i1)>
  %12 = "llvm.intr.usub.with.overflow"(%i, %j) : (i32, i32) -> !llvm.struct<(i32, i1)>
  %13 = "llvm.intr.smul.with.overflow"(%vi, %vi) : (vector<4xi32>, vector<4xi32>) -> !llvm.struct<(vector<4xi32>, vector<4xi1>)>
  %14 = "llvm.intr.umul.with.overflow"(%i, %j) : (i32, i32) -> !llvm.struct<(i32, i1)>
  llvm.return
}

func.func @reductions(%vi: vector<4xi32>, %v: vector<4xf32>, %a: f32) {
  %0 = "llvm.intr.vector.reduce.add"(%vi) : (vector<4xi32>) -> i32
  %1 = "llvm.intr.vector.reduce.mul"(%vi) : (vector<4xi32>) -> i32
  %2 = "llvm.intr.vector.reduce.and"(%vi) : (vector<4xi32>) -> i32
  %3 = "llvm.intr.vector.reduce.or"(%vi) : (vector<4xi32>) -> i32
  %4 = "llvm.intr.vector.reduce.xor"(%vi) : (vector<4xi32>) -> i32
  %5 = "llvm.intr.vector.reduce.smax"(%vi) : (vector<4xi32>) -> i32
  %6 = "llvm.intr.vector.reduce.smin"(%vi) : (vector<4xi32>) -> i32
  %7 = "llvm.intr.vector.reduce.umax"(%vi) : (vector<4xi32>) -> i32
  %8 = "llvm.intr.vector.reduce.umin"(%vi) : (vector<4xi32>) -> i32
  %9 = "llvm.intr.vector.reduce.fmax"(%v) : (vector<4xf32>) -> f32
  %10 = "llvm.intr.vector.reduce.fmin"(%v) : (vector<4xf32>) -> f32
  %11 = "llvm.intr.vector.reduce.fadd"(%a, %v) : (f32, vector<4xf32>) -> f32
  %12 = "llvm.intr.vector.reduce.fmul"(%a, %v) {reassoc = true} : (f32, vector<4xf32>) -> f32
  return
}

llvm.func @memory(%p: !llvm.ptr, %q: !llvm.ptr<i8>, %n: i64, %c: i1, %b: i8, %m: vector<4xi1>, %v: vector<4xf32>, %ps: !llvm.vec<4 x ptr<f32>>, %i: i32) {
  "llvm.intr.memcpy"(%p, %p, %n, %c) : (!llvm.ptr, !llvm.ptr, i64, i1) -> ()
  "llvm.intr.memcpy.inline"(%p, %p, %n, %c) : (!llvm.ptr, !llvm.ptr, i64, i1) -> ()
  "llvm.intr.memmove"(%p, %p, %n, %c) : (!llvm.ptr, !llvm.ptr, i64, i1) -> ()
  "llvm.intr.memset"(%p, %b, %n, %c) : (!llvm.ptr, i8, i64, i1) -> ()
  llvm.intr.lifetime.start 16, %p : !llvm.ptr
  llvm.intr.lifetime.end 16, %p : !llvm.ptr
  "llvm.intr.prefetch"(%p, %i, %i, %i) : (!llvm.ptr, i32, i32, i32) -> ()
  %0 = llvm.intr.stacksave : !llvm.ptr<i8>
  llvm.intr.stackrestore %0
  "llvm.intr.assume"(%c) : (i1) -> ()
  %1 = llvm.intr.masked.load %p, %m, %v {alignment = 4 : i32} : (!llvm.ptr, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
  %2 = llvm.intr.masked.load %p, %m {alignment = 4 : i32} : (!llvm.ptr, vector<4xi1>) -> vector<4xf32>
  llvm.intr.masked.store %v, %p, %m {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.ptr
  %3 = llvm.intr.masked.gather %ps, %m, %v {alignment = 4 : i32} : (!llvm.vec<4 x ptr<f32>>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
  llvm.intr.masked.scatter %v, %ps, %m {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.vec<4 x ptr<f32>>
  %4 = "llvm.intr.masked.expandload"(%p, %m, %v) : (!llvm.ptr, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
  "llvm.intr.masked.compressstore"(%v, %p, %m) : (vector<4xf32>, !llvm.ptr, vector<4xi1>) -> ()
  llvm.return
}

llvm.func @vectors(%i: i32, %n: i32, %v: vector<4xf32>, %w: vector<8xf32>, %s: vector<[4]xf32>, %q: !llvm.ptr<i8>) {
  %0 = "llvm.intr.vscale"() : () -> i64
  %1 = llvm.intr.experimental.stepvector : vector<4xi32>
  %2 = llvm.intr.get.active.lane.mask %i, %n : i32, i32 to vector<4xi1>
  %3 = llvm.intr.vector.insert %v, %w[4] : vector<4xf32> into vector<8xf32>
  %4 = llvm.intr.vector.extract %w[0] : vector<4xf32> from vector<8xf32>
  %5 = llvm.intr.vector.insert %v, %s[0] : vector<4xf32> into vector<[4]xf32>
  %6 = llvm.intr.eh.typeid.for %q : i32
  %7 = llvm.call_intrinsic "llvm.fshl.i32"(%i, %n, %i) : (i32, i32, i32) -> i32
  llvm.return
}
