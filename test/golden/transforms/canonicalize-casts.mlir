// RUN: tensile-opt %s --canonicalize | FileCheck %s
// CastOpInterface's fold (a cast to the types it already has is its operands) and unrealized_conversion_cast's
// round-trip fold, as mlir-opt-16 --canonicalize applies them.

// CHECK-LABEL: func.func @identity_casts(
// CHECK-SAME: %[[X:.+]]: i32, %[[Y:.+]]: f32
// CHECK-NEXT: return %[[X]], %[[Y]], %[[X]] : i32, f32, i32
func.func @identity_casts(%x: i32, %y: f32) -> (i32, f32, i32) {
  %0 = arith.bitcast %x : i32 to i32
  %1:2 = builtin.unrealized_conversion_cast %x, %y : i32, f32 to i32, f32
  %2 = builtin.unrealized_conversion_cast %0 : i32 to i32
  return %0, %1#1, %2 : i32, f32, i32
}

// CHECK-LABEL: func.func @round_trips(
// CHECK-SAME: %[[X:.+]]: i32, %[[Y:.+]]: f32
// CHECK-NEXT: %[[A:.+]] = builtin.unrealized_conversion_cast %[[Y]] : f32 to i64
// CHECK-NEXT: %[[B:.+]]:2 = builtin.unrealized_conversion_cast %[[X]], %[[Y]] : i32, f32 to i64, i64
// CHECK-NEXT: %[[C:.+]] = builtin.unrealized_conversion_cast %[[B]]#0 : i64 to i32
// CHECK-NEXT: return %[[A]], %[[Y]], %[[X]], %[[Y]], %[[C]] : i64, f32, i32, f32, i32
func.func @round_trips(%x: i32, %y: f32) -> (i64, f32, i32, f32, i32) {
  %0 = builtin.unrealized_conversion_cast %y : f32 to i64
  %1 = builtin.unrealized_conversion_cast %0 : i64 to f32
  %2:2 = builtin.unrealized_conversion_cast %x, %y : i32, f32 to i64, i64
  %3:2 = builtin.unrealized_conversion_cast %2#0, %2#1 : i64, i64 to i32, f32
  // Not a round trip: it takes one of the two results.
  %4 = builtin.unrealized_conversion_cast %2#0 : i64 to i32
  return %0, %1, %3#0, %3#1, %4 : i64, f32, i32, f32, i32
}

// A cast of another kind back is no round trip of this one.
// CHECK-LABEL: func.func @mixed_kinds(
// CHECK-NEXT: %[[A:.+]] = arith.bitcast %{{.+}} : f32 to i32
// CHECK-NEXT: %[[B:.+]] = builtin.unrealized_conversion_cast %[[A]] : i32 to f32
// CHECK-NEXT: return %[[B]] : f32
func.func @mixed_kinds(%y: f32) -> f32 {
  %0 = arith.bitcast %y : f32 to i32
  %1 = builtin.unrealized_conversion_cast %0 : i32 to f32
  return %1 : f32
}
