/**
 * The interpreter's runtime values as arguments of compiled functions (codegen/runtime/c-interface.ts), and the
 * arrays compiled functions return as the interpreter's element bits.
 */
import { alignedArray, type TypedArray } from "../../codegen/aligned.ts";
import { type Arg, arrayTypeOf, type ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import type { RuntimeValue, ShapedValue } from "../../src/interp/index.ts";
import { floatElementBits, floatKindOf, floatNumber } from "../../src/interp/values.ts";
import { IndexType, IntegerType, type Type } from "../../src/ir/types.ts";
import { elementBits } from "./mlir16-run.ts";

/** A shaped value as a 64-byte aligned typed array holding the same bits. */
function arrayOf(v: ShapedValue): Arg {
  const Array_ = arrayTypeOf(v.elementType);
  const data = alignedArray(Array_ as never, v.elements.length) as TypedArray;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const bytes = Array_.BYTES_PER_ELEMENT;
  elementBits(v).forEach((b, i) => {
    if (bytes === 1) view.setUint8(i, Number(b & 0xffn));
    else if (bytes === 2) view.setUint16(2 * i, Number(b & 0xffffn), true);
    else if (bytes === 4) view.setUint32(4 * i, Number(b & 0xffffffffn), true);
    else view.setBigUint64(8 * i, b, true);
  });
  return { data, shape: v.shape };
}

/** i1 as a boolean, 64-bit integers and index as bigints, f16/bf16 as their bits, tensors as aligned arrays. */
export function nativeArg(v: RuntimeValue): Arg {
  if (v.kind === "int") {
    if (v.type instanceof IntegerType && v.type.width === 1) return v.value !== 0n;
    const width = v.type instanceof IndexType ? 64 : (v.type as IntegerType).width;
    return width === 64 ? BigInt.asIntN(64, v.value) : Number(BigInt.asIntN(width, v.value));
  }
  if (v.kind === "float") {
    const kind = floatKindOf(v.type);
    return kind === "f16" || kind === "bf16" ? Number(floatElementBits(v.value, kind)) : floatNumber(v.value);
  }
  if (v.kind === "shaped") return arrayOf(v);
  throw new Error(`no argument of a compiled function for a ${v.kind}`);
}

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
