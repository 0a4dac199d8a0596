/**
 * A Hugging Face model directory as a WeightSource: `config.json` (hf-config.ts) and the weights in one
 * `*.safetensors` file or several (sharded, listed by `model.safetensors.index.json`'s weight_map, or without an
 * index every `*.safetensors` file of the directory), memory-mapped (frontends/safetensors).
 *
 * Hugging Face's tensor names map onto llama.cpp's (types.ts `tensorNames`):
 *
 *   model.embed_tokens.weight                        -> token_embd
 *   model.layers.N.input_layernorm.weight            -> blk.N.attn_norm
 *   model.layers.N.self_attn.{q,k,v,o}_proj.weight   -> blk.N.attn_{q,k,v,output}
 *   model.layers.N.post_attention_layernorm.weight   -> blk.N.ffn_norm
 *   model.layers.N.mlp.{gate,up,down}_proj.weight    -> blk.N.ffn_{gate,up,down}
 *   model.norm.weight                                -> output_norm
 *   lm_head.weight                                   -> output (absent when tie_word_embeddings)
 *
 * PyTorch's Linear weights are already `[out, in]` (the contract's layout), and the q/k rows are unpermuted (the
 * config's ropeStyle is "neox"). Every tensor the model needs must be present with the shape the config implies
 * and a dtype of F32, F16 or BF16; a file problem is a LlamaError naming the file and the tensor.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { openSafetensors, type SafetensorsFile, type SafetensorsTensorInfo } from "../../safetensors/index.ts";
import { configFromHF } from "./hf-config.ts";
import { type LlamaConfig, LlamaError, tensorNames, type WeightSource, type WeightTensor, type WeightType } from "./types.ts";

const INDEX_FILE = "model.safetensors.index.json";
const SafetensorsIndex = t.type({ weight_map: t.record(t.string, t.string) }, "an index with a weight_map of tensor name to file");

/** Hugging Face's name of each llama.cpp tensor, with the shape the config implies. */
function expectedTensors(c: LlamaConfig): { hf: string; llama: string; shape: number[] }[] {
  const q = c.heads * c.headDim;
  const kv = c.kvHeads * c.headDim;
  const out: { hf: string; llama: string; shape: number[] }[] = [
    { hf: "model.embed_tokens.weight", llama: tensorNames.embedding, shape: [c.vocab, c.dim] },
    { hf: "model.norm.weight", llama: tensorNames.outputNorm, shape: [c.dim] },
  ];
  if (!c.tiedEmbeddings) out.push({ hf: "lm_head.weight", llama: tensorNames.output, shape: [c.vocab, c.dim] });
  for (let i = 0; i < c.layers; i++) {
    const n = tensorNames.layer(i);
    const p = `model.layers.${i}`;
    out.push(
      { hf: `${p}.input_layernorm.weight`, llama: n.attnNorm, shape: [c.dim] },
      { hf: `${p}.self_attn.q_proj.weight`, llama: n.q, shape: [q, c.dim] },
      { hf: `${p}.self_attn.k_proj.weight`, llama: n.k, shape: [kv, c.dim] },
      { hf: `${p}.self_attn.v_proj.weight`, llama: n.v, shape: [kv, c.dim] },
      { hf: `${p}.self_attn.o_proj.weight`, llama: n.o, shape: [c.dim, q] },
      { hf: `${p}.post_attention_layernorm.weight`, llama: n.ffnNorm, shape: [c.dim] },
      { hf: `${p}.mlp.gate_proj.weight`, llama: n.gate, shape: [c.hidden, c.dim] },
      { hf: `${p}.mlp.up_proj.weight`, llama: n.up, shape: [c.hidden, c.dim] },
      { hf: `${p}.mlp.down_proj.weight`, llama: n.down, shape: [c.dim, c.hidden] },
    );
  }
  return out;
}

const weightTypes: Partial<Record<string, WeightType>> = { F32: "f32", F16: "f16", BF16: "bf16" };

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new LlamaError(`${path}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new LlamaError(`${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The model directory and its weight files, from a directory, a `.safetensors` file or an index file. */
function locate(pathOrDir: string): { dir: string; files: string[] } {
  if (!existsSync(pathOrDir)) throw new LlamaError(`${pathOrDir}: no such file or directory`);
  if (!statSync(pathOrDir).isDirectory()) {
    const dir = dirname(pathOrDir);
    if (pathOrDir.endsWith(".safetensors")) return { dir, files: [pathOrDir] };
    if (pathOrDir.endsWith(".json")) return { dir, files: indexFiles(pathOrDir) };
    throw new LlamaError(`${pathOrDir}: expected a model directory, a .safetensors file or ${INDEX_FILE}`);
  }
  const index = join(pathOrDir, INDEX_FILE);
  if (existsSync(index)) return { dir: pathOrDir, files: indexFiles(index) };
  const files = readdirSync(pathOrDir).filter((f) => f.endsWith(".safetensors")).sort().map((f) => join(pathOrDir, f));
  if (files.length === 0) throw new LlamaError(`${pathOrDir}: no .safetensors files and no ${INDEX_FILE}`);
  return { dir: pathOrDir, files };
}

/** The shard files an index names (each a file name inside the index's directory). */
function indexFiles(indexPath: string): string[] {
  const decoded = SafetensorsIndex.decode(readJson(indexPath));
  if (isLeft(decoded)) throw new LlamaError(`${indexPath}: expected ${SafetensorsIndex.name}`);
  const names = [...new Set(Object.values(decoded.right.weight_map))].sort();
  for (const n of names) {
    if (basename(n) !== n || n === "." || n === "..") throw new LlamaError(`${indexPath}: shard '${n}' is not a file name in the model directory`);
  }
  if (names.length === 0) throw new LlamaError(`${indexPath}: the weight_map is empty`);
  return names.map((n) => join(dirname(indexPath), n));
}

/**
 * Opens a Hugging Face LLaMA model: `pathOrDir` is its directory (config.json plus the weights), one of its
 * `.safetensors` files, or its `model.safetensors.index.json`. Close the source when done.
 */
export function openSafetensorsWeights(pathOrDir: string): WeightSource {
  const { dir, files } = locate(pathOrDir);
  const configPath = join(dir, "config.json");
  if (!existsSync(configPath)) throw new LlamaError(`${dir}: no config.json beside the weights`);
  const config = configFromHF(readJson(configPath), configPath);

  const opened: SafetensorsFile[] = [];
  const closeAll = () => { for (const f of opened) f.close(); };
  try {
    const where = new Map<string, { file: SafetensorsFile; info: SafetensorsTensorInfo }>();
    for (const path of files) {
      let file: SafetensorsFile;
      try {
        file = openSafetensors(path);
      } catch (e) {
        throw new LlamaError(e instanceof Error ? e.message : String(e), { cause: e });
      }
      opened.push(file);
      for (const info of file.tensors) {
        const seen = where.get(info.name);
        if (seen !== undefined) throw new LlamaError(`tensor '${info.name}' is in both ${seen.file.path} and ${path}`);
        where.set(info.name, { file, info });
      }
    }
    const tensors = new Map<string, WeightTensor>();
    let weightBytes = 0;
    for (const e of expectedTensors(config)) {
      const found = where.get(e.hf);
      if (found === undefined) throw new LlamaError(`${pathOrDir}: no tensor '${e.hf}' (llama.cpp's ${e.llama}) in ${files.map((f) => basename(f)).join(", ")}`);
      const { file, info } = found;
      const type = weightTypes[info.dtype];
      if (type === undefined) throw new LlamaError(`${file.path}: tensor '${e.hf}' has dtype ${info.dtype}; LLaMA weights must be F32, F16 or BF16`);
      if (info.shape.length !== e.shape.length || info.shape.some((d, i) => d !== e.shape[i])) {
        throw new LlamaError(`${file.path}: tensor '${e.hf}' has shape [${info.shape.join(", ")}], the config implies [${e.shape.join(", ")}]`);
      }
      tensors.set(e.llama, { name: e.llama, type, shape: e.shape, bytes: file.tensorBytes(info) });
      weightBytes += info.byteSize;
    }
    return {
      path: pathOrDir,
      format: "safetensors",
      config,
      weightBytes,
      tensor: (name) => tensors.get(name),
      close: closeAll,
    };
  } catch (e) {
    closeAll();
    throw e;
  }
}
