/**
 * The custom syntax every function-like op shares (MLIR's function_interface_impl printFunctionOp /
 * parseFunctionOp), so that func.func, llvm.func and a test dialect's function read and print alike:
 *
 *   func.func private @decl(i32 {foo.a}, f32) -> (i32 {foo.r = 2 : i64})
 *   func.func @f(%arg0: i32 {foo.a}, %arg1: f32) -> (i32, f32) attributes {foo.x} {
 *     ...
 *   }
 *   llvm.func @printf(!llvm.ptr, ...) -> i32            (with `allowVariadic`)
 *
 * Arguments are named (`%arg0: i32`) when there is a body, bare types in a declaration. The signature is read
 * through FunctionOpInterface and stored by `buildType` (default: a builtin FunctionType in `function_type`);
 * the per-argument and per-result attribute dictionaries go in `arg_attrs` / `res_attrs` (present only when some
 * dictionary is non-empty), the visibility keyword in `sym_visibility`.
 */
import { type Attribute, ArrayAttr, DictionaryAttr, StringAttr, TypeAttr } from "../ir/attributes.ts";
import { type Operation, Region } from "../ir/operation.ts";
import { SYM_NAME, SYM_VISIBILITY } from "../ir/symbol-table.ts";
import { FunctionType, type Type } from "../ir/types.ts";
import { DictArrayAttr, FunctionTypeAttr, StrAttr, SymbolNameAttr } from "../irdl/constraints.ts";
import { optionalAttr } from "../irdl/spec.ts";
import type { OpAsmHooks, OpAsmParser, OpAsmPrinter, OperationState, ParsedArgument } from "../text/asm-interfaces.ts";
import { ARG_ATTRS, FUNCTION_TYPE, FunctionOpInterface, RES_ATTRS } from "./function.ts";

export interface FunctionFormatOptions {
  /** The attribute holding the signature, elided from the printed attribute dictionary (default `function_type`). */
  readonly typeAttrName?: string;
  /** Builds that attribute from the parsed signature (default: a builtin FunctionType). */
  readonly buildType?: (inputs: readonly Type[], results: readonly Type[], variadic: boolean) => Attribute;
  /** Accept `...` after the arguments (a C-variadic function, llvm.func). */
  readonly allowVariadic?: boolean;
  /** Whether to print `...` after the arguments. */
  readonly isVariadic?: (op: Operation) => boolean;
  /** More attributes the printed dictionary leaves out (llvm.func's `linkage` and `CConv`, printed as keywords). */
  readonly elided?: readonly string[];
  /** Prints keywords between the op name and the symbol, each followed by a space (`llvm.func internal @f`). */
  readonly printPrefix?: (op: Operation, p: OpAsmPrinter) => void;
  /** Parses what `printPrefix` prints into `state`. */
  readonly parsePrefix?: (p: OpAsmParser, state: OperationState) => void;
  /**
   * Whether `sym_visibility` is the keyword before the name (func.func, the default) or an ordinary attribute of
   * the dictionary (llvm.func, whose keywords there are linkages: `llvm.func private @f` is private linkage).
   */
  readonly visibilityKeyword?: boolean;
}

const VISIBILITIES = ["public", "private", "nested"] as const;

/** The attribute dictionary at `index` of an `arg_attrs` / `res_attrs` array (undefined when absent). */
function dictAt(list: Attribute | undefined, index: number): DictionaryAttr | undefined {
  if (!(list instanceof ArrayAttr)) return undefined;
  const d = list.elements[index];
  return d instanceof DictionaryAttr ? d : undefined;
}

function dictMap(d: DictionaryAttr | undefined): Map<string, Attribute> {
  return new Map((d?.entries ?? []).map((e) => [e.name, e.value]));
}

/** `arg_attrs` / `res_attrs` from parsed dictionaries: undefined when every dictionary is empty, as MLIR does. */
function attrArray(dicts: readonly (ReadonlyMap<string, Attribute> | undefined)[]): ArrayAttr | undefined {
  if (dicts.every((d) => d === undefined || d.size === 0)) return undefined;
  return ArrayAttr.get(dicts.map((d) => DictionaryAttr.get(Object.fromEntries(d ?? new Map()))));
}

/** The signature, through FunctionOpInterface (or `function_type` for an op that does not implement it). */
function signatureOf(op: Operation): { inputs: readonly Type[]; results: readonly Type[] } {
  const fn = FunctionOpInterface.of(op);
  if (fn !== undefined) return { inputs: fn.getArgumentTypes(), results: fn.getResultTypes() };
  const t = op.attr(FUNCTION_TYPE);
  return t instanceof TypeAttr && t.value instanceof FunctionType ? t.value : { inputs: [], results: [] };
}

/** Prints a function-like op (everything after its name). */
export function printFunctionOp(op: Operation, p: OpAsmPrinter, opts: FunctionFormatOptions = {}): void {
  const type = signatureOf(op);
  const body = op.getRegion(0);
  const entry = body.entry;
  p.print(" ");
  opts.printPrefix?.(op, p);
  const visibility = op.attr(SYM_VISIBILITY);
  const visibilityKeyword = opts.visibilityKeyword ?? true;
  if (visibilityKeyword && visibility instanceof StringAttr) p.print(`${visibility.value} `);
  const name = op.attr(SYM_NAME);
  p.printSymbolName(name instanceof StringAttr ? name.value : "");

  p.print("(");
  type.inputs.forEach((t, i) => {
    if (i > 0) p.print(", ");
    const attrs = dictMap(dictAt(op.attr(ARG_ATTRS), i));
    const arg = entry?.args[i];
    if (arg !== undefined) {
      p.printRegionArgument(arg, attrs);
      return;
    }
    p.printType(t);
    p.printOptionalAttrDict(attrs);
  });
  if (opts.isVariadic?.(op) === true) p.print(type.inputs.length > 0 ? ", ..." : "...");
  p.print(")");

  if (type.results.length > 0) {
    p.print(" -> ");
    const resAttrs = op.attr(RES_ATTRS);
    const first = dictAt(resAttrs, 0);
    // Parentheses for several results, a function-typed result, or attributes on the first result.
    const parens = type.results.length > 1 || type.results[0] instanceof FunctionType || (first !== undefined && first.entries.length > 0);
    if (parens) p.print("(");
    type.results.forEach((t, i) => {
      if (i > 0) p.print(", ");
      p.printType(t);
      p.printOptionalAttrDict(dictMap(dictAt(resAttrs, i)));
    });
    if (parens) p.print(")");
  }

  const elided = [SYM_NAME, opts.typeAttrName ?? FUNCTION_TYPE, ...(visibilityKeyword ? [SYM_VISIBILITY] : []), ARG_ATTRS, RES_ATTRS, ...(opts.elided ?? [])];
  p.printOptionalAttrDictWithKeyword(op.attributes, elided);
  if (!body.isEmpty) {
    p.print(" ");
    p.printRegion(body, { printEntryBlockArgs: false, printBlockTerminators: true });
  }
}

/** A declaration's argument: a type with optional attributes. */
interface TypeOnlyArgument {
  readonly type: Type;
  readonly attrs: Map<string, Attribute>;
}

function parseArguments(p: OpAsmParser, allowVariadic: boolean): { named: ParsedArgument[]; unnamed: TypeOnlyArgument[]; variadic: boolean } {
  const named: ParsedArgument[] = [];
  const unnamed: TypeOnlyArgument[] = [];
  let variadic = false;
  p.parseCommaSeparatedList("()", () => {
    const loc = p.pos();
    if (variadic) p.error("variadic arguments must be in the end of the argument list", loc);
    if (allowVariadic && p.parseOptionalPunct("...")) {
      variadic = true;
      return;
    }
    const arg = p.parseOptionalArgument({ allowType: true, allowAttrs: true });
    if (arg !== undefined) {
      if (unnamed.length > 0) p.error("expected type instead of SSA identifier", loc);
      named.push(arg);
      return;
    }
    if (named.length > 0) p.error("expected SSA identifier", loc);
    const type = p.parseType();
    const attrs = new Map<string, Attribute>();
    p.parseOptionalAttrDict(attrs);
    unnamed.push({ type, attrs });
  });
  return { named, unnamed, variadic };
}

function parseResults(p: OpAsmParser): TypeOnlyArgument[] {
  if (!p.parseOptionalPunct("->")) return [];
  const results: TypeOnlyArgument[] = [];
  if (!p.parseOptionalPunct("(")) return [{ type: p.parseType(), attrs: new Map() }];
  if (p.parseOptionalPunct(")")) return results;
  do {
    const type = p.parseType();
    const attrs = new Map<string, Attribute>();
    p.parseOptionalAttrDict(attrs);
    results.push({ type, attrs });
  } while (p.parseOptionalPunct(","));
  p.parsePunct(")");
  return results;
}

/** Parses a function-like op (everything after its name) into `state`. */
export function parseFunctionOp(p: OpAsmParser, state: OperationState, opts: FunctionFormatOptions = {}): void {
  const typeAttrName = opts.typeAttrName ?? FUNCTION_TYPE;
  opts.parsePrefix?.(p, state);
  const visibility = (opts.visibilityKeyword ?? true) ? p.parseOptionalKeyword(VISIBILITIES) : undefined;
  if (visibility !== undefined) state.attributes.set(SYM_VISIBILITY, StringAttr.get(visibility));
  state.attributes.set(SYM_NAME, StringAttr.get(p.parseSymbolName()));

  const { named, unnamed, variadic } = parseArguments(p, opts.allowVariadic ?? false);
  const results = parseResults(p);
  const inputs = named.length > 0 ? named.map((a) => a.type as Type) : unnamed.map((a) => a.type);
  const resultTypes = results.map((r) => r.type);
  state.attributes.set(typeAttrName, opts.buildType?.(inputs, resultTypes, variadic) ?? TypeAttr.get(FunctionType.get(inputs, resultTypes)));
  const argAttrs = attrArray(named.length > 0 ? named.map((a) => a.attrs) : unnamed.map((a) => a.attrs));
  if (argAttrs !== undefined) state.attributes.set(ARG_ATTRS, argAttrs);
  const resAttrs = attrArray(results.map((r) => r.attrs));
  if (resAttrs !== undefined) state.attributes.set(RES_ATTRS, resAttrs);

  const dictLoc = p.pos();
  const explicit = new Map<string, Attribute>();
  p.parseOptionalAttrDictWithKeyword(explicit);
  for (const inferred of [...((opts.visibilityKeyword ?? true) ? [SYM_VISIBILITY] : []), SYM_NAME, typeAttrName]) {
    if (explicit.has(inferred)) {
      p.error(`'${inferred}' is an inferred attribute and should not be specified in the explicit attribute dictionary`, dictLoc);
    }
  }
  for (const [k, v] of explicit) state.attributes.set(k, v);

  const body = new Region();
  const bodyLoc = p.pos();
  if (p.parseOptionalRegion(body, named) && body.isEmpty) p.error("expected non-empty function body", bodyLoc);
  state.regions.push(body);
}

/**
 * The attributes the shared syntax reads and writes (MLIR's FunctionOpInterface storage): a function op's spec
 * takes them whole, `attributes: functionOpAttributes`, or spreads them beside its own.
 */
export const functionOpAttributes = {
  sym_name: SymbolNameAttr,
  function_type: FunctionTypeAttr,
  sym_visibility: optionalAttr(StrAttr),
  arg_attrs: optionalAttr(DictArrayAttr),
  res_attrs: optionalAttr(DictArrayAttr),
} as const;

/** The custom syntax hooks of a function-like op: `asm: functionOpAsm()` in its `defineOp` behaviour. */
export function functionOpAsm(opts: FunctionFormatOptions = {}): OpAsmHooks {
  return {
    print: (op, p) => printFunctionOp(op, p, opts),
    parse: (p, state) => parseFunctionOp(p, state, opts),
  };
}
