/**
 * The llvm dialect's aggregate and vector element ops, in MLIR 16's syntax:
 *
 *   %0 = llvm.extractvalue %s[1, 0] : !llvm.struct<(i32, array<4 x f32>)>
 *   %1 = llvm.insertvalue %x, %s[1, 0] : !llvm.struct<(i32, array<4 x f32>)>
 *   %2 = llvm.extractelement %v[%i : i32] : vector<4xf32>
 *   %3 = llvm.insertelement %x, %v[%i : i32] : vector<4xf32>
 *   %4 = llvm.shufflevector %v, %v [0, 4, 1, 5] : vector<4xf32>
 *
 * The element type of insertvalue/extractvalue is inferred from the container and the position (MLIR's
 * custom<InsertExtractValueElementType>), the shuffle's result type from the mask's length.
 */
import { DenseArrayAttr } from "../../src/ir/attributes.ts";
import { Pure } from "../../src/ir/traits.ts";
import type { Type } from "../../src/ir/types.ts";
import { AnyInteger, DenseI32ArrayAttr, DenseI64ArrayAttr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { customDirective, ref } from "../../src/irdl/format-directives.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { LLVMAnyAggregate, LLVMAnyType, LLVMAnyVector, LLVMPrimitiveType } from "./constraints.ts";
import {
  isCompatibleType,
  isCompatibleVectorType,
  LLVMArrayType,
  llvmVectorType,
  LLVMStructType,
  vectorNumElements,
} from "./types.ts";

/**
 * The type at `position` inside `container` (MLIR's getInsertExtractValueElementType), or the error message
 * when the position does not fit the type.
 */
export function insertExtractValueElementType(container: Type, position: readonly number[]): Type | string {
  if (!isCompatibleType(container)) return `expected LLVM IR Dialect type, got ${quotedType(container)}`;
  let t = container;
  for (const idx of position) {
    if (t instanceof LLVMArrayType) {
      if (idx < 0 || idx >= t.numElements) return `position out of bounds: ${idx}`;
      t = t.elementType;
    } else if (t instanceof LLVMStructType) {
      if (idx < 0 || idx >= t.body.length) return `position out of bounds: ${idx}`;
      t = t.body[idx] as Type;
    } else {
      return `expected LLVM IR structure/array type, got: ${quotedType(t)}`;
    }
  }
  return t;
}

const positionOf = (a: unknown): number[] => (a instanceof DenseArrayAttr ? a.values.map(Number) : []);

/** Prints nothing: the element type follows from the container type and the position. */
const InsertExtractValueElementType = customDirective({
  params: { valueType: "type", containerType: ref("type"), position: ref("attr") },
  print() {},
  parse(p, { containerType, position }) {
    const t = insertExtractValueElementType(containerType, positionOf(position));
    return { valueType: typeof t === "string" ? p.error(t) : t };
  },
});

export const ExtractValueOp = defineOp(
  {
    name: "llvm.extractvalue",
    summary: "Extract a value from an LLVM struct.",
    operands: { container: LLVMAnyAggregate },
    results: { res: LLVMAnyType },
    attributes: { position: DenseI64ArrayAttr },
    traits: [Pure],
    customDirectives: { InsertExtractValueElementType },
    format:
      "$container `` $position attr-dict `:` type($container) " +
      "custom<InsertExtractValueElementType>(type($res), ref(type($container)), ref($position))",
  },
  {
    verify(op) {
      const t = insertExtractValueElementType(op.container.type, positionOf(op.position));
      if (typeof t === "string") return opError(op, t);
      if (op.res.type !== t) {
        return opError(
          op,
          `Type mismatch: extracting from ${quotedType(op.container.type)} should produce ${quotedType(t)} but this op returns ${quotedType(op.res.type)}`,
        );
      }
      return undefined;
    },
  },
);

export const InsertValueOp = defineOp(
  {
    name: "llvm.insertvalue",
    summary: "Insert a value into an LLVM struct.",
    operands: { container: LLVMAnyAggregate, value: LLVMPrimitiveType },
    results: { res: LLVMAnyAggregate },
    attributes: { position: DenseI64ArrayAttr },
    traits: [Pure],
    allTypesMatch: [["container", "res"]],
    customDirectives: { InsertExtractValueElementType },
    format:
      "$value `,` $container `` $position attr-dict `:` type($container) " +
      "custom<InsertExtractValueElementType>(type($value), ref(type($container)), ref($position))",
  },
  {
    verify(op) {
      const t = insertExtractValueElementType(op.container.type, positionOf(op.position));
      if (typeof t === "string") return opError(op, t);
      if (op.value.type !== t) return opError(op, `Type mismatch: cannot insert ${quotedType(op.value.type)} into ${quotedType(op.container.type)}`);
      return undefined;
    },
  },
);

const vectorElement = (t: Type): Type | undefined => (isCompatibleVectorType(t) ? t.elementType : undefined);

export const ExtractElementOp = defineOp({
  name: "llvm.extractelement",
  summary: "Extract an element from an LLVM vector.",
  operands: { vector: LLVMAnyVector, position: AnyInteger },
  results: { res: LLVMAnyType },
  traits: [Pure],
  typesMatchWith: [{ from: "vector", to: "res", transform: vectorElement, summary: "result type matches vector element type" }],
  format: "$vector `[` $position `:` type($position) `]` attr-dict `:` type($vector)",
});

export const InsertElementOp = defineOp({
  name: "llvm.insertelement",
  summary: "Insert an element into an LLVM vector.",
  operands: { vector: LLVMAnyVector, value: LLVMPrimitiveType, position: AnyInteger },
  results: { res: LLVMAnyVector },
  traits: [Pure],
  typesMatchWith: [{ from: "vector", to: "value", transform: vectorElement, summary: "argument type matches vector element type" }],
  allTypesMatch: [["res", "vector"]],
  format: "$value `,` $vector `[` $position `:` type($position) `]` attr-dict `:` type($vector)",
});

/** The result type of a shuffle of `v1Type` vectors by a mask of `n` entries (MLIR's parseShuffleType). */
export function shuffleResultType(v1Type: Type, n: number): Type | undefined {
  if (!isCompatibleVectorType(v1Type)) return undefined;
  return llvmVectorType(v1Type.elementType, n, vectorNumElements(v1Type).scalable);
}

const ShuffleType = customDirective({
  params: { v1Type: ref("type"), resType: "type", mask: ref("attr") },
  print() {},
  parse(p, { v1Type, mask }) {
    const t = shuffleResultType(v1Type, positionOf(mask).length);
    return { resType: t ?? p.error("expected an LLVM compatible vector type") };
  },
});

export const ShuffleVectorOp = defineOp(
  {
    name: "llvm.shufflevector",
    summary: "Construct a permutation of two vectors.",
    operands: { v1: LLVMAnyVector, v2: LLVMAnyVector },
    results: { res: LLVMAnyVector },
    attributes: { mask: DenseI32ArrayAttr },
    traits: [Pure],
    allTypesMatch: [["v1", "v2"]],
    customDirectives: { ShuffleType },
    format: "$v1 `,` $v2 $mask attr-dict `:` type($v1) custom<ShuffleType>(ref(type($v1)), type($res), ref($mask))",
  },
  {
    verify(op) {
      if (isCompatibleVectorType(op.v1.type) && vectorNumElements(op.v1.type).scalable && positionOf(op.mask).some((v) => v !== 0)) {
        return opError(op, "expected a splat operation for scalable vectors");
      }
      return undefined;
    },
  },
);

export const aggregateOps = [ExtractValueOp, InsertValueOp, ExtractElementOp, InsertElementOp, ShuffleVectorOp] as const;
