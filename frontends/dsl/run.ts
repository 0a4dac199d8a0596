/**
 * Runs a traced function in Tensile's interpreter: the IR's meaning (TOSA's or Linalg's semantics, each
 * op rounding to its element type), as opposed to `evaluate`, the graph's own meaning in double precision.
 *
 *   const [out] = interpretTraced(traced, { x: Float64Array.of(...), "layers.0.w": ... });
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { FloatBuffer, IntBuffer, interpret, type RuntimeValue, shapedFromBuffer } from "../../src/interp/index.ts";
import { funcName } from "../../dialects/func/index.ts";
import { tensorTypeOf } from "./emit-common.ts";
import { DslError, shapeText } from "./graph.ts";
import type { Traced, TracedValue } from "./trace.ts";

/** A value of a traced argument as the interpreter takes it (floats rounded to f32 for f32 arguments). */
function argumentValue(arg: TracedValue, data: ArrayLike<number> | undefined): RuntimeValue {
  if (data === undefined) throw new DslError("interpret", `no value for argument '${arg.name}' (${arg.dtype} ${shapeText(arg.shape)})`, undefined);
  const n = arg.shape.reduce((p, d) => p * d, 1);
  if (data.length !== n) throw new DslError("interpret", `'${arg.name}' is ${arg.dtype} ${shapeText(arg.shape)} (${n} elements) but has ${data.length} values`, undefined);
  const type = tensorTypeOf(arg.dtype, arg.shape);
  switch (arg.dtype) {
    case "f64":
      return shapedFromBuffer(type, new FloatBuffer(Float64Array.from(data)));
    case "f32":
      return shapedFromBuffer(type, new FloatBuffer(Float64Array.from(data, Math.fround)));
    case "i1":
    case "i8":
    case "i16":
    case "i32":
    case "i64":
      return shapedFromBuffer(type, new IntBuffer(BigInt64Array.from(Array.from(data, (v) => BigInt(Math.trunc(v))))));
    default:
      throw new DslError("interpret", `arguments of ${arg.dtype} are not supported yet`, undefined);
  }
}

/** The elements of a result as doubles (integers converted). */
function resultData(v: RuntimeValue, name: string): Float64Array {
  if (v.kind !== "shaped") throw new DslError("interpret", `result '${name}' is not a tensor`, undefined);
  const buffer = v.elements;
  if (buffer instanceof FloatBuffer && buffer.isPlain) return Float64Array.from(buffer.data);
  return Float64Array.from(buffer.toArray(), (e) => (typeof e === "bigint" ? Number(e) : typeof e === "number" ? e : NaN));
}

/**
 * Interprets the traced function on values given by argument name (`traced.arguments`); returns the results
 * as doubles. An interpreter error (undefined behaviour, a missing semantics) is a DslError with its diagnostic.
 */
export function interpretTraced(traced: Traced, values: Readonly<Record<string, ArrayLike<number>>>, maxSteps = 1_000_000): Float64Array[] {
  const args = traced.arguments.map((a) => argumentValue(a, values[a.name]));
  const r = interpret(traced.module, funcName(traced.func), args, { ctx: traced.ctx, maxSteps });
  if (isLeft(r)) throw new DslError("interpret", `${r.left.kind}: ${renderDiagnostic(r.left.diagnostic)}`, undefined);
  return r.right.map((v, i) => resultData(v, traced.results[i]?.name ?? `${i}`));
}
