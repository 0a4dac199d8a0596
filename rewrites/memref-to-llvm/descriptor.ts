/**
 * Building llvm IR for the memref conversion (MLIR 16's LLVMCommon/MemRefBuilder.cpp and the helpers of
 * LLVMCommon/Pattern.cpp): an `Emitter` creates llvm ops before the op being converted, and reads and builds
 * memref descriptors `!llvm.struct<(ptr, ptr, i64, array<R x i64>, array<R x i64>)>` field by field, in the
 * order MLIR 16 emits them (so that goldens compare line for line):
 *
 *   %p = llvm.extractvalue %d[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
 *   %e = llvm.insertvalue %n, %d[3, 1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
 */
import { type Attribute, DenseArrayAttr, IntegerAttr, StringAttr, SymbolRefAttr, TypeAttr } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { Operation, OperationInit } from "../../src/ir/operation.ts";
import { DYNAMIC, i1, i32, i64, IndexType, type MemRefType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import type { ConversionRewriter } from "../../src/rewrite/conversion.ts";
import * as L from "../../dialects/llvm/index.ts";
import { stridesAndOffset } from "../../dialects/memref/index.ts";
import type { LLVMTypeConverter } from "../llvm-common/type-converter.ts";

type Creatable = { create(init: OperationInit): Operation };

/** Field positions of a ranked descriptor (MLIR's kAllocatedPtrPosInMemRefDescriptor, ...). */
const ALLOCATED = 0;
const ALIGNED = 1;
const OFFSET = 2;
const SIZES = 3;
const STRIDES = 4;

/** Creates llvm ops before `at`, at its location, through the conversion rewriter. */
export class Emitter {
  constructor(
    readonly rw: ConversionRewriter,
    readonly at: Operation,
    readonly tc: LLVMTypeConverter,
  ) {}

  get indexType(): Type {
    return this.tc.indexType;
  }

  op(cls: Creatable, parts: { operands?: readonly Value[]; resultTypes?: readonly Type[]; attributes?: Record<string, Attribute>; regions?: number }): Operation {
    const at = this.at;
    return this.rw.at(InsertionPoint.before(at), () => this.rw.insert(cls.create({ ...parts, loc: at.loc })), at.loc);
  }
  one(cls: Creatable, operands: readonly Value[], type: Type, attributes: Record<string, Attribute> = {}): Value {
    return this.op(cls, { operands, resultTypes: [type], attributes }).getResult(0);
  }

  /** `llvm.mlir.constant(n : index) : i64` (MLIR's createIndexConstant). */
  index(n: number | bigint): Value {
    return this.one(L.ConstantOp, [], this.indexType, { value: IntegerAttr.get(IndexType.get(), n) });
  }
  constant(value: IntegerAttr, type: Type): Value {
    return this.one(L.ConstantOp, [], type, { value });
  }
  i32(n: number): Value {
    return this.constant(IntegerAttr.get(i32, n), i32);
  }
  falseBit(): Value {
    return this.constant(IntegerAttr.get(i1, 0), i1);
  }
  add(a: Value, b: Value): Value {
    return this.one(L.AddOp, [a, b], a.type);
  }
  sub(a: Value, b: Value): Value {
    return this.one(L.SubOp, [a, b], a.type);
  }
  mul(a: Value, b: Value): Value {
    return this.one(L.MulOp, [a, b], a.type);
  }
  nullPtr(type: Type): Value {
    return this.one(L.NullOp, [], type);
  }
  ptrToInt(p: Value): Value {
    return this.one(L.PtrToIntOp, [p], this.indexType);
  }
  intToPtr(n: Value, type: Type): Value {
    return this.one(L.IntToPtrOp, [n], type);
  }
  /** `bitcast` between typed pointers, even to the same type as MLIR 16 emits it; opaque pointers need none. */
  castPtr(p: Value, type: Type): Value {
    return this.tc.useOpaquePointers ? p : this.one(L.BitcastOp, [p], type);
  }

  /** `llvm.getelementptr %base[indices]` yielding `resultType`; `elem` spelled when the pointer is opaque. */
  gep(resultType: Type, elem: Type, base: Value, indices: readonly (number | Value)[]): Value {
    const raw = indices.map((i) => (typeof i === "number" ? i : L.GEP_DYNAMIC_INDEX));
    const dynamic = indices.filter((i): i is Value => typeof i !== "number");
    const attributes: Record<string, Attribute> = { rawConstantIndices: DenseArrayAttr.get(i32, raw) };
    if (this.tc.useOpaquePointers) attributes["elem_type"] = TypeAttr.get(elem);
    return this.one(L.GEPOp, [base, ...dynamic], resultType, attributes);
  }

  /** `bumped - (bumped urem alignment)` where bumped = input + alignment - 1 (MLIR's createAligned). */
  aligned(input: Value, alignment: Value): Value {
    const one = this.index(1);
    const bump = this.sub(alignment, one);
    const bumped = this.add(input, bump);
    const mod = this.one(L.URemOp, [bumped, alignment], bumped.type);
    return this.sub(bumped, mod);
  }

  /** The size of `t` in bytes as `ptrtoint (gep null[1])` (MLIR's getSizeInBytes). */
  sizeInBytes(t: Type): Value {
    const llvmType = this.tc.convertType(t) ?? t;
    const ptr = this.tc.pointerTo(llvmType);
    return this.ptrToInt(this.gep(ptr, llvmType, this.nullPtr(ptr), [1]));
  }

  extract(container: Value, position: readonly number[]): Value {
    const type = L.insertExtractValueElementType(container.type, position);
    if (typeof type === "string") throw new Error(`extractvalue: ${type}`);
    return this.one(L.ExtractValueOp, [container], type, { position: DenseArrayAttr.get(i64, position) });
  }
  insert(container: Value, value: Value, position: readonly number[]): Value {
    return this.one(L.InsertValueOp, [container, value], container.type, { position: DenseArrayAttr.get(i64, position) });
  }
  undef(type: Type): Value {
    return this.one(L.UndefOp, [], type);
  }

  call(callee: string, args: readonly Value[], result: Type | undefined): Operation {
    return this.op(L.CallOp, { operands: args, resultTypes: result === undefined ? [] : [result], attributes: { callee: SymbolRefAttr.get(callee) } });
  }
}

/** Reads a converted ranked descriptor's fields (MLIR's MemRefDescriptor accessors). */
export class Descriptor {
  constructor(
    readonly e: Emitter,
    readonly value: Value,
  ) {}
  allocatedPtr(): Value {
    return this.e.extract(this.value, [ALLOCATED]);
  }
  alignedPtr(): Value {
    return this.e.extract(this.value, [ALIGNED]);
  }
  offset(): Value {
    return this.e.extract(this.value, [OFFSET]);
  }
  size(i: number): Value {
    return this.e.extract(this.value, [SIZES, i]);
  }
  stride(i: number): Value {
    return this.e.extract(this.value, [STRIDES, i]);
  }
  /** The size along a dynamic dimension `pos`: the sizes array stored to the stack and indexed (MLIR's size(pos, rank)). */
  dynamicSize(pos: Value, rank: number): Value {
    const e = this.e;
    const idx = e.indexType;
    const arrayType = L.LLVMArrayType.get(idx, rank);
    const one = e.index(1);
    const sizes = e.extract(this.value, [SIZES]);
    const attrs: Record<string, Attribute> = e.tc.useOpaquePointers ? { elem_type: TypeAttr.get(arrayType) } : {};
    const slot = e.one(L.AllocaOp, [one], e.tc.pointerTo(arrayType), attrs);
    e.op(L.StoreOp, { operands: [sizes, slot] });
    const at = e.gep(e.tc.pointerTo(idx), arrayType, slot, [0, pos]);
    return e.one(L.LoadOp, [at], idx);
  }
}

/** The converted element type of a memref. */
export function elementLLVMType(e: Emitter, t: MemRefType): Type {
  return e.tc.convertType(t.elementType) ?? t.elementType;
}

/** A fresh descriptor of `type` from its parts: sizes inserted first, then strides (as MLIR 16's alloc lowering). */
export function buildDescriptor(e: Emitter, type: Type, parts: { allocated: Value; aligned: Value; offset: () => Value; sizes: readonly Value[]; strides: readonly Value[] }): Value {
  let d = e.undef(type);
  d = e.insert(d, parts.allocated, [ALLOCATED]);
  d = e.insert(d, parts.aligned, [ALIGNED]);
  d = e.insert(d, parts.offset(), [OFFSET]);
  parts.sizes.forEach((s, i) => (d = e.insert(d, s, [SIZES, i])));
  parts.strides.forEach((s, i) => (d = e.insert(d, s, [STRIDES, i])));
  return d;
}

/** Inserts a size and a stride per dimension, interleaved (MLIR's MemRefDescriptor::fromStaticShape order). */
export function setInterleaved(e: Emitter, d: Value, sizes: readonly (() => Value)[], strides: readonly (() => Value)[]): Value {
  let out = d;
  sizes.forEach((size, i) => {
    out = e.insert(out, size(), [SIZES, i]);
    out = e.insert(out, (strides[i] as () => Value)(), [STRIDES, i]);
  });
  return out;
}

/**
 * The address of the element at `indices` (MLIR 16's getStridedElementPtr): the aligned pointer indexed by the
 * layout's offset plus the sum of index * stride, a zero offset and strides of 1 skipped, dynamic ones read
 * from the descriptor.
 *
 *   %p = llvm.extractvalue %d[1]; %s = llvm.extractvalue %d[4, 0]; %0 = llvm.mul %i, %s; %1 = llvm.add %0, %j
 *   %a = llvm.getelementptr %p[%1] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
 */
export function stridedElementPtr(e: Emitter, type: MemRefType, desc: Value, indices: readonly Value[]): Value | undefined {
  const so = stridesAndOffset(type);
  if (so === undefined) return undefined;
  const d = new Descriptor(e, desc);
  const base = d.alignedPtr();
  let index: Value | undefined;
  if (so.offset !== 0) index = so.offset === DYNAMIC ? d.offset() : e.index(so.offset);
  indices.forEach((idx, i) => {
    let increment = idx;
    const s = so.strides[i] as number;
    if (s !== 1) increment = e.mul(increment, s === DYNAMIC ? d.stride(i) : e.index(s));
    index = index === undefined ? increment : e.add(index, increment);
  });
  return index === undefined ? base : e.gep(base.type, elementLLVMType(e, type), base, [index]);
}

/** The module the op is in, whose body receives function declarations. */
export function enclosingModule(op: Operation): Operation | undefined {
  return op.name === "builtin.module" ? op : op.parentWhere((p) => p.name === "builtin.module");
}

/**
 * `llvm.func @name(params) -> result` declared at the start of the module unless a symbol of that name exists
 * (MLIR's LLVM::lookupOrCreateFn; a later declaration lands before earlier ones, as in MLIR).
 */
export function lookupOrCreateFn(e: Emitter, name: string, params: readonly Type[], result: Type): string | undefined {
  const module = enclosingModule(e.at);
  const body = module?.regions[0]?.entry;
  if (body === undefined) return undefined;
  for (const o of body.ops()) if ((o.attr("sym_name") as StringAttr | undefined)?.value === name) return name;
  const fnType = L.LLVMFunctionType.get(result, params);
  e.rw.at(InsertionPoint.atStart(body), () =>
    e.rw.insert(
      L.LLVMFuncOp.create({
        attributes: { sym_name: StringAttr.get(name), function_type: TypeAttr.get(fnType), linkage: L.LinkageAttr.get("external"), CConv: L.CConvAttr.get("ccc") },
        regions: 1,
        loc: e.at.loc,
      }),
    ),
  );
  return name;
}

/** An emitter before `op` with the conversion's LLVM type converter. */
export const emitter = (rw: ConversionRewriter, op: Operation): Emitter => new Emitter(rw, op, rw.typeConverter as LLVMTypeConverter);

/** The memref's memory space is the default one (the only one the patterns handle). */
export function defaultSpace(t: MemRefType): boolean {
  const s = t.memorySpace;
  return s === undefined || (s instanceof IntegerAttr && s.value === 0n);
}
