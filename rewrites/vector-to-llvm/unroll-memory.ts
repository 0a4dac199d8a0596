/**
 * n-D vector memory ops unrolled into 1-D ones before the conversion, which accesses memory one 1-D vector at a
 * time (the llvm type of an n-D vector is an array of 1-D vectors, not a contiguous vector in memory).
 * MLIR 16's convert-vector-to-llvm leaves n-D vector.load / vector.store unconverted; Tensile unrolls them, row
 * by row, each row at the indices moved along the memref dims the vector's leading dims cover. n-D gathers
 * unroll as MLIR 16's VectorGatherOpConversion does for them (one 1-D gather per row of the index vector, mask
 * and pass_thru, all from the same base). Before/after IR on each pattern.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { IndexType, MemRefType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import * as A from "../../dialects/arith/index.ts";
import * as V from "../../dialects/vector/index.ts";
import { VecAt } from "./lower-vector.ts";

/** `index + delta` before the op (the index itself for 0). */
function offset(u: VecAt, index: Value, delta: number): Value {
  if (delta === 0) return index;
  const c = u.constant(IndexType.get(), IntegerAttr.get(IndexType.get(), delta));
  return u.op(A.AddIOp, [index, c], [IndexType.get()]);
}

/** Row-major positions of the leading (all but the last) dims of `shape`. */
function rows(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const d of shape.slice(0, -1)) out = out.flatMap((p) => Array.from({ length: d }, (_, i) => [...p, i]));
  return out;
}

/** The indices of row `p` of an n-D access at `indices`: the memref dims the vector's leading dims cover moved by `p`. */
function rowIndices(u: VecAt, indices: readonly Value[], p: readonly number[]): Value[] {
  const first = indices.length - (p.length + 1);
  return indices.map((idx, d) => (d >= first && d < indices.length - 1 ? offset(u, idx, p[d - first] as number) : idx));
}

/** Whether the memref holds scalars (a memref of vectors is read vector by vector, not unrolled). */
const scalarMemRef = (t: Type): boolean => t instanceof MemRefType && !(t.elementType instanceof VectorType);

/**
 * An n-D vector.load -> one 1-D load per row, inserted into a zero vector.
 *
 *   Before: %v = vector.load %m[%i, %j] : memref<4x8xf32>, vector<2x4xf32>
 *   After:  %z = arith.constant dense<0.000000e+00> : vector<2x4xf32>
 *           %0 = vector.load %m[%i, %j] : memref<4x8xf32>, vector<4xf32>
 *           %1 = vector.insert %0, %z [0] : vector<4xf32> into vector<2x4xf32>
 *           %c1 = arith.constant 1 : index
 *           %i1 = arith.addi %i, %c1 : index
 *           %2 = vector.load %m[%i1, %j] : memref<4x8xf32>, vector<4xf32>
 *           %v = vector.insert %2, %1 [1] : vector<4xf32> into vector<2x4xf32>
 */
export const unrollLoad = rewrite({
  name: "vector.load-nd-unroll",
  root: V.LoadOp,
  apply(op, rw) {
    const type = op.result.type;
    if (type.rank < 2) return rw.fail("0-D and 1-D loads are lowered directly");
    if (!scalarMemRef(op.base.type)) return rw.fail("not a memref of scalars");
    const u = new VecAt(rw, op);
    const row = VectorType.get([type.shape.at(-1) as number], type.elementType);
    let acc = u.zeros(type);
    for (const p of rows(type.shape)) acc = u.insert(u.op(V.LoadOp, [op.base, ...rowIndices(u, op.indices, p)], [row]), acc, p);
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/**
 * An n-D vector.store -> one 1-D store per row.
 *
 *   Before: vector.store %v, %m[%i, %j] : memref<4x8xf32>, vector<2x4xf32>
 *   After:  %0 = vector.extract %v[0] : vector<2x4xf32>
 *           vector.store %0, %m[%i, %j] : memref<4x8xf32>, vector<4xf32>
 *           %c1 = arith.constant 1 : index
 *           %i1 = arith.addi %i, %c1 : index
 *           %1 = vector.extract %v[1] : vector<2x4xf32>
 *           vector.store %1, %m[%i1, %j] : memref<4x8xf32>, vector<4xf32>
 */
export const unrollStore = rewrite({
  name: "vector.store-nd-unroll",
  root: V.StoreOp,
  apply(op, rw) {
    const type = op.valueToStore.type;
    if (type.rank < 2) return rw.fail("0-D and 1-D stores are lowered directly");
    if (!scalarMemRef(op.base.type)) return rw.fail("not a memref of scalars");
    const u = new VecAt(rw, op);
    for (const p of rows(type.shape)) {
      const indices = rowIndices(u, op.indices, p);
      u.build(V.StoreOp, [u.extract(op.valueToStore, p), op.base, ...indices], []);
    }
    rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * An n-D vector.gather -> one 1-D gather per row of the index vector, mask and pass_thru, from the same base.
 *
 *   Before: %g = vector.gather %m[%i] [%iv], %mask, %pt : memref<?xf32>, vector<2x4xi32>, vector<2x4xi1>, vector<2x4xf32> into vector<2x4xf32>
 *   After:  %z = arith.constant dense<0.000000e+00> : vector<2x4xf32>
 *           %0 = vector.extract %iv[0] ...  %1 = vector.extract %mask[0] ...  %2 = vector.extract %pt[0] ...
 *           %3 = vector.gather %m[%i] [%0], %1, %2 : memref<?xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
 *           %4 = vector.insert %3, %z [0] ...   (row 1 likewise)
 */
export const unrollGather = rewrite({
  name: "vector.gather-nd-unroll",
  root: V.GatherOp,
  apply(op, rw) {
    const type = op.result.type;
    if (type.rank < 2) return rw.fail("1-D gathers are lowered directly");
    if (!(op.base.type instanceof MemRefType)) return rw.fail("the base is not a memref");
    const u = new VecAt(rw, op);
    const row = VectorType.get([type.shape.at(-1) as number], type.elementType);
    let acc = u.zeros(type);
    for (const p of rows(type.shape)) {
      const operands = [op.base, ...op.indices, u.extract(op.index_vec, p), u.extract(op.mask, p), u.extract(op.pass_thru, p)];
      acc = u.insert(u.op(V.GatherOp, operands, [row]), acc, p);
    }
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/** The unrollings of n-D memory ops (the greedy phase). */
export const unrollMemoryPatterns: readonly Pattern[] = [unrollLoad, unrollStore, unrollGather];
