// RUN: tensile-opt %s --canonicalize | FileCheck %s
// arith cast folds and cast-chain patterns. Compared with mlir-opt-16 by test/unit/arith-canonicalize-mlir.test.ts
// (see its list of deliberate differences).

// CHECK-LABEL: func.func @int_casts(
// CHECK-DAG: %[[C0:.+]] = arith.constant -1 : i64
// CHECK-DAG: %[[C1:.+]] = arith.constant 4294967295 : i64
// CHECK-DAG: %[[C2:.+]] = arith.constant 44 : i8
// CHECK-DAG: %[[C3:.+]] = arith.constant -1 : index
// CHECK-DAG: %[[C4:.+]] = arith.constant 4464 : i16
// CHECK-DAG: %[[C5:.+]] = arith.constant 4294967295 : index
// CHECK-DAG: %[[C6:.+]] = arith.constant 70000 : i32
// CHECK: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]], %[[C6]] : i64, i64, i8, index, i16, index, i32
func.func @int_casts() -> (i64, i64, i8, index, i16, index, i32) {
  %a = arith.constant -1 : i32
  %r1 = arith.extsi %a : i32 to i64
  %r2 = arith.extui %a : i32 to i64
  %b = arith.constant 300 : i32
  %r3 = arith.trunci %b : i32 to i8
  %r4 = arith.index_cast %a : i32 to index
  %i = arith.constant 70000 : index
  %r5 = arith.index_cast %i : index to i16
  %r6 = arith.index_castui %a : i32 to index
  %r7 = arith.index_castui %i : index to i32
  return %r1, %r2, %r3, %r4, %r5, %r6, %r7 : i64, i64, i8, index, i16, index, i32
}

// CHECK-LABEL: func.func @int_casts_dense(
// CHECK-DAG: %[[C0:.+]] = arith.constant dense<[255, 0, 127]> : vector<3xi64>
// CHECK-DAG: %[[C1:.+]] = arith.constant dense<[0, 127]> : tensor<2xi8>
// CHECK-DAG: %[[C2:.+]] = arith.constant dense<-2> : vector<2xi16>
// CHECK: return %[[C0]], %[[C1]], %[[C2]] : vector<3xi64>, tensor<2xi8>, vector<2xi16>
func.func @int_casts_dense() -> (vector<3xi64>, tensor<2xi8>, vector<2xi16>) {
  %a = arith.constant dense<[-1, 0, 127]> : vector<3xi8>
  %r1 = arith.extui %a : vector<3xi8> to vector<3xi64>
  %b = arith.constant dense<[256, -129]> : tensor<2xi32>
  %r2 = arith.trunci %b : tensor<2xi32> to tensor<2xi8>
  %c = arith.constant dense<-2> : vector<2xi8>
  %r3 = arith.extsi %c : vector<2xi8> to vector<2xi16>
  return %r1, %r2, %r3 : vector<3xi64>, tensor<2xi8>, vector<2xi16>
}

// CHECK-LABEL: func.func @ext_chains(
// CHECK-NEXT: %0 = arith.extui %arg0 : i8 to i64
// CHECK-NEXT: %1 = arith.extsi %arg0 : i8 to i64
// CHECK-NEXT: %2 = arith.extui %arg0 : i8 to i32
// CHECK-NEXT: return %0, %1, %2 : i64, i64, i32
func.func @ext_chains(%x: i8) -> (i64, i64, i32) {
  %a = arith.extui %x : i8 to i16
  %r1 = arith.extui %a : i16 to i64
  %b = arith.extsi %x : i8 to i32
  %r2 = arith.extsi %b : i32 to i64
  %c = arith.extui %x : i8 to i16
  %r3 = arith.extsi %c : i16 to i32
  return %r1, %r2, %r3 : i64, i64, i32
}

// CHECK-LABEL: func.func @trunc_chains(
// CHECK-NEXT: %0 = arith.trunci %arg1 : i64 to i16
// CHECK-NEXT: return %arg0, %arg0, %0 : i8, i8, i16
func.func @trunc_chains(%x: i8, %y: i64) -> (i8, i8, i16) {
  %a = arith.extsi %x : i8 to i32
  %r1 = arith.trunci %a : i32 to i8
  %b = arith.extui %x : i8 to i64
  %r2 = arith.trunci %b : i64 to i8
  %c = arith.trunci %y : i64 to i32
  %r3 = arith.trunci %c : i32 to i16
  return %r1, %r2, %r3 : i8, i8, i16
}

// CHECK-LABEL: func.func @trunc_of_wider_ext(
// CHECK-NEXT: %0 = arith.trunci %arg0 : i32 to i16
// CHECK-NEXT: return %0 : i16
func.func @trunc_of_wider_ext(%x: i32) -> i16 {
  %a = arith.extsi %x : i32 to i64
  %r = arith.trunci %a : i64 to i16
  return %r : i16
}

// CHECK-LABEL: func.func @trunc_of_narrower_ext(
// CHECK-NEXT: %0 = arith.extsi %arg0 : i8 to i16
// CHECK-NEXT: %1 = arith.extui %arg0 : i8 to i16
// CHECK-NEXT: return %0, %1 : i16, i16
func.func @trunc_of_narrower_ext(%x: i8) -> (i16, i16) {
  %a = arith.extsi %x : i8 to i32
  %r1 = arith.trunci %a : i32 to i16
  %b = arith.extui %x : i8 to i32
  %r2 = arith.trunci %b : i32 to i16
  return %r1, %r2 : i16, i16
}

// CHECK-LABEL: func.func @trunc_of_shift(
// CHECK-DAG: %[[C0:.+]] = arith.constant 32 : i64
// CHECK-DAG: %[[C1:.+]] = arith.constant 31 : i64
// CHECK: %0 = arith.shrui %arg0, %[[C0]] : i64
// CHECK-NEXT: %1 = arith.trunci %0 : i64 to i32
// CHECK-NEXT: %2 = arith.shrsi %arg0, %[[C1]] : i64
// CHECK-NEXT: %3 = arith.trunci %2 : i64 to i32
// CHECK-NEXT: return %1, %3 : i32, i32
func.func @trunc_of_shift(%x: i64) -> (i32, i32) {
  %c32 = arith.constant 32 : i64
  %a = arith.shrsi %x, %c32 : i64
  %r1 = arith.trunci %a : i64 to i32
  %c31 = arith.constant 31 : i64
  %b = arith.shrsi %x, %c31 : i64
  %r2 = arith.trunci %b : i64 to i32
  return %r1, %r2 : i32, i32
}

// CHECK-LABEL: func.func @trunc_high_half(
// CHECK-NEXT: %low, %high = arith.mulsi_extended %arg0, %arg1 : i32
// CHECK-NEXT: %low_0, %high_1 = arith.mului_extended %arg0, %arg1 : i32
// CHECK-NEXT: return %high, %high_1 : i32, i32
func.func @trunc_high_half(%x: i32, %y: i32) -> (i32, i32) {
  %c32 = arith.constant 32 : i64
  %sx = arith.extsi %x : i32 to i64
  %sy = arith.extsi %y : i32 to i64
  %m = arith.muli %sx, %sy : i64
  %h = arith.shrui %m, %c32 : i64
  %r1 = arith.trunci %h : i64 to i32
  %ux = arith.extui %x : i32 to i64
  %uy = arith.extui %y : i32 to i64
  %n = arith.muli %ux, %uy : i64
  %g = arith.shrui %n, %c32 : i64
  %r2 = arith.trunci %g : i64 to i32
  return %r1, %r2 : i32, i32
}

// Round trips fold only through a type at least as wide: i32 -> index -> i32 is the identity, but
// index -> i32 -> index truncates and stays (MLIR 16 folds it too: a miscompile).
// CHECK-LABEL: func.func @index_cast_chains(
// CHECK-NEXT: %0 = arith.index_castui %arg1 : index to i32
// CHECK-NEXT: %1 = arith.index_castui %0 : i32 to index
// CHECK-NEXT: %2 = arith.index_cast %arg2 : i16 to index
// CHECK-NEXT: %3 = arith.index_castui %arg2 : i16 to index
// CHECK-NEXT: return %arg0, %1, %2, %3, %arg0, %arg1 : i32, index, index, index, i32, index
func.func @index_cast_chains(%x: i32, %i: index, %s: i16) -> (i32, index, index, index, i32, index) {
  %a = arith.index_cast %x : i32 to index
  %r1 = arith.index_cast %a : index to i32
  %b = arith.index_castui %i : index to i32
  %r2 = arith.index_castui %b : i32 to index
  %e = arith.extsi %s : i16 to i32
  %r3 = arith.index_cast %e : i32 to index
  %f = arith.extui %s : i16 to i32
  %r4 = arith.index_castui %f : i32 to index
  %g = arith.index_cast %i : index to i64
  %r5 = arith.index_cast %a : index to i32
  %r6 = arith.index_cast %g : i64 to index
  return %r1, %r2, %r3, %r4, %r5, %r6 : i32, index, index, index, i32, index
}

// CHECK-LABEL: func.func @bitcasts(
// CHECK-DAG: %[[C0:.+]] = arith.constant -16448 : i16
// CHECK-DAG: %[[C1:.+]] = arith.constant 1065353216 : i32
// CHECK-DAG: %[[C2:.+]] = arith.constant 0x7FC00001 : f32
// CHECK-DAG: %[[C3:.+]] = arith.constant dense<[15360, -16384]> : vector<2xi16>
// CHECK: return %arg0, %[[C0]], %[[C1]], %[[C2]], %[[C3]] : f32, i16, i32, f32, vector<2xi16>
func.func @bitcasts(%x: f32) -> (f32, i16, i32, f32, vector<2xi16>) {
  %a = arith.bitcast %x : f32 to i32
  %r1 = arith.bitcast %a : i32 to f32
  %h = arith.constant -1.5 : bf16
  %r2 = arith.bitcast %h : bf16 to i16
  %f = arith.constant 1.0 : f32
  %r3 = arith.bitcast %f : f32 to i32
  %i = arith.constant 0x7FC00001 : i32
  %r4 = arith.bitcast %i : i32 to f32
  %v = arith.constant dense<[1.0, -2.0]> : vector<2xf16>
  %r5 = arith.bitcast %v : vector<2xf16> to vector<2xi16>
  return %r1, %r2, %r3, %r4, %r5 : f32, i16, i32, f32, vector<2xi16>
}

// CHECK-LABEL: func.func @int_to_float(
// CHECK-DAG: %[[C0:.+]] = arith.constant -1.000000e+00 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant 4.2949673E+9 : f32
// CHECK-DAG: %[[C2:.+]] = arith.constant 0x7C00 : f16
// CHECK-DAG: %[[C3:.+]] = arith.constant 0x4340000000000000 : f64
// CHECK-DAG: %[[C4:.+]] = arith.constant 2.560000e+02 : bf16
// CHECK-DAG: %[[C5:.+]] = arith.constant dense<[3.000000e+00, -3.000000e+00]> : vector<2xf32>
// CHECK: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]] : f32, f32, f16, f64, bf16, vector<2xf32>
func.func @int_to_float() -> (f32, f32, f16, f64, bf16, vector<2xf32>) {
  %a = arith.constant -1 : i32
  %r1 = arith.sitofp %a : i32 to f32
  %r2 = arith.uitofp %a : i32 to f32
  %b = arith.constant 65520 : i32
  %r3 = arith.sitofp %b : i32 to f16
  %c = arith.constant 9007199254740993 : i64
  %r4 = arith.sitofp %c : i64 to f64
  %d = arith.constant 257 : i16
  %r5 = arith.uitofp %d : i16 to bf16
  %v = arith.constant dense<[3, -3]> : vector<2xi8>
  %r6 = arith.sitofp %v : vector<2xi8> to vector<2xf32>
  return %r1, %r2, %r3, %r4, %r5, %r6 : f32, f32, f16, f64, bf16, vector<2xf32>
}

// CHECK-LABEL: func.func @float_to_int(
// CHECK-DAG: %[[C0:.+]] = arith.constant -3 : i8
// CHECK-DAG: %[[C1:.+]] = arith.constant -1 : i8
// CHECK-DAG: %[[C2:.+]] = arith.constant -2147483648 : i32
// CHECK-DAG: %[[C3:.+]] = arith.constant 0 : i8
// CHECK-DAG: %[[C4:.+]] = arith.constant 999799117276250112 : i64
// CHECK: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]] : i8, i8, i32, i8, i64
func.func @float_to_int() -> (i8, i8, i32, i8, i64) {
  %a = arith.constant -3.7 : f32
  %r1 = arith.fptosi %a : f32 to i8
  %b = arith.constant 255.9 : f64
  %r2 = arith.fptoui %b : f64 to i8
  %c = arith.constant -2147483648.0 : f32
  %r3 = arith.fptosi %c : f32 to i32
  %d = arith.constant -0.5 : f16
  %r4 = arith.fptoui %d : f16 to i8
  %e = arith.constant 1.0e18 : bf16
  %r5 = arith.fptosi %e : bf16 to i64
  return %r1, %r2, %r3, %r4, %r5 : i8, i8, i32, i8, i64
}

// CHECK-LABEL: func.func @float_to_int_out_of_range_not_folded(
// CHECK-DAG: %[[C0:.+]] = arith.constant 1.280000e+02 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant -1.000000e+00 : f32
// CHECK-DAG: %[[C2:.+]] = arith.constant 0x7FC00000 : f32
// CHECK-DAG: %[[C3:.+]] = arith.constant 0x7F800000 : f32
// CHECK: %0 = arith.fptosi %[[C0]] : f32 to i8
// CHECK-NEXT: %1 = arith.fptoui %[[C1]] : f32 to i8
// CHECK-NEXT: %2 = arith.fptosi %[[C2]] : f32 to i32
// CHECK-NEXT: %3 = arith.fptoui %[[C3]] : f32 to i32
// CHECK-NEXT: return %0, %1, %2, %3 : i8, i8, i32, i32
func.func @float_to_int_out_of_range_not_folded() -> (i8, i8, i32, i32) {
  %a = arith.constant 128.0 : f32
  %r1 = arith.fptosi %a : f32 to i8
  %b = arith.constant -1.0 : f32
  %r2 = arith.fptoui %b : f32 to i8
  %n = arith.constant 0x7FC00000 : f32
  %r3 = arith.fptosi %n : f32 to i32
  %i = arith.constant 0x7F800000 : f32
  %r4 = arith.fptoui %i : f32 to i32
  return %r1, %r2, %r3, %r4 : i8, i8, i32, i32
}

// CHECK-LABEL: func.func @truncf_exact_only(
// CHECK-DAG: %[[C0:.+]] = arith.constant 1.500000e+00 : f16
// CHECK-DAG: %[[C1:.+]] = arith.constant 1.100000e+00 : f32
// CHECK-DAG: %[[C2:.+]] = arith.constant 2.500000e-01 : f32
// CHECK-DAG: %[[C3:.+]] = arith.constant 1.000000e+10 : f32
// CHECK: %0 = arith.truncf %[[C1]] : f32 to bf16
// CHECK-NEXT: %1 = arith.truncf %[[C3]] : f32 to f16
// CHECK-NEXT: return %[[C0]], %0, %[[C2]], %1 : f16, bf16, f32, f16
func.func @truncf_exact_only() -> (f16, bf16, f32, f16) {
  %a = arith.constant 1.5 : f32
  %r1 = arith.truncf %a : f32 to f16
  %b = arith.constant 1.1 : f32
  %r2 = arith.truncf %b : f32 to bf16
  %c = arith.constant 0.25 : f64
  %r3 = arith.truncf %c : f64 to f32
  %d = arith.constant 1.0e10 : f32
  %r4 = arith.truncf %d : f32 to f16
  return %r1, %r2, %r3, %r4 : f16, bf16, f32, f16
}

// CHECK-LABEL: func.func @extf(
// CHECK-DAG: %[[C0:.+]] = arith.constant 1.500000e+00 : f32
// CHECK-DAG: %[[C1:.+]] = arith.constant 0.10000000149011612 : f64
// CHECK: return %[[C0]], %[[C1]] : f32, f64
func.func @extf(%x: f16) -> (f32, f64) {
  %a = arith.constant 1.5 : f16
  %r1 = arith.extf %a : f16 to f32
  %b = arith.constant 0.1 : f32
  %r2 = arith.extf %b : f32 to f64
  return %r1, %r2 : f32, f64
}

// CHECK-LABEL: func.func @bitcast_of_bitcast_to_another_type(
// CHECK-NEXT: %0 = arith.bitcast %arg0 : f16 to bf16
// CHECK-NEXT: return %0 : bf16
func.func @bitcast_of_bitcast_to_another_type(%x: f16) -> bf16 {
  %a = arith.bitcast %x : f16 to i16
  %b = arith.bitcast %a : i16 to bf16
  return %b : bf16
}

// CHECK-LABEL: func.func @index_cast_constant_to_i64(
// CHECK-DAG: %[[C0:.+]] = arith.constant 5 : i64
// CHECK: return %[[C0]] : i64
func.func @index_cast_constant_to_i64() -> i64 {
  %c = arith.constant 5 : index
  %r = arith.index_cast %c : index to i64
  return %r : i64
}


// CHECK-LABEL: func.func @index_castui_round_trip(
// CHECK-NEXT: return %arg0 : i32
func.func @index_castui_round_trip(%x: i32) -> i32 {
  %a = arith.index_castui %x : i32 to index
  %r = arith.index_castui %a : index to i32
  return %r : i32
}
