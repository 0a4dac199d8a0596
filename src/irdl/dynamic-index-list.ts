/**
 * Mixed static/dynamic index lists, as MLIR 16's ViewLikeInterface keeps them: a list such as the offsets
 * `[0, %i]` of `tensor.extract_slice` (or `memref.subview`, `vector`'s and `tensor.pad`'s lists) is stored as
 * a dense i64 array of the static entries, with the DYNAMIC sentinel where an SSA value stands, plus a
 * variadic group of those index values, in order:
 *
 *   %s = tensor.extract_slice %t[0, %i] [4, 4] [1, 1] : tensor<8x?xf32> to tensor<4x4xf32>
 *        static_offsets = array<i64: 0, -9223372036854775808>, offsets = (%i)
 *
 * `custom<DynamicIndexList>($offsets, $static_offsets)` in a declarative format prints and parses the
 * bracketed list (MLIR's printDynamicIndexList / parseDynamicIndexList); the helpers below move between the
 * stored pair and one list of `MixedIndex` entries (MLIR's OpFoldResult lists), and verify the pair.
 */
import { type Diagnostic } from "../diag/diagnostic.ts";
import { type Attribute, DenseArrayAttr, i64Array, IntegerAttr } from "../ir/attributes.ts";
import type { Operation } from "../ir/operation.ts";
import { DYNAMIC, IntegerType } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { customDirective } from "./format-directives.ts";
import { opEmitError } from "./op-error.ts";
import type { OpAsmParser, UnresolvedOperand } from "../text/asm-interfaces.ts";

/** One entry of a mixed list: a static integer, or the index value that gives it at run time. */
export type MixedIndex = number | Value;

/** The integers of a dense i64 array attribute (DYNAMIC where a value stands); [] for anything else. */
export function staticList(a: Attribute | undefined): number[] {
  if (!(a instanceof DenseArrayAttr) || !(a.elementType instanceof IntegerType)) return [];
  return a.values.map((v) => (BigInt(v) === -(2n ** 63n) ? DYNAMIC : Number(v)));
}

/** The mixed list of a static array and its dynamic values (MLIR's getMixedValues). */
export function mixedList(statics: readonly number[], dynamics: readonly Value[]): MixedIndex[] {
  let next = 0;
  return statics.map((s) => (s === DYNAMIC ? (dynamics[next++] ?? s) : s));
}

/**
 * The stored pair of a mixed list (MLIR's dispatchIndexOpFoldResults): `static` with DYNAMIC for each value,
 * and the values. `constantOf`, when given, turns values known to be constants into static entries.
 */
export function splitMixed(
  list: readonly MixedIndex[],
  constantOf: (v: Value) => number | undefined = () => undefined,
): { statics: number[]; dynamics: Value[]; staticAttr: DenseArrayAttr } {
  const statics: number[] = [];
  const dynamics: Value[] = [];
  for (const e of list) {
    const c = typeof e === "number" ? e : constantOf(e);
    if (c !== undefined) statics.push(c);
    else {
      statics.push(DYNAMIC);
      dynamics.push(e as Value);
    }
  }
  return { statics, dynamics, staticAttr: i64Array(statics) };
}

/** The static integer of a mixed entry, when it is one (MLIR's getConstantIntValue of an attribute). */
export const staticValue = (e: MixedIndex): number | undefined => (typeof e === "number" ? e : undefined);

/** The entries of a static index list attribute (empty when the attribute is missing or of the wrong kind). */
export const staticIndices = (a: unknown): number[] => (a instanceof DenseArrayAttr ? a.numbers : []);

/** Reads `[%a, 4, %b]` (brackets included): the dynamic values and the static entries (DYNAMIC for each value). */
export function parseDynamicIndexList(p: OpAsmParser): { values: UnresolvedOperand[]; statics: number[] } {
  const values: UnresolvedOperand[] = [];
  const statics: number[] = [];
  p.parseCommaSeparatedList("[]", () => {
    const operand = p.parseOptionalOperand();
    if (operand !== undefined) {
      values.push(operand);
      statics.push(DYNAMIC);
      return;
    }
    const n = p.parseOptionalInteger();
    if (n === undefined) return p.error("expected integer value");
    statics.push(Number(BigInt.asIntN(64, n)));
  });
  return { values, statics };
}

/**
 * `[0, %i, 4]`: MLIR 16's `custom<DynamicIndexList>($values, $static_values)`, as memref.subview,
 * memref.reinterpret_cast, tensor.extract_slice and tensor.pad spell their lists. Entries print in order, a
 * value where the static array holds DYNAMIC; an empty list prints `[]`.
 */
export const DynamicIndexList = customDirective({
  params: { values: "operands", integers: "attr" },
  print(p, _op, { values, integers }) {
    let next = 0;
    const entries = staticList(integers);
    p.print("[");
    entries.forEach((s, i) => {
      if (i > 0) p.print(", ");
      const v = s === DYNAMIC ? values[next++] : undefined;
      if (v !== undefined) p.printOperand(v);
      else p.print(String(s));
    });
    p.print("]");
  },
  parse(p) {
    const { values, statics } = parseDynamicIndexList(p);
    return { values, integers: i64Array(statics) };
  },
});

/**
 * MLIR 16's check of one list of an OffsetSizeAndStrideOpInterface op (verifyListOfOperandsOrIntegers):
 * `expected <n> <name> values` when the static array does not have `rank` entries, and `expected <k> dynamic
 * <name> values` when the values do not match its DYNAMIC entries.
 */
export function verifyDynamicIndexList(op: Operation, name: string, rank: number, statics: readonly number[], dynamicCount: number): Diagnostic | undefined {
  if (statics.length !== rank) return opEmitError(op, `expected ${rank} ${name} values`);
  const expected = statics.filter((s) => s === DYNAMIC).length;
  if (expected !== dynamicCount) return opEmitError(op, `expected ${expected} dynamic ${name} values`);
  return undefined;
}

/** The three lists of an op with offsets, sizes and strides (MLIR's OffsetSizeAndStrideOpInterface). */
export interface OffsetsSizesStrides {
  readonly staticOffsets: readonly number[];
  readonly offsets: readonly Value[];
  readonly staticSizes: readonly number[];
  readonly sizes: readonly Value[];
  readonly staticStrides: readonly number[];
  readonly strides: readonly Value[];
}

/**
 * MLIR 16's verifyOffsetSizeAndStrideOp: the three lists have equal lengths (`maxRank` entries each), and each
 * has one value per DYNAMIC entry.
 */
export function verifyOffsetsSizesStrides(op: Operation, l: OffsetsSizesStrides, maxRank: number): Diagnostic | undefined {
  const [o, s, t] = [l.staticOffsets.length, l.staticSizes.length, l.staticStrides.length];
  if (o !== s) {
    return opEmitError(op, `expected mixed offsets rank to match mixed sizes rank (${o} vs ${s}) so the rank of the result type is well-formed.`);
  }
  if (s !== t) {
    return opEmitError(op, `expected mixed sizes rank to match mixed strides rank (${s} vs ${t}) so the rank of the result type is well-formed.`);
  }
  return (
    verifyDynamicIndexList(op, "offset", maxRank, l.staticOffsets, l.offsets.length) ??
    verifyDynamicIndexList(op, "size", maxRank, l.staticSizes, l.sizes.length) ??
    verifyDynamicIndexList(op, "stride", maxRank, l.staticStrides, l.strides.length)
  );
}

/** An `index` integer attribute's value as a number (the constant of an `arith.constant ... : index`). */
export function indexConstant(a: Attribute | undefined): number | undefined {
  return a instanceof IntegerAttr ? Number(a.value) : undefined;
}
