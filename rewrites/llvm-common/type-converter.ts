/**
 * The type converter every conversion to the llvm dialect shares (MLIR 16's LLVMTypeConverter,
 * lib/Conversion/LLVMCommon/TypeConverter.cpp):
 *
 *   index                    -> i64 (or `index-bitwidth` bits)
 *   i32, f32, ...            -> themselves (signless integers and LLVM's floats)
 *   bf16                     -> i16, its bits (a Tensile departure: LLVM 14's x86-64 and riscv64 backends abort on
 *                               bf16, so arith-emulate-unsupported-floats and arith-expand{include-bf16=true} leave
 *                               only bit moves on it, which i16 carries; docs/ARCHITECTURE.md)
 *   vector<4xf32>            -> itself; vector<2x3xf32> -> !llvm.array<2 x vector<3xf32>> (n-D as nested arrays)
 *   memref<4x?xf32>          -> the descriptor !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
 *                               (allocated pointer, aligned pointer, offset, sizes, strides)
 *   memref<f32> (rank 0)     -> !llvm.struct<(ptr<f32>, ptr<f32>, i64)>
 *   memref<*xf32>            -> !llvm.struct<(i64, ptr<i8>)> (rank, pointer to a ranked descriptor)
 *   (i32, index) -> f32      -> !llvm.func<f32 (i32, i64)>; several results pack into a literal struct
 *   llvm types               -> themselves (their nested types converted)
 *
 * Values of the old and new types meet through `builtin.unrealized_conversion_cast` (the default
 * materialisations), which `reconcile-unrealized-casts` removes once both sides are converted.
 */
import { type Attribute, DenseElementsAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { FloatType, FunctionType, IndexType, IntegerType, MemRefType, RankedTensorType, type Type, UnrankedMemRefType, VectorType, bf16, i16, i64, i8 } from "../../src/ir/types.ts";
import { TypeConverter } from "../../src/rewrite/type-converter.ts";
import {
  isCompatibleType,
  LLVMArrayType,
  LLVMFunctionType,
  LLVMPointerType,
  LLVMStructType,
  LLVMType,
  LLVMVoidType,
} from "../../dialects/llvm/index.ts";

export interface LowerToLLVMOptions {
  /** Bits of `index` (MLIR's index-bitwidth; 0 means the machine word, 64 here). */
  readonly indexBitwidth?: number;
  /** Pointers in descriptors and signatures are opaque `!llvm.ptr` (MLIR 16 defaults to typed pointers). */
  readonly useOpaquePointers?: boolean;
}

/** The converter plus the typed helpers conversions build descriptors and signatures with. */
export class LLVMTypeConverter extends TypeConverter {
  readonly indexType: IntegerType;
  readonly useOpaquePointers: boolean;

  constructor(opts: LowerToLLVMOptions = {}) {
    super();
    const bits = opts.indexBitwidth === undefined || opts.indexBitwidth === 0 ? 64 : opts.indexBitwidth;
    this.indexType = IntegerType.get(bits);
    this.useOpaquePointers = opts.useOpaquePointers ?? false;
    this.addConversion((t) => (t instanceof IntegerType && t.isSignless ? t : undefined));
    this.addConversion((t) => (t instanceof FloatType ? (t.name === "bf16" ? i16 : t) : undefined));
    this.addConversion((t) => (t instanceof IndexType ? this.indexType : undefined));
    this.addConversion((t) => (t instanceof VectorType ? (this.convertVectorType(t) ?? null) : undefined));
    this.addConversion((t) => (t instanceof MemRefType ? (this.convertMemRefType(t) ?? null) : undefined));
    this.addConversion((t) => (t instanceof UnrankedMemRefType ? this.unrankedDescriptorType() : undefined));
    this.addConversion((t) => (t instanceof FunctionType ? (this.convertFunctionSignature(t.inputs, t.results) ?? null) : undefined));
    this.addConversion((t) => (t instanceof LLVMType ? (this.convertLLVMType(t) ?? null) : undefined));
  }

  /** A pointer to `element` (opaque when the converter uses opaque pointers). */
  pointerTo(element: Type, addressSpace = 0): LLVMPointerType {
    return this.useOpaquePointers ? LLVMPointerType.opaque(addressSpace) : LLVMPointerType.get(element, addressSpace);
  }

  /** 1-D vectors stay; n-D become nested arrays of their innermost 1-D vectors (MLIR's convertVectorType). */
  convertVectorType(t: VectorType): Type | undefined {
    const element = this.convertType(t.elementType);
    if (element === undefined) return undefined;
    const inner = VectorType.get([t.shape.at(-1) ?? 1], element, t.isScalable ? [true] : undefined);
    let out: Type = inner;
    for (let i = t.shape.length - 2; i >= 0; i--) out = LLVMArrayType.get(out, t.shape[i] as number);
    return out;
  }

  /**
   * The ranked memref descriptor (MLIR's getMemRefDescriptorFields): allocated and aligned pointers, offset,
   * and for rank > 0 the sizes and strides arrays. Undefined for a memory space that is not an integer.
   */
  convertMemRefType(t: MemRefType): LLVMStructType | undefined {
    const element = this.convertType(t.elementType);
    if (element === undefined) return undefined;
    const space = t.memorySpace === undefined ? 0 : t.memorySpace instanceof IntegerAttr ? Number(t.memorySpace.value) : undefined;
    if (space === undefined) return undefined;
    const ptr = this.pointerTo(element, space);
    const idx = this.indexType;
    const rank = t.shape.length;
    const fields: Type[] = [ptr, ptr, idx];
    if (rank > 0) fields.push(LLVMArrayType.get(idx, rank), LLVMArrayType.get(idx, rank));
    return LLVMStructType.get(fields);
  }

  /** The unranked descriptor: the rank and a type-erased pointer to a ranked descriptor. */
  unrankedDescriptorType(): LLVMStructType {
    return LLVMStructType.get([this.indexType, this.pointerTo(i8)]);
  }

  /** The LLVM type a function's results pack into: void, the one result, or a literal struct of them. */
  packFunctionResults(results: readonly Type[]): Type | undefined {
    if (results.length === 0) return LLVMVoidType.get();
    const converted = this.convertTypes(results);
    if (converted === undefined) return undefined;
    if (converted.length === 1) return converted[0];
    return LLVMStructType.get(converted);
  }

  /** `!llvm.func<R (A...)>` for a builtin signature: arguments converted, results packed. */
  convertFunctionSignature(inputs: readonly Type[], results: readonly Type[], varArg = false): LLVMFunctionType | undefined {
    const params = this.convertTypes(inputs);
    const result = this.packFunctionResults(results);
    if (params === undefined || result === undefined) return undefined;
    return LLVMFunctionType.get(result, params, varArg);
  }

  /** llvm types whose nested builtin types need converting (a struct of index): rebuilt; the rest as they are. */
  private convertLLVMType(t: LLVMType): Type | undefined {
    if (isCompatibleType(t)) return t;
    if (t instanceof LLVMStructType && !t.isIdentified) {
      const body = this.convertTypes(t.body);
      return body === undefined ? undefined : LLVMStructType.get(body, t.isPacked);
    }
    if (t instanceof LLVMArrayType) {
      const e = this.convertType(t.elementType);
      return e === undefined ? undefined : LLVMArrayType.get(e, t.numElements);
    }
    if (t instanceof LLVMPointerType && t.elementType !== undefined) {
      const e = this.convertType(t.elementType);
      return e === undefined ? undefined : LLVMPointerType.get(e, t.addressSpace);
    }
    return undefined;
  }
}

/**
 * A bf16 constant's value (a float, or dense elements of a vector or tensor) as the i16 bits the llvm dialect
 * carries bf16 in; any other value as it is.
 *
 *   Before: arith.constant 1.0 : bf16             After: llvm.mlir.constant(16256 : i16) : i16
 */
export function bf16AsBits(value: Attribute): Attribute {
  if (value instanceof FloatAttr && value.type === bf16) return IntegerAttr.get(i16, BigInt.asIntN(16, value.bits));
  if (value instanceof DenseElementsAttr && value.type.elementType === bf16) {
    const bits = value.data as Uint16Array;
    const t = value.type;
    const type = t instanceof VectorType ? VectorType.get(t.shape, i16, t.scalableDims) : RankedTensorType.get(t.shape, i16);
    return DenseElementsAttr.get(type, new Int16Array(bits.buffer.slice(bits.byteOffset, bits.byteOffset + bits.byteLength)));
  }
  return value;
}

/** The converter's integer type for `index` values: i64 unless configured otherwise. */
export const defaultIndexType = i64;
