/**
 * The ops that live inside a structured op's payload (MLIR 16's LinalgOps.td):
 *
 *   %i = linalg.index 1 : index          the current index along loop 1
 *   linalg.yield %a, %b : f32, i32       the new elements of the inits, ending the payload
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { type Attribute, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { Pure, ReturnLike, Terminator } from "../../src/ir/traits.ts";
import { elementTypeOrSelf, i64 } from "../../src/ir/types.ts";
import { AnyType, attrConstraint, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { variadic } from "../../src/irdl/spec.ts";
import type { OpOperand } from "../../src/ir/value.ts";
import { DestinationStyleOpInterface } from "../../src/interfaces/destination-style.ts";
import type { OpAsmHooks } from "../../src/text/asm-interfaces.ts";
import { linalgOp, numLoops } from "./structured-interface.ts";

/** ODS's `ConfinedAttr<I64Attr, [IntMinValue<0>]>`. */
const NonNegativeI64Attr = {
  ...attrConstraint(
    "64-bit signless integer attribute whose minimum value is 0",
    (a: Attribute): a is IntegerAttr => a instanceof IntegerAttr && a.type === i64 && a.value >= 0n,
  ),
  valueType: i64,
};

/** `linalg.index <dim> : index`: the index of the enclosing structured op's loop `dim` at the current point. */
export const IndexOp = defineOp(
  {
    name: "linalg.index",
    summary: "linalg index operation",
    attributes: { dim: NonNegativeI64Attr },
    results: { result: Index },
    traits: [Pure],
    format: "$dim attr-dict `:` type($result)",
  },
  {
    verify(op): Diagnostic | undefined {
      const parent = op.parentOp;
      if (parent === undefined || linalgOp(parent) === undefined) return opError(op, "expected parent op with LinalgOp interface");
      const loops = numLoops(parent);
      const dim = Number(op.dim.value);
      if (loops <= dim) return opError(op, `expected dim (${dim}) to be lower than the number of loops (${loops}) of the enclosing LinalgOp`);
      return undefined;
    },
  },
);
export type IndexOp = InstanceType<typeof IndexOp>;

/** MLIR's YieldOp::print/parse: `linalg.yield %a, %b {attrs} : f32, i32`, or `linalg.yield {attrs}`. */
const yieldAsm: OpAsmHooks = {
  print(op, p) {
    if (op.numOperands > 0) {
      p.print(" ");
      p.printOperands(op.operands);
    }
    p.printOptionalAttrDict(op.attributes);
    if (op.numOperands > 0) {
      p.print(" : ");
      p.printTypes(op.operands.map((v) => v.type));
    }
  },
  parse(p, state) {
    const at = p.pos();
    const operands = p.parseOperandList("none");
    p.parseOptionalAttrDict(state.attributes);
    const types = operands.length > 0 ? p.parseColonTypeList() : [];
    state.operands.push(...p.resolveOperands(operands, types, at));
  },
};

/** MLIR's verifyYield: one value per init of the enclosing structured op, of the init's element type. */
function verifyYield(op: Operation): Diagnostic | undefined {
  const parent = op.parentOp;
  if (parent === undefined || parent.regions.length !== 1 || parent.regions[0]?.isEmpty) return opError(op, "expected single non-empty parent region");
  const dps = DestinationStyleOpInterface.of(parent);
  if (linalgOp(parent) === undefined || dps === undefined) return opError(op, "expected parent op with LinalgOp interface");
  const inits = dps.getDpsInitOperands();
  if (op.numOperands !== inits.length) {
    return opError(op, `expected number of yield values (${inits.length}) to match the number of operands of the enclosing LinalgOp (${op.numOperands})`);
  }
  for (const [i, v] of op.operands.entries()) {
    const elementType = elementTypeOrSelf((inits[i] as OpOperand).value.type);
    if (v.type !== elementType) {
      return opError(op, `type of yield operand ${i + 1} (${quotedType(v.type)}) doesn't match the element type of the enclosing linalg.generic op (${quotedType(elementType)})`);
    }
  }
  return undefined;
}

/** `linalg.yield`: ends a structured op's payload with the new elements of its inits. */
export const YieldOp = defineOp(
  {
    name: "linalg.yield",
    summary: "linalg yield operation",
    operands: { values: variadic(AnyType) },
    traits: [Pure, ReturnLike, Terminator],
  },
  { asm: yieldAsm, verify: verifyYield },
);
export type YieldOp = InstanceType<typeof YieldOp>;
