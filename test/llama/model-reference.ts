/**
 * A plain TypeScript LLaMA forward pass in double precision, written from the model's definition (Meta's
 * llama / llama2.c, llama.cpp's NORM RoPE), independent of the DSL and of Tensile: the oracle of the model tests.
 * Weights are read from a WeightSource and dequantized once (f16/bf16 bits, q8_0 blocks as ggml does), so the
 * reference computes with exactly the values the file stores.
 */
import { bf16BitsToNumber, dequantizeQ8_0, f16BitsToNumber } from "../../frontends/gguf/index.ts";
import { type LlamaConfig, tensorNames, type WeightSource, type WeightTensor } from "../../frontends/models/llama/types.ts";

function values(w: WeightTensor): Float64Array {
  const b = w.bytes;
  switch (w.type) {
    case "f32":
      return Float64Array.from(new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4));
    case "f16":
      return Float64Array.from(new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2), f16BitsToNumber);
    case "bf16":
      return Float64Array.from(new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2), bf16BitsToNumber);
    case "q8_0":
      return Float64Array.from(dequantizeQ8_0(b));
  }
}

/** `W x` for W [out][in] row-major. */
function matvec(w: Float64Array, x: Float64Array, out: number): Float64Array {
  const inF = x.length;
  const y = new Float64Array(out);
  for (let o = 0; o < out; o++) {
    let acc = 0;
    for (let k = 0; k < inF; k++) acc += (w[o * inF + k] as number) * (x[k] as number);
    y[o] = acc;
  }
  return y;
}

function rmsnorm(x: Float64Array, w: Float64Array, eps: number): Float64Array {
  let ss = 0;
  for (const v of x) ss += v * v;
  const s = 1 / Math.sqrt(ss / x.length + eps);
  return x.map((v, i) => v * s * (w[i] as number));
}

/** NORM RoPE in place on `heads` heads of `x` at position `pos`: pairs (2j, 2j+1), angle pos/scale * theta^(-2j/hd). */
function rope(x: Float64Array, heads: number, headDim: number, pos: number, c: LlamaConfig): void {
  for (let h = 0; h < heads; h++)
    for (let j = 0; j < headDim / 2; j++) {
      const angle = (pos / (c.ropeScaling?.factor ?? 1)) * Math.pow(c.ropeTheta, (-2 * j) / headDim);
      const [cs, sn] = [Math.cos(angle), Math.sin(angle)];
      const at = h * headDim + 2 * j;
      const [x0, x1] = [x[at] as number, x[at + 1] as number];
      x[at] = x0 * cs - x1 * sn;
      x[at + 1] = x0 * sn + x1 * cs;
    }
}

/** A model's weights as doubles and a growing KV cache: `step(token)` returns the logits after it. */
export class ReferenceLlama {
  private readonly w: Map<string, Float64Array> = new Map();
  private readonly keys: Float64Array[][];
  private readonly vals: Float64Array[][];
  readonly config: LlamaConfig;

  constructor(source: WeightSource) {
    this.config = source.config;
    const take = (name: string): void => {
      const t = source.tensor(name);
      if (t !== undefined) this.w.set(name, values(t));
    };
    take(tensorNames.embedding);
    take(tensorNames.outputNorm);
    take(tensorNames.output);
    for (let l = 0; l < this.config.layers; l++) Object.values(tensorNames.layer(l)).forEach(take);
    this.keys = Array.from({ length: this.config.layers }, () => []);
    this.vals = Array.from({ length: this.config.layers }, () => []);
  }

  private get(name: string): Float64Array {
    const v = this.w.get(name);
    if (v === undefined) throw new Error(`reference: no tensor ${name}`);
    return v;
  }

  get position(): number {
    return this.keys[0]?.length ?? 0;
  }

  step(token: number): Float64Array {
    const c = this.config;
    const { dim, heads, kvHeads, headDim, hidden } = c;
    const pos = this.position;
    let x = this.get(tensorNames.embedding).slice(token * dim, (token + 1) * dim);
    for (let l = 0; l < c.layers; l++) {
      const n = tensorNames.layer(l);
      const h = rmsnorm(x, this.get(n.attnNorm), c.normEps);
      const q = matvec(this.get(n.q), h, heads * headDim);
      const k = matvec(this.get(n.k), h, kvHeads * headDim);
      const v = matvec(this.get(n.v), h, kvHeads * headDim);
      rope(q, heads, headDim, pos, c);
      rope(k, kvHeads, headDim, pos, c);
      (this.keys[l] as Float64Array[]).push(k);
      (this.vals[l] as Float64Array[]).push(v);
      const att = new Float64Array(heads * headDim);
      for (let hd = 0; hd < heads; hd++) {
        const kvh = Math.floor(hd / (heads / kvHeads));
        const scores = (this.keys[l] as Float64Array[]).map((key) => {
          let s = 0;
          for (let i = 0; i < headDim; i++) s += (q[hd * headDim + i] as number) * (key[kvh * headDim + i] as number);
          return s / Math.sqrt(headDim);
        });
        const max = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - max));
        const sum = e.reduce((a, b) => a + b, 0);
        (this.vals[l] as Float64Array[]).forEach((val, t) => {
          for (let i = 0; i < headDim; i++) att[hd * headDim + i] = (att[hd * headDim + i] as number) + ((e[t] as number) / sum) * (val[kvh * headDim + i] as number);
        });
      }
      const o = matvec(this.get(n.o), att, dim);
      x = x.map((v2, i) => v2 + (o[i] as number));
      const m = rmsnorm(x, this.get(n.ffnNorm), c.normEps);
      const g = matvec(this.get(n.gate), m, hidden);
      const u = matvec(this.get(n.up), m, hidden);
      const a = g.map((gv, i) => (gv / (1 + Math.exp(-gv))) * (u[i] as number));
      const d = matvec(this.get(n.down), a, dim);
      x = x.map((v2, i) => v2 + (d[i] as number));
    }
    const out = rmsnorm(x, this.get(tensorNames.outputNorm), c.normEps);
    return matvec(this.w.get(tensorNames.output) ?? this.get(tensorNames.embedding), out, c.vocab);
  }
}

/** The largest |a - b| relative to b's range (max - min): the tests' measure of agreement of logits. */
export function relativeToRange(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let [lo, hi, worst] = [Infinity, -Infinity, 0];
  for (let i = 0; i < b.length; i++) {
    lo = Math.min(lo, b[i] as number);
    hi = Math.max(hi, b[i] as number);
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  }
  return worst / (hi - lo);
}
