/**
 * Locations (MLIR 16's LocationParser.cpp grammar):
 *
 *   location ::= string `:` integer `:` integer          file:line:col
 *              | string (`(` location `)`)?               name, optionally with a child
 *              | `callsite` `(` location `at` location `)`
 *              | `fused` (`<` attribute `>`)? `[` location* `]`
 *              | `unknown`
 *              | `#` alias                               (an alias defined earlier in the file)
 */
import type { Attribute } from "../ir/attributes.ts";
import {
  CallSiteLoc,
  FileLineColLoc,
  FusedLoc,
  Location,
  NameLoc,
  UnknownLoc,
} from "../ir/location.ts";
import { parseExtendedAttr } from "./parse-dialect-symbols.ts";
import type { CoreParser } from "./parser-core.ts";

export function parseLocationInstance(p: CoreParser): Location {
  return p.nested(() => parseLocationInner(p));
}

function parseLocationInner(p: CoreParser): Location {
  if (p.is("string")) return parseNameOrFileLineColLocation(p);
  if (p.is("hash_identifier")) {
    const at = p.tok;
    const attr = parseExtendedAttr(p, undefined);
    if (!(attr instanceof Location)) return p.emitError("expected location attribute", at);
    return attr;
  }
  if (!p.is("bare_identifier")) return p.emitWrongTokenError("expected location instance");
  switch (p.spelling()) {
    case "callsite": {
      p.consume();
      p.expect("(", "expected '(' in callsite location");
      const callee = parseLocationInstance(p);
      if (!p.isKeyword("at")) p.emitWrongTokenError("expected 'at' in callsite location");
      p.consume();
      const caller = parseLocationInstance(p);
      p.expect(")", "expected ')' in callsite location");
      return CallSiteLoc.get(callee, caller);
    }
    case "fused": {
      p.consume();
      let metadata: Attribute | undefined;
      if (p.consumeIf("<")) {
        metadata = p.parseAttribute();
        p.expect(">", "expected '>' after fused location metadata");
      }
      const locations: Location[] = [];
      p.commaSeparated("[]", () => locations.push(parseLocationInstance(p)), " in fused location");
      return FusedLoc.get(locations, metadata);
    }
    case "unknown":
      p.consume();
      return UnknownLoc.get();
    default:
      return p.emitWrongTokenError("expected location instance");
  }
}

const MAX_UNSIGNED = 0xffff_ffff;

function parseNameOrFileLineColLocation(p: CoreParser): Location {
  const name = p.stringValue();
  p.consume();
  if (p.consumeIf(":")) {
    if (!p.is("integer") || p.integerValue() > BigInt(MAX_UNSIGNED)) {
      p.emitWrongTokenError("expected integer line number in FileLineColLoc");
    }
    const line = Number(p.integerValue());
    p.consume();
    p.expect(":", "expected ':' in FileLineColLoc");
    if (!p.is("integer") || p.integerValue() > BigInt(MAX_UNSIGNED)) {
      p.emitWrongTokenError("expected integer column number in FileLineColLoc");
    }
    const column = Number(p.integerValue());
    p.consume();
    return FileLineColLoc.get(name, line, column);
  }
  if (p.consumeIf("(")) {
    const child = parseLocationInstance(p);
    p.expect(")", "expected ')' after child location of NameLoc");
    return NameLoc.get(name, child);
  }
  return NameLoc.get(name);
}
