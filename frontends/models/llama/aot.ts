/**
 * `tensile llama --aot DIR`: a bundle that runs a LLaMA model without Node, like Buddy Compiler's C++
 * `llama-main`. DIR holds:
 * - `llama_kernels.o` + `llama_kernels.h`: the model's compiled kernels for its shape (codegen/aot/bundle.ts)
 *   and their C prototypes (`_mlir_ciface_llama_layer_1`, `..._llama_layer_<chunk>`, `..._llama_head`);
 * - `weights.txt`: the GGUF file's path and size, the config (`config dim 288`, ...), and per tensor
 *   `tensor <name> <f32|f16|bf16|q8_0> <byte offset in the file> <bytes> <rank> <shape, outermost first>`;
 * - `vocab.bin`: the pieces as printed (u32 count, then per token a u32 length and its bytes: `▁` is a
 *   space, byte tokens `<0xAB>` their byte, control, unknown and unused tokens nothing);
 * - `prompt.txt`: the prompt's token ids;
 * - `llama_main.c` (aot-driver.ts), `tensile-runtime.c` (the half conversions and print runtime the kernels
 *   may call) and `build.sh` (clang-14), which builds `llama_main`.
 *
 *   tensile llama --model m.gguf --prompt "Hello" --aot out/ && sh out/build.sh && (cd out && ./llama_main 32)
 *
 * Only GGUF models: the driver maps one file. The kernels are traced again from the model's shape
 * (kernels.ts `llamaKernelModule`, the module the Node path compiles) and lowered for the bundle's target.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import { supportRuntimeSource } from "../../../codegen/aot/half-runtime.ts";
import { writeBundle } from "../../../codegen/aot/bundle.ts";
import { publicFunctions } from "../../../codegen/compile.ts";
import { writeFileAtomic } from "../../../codegen/files.ts";
import { LIBOMP_DIR } from "../../../codegen/link.ts";
import type { TargetName } from "../../../codegen/target.ts";
import { renderDiagnostic } from "../../../src/diag/diagnostic.ts";
import { type GGUFFile, type GGUFValue, openGGUF } from "../../gguf/index.ts";
import { llamaDriverSource } from "./aot-driver.ts";
import { llamaKernelModule } from "./kernels.ts";
import type { KernelShape } from "./model.ts";
import { type LlamaConfig, LlamaError, type LlamaTarget, tensorNames, type WeightSource, type WeightType } from "./types.ts";

export interface LlamaBundleOptions {
  /** Where the bundle goes (created). */
  readonly dir: string;
  /** The model, opened from a GGUF file (the driver maps that file; its absolute path goes into weights.txt). */
  readonly source: WeightSource;
  readonly contextLength: number;
  readonly prefillChunk: number;
  readonly promptTokens: readonly number[];
  /** The driver's default number of tokens to generate (`llama_main N` overrides it). */
  readonly maxTokens: number;
  readonly target?: LlamaTarget;
  /** More than 1: the kernels run on OpenMP threads (libomp-14; OMP_NUM_THREADS sets the team). */
  readonly threads?: number;
}

export interface LlamaBundle {
  readonly dir: string;
  /** `sh <buildScript>` builds `executable`. */
  readonly buildScript: string;
  readonly executable: string;
}

/** The ggml types the driver reads (ggml's lower-case names). */
const DRIVER_TYPES = new Set(["f32", "f16", "bf16", "q8_0"]);
/** llama.cpp's token types (GGUF `tokenizer.ggml.token_type`; frontends/tokenizer's TokenType). */
const TOKEN_NORMAL = 1, TOKEN_USER_DEFINED = 4, TOKEN_BYTE = 6;

/** Writes the bundle (see the file comment); LlamaError when the model or its kernels do not fit the driver. */
export function writeLlamaBundle(opts: LlamaBundleOptions): LlamaBundle {
  const { source } = opts;
  if (source.format !== "gguf") throw new LlamaError(`${source.path}: an AOT bundle needs a GGUF model (its driver maps one GGUF file), not ${source.format}`);
  const config = source.config;
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const target: TargetName = opts.target ?? "host";
  const threads = opts.threads ?? 1;
  const shape = kernelShape(source, opts.contextLength, opts.prefillChunk);
  const kernels = llamaKernelModule(shape);
  const functions = publicFunctions(kernels.module);
  // Lowered as the Node path compiles them (session.ts: the OpenMP pipeline only with threads).
  const bundle = writeBundle(kernels.module, { target, dir, name: "llama_kernels", ctx: kernels.ctx, ...(threads > 1 ? { threads } : {}) });
  if (isLeft(bundle)) throw new LlamaError(`compiling the kernels for the bundle failed:\n${bundle.left.map((d) => renderDiagnostic(d)).join("\n")}`);
  const file = openGGUF(source.path);
  try {
    writeFileAtomic(join(dir, "weights.txt"), weightsReference(file, config));
    writeFileAtomic(join(dir, "vocab.bin"), vocabularyPieces(file, config.vocab));
  } finally {
    file.close();
  }
  writeFileAtomic(join(dir, "prompt.txt"), `${opts.promptTokens.join(" ")}\n`);
  writeFileAtomic(join(dir, "llama_main.c"), llamaDriverSource({ config, contextLength: opts.contextLength, prefillChunk: shape.chunk, functions, header: "llama_kernels.h", maxTokens: opts.maxTokens, threads }));
  writeFileAtomic(join(dir, "tensile-runtime.c"), supportRuntimeSource);
  const omp = bundle.right.openmp === true ? ` -L${LIBOMP_DIR} -lomp -Wl,-rpath,${LIBOMP_DIR}` : "";
  const buildScript = join(dir, "build.sh");
  writeFileAtomic(buildScript, [
    "#!/bin/sh",
    "# Builds llama_main from the bundle (clang-14; any C11 compiler for this target works). Extra flags: sh build.sh -g ...",
    "set -e",
    'cd "$(dirname "$0")"',
    `clang-14 -O2 -std=gnu11 "$@" -o llama_main llama_main.c llama_kernels.o tensile-runtime.c -lm${omp}`,
    "",
  ].join("\n"));
  chmodSync(buildScript, 0o755);
  return { dir, buildScript, executable: join(dir, "llama_main") };
}

/** Runs the bundle's build script (extra C flags appended); the executable's path. */
export function buildLlamaBundle(bundle: LlamaBundle, extra: readonly string[] = []): string {
  const r = spawnSync("sh", [bundle.buildScript, ...extra], { encoding: "utf8" });
  if (r.status !== 0) throw new LlamaError(`building the bundle failed: ${r.stderr || r.error?.message}`);
  return bundle.executable;
}

/**
 * What the kernels are specialised on, as loadLlamaModel (session.ts) derives it: the config, layer 0's weight
 * types (every layer has the same: loadLlamaModel checks it), the output projection's type, ctx and the chunk.
 */
function kernelShape(source: WeightSource, ctx: number, prefillChunk: number): KernelShape {
  const c = source.config;
  const type = (name: string): WeightType => {
    const w = source.tensor(name);
    if (w === undefined) throw new LlamaError(`${source.path}: the model has no tensor '${name}'`);
    return w.type;
  };
  const n = tensorNames.layer(0);
  return {
    config: { dim: c.dim, heads: c.heads, kvHeads: c.kvHeads, headDim: c.headDim, hidden: c.hidden, vocab: c.vocab, normEps: c.normEps, ropeStyle: c.ropeStyle },
    layerTypes: { wq: type(n.q), wk: type(n.k), wv: type(n.v), wo: type(n.o), w_gate: type(n.gate), w_up: type(n.up), w_down: type(n.down) },
    outputType: type(c.tiedEmbeddings ? tensorNames.embedding : tensorNames.output),
    ctx,
    chunk: Math.min(prefillChunk, ctx),
  };
}

/** weights.txt: the file, the config, each tensor's type, absolute byte offset, size and row-major shape. */
function weightsReference(file: GGUFFile, config: LlamaConfig): string {
  const eos = scalar(file.metadata.get("tokenizer.ggml.eos_token_id"));
  const lines = [
    `gguf ${resolve(file.path)}`,
    `file_bytes ${statSync(file.path).size}`,
    ...Object.entries({ dim: config.dim, layers: config.layers, heads: config.heads, kv_heads: config.kvHeads, head_dim: config.headDim, hidden: config.hidden, vocab: config.vocab }).map(([k, v]) => `config ${k} ${v}`),
    ...(eos === undefined ? [] : [`config eos ${eos}`]),
  ];
  for (const t of file.tensors) {
    const type = t.type.name;
    if (!DRIVER_TYPES.has(type)) throw new LlamaError(`tensor '${t.name}' has ggml type ${t.type.name}, which the bundle's driver does not read (f32, f16, bf16, q8_0)`);
    const shape = [...t.dims].reverse();
    // The contract's names (types.ts tensorNames): llama.cpp's files add `.weight` to most.
    lines.push(`tensor ${t.name.replace(/\.weight$/, "")} ${type} ${file.dataOffset + t.offset} ${t.byteSize} ${shape.length} ${shape.join(" ")}`);
  }
  return `${lines.join("\n")}\n`;
}

const scalar = (v: GGUFValue | undefined): number | undefined =>
  v === undefined || v.type === "array" || v.type === "string" || v.type === "bool" ? undefined : Number(v.value);

/** vocab.bin: each token's piece as the driver prints it (SentencePiece: `▁` is a space; byte tokens a byte). */
function vocabularyPieces(file: GGUFFile, vocab: number): Uint8Array {
  const tokens = file.metadata.get("tokenizer.ggml.tokens");
  const types = file.metadata.get("tokenizer.ggml.token_type");
  if (tokens?.type !== "array" || tokens.items.length !== vocab) throw new LlamaError(`${file.path}: tokenizer.ggml.tokens must list the ${vocab} pieces for the bundle's vocab.bin`);
  const typeOf = (i: number): number => (types?.type === "array" ? scalar(types.items[i]) ?? 1 : 1);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const header = new Uint8Array(4);
  new DataView(header.buffer).setUint32(0, vocab, true);
  parts.push(header);
  tokens.items.forEach((item, i) => {
    const piece = item.type === "string" ? item.value : "";
    const type = typeOf(i);
    // As the tokenizer prints a piece (frontends/tokenizer, pieceBytes): control, unknown, unused: nothing.
    const byte = /^<0x([0-9A-Fa-f]{2})>$/.exec(piece);
    const bytes =
      type === TOKEN_NORMAL ? encoder.encode(piece.replaceAll("\u2581", " "))
      : type === TOKEN_BYTE && byte !== null ? Uint8Array.of(parseInt(byte[1]!, 16))
      : type === TOKEN_USER_DEFINED ? encoder.encode(piece)
      : new Uint8Array(0);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, bytes.length, true);
    parts.push(length, bytes);
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}
