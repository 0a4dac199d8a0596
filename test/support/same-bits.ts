/** Comparing the bits of a compiled function's result element with the interpreter's. */
import { floatElementFromBits, floatKindOf, floatNumber } from "../../src/interp/values.ts";
import { FloatType, IntegerType, type Type } from "../../src/ir/types.ts";

/** Same bits (integers at their width; any NaN matches any NaN), or floats within `relative` when it is > 0. */
export function sameBits(a: bigint, b: bigint, t: Type, relative: number): boolean {
  if (a === b) return true;
  if (!(t instanceof FloatType)) return t instanceof IntegerType && BigInt.asUintN(t.width, a) === BigInt.asUintN(t.width, b);
  const kind = floatKindOf(t);
  const fa = floatNumber(floatElementFromBits(a, kind));
  const fb = floatNumber(floatElementFromBits(b, kind));
  if (Number.isNaN(fa) || Number.isNaN(fb)) return Number.isNaN(fa) && Number.isNaN(fb);
  return relative > 0 && Math.abs(fa - fb) <= relative * Math.max(Math.abs(fa), Math.abs(fb));
}
