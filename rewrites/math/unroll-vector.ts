/**
 * An elementwise math op on a vector, split into the same op on each element (MLIR 16's VecOpToScalarOp, which
 * math-to-funcs and math-to-libm share): for what has a scalar lowering only (a libm call, an outlined power
 * function). The scalar ops are built bare, without the vector op's attributes, as MLIR builds them.
 *
 *   %r = math.tan %v : vector<2xf32>    ->   %z = arith.constant dense<0.000000e+00> : vector<2xf32>
 *                                            %v0 = vector.extract %v[0] : vector<2xf32>
 *                                            %t0 = math.tan %v0 : f32
 *                                            %r0 = vector.insert %t0, %z [0] : f32 into vector<2xf32>
 *                                            ... and so on for [1]; %r is the last insert
 */
import { DenseElementsAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import type { MatchResult, PatternRewriter } from "../../src/rewrite/pattern.ts";
import { ConstantOp } from "../../dialects/arith/index.ts";
import { ExtractOp, i64Array, InsertOp } from "../../dialects/vector/index.ts";

// biome-ignore lint/suspicious/noExplicitAny: the operands of any elementwise op.
type V = Value<any>;

const elementOf = (type: Type): Type => (type instanceof VectorType ? type.elementType : type);

/** The row-major positions of a shape's elements. */
function positions(shape: readonly number[]): number[][] {
  const count = shape.reduce((a, b) => a * b, 1);
  return Array.from({ length: count }, (_, linear) => {
    const at: number[] = [];
    let rest = linear;
    for (let d = shape.length - 1; d >= 0; d--) {
      at.unshift(rest % shape[d]!);
      rest = Math.floor(rest / shape[d]!);
    }
    return at;
  });
}

/** Replaces `op` (one result, elementwise, on fixed-size vectors) by its scalar form per element. */
export function unrollToScalars(op: Operation, rw: PatternRewriter): MatchResult {
  const type = op.getResult(0).type;
  if (!(type instanceof VectorType)) return rw.fail("not a vector operation");
  if (type.scalableDims?.some((s: boolean) => s) === true) return rw.fail("a scalable vector");
  rw.setInsertionPointBefore(op);
  let result: V = rw.create(ConstantOp, { value: DenseElementsAttr.splat(type, 0) }).result;
  const OpClass = op.constructor as typeof Operation;
  for (const at of positions(type.shape)) {
    const position = i64Array(at);
    const operands = op.operands.map((v: V): V => rw.create(ExtractOp, { vector: v, position, result: elementOf(v.type) }).getResult());
    const scalar = rw.insert(OpClass.create({ name: op.name, operands, resultTypes: [type.elementType], loc: op.loc }));
    result = rw.create(InsertOp, { source: scalar.getResult(0), dest: result, position, res: type }).getResult();
  }
  rw.replaceOp(op, [result]);
  return rw.done();
}
