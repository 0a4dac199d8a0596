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

/** A piece of a verifier message: text, a number, or a type or attribute to spell. */
export type MessagePart = string | number | Type | Attribute;

/** What a `verify` returns: undefined when the parameters are valid, otherwise the message's parts. */
export type VerifyResult = readonly MessagePart[] | undefined;

/** Spells the types and attributes a message names (the printer's printType / printAttribute). */
export type Speller = (x: Type | Attribute) => string;

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
  for (const p of parts) out += typeof p === "string" ? p : typeof p === "number" ? String(p) : spell(p);
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

/** Builtin scalar types exactly (`f32`, `ui8`, `index`, `none`); anything else as `<kind>` (`<tensor>`). */
function spellWithoutPrinter(x: Type | Attribute): string {
  const t = x as Partial<{ kind: string; width: number; signedness: string; name: string }>;
  if (t.kind === "integer" && t.width !== undefined) {
    return `${t.signedness === "signed" ? "si" : t.signedness === "unsigned" ? "ui" : "i"}${t.width}`;
  }
  if (t.kind === "float" && t.name !== undefined) return t.name;
  if (t.kind === "index" || t.kind === "none") return t.kind;
  return `<${t.kind}>`;
}
