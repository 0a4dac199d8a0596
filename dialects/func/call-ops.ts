/**
 * `func.return`, `func.call`, `func.call_indirect` and `func.constant`, as MLIR 16's FuncOps.td:
 *
 *   return %0, %1 : i32, f32
 *   %0 = call @callee(%a) : (i32) -> i32
 *   %f = constant @callee : (i32) -> i32
 *   %1 = call_indirect %f(%a) : (i32) -> i32
 *
 * (shown as they print inside a function, where `func` is the default dialect).
 */
import { SymbolRefAttr } from "../../src/ir/attributes.ts";
import { type Diagnostic, note } from "../../src/diag/diagnostic.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { lookupNearestSymbol } from "../../src/ir/symbol-table.ts";
import { ConstantLike, HasParent, Pure, ReturnLike, Terminator } from "../../src/ir/traits.ts";
import { FunctionType, type Type } from "../../src/ir/types.ts";
import { AnyFunctionType, AnyType, FlatSymbolRefAttr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { variadic } from "../../src/irdl/spec.ts";
import { opEmitError, opError, quotedType } from "../../src/irdl/op-error.ts";
import { CallOpInterface } from "../../src/interfaces/function.ts";
import { type SymbolTableCollection, SymbolUserOpInterface } from "../../src/interfaces/symbol-user.ts";
import { FuncOp, funcName, functionType } from "./func-op.ts";

/** The function a symbol reference names, looked up from `from` outwards; undefined if it is not a func.func. */
export function lookupFunction(from: Operation, ref: SymbolRefAttr): FuncOp | undefined {
  const found = lookupNearestSymbol(from, ref);
  return found instanceof FuncOp ? found : undefined;
}

// ---- func.return -------------------------------------------------------------------------------------------

/**
 * `func.return`: returns control and values from the enclosing function; its types match its results.
 * Its verifier words the type mismatch as MLIR's does, without the `'func.return' op` prefix: a verify hook
 * returns the whole diagnostic.
 */
export const ReturnOp = defineOp(
  {
    name: "func.return",
    summary: "function return operation",
    operands: { values: variadic(AnyType) },
    traits: [Pure, HasParent("func.func"), ReturnLike, Terminator],
    format: "attr-dict ($values^ `:` type($values))?",
  },
  {
    verify(op) {
      const fn = op.parentOp;
      if (!(fn instanceof FuncOp)) return undefined; // HasParent reports it
      // A function without its signature attribute is reported by the function's own verifier.
      if (fn.attr("function_type") === undefined) return undefined;
      const results = functionType(fn).results;
      if (op.values.length !== results.length) {
        return opError(op, `has ${op.values.length} operands, but enclosing function (@${funcName(fn)}) returns ${results.length}`);
      }
      for (const [i, v] of op.values.entries()) {
        const expected = results[i] as Type;
        if (v.type === expected) continue;
        return opEmitError(
          op,
          `type of return operand ${i} (${quotedType(v.type)}) doesn't match function result type (${quotedType(expected)}) in function @${funcName(fn)}`,
        );
      }
      return undefined;
    },
  },
);
export type ReturnOp = InstanceType<typeof ReturnOp>;

// ---- func.call ---------------------------------------------------------------------------------------------

/**
 * The callee check of `func.call` (MLIR's CallOp::verifySymbolUses, with its messages): run when the enclosing
 * symbol table is verified, with its symbols indexed once.
 */
function verifyCallee(op: CallOp, symbols: SymbolTableCollection): Diagnostic | undefined {
  const callee = op.attr("callee");
  if (!(callee instanceof SymbolRefAttr)) return undefined; // the spec's attribute check reports it
  const fn = symbols.lookupNearestSymbolFrom(op, callee);
  if (!(fn instanceof FuncOp)) return opError(op, `'${callee.root}' does not reference a valid function`);
  const type = functionType(fn);
  if (type.inputs.length !== op.numOperands) return opError(op, "incorrect number of operands for callee");
  for (const [i, v] of op.operands.entries()) {
    const expected = type.inputs[i] as Type;
    if (v.type === expected) continue;
    return opError(
      op,
      `operand type mismatch: expected operand type ${quotedType(expected)}, but provided ${quotedType(v.type)} for operand number ${i}`,
    );
  }
  if (type.results.length !== op.numResults) return opError(op, "incorrect number of results for callee");
  const index = op.resultTypes.findIndex((t, i) => t !== type.results[i]);
  if (index < 0) return undefined;
  const list = (ts: readonly Type[]): string => ts.map(quotedType).join(", ");
  return opError(op, `result type mismatch at index ${index}`, [
    note(op.loc, `      op result types: ${list(op.resultTypes)}`),
    note(op.loc, `function result types: ${list(type.results)}`),
  ]);
}

/** `func.call`: calls the function named by `callee` (a symbol in an enclosing symbol table). */
export const CallOp = defineOp(
  {
    name: "func.call",
    summary: "call operation",
    operands: { args: variadic(AnyType) },
    results: { res: variadic(AnyType) },
    attributes: { callee: FlatSymbolRefAttr },
    format: "$callee `(` $args `)` attr-dict `:` functional-type($args, results)",
  },
  {
    interfaces: [
      implement(CallOpInterface, { getCallableForCallee: (op) => op.callee, getArgOperands: (op) => op.args }),
      implement(SymbolUserOpInterface, { verifySymbolUses: (op, symbols): Diagnostic | undefined => verifyCallee(op, symbols) }),
    ],
  },
);
export type CallOp = InstanceType<typeof CallOp>;

/** The signature a call site uses: its operand types to its result types. */
export function callSignature(op: CallOp): FunctionType {
  return FunctionType.get(
    op.args.map((v) => v.type),
    op.resultTypes,
  );
}

// ---- func.call_indirect ------------------------------------------------------------------------------------

const functionInputs = (t: Type): readonly Type[] | undefined => (t instanceof FunctionType ? t.inputs : undefined);
const functionResults = (t: Type): readonly Type[] | undefined => (t instanceof FunctionType ? t.results : undefined);

/** `func.call_indirect`: calls a function value (from `func.constant` or an argument). */
export const CallIndirectOp = defineOp(
  {
    name: "func.call_indirect",
    summary: "indirect call operation",
    operands: { callee: AnyFunctionType, callee_operands: variadic(AnyType) },
    results: { res: variadic(AnyType) },
    typesMatchWith: [
      { from: "callee", to: "callee_operands", transform: functionInputs, summary: "callee input types match argument types" },
      { from: "callee", to: "res", transform: functionResults, summary: "callee result types match result types" },
    ],
    // The operand and result types come from the callee's: `%r = func.call_indirect %f(%a) : (i32) -> i32`.
    format: "$callee `(` $callee_operands `)` attr-dict `:` type($callee)",
  },
  { interfaces: [implement(CallOpInterface, { getCallableForCallee: (op) => op.callee, getArgOperands: (op) => op.callee_operands })] },
);
export type CallIndirectOp = InstanceType<typeof CallIndirectOp>;

// ---- func.constant -----------------------------------------------------------------------------------------

/** `func.constant`: the address of a function as a value of function type. */
export const ConstantOp = defineOp(
  {
    name: "func.constant",
    summary: "constant",
    attributes: { value: FlatSymbolRefAttr },
    results: { result: AnyType },
    traits: [ConstantLike, Pure],
    // The attribute dictionary comes first, as in MLIR 16: `%f = func.constant {attrs} @callee : (i32) -> i32`.
    format: "attr-dict $value `:` type(results)",
    // MLIR 16 names every func.constant result `%f` (then `%f_0`, ...).
    resultNames: () => ["f"],
  },
  {
    verify: (op) => {
      const name = op.value.root;
      const fn = lookupFunction(op, op.value);
      if (fn === undefined) return opError(op, `reference to undefined function '${name}'`);
      if (functionType(fn) !== op.result.type) return opError(op, "reference to function with mismatched type");
      return undefined;
    },
  },
);
export type ConstantOp = InstanceType<typeof ConstantOp>;
