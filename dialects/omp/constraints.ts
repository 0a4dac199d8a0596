/** The type and attribute constraints of MLIR 16's OpenMPOps.td, with ODS's descriptions. */
import { ArrayAttr, IntegerAttr, SymbolRefAttr } from "../../src/ir/attributes.ts";
import { IndexType, IntegerType, MemRefType, type Type } from "../../src/ir/types.ts";
import { type AttrConstraint, attrConstraint, typeConstraint } from "../../src/irdl/constraints.ts";
import { LLVMPointerType } from "../llvm/types.ts";

/**
 * A variable OpenMP clauses refer to by address (MLIR's OpenMP_PointerLikeType, which `!llvm.ptr` and memref
 * types implement): a memref, whose element type is the variable's type, or a typed `!llvm.ptr<T>` (what
 * convert-scf-to-openmp makes for reduction variables).
 */
export const PointerLike = typeConstraint("OpenMP-compatible variable type", (t): t is MemRefType => t instanceof MemRefType || (t instanceof LLVMPointerType && !t.isOpaque));

/** The type of the variable a pointer-like value points to (MLIR's PointerLikeType::getElementType). */
export const pointeeType = (t: Type): Type | undefined => (t instanceof MemRefType ? t.elementType : t instanceof LLVMPointerType ? t.elementType : undefined);

/** Integers of any signedness, or index (ODS's IntLikeType). */
export const IntLike = typeConstraint("integer or index", (t): t is IntegerType | IndexType => t instanceof IntegerType || t instanceof IndexType);

/** An array of symbol references (ODS's SymbolRefArrayAttr): the reduction declarations of a clause. */
export const SymbolRefArrayAttr = attrConstraint(
  "symbol ref array attribute",
  (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => e instanceof SymbolRefAttr),
);

/** An array of i64 (ODS's I64ArrayAttr): the alignments of `aligned(...)`. */
export const I64ArrayAttr = attrConstraint(
  "64-bit integer array attribute",
  (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => e instanceof IntegerAttr && e.type === IntegerType.get(64)),
);

const i64Confined = (description: string, ok: (v: bigint) => boolean): AttrConstraint<IntegerAttr> => ({
  ...attrConstraint(description, (a): a is IntegerAttr => a instanceof IntegerAttr && a.type === IntegerType.get(64) && ok(a.value)),
  valueType: IntegerType.get(64),
});
/** An i64 >= 0 (`ordered(n)`, `num_loops_val`). */
export const NonNegativeI64 = i64Confined("64-bit signless integer attribute whose minimum value is 0", (v) => v >= 0n);
/** An i64 > 0 (`simdlen`, `safelen`). */
export const PositiveI64 = i64Confined("64-bit signless integer attribute whose value is positive", (v) => v > 0n);
