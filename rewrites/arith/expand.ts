/**
 * `arith-expand` (MLIR 16's ArithExpandOps): the arith ops with no direct LLVM instruction become ones that have
 * one, before convert-arith-to-llvm. Tensile's expansions compute exactly what arith specifies (and what the
 * interpreter computes), where MLIR 16's do not:
 * - maxf/minf order -0 below +0 (MLIR 16's compare-and-select returns either zero for a -0/+0 pair),
 * - ceildivsi/floordivsi are right at the minimum value (MLIR 16's negate the dividend, which wraps there:
 *   its ceildivsi(-2^31, 2) is 2^30).
 * Both are written without branches, so they vectorize.
 */
import * as t from "io-ts";
import { isLeft, left } from "fp-ts/lib/Either.js";
import { IntegerAttr, DenseElementsAttr } from "../../src/ir/attributes.ts";
import { IntegerType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import {
  AddIOp,
  AndIOp,
  BitcastOp,
  CeilDivSIOp,
  CeilDivUIOp,
  CmpFOp,
  CmpIOp,
  ConstantOp,
  DivSIOp,
  DivUIOp,
  FloorDivSIOp,
  MaxFOp,
  MinFOp,
  OrIOp,
  RemSIOp,
  RemUIOp,
  SelectOp,
  SubIOp,
  cmpfPredicate,
  cmpiPredicate,
} from "../../dialects/arith/index.ts";
import { arithExpandBF16Patterns, withElement } from "./expand-bf16.ts";

// biome-ignore lint/suspicious/noExplicitAny: values here are all of the op's own (checked) type or its i1 shape.
type V = Value<any>;


function constant(rw: PatternRewriter, type: Type, value: number): V {
  const element = type instanceof VectorType ? type.elementType : type;
  const attr = type instanceof VectorType ? DenseElementsAttr.splat(type, value) : IntegerAttr.get(element as IntegerType, value);
  return rw.create(ConstantOp, { value: attr }).result;
}

const cmpi = (rw: PatternRewriter, p: Parameters<typeof cmpiPredicate>[0], a: V, b: V): V => rw.create(CmpIOp, { predicate: cmpiPredicate(p), lhs: a, rhs: b }).result;
/** A 0/1 integer of `type` from a condition (a select: extui cannot make an index). */
const asInt = (rw: PatternRewriter, cond: V, type: Type): V =>
  rw.create(SelectOp, { condition: cond, true_value: constant(rw, type, 1), false_value: constant(rw, type, 0) }).result;

/**
 * ceildivsi(a, b) = a / b + 1 where the division left a remainder of b's sign.
 *
 *   %q = arith.ceildivsi %a, %b : i32    ->   %d = arith.divsi %a, %b ; %r = arith.remsi %a, %b
 *                                             %q = %d + select((%r != 0) and ((%r < 0) == (%b < 0)), 1, 0)
 */
export const expandCeilDivSI = rewrite({
  name: "arith.expand-ceildivsi",
  examples: ["^bb0(%a: $I, %b: $I):\n  %q = arith.ceildivsi %a, %b : $I"],
  root: CeilDivSIOp,
  apply: (op, rw) => roundedSignedDivision(op, rw, "up"),
});

/**
 * floordivsi(a, b) = a / b - 1 where the division left a remainder of the other sign than b's.
 *
 *   %q = arith.floordivsi %a, %b : i32   ->   %d = arith.divsi %a, %b ; %r = arith.remsi %a, %b
 *                                             %q = %d - select((%r != 0) and ((%r < 0) != (%b < 0)), 1, 0)
 */
export const expandFloorDivSI = rewrite({
  name: "arith.expand-floordivsi",
  examples: ["^bb0(%a: $I, %b: $I):\n  %q = arith.floordivsi %a, %b : $I"],
  root: FloorDivSIOp,
  apply: (op, rw) => roundedSignedDivision(op, rw, "down"),
});

/**
 * a / b (truncating) moved by one toward +inf ("up": where the remainder has b's sign) or -inf ("down": where
 * it has the other sign), by divsi, remsi and selects.
 */
function roundedSignedDivision(op: CeilDivSIOp | FloorDivSIOp, rw: PatternRewriter, direction: "up" | "down") {
  const t = op.result.type;
  rw.setInsertionPointBefore(op);
  const zero = constant(rw, t, 0);
  const d = rw.create(DivSIOp, { lhs: op.lhs, rhs: op.rhs }).result;
  const r = rw.create(RemSIOp, { lhs: op.lhs, rhs: op.rhs }).result;
  const signs = cmpi(rw, direction === "up" ? "eq" : "ne", cmpi(rw, "slt", r, zero), cmpi(rw, "slt", op.rhs, zero));
  const adjust = asInt(rw, rw.create(AndIOp, { lhs: cmpi(rw, "ne", r, zero), rhs: signs }).result, t);
  const q = direction === "up" ? rw.create(AddIOp, { lhs: d, rhs: adjust }).result : rw.create(SubIOp, { lhs: d, rhs: adjust }).result;
  rw.replaceOp(op, [q]);
  return rw.done();
}

/**
 * ceildivui(a, b) = a / b + 1 where the division left a remainder.
 *
 *   %q = arith.ceildivui %a, %b : i32    ->   %q = arith.divui %a, %b + select(arith.remui %a, %b != 0, 1, 0)
 */
export const expandCeilDivUI = rewrite({
  name: "arith.expand-ceildivui",
  examples: ["^bb0(%a: $I, %b: $I):\n  %q = arith.ceildivui %a, %b : $I"],
  root: CeilDivUIOp,
  apply(op, rw) {
    const t = op.result.type;
    rw.setInsertionPointBefore(op);
    const d = rw.create(DivUIOp, { lhs: op.lhs, rhs: op.rhs }).result;
    const r = rw.create(RemUIOp, { lhs: op.lhs, rhs: op.rhs }).result;
    const up = cmpi(rw, "ne", r, constant(rw, t, 0));
    rw.replaceOp(op, [rw.create(AddIOp, { lhs: d, rhs: asInt(rw, up, t) }).result]);
    return rw.done();
  },
});

/**
 * maxf/minf: NaN if either is NaN, else the larger (smaller); of two equal values the bitwise and (or) of their
 * bits, which is +0 (-0) for a pair of zeros of different signs and the value itself otherwise.
 *
 *   %m = arith.maxf %a, %b : f32   ->   %gt = arith.cmpf ogt, %a, %b ; %lt = arith.cmpf olt, %a, %b
 *                                        %eq = bitcast(bitcast(%a) & bitcast(%b))
 *                                        %m = select(uno(%a, %b), <the NaN operand>, select(%gt, %a, select(%lt, %b, %eq)))
 */
function expandMaxMin(name: "maxf" | "minf"): Pattern {
  const isMax = name === "maxf";
  return rewrite({
    name: `arith.expand-${name}`,
    examples: [`^bb0(%a: $F, %b: $F):\n  %m = arith.${name} %a, %b : $F`],
    root: isMax ? MaxFOp : MinFOp,
    apply(op, rw) {
      const t = op.result.type;
      const element = t instanceof VectorType ? t.elementType : t;
      const intType = withElement(t, IntegerType.get((element as { width: number }).width));
      rw.setInsertionPointBefore(op);
      const cmpf = (p: "ogt" | "olt" | "uno", a: V, b: V): V => rw.create(CmpFOp, { predicate: cmpfPredicate(p), lhs: a, rhs: b }).result;
      const bits = (x: V): V => rw.create(BitcastOp, { in: x, out: intType as never }).out;
      const [a, b] = [bits(op.lhs), bits(op.rhs)];
      const combined = isMax ? rw.create(AndIOp, { lhs: a, rhs: b }).result : rw.create(OrIOp, { lhs: a, rhs: b }).result;
      const equal = rw.create(BitcastOp, { in: combined, out: t as never }).out;
      const inner = rw.create(SelectOp, { condition: cmpf(isMax ? "olt" : "ogt", op.lhs, op.rhs), true_value: op.rhs, false_value: equal }).result;
      const ordered = rw.create(SelectOp, { condition: cmpf(isMax ? "ogt" : "olt", op.lhs, op.rhs), true_value: op.lhs, false_value: inner }).result;
      // A NaN operand: the NaN (the lhs when both are).
      const nanOut = rw.create(SelectOp, { condition: cmpf("uno", op.lhs, op.lhs), true_value: op.lhs, false_value: op.rhs }).result;
      rw.replaceOp(op, [rw.create(SelectOp, { condition: cmpf("uno", op.lhs, op.rhs), true_value: nanOut, false_value: ordered }).result]);
      return rw.done();
    },
  });
}

export const arithExpandPatterns: readonly Pattern[] = [expandCeilDivSI, expandFloorDivSI, expandCeilDivUI, expandMaxMin("maxf"), expandMaxMin("minf")];

export const arithExpandPass = definePass({
  name: "arith-expand",
  displayName: "ArithExpandOps",
  summary: "Legalize Arith ops to be convertible to LLVM.",
  description:
    "ceildivsi, ceildivui, floordivsi, maxf and minf become ops with a direct LLVM counterpart, computing exactly what arith specifies; with include-bf16 (MLIR 17's option), extf and truncf involving bf16 become integer ops on the bits (expand-bf16.ts).",
  options: t.type({ includeBf16: t.boolean }),
  defaults: { includeBf16: false },
  optionDocs: { includeBf16: "Enable the BF16 expansion patterns" },
  run(op, pctx, opts) {
    const listener = pctx.rewriteListener;
    const patterns = opts.includeBf16 ? [...arithExpandPatterns, ...arithExpandBF16Patterns] : [...arithExpandPatterns];
    const r = applyPatternsGreedily(op, patterns, { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.changed };
  },
});

