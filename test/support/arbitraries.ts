/**
 * fast-check generators of builtin types and attributes, for the property-based round-trip tests of the
 * textual format. Every generated value is a valid, interned IR object (built through the `get` functions),
 * so a property can compare the parsed result with `===`.
 */
import fc from "fast-check";
import {
  ArrayAttr,
  type Attribute,
  DenseArrayAttr,
  DenseElementsAttr,
  type DenseStorage,
  DictionaryAttr,
  FloatAttr,
  IntegerAttr,
  StridedLayoutAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
  storageFor,
} from "../../src/ir/attributes.ts";
import { type FloatKind, floatBitWidth, fromBits, isNaNBits } from "../../src/ir/float-bits.ts";
import {
  ComplexType,
  DYNAMIC,
  FloatType,
  FunctionType,
  IndexType,
  IntegerType,
  MemRefType,
  RankedTensorType,
  type Signedness,
  TupleType,
  type Type,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
  i64,
} from "../../src/ir/types.ts";

export const floatKindArb: fc.Arbitrary<FloatKind> = fc.constantFrom("f16", "bf16", "f32", "f64", "f80", "f128");
export const signednessArb: fc.Arbitrary<Signedness> = fc.constantFrom("signless", "signed", "unsigned");

/** Bit widths biased towards the common ones, with arbitrary (and large) widths mixed in. */
export const intWidthArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(1, 8, 16, 32, 64) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 16_777_215 }) },
);

export const integerTypeArb: fc.Arbitrary<IntegerType> = fc
  .tuple(intWidthArb, signednessArb)
  .map(([w, s]) => IntegerType.get(w, s));

export const floatTypeArb: fc.Arbitrary<FloatType> = floatKindArb.map((k) => FloatType.get(k));

/** Integers, index and floats: what tensors, vectors, memrefs and complex numbers hold. */
export const scalarTypeArb: fc.Arbitrary<Type> = fc.oneof(
  integerTypeArb,
  fc.constant(IndexType.get()),
  floatTypeArb,
);

const dimArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 64 }) }, { weight: 1, arbitrary: fc.constant(DYNAMIC) });
const shapeArb = fc.array(dimArb, { maxLength: 4 });

/** `complex<T>` for integer and float T (MLIR rejects `complex<index>`). */
const complexArb: fc.Arbitrary<ComplexType> = fc.oneof(integerTypeArb, floatTypeArb).map((t) => ComplexType.get(t));

const elementTypeArb: fc.Arbitrary<Type> = fc.oneof({ weight: 4, arbitrary: scalarTypeArb }, { weight: 1, arbitrary: complexArb });

const vectorArb: fc.Arbitrary<VectorType> = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 32 }), { minLength: 1, maxLength: 3 }), fc.nat())
  .chain(([dims, fixed]) =>
    fc
      .oneof(integerTypeArb.filter((t) => t.isSignless), fc.constant(IndexType.get()), floatTypeArb)
      // MLIR 16 can only spell trailing scalable dimensions (`vector<2x[4]xf32>`, not `vector<[4]x2xf32>`).
      .map((el) => VectorType.get(dims, el, dims.map((_, i) => i >= fixed % (dims.length + 1)))),
  );

/** Strides may be negative or dynamic but not zero (MLIR 16: "strides must not be zero"); offsets may be 0. */
const strideArb = fc.oneof(fc.integer({ min: 1, max: 1024 }), fc.integer({ min: -64, max: -1 }), fc.constant(DYNAMIC));
const offsetArb = fc.oneof(fc.integer({ min: -100, max: 1024 }), fc.constant(0), fc.constant(DYNAMIC));

/** Memory spaces as MLIR 16 prints them: a non-zero integer (an i64 attribute) or a string. */
const memorySpaceArb: fc.Arbitrary<Attribute | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }).map((n) => IntegerAttr.get(i64, n)) },
  { weight: 1, arbitrary: fc.constantFrom("gpu", "shared", "a b").map((s) => StringAttr.get(s)) },
);

const memrefArb: fc.Arbitrary<MemRefType> = shapeArb.chain((shape) =>
  fc
    .tuple(
      elementTypeArb,
      fc.option(fc.tuple(offsetArb, fc.array(strideArb, { minLength: shape.length, maxLength: shape.length }))),
      memorySpaceArb,
    )
    .map(([el, strided, space]) =>
      MemRefType.get(shape, el, strided === null ? undefined : StridedLayoutAttr.get(strided[0], strided[1]), space),
    ),
);

/** Every kind of builtin type (except opaque ones), nested up to a small depth. */
export const typeArb: fc.Arbitrary<Type> = fc.letrec<{ type: Type }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 6, arbitrary: scalarTypeArb },
    { weight: 1, arbitrary: complexArb },
    { weight: 1, arbitrary: fc.array(tie("type"), { maxLength: 3 }).map((ts) => TupleType.get(ts)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(tie("type"), { maxLength: 3 }), fc.array(tie("type"), { maxLength: 3 }))
        .map(([ins, outs]) => FunctionType.get(ins, outs)),
    },
    { weight: 2, arbitrary: fc.tuple(shapeArb, elementTypeArb).map(([s, el]) => RankedTensorType.get(s, el)) },
    { weight: 1, arbitrary: elementTypeArb.map((el) => UnrankedTensorType.get(el)) },
    { weight: 2, arbitrary: vectorArb },
    { weight: 2, arbitrary: memrefArb },
    { weight: 1, arbitrary: fc.tuple(elementTypeArb, memorySpaceArb).map(([el, s]) => UnrankedMemRefType.get(el, s)) },
  ),
})).type;

// ---- attributes ---------------------------------------------------------------------------------------------

/** A value anywhere in (and at the edges of) the range of an integer of `width` bits. */
function intValueArb(width: number, signedness: Signedness): fc.Arbitrary<bigint> {
  const w = BigInt(Math.min(width, 256));
  const [min, max] = signedness === "unsigned" ? [0n, (1n << w) - 1n] : [-(1n << (w - 1n)), (1n << (w - 1n)) - 1n];
  return fc.oneof(fc.constantFrom(min, max, 0n, min + 1n, max - 1n > min ? max - 1n : max), fc.bigInt(min, max));
}

export const integerAttrArb: fc.Arbitrary<IntegerAttr> = fc
  .oneof(
    fc.constantFrom(IntegerType.get(1), i64, IndexType.get()),
    fc.tuple(fc.integer({ min: 1, max: 256 }), signednessArb).map(([w, s]) => IntegerType.get(w, s)),
  )
  .chain((t) =>
    intValueArb(t instanceof IndexType ? 64 : t.width, t instanceof IndexType ? "signless" : t.signedness).map((v) =>
      IntegerAttr.get(t, v),
    ),
  );

/** A random bit pattern of a float kind (NaNs included). */
export const floatBitsArb: fc.Arbitrary<{ kind: FloatKind; bits: bigint }> = floatKindArb.chain((kind) =>
  fc.bigInt(0n, (1n << BigInt(floatBitWidth(kind))) - 1n).map((bits) => ({ kind, bits })),
);

/**
 * FloatAttrs from random non-NaN bit patterns (the attribute holds a JS number, so NaN payloads are lost).
 * f80 / f128 values are rounded to a double by `fromBits`.
 */
export const floatAttrArb: fc.Arbitrary<FloatAttr> = floatBitsArb
  .filter(({ kind, bits }) => !isNaNBits(bits, kind))
  .map(({ kind, bits }) => FloatAttr.get(FloatType.get(kind), fromBits(bits, kind)));

/** Strings with the characters that need escaping, control characters and non-ASCII text. */
export const stringArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom("a", "\\", '"', "\n", "\t", "\0", "\x7f", "é", "\u{1F600}", " ", "{", "}"), maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 8 }).filter((s) => !/\p{Cs}/u.test(s)),
);

const identifierArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_$.]{0,8}$/);
/** Symbol and dictionary-key names: identifiers, or any non-empty string (printed quoted). MLIR has no empty names. */
const nameArb = fc.oneof({ weight: 3, arbitrary: identifierArb }, { weight: 1, arbitrary: stringArb.filter((s) => s !== "") });

export const symbolRefArb: fc.Arbitrary<SymbolRefAttr> = fc
  .tuple(nameArb, fc.array(nameArb, { maxLength: 2 }))
  .map(([root, nested]) => SymbolRefAttr.get(root, nested));

export const denseArrayArb: fc.Arbitrary<DenseArrayAttr> = fc.oneof(
  fc.constantFrom(1, 8, 16, 32, 64).chain((w) =>
    fc.array(intValueArb(w, "signless"), { maxLength: 6 }).map((vs) => DenseArrayAttr.get(IntegerType.get(w), vs)),
  ),
  fc.constantFrom<FloatKind>("f32", "f64").chain((k) =>
    fc
      .array(
        fc.bigInt(0n, (1n << BigInt(floatBitWidth(k))) - 1n).filter((b) => !isNaNBits(b, k)),
        { maxLength: 6 },
      )
      .map((bs) => DenseArrayAttr.get(FloatType.get(k), bs.map((b) => fromBits(b, k)))),
  ),
);

const denseElementTypeArb: fc.Arbitrary<Type> = fc.oneof(
  fc.constantFrom(1, 8, 16, 32, 64).chain((w) => signednessArb.map((s) => IntegerType.get(w, s))),
  fc.constant(IndexType.get()),
  fc.constantFrom<FloatKind>("f16", "bf16", "f32", "f64").map((k) => FloatType.get(k)),
);

/** One stored element of a dense attribute of `el`, in the typed array's own representation. */
function denseElementArb(el: Type): fc.Arbitrary<number | bigint> {
  if (el instanceof FloatType) {
    const kind = el.name;
    const bits = fc.bigInt(0n, (1n << BigInt(el.width)) - 1n).filter((b) => !isNaNBits(b, kind));
    // f16/bf16 are stored as bit patterns; f32/f64 as numbers.
    return kind === "f16" || kind === "bf16" ? bits.map((b) => Number(b)) : bits.map((b) => fromBits(b, kind));
  }
  if (el instanceof IndexType) return intValueArb(64, "signless");
  const t = el as IntegerType;
  if (t.width === 1) return fc.constantFrom(0, 1);
  const v = intValueArb(t.width, t.signedness);
  return t.width === 64 ? v : v.map((x) => Number(x));
}

export const denseElementsArb: fc.Arbitrary<DenseElementsAttr> = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }), denseElementTypeArb, fc.boolean())
  .chain(([shape, el, splat]) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const shaped = RankedTensorType.get(shape, el);
    return fc.array(denseElementArb(el), { minLength: splat ? 1 : n, maxLength: splat ? 1 : n }).map((values) => {
      const Storage = storageFor(el) as { new (n: number): DenseStorage };
      const data = new Storage(values.length);
      values.forEach((v, i) => {
        (data as unknown as (number | bigint)[])[i] = v;
      });
      return DenseElementsAttr.get(shaped, data);
    });
  });

/** Every kind of builtin attribute covered by the round-trip properties, nested up to a small depth. */
export const attributeArb: fc.Arbitrary<Attribute> = fc.letrec<{ attr: Attribute }>((tie) => ({
  attr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: integerAttrArb },
    { weight: 4, arbitrary: floatAttrArb },
    { weight: 2, arbitrary: stringArb.map((s) => StringAttr.get(s)) },
    { weight: 1, arbitrary: fc.constant(UnitAttr.get()) },
    { weight: 1, arbitrary: typeArb.map((t) => TypeAttr.get(t)) },
    { weight: 1, arbitrary: symbolRefArb },
    { weight: 1, arbitrary: denseArrayArb },
    { weight: 2, arbitrary: denseElementsArb },
    { weight: 1, arbitrary: fc.array(tie("attr"), { maxLength: 4 }).map((xs) => ArrayAttr.get(xs)) },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.tuple(nameArb, tie("attr")), { maxLength: 4, selector: (e) => e[0] })
        .map((es) => DictionaryAttr.get(es.map(([name, value]) => ({ name, value })))),
    },
  ),
})).attr;
