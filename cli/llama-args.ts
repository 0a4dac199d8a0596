/**
 * The arguments of `tensile llama`: parsed strictly (an unknown flag, a missing value, a bad number or a value
 * out of range is a UsageError naming the flag and what it got), before any file is opened.
 */
import { samplingDefaults as d } from "../frontends/models/llama/sampling.ts";
import type { LlamaTarget } from "../frontends/models/llama/types.ts";

const MAX_TOKENS = 64;

export const llamaUsage = `USAGE:
  tensile llama --model FILE.gguf|DIR --prompt "..." [options]
      generates text with a LLaMA-style model: a GGUF file (f32, f16, bf16, q8_0), or a directory with
      config.json, tokenizer.json and *.safetensors; the text streams to stdout, progress and the speed line
      (prefill and decode tok/s, compile time, peak RSS) go to stderr
  --threads N          threads of the compiled kernels (default 1)
  --target T           host | avx2 | avx512 (default host)
  --max-tokens N       tokens to generate at most (default ${MAX_TOKENS}); generation also stops at end-of-sequence
  --temp T             temperature, 0 = greedy (default ${d.temperature})
  --top-k K            keep the K most likely tokens, 0 = all (default ${d.topK})
  --top-p P            keep the smallest set reaching probability P, in (0, 1] (default ${d.topP})
  --repeat-penalty R   llama.cpp's repetition penalty over the last ${d.repeatLastN} tokens, 1 = none (default ${d.repeatPenalty})
  --seed S             seed of the sampler (default: from the clock; printed with the speed line)
  --ctx N              context length of the KV cache (default: the model's, at most 2048)
  --aot DIR            also write a bundle to DIR that runs the model without Node (DIR/build.sh, then
                       DIR/llama_main): kernels' object, C header, weights reference, vocabulary, prompt, C driver
  --quiet              no progress and no speed line on stderr
`;

/** A usage error: reported as `tensile llama: <message>`, exit status 1. */
export class UsageError extends Error {}

export interface LlamaArgs {
  readonly model: string;
  readonly prompt: string;
  readonly threads: number;
  readonly target: LlamaTarget;
  readonly maxTokens: number;
  readonly temperature: number;
  readonly topK: number;
  readonly topP: number;
  readonly repeatPenalty: number;
  /** undefined: from the clock. */
  readonly seed: number | undefined;
  /** undefined: the model's, capped at 2048. */
  readonly contextLength: number | undefined;
  readonly aot: string | undefined;
  readonly quiet: boolean;
}

const TARGETS: Readonly<Record<string, LlamaTarget>> = { host: "host", avx2: "x86_64-avx2", avx512: "x86_64-avx512" };
const VALUE_FLAGS = ["model", "prompt", "threads", "target", "max-tokens", "temp", "top-k", "top-p", "repeat-penalty", "seed", "ctx", "aot"] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
const SWITCHES = ["quiet"] as const;

const INTEGER = /^\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function integer(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!INTEGER.test(text) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`;
    throw new UsageError(`--${flag} must be ${range}, got '${text}'`);
  }
  return n;
}

function decimal(flag: string, text: string, ok: (x: number) => boolean, what: string): number {
  const x = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(x) || !ok(x)) throw new UsageError(`--${flag} must be ${what}, got '${text}'`);
  return x;
}

/** Parses `tensile llama`'s arguments (after the subcommand); throws UsageError. */
export function parseLlamaArgs(argv: readonly string[]): LlamaArgs {
  const values = new Map<ValueFlag, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) throw new UsageError(`unexpected argument '${a}' (every option is a --flag; the prompt goes after --prompt)`);
    const eq = a.indexOf("=");
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if ((SWITCHES as readonly string[]).includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) throw new UsageError(`unknown flag '--${name}' (tensile llama --help lists them)`);
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      // A prompt may start with "--"; other flags' values never do.
      if (value === undefined || (value.startsWith("--") && name !== "prompt")) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    if (values.has(name as ValueFlag)) throw new UsageError(`--${name} is given twice`);
    values.set(name as ValueFlag, value);
  }
  const model = values.get("model");
  if (model === undefined || model === "") throw new UsageError("--model FILE.gguf|DIR is required");
  const prompt = values.get("prompt");
  if (prompt === undefined) throw new UsageError('--prompt "..." is required');
  const get = <T>(flag: ValueFlag, parse: (text: string) => T, otherwise: T): T => {
    const text = values.get(flag);
    return text === undefined ? otherwise : parse(text);
  };
  const targetText = values.get("target") ?? "host";
  const target = TARGETS[targetText];
  if (target === undefined) throw new UsageError(`unknown --target '${targetText}' (${Object.keys(TARGETS).join(", ")})`);
  return {
    model,
    prompt,
    target,
    threads: get("threads", (t) => integer("threads", t, 1, 256), 1),
    maxTokens: get("max-tokens", (t) => integer("max-tokens", t, 1), MAX_TOKENS),
    temperature: get("temp", (t) => decimal("temp", t, (x) => x >= 0, "a number >= 0"), d.temperature),
    topK: get("top-k", (t) => integer("top-k", t, 0), d.topK),
    topP: get("top-p", (t) => decimal("top-p", t, (x) => x > 0 && x <= 1, "a number in (0, 1]"), d.topP),
    repeatPenalty: get("repeat-penalty", (t) => decimal("repeat-penalty", t, (x) => x > 0, "a number > 0"), d.repeatPenalty),
    seed: get("seed", (t) => integer("seed", t, 0, 2 ** 32 - 1), undefined as number | undefined),
    contextLength: get("ctx", (t) => integer("ctx", t, 1), undefined as number | undefined),
    aot: values.get("aot"),
    quiet: switches.has("quiet"),
  };
}
