/**
 * The reductions of `affine.parallel` (AtomicRMWKind), as MLIR 16 lowers them to `scf.parallel`: the result
 * starts at the kind's identity (arith::getIdentityValueAttr: 0 for addf/addi/maxu/ori, 1 for mulf/muli, -inf
 * for maxf, +inf for minf, the signed minimum for maxs, the signed maximum for mins, all ones for minu and
 * andi) and each yielded value is combined into it with the kind's arith op (arith::getReductionOp: maxf and
 * minf are arith.maxf/minf, NaN-propagating). `assign` has no identity: its result is defined only for a band of
 * exactly one iteration, where it is the yielded value.
 */
import type { InterpContext } from "../../src/interp/registry.ts";
import { addF, maxF, minF, mulF } from "../../src/interp/float-semantics.ts";
import { addI, andI, mulI, orI } from "../../src/interp/int-semantics.ts";
import { floatKindOf, floatValue, intValue, intWidth, type RuntimeValue } from "../../src/interp/values.ts";
import { FloatType, IndexType, IntegerType, type Type } from "../../src/ir/types.ts";

const FLOAT_KINDS = new Set(["addf", "mulf", "maxf", "minf"]);

/** The starting value of a reduction of `kind` over `type`; undefined for `assign`. */
export function reductionIdentity(kind: string, type: Type | undefined, ctx: InterpContext): RuntimeValue | undefined {
  if (kind === "assign") return undefined;
  if (type instanceof FloatType && FLOAT_KINDS.has(kind)) {
    return floatValue(type, kind === "addf" ? 0 : kind === "mulf" ? 1 : kind === "maxf" ? -Infinity : Infinity);
  }
  if ((type instanceof IntegerType || type instanceof IndexType) && !FLOAT_KINDS.has(kind)) {
    const n = intWidth(type);
    const identities: Record<string, bigint> = { addi: 0n, ori: 0n, maxu: 0n, muli: 1n, andi: -1n, minu: -1n, maxs: -(1n << BigInt(n - 1)), mins: (1n << BigInt(n - 1)) - 1n };
    const v = identities[kind];
    if (v !== undefined) return intValue(type, v);
  }
  return ctx.fail("invalid-ir", `reduction "${kind}" of ${type?.toString() ?? "no type"} values is not supported`);
}

/** `acc` combined with `value` (`acc` undefined: the first value of an `assign`). */
export function combineReduction(kind: string, acc: RuntimeValue | undefined, value: RuntimeValue, ctx: InterpContext): RuntimeValue | undefined {
  if (kind === "assign") return acc === undefined ? value : ctx.fail("undefined-behavior", 'an "assign" reduction over more than one iteration');
  if (acc?.kind === "float" && value.kind === "float" && acc.type === value.type) {
    const k = floatKindOf(acc.type);
    const f = kind === "addf" ? addF : kind === "mulf" ? mulF : kind === "maxf" ? maxF : minF;
    return { kind: "float", type: acc.type, value: f(k, acc.value, value.value) };
  }
  if (acc?.kind === "int" && value.kind === "int" && acc.type === value.type) {
    const n = intWidth(acc.type);
    const a = acc.value;
    const b = value.value;
    const u = (x: bigint): bigint => BigInt.asUintN(n, x);
    const s = (x: bigint): bigint => BigInt.asIntN(n, x);
    const pick: Record<string, () => bigint> = {
      addi: () => addI(n, a, b),
      muli: () => mulI(n, a, b),
      andi: () => andI(n, a, b),
      ori: () => orI(n, a, b),
      maxs: () => (s(a) >= s(b) ? a : b),
      mins: () => (s(a) <= s(b) ? a : b),
      maxu: () => (u(a) >= u(b) ? a : b),
      minu: () => (u(a) <= u(b) ? a : b),
    };
    const f = pick[kind];
    if (f !== undefined) return intValue(acc.type, f());
  }
  return ctx.fail("invalid-ir", `reduction "${kind}" of a yielded ${value.kind} value`);
}
