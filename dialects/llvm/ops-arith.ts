/**
 * The llvm dialect's arithmetic: integer and float binary ops, `fneg`, comparisons, casts, `select` and
 * `freeze` (MLIR 16's LLVMOps.td), in MLIR 16's syntax:
 *
 *   %0 = llvm.add %a, %b  : i32
 *   %1 = llvm.fmul %x, %y  {fastmathFlags = #llvm.fastmath<fast>} : vector<4xf32>
 *   %2 = llvm.icmp "slt" %a, %b : i32
 *   %3 = llvm.fcmp "olt" %x, %y : f32
 *   %4 = llvm.sitofp %a : i32 to f32
 *   %5 = llvm.select %c, %x, %y : i1, f32
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { Commutative, Pure, SameOperandsAndResultType, SameOperandsType } from "../../src/ir/traits.ts";
import { i1, type Type, VectorType } from "../../src/ir/types.ts";
import { AnyInteger, type TypeConstraint } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { defaultAttr } from "../../src/irdl/spec.ts";
import type { OpAsmHooks } from "../../src/text/asm-interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FastmathFlagsAttr, FastmathFlagsAttrC, FCmpPredicate, ICmpPredicate } from "./attrs.ts";
import {
  BoolOrBoolVector,
  FloatOrFloatVector,
  IntOrIntVector,
  LLVMAnyNonAggregate,
  LLVMAnyType,
  PointerOrPointerVector,
  scalarOrVectorOf,
} from "./constraints.ts";
import { parseOperands, printLLVMOpAttrs } from "./syntax.ts";
import { isCompatibleType, LLVMFixedVectorType, LLVMScalableVectorType } from "./types.ts";

export const fastmathFlags = defaultAttr(FastmathFlagsAttrC, () => FastmathFlagsAttr.none());

/**
 * Hand-written `$operands custom<LLVMOpAttrs>(attr-dict) : type`: every operand and the result of one type
 * (MLIR 16's LLVM_ArithmeticOpBase and LLVM_UnaryFloatArithmeticOp formats).
 */
function sameTypeAsm(arity: number): OpAsmHooks {
  return {
    print(op, p) {
      p.print(" ");
      p.printOperands(op.operands);
      printLLVMOpAttrs(op, p);
      p.print(" : ");
      p.printType(op.resultTypes[0] as Type);
    },
    parse(p, state) {
      const at = p.pos();
      const operands = parseOperands(p, arity);
      p.parseOptionalAttrDict(state.attributes);
      const type = p.parseColonType();
      state.operands.push(...p.resolveOperands(operands, operands.map(() => type), at));
      state.resultTypes.push(type);
    },
  };
}

const intBinary = <const N extends string>(name: N, summary: string, commutative = false) =>
  defineOp(
    {
      name,
      summary,
      operands: { lhs: IntOrIntVector, rhs: IntOrIntVector },
      results: { res: IntOrIntVector },
      traits: commutative ? [Pure, SameOperandsAndResultType, Commutative] : [Pure, SameOperandsAndResultType],
    },
    { asm: sameTypeAsm(2) },
  );

const floatBinary = <const N extends string>(name: N, summary: string) =>
  defineOp(
    {
      name,
      summary,
      operands: { lhs: FloatOrFloatVector, rhs: FloatOrFloatVector },
      results: { res: FloatOrFloatVector },
      attributes: { fastmathFlags },
      traits: [Pure, SameOperandsAndResultType],
    },
    { asm: sameTypeAsm(2) },
  );

export const AddOp = intBinary("llvm.add", "integer addition (LLVM's add)", true);
export const SubOp = intBinary("llvm.sub", "integer subtraction (LLVM's sub)");
export const MulOp = intBinary("llvm.mul", "integer multiplication (LLVM's mul)", true);
export const UDivOp = intBinary("llvm.udiv", "unsigned integer division (LLVM's udiv)");
export const SDivOp = intBinary("llvm.sdiv", "signed integer division (LLVM's sdiv)");
export const URemOp = intBinary("llvm.urem", "unsigned integer remainder (LLVM's urem)");
export const SRemOp = intBinary("llvm.srem", "signed integer remainder (LLVM's srem)");
export const AndOp = intBinary("llvm.and", "bitwise and (LLVM's and)");
export const OrOp = intBinary("llvm.or", "bitwise or (LLVM's or)");
export const XOrOp = intBinary("llvm.xor", "bitwise exclusive or (LLVM's xor)");
export const ShlOp = intBinary("llvm.shl", "shift left (LLVM's shl)");
export const LShrOp = intBinary("llvm.lshr", "logical shift right (LLVM's lshr)");
export const AShrOp = intBinary("llvm.ashr", "arithmetic shift right (LLVM's ashr)");

export const FAddOp = floatBinary("llvm.fadd", "floating-point addition (LLVM's fadd)");
export const FSubOp = floatBinary("llvm.fsub", "floating-point subtraction (LLVM's fsub)");
export const FMulOp = floatBinary("llvm.fmul", "floating-point multiplication (LLVM's fmul)");
export const FDivOp = floatBinary("llvm.fdiv", "floating-point division (LLVM's fdiv)");
export const FRemOp = floatBinary("llvm.frem", "floating-point remainder (LLVM's frem)");
export const FNegOp = defineOp(
  {
    name: "llvm.fneg",
    summary: "floating-point negation (LLVM's fneg)",
    operands: { operand: FloatOrFloatVector },
    results: { res: FloatOrFloatVector },
    attributes: { fastmathFlags },
    traits: [Pure, SameOperandsAndResultType],
  },
  { asm: sameTypeAsm(1) },
);

// ---- comparisons -----------------------------------------------------------------------------------------

/** i1 of the shape of `t`: `i1` for a scalar, `vector<Nxi1>` (scalable as `t` is) for a vector (getI1SameShape). */
export function i1SameShape(t: Type): Type {
  if (t instanceof VectorType) return VectorType.get(t.shape, i1, t.scalableDims);
  if (t instanceof LLVMFixedVectorType) return VectorType.get([t.numElements], i1);
  if (t instanceof LLVMScalableVectorType) return VectorType.get([t.minNumElements], i1, [true]);
  return i1;
}

const cmpTypes = (...cs: TypeConstraint[]): TypeConstraint => ({
  description: cs.map((c) => c.description).join(" or "),
  test: (t: Type): t is Type => cs.some((c) => c.test(t)),
});
const ICmpOperand = cmpTypes(scalarOrVectorOf(AnyInteger), PointerOrPointerVector);

/** `"pred" %a, %b attrs : type`, the predicate a quoted string (MLIR 16's ICmpOp/FCmpOp printers). */
function cmpAsm(cases: readonly string[], valueOf: (c: string) => IntegerAttr, caseOf: (a: IntegerAttr) => string | undefined): OpAsmHooks {
  return {
    print(op, p) {
      const pred = op.attr("predicate");
      p.print(" ");
      p.printString(pred instanceof IntegerAttr ? (caseOf(pred) ?? String(pred.value)) : "");
      p.print(" ");
      p.printOperands(op.operands);
      p.printOptionalAttrDict(op.attributes, op.name === "llvm.fcmp" ? [...elidedFmf(op), "predicate"] : ["predicate"]);
      p.print(" : ");
      p.printType(op.operands[0]?.type as Type);
    },
    parse(p, state) {
      const predAt = p.pos();
      const pred = p.parseString();
      const at = p.pos();
      const operands = parseOperands(p, 2);
      p.parseOptionalAttrDict(state.attributes);
      p.parsePunct(":");
      const typeAt = p.pos();
      const type = p.parseType();
      state.operands.push(...p.resolveOperands(operands, [type, type], at));
      if (!cases.includes(pred)) p.error(`'${pred}' is an incorrect value of the 'predicate' attribute`, predAt);
      state.attributes.set("predicate", valueOf(pred));
      if (!isCompatibleType(type)) p.error("expected LLVM dialect-compatible type", typeAt);
      state.resultTypes.push(i1SameShape(type));
    },
  };
}
const elidedFmf = (op: Operation): string[] => {
  const fmf = op.attr("fastmathFlags");
  return fmf instanceof FastmathFlagsAttr && fmf.isNone ? ["fastmathFlags"] : [];
};

function verifyCmpResult(op: Operation): ReturnType<typeof opError> | undefined {
  const lhs = op.operands[0];
  if (lhs === undefined) return undefined;
  if (op.resultTypes[0] === i1SameShape(lhs.type)) return undefined;
  return opError(op, "failed to verify that result type has i1 element type and same shape as operands");
}

export const ICmpOp = defineOp(
  {
    name: "llvm.icmp",
    summary: "integer or pointer comparison (LLVM's icmp)",
    operands: { lhs: ICmpOperand, rhs: ICmpOperand },
    results: { res: BoolOrBoolVector },
    attributes: { predicate: ICmpPredicate.constraint("predicate") },
    traits: [Pure, SameOperandsType],
  },
  {
    asm: cmpAsm(ICmpPredicate.cases, (c) => ICmpPredicate.get(c as never), (a) => ICmpPredicate.caseOf(a)),
    verify: verifyCmpResult,
  },
);
export const FCmpOp = defineOp(
  {
    name: "llvm.fcmp",
    summary: "floating-point comparison (LLVM's fcmp)",
    operands: { lhs: FloatOrFloatVector, rhs: FloatOrFloatVector },
    results: { res: BoolOrBoolVector },
    attributes: { predicate: FCmpPredicate.constraint("predicate"), fastmathFlags },
    traits: [Pure, SameOperandsType],
  },
  {
    asm: cmpAsm(FCmpPredicate.cases, (c) => FCmpPredicate.get(c as never), (a) => FCmpPredicate.caseOf(a)),
    verify: verifyCmpResult,
  },
);

// ---- casts -----------------------------------------------------------------------------------------------

const castFormat = "$arg attr-dict `:` type($arg) `to` type($res)";
const cast = <const N extends string>(name: N, summary: string, from: TypeConstraint, to: TypeConstraint) =>
  defineOp({ name, summary, operands: { arg: from }, results: { res: to }, traits: [Pure], format: castFormat });

export const BitcastOp = cast("llvm.bitcast", "reinterprets the bits of a value as another type (LLVM's bitcast)", LLVMAnyNonAggregate, LLVMAnyNonAggregate);
export const AddrSpaceCastOp = cast("llvm.addrspacecast", "casts a pointer to another address space", PointerOrPointerVector, PointerOrPointerVector);
export const IntToPtrOp = cast("llvm.inttoptr", "converts an integer to a pointer", IntOrIntVector, PointerOrPointerVector);
export const PtrToIntOp = cast("llvm.ptrtoint", "converts a pointer to an integer", PointerOrPointerVector, IntOrIntVector);
export const SExtOp = cast("llvm.sext", "sign-extends an integer to a wider one", IntOrIntVector, IntOrIntVector);
export const ZExtOp = cast("llvm.zext", "zero-extends an integer to a wider one", IntOrIntVector, IntOrIntVector);
export const TruncOp = cast("llvm.trunc", "truncates an integer to a narrower one", IntOrIntVector, IntOrIntVector);
export const SIToFPOp = cast("llvm.sitofp", "converts a signed integer to floating point", IntOrIntVector, FloatOrFloatVector);
export const UIToFPOp = cast("llvm.uitofp", "converts an unsigned integer to floating point", IntOrIntVector, FloatOrFloatVector);
export const FPToSIOp = cast("llvm.fptosi", "converts floating point to a signed integer", FloatOrFloatVector, IntOrIntVector);
export const FPToUIOp = cast("llvm.fptoui", "converts floating point to an unsigned integer", FloatOrFloatVector, IntOrIntVector);
export const FPExtOp = cast("llvm.fpext", "extends a float to a wider float type", FloatOrFloatVector, FloatOrFloatVector);
export const FPTruncOp = cast("llvm.fptrunc", "rounds a float to a narrower float type", FloatOrFloatVector, FloatOrFloatVector);

// ---- select and freeze -----------------------------------------------------------------------------------

export const SelectOp = defineOp({
  name: "llvm.select",
  summary: "chooses between two values by a condition (LLVM's select)",
  operands: { condition: BoolOrBoolVector, trueValue: LLVMAnyType, falseValue: LLVMAnyType },
  results: { res: LLVMAnyType },
  traits: [Pure],
  allTypesMatch: [["trueValue", "falseValue", "res"]],
  format: "operands attr-dict `:` type($condition) `,` type($res)",
});
export const FreezeOp = defineOp({
  name: "llvm.freeze",
  summary: "stops the propagation of undef and poison (LLVM's freeze)",
  operands: { val: LLVMAnyType },
  results: { res: LLVMAnyType },
  traits: [SameOperandsAndResultType],
  format: "$val attr-dict `:` type($val)",
});

export const arithOps = [
  AddOp, SubOp, MulOp, UDivOp, SDivOp, URemOp, SRemOp, AndOp, OrOp, XOrOp, ShlOp, LShrOp, AShrOp,
  FAddOp, FSubOp, FMulOp, FDivOp, FRemOp, FNegOp, ICmpOp, FCmpOp,
  BitcastOp, AddrSpaceCastOp, IntToPtrOp, PtrToIntOp, SExtOp, ZExtOp, TruncOp, SIToFPOp, UIToFPOp, FPToSIOp, FPToUIOp, FPExtOp, FPTruncOp,
  SelectOp, FreezeOp,
] as const;
