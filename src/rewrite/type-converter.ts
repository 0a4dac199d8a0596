/**
 * The type converter of dialect conversion (MLIR's TypeConverter): which type each source type becomes, and how
 * to bridge the two while a conversion is under way (materialisations).
 *
 *   const types = new TypeConverter()
 *     .addConversion((t) => t)                                          // everything else is already legal
 *     .addConversion((t) => (t === i32 ? i64 : undefined))              // i32 -> i64
 *     .addConversion((t) => (t instanceof TupleType ? t.types : undefined)); // 1:N: a tuple becomes its elements
 *
 * Conversion callbacks are tried newest first. A callback returns the converted type, an array of types (a 1:N
 * conversion; an empty array drops the value), `undefined` when the type is not its business (the next
 * callback is tried), or `null` when the type is its business but cannot be converted (no further callback is
 * tried and the type is not convertible).
 *
 * Materialisation callbacks build the value of one type from values of another, when the conversion driver
 * cannot otherwise reconcile them: a *source* materialisation turns converted values back into the original type
 * for users that were not converted; a *target* materialisation turns a value of the original type into the
 * converted type for a converted op; an *argument* materialisation rebuilds a converted block argument. The driver
 * inserts `builtin.unrealized_conversion_cast` ops while it works, and at the end asks these callbacks (newest
 * first) to replace the casts that are still needed; casts no callback replaces stay (partial conversion) or are an
 * error (full conversion).
 */
import type { Builder } from "../ir/builder.ts";
import type { Location } from "../ir/location.ts";
import type { Block } from "../ir/operation.ts";
import type { Operation } from "../ir/operation.ts";
import { FunctionType, type Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";

/** A type conversion rule: the new type(s), `undefined` for "not mine", `null` for "mine, but not convertible". */
export type TypeConversionCallback = (type: Type) => Type | readonly Type[] | null | undefined;

/**
 * Builds a value of `type` from `inputs` at the builder's insertion point (through the builder, so the conversion
 * can undo it), or returns undefined to let an older callback try.
 */
export type MaterializationCallback = (b: Builder, type: Type, inputs: readonly Value[], loc: Location) => Value | undefined;

export type MaterializationKind = "source" | "target" | "argument";

/** Where an original block argument went in a converted signature. */
export type InputMapping =
  /** To `size` new arguments starting at `start` (size 0: dropped). */
  | { readonly kind: "types"; readonly start: number; readonly size: number }
  /** Replaced by an existing value. */
  | { readonly kind: "value"; readonly value: Value };

/**
 * How a list of block arguments (or function inputs) is converted (MLIR's SignatureConversion): the new argument
 * types in order, and for each original argument the new arguments it became or the value that replaces it.
 */
export class SignatureConversion {
  readonly #types: Type[] = [];
  readonly #mapping: (InputMapping | undefined)[];

  constructor(readonly numOriginalInputs: number) {
    this.#mapping = Array.from({ length: numOriginalInputs }, () => undefined);
  }

  /** The types of the converted arguments. */
  get convertedTypes(): readonly Type[] {
    return this.#types;
  }

  /** Maps original input `origIndex` to new arguments of `types` (appended after the ones added so far). */
  addInputs(origIndex: number, types: readonly Type[]): void;
  /** Appends new arguments that no original input maps to. */
  addInputs(types: readonly Type[]): void;
  addInputs(a: number | readonly Type[], b?: readonly Type[]): void {
    if (typeof a !== "number") {
      this.#types.push(...a);
      return;
    }
    this.#checkIndex(a);
    const types = b ?? [];
    this.#mapping[a] = { kind: "types", start: this.#types.length, size: types.length };
    this.#types.push(...types);
  }

  /** Original input `origIndex` is not turned into a new argument; its uses are replaced by `value`. */
  remapInput(origIndex: number, value: Value): void {
    this.#checkIndex(origIndex);
    this.#mapping[origIndex] = { kind: "value", value };
  }

  /** Where original input `origIndex` went (undefined if it was never mapped: then it is dropped). */
  inputMapping(origIndex: number): InputMapping | undefined {
    this.#checkIndex(origIndex);
    return this.#mapping[origIndex];
  }

  /** True when the conversion keeps every argument as it is (nothing to do). */
  isIdentityFor(originalTypes: readonly Type[]): boolean {
    if (originalTypes.length !== this.#types.length || originalTypes.length !== this.numOriginalInputs) return false;
    return originalTypes.every((t, i) => {
      const m = this.#mapping[i];
      return m?.kind === "types" && m.start === i && m.size === 1 && this.#types[i] === t;
    });
  }

  #checkIndex(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.numOriginalInputs) {
      throw new RangeError(`signature conversion has no original input #${i} (it has ${this.numOriginalInputs})`);
    }
  }
}

export class TypeConverter {
  readonly #conversions: TypeConversionCallback[] = [];
  readonly #materializations: Record<MaterializationKind, MaterializationCallback[]> = { source: [], target: [], argument: [] };
  /** Converted types by source type (types are interned, so the map is by identity); null: not convertible. */
  readonly #cache = new Map<Type, readonly Type[] | null>();

  /** Adds a conversion rule; it is tried before the rules added earlier. */
  addConversion(fn: TypeConversionCallback): this {
    this.#conversions.push(fn);
    this.#cache.clear();
    return this;
  }
  addSourceMaterialization(fn: MaterializationCallback): this {
    this.#materializations.source.push(fn);
    return this;
  }
  addTargetMaterialization(fn: MaterializationCallback): this {
    this.#materializations.target.push(fn);
    return this;
  }
  addArgumentMaterialization(fn: MaterializationCallback): this {
    this.#materializations.argument.push(fn);
    return this;
  }

  /** The types `type` converts to (several for a 1:N conversion, none when it is dropped); undefined if none. */
  convertTypeToMany(type: Type): readonly Type[] | undefined {
    const cached = this.#cache.get(type);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.#run(type);
    this.#cache.set(type, result);
    return result ?? undefined;
  }

  /** The one type `type` converts to; undefined when it cannot be converted or converts to 0 or several types. */
  convertType(type: Type): Type | undefined {
    const r = this.convertTypeToMany(type);
    return r?.length === 1 ? r[0] : undefined;
  }

  /** The converted types of `types`, flattened (1:N conversions contribute several); undefined if one fails. */
  convertTypes(types: readonly Type[]): Type[] | undefined {
    const out: Type[] = [];
    for (const t of types) {
      const r = this.convertTypeToMany(t);
      if (r === undefined) return undefined;
      out.push(...r);
    }
    return out;
  }

  /** True when every type converts to itself. */
  isLegal(type: Type | readonly Type[]): boolean {
    const types: readonly Type[] = Array.isArray(type) ? type : [type as Type];
    return types.every((t) => {
      const r = this.convertTypeToMany(t);
      return r !== undefined && r.length === 1 && r[0] === t;
    });
  }

  /** True when the op's operand and result types are all legal (MLIR's isLegal(Operation*)). */
  isLegalOp(op: Operation): boolean {
    return this.isLegal(op.operands.map((v) => v.type)) && this.isLegal(op.resultTypes);
  }

  /** True when the inputs and results of a function type are legal. */
  isSignatureLegal(type: FunctionType): boolean {
    return this.isLegal(type.inputs) && this.isLegal(type.results);
  }

  /** True when the argument types of every block of every region of `op` are legal. */
  isRegionSignatureLegal(op: Operation): boolean {
    return op.regions.every((r) => r.blocks.every((b) => this.isLegal(b.argTypes)));
  }

  /** The converted function type, or undefined when an input or result cannot be converted. */
  convertFunctionType(type: FunctionType): FunctionType | undefined {
    const inputs = this.convertTypes(type.inputs);
    const results = this.convertTypes(type.results);
    return inputs === undefined || results === undefined ? undefined : FunctionType.get(inputs, results);
  }

  /** A signature conversion for arguments of `types`: each one mapped to its converted types. */
  convertSignatureArgs(types: readonly Type[]): SignatureConversion | undefined {
    const conversion = new SignatureConversion(types.length);
    for (let i = 0; i < types.length; i++) {
      const converted = this.convertTypeToMany(types[i] as Type);
      if (converted === undefined) return undefined;
      conversion.addInputs(i, converted);
    }
    return conversion;
  }

  /** The signature conversion of `block`'s arguments (undefined when one cannot be converted). */
  convertBlockSignature(block: Block): SignatureConversion | undefined {
    return this.convertSignatureArgs(block.argTypes);
  }

  /** Runs the materialisation callbacks of `kind`, newest first, until one builds a value. */
  materialize(kind: MaterializationKind, b: Builder, type: Type, inputs: readonly Value[], loc: Location): Value | undefined {
    const fns = this.#materializations[kind];
    for (let i = fns.length - 1; i >= 0; i--) {
      const v = (fns[i] as MaterializationCallback)(b, type, inputs, loc);
      if (v === undefined) continue;
      if (v.type !== type) throw new Error(`a ${kind} materialisation returned a value of the wrong type`);
      return v;
    }
    return undefined;
  }

  #run(type: Type): readonly Type[] | null {
    for (let i = this.#conversions.length - 1; i >= 0; i--) {
      const r = (this.#conversions[i] as TypeConversionCallback)(type);
      if (r === undefined) continue;
      if (r === null) return null;
      return Array.isArray(r) ? [...(r as readonly Type[])] : [r as Type];
    }
    return null;
  }
}
