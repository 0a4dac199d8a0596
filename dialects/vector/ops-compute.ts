/**
 * The vector dialect's computing ops (MLIR 16): contraction, reductions, outer product, scan and the flat
 * matrix intrinsics. `contract`, `reduction` and `outerproduct` have hand-written syntax in MLIR 16 (and here);
 * the others are declarative.
 *
 *   %r = vector.contract {indexing_maps = [#map0, #map1, #map2], iterator_types = ["parallel", "parallel", "reduction"],
 *          kind = #vector.kind<add>} %a, %b, %c : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
 *   %s = vector.reduction <add>, %v, %acc : vector<16xf32> into f32
 *   %m = vector.multi_reduction <maxf>, %v, %acc [1] : vector<4x8xf32> to vector<4xf32>
 *   %o = vector.outerproduct %a, %b, %acc {kind = #vector.kind<add>} : vector<4xf32>, vector<8xf32>
 *   %d, %c = vector.scan <add>, %v, %init {inclusive = true, reduction_dim = 0 : i64} : vector<4x8xf32>, vector<8xf32>
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { AffineDimExpr } from "../../src/ir/affine-expr.ts";
import { type AffineMap, getUnusedDims } from "../../src/ir/affine-map.ts";
import { AffineMapAttr, ArrayAttr, type Attribute, DictionaryAttr, StringAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { Pure } from "../../src/ir/traits.ts";
import { elementTypeOrSelf, i1, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyType, ArrayAttrC, BoolAttrC, I32Attr, I64Attr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { defaultAttr, optional, variadic } from "../../src/irdl/spec.ts";
import type { OpAsmParser } from "../../src/text/asm-interfaces.ts";
import {
  CombiningKindAttr,
  CombiningKindAttrC,
  combiningKindOf,
  I64ArrayAttrC,
  i64sOf,
  isSupportedCombiningKind,
  IteratorTypeArrayAttrC,
  IteratorTypeAttr,
  type IteratorType,
} from "./attrs.ts";
import { AnyVector, AnyVectorOfAnyRank, MatrixVector, VectorOfI1 } from "./constraints.ts";
import { foldMultiReduction } from "./fold.ts";
import { MaskableOpInterface } from "./maskable.ts";
import { sameElementType } from "./verify-util.ts";

const defaultKind = defaultAttr(CombiningKindAttrC, () => CombiningKindAttr.of("add"));

/** `<add>` or `#vector.kind<add>` (MLIR's parseCustomAttributeWithFallback). */
function parseKind(p: OpAsmParser): Attribute {
  if (p.parseOptionalPunct("<")) {
    const loc = p.pos();
    const word = p.parseKeyword();
    p.parsePunct(">");
    const kind = (CombiningKindAttr.keywords as readonly string[]).includes(word) ? word : undefined;
    if (kind === undefined) return p.error(`expected ::mlir::vector::CombiningKind to be one of: ${CombiningKindAttr.keywords.join(", ")}`, loc);
    return CombiningKindAttr.of(kind as never);
  }
  return p.parseAttribute();
}

// ---- contract --------------------------------------------------------------------------------------------------

/** The indexing maps of a contraction (lhs, rhs, acc). */
export const contractMaps = (op: Operation) => ((op.attr("indexing_maps") as ArrayAttr).elements as AffineMapAttr[]).map((a) => a.map);
/** The iterator types of a contraction. */
export const contractIterators = (op: Operation): IteratorType[] =>
  (op.attr("iterator_types") as ArrayAttr).elements.map((e) => (e as ReturnType<typeof IteratorTypeAttr.get>).value);

/** Pairs (lhs dim, rhs dim) of the iterators of `kind` that both operands index (MLIR's getDimMap). */
function dimMap(op: Operation, kind: IteratorType): [number, number][] {
  const [lhs, rhs] = contractMaps(op);
  const out: [number, number][] = [];
  contractIterators(op).forEach((t, d) => {
    if (t !== kind || lhs === undefined || rhs === undefined) return;
    const l = lhs.results.findIndex((e) => e instanceof AffineDimExpr && e.position === d);
    const r = rhs.results.findIndex((e) => e instanceof AffineDimExpr && e.position === d);
    if (l >= 0 && r >= 0) out.push([l, r]);
  });
  return out;
}

/** What the contraction verifier reads of the op. */
interface ContractParts {
  readonly lhs: VectorType;
  readonly rhs: VectorType;
  readonly acc: Type;
  readonly res: Type;
  readonly masks: readonly Value[];
  readonly kind: CombiningKindAttr;
  readonly indexingMaps: ArrayAttr;
  readonly iteratorTypes: ArrayAttr;
}

function verifyContract(op: Operation, parts: ContractParts): Diagnostic | undefined {
  const { lhs, rhs, acc, res } = parts;
  if (elementTypeOrSelf(lhs) !== elementTypeOrSelf(rhs)) return opError(op, "failed to verify that lhs and rhs have same element type");
  if (elementTypeOrSelf(acc) !== elementTypeOrSelf(res)) return opError(op, "failed to verify that third operand acc and result have same element type");
  const mapAttrs = parts.indexingMaps.elements;
  if (mapAttrs.length !== 3) return opError(op, "expected an indexing map for each vector operand");
  if (!mapAttrs.every((a) => a instanceof AffineMapAttr)) return opError(op, "expected indexing_maps to hold affine maps");
  const maps = contractMaps(op);
  const numIterators = parts.iteratorTypes.elements.length;
  for (const [index, map] of maps.entries()) {
    if (map.numSymbols !== 0) return opError(op, `expected indexing map ${index} to have no symbols`);
    const t = op.getOperand(index).type;
    const rank = t instanceof VectorType ? t.rank : 0;
    if (map.numDims !== numIterators) return opError(op, `expected indexing map ${index} to have ${numIterators} number of inputs`);
    if (map.numResults !== rank) return opError(op, `expected indexing map ${index} to have ${rank} number of outputs`);
    if (!map.isProjectedPermutation()) return opError(op, `expected indexing map ${index} to be a projected permutation of its inputs`);
  }
  const contracting = dimMap(op, "reduction");
  const batch = dimMap(op, "parallel");
  if (contracting.length === 0) return opError(op, "expected at least one contracting dimension pair");
  const validDimMap = (pairs: [number, number][]) =>
    pairs.every(([l, r]) => l < lhs.rank && r < rhs.rank && lhs.shape[l] === rhs.shape[r]);
  if (!validDimMap(contracting)) return opError(op, "invalid contracting dimension map");
  if (!validDimMap(batch)) return opError(op, "invalid batch dimension map");
  const d = verifyContractOutputShape(op, lhs, rhs, acc, res, contracting, batch);
  if (d !== undefined) return d;
  const masks = parts.masks;
  if (masks.length === 1) return opError(op, "invalid number of vector masks specified");
  if (masks.length === 2) {
    const [lm, rm] = masks as [Value<VectorType>, Value<VectorType>];
    if (lm.type.rank !== lhs.rank || rm.type.rank !== rhs.rank) return opError(op, "invalid vector mask rank");
  }
  if (!isSupportedCombiningKind(combiningKindOf(parts.kind), elementTypeOrSelf(res))) return opError(op, "unsupported contraction type");
  return undefined;
}

function verifyContractOutputShape(
  op: Operation,
  lhs: VectorType,
  rhs: VectorType,
  acc: Type,
  res: Type,
  contracting: [number, number][],
  batch: [number, number][],
): Diagnostic | undefined {
  const lhsContracting = new Set(contracting.map(([l]) => l));
  const rhsContracting = new Set(contracting.map(([, r]) => r));
  const rhsBatch = new Set(batch.map(([, r]) => r));
  const expectedDims = [
    ...lhs.shape.filter((_, i) => !lhsContracting.has(i)),
    ...rhs.shape.filter((_, i) => !rhsContracting.has(i) && !rhsBatch.has(i)),
  ];
  if (expectedDims.length === 0) {
    return res instanceof VectorType || acc instanceof VectorType ? opError(op, "invalid accumulator/result vector shape") : undefined;
  }
  if (!(res instanceof VectorType) || !(acc instanceof VectorType)) return opError(op, "invalid accumulator/result vector shape");
  const [lhsMap, rhsMap, resMap] = contractMaps(op) as [AffineMap, AffineMap, AffineMap];
  if (getUnusedDims([lhsMap, rhsMap]).some((u) => u)) return opError(op, "expected all dimensions to be either a LHS or a RHS dimension");
  const extents = new Array<number | undefined>(lhsMap.numDims).fill(undefined);
  for (const [v, map] of [[lhs, lhsMap], [rhs, rhsMap]] as const) {
    for (let i = 0; i < v.rank; i++) {
      const pos = map.getDimPosition(i);
      if (extents[pos] === undefined) extents[pos] = v.shape[i];
    }
  }
  if (extents.some((e) => e === undefined)) return opError(op, "expected all dimensions to get an extent as either a LHS or a RHS dimension");
  const expected = VectorType.get(
    resMap.results.map((e) => extents[(e as AffineDimExpr).position] as number),
    res.elementType,
  );
  if (res !== expected || acc !== expected) return opError(op, `invalid accumulator/result vector shape, expected: ${quotedType(expected)}`);
  return undefined;
}

/** The attributes a contraction prints in its leading dictionary. */
const CONTRACT_TRAIT_ATTRS = ["indexing_maps", "iterator_types", "kind"];

export const ContractionOp = defineOp(
  {
    name: "vector.contract",
    summary: "vector contraction operation",
    operands: { lhs: AnyVector, rhs: AnyVector, acc: AnyType, masks: variadic(VectorOfI1) },
    results: { result: AnyType },
    attributes: { indexing_maps: ArrayAttrC, iterator_types: IteratorTypeArrayAttrC, kind: defaultKind },
    traits: [Pure],
  },
  {
    asm: {
      print(op, p) {
        const entries = [...op.attributes]
          .filter(([name]) => CONTRACT_TRAIT_ATTRS.includes(name))
          .map(([name, value]) =>
            name === "iterator_types" && value instanceof ArrayAttr
              ? { name, value: ArrayAttr.get(value.elements.map((e) => (e instanceof IteratorTypeAttr ? StringAttr.get(e.value) : e))) }
              : { name, value },
          );
        p.print(" ");
        p.printAttribute(DictionaryAttr.get(entries));
        p.print(" ");
        p.printOperands([op.lhs, op.rhs, op.acc]);
        if (op.masks.length === 2) {
          p.print(", ");
          p.printOperands(op.masks);
        }
        p.printOptionalAttrDict(op.attributes, CONTRACT_TRAIT_ATTRS);
        p.print(" : ");
        p.printType(op.lhs.type);
        p.print(", ");
        p.printType(op.rhs.type);
        p.print(" into ");
        p.printType(op.result.type);
      },
      parse(p, state) {
        const loc = p.pos();
        const dict = p.parseAttribute();
        if (!(dict instanceof DictionaryAttr)) return p.error("expected attribute dictionary", loc);
        const lhs = p.parseOperand();
        p.parsePunct(",");
        const rhs = p.parseOperand();
        p.parsePunct(",");
        const acc = p.parseOperand();
        const masks = p.parseOptionalPunct(",") ? p.parseOperandList("none") : [];
        p.parseOptionalAttrDict(state.attributes);
        const types = p.parseColonTypeList();
        p.parseKeyword("into");
        const resultType = p.parseType();
        const traits = new Map(dict.entries.map(({ name, value }) => [name, value]));
        const iterators = traits.get("iterator_types");
        if (iterators instanceof ArrayAttr) {
          const converted = iterators.elements.map((e) => {
            const s = e instanceof StringAttr ? e.value : undefined;
            if (s !== "parallel" && s !== "reduction") return p.error(`unexpected iterator_type (${s ?? ""})`, loc);
            return IteratorTypeAttr.get(s);
          });
          traits.set("iterator_types", ArrayAttr.get(converted));
        }
        if (!traits.has("kind")) traits.set("kind", CombiningKindAttr.of("add"));
        // As MLIR 16, whose parser assigns the leading dictionary over the attributes: a trailing `{...}` is dropped.
        state.attributes.clear();
        for (const [name, value] of traits) state.attributes.set(name, value);
        const [lhsType, rhsType] = types;
        if (lhsType === undefined || rhsType === undefined) return p.error("expected two operand types", loc);
        state.operands.push(...p.resolveOperands([lhs, rhs, acc], [lhsType, rhsType, resultType], loc));
        state.resultTypes.push(resultType);
        if (masks.length === 0) return;
        if (masks.length !== 2) return p.error("expected zero or exactly 2 vector mask operands", loc);
        if (!(lhsType instanceof VectorType) || !(rhsType instanceof VectorType)) return p.error("expected vector operand types", loc);
        const maskTypes = [VectorType.get(lhsType.shape, i1, lhsType.scalableDims), VectorType.get(rhsType.shape, i1, rhsType.scalableDims)];
        state.operands.push(...p.resolveOperands(masks, maskTypes, loc));
      },
    },
    verify: (op) =>
      verifyContract(op, {
        lhs: op.lhs.type,
        rhs: op.rhs.type,
        acc: op.acc.type,
        res: op.result.type,
        masks: op.masks,
        kind: op.kind,
        indexingMaps: op.indexing_maps,
        iteratorTypes: op.iterator_types,
      }),
  },
);
export type ContractionOp = InstanceType<typeof ContractionOp>;

// ---- reduction / multi_reduction -------------------------------------------------------------------------------

/** `vector<...xi1>` of a vector type's shape. */
const maskOf = (t: Type): Type => (t instanceof VectorType ? VectorType.get(t.shape, i1, t.scalableDims) : t);

export const ReductionOp = defineOp(
  {
    name: "vector.reduction",
    summary: "reduction operation",
    operands: { vector: AnyVectorOfAnyRank, acc: optional(AnyType) },
    results: { dest: AnyType },
    attributes: { kind: CombiningKindAttrC },
    traits: [Pure],
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        op.kind.printStripped(p);
        p.print(", ");
        p.printOperands(op.acc === undefined ? [op.vector] : [op.vector, op.acc]);
        p.printOptionalAttrDict(op.attributes, ["kind"]);
        p.print(" : ");
        p.printType(op.vector.type);
        p.print(" into ");
        p.printType(op.dest.type);
      },
      parse(p, state) {
        const start = p.pos();
        state.attributes.set("kind", parseKind(p));
        p.parsePunct(",");
        const operands = p.parseOperandList("none");
        p.parseOptionalAttrDict(state.attributes);
        const vectorType = p.parseColonType();
        p.parseKeyword("into");
        const resultType = p.parseType();
        if (operands.length === 0 || operands.length > 2) return p.error("unsupported number of operands", start);
        state.operands.push(...p.resolveOperands(operands, [vectorType, resultType].slice(0, operands.length), start));
        state.resultTypes.push(resultType);
      },
    },
    verify(op) {
      const same = sameElementType(op, op.dest.type, op.vector.type, "source operand and result have same element type");
      if (same !== undefined) return same;
      const rank = op.vector.type.rank;
      if (rank > 1) return opError(op, `unsupported reduction rank: ${rank}`);
      const kind = combiningKindOf(op.kind);
      if (!isSupportedCombiningKind(kind, op.dest.type)) return opError(op, `unsupported reduction type '${quotedType(op.dest.type)}' for kind '${kind}'`);
      return undefined;
    },
    interfaces: [implement(MaskableOpInterface, { getExpectedMaskType: (op: Operation) => maskOf(op.getOperand(0).type) })],
  },
);
export type ReductionOp = InstanceType<typeof ReductionOp>;

/** The type multi_reduction of `source` over `dims` gives: the kept dims, or the element when none is kept. */
export function multiReductionResultType(source: VectorType, dims: readonly number[]): Type {
  const kept = source.shape.filter((_, i) => !dims.includes(i));
  return kept.length === 0 ? source.elementType : VectorType.get(kept, source.elementType);
}

export const MultiDimReductionOp = defineOp(
  {
    name: "vector.multi_reduction",
    summary: "Multi-dimensional reduction operation",
    operands: { source: AnyVector, acc: AnyType },
    results: { dest: AnyType },
    attributes: { kind: CombiningKindAttrC, reduction_dims: I64ArrayAttrC },
    traits: [Pure],
    allTypesMatch: [["dest", "acc"]],
    format: "$kind `,` $source `,` $acc attr-dict $reduction_dims `:` type($source) `to` type($dest)",
  },
  {
    fold: foldMultiReduction,
    inferResultTypes(operands, attributes) {
      const source = operands[0]?.type;
      const dims = attributes.get("reduction_dims");
      if (!(source instanceof VectorType) || dims === undefined) return undefined;
      return [multiReductionResultType(source, i64sOf(dims))];
    },
    verify(op) {
      const same = sameElementType(op, op.dest.type, op.source.type, "source operand and result have same element type");
      if (same !== undefined) return same;
      const expected = multiReductionResultType(op.source.type, i64sOf(op.reduction_dims));
      if (op.dest.type !== expected) {
        return opError(op, `destination type ${quotedType(op.dest.type)} is incompatible with source type ${quotedType(op.source.type)}`);
      }
      return undefined;
    },
    interfaces: [implement(MaskableOpInterface, { getExpectedMaskType: (op: Operation) => maskOf(op.getOperand(0).type) })],
  },
);
export type MultiDimReductionOp = InstanceType<typeof MultiDimReductionOp>;

// ---- outerproduct ----------------------------------------------------------------------------------------------

export const OuterProductOp = defineOp(
  {
    name: "vector.outerproduct",
    summary: "vector outerproduct with optional fused add",
    operands: { lhs: AnyVector, rhs: AnyType, acc: variadic(AnyVector) },
    results: { result: AnyVector },
    attributes: { kind: defaultKind },
    traits: [Pure],
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        p.printOperands([op.lhs, op.rhs]);
        if (op.acc.length > 0) {
          p.print(", ");
          p.printOperands(op.acc);
          p.printOptionalAttrDict(op.attributes);
        }
        p.print(" : ");
        p.printType(op.lhs.type);
        p.print(", ");
        p.printType(op.rhs.type);
      },
      parse(p, state) {
        const start = p.pos();
        const operands = p.parseOperandList("none");
        p.parseOptionalAttrDict(state.attributes);
        const lhsType = p.parseColonType();
        p.parsePunct(",");
        const rhsType = p.parseType();
        if (operands.length < 2) return p.error("expected at least 2 operands", start);
        if (!(lhsType instanceof VectorType)) return p.error("expected vector type for operand #1", start);
        // As MLIR 16, which counts scalable dims: the result's trailing dims are scalable, as many as the operands'.
        const scalableCount = (t: Type) => (t instanceof VectorType ? t.scalableDims.filter((x) => x).length : 0);
        const count = scalableCount(lhsType) + scalableCount(rhsType);
        const shape = rhsType instanceof VectorType ? [lhsType.shape[0] as number, rhsType.shape[0] as number] : [lhsType.shape[0] as number];
        const resType = VectorType.get(shape, lhsType.elementType, shape.map((_, i) => i >= shape.length - count));
        if (!state.attributes.has("kind")) state.attributes.set("kind", CombiningKindAttr.of("add"));
        const types = [lhsType, rhsType, resType].slice(0, Math.min(operands.length, 3));
        state.operands.push(...p.resolveOperands(operands.slice(0, 3), types, start));
        state.resultTypes.push(resType);
      },
    },
    verify(op) {
      const lhs = op.lhs.type;
      const rhs = op.rhs.type;
      const res = op.result.type;
      if (lhs.elementType !== res.elementType) return opError(op, "failed to verify that lhs operand and result have same element type");
      if (elementTypeOrSelf(rhs) !== res.elementType) return opError(op, "failed to verify that rhs operand and result have same element type");
      if (lhs.rank !== 1) return opError(op, "expected 1-d vector for operand #1");
      if (rhs instanceof VectorType) {
        if (rhs.rank !== 1) return opError(op, "expected 1-d vector for operand #2");
        if (res.rank !== 2) return opError(op, "expected 2-d vector result");
        if (lhs.shape[0] !== res.shape[0]) return opError(op, "expected #1 operand dim to match result dim #1");
        if (rhs.shape[0] !== res.shape[1]) return opError(op, "expected #2 operand dim to match result dim #2");
        if (rhs.isScalable !== lhs.isScalable) return opError(op, "expected either all or none of vector operands #1 and #2 to be scalable");
      } else {
        if (res.rank !== 1) return opError(op, "expected 1-d vector result");
        if (lhs.shape[0] !== res.shape[0]) return opError(op, "expected #1 operand dim to match result dim #1");
      }
      const acc = op.acc[0];
      if (acc !== undefined && acc.type !== res) return opError(op, "expected operand #3 of same type as result type");
      if (!isSupportedCombiningKind(combiningKindOf(op.kind), res.elementType)) return opError(op, "unsupported outerproduct type");
      return undefined;
    },
  },
);
export type OuterProductOp = InstanceType<typeof OuterProductOp>;

// ---- scan --------------------------------------------------------------------------------------------------------

export const ScanOp = defineOp(
  {
    name: "vector.scan",
    summary: "Scan operation",
    operands: { source: AnyVector, initial_value: AnyVectorOfAnyRank },
    results: { dest: AnyVector, accumulated_value: AnyVectorOfAnyRank },
    attributes: { kind: CombiningKindAttrC, reduction_dim: I64Attr, inclusive: BoolAttrC },
    traits: [Pure],
    allTypesMatch: [
      ["source", "dest"],
      ["initial_value", "accumulated_value"],
    ],
    format: "$kind `,` $source `,` $initial_value attr-dict `:` type($source) `,` type($initial_value)",
    resultNames: () => ["dest", "accumulated_value"],
  },
  {
    verify(op) {
      const src = op.source.type;
      const init = op.initial_value.type;
      const dim = Number(op.reduction_dim.value);
      if (dim >= src.rank) return opError(op, `reduction dimension ${dim} has to be less than ${src.rank}`);
      if (init.rank !== src.rank - 1) return opError(op, `initial value rank ${init.rank} has to be equal to ${src.rank - 1}`);
      const expected = src.shape.filter((_, i) => i !== dim);
      if (expected.length !== init.rank || expected.some((d, i) => d !== init.shape[i])) return opError(op, "incompatible input/initial value shapes");
      const elt = op.dest.type.elementType;
      const kind = combiningKindOf(op.kind);
      if (!isSupportedCombiningKind(kind, elt)) return opError(op, `unsupported reduction type ${quotedType(elt)} for kind '${kind}'`);
      return undefined;
    },
  },
);
export type ScanOp = InstanceType<typeof ScanOp>;

// ---- flat matrix intrinsics ---------------------------------------------------------------------------------------

export const MatmulOp = defineOp(
  {
    name: "vector.matrix_multiply",
    summary: "Vector matrix multiplication op that operates on flattened 1-D MLIR vectors",
    operands: { lhs: MatrixVector, rhs: MatrixVector },
    results: { res: MatrixVector },
    attributes: { lhs_rows: I32Attr, lhs_columns: I32Attr, rhs_columns: I32Attr },
    traits: [Pure],
    format: "$lhs `,` $rhs attr-dict `:` `(` type($lhs) `,` type($rhs) `)` `->` type($res)",
  },
  {
    verify(op) {
      if (op.lhs.type.elementType !== op.res.type.elementType) return opError(op, "failed to verify that lhs operand and result have same element type");
      if (op.rhs.type.elementType !== op.res.type.elementType) return opError(op, "failed to verify that rhs operand and result have same element type");
      return undefined;
    },
  },
);
export type MatmulOp = InstanceType<typeof MatmulOp>;

export const FlatTransposeOp = defineOp(
  {
    name: "vector.flat_transpose",
    summary: "Vector matrix transposition on flattened 1-D MLIR vectors",
    operands: { matrix: MatrixVector },
    results: { res: MatrixVector },
    attributes: { rows: I32Attr, columns: I32Attr },
    traits: [Pure],
    format: "$matrix attr-dict `:` type($matrix) `->` type($res)",
  },
  {
    verify: (op) =>
      op.matrix.type.elementType === op.res.type.elementType
        ? undefined
        : opError(op, "failed to verify that source operand and result have same element type"),
  },
);
export type FlatTransposeOp = InstanceType<typeof FlatTransposeOp>;
