/**
 * Comparing what compiled functions returned with the interpreter's results, element by element, in the
 * elements' own bits: the same bits (or two NaNs, any payload) is equal; otherwise a float's distance is counted
 * in ulps of its type (the number of representable values between the two) and relative to the larger magnitude,
 * and the caller's tolerance decides.
 */
import { release, type Result, type ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import type { RuntimeValue, ShapedValue } from "../../src/interp/index.ts";
import { floatElementFromBits, floatKindOf, floatNumber } from "../../src/interp/values.ts";
import { FloatType, IntegerType, type Type } from "../../src/ir/types.ts";
import { elementBits, isNaNBits, isZeroBits } from "./mlir16-run.ts";
import { returnedBits } from "./native-args.ts";

/** How far a result may be from the interpreter's. */
export interface Tolerance {
  /** Floats may differ by this many ulps of their type. */
  readonly ulps: number;
  /** ...or by this much relative to the larger magnitude of the two. */
  readonly relative: number;
  /** A zero may have either sign (MLIR 16's maxf/minf expansion, see mlir16-native.ts). */
  readonly zeroSign: boolean;
}

export const EXACT: Tolerance = { ulps: 0, relative: 0, zeroSign: false };

/** The float's position among its type's values in order (so that adjacent floats differ by one). */
function ordinal(bits: bigint, t: FloatType): bigint {
  const magnitude = BigInt.asUintN(t.width - 1, bits);
  return bits >> BigInt(t.width - 1) === 1n ? -magnitude : magnitude;
}

/**
 * The distance of two elements of type `t`: ulps and relative (0 when the same bits or two NaNs, Infinity for an
 * integer or NaN mismatch; +0 against -0 is one ulp).
 */
export function distance(want: bigint, got: bigint, t: Type): { ulps: number; relative: number } {
  if (want === got || (isNaNBits(want, t) && isNaNBits(got, t))) return { ulps: 0, relative: 0 };
  if (!(t instanceof FloatType)) {
    const same = t instanceof IntegerType && BigInt.asUintN(t.width, want) === BigInt.asUintN(t.width, got);
    return same ? { ulps: 0, relative: 0 } : { ulps: Infinity, relative: Infinity };
  }
  if (isNaNBits(want, t) || isNaNBits(got, t)) return { ulps: Infinity, relative: Infinity };
  const a = floatNumber(floatElementFromBits(want, floatKindOf(t)));
  const b = floatNumber(floatElementFromBits(got, floatKindOf(t)));
  // +0 and -0: one step apart in IEEE's total order, and equal in value.
  if (a === 0 && b === 0) return { ulps: 1, relative: 0 };
  const ulps = Number(ordinal(want, t) - ordinal(got, t));
  return { ulps: Math.abs(ulps), relative: Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)) };
}

/** What a comparison found: the largest distances among elements that differ, and the first mismatch. */
export interface Comparison {
  readonly elements: number;
  /** Elements whose bits differ (within tolerance or not). */
  readonly differing: number;
  readonly maxUlps: number;
  readonly maxRelative: number;
  /** Each element's distance in ulps, results one after the other, row-major. */
  readonly ulps: readonly number[];
  /** The first element out of tolerance, described. */
  readonly mismatch?: string;
}

/**
 * Compares the interpreter's results (`want`) with a compiled function's (`got`: arrays, as returned by
 * c-interface's `call`), then releases every returned buffer once with `free` (default c-interface's `release`:
 * Tensile's ownership rule says each is new and the caller's).
 */
export function compareAndRelease(
  want: readonly RuntimeValue[],
  got: readonly Result[],
  tolerance: Tolerance,
  free: (array: ReturnedArray) => unknown = release,
): Comparison {
  let elements = 0;
  let differing = 0;
  let maxUlps = 0;
  let maxRelative = 0;
  let mismatch: string | undefined;
  const ulps: number[] = [];
  try {
    if (got.length !== want.length) return { elements, differing, maxUlps, maxRelative, ulps, mismatch: `${got.length} results, the interpreter has ${want.length}` };
    want.forEach((w, j) => {
      if (w.kind !== "shaped" || typeof got[j] !== "object") throw new Error(`result ${j}: only tensor results are compared`);
      const t = (w as ShapedValue).elementType;
      const expected = elementBits(w);
      const actual = returnedBits(got[j] as ReturnedArray, t);
      if (actual.length !== expected.length) {
        mismatch ??= `result ${j}: ${actual.length} elements, the interpreter has ${expected.length}`;
        return;
      }
      expected.forEach((e, i) => {
        elements++;
        const d = distance(e, actual[i]!, t);
        ulps.push(d.ulps);
        if (d.ulps === 0) return;
        differing++;
        const zeros = tolerance.zeroSign && isZeroBits(e, t) && isZeroBits(actual[i]!, t);
        const within = zeros || d.ulps <= tolerance.ulps || (tolerance.relative > 0 && d.relative <= tolerance.relative);
        if (!zeros) {
          maxUlps = Math.max(maxUlps, d.ulps);
          maxRelative = Math.max(maxRelative, d.relative);
        }
        if (!within) mismatch ??= `result ${j}[${i}]: interpreter 0x${e.toString(16)}, compiled 0x${actual[i]!.toString(16)} (${d.ulps} ulps, relative ${d.relative.toExponential(2)})`;
      });
    });
  } finally {
    const seen = new Set<bigint>();
    for (const r of got) {
      if (typeof r !== "object" || seen.has(r.allocated)) continue;
      seen.add(r.allocated);
      free(r);
    }
  }
  return mismatch === undefined ? { elements, differing, maxUlps, maxRelative, ulps } : { elements, differing, maxUlps, maxRelative, ulps, mismatch };
}

let kept: unknown;
/**
 * Keeps the arguments of a call reachable up to here: a returned memref may be a view of an argument's array (MLIR
 * 16's bufferization returns arguments), which the garbage collector could otherwise free before it is read.
 */
export function keepAlive(...values: unknown[]): void {
  kept = values;
  kept = undefined;
}
