/**
 * Values on `tensile run`'s command line and in its output: a scalar as a number (true/false for i1), a memref
 * or tensor as a JSON array nested to its rank (a dynamic size is read from the nesting), and results printed
 * one per line — `r0: 2.5`, or `r0: [2x3] 1 2 3 4 5 6` (row-major; f32 with the fewest digits that read back
 * as the same f32, f64 and integers exactly).
 */
import { alignedArray } from "../codegen/aligned.ts";
import { type Arg, arrayTypeOf, type ReturnedArray } from "../codegen/runtime/c-interface.ts";
import { FloatType, IndexType, IntegerType, MemRefType, type Type } from "../src/ir/types.ts";
import { printType } from "../src/text/printer.ts";

/** The sizes of a JSON array nested `rank` deep, or why it is not a rectangular array of that rank. */
function shapeOf(value: unknown, rank: number): number[] | string {
  const shape: number[] = [];
  let level: unknown = value;
  for (let d = 0; d < rank; d++) {
    if (!Array.isArray(level)) return `is nested ${d} deep, not ${rank}`;
    shape.push(level.length);
    level = level[0];
  }
  const check = (v: unknown, d: number): boolean =>
    d === rank ? !Array.isArray(v) : Array.isArray(v) && v.length === shape[d] && v.every((x) => check(x, d + 1));
  return check(value, 0) ? shape : `is not a rectangular array of rank ${rank}`;
}

/** A value from the command line for parameter #`index`, of type `t`. */
export function argFor(text: string, t: Type, index: number): Arg {
  if (t instanceof MemRefType) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`argument #${index}: ${printType(t)} needs a JSON array, got '${text}'`);
    }
    const rank = t.shape.length;
    const shape = shapeOf(json, rank);
    if (typeof shape === "string") throw new Error(`argument #${index}: '${text}' ${shape} (${printType(t)})`);
    t.shape.forEach((d, i) => {
      if (d >= 0 && shape[i] !== d) throw new Error(`argument #${index}: ${printType(t)} needs size ${d} in dimension ${i}, got ${shape[i]}`);
    });
    const flat = rank === 0 ? [json as number | boolean] : ((json as unknown[]).flat(Infinity) as (number | boolean)[]);
    const Array_ = arrayTypeOf(t.elementType);
    const data = alignedArray(Array_ as never, Math.max(1, flat.length)) as unknown as { [i: number]: number | bigint };
    const big = Array_ === BigInt64Array || Array_ === BigUint64Array;
    flat.forEach((v, i) => (data[i] = big ? BigInt(v as number) : Number(v)));
    return { data: data as never, shape };
  }
  if (t instanceof IntegerType && t.width === 1) return text === "true" || text === "1";
  if (t instanceof IndexType || (t instanceof IntegerType && t.width === 64)) return BigInt(text);
  if (t instanceof IntegerType) return Number(BigInt.asIntN(t.width, BigInt(text)));
  if (t instanceof FloatType) return Number(text);
  throw new Error(`argument #${index}: no command-line form for ${printType(t)}`);
}

/** The shortest decimal that reads back as the same f32 (2.5, 0.1, 0.0320586; not 0.10000000149011612). */
function f32Text(x: number): string {
  if (!Number.isFinite(x) || x === 0) return String(x);
  for (let p = 1; p < 9; p++) {
    const y = Number(x.toPrecision(p));
    if (Math.fround(y) === x) return String(y);
  }
  return String(Number(x.toPrecision(9)));
}

/** One result line: `r<j>: <scalar>` or `r<j>: [<shape>] <elements in row-major order>`; `type` is the result's. */
export function printResult(r: unknown, j: number, type?: Type): string {
  if (typeof r === "object" && r !== null && "shape" in r) {
    const a = r as ReturnedArray;
    const n = a.shape.reduce((x, y) => x * y, 1);
    const show = a.data instanceof Float32Array ? (v: number | bigint) => f32Text(Number(v)) : String;
    const values: string[] = [];
    for (let k = 0; k < n; k++) {
      let rest = k;
      let at = a.offset;
      for (let d = a.shape.length - 1; d >= 0; d--) {
        at += (rest % a.shape[d]!) * a.strides[d]!;
        rest = Math.floor(rest / a.shape[d]!);
      }
      values.push(show((a.data as unknown as ArrayLike<number | bigint>)[at]!));
    }
    return `r${j}: [${a.shape.join("x")}] ${values.join(" ")}`;
  }
  const f32 = type instanceof FloatType && type.name === "f32";
  return `r${j}: ${f32 ? f32Text(Number(r)) : String(r)}`;
}
