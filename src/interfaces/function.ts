/**
 * Functions and calls (MLIR 16's FunctionInterfaces.td and CallInterfaces.td):
 *
 * - FunctionOpInterface: a function-like op (func.func, llvm.func, a test dialect's function): a symbol with a
 *   signature (argument and result types, whatever type holds them), a body region (empty for a declaration),
 *   and per-argument / per-result attribute dictionaries (`arg_attrs`, `res_attrs`). Its defaults read a
 *   `function_type` attribute holding a builtin FunctionType, so most function ops implement it with `{}`. One
 *   custom syntax serves every function op: function-format.ts.
 * - CallableOpInterface: what a call can reach (a function with a body).
 * - CallOpInterface: a call: its callee (a symbol or a value) and the operands it passes.
 *
 * Passes use these, never an op's class: the inliner, the interpreter's calls, signature conversion.
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import { ArrayAttr, DictionaryAttr, SymbolRefAttr, TypeAttr } from "../ir/attributes.ts";
import { defineInterface, type InterfaceView } from "../ir/interfaces.ts";
import type { Operation, Region } from "../ir/operation.ts";
import { lookupNearestSymbol } from "../ir/symbol-table.ts";
import { FunctionType, type Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { opError, quotedType } from "../irdl/op-error.ts";
import { printAttribute } from "../text/print-attr.ts";

export const FUNCTION_TYPE = "function_type";
export const ARG_ATTRS = "arg_attrs";
export const RES_ATTRS = "res_attrs";

// ---- FunctionOpInterface -----------------------------------------------------------------------------------

export interface FunctionOpMethods {
  /** The signature as the op stores it (a builtin FunctionType by default; llvm.func's own type otherwise). */
  getFunctionType(): Type;
  getArgumentTypes(): readonly Type[];
  getResultTypes(): readonly Type[];
  /** Sets the signature (MLIR's setFunctionTypeAttr(cloneTypeWith(...))); the body's arguments are the caller's. */
  setType(inputs: readonly Type[], results: readonly Type[]): void;
  /** The body (empty for a declaration). */
  getFunctionBody(): Region;
  /** True for a declaration: no body. */
  isExternal(): boolean;
  /**
   * Whether the Symbol verifier treats it as a declaration, which must not be public (MLIR's
   * SymbolOpInterface::isDeclaration): func.func's external functions are; llvm.func's are not (MLIR 16 leaves
   * isDeclaration at its default, false, for it).
   */
  isDeclaration(): boolean;
}

/** The `function_type` attribute as a builtin FunctionType (empty when absent or of another type). */
function storedFunctionType(op: Operation): FunctionType {
  const t = op.attr(FUNCTION_TYPE);
  return t instanceof TypeAttr && t.value instanceof FunctionType ? t.value : FunctionType.get([], []);
}

/** Per-argument (or per-result) attribute dictionaries: one per value, with dialect-prefixed names only. */
function verifyValueAttrs(op: Operation, attrName: string, count: number, what: "argument" | "result"): Diagnostic | undefined {
  const all = op.attr(attrName);
  if (!(all instanceof ArrayAttr)) return undefined;
  const plural = what === "argument" ? "arguments" : "results";
  if (all.elements.length !== count) {
    return opError(
      op,
      `expects ${what} attribute array to have the same number of elements as the number of function ${plural}, got ${all.elements.length}, but expected ${count}`,
    );
  }
  for (const dict of all.elements) {
    if (!(dict instanceof DictionaryAttr)) {
      return opError(op, `expects ${what} attribute dictionary to be a DictionaryAttr, but got \`${printAttribute(dict)}\``);
    }
    if (dict.entries.some((e) => !e.name.includes("."))) return opError(op, `${plural} may only have dialect attributes`);
  }
  return undefined;
}

/** MLIR's function_interface_impl::verifyTrait: arg/result attributes fit the signature, the entry block too. */
function verifyFunction(fn: InterfaceView<FunctionOpMethods>): Diagnostic | undefined {
  const op = fn.op;
  const inputs = fn.getArgumentTypes();
  const args = verifyValueAttrs(op, ARG_ATTRS, inputs.length, "argument");
  if (args !== undefined) return args;
  const results = verifyValueAttrs(op, RES_ATTRS, fn.getResultTypes().length, "result");
  if (results !== undefined) return results;
  if (op.regions.length !== 1) return opError(op, "expects one region");
  const entry = fn.getFunctionBody().entry;
  if (entry === undefined) return undefined;
  if (entry.args.length !== inputs.length) {
    return opError(op, `entry block must have ${inputs.length} arguments to match function signature`);
  }
  for (const [i, expected] of inputs.entries()) {
    const actual = entry.arg(i).type;
    if (actual === expected) continue;
    return opError(
      op,
      `type of entry block argument #${i}(${quotedType(actual)}) must match the type of the corresponding argument in function signature(${quotedType(expected)})`,
    );
  }
  return undefined;
}

export const FunctionOpInterface = defineInterface<
  FunctionOpMethods,
  "getFunctionType" | "getArgumentTypes" | "getResultTypes" | "setType" | "getFunctionBody" | "isExternal" | "isDeclaration"
>("FunctionOpInterface", {
  description: "a function: a symbol with a signature, argument/result attributes and a body region",
  defaults: {
    getFunctionType: (op) => storedFunctionType(op),
    getArgumentTypes: (op) => storedFunctionType(op).inputs,
    getResultTypes: (op) => storedFunctionType(op).results,
    setType: (op, inputs, results) => op.setAttr(FUNCTION_TYPE, TypeAttr.get(FunctionType.get(inputs, results))),
    getFunctionBody: (op) => op.getRegion(0),
    isExternal: (op) => op.regions[0]?.isEmpty ?? true,
    isDeclaration: (op) => op.regions[0]?.isEmpty ?? true,
  },
  verify: verifyFunction,
});

// ---- CallableOpInterface / CallOpInterface ------------------------------------------------------------------

export interface CallableOpMethods {
  /** The region a call runs, or undefined for a declaration. */
  getCallableRegion(): Region | undefined;
  /** The types a call of it returns. */
  getCallableResults(): readonly Type[];
}

export const CallableOpInterface = defineInterface<CallableOpMethods, "getCallableRegion" | "getCallableResults">("CallableOpInterface", {
  description: "what a call can reach: a region to run and the types it returns",
  // Most callables are functions: their body (when not a declaration) and their signature's results.
  defaults: {
    getCallableRegion: (op) => {
      const fn = FunctionOpInterface.of(op);
      return fn === undefined || fn.isExternal() ? undefined : fn.getFunctionBody();
    },
    getCallableResults: (op) => FunctionOpInterface.of(op)?.getResultTypes() ?? [],
  },
});

export interface CallOpMethods {
  /** The callee: a symbol reference (a direct call) or a value of function type (an indirect one). */
  getCallableForCallee(): SymbolRefAttr | Value;
  /** The operands passed to the callee's arguments. */
  getArgOperands(): readonly Value[];
}

export const CallOpInterface = defineInterface<CallOpMethods>("CallOpInterface", {
  description: "a call: a callee (a symbol or a value) and the operands passed to it",
});

/**
 * The op a call reaches (MLIR's CallOpInterface::resolveCallable): the symbol its callee names, looked up from the
 * call outwards; undefined for an indirect call, an unknown symbol, or `call` not being a call.
 */
export function resolveCallable(call: Operation): Operation | undefined {
  const callee = CallOpInterface.of(call)?.getCallableForCallee();
  if (!(callee instanceof SymbolRefAttr)) return undefined;
  return lookupNearestSymbol(call, callee);
}
