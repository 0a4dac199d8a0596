/**
 * Element storage of tensors, vectors and memrefs: typed arrays, one kind per element type.
 *
 *   - floats (f16, bf16, f32, f64): a `Float64Array` (a double holds every value of these types exactly), plus
 *     a side table for the rare NaNs whose bits are not the type's default quiet NaN (`NaNBits`,
 *     `UnspecifiedNaN`), because a typed array cannot keep a NaN's payload reliably.
 *   - integers and index up to 64 bits: a `BigInt64Array` (signless and signed: values are normalised signed,
 *     see values.ts) or a `BigUint64Array` (unsigned types).
 *   - wider integers: a plain array of BigInts.
 *
 * Every buffer reads and writes `Element`s in the canonical representation of values.ts (`get`/`set`); `set`
 * expects an element already normalised to the element type (values.ts's `normalizeElement`). Kernels that
 * need speed work on `FloatBuffer.data` directly: while `isPlain` (no NaN with special bits), `data[i]` *is*
 * element i, and writing a double that is a value of the type (or a plain NaN: the default NaN) keeps that so.
 *
 * A buffer is owned by one value or one memref allocation. Tensor and vector values never change their
 * buffer once built (value semantics: an op that "updates" a tensor builds a new buffer, `clone()`), while a
 * memref allocation's buffer is written through every view of it (aliasing).
 */
import { type Element, NaNBits, type ScalarType, describeType, isIntLikeType, intWidth, normalizeElement } from "./values.ts";

export abstract class ElementBuffer {
  abstract readonly length: number;
  /** Element i (0 <= i < length; not checked: callers bound-check indices they did not compute). */
  abstract get(i: number): Element;
  /** Stores element i; `e` must be canonical for the element type (see the module comment). */
  abstract set(i: number, e: Element): void;
  /** A copy of this buffer (same storage kind). */
  abstract clone(): ElementBuffer;
  /** A new zero-filled buffer of the same storage kind with `n` elements. */
  abstract empty(n: number): ElementBuffer;

  /** The elements as a plain array (for tests, printing and slow paths). */
  toArray(): Element[] {
    const out = new Array<Element>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.get(i);
    return out;
  }

  *[Symbol.iterator](): IterableIterator<Element> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }

  /** Copies `count` elements from `src` at `srcStart` to this buffer at `start` (same storage kind or not). */
  copyFrom(src: ElementBuffer, srcStart: number, start: number, count: number): void {
    for (let k = 0; k < count; k++) this.set(start + k, src.get(srcStart + k));
  }
}

/** Floats of any supported kind, as doubles; NaNs with non-default bits live in a side table. */
export class FloatBuffer extends ElementBuffer {
  #nans: Map<number, NaNBits> | undefined;

  constructor(
    /** Element i is `data[i]` unless a special NaN is recorded for i (see `isPlain`). */
    readonly data: Float64Array,
    nans?: Map<number, NaNBits>,
  ) {
    super();
    this.#nans = nans !== undefined && nans.size > 0 ? nans : undefined;
  }

  get length(): number {
    return this.data.length;
  }

  /** True when no element is a NaN with special bits, so that `data` alone holds every element. */
  get isPlain(): boolean {
    return this.#nans === undefined || this.#nans.size === 0;
  }

  get(i: number): Element {
    if (this.#nans !== undefined) {
      const special = this.#nans.get(i);
      if (special !== undefined) return special;
    }
    return this.data[i] as number;
  }

  set(i: number, e: Element): void {
    if (typeof e === "number") {
      this.data[i] = e;
      if (this.#nans !== undefined) this.#nans.delete(i);
    } else if (e instanceof NaNBits) {
      this.data[i] = NaN;
      (this.#nans ??= new Map()).set(i, e);
    } else {
      throw new TypeError(`${e} is not a float element`);
    }
  }

  clone(): FloatBuffer {
    return new FloatBuffer(this.data.slice(), this.#nans === undefined ? undefined : new Map(this.#nans));
  }

  empty(n: number): FloatBuffer {
    return new FloatBuffer(new Float64Array(n));
  }

  override copyFrom(src: ElementBuffer, srcStart: number, start: number, count: number): void {
    if (src instanceof FloatBuffer && src.isPlain && this.isPlain) {
      this.data.set(src.data.subarray(srcStart, srcStart + count), start);
      return;
    }
    super.copyFrom(src, srcStart, start, count);
  }
}

/** Integer storage: `data[i]` is element i, a canonical BigInt. */
abstract class IntegerElements<D extends BigInt64Array | BigUint64Array | bigint[]> extends ElementBuffer {
  constructor(readonly data: D) {
    super();
  }
  get length(): number {
    return this.data.length;
  }
  get(i: number): Element {
    return this.data[i] as bigint;
  }
  set(i: number, e: Element): void {
    if (typeof e !== "bigint") throw new TypeError(`${String(e)} is not an integer element`);
    this.data[i] = e;
  }
}

/** Integers of at most 64 bits (and index): BigInt64Array for signless/signed, BigUint64Array for unsigned. */
export class IntBuffer extends IntegerElements<BigInt64Array | BigUint64Array> {
  clone(): IntBuffer {
    return new IntBuffer(this.data.slice());
  }
  empty(n: number): IntBuffer {
    return new IntBuffer(this.data instanceof BigInt64Array ? new BigInt64Array(n) : new BigUint64Array(n));
  }
  override copyFrom(src: ElementBuffer, srcStart: number, start: number, count: number): void {
    if (src instanceof IntBuffer && src.data.constructor === this.data.constructor) {
      (this.data as BigInt64Array).set((src.data as BigInt64Array).subarray(srcStart, srcStart + count), start);
      return;
    }
    super.copyFrom(src, srcStart, start, count);
  }
}

/** Integers wider than 64 bits, as BigInts. */
export class WideIntBuffer extends IntegerElements<bigint[]> {
  clone(): WideIntBuffer {
    return new WideIntBuffer(this.data.slice());
  }
  empty(n: number): WideIntBuffer {
    return new WideIntBuffer(new Array<bigint>(n).fill(0n));
  }
}

/** A zero-filled buffer of `n` elements of `elementType` (zero is canonical for every element type). */
export function newBuffer(elementType: ScalarType, n: number): ElementBuffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot allocate ${n} elements`);
  if (!isIntLikeType(elementType)) return new FloatBuffer(new Float64Array(n));
  if (intWidth(elementType) > 64) return new WideIntBuffer(new Array<bigint>(n).fill(0n));
  const unsigned = elementType.kind === "integer" && elementType.signedness === "unsigned";
  return new IntBuffer(unsigned ? new BigUint64Array(n) : new BigInt64Array(n));
}

/** A buffer holding `elements`, each normalised to `elementType` (numbers accepted for integers). */
export function bufferOf(elementType: ScalarType, elements: ArrayLike<Element> | Iterable<Element>): ElementBuffer {
  const list = Array.isArray(elements) ? (elements as readonly Element[]) : Array.from(elements as Iterable<Element>);
  const buffer = newBuffer(elementType, list.length);
  for (let i = 0; i < list.length; i++) buffer.set(i, normalizeElement(elementType, list[i] as Element));
  return buffer;
}

/** A float buffer over an existing Float64Array of canonical values (no copy): for kernels building results. */
export const floatBufferOf = (data: Float64Array): FloatBuffer => new FloatBuffer(data);

/** Whether a buffer's storage suits `elementType` (what a value of that element type must carry). */
export function bufferSuits(buffer: ElementBuffer, elementType: ScalarType): boolean {
  if (!isIntLikeType(elementType)) return buffer instanceof FloatBuffer;
  if (intWidth(elementType) > 64) return buffer instanceof WideIntBuffer;
  const unsigned = elementType.kind === "integer" && elementType.signedness === "unsigned";
  return buffer instanceof IntBuffer && (unsigned ? buffer.data instanceof BigUint64Array : buffer.data instanceof BigInt64Array);
}

export const describeBufferMismatch = (elementType: ScalarType): string => `its buffer does not hold ${describeType(elementType)} elements`;
