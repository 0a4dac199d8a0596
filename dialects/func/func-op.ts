/**
 * `func.func`, with the custom form every function-like op shares (src/interfaces/function-format.ts, MLIR 16's
 * function_interface_impl printFunctionOp / parseFunctionOp):
 *
 *   func.func private @decl(i32 {foo.a}, f32) -> (i32 {foo.r = 2 : i64})
 *   func.func @f(%arg0: i32 {foo.a}, %arg1: f32) -> (i32, f32) attributes {foo.x} {
 *     ...
 *   }
 */
import { implement } from "../../src/ir/interfaces.ts";
import { AffineScope, AutomaticAllocationScope, IsolatedFromAbove, Symbol } from "../../src/ir/traits.ts";
import type { FunctionType } from "../../src/ir/types.ts";
import { CallableOpInterface, FunctionOpInterface } from "../../src/interfaces/function.ts";
import { functionOpAsm, functionOpAttributes } from "../../src/interfaces/function-format.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { region } from "../../src/irdl/spec.ts";

/**
 * `func.func`: a function, a symbol with a signature and (unless it is a declaration) a body region. What MLIR
 * verifies of it (visibility, declarations, argument/result attributes, the entry block against the signature)
 * is the work of the Symbol trait and FunctionOpInterface, whose defaults read `function_type`.
 */
export const FuncOp = defineOp(
  {
    name: "func.func",
    summary: "an operation with a name containing a single SSACFG region",
    attributes: functionOpAttributes,
    regions: { body: region() },
    traits: [AffineScope, Symbol, IsolatedFromAbove, AutomaticAllocationScope],
    // `func.return` (and the other func ops) are written without their prefix inside a function.
    defaultDialect: "func",
  },
  { asm: functionOpAsm(), interfaces: [implement(FunctionOpInterface, {}), implement(CallableOpInterface, {})] },
);
export type FuncOp = InstanceType<typeof FuncOp>;

/** The function's signature. */
export const functionType = (f: FuncOp): FunctionType => f.function_type.value;
/** True for a declaration (no body). */
export const isExternal = (f: FuncOp): boolean => f.body.isEmpty;
/** The function's name (its `sym_name`). */
export const funcName = (f: FuncOp): string => f.sym_name.value;
