/**
 * Linear layers on weights as model files store them (GGUF, safetensors): one row per output, `w: [out, in]`,
 * so `y = x @ w^T`, read in place (no transposed copy), in the file's element type:
 *
 * - `linearRows(x, w)`: w of f32, f16 or bf16 (a narrower weight is widened to x's type inside the contraction:
 *   `linalg.matmul_transpose_b` with its implicit casts; TOSA's `tosa.fully_connected` for equal types);
 * - `linearQ8_0(x, blocks)`: w in ggml's q8_0 given as the blocks' bytes, `i8 [out, in/32, 34]` (each block an
 *   f16 scale d, little endian in bytes 0-1, then 32 int8 q; the weight is d * q), dequantized element by
 *   element inside one `linalg.generic` (never up front). Linalg only: TOSA has no such op (a DslError).
 */
import { captureCallSite, currentGraph, DslError, shapeText } from "./graph.ts";
import { isFloatDType } from "./ops-elementwise.ts";
import { type Tensor, wrap } from "./tensor.ts";
import type { Dim, FloatDType, Shape } from "./types.ts";

/** Elements per q8_0 block, and its bytes (an f16 scale, then one int8 per element). */
export const Q8_0_BLOCK = 32;
export const Q8_0_BLOCK_BYTES = 34;

/** `x @ w^T` for `x: [..., in]` and a weight `w: [out, in]` of any float type (see the header). */
export function linearRows<D extends FloatDType, L extends Shape, In extends Dim, Out extends Dim>(
  x: Tensor<D, readonly [...L, In]>,
  w: Tensor<FloatDType, readonly [Out, NoInfer<In>]>,
): Tensor<D, [...L, Out]> {
  const site = captureCallSite();
  const [sx, sw] = [x.shape, w.shape];
  if (sx.length < 1 || sw.length !== 2) throw new DslError("linearRows", `needs x [..., in] and w [out, in]: ${shapeText(sx)}, ${shapeText(sw)}`, site);
  if (!isFloatDType(x.dtype) || !isFloatDType(w.dtype)) throw new DslError("linearRows", `needs float operands, not ${x.dtype} and ${w.dtype}`, site);
  if (sx[sx.length - 1] !== sw[1]) throw new DslError("linearRows", `x ${shapeText(sx)} and w ${shapeText(sw)} differ in 'in' (${sx[sx.length - 1]} vs ${sw[1]})`, site);
  const shape = [...sx.slice(0, -1), sw[0] as number];
  return wrap(currentGraph("linearRows").add({ kind: "linear_rows" }, [x.node, w.node], x.dtype, shape, site));
}

/** `x @ w^T` for `x: [..., in]` and a q8_0 weight given as `blocks: i8 [out, in/32, 34]` (see the header). */
export function linearQ8_0<D extends FloatDType, L extends Shape, In extends Dim, Out extends Dim>(
  x: Tensor<D, readonly [...L, In]>,
  blocks: Tensor<"i8", readonly [Out, Dim, 34]>,
): Tensor<D, [...L, Out]> {
  const site = captureCallSite();
  const [sx, sw] = [x.shape, blocks.shape];
  if (sw.length !== 3 || sw[2] !== Q8_0_BLOCK_BYTES || blocks.dtype !== "i8")
    throw new DslError("linearQ8_0", `the weight must be i8 [out, in/32, 34] (q8_0 blocks), not ${blocks.dtype} ${shapeText(sw)}`, site);
  if (!isFloatDType(x.dtype)) throw new DslError("linearQ8_0", `needs a float input, not ${x.dtype}`, site);
  const inF = sx[sx.length - 1] as number;
  if (inF !== (sw[1] as number) * Q8_0_BLOCK)
    throw new DslError("linearQ8_0", `x ${shapeText(sx)} has in = ${inF}, but the blocks ${shapeText(sw)} hold ${(sw[1] as number) * Q8_0_BLOCK} per row`, site);
  const shape = [...sx.slice(0, -1), sw[0] as number];
  return wrap(currentGraph("linearQ8_0").add({ kind: "linear_q8_0" }, [x.node, blocks.node], x.dtype, shape, site));
}
