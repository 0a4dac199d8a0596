/**
 * The checks of TOSA ops beyond their type constraints, with MLIR 16's messages: the ResultsBroadcastableShape
 * trait (elementwise binary ops), the convolution and pooling verifiers, reshape's element count, and the
 * SizedRegion / SingleBlockImplicitTerminator<"tosa.yield"> rules of cond_if and while_loop.
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, FloatType, IntegerType, RankedTensorType, type Type, isDynamic } from "../../src/ir/types.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";

const shapeString = (shape: readonly number[]): string => `'${shape.map((d) => (isDynamic(d) ? "?" : String(d))).join("x")}'`;

/**
 * MLIR's getBroadcastedShape (the trait's rule, laxer than TOSA's own shape inference): right-aligned; a
 * dynamic dim takes the other's size when that is greater than 1.
 */
export function traitBroadcast(a: readonly number[], b: readonly number[]): number[] | undefined {
  const out = [...(a.length > b.length ? a : b)];
  for (let i = a.length - 1, j = b.length - 1, k = out.length - 1; i >= 0 && j >= 0; i--, j--, k--) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (isDynamic(x) || isDynamic(y)) {
      if (x > 1) out[k] = x;
      else if (y > 1) out[k] = y;
      else if (x === 1) out[k] = y;
      else if (y === 1) out[k] = x;
      else out[k] = DYNAMIC;
    } else if (x === y || y === 1) out[k] = x;
    else if (x === 1) out[k] = y;
    else return undefined;
  }
  return out;
}

/** OpTrait::ResultsBroadcastableShape. */
export function verifyResultsBroadcastable(op: Operation): Diagnostic | undefined {
  const ranked = op.operands.map((v) => v.type).filter((t): t is RankedTensorType => t instanceof RankedTensorType);
  if (ranked.length === 0) return undefined;
  let shape: number[] | undefined = [...(ranked[0] as RankedTensorType).shape];
  for (const t of ranked) {
    shape = traitBroadcast(shape, t.shape);
    if (shape === undefined) return opError(op, "operands don't have broadcast-compatible shapes");
  }
  for (const r of op.results) {
    if (!(r.type instanceof RankedTensorType)) continue;
    const actual = r.type.shape.slice(Math.max(0, r.type.shape.length - shape.length));
    const compatible = actual.length === shape.length && actual.every((d, i) => isDynamic(d) || isDynamic(shape[i] as number) || d === shape[i]);
    if (!compatible) {
      return opError(op, `result type ${shapeString(r.type.shape)} not broadcast compatible with broadcasted operands's shapes ${shapeString(shape)}`);
    }
  }
  return undefined;
}

const elementType = (t: Type): Type | undefined => ("elementType" in t ? (t as { elementType: Type }).elementType : undefined);

/** verifyConvOp: float input and weight, or integer ones with quantization info. */
export function verifyConvOp(op: Operation): Diagnostic | undefined {
  const input = op.getOperand(0).type;
  const weight = op.getOperand(1).type;
  if (!(input instanceof RankedTensorType)) return opError(op, "expect a ranked tensor for input");
  if (!(weight instanceof RankedTensorType)) return opError(op, "expect a ranked tensor for weight");
  const inputQuant = !(input.elementType instanceof FloatType);
  const weightQuant = !(weight.elementType instanceof FloatType);
  if (inputQuant !== weightQuant) {
    return opError(op, `expect both input and weight to be float or not together, got ${quotedType(input.elementType)} and ${quotedType(weight.elementType)}`);
  }
  if (inputQuant !== (op.attr("quantization_info") !== undefined)) {
    return opError(op, "quantizationattr is required for quantized type, and not allowed for float type");
  }
  return undefined;
}

/** avg_pool2d: f32 -> f32, i8 -> i8 or i16 -> i16. */
export function verifyAvgPool2d(op: Operation): Diagnostic | undefined {
  const input = elementType(op.getOperand(0).type);
  const output = elementType(op.getResult(0).type);
  const is = (t: Type | undefined, w: number): boolean => t instanceof IntegerType && t.width === w;
  if (input instanceof FloatType && input.name === "f32" && output instanceof FloatType && output.name === "f32") return undefined;
  if ((is(input, 8) && is(output, 8)) || (is(input, 16) && is(output, 16))) return undefined;
  return opError(op, "input/output element types are incompatible.");
}

/** reshape: static shapes hold the same number of elements. */
export function verifyReshape(op: Operation): Diagnostic | undefined {
  const input = op.getOperand(0).type;
  const output = op.getResult(0).type;
  if (!(input instanceof RankedTensorType) || !(output instanceof RankedTensorType)) return undefined;
  if (input.shape.some(isDynamic) || output.shape.some(isDynamic)) return undefined;
  const count = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);
  if (count(input.shape) !== count(output.shape)) return opError(op, `Cannot reshape ${count(input.shape)} elements into ${count(output.shape)}`);
  return undefined;
}

/** SizedRegion<1> on each region, then SingleBlockImplicitTerminator<"tosa.yield">. */
export function verifyYieldRegions(op: Operation): Diagnostic | undefined {
  const names = op.name === "tosa.cond_if" ? ["then_branch", "else_branch"] : ["cond", "body"];
  for (const [i, region] of op.regions.entries()) {
    if (region.blocks.length !== 1) return opError(op, `region #${i} ('${names[i] ?? ""}') failed to verify constraint: region with 1 blocks`);
  }
  for (const region of op.regions) {
    const last = region.blocks[0]?.last;
    if (last?.name !== "tosa.yield") {
      return opError(op, `expects regions to end with 'tosa.yield', found '${last?.name ?? ""}'`);
    }
  }
  return undefined;
}
