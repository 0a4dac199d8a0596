/**
 * Builtin types, as in MLIR's builtin dialect. Immutable and interned: build them with the `get` functions
 * (or the constants at the bottom) and compare them with `===`.
 *
 * A kind whose parameters can be invalid has MLIR 16's `verify` as a static method; `get` throws an
 * InvalidParametersError with MLIR's message when it fails, and `getChecked` (checked.ts) returns it as a
 * diagnostic. The parser builds through `get`, so the builder and the text agree on what is valid.
 *
 * Dialects add their own types by extending `DialectType` (see its doc comment).
 */
import type { DialectAsmParser, DialectAsmPrinter } from "../text/asm-interfaces.ts";
import type { AffineMapAttr, Attribute, IntegerAttr, StridedLayoutAttr } from "./attributes.ts";
import { attrArg, check, typeArg, type VerifyResult } from "./checked.ts";
import { freshId, hashIds, hashNumbers, hashString, type Interned, InternTable, mix, sameItems } from "./uniquer.ts";

/** The sentinel for a dynamic dimension, offset or stride (MLIR 16's ShapedType::kDynamic, INT64_MIN). */
export const DYNAMIC = -(2 ** 63);
export const isDynamic = (n: number): boolean => n === DYNAMIC;

export abstract class Type implements Interned {
  abstract readonly kind: string;
  constructor(readonly id: number) {}
}

export type Signedness = "signless" | "signed" | "unsigned";

const signednessCodes: Record<Signedness, number> = { signless: 0, signed: 1, unsigned: 2 };
const integerTypes = new InternTable<IntegerType>("strong");

export class IntegerType extends Type {
  readonly kind = "integer";
  private constructor(
    id: number,
    readonly width: number,
    readonly signedness: Signedness,
  ) {
    super(id);
  }
  /** MLIR's IntegerType::kMaxWidth. */
  static readonly maxWidth = 16_777_215;
  static verify(width: number, _signedness: Signedness = "signless"): VerifyResult {
    // MLIR's width is unsigned: a negative or fractional width cannot be written there.
    if (!Number.isInteger(width) || width < 0) return [`integer bit width must be a non-negative integer, not ${width}`];
    if (width > IntegerType.maxWidth) return [`integer bitwidth is limited to ${IntegerType.maxWidth} bits`];
    return undefined;
  }
  static get(width: number, signedness: Signedness = "signless"): IntegerType {
    check(IntegerType.verify(width, signedness));
    return integerTypes.intern(
      mix(width, signednessCodes[signedness]),
      (t) => t.width === width && t.signedness === signedness,
      (id) => new IntegerType(id, width, signedness),
    );
  }
  get isSignless(): boolean {
    return this.signedness === "signless";
  }
}

export class IndexType extends Type {
  readonly kind = "index";
  /** The bit width index has when lowered and when folded (MLIR's default data layout). */
  static readonly bitWidth = 64;
  static #the: IndexType | undefined;
  static get(): IndexType {
    return (IndexType.#the ??= new IndexType(freshId()));
  }
}

export type FloatKind = "f16" | "bf16" | "f32" | "f64" | "f80" | "f128";
const floatWidths: Record<FloatKind, number> = { f16: 16, bf16: 16, f32: 32, f64: 64, f80: 80, f128: 128 };

const floatTypes = new InternTable<FloatType>("strong");

export class FloatType extends Type {
  readonly kind = "float";
  private constructor(
    id: number,
    readonly name: FloatKind,
  ) {
    super(id);
  }
  static get(name: FloatKind): FloatType {
    return floatTypes.intern(hashString(name), (t) => t.name === name, (id) => new FloatType(id, name));
  }
  get width(): number {
    return floatWidths[this.name];
  }
}

export class NoneType extends Type {
  readonly kind = "none";
  static #the: NoneType | undefined;
  static get(): NoneType {
    return (NoneType.#the ??= new NoneType(freshId()));
  }
}

const complexTypes = new InternTable<ComplexType>("strong");

export class ComplexType extends Type {
  readonly kind = "complex";
  private constructor(
    id: number,
    readonly elementType: Type,
  ) {
    super(id);
  }
  static verify(elementType: Type): VerifyResult {
    return elementType instanceof IntegerType || elementType instanceof FloatType ? undefined : ["invalid element type for complex"];
  }
  static get(elementType: Type): ComplexType {
    check(ComplexType.verify(elementType));
    return complexTypes.intern(elementType.id, (t) => t.elementType === elementType, (id) => new ComplexType(id, elementType));
  }
}

const functionTypes = new InternTable<FunctionType>("strong");

export class FunctionType extends Type {
  readonly kind = "function";
  private constructor(
    id: number,
    readonly inputs: readonly Type[],
    readonly results: readonly Type[],
  ) {
    super(id);
  }
  static get(inputs: readonly Type[], results: readonly Type[]): FunctionType {
    return functionTypes.intern(
      hashIds(hashIds(0, inputs), results),
      (t) => sameItems(t.inputs, inputs) && sameItems(t.results, results),
      (id) => new FunctionType(id, [...inputs], [...results]),
    );
  }
}

const tupleTypes = new InternTable<TupleType>("strong");

export class TupleType extends Type {
  readonly kind = "tuple";
  private constructor(
    id: number,
    readonly types: readonly Type[],
  ) {
    super(id);
  }
  static get(types: readonly Type[]): TupleType {
    return tupleTypes.intern(hashIds(0, types), (t) => sameItems(t.types, types), (id) => new TupleType(id, [...types]));
  }
}

/** A tensor or memref dimension: a size or DYNAMIC (MLIR rejects negative sizes; Tensile also fractions). */
const isValidDimension = (d: number): boolean => d === DYNAMIC || (Number.isSafeInteger(d) && d >= 0);

/** MLIR's Type::isIntOrIndexOrFloat. */
const isIntOrIndexOrFloat = (t: Type): boolean => t instanceof IntegerType || t instanceof IndexType || t instanceof FloatType;

/** MLIR's VectorType::isValidElementType: integers, index and floats. */
export const isValidVectorElementType = isIntOrIndexOrFloat;

/**
 * MLIR's TensorType::isValidElementType: scalars, complex, vectors, opaque types and any dialect's type (the
 * dialect checks its own), but no other builtin type.
 */
export function isValidTensorElementType(t: Type): boolean {
  return isIntOrIndexOrFloat(t) || t instanceof ComplexType || t instanceof VectorType || t instanceof OpaqueType || t instanceof DialectType;
}



/**
 * MLIR's BaseMemRefType::isValidElementType: scalars, complex, vectors, memrefs, and dialect types that say
 * they may be memref elements (MLIR's MemRefElementTypeInterface; `DialectType.isMemRefElementType`).
 * Opaque types may not: they implement no interface.
 */
export function isValidMemRefElementType(t: Type): boolean {
  return (
    isIntOrIndexOrFloat(t) ||
    t instanceof ComplexType ||
    t instanceof VectorType ||
    t instanceof MemRefType ||
    t instanceof UnrankedMemRefType ||
    (t instanceof DialectType && t.isMemRefElementType)
  );
}

/**
 * MLIR's isSupportedMemorySpace: none, an integer, string or dictionary attribute, or any dialect's attribute;
 * no other builtin attribute (an opaque attribute is builtin).
 */
export function isSupportedMemorySpace(space: Attribute | undefined): boolean {
  if (space === undefined) return true;
  const kind = space.kind;
  return kind === "integer" || kind === "string" || kind === "dictionary" || kind === "dialect";
}

/** MLIR's Dialect::isValidNamespace: a letter or `_`, then letters, digits, `_` and `$`. */
export const isValidDialectNamespace = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name);

const rankedTensorTypes = new InternTable<RankedTensorType>("strong");

export class RankedTensorType extends Type {
  readonly kind = "tensor";
  private constructor(
    id: number,
    readonly shape: readonly number[],
    readonly elementType: Type,
    readonly encoding: Attribute | undefined,
  ) {
    super(id);
  }
  /** The encoding is not checked: sparse tensor encodings are kept as text (MLIR's VerifiableTensorEncoding). */
  static verify(shape: readonly number[], elementType: Type, _encoding?: Attribute): VerifyResult {
    if (!shape.every(isValidDimension)) return ["invalid tensor dimension size"];
    return isValidTensorElementType(elementType) ? undefined : ["invalid tensor element type: ", typeArg(elementType)];
  }
  static get(shape: readonly number[], elementType: Type, encoding?: Attribute): RankedTensorType {
    check(RankedTensorType.verify(shape, elementType, encoding));
    return rankedTensorTypes.intern(
      mix(hashNumbers(elementType.id, shape), encoding?.id ?? 0),
      (t) => t.elementType === elementType && t.encoding === encoding && sameItems(t.shape, shape),
      (id) => new RankedTensorType(id, [...shape], elementType, encoding),
    );
  }
  get rank(): number {
    return this.shape.length;
  }
}

const unrankedTensorTypes = new InternTable<UnrankedTensorType>("strong");

export class UnrankedTensorType extends Type {
  readonly kind = "unranked_tensor";
  private constructor(
    id: number,
    readonly elementType: Type,
  ) {
    super(id);
  }
  static verify(elementType: Type): VerifyResult {
    return isValidTensorElementType(elementType) ? undefined : ["invalid tensor element type: ", typeArg(elementType)];
  }
  static get(elementType: Type): UnrankedTensorType {
    check(UnrankedTensorType.verify(elementType));
    return unrankedTensorTypes.intern(elementType.id, (t) => t.elementType === elementType, (id) => new UnrankedTensorType(id, elementType));
  }
}

const vectorTypes = new InternTable<VectorType>("strong");

export class VectorType extends Type {
  readonly kind = "vector";
  private constructor(
    id: number,
    readonly shape: readonly number[],
    readonly elementType: Type,
    /** One flag per dimension: true for a scalable dimension (`[4]`, a multiple of the hardware's vscale). */
    readonly scalableDims: readonly boolean[],
  ) {
    super(id);
  }
  static verify(shape: readonly number[], elementType: Type, scalableDims?: readonly boolean[]): VerifyResult {
    if (!isValidVectorElementType(elementType)) return ["vector elements must be int/index/float type but got ", typeArg(elementType)];
    if (!shape.every((d) => Number.isSafeInteger(d) && d > 0)) {
      return [`vector types must have positive constant sizes but got ${shape.join(", ")}`];
    }
    // Tensile's: MLIR 16 keeps only a count of trailing scalable dimensions (`vector<2x[4x8]xf32>`).
    const scalable = scalableDims ?? [];
    if (scalableDims !== undefined && scalable.length !== shape.length) return ["one scalable flag is needed per vector dimension"];
    const firstScalable = scalable.indexOf(true);
    if (firstScalable >= 0 && !scalable.slice(firstScalable).every((s) => s)) {
      return [
        `scalable vector dimensions must be a trailing run (MLIR 16 writes vector<2x[4]xf32>, and cannot write flags [${scalable.join(", ")}])`,
      ];
    }
    return undefined;
  }
  static get(shape: readonly number[], elementType: Type, scalableDims?: readonly boolean[]): VectorType {
    check(VectorType.verify(shape, elementType, scalableDims));
    const scalable = scalableDims ?? shape.map(() => false);
    const firstScalable = scalable.indexOf(true);
    return vectorTypes.intern(
      mix(hashNumbers(elementType.id, shape), firstScalable),
      (t) => t.elementType === elementType && sameItems(t.shape, shape) && sameItems(t.scalableDims, scalable),
      (id) => new VectorType(id, [...shape], elementType, [...scalable]),
    );
  }
  get rank(): number {
    return this.shape.length;
  }
  get isScalable(): boolean {
    return this.scalableDims.some((s) => s);
  }
}

const memrefTypes = new InternTable<MemRefType>("strong");

export class MemRefType extends Type {
  readonly kind = "memref";
  private constructor(
    id: number,
    readonly shape: readonly number[],
    readonly elementType: Type,
    /** An AffineMapAttr or StridedLayoutAttr; undefined is the identity (row-major contiguous) layout. */
    readonly layout: Attribute | undefined,
    readonly memorySpace: Attribute | undefined,
  ) {
    super(id);
  }
  static verify(shape: readonly number[], elementType: Type, layout?: Attribute, memorySpace?: Attribute): VerifyResult {
    if (!isValidMemRefElementType(elementType)) return ["invalid memref element type"];
    if (!shape.every(isValidDimension)) return ["invalid memref size"];
    const layoutFailure = verifyLayout(layout, shape.length);
    if (layoutFailure !== undefined) return layoutFailure;
    return isSupportedMemorySpace(memorySpace) ? undefined : ["unsupported memory space Attribute"];
  }
  /**
   * An identity affine map layout (without symbols) is stored as no layout, and the integer memory space 0 as
   * no memory space, as MLIR does (so `memref<4xf32, affine_map<(d0) -> (d0)>, 0>` is `memref<4xf32>`).
   */
  static get(shape: readonly number[], elementType: Type, layout?: Attribute, memorySpace?: Attribute): MemRefType {
    check(MemRefType.verify(shape, elementType, layout, memorySpace));
    if (layout !== undefined && isAffineMapAttr(layout) && layout.map.numSymbols === 0 && layout.map.isIdentity()) layout = undefined;
    const space = skipDefaultMemorySpace(memorySpace);
    return memrefTypes.intern(
      mix(mix(hashNumbers(elementType.id, shape), layout?.id ?? 0), space?.id ?? 0),
      (t) => t.elementType === elementType && t.layout === layout && t.memorySpace === space && sameItems(t.shape, shape),
      (id) => new MemRefType(id, [...shape], elementType, layout, space),
    );
  }
  get rank(): number {
    return this.shape.length;
  }
}

const unrankedMemrefTypes = new InternTable<UnrankedMemRefType>("strong");

export class UnrankedMemRefType extends Type {
  readonly kind = "unranked_memref";
  private constructor(
    id: number,
    readonly elementType: Type,
    readonly memorySpace: Attribute | undefined,
  ) {
    super(id);
  }
  static verify(elementType: Type, memorySpace?: Attribute): VerifyResult {
    if (!isValidMemRefElementType(elementType)) return ["invalid memref element type"];
    return isSupportedMemorySpace(memorySpace) ? undefined : ["unsupported memory space Attribute"];
  }
  /** The integer memory space 0 is the default and is stored as no memory space, as MLIR does. */
  static get(elementType: Type, memorySpace?: Attribute): UnrankedMemRefType {
    check(UnrankedMemRefType.verify(elementType, memorySpace));
    const space = skipDefaultMemorySpace(memorySpace);
    return unrankedMemrefTypes.intern(
      mix(elementType.id, space?.id ?? 0),
      (t) => t.elementType === elementType && t.memorySpace === space,
      (id) => new UnrankedMemRefType(id, elementType, space),
    );
  }
}

// Attributes are only known here by their `kind` (attributes.ts imports this module at load time).
const isIntegerAttr = (a: Attribute): a is IntegerAttr => a.kind === "integer";
const isAffineMapAttr = (a: Attribute): a is AffineMapAttr => a.kind === "affine_map";
const isStridedLayoutAttr = (a: Attribute): a is StridedLayoutAttr => a.kind === "strided";

/** MLIR's skipDefaultMemorySpace: an integer memory space of value 0 (of any integer type) means "none". */
function skipDefaultMemorySpace(space: Attribute | undefined): Attribute | undefined {
  return space !== undefined && isIntegerAttr(space) && space.value === 0n ? undefined : space;
}

/** A memref layout is an affine map or a strided layout (MLIR's MemRefLayoutAttrInterface). */
export const isMemRefLayout = (a: Attribute): a is AffineMapAttr | StridedLayoutAttr => isAffineMapAttr(a) || isStridedLayoutAttr(a);

/** MLIR's verifyLayout of the two builtin layouts: the layout's rank is the memref's. */
function verifyLayout(layout: Attribute | undefined, rank: number): VerifyResult {
  if (layout === undefined) return undefined;
  if (isAffineMapAttr(layout)) {
    const dims = layout.map.numDims;
    return dims === rank ? undefined : [`memref layout mismatch between rank and affine map: ${rank} != ${dims}`];
  }
  if (isStridedLayoutAttr(layout)) {
    return layout.strides.length === rank ? undefined : ["expected the number of strides to match the rank"];
  }
  return ["memref layout must be an affine map or a strided layout, not ", attrArg(layout)];
}

/**
 * A type of an unregistered dialect, kept as text: `!foo.bar<...>` has dialect "foo" and body "bar<...>".
 * It round-trips through the printer unchanged, like MLIR's OpaqueType with allow-unregistered-dialect.
 */
/** Weak: opaque bodies are text of any length. */
const opaqueTypes = new InternTable<OpaqueType>("weak");

export class OpaqueType extends Type {
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
  static get(dialect: string, body: string): OpaqueType {
    check(OpaqueType.verify(dialect, body));
    return opaqueTypes.intern(
      mix(hashString(dialect), hashString(body)),
      (t) => t.dialect === dialect && t.body === body,
      (id) => new OpaqueType(id, dialect, body),
    );
  }
}

/**
 * Base of the types that dialects define (`!llvm.ptr<i8>`, ...). A subclass interns itself through `intern`
 * with a key starting with its `dialect.mnemonic`, and prints itself: `!dialect.mnemonic` followed by what its
 * `print` writes (MLIR's generated printer), so printing one needs no Context, not even in a diagnostic.
 *
 * Parsing needs the dialect's name mapped to its types, so that is the Context's part: the dialect lists its
 * type classes (`defineDialect({ types: [PtrType] })`), each with a static `mnemonic` and `parse` (see
 * `DialectTypeDef`), and the parser picks the class by the mnemonic after `!dialect.`.
 *
 *   class PtrType extends DialectType {
 *     static readonly mnemonic = "ptr";
 *     readonly dialect = "toy";
 *     readonly mnemonic = PtrType.mnemonic;
 *     ...
 *     override print(p: DialectAsmPrinter): void { p.print("<"); p.printType(this.pointee); p.print(">"); }
 *     static parse(p: DialectAsmParser): PtrType { ... }
 *   }
 */
export abstract class DialectType extends Type {
  readonly kind = "dialect";
  abstract readonly dialect: string;
  abstract readonly mnemonic: string;
  /** Prints the parameters that follow the mnemonic (`<i8>` of `!llvm.ptr<i8>`); nothing by default. */
  print(_p: DialectAsmPrinter): void {}
  /**
   * Whether a memref may hold this type (MLIR's MemRefElementTypeInterface, which a dialect type opts into):
   * false unless a subclass says otherwise.
   */
  get isMemRefElementType(): boolean {
    return false;
  }
}

/** A dialect type class as its dialect lists it: the mnemonic, and a parser of what follows the mnemonic. */
export interface DialectTypeDef {
  readonly mnemonic: string;
  /** Parses the parameters after `!dialect.mnemonic`; errors go through `p.error`. */
  parse(p: DialectAsmParser): Type;
}

export type BuiltinType =
  | IntegerType
  | IndexType
  | FloatType
  | NoneType
  | ComplexType
  | FunctionType
  | TupleType
  | RankedTensorType
  | UnrankedTensorType
  | VectorType
  | MemRefType
  | UnrankedMemRefType
  | OpaqueType;

export type ShapedType = RankedTensorType | UnrankedTensorType | VectorType | MemRefType | UnrankedMemRefType;
export type TensorType = RankedTensorType | UnrankedTensorType;
export type BaseMemRefType = MemRefType | UnrankedMemRefType;

export function isShaped(t: Type): t is ShapedType {
  return (
    t instanceof RankedTensorType ||
    t instanceof UnrankedTensorType ||
    t instanceof VectorType ||
    t instanceof MemRefType ||
    t instanceof UnrankedMemRefType
  );
}

/** The element type of a shaped type, or the type itself (MLIR's getElementTypeOrSelf). */
export function elementTypeOrSelf(t: Type): Type {
  return isShaped(t) ? t.elementType : t;
}

/** The number of elements of a statically shaped type, or undefined when a dimension is dynamic. */
export function numElements(shape: readonly number[]): number | undefined {
  let n = 1;
  for (const d of shape) {
    if (d === DYNAMIC) return undefined;
    n *= d;
  }
  return n;
}

export const hasStaticShape = (shape: readonly number[]): boolean => shape.every((d) => d !== DYNAMIC);

/** Integer types of any signedness, and index: the types arith's integer ops accept as scalars. */
export const isIntOrIndex = (t: Type): t is IntegerType | IndexType => t instanceof IntegerType || t instanceof IndexType;
export const isSignlessIntOrIndex = (t: Type): t is IntegerType | IndexType =>
  t instanceof IndexType || (t instanceof IntegerType && t.isSignless);

/** Bit width of an integer, index (64) or float type; undefined for other types. */
export function bitWidth(t: Type): number | undefined {
  if (t instanceof IntegerType || t instanceof FloatType) return t.width;
  if (t instanceof IndexType) return IndexType.bitWidth;
  return undefined;
}

// Common types, ready to use.
export const i1 = IntegerType.get(1);
export const i8 = IntegerType.get(8);
export const i16 = IntegerType.get(16);
export const i32 = IntegerType.get(32);
export const i64 = IntegerType.get(64);
export const index = IndexType.get();
export const f16 = FloatType.get("f16");
export const bf16 = FloatType.get("bf16");
export const f32 = FloatType.get("f32");
export const f64 = FloatType.get("f64");
export const none = NoneType.get();

export const tensor = (shape: readonly number[], elementType: Type, encoding?: Attribute): RankedTensorType =>
  RankedTensorType.get(shape, elementType, encoding);
export const vector = (shape: readonly number[], elementType: Type, scalableDims?: readonly boolean[]): VectorType =>
  VectorType.get(shape, elementType, scalableDims);
export const memref = (shape: readonly number[], elementType: Type, layout?: Attribute, space?: Attribute): MemRefType =>
  MemRefType.get(shape, elementType, layout, space);
export const fn = (inputs: readonly Type[], results: readonly Type[]): FunctionType => FunctionType.get(inputs, results);
