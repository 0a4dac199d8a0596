// RUN: tensile-opt %s | FileCheck %s
// Every type of the llvm dialect in MLIR 16's syntax; the CHECK lines are mlir-opt-16's output for this file.
// Nested llvm types print without `!llvm.`; `!llvm.vec<? x N x  T>` keeps MLIR 16's two spaces.
// CHECK: func.func private @keyword_types(!llvm.void, !llvm.label, !llvm.metadata, !llvm.token, !llvm.ppc_fp128, !llvm.x86_mmx)
// CHECK-NEXT: func.func private @pointers(!llvm.ptr, !llvm.ptr<3>, !llvm.ptr<f32>, !llvm.ptr<i8, 5>, !llvm.ptr<ptr<ptr<i32>>>, !llvm.ptr<ptr<f32>>, !llvm.ptr<vector<4xf32>>)
// CHECK-NEXT: func.func private @arrays(!llvm.array<4 x i32>, !llvm.array<2 x array<3 x f64>>, !llvm.array<0 x ptr>, !llvm.array<8 x struct<(i8, f32)>>)
// CHECK-NEXT: func.func private @functions(!llvm.func<void ()>, !llvm.func<i32 (i32, f32)>, !llvm.func<void (...)>, !llvm.func<ptr<i8> (ptr<i8>, ...)>, !llvm.ptr<func<i32 (array<2 x i64>)>>)
// CHECK-NEXT: func.func private @structs(!llvm.struct<()>, !llvm.struct<(i32, f32)>, !llvm.struct<packed (i8, i32)>, !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>)
// CHECK-NEXT: func.func private @identified(!llvm.struct<"golden.opaque", opaque>, !llvm.struct<"golden.pair", (i32, f32)>, !llvm.struct<"golden.list", (i32, ptr<struct<"golden.list">>)>, !llvm.struct<"golden.empty", ()>, !llvm.struct<"golden.packed", packed (i8, i64)>)
// CHECK-NEXT: func.func private @vectors(!llvm.vec<4 x ptr<f32>>, !llvm.vec<? x 4 x  f32>, !llvm.vec<? x 2 x  ptr>, vector<4xi1>, vector<[4]xf32>)

// Every llvm type in MLIR 16's syntax, nested llvm types without their `!llvm.` prefix.
func.func private @keyword_types(!llvm.void, !llvm.label, !llvm.metadata, !llvm.token, !llvm.ppc_fp128, !llvm.x86_mmx)

func.func private @pointers(!llvm.ptr, !llvm.ptr<3>, !llvm.ptr<f32>, !llvm.ptr<i8, 5>, !llvm.ptr<ptr<ptr<i32>>>, !llvm.ptr<!llvm.ptr<f32>>, !llvm.ptr<vector<4xf32>>)

func.func private @arrays(!llvm.array<4 x i32>, !llvm.array<2 x array<3 x f64>>, !llvm.array<0 x ptr>, !llvm.array<8 x struct<(i8, f32)>>)

func.func private @functions(!llvm.func<void ()>, !llvm.func<i32 (i32, f32)>, !llvm.func<void (...)>, !llvm.func<ptr<i8> (ptr<i8>, ...)>, !llvm.ptr<func<i32 (array<2 x i64>)>>)

func.func private @structs(!llvm.struct<()>, !llvm.struct<(i32, f32)>, !llvm.struct<packed (i8, i32)>, !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>)

func.func private @identified(!llvm.struct<"golden.opaque", opaque>, !llvm.struct<"golden.pair", (i32, f32)>, !llvm.struct<"golden.list", (i32, ptr<struct<"golden.list">>)>, !llvm.struct<"golden.empty", ()>, !llvm.struct<"golden.packed", packed (i8, i64)>)

func.func private @vectors(!llvm.vec<4 x ptr<f32>>, !llvm.vec<? x 4 x f32>, !llvm.vec<? x 2 x ptr>, vector<4xi1>, vector<[4]xf32>)
