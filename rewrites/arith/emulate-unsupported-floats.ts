/**
 * `arith-emulate-unsupported-floats{source-types=bf16 target-type=f32}` (MLIR 17's pass of this name; MLIR 16
 * has none): arith and math ops on a float type the target cannot compute in (LLVM 14's x86-64 and riscv64
 * backends abort on bf16) compute in `target-type` instead: their operands of a source type are extended, the op
 * runs in the target type, and its results of a source type are truncated back (a cmpf has none to truncate).
 *
 *   %s = arith.addf %a, %b : bf16   ->   %a32 = arith.extf %a : bf16 to f32 ; %b32 = arith.extf %b : bf16 to f32
 *                                        %s32 = arith.addf %a32, %b32 : f32 ; %s = arith.truncf %s32 : f32 to bf16
 *
 * Exactness, with f32 for bf16 (p = 8 bits, f32 has 24 >= 2p + 2): addf, subf, mulf, divf and math.sqrt give
 * the correctly rounded bf16 (the second rounding is innocuous), which is what the interpreter computes; remf
 * (exact in any precision), negf, maxf, minf, cmpf, absf, copysign and conversions to integers are exact.
 * math.fma (a product of 16 bits plus a third operand, rounded to f32 then to bf16) can round twice in rare
 * ties, and the other math functions are as accurate as their f32 versions, rounded to bf16.
 * sitofp/uitofp to a source type convert exactly first: from integers of up to 24 bits to f32, else to f64 (up
 * to 53 bits exactly; wider ones kept to odd at bit 12, which leaves >= 41 bits), and the truncf from f64 rounds
 * once (arith-expand{include-bf16=true}).
 * Departures from MLIR 17: math ops are emulated too (MLIR 17 leaves them to other passes), and only scalars and
 * vectors are (arith on tensors is left as it is).
 * arith.extf, truncf, bitcast, constant and select stay: they move bits, and arith-expand{include-bf16=true}
 * expands extf/truncf on bf16 into integer ops.
 */
import * as t from "io-ts";
import { isLeft, left } from "fp-ts/lib/Either.js";
import { FloatType, IntegerType, type Type, VectorType, f64 } from "../../src/ir/types.ts";
import type { FloatKind } from "../../src/ir/float-bits.ts";
import { Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type Pattern, type PatternRewriter, rewriteAny } from "../../src/rewrite/pattern.ts";
import { error } from "../../src/diag/diagnostic.ts";
import {
  AndIOp,
  CmpIOp,
  ConstantOp,
  ExtFOp,
  NegFOp,
  OrIOp,
  SelectOp,
  SIToFPOp,
  SubIOp,
  TruncFOp,
  UIToFPOp,
  cmpiPredicate,
} from "../../dialects/arith/index.ts";
import { DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { elementOf, withElement } from "./expand-bf16.ts";

// biome-ignore lint/suspicious/noExplicitAny: values of the op's own (checked) types.
type V = Value<any>;

/** Ops that only move a value's bits (or make one): they stay in the source type. */
const KEPT = new Set(["arith.extf", "arith.truncf", "arith.bitcast", "arith.constant", "arith.select"]);

function emulatedType(type: Type, sources: ReadonlySet<string>, target: FloatType): Type | undefined {
  if (type instanceof VectorType || type instanceof FloatType || type instanceof IntegerType) {
    const e = elementOf(type);
    return e instanceof FloatType && sources.has(e.name) ? withElement(type, target) : undefined;
  }
  return undefined;
}

/** An integer constant of `type` (scalar or vector). */
function intConstant(rw: PatternRewriter, type: Type, element: IntegerType, value: bigint): V {
  const attr = type instanceof VectorType ? DenseElementsAttr.splat(type, element.width === 64 ? value : Number(value)) : IntegerAttr.get(element, value);
  return rw.create(ConstantOp, { value: attr }).result;
}

/**
 * An integer of more than 53 bits to f64 so that rounding it once more (to bf16) is exact: its magnitude with
 * bits 0..11 folded into bit 12 (set when any of them is), which f64 holds exactly and which keeps >= 41 bits.
 */
function wideIntToF64(rw: PatternRewriter, op: SIToFPOp | UIToFPOp): V {
  const type = op.in.type as Type;
  const intType = elementOf(type) as IntegerType;
  const c = (v: bigint) => intConstant(rw, type, intType, v);
  const cmpi = (p: "slt" | "ne" | "uge", a: V, b: V): V => rw.create(CmpIOp, { predicate: cmpiPredicate(p), lhs: a, rhs: b }).result;
  const input: V = op.in;
  const negative = op instanceof SIToFPOp ? cmpi("slt", input, c(0n)) : undefined;
  const magnitude: V = negative === undefined ? input : rw.create(SelectOp, { condition: negative, true_value: rw.create(SubIOp, { lhs: c(0n), rhs: input }).result, false_value: input }).result;
  const low = rw.create(AndIOp, { lhs: magnitude, rhs: c(0xfffn) }).result;
  const high = rw.create(AndIOp, { lhs: magnitude, rhs: c(BigInt.asIntN(intType.width, ~0xfffn)) }).result;
  const sticky: V = rw.create(SelectOp, { condition: cmpi("ne", low, c(0n)), true_value: c(0x1000n), false_value: c(0n) }).result;
  const folded = rw.create(OrIOp, { lhs: high, rhs: sticky }).result;
  const big = cmpi("uge", magnitude, c(1n << 53n));
  const kept: V = rw.create(SelectOp, { condition: big, true_value: folded, false_value: magnitude }).result;
  const f64Type = withElement(type, f64);
  const converted: V = rw.create(UIToFPOp, { in: kept, out: f64Type as never }).out;
  if (negative === undefined) return converted;
  return rw.create(SelectOp, { condition: negative, true_value: rw.create(NegFOp, { operand: converted }).result, false_value: converted }).result;
}

/**
 * Any arith or math op with an operand or result of a source type, computed in the target type.
 *
 *   %m = math.sqrt %x : vector<4xbf16>   ->   %w = arith.extf %x : vector<4xbf16> to vector<4xf32>
 *                                             %r = math.sqrt %w : vector<4xf32>
 *                                             %m = arith.truncf %r : vector<4xf32> to vector<4xbf16>
 */
export function emulateUnsupportedFloat(sources: ReadonlySet<string>, target: FloatType): Pattern {
  return rewriteAny({
    name: "arith.emulate-unsupported-float",
    examples: [
      { ir: "^bb0(%a: bf16, %b: bf16):\n  %s = arith.?{addf|subf|mulf|divf|maxf|minf} %a, %b : bf16", types: {} },
      { ir: "^bb0(%a: bf16, %b: bf16):\n  %s = arith.cmpf ?{olt|ueq|une}, %a, %b : bf16", types: {} },
    ],
    apply(op, rw) {
      if (op.dialect !== "arith" && op.dialect !== "math") return rw.fail("not an arith or math op");
      if (KEPT.has(op.name) || op.regions.length > 0) return rw.fail("the op moves bits or has regions");
      const operandTypes = op.operands.map((v) => emulatedType(v.type, sources, target));
      const resultTypes = op.resultTypes.map((ty) => emulatedType(ty, sources, target));
      if (operandTypes.every((x) => x === undefined) && resultTypes.every((x) => x === undefined)) return rw.fail("no value of a source type");
      rw.setInsertionPointBefore(op);
      if ((op instanceof SIToFPOp || op instanceof UIToFPOp) && target.width < 64) {
        const width = (elementOf(op.in.type) as IntegerType).width;
        const exactInTarget = width <= (target.name === "f32" ? 24 : 11);
        if (!exactInTarget) {
          if (width > 64) return rw.fail("integers wider than 64 bits are not converted exactly");
          const f64Type = withElement(op.in.type, f64) as never;
          const wide: V = width > 53 ? wideIntToF64(rw, op) : op instanceof SIToFPOp ? rw.create(SIToFPOp, { in: op.in, out: f64Type }).out : rw.create(UIToFPOp, { in: op.in, out: f64Type }).out;
          rw.replaceOp(op, [rw.create(TruncFOp, { in: wide, out: op.out.type as never }).out]);
          return rw.done();
        }
      }
      const operands = op.operands.map((v, i) => {
        const to = operandTypes[i];
        return to === undefined ? v : rw.create(ExtFOp, { in: v as V, out: to as never }).out;
      });
      const emulated = rw.insert(
        (op.constructor as typeof Operation).create({
          name: op.name,
          operands,
          resultTypes: op.resultTypes.map((ty, i) => resultTypes[i] ?? ty),
          attributes: op.attrDictionary,
          loc: op.loc,
        }),
      );
      const results = emulated.results.map((r, i) => (resultTypes[i] === undefined ? r : rw.create(TruncFOp, { in: r as V, out: op.resultTypes[i] as never }).out));
      rw.replaceOp(op, results);
      return rw.done();
    },
  });
}

const FLOAT_KINDS: ReadonlySet<string> = new Set<FloatKind>(["f16", "bf16", "f32", "f64"] as FloatKind[]);

export const arithEmulateUnsupportedFloatsPass = definePass({
  name: "arith-emulate-unsupported-floats",
  displayName: "ArithEmulateUnsupportedFloats",
  summary: "Emulate operations on unsupported floats with extf/truncf",
  description:
    "Arith and math ops on a source float type compute in the target type: operands extended, results truncated back (MLIR 17's pass; math ops too).",
  options: t.type({ sourceTypes: t.array(t.string), targetType: t.string }),
  defaults: { sourceTypes: [], targetType: "f32" },
  optionDocs: { sourceTypes: "MLIR types without arithmetic support on a given target", targetType: "MLIR type to convert the unsupported source types to" },
  run(op, pctx, opts) {
    for (const name of [...opts.sourceTypes, opts.targetType]) {
      if (!FLOAT_KINDS.has(name)) return left([error(op.loc, `arith-emulate-unsupported-floats: '${name}' is not a float type this pass knows (f16, bf16, f32, f64)`)]);
    }
    const target = FloatType.get(opts.targetType as FloatKind);
    const sources = new Set(opts.sourceTypes);
    for (const name of sources) {
      if (FloatType.get(name as FloatKind).width >= target.width) return left([error(op.loc, `arith-emulate-unsupported-floats: the target type ${target.name} must be wider than the source type ${name}`)]);
    }
    if (sources.size === 0) return { changed: false };
    const listener = pctx.rewriteListener;
    const r = applyPatternsGreedily(op, [emulateUnsupportedFloat(sources, target)], { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.changed };
  },
});
