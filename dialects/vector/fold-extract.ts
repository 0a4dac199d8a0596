/**
 * The parts of MLIR 16's ExtractOp::fold that look through the op producing the extracted vector and extract
 * from that op's source instead (transposes of ExtractFromInsertTransposeChainState, foldExtractFromBroadcast, foldExtractFromShapeCast,
 * foldExtractFromExtractStrided, foldExtractStridedOpFromInsertChain). Each updates the extract in place (a new
 * source and position) and returns its result, or returns undefined. dialects/vector/fold.ts calls them.
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { type Type, VectorType } from "../../src/ir/types.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";
import { i64Array, i64sOf } from "./attrs.ts";

const rankOf = (t: Type): number => (t instanceof VectorType ? t.rank : 0);
const shapeOf = (t: Type): readonly number[] => (t instanceof VectorType ? t.shape : []);
const sameNumbers = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Points `op` (a vector.extract) at `source` and `position`; its result. */
function retarget(op: Operation, source: Operation["operands"][number], position: readonly number[]): FoldResult {
  op.setOperand(0, source);
  op.setAttr("position", i64Array(position));
  return op.getResult(0);
}

/**
 * An extract of fewer dims than a broadcast's vector source has, whose dims the broadcast did not stretch ->
 * an extract from the source (a stretched unit dim reads its only element, the broadcast's new leading dims
 * are dropped).
 *
 *   %b = vector.broadcast %v : vector<1x4xf32> to vector<2x3x4xf32>
 *   vector.extract %b[1, 2, 3] : vector<2x3x4xf32>        ->  vector.extract %v[0, 3] : vector<1x4xf32>
 *
 * MLIR 16 zeroes the position of a stretched unit dim by its index in the broadcast's result while indexing the
 * extract's position (off by the new leading dims), and builds an extract its verifier rejects (`[1, 2, 1]`
 * above gives `%v[2, 1]`); Tensile maps each source dim to its own position.
 */
function throughBroadcast(op: Operation): FoldResult | undefined {
  const def = op.getOperand(0).definingOp;
  if (def?.name !== "vector.broadcast") return undefined;
  const source = def.getOperand(0);
  const srcShape = shapeOf(source.type);
  const resultShape = shapeOf(op.getResult(0).type);
  if (!(source.type instanceof VectorType) || resultShape.length >= srcShape.length) return undefined;
  // The extracted dims must be the source's trailing dims, unstretched.
  if (!sameNumbers(srcShape.slice(srcShape.length - resultShape.length), resultShape)) return undefined;
  const position = i64sOf(op.attr("position") as Attribute);
  const bcastShape = shapeOf(def.getResult(0).type);
  const lead = bcastShape.length - srcShape.length;
  const srcPosition = srcShape.slice(0, srcShape.length - resultShape.length).map((d, j) => (d === 1 ? 0 : (position[lead + j] as number)));
  return retarget(op, source, srcPosition);
}

/**
 * An extract from a shape_cast whose source ends in the extracted dims -> an extract from the source at the
 * same linear position.
 *
 *   %c = vector.shape_cast %v : vector<2x3x4xf32> to vector<6x4xf32>
 *   vector.extract %c[4] : vector<6x4xf32>                ->  vector.extract %v[1, 1] : vector<2x3x4xf32>
 */
function throughShapeCast(op: Operation): FoldResult | undefined {
  const cast = op.getOperand(0).definingOp;
  if (cast?.name !== "vector.shape_cast") return undefined;
  const source = cast.getOperand(0);
  const srcShape = shapeOf(source.type);
  const resultShape = shapeOf(op.getResult(0).type);
  const r = resultShape.length;
  if (r > srcShape.length || !sameNumbers(srcShape.slice(srcShape.length - r), resultShape)) return undefined;
  const castShape = shapeOf(op.getOperand(0).type);
  const position = i64sOf(op.attr("position") as Attribute);
  let linear = 0;
  position.forEach((p, k) => (linear = linear * (castShape[k] as number) + p));
  const lead = srcShape.slice(0, srcShape.length - r);
  const srcPosition = new Array<number>(lead.length);
  for (let k = lead.length - 1; k >= 0; k--) {
    srcPosition[k] = linear % (lead[k] as number);
    linear = Math.floor(linear / (lead[k] as number));
  }
  return retarget(op, source, srcPosition);
}

/**
 * An extract from an extract_strided_slice that leaves the extracted dims whole -> an extract from the sliced
 * vector at the position plus the slice's offsets.
 *
 *   %s = vector.extract_strided_slice %v {offsets = [1, 0], sizes = [2, 4], strides = [1, 1]} : vector<4x4xf32> to vector<2x4xf32>
 *   vector.extract %s[1] : vector<2x4xf32>               ->  vector.extract %v[2] : vector<4x4xf32>
 */
function throughExtractStridedSlice(op: Operation): FoldResult | undefined {
  const slice = op.getOperand(0).definingOp;
  if (slice?.name !== "vector.extract_strided_slice") return undefined;
  const sliced = slice.getOperand(0);
  const sliceShape = shapeOf(slice.getResult(0).type);
  const fullShape = shapeOf(sliced.type);
  const offsets = [...i64sOf(slice.attr("offsets") as Attribute)];
  // Trailing dims taken whole from 0 do not shift the position.
  while (offsets.length > 0 && offsets[offsets.length - 1] === 0 && sliceShape[offsets.length - 1] === fullShape[offsets.length - 1]) offsets.pop();
  if (rankOf(op.getResult(0).type) > fullShape.length - offsets.length) return undefined;
  const position = i64sOf(op.attr("position") as Attribute).map((p, i) => p + (offsets[i] ?? 0));
  return retarget(op, sliced, position);
}

/**
 * An extract from a chain of insert_strided_slice -> an extract from the inserted vector that holds the whole
 * extracted value; inserts that miss the position are skipped; one that holds part of it stops the search.
 *
 *   %i = vector.insert_strided_slice %s, %d {offsets = [2, 0], strides = [1, 1]} : vector<2x4xf32> into vector<8x4xf32>
 *   vector.extract %i[3] : vector<8x4xf32>               ->  vector.extract %s[1] : vector<2x4xf32>
 */
function throughInsertStridedSlices(op: Operation): FoldResult | undefined {
  const resultRank = rankOf(op.getResult(0).type);
  const position = i64sOf(op.attr("position") as Attribute);
  for (let ins = op.getOperand(0).definingOp; ins?.name === "vector.insert_strided_slice"; ins = ins.getOperand(1).definingOp) {
    const srcShape = shapeOf(ins.getOperand(0).type);
    const destShape = shapeOf(ins.getOperand(1).type);
    const lead = destShape.length - srcShape.length;
    if (resultRank > srcShape.length) return undefined;
    const at = i64sOf(ins.attr("offsets") as Attribute);
    const inside = position.every((p, d) => {
      const start = at[d] as number;
      return start <= p && p < start + (d < lead ? 1 : (srcShape[d - lead] as number));
    });
    if (!inside) continue;
    // The extracted dims must be inserted whole.
    for (let i = 0; i < resultRank; i++) {
      const d = destShape.length - resultRank + i;
      if (srcShape[d - lead] !== destShape[d]) return undefined;
    }
    return retarget(
      op,
      ins.getOperand(0),
      position.flatMap((p, d) => (d < lead ? [] : [p - (at[d] as number)])),
    );
  }
  return undefined;
}

/**
 * An extract from a transpose that only permutes the dims the position names -> an extract from the transposed
 * vector at the permuted position (the transpose part of MLIR's ExtractFromInsertTransposeChainState).
 *
 *   %t = vector.transpose %v, [1, 0, 2] : vector<2x3x4xf32> to vector<3x2x4xf32>
 *   vector.extract %t[2, 1] : vector<3x2x4xf32>           ->  vector.extract %v[1, 2] : vector<2x3x4xf32>
 */
function throughTranspose(op: Operation): FoldResult | undefined {
  const t = op.getOperand(0).definingOp;
  if (t?.name !== "vector.transpose") return undefined;
  const perm = i64sOf(t.attr("transp") as Attribute);
  const position = i64sOf(op.attr("position") as Attribute);
  if (perm.some((p, i) => i >= position.length && p !== i)) return undefined;
  const srcPosition = new Array<number>(position.length);
  position.forEach((p, i) => (srcPosition[perm[i] as number] = p));
  return retarget(op, t.getOperand(0), srcPosition);
}

/** The first of the through-view folds that applies to the vector.extract `op`. */
export function foldExtractThroughViews(op: Operation): FoldResult | undefined {
  return throughTranspose(op) ?? throughBroadcast(op) ?? throughShapeCast(op) ?? throughExtractStridedSlice(op) ?? throughInsertStridedSlices(op);
}
