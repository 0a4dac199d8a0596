/** Comparing what compiled functions return (codegen/runtime/c-interface.ts) with the interpreter's values, bit by bit. */
import type { TypedArray } from "../../codegen/aligned.ts";
import type { ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import { floatElementFromBits, floatKindOf, floatNumber } from "../../src/interp/values.ts";
import { FloatType, IntegerType, type Type } from "../../src/ir/types.ts";

/** The returned array's elements, row-major, as bits of the element width. */
export function returnedBits(a: ReturnedArray, element: Type): bigint[] {
  const out: bigint[] = [];
  const bytes = (a.data as TypedArray).BYTES_PER_ELEMENT;
  const view = new DataView(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const count = a.shape.reduce((x, y) => x * y, 1);
  for (let k = 0; k < count; k++) {
    let rest = k;
    let at = a.offset;
    for (let d = a.shape.length - 1; d >= 0; d--) {
      at += (rest % a.shape[d]!) * a.strides[d]!;
      rest = Math.floor(rest / a.shape[d]!);
    }
    if (bytes === 1) out.push(BigInt(view.getUint8(at)) & (element instanceof IntegerType && element.width === 1 ? 1n : 0xffn));
    else if (bytes === 2) out.push(BigInt(view.getUint16(2 * at, true)));
    else if (bytes === 4) out.push(BigInt(view.getUint32(4 * at, true)));
    else out.push(view.getBigUint64(8 * at, true));
  }
  return out;
}

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
