/**
 * Calling compiled functions through MLIR's C interface (`_mlir_ciface_<name>`, made for functions with the
 * `llvm.emit_c_interface` attribute) from JavaScript, zero-copy:
 *
 * - a memref argument is a pointer to its descriptor `{ allocated, aligned, offset, sizes[rank], strides[rank] }`
 *   (all 64-bit), which is built here from a typed array: both pointers are the array's data address, so the
 *   compiled code reads and writes the array itself (give it 64-byte aligned arrays: codegen/aligned.ts);
 * - a scalar argument is passed by value (index as int64_t, i1 as bool);
 * - one scalar result is returned by value; any other results (a memref, or several) come back through a pointer
 *   to a struct of them, passed first, whose layout is C's (computed here);
 * - a memref result is a view of the memory the compiled code returned, not a copy. Its `allocated` pointer is
 *   what must be freed (`release`), once, when the caller is done with it; until then it stays valid.
 */
import koffi from "koffi";
import { FloatType, type FunctionType, IndexType, IntegerType, MemRefType, type Type, isDynamic } from "../../src/ir/types.ts";
import { printType } from "../../src/text/printer.ts";
import type { TypedArray } from "../aligned.ts";

/** A strided view of memory, as a memref descriptor describes it (in elements). */
export interface StridedArray<T extends TypedArray = TypedArray> {
  readonly data: T;
  readonly shape: readonly number[];
  /** Row-major (contiguous) when omitted. */
  readonly strides?: readonly number[];
  /** In elements from `data`'s start (default 0). */
  readonly offset?: number;
}

/** A memref a compiled function returned: a view of native memory, and the pointer to free. */
export interface ReturnedArray<T extends TypedArray = TypedArray> extends StridedArray<T> {
  readonly strides: readonly number[];
  readonly offset: number;
  readonly allocated: bigint;
}

export type ScalarArg = number | bigint | boolean;
export type Arg = ScalarArg | StridedArray;
export type Result = number | bigint | boolean | ReturnedArray;

/** The typed array holding elements of `t` (f16 and bf16 as their bits; i1 as bytes). */
export function arrayTypeOf(t: Type): { new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray; BYTES_PER_ELEMENT: number } {
  if (t instanceof FloatType) {
    if (t.name === "f32") return Float32Array;
    if (t.name === "f64") return Float64Array;
    if (t.name === "f16" || t.name === "bf16") return Uint16Array;
  }
  if (t instanceof IndexType) return BigInt64Array;
  if (t instanceof IntegerType) {
    if (t.width === 1 || t.width === 8) return t.signedness === "unsigned" || t.width === 1 ? Uint8Array : Int8Array;
    if (t.width === 16) return t.signedness === "unsigned" ? Uint16Array : Int16Array;
    if (t.width === 32) return t.signedness === "unsigned" ? Uint32Array : Int32Array;
    if (t.width === 64) return t.signedness === "unsigned" ? BigUint64Array : BigInt64Array;
  }
  throw new Error(`no typed array for elements of type ${printType(t)}`);
}

/** C's name of a scalar type for koffi, and its size (= alignment on x86-64 and riscv64). */
export function cScalar(t: Type): { c: string; size: number } {
  if (t instanceof IndexType) return { c: "int64_t", size: 8 };
  if (t instanceof FloatType) {
    if (t.name === "f32") return { c: "float", size: 4 };
    if (t.name === "f64") return { c: "double", size: 8 };
    if (t.name === "f16" || t.name === "bf16") return { c: "uint16_t", size: 2 };
  }
  if (t instanceof IntegerType) {
    if (t.width === 1) return { c: "bool", size: 1 };
    if ([8, 16, 32, 64].includes(t.width)) return { c: `${t.signedness === "unsigned" ? "u" : ""}int${t.width}_t`, size: t.width / 8 };
  }
  throw new Error(`type ${printType(t)} has no C interface (only memrefs, index, integers of 1 to 64 bits and floats)`);
}

/** Bytes of a rank-`rank` descriptor. */
const descriptorBytes = (rank: number): number => 8 * (3 + 2 * rank);

const rowMajorStrides = (shape: readonly number[]): number[] => {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = out[i + 1]! * shape[i + 1]!;
  return out;
};

/** Checks `a` against the memref type (rank, static sizes, element type, in-bounds view) and builds its descriptor. */
export function descriptorOf(a: StridedArray, type: MemRefType, what: string): BigInt64Array {
  const rank = type.shape.length;
  if (a.shape.length !== rank) throw new TypeError(`${what}: rank ${a.shape.length}, but ${printType(type)} has rank ${rank}`);
  type.shape.forEach((d, i) => {
    if (!isDynamic(d) && d !== a.shape[i]) throw new TypeError(`${what}: size ${a.shape[i]} in dimension ${i}, but ${printType(type)} has ${d}`);
  });
  const Expected = arrayTypeOf(type.elementType);
  if (!(a.data instanceof (Expected as unknown as typeof Float32Array))) {
    throw new TypeError(`${what}: a ${a.data.constructor.name}, but elements of ${printType(type)} need a ${Expected.name}`);
  }
  const strides = a.strides ?? rowMajorStrides(a.shape);
  const offset = a.offset ?? 0;
  // The last element the view can reach must lie in the array: compiled code does no bounds checks.
  let last = offset;
  let empty = false;
  a.shape.forEach((n, i) => {
    if (n === 0) empty = true;
    else last += (n - 1) * strides[i]!;
  });
  if (!empty && (offset < 0 || last >= a.data.length || strides.some((s) => s < 0))) {
    throw new RangeError(`${what}: the view (offset ${offset}, sizes [${a.shape}], strides [${strides}]) reaches outside its ${a.data.length} elements`);
  }
  const address = koffi.address(a.data);
  const d = new BigInt64Array(3 + 2 * rank);
  d[0] = address;
  d[1] = address;
  d[2] = BigInt(offset);
  a.shape.forEach((n, i) => {
    d[3 + i] = BigInt(n);
    d[3 + rank + i] = BigInt(strides[i]!);
  });
  return d;
}

/** A view of the memref a descriptor (in native memory, or copied from it) describes. */
function arrayOfDescriptor(words: BigInt64Array, type: MemRefType): ReturnedArray {
  const rank = type.shape.length;
  const shape = Array.from({ length: rank }, (_, i) => Number(words[3 + i]));
  const strides = Array.from({ length: rank }, (_, i) => Number(words[3 + rank + i]));
  const offset = Number(words[2]);
  let span = offset + 1;
  shape.forEach((n, i) => {
    span += n === 0 ? 0 : (n - 1) * strides[i]!;
  });
  if (shape.some((n) => n === 0)) span = offset;
  const Array_ = arrayTypeOf(type.elementType);
  const aligned = words[1]!;
  const data =
    span === 0 || aligned === 0n
      ? new Array_(new ArrayBuffer(0), 0, 0)
      : new Array_(koffi.view(koffi.decode(new BigInt64Array([aligned]), "void *"), span * Array_.BYTES_PER_ELEMENT), 0, span);
  return { data, shape, strides, offset, allocated: words[0]! };
}

/** A C struct's fields' offsets and its size, for the results struct. */
function structLayout(fields: readonly { size: number; align: number }[]): { offsets: number[]; size: number } {
  let at = 0;
  let maxAlign = 1;
  const offsets = fields.map((f) => {
    at = Math.ceil(at / f.align) * f.align;
    maxAlign = Math.max(maxAlign, f.align);
    const o = at;
    at += f.size;
    return o;
  });
  return { offsets, size: Math.ceil(at / maxAlign) * maxAlign };
}

const fieldOf = (t: Type): { size: number; align: number } => {
  if (t instanceof MemRefType) return { size: descriptorBytes(t.shape.length), align: 8 };
  const { size } = cScalar(t);
  return { size, align: size };
};

function readScalar(view: DataView, at: number, t: Type): Result {
  if (t instanceof IndexType) return view.getBigInt64(at, true);
  if (t instanceof FloatType) {
    if (t.name === "f32") return view.getFloat32(at, true);
    if (t.name === "f64") return view.getFloat64(at, true);
    return view.getUint16(at, true);
  }
  const it = t as IntegerType;
  if (it.width === 1) return view.getUint8(at) !== 0;
  const signed = it.signedness !== "unsigned";
  if (it.width === 8) return signed ? view.getInt8(at) : view.getUint8(at);
  if (it.width === 16) return signed ? view.getInt16(at, true) : view.getUint16(at, true);
  if (it.width === 32) return signed ? view.getInt32(at, true) : view.getUint32(at, true);
  return signed ? view.getBigInt64(at, true) : view.getBigUint64(at, true);
}

export interface CInterfaceFunction {
  /** The koffi prototype of `_mlir_ciface_<name>`. */
  readonly prototype: string;
  /** Calls it: arguments checked against the signature, results as JavaScript values and views. */
  call(...args: Arg[]): Result[];
}

/** The C interface of a function of type `type`, bound to the library's `_mlir_ciface_<name>`. */
export function cInterface(library: { func(prototype: string): (...args: unknown[]) => unknown }, name: string, type: FunctionType): CInterfaceFunction {
  const results = type.results;
  const byValue = results.length === 1 && !(results[0] instanceof MemRefType);
  const params: string[] = [];
  if (!byValue && results.length > 0) params.push("void *results");
  type.inputs.forEach((t, i) => params.push(t instanceof MemRefType ? `void *arg${i}` : `${cScalar(t).c} arg${i}`));
  const returnC = byValue ? cScalar(results[0]!).c : "void";
  const prototype = `${returnC} _mlir_ciface_${name}(${params.join(", ")})`;
  const fn = library.func(prototype);
  const layout = structLayout(byValue ? [] : results.map(fieldOf));
  return {
    prototype,
    call(...args: Arg[]): Result[] {
      if (args.length !== type.inputs.length) throw new TypeError(`@${name} takes ${type.inputs.length} arguments, got ${args.length}`);
      const native = type.inputs.map((t, i) => {
        const a = args[i]!;
        if (t instanceof MemRefType) {
          if (typeof a !== "object") throw new TypeError(`argument #${i} of @${name}: a ${printType(t)} needs an array`);
          return descriptorOf(a, t, `argument #${i} of @${name}`);
        }
        if (typeof a === "object") throw new TypeError(`argument #${i} of @${name}: a ${printType(t)} needs a scalar`);
        const c = cScalar(t).c;
        if (c.includes("64") && typeof a !== "bigint") return BigInt(a as number);
        return a;
      });
      if (byValue) return [fn(...native) as Result];
      const out = new Uint8Array(Math.max(8, layout.size));
      fn(...(results.length > 0 ? [out] : []), ...native);
      const view = new DataView(out.buffer);
      return results.map((t, j) => {
        const at = layout.offsets[j]!;
        if (t instanceof MemRefType) return arrayOfDescriptor(new BigInt64Array(out.buffer.slice(at, at + descriptorBytes(t.shape.length))), t);
        return readScalar(view, at, t);
      });
    },
  };
}

/** Frees the memory of a memref a compiled function returned (libc's free, which its malloc pairs with). */
export function release(array: ReturnedArray): void {
  if (array.allocated === 0n) return;
  libcFree()(koffi.decode(new BigInt64Array([array.allocated]), "void *"));
}

let free: ((p: unknown) => void) | undefined;
function libcFree(): (p: unknown) => void {
  free ??= koffi.load("libc.so.6").func("void free(void *p)") as (p: unknown) => void;
  return free;
}
