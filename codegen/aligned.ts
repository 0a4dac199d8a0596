/**
 * Typed arrays whose data starts on a 64-byte boundary, for buffers handed to compiled code. Node's typed-array
 * data is only 16-byte aligned (addresses % 64 of 16, 32 and 48 are common), and compiled code may use aligned
 * vector loads (`align 64`: one zmm register) that fault on anything less. The array is a view at the first
 * aligned offset of a slightly larger ArrayBuffer (whose data V8 keeps outside its heap, so it never moves).
 */
import koffi from "koffi";

export const BUFFER_ALIGNMENT = 64;

export type TypedArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

export interface TypedArrayConstructor<T extends TypedArray> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** The address of the view's first element, as compiled code sees it. */
export function addressOf(view: ArrayBufferView): bigint {
  return koffi.address(view);
}

export function isAligned(view: ArrayBufferView, alignment: number = BUFFER_ALIGNMENT): boolean {
  return addressOf(view) % BigInt(alignment) === 0n;
}

/** A zero-filled array of `length` elements whose data is `alignment`-byte aligned. */
export function alignedArray<T extends TypedArray>(
  type: TypedArrayConstructor<T>,
  length: number,
  alignment: number = BUFFER_ALIGNMENT,
): T {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`invalid length ${length}`);
  if (alignment < type.BYTES_PER_ELEMENT || (alignment & (alignment - 1)) !== 0) {
    throw new RangeError(`alignment ${alignment} must be a power of two of at least ${type.BYTES_PER_ELEMENT}`);
  }
  const buffer = new ArrayBuffer(length * type.BYTES_PER_ELEMENT + alignment);
  const misalignment = Number(addressOf(new Uint8Array(buffer, 0, 1)) % BigInt(alignment));
  const offset = misalignment === 0 ? 0 : alignment - misalignment;
  return new type(buffer, offset, length);
}

/** An aligned copy of `source`. */
export function alignedCopy<T extends TypedArray>(source: T, alignment: number = BUFFER_ALIGNMENT): T {
  const copy = alignedArray(source.constructor as TypedArrayConstructor<T>, source.length, alignment);
  (copy as unknown as { set(a: ArrayLike<unknown>): void }).set(source as unknown as ArrayLike<unknown>);
  return copy;
}
