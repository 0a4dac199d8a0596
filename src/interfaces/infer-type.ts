/**
 * InferTypeOpInterface (MLIR 16's InferTypeOpInterface.td): an op kind whose result types follow from its
 * operands, attributes and regions, so that it can be built and parsed without them:
 *
 *   arith.cmpi slt, %a, %b : vector<4xi32>           the result is vector<4xi1>: `cmpi` infers it
 *   CmpIOp.build({ predicate, lhs, rhs })              no result type given
 *
 * The method is static (there is no op yet when it is asked): `InferTypeOpInterface.ofKind(Op.info)`. The
 * verifier checks, once the op's regions verified (MLIR's verifyWithRegions), that the op's result types are
 * the ones inferred, or compatible with them (`isCompatibleReturnTypes`, equality by default):
 *
 *   "arith.cmpi"(%a, %b) {predicate = 2 : i64} : (i32, i32) -> i1       fine
 *   'test.infer' op inferred type(s) 'i32' are incompatible with return type(s) of operation 'i64'
 *
 * Dialect authors give `inferResultTypes` in defineOp's behaviour, which implements this interface; ops whose
 * result types are tied to operand types by their spec (SameOperandsAndResultType, allTypesMatch) implement it
 * without asking, as ODS adds the interface to such ops (define-op.ts). The declarative format treats the result
 * types of an op implementing it as inferable (format.ts).
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { Attribute } from "../ir/attributes.ts";
import { defineInterface, type InterfaceView } from "../ir/interfaces.ts";
import type { OpInfo, Region } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { opError } from "../irdl/op-error.ts";
import { quotedTypes } from "./cast.ts";

export interface InferTypeMethods {
  /**
   * The result types an op of this kind would have with these operands, attributes and regions; undefined when
   * they cannot be inferred (operands of the wrong kind: the verifier reports those).
   */
  inferReturnTypes(operands: readonly Value[], attributes: ReadonlyMap<string, Attribute>, regions: readonly Region[]): readonly Type[] | undefined;
  /** Whether results of types `actual` are acceptable where `inferred` were inferred. Default: the same types. */
  isCompatibleReturnTypes(inferred: readonly Type[], actual: readonly Type[]): boolean;
}

const sameTypes = (a: readonly Type[], b: readonly Type[]): boolean => a.length === b.length && a.every((t, i) => t === b[i]);

/** MLIR's verifyInferredResultTypes: the op's result types are (compatible with) the inferred ones. */
function verifyInferredResultTypes(view: InterfaceView<InferTypeMethods>): Diagnostic | undefined {
  const op = view.op;
  const inferred = view.inferReturnTypes(op.operands, op.attributes, op.regions);
  // MLIR 16 fails here without a message of its own (the op's inferReturnTypes reports why); later versions
  // say this, which is what a user needs to hear.
  if (inferred === undefined) return opError(op, "failed to infer returned types");
  // The same types are compatible whatever the op says (the common case, checked without allocating).
  if (inferred.length === op.numResults && inferred.every((t, i) => t === op.getResult(i).type)) return undefined;
  const actual = op.results.map((r) => r.type);
  if (view.isCompatibleReturnTypes(inferred, actual)) return undefined;
  return opError(op, `inferred type(s) ${quotedTypes(inferred)} are incompatible with return type(s) of operation ${quotedTypes(actual)}`);
}

export const InferTypeOpInterface = defineInterface<InferTypeMethods, "isCompatibleReturnTypes", "inferReturnTypes" | "isCompatibleReturnTypes">(
  "InferTypeOpInterface",
  {
    description: "an op kind whose result types follow from its operands, attributes and regions",
    statics: ["inferReturnTypes", "isCompatibleReturnTypes"],
    defaults: { isCompatibleReturnTypes: sameTypes },
    verifyRegion: verifyInferredResultTypes,
  },
);

/**
 * The result types the op kind `info` infers from `operands`, `attributes` and `regions`; undefined when the
 * kind does not implement InferTypeOpInterface or cannot infer them from these.
 */
export function inferReturnTypes(
  info: OpInfo | undefined,
  operands: readonly Value[],
  attributes: ReadonlyMap<string, Attribute>,
  regions: readonly Region[] = [],
): readonly Type[] | undefined {
  return InferTypeOpInterface.ofKind(info)?.inferReturnTypes(operands, attributes, regions);
}
