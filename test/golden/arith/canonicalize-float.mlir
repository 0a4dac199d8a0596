// RUN: tensile-opt %s --canonicalize | FileCheck %s
// arith float folds (f16/bf16/f32/f64 rounding, NaN, signed zeros) and float patterns. Compared with mlir-opt-16
// by test/unit/arith-canonicalize-mlir.test.ts (see its list of deliberate differences).

// CHECK-LABEL: func.func @addf_zero(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %0 = arith.addf %arg0, %[[C0]] : f32
// CHECK-NEXT: return %arg0, %0 : f32, f32
func.func @addf_zero(%x: f32) -> (f32, f32) {
  %nz = arith.constant -0.0 : f32
  %pz = arith.constant 0.0 : f32
  %r1 = arith.addf %x, %nz : f32
  %r2 = arith.addf %x, %pz : f32
  return %r1, %r2 : f32, f32
}

// CHECK-LABEL: func.func @subf_zero(
// CHECK-DAG: %[[C0:.+]] = arith.constant -0.000000e+00 : f32
// CHECK: %0 = arith.subf %arg0, %[[C0]] : f32
// CHECK-NEXT: return %arg0, %0 : f32, f32
func.func @subf_zero(%x: f32) -> (f32, f32) {
  %nz = arith.constant -0.0 : f32
  %pz = arith.constant 0.0 : f32
  %r1 = arith.subf %x, %pz : f32
  %r2 = arith.subf %x, %nz : f32
  return %r1, %r2 : f32, f32
}

// CHECK-LABEL: func.func @addf_negzero_lhs(
// CHECK-NEXT: return %arg0 : f64
func.func @addf_negzero_lhs(%x: f64) -> f64 {
  %nz = arith.constant -0.0 : f64
  %r = arith.addf %nz, %x : f64
  return %r : f64
}

// CHECK-LABEL: func.func @mulf_divf_one(
// CHECK-DAG: %[[C0:.+]] = arith.constant 1.000000e+00 : f32
// CHECK: %0 = arith.divf %[[C0]], %arg0 : f32
// CHECK-NEXT: return %arg0, %arg0, %arg1, %0 : f32, f32, vector<4xf16>, f32
func.func @mulf_divf_one(%x: f32, %v: vector<4xf16>) -> (f32, f32, vector<4xf16>, f32) {
  %one = arith.constant 1.0 : f32
  %r1 = arith.mulf %x, %one : f32
  %r2 = arith.divf %x, %one : f32
  %vone = arith.constant dense<1.0> : vector<4xf16>
  %r3 = arith.mulf %vone, %v : vector<4xf16>
  %r4 = arith.divf %one, %x : f32
  return %r1, %r2, %r3, %r4 : f32, f32, vector<4xf16>, f32
}

// CHECK-LABEL: func.func @f32_rounding(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0x4B800000 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant 0.333333343 : f32
// CHECK-DAG: %[[C2:.+]] = arith.constant 0x7F800000 : f32
// CHECK-DAG: %[[C3:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: return %[[C0]], %[[C1]], %[[C2]], %[[C3]] : f32, f32, f32, f32
func.func @f32_rounding() -> (f32, f32, f32, f32) {
  %a = arith.constant 16777216.0 : f32
  %b = arith.constant 1.0 : f32
  %r1 = arith.addf %a, %b : f32
  %c = arith.constant 3.0 : f32
  %r2 = arith.divf %b, %c : f32
  %big = arith.constant 3.0e38 : f32
  %r3 = arith.mulf %big, %c : f32
  %tiny = arith.constant 1.0e-45 : f32
  %half = arith.constant 0.5 : f32
  %r4 = arith.mulf %tiny, %half : f32
  return %r1, %r2, %r3, %r4 : f32, f32, f32, f32
}

// CHECK-LABEL: func.func @f16_bf16_rounding(
// CHECK-DAG: %[[C0:.+]] = arith.constant 2.048000e+03 : f16
// CHECK-DAG: %[[C1:.+]] = arith.constant 0x7C00 : f16
// CHECK-DAG: %[[C2:.+]] = arith.constant 3.015630e+00 : bf16
// CHECK-DAG: %[[C3:.+]] = arith.constant 1.426700e-03 : bf16
// CHECK: return %[[C0]], %[[C1]], %[[C2]], %[[C3]] : f16, f16, bf16, bf16
func.func @f16_bf16_rounding() -> (f16, f16, bf16, bf16) {
  %a = arith.constant 2048.0 : f16
  %b = arith.constant 1.0 : f16
  %r1 = arith.addf %a, %b : f16
  %m = arith.constant 65504.0 : f16
  %r2 = arith.addf %m, %m : f16
  %c = arith.constant 3.0 : bf16
  %d = arith.constant 1.0e-2 : bf16
  %r3 = arith.addf %c, %d : bf16
  %e = arith.constant 7.0 : bf16
  %r4 = arith.divf %d, %e : bf16
  return %r1, %r2, %r3, %r4 : f16, f16, bf16, bf16
}

// CHECK-LABEL: func.func @float_dense(
// CHECK-DAG: %[[C0:.+]] = arith.constant dense<[5.000000e-01, -1.250000e+00, -0.000000e+00]> : tensor<3xf32>
// CHECK-DAG: %[[C1:.+]] = arith.constant dense<[0x7FF0000000000000, 4.000000e+00]> : vector<2xf64>
// CHECK-DAG: %[[C2:.+]] = arith.constant dense<0.000000e+00> : vector<2xbf16>
// CHECK: return %[[C0]], %[[C1]], %[[C2]] : tensor<3xf32>, vector<2xf64>, vector<2xbf16>
func.func @float_dense() -> (tensor<3xf32>, vector<2xf64>, vector<2xbf16>) {
  %a = arith.constant dense<[1.0, -2.5, 3.0]> : tensor<3xf32>
  %b = arith.constant dense<[0.5, 0.5, -0.0]> : tensor<3xf32>
  %r1 = arith.mulf %a, %b : tensor<3xf32>
  %c = arith.constant dense<[1.0e300, 2.0]> : vector<2xf64>
  %r2 = arith.mulf %c, %c : vector<2xf64>
  %d = arith.constant dense<[1.5, 2.0]> : vector<2xbf16>
  %r3 = arith.subf %d, %d : vector<2xbf16>
  return %r1, %r2, %r3 : tensor<3xf32>, vector<2xf64>, vector<2xbf16>
}

// CHECK-LABEL: func.func @signed_zeros(
// CHECK-DAG: %[[C0:.+]] = arith.constant -0.000000e+00 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: return %[[C0]], %[[C1]], %[[C1]], %[[C0]] : f32, f32, f32, f32
func.func @signed_zeros() -> (f32, f32, f32, f32) {
  %nz = arith.constant -0.0 : f32
  %pz = arith.constant 0.0 : f32
  %r1 = arith.addf %nz, %nz : f32
  %r2 = arith.addf %nz, %pz : f32
  %r3 = arith.subf %pz, %pz : f32
  %m = arith.constant -1.0 : f32
  %r4 = arith.mulf %pz, %m : f32
  return %r1, %r2, %r3, %r4 : f32, f32, f32, f32
}

// CHECK-LABEL: func.func @nan_propagation(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0x7FC00001 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant 0xFFC00002 : f32
// CHECK-DAG: %[[C2:.+]] = arith.constant 0x7FC00000 : f32
// CHECK: return %[[C0]], %[[C1]], %[[C1]], %[[C2]], %[[C2]] : f32, f32, f32, f32, f32
func.func @nan_propagation() -> (f32, f32, f32, f32, f32) {
  %n = arith.constant 0x7FC00001 : f32
  %nn = arith.constant 0xFFC00002 : f32
  %three = arith.constant 3.0 : f32
  %r1 = arith.addf %three, %n : f32
  %r2 = arith.subf %three, %nn : f32
  %r3 = arith.addf %nn, %n : f32
  %inf = arith.constant 0x7F800000 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %r4 = arith.addf %inf, %ninf : f32
  %zero = arith.constant 0.0 : f32
  %r5 = arith.divf %zero, %zero : f32
  return %r1, %r2, %r3, %r4, %r5 : f32, f32, f32, f32, f32
}

// CHECK-LABEL: func.func @signaling_nan_quieted(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0x7F800003 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant 0x7FC00003 : f32
// CHECK: return %[[C1]], %[[C0]] : f32, f32
func.func @signaling_nan_quieted() -> (f32, f32) {
  %s = arith.constant 0x7F800003 : f32
  %three = arith.constant 3.0 : f32
  %r1 = arith.mulf %s, %three : f32
  %r2 = arith.maxf %three, %s : f32
  return %r1, %r2 : f32, f32
}

// CHECK-LABEL: func.func @negf(
// CHECK-DAG: %[[C0:.+]] = arith.constant -2.000000e+00 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant 0xFFC00001 : f32
// CHECK-DAG: %[[C2:.+]] = arith.constant -0.000000e+00 : bf16
// CHECK: return %[[C0]], %arg0, %[[C1]], %[[C2]] : f32, f32, f32, bf16
func.func @negf(%x: f32) -> (f32, f32, f32, bf16) {
  %a = arith.constant 2.0 : f32
  %r1 = arith.negf %a : f32
  %n = arith.negf %x : f32
  %r2 = arith.negf %n : f32
  %nan = arith.constant 0x7FC00001 : f32
  %r3 = arith.negf %nan : f32
  %z = arith.constant 0.0 : bf16
  %r4 = arith.negf %z : bf16
  return %r1, %r2, %r3, %r4 : f32, f32, f32, bf16
}

// CHECK-LABEL: func.func @maxf_minf(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0xFF800000 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant -0.000000e+00 : f32
// CHECK-DAG: %[[C2:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %0 = arith.minf %arg0, %[[C0]] : f32
// CHECK-NEXT: return %arg0, %arg0, %arg0, %0, %[[C2]], %[[C1]] : f32, f32, f32, f32, f32, f32
func.func @maxf_minf(%x: f32) -> (f32, f32, f32, f32, f32, f32) {
  %ninf = arith.constant 0xFF800000 : f32
  %inf = arith.constant 0x7F800000 : f32
  %r1 = arith.maxf %x, %ninf : f32
  %r2 = arith.minf %x, %inf : f32
  %r3 = arith.maxf %x, %x : f32
  %r4 = arith.minf %x, %ninf : f32
  %nz = arith.constant -0.0 : f32
  %pz = arith.constant 0.0 : f32
  %r5 = arith.maxf %nz, %pz : f32
  %r6 = arith.minf %pz, %nz : f32
  return %r1, %r2, %r3, %r4, %r5, %r6 : f32, f32, f32, f32, f32, f32
}

// CHECK-LABEL: func.func @maxf_nan(
// CHECK-DAG: %[[C0:.+]] = arith.constant 0x7FC00000 : f32
// CHECK: return %[[C0]], %[[C0]] : f32, f32
func.func @maxf_nan() -> (f32, f32) {
  %n = arith.constant 0x7FC00000 : f32
  %one = arith.constant 1.0 : f32
  %r1 = arith.maxf %one, %n : f32
  %r2 = arith.minf %n, %one : f32
  return %r1, %r2 : f32, f32
}

// CHECK-LABEL: func.func @remf_fmod(
// CHECK-DAG: %[[C0:.+]] = arith.constant 2.000000e+00 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant -2.500000e+00 : f32
// CHECK-DAG: %[[C2:.+]] = arith.constant 0.000000e+00 : f64
// CHECK: return %[[C0]], %[[C1]], %[[C2]] : f32, f32, f64
func.func @remf_fmod() -> (f32, f32, f64) {
  %a = arith.constant 5.0 : f32
  %b = arith.constant 3.0 : f32
  %r1 = arith.remf %a, %b : f32
  %c = arith.constant -5.5 : f32
  %r2 = arith.remf %c, %b : f32
  %d = arith.constant 1.0e300 : f64
  %e = arith.constant 3.0 : f64
  %r3 = arith.remf %d, %e : f64
  return %r1, %r2, %r3 : f32, f32, f64
}

// CHECK-LABEL: func.func @mulf_divf_of_negf(
// CHECK-NEXT: %0 = arith.mulf %arg0, %arg1 fastmath<nnan> : f32
// CHECK-NEXT: %1 = arith.divf %arg0, %arg1 : f32
// CHECK-NEXT: return %0, %1 : f32, f32
func.func @mulf_divf_of_negf(%x: f32, %y: f32) -> (f32, f32) {
  %a = arith.negf %x : f32
  %b = arith.negf %y : f32
  %r1 = arith.mulf %a, %b fastmath<nnan> : f32
  %r2 = arith.divf %a, %b : f32
  return %r1, %r2 : f32, f32
}

// CHECK-LABEL: func.func @f80_not_folded(
// CHECK-DAG: %[[C0:.+]] = arith.constant 1.000000e+00 : f80
// CHECK-DAG: %[[C1:.+]] = arith.constant 2.000000e+00 : f80
// CHECK: %0 = arith.addf %[[C0]], %[[C1]] : f80
// CHECK-NEXT: return %0 : f80
func.func @f80_not_folded() -> f80 {
  %a = arith.constant 1.0 : f80
  %b = arith.constant 2.0 : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}

// CHECK-LABEL: func.func @splat_identities(
// CHECK-NEXT: return %arg0, %arg0, %arg0 : vector<2xf32>, vector<2xf32>, vector<2xf32>
func.func @splat_identities(%x: vector<2xf32>) -> (vector<2xf32>, vector<2xf32>, vector<2xf32>) {
  %nz = arith.constant dense<-0.0> : vector<2xf32>
  %r1 = arith.addf %x, %nz : vector<2xf32>
  %one = arith.constant dense<1.0> : vector<2xf32>
  %r2 = arith.mulf %x, %one : vector<2xf32>
  %pz = arith.constant dense<0.0> : vector<2xf32>
  %r3 = arith.subf %x, %pz : vector<2xf32>
  return %r1, %r2, %r3 : vector<2xf32>, vector<2xf32>, vector<2xf32>
}

