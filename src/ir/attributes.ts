/**
 * Builtin attributes, as in MLIR's builtin dialect. Immutable and interned (compare with `===`).
 *
 * Large constants live in `DenseElementsAttr` (backed by a typed array, splat-aware) or, for weights, in
 * `DenseResourceElementsAttr`, whose bytes are a `ResourceBlob` that may point into a memory-mapped file and
 * are never spelled in the IR text except in the `{-# dialect_resources #-}` section.
 *
 * Kinds whose parameters can be invalid have MLIR 16's `verify` as a static method, which `get` runs (see
 * checked.ts); what the types already rule out (an IntegerAttr of a float type) is not checked again.
 */
import type { DialectAsmParser, DialectAsmPrinter } from "../text/asm-interfaces.ts";
import type { AffineMap, IntegerSet } from "./affine.ts";
import { check, type VerifyResult } from "./checked.ts";
import { floatBitWidth, fromBits, toBits } from "./float-bits.ts";
import {
  ComplexType,
  DYNAMIC,
  FloatType,
  IndexType,
  IntegerType,
  type RankedTensorType,
  type Type,
  type VectorType,
  i1,
  i64,
  isValidDialectNamespace,
  numElements,
} from "./types.ts";
import { freshId, hashBigInt, hashIds, hashNumber, hashNumbers, hashString, type Interned, InternTable, mix, sameItems } from "./uniquer.ts";

export abstract class Attribute implements Interned {
  abstract readonly kind: string;
  constructor(readonly id: number) {}
}

const integerAttrs = new InternTable<IntegerAttr>("strong");

/** An integer of any width; the value is kept as a BigInt, normalised to the type's range (see `normalizeInt`). */
export class IntegerAttr extends Attribute {
  readonly kind = "integer";
  private constructor(
    id: number,
    readonly type: IntegerType | IndexType,
    readonly value: bigint,
  ) {
    super(id);
  }
  static verify(type: IntegerType | IndexType, _value: bigint | number): VerifyResult {
    return type instanceof IntegerType || type instanceof IndexType ? undefined : ["expected integer or index type"];
  }
  static get(type: IntegerType | IndexType, value: bigint | number): IntegerAttr {
    check(IntegerAttr.verify(type, value));
    const v = normalizeInt(BigInt(value), type);
    return integerAttrs.intern(mix(type.id, hashBigInt(v)), (a) => a.type === type && a.value === v, (id) => new IntegerAttr(id, type, v));
  }
  /** The value as a JS number (exact for |v| < 2^53). */
  get number(): number {
    return Number(this.value);
  }
}

/**
 * Brings `v` into the canonical range of `type`: two's-complement signed for signless and signed integers
 * (so i8 255 is stored as -1, as APInt's getSExtValue reads it), unsigned for unsigned integers; i1 is 0 / -1
 * for signless and signed, printed as false/true.
 */
export function normalizeInt(v: bigint, type: IntegerType | IndexType): bigint {
  const width = type instanceof IndexType ? IndexType.bitWidth : type.width;
  if (width === 0) return 0n;
  if (type instanceof IntegerType && type.signedness === "unsigned") return BigInt.asUintN(width, v);
  return BigInt.asIntN(width, v);
}

/**
 * A float of one builtin kind, stored as its exact bit pattern (as APFloat holds it), so signalling NaNs, NaN
 * payloads and f80/f128 values survive; `value` is the same float as a JS number for arithmetic (NaN payloads
 * are not reliable there, and f80/f128 are rounded to the nearest double).
 */
const floatAttrs = new InternTable<FloatAttr>("strong");

export class FloatAttr extends Attribute {
  readonly kind = "float";
  private constructor(
    id: number,
    readonly type: FloatType,
    /** The bit pattern in `type`'s format (the low `type.width` bits, unsigned). */
    readonly bits: bigint,
    /** The value as a number (see the class comment for what it cannot say). */
    readonly value: number,
  ) {
    super(id);
  }
  /** The float of `type` nearest to `value` (ties to even); -0.0 stays distinct from +0.0. */
  static get(type: FloatType, value: number): FloatAttr {
    return FloatAttr.fromBits(type, toBits(value, type.name));
  }
  /** The float of `type` with exactly this bit pattern (only its low `type.width` bits are used). */
  static verify(type: FloatType): VerifyResult {
    return type instanceof FloatType ? undefined : ["expected floating point type"];
  }
  static fromBits(type: FloatType, bits: bigint): FloatAttr {
    check(FloatAttr.verify(type));
    const exact = BigInt.asUintN(floatBitWidth(type.name), bits);
    return floatAttrs.intern(
      mix(type.id, hashBigInt(exact)),
      (a) => a.type === type && a.bits === exact,
      (id) => new FloatAttr(id, type, exact, fromBits(exact, type.name)),
    );
  }
}

/** Weak: strings may be long. */
const stringAttrs = new InternTable<StringAttr>("weak");

export class StringAttr extends Attribute {
  readonly kind = "string";
  private constructor(
    id: number,
    readonly value: string,
    readonly type: Type | undefined,
  ) {
    super(id);
  }
  static get(value: string, type?: Type): StringAttr {
    return stringAttrs.intern(mix(hashString(value), type?.id ?? 0), (a) => a.value === value && a.type === type, (id) => new StringAttr(id, value, type));
  }
}

export class UnitAttr extends Attribute {
  readonly kind = "unit";
  static #the: UnitAttr | undefined;
  static get(): UnitAttr {
    return (UnitAttr.#the ??= new UnitAttr(freshId()));
  }
}

const typeAttrs = new InternTable<TypeAttr>("strong");

export class TypeAttr extends Attribute {
  readonly kind = "type";
  private constructor(
    id: number,
    readonly value: Type,
  ) {
    super(id);
  }
  static get(value: Type): TypeAttr {
    return typeAttrs.intern(value.id, (a) => a.value === value, (id) => new TypeAttr(id, value));
  }
}

/** Weak: arrays may be long. */
const arrayAttrs = new InternTable<ArrayAttr>("weak");

export class ArrayAttr extends Attribute {
  readonly kind = "array";
  private constructor(
    id: number,
    readonly elements: readonly Attribute[],
  ) {
    super(id);
  }
  static get(elements: readonly Attribute[]): ArrayAttr {
    return arrayAttrs.intern(hashIds(0, elements), (a) => sameItems(a.elements, elements), (id) => new ArrayAttr(id, [...elements]));
  }
}

export interface NamedAttribute {
  readonly name: string;
  readonly value: Attribute;
}

function sameEntries(a: readonly NamedAttribute[], b: readonly NamedAttribute[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as NamedAttribute;
    const y = b[i] as NamedAttribute;
    if (x.name !== y.name || x.value !== y.value) return false;
  }
  return true;
}

/** Weak: dictionaries are built per op and per function argument. */
const dictionaryAttrs = new InternTable<DictionaryAttr>("weak");

/** A dictionary, sorted by name as MLIR keeps it. */
export class DictionaryAttr extends Attribute {
  readonly kind = "dictionary";
  private constructor(
    id: number,
    readonly entries: readonly NamedAttribute[],
  ) {
    super(id);
  }
  static get(entries: readonly NamedAttribute[] | Readonly<Record<string, Attribute>>): DictionaryAttr {
    const list = Array.isArray(entries)
      ? [...(entries as readonly NamedAttribute[])]
      : Object.entries(entries).map(([name, value]) => ({ name, value }));
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    check(DictionaryAttr.verifySorted(list));
    let hash = list.length;
    for (const e of list) hash = mix(mix(hash, hashString(e.name)), e.value.id);
    return dictionaryAttrs.intern(hash, (d) => sameEntries(d.entries, list), (id) => new DictionaryAttr(id, list));
  }
  /**
   * Names are non-empty and unique (MLIR asserts both; its parser's words). `entries` sorted by name, as `get`
   * sorts them.
   */
  static verifySorted(entries: readonly NamedAttribute[]): VerifyResult {
    for (let i = 0; i < entries.length; i++) {
      const name = (entries[i] as NamedAttribute).name;
      if (name === "") return ["expected valid attribute name"];
      if (i > 0 && (entries[i - 1] as NamedAttribute).name === name) return [`duplicate key '${name}' in dictionary attribute`];
    }
    return undefined;
  }
  get(name: string): Attribute | undefined {
    for (const e of this.entries) if (e.name === name) return e.value;
    return undefined;
  }
  #map: ReadonlyMap<string, Attribute> | undefined;
  /** The entries as a map, built on first use and shared by every op whose attributes this dictionary is. */
  get asMap(): ReadonlyMap<string, Attribute> {
    return (this.#map ??= new Map(this.entries.map((e) => [e.name, e.value])));
  }
  /** This dictionary with `name` set to `value` (or removed, for undefined). */
  with(name: string, value: Attribute | undefined): DictionaryAttr {
    const rest = this.entries.filter((e) => e.name !== name);
    if (value === undefined) return rest.length === this.entries.length ? this : DictionaryAttr.get(rest);
    if (this.get(name) === value) return this;
    rest.push({ name, value });
    return DictionaryAttr.get(rest);
  }
  static empty(): DictionaryAttr {
    return (DictionaryAttr.#empty ??= DictionaryAttr.get([]));
  }
  static #empty: DictionaryAttr | undefined;
}

const symbolRefAttrs = new InternTable<SymbolRefAttr>("weak");

/** `@root::@nested::@leaf`: a reference to a symbol, possibly inside nested symbol tables. */
export class SymbolRefAttr extends Attribute {
  readonly kind = "symbol_ref";
  private constructor(
    id: number,
    readonly root: string,
    readonly nested: readonly string[],
  ) {
    super(id);
  }
  static get(root: string, nested: readonly string[] = []): SymbolRefAttr {
    let hash = hashString(root);
    for (const n of nested) hash = mix(hash, hashString(n));
    return symbolRefAttrs.intern(
      mix(hash, nested.length),
      (a) => a.root === root && sameItems(a.nested, nested),
      (id) => new SymbolRefAttr(id, root, [...nested]),
    );
  }
  get leaf(): string {
    return this.nested.length === 0 ? this.root : (this.nested[this.nested.length - 1] as string);
  }
  get isFlat(): boolean {
    return this.nested.length === 0;
  }
}

const affineMapAttrs = new InternTable<AffineMapAttr>("strong");

export class AffineMapAttr extends Attribute {
  readonly kind = "affine_map";
  private constructor(
    id: number,
    readonly map: AffineMap,
  ) {
    super(id);
  }
  static get(map: AffineMap): AffineMapAttr {
    return affineMapAttrs.intern(map.id, (a) => a.map === map, (id) => new AffineMapAttr(id, map));
  }
}

const integerSetAttrs = new InternTable<IntegerSetAttr>("strong");

/** `affine_set<(d0)[s0] : (d0 - s0 >= 0)>`: an integer set as an attribute (the condition of `affine.if`). */
export class IntegerSetAttr extends Attribute {
  readonly kind = "integer_set";
  private constructor(
    id: number,
    readonly set: IntegerSet,
  ) {
    super(id);
  }
  static get(set: IntegerSet): IntegerSetAttr {
    return integerSetAttrs.intern(set.id, (a) => a.set === set, (id) => new IntegerSetAttr(id, set));
  }
}

const stridedLayoutAttrs = new InternTable<StridedLayoutAttr>("strong");

/** `strided<[s0, s1], offset: o>`, the memref layout most lowerings produce. DYNAMIC marks `?`. */
export class StridedLayoutAttr extends Attribute {
  readonly kind = "strided";
  private constructor(
    id: number,
    readonly offset: number,
    readonly strides: readonly number[],
  ) {
    super(id);
  }
  /** Zero strides are invalid (DYNAMIC ones are fine); so are fractions, which MLIR's int64 cannot hold. */
  static verify(offset: number, strides: readonly number[]): VerifyResult {
    if (strides.some((s) => s === 0)) return ["strides must not be zero"];
    const valid = (n: number): boolean => n === DYNAMIC || Number.isSafeInteger(n);
    if (!valid(offset) || !strides.every(valid)) {
      return [`strides and offset must be integers, not [${strides.join(", ")}] and ${offset}`];
    }
    return undefined;
  }
  static get(offset: number, strides: readonly number[]): StridedLayoutAttr {
    check(StridedLayoutAttr.verify(offset, strides));
    return stridedLayoutAttrs.intern(
      hashNumbers(hashNumber(offset), strides),
      (a) => a.offset === offset && sameItems(a.strides, strides),
      (id) => new StridedLayoutAttr(id, offset, [...strides]),
    );
  }
}

/** The element types a `array<T: ...>` dense array may have. */
export type DenseArrayElement = IntegerType | FloatType;

/** Weak: dense arrays may be long. */
const denseArrayAttrs = new InternTable<DenseArrayAttr>("weak");

/** Float elements compare by bits (as the old string keys did: -0 and 0 differ, NaN equals NaN). */
function sameNumbers(a: readonly (bigint | number)[], b: readonly (bigint | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** `array<i64: 1, 2>`: a compact 1-D list, as MLIR 16 uses for static sizes and segment sizes. */
export class DenseArrayAttr extends Attribute {
  readonly kind = "dense_array";
  private constructor(
    id: number,
    readonly elementType: DenseArrayElement,
    /** Integers as BigInt (so i64 and the INT64_MIN dynamic sentinel are exact), floats as numbers. */
    readonly values: readonly (bigint | number)[],
  ) {
    super(id);
  }
  /**
   * MLIR checks the element type and that the raw data holds whole elements; Tensile holds values, not bytes,
   * so it checks what MLIR's parser checks: i1 or a whole number of bytes per element.
   */
  static verify(elementType: DenseArrayElement, _values: readonly (bigint | number)[]): VerifyResult {
    if (!(elementType instanceof IntegerType) && !(elementType instanceof FloatType)) return ["expected integer or floating point element type"];
    if (elementType.width !== 1 && elementType.width % 8 !== 0) return ["element type bitwidth must be a multiple of 8"];
    return undefined;
  }
  static get(elementType: DenseArrayElement, values: readonly (bigint | number)[]): DenseArrayAttr {
    check(DenseArrayAttr.verify(elementType, values));
    const norm =
      elementType instanceof IntegerType
        ? values.map((v) => normalizeInt(BigInt(v), elementType))
        : values.map((v) => Number(v));
    let hash = mix(elementType.id, norm.length);
    for (const v of norm) hash = mix(hash, typeof v === "bigint" ? hashBigInt(v) : hashNumber(v));
    return denseArrayAttrs.intern(
      hash,
      (a) => a.elementType === elementType && sameNumbers(a.values, norm),
      (id) => new DenseArrayAttr(id, elementType, norm),
    );
  }
  /** Integer elements as numbers (exact for the sizes and offsets this is used for; DYNAMIC maps exactly). */
  get numbers(): number[] {
    return this.values.map((v) => Number(v));
  }
}

export const i64Array = (values: readonly number[]): DenseArrayAttr =>
  DenseArrayAttr.get(
    i64,
    values.map((v) => (v === DYNAMIC ? -(2n ** 63n) : BigInt(v))),
  );

/** Storage of dense elements: one typed array of the element type's natural JS representation. */
export type DenseStorage =
  | Uint8Array // i1 (0/1), ui8
  | Int8Array
  | Int16Array
  | Uint16Array // ui16, and the bit patterns of f16 / bf16
  | Int32Array
  | Uint32Array
  | BigInt64Array // i64, index
  | BigUint64Array
  | Float32Array
  | Float64Array;

/**
 * How dense elements of `elementType` are stored: the typed array of their scalars and how many scalars make
 * one element (2 for a complex number: real, then imaginary). Undefined when dense storage does not support
 * the type; that includes complex<i1>, whose bit-packed storage MLIR 16 itself reads back wrong.
 */
export function denseLayout(elementType: Type): { readonly Storage: { new (n: number): DenseStorage }; readonly lanes: 1 | 2 } | undefined {
  if (elementType instanceof ComplexType) {
    const part = elementType.elementType;
    if (part instanceof IntegerType && part.width === 1) return undefined;
    const Storage = storageFor(part);
    return Storage === undefined ? undefined : { Storage, lanes: 2 };
  }
  const Storage = storageFor(elementType);
  return Storage === undefined ? undefined : { Storage, lanes: 1 };
}

/** The typed-array class used for a scalar element type, or undefined when dense storage does not support it. */
export function storageFor(elementType: Type): { new (n: number): DenseStorage } | undefined {
  if (elementType instanceof IndexType) return BigInt64Array;
  if (elementType instanceof FloatType) {
    if (elementType.name === "f32") return Float32Array;
    if (elementType.name === "f64") return Float64Array;
    if (elementType.name === "f16" || elementType.name === "bf16") return Uint16Array;
    return undefined;
  }
  if (!(elementType instanceof IntegerType)) return undefined;
  const unsigned = elementType.signedness === "unsigned";
  const w = elementType.width;
  if (w === 1 || (w <= 8 && unsigned)) return Uint8Array;
  if (w <= 8) return Int8Array;
  if (w <= 16) return unsigned ? Uint16Array : Int16Array;
  if (w <= 32) return unsigned ? Uint32Array : Int32Array;
  if (w <= 64) return unsigned ? BigUint64Array : BigInt64Array;
  return undefined;
}

const denseHashes = new WeakMap<DenseStorage, number>();

function hashStorage(data: DenseStorage): number {
  const cached = denseHashes.get(data);
  if (cached !== undefined) return cached;
  // FNV-1a over the bytes; equal contents give equal keys, and the key also carries the length.
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const hash = mix(hashString(data.constructor.name), mix(h, bytes.length));
  denseHashes.set(data, hash);
  return hash;
}

function sameBytes(a: DenseStorage, b: DenseStorage): boolean {
  if (a.constructor !== b.constructor || a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Weak: dense constants are what a long session builds and drops. */
const denseElementsAttrs = new InternTable<DenseElementsAttr>("weak");

/**
 * `dense<...>` on a statically shaped tensor or vector. `data` holds either one element (a splat) or all of
 * them in row-major order. The attribute takes ownership of `data`: do not mutate it afterwards.
 */
export class DenseElementsAttr extends Attribute {
  readonly kind = "dense";
  private constructor(
    id: number,
    readonly type: RankedTensorType | VectorType,
    readonly data: DenseStorage,
  ) {
    super(id);
  }
  /**
   * A static shape, storage of the element type's typed array, and one element (a splat) or all of them. MLIR
   * asserts these; Tensile's words.
   */
  static verify(type: RankedTensorType | VectorType, data: DenseStorage): VerifyResult {
    const n = numElements(type.shape);
    if (n === undefined) return ["dense elements need a statically shaped type, not ", type];
    const layout = denseLayout(type.elementType);
    if (layout === undefined) return ["dense elements of ", type.elementType, " are not supported"];
    if (!(data instanceof layout.Storage)) return [`dense storage ${data.constructor.name} does not match the element type `, type.elementType];
    const lanes = layout.lanes;
    if (data.length !== lanes && data.length !== n * lanes) return [`dense elements: ${data.length / lanes} values for a type of ${n} elements`];
    return undefined;
  }
  static get(type: RankedTensorType | VectorType, data: DenseStorage): DenseElementsAttr {
    check(DenseElementsAttr.verify(type, data));
    const lanes = type.elementType instanceof ComplexType ? 2 : 1;
    // A non-splat whose values are all equal is stored as a splat, as MLIR does.
    const stored = data.length > lanes && allEqual(data, lanes) ? data.slice(0, lanes) : data;
    return denseElementsAttrs.intern(
      mix(type.id, hashStorage(stored)),
      (a) => a.type === type && sameBytes(a.data, stored),
      (id) => new DenseElementsAttr(id, type, stored),
    );
  }
  /** A splat of one scalar (BigInt for 64-bit integers and index, number otherwise; f16/bf16 as bit patterns). */
  static splat(type: RankedTensorType | VectorType, value: number | bigint): DenseElementsAttr {
    const Storage = storageFor(type.elementType);
    if (Storage === undefined) throw new TypeError("unsupported dense element type");
    const data = new Storage(1);
    (data as unknown as (number | bigint)[])[0] = data instanceof BigInt64Array || data instanceof BigUint64Array ? BigInt(value) : Number(value);
    return DenseElementsAttr.get(type, data);
  }
  /** Scalars per element: 2 for complex elements (real, imaginary), 1 otherwise. */
  get lanes(): 1 | 2 {
    return this.type.elementType instanceof ComplexType ? 2 : 1;
  }
  get isSplat(): boolean {
    return this.data.length === this.lanes;
  }
  get numElements(): number {
    return numElements(this.type.shape) ?? 0;
  }
  /** The raw stored value of element `i` (row-major), honouring splats; the real part of a complex element. */
  at(i: number): number | bigint {
    return this.data[(this.isSplat ? 0 : i) * this.lanes] as number | bigint;
  }
  /** The raw stored real and imaginary parts of complex element `i` (honouring splats). */
  complexAt(i: number): [number | bigint, number | bigint] {
    if (this.lanes !== 2) throw new TypeError("complexAt needs complex elements");
    const j = (this.isSplat ? 0 : i) * 2;
    return [this.data[j] as number | bigint, this.data[j + 1] as number | bigint];
  }
}

/**
 * Whether every group of `lanes` scalars equals the first, compared by bytes: -0.0 and NaN payloads are
 * distinct values in MLIR.
 */
function allEqual(data: DenseStorage, lanes: number): boolean {
  const group = data.BYTES_PER_ELEMENT * lanes;
  const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  for (let i = group; i < view.length; i += group) {
    for (let b = 0; b < group; b++) if (view[i + b] !== view[b]) return false;
  }
  return true;
}

/**
 * Bytes of a resource, referenced by `dense_resource<name>`. `data` may be a view of a memory-mapped file;
 * `alignment` is the alignment the bytes need (printed first in the resource section's hex form).
 */
export interface ResourceBlob {
  readonly data: Uint8Array;
  readonly alignment: number;
}

/** A named resource. The blob may arrive later (the resource section is at the end of a file). */
export class ResourceHandle {
  constructor(
    readonly name: string,
    public blob: ResourceBlob | undefined = undefined,
  ) {}
}

let handleSerial = 0;
const handleIds = new WeakMap<ResourceHandle, number>();

const denseResourceAttrs = new InternTable<DenseResourceElementsAttr>("weak");

/** `dense_resource<name> : tensor<...>`: dense elements whose bytes live outside the IR (weights). */
export class DenseResourceElementsAttr extends Attribute {
  readonly kind = "dense_resource";
  private constructor(
    id: number,
    readonly type: RankedTensorType | VectorType,
    readonly handle: ResourceHandle,
  ) {
    super(id);
  }
  static get(type: RankedTensorType | VectorType, handle: ResourceHandle): DenseResourceElementsAttr {
    let hid = handleIds.get(handle);
    if (hid === undefined) handleIds.set(handle, (hid = handleSerial++));
    return denseResourceAttrs.intern(mix(type.id, hid), (a) => a.type === type && a.handle === handle, (id) => new DenseResourceElementsAttr(id, type, handle));
  }
}

/**
 * An attribute of an unregistered dialect kept as text (`#foo.bar<...>` is dialect "foo", body "bar<...>"),
 * so that IR from dialects Tensile does not know round-trips unchanged.
 */
const opaqueAttrs = new InternTable<OpaqueAttr>("weak");

export class OpaqueAttr extends Attribute {
  readonly kind = "opaque";
  private constructor(
    id: number,
    readonly dialect: string,
    readonly body: string,
  ) {
    super(id);
  }
  static verify(dialect: string, _body: string): VerifyResult {
    return isValidDialectNamespace(dialect) ? undefined : [`invalid dialect namespace '"${dialect}"'`];
  }
  static get(dialect: string, body: string): OpaqueAttr {
    check(OpaqueAttr.verify(dialect, body));
    return opaqueAttrs.intern(
      mix(hashString(dialect), hashString(body)),
      (a) => a.dialect === dialect && a.body === body,
      (id) => new OpaqueAttr(id, dialect, body),
    );
  }
}

/**
 * Base of the attributes dialects define (`#arith.fastmath<...>`). Like `DialectType`: an attribute prints
 * itself (`#dialect.mnemonic`, then what `print` writes), and its dialect lists its class for the parser.
 */
export abstract class DialectAttr extends Attribute {
  readonly kind = "dialect";
  abstract readonly dialect: string;
  abstract readonly mnemonic: string;
  /** Prints the parameters that follow the mnemonic (`<nnan,ninf>` of `#arith.fastmath<nnan,ninf>`); nothing by default. */
  print(_p: DialectAsmPrinter): void {}
}

/** A dialect attribute class as its dialect lists it: the mnemonic, and a parser of what follows it. */
export interface DialectAttrDef {
  readonly mnemonic: string;
  /** Parses the parameters after `#dialect.mnemonic`; `type` is the one written after ` : `, if any. */
  parse(p: DialectAsmParser, type: Type | undefined): Attribute;
}

// Convenience constructors.
export const boolAttr = (v: boolean): IntegerAttr => IntegerAttr.get(i1, v ? -1n : 0n);
export const intAttr = (type: IntegerType | IndexType, v: bigint | number): IntegerAttr => IntegerAttr.get(type, v);
export const floatAttr = (type: FloatType, v: number): FloatAttr => FloatAttr.get(type, v);
export const strAttr = (v: string): StringAttr => StringAttr.get(v);
export const unitAttr = (): UnitAttr => UnitAttr.get();
export const typeAttr = (t: Type): TypeAttr => TypeAttr.get(t);
export const arrayAttr = (xs: readonly Attribute[]): ArrayAttr => ArrayAttr.get(xs);
export const symbolRef = (root: string, nested: readonly string[] = []): SymbolRefAttr => SymbolRefAttr.get(root, nested);

export function isBoolAttr(a: Attribute): a is IntegerAttr {
  return a instanceof IntegerAttr && a.type === i1;
}
