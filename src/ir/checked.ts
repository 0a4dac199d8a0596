/**
 * Verification of builtin types and attributes, as MLIR 16 does it with `verify`, `get` and `getChecked`.
 *
 * Each builtin kind whose parameters can be wrong has a static `verify(...)` taking what its `get` takes and
 * returning undefined or the failure: MLIR 16's words, with the types and attributes the message names kept
 * as parts (as MLIR's diagnostics keep their arguments). One verify serves every way in:
 *
 * - `X.get(...)` (the builder) calls it and throws an `InvalidParametersError` for a failure;
 * - the parser builds through `get` and reports the failure where MLIR's parser does, the parts spelled by the
 *   printer (`CoreParser.construct`);
 * - `getChecked(loc, () => X.get(...))` returns the failure as a Diagnostic instead of throwing.
 *
 * The message parts are spelled late because the printer lives above the IR (`src/text`); without it (the
 * builder's exception), builtin scalar types are spelled exactly and other types and attributes by their kind.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { Attribute } from "./attributes.ts";
import type { Location } from "./location.ts";
import type { Type } from "./types.ts";

/**
 * A piece of a verifier message: text, a number, or a type or attribute to spell (made with `typeArg` and
 * `attrArg`, as MLIR's diagnostics keep their arguments; a type is quoted, `'f32'`, an attribute is not).
 */
export type MessagePart = string | number | { readonly type: Type } | { readonly attr: Attribute };

export const typeArg = (type: Type): MessagePart => ({ type });
export const attrArg = (attr: Attribute): MessagePart => ({ attr });

/** What a `verify` returns: undefined when the parameters are valid, otherwise the message's parts. */
export type VerifyResult = readonly MessagePart[] | undefined;

/** Spells the types and attributes a message names (the printer's printType / printAttribute). */
export interface Speller {
  type(t: Type): string;
  attr(a: Attribute): string;
}

/** Thrown by a builtin kind's `get` when `verify` fails; `message` is MLIR 16's (see the module comment). */
export class InvalidParametersError extends RangeError {
  override readonly name = "InvalidParametersError";
  constructor(readonly parts: readonly MessagePart[]) {
    super(renderMessage(parts, spellWithoutPrinter));
  }
  /** The message with its types and attributes spelled by `spell`. */
  render(spell: Speller): string {
    return renderMessage(this.parts, spell);
  }
}

/** Throws the failure a `verify` returned, if any. */
export function check(failure: VerifyResult): void {
  if (failure !== undefined) throw new InvalidParametersError(failure);
}

export function renderMessage(parts: readonly MessagePart[], spell: Speller): string {
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") out += p;
    else if (typeof p === "number") out += String(p);
    else if ("type" in p) out += `'${spell.type(p.type)}'`;
    else out += spell.attr(p.attr);
  }
  return out;
}

/**
 * MLIR's getChecked: the value `build` makes (normally one `X.get(...)`), or its verifier's failure as an
 * error diagnostic at `loc`. Only an `InvalidParametersError` becomes a diagnostic; anything else is a bug
 * and propagates.
 */
export function getChecked<T>(loc: Location, build: () => T, spell: Speller = spellWithoutPrinter): E.Either<Diagnostic, T> {
  try {
    return E.right(build());
  } catch (e) {
    if (!(e instanceof InvalidParametersError)) throw e;
    return E.left({ severity: "error", message: e.render(spell), loc, notes: [] });
  }
}

/**
 * Builtin scalar types exactly (`f32`, `ui8`, `index`, `none`); other types as `<kind>` (`<tensor>`), attributes
 * as `#<kind>`.
 */
const spellWithoutPrinter: Speller = {
  type(t) {
    const s = t as Type & Partial<{ width: number; signedness: string; name: string }>;
    if (s.kind === "integer") return `${s.signedness === "signed" ? "si" : s.signedness === "unsigned" ? "ui" : "i"}${s.width}`;
    if (s.kind === "float" && s.name !== undefined) return s.name;
    if (s.kind === "index" || s.kind === "none") return s.kind;
    return `<${s.kind}>`;
  },
  attr: (a) => `#<${a.kind}>`,
};
