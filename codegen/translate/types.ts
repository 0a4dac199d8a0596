/**
 * Types of the llvm dialect (and the builtin types it shares: integers, floats, vectors) as llvm-bindings
 * types in one LLVMContext. Memoized per translation: an identified struct is created once and its body set
 * after, so that it can refer to itself.
 */
import { llvm } from "../llvm.ts";
import { FloatType, IndexType, IntegerType, type Type, VectorType } from "../../src/ir/types.ts";
import { printType } from "../../src/text/printer.ts";
import {
  LLVMArrayType,
  LLVMFixedVectorType,
  LLVMFunctionType,
  LLVMLabelType,
  LLVMMetadataType,
  LLVMPointerType,
  LLVMScalableVectorType,
  LLVMStructType,
  LLVMTokenType,
  LLVMVoidType,
} from "../../dialects/llvm/index.ts";

/** A type the translation cannot express in LLVM IR (an error for the op that uses it). */
export class UnsupportedType extends Error {
  constructor(readonly type: Type, reason: string) {
    super(`cannot translate type ${printType(type)} to LLVM IR: ${reason}`);
  }
}

export class TypeTranslator {
  readonly #ctx: llvm.LLVMContext;
  readonly #cache = new Map<Type, llvm.Type>();
  /** Opaque-pointer mode: every `!llvm.ptr` is LLVM's `ptr` (a module may not mix it with typed pointers). */
  readonly opaquePointers: boolean;

  constructor(ctx: llvm.LLVMContext, opaquePointers: boolean) {
    this.#ctx = ctx;
    this.opaquePointers = opaquePointers;
  }

  translate(t: Type): llvm.Type {
    let out = this.#cache.get(t);
    if (out === undefined) {
      out = this.#translate(t);
      this.#cache.set(t, out);
    }
    return out;
  }

  function(t: LLVMFunctionType): llvm.FunctionType {
    return this.translate(t) as llvm.FunctionType;
  }

  #translate(t: Type): llvm.Type {
    const ctx = this.#ctx;
    if (t instanceof IntegerType) {
      if (t.signedness !== "signless") throw new UnsupportedType(t, "LLVM integers are signless");
      return llvm.IntegerType.get(ctx, t.width);
    }
    if (t instanceof IndexType) throw new UnsupportedType(t, "index must be converted to an integer first (convert-*-to-llvm)");
    if (t instanceof FloatType) {
      switch (t.name) {
        case "f16":
          return llvm.Type.getHalfTy(ctx);
        case "bf16":
          return llvm.Type.getBFloatTy(ctx);
        case "f32":
          return llvm.Type.getFloatTy(ctx);
        case "f64":
          return llvm.Type.getDoubleTy(ctx);
        case "f80":
          return llvm.Type.getX86_FP80Ty(ctx);
        case "f128":
          return llvm.Type.getFP128Ty(ctx);
        default:
          throw new UnsupportedType(t, "LLVM has no such float type");
      }
    }
    if (t instanceof VectorType) {
      if (t.shape.length !== 1) throw new UnsupportedType(t, "LLVM vectors are one-dimensional (convert-vector-to-llvm unrolls the others)");
      return llvm.VectorType.get(this.translate(t.elementType), t.shape[0]!, t.scalableDims[0] ?? false);
    }
    if (t instanceof LLVMFixedVectorType) return llvm.FixedVectorType.get(this.translate(t.elementType), t.numElements);
    if (t instanceof LLVMScalableVectorType) return llvm.ScalableVectorType.get(this.translate(t.elementType), t.minNumElements);
    if (t instanceof LLVMPointerType) {
      if (this.opaquePointers) {
        if (!t.isOpaque) throw new UnsupportedType(t, "a module cannot mix typed pointers with opaque `!llvm.ptr`");
        return llvm.PointerType.getOpaque(ctx, t.addressSpace);
      }
      if (t.elementType === undefined) throw new UnsupportedType(t, "opaque pointer in a typed-pointer module");
      return llvm.PointerType.get(this.translate(t.elementType), t.addressSpace);
    }
    if (t instanceof LLVMArrayType) return llvm.ArrayType.get(this.translate(t.elementType), t.numElements);
    if (t instanceof LLVMFunctionType) {
      return llvm.FunctionType.get(
        this.translate(t.returnType),
        t.params.map((p) => this.translate(p)),
        t.isVarArg,
      );
    }
    if (t instanceof LLVMStructType) {
      if (t.name === undefined) return llvm.StructType.get(ctx, t.body.map((e) => this.translate(e)), t.isPacked);
      const named = llvm.StructType.create(ctx, t.name);
      // Cached before the body is translated: the body may point back at the struct.
      this.#cache.set(t, named);
      if (!t.isOpaque) named.setBody(t.body.map((e) => this.translate(e)), t.isPacked);
      return named;
    }
    if (t instanceof LLVMVoidType) return llvm.Type.getVoidTy(ctx);
    if (t instanceof LLVMLabelType) return llvm.Type.getLabelTy(ctx);
    if (t instanceof LLVMMetadataType) return llvm.Type.getMetadataTy(ctx);
    if (t instanceof LLVMTokenType) return llvm.Type.getTokenTy(ctx);
    throw new UnsupportedType(t, "not an LLVM-compatible type");
  }
}
