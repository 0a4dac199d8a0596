/**
 * `func.func`, with MLIR 16's custom form (function_interface_impl's printFunctionOp / parseFunctionOp):
 *
 *   func.func private @decl(i32 {foo.a}, f32) -> (i32 {foo.r = 2 : i64})
 *   func.func @f(%arg0: i32 {foo.a}, %arg1: f32) -> (i32, f32) attributes {foo.x} {
 *     ...
 *   }
 *
 * Arguments are named (`%arg0: i32`) when there is a body, bare types in a declaration. The signature lives
 * in `function_type`, the per-argument and per-result attribute dictionaries in `arg_attrs` / `res_attrs`
 * (present only when some dictionary is non-empty), the visibility keyword in `sym_visibility`.
 */
import { type Attribute, ArrayAttr, DictionaryAttr, StringAttr, TypeAttr } from "../../src/ir/attributes.ts";
import { type Operation, Region } from "../../src/ir/operation.ts";
import { AutomaticAllocationScope, FunctionLike, IsolatedFromAbove, Symbol } from "../../src/ir/traits.ts";
import { FunctionType, type Type } from "../../src/ir/types.ts";
import { DictArrayAttr, FunctionTypeAttr, StrAttr, SymbolNameAttr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { optionalAttr, region } from "../../src/irdl/spec.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState, ParsedArgument } from "../../src/text/asm-interfaces.ts";

export const SYM_NAME = "sym_name";
export const SYM_VISIBILITY = "sym_visibility";
export const FUNCTION_TYPE = "function_type";
export const ARG_ATTRS = "arg_attrs";
export const RES_ATTRS = "res_attrs";

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

function signatureOf(op: Operation): FunctionType {
  const t = op.attr(FUNCTION_TYPE);
  return t instanceof TypeAttr && t.value instanceof FunctionType ? t.value : FunctionType.get([], []);
}

function printFuncOp(op: Operation, p: OpAsmPrinter): void {
  const type = signatureOf(op);
  const body = op.getRegion(0);
  const entry = body.entry;
  p.print(" ");
  const visibility = op.attr(SYM_VISIBILITY);
  if (visibility instanceof StringAttr) p.print(`${visibility.value} `);
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

  p.printOptionalAttrDictWithKeyword(op.attributes, [SYM_NAME, FUNCTION_TYPE, SYM_VISIBILITY, ARG_ATTRS, RES_ATTRS]);
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

function parseArguments(p: OpAsmParser): { named: ParsedArgument[]; unnamed: TypeOnlyArgument[] } {
  const named: ParsedArgument[] = [];
  const unnamed: TypeOnlyArgument[] = [];
  p.parseCommaSeparatedList("()", () => {
    const loc = p.loc();
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
  return { named, unnamed };
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

function parseFuncOp(p: OpAsmParser, state: OperationState): void {
  const visibility = p.parseOptionalKeyword(VISIBILITIES);
  if (visibility !== undefined) state.attributes.set(SYM_VISIBILITY, StringAttr.get(visibility));
  state.attributes.set(SYM_NAME, StringAttr.get(p.parseSymbolName()));

  const { named, unnamed } = parseArguments(p);
  const results = parseResults(p);
  const inputs = named.length > 0 ? named.map((a) => a.type as Type) : unnamed.map((a) => a.type);
  state.attributes.set(FUNCTION_TYPE, TypeAttr.get(FunctionType.get(inputs, results.map((r) => r.type))));
  const argAttrs = attrArray(named.length > 0 ? named.map((a) => a.attrs) : unnamed.map((a) => a.attrs));
  if (argAttrs !== undefined) state.attributes.set(ARG_ATTRS, argAttrs);
  const resAttrs = attrArray(results.map((r) => r.attrs));
  if (resAttrs !== undefined) state.attributes.set(RES_ATTRS, resAttrs);

  const dictLoc = p.loc();
  const explicit = new Map<string, Attribute>();
  p.parseOptionalAttrDictWithKeyword(explicit);
  for (const inferred of [SYM_VISIBILITY, SYM_NAME, FUNCTION_TYPE]) {
    if (explicit.has(inferred)) {
      p.error(`'${inferred}' is an inferred attribute and should not be specified in the explicit attribute dictionary`, dictLoc);
    }
  }
  for (const [k, v] of explicit) state.attributes.set(k, v);

  const body = new Region();
  const bodyLoc = p.loc();
  if (p.parseOptionalRegion(body, named) && body.isEmpty) p.error("expected non-empty function body", bodyLoc);
  state.regions.push(body);
}

/**
 * `func.func`: a function, a symbol with a signature and (unless it is a declaration) a body region. What MLIR
 * verifies of it (visibility, declarations, argument/result attributes, the entry block against the signature)
 * is the work of the Symbol and FunctionLike traits (src/irdl/trait-verifiers.ts).
 */
export const FuncOp = defineOp({
  name: "func.func",
  summary: "an operation with a name containing a single SSACFG region",
  attributes: {
    sym_name: SymbolNameAttr,
    function_type: FunctionTypeAttr,
    sym_visibility: optionalAttr(StrAttr),
    arg_attrs: optionalAttr(DictArrayAttr),
    res_attrs: optionalAttr(DictArrayAttr),
  },
  regions: { body: region() },
  traits: [Symbol, IsolatedFromAbove, FunctionLike, AutomaticAllocationScope],
  format: { print: printFuncOp, parse: parseFuncOp },
  // `func.return` (and the other func ops) are written without their prefix inside a function.
  defaultDialect: "func",
});
export type FuncOp = InstanceType<typeof FuncOp>;

/** The function's signature. */
export const functionType = (f: FuncOp): FunctionType => f.function_type.value;
/** True for a declaration (no body). */
export const isExternal = (f: FuncOp): boolean => f.body.isEmpty;
/** The function's name (its `sym_name`). */
export const funcName = (f: FuncOp): string => f.sym_name.value;
