/**
 * A Hugging Face `tokenizer.json` of a LLaMA-style model as a Tokenizer: model type "BPE" with `byte_fallback`,
 * its `vocab` and `merges` (ranks), `added_tokens` (special ones become control pieces, the `unk_token` the
 * unknown piece, others user-defined pieces), and the space handling of either form the converters write:
 * - normalizer Sequence[Prepend("▁"), Replace(" ", "▁")] and no pre-tokenizer (LLaMA-2's "legacy" files): every
 *   segment between special tokens gets the prefix, as llama.cpp does;
 * - pre-tokenizer Metaspace(replacement "▁", split false, prepend_scheme "always" | "first" | "never") and no
 *   normalizer.
 * Decoded with io-ts: a missing or wrong field is a TokenizerError naming it; any other normalizer,
 * pre-tokenizer or model setting (dropout, subword prefixes) is named as unsupported rather than ignored.
 *
 * Decoding removes the leading space when the decoder strips it (see `stripsLeadingSpace`); added tokens with
 * lstrip, rstrip or single_word are named as unsupported. BOS and EOS are "<s>" and "</s>" unless given; BOS is added by default when the post-processor is a
 * TemplateProcessing whose single-sequence template starts with it.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { type SpacePrefix, Tokenizer } from "./tokenizer.ts";
import { TokenizerError, TokenType, type Vocabulary } from "./vocabulary.ts";

const nonNegativeInteger = new t.Type<number, number, unknown>(
  "a non-negative integer",
  (u): u is number => typeof u === "number" && Number.isSafeInteger(u) && u >= 0,
  (u, c) => (typeof u === "number" && Number.isSafeInteger(u) && u >= 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const AddedToken = t.intersection([
  t.type({ id: nonNegativeInteger, content: t.string, special: t.boolean }, "an added token {id, content, special}"),
  t.partial({ lstrip: t.boolean, rstrip: t.boolean, single_word: t.boolean }),
], "an added token {id, content, special}");

const BPEModel = t.intersection([
  t.type({
    type: t.literal("BPE"),
    vocab: t.record(t.string, nonNegativeInteger),
    merges: t.array(t.union([t.string, t.tuple([t.string, t.string])]), "merges (\"a b\" strings or [a, b] pairs)"),
  }, "a BPE model"),
  t.partial({
    unk_token: t.union([t.string, t.null]),
    byte_fallback: t.boolean,
    fuse_unk: t.boolean,
    ignore_merges: t.boolean,
    dropout: t.union([t.number, t.null]),
    continuing_subword_prefix: t.union([t.string, t.null]),
    end_of_word_suffix: t.union([t.string, t.null]),
  }),
], "a BPE model");

const TokenizerJSON = t.intersection([
  t.type({ model: BPEModel }, "a tokenizer.json object"),
  t.partial({
    added_tokens: t.array(AddedToken),
    normalizer: t.unknown,
    pre_tokenizer: t.unknown,
    post_processor: t.unknown,
    decoder: t.unknown,
  }),
], "a tokenizer.json object");
type TokenizerJSON = t.TypeOf<typeof TokenizerJSON>;

/** "model.vocab.x: expected a non-negative integer, found -1" for the first decode error. */
function describeError(errors: t.Errors): string {
  const e = errors[0];
  if (e === undefined) return "invalid tokenizer.json";
  const path = e.context.map((c) => c.key).filter((k) => k !== "" && !/^\d+$/.test(k)).join(".");
  const expected = e.context[e.context.length - 1]?.type.name ?? "?";
  const found = e.value === undefined ? "nothing (the field is missing)" : JSON.stringify(e.value)?.slice(0, 60);
  return `${path || "(top level)"}: expected ${expected}, found ${found}`;
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u);
const describe = (u: unknown) => (isObject(u) && typeof u.type === "string" ? u.type : JSON.stringify(u)?.slice(0, 80));

/** The space prefix the normalizer / pre-tokenizer pair asks for, or a TokenizerError naming what is not supported. */
function spacePrefixOf(json: TokenizerJSON): SpacePrefix {
  const { normalizer, pre_tokenizer: pre } = json;
  const none = (u: unknown) => u === undefined || u === null;
  if (none(pre)) {
    const steps = isObject(normalizer) && normalizer.type === "Sequence" && Array.isArray(normalizer.normalizers) ? normalizer.normalizers : undefined;
    const [prepend, replace] = steps ?? [];
    const legacy = steps?.length === 2 && isObject(prepend) && prepend.type === "Prepend" && prepend.prepend === "▁" &&
      isObject(replace) && replace.type === "Replace" && isObject(replace.pattern) && replace.pattern.String === " " && replace.content === "▁";
    if (legacy) return "every-segment";
    throw new TokenizerError(`tokenizer.json: normalizer ${describe(normalizer)} is not supported (only Sequence[Prepend("▁"), Replace(" ", "▁")], or a Metaspace pre-tokenizer)`);
  }
  if (!none(normalizer)) throw new TokenizerError(`tokenizer.json: a normalizer (${describe(normalizer)}) with a pre-tokenizer is not supported`);
  if (isObject(pre) && pre.type === "Metaspace" && pre.replacement === "▁" && pre.split === false) {
    switch (pre.prepend_scheme ?? "always") {
      case "always": return "every-segment";
      case "first": return "first-segment";
      case "never": return "none";
    }
  }
  throw new TokenizerError(`tokenizer.json: pre-tokenizer ${describe(pre)} is not supported (only Metaspace with replacement "▁" and split false)`);
}

/**
 * Whether the decoder removes the leading space: a Sequence with a Strip of at least one leading character
 * (LLaMA-2's Replace, ByteFallback, Fuse, Strip), a Metaspace decoder unless its prepend_scheme is "never";
 * without a decoder, when a space is prefixed.
 */
function stripsLeadingSpace(decoder: unknown, spacePrefix: SpacePrefix): boolean {
  if (decoder === undefined || decoder === null) return spacePrefix !== "none";
  if (isObject(decoder) && decoder.type === "Sequence" && Array.isArray(decoder.decoders)) {
    return decoder.decoders.some((d) => isObject(d) && d.type === "Strip" && d.content === " " && typeof d.start === "number" && d.start >= 1);
  }
  if (isObject(decoder) && decoder.type === "Metaspace") return decoder.prepend_scheme !== "never";
  throw new TokenizerError(`tokenizer.json: decoder ${describe(decoder)} is not supported (only a Sequence ending in Strip, or Metaspace)`);
}

export interface TokenizerJSONOptions {
  /** The BOS piece's id (default: the id of "<s>"). */
  readonly bos?: number;
  /** The EOS piece's id (default: the id of "</s>"). */
  readonly eos?: number;
}

/** A Tokenizer from the parsed contents of a `tokenizer.json`. */
export function tokenizerFromJSON(json: unknown, options: TokenizerJSONOptions = {}): Tokenizer {
  const decoded = TokenizerJSON.decode(json);
  if (isLeft(decoded)) throw new TokenizerError(`tokenizer.json: ${describeError(decoded.left)}`);
  const spec = decoded.right;
  const m = spec.model;
  if (m.dropout !== undefined && m.dropout !== null) throw new TokenizerError("tokenizer.json: model.dropout is not supported");
  if (m.continuing_subword_prefix) throw new TokenizerError("tokenizer.json: model.continuing_subword_prefix is not supported");
  if (m.end_of_word_suffix) throw new TokenizerError("tokenizer.json: model.end_of_word_suffix is not supported");
  const spacePrefix = spacePrefixOf(spec);

  const pieces = new Map<number, string>();
  for (const [piece, id] of Object.entries(m.vocab)) {
    if (pieces.has(id)) throw new TokenizerError(`tokenizer.json: id ${id} is given to both ${JSON.stringify(pieces.get(id))} and ${JSON.stringify(piece)}`);
    pieces.set(id, piece);
  }
  const added = new Map<number, { content: string; special: boolean }>();
  for (const a of spec.added_tokens ?? []) {
    for (const flag of ["lstrip", "rstrip", "single_word"] as const) {
      if (a[flag] === true) throw new TokenizerError(`tokenizer.json: added token ${a.id} ${JSON.stringify(a.content)}: ${flag} is not supported`);
    }
    const known = pieces.get(a.id);
    if (known !== undefined && known !== a.content) throw new TokenizerError(`tokenizer.json: added token ${a.id} ${JSON.stringify(a.content)} has the vocabulary's id of ${JSON.stringify(known)}`);
    pieces.set(a.id, a.content);
    added.set(a.id, a);
  }
  const n = pieces.size;
  const tokens: string[] = [];
  for (let id = 0; id < n; id++) {
    const p = pieces.get(id);
    if (p === undefined) throw new TokenizerError(`tokenizer.json: the ids are not 0..${n - 1}: ${id} has no piece`);
    tokens.push(p);
  }
  const byteFallback = m.byte_fallback ?? false;
  const unkPiece = m.unk_token ?? undefined;
  const types = Int32Array.from(tokens, (piece, id) => {
    if (piece === unkPiece) return TokenType.unknown;
    const a = added.get(id);
    if (a !== undefined) return a.special ? TokenType.control : TokenType.userDefined;
    if (byteFallback && /^<0x[0-9A-F]{2}>$/.test(piece)) return TokenType.byte;
    return TokenType.normal;
  });
  const ids = new Map(tokens.map((p, i) => [p, i]));
  const idOf = (piece: string, what: string) => {
    const id = ids.get(piece);
    if (id === undefined) throw new TokenizerError(`tokenizer.json: ${what} ${JSON.stringify(piece)} is not in the vocabulary`);
    return id;
  };

  const merges = new Map<string, readonly [number, number]>();
  m.merges.forEach((entry, rank) => {
    let left: string;
    let right: string;
    if (typeof entry === "string") {
      const space = entry.indexOf(" ");
      if (space < 0) throw new TokenizerError(`tokenizer.json: merge ${rank} ${JSON.stringify(entry)} is not "left right"`);
      left = entry.slice(0, space);
      right = entry.slice(space + 1);
    } else {
      [left, right] = entry;
    }
    const key = `${idOf(left, `merge ${rank}'s left piece`)} ${idOf(right, `merge ${rank}'s right piece`)}`;
    if (!merges.has(key)) merges.set(key, [rank, idOf(left + right, `merge ${rank}'s result`)]);
  });

  const bos = options.bos ?? idOf("<s>", "the BOS piece (pass options.bos)");
  const eos = options.eos ?? idOf("</s>", "the EOS piece (pass options.eos)");
  const post = spec.post_processor;
  const first = isObject(post) && post.type === "TemplateProcessing" && Array.isArray(post.single) ? post.single[0] : undefined;
  const addBos = isObject(first) && isObject(first.SpecialToken) && first.SpecialToken.id === tokens[bos];
  const vocabulary: Vocabulary = {
    tokens,
    scores: new Float32Array(n),
    types,
    bos,
    eos,
    unk: unkPiece === undefined ? undefined : idOf(unkPiece, "model.unk_token"),
    addBos,
    addSpacePrefix: spacePrefix !== "none",
  };
  return new Tokenizer(vocabulary, {
    spacePrefix,
    stripLeadingSpace: stripsLeadingSpace(spec.decoder, spacePrefix),
    model: { kind: "bpe", merges, byteFallback, fuseUnk: m.fuse_unk ?? false, ignoreMerges: m.ignore_merges ?? false },
  });
}
