/**
 * Interpreter semantics of every arith op (MLIR 16), elementwise over scalars, vectors and tensors. The
 * arithmetic itself is in src/interp/{int,float}-semantics.ts; this file maps each op to it.
 *
 * Integers are n-bit two's complement (BigInt, any width; index is 64-bit). Undefined behaviour and poison
 * are errors, not values: division or remainder by zero, INT_MIN / -1 in divsi / ceildivsi / floordivsi
 * (and remsi, as its LLVM lowering srem), shifts by >= the bit width, fptosi / fptoui of NaN, infinities or
 * values out of the target range, and NaN or infinite operands or results of ops with the `nnan` / `ninf`
 * fast-math flags. Other fast-math flags (reassoc, nsz, arcp, contract, afn) do not change the results
 * computed here: they license rewrites that do, which property tests must allow for with a tolerance.
 */
import { ub, unspecified } from "../../src/interp/errors.ts";
import { elementTypeOf, floatElementKind, intElementWidth, mapElements, mapElementsMulti } from "../../src/interp/elementwise.ts";
import * as F from "../../src/interp/float-semantics.ts";
import * as I from "../../src/interp/int-semantics.ts";
import { valueOfAttribute } from "../../src/interp/attr-values.ts";
import { type InterpretationEntry, type Outcome, interpretation } from "../../src/interp/registry.ts";
import {
  type Element,
  type FloatElement,
  type RuntimeValue,
  type SupportedFloatKind,
  UnspecifiedNaN,
  floatElementBits,
  floatElementFromBits,
  floatKindOf,
  floatNumber,
  intWidth,
  isIntLikeType,
  isNaNElement,
  isTrue,
} from "../../src/interp/values.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { OpResult } from "../../src/ir/value.ts";
import { IntegerType } from "../../src/ir/types.ts";
import { CMPF_PREDICATES, CMPI_PREDICATES, FastMathAttr } from "./attrs.ts";
import { BitcastOp, ExtFOp, ExtSIOp, ExtUIOp, FPToSIOp, FPToUIOp, IndexCastOp, IndexCastUIOp, SIToFPOp, TruncFOp, TruncIOp, UIToFPOp } from "./ops-cast.ts";
import { CmpFOp, CmpIOp, SelectOp } from "./ops-cmp.ts";
import { ConstantOp } from "./ops-constant.ts";
import { AddFOp, DivFOp, MaxFOp, MinFOp, MulFOp, NegFOp, RemFOp, SubFOp } from "./ops-float.ts";
import {
  AddIOp,
  AddUIExtendedOp,
  AndIOp,
  CeilDivSIOp,
  CeilDivUIOp,
  DivSIOp,
  DivUIOp,
  FloorDivSIOp,
  MaxSIOp,
  MaxUIOp,
  MinSIOp,
  MinUIOp,
  MulIOp,
  MulSIExtendedOp,
  MulUIExtendedOp,
  OrIOp,
  RemSIOp,
  RemUIOp,
  ShLIOp,
  ShRSIOp,
  ShRUIOp,
  SubIOp,
  XOrIOp,
} from "./ops-int.ts";

const bool = (b: boolean): bigint => (b ? -1n : 0n);

// ---- shared helpers (math's semantics use them too) ---------------------------------------------------------

/** An integer op `kernel(width, a, b, ...)` applied elementwise; the width is the result's element width. */
export function intElementwise(kernel: (n: number, ...xs: bigint[]) => bigint): (op: Operation, args: readonly RuntimeValue[]) => Outcome {
  return (op, args) => {
    const type = op.getResult(0).type;
    const n = intElementWidth(type);
    return [mapElements(type, args, (es) => kernel(n, ...(es as bigint[])))];
  };
}

/**
 * Checks the `nnan` / `ninf` fast-math flags of `op`: with them, a NaN or infinite operand or result is
 * poison (LLVM's semantics of the flags), reported as undefined behaviour.
 */
export function checkFastMath(op: Operation, operands: readonly FloatElement[], result: FloatElement): FloatElement {
  const flags = op.attr("fastmath");
  if (!(flags instanceof FastMathAttr) || flags.isNone) return result;
  const all = [...operands, result];
  if (flags.has("nnan") && all.some(isNaNElement)) ub("NaN operand or result with fast-math flag 'nnan' (poison)");
  if (flags.has("ninf") && all.some((e) => Math.abs(floatNumber(e)) === Infinity)) ub("infinite operand or result with fast-math flag 'ninf' (poison)");
  return result;
}

/** A float op `kernel(kind, a, b, ...)` applied elementwise, with the op's fast-math flags checked. */
export function floatElementwise(
  kernel: (kind: SupportedFloatKind, ...xs: FloatElement[]) => FloatElement,
): (op: Operation, args: readonly RuntimeValue[]) => Outcome {
  return (op, args) => {
    const type = op.getResult(0).type;
    const kind = floatElementKind(type);
    return [mapElements(type, args, (es) => checkFastMath(op, es as FloatElement[], kernel(kind, ...(es as FloatElement[]))))];
  };
}

/** mulsi_extended / mului_extended: the low and high halves of the double-width product, elementwise. */
function extendedMultiply(
  kernel: (n: number, a: bigint, b: bigint) => { readonly low: bigint; readonly high: bigint },
): (op: Operation & { readonly low: OpResult; readonly high: OpResult }, args: readonly RuntimeValue[]) => Outcome {
  return (op, args) => {
    const n = intElementWidth(op.low.type);
    return mapElementsMulti([op.low.type, op.high.type], args, ([a, b]) => {
      const r = kernel(n, a as bigint, b as bigint);
      return [r.low, r.high];
    });
  };
}

// ---- casts ---------------------------------------------------------------------------------------------------

/** A cast applied elementwise: `kernel(element)` from the operand's element type to the result's. */
function cast(op: Operation, args: readonly RuntimeValue[], kernel: (e: Element) => Element): Outcome {
  return [mapElements(op.getResult(0).type, args, ([e]) => kernel(e as Element))];
}

const sourceWidth = (op: Operation): number => intElementWidth(op.getOperand(0).type);
const sourceKind = (op: Operation): SupportedFloatKind => floatElementKind(op.getOperand(0).type);
const resultKind = (op: Operation): SupportedFloatKind => floatElementKind(op.getResult(0).type);

/**
 * arith.bitcast: the same bits read as the result's element type (int <-> float, index <-> i64, f16 <-> bf16).
 * The bits of a NaN made by arithmetic are unspecified, so reading them is an `unspecified` failure (a cast to
 * the same type keeps the NaN as it is).
 */
function bitcastElement(op: Operation): (e: Element) => Element {
  const from = elementTypeOf(op.getOperand(0).type);
  const to = elementTypeOf(op.getResult(0).type);
  return (e) => {
    if (e instanceof UnspecifiedNaN) {
      if (from === to) return e;
      unspecified("arith.bitcast reads the bits of a NaN produced by arithmetic (LLVM leaves its sign and payload unspecified)");
    }
    const bits = isIntLikeType(from) ? BigInt.asUintN(intWidth(from), e as bigint) : floatElementBits(e as FloatElement, floatKindOf(from));
    return isIntLikeType(to) ? bits : floatElementFromBits(bits, floatKindOf(to));
  };
}

// ---- the ops -------------------------------------------------------------------------------------------------

export const arithInterpretations: readonly InterpretationEntry[] = [
  interpretation(ConstantOp, (op) => [valueOfAttribute(op.value, op.result.type)]),

  interpretation(AddIOp, intElementwise(I.addI)),
  interpretation(SubIOp, intElementwise(I.subI)),
  interpretation(MulIOp, intElementwise(I.mulI)),
  interpretation(DivUIOp, intElementwise(I.divUI)),
  interpretation(DivSIOp, intElementwise(I.divSI)),
  interpretation(CeilDivUIOp, intElementwise(I.ceilDivUI)),
  interpretation(CeilDivSIOp, intElementwise(I.ceilDivSI)),
  interpretation(FloorDivSIOp, intElementwise(I.floorDivSI)),
  interpretation(RemUIOp, intElementwise(I.remUI)),
  interpretation(RemSIOp, intElementwise(I.remSI)),
  interpretation(AndIOp, intElementwise(I.andI)),
  interpretation(OrIOp, intElementwise(I.orI)),
  interpretation(XOrIOp, intElementwise(I.xorI)),
  interpretation(ShLIOp, intElementwise(I.shLI)),
  interpretation(ShRUIOp, intElementwise(I.shRUI)),
  interpretation(ShRSIOp, intElementwise(I.shRSI)),
  interpretation(MaxSIOp, intElementwise(I.maxSI)),
  interpretation(MaxUIOp, intElementwise(I.maxUI)),
  interpretation(MinSIOp, intElementwise(I.minSI)),
  interpretation(MinUIOp, intElementwise(I.minUI)),

  interpretation(AddUIExtendedOp, (op, args) => {
    const n = intElementWidth(op.sum.type);
    return mapElementsMulti([op.sum.type, op.overflow.type], args, ([a, b]) => {
      const r = I.addUIExtended(n, a as bigint, b as bigint);
      return [r.sum, bool(r.overflow)];
    });
  }),
  interpretation(MulSIExtendedOp, extendedMultiply(I.mulSIExtended)),
  interpretation(MulUIExtendedOp, extendedMultiply(I.mulUIExtended)),

  interpretation(NegFOp, floatElementwise(F.negF)),
  interpretation(AddFOp, floatElementwise(F.addF)),
  interpretation(SubFOp, floatElementwise(F.subF)),
  interpretation(MulFOp, floatElementwise(F.mulF)),
  interpretation(DivFOp, floatElementwise(F.divF)),
  interpretation(RemFOp, floatElementwise(F.remF)),
  interpretation(MaxFOp, floatElementwise(F.maxF)),
  interpretation(MinFOp, floatElementwise(F.minF)),

  interpretation(ExtUIOp, (op, args) => {
    const n = sourceWidth(op);
    return cast(op, args, (e) => BigInt.asUintN(n, e as bigint));
  }),
  // Canonical integers are signed, so sign extension and truncation are the result type's normalisation.
  interpretation(ExtSIOp, (op, args) => cast(op, args, (e) => e)),
  interpretation(TruncIOp, (op, args) => cast(op, args, (e) => e)),
  interpretation(IndexCastOp, (op, args) => cast(op, args, (e) => e)),
  interpretation(IndexCastUIOp, (op, args) => {
    // Integer to index zero-extends; index to integer truncates.
    const from = elementTypeOf(op.getOperand(0).type);
    if (!(from instanceof IntegerType)) return cast(op, args, (e) => e);
    return cast(op, args, (e) => BigInt.asUintN(from.width, e as bigint));
  }),
  interpretation(BitcastOp, (op, args) => cast(op, args, bitcastElement(op))),

  interpretation(SIToFPOp, (op, args) => {
    const kind = resultKind(op);
    return cast(op, args, (e) => F.intToFloat(e as bigint, kind));
  }),
  interpretation(UIToFPOp, (op, args) => {
    const n = sourceWidth(op);
    const kind = resultKind(op);
    return cast(op, args, (e) => F.intToFloat(BigInt.asUintN(n, e as bigint), kind));
  }),
  interpretation(FPToSIOp, (op, args) => {
    const n = intElementWidth(op.out.type);
    return cast(op, args, (e) => F.floatToInt(e as FloatElement, n, true));
  }),
  interpretation(FPToUIOp, (op, args) => {
    const n = intElementWidth(op.out.type);
    return cast(op, args, (e) => F.floatToInt(e as FloatElement, n, false));
  }),
  interpretation(ExtFOp, (op, args) => {
    const from = sourceKind(op);
    const to = resultKind(op);
    return cast(op, args, (e) => F.convertFloat(e as FloatElement, from, to));
  }),
  interpretation(TruncFOp, (op, args) => {
    const from = sourceKind(op);
    const to = resultKind(op);
    return cast(op, args, (e) => F.convertFloat(e as FloatElement, from, to));
  }),

  interpretation(CmpIOp, (op, args, ctx) => {
    const pred = CMPI_PREDICATES[op.predicate.number];
    if (pred === undefined) return ctx.fail("invalid-ir", `invalid cmpi predicate ${op.predicate.value}`);
    const n = intElementWidth(op.getOperand(0).type);
    return [mapElements(op.getResult(0).type, args, ([a, b]) => bool(I.cmpI(pred, n, a as bigint, b as bigint)))];
  }),
  interpretation(CmpFOp, (op, args, ctx) => {
    const pred = CMPF_PREDICATES[op.predicate.number];
    if (pred === undefined) return ctx.fail("invalid-ir", `invalid cmpf predicate ${op.predicate.value}`);
    return [mapElements(op.getResult(0).type, args, ([a, b]) => bool(F.cmpF(pred, a as FloatElement, b as FloatElement)))];
  }),

  interpretation(SelectOp, (op, args, ctx) => {
    const [condition, whenTrue, whenFalse] = args;
    if (condition === undefined || whenTrue === undefined || whenFalse === undefined) return ctx.fail("invalid-ir", "select needs three operands");
    // A scalar condition picks a whole value; a shaped one picks per element.
    if (condition.kind === "int") return [isTrue(condition) ? whenTrue : whenFalse];
    return [mapElements(op.result.type, args, ([c, a, b]) => (c !== 0n ? (a as Element) : (b as Element)))];
  }),
];

