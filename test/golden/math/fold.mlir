// RUN: tensile-opt %s --canonicalize | FileCheck %s

// Library functions fold for f32 (computed in f64, rounded once) and f64.
// CHECK-LABEL: func.func @libm_f32
// CHECK-DAG:     %[[SQRT:.+]] = arith.constant 1.41421354 : f32
// CHECK-DAG:     %[[EXP:.+]] = arith.constant 7.3890562 : f32
// CHECK-DAG:     %[[LOG2:.+]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG:     %[[POW:.+]] = arith.constant 8.000000e+00 : f32
// CHECK-DAG:     %[[ROUND:.+]] = arith.constant 3.000000e+00 : f32
// CHECK:         return %[[SQRT]], %[[EXP]], %[[LOG2]], %[[POW]], %[[ROUND]], %[[LOG2]]
func.func @libm_f32() -> (f32, f32, f32, f32, f32, f32) {
  %two = arith.constant 2.0 : f32
  %three = arith.constant 3.0 : f32
  %half = arith.constant 2.5 : f32
  %0 = math.sqrt %two : f32
  %1 = math.exp %two : f32
  %2 = math.log2 %two : f32
  %3 = math.powf %two, %three : f32
  %4 = math.round %half : f32
  %5 = math.trunc %two : f32
  %6 = arith.divf %5, %two : f32
  return %0, %1, %2, %3, %4, %6 : f32, f32, f32, f32, f32, f32
}

// CHECK-LABEL: func.func @libm_f64
// CHECK-DAG:     %[[ERF:.+]] = arith.constant 0.84270079294971489 : f64
// CHECK-DAG:     %[[ATAN2:.+]] = arith.constant 0.78539816339744828 : f64
// CHECK:         return %[[ERF]], %[[ATAN2]]
func.func @libm_f64() -> (f64, f64) {
  %one = arith.constant 1.0 : f64
  %0 = math.erf %one : f64
  %1 = math.atan2 %one, %one : f64
  return %0, %1 : f64, f64
}

// absf, copysign, ceil, floor and roundeven are exact and fold for f16 and bf16 too; the library functions do not.
// CHECK-LABEL: func.func @half
// CHECK-DAG:     %[[A:.+]] = arith.constant 2.500000e+00 : f16
// CHECK-DAG:     %[[C:.+]] = arith.constant -2.000000e+00 : f16
// CHECK-DAG:     %[[F:.+]] = arith.constant -3.000000e+00 : f16
// CHECK-DAG:     %[[E:.+]] = arith.constant -2.000000e+00 : bf16
// CHECK:         %[[S:.+]] = math.sin
// CHECK:         %[[T:.+]] = math.trunc
// CHECK:         return %[[A]], %[[C]], %[[F]], %[[A]], %[[E]], %[[S]], %[[T]]
func.func @half() -> (f16, f16, f16, f16, bf16, f16, f16) {
  %x = arith.constant -2.5 : f16
  %y = arith.constant 1.0 : f16
  %b = arith.constant -2.5 : bf16
  %0 = math.absf %x : f16
  %1 = math.ceil %x : f16
  %2 = math.floor %x : f16
  %3 = math.copysign %x, %y : f16
  %4 = math.roundeven %b : bf16
  %5 = math.sin %x : f16
  %6 = math.trunc %x : f16
  return %0, %1, %2, %3, %4, %5, %6 : f16, f16, f16, f16, bf16, f16, f16
}

// What MLIR 16 leaves alone: logs and sqrt of negative values (-0.0 too), cbrt, rsqrt, fma, fpowi.
// CHECK-LABEL: func.func @not_folded
// CHECK:         math.log
// CHECK:         math.sqrt
// CHECK:         math.log1p
// CHECK:         math.cbrt
// CHECK:         math.rsqrt
// CHECK:         math.fma
// CHECK:         math.fpowi
func.func @not_folded() -> (f32, f32, f32, f32, f32, f32, f32) {
  %m = arith.constant -1.0 : f32
  %z = arith.constant -0.0 : f32
  %m2 = arith.constant -2.0 : f32
  %two = arith.constant 2.0 : f32
  %n = arith.constant 3 : i32
  %0 = math.log %m : f32
  %1 = math.sqrt %z : f32
  %2 = math.log1p %m2 : f32
  %3 = math.cbrt %two : f32
  %4 = math.rsqrt %two : f32
  %5 = math.fma %two, %two, %two : f32
  %6 = math.fpowi %two, %n : f32, i32
  return %0, %1, %2, %3, %4, %5, %6 : f32, f32, f32, f32, f32, f32, f32
}

// NaN operands come back quieted with their payload; invalid operations give x86's default NaN (sign set);
// atan2(0, 0) is not folded: MLIR 16 folds it to NaN, but atan2f (what the code calls) gives ±0 or ±pi.
// CHECK-LABEL: func.func @nans
// CHECK-DAG:     %[[Q:.+]] = arith.constant 0x7FC00001 : f32
// CHECK-DAG:     %[[INV:.+]] = arith.constant 0xFFC00000 : f32
// CHECK:         %[[A:.+]] = math.atan2
// CHECK:         return %[[Q]], %[[INV]], %[[A]]
func.func @nans() -> (f32, f32, f32) {
  %snan = arith.constant 0x7F800001 : f32
  %inf = arith.constant 0x7F800000 : f32
  %zero = arith.constant 0.0 : f32
  %0 = math.exp %snan : f32
  %1 = math.sin %inf : f32
  %2 = math.atan2 %zero, %zero : f32
  return %0, %1, %2 : f32, f32, f32
}

// Integer ops fold exactly at every width, index included.
// CHECK-LABEL: func.func @integers
// CHECK-DAG:     %[[CTLZ:.+]] = arith.constant 61 : i64
// CHECK-DAG:     %[[CTTZ:.+]] = arith.constant 100 : i128
// CHECK-DAG:     %[[POP:.+]] = arith.constant 7 : i7
// CHECK-DAG:     %[[ABS:.+]] = arith.constant -128 : i8
// CHECK-DAG:     %[[POW:.+]] = arith.constant -3 : i7
// CHECK-DAG:     %[[IDX:.+]] = arith.constant 3 : index
// CHECK:         return %[[CTLZ]], %[[CTTZ]], %[[POP]], %[[ABS]], %[[POW]], %[[IDX]]
func.func @integers() -> (i64, i128, i7, i8, i7, index) {
  %a = arith.constant 5 : i64
  %b = arith.constant 1267650600228229401496703205376 : i128
  %c = arith.constant -1 : i7
  %d = arith.constant -128 : i8
  %e = arith.constant 5 : i7
  %f = arith.constant 3 : i7
  %g = arith.constant 7 : index
  %0 = math.ctlz %a : i64
  %1 = math.cttz %b : i128
  %2 = math.ctpop %c : i7
  %3 = math.absi %d : i8
  %4 = math.ipowi %e, %f : i7
  %5 = math.ctpop %g : index
  return %0, %1, %2, %3, %4, %5 : i64, i128, i7, i8, i7, index
}

// ipowi: a negative power gives 0 except for bases 1 and -1; 0 to a negative power is left alone.
// CHECK-LABEL: func.func @ipowi_negative
// CHECK-DAG:     %[[ZERO:.+]] = arith.constant 0 : i32
// CHECK-DAG:     %[[MONE:.+]] = arith.constant -1 : i32
// CHECK:         %[[KEPT:.+]] = math.ipowi
// CHECK:         return %[[ZERO]], %[[MONE]], %[[KEPT]]
func.func @ipowi_negative() -> (i32, i32, i32) {
  %two = arith.constant 2 : i32
  %m1 = arith.constant -1 : i32
  %m3 = arith.constant -3 : i32
  %z = arith.constant 0 : i32
  %0 = math.ipowi %two, %m3 : i32
  %1 = math.ipowi %m1, %m3 : i32
  %2 = math.ipowi %z, %m3 : i32
  return %0, %1, %2 : i32, i32, i32
}

// Vectors and tensors fold elementwise, splat or not; one element that does not fold keeps the op.
// CHECK-LABEL: func.func @shaped
// CHECK-DAG:     %[[V:.+]] = arith.constant dense<[2.000000e+00, 3.000000e+00]> : vector<2xf32>
// CHECK-DAG:     %[[T:.+]] = arith.constant dense<[64, 63, 0]> : tensor<3xi64>
// CHECK-DAG:     %[[S:.+]] = arith.constant dense<1> : vector<4xi8>
// CHECK:         %[[KEPT:.+]] = math.sqrt
// CHECK:         return %[[V]], %[[T]], %[[S]], %[[KEPT]]
func.func @shaped() -> (vector<2xf32>, tensor<3xi64>, vector<4xi8>, vector<2xf32>) {
  %a = arith.constant dense<[4.0, 9.0]> : vector<2xf32>
  %b = arith.constant dense<[0, 1, -1]> : tensor<3xi64>
  %c = arith.constant dense<-1> : vector<4xi8>
  %d = arith.constant dense<[4.0, -9.0]> : vector<2xf32>
  %0 = math.sqrt %a : vector<2xf32>
  %1 = math.ctlz %b : tensor<3xi64>
  %2 = math.absi %c : vector<4xi8>
  %3 = math.sqrt %d : vector<2xf32>
  return %0, %1, %2, %3 : vector<2xf32>, tensor<3xi64>, vector<4xi8>, vector<2xf32>
}

// The other C-library folders, at points where every libm is exact.
// CHECK-LABEL: func.func @libm_exact_points
// CHECK-NOT:     math.
// CHECK:         return
func.func @libm_exact_points() -> (f64, f64, f64, f64, f64, f64, f64, f64, f64) {
  %zero = arith.constant 0.0 : f64
  %one = arith.constant 1.0 : f64
  %three = arith.constant 3.0 : f64
  %hundred = arith.constant 100.0 : f64
  %0 = math.atan %zero : f64
  %1 = math.cos %zero : f64
  %2 = math.exp2 %three : f64
  %3 = math.expm1 %zero : f64
  %4 = math.log %one : f64
  %5 = math.log10 %hundred : f64
  %6 = math.log1p %zero : f64
  %7 = math.tan %zero : f64
  %8 = math.tanh %zero : f64
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : f64, f64, f64, f64, f64, f64, f64, f64, f64
}
