/**
 * Building blocks the TOSA lowerings share (tosa-to-linalg, tosa-to-linalg-named, tosa-to-tensor, tosa-to-arith):
 * scalar ops by kind, constants, `tensor.empty`, `linalg.fill`, reshapes and `linalg.generic` with a payload
 * written as a function of its block arguments:
 *
 *   const init = emptyTensor(b, resultType);
 *   const sum = generic(b, { inputs: [x, y], inits: [init], maps: [id, id, id], iterators: ["parallel", ...] },
 *     (b, [a, c]) => [scalar(b, AddFOp, [a, c], a.type)]);
 *
 * Ops are built through the generic constructor (operands, result types, attributes), so payload code can combine
 * values whose types are only known at run time; the verifier checks each op afterwards.
 */
import { type Attribute, DenseArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { type Builder, InsertionPoint } from "../../src/ir/builder.ts";
import { Block, type Operation, Region } from "../../src/ir/operation.ts";
import { FloatType, IndexType, IntegerType, RankedTensorType, type Type, i32, index } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { ConstantOp } from "../../dialects/arith/index.ts";
import { GenericOp, type IteratorType, YieldOp, buildNamedOp, iteratorTypesAttr } from "../../dialects/linalg/index.ts";
import { CollapseShapeOp, EmptyOp, ExpandShapeOp, reassociationAttr } from "../../dialects/tensor/index.ts";
import { affineMapArrayAttr } from "../../dialects/linalg/structured-common.ts";
import { OPERAND_SEGMENT_SIZES } from "../../dialects/linalg/structured-asm.ts";

/** An op class (what `defineOp` returns): constructible from an OperationInit. */
export type OpKindClass = { new (init: ConstructorParameters<typeof GenericOp>[0]): Operation; readonly info: { readonly name: string } | undefined };

/** Builds op kind `def` on `operands` with `resultTypes` (and attributes) at the builder's point and location. */
export function build(b: Builder, def: OpKindClass, operands: readonly Value[], resultTypes: readonly Type[], attributes: Readonly<Record<string, Attribute>> = {}): Operation {
  return b.insert(new def({ operands, resultTypes, attributes, regions: [], successors: [], loc: b.loc }));
}

/** A one-result op of kind `def` (arith, math): its result. */
export const scalar = (b: Builder, def: OpKindClass, operands: readonly Value[], resultType: Type, attributes: Readonly<Record<string, Attribute>> = {}): Value =>
  build(b, def, operands, [resultType], attributes).getResult(0);

/** `arith.constant` of an attribute (its type is the value's). */
export function constant(b: Builder, value: Attribute, type: Type): Value {
  return build(b, ConstantOp as unknown as OpKindClass, [], [type], { value }).getResult(0);
}

/** `arith.constant` of a number of a scalar type (integers as BigInt-safe numbers or BigInts). */
export function constantOf(b: Builder, type: Type, value: number | bigint): Value {
  if (type instanceof FloatType) return constant(b, FloatAttr.get(type, Number(value)), type);
  if (type instanceof IntegerType || type instanceof IndexType) return constant(b, IntegerAttr.get(type, typeof value === "bigint" ? value : BigInt(value)), type);
  throw new Error(`no scalar constant of type ${String(type)}`);
}

export const constantIndex = (b: Builder, value: number): Value => constantOf(b, index, value);

/** `tensor.empty` of a static tensor type. */
export function emptyTensor(b: Builder, type: RankedTensorType): Value {
  return build(b, EmptyOp as unknown as OpKindClass, [], [type]).getResult(0);
}

/** `linalg.fill ins(%value) outs(%init)`. */
export function fill(b: Builder, value: Value, init: Value): Value {
  return b.insert(buildNamedOp("linalg.fill", { inputs: [value], outputs: [init] }, b.loc)).getResult(0);
}

/** A tensor.empty of `type` filled with `value`. */
export const filledTensor = (b: Builder, type: RankedTensorType, value: Value): Value => fill(b, value, emptyTensor(b, type));

export const parallel = (n: number): IteratorType[] => Array.from({ length: n }, () => "parallel" as const);

export const identityMap = (rank: number): AffineMap => AffineMap.multiDimIdentity(rank);

export interface GenericSpec {
  readonly inputs: readonly Value[];
  readonly inits: readonly Value[];
  readonly maps: readonly AffineMap[];
  readonly iterators: readonly IteratorType[];
}

const elementTypeOf = (v: Value): Type => (v.type instanceof RankedTensorType ? v.type.elementType : v.type);

/**
 * `linalg.generic` over `spec`, its payload built by `body` from the block arguments (inputs' elements, then
 * inits'); `body` returns the values to yield. Results have the inits' types.
 */
export function generic(b: Builder, spec: GenericSpec, body: (b: Builder, args: readonly Value[]) => readonly Value[]): Operation {
  const block = new Block([...spec.inputs, ...spec.inits].map(elementTypeOf), [...spec.inputs, ...spec.inits].map(() => b.loc));
  const op = new GenericOp({
    operands: [...spec.inputs, ...spec.inits],
    resultTypes: spec.inits.map((v) => v.type),
    attributes: new Map<string, Attribute>([
      ["indexing_maps", affineMapArrayAttr(spec.maps)],
      ["iterator_types", iteratorTypesAttr(spec.iterators)],
      [OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(i32, [spec.inputs.length, spec.inits.length])],
    ]),
    regions: [new Region([block])],
    successors: [],
    loc: b.loc,
  });
  b.insert(op);
  b.at(InsertionPoint.atEnd(block), () => {
    const yielded = body(b, block.args);
    build(b, YieldOp as unknown as OpKindClass, yielded, []);
  });
  return op;
}

/** `tensor.collapse_shape` of `v` to `type` with the given groups. */
export const collapseShape = (b: Builder, v: Value, type: RankedTensorType, groups: readonly (readonly number[])[]): Value =>
  build(b, CollapseShapeOp as unknown as OpKindClass, [v], [type], { reassociation: reassociationAttr(groups) }).getResult(0);

/** `tensor.expand_shape` of `v` to `type` with the given groups. */
export const expandShape = (b: Builder, v: Value, type: RankedTensorType, groups: readonly (readonly number[])[]): Value =>
  build(b, ExpandShapeOp as unknown as OpKindClass, [v], [type], { reassociation: reassociationAttr(groups) }).getResult(0);

/**
 * MLIR 16's createReassociationMapsForCollapse: how the dims of `src` group into the dims of the smaller-rank
 * `dst` (each group's product is its dim; unit dims after a group join it unless the next dst dim is 1).
 * Undefined when the shapes do not group that way.
 */
export function collapseGroups(src: readonly number[], dst: readonly number[]): number[][] | undefined {
  if (dst.length === 0) return src.every((d) => d === 1) ? [] : undefined;
  const groups: number[][] = dst.map(() => []);
  let s = 0;
  let d = 0;
  while (s < src.length && d < dst.length) {
    const want = dst[d] as number;
    let have = src[s] as number;
    const group = groups[d] as number[];
    while (have < want && s < src.length) {
      group.push(s++);
      have *= src[s] ?? 1;
    }
    if (have === want && s < src.length) {
      group.push(s++);
      if (d === dst.length - 1 || dst[d + 1] !== 1) while (s < src.length && src[s] === 1) group.push(s++);
    }
    d++;
  }
  if (s !== src.length || d !== dst.length || groups.some((g) => g.length === 0)) return undefined;
  return groups;
}

/**
 * Reshapes `v` (static shape) to `shape` through tensor.collapse_shape / expand_shape, as MLIR 16's reshape
 * lowering does: one collapse or one expand when the dims group, else a collapse to the shape both group into
 * (rank 1 at worst) and an expand from it. Returns `v` itself for the same shape.
 */
export function reshapeTo(b: Builder, v: Value, shape: readonly number[]): Value {
  const from = v.type as RankedTensorType;
  const to = RankedTensorType.get(shape, from.elementType);
  if (from === to) return v;
  if (shape.length < from.rank) {
    const g = collapseGroups(from.shape, shape);
    if (g !== undefined) return collapseShape(b, v, to, g);
  } else if (shape.length > from.rank) {
    const g = collapseGroups(shape, from.shape);
    if (g !== undefined) return expandShape(b, v, to, g);
  }
  const mid = intermediateShape(from.shape, shape);
  const midType = RankedTensorType.get(mid, from.elementType);
  const collapsed = midType === from ? v : collapseShape(b, v, midType, collapseGroups(from.shape, mid) as number[][]);
  return midType === to ? collapsed : expandShape(b, collapsed, to, collapseGroups(shape, mid) as number[][]);
}

/** The coarsest shape both `a` and `b` collapse into (MLIR's findIntermediateShape), else their element count. */
function intermediateShape(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    let [x, y] = [a[i] as number, b[j] as number];
    while (x !== y && i < a.length && j < b.length) {
      if (x < y) x *= a[++i] ?? 1;
      else y *= b[++j] ?? 1;
    }
    if (x === y) out.push(x);
    i++;
    j++;
  }
  const fits = a.slice(i).every((d) => d === 1) && b.slice(j).every((d) => d === 1);
  const n = a.reduce((p, d) => p * d, 1);
  if (!fits || collapseGroups(a, out) === undefined || collapseGroups(b, out) === undefined) return n === 1 && (a.length === 0 || b.length === 0) ? [] : [n];
  return out;
}

/** The elements of a constant tensor operand (tosa.const or arith.constant) as numbers, or undefined. */
export function constantInts(v: Value): number[] | undefined {
  const value = v.definingOp?.attr("value");
  if (!(value instanceof DenseElementsAttr)) return undefined;
  const n = (v.type as RankedTensorType).shape.reduce((a, d) => a * d, 1);
  return Array.from({ length: n }, (_, i) => Number(value.data.length === 1 ? value.data[0] : value.data[i]));
}

export { AffineMap };
