/**
 * Type constraints of the llvm dialect's ops, with MLIR 16's descriptions (LLVMOpBase.td), so verifier
 * messages read as mlir-opt-16's: `operand #0 must be integer or LLVM dialect-compatible vector of integer`.
 */
import { AnyFloat, AnyInteger, AnySignlessInteger, Bool, type TypeConstraint, typeConstraint } from "../../src/irdl/constraints.ts";
import { IntegerType, type Type } from "../../src/ir/types.ts";
import {
  isCompatibleFloatingPointType,
  isCompatibleOuterType,
  isCompatibleVectorType,
  LLVMArrayType,
  LLVMFunctionType,
  LLVMPointerType,
  LLVMStructType,
  LLVMTokenType,
  LLVMVoidType,
} from "./types.ts";

/** LLVM_Type: any type an llvm op may carry at the top level. */
export const LLVMAnyType = typeConstraint("LLVM dialect-compatible type", isCompatibleOuterType);
/** LLVM_PrimitiveType: not void, not a function. */
export const LLVMPrimitiveType = typeConstraint(
  "primitive LLVM type",
  (t) => isCompatibleOuterType(t) && !(t instanceof LLVMVoidType) && !(t instanceof LLVMFunctionType),
);
export const LLVMAnyFloat = typeConstraint("floating point LLVM type", isCompatibleFloatingPointType);
export const LLVMAnyPointer = typeConstraint("LLVM pointer type", (t): t is LLVMPointerType => t instanceof LLVMPointerType);
export const LLVMAnyStruct = typeConstraint("LLVM structure type", (t): t is LLVMStructType => t instanceof LLVMStructType);
export const LLVMAnyAggregate = typeConstraint(
  "LLVM aggregate type",
  (t): t is LLVMStructType | LLVMArrayType => t instanceof LLVMStructType || t instanceof LLVMArrayType,
);
export const LLVMAnyNonAggregate = typeConstraint(
  "LLVM-compatible non-aggregate type",
  (t) => isCompatibleOuterType(t) && !(t instanceof LLVMStructType || t instanceof LLVMArrayType),
);
export const LLVMAnyVector = typeConstraint("LLVM dialect-compatible vector type", isCompatibleVectorType);
export const LLVMTokenTypeC = typeConstraint("LLVM token type", (t): t is LLVMTokenType => t instanceof LLVMTokenType);
export const LLVMFunctionTypeC = typeConstraint("LLVM function type", (t): t is LLVMFunctionType => t instanceof LLVMFunctionType);
/** LLVM_LoadableType: a primitive type that is not an opaque struct. */
export const LLVMLoadableType = typeConstraint(
  "LLVM type with size",
  (t) => LLVMPrimitiveType.test(t) && !(t instanceof LLVMStructType && t.isOpaque),
);

/** LLVM_VectorOf<element>. */
export function vectorOf(element: TypeConstraint): TypeConstraint {
  return typeConstraint(`LLVM dialect-compatible vector of ${element.description}`, (t) => isCompatibleVectorType(t) && element.test(t.elementType));
}
/** LLVM_ScalarOrVectorOf<element>: ODS's AnyTypeOf, described as `a or b`. */
export function scalarOrVectorOf(element: TypeConstraint): TypeConstraint {
  const vec = vectorOf(element);
  return typeConstraint(`${element.description} or ${vec.description}`, (t) => element.test(t) || vec.test(t));
}
/** LLVM_PointerTo<pointee>: an opaque pointer, or a typed one to `pointee`. */
export function pointerTo(pointee: TypeConstraint): TypeConstraint<LLVMPointerType> {
  return typeConstraint(
    `LLVM pointer to ${pointee.description}`,
    (t): t is LLVMPointerType => t instanceof LLVMPointerType && (t.elementType === undefined || pointee.test(t.elementType)),
  );
}

export const IntOrIntVector = scalarOrVectorOf(AnyInteger);
export const SignlessIntOrVector = scalarOrVectorOf(AnySignlessInteger);
export const FloatOrFloatVector = scalarOrVectorOf(LLVMAnyFloat);
/** Intrinsics on builtin floats only (ODS's AnyFloat). */
export const BuiltinFloatOrVector = scalarOrVectorOf(AnyFloat);
export const PointerOrPointerVector = scalarOrVectorOf(LLVMAnyPointer);
export const BoolOrBoolVector = scalarOrVectorOf(Bool);
/** LLVM_i8Ptr: buildable, so formats need not spell its type (`llvm.intr.stackrestore %p`). */
export const I8Pointer: TypeConstraint<LLVMPointerType> = {
  ...pointerTo(typeConstraint("8-bit signless integer", (t) => isIntOfWidth(t, 8))),
  buildable: LLVMPointerType.get(IntegerType.get(8)),
};
export const I32 = typeConstraint("32-bit signless integer", (t) => isIntOfWidth(t, 32));
export const I8 = typeConstraint("8-bit signless integer", (t) => isIntOfWidth(t, 8));

function isIntOfWidth(t: Type, width: number): boolean {
  return AnySignlessInteger.test(t) && t.width === width;
}
