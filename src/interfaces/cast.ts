/**
 * CastOpInterface (MLIR 16's CastInterfaces.td): an op that converts values of some types (its operands) to
 * values of other types (its results), with nothing else to it: `arith.extsi`, `arith.index_cast`,
 * `builtin.unrealized_conversion_cast`, a dialect's own casts.
 *
 *   %1 = arith.extsi %0 : i32 to i64                  areCastCompatible([i32], [i64]): true
 *   %1 = arith.extsi %0 : i32 to i8                   error: 'arith.extsi' op operand type 'i32' and result
 *                                                     type 'i8' are cast incompatible
 *
 * What the interface gives every cast, whatever its dialect:
 * - the verifier asks `areCastCompatible(operand types, result types)` (a static method: it is about the op
 *   kind, so a conversion may ask it before building the op: `castCompatible(ExtSIOp, [i32], [i64])`), and
 *   rejects a cast without results;
 * - the folder removes a cast whose result types are its operand types, one for one (MLIR's
 *   foldCastInterfaceOp), when the op's own fold does not fold it:
 *
 *     %1 = arith.bitcast %0 : i32 to i32              %1 is replaced by %0
 *     %2:2 = builtin.unrealized_conversion_cast %a, %b : i32, f32 to i32, f32
 *
 * and a fold a cast op may use as its own (`fold: foldCastRoundTrip`), for kinds whose casts are lossless both
 * ways: a cast of the whole results of a cast of the same kind back to that cast's operand types is its
 * operands (MLIR's UnrealizedConversionCastOp::fold).
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import { defineInterface, type InterfaceView, type OpKindWithInfo } from "../ir/interfaces.ts";
import type { Operation } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { opError, quotedType } from "../irdl/op-error.ts";

export interface CastOpMethods {
  /** Whether this kind of cast can turn values of types `inputs` into values of types `outputs`. */
  areCastCompatible(inputs: readonly Type[], outputs: readonly Type[]): boolean;
}

/** `'i32'`, `'i32', 'f32'`: a list of types as MLIR streams a TypeRange into a diagnostic. */
export const quotedTypes = (types: readonly Type[]): string => types.map(quotedType).join(", ");

/** MLIR's verifyCastInterfaceOp: at least one result, and types the cast kind accepts. */
function verifyCast(view: InterfaceView<CastOpMethods>): Diagnostic | undefined {
  const op = view.op;
  const results = op.results.map((r) => r.type);
  if (results.length === 0) return opError(op, "expected at least one result for cast operation");
  const operands = op.operands.map((v) => v.type);
  if (view.areCastCompatible(operands, results)) return undefined;
  const inputs = operands.length === 0 ? "s []" : operands.length === 1 ? ` ${quotedTypes(operands)}` : `s ${quotedTypes(operands)}`;
  return opError(op, `operand type${inputs} and result type${results.length === 1 ? " " : "s "}${quotedTypes(results)} are cast incompatible`);
}

export const CastOpInterface = defineInterface<CastOpMethods, never, "areCastCompatible">("CastOpInterface", {
  description: "an op that converts its operands' types to its results' types and does nothing else",
  statics: ["areCastCompatible"],
  verify: verifyCast,
  // A cast to the types it already has is its operands (MLIR's foldCastInterfaceOp).
  fold: (view) => {
    const op = view.op;
    if (op.numOperands === 0 || op.numOperands !== op.numResults) return undefined;
    for (let i = 0; i < op.numOperands; i++) if (op.getOperand(i).type !== op.getResult(i).type) return undefined;
    return op.operands;
  },
});

/**
 * Whether a cast of kind `kind` (an op class) can turn `inputs` into `outputs`, asked before building one;
 * undefined when the kind is no cast.
 */
export function castCompatible(kind: OpKindWithInfo, inputs: readonly Type[], outputs: readonly Type[]): boolean | undefined {
  return CastOpInterface.ofKind(kind.info)?.areCastCompatible(inputs, outputs);
}

/**
 * A cast back of a cast (for cast kinds that lose nothing either way): `op` takes every result of a cast `first`
 * of the same kind, in order, and gives back `first`'s operand types, so `op`'s results are `first`'s operands.
 *
 *   %1:2 = builtin.unrealized_conversion_cast %a, %b : i32, f32 to i64, i64
 *   %2:2 = builtin.unrealized_conversion_cast %1#0, %1#1 : i64, i64 to i32, f32     %2#0, %2#1 are %a, %b
 *
 * A cast to its own types is left to the interface's fold. Undefined when `op` is not such a cast.
 */
export function foldCastRoundTrip(op: Operation): readonly Value[] | undefined {
  const inputs = op.operands;
  const first = inputs[0]?.definingOp;
  if (first === undefined || first.info === undefined || first.info !== op.info || first.numResults !== inputs.length) return undefined;
  if (inputs.every((v, i) => v.type === op.getResult(i).type)) return undefined;
  if (!inputs.every((v, i) => v === first.getResult(i))) return undefined;
  if (first.numOperands !== op.numResults || !first.operands.every((v, i) => v.type === op.getResult(i).type)) return undefined;
  return first.operands;
}
