/**
 * Interpreter semantics of the llvm dialect's scalar, vector and control-flow ops, so conversions to it can be
 * property-tested against the interpreter (checkRewrite). Values are the interpreter's: integers, floats and
 * builtin vectors. Aggregates (structs, arrays), pointers and memory have no runtime values yet, so the ops on
 * them (alloca/load/store/GEP, insertvalue/extractvalue, calls through pointers, atomics, ...) have no
 * semantics here and the engine refuses them by name ("has no interpreter semantics").
 *
 * LLVM's undefined behaviour and poison are failures, as in arith's semantics: division by zero, INT_MIN / -1,
 * shifts by the bit width or more, out-of-range float-to-int conversions, an element index out of range,
 * `llvm.unreachable`, `ctlz`/`cttz` of zero and `abs` of INT_MIN when their flag makes it poison, and a NaN or
 * infinity under the `nnan` / `ninf` fast-math flags. `llvm.mlir.undef` may be any value, so the interpreter
 * picks zero (a valid refinement), as it does for the undefined lanes (-1) of a shuffle mask.
 */
import { ub } from "../../src/interp/errors.ts";
import { elementTypeOf, floatElementKind, intElementWidth, mapElements } from "../../src/interp/elementwise.ts";
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
  describeType,
  floatElementBits,
  floatElementFromBits,
  floatKindOf,
  floatNumber,
  intWidth,
  isIntLikeType,
  isNaNElement,
  isScalarType,
  isTrue,
  scalarValue,
  shapedValue,
  splatValue,
} from "../../src/interp/values.ts";
import { DenseElementsAttr, SymbolRefAttr } from "../../src/ir/attributes.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { FloatType, type Type, VectorType } from "../../src/ir/types.ts";
import { unspecified } from "../../src/interp/errors.ts";
import { FastmathFlagsAttr, FCmpPredicate, ICmpPredicate } from "./attrs.ts";
import {
  AddOp,
  AndOp,
  AShrOp,
  BitcastOp,
  FAddOp,
  FCmpOp,
  FDivOp,
  FMulOp,
  FNegOp,
  FPExtOp,
  FPToSIOp,
  FPToUIOp,
  FPTruncOp,
  FreezeOp,
  FRemOp,
  FSubOp,
  ICmpOp,
  LShrOp,
  MulOp,
  OrOp,
  SDivOp,
  SelectOp,
  SExtOp,
  ShlOp,
  SIToFPOp,
  SRemOp,
  SubOp,
  TruncOp,
  UDivOp,
  UIToFPOp,
  URemOp,
  XOrOp,
  ZExtOp,
} from "./ops-arith.ts";
import { ExtractElementOp, InsertElementOp, ShuffleVectorOp } from "./ops-aggregate.ts";
import { BrOp, CallOp, CondBrOp, ReturnOp, SwitchOp, UnreachableOp } from "./ops-control.ts";
import { ConstantOp, UndefOp } from "./ops-module.ts";
import { llvmIntrinsicInterpretations } from "./interp-intrinsics.ts";
import { checkLLVMFastMath, floatOp, intOp } from "./interp-util.ts";

const bool = (b: boolean): bigint => (b ? -1n : 0n);

const cast = (op: Operation, args: readonly RuntimeValue[], k: (e: Element) => Element): Outcome => [mapElements(op.getResult(0).type, args, ([e]) => k(e as Element))];

/** `llvm.bitcast` between scalars or same-length vectors: the same bits read as the result's element type. */
function bitcast(op: Operation, args: readonly RuntimeValue[], fail: (m: string) => never): Outcome {
  const fromType = op.getOperand(0).type;
  const toType = op.getResult(0).type;
  const shapeOf = (t: Type): string => (t instanceof VectorType ? t.shape.join("x") : "");
  const scalarOrVector = (t: Type): boolean => isScalarType(t) || (t instanceof VectorType && isScalarType(t.elementType));
  if (!scalarOrVector(fromType) || !scalarOrVector(toType)) return fail(`cannot run llvm.bitcast from ${describeType(fromType)} (pointers have no runtime values)`);
  if (shapeOf(fromType) !== shapeOf(toType)) {
    return fail(`cannot run llvm.bitcast from ${describeType(fromType)} to ${describeType(toType)}: it changes the number of elements`);
  }
  const from = elementTypeOf(fromType);
  const to = elementTypeOf(toType);
  return cast(op, args, (e) => {
    if (e instanceof UnspecifiedNaN && from !== to) unspecified("llvm.bitcast reads the bits of a NaN produced by arithmetic");
    const bits = isIntLikeType(from) ? BigInt.asUintN(intWidth(from), e as bigint) : floatElementBits(e as FloatElement, floatKindOf(from as FloatType));
    return isIntLikeType(to) ? bits : floatElementFromBits(bits, floatKindOf(to as FloatType));
  });
}

/** The value of a scalar or builtin vector of the op's result type; a named failure for aggregates. */
function constantValue(op: InstanceType<typeof ConstantOp>, fail: (m: string) => never): RuntimeValue {
  const type = op.res.type;
  if (!isScalarType(type) && !(type instanceof VectorType)) return fail(`cannot run llvm.mlir.constant of ${describeType(type)} (aggregates have no runtime values)`);
  return valueOfAttribute(op.value, type);
}

/** `llvm.mlir.undef` of a scalar or vector: zero, one of the values undef may take. */
function undefValue(type: Type, fail: (m: string) => never): RuntimeValue {
  if (isScalarType(type)) return scalarValue(type, isIntLikeType(type) ? 0n : 0);
  if (type instanceof VectorType && isScalarType(type.elementType)) return splatValue(type, isIntLikeType(type.elementType) ? 0n : 0);
  return fail(`cannot run llvm.mlir.undef of ${describeType(type)} (aggregates have no runtime values)`);
}

const llvmToArithFCmp = (p: string): Parameters<typeof F.cmpF>[0] => (p === "_false" ? "false" : p === "_true" ? "true" : p) as Parameters<typeof F.cmpF>[0];

/** The elements of a vector value (a scalar is refused: these ops take vectors). */
function vectorElements(v: RuntimeValue | undefined): Element[] {
  if (v?.kind !== "shaped") throw new TypeError("expected a vector value");
  return v.elements.toArray();
}

export const llvmInterpretations: readonly InterpretationEntry[] = [
  interpretation(AddOp, intOp(I.addI)),
  interpretation(SubOp, intOp(I.subI)),
  interpretation(MulOp, intOp(I.mulI)),
  interpretation(UDivOp, intOp(I.divUI)),
  interpretation(SDivOp, intOp(I.divSI)),
  interpretation(URemOp, intOp(I.remUI)),
  interpretation(SRemOp, intOp(I.remSI)),
  interpretation(AndOp, intOp(I.andI)),
  interpretation(OrOp, intOp(I.orI)),
  interpretation(XOrOp, intOp(I.xorI)),
  interpretation(ShlOp, intOp(I.shLI)),
  interpretation(LShrOp, intOp(I.shRUI)),
  interpretation(AShrOp, intOp(I.shRSI)),

  interpretation(FAddOp, floatOp(F.addF)),
  interpretation(FSubOp, floatOp(F.subF)),
  interpretation(FMulOp, floatOp(F.mulF)),
  interpretation(FDivOp, floatOp(F.divF)),
  interpretation(FRemOp, floatOp(F.remF)),
  interpretation(FNegOp, floatOp(F.negF)),

  interpretation(ICmpOp, (op, args, ctx) => {
    const pred = ICmpPredicate.caseOf(op.predicate);
    if (pred === undefined) return ctx.fail("invalid-ir", `invalid icmp predicate ${op.predicate.value}`);
    if (!isScalarType(elementOrSelf(op.lhs.type))) return ctx.fail("unsupported", "cannot run llvm.icmp on pointers (pointers have no runtime values)");
    const n = intElementWidth(op.lhs.type);
    return [mapElements(op.res.type, args, ([a, b]) => bool(I.cmpI(pred, n, a as bigint, b as bigint)))];
  }),
  interpretation(FCmpOp, (op, args, ctx) => {
    const pred = FCmpPredicate.caseOf(op.predicate);
    if (pred === undefined) return ctx.fail("invalid-ir", `invalid fcmp predicate ${op.predicate.value}`);
    const cmp = llvmToArithFCmp(pred);
    return [
      mapElements(op.res.type, args, ([a, b]) => {
        checkLLVMFastMath(op, [a as FloatElement], b as FloatElement); // nnan / ninf on the operands
        return bool(F.cmpF(cmp, a as FloatElement, b as FloatElement));
      }),
    ];
  }),

  // Canonical integers are signed: sign extension and truncation are the result type's normalisation.
  interpretation(SExtOp, (op, args) => cast(op, args, (e) => e)),
  interpretation(TruncOp, (op, args) => cast(op, args, (e) => e)),
  interpretation(ZExtOp, (op, args) => {
    const n = intElementWidth(op.arg.type);
    return cast(op, args, (e) => BigInt.asUintN(n, e as bigint));
  }),
  interpretation(SIToFPOp, (op, args) => {
    const kind = floatElementKind(op.res.type);
    return cast(op, args, (e) => F.intToFloat(e as bigint, kind));
  }),
  interpretation(UIToFPOp, (op, args) => {
    const n = intElementWidth(op.arg.type);
    const kind = floatElementKind(op.res.type);
    return cast(op, args, (e) => F.intToFloat(BigInt.asUintN(n, e as bigint), kind));
  }),
  interpretation(FPToSIOp, (op, args) => {
    const n = intElementWidth(op.res.type);
    return cast(op, args, (e) => F.floatToInt(e as FloatElement, n, true));
  }),
  interpretation(FPToUIOp, (op, args) => {
    const n = intElementWidth(op.res.type);
    return cast(op, args, (e) => F.floatToInt(e as FloatElement, n, false));
  }),
  interpretation(FPExtOp, (op, args) => {
    const from = floatElementKind(op.arg.type);
    const to = floatElementKind(op.res.type);
    return cast(op, args, (e) => F.convertFloat(e as FloatElement, from, to));
  }),
  interpretation(FPTruncOp, (op, args) => {
    const from = floatElementKind(op.arg.type);
    const to = floatElementKind(op.res.type);
    return cast(op, args, (e) => F.convertFloat(e as FloatElement, from, to));
  }),
  interpretation(BitcastOp, (op, args, ctx) => bitcast(op, args, (m) => ctx.fail("unsupported", m))),

  interpretation(SelectOp, (op, args, ctx) => {
    const [c, t, f] = args;
    if (c === undefined || t === undefined || f === undefined) return ctx.fail("invalid-ir", "llvm.select needs three operands");
    if (c.kind === "int") return [isTrue(c) ? t : f];
    return [mapElements(op.res.type, args, ([x, a, b]) => (x !== 0n ? (a as Element) : (b as Element)))];
  }),
  // No value is ever undef or poison here (those are failures or zero), so freezing changes nothing.
  interpretation(FreezeOp, (_op, args) => args),

  interpretation(ConstantOp, (op, _args, ctx) => [constantValue(op, (m) => ctx.fail("unsupported", m))]),
  interpretation(UndefOp, (op, _args, ctx) => [undefValue(op.res.type, (m) => ctx.fail("unsupported", m))]),

  interpretation(ExtractElementOp, (op, args, ctx) => {
    const elements = vectorElements(args[0]);
    const index = args[1];
    if (index?.kind !== "int") return ctx.fail("invalid-ir", "the position must be an integer");
    const i = BigInt.asUintN(intWidth(index.type), index.value);
    if (i >= BigInt(elements.length)) return ctx.fail("undefined-behavior", `llvm.extractelement at ${i} of ${elements.length} elements (poison)`);
    const type = op.res.type;
    if (!isScalarType(type)) return ctx.fail("unsupported", `cannot run llvm.extractelement of ${describeType(type)}`);
    return [scalarValue(type, elements[Number(i)] as Element)];
  }),
  interpretation(InsertElementOp, (op, args, ctx) => {
    const elements = vectorElements(args[0]);
    const value = args[1];
    const index = args[2];
    if (index?.kind !== "int" || (value?.kind !== "int" && value?.kind !== "float")) return ctx.fail("invalid-ir", "bad llvm.insertelement operands");
    const i = BigInt.asUintN(intWidth(index.type), index.value);
    if (i >= BigInt(elements.length)) return ctx.fail("undefined-behavior", `llvm.insertelement at ${i} of ${elements.length} elements (poison)`);
    elements[Number(i)] = value.value;
    const type = op.res.type;
    if (!(type instanceof VectorType)) return ctx.fail("unsupported", `cannot run llvm.insertelement on ${describeType(type)}`);
    return [shapedValue(type, elements)];
  }),
  interpretation(ShuffleVectorOp, (op, args, ctx) => {
    const a = vectorElements(args[0]);
    const b = vectorElements(args[1]);
    const type = op.res.type;
    if (!(type instanceof VectorType) || type.isScalable) return ctx.fail("unsupported", `cannot run llvm.shufflevector to ${describeType(type)}`);
    const zero: Element = isIntLikeType(type.elementType) ? 0n : 0;
    const mask = op.mask.values.map(Number);
    return [shapedValue(type, mask.map((m) => (m < 0 ? zero : m < a.length ? (a[m] as Element) : (b[m - a.length] as Element))))];
  }),

  interpretation(BrOp, (op, args, ctx) => ctx.branch(op.dest, args)),
  interpretation(CondBrOp, (op, args, ctx) => {
    const [c, ...rest] = args;
    if (c?.kind !== "int") return ctx.fail("invalid-ir", "the condition must be an i1");
    const n = op.trueDestOperands.length;
    return isTrue(c) ? ctx.branch(op.trueDest, rest.slice(0, n)) : ctx.branch(op.falseDest, rest.slice(n));
  }),
  interpretation(SwitchOp, (op, args, ctx) => {
    const [flag, ...rest] = args;
    if (flag?.kind !== "int") return ctx.fail("invalid-ir", "the switch value must be an integer");
    const values = op.case_values;
    const n = intWidth(flag.type);
    const want = BigInt.asUintN(n, flag.value);
    const count = values instanceof DenseElementsAttr ? values.numElements : 0;
    for (let i = 0; i < count; i++) {
      if (BigInt.asUintN(n, BigInt((values as DenseElementsAttr).at(i))) !== want) continue;
      return ctx.branch(op.caseDestinations[i] as Block, caseArgs(op, rest, i));
    }
    return ctx.branch(op.defaultDestination, rest.slice(0, op.defaultOperands.length));
  }),
  interpretation(ReturnOp, (_op, args, ctx) => ctx.exit(args)),
  interpretation(UnreachableOp, (_op, _args, ctx) => ctx.fail("undefined-behavior", "reached llvm.unreachable")),
  interpretation(CallOp, (op, args, ctx) => {
    const callee = op.attr("callee");
    if (!(callee instanceof SymbolRefAttr)) return ctx.fail("unsupported", "cannot run an indirect llvm.call (function pointers have no runtime values)");
    return ctx.call(op, callee, args);
  }),

  ...llvmIntrinsicInterpretations,
];

/** The runtime values llvm.switch forwards to case `i` (after the flag). */
function caseArgs(op: InstanceType<typeof SwitchOp>, rest: readonly RuntimeValue[], i: number): RuntimeValue[] {
  const segments = op.case_operand_segments.values.map(Number);
  const start = op.defaultOperands.length + segments.slice(0, i).reduce((a, b) => a + b, 0);
  return rest.slice(start, start + (segments[i] ?? 0));
}

function elementOrSelf(t: Type): Type {
  return t instanceof VectorType ? t.elementType : t;
}
