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
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { GGUFError } from "../frontends/gguf/index.ts";
import { openGGUFWeights } from "../frontends/models/llama/gguf-source.ts";
import { openSafetensorsWeights } from "../frontends/models/llama/safetensors-source.ts";
import { LlamaError, type WeightSource } from "../frontends/models/llama/types.ts";
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
  if (e instanceof UsageError || e instanceof LlamaError || e instanceof GGUFError) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function run(args: LlamaArgs, source: WeightSource, io: LlamaOutput, progress: ProgressReporter): number {
  const c = source.config;
  progress.line(`${args.model}: ${source.format}, dim ${c.dim}, ${c.layers} layers, ${c.heads} heads (${c.kvHeads} KV), FFN ${c.hidden}, vocab ${c.vocab}, ${(source.weightBytes / 2 ** 20).toFixed(1)} MiB of weights`);
  const contextLength = args.contextLength ?? Math.min(c.contextLength, DEFAULT_CONTEXT_CAP);
  void contextLength;
  void io;
  throw new UsageError("the compiled LLaMA model is not wired in yet");
}
