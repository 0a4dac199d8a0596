/**
 * Extended types and attributes: `!alias`, `#alias`, and dialect symbols in their pretty form
 * (`!llvm.ptr<i8>`, `#arith.fastmath<fast>`) or verbose form (`!foo<"...">`).
 *
 * A registered dialect parses the symbol's body through a parser limited to the body: the type or attribute
 * class it lists under the body's leading mnemonic parses the rest, or the dialect's own hook the whole body;
 * for a dialect that is not loaded the body is kept as text (OpaqueType / OpaqueAttr) when unregistered
 * dialects are allowed, as MLIR does with --allow-unregistered-dialect.
 */
import { type Attribute, OpaqueAttr } from "../ir/attributes.ts";
import { OpaqueType, type Type, isValidDialectNamespace } from "../ir/types.ts";
import { Lexer } from "./lexer.ts";
import type { DialectAsmParser } from "./asm-interfaces.ts";
import { CoreParser } from "./parser-core.ts";
import { printType } from "./print-attr.ts";

interface DialectSymbol {
  readonly dialect: string;
  /** The symbol's text: `bar<...>` for `!foo.bar<...>`, the text between `<` and `>` for `!foo<...>`. */
  readonly data: string;
  readonly dataStart: number;
  readonly dataEnd: number;
  /** Where errors about the symbol are reported. */
  readonly loc: number;
}

/**
 * Scans the balanced body starting at the `<` at `start` (strings are skipped whole, `->` does not close
 * anything) and returns the offset just past the matching `>`.
 */
function scanDialectSymbolBody(p: CoreParser, start: number): number {
  const text = p.source.text;
  const end = p.inputEnd;
  const stack: string[] = [];
  const closers: Record<string, string> = { ">": "<", "]": "[", ")": "(", "}": "{" };
  let i = start;
  do {
    const c = i < end ? (text[i] as string) : "\0";
    i++;
    switch (c) {
      case "\0":
        if (stack.length > 0) return p.emitError(`unbalanced '${stack[stack.length - 1]}' character in pretty dialect name`);
        return p.emitError("unexpected nul or EOF in pretty dialect name");
      case "<":
      case "[":
      case "(":
      case "{":
        stack.push(c);
        break;
      case "-":
        if (text[i] === ">" && i < end) i++;
        break;
      case ">":
      case "]":
      case ")":
      case "}":
        if (stack[stack.length - 1] !== closers[c]) {
          return p.emitError(`unbalanced '${stack[stack.length - 1] ?? c}' character in pretty dialect name`);
        }
        stack.pop();
        break;
      case '"':
        i = new Lexer(p.source, i - 1, end).lex().end;
        break;
      default:
        break;
    }
  } while (stack.length > 0);
  return i;
}

/**
 * Reads `!name` / `#name` and what follows; returns the aliased value for an alias, or the dialect symbol.
 */
function parseExtendedSymbol<T>(p: CoreParser, aliases: ReadonlyMap<string, T>): T | DialectSymbol {
  const tok = p.consume();
  const identifier = p.spelling(tok).slice(1);
  const dot = identifier.indexOf(".");
  const dialect = dot < 0 ? identifier : identifier.slice(0, dot);
  const isPrettyName = dot >= 0;
  const hasTrailingData = p.is("<") && p.tok.start === tok.end;

  if (!hasTrailingData && !isPrettyName) {
    const aliased = aliases.get(identifier);
    if (aliased === undefined) return p.emitWrongTokenError(`undefined symbol alias id '${identifier}'`);
    return aliased;
  }
  if (!isPrettyName) {
    const bodyEnd = scanDialectSymbolBody(p, p.tok.start);
    p.resetTo(bodyEnd);
    const dataStart = tok.end + 1;
    return { dialect, data: p.source.text.slice(dataStart, bodyEnd - 1), dataStart, dataEnd: bodyEnd - 1, loc: tok.start };
  }
  const dataStart = tok.start + 1 + dot + 1;
  let dataEnd = tok.end;
  if (hasTrailingData) {
    dataEnd = scanDialectSymbolBody(p, p.tok.start);
    p.resetTo(dataEnd);
  }
  return { dialect, data: p.source.text.slice(dataStart, dataEnd), dataStart, dataEnd, loc: dataStart };
}

const isSymbol = (x: unknown): x is DialectSymbol => typeof x === "object" && x !== null && "dataStart" in x;

const UNREGISTERED_HINT =
  "created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used";

/**
 * Reads the mnemonic the body starts with and returns the class listed under it, which parses the rest
 * (MLIR's generated type and attribute parsers); an unknown mnemonic is MLIR's error, at the mnemonic.
 */
function lookupMnemonic<D extends { readonly mnemonic: string }>(p: CoreParser, defs: readonly D[], what: "type" | "attribute", dialect: string): D {
  const at = p.tok;
  const mnemonic = p.parseOptionalKeyword() ?? "";
  const def = defs.find((d) => d.mnemonic === mnemonic);
  // MLIR 16's generated type parser says "unknown  type", with two spaces.
  if (def === undefined) return p.emitError(`unknown ${what === "type" ? " type" : "attribute"} \`${mnemonic}\` in dialect \`${dialect}\``, at);
  return def;
}

export function parseExtendedType(p: CoreParser): Type {
  const sym = parseExtendedSymbol(p, p.state.typeAliases);
  if (!isSymbol(sym)) return sym;
  const dialect = p.ctx.dialect(sym.dialect);
  if (dialect !== undefined) {
    const types = dialect.types;
    const hook =
      dialect.parseType ??
      (types !== undefined && types.length > 0
        ? (q: CoreParser) => lookupMnemonic(q, types, "type", sym.dialect).parse(q)
        : undefined);
    if (hook === undefined) return p.emitError(`dialect '${sym.dialect}' provides no type parsing hook`, sym.loc);
    const type = p.withBoundedInput(sym.dataStart, sym.dataEnd, () => hook(p));
    if (type === undefined) return p.emitError(`failed to parse a type of dialect '${sym.dialect}'`, sym.loc);
    return type;
  }
  // OpaqueType's verifier: the namespace first (`!-y.t`), then whether unregistered dialects are allowed.
  if (!p.ctx.allowUnregisteredDialects && isValidDialectNamespace(sym.dialect)) {
    return p.emitError(`\`!"${sym.dialect}"<"${sym.data}">\` type ${UNREGISTERED_HINT}`, sym.loc);
  }
  return p.construct(sym.loc, () => OpaqueType.get(sym.dialect, sym.data));
}

/** `#alias` or a dialect attribute, with its optional trailing `: type` (given to the dialect's hook). */
export function parseExtendedAttr(p: CoreParser, type: Type | undefined): Attribute {
  const sym = parseExtendedSymbol(p, p.state.attrAliases);
  if (!isSymbol(sym)) return sym;
  let attrType = type;
  const colon = p.tok;
  if (p.consumeIf(":")) attrType = p.parseType();
  const dialect = p.ctx.dialect(sym.dialect);
  if (dialect !== undefined) {
    const attributes = dialect.attributes;
    const hook =
      dialect.parseAttribute ??
      (attributes !== undefined && attributes.length > 0
        ? (q: CoreParser, t: Type | undefined) => lookupMnemonic(q, attributes, "attribute", sym.dialect).parse(q, t)
        : undefined);
    if (hook === undefined) return p.emitError(`dialect '${sym.dialect}' provides no attribute parsing hook`, sym.loc);
    const attr = p.withBoundedInput(sym.dataStart, sym.dataEnd, () => hook(p, attrType));
    if (attr === undefined) return p.emitError(`failed to parse an attribute of dialect '${sym.dialect}'`, sym.loc);
    return attr;
  }
  if (!isValidDialectNamespace(sym.dialect)) return p.construct(sym.loc, () => OpaqueAttr.get(sym.dialect, sym.data));
  if (!p.ctx.allowUnregisteredDialects) {
    const typeText = attrType === undefined ? "none" : printType(attrType);
    return p.emitError(`#"${sym.dialect}"<"${sym.data}"> : '${typeText}' attribute ${UNREGISTERED_HINT}`, sym.loc);
  }
  if (attrType !== undefined && type === undefined) {
    return p.emitError("a type on an attribute of an unregistered dialect is not supported", colon);
  }
  return OpaqueAttr.get(sym.dialect, sym.data);
}

/**
 * The parse hooks of a dialect Tensile knows by name only: its types and attributes are kept as text
 * (OpaqueType / OpaqueAttr, printed back unchanged), as with unregistered dialects, but without needing
 * `allowUnregisteredDialects`, because mlir-opt-16 knows the dialect. For example sparse tensor encodings,
 * `tensor<?x?xf64, #sparse_tensor.encoding<{ dimLevelType = [ "dense", "compressed" ] }>>`:
 *
 *   export const sparseTensor = defineDialect({ name: "sparse_tensor", ops: [], ...opaqueSymbolHooks("sparse_tensor") });
 */
export function opaqueSymbolHooks(dialect: string): {
  parseType: (p: DialectAsmParser) => Type;
  parseAttribute: (p: DialectAsmParser, type: Type | undefined) => Attribute;
} {
  /** The rest of the symbol's body, as written (the hook's parser is limited to the body). */
  const rest = (p: DialectAsmParser): string => {
    if (!(p instanceof CoreParser)) return p.error(`the symbols of dialect '${dialect}' can only be read from text`);
    const body = p.source.text.slice(p.tok.start, p.inputEnd);
    p.resetTo(p.inputEnd);
    return body;
  };
  return {
    parseType: (p) => OpaqueType.get(dialect, rest(p)),
    parseAttribute: (p, type) => {
      if (type !== undefined) return p.error(`a type on an attribute of dialect '${dialect}' is not supported (Tensile keeps its attributes as text)`);
      return OpaqueAttr.get(dialect, rest(p));
    },
  };
}
