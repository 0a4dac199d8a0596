/**
 * Pass options: a pass declares them as an io-ts object codec; pipelines write them as MLIR does, with
 * dashed names and space-separated `key=value` pairs:
 *
 *   inline{max-iterations=3 default-pipeline=canonicalize}      →  { maxIterations: 3, defaultPipeline: "canonicalize" }
 *   my-tile{sizes=8,32,64 verbose}                              →  { sizes: [8, 32, 64], verbose: true }
 *
 * Text values are converted by the codec's shape before decoding (numbers, booleans, literals, arrays as
 * comma-separated lists; a value may be quoted "..." or '...' or wrapped in {...} to hold spaces or commas),
 * then the merged options (defaults, then given values) are decoded with the codec itself, so refinements
 * such as `t.Int` are checked too. Errors name the pass, the option and the expected type.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import * as t from "io-ts";

/** One option of a pass: its key in the options object, its dashed name in text, and its codec. */
export interface OptionField {
  readonly key: string;
  readonly flag: string;
  readonly codec: t.Mixed;
  readonly required: boolean;
}

/** `maxIterations` → `max-iterations` (MLIR's spelling in pipelines and on the command line). */
export function dashedName(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/_/g, "-").toLowerCase();
}

/** The fields of an object codec (t.type, t.partial, their intersections, t.exact/t.strict/t.readonly of them). */
export function optionFields(codec: t.Mixed): OptionField[] {
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    const required = codec instanceof t.InterfaceType;
    const props = codec.props as Record<string, t.Mixed>;
    return Object.entries(props).map(([key, c]) => ({ key, flag: dashedName(key), codec: c, required }));
  }
  if (codec instanceof t.IntersectionType) return (codec.types as t.Mixed[]).flatMap(optionFields);
  if (codec instanceof t.ExactType || codec instanceof t.ReadonlyType || codec instanceof t.RefinementType) {
    return optionFields(codec.type as t.Mixed);
  }
  throw new Error(`pass options must be an io-ts object codec (t.type, t.partial, t.intersection of them), got '${codec.name}'`);
}

// ---- reading option text ---------------------------------------------------------------------------------

/** One `key=value` (or bare `key`) of an option string, with the value unwrapped of quotes/braces. */
export interface RawOption {
  readonly key: string;
  /** Undefined for a bare `key` (a boolean flag). */
  readonly value: string | undefined;
}

/** Index just past the closing `close` matching the opener at `i`, skipping quoted text; -1 if unbalanced. */
function skipBalanced(s: string, i: number, open: string, close: string): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '"' || c === "'") {
      const end = s.indexOf(c, j + 1);
      if (end < 0) return -1;
      j = end;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return -1;
}

/** Strips one layer of matching quotes, or of braces that enclose the whole value. */
export function unwrapValue(raw: string): string {
  const s = raw.trim();
  if (s.length >= 2) {
    const q = s[0];
    if ((q === '"' || q === "'") && s.endsWith(q)) return s.slice(1, -1);
    if (q === "{" && skipBalanced(s, 0, "{", "}") === s.length) return s.slice(1, -1).trim();
  }
  return s;
}

/** Splits `a=1 b={x y} c` into its options; an error message for unbalanced quotes or braces. */
export function parseOptionString(text: string): RawOption[] | string {
  const out: RawOption[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i] as string)) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && text[i] !== "=" && !/\s/.test(text[i] as string)) i++;
    const key = text.slice(keyStart, i);
    if (text[i] !== "=") {
      out.push({ key, value: undefined });
      continue;
    }
    i++;
    const valueStart = i;
    while (i < n && !/\s/.test(text[i] as string)) {
      const c = text[i] as string;
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, i + 1);
        if (end < 0) return `unterminated ${c} in the value of option '${key}'`;
        i = end + 1;
      } else if (c === "{" || c === "(" || c === "[") {
        const close = c === "{" ? "}" : c === "(" ? ")" : "]";
        const end = skipBalanced(text, i, c, close);
        if (end < 0) return `missing closing '${close}' in the value of option '${key}'`;
        i = end;
      } else i++;
    }
    out.push({ key, value: unwrapValue(text.slice(valueStart, i)) });
  }
  return out;
}

/** Splits a list value at top-level commas (not inside quotes or brackets) and unwraps each element. */
export function splitListValue(text: string): string[] {
  if (text.trim() === "") return [];
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
    } else if (c === "{" || c === "(" || c === "[") {
      const end = skipBalanced(text, i, c, c === "{" ? "}" : c === "(" ? ")" : "]");
      i = end < 0 ? text.length : end - 1;
    } else if (c === ",") {
      parts.push(unwrapValue(text.slice(start, i)));
      start = i + 1;
    }
  }
  parts.push(unwrapValue(text.slice(start)));
  return parts;
}

/** A parsed-from-text value, or a reason it cannot be one. */
type Coerced = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, false: false, "1": true, "0": false, on: true, off: false };

/** Converts option text to the JS value the codec expects; `undefined` text is a bare flag. */
function coerce(text: string | undefined, codec: t.Mixed): Coerced {
  if (codec instanceof t.BooleanType) {
    if (text === undefined) return { ok: true, value: true };
    const b = BOOLEAN_WORDS[text.toLowerCase()];
    return b === undefined ? { ok: false } : { ok: true, value: b };
  }
  if (text === undefined) return { ok: false };
  if (codec instanceof t.NumberType) {
    const v = text.trim() === "" ? Number.NaN : Number(text);
    return Number.isNaN(v) ? { ok: false } : { ok: true, value: v };
  }
  if (codec instanceof t.StringType || codec instanceof t.KeyofType) return { ok: true, value: text };
  if (codec instanceof t.LiteralType) {
    const lit: unknown = codec.value;
    if (typeof lit === "number") return coerce(text, t.number);
    if (typeof lit === "boolean") return coerce(text, t.boolean);
    return { ok: true, value: text };
  }
  if (codec instanceof t.RefinementType || codec instanceof t.ReadonlyType || codec instanceof t.ExactType) {
    return coerce(text, codec.type as t.Mixed);
  }
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) {
    const values: unknown[] = [];
    for (const part of splitListValue(text)) {
      const c = coerce(part, codec.type as t.Mixed);
      if (!c.ok) return c;
      values.push(c.value);
    }
    return { ok: true, value: values };
  }
  if (codec instanceof t.UnionType) {
    for (const member of codec.types as t.Mixed[]) {
      const c = coerce(text, member);
      if (c.ok && member.is(c.value)) return c;
    }
    return { ok: false };
  }
  // Unknown shapes (t.unknown, custom codecs) decode the text itself.
  return { ok: true, value: text };
}

// ---- decoding --------------------------------------------------------------------------------------------

/** What a pass knows about its options; PassDef satisfies it. */
export interface OptionsSchema<O> {
  readonly name: string;
  readonly codec: t.Decoder<unknown, O>;
  readonly fields: readonly OptionField[];
  /** Plain values (the codec's output type: numbers for `t.Int`), decoded with the given ones. */
  readonly defaults: Readonly<Record<string, unknown>>;
}

function listOptions(schema: OptionsSchema<unknown>): string {
  if (schema.fields.length === 0) return "it has no options";
  return `its options are: ${schema.fields.map((f) => f.flag).sort().join(", ")}`;
}

/** Reads the option text of `pass{...}` into the pass's typed options (defaults filled in). */
export function decodeOptionText<O>(schema: OptionsSchema<O>, text: string): { ok: true; value: O } | { ok: false; message: string } {
  const raw = parseOptionString(text);
  if (typeof raw === "string") return { ok: false, message: `in the options of pass '${schema.name}': ${raw}` };
  const given: Record<string, unknown> = {};
  const rawText = new Map<string, string | undefined>();
  for (const { key, value } of raw) {
    const field = schema.fields.find((f) => f.flag === key || f.key === key);
    if (field === undefined) return { ok: false, message: `pass '${schema.name}' has no option '${key}'; ${listOptions(schema)}` };
    const c = coerce(value, field.codec);
    if (!c.ok) {
      const shown = value === undefined ? "no value" : `value '${value}'`;
      return { ok: false, message: `${shown} is invalid for option '${field.flag}' of pass '${schema.name}': expected ${field.codec.name}` };
    }
    given[field.key] = c.value;
    rawText.set(field.key, value);
  }
  return decodeOptionValues(schema, given, rawText);
}

/** Decodes options given as values (defaults filled in); `rawText` holds the text values came from, for messages. */
export function decodeOptionValues<O>(
  schema: OptionsSchema<O>,
  given: Readonly<Record<string, unknown>>,
  rawText: ReadonlyMap<string, string | undefined> = new Map(),
): { ok: true; value: O } | { ok: false; message: string } {
  const merged: Record<string, unknown> = { ...schema.defaults };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) merged[k] = v;
  const decoded = schema.codec.decode(merged);
  if (!isLeft(decoded)) return { ok: true, value: decoded.right };
  const first = decoded.left[0];
  // The path runs through intersections and wrappers ("0", "1", ...) to the option's key.
  const field = first?.context.map((c) => schema.fields.find((f) => f.key === c.key)).find((f) => f !== undefined);
  if (first === undefined || field === undefined) {
    return { ok: false, message: `invalid options for pass '${schema.name}': ${first?.message ?? "they do not match its codec"}` };
  }
  const expected = first.context[first.context.length - 1]?.type.name ?? field.codec.name;
  if (merged[field.key] === undefined) {
    return { ok: false, message: `option '${field.flag}' of pass '${schema.name}' is required: expected ${field.codec.name}` };
  }
  const text = rawText.has(field.key) ? rawText.get(field.key) : undefined;
  const shown = text !== undefined ? `'${text}'` : JSON.stringify(merged[field.key]);
  return { ok: false, message: `value ${shown} is invalid for option '${field.flag}' of pass '${schema.name}': expected ${expected}` };
}

// ---- printing --------------------------------------------------------------------------------------------

const NEEDS_QUOTING = /[\s,{}()[\]"'=]/;

/** One scalar as option text that reads back to the same value. */
function printScalar(v: unknown): string {
  if (typeof v !== "string") return String(v);
  if (v === "" || !NEEDS_QUOTING.test(v)) return v;
  if (!v.includes('"')) return `"${v}"`;
  if (!v.includes("'")) return `'${v}'`;
  return `{${v}}`;
}

/** An option value as text: scalars, and arrays as comma-separated lists. */
export function printOptionValue(v: unknown): string {
  if (Array.isArray(v)) return v.map(printScalar).join(",");
  return printScalar(v);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `{key=value ...}` for the options that differ from the defaults (or all of them), sorted by dashed name as
 * MLIR prints them; the empty string when there is nothing to print.
 */
export function printOptions<O>(schema: OptionsSchema<O>, options: O, all = false): string {
  const values = options as Record<string, unknown>;
  const defaults = schema.defaults;
  const parts = [...schema.fields]
    .sort((a, b) => (a.flag < b.flag ? -1 : a.flag > b.flag ? 1 : 0))
    .filter((f) => values[f.key] !== undefined && (all || !sameValue(values[f.key], defaults[f.key])))
    .map((f) => `${f.flag}=${printOptionValue(values[f.key])}`);
  return parts.length === 0 ? "" : `{${parts.join(" ")}}`;
}
