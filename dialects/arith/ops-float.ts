/**
 * arith's floating-point arithmetic: `arith.addf %a, %b fastmath<fast> : f32`, `arith.negf %a : f32`.
 *
 * Each op carries a `fastmath` attribute (default `none`). As MLIR 16 does, the custom form prints it only
 * when it is not `none`, while parsing the custom form always stores it, so the generic form shows
 * `{fastmath = #arith.fastmath<none>}` exactly as `mlir-opt --mlir-print-op-generic` does.
 */
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { Commutative, Elementwise, Pure, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defaultAttr } from "../../src/irdl/spec.ts";
import type { OpAsmHooks, OpAsmParser, OpAsmPrinter, OperationState } from "../../src/text/asm-interfaces.ts";
import { FastMathAttr, FastMathAttrC, parseFastMathBody, printFastMathBody } from "./attrs.ts";
import { FloatLike } from "./constraints.ts";
import { foldAddF, foldDivF, foldMaxMinF, foldMulF, foldNegF, foldRemF, foldSubF } from "./fold.ts";

const FASTMATH = "fastmath";

/** Prints ` fastmath<...>` unless the flags are absent or `none`. */
function printFastMath(op: Operation, p: OpAsmPrinter): void {
  const flags = op.attr(FASTMATH);
  if (!(flags instanceof FastMathAttr) || flags.isNone) return;
  p.print(` ${FASTMATH}`);
  printFastMathBody(flags, p);
}

/** The attributes the attr-dict leaves out: `fastmath` is spelled by the op syntax when it is a FastMathAttr. */
const elided = (op: Operation): string[] => (op.attr(FASTMATH) instanceof FastMathAttr ? [FASTMATH] : []);

/**
 * `$operands (fastmath<...>)? attr-dict : type`: the custom form of the unary (1 operand) and binary
 * (2 operands) floating-point ops, ODS's `$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)`.
 */
function floatOpAsm(arity: 1 | 2): OpAsmHooks {
  return {
    print(op: Operation, p: OpAsmPrinter): void {
      p.print(" ");
      p.printOperands(op.operands);
      printFastMath(op, p);
      p.printOptionalAttrDict(op.attributes, elided(op));
      p.print(" : ");
      p.printType(op.getResult(0).type);
    },
    parse(p: OpAsmParser, state: OperationState): void {
      const start = p.loc();
      const operands = [p.parseOperand()];
      if (arity === 2) {
        p.parsePunct(",");
        operands.push(p.parseOperand());
      }
      if (p.parseOptionalKeyword(FASTMATH) !== undefined) state.attributes.set(FASTMATH, parseFastMathBody(p));
      p.parseOptionalAttrDict(state.attributes);
      if (!state.attributes.has(FASTMATH)) state.attributes.set(FASTMATH, FastMathAttr.none());
      const type = p.parseColonType();
      state.operands.push(...p.resolveOperands(operands, operands.map(() => type), start));
      state.resultTypes.push(type);
    },
  };
}

/**
 * Makes `Op.build` store `fastmath = none` when no flags are given, as MLIR's builders do, so that built and
 * parsed ops carry the same attributes (and compare equal, e.g. in CSE).
 */
function storeDefaultFastMath(cls: { build(args: never, loc?: Location): Operation }): void {
  const build = cls.build.bind(cls) as (args: unknown, loc?: Location) => Operation;
  Object.defineProperty(cls, "build", {
    value: (args: unknown, loc?: Location): Operation => {
      const op = build(args, loc);
      if (op.attr(FASTMATH) === undefined) op.setAttr(FASTMATH, FastMathAttr.none());
      return op;
    },
  });
}

const binaryAsm = floatOpAsm(2);
const unaryAsm = floatOpAsm(1);

const floatBinarySpec = <const N extends string>(name: N, summary: string, commutative: boolean) =>
  ({
    name,
    summary,
    operands: { lhs: FloatLike, rhs: FloatLike },
    results: { result: FloatLike },
    attributes: { fastmath: defaultAttr(FastMathAttrC, FastMathAttr.none) },
    traits: commutative ? [Pure, Commutative, SameOperandsAndResultType, Elementwise] : [Pure, SameOperandsAndResultType, Elementwise],
    format: binaryAsm,
  }) as const;

export const NegF = defineOp({
  name: "arith.negf",
  summary: "floating point negation",
  operands: { operand: FloatLike },
  results: { result: FloatLike },
  attributes: { fastmath: defaultAttr(FastMathAttrC, FastMathAttr.none) },
  traits: [Pure, SameOperandsAndResultType, Elementwise],
  format: unaryAsm,
}, { fold: foldNegF });
export type NegF = InstanceType<typeof NegF>;

export const AddF = defineOp(floatBinarySpec("arith.addf", "floating point addition operation", true), {
  fold: foldAddF,
});
export type AddF = InstanceType<typeof AddF>;
export const SubF = defineOp(floatBinarySpec("arith.subf", "floating point subtraction operation", false), {
  fold: foldSubF,
});
export type SubF = InstanceType<typeof SubF>;
export const MulF = defineOp(floatBinarySpec("arith.mulf", "floating point multiplication operation", true), {
  fold: foldMulF,
});
export type MulF = InstanceType<typeof MulF>;
export const DivF = defineOp(floatBinarySpec("arith.divf", "floating point division operation", false), {
  fold: foldDivF,
});
export type DivF = InstanceType<typeof DivF>;
export const RemF = defineOp(floatBinarySpec("arith.remf", "floating point division remainder operation", false), {
  fold: foldRemF,
});
export type RemF = InstanceType<typeof RemF>;
export const MaxF = defineOp(floatBinarySpec("arith.maxf", "floating-point maximum operation", true), {
  fold: foldMaxMinF("maxf"),
});
export type MaxF = InstanceType<typeof MaxF>;
export const MinF = defineOp(floatBinarySpec("arith.minf", "floating-point minimum operation", true), {
  fold: foldMaxMinF("minf"),
});
export type MinF = InstanceType<typeof MinF>;

for (const op of [NegF, AddF, SubF, MulF, DivF, RemF, MaxF, MinF]) storeDefaultFastMath(op);
