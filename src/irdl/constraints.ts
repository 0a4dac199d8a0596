/**
 * Type and attribute constraints for op definitions, as ODS's TypeConstraint / AttrConstraint: a predicate
 * that narrows, plus the description the verifier prints (`operand #0 must be signless-integer-like, but got
 * 'f32'`).
 */
import type { OpAsmParser, OpAsmPrinter } from "../text/asm-interfaces.ts";
import {
  type Attribute,
  ArrayAttr,
  DenseArrayAttr,
  DenseElementsAttr,
  DenseResourceElementsAttr,
  DictionaryAttr,
  FloatAttr,
  IntegerAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
  AffineMapAttr,
} from "../ir/attributes.ts";
import {
  ComplexType,
  FloatType,
  FunctionType,
  IndexType,
  IntegerType,
  MemRefType,
  RankedTensorType,
  type Type,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "../ir/types.ts";

export interface TypeConstraint<T extends Type = Type> {
  readonly description: string;
  test(t: Type): t is T;
  /**
   * The one type the constraint allows, when it is buildable (ODS's BuildableType: I1, Index): a declarative
   * format need not print the type of an operand or result with this constraint.
   */
  readonly buildable?: T;
}

export interface AttrConstraint<A extends Attribute = Attribute> {
  readonly description: string;
  test(a: Attribute): a is A;
  /**
   * How `$attr` prints in a declarative format, when not as a plain attribute (the stripped form of ODS's
   * attributes: enum attributes print as a keyword, `arith.cmpi slt, ...`, or without their dialect prefix,
   * `fastmath<fast>`). `qualified($attr)` prints the full attribute instead.
   */
  print?(a: A, p: OpAsmPrinter): void;
  /** The inverse of `print`. */
  parse?(p: OpAsmParser): A;
  /** `parse` when the attribute's syntax starts here; undefined, consuming nothing, otherwise (optional groups). */
  parseOptional?(p: OpAsmParser): A | undefined;
  /**
   * The type every attribute of the constraint has, when buildable (ODS's I64Attr: `i64`): formats print the
   * value without its `: type` and parse it with this type.
   */
  readonly valueType?: Type;
}

export function typeConstraint<T extends Type>(description: string, test: (t: Type) => t is T): TypeConstraint<T>;
export function typeConstraint(description: string, test: (t: Type) => boolean): TypeConstraint<Type>;
export function typeConstraint(description: string, test: (t: Type) => boolean): TypeConstraint<Type> {
  return { description, test: test as (t: Type) => t is Type };
}

export function attrConstraint<A extends Attribute>(description: string, test: (a: Attribute) => a is A): AttrConstraint<A>;
export function attrConstraint(description: string, test: (a: Attribute) => boolean): AttrConstraint<Attribute>;
export function attrConstraint(description: string, test: (a: Attribute) => boolean): AttrConstraint<Attribute> {
  return { description, test: test as (a: Attribute) => a is Attribute };
}

/** Union of constraints; the description joins theirs with " or ". */
export function anyOf<Cs extends readonly TypeConstraint[]>(
  ...cs: Cs
): TypeConstraint<Cs[number] extends TypeConstraint<infer T> ? T : never> {
  return {
    description: cs.map((c) => c.description).join(" or "),
    test: (t: Type): t is never => cs.some((c) => c.test(t)),
  };
}

/** Exactly this type. */
export function typeIs<T extends Type>(type: T, description?: string): TypeConstraint<T> {
  return { description: description ?? `type ${type.kind}`, test: (t: Type): t is T => t === type, buildable: type };
}

// ---- scalar types ----------------------------------------------------------------------------------------

export const AnyType = typeConstraint("any type", (_t: Type): _t is Type => true);
export const AnyInteger = typeConstraint("integer", (t): t is IntegerType => t instanceof IntegerType);
export const AnySignlessInteger = typeConstraint(
  "signless integer",
  (t): t is IntegerType => t instanceof IntegerType && t.isSignless,
);
export const Index: TypeConstraint<IndexType> = { ...typeConstraint("index", (t): t is IndexType => t instanceof IndexType), buildable: IndexType.get() };
export const SignlessIntegerOrIndex = typeConstraint(
  "signless integer or index",
  (t): t is IntegerType | IndexType => t instanceof IndexType || (t instanceof IntegerType && t.isSignless),
);
export const AnyFloat = typeConstraint("floating-point", (t): t is FloatType => t instanceof FloatType);
export const Bool: TypeConstraint<IntegerType> = {
  ...typeConstraint("1-bit signless integer", (t): t is IntegerType => t instanceof IntegerType && t.width === 1 && t.isSignless),
  buildable: IntegerType.get(1),
};
export const AnyComplex = typeConstraint("complex-type", (t): t is ComplexType => t instanceof ComplexType);
export const AnyFunctionType = typeConstraint("function type", (t): t is FunctionType => t instanceof FunctionType);

// ---- shaped types ----------------------------------------------------------------------------------------

export type ShapedOf<T extends Type> = (VectorType | RankedTensorType | UnrankedTensorType) & { readonly elementType: T };

/** `T` itself or a vector/tensor of `T` (MLIR's "-like" constraints, as arith's elementwise ops take). */
export function like<T extends Type>(scalar: TypeConstraint<T>, description: string): TypeConstraint<T | ShapedOf<T>> {
  return typeConstraint(description, (t): t is T | ShapedOf<T> => {
    if (t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType) {
      return scalar.test(t.elementType);
    }
    return scalar.test(t);
  });
}

export const SignlessIntegerLike = like(SignlessIntegerOrIndex, "signless-integer-like");
export const SignlessFixedWidthIntegerLike = like(AnySignlessInteger, "signless-fixed-width-integer-like");
export const FloatLike = like(AnyFloat, "floating-point-like");
export const BoolLike = like(Bool, "bool-like");
export const IntegerLike = like(
  typeConstraint("integer or index", (t): t is IntegerType | IndexType => t instanceof IntegerType || t instanceof IndexType),
  "integer-like",
);
export const ComplexLike = like(AnyComplex, "complex-type-like");

export const AnyVector = typeConstraint("vector of any type values", (t): t is VectorType => t instanceof VectorType);
export const AnyRankedTensor = typeConstraint("ranked tensor of any type values", (t): t is RankedTensorType => t instanceof RankedTensorType);
export const AnyTensor = typeConstraint(
  "tensor of any type values",
  (t): t is RankedTensorType | UnrankedTensorType => t instanceof RankedTensorType || t instanceof UnrankedTensorType,
);
export const AnyMemRef = typeConstraint(
  "memref of any type values",
  (t): t is MemRefType | UnrankedMemRefType => t instanceof MemRefType || t instanceof UnrankedMemRefType,
);
export const AnyRankedMemRef = typeConstraint("ranked memref of any type values", (t): t is MemRefType => t instanceof MemRefType);
export const AnyShaped = typeConstraint(
  "shaped of any type values",
  (t): t is VectorType | RankedTensorType | UnrankedTensorType | MemRefType | UnrankedMemRefType =>
    t instanceof VectorType ||
    t instanceof RankedTensorType ||
    t instanceof UnrankedTensorType ||
    t instanceof MemRefType ||
    t instanceof UnrankedMemRefType,
);

// ---- attributes ------------------------------------------------------------------------------------------

export const AnyAttr = attrConstraint("any attribute", (_a: Attribute): _a is Attribute => true);
export const UnitAttrC = attrConstraint("unit attribute", (a): a is UnitAttr => a instanceof UnitAttr);
/** A string attribute; formats read `$attr` as a plain string literal (ODS gives StrAttr a NoneType value type). */
export const StrAttr: AttrConstraint<StringAttr> = {
  ...attrConstraint("string attribute", (a): a is StringAttr => a instanceof StringAttr),
  parse: (p) => StringAttr.get(p.parseString()),
  parseOptional: (p) => {
    const s = p.parseOptionalString();
    return s === undefined ? undefined : StringAttr.get(s);
  },
};
/** A symbol's name: a string attribute that formats spell as `@name` (ODS's SymbolNameAttr). */
export const SymbolNameAttr: AttrConstraint<StringAttr> = {
  description: "string attribute",
  test: (a): a is StringAttr => a instanceof StringAttr,
  print: (a, p) => p.printSymbolName(a.value),
  parse: (p) => StringAttr.get(p.parseSymbolName()),
  parseOptional: (p) => {
    const name = p.parseOptionalSymbolName();
    return name === undefined ? undefined : StringAttr.get(name);
  },
};
export const SymbolRefAttrC = attrConstraint("symbol reference attribute", (a): a is SymbolRefAttr => a instanceof SymbolRefAttr);
export const FlatSymbolRefAttr = attrConstraint(
  "flat symbol reference attribute",
  (a): a is SymbolRefAttr => a instanceof SymbolRefAttr && a.isFlat,
);
export const TypeAttrC = attrConstraint("any type attribute", (a): a is TypeAttr => a instanceof TypeAttr);
export const FunctionTypeAttr = attrConstraint(
  "type attribute of function type",
  (a): a is TypeAttr & { readonly value: FunctionType } => a instanceof TypeAttr && a.value instanceof FunctionType,
);
export const ArrayAttrC = attrConstraint("array attribute", (a): a is ArrayAttr => a instanceof ArrayAttr);
export const DictArrayAttr = attrConstraint(
  "Array of dictionary attributes",
  (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => e instanceof DictionaryAttr),
);
export const DictionaryAttrC = attrConstraint("dictionary of named attribute values", (a): a is DictionaryAttr => a instanceof DictionaryAttr);
export const AffineMapAttrC = attrConstraint("AffineMap attribute", (a): a is AffineMapAttr => a instanceof AffineMapAttr);
export const AnyIntegerAttr = attrConstraint("integer attribute", (a): a is IntegerAttr => a instanceof IntegerAttr);
export const AnyFloatAttr = attrConstraint("floating-point attribute", (a): a is FloatAttr => a instanceof FloatAttr);
export const BoolAttrC = attrConstraint(
  "bool attribute",
  (a): a is IntegerAttr => a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 1,
);

/** An integer attribute of exactly `width` signless bits (ODS's I32Attr, I64Attr). */
export function intAttrOfWidth(width: number): AttrConstraint<IntegerAttr> {
  const type = IntegerType.get(width);
  return {
    ...attrConstraint(`${width}-bit signless integer attribute`, (a): a is IntegerAttr => a instanceof IntegerAttr && a.type === type),
    valueType: type,
  };
}
export const I32Attr = intAttrOfWidth(32);
export const I64Attr = intAttrOfWidth(64);
export const IndexAttr: AttrConstraint<IntegerAttr> = {
  ...attrConstraint("index attribute", (a): a is IntegerAttr => a instanceof IntegerAttr && a.type instanceof IndexType),
  valueType: IndexType.get(),
};

/**
 * `array<i64: ...>` (ODS's DenseI64ArrayAttr) and friends. As `$attr` in a declarative format it takes ODS's
 * stripped form, the bracketed integers alone (`gather_dims([0, 2])`).
 */
export function denseArrayOf(width: number): AttrConstraint<DenseArrayAttr> {
  const elementType = IntegerType.get(width);
  const parse = (p: OpAsmParser): DenseArrayAttr => {
    const values: bigint[] = [];
    p.parseCommaSeparatedList("[]", () => values.push(p.parseInteger()));
    return DenseArrayAttr.get(elementType, values);
  };
  return {
    ...attrConstraint(
      `i${width} dense array attribute`,
      (a): a is DenseArrayAttr => a instanceof DenseArrayAttr && a.elementType instanceof IntegerType && a.elementType.width === width,
    ),
    print: (a, p) => p.print(`[${a.values.join(", ")}]`),
    parse,
    parseOptional: (p) => (p.parseOptionalPunct("[") ? parseRest(p, elementType) : undefined),
  };
}

/** The integers of a stripped dense array after its `[`. */
function parseRest(p: OpAsmParser, elementType: IntegerType): DenseArrayAttr {
  const values: bigint[] = [];
  if (!p.parseOptionalPunct("]")) {
    do values.push(p.parseInteger());
    while (p.parseOptionalPunct(","));
    p.parsePunct("]");
  }
  return DenseArrayAttr.get(elementType, values);
}
export const DenseI32ArrayAttr = denseArrayOf(32);
export const DenseI64ArrayAttr = denseArrayOf(64);
export const ElementsAttr = attrConstraint(
  "constant vector/tensor attribute",
  (a): a is DenseElementsAttr | DenseResourceElementsAttr =>
    a instanceof DenseElementsAttr || a instanceof DenseResourceElementsAttr,
);
/** The attributes that carry a type of their own (integer, float, elements). */
export type TypedAttribute = IntegerAttr | FloatAttr | DenseElementsAttr | DenseResourceElementsAttr;
/** A typed attribute (integer, float, elements): what arith.constant's `value` may be. */
export const TypedAttr = attrConstraint(
  "TypedAttr instance",
  (a): a is TypedAttribute =>
    a instanceof IntegerAttr || a instanceof FloatAttr || a instanceof DenseElementsAttr || a instanceof DenseResourceElementsAttr,
);

/** The type a typed attribute carries (integer, float, elements, typed string), if any. */
export function typeOfAttr(a: Attribute): Type | undefined {
  if (a instanceof IntegerAttr || a instanceof FloatAttr || a instanceof DenseElementsAttr || a instanceof DenseResourceElementsAttr) {
    return a.type;
  }
  if (a instanceof StringAttr) return a.type;
  return undefined;
}

/**
 * Narrows a value to the type a constraint accepts (throws when it does not): for values whose type is only
 * known at run time, such as block arguments, before passing them to typed builders.
 */
export function narrow<T extends Type>(v: import("../ir/value.ts").Value, c: TypeConstraint<T>): import("../ir/value.ts").Value<T> {
  if (!c.test(v.type)) throw new TypeError(`expected a value of ${c.description}`);
  return v as import("../ir/value.ts").Value<T>;
}
