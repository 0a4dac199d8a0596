/**
 * `sparse<indices, values> : tensor<4x4xf32>`: MLIR's SparseElementsAttr, a constant that is zero except at
 * the listed coordinates.
 *
 * `indices` holds the coordinates of the N listed elements as i64, shape [N, rank] (or [N] when the type has
 * rank 1); `values` holds their N values, shape [N], of the type's element type. Either may be a splat (one
 * coordinate list for all N, one value for all N), as the printer then writes it (`sparse<0, 5>`).
 */
import { Attribute, DenseElementsAttr } from "./attributes.ts";
import { check, typeArg, type VerifyResult } from "./checked.ts";
import type { RankedTensorType, VectorType } from "./types.ts";
import { i64 } from "./types.ts";
import { InternTable, mix } from "./uniquer.ts";

/** Weak: the indices and values may be large. */
const sparseElementsAttrs = new InternTable<SparseElementsAttr>("weak");

export class SparseElementsAttr extends Attribute {
  readonly kind = "sparse";
  private constructor(
    id: number,
    readonly type: RankedTensorType | VectorType,
    readonly indices: DenseElementsAttr,
    readonly values: DenseElementsAttr,
  ) {
    super(id);
  }

  /**
   * MLIR 16's checks: values are 1-D, the indices are [N, rank] (or [N] for rank 1) with as many rows as there
   * are values, and every coordinate (read as unsigned, as MLIR reads it) lies within the type's shape. Also
   * Tensile's: indices are i64 and the values have the type's element type (MLIR's builders assume both).
   */
  static verify(type: RankedTensorType | VectorType, indices: DenseElementsAttr, values: DenseElementsAttr): VerifyResult {
    const indexType = indices.type.elementType;
    if (indexType !== i64) return ["expected i64 sparse indices, not ", typeArg(indexType)];
    if (values.type.elementType !== type.elementType) {
      return ["expected sparse values of the element type ", typeArg(type.elementType), ", not ", typeArg(values.type.elementType)];
    }
    const valuesShape = values.type.shape;
    if (valuesShape.length !== 1) return ["expected 1-d tensor for sparse element values"];
    const indicesShape = indices.type.shape;
    const rank = type.shape.length;
    const shapeError: VerifyResult = [
      `expected shape ([${type.shape.join(", ")}]); inferred shape of indices literal ([${indicesShape.join(", ")}]); ` +
        `inferred shape of values literal ([${valuesShape.join(", ")}])`,
    ];
    if (indicesShape.length === 2) {
      if (indicesShape[1] !== rank) return shapeError;
    } else if (indicesShape.length !== 1 || rank !== 1) {
      return shapeError;
    }
    const count = indicesShape[0] as number;
    if (count !== valuesShape[0]) return shapeError;
    // A splat holds one coordinate for every position; checking it once is enough.
    for (let i = 0; i < (indices.isSplat ? Math.min(count, 1) : count); i++) {
      const index = coordinates(indices, rank, i);
      if (index.some((c, d) => c >= BigInt(type.shape[d] as number))) {
        return [`sparse index #${i} is not contained within the value shape, with index=[${index.join(", ")}], and type=`, typeArg(type)];
      }
    }
    return undefined;
  }

  static get(type: RankedTensorType | VectorType, indices: DenseElementsAttr, values: DenseElementsAttr): SparseElementsAttr {
    check(SparseElementsAttr.verify(type, indices, values));
    return sparseElementsAttrs.intern(
      mix(mix(type.id, indices.id), values.id),
      (a) => a.type === type && a.indices === indices && a.values === values,
      (id) => new SparseElementsAttr(id, type, indices, values),
    );
  }

  /** The number of listed elements (N). */
  get count(): number {
    return this.indices.type.shape[0] as number;
  }
  /** The coordinates of listed element `i` (unsigned). */
  index(i: number): bigint[] {
    return coordinates(this.indices, this.type.shape.length, i);
  }
}

/** Row `i` of the indices, `rank` coordinates read as unsigned 64-bit integers (honouring splats). */
function coordinates(indices: DenseElementsAttr, rank: number, i: number): bigint[] {
  return Array.from({ length: rank }, (_, d) => BigInt.asUintN(64, BigInt(indices.at(i * rank + d))));
}
