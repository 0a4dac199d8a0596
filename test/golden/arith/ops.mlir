// RUN: tensile-opt %s | FileCheck %s
// Every arith op in MLIR 16's custom form; the CHECK lines are mlir-opt-16's own output for this file.

// CHECK-LABEL: func.func @int_ops(
// CHECK-SAME: %arg0: i32, %arg1: i32, %arg2: index, %arg3: vector<4xi64>, %arg4: tensor<?x4xi8>) -> i32 {
// CHECK-NEXT: %0 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.subi %arg0, %arg1 : i32
// CHECK-NEXT: %2 = arith.muli %arg2, %arg2 : index
// CHECK-NEXT: %3 = arith.divui %arg0, %arg1 : i32
// CHECK-NEXT: %4 = arith.divsi %arg3, %arg3 : vector<4xi64>
// CHECK-NEXT: %5 = arith.ceildivui %arg0, %arg1 : i32
// CHECK-NEXT: %6 = arith.ceildivsi %arg4, %arg4 : tensor<?x4xi8>
// CHECK-NEXT: %7 = arith.floordivsi %arg0, %arg1 : i32
// CHECK-NEXT: %8 = arith.remui %arg0, %arg1 : i32
// CHECK-NEXT: %9 = arith.remsi %arg2, %arg2 : index
// CHECK-NEXT: %10 = arith.andi %arg0, %arg1 : i32
// CHECK-NEXT: %11 = arith.ori %arg3, %arg3 : vector<4xi64>
// CHECK-NEXT: %12 = arith.xori %arg0, %arg1 : i32
// CHECK-NEXT: %13 = arith.shli %arg0, %arg1 : i32
// CHECK-NEXT: %14 = arith.shrui %arg0, %arg1 : i32
// CHECK-NEXT: %15 = arith.shrsi %arg4, %arg4 : tensor<?x4xi8>
// CHECK-NEXT: %16 = arith.maxsi %arg0, %arg1 : i32
// CHECK-NEXT: %17 = arith.maxui %arg0, %arg1 : i32
// CHECK-NEXT: %18 = arith.minsi %arg2, %arg2 : index
// CHECK-NEXT: %19 = arith.minui %arg0, %arg1 {tag = "keep"} : i32
// CHECK-NEXT: %sum, %overflow = arith.addui_extended %arg0, %arg1 : i32, i1
// CHECK-NEXT: %sum_0, %overflow_1 = arith.addui_extended %arg3, %arg3 : vector<4xi64>, vector<4xi1>
// CHECK-NEXT: %low, %high = arith.mulsi_extended %arg0, %arg1 : i32
// CHECK-NEXT: %low_2, %high_3 = arith.mului_extended %arg4, %arg4 : tensor<?x4xi8>
// CHECK-NEXT: return %0 : i32
func.func @int_ops(%a: i32, %b: i32, %x: index, %v: vector<4xi64>, %t: tensor<?x4xi8>) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.subi %a, %b : i32
  %2 = arith.muli %x, %x : index
  %3 = arith.divui %a, %b : i32
  %4 = arith.divsi %v, %v : vector<4xi64>
  %5 = arith.ceildivui %a, %b : i32
  %6 = arith.ceildivsi %t, %t : tensor<?x4xi8>
  %7 = arith.floordivsi %a, %b : i32
  %8 = arith.remui %a, %b : i32
  %9 = arith.remsi %x, %x : index
  %10 = arith.andi %a, %b : i32
  %11 = arith.ori %v, %v : vector<4xi64>
  %12 = arith.xori %a, %b : i32
  %13 = arith.shli %a, %b : i32
  %14 = arith.shrui %a, %b : i32
  %15 = arith.shrsi %t, %t : tensor<?x4xi8>
  %16 = arith.maxsi %a, %b : i32
  %17 = arith.maxui %a, %b : i32
  %18 = arith.minsi %x, %x : index
  %19 = arith.minui %a, %b {tag = "keep"} : i32
  %sum, %overflow = arith.addui_extended %a, %b : i32, i1
  %20:2 = arith.addui_extended %v, %v : vector<4xi64>, vector<4xi1>
  %low, %high = arith.mulsi_extended %a, %b : i32
  %21:2 = arith.mului_extended %t, %t : tensor<?x4xi8>
  return %0 : i32
}

// CHECK-LABEL: func.func @float_ops(
// CHECK-SAME: %arg0: f32, %arg1: f32, %arg2: vector<8xf16>, %arg3: tensor<*xf64>, %arg4: bf16) -> f32 {
// CHECK-NEXT: %0 = arith.negf %arg0 : f32
// CHECK-NEXT: %1 = arith.negf %arg2 fastmath<nnan> : vector<8xf16>
// CHECK-NEXT: %2 = arith.addf %arg0, %arg1 : f32
// CHECK-NEXT: %3 = arith.addf %arg0, %arg1 fastmath<fast> : f32
// CHECK-NEXT: %4 = arith.subf %arg2, %arg2 fastmath<reassoc,contract> : vector<8xf16>
// CHECK-NEXT: %5 = arith.mulf %arg3, %arg3 : tensor<*xf64>
// CHECK-NEXT: %6 = arith.divf %arg0, %arg1 fastmath<nnan,afn> : f32
// CHECK-NEXT: %7 = arith.remf %arg4, %arg4 : bf16
// CHECK-NEXT: %8 = arith.maxf %arg0, %arg1 fastmath<ninf,nsz,arcp> : f32
// CHECK-NEXT: %9 = arith.minf %arg0, %arg1 fastmath<fast> : f32
// CHECK-NEXT: %10 = arith.addf %arg0, %arg1 fastmath<nsz> {note = 1 : i8} : f32
// CHECK-NEXT: return %0 : f32
func.func @float_ops(%a: f32, %b: f32, %v: vector<8xf16>, %t: tensor<*xf64>, %h: bf16) -> f32 {
  %0 = arith.negf %a : f32
  %1 = arith.negf %v fastmath<nnan> : vector<8xf16>
  %2 = arith.addf %a, %b : f32
  %3 = arith.addf %a, %b fastmath<fast> : f32
  %4 = arith.subf %v, %v fastmath<reassoc,contract> : vector<8xf16>
  %5 = arith.mulf %t, %t fastmath<none> : tensor<*xf64>
  %6 = arith.divf %a, %b fastmath<afn,nnan> : f32
  %7 = arith.remf %h, %h : bf16
  %8 = arith.maxf %a, %b fastmath<ninf,nsz,arcp> : f32
  %9 = arith.minf %a, %b {fastmath = #arith.fastmath<nnan,ninf,nsz,arcp,contract,afn,reassoc>} : f32
  %10 = arith.addf %a, %b fastmath<nsz> {note = 1 : i8} : f32
  return %0 : f32
}

// CHECK-LABEL: func.func @casts(
// CHECK-SAME: %arg0: i32, %arg1: f32, %arg2: index, %arg3: vector<2xi16>, %arg4: vector<2xf64>, %arg5: memref<4xi32>, %arg6: vector<i8>) {
// CHECK-NEXT: %0 = arith.extui %arg0 : i32 to i64
// CHECK-NEXT: %1 = arith.extsi %arg3 : vector<2xi16> to vector<2xi32>
// CHECK-NEXT: %2 = arith.extf %arg1 : f32 to f64
// CHECK-NEXT: %3 = arith.trunci %arg0 : i32 to i1
// CHECK-NEXT: %4 = arith.truncf %arg4 : vector<2xf64> to vector<2xbf16>
// CHECK-NEXT: %5 = arith.uitofp %arg0 : i32 to f16
// CHECK-NEXT: %6 = arith.sitofp %arg3 : vector<2xi16> to vector<2xf32>
// CHECK-NEXT: %7 = arith.fptoui %arg1 : f32 to i8
// CHECK-NEXT: %8 = arith.fptosi %arg4 : vector<2xf64> to vector<2xi64>
// CHECK-NEXT: %9 = arith.index_cast %arg2 : index to i32
// CHECK-NEXT: %10 = arith.index_cast %arg0 : i32 to index
// CHECK-NEXT: %11 = arith.index_castui %arg2 : index to i64
// CHECK-NEXT: %12 = arith.index_cast %arg5 : memref<4xi32> to memref<4xindex>
// CHECK-NEXT: %13 = arith.bitcast %arg0 : i32 to f32
// CHECK-NEXT: %14 = arith.bitcast %arg4 : vector<2xf64> to vector<2xi64>
// CHECK-NEXT: %15 = arith.bitcast %arg5 : memref<4xi32> to memref<4xf32>
// CHECK-NEXT: %16 = arith.extsi %arg6 : vector<i8> to vector<i32>
// CHECK-NEXT: return
func.func @casts(%i: i32, %f: f32, %x: index, %vi: vector<2xi16>, %vf: vector<2xf64>, %m: memref<4xi32>, %z: vector<i8>) {
  %0 = arith.extui %i : i32 to i64
  %1 = arith.extsi %vi : vector<2xi16> to vector<2xi32>
  %2 = arith.extf %f : f32 to f64
  %3 = arith.trunci %i : i32 to i1
  %4 = arith.truncf %vf : vector<2xf64> to vector<2xbf16>
  %5 = arith.uitofp %i : i32 to f16
  %6 = arith.sitofp %vi : vector<2xi16> to vector<2xf32>
  %7 = arith.fptoui %f : f32 to i8
  %8 = arith.fptosi %vf : vector<2xf64> to vector<2xi64>
  %9 = arith.index_cast %x : index to i32
  %10 = arith.index_cast %i : i32 to index
  %11 = arith.index_castui %x : index to i64
  %12 = arith.index_cast %m : memref<4xi32> to memref<4xindex>
  %13 = arith.bitcast %i : i32 to f32
  %14 = arith.bitcast %vf : vector<2xf64> to vector<2xi64>
  %15 = arith.bitcast %m : memref<4xi32> to memref<4xf32>
  %16 = arith.extsi %z : vector<i8> to vector<i32>
  return
}

// CHECK-LABEL: func.func @compare_select(
// CHECK-SAME: %arg0: i32, %arg1: i32, %arg2: f32, %arg3: f32, %arg4: vector<4xf32>, %arg5: i1, %arg6: vector<4xi1>, %arg7: tensor<?xi64>, %arg8: vector<i32>) {
// CHECK-NEXT: %0 = arith.cmpi eq, %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.cmpi ne, %arg0, %arg1 : i32
// CHECK-NEXT: %2 = arith.cmpi slt, %arg0, %arg1 : i32
// CHECK-NEXT: %3 = arith.cmpi sle, %arg0, %arg1 : i32
// CHECK-NEXT: %4 = arith.cmpi sgt, %arg0, %arg1 : i32
// CHECK-NEXT: %5 = arith.cmpi sge, %arg7, %arg7 : tensor<?xi64>
// CHECK-NEXT: %6 = arith.cmpi ult, %arg0, %arg1 : i32
// CHECK-NEXT: %7 = arith.cmpi ule, %arg0, %arg1 : i32
// CHECK-NEXT: %8 = arith.cmpi ugt, %arg8, %arg8 : vector<i32>
// CHECK-NEXT: %9 = arith.cmpi uge, %arg0, %arg1 {tag} : i32
// CHECK-NEXT: %10 = arith.cmpf false, %arg2, %arg3 : f32
// CHECK-NEXT: %11 = arith.cmpf oeq, %arg2, %arg3 : f32
// CHECK-NEXT: %12 = arith.cmpf ogt, %arg2, %arg3 : f32
// CHECK-NEXT: %13 = arith.cmpf oge, %arg2, %arg3 : f32
// CHECK-NEXT: %14 = arith.cmpf olt, %arg4, %arg4 : vector<4xf32>
// CHECK-NEXT: %15 = arith.cmpf ole, %arg2, %arg3 : f32
// CHECK-NEXT: %16 = arith.cmpf one, %arg2, %arg3 : f32
// CHECK-NEXT: %17 = arith.cmpf ord, %arg2, %arg3 : f32
// CHECK-NEXT: %18 = arith.cmpf ueq, %arg2, %arg3 : f32
// CHECK-NEXT: %19 = arith.cmpf ugt, %arg2, %arg3 : f32
// CHECK-NEXT: %20 = arith.cmpf uge, %arg2, %arg3 : f32
// CHECK-NEXT: %21 = arith.cmpf ult, %arg2, %arg3 : f32
// CHECK-NEXT: %22 = arith.cmpf ule, %arg2, %arg3 : f32
// CHECK-NEXT: %23 = arith.cmpf une, %arg2, %arg3 : f32
// CHECK-NEXT: %24 = arith.cmpf uno, %arg2, %arg3 : f32
// CHECK-NEXT: %25 = arith.cmpf true, %arg2, %arg3 : f32
// CHECK-NEXT: %26 = arith.select %arg5, %arg0, %arg1 : i32
// CHECK-NEXT: %27 = arith.select %arg6, %arg4, %arg4 : vector<4xi1>, vector<4xf32>
// CHECK-NEXT: %28 = arith.select %arg5, %arg4, %arg4 {tag} : vector<4xf32>
// CHECK-NEXT: %29 = arith.select %0, %arg7, %arg7 : tensor<?xi64>
// CHECK-NEXT: return
func.func @compare_select(%a: i32, %b: i32, %f: f32, %g: f32, %v: vector<4xf32>, %c: i1, %vc: vector<4xi1>, %t: tensor<?xi64>, %z: vector<i32>) {
  %0 = arith.cmpi eq, %a, %b : i32
  %1 = arith.cmpi ne, %a, %b : i32
  %2 = arith.cmpi slt, %a, %b : i32
  %3 = arith.cmpi sle, %a, %b : i32
  %4 = arith.cmpi sgt, %a, %b : i32
  %5 = arith.cmpi sge, %t, %t : tensor<?xi64>
  %6 = arith.cmpi ult, %a, %b : i32
  %7 = arith.cmpi ule, %a, %b : i32
  %8 = arith.cmpi ugt, %z, %z : vector<i32>
  %9 = arith.cmpi uge, %a, %b {tag} : i32
  %10 = arith.cmpf false, %f, %g : f32
  %11 = arith.cmpf oeq, %f, %g : f32
  %12 = arith.cmpf ogt, %f, %g : f32
  %13 = arith.cmpf oge, %f, %g : f32
  %14 = arith.cmpf olt, %v, %v : vector<4xf32>
  %15 = arith.cmpf ole, %f, %g : f32
  %16 = arith.cmpf one, %f, %g : f32
  %17 = arith.cmpf ord, %f, %g : f32
  %18 = arith.cmpf ueq, %f, %g : f32
  %19 = arith.cmpf ugt, %f, %g : f32
  %20 = arith.cmpf uge, %f, %g : f32
  %21 = arith.cmpf ult, %f, %g : f32
  %22 = arith.cmpf ule, %f, %g : f32
  %23 = arith.cmpf une, %f, %g : f32
  %24 = arith.cmpf uno, %f, %g : f32
  %25 = arith.cmpf true, %f, %g : f32
  %26 = arith.select %c, %a, %b : i32
  %27 = arith.select %vc, %v, %v : vector<4xi1>, vector<4xf32>
  %28 = arith.select %c, %v, %v {tag} : vector<4xf32>
  %29 = arith.select %0, %t, %t : tensor<?xi64>
  return
}

// CHECK-LABEL: func.func @constants(
// CHECK-SAME: ) {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c-7 = arith.constant -7 : index
// CHECK-NEXT: %c42_i32 = arith.constant 42 : i32
// CHECK-NEXT: %c-1_i64 = arith.constant -1 : i64
// CHECK-NEXT: %c-1_i8 = arith.constant -1 : i8
// CHECK-NEXT: %c7_i64 = arith.constant 7 : i64
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %cst = arith.constant 1.500000e+00 : f32
// CHECK-NEXT: %cst_0 = arith.constant -0.000000e+00 : f64
// CHECK-NEXT: %cst_1 = arith.constant 0x7FC00000 : f32
// CHECK-NEXT: %cst_2 = arith.constant 9.999220e+09 : bf16
// CHECK-NEXT: %cst_3 = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK-NEXT: %cst_4 = arith.constant dense<[1, 2, 3]> : vector<3xi32>
// CHECK-NEXT: %cst_5 = arith.constant dense<[true, false]> : vector<2xi1>
// CHECK-NEXT: %c3_i16 = arith.constant {tag} 3 : i16
// CHECK-NEXT: %c0_i0 = arith.constant 0 : i0
// CHECK-NEXT: %cst_6 = arith.constant dense<0> : tensor<2x2xindex>
// CHECK-NEXT: return
func.func @constants() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c-7 = arith.constant -7 : index
  %0 = arith.constant 42 : i32
  %1 = arith.constant -1 : i64
  %2 = arith.constant 255 : i8
  %3 = arith.constant 7
  %4 = arith.constant true
  %5 = arith.constant false
  %6 = arith.constant 1.5 : f32
  %7 = arith.constant -0.0 : f64
  %8 = arith.constant 0x7FC00000 : f32
  %9 = arith.constant 1.0e+10 : bf16
  %10 = arith.constant dense<1.0> : tensor<4xf32>
  %11 = arith.constant dense<[1, 2, 3]> : vector<3xi32>
  %12 = arith.constant dense<[true, false]> : vector<2xi1>
  %13 = arith.constant {tag} 3 : i16
  %14 = arith.constant 0 : i0
  %15 = arith.constant dense<0> : tensor<2x2xindex>
  return
}
