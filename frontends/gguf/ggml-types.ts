/**
 * The ggml tensor element types as llama.cpp's ggml.h numbers them (`enum ggml_type`), with their block shape:
 * a tensor of a block type stores its innermost dimension (ne0) in blocks of `blockSize` elements, each
 * `bytesPerBlock` bytes. Plain types have a block of one element. Ids that llama.cpp removed (4, 5: Q4_2/Q4_3,
 * 31..33: Q4_0_4_4 and friends, 36..38: the IQ4_NL_x_y repacks) are not listed: a file using them is rejected
 * when it is opened.
 *
 * Also the reference conversions the GGUF reader, writer and tests need: f16 and bf16 bits, and q8_0
 * quantisation as ggml's `quantize_row_q8_0_ref` does it (blocks of 32, an f16 scale d = max|x| / 127, then 32
 * int8 q = round(x / d), rounding half away from zero) and its inverse.
 */

export interface GGMLTypeInfo {
  /** llama.cpp's lower-case name (`ggml_type_name`): "f32", "q8_0", ... */
  readonly name: string;
  /** The numeric id stored in GGUF tensor infos. */
  readonly id: number;
  /** Elements per block (1 for plain types). */
  readonly blockSize: number;
  /** Bytes per block. */
  readonly bytesPerBlock: number;
}

const table: readonly (readonly [string, number, number, number])[] = [
  ["f32", 0, 1, 4],
  ["f16", 1, 1, 2],
  ["q4_0", 2, 32, 18],
  ["q4_1", 3, 32, 20],
  ["q5_0", 6, 32, 22],
  ["q5_1", 7, 32, 24],
  ["q8_0", 8, 32, 34],
  ["q8_1", 9, 32, 36],
  ["q2_K", 10, 256, 84],
  ["q3_K", 11, 256, 110],
  ["q4_K", 12, 256, 144],
  ["q5_K", 13, 256, 176],
  ["q6_K", 14, 256, 210],
  ["q8_K", 15, 256, 292],
  ["iq2_xxs", 16, 256, 66],
  ["iq2_xs", 17, 256, 74],
  ["iq3_xxs", 18, 256, 98],
  ["iq1_s", 19, 256, 50],
  ["iq4_nl", 20, 32, 18],
  ["iq3_s", 21, 256, 110],
  ["iq2_s", 22, 256, 82],
  ["iq4_xs", 23, 256, 136],
  ["i8", 24, 1, 1],
  ["i16", 25, 1, 2],
  ["i32", 26, 1, 4],
  ["i64", 27, 1, 8],
  ["f64", 28, 1, 8],
  ["iq1_m", 29, 256, 56],
  ["bf16", 30, 1, 2],
  ["tq1_0", 34, 256, 54],
  ["tq2_0", 35, 256, 66],
  ["mxfp4", 39, 32, 17],
];

/** Every ggml type llama.cpp defines today, by id. */
export const ggmlTypes: ReadonlyMap<number, GGMLTypeInfo> = new Map(
  table.map(([name, id, blockSize, bytesPerBlock]) => [id, { name, id, blockSize, bytesPerBlock }]),
);

/** The ids of the types this project reads and writes tensor data of. */
export const GGMLType = { F32: 0, F16: 1, Q8_0: 8, BF16: 30 } as const;

/** The info of a type id; undefined for an id llama.cpp does not define. */
export function ggmlTypeInfo(id: number): GGMLTypeInfo | undefined {
  return ggmlTypes.get(id);
}

/** The info of a type by its llama.cpp name ("q8_0"); throws for an unknown name. */
export function ggmlTypeByName(name: string): GGMLTypeInfo {
  for (const t of ggmlTypes.values()) if (t.name === name) return t;
  throw new Error(`unknown ggml type '${name}'`);
}

export const Q8_0_BLOCK = 32;
export const Q8_0_BYTES = 34;

// ---- f16 and bf16 bits ----

const f32Scratch = new Float32Array(1);
const u32Scratch = new Uint32Array(f32Scratch.buffer);

/** An IEEE binary16 bit pattern as a number (exact). */
export function f16BitsToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** The binary16 bits nearest to `x` (round to nearest, ties to even; NaN stays NaN, overflow goes to infinity). */
export function numberToF16Bits(x: number): number {
  f32Scratch[0] = x; // through f32 first, as ggml's f32 -> f16 does
  const bits = u32Scratch[0] as number;
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign; // below half the smallest subnormal: zero
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let m = mant >>> shift;
    if (rest > half || (rest === half && (m & 1) === 1)) m++;
    return sign | m; // a carry into the exponent field gives the smallest normal, as it should
  }
  let m = mant >>> 13;
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (m & 1) === 1)) m++;
  return sign | ((e << 10) + m); // a mantissa carry bumps the exponent (to infinity at the top)
}

/** bf16 bits as a number (exact). */
export function bf16BitsToNumber(h: number): number {
  u32Scratch[0] = (h & 0xffff) << 16;
  return f32Scratch[0] as number;
}

/** The bf16 bits nearest to `x` (round to nearest even on the f32 bits, as ggml's `ggml_compute_fp32_to_bf16`). */
export function numberToBF16Bits(x: number): number {
  f32Scratch[0] = x;
  const bits = u32Scratch[0] as number;
  if ((bits & 0x7fffffff) > 0x7f800000) return ((bits >>> 16) | 64) & 0xffff; // quiet NaN
  return ((bits + (0x7fff + ((bits >>> 16) & 1))) >>> 16) & 0xffff;
}

/** f16 bits of every element of `values`. */
export function encodeF16(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = numberToF16Bits(values[i] as number);
  return out;
}

/** bf16 bits of every element of `values`. */
export function encodeBF16(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = numberToBF16Bits(values[i] as number);
  return out;
}

// ---- q8_0 ----

/**
 * q8_0 blocks of `values` (whose length must be a multiple of 32), as ggml's `quantize_row_q8_0_ref`: per block
 * amax = max |x|, d = amax / 127, q = round(x * (1/d)) (half away from zero; 0 when d = 0), stored as the f16
 * bits of d (little endian) then 32 int8.
 */
export function quantizeQ8_0(values: ArrayLike<number>): Uint8Array {
  if (values.length % Q8_0_BLOCK !== 0) throw new Error(`q8_0 needs a multiple of ${Q8_0_BLOCK} values, got ${values.length}`);
  const blocks = values.length / Q8_0_BLOCK;
  const out = new Uint8Array(blocks * Q8_0_BYTES);
  const q = new Int8Array(out.buffer);
  for (let b = 0; b < blocks; b++) {
    let amax = 0;
    for (let j = 0; j < Q8_0_BLOCK; j++) amax = Math.max(amax, Math.abs(values[b * Q8_0_BLOCK + j] as number));
    const d = Math.fround(amax / 127);
    const id = d !== 0 ? Math.fround(1 / d) : 0;
    const h = numberToF16Bits(d);
    out[b * Q8_0_BYTES] = h & 0xff;
    out[b * Q8_0_BYTES + 1] = h >>> 8;
    for (let j = 0; j < Q8_0_BLOCK; j++) {
      const x = Math.fround((values[b * Q8_0_BLOCK + j] as number) * id);
      q[b * Q8_0_BYTES + 2 + j] = Math.sign(x) * Math.round(Math.abs(x)); // C's roundf
    }
  }
  return out;
}

/** The values of q8_0 blocks: x = f16(d) * q, in f32 (ggml's `dequantize_row_q8_0`). */
export function dequantizeQ8_0(blocks: Uint8Array): Float32Array {
  if (blocks.length % Q8_0_BYTES !== 0) throw new Error(`q8_0 data must be whole ${Q8_0_BYTES}-byte blocks, got ${blocks.length} bytes`);
  const n = blocks.length / Q8_0_BYTES;
  const out = new Float32Array(n * Q8_0_BLOCK);
  for (let b = 0; b < n; b++) {
    const o = b * Q8_0_BYTES;
    const d = f16BitsToNumber((blocks[o] as number) | ((blocks[o + 1] as number) << 8));
    for (let j = 0; j < Q8_0_BLOCK; j++) out[b * Q8_0_BLOCK + j] = d * (((blocks[o + 2 + j] as number) << 24) >> 24);
  }
  return out;
}
