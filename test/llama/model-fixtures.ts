/**
 * Tiny LLaMA models with random weights written as GGUF files, for the model tests: the metadata llama.cpp
 * reads, every tensor in f32, f16, bf16 or q8_0 (norms stay f32, as llama.cpp's quantizer leaves them), tied or
 * untied output. Values are small (uniform in +-scale) so activations stay in a sane range through the layers.
 */
import { encodeBF16, encodeF16, GGMLType, type GGUFTensorToWrite, type GGUFValue, quantizeQ8_0, writeGGUF } from "../../frontends/gguf/index.ts";
import { tensorNames, type WeightType } from "../../frontends/models/llama/types.ts";
import { seeded } from "../../rewrites/testing/examples.ts";

export interface TinyShape {
  readonly dim: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly hidden: number;
  readonly vocab: number;
  readonly contextLength?: number;
  readonly tied?: boolean;
  readonly ropeTheta?: number;
  readonly ropeScale?: number;
  readonly normEps?: number;
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32). */
export const random = seeded;

const typeIds: Readonly<Record<WeightType, number>> = { f32: GGMLType.F32, f16: GGMLType.F16, bf16: GGMLType.BF16, q8_0: GGMLType.Q8_0 };

function encode(values: Float32Array, type: WeightType): ArrayBufferView {
  switch (type) {
    case "f32":
      return values;
    case "f16":
      return encodeF16(values);
    case "bf16":
      return encodeBF16(values);
    case "q8_0":
      return quantizeQ8_0(values);
  }
}

/** Writes a tiny random LLaMA model to `path`, its matrices (and embedding) in `type`; `edit` may change its tensors. */
export function writeTinyLlama(path: string, shape: TinyShape, type: WeightType, seed = 1, edit: (tensors: GGUFTensorToWrite[]) => GGUFTensorToWrite[] = (t) => t): void {
  const rand = random(seed);
  const { dim, layers, heads, kvHeads, hidden, vocab } = shape;
  const headDim = dim / heads;
  const tensors: GGUFTensorToWrite[] = [];
  // dims innermost first: [in, out] for a linear W[out][in]
  const add = (name: string, dims: number[], t: WeightType, scale: number, offset = 0): void => {
    const n = dims.reduce((p, d) => p * d, 1);
    const values = new Float32Array(n);
    for (let i = 0; i < n; i++) values[i] = offset + (rand() * 2 - 1) * scale;
    tensors.push({ name: `${name}.weight`, dims, type: typeIds[t], data: encode(values, t) });
  };
  add(tensorNames.embedding, [dim, vocab], type, 1);
  for (let l = 0; l < layers; l++) {
    const n = tensorNames.layer(l);
    add(n.attnNorm, [dim], "f32", 0.2, 1);
    add(n.q, [dim, heads * headDim], type, 1 / Math.sqrt(dim));
    add(n.k, [dim, kvHeads * headDim], type, 1 / Math.sqrt(dim));
    add(n.v, [dim, kvHeads * headDim], type, 1 / Math.sqrt(dim));
    add(n.o, [heads * headDim, dim], type, 1 / Math.sqrt(dim));
    add(n.ffnNorm, [dim], "f32", 0.2, 1);
    add(n.gate, [dim, hidden], type, 1 / Math.sqrt(dim));
    add(n.up, [dim, hidden], type, 1 / Math.sqrt(dim));
    add(n.down, [hidden, dim], type, 1 / Math.sqrt(hidden));
  }
  add(tensorNames.outputNorm, [dim], "f32", 0.2, 1);
  if (shape.tied !== true) add(tensorNames.output, [dim, vocab], type, 1 / Math.sqrt(dim));
  const u32 = (value: number): GGUFValue => ({ type: "u32", value });
  const f32 = (value: number): GGUFValue => ({ type: "f32", value });
  const metadata: [string, GGUFValue][] = [
    ["general.architecture", { type: "string", value: "llama" }],
    ["general.name", { type: "string", value: "tiny random llama" }],
    ["llama.context_length", u32(shape.contextLength ?? 64)],
    ["llama.embedding_length", u32(dim)],
    ["llama.block_count", u32(layers)],
    ["llama.feed_forward_length", u32(hidden)],
    ["llama.rope.dimension_count", u32(headDim)],
    ["llama.attention.head_count", u32(heads)],
    ["llama.attention.head_count_kv", u32(kvHeads)],
    ["llama.attention.layer_norm_rms_epsilon", f32(shape.normEps ?? 1e-5)],
    ["llama.rope.freq_base", f32(shape.ropeTheta ?? 10000)],
  ];
  if (shape.ropeScale !== undefined) {
    metadata.push(["llama.rope.scaling.type", { type: "string", value: "linear" }]);
    metadata.push(["llama.rope.scaling.factor", f32(shape.ropeScale)]);
  }
  writeGGUF(path, { metadata, tensors: edit(tensors) });
}
