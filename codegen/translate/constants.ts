/**
 * Attributes as LLVM constants: the `value` of llvm.mlir.constant and llvm.mlir.global. Scalars are built from
 * their bits (so that large integers and NaN payloads survive), dense elements as LLVM's constant data arrays
 * and vectors from their raw bytes (a splat as a splat).
 */
import { llvm } from "../llvm.ts";
import { ArrayAttr, type Attribute, DenseElementsAttr, FloatAttr, IntegerAttr, StringAttr } from "../../src/ir/attributes.ts";
import { FloatType, IndexType, IntegerType, type Type } from "../../src/ir/types.ts";
import { printAttribute, printType } from "../../src/text/printer.ts";
import { LLVMArrayType, LLVMFixedVectorType, LLVMScalableVectorType, LLVMStructType } from "../../dialects/llvm/index.ts";
import type { TypeTranslator } from "./types.ts";

export class UnsupportedConstant extends Error {}

/** An integer constant of `width` bits from its (two's complement) value, exact beyond 2^53. */
export function intConstant(type: llvm.Type, width: number, value: bigint): llvm.Constant {
  return llvm.ConstantInt.getFromString(type, BigInt.asUintN(width, value).toString(16), 16);
}

/** A float constant from its bits (any NaN payload, -0, infinities). */
export function floatConstant(type: llvm.Type, bits: bigint): llvm.Constant {
  return llvm.ConstantFP.getFromBits(type, bits.toString(16), 16);
}

export class ConstantTranslator {
  readonly #types: TypeTranslator;

  constructor(types: TypeTranslator) {
    this.#types = types;
  }

  /** `attr` as a constant of type `type` (the op's result or the global's type). */
  translate(attr: Attribute, type: Type): llvm.Constant {
    const llType = this.#types.translate(type);
    if (attr instanceof IntegerAttr) {
      const width = scalarWidth(type, attr.type);
      return intConstant(llType, width, attr.value);
    }
    if (attr instanceof FloatAttr) return floatConstant(llType, attr.bits);
    if (attr instanceof StringAttr) {
      if (!(type instanceof LLVMArrayType)) throw new UnsupportedConstant(`a string constant needs an !llvm.array type, not ${printType(type)}`);
      const bytes = new TextEncoder().encode(attr.value);
      return llvm.ConstantDataArray.getRaw(bytes, bytes.length, this.#types.translate(type.elementType));
    }
    if (attr instanceof DenseElementsAttr) return this.#dense(attr, type);
    if (attr instanceof ArrayAttr && type instanceof LLVMStructType) {
      if (attr.elements.length !== type.body.length) throw new UnsupportedConstant(`struct constant with ${attr.elements.length} elements for ${printType(type)}`);
      return llvm.ConstantStruct.get(
        llType as llvm.StructType,
        attr.elements.map((e, i) => this.translate(e, type.body[i]!)),
      );
    }
    throw new UnsupportedConstant(`cannot translate attribute ${printAttribute(attr)} to an LLVM constant of type ${printType(type)}`);
  }

  /** Dense elements into a vector (one-dimensional) or a nest of arrays (of scalars or vectors), row-major. */
  #dense(attr: DenseElementsAttr, type: Type): llvm.Constant {
    const element = attr.type.elementType;
    // The element type of the result (index elements become i64 ones there).
    const llElement = this.#types.translate(leafElementType(type));
    const splat = attr.data.length === 1;
    const scalar = (i: number): llvm.Constant => this.#element(attr, splat ? 0 : i, element, llElement);
    const build = (t: Type, offset: number): llvm.Constant => {
      if (t instanceof LLVMArrayType) {
        const stride = sizeOf(t.elementType);
        const leafIsScalar = !(t.elementType instanceof LLVMArrayType) && vectorLength(t.elementType) === undefined;
        const bytes = leafIsScalar && !splat ? rawBytes(attr, offset, t.numElements, element) : undefined;
        if (bytes !== undefined) return llvm.ConstantDataArray.getRaw(bytes, t.numElements, llElement);
        const inner = Array.from({ length: t.numElements }, (_, i) => build(t.elementType, offset + i * stride));
        return llvm.ConstantArray.get(this.#types.translate(t) as llvm.ArrayType, inner);
      }
      const n = vectorLength(t);
      if (n === undefined) return scalar(offset);
      if (splat) return llvm.ConstantVector.getSplat(n.length, scalar(0), n.scalable);
      const bytes = rawBytes(attr, offset, n.length, element);
      if (bytes !== undefined) return llvm.ConstantDataVector.getRaw(bytes, n.length, llElement);
      return llvm.ConstantVector.get(Array.from({ length: n.length }, (_, i) => scalar(offset + i)));
    };
    const count = attr.type.shape.reduce((a, b) => a * b, 1);
    if (sizeOf(type) !== count) throw new UnsupportedConstant(`dense elements of ${count} elements for the type ${printType(type)}`);
    return build(type, 0);
  }

  #element(attr: DenseElementsAttr, i: number, element: Type, llElement: llvm.Type): llvm.Constant {
    const index = attr.data.length === 1 ? 0 : i;
    const raw = attr.data[index]!;
    if (element instanceof FloatType) {
      const bits = element.width <= 16 ? BigInt(raw as number) : floatBitsOf(raw as number, element.width);
      return floatConstant(llElement, bits);
    }
    const width = element instanceof IntegerType ? element.width : 64;
    return intConstant(llElement, width, typeof raw === "bigint" ? raw : BigInt(raw as number));
  }
}

/** The little-endian bytes of elements [offset, offset + n), for element types LLVM's constant data takes. */
function rawBytes(attr: DenseElementsAttr, offset: number, n: number, element: Type): Uint8Array | undefined {
  const widths = [8, 16, 32, 64];
  const ok = (element instanceof IntegerType && widths.includes(element.width)) || (element instanceof FloatType && widths.includes(element.width)) || element instanceof IndexType;
  if (!ok || attr.data.length === 1) return undefined;
  const view = attr.data.subarray(offset, offset + n);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function floatBitsOf(x: number, width: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  if (width === 32) {
    view.setFloat32(0, x);
    return BigInt(view.getUint32(0));
  }
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}

function scalarWidth(type: Type, attrType: Type): number {
  if (type instanceof IntegerType) return type.width;
  if (attrType instanceof IntegerType) return attrType.width;
  return 64;
}

function vectorLength(t: Type): { length: number; scalable: boolean } | undefined {
  if (t instanceof LLVMFixedVectorType) return { length: t.numElements, scalable: false };
  if (t instanceof LLVMScalableVectorType) return { length: t.minNumElements, scalable: true };
  if (t.kind === "vector") {
    const v = t as unknown as { shape: readonly number[]; scalableDims: readonly boolean[] };
    return { length: v.shape[0]!, scalable: v.scalableDims[0] ?? false };
  }
  return undefined;
}

function leafElementType(t: Type): Type {
  if (t instanceof LLVMArrayType) return leafElementType(t.elementType);
  if (t instanceof LLVMFixedVectorType || t instanceof LLVMScalableVectorType) return t.elementType;
  if (t.kind === "vector") return (t as unknown as { elementType: Type }).elementType;
  return t;
}

/** How many scalar elements one `t` holds (arrays of arrays of vectors flatten row-major). */
function sizeOf(t: Type): number {
  if (t instanceof LLVMArrayType) return t.numElements * sizeOf(t.elementType);
  return vectorLength(t)?.length ?? 1;
}
