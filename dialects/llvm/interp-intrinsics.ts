/**
 * Interpreter semantics of the `llvm.intr.*` ops on scalars and builtin vectors: the math functions (computed
 * as the math dialect's semantics compute them, so a lowering from math to these intrinsics compares exactly),
 * min/max, fma, the integer intrinsics and the vector reductions. The intrinsics on memory, pointers or
 * structs (memcpy, masked loads, `*.with.overflow`, ...) have no semantics here and are refused by name.
 */
import { ub } from "../../src/interp/errors.ts";
import { floatElementKind, intElementWidth, mapElements } from "../../src/interp/elementwise.ts";
import * as F from "../../src/interp/float-semantics.ts";
import * as I from "../../src/interp/int-semantics.ts";
import { type InterpretationEntry, type Outcome, interpretation } from "../../src/interp/registry.ts";
import { type Element, type FloatElement, type RuntimeValue, type SupportedFloatKind, isNaNElement, scalarValue, isScalarType, isTrue } from "../../src/interp/values.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { fpowi, powf } from "../math/interp.ts";
import {
  AbsOp,
  PowIOp,
  binaryFloatIntrinsics,
  binaryIntIntrinsics,
  countZerosIntrinsics,
  ternaryFloatIntrinsics,
  unaryFloatIntrinsics,
  unaryIntIntrinsics,
  vectorReduceIntrinsics,
} from "./intrinsics.ts";
import { checkLLVMFastMath, floatOp, intOp } from "./interp-util.ts";

/** A float function of one f64 argument, rounded once to the result type (as math's semantics). */
const unary = (fn: (x: number) => number) => floatOp((kind, a) => F.floatOp(kind, [a], fn));

/** llvm.minnum / maxnum: a NaN operand gives the other operand; otherwise as minimum / maximum. */
const ignoringNaN =
  (pick: (kind: SupportedFloatKind, a: FloatElement, b: FloatElement) => FloatElement) =>
  (kind: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement => {
    if (isNaNElement(a) && !isNaNElement(b)) return b;
    if (isNaNElement(b) && !isNaNElement(a)) return a;
    return pick(kind, a, b);
  };

/** Reverses the low `n` bits. */
function bitreverse(n: number, a: bigint): bigint {
  let x = BigInt.asUintN(n, a);
  let r = 0n;
  for (let i = 0; i < n; i++) {
    r = (r << 1n) | (x & 1n);
    x >>= 1n;
  }
  return BigInt.asIntN(n, r);
}

/** ctlz / cttz: with the i1 flag set, a zero input is poison. */
const countZeros = (k: (n: number, a: bigint) => bigint) => (op: Operation, args: readonly RuntimeValue[]): Outcome => {
  const [value, flag] = args;
  const poisonOnZero = flag?.kind === "int" && isTrue(flag);
  const type = op.getResult(0).type;
  const n = intElementWidth(type);
  return [
    mapElements(type, value === undefined ? [] : [value], ([a]) => {
      if (poisonOnZero && a === 0n) ub(`${op.name} of zero with the zero-is-poison flag set`);
      return k(n, a as bigint);
    }),
  ];
};

/** The elements of a vector operand, in order. */
function elementsOf(v: RuntimeValue | undefined): Element[] {
  if (v?.kind !== "shaped") throw new TypeError("a vector reduction takes a vector");
  return v.elements.toArray();
}

type Step = (kind: { n: number; float: SupportedFloatKind | undefined }, acc: Element, x: Element) => Element;

/**
 * Reduces the vector (the last operand) to a scalar of the result type with `step`, from `start` or else the
 * first element, in element order.
 */
function reduceVector(op: Operation, args: readonly RuntimeValue[], step: Step, start?: Element): Outcome {
  const type = op.getResult(0).type;
  if (!isScalarType(type)) throw new TypeError("a reduction returns a scalar");
  const xs = elementsOf(args[args.length - 1]);
  const float = type.kind === "float" ? floatElementKind(type) : undefined;
  const kind = { n: float === undefined ? intElementWidth(type) : 0, float };
  let acc = start ?? (xs[0] as Element);
  for (const x of start === undefined ? xs.slice(1) : xs) acc = step(kind, acc, x);
  return [scalarValue(type, acc)];
}
const intStep = (k: (n: number, a: bigint, b: bigint) => bigint): Step => ({ n }, a, b) => k(n, a as bigint, b as bigint);
const floatStep = (k: (kind: SupportedFloatKind, a: FloatElement, b: FloatElement) => FloatElement): Step => ({ float }, a, b) =>
  k(float as SupportedFloatKind, a as FloatElement, b as FloatElement);
const intReduce = (k: (n: number, a: bigint, b: bigint) => bigint) => (op: Operation, args: readonly RuntimeValue[]) => reduceVector(op, args, intStep(k));
const floatReduce = (k: (kind: SupportedFloatKind, a: FloatElement, b: FloatElement) => FloatElement) => (op: Operation, args: readonly RuntimeValue[]) =>
  reduceVector(op, args, floatStep(k));

/** vector.reduce.fadd / fmul: from the start value, in element order (a valid order with or without reassoc). */
const accumulate = (k: (kind: SupportedFloatKind, a: FloatElement, b: FloatElement) => FloatElement) => (op: Operation, args: readonly RuntimeValue[]): Outcome => {
  const start = args[0];
  if (start?.kind !== "float") throw new TypeError("the start value must be a float");
  return reduceVector(op, args, floatStep(k), start.value);
};

const U = unaryFloatIntrinsics;
const B = binaryFloatIntrinsics;
const R = vectorReduceIntrinsics;

export const llvmIntrinsicInterpretations: readonly InterpretationEntry[] = [
  interpretation(U.sqrt, unary(Math.sqrt)),
  interpretation(U.exp, unary(Math.exp)),
  interpretation(U.exp2, unary((x) => Math.pow(2, x))),
  interpretation(U.log, unary(Math.log)),
  interpretation(U.log2, unary(Math.log2)),
  interpretation(U.log10, unary(Math.log10)),
  interpretation(U.sin, unary(Math.sin)),
  interpretation(U.cos, unary(Math.cos)),
  interpretation(U.fabs, floatOp(F.absF)),
  interpretation(U.floor, unary(Math.floor)),
  interpretation(U.ceil, unary(Math.ceil)),
  interpretation(U.round, unary(F.roundHalfAway)),
  interpretation(U.roundeven, unary(F.roundHalfEven)),
  interpretation(U.trunc, unary(Math.trunc)),
  interpretation(B.pow, floatOp(powf)),
  interpretation(B.copysign, floatOp(F.copySignF)),
  interpretation(B.minimum, floatOp(F.minF)),
  interpretation(B.maximum, floatOp(F.maxF)),
  interpretation(B.minnum, floatOp(ignoringNaN(F.minF))),
  interpretation(B.maxnum, floatOp(ignoringNaN(F.maxF))),
  interpretation(ternaryFloatIntrinsics.fma, floatOp(F.fmaF)),
  // powi's evaluation order is LLVM's choice; square-and-multiply (math.fpowi's semantics) is one it may make.
  interpretation(PowIOp, (op, args) => {
    const type = op.res.type;
    const kind = floatElementKind(type);
    const nBits = intElementWidth(op.power.type);
    return [mapElements(type, args, ([x, n]) => checkLLVMFastMath(op, [x as FloatElement], fpowi(kind, x as FloatElement, nBits, n as bigint)))];
  }),
  // fmuladd may be fused or not; the fused result is one LLVM may give.
  interpretation(ternaryFloatIntrinsics.fmuladd, floatOp(F.fmaF)),

  interpretation(binaryIntIntrinsics.smax, intOp(I.maxSI)),
  interpretation(binaryIntIntrinsics.smin, intOp(I.minSI)),
  interpretation(binaryIntIntrinsics.umax, intOp(I.maxUI)),
  interpretation(binaryIntIntrinsics.umin, intOp(I.minUI)),
  interpretation(unaryIntIntrinsics.ctpop, intOp(I.ctpop)),
  interpretation(unaryIntIntrinsics.bitreverse, intOp(bitreverse)),
  interpretation(countZerosIntrinsics.ctlz, countZeros(I.ctlz)),
  interpretation(countZerosIntrinsics.cttz, countZeros(I.cttz)),
  interpretation(AbsOp, (op, args) => {
    const [value, flag] = args;
    const poisonOnMin = flag?.kind === "int" && isTrue(flag);
    const type = op.res.type;
    const n = intElementWidth(type);
    const min = -(1n << BigInt(n - 1));
    return [
      mapElements(type, value === undefined ? [] : [value], ([a]) => {
        if (poisonOnMin && BigInt.asIntN(n, a as bigint) === min) ub("llvm.intr.abs of INT_MIN with is_int_min_poison set");
        return I.absI(n, a as bigint);
      }),
    ];
  }),

  interpretation(R.add, intReduce(I.addI)),
  interpretation(R.mul, intReduce(I.mulI)),
  interpretation(R.and, intReduce(I.andI)),
  interpretation(R.or, intReduce(I.orI)),
  interpretation(R.xor, intReduce(I.xorI)),
  interpretation(R.smax, intReduce(I.maxSI)),
  interpretation(R.smin, intReduce(I.minSI)),
  interpretation(R.umax, intReduce(I.maxUI)),
  interpretation(R.umin, intReduce(I.minUI)),
  // LLVM 14's vector.reduce.fmax/fmin follow maxnum/minnum: NaN lanes are ignored.
  interpretation(R.fmax, floatReduce(ignoringNaN(F.maxF))),
  interpretation(R.fmin, floatReduce(ignoringNaN(F.minF))),
  interpretation(R.fadd, accumulate(F.addF)),
  interpretation(R.fmul, accumulate(F.mulF)),
];
