/**
 * The llvm dialect's types, as MLIR 16 spells them (LLVMTypes.td, LLVMTypeSyntax.cpp):
 *
 *   !llvm.void  !llvm.label  !llvm.metadata  !llvm.token  !llvm.ppc_fp128  !llvm.x86_mmx
 *   !llvm.ptr                     opaque pointer, address space 0
 *   !llvm.ptr<3>                  opaque pointer in address space 3
 *   !llvm.ptr<f32>  !llvm.ptr<f32, 3>   typed pointer (MLIR 16 still has them)
 *   !llvm.array<4 x i32>
 *   !llvm.func<void (i32, ...)>   result, parameters, variadic
 *   !llvm.struct<(i32, f32)>  !llvm.struct<packed (i8, i32)>      literal structs
 *   !llvm.struct<"name", (i32, ptr<struct<"name">>)>  !llvm.struct<"name", opaque>   identified structs
 *   !llvm.vec<4 x ptr<f32>>  !llvm.vec<? x 4 x ptr<f32>>   vectors builtin `vector` cannot hold (pointers)
 *
 * Inside an llvm type, nested llvm types drop their `!llvm.` prefix (`!llvm.ptr<struct<(i32)>>`); builtin
 * types (integers, floats, `vector<4xf32>`) print as themselves. Both spellings parse.
 *
 * Builtin signless integers, floats and 1-D vectors are the dialect's scalar and vector types: there is no
 * `!llvm.i32`. `isCompatibleType` says what an llvm op may carry.
 */
import { check, InvalidParametersError, typeArg, type VerifyResult } from "../../src/ir/checked.ts";
import { DialectType, FloatType, IntegerType, type Type, VectorType } from "../../src/ir/types.ts";
import { ids, intern } from "../../src/ir/uniquer.ts";
import type { DialectAsmParser, DialectAsmPrinter } from "../../src/text/asm-interfaces.ts";
import { printAttribute, printType } from "../../src/text/print-attr.ts";

/** Base of every llvm type: `!llvm.<mnemonic>...`. */
export abstract class LLVMType extends DialectType {
  readonly dialect = "llvm";
}

// ---- keyword types -------------------------------------------------------------------------------------------

export class LLVMVoidType extends LLVMType {
  readonly mnemonic = "void";
  static get(): LLVMVoidType {
    return intern("llvm.void", (id) => new LLVMVoidType(id));
  }
}
export class LLVMLabelType extends LLVMType {
  readonly mnemonic = "label";
  static get(): LLVMLabelType {
    return intern("llvm.label", (id) => new LLVMLabelType(id));
  }
}
export class LLVMMetadataType extends LLVMType {
  readonly mnemonic = "metadata";
  static get(): LLVMMetadataType {
    return intern("llvm.metadata", (id) => new LLVMMetadataType(id));
  }
}
export class LLVMTokenType extends LLVMType {
  readonly mnemonic = "token";
  static get(): LLVMTokenType {
    return intern("llvm.token", (id) => new LLVMTokenType(id));
  }
}
export class LLVMPPCFP128Type extends LLVMType {
  readonly mnemonic = "ppc_fp128";
  static get(): LLVMPPCFP128Type {
    return intern("llvm.ppc_fp128", (id) => new LLVMPPCFP128Type(id));
  }
}
export class LLVMX86MMXType extends LLVMType {
  readonly mnemonic = "x86_mmx";
  static get(): LLVMX86MMXType {
    return intern("llvm.x86_mmx", (id) => new LLVMX86MMXType(id));
  }
}

// ---- pointer -------------------------------------------------------------------------------------------------

/** `!llvm.ptr` (opaque, `elementType` undefined) or `!llvm.ptr<T>` (typed), in an address space. */
export class LLVMPointerType extends LLVMType {
  readonly mnemonic = "ptr";
  private constructor(
    id: number,
    readonly elementType: Type | undefined,
    readonly addressSpace: number,
  ) {
    super(id);
  }
  static verify(elementType: Type | undefined): VerifyResult {
    if (elementType === undefined || isValidPointerElementType(elementType)) return undefined;
    return ["invalid pointer element type: ", typeArg(elementType)];
  }
  /** A typed pointer to `elementType`. */
  static get(elementType: Type, addressSpace = 0): LLVMPointerType {
    check(LLVMPointerType.verify(elementType));
    return intern(`llvm.ptr<${elementType.id},${addressSpace}>`, (id) => new LLVMPointerType(id, elementType, addressSpace));
  }
  /** The opaque pointer `!llvm.ptr` (address space 0) or `!llvm.ptr<N>`. */
  static opaque(addressSpace = 0): LLVMPointerType {
    return intern(`llvm.ptr<opaque,${addressSpace}>`, (id) => new LLVMPointerType(id, undefined, addressSpace));
  }
  get isOpaque(): boolean {
    return this.elementType === undefined;
  }
  override print(p: DialectAsmPrinter): void {
    if (this.elementType === undefined && this.addressSpace === 0) return;
    p.print("<");
    if (this.elementType !== undefined) printPrettyLLVMType(p, this.elementType);
    if (this.addressSpace !== 0) p.print(`${this.elementType !== undefined ? ", " : ""}${this.addressSpace}`);
    p.print(">");
  }
  override get isMemRefElementType(): boolean {
    return true;
  }
}

// ---- array and vectors ---------------------------------------------------------------------------------------

/** `!llvm.array<N x T>`. */
export class LLVMArrayType extends LLVMType {
  readonly mnemonic = "array";
  private constructor(
    id: number,
    readonly elementType: Type,
    readonly numElements: number,
  ) {
    super(id);
  }
  static verify(elementType: Type, _numElements: number): VerifyResult {
    const bad =
      elementType instanceof LLVMVoidType ||
      elementType instanceof LLVMLabelType ||
      elementType instanceof LLVMMetadataType ||
      elementType instanceof LLVMFunctionType ||
      elementType instanceof LLVMTokenType ||
      elementType instanceof LLVMScalableVectorType;
    return bad ? ["invalid array element type: ", typeArg(elementType)] : undefined;
  }
  static get(elementType: Type, numElements: number): LLVMArrayType {
    check(LLVMArrayType.verify(elementType, numElements));
    return intern(`llvm.array<${numElements}x${elementType.id}>`, (id) => new LLVMArrayType(id, elementType, numElements));
  }
  override print(p: DialectAsmPrinter): void {
    p.print(`<${this.numElements} x `);
    printPrettyLLVMType(p, this.elementType);
    p.print(">");
  }
  override get isMemRefElementType(): boolean {
    return true;
  }
}

function vectorVerify(elementType: Type, n: number, validElement: boolean): VerifyResult {
  if (n === 0) return ["the number of vector elements must be positive"];
  return validElement ? undefined : ["invalid vector element type"];
}

/** `!llvm.vec<N x T>`: a fixed vector of what builtin `vector` cannot hold (pointers, ppc_fp128). */
export class LLVMFixedVectorType extends LLVMType {
  readonly mnemonic = "vec";
  private constructor(
    id: number,
    readonly elementType: Type,
    readonly numElements: number,
  ) {
    super(id);
  }
  static isValidElementType(t: Type): boolean {
    return t instanceof LLVMPointerType || t instanceof LLVMPPCFP128Type;
  }
  static verify(elementType: Type, numElements: number): VerifyResult {
    return vectorVerify(elementType, numElements, LLVMFixedVectorType.isValidElementType(elementType));
  }
  static get(elementType: Type, numElements: number): LLVMFixedVectorType {
    check(LLVMFixedVectorType.verify(elementType, numElements));
    return intern(`llvm.vec<${numElements}x${elementType.id}>`, (id) => new LLVMFixedVectorType(id, elementType, numElements));
  }
  override print(p: DialectAsmPrinter): void {
    p.print(`<${this.numElements} x `);
    printPrettyLLVMType(p, this.elementType);
    p.print(">");
  }
}

/** `!llvm.vec<? x N x T>`: a scalable vector (a multiple of vscale times N elements). */
export class LLVMScalableVectorType extends LLVMType {
  readonly mnemonic = "vec";
  private constructor(
    id: number,
    readonly elementType: Type,
    readonly minNumElements: number,
  ) {
    super(id);
  }
  static isValidElementType(t: Type): boolean {
    if (t instanceof IntegerType) return t.isSignless;
    return isCompatibleFloatingPointType(t) || t instanceof LLVMPointerType;
  }
  static verify(elementType: Type, minNumElements: number): VerifyResult {
    return vectorVerify(elementType, minNumElements, LLVMScalableVectorType.isValidElementType(elementType));
  }
  static get(elementType: Type, minNumElements: number): LLVMScalableVectorType {
    check(LLVMScalableVectorType.verify(elementType, minNumElements));
    return intern(`llvm.vec<?x${minNumElements}x${elementType.id}>`, (id) => new LLVMScalableVectorType(id, elementType, minNumElements));
  }
  override print(p: DialectAsmPrinter): void {
    // MLIR 16's format has an explicit space before the element type after the `x` that already ends in one.
    p.print(`<? x ${this.minNumElements} x  `);
    printPrettyLLVMType(p, this.elementType);
    p.print(">");
  }
}

// ---- function ------------------------------------------------------------------------------------------------

/** `!llvm.func<R (A, B, ...)>`: one result (`void` for none), parameters, and whether it is variadic. */
export class LLVMFunctionType extends LLVMType {
  readonly mnemonic = "func";
  private constructor(
    id: number,
    readonly returnType: Type,
    readonly params: readonly Type[],
    readonly isVarArg: boolean,
  ) {
    super(id);
  }
  static verify(result: Type, params: readonly Type[]): VerifyResult {
    if (result instanceof LLVMFunctionType || result instanceof LLVMMetadataType || result instanceof LLVMLabelType) {
      return ["invalid function result type: ", typeArg(result)];
    }
    for (const a of params) {
      if (a instanceof LLVMVoidType || a instanceof LLVMFunctionType) return ["invalid function argument type: ", typeArg(a)];
    }
    return undefined;
  }
  static get(returnType: Type, params: readonly Type[], isVarArg = false): LLVMFunctionType {
    check(LLVMFunctionType.verify(returnType, params));
    return intern(
      `llvm.func<${returnType.id}(${ids(params)}${isVarArg ? ",..." : ""})>`,
      (id) => new LLVMFunctionType(id, returnType, [...params], isVarArg),
    );
  }
  /** The result types as MLIR's function interfaces see them: none for `void`. */
  get returnTypes(): readonly Type[] {
    return this.returnType instanceof LLVMVoidType ? [] : [this.returnType];
  }
  override print(p: DialectAsmPrinter): void {
    p.print("<");
    printPrettyLLVMType(p, this.returnType);
    p.print(" (");
    this.params.forEach((t, i) => {
      if (i > 0) p.print(", ");
      printPrettyLLVMType(p, t);
    });
    if (this.isVarArg) p.print(this.params.length > 0 ? ", ..." : "...");
    p.print(")>");
  }
}

// ---- struct --------------------------------------------------------------------------------------------------

/**
 * `!llvm.struct<...>`: a literal struct (`(i32, f32)`, identified by its body and packedness) or an identified
 * one (`"name"`), whose body is set once after creation so that it can refer to itself. An identified struct
 * without a body yet, or declared `opaque`, is opaque.
 */
export class LLVMStructType extends LLVMType {
  readonly mnemonic = "struct";
  #body: readonly Type[];
  #packed: boolean;
  #opaque: boolean;
  private constructor(
    id: number,
    readonly name: string | undefined,
    body: readonly Type[],
    packed: boolean,
    opaque: boolean,
  ) {
    super(id);
    this.#body = body;
    this.#packed = packed;
    this.#opaque = opaque;
  }
  static isValidElementType(t: Type): boolean {
    return !(
      t instanceof LLVMVoidType ||
      t instanceof LLVMLabelType ||
      t instanceof LLVMMetadataType ||
      t instanceof LLVMFunctionType ||
      t instanceof LLVMTokenType
    );
  }
  static verify(body: readonly Type[]): VerifyResult {
    for (const t of body) if (!LLVMStructType.isValidElementType(t)) return ["invalid LLVM structure element type: ", typeArg(t)];
    return undefined;
  }
  /** A literal struct: `LLVMStructType.get([i32, f32])`. */
  static get(body: readonly Type[], packed = false): LLVMStructType {
    check(LLVMStructType.verify(body));
    return intern(`llvm.struct<${packed ? "packed" : ""}(${ids(body)})>`, (id) => new LLVMStructType(id, undefined, [...body], packed, false));
  }
  /**
   * The identified struct `name` (opaque until `setBody`). Held strongly, so that whether a name already has a
   * body never depends on the garbage collector (MLIR keeps them for the context's lifetime).
   */
  static identified(name: string): LLVMStructType {
    let t = identifiedStructs.get(name);
    if (t === undefined) {
      t = intern(`llvm.struct<${JSON.stringify(name)}>`, (id) => new LLVMStructType(id, name, [], false, true));
      identifiedStructs.set(name, t);
    }
    return t;
  }
  /** The identified struct `name` with this body; throws if it already has a different one (MLIR's setBody). */
  static identifiedWithBody(name: string, body: readonly Type[], packed = false): LLVMStructType {
    const t = LLVMStructType.identified(name);
    const failure = t.setBody(body, packed);
    if (failure !== undefined) throw new Error(failure);
    return t;
  }
  get isIdentified(): boolean {
    return this.name !== undefined;
  }
  get isPacked(): boolean {
    return this.#packed;
  }
  get isOpaque(): boolean {
    return this.#opaque;
  }
  get body(): readonly Type[] {
    return this.#body;
  }
  /** Sets an identified struct's body once; undefined on success, MLIR's message when it had another body. */
  setBody(body: readonly Type[], packed: boolean): string | undefined {
    if (this.name === undefined) return "cannot set the body of a literal struct";
    check(LLVMStructType.verify(body));
    if (!this.#opaque) {
      const same = this.#packed === packed && this.#body.length === body.length && this.#body.every((t, i) => t === body[i]);
      return same ? undefined : "identified type already used with a different body";
    }
    this.#body = [...body];
    this.#packed = packed;
    this.#opaque = false;
    return undefined;
  }
  /** Marks an identified struct intentionally opaque (`!llvm.struct<"name", opaque>`); false if it has a body. */
  declareOpaque(): boolean {
    return this.#opaque;
  }
  override print(p: DialectAsmPrinter): void {
    p.print("<");
    if (this.name !== undefined) {
      p.printString(this.name);
      if (printingStructs.includes(this.name)) {
        p.print(">");
        return;
      }
      p.print(", ");
      if (this.#opaque) {
        p.print("opaque>");
        return;
      }
    }
    if (this.#packed) p.print("packed ");
    p.print("(");
    if (this.name !== undefined) printingStructs.push(this.name);
    try {
      this.#body.forEach((t, i) => {
        if (i > 0) p.print(", ");
        printPrettyLLVMType(p, t);
      });
    } finally {
      if (this.name !== undefined) printingStructs.pop();
    }
    p.print(")>");
  }
  override get isMemRefElementType(): boolean {
    return true;
  }
}

const identifiedStructs = new Map<string, LLVMStructType>();

/** The identified structs being printed, outermost first: a reference to one of them prints as its name only. */
const printingStructs: string[] = [];

// ---- predicates (LLVMTypes.cpp) -------------------------------------------------------------------------------

/** bf16, f16, f32, f64, f80, f128 and ppc_fp128: the floats LLVM has. */
export function isCompatibleFloatingPointType(t: Type): boolean {
  return t instanceof FloatType || t instanceof LLVMPPCFP128Type;
}

/** Whether `t` may appear at the top level of an llvm op's operands or results (MLIR's isCompatibleOuterType). */
export function isCompatibleOuterType(t: Type): boolean {
  if (t instanceof LLVMType || t instanceof FloatType) return true;
  if (t instanceof IntegerType) return t.isSignless;
  if (t instanceof VectorType) return t.rank === 1;
  return false;
}

/** Whether `t` and everything nested in it is a type LLVM has (MLIR's isCompatibleType). */
export function isCompatibleType(t: Type, seen: Set<Type> = new Set()): boolean {
  if (seen.has(t)) return true;
  seen.add(t);
  const ok = (u: Type): boolean => isCompatibleType(u, seen);
  if (t instanceof LLVMStructType) return t.body.every(ok);
  if (t instanceof LLVMFunctionType) return ok(t.returnType) && t.params.every(ok);
  if (t instanceof IntegerType) return t.isSignless;
  if (t instanceof VectorType) return t.rank === 1 && ok(t.elementType);
  if (t instanceof LLVMPointerType) return t.elementType === undefined || ok(t.elementType);
  if (t instanceof LLVMFixedVectorType || t instanceof LLVMScalableVectorType || t instanceof LLVMArrayType) return ok(t.elementType);
  return t instanceof FloatType || t instanceof LLVMType;
}

/** A builtin 1-D vector of signless integers or floats, or an llvm vector (MLIR's isCompatibleVectorType). */
export function isCompatibleVectorType(t: Type): t is VectorType | LLVMFixedVectorType | LLVMScalableVectorType {
  if (t instanceof LLVMFixedVectorType || t instanceof LLVMScalableVectorType) return true;
  if (!(t instanceof VectorType) || t.rank !== 1) return false;
  const e = t.elementType;
  return (e instanceof IntegerType && e.isSignless) || e instanceof FloatType;
}

/** The element type of an LLVM-compatible vector type. */
export function vectorElementType(t: VectorType | LLVMFixedVectorType | LLVMScalableVectorType): Type {
  return t.elementType;
}

/** The element count of an LLVM-compatible vector (the minimum for a scalable one), and whether it scales. */
export function vectorNumElements(t: VectorType | LLVMFixedVectorType | LLVMScalableVectorType): { n: number; scalable: boolean } {
  if (t instanceof LLVMFixedVectorType) return { n: t.numElements, scalable: false };
  if (t instanceof LLVMScalableVectorType) return { n: t.minNumElements, scalable: true };
  return { n: t.shape[0] ?? 1, scalable: t.isScalable };
}

/** The LLVM-compatible vector of `n` elements: builtin `vector` when it can hold the element, `!llvm.vec` otherwise. */
export function llvmVectorType(elementType: Type, n: number, scalable = false): Type {
  if (LLVMFixedVectorType.isValidElementType(elementType)) {
    return scalable ? LLVMScalableVectorType.get(elementType, n) : LLVMFixedVectorType.get(elementType, n);
  }
  return VectorType.get([n], elementType, scalable ? [true] : undefined);
}

/** Whether `t` is a pointer or a vector of pointers. */
export function isPointerLike(t: Type): boolean {
  if (t instanceof LLVMPointerType) return true;
  return (t instanceof LLVMFixedVectorType || t instanceof LLVMScalableVectorType) && t.elementType instanceof LLVMPointerType;
}

function isValidPointerElementType(t: Type): boolean {
  if (isCompatibleOuterType(t)) {
    return !(t instanceof LLVMVoidType || t instanceof LLVMTokenType || t instanceof LLVMMetadataType || t instanceof LLVMLabelType);
  }
  // MLIR 16: other types opt in with PointerElementTypeInterface; memref-element dialect types do here.
  return false;
}

// ---- syntax --------------------------------------------------------------------------------------------------

/** Prints a type nested in an llvm type: an llvm type without its `!llvm.` prefix, any other type as itself. */
export function printPrettyLLVMType(p: DialectAsmPrinter, t: Type): void {
  if (t instanceof LLVMType) {
    p.print(t.mnemonic);
    t.print(p);
  } else {
    p.printType(t);
  }
}

/** Parses a type nested in an llvm type: any type, or an llvm type spelled without `!llvm.` (MLIR's dispatchParse). */
export function parsePrettyLLVMType(p: DialectAsmParser): Type {
  const t = p.parseOptionalType();
  if (t !== undefined) return t;
  return parseLLVMTypeKeyword(p);
}

function parseLLVMTypeKeyword(p: DialectAsmParser): Type {
  const at = p.pos();
  const key = p.parseOptionalKeyword();
  if (key === undefined) return p.error("expected valid keyword");
  switch (key) {
    case "void":
      return LLVMVoidType.get();
    case "ppc_fp128":
      return LLVMPPCFP128Type.get();
    case "x86_mmx":
      return LLVMX86MMXType.get();
    case "token":
      return LLVMTokenType.get();
    case "label":
      return LLVMLabelType.get();
    case "metadata":
      return LLVMMetadataType.get();
    case "func":
      return parseFunctionType(p);
    case "ptr":
      return parsePointerType(p);
    case "vec":
      return parseVectorType(p);
    case "array":
      return parseArrayType(p);
    case "struct":
      return parseStructType(p);
    default:
      return p.error(`unknown LLVM type: ${key}`, at);
  }
}

/** The dialect's type hook: the body of `!llvm.xxx`, which must be a keyword form (MLIR's detail::parseType). */
export function parseLLVMDialectType(p: DialectAsmParser): Type {
  const at = p.pos();
  if (p.peekKeyword() === undefined) {
    p.parseOptionalType();
    return p.error("unexpected type, expected keyword", at);
  }
  return parseLLVMTypeKeyword(p);
}

/** Builds through a verifying `get`, reporting its failure at `at` with the types spelled by the printer. */
function construct<T>(p: DialectAsmParser, at: number, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof InvalidParametersError) return p.error(e.render({ type: printType, attr: printAttribute }), at);
    throw e;
  }
}

function parsePointerType(p: DialectAsmParser): LLVMPointerType {
  if (!p.parseOptionalPunct("<")) return LLVMPointerType.opaque();
  const space = p.parseOptionalInteger();
  if (space !== undefined) {
    p.parsePunct(">");
    return LLVMPointerType.opaque(Number(space));
  }
  const at = p.pos();
  const element = parsePrettyLLVMType(p);
  let addressSpace = 0;
  if (p.parseOptionalPunct(",")) addressSpace = Number(p.parseInteger());
  p.parsePunct(">");
  return construct(p, at, () => LLVMPointerType.get(element, addressSpace));
}

function parseArrayType(p: DialectAsmParser): LLVMArrayType {
  p.parsePunct("<");
  const at = p.pos();
  const n = Number(p.parseInteger());
  p.parseKeyword("x");
  const element = parsePrettyLLVMType(p);
  p.parsePunct(">");
  return construct(p, at, () => LLVMArrayType.get(element, n));
}

function parseFunctionType(p: DialectAsmParser): LLVMFunctionType {
  p.parsePunct("<");
  const at = p.pos();
  const result = parsePrettyLLVMType(p);
  p.parsePunct("(");
  const params: Type[] = [];
  let varArg = false;
  if (!p.parseOptionalPunct(")")) {
    do {
      if (p.parseOptionalPunct("...")) {
        varArg = true;
        break;
      }
      params.push(parsePrettyLLVMType(p));
    } while (p.parseOptionalPunct(","));
    p.parsePunct(")");
  }
  p.parsePunct(">");
  return construct(p, at, () => LLVMFunctionType.get(result, params, varArg));
}

function parseVectorType(p: DialectAsmParser): Type {
  p.parsePunct("<");
  const dimAt = p.pos();
  const scalable = p.parseOptionalPunct("?");
  if (scalable) p.parseKeyword("x");
  const n = p.parseOptionalInteger();
  if (n === undefined) return p.error("expected '? x <integer> x <type>' or '<integer> x <type>'", dimAt);
  p.parseKeyword("x");
  const typeAt = p.pos();
  const element = parsePrettyLLVMType(p);
  p.parsePunct(">");
  if (scalable) return construct(p, dimAt, () => LLVMScalableVectorType.get(element, Number(n)));
  if ((element instanceof IntegerType && element.isSignless) || element instanceof FloatType) {
    return p.error("cannot use !llvm.vec for built-in primitives, use 'vector' instead", typeAt);
  }
  return construct(p, dimAt, () => LLVMFixedVectorType.get(element, Number(n)));
}

/** The identified structs being parsed: `"name"` alone inside one of them refers back to it. */
const parsingStructs: string[] = [];

function parseStructType(p: DialectAsmParser): LLVMStructType {
  p.parsePunct("<");
  const name = p.parseOptionalString();
  if (name !== undefined) {
    if (parsingStructs.includes(name)) {
      p.parsePunct(">");
      return LLVMStructType.identified(name);
    }
    p.parsePunct(",");
  }
  const kwAt = p.pos();
  if (p.parseOptionalKeyword("opaque") !== undefined) {
    if (name === undefined) return p.error("only identified structs can be opaque", kwAt);
    p.parsePunct(">");
    const t = LLVMStructType.identified(name);
    if (!t.declareOpaque()) return p.error("redeclaring defined struct as opaque", kwAt);
    return t;
  }
  const packed = p.parseOptionalKeyword("packed") !== undefined;
  p.parsePunct("(");
  const bodyAt = p.pos();
  const body: Type[] = [];
  if (!p.parseOptionalPunct(")")) {
    if (name !== undefined) parsingStructs.push(name);
    try {
      do body.push(parsePrettyLLVMType(p));
      while (p.parseOptionalPunct(","));
    } finally {
      if (name !== undefined) parsingStructs.pop();
    }
    p.parsePunct(")");
  }
  p.parsePunct(">");
  for (const t of body) {
    if (!LLVMStructType.isValidElementType(t)) return p.error(`invalid LLVM structure element type: '${printType(t)}'`, bodyAt);
  }
  if (name === undefined) return LLVMStructType.get(body, packed);
  const t = LLVMStructType.identified(name);
  const failure = t.setBody(body, packed);
  if (failure !== undefined) return p.error(failure, bodyAt);
  return t;
}

