/**
 * What canonicalization must leave behind, checked on its output (a postcondition for property tests, beside
 * "computes the same"): a missed fold or a constant left on the wrong side computes the same, so only a check
 * of the form itself sees it.
 *
 *   - Folded to the end: no op is left whose operands are all constants and which the interpreter evaluates
 *     without undefined behaviour on them, unless `leftAlone` says MLIR 16 keeps it (a truncf that would
 *     round, a math function on f16...). Undefined behaviour is never folded (a division by zero stays).
 *   - Constants on the right: no commutative op has a constant left operand and a non-constant right one.
 *   - No arith identity left, whatever the operands: `x + 0`, `op(x, x)`, `negf(negf x)`, `subi(addi(a, b),
 *     b)`, a select of a constant condition... (`arithIdentityLeft`, from the folders' documentation).
 *   - Not folded beyond MLIR 16: an op `leftAlone` keeps is not replaced while canonicalizing (a fold that
 *     should have refused computes the same value, the NaN or the rounded number, so only this sees it).
 *
 * The oracle for "can be evaluated" is the interpreter, op by op, not the folders: a folder that gives up on
 * inputs it should fold is caught, whatever the folder's own code says.
 *
 *   const violations = canonicalFormViolations(module, ctx, arithLeftAlone);
 *   // ["arith.divsi with constant operands (7, 2) was not folded", ...]
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { Commutative, ConstantLike } from "../../src/ir/traits.ts";
import type { Value } from "../../src/ir/value.ts";
import { InterpFailure } from "../../src/interp/errors.ts";
import type { InterpContext } from "../../src/interp/registry.ts";
import { type Element, floatElementBits, formatValues, NaNBits, type RuntimeValue, type SupportedFloatKind, valueOfAttribute } from "../../src/interp/index.ts";
import { floatBitWidth } from "../../src/ir/float-bits.ts";
import { FloatType, IndexType, IntegerType, type Type } from "../../src/ir/types.ts";
import { hasFolder } from "./coverage.ts";
import { isLeft, left } from "fp-ts/lib/Either.js";
import { error } from "../../src/diag/diagnostic.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { newPassRegistry } from "../index.ts";
import type { Transform } from "./check-rewrite.ts";
import { bothListeners, type RewriteListener } from "../../src/rewrite/rewriter.ts";

const intWidthOf = (t: Type): number | undefined => (t instanceof IntegerType ? t.width : t instanceof IndexType ? 64 : undefined);

/**
 * Why MLIR 16 leaves an op with constant operands alone although it can be evaluated (undefined: it must be
 * folded). Gets the op, its operands' values and the values it evaluates to.
 */
export type LeftAlone = (op: Operation, operands: readonly RuntimeValue[], results: readonly RuntimeValue[]) => string | undefined;

/** The constant attribute of a value defined by a ConstantLike op, or undefined. */
function constantOf(v: Value): Attribute | undefined {
  const def = v.definingOp;
  return def !== undefined && def.hasTrait(ConstantLike) ? def.attr("value") : undefined;
}

/** The interpreter's services an arith or math op never asks for. */
const NO_SERVICES: InterpContext = {
  call: () => {
    throw new InterpFailure("unsupported", "no calls here");
  },
  runRegion: () => {
    throw new InterpFailure("unsupported", "no regions here");
  },
  branch: () => {
    throw new InterpFailure("unsupported", "no branches here");
  },
  withAllocationScope: () => {
    throw new InterpFailure("unsupported", "no allocation scopes here");
  },
  atScopeExit: () => {
    throw new InterpFailure("unsupported", "no allocation scopes here");
  },
  runState: () => {
    throw new InterpFailure("unsupported", "no run state here");
  },
  print: () => {
    throw new InterpFailure("unsupported", "no output here");
  },
  exit: () => {
    throw new InterpFailure("unsupported", "no exits here");
  },
  fail: (kind, message) => {
    throw new InterpFailure(kind, message);
  },
};

/**
 * The values `op` computes from its constant operands, or undefined when it cannot be judged here: an operand
 * is not constant, the op has regions or successors, no semantics, or undefined behaviour on these operands.
 */
function evaluate(op: Operation, ctx: Context): { operands: RuntimeValue[]; results: readonly RuntimeValue[] } | undefined {
  if (op.numResults === 0 || op.numOperands === 0 || op.regions.length > 0 || op.successors.length > 0) return undefined;
  const attrs = op.operands.map(constantOf);
  if (attrs.some((a) => a === undefined)) return undefined;
  const semantics = ctx.interpretation(op.name);
  if (semantics === undefined || (semantics.cls !== undefined && !(op instanceof semantics.cls))) return undefined;
  try {
    const operands = attrs.map((a, i) => valueOfAttribute(a as Attribute, (op.operands[i] as Value).type));
    const results = semantics.fn(op, operands, NO_SERVICES);
    return Array.isArray(results) ? { operands, results: results as readonly RuntimeValue[] } : undefined;
  } catch (e) {
    if (e instanceof InterpFailure) return undefined;
    throw e;
  }
}

/** What is not canonical in `module` after canonicalization (empty when it is). */
export function canonicalFormViolations(module: Operation, ctx: Context, leftAlone: LeftAlone): string[] {
  const out: string[] = [];
  module.walk((op) => {
    if (op.hasTrait(ConstantLike)) return;
    const identity = arithIdentityLeft(op);
    if (identity !== undefined) out.push(`${op.name} is left as ${identity}, which folds`);
    if (op.hasTrait(Commutative) && op.numOperands === 2) {
      const [l, r] = op.operands as [Value, Value];
      if (constantOf(l) !== undefined && constantOf(r) === undefined) out.push(`${op.name} has its constant on the left`);
    }
    const evaluated = evaluate(op, ctx);
    if (evaluated === undefined) return;
    if (leftAlone(op, evaluated.operands, evaluated.results) !== undefined) return;
    out.push(`${op.name} with constant operands ${formatValues(evaluated.operands)} was not folded (it computes ${formatValues(evaluated.results)})`);
  });
  return out;
}

/**
 * A transform for checkRewrite: `canonicalize` on every function, then the postcondition; a violation fails
 * the transform (a counterexample naming what was left).
 */
export function canonicalizeChecked(leftAlone: LeftAlone): Extract<Transform, (...args: never[]) => unknown> {
  const registry = newPassRegistry();
  return (module, ctx, listener) => {
    const eager: string[] = [];
    const watch = bothListeners(listener, overEagerFolds(ctx, leftAlone, eager));
    const r = runPipeline(module, "builtin.module(func.func(canonicalize))", { ctx, registry, verifyEach: false, ...(watch === undefined ? {} : { rewriteListener: watch }) });
    if (isLeft(r)) return left(r.left.diagnostics);
    const violations = [...eager, ...canonicalFormViolations(module, ctx, leftAlone)];
    return violations.length === 0 ? undefined : left(error(undefined, `not in canonical form after canonicalize: ${violations.join("; ")}`));
  };
}

/**
 * A listener that notes each op replaced while its constant operands are ones MLIR 16 leaves alone (a fold
 * that should have refused: sqrt of a negative, an inexact truncf...). Ops without a folder are not watched
 * (a pattern may rewrite them).
 */
function overEagerFolds(ctx: Context, leftAlone: LeftAlone, out: string[]): RewriteListener {
  return {
    notifyOperationReplaced(op) {
      if (!hasFolder(op.constructor as typeof Operation)) return;
      const e = evaluate(op, ctx);
      const why = e === undefined ? undefined : leftAlone(op, e.operands, e.results);
      if (e !== undefined && why !== undefined) out.push(`${op.name} with constant operands ${formatValues(e.operands)} was folded, which MLIR 16 does not do (${why})`);
    },
  };
}

// ---- what MLIR 16 leaves alone ------------------------------------------------------------------------------

/** The elements of a scalar or shaped runtime value. */
const elementsOf = (v: RuntimeValue): readonly Element[] =>
  v.kind === "shaped" ? v.elements.toArray() : v.kind === "function" || v.kind === "memref" ? [] : [v.value];

/** Whether a float element has its sign bit set (-0.0 and negative NaNs included). */
function signBit(e: Element, kind: SupportedFloatKind): boolean {
  if (typeof e === "bigint") return false;
  return (floatElementBits(e, kind) >> BigInt(floatBitWidth(kind) - 1)) !== 0n;
}

const floatKindOfValue = (v: RuntimeValue): SupportedFloatKind | undefined => {
  const t = v.kind === "shaped" ? v.elementType : v.kind === "function" ? undefined : v.type;
  return t instanceof FloatType ? (t.name as SupportedFloatKind) : undefined;
};

/** An op kind without a fold hook is not expected to fold (math.cbrt, math.fma, ...). */
const noFolder = (op: Operation): string | undefined => (hasFolder(op.constructor as typeof Operation) ? undefined : "no folder");

/**
 * arith: every folder folds its constants but a truncf that would round (or of a NaN). (Signed division on i1
 * refuses -1 / -1, but a defined i1 division divides by -1 everywhere, a splat, and `x / 1 -> x` folds it.)
 */
export const arithLeftAlone: LeftAlone = (op, operands, results) => {
  if (op.name === "arith.truncf") {
    const [from, to] = [operands[0], results[0]];
    if (from === undefined || to === undefined) return "no value";
    const [a, b] = [elementsOf(from), elementsOf(to)];
    const inexact = a.some((x, i) => typeof x === "bigint" || x instanceof NaNBits || Number.isNaN(x) || !Object.is(x, b[i]));
    return inexact ? "truncf folds exact values only" : undefined;
  }
  return noFolder(op);
};

/** The math functions MLIR 16 folds through the C library: f32 and f64 only. */
const LIBM = new Set(["atan", "atan2", "cos", "erf", "exp", "exp2", "expm1", "log", "log10", "log1p", "log2", "powf", "round", "sin", "sqrt", "tan", "tanh", "trunc"].map((n) => `math.${n}`));

/**
 * math (dialects/math/fold.ts has the why): library functions on f16 and bf16; log, log2, log10 and sqrt of a
 * value with its sign bit set; log1p below -1 (or of a negative NaN); atan2(±0, ±0); ops without a folder.
 */
export const mathLeftAlone: LeftAlone = (op, operands) => {
  const kind = operands[0] === undefined ? undefined : floatKindOfValue(operands[0]);
  if (LIBM.has(op.name) && (kind === "f16" || kind === "bf16")) return "f16 and bf16 library functions do not fold";
  const xs = operands[0] === undefined ? [] : elementsOf(operands[0]);
  if (kind !== undefined && ["math.log", "math.log2", "math.log10", "math.sqrt"].includes(op.name) && xs.some((x) => signBit(x, kind))) return "a negative operand";
  if (kind !== undefined && op.name === "math.log1p" && xs.some((x) => (x instanceof NaNBits ? signBit(x, kind) : typeof x === "number" && x + 1 < 0))) return "below -1";
  if (op.name === "math.atan2") {
    const ys = operands[1] === undefined ? [] : elementsOf(operands[1]);
    if (xs.some((x, i) => x === 0 && ys[ys.length === 1 ? 0 : i] === 0)) return "atan2(±0, ±0)";
  }
  return noFolder(op);
};

// ---- arith identities canonicalization removes -----------------------------------------------------------

/** The single value of a scalar or splat constant (integers unsigned at their width, floats as numbers), or undefined. */
function splatOf(v: Value): bigint | number | undefined {
  const attr = constantOf(v);
  if (attr === undefined) return undefined;
  let value: RuntimeValue;
  try {
    value = valueOfAttribute(attr, v.type);
  } catch {
    return undefined;
  }
  const es = elementsOf(value);
  const first = es[0];
  if (first === undefined || es.some((e) => !Object.is(e, first) && e !== first)) return undefined;
  if (typeof first === "bigint") {
    const t = value.kind === "shaped" ? value.elementType : value.kind === "int" ? value.type : undefined;
    const w = t === undefined ? undefined : intWidthOf(t);
    return w === undefined ? undefined : BigInt.asUintN(w, first);
  }
  return first instanceof NaNBits ? Number.NaN : first;
}

/** The element width of an integer-like value's type. */
function widthOfValue(v: Value): number {
  const t = v.type as Type & { readonly elementType?: Type };
  return intWidthOf(t.elementType ?? t) ?? 0;
}

/** The op defining `v` when it is named `name`, else undefined. */
const def = (v: Value | undefined, ...names: string[]): Operation | undefined => {
  const d = v?.definingOp;
  return d !== undefined && names.includes(d.name) ? d : undefined;
};

/** The right-hand constants that make a binary op an identity or an absorber, by mnemonic (w: the element width). */
const IDENTITY_RHS: Readonly<Record<string, (c: bigint, w: number) => boolean>> = (() => {
  const ones = (w: number): bigint => (1n << BigInt(w)) - 1n;
  const smax = (w: number): bigint => (1n << BigInt(w - 1)) - 1n;
  const smin = (w: number): bigint => 1n << BigInt(w - 1);
  const zero = (c: bigint): boolean => c === 0n;
  const one = (c: bigint): boolean => c === 1n;
  const signedBound = (c: bigint, w: number): boolean => c === smax(w) || c === smin(w);
  const unsignedBound = (c: bigint, w: number): boolean => c === 0n || c === ones(w);
  return {
    addi: zero, subi: zero, xori: zero, shli: zero, shrui: zero, shrsi: zero, addui_extended: zero, mulsi_extended: zero,
    muli: (c) => c === 0n || c === 1n,
    mului_extended: (c) => c === 0n || c === 1n,
    andi: (c, w) => c === 0n || c === ones(w),
    ori: (c, w) => c === 0n || c === ones(w),
    divui: one, divsi: one, ceildivui: one, ceildivsi: one, floordivsi: one, remui: one, remsi: one,
    maxsi: signedBound, minsi: signedBound, maxui: unsignedBound, minui: unsignedBound,
  };
})();

/** The float constants on the right that make a binary op an identity, by mnemonic. */
const FLOAT_IDENTITY_RHS: Readonly<Record<string, number>> = { addf: -0, subf: 0, mulf: 1, divf: 1, maxf: -Infinity, minf: Infinity };

/** Ops of which `op(x, x)` folds, by mnemonic. */
const SAME_OPERANDS = new Set(["subi", "andi", "ori", "xori", "maxsi", "maxui", "minsi", "minui", "maxf", "minf", "cmpi"]);

/**
 * How `op` is an arith identity that canonicalization folds away (MLIR 16's folders: `x + 0`, `op(x, x)`,
 * `negf(negf x)`, `subi(addi(a, b), b)`, ...), or undefined. Written from the folders' documented
 * identities, independently of their code, so a folder that misses one is caught.
 */
function arithIdentityLeft(op: Operation): string | undefined {
  if (!op.name.startsWith("arith.")) return undefined;
  const m = op.name.slice("arith.".length);
  const [l, r] = [op.operands[0], op.operands[1]];
  if (l !== undefined && r !== undefined && op.numOperands === 2) {
    const c = splatOf(r);
    if (typeof c === "bigint" && IDENTITY_RHS[m]?.(c, widthOfValue(l)) === true) return `${m}(x, ${c})`;
    const f = FLOAT_IDENTITY_RHS[m];
    if (f !== undefined && typeof c === "number" && Object.is(c, f)) return `${m}(x, ${Object.is(c, -0) ? "-0.0" : c})`;
    if (l === r && SAME_OPERANDS.has(m)) return `${m}(x, x)`;
  }
  switch (m) {
    case "negf":
      return def(l, "arith.negf") !== undefined ? "negf(negf(x))" : undefined;
    case "extui":
    case "extsi":
      return def(l, op.name) !== undefined ? `${m}(${m}(x))` : undefined;
    case "trunci":
      return def(l, "arith.trunci", "arith.extui", "arith.extsi") !== undefined && widthOfValue(def(l, "arith.trunci", "arith.extui", "arith.extsi")?.operands[0] as Value) >= widthOfValue(op.getResult(0))
        ? "trunci of an extension or truncation (of x at least as wide as the result)"
        : undefined;
    case "addi": {
      const sub = def(l, "arith.subi") ?? def(r, "arith.subi");
      const other = sub === def(l, "arith.subi") ? r : l;
      return sub !== undefined && sub.operands[1] === other ? "addi(subi(a, b), b)" : undefined;
    }
    case "subi": {
      const add = def(l, "arith.addi");
      return add !== undefined && (add.operands[0] === r || add.operands[1] === r) ? "subi(addi(a, b), a or b)" : undefined;
    }
    case "xori":
    case "andi": {
      for (const [inner, other] of [[l, r], [r, l]] as const) {
        const d = def(inner, op.name);
        if (d !== undefined && (d.operands[0] === other || d.operands[1] === other)) return `${m}(${m}(a, b), a or b)`;
        const not = def(inner, "arith.xori");
        if (m === "andi" && not !== undefined && not.operands[0] === other && splatOf(not.operands[1] as Value) === (1n << BigInt(widthOfValue(other as Value))) - 1n) return "andi(x, not x)";
      }
      return undefined;
    }
    case "cmpi": {
      const ext = def(l, "arith.extui", "arith.extsi");
      const pred = op.attr("predicate") as { readonly number?: number } | undefined;
      return pred?.number === 1 && splatOf(r as Value) === 0n && ext !== undefined && widthOfValue(ext.operands[0] as Value) === 1 ? "cmpi ne(ext(b : i1), 0)" : undefined;
    }
    case "select": {
      const [cond, t, f] = op.operands as [Value, Value, Value];
      if (t === f) return "select(c, x, x)";
      if (typeof splatOf(cond) === "bigint" && !(cond.type as { readonly shape?: unknown }).shape) return "select of a constant condition";
      if (widthOfValue(t) === 1 && !(t.type as { readonly shape?: unknown }).shape && splatOf(t) === 1n && splatOf(f) === 0n) return "select(c, true, false)";
      const cmp = def(cond, "arith.cmpi");
      const p = (cmp?.attr("predicate") as { readonly number?: number } | undefined)?.number;
      if (cmp !== undefined && (p === 0 || p === 1)) {
        const [a, b] = cmp.operands;
        if ((a === t && b === f) || (a === f && b === t)) return "select(cmpi eq or ne(a, b), a, b)";
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
