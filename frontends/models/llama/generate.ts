/**
 * Text generation over a LlamaSession: the prompt is tokenized and evaluated at once (prefill), then tokens are
 * sampled (sampling.ts) and evaluated one at a time (decode), each streamed as text through the tokenizer's
 * streaming detokenizer, until EOS or `maxTokens`. The prompt and the whole generation must fit the session's
 * context: that is checked before any work, so a run never fails half way for lack of room.
 */
import { createRng, resolveSampling, sampleToken } from "./sampling.ts";
import { LlamaError, type LlamaSession, type SamplingOptions } from "./types.ts";

/** Turns ids into text one token at a time (a piece can end inside a UTF-8 sequence: text comes when complete). */
export interface StreamingDetokenizer {
  /** The text `id` completes (may be "" while bytes of a character are pending). */
  push(id: number): string;
  /** The text still pending at the end (incomplete bytes as U+FFFD). */
  flush(): string;
}

/** What generation needs of a tokenizer (frontends/tokenizer's `Tokenizer` is one). */
export interface GenerationTokenizer {
  /** The ids of `text`, without BOS (SentencePiece's leading-space rule applied). */
  encode(text: string): number[];
  readonly bos: number;
  readonly eos: number;
  /** A fresh streaming detokenizer (it drops the leading space of the first token that gives text). */
  streamingDecoder(): StreamingDetokenizer;
}

export interface GenerateOptions {
  /** Tokens to generate at most (EOS included when it stops the run). */
  readonly maxTokens: number;
  readonly sampling?: SamplingOptions;
  /** Put BOS before the prompt (default true, as llama.cpp does for LLaMA). */
  readonly addBos?: boolean;
  /** Stop when EOS is sampled (default true); EOS itself is neither printed nor evaluated. */
  readonly stopAtEos?: boolean;
  /**
   * Called with each token's text as soon as it is known. A last call with id -1 carries text the detokenizer
   * held back at the end (an incomplete UTF-8 sequence), if any.
   */
  readonly onToken?: (text: string, id: number) => void;
}

export interface GenerationStats {
  /** Tokens of the prompt as evaluated (BOS included). */
  readonly promptTokens: number;
  /** Tokens generated (`tokens.length`). */
  readonly generatedTokens: number;
  /** Seconds of the prompt's evaluation. */
  readonly prefillSeconds: number;
  /** Seconds of the single-token steps after it, sampling included (`decodeSteps` evaluations). */
  readonly decodeSeconds: number;
  /** Single-token evaluations (the last generated token is not evaluated: nothing needs its logits). */
  readonly decodeSteps: number;
  /** The generated ids (EOS not included). */
  readonly tokens: readonly number[];
  readonly text: string;
  readonly stoppedBy: "eos" | "maxTokens";
}

/**
 * Generates up to `maxTokens` tokens after `prompt` in `session` (from its current position), streaming text
 * through `onToken`. Throws a LlamaError before any work when the prompt plus `maxTokens` exceed the context.
 */
export function generate(session: LlamaSession, tokenizer: GenerationTokenizer, prompt: string, options: GenerateOptions): GenerationStats {
  const { maxTokens, addBos = true, stopAtEos = true, onToken } = options;
  if (!Number.isInteger(maxTokens) || maxTokens < 0) throw new LlamaError(`maxTokens ${maxTokens} must be an integer >= 0`);
  const sampling = resolveSampling(options.sampling);
  const promptIds = [...(addBos ? [tokenizer.bos] : []), ...tokenizer.encode(prompt)];
  if (promptIds.length === 0) throw new LlamaError("the prompt is empty and no BOS is added: there is nothing to evaluate");
  const room = session.contextLength - session.position;
  if (promptIds.length + maxTokens > room) {
    throw new LlamaError(
      `the prompt (${promptIds.length} tokens) plus ${maxTokens} generated tokens exceed the context: ${session.contextLength} tokens` +
        (session.position > 0 ? `, ${session.position} already used` : ""),
    );
  }
  const rng = createRng(sampling.seed);
  // The detokenizer first sees the prompt (its text discarded): the first generated token then keeps its leading
  // space (" quick" after "The"), and a character split between prompt and reply comes out whole.
  const detokenizer = tokenizer.streamingDecoder();
  for (const id of promptIds) detokenizer.push(id);
  const history = [...promptIds];
  const tokens: number[] = [];
  let text = "";
  const emit = (piece: string, id: number) => {
    text += piece;
    onToken?.(piece, id);
  };

  const t0 = performance.now();
  let logits = session.evaluate(promptIds);
  const t1 = performance.now();
  let steps = 0;
  let stoppedBy: GenerationStats["stoppedBy"] = "maxTokens";
  while (tokens.length < maxTokens) {
    const id = sampleToken(logits, history, sampling, rng);
    if (stopAtEos && id === tokenizer.eos) {
      stoppedBy = "eos";
      break;
    }
    tokens.push(id);
    history.push(id);
    emit(detokenizer.push(id), id);
    if (tokens.length === maxTokens) break;
    logits = session.evaluate([id]);
    steps++;
  }
  const rest = detokenizer.flush();
  if (rest !== "") emit(rest, -1);
  const t2 = performance.now();
  return {
    promptTokens: promptIds.length,
    generatedTokens: tokens.length,
    prefillSeconds: (t1 - t0) / 1000,
    decodeSeconds: (t2 - t1) / 1000,
    decodeSteps: steps,
    tokens,
    text,
    stoppedBy,
  };
}
