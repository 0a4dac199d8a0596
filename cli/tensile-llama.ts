/**
 * `tensile llama`: generates text with a LLaMA-style model compiled by Tensile.
 *
 *   tensile llama --model model.gguf --prompt "Once upon a time" --max-tokens 64 --temp 0
 *
 * Opens the model (a GGUF file, or a Hugging Face directory of safetensors), loads its tokenizer, compiles its
 * kernels (cached on disk), streams the generated text to stdout as it comes, and ends with one line on stderr:
 * prefill and decode speed, compile time (and how many kernels came from the cache) and peak RSS. Progress bars
 * on stderr when it is a terminal, one plain line per phase otherwise. `--aot DIR` also writes a bundle that
 * runs the same model without Node (frontends/models/llama/aot.ts).
 *
 * Every bad input (missing or unreadable file, not a GGUF, unknown flag, bad number, prompt + --max-tokens over
 * the context) is one line `tensile llama: ...` on stderr and exit status 1, never a stack trace.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { GGUFError } from "../frontends/gguf/index.ts";
import { openGGUFWeights } from "../frontends/models/llama/gguf-source.ts";
import { openSafetensorsWeights } from "../frontends/models/llama/safetensors-source.ts";
import { writeLlamaBundle } from "../frontends/models/llama/aot.ts";
import { type GenerationStats, generate } from "../frontends/models/llama/generate.ts";
import { loadLlamaModel } from "../frontends/models/llama/session.ts";
import { LlamaError, type LoadStats, type WeightSource } from "../frontends/models/llama/types.ts";
import { loadTokenizer, type Tokenizer, TokenizerError } from "../frontends/tokenizer/index.ts";
import { type LlamaArgs, llamaUsage, parseLlamaArgs, UsageError } from "./llama-args.ts";
import { type ProgressReporter, progressReporter } from "./progress.ts";

/** Where `tensile llama` writes: stdout for the text, stderr for progress, errors and the speed line. */
export interface LlamaOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars) and its width. */
  readonly errIsTTY?: boolean;
  readonly errColumns?: number;
}

const PREFIX = "tensile llama: ";

/** Tokens per prefill call (LlamaModelOptions' default, said here so that the --aot bundle gets the same). */
const PREFILL_CHUNK = 32;

/** The KV cache's default length when --ctx is not given: the model's, capped (as LlamaModelOptions says). */
const DEFAULT_CONTEXT_CAP = 2048;

/** Opens `path` as a model: a directory of safetensors, or a GGUF file (checked by its magic first). */
function openModel(path: string): WeightSource {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--model '${path}': ${code === "ENOENT" ? "no such file or directory" : (e as Error).message}`);
  }
  if (isDirectory) return openSafetensorsWeights(path);
  const head = Buffer.alloc(4);
  let read = 0;
  try {
    const fd = openSync(path, "r");
    try {
      read = readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new UsageError(`--model '${path}': cannot read it: ${(e as Error).message}`);
  }
  if (read < 4 || head.toString("latin1") !== "GGUF") {
    const shown = JSON.stringify(head.subarray(0, read).toString("latin1")).slice(1, -1);
    throw new UsageError(`--model '${path}' is not a GGUF file (it starts with '${shown}', not 'GGUF'); a Hugging Face model is a directory with config.json and *.safetensors`);
  }
  return openGGUFWeights(path);
}

/** The model's tokenizer: from the GGUF file's vocabulary, or the directory's tokenizer.json. */
export function openTokenizer(model: string, source: WeightSource): Tokenizer {
  let tokenizer: Tokenizer;
  if (source.format === "gguf") tokenizer = loadTokenizer(model);
  else {
    const json = join(model, "tokenizer.json");
    if (!existsSync(json)) throw new UsageError(`--model '${model}': no tokenizer.json beside config.json`);
    tokenizer = loadTokenizer(json);
  }
  if (tokenizer.vocabSize !== source.config.vocab) throw new UsageError(`--model '${model}': the tokenizer has ${tokenizer.vocabSize} tokens, the model's embedding ${source.config.vocab}`);
  return tokenizer;
}

/** `tensile llama ...` (argv after the subcommand); the exit status. */
export function llamaMain(argv: readonly string[], io: LlamaOutput): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(llamaUsage);
    return 0;
  }
  let source: WeightSource | undefined;
  try {
    const args = parseLlamaArgs(argv);
    const progress = progressReporter({ write: io.err, isTTY: io.errIsTTY === true, columns: io.errColumns ?? 80 }, PREFIX, args.quiet);
    source = openModel(args.model);
    return run(args, source, io, progress);
  } catch (e) {
    io.err(`${PREFIX}${describe(e)}\n`);
    return 1;
  } finally {
    source?.close();
  }
}

/** A user's error as its message; anything else also names its kind, so a bug is recognisable (no stack). */
function describe(e: unknown): string {
  if (e instanceof UsageError || e instanceof LlamaError || e instanceof GGUFError || e instanceof TokenizerError) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function run(args: LlamaArgs, source: WeightSource, io: LlamaOutput, progress: ProgressReporter): number {
  const c = source.config;
  progress.line(`${args.model}: ${source.format}, dim ${c.dim}, ${c.layers} layer${c.layers === 1 ? "" : "s"}, ${c.heads} heads (${c.kvHeads} KV), FFN ${c.hidden}, vocab ${c.vocab}, ${(source.weightBytes / 2 ** 20).toFixed(1)} MiB of weights`);
  if (args.aot !== undefined && source.format !== "gguf") throw new UsageError(`--aot needs a GGUF model (the bundle's driver maps one GGUF file); '${args.model}' is a ${source.format} model`);
  const tokenizer = openTokenizer(args.model, source);
  // What generate evaluates: BOS (when the model wants it) and the prompt's tokens.
  const promptIds = tokenizer.encode(args.prompt, { addBos: tokenizer.addBos });
  const contextLength = args.contextLength ?? Math.min(c.contextLength, DEFAULT_CONTEXT_CAP);
  if (contextLength > c.contextLength) throw new UsageError(`--ctx ${contextLength} is over the model's context length ${c.contextLength}`);
  // Checked before compiling (generate checks it too, but only after the minutes a compile can take).
  if (promptIds.length + args.maxTokens > contextLength) {
    const ctx = args.contextLength === undefined ? `the context length ${contextLength} (the model's${c.contextLength > DEFAULT_CONTEXT_CAP ? `, capped at ${DEFAULT_CONTEXT_CAP}` : ""}; --ctx sets it)` : `--ctx ${contextLength}`;
    throw new UsageError(`the prompt (${promptIds.length} tokens${tokenizer.addBos ? " with BOS" : ""}) plus --max-tokens ${args.maxTokens} is ${promptIds.length + args.maxTokens} tokens, over ${ctx}`);
  }
  // One thread: the sequential pipeline (threads implies the OpenMP one, codegen/compile.ts).
  const model = loadLlamaModel(source, { target: args.target, ...(args.threads > 1 ? { threads: args.threads } : {}), contextLength, prefillChunk: PREFILL_CHUNK, onProgress: progress.update });
  progress.finish();
  try {
    const seed = args.seed ?? Date.now() % 2 ** 32;
    const session = model.createSession();
    let stats: GenerationStats;
    try {
      stats = generate(session, tokenizer, args.prompt, {
        maxTokens: args.maxTokens,
        addBos: tokenizer.addBos,
        sampling: { temperature: args.temperature, topK: args.topK, topP: args.topP, repeatPenalty: args.repeatPenalty, seed },
        onToken: (text) => io.out(text),
      });
    } finally {
      session.dispose();
    }
    io.out("\n");
    if (args.aot !== undefined) {
      const bundle = writeLlamaBundle({ dir: args.aot, source, contextLength, prefillChunk: PREFILL_CHUNK, promptTokens: promptIds, maxTokens: args.maxTokens, target: args.target, threads: args.threads });
      progress.line(`wrote the AOT bundle to ${bundle.dir}: sh ${bundle.buildScript} && (cd ${bundle.dir} && ./llama_main)`);
    }
    if (!args.quiet) io.err(`${speedLine(stats, model.stats, seed)}\n`);
  } finally {
    model.dispose();
  }
  return 0;
}

/** The closing line: prefill and decode speed, compile time (and the cache's share), peak RSS, the seed. */
export function speedLine(g: GenerationStats, load: LoadStats, seed: number): string {
  const rate = (tokens: number, seconds: number) => (seconds > 0 ? (tokens / seconds).toFixed(1) : "-");
  const cache = load.cachedKernels === load.kernels ? "from the cache" : load.cachedKernels === 0 ? "compiled" : `${load.cachedKernels} from the cache`;
  const rss = process.resourceUsage().maxRSS / 1024; // KiB -> MiB
  return [
    `${PREFIX}prefill ${g.promptTokens} tokens at ${rate(g.promptTokens, g.prefillSeconds)} tok/s`,
    `decode ${g.decodeSteps} tokens at ${rate(g.decodeSteps, g.decodeSeconds)} tok/s`,
    `compile ${load.compileSeconds.toFixed(1)} s (${load.kernels === 1 ? "kernels" : `${load.kernels} kernel libraries`} ${cache})`,
    `peak RSS ${rss.toFixed(0)} MiB`,
    `seed ${seed}`,
  ].join(", ");
}
