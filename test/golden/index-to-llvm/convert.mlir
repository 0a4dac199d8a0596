// RUN: tensile-opt %s --convert-index-to-llvm | FileCheck %s
// Every index op becomes its llvm arithmetic on i64 (ceildiv/floordiv by MLIR 16's branch-free formulas). The CHECK
// lines are mlir-opt-16 --convert-index-to-llvm's output for this file (one index argument per function: with
// several, the order of the argument casts differs from MLIR's, see rewrites/index-to-llvm).
// CHECK: func.func @arith(%arg0: index) -> index {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : index to i64
// CHECK-NEXT:   %1 = llvm.mlir.constant(7 : i64) : i64
// CHECK-NEXT:   %2 = llvm.add %0, %1  : i64
// CHECK-NEXT:   %3 = llvm.sub %2, %0  : i64
// CHECK-NEXT:   %4 = llvm.mul %3, %1  : i64
// CHECK-NEXT:   %5 = llvm.sdiv %4, %1  : i64
// CHECK-NEXT:   %6 = llvm.udiv %5, %1  : i64
// CHECK-NEXT:   %7 = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:   %8 = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:   %9 = llvm.mlir.constant(-1 : i64) : i64
// CHECK-NEXT:   %10 = llvm.icmp "sgt" %1, %7 : i64
// CHECK-NEXT:   %11 = llvm.select %10, %9, %8 : i1, i64
// CHECK-NEXT:   %12 = llvm.add %6, %11  : i64
// CHECK-NEXT:   %13 = llvm.sdiv %12, %1  : i64
// CHECK-NEXT:   %14 = llvm.add %13, %8  : i64
// CHECK-NEXT:   %15 = llvm.sub %7, %6  : i64
// CHECK-NEXT:   %16 = llvm.sdiv %15, %1  : i64
// CHECK-NEXT:   %17 = llvm.sub %7, %16  : i64
// CHECK-NEXT:   %18 = llvm.icmp "sgt" %6, %7 : i64
// CHECK-NEXT:   %19 = llvm.icmp "eq" %18, %10 : i1
// CHECK-NEXT:   %20 = llvm.icmp "ne" %6, %7 : i64
// CHECK-NEXT:   %21 = llvm.and %19, %20  : i1
// CHECK-NEXT:   %22 = llvm.select %21, %14, %17 : i1, i64
// CHECK-NEXT:   %23 = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:   %24 = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:   %25 = llvm.sub %22, %24  : i64
// CHECK-NEXT:   %26 = llvm.udiv %25, %1  : i64
// CHECK-NEXT:   %27 = llvm.add %26, %24  : i64
// CHECK-NEXT:   %28 = llvm.icmp "eq" %22, %23 : i64
// CHECK-NEXT:   %29 = llvm.select %28, %23, %27 : i1, i64
// CHECK-NEXT:   %30 = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:   %31 = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:   %32 = llvm.mlir.constant(-1 : i64) : i64
// CHECK-NEXT:   %33 = llvm.icmp "slt" %1, %30 : i64
// CHECK-NEXT:   %34 = llvm.select %33, %31, %32 : i1, i64
// CHECK-NEXT:   %35 = llvm.sub %34, %29  : i64
// CHECK-NEXT:   %36 = llvm.sdiv %35, %1  : i64
// CHECK-NEXT:   %37 = llvm.sub %32, %36  : i64
// CHECK-NEXT:   %38 = llvm.sdiv %29, %1  : i64
// CHECK-NEXT:   %39 = llvm.icmp "slt" %29, %30 : i64
// CHECK-NEXT:   %40 = llvm.icmp "ne" %39, %33 : i1
// CHECK-NEXT:   %41 = llvm.icmp "ne" %29, %30 : i64
// CHECK-NEXT:   %42 = llvm.and %40, %41  : i1
// CHECK-NEXT:   %43 = llvm.select %42, %37, %38 : i1, i64
// CHECK-NEXT:   %44 = llvm.srem %43, %1  : i64
// CHECK-NEXT:   %45 = llvm.urem %44, %1  : i64
// CHECK-NEXT:   %46 = llvm.intr.smax(%45, %1)  : (i64, i64) -> i64
// CHECK-NEXT:   %47 = llvm.intr.umax(%46, %1)  : (i64, i64) -> i64
// CHECK-NEXT:   %48 = llvm.intr.smin(%47, %1)  : (i64, i64) -> i64
// CHECK-NEXT:   %49 = llvm.intr.umin(%48, %1)  : (i64, i64) -> i64
// CHECK-NEXT:   %50 = llvm.shl %49, %1  : i64
// CHECK-NEXT:   %51 = llvm.ashr %50, %1  : i64
// CHECK-NEXT:   %52 = llvm.lshr %51, %1  : i64
// CHECK-NEXT:   %53 = llvm.and %52, %1  : i64
// CHECK-NEXT:   %54 = llvm.or %53, %1  : i64
// CHECK-NEXT:   %55 = llvm.xor %54, %1  : i64
// CHECK-NEXT:   %56 = builtin.unrealized_conversion_cast %55 : i64 to index
// CHECK-NEXT:   return %56 : index
// CHECK-NEXT: }
// CHECK-NEXT: func.func @compare_cast(%arg0: index) -> (i1, i1, i32, i64, index) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : index to i64
// CHECK-NEXT:   %1 = llvm.mlir.constant(-3 : i64) : i64
// CHECK-NEXT:   %2 = llvm.icmp "slt" %0, %1 : i64
// CHECK-NEXT:   %3 = llvm.icmp "uge" %0, %1 : i64
// CHECK-NEXT:   %4 = llvm.trunc %0 : i64 to i32
// CHECK-NEXT:   %5 = llvm.mlir.constant(64 : i64) : i64
// CHECK-NEXT:   %6 = builtin.unrealized_conversion_cast %5 : i64 to index
// CHECK-NEXT:   return %2, %3, %4, %0, %6 : i1, i1, i32, i64, index
// CHECK-NEXT: }
// CHECK-NEXT: func.func @bool() -> i1 {
// CHECK-NEXT:   %0 = llvm.mlir.constant(true) : i1
// CHECK-NEXT:   return %0 : i1
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @arith(%a: index) -> index {
  %c = index.constant 7
  %0 = index.add %a, %c
  %1 = index.sub %0, %a
  %2 = index.mul %1, %c
  %3 = index.divs %2, %c
  %4 = index.divu %3, %c
  %5 = index.ceildivs %4, %c
  %6 = index.ceildivu %5, %c
  %7 = index.floordivs %6, %c
  %8 = index.rems %7, %c
  %9 = index.remu %8, %c
  %10 = index.maxs %9, %c
  %11 = index.maxu %10, %c
  %12 = index.mins %11, %c
  %13 = index.minu %12, %c
  %14 = index.shl %13, %c
  %15 = index.shrs %14, %c
  %16 = index.shru %15, %c
  %17 = index.and %16, %c
  %18 = index.or %17, %c
  %19 = index.xor %18, %c
  return %19 : index
}
func.func @compare_cast(%a: index) -> (i1, i1, i32, i64, index) {
  %c = index.constant -3
  %0 = index.cmp slt(%a, %c)
  %1 = index.cmp uge(%a, %c)
  %2 = index.casts %a : index to i32
  %3 = index.castu %a : index to i64
  %s = index.sizeof
  return %0, %1, %2, %3, %s : i1, i1, i32, i64, index
}
func.func @bool() -> i1 {
  %t = index.bool.constant true
  return %t : i1
}
