/**
 * LLaMA's tokenizer: SentencePiece BPE with byte fallback, as llama.cpp runs it (src/llama-vocab.cpp,
 * `llm_tokenizer_spm_session` and `llama_vocab::impl::tokenize` / `detokenize`), and the same from a Hugging Face
 * `tokenizer.json` (BPE model with merge ranks; see tokenizer-json.ts).
 *
 * Encoding, in llama.cpp's order:
 * 1. Special tokens are split out of the text first: user-defined pieces always, control and unknown pieces
 *    ("<s>", "</s>", "<unk>") only with `parseSpecial`; longer pieces first, each occurrence left to right.
 * 2. Each remaining text segment that starts the input or follows a special token gets a space in front
 *    (`addSpacePrefix`), then every space becomes "▁" (U+2581). Tabs and newlines stay as they are.
 * 3. The segment is split into characters (code points), and adjacent pairs merge while some pair's
 *    concatenation is a piece: the pair whose piece has the highest score first, the leftmost on ties
 *    (SentencePiece); or, from tokenizer.json, the pair of lowest merge rank, the leftmost on ties.
 * 4. A symbol that is not a piece is written as its UTF-8 bytes, one `<0xNN>` piece each (byte fallback).
 * `addBos` puts BOS first (off by default; the vocabulary's `addBos` says whether the model wants it); the text
 * itself gives BOS only when it holds "<s>" and `parseSpecial` is on (as llama.cpp).
 *
 * Decoding: a normal piece's "▁" become spaces, a byte piece is its byte, control and unknown pieces give no
 * text (their piece with `special`), user-defined pieces their text; the bytes are read as UTF-8 (an invalid
 * sequence becomes U+FFFD). The space step 2 put first is removed again: one leading space of the first token
 * that gives text. llama.cpp removes it from the first token only, so for ids that start with BOS its
 * `llama_detokenize` keeps the space (" The ..." where this gives "The ...").
 *
 * Not done: llama.cpp re-types some pieces by their text when it loads a vocabulary ("<|end|>", "<|eot_id|>",
 * "<|im_end|>", fill-in-the-middle names, ... become control pieces); LLaMA-2's vocabulary has none of them.
 */
import { checkVocabulary, TokenizerError, TokenType, type Vocabulary } from "./vocabulary.ts";

export interface EncodeOptions {
  /**
   * Put BOS first (default false: callers that feed a model add it, as generate.ts does; `tokenizer.addBos`
   * says whether the model wants it, true for LLaMA).
   */
  readonly addBos?: boolean;
  /** Read control pieces written in the text ("<s>") as those tokens (default false, as llama.cpp's tokenize). */
  readonly parseSpecial?: boolean;
}

export interface DecodeOptions {
  /** Render control and unknown tokens as their piece text ("<s>") instead of nothing (default false). */
  readonly special?: boolean;
}

/** How adjacent symbols merge. */
export type MergeModel =
  /** SentencePiece: any adjacent pair whose concatenation is a piece; the highest-scoring piece first. */
  | { readonly kind: "sentencepiece" }
  /**
   * BPE with merge ranks (Hugging Face): only listed pairs of pieces merge, the lowest rank first. A character
   * that is not a piece becomes its bytes' `<0xNN>` pieces with `byteFallback`, else UNK (consecutive UNKs
   * fused into one when `fuseUnk`). With `ignoreMerges`, a segment that is a piece as a whole is that piece.
   */
  | {
    readonly kind: "bpe";
    /** `${leftId} ${rightId}` -> [rank, merged id]. */
    readonly merges: ReadonlyMap<string, readonly [number, number]>;
    readonly byteFallback: boolean;
    readonly fuseUnk: boolean;
    readonly ignoreMerges: boolean;
  };

/** Which text segments get the space prefix: all (start and after each special token), the first only, none. */
export type SpacePrefix = "every-segment" | "first-segment" | "none";

export interface TokenizerOptions {
  readonly model?: MergeModel;
  /** Default: "every-segment" when the vocabulary's `addSpacePrefix`, else "none". */
  readonly spacePrefix?: SpacePrefix;
  /** Whether decoding removes one leading space from the first text (default: when `spacePrefix` is not "none"). */
  readonly stripLeadingSpace?: boolean;
}

/**
 * A pending merge of the symbols `left` and `right` into the piece `id`. SentencePiece: `size` is the length of
 * their texts together, to tell a stale entry (unused by BPE).
 */
interface Bigram {
  readonly priority: number;
  readonly left: number;
  readonly right: number;
  readonly size: number;
  readonly id: number;
}

/** A binary max-heap of bigrams: higher priority first, then the lower left index (llama.cpp's comparator). */
class BigramQueue {
  private readonly heap: Bigram[] = [];
  get size(): number { return this.heap.length; }
  private static before(a: Bigram, b: Bigram): boolean {
    return a.priority > b.priority || (a.priority === b.priority && a.left < b.left);
  }
  push(b: Bigram): void {
    const h = this.heap;
    h.push(b);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!BigramQueue.before(h[i] as Bigram, h[p] as Bigram)) break;
      [h[i], h[p]] = [h[p] as Bigram, h[i] as Bigram];
      i = p;
    }
  }
  pop(): Bigram {
    const h = this.heap;
    const top = h[0] as Bigram;
    const last = h.pop() as Bigram;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && BigramQueue.before(h[l] as Bigram, h[m] as Bigram)) m = l;
        if (r < h.length && BigramQueue.before(h[r] as Bigram, h[m] as Bigram)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m] as Bigram, h[i] as Bigram];
        i = m;
      }
    }
    return top;
  }
}

const SPACE = "\u2581";

/** `text` with each lone surrogate replaced by U+FFFD, as Node does when it hands a string to llama.cpp as UTF-8. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
const utf8 = new TextEncoder();

export class Tokenizer {
  readonly vocabSize: number;
  readonly bos: number;
  readonly eos: number;
  readonly unk: number | undefined;
  /** Whether the model wants BOS before its input (`tokenizer.ggml.add_bos_token`; encode adds it when told). */
  readonly addBos: boolean;
  readonly spacePrefix: SpacePrefix;
  /** Whether decoding removes one leading space from the first text (the one the space prefix added). */
  readonly stripLeadingSpace: boolean;
  private readonly model: MergeModel;
  private readonly tokens: readonly string[];
  private readonly scores: ArrayLike<number>;
  private readonly types: ArrayLike<number>;
  /** Piece text -> id; a text listed twice maps to its last id (llama.cpp's `token_to_id`). */
  private readonly ids = new Map<string, number>();
  /** The `<0xNN>` piece of each byte, or -1. */
  private readonly byteIds = new Int32Array(256).fill(-1);
  /** Control, user-defined and unknown pieces, longest first (llama.cpp's `cache_special_tokens`). */
  private readonly specials: readonly number[];

  constructor(vocabulary: Vocabulary, options: TokenizerOptions = {}) {
    checkVocabulary(vocabulary, "vocabulary");
    this.vocabSize = vocabulary.tokens.length;
    this.bos = vocabulary.bos;
    this.eos = vocabulary.eos;
    this.unk = vocabulary.unk;
    this.addBos = vocabulary.addBos;
    this.spacePrefix = options.spacePrefix ?? (vocabulary.addSpacePrefix ? "every-segment" : "none");
    this.stripLeadingSpace = options.stripLeadingSpace ?? this.spacePrefix !== "none";
    this.model = options.model ?? { kind: "sentencepiece" };
    // llama.cpp renames empty pieces (they would match everywhere).
    this.tokens = vocabulary.tokens.map((t, i) => (t === "" ? `[EMPTY_${i}]` : t));
    this.scores = vocabulary.scores;
    this.types = vocabulary.types;
    this.tokens.forEach((t, i) => this.ids.set(t, i));
    for (let b = 0; b < 256; b++) {
      const id = this.ids.get(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
      if (id !== undefined) this.byteIds[b] = id;
    }
    const special: number[] = [];
    for (let id = 0; id < this.vocabSize; id++) {
      const t = this.types[id];
      if (t === TokenType.control || t === TokenType.userDefined || t === TokenType.unknown) special.push(id);
    }
    this.specials = special.sort((a, b) => (this.tokens[b] as string).length - (this.tokens[a] as string).length || a - b);
  }

  /** The piece of `id` as the vocabulary holds it ("▁The", "<0x0A>", "<s>"). */
  piece(id: number): string {
    this.checkId(id);
    return this.tokens[id] as string;
  }

  /** The llama.cpp token type of `id` (TokenType). */
  tokenType(id: number): number {
    this.checkId(id);
    return this.types[id] as number;
  }

  /** The id of a piece, or undefined. */
  id(piece: string): number | undefined {
    return this.ids.get(piece);
  }

  private checkId(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.vocabSize) throw new TokenizerError(`token id ${id} is not in the vocabulary of ${this.vocabSize} tokens`);
  }

  encode(text: string, options: EncodeOptions = {}): number[] {
    const out: number[] = [];
    if (options.addBos === true) out.push(this.bos);
    if (text === "") return out;
    let first = true;
    let prevSpecial = true; // the start counts as after a special token
    for (const fragment of this.partition(wellFormed(text), options.parseSpecial ?? false)) {
      if (typeof fragment === "number") {
        out.push(fragment);
        prevSpecial = true;
        continue;
      }
      const prefix = this.spacePrefix === "every-segment" ? prevSpecial : this.spacePrefix === "first-segment" && first;
      const normalized = ((prefix ? " " : "") + fragment).replaceAll(" ", SPACE);
      if (this.model.kind === "sentencepiece") this.encodeSentencePiece(normalized, out);
      else this.encodeBPE(normalized, this.model, out);
      prevSpecial = false;
      first = false;
    }
    return out;
  }

  /** The text split around special pieces: strings to encode and special ids, in order. */
  private partition(text: string, parseSpecial: boolean): (string | number)[] {
    let fragments: (string | number)[] = [text];
    for (const id of this.specials) {
      const type = this.types[id];
      if (!parseSpecial && (type === TokenType.control || type === TokenType.unknown)) continue;
      const piece = this.tokens[id] as string;
      const next: (string | number)[] = [];
      for (const f of fragments) {
        if (typeof f === "number" || !f.includes(piece)) {
          next.push(f);
          continue;
        }
        const parts = f.split(piece);
        parts.forEach((p, i) => {
          if (i > 0) next.push(id);
          if (p !== "") next.push(p);
        });
      }
      fragments = next;
    }
    return fragments;
  }

  /** llama.cpp's `llm_tokenizer_spm_session::tokenize`. */
  private encodeSentencePiece(text: string, out: number[]): void {
    const sym = Array.from(text);
    const n = sym.length;
    const prev = Int32Array.from({ length: n }, (_, i) => i - 1);
    const next = Int32Array.from({ length: n }, (_, i) => (i + 1 < n ? i + 1 : -1));
    const queue = new BigramQueue();
    const tryAdd = (left: number, right: number) => {
      if (left < 0 || right < 0) return;
      const merged = (sym[left] as string) + (sym[right] as string);
      const id = this.ids.get(merged);
      if (id === undefined) return;
      queue.push({ priority: this.scores[id] as number, left, right, size: merged.length, id });
    };
    for (let i = 1; i < n; i++) tryAdd(i - 1, i);
    while (queue.size > 0) {
      const b = queue.pop();
      const l = sym[b.left] as string;
      const r = sym[b.right] as string;
      // Stale when either side has merged since (llama.cpp compares lengths the same way).
      if (l === "" || r === "" || l.length + r.length !== b.size) continue;
      sym[b.left] = l + r;
      sym[b.right] = "";
      next[b.left] = next[b.right] as number;
      if ((next[b.right] as number) >= 0) prev[next[b.right] as number] = b.left;
      tryAdd(prev[b.left] as number, b.left);
      tryAdd(b.left, next[b.left] as number);
    }
    for (let i = n > 0 ? 0 : -1; i !== -1; i = next[i] as number) {
      const s = sym[i] as string;
      const id = this.ids.get(s);
      if (id !== undefined) out.push(id);
      else for (const byte of utf8.encode(s)) out.push(this.byteToken(byte));
    }
  }

  /** llama.cpp's `byte_to_token`: the `<0xNN>` piece, else a piece that is the byte itself. */
  private byteToken(byte: number): number {
    const id = this.byteIds[byte] as number;
    if (id >= 0) return id;
    const plain = byte < 0x80 ? this.ids.get(String.fromCharCode(byte)) : undefined;
    if (plain !== undefined) return plain;
    throw new TokenizerError(`the vocabulary has no piece for the byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} (no <0xNN> byte-fallback piece)`);
  }

  /** Hugging Face's BPE `Word::merge_all` over one segment, with byte fallback. */
  private encodeBPE(text: string, model: Extract<MergeModel, { kind: "bpe" }>, out: number[]): void {
    const whole = this.ids.get(text);
    if (model.ignoreMerges && whole !== undefined) {
      out.push(whole);
      return;
    }
    const ids: number[] = [];
    let lastUnk = false;
    for (const ch of text) {
      const id = this.ids.get(ch);
      if (id !== undefined) {
        ids.push(id);
        lastUnk = false;
        continue;
      }
      const bytes = utf8.encode(ch);
      if (model.byteFallback && bytes.every((b) => (this.byteIds[b] as number) >= 0)) {
        for (const b of bytes) ids.push(this.byteIds[b] as number);
        lastUnk = false;
        continue;
      }
      if (this.unk === undefined) throw new TokenizerError(`the character ${JSON.stringify(ch)} has no piece, no byte pieces and the vocabulary has no UNK`);
      if (!(model.fuseUnk && lastUnk)) ids.push(this.unk);
      lastUnk = true;
    }
    const n = ids.length;
    const sym = ids.slice();
    const prev = Int32Array.from({ length: n }, (_, i) => i - 1);
    const next = Int32Array.from({ length: n }, (_, i) => (i + 1 < n ? i + 1 : -1));
    const alive = new Uint8Array(n).fill(1);
    const queue = new BigramQueue();
    const tryAdd = (left: number, right: number) => {
      if (left < 0 || right < 0) return;
      const m = model.merges.get(`${sym[left]} ${sym[right]}`);
      if (m !== undefined) queue.push({ priority: -m[0], left, right, size: 0, id: m[1] });
    };
    for (let i = 1; i < n; i++) tryAdd(i - 1, i);
    while (queue.size > 0) {
      const b = queue.pop();
      // As Hugging Face checks an entry: the left symbol is alive and, with its current right neighbour, still
      // merges into the same piece.
      const right = next[b.left] as number;
      if (!alive[b.left] || right < 0 || model.merges.get(`${sym[b.left]} ${sym[right]}`)?.[1] !== b.id) continue;
      sym[b.left] = b.id;
      alive[right] = 0;
      next[b.left] = next[right] as number;
      if ((next[right] as number) >= 0) prev[next[right] as number] = b.left;
      tryAdd(prev[b.left] as number, b.left);
      tryAdd(b.left, next[b.left] as number);
    }
    for (let i = n > 0 ? 0 : -1; i !== -1; i = next[i] as number) out.push(sym[i] as number);
  }

  /** The bytes of one token's piece (before the leading-space rule). */
  private pieceBytes(id: number, special: boolean): Uint8Array {
    this.checkId(id);
    const t = this.types[id];
    const piece = this.tokens[id] as string;
    switch (t) {
      case TokenType.normal: return utf8.encode(piece.replaceAll(SPACE, " "));
      case TokenType.byte: return Uint8Array.of(Number.parseInt(piece.slice(3, 5), 16));
      case TokenType.userDefined: return utf8.encode(piece);
      case TokenType.control:
      case TokenType.unknown: return special ? utf8.encode(piece) : new Uint8Array(0);
      default: return new Uint8Array(0); // unused and undefined pieces give no text, as in llama.cpp
    }
  }

  decode(ids: readonly number[], options: DecodeOptions = {}): string {
    const d = this.streamingDecoder(options);
    let text = "";
    for (const id of ids) text += d.push(id);
    return text + d.flush();
  }

  /** A streaming decoder: text is returned as soon as its UTF-8 bytes are complete. */
  streamingDecoder(options: DecodeOptions = {}): StreamingDecoder {
    return new StreamingDecoder((id) => this.pieceBytes(id, options.special ?? false), this.stripLeadingSpace);
  }
}

/**
 * Decodes tokens one at a time: `push(id)` returns the text that became complete (a character split over
 * byte-fallback tokens comes out with its last byte), `flush()` what is left (an incomplete sequence as U+FFFD).
 */
export class StreamingDecoder {
  private readonly utf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  private stripSpace: boolean;
  constructor(
    private readonly bytesOf: (id: number) => Uint8Array,
    stripLeadingSpace: boolean,
  ) {
    this.stripSpace = stripLeadingSpace;
  }

  push(id: number): string {
    let bytes = this.bytesOf(id);
    if (bytes.length === 0) return "";
    if (this.stripSpace) {
      this.stripSpace = false;
      if (bytes[0] === 0x20) bytes = bytes.subarray(1);
    }
    return this.utf8.decode(bytes, { stream: true });
  }

  flush(): string {
    return this.utf8.decode();
  }
}
