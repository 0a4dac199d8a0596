/**
 * Tensile's interpreter: the semantic oracle rewrites are property-tested against.
 *
 *   import { interpret, intValue } from "../src/interp/index.ts";
 *   const r = interpret(module, "f", [intValue(i32, 7n)], { ctx });   // semantics of ctx's dialects
 *   // r: Either<InterpError, RuntimeValue[]>
 *
 * values.ts documents the runtime representation; errors.ts what can fail; registry.ts how dialects add
 * semantics; int-semantics.ts and float-semantics.ts the exact arithmetic (reusable by folders).
 */
export { DEFAULT_MAX_CALL_DEPTH, DEFAULT_MAX_STEPS, type InterpretOptions, interpret } from "./engine.ts";
export { type InterpError, type InterpErrorKind, InterpFailure, fail, invalidIR, ub, unspecified, unsupported } from "./errors.ts";
export {
  type InterpContext,
  type InterpretationEntry,
  InterpRegistry,
  type OpInterpretation,
  type Outcome,
  type Transfer,
  interpretation,
} from "./registry.ts";
export { elementTypeOf, floatElementKind, intElementWidth, mapElements, mapElementsMulti } from "./elementwise.ts";
export { valueOfAttribute } from "./attr-values.ts";
export { type FloatTolerance, compareResults, compareValues, formatValue, formatValues, sameValue, ulpDistance } from "./compare.ts";
export { checkRuntimeValue } from "./validate.ts";
export * from "./values.ts";
export * from "./buffer.ts";
export * from "./memref.ts";
export * as intSemantics from "./int-semantics.ts";
export * as floatSemantics from "./float-semantics.ts";
