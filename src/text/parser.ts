/**
 * The MLIR 16 textual-format parser: the entry points.
 *
 *   parseSource(text, ctx)    a whole file: its top-level ops (wrapped in an implicit `builtin.module` unless
 *                             the file is exactly one module), type and attribute aliases (`!a = ...`,
 *                             `#a = ...`, before or after the ops), and the `{-# dialect_resources #-}` section
 *   parseType(text, ctx)      one type, for tests and tools
 *   parseAttribute(text, ctx) one attribute
 *
 * Every failure is a `Left` Diagnostic at the offending token (file:line:col); the parser throws nothing.
 * The grammar lives in parse-types.ts, parse-attrs.ts (+ parse-dense, parse-affine, parse-locations,
 * parse-dialect-symbols) and parse-ops.ts; the shared machinery in parser-core.ts and lexer.ts.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Diagnostic } from "../diag/diagnostic.ts";
import { error } from "../diag/diagnostic.ts";
import type { Attribute } from "../ir/attributes.ts";
import type { Context } from "../ir/context.ts";
import { FileLineColLoc } from "../ir/location.ts";
import { Block, Operation, Region } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import { hexStringBytes, ParseError, Source } from "./lexer.ts";
import { OperationParser } from "./parse-ops.ts";
import { CoreParser, ParserState } from "./parser-core.ts";

export { ParseError } from "./lexer.ts";

export interface ParseOptions {
  /** The file name locations carry (default `"<stdin>"`, as mlir-opt names its standard input). */
  readonly file?: string;
}

/** Parses a whole MLIR file into its top-level operation (a `builtin.module`). */
export function parseSource(text: string, ctx: Context, opts: ParseOptions = {}): E.Either<Diagnostic, Operation> {
  const source = new Source(text, opts.file ?? "<stdin>");
  return guarded(source, () => {
    const p = new OperationParser(new ParserState(ctx, source));
    const body = new Block();
    parseTopLevel(p, body);
    return wrapInModule(ctx, body, source);
  });
}

/** Parses exactly one type (trailing text is an error). */
export function parseType(text: string, ctx: Context, opts: ParseOptions = {}): E.Either<Diagnostic, Type> {
  const source = new Source(text, opts.file ?? "<stdin>");
  return guarded(source, () => {
    const p = new CoreParser(new ParserState(ctx, source));
    const t = p.parseType();
    expectEnd(p);
    return t;
  });
}

/** Parses exactly one attribute (trailing text is an error). */
export function parseAttribute(text: string, ctx: Context, opts: ParseOptions = {}): E.Either<Diagnostic, Attribute> {
  const source = new Source(text, opts.file ?? "<stdin>");
  return guarded(source, () => {
    const p = new CoreParser(new ParserState(ctx, source));
    const a = p.parseAttribute();
    expectEnd(p);
    return a;
  });
}

function expectEnd(p: CoreParser): void {
  if (!p.is("eof")) p.emitError(`found trailing characters: '${p.source.text.slice(p.tok.start)}'`);
}

/**
 * Runs a parse, turning its ParseError into a Left. Anything else thrown (a bug in the parser or in a
 * dialect's hook) also becomes a Left, marked "internal error", so a caller never sees an exception.
 */
function guarded<T>(source: Source, run: () => T): E.Either<Diagnostic, T> {
  try {
    return E.right(run());
  } catch (e) {
    if (e instanceof ParseError) return E.left(e.diagnostic);
    const message = e instanceof Error ? e.message : String(e);
    return E.left(error(FileLineColLoc.get(source.file, 0, 0), `internal error while parsing: ${message}`));
  }
}

function parseTopLevel(p: OperationParser, body: Block): void {
  p.pushScope(true);
  for (;;) {
    switch (p.tok.kind) {
      case "eof":
        p.finalize(body);
        return;
      case "hash_identifier":
        parseAliasDefinition(p, "attribute");
        break;
      case "exclamation_identifier":
        parseAliasDefinition(p, "type");
        break;
      case "{-#":
        parseFileMetadata(p);
        break;
      default:
        p.parseOperation(body);
    }
  }
}

/** `#name = attribute` or `!name = type`. */
function parseAliasDefinition(p: OperationParser, kind: "attribute" | "type"): void {
  const name = p.spelling().slice(1);
  const table: Map<string, unknown> = kind === "attribute" ? p.state.attrAliases : p.state.typeAliases;
  if (table.has(name)) p.emitError(`redefinition of ${kind} alias id '${name}'`);
  if (name.includes(".")) p.emitError(`${kind} names with a '.' are reserved for dialect-defined names`);
  p.consume();
  p.expect("=", `expected '=' in ${kind} alias definition`);
  if (kind === "attribute") p.state.attrAliases.set(name, p.parseAttribute());
  else p.state.typeAliases.set(name, p.parseType());
}

/** `{-# dialect_resources: {...}, external_resources: {...} #-}` */
function parseFileMetadata(p: OperationParser): void {
  p.consume();
  p.commaSeparatedUntil("#-}", () => {
    const keyTok = p.tok;
    const key = p.parseOptionalKeyword();
    if (key === undefined) return p.emitError("expected identifier key in file metadata dictionary");
    p.expect(":", "expected ':'");
    if (key === "dialect_resources") parseResourceSection(p, (dialect, at) => parseDialectResources(p, dialect, at));
    else if (key === "external_resources") parseResourceSection(p, () => skipResourceEntries(p));
    else p.emitError(`unknown key '${key}' in file metadata dictionary`, keyTok);
  });
}

/** `{ name: { entries }, ... }` */
function parseResourceSection(p: OperationParser, body: (name: string, at: number) => void): void {
  p.expect("{", "expected '{'");
  p.commaSeparatedUntil("}", () => {
    const at = p.tok.start;
    const name = p.parseOptionalKeyword();
    if (name === undefined) return p.emitError("expected identifier key for 'resource' entry");
    p.expect(":", "expected ':'");
    p.expect("{", "expected '{'");
    body(name, at);
  });
}

/** The builtin dialect's blobs: `name: "0x<alignment as 4 LE bytes><data>"`, into `ctx.resource(name)`. */
function parseDialectResources(p: OperationParser, dialect: string, at: number): void {
  if (dialect !== "builtin") {
    if (p.ctx.dialect(dialect) === undefined) p.emitError(`dialect '${dialect}' is unknown`, at);
    p.emitError(`unexpected 'resource' section for dialect '${dialect}'`);
  }
  p.commaSeparatedUntil("}", () => {
    const key = p.parseOptionalKeywordOrString();
    if (key === undefined) return p.emitError("expected identifier key for 'resource' entry");
    p.expect(":", "expected ':'");
    const valueTok = p.consume();
    const bytes = hexStringBytes(p.source, valueTok);
    if (bytes === undefined) return p.emitError(`expected hex string blob for key '${key}'`, valueTok);
    if (bytes.length < 4) p.emitError(`expected hex string blob for key '${key}' to encode alignment in first 4 bytes`, valueTok);
    const alignment = ((bytes[0] as number) | ((bytes[1] as number) << 8) | ((bytes[2] as number) << 16) | ((bytes[3] as number) << 24)) >>> 0;
    if (alignment !== 0 && (alignment & (alignment - 1)) !== 0) {
      p.emitError(
        `expected hex string blob for key '${key}' to encode alignment in first 4 bytes, but got non-power-of-2 value: ${alignment}`,
        valueTok,
      );
    }
    p.ctx.resource(key).blob = { data: bytes.slice(4), alignment };
  });
}

/** Entries of resources nobody here reads (MLIR warns and ignores them; so do we, silently). */
function skipResourceEntries(p: OperationParser): void {
  p.commaSeparatedUntil("}", () => {
    if (p.parseOptionalKeywordOrString() === undefined) p.emitError("expected identifier key for 'external_resources' entry");
    p.expect(":", "expected ':'");
    p.consume();
  });
}

/**
 * The file's top-level operation: its single `builtin.module`, or an implicit module (at `file:0:0`, as
 * MLIR places it) holding everything that was parsed.
 */
function wrapInModule(ctx: Context, body: Block, source: Source): Operation {
  const only = body.first;
  if (only !== undefined && only === body.last && only.name === "builtin.module") {
    only.remove();
    return only;
  }
  const init = { name: "builtin.module", regions: [new Region([body])], loc: FileLineColLoc.get(source.file, 0, 0) };
  const ModuleClass = ctx.lookupOp("builtin.module");
  return ModuleClass !== undefined ? new ModuleClass(init) : new Operation(init);
}
