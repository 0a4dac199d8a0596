/**
 * The llvm dialect's typed API (what conversions build with and the translation switches over): interned type
 * builders, identified structs, the op list and the intrinsic table. Syntax and verifiers are checked against
 * mlir-opt-16 by the goldens in test/golden/llvm/.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as L from "../../dialects/llvm/index.ts";
import { printType } from "../../src/text/print-attr.ts";
import { f32, f64, i1, i32, i64, i8, vector } from "../../src/ir/types.ts";

test("type builders intern: equal parameters give the same type", () => {
  assert.is(L.LLVMPointerType.get(f32), L.LLVMPointerType.get(f32));
  assert.is.not(L.LLVMPointerType.get(f32), L.LLVMPointerType.get(f32, 1));
  assert.is(L.LLVMPointerType.opaque(), L.LLVMPointerType.opaque(0));
  assert.ok(L.LLVMPointerType.opaque().isOpaque);
  assert.is(L.LLVMStructType.get([i32, f32]), L.LLVMStructType.get([i32, f32]));
  assert.is.not(L.LLVMStructType.get([i32, f32]), L.LLVMStructType.get([i32, f32], true));
  assert.is(L.LLVMArrayType.get(i64, 3), L.LLVMArrayType.get(i64, 3));
  assert.is(L.LLVMFunctionType.get(L.LLVMVoidType.get(), [i32], true), L.LLVMFunctionType.get(L.LLVMVoidType.get(), [i32], true));
  assert.equal(L.LLVMFunctionType.get(L.LLVMVoidType.get(), [i32]).returnTypes, []);
});

test("types print as MLIR 16 spells them, nested llvm types without their prefix", () => {
  const ptr = L.LLVMPointerType.get(f32);
  const desc = L.LLVMStructType.get([ptr, ptr, i64, L.LLVMArrayType.get(i64, 2), L.LLVMArrayType.get(i64, 2)]);
  assert.is(printType(desc), "!llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>");
  assert.is(printType(L.LLVMPointerType.opaque(3)), "!llvm.ptr<3>");
  assert.is(printType(L.LLVMPointerType.get(i8, 5)), "!llvm.ptr<i8, 5>");
  assert.is(printType(L.LLVMFunctionType.get(i32, [L.LLVMPointerType.opaque()], true)), "!llvm.func<i32 (ptr, ...)>");
  assert.is(printType(L.LLVMScalableVectorType.get(f32, 4)), "!llvm.vec<? x 4 x  f32>");
  assert.is(printType(L.llvmVectorType(f32, 4)), "vector<4xf32>");
  assert.is(printType(L.llvmVectorType(L.LLVMPointerType.opaque(), 2)), "!llvm.vec<2 x ptr>");
});

test("builders reject what MLIR's verifiers reject, with MLIR's words", () => {
  assert.throws(() => L.LLVMPointerType.get(L.LLVMVoidType.get()), /invalid pointer element type/);
  assert.throws(() => L.LLVMArrayType.get(L.LLVMVoidType.get(), 2), /invalid array element type/);
  assert.throws(() => L.LLVMStructType.get([L.LLVMTokenType.get()]), /invalid LLVM structure element type/);
  assert.throws(() => L.LLVMFunctionType.get(i32, [L.LLVMVoidType.get()]), /invalid function argument type/);
  assert.throws(() => L.LLVMFixedVectorType.get(f32, 4), /invalid vector element type/);
});

test("identified structs: a body is set once, a self-reference prints by name", () => {
  const node = L.LLVMStructType.identified("unit.test.node");
  assert.ok(node.isOpaque);
  assert.is(node.setBody([i32, L.LLVMPointerType.get(node)], false), undefined);
  assert.not.ok(node.isOpaque);
  assert.is(L.LLVMStructType.identified("unit.test.node"), node);
  assert.is(node.setBody([i32, L.LLVMPointerType.get(node)], false), undefined, "the same body again is fine");
  assert.is(node.setBody([f64], false), "identified type already used with a different body");
  assert.is(printType(node), '!llvm.struct<"unit.test.node", (i32, ptr<struct<"unit.test.node">>)>');
});

test("compatibility predicates", () => {
  assert.ok(L.isCompatibleType(L.LLVMStructType.get([i32, vector([4], f32)])));
  assert.not.ok(L.isCompatibleType(L.LLVMStructType.get([vector([2, 2], f32)])));
  assert.ok(L.isCompatibleVectorType(vector([4], i1)));
  assert.not.ok(L.isCompatibleVectorType(vector([2, 2], f32)));
  assert.is(printType(L.i1SameShape(L.LLVMFixedVectorType.get(L.LLVMPointerType.opaque(), 3))), "vector<3xi1>");
});

test("every op is named llvm.*, has a summary, and every intrinsic op has its translation entry", () => {
  const names = new Set<string>();
  for (const op of L.llvmOps) {
    const info = op.info;
    assert.ok(info !== undefined && info.name.startsWith("llvm."), String(info?.name));
    assert.ok(info.summary.length > 0, `${info.name} has a summary`);
    assert.not.ok(names.has(info.name), `${info.name} defined once`);
    names.add(info.name);
    if (info.name.startsWith("llvm.intr.")) assert.ok(L.INTRINSICS.has(info.name), `${info.name} in INTRINSICS`);
  }
  for (const name of L.INTRINSICS.keys()) assert.ok(names.has(name), `${name} is an op`);
  assert.is(L.INTRINSICS.get("llvm.intr.vector.reduce.fadd")?.llvmName, "llvm.vector.reduce.fadd");
  // The literal names survive the tables, so a switch over op names can be exhaustive.
  type SqrtName = InstanceType<typeof L.unaryFloatIntrinsics.sqrt>["name"];
  type ReduceName = InstanceType<typeof L.vectorReduceIntrinsics.fadd>["name"];
  const sqrt: SqrtName = "llvm.intr.sqrt";
  const reduce: ReduceName = "llvm.intr.vector.reduce.fadd";
  // @ts-expect-error: another intrinsic's name is not the sqrt op's
  const wrong: SqrtName = "llvm.intr.exp";
  assert.is(L.unaryFloatIntrinsics.sqrt.info.name, sqrt);
  assert.is(L.vectorReduceIntrinsics.fadd.info.name, reduce);
  assert.is.not(wrong, sqrt);
  assert.ok(names.size > 120, `${names.size} ops`);
});

test.run();
