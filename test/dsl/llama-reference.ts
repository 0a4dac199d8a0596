/**
 * A plain TypeScript LLaMA decoder block (no DSL, no IR): loops over heads, positions and features in double
 * precision, written from the model's definition (llama.cpp's: RMSNorm, NORM RoPE on adjacent pairs,
 * grouped-query causal attention over a KV cache, SwiGLU). The oracle the traced DSL block is compared with.
 */

export interface BlockConfig {
  readonly dim: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly hidden: number;
  readonly eps: number;
  readonly ropeBase: number;
}

/** Weights by the DSL's parameter names without the `layers.N.` prefix; matrices row-major `[in, out]`. */
export interface BlockWeights {
  readonly attnNorm: Float64Array;
  readonly wq: Float64Array;
  readonly wk: Float64Array;
  readonly wv: Float64Array;
  readonly wo: Float64Array;
  readonly ffnNorm: Float64Array;
  readonly gate: Float64Array;
  readonly up: Float64Array;
  readonly down: Float64Array;
}

/** `x [rows, n] @ w [n, m]`. */
function matmul(x: Float64Array, rows: number, n: number, w: Float64Array, m: number): Float64Array {
  const out = new Float64Array(rows * m);
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < n; k++) {
      const a = x[r * n + k] as number;
      for (let c = 0; c < m; c++) out[r * m + c] = (out[r * m + c] as number) + a * (w[k * m + c] as number);
    }
  return out;
}

function rmsnorm(x: Float64Array, rows: number, n: number, weight: Float64Array, eps: number): Float64Array {
  const out = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[r * n + i] as number) ** 2;
    const scale = 1 / Math.sqrt(ss / n + eps);
    for (let i = 0; i < n; i++) out[r * n + i] = (x[r * n + i] as number) * scale * (weight[i] as number);
  }
  return out;
}

/** Rotates the pairs (2i, 2i+1) of each head's vector at `pos` by pos * base^(-2i/headDim), in place. */
function rope(v: Float64Array, offset: number, headDim: number, pos: number, base: number): void {
  for (let i = 0; i < headDim / 2; i++) {
    const angle = pos * Math.pow(base, (-2 * i) / headDim);
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const [x0, x1] = [v[offset + 2 * i] as number, v[offset + 2 * i + 1] as number];
    v[offset + 2 * i] = x0 * c - x1 * s;
    v[offset + 2 * i + 1] = x0 * s + x1 * c;
  }
}

/**
 * One block on `x [seq, dim]` after `past` cached positions (`cacheK`/`cacheV` `[kvHeads, past, headDim]`):
 * the output `[seq, dim]` and the caches extended with this step's keys and values.
 */
export function referenceBlock(
  cfg: BlockConfig,
  w: BlockWeights,
  x: Float64Array,
  cacheK: Float64Array,
  cacheV: Float64Array,
  seq: number,
  past: number,
): { out: Float64Array; cacheK: Float64Array; cacheV: Float64Array } {
  const { dim, heads, kvHeads, headDim, hidden } = cfg;
  const total = past + seq;
  const h = rmsnorm(x, seq, dim, w.attnNorm, cfg.eps);
  const q = matmul(h, seq, dim, w.wq, heads * headDim); // [seq, heads * headDim]
  const k = matmul(h, seq, dim, w.wk, kvHeads * headDim);
  const v = matmul(h, seq, dim, w.wv, kvHeads * headDim);
  for (let p = 0; p < seq; p++) {
    for (let hd = 0; hd < heads; hd++) rope(q, (p * heads + hd) * headDim, headDim, past + p, cfg.ropeBase);
    for (let hd = 0; hd < kvHeads; hd++) rope(k, (p * kvHeads + hd) * headDim, headDim, past + p, cfg.ropeBase);
  }
  // The caches as [kvHeads, total, headDim].
  const keys = new Float64Array(kvHeads * total * headDim);
  const values = new Float64Array(kvHeads * total * headDim);
  for (let g = 0; g < kvHeads; g++)
    for (let j = 0; j < total; j++)
      for (let d = 0; d < headDim; d++) {
        const at = (g * total + j) * headDim + d;
        keys[at] = j < past ? (cacheK[(g * past + j) * headDim + d] as number) : (k[((j - past) * kvHeads + g) * headDim + d] as number);
        values[at] = j < past ? (cacheV[(g * past + j) * headDim + d] as number) : (v[((j - past) * kvHeads + g) * headDim + d] as number);
      }
  const attn = new Float64Array(seq * heads * headDim);
  const group = heads / kvHeads;
  for (let hd = 0; hd < heads; hd++) {
    const g = Math.floor(hd / group);
    for (let i = 0; i < seq; i++) {
      const scores: number[] = [];
      for (let j = 0; j <= past + i; j++) {
        let dot = 0;
        for (let d = 0; d < headDim; d++) dot += (q[(i * heads + hd) * headDim + d] as number) * (keys[(g * total + j) * headDim + d] as number);
        scores.push(dot / Math.sqrt(headDim));
      }
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const z = e.reduce((a, b) => a + b, 0);
      for (let d = 0; d < headDim; d++) {
        let acc = 0;
        e.forEach((p, j) => (acc += (p / z) * (values[(g * total + j) * headDim + d] as number)));
        attn[(i * heads + hd) * headDim + d] = acc;
      }
    }
  }
  const proj = matmul(attn, seq, heads * headDim, w.wo, dim);
  const h1 = x.map((xi, i) => xi + (proj[i] as number));
  const n2 = rmsnorm(h1, seq, dim, w.ffnNorm, cfg.eps);
  const gate = matmul(n2, seq, dim, w.gate, hidden);
  const up = matmul(n2, seq, dim, w.up, hidden);
  const act = gate.map((gv, i) => (gv / (1 + Math.exp(-gv))) * (up[i] as number));
  const down = matmul(act, seq, hidden, w.down, dim);
  return { out: h1.map((hv, i) => hv + (down[i] as number)), cacheK: keys, cacheV: values };
}
