/**
 * arith's integer canonicalization patterns (MLIR 16's ArithCanonicalization.td): constant reassociation
 * through addi/subi, extended arithmetic whose extra result is unused, and logic of extensions.
 *
 * Constants are integer scalars here (MLIR's `ConstantLikeMatcher APIntAttr`); folding has already moved
 * constants to the right of commutative ops. Integer arithmetic wraps at the type's width.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { IndexType, type IntegerType, elementTypeOrSelf, i1 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type Pattern, type PatternRewriter, rewrite, type RewriteExample } from "../../src/rewrite/pattern.ts";
import { intWidth, zeroConstant } from "../../dialects/arith/fold-consts.ts";
import {
  AddIOp,
  AddUIExtendedOp,
  AndIOp,
  type ArithLike,
  CmpIOp,
  type CmpIPredicate,
  cmpiPredicate,
  ConstantOp,
  ExtSIOp,
  ExtUIOp,
  MulIOp,
  MulSIExtendedOp,
  MulUIExtendedOp,
  OrIOp,
  SubIOp,
  XOrIOp,
} from "../../dialects/arith/index.ts";
import { defining } from "../../src/ir/defining.ts";
import { before, intOrSplat, scalarIntConst } from "./match.ts";

type IntLike = ArithLike<IntegerType | IndexType>;

/** A new `arith.constant` of `like`'s type holding `value` (wrapped to the type), placed by the rewriter. */
function intConstant(rw: PatternRewriter, like: IntegerAttr, value: bigint): Value<IntLike> {
  // The constant's type is the attribute's: an integer or index type.
  return rw.create(ConstantOp, { value: IntegerAttr.get(like.type, value) }).result;
}

// ---- addi ----------------------------------------------------------------------------------------------

/**
 * addi(addi(x, c0), c1) -> addi(x, c0 + c1)
 *
 *   %a = arith.addi %x, %c5 : i32            %c12 = arith.constant 12 : i32
 *   %r = arith.addi %a, %c7 : i32       ->   %r = arith.addi %x, %c12 : i32
 */
export const addiAddConstant = rewrite({
  name: "arith.addi-addi-constant",
  examples: [`^bb0(%x: $T):
    %c0 = arith.constant ?c0 : $T
    %i = arith.addi %x, %c0 : $T
    %c1 = arith.constant ?c1 : $T
    %r = arith.addi %i, %c1 : $T`],
  root: AddIOp,
  apply(op, rw) {
    const [inner, c1] = [defining(op.lhs, AddIOp), scalarIntConst(op.rhs)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.rhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("not addi(addi(x, c0), c1)");
    before(rw, op, () => rw.replaceOpWithNew(op, AddIOp, { lhs: inner.lhs, rhs: intConstant(rw, c1, c0.value + c1.value) }));
    return rw.done();
  },
});

/**
 * addi(subi(x, c0), c1) -> addi(x, c1 - c0)
 *
 *   %s = arith.subi %x, %c5 : i32            %c2 = arith.constant 2 : i32
 *   %r = arith.addi %s, %c7 : i32       ->   %r = arith.addi %x, %c2 : i32
 */
export const addiSubConstantRhs = rewrite({
  name: "arith.addi-subi-constant-rhs",
  examples: [`^bb0(%x: $T):
    %c0 = arith.constant ?c0 : $T
    %i = arith.subi %x, %c0 : $T
    %c1 = arith.constant ?c1 : $T
    %r = arith.addi %i, %c1 : $T`],
  root: AddIOp,
  apply(op, rw) {
    const [inner, c1] = [defining(op.lhs, SubIOp), scalarIntConst(op.rhs)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.rhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("not addi(subi(x, c0), c1)");
    before(rw, op, () => rw.replaceOpWithNew(op, AddIOp, { lhs: inner.lhs, rhs: intConstant(rw, c1, c1.value - c0.value) }));
    return rw.done();
  },
});

/**
 * addi(subi(c0, x), c1) -> subi(c0 + c1, x)
 *
 *   %s = arith.subi %c5, %x : i32            %c12 = arith.constant 12 : i32
 *   %r = arith.addi %s, %c7 : i32       ->   %r = arith.subi %c12, %x : i32
 */
export const addiSubConstantLhs = rewrite({
  name: "arith.addi-subi-constant-lhs",
  examples: [`^bb0(%x: $T):
    %c0 = arith.constant ?c0 : $T
    %i = arith.subi %c0, %x : $T
    %c1 = arith.constant ?c1 : $T
    %r = arith.addi %i, %c1 : $T`],
  root: AddIOp,
  apply(op, rw) {
    const [inner, c1] = [defining(op.lhs, SubIOp), scalarIntConst(op.rhs)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.lhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("not addi(subi(c0, x), c1)");
    before(rw, op, () => rw.replaceOpWithNew(op, SubIOp, { lhs: intConstant(rw, c1, c0.value + c1.value), rhs: inner.rhs }));
    return rw.done();
  },
});

// ---- subi ----------------------------------------------------------------------------------------------

/**
 * subi(addi(x, c0), c1) -> addi(x, c0 - c1)
 *
 *   %a = arith.addi %x, %c5 : i32            %c-2 = arith.constant -2 : i32
 *   %r = arith.subi %a, %c7 : i32       ->   %r = arith.addi %x, %c-2 : i32
 */
export const subiRhsAddConstant = rewrite({
  name: "arith.subi-addi-constant-rhs",
  examples: [`^bb0(%x: $T):
    %c0 = arith.constant ?c0 : $T
    %i = arith.addi %x, %c0 : $T
    %c1 = arith.constant ?c1 : $T
    %r = arith.subi %i, %c1 : $T`],
  root: SubIOp,
  apply(op, rw) {
    const [inner, c1] = [defining(op.lhs, AddIOp), scalarIntConst(op.rhs)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.rhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("not subi(addi(x, c0), c1)");
    before(rw, op, () => rw.replaceOpWithNew(op, AddIOp, { lhs: inner.lhs, rhs: intConstant(rw, c1, c0.value - c1.value) }));
    return rw.done();
  },
});

/**
 * subi(c1, addi(x, c0)) -> subi(c1 - c0, x)
 *
 *   %a = arith.addi %x, %c5 : i32            %c2 = arith.constant 2 : i32
 *   %r = arith.subi %c7, %a : i32       ->   %r = arith.subi %c2, %x : i32
 */
export const subiLhsAddConstant = rewrite({
  name: "arith.subi-addi-constant-lhs",
  examples: [`^bb0(%x: $T):
    %c0 = arith.constant ?c0 : $T
    %i = arith.addi %x, %c0 : $T
    %c1 = arith.constant ?c1 : $T
    %r = arith.subi %c1, %i : $T`],
  root: SubIOp,
  apply(op, rw) {
    const [c1, inner] = [scalarIntConst(op.lhs), defining(op.rhs, AddIOp)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.rhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("not subi(c1, addi(x, c0))");
    before(rw, op, () => rw.replaceOpWithNew(op, SubIOp, { lhs: intConstant(rw, c1, c1.value - c0.value), rhs: inner.lhs }));
    return rw.done();
  },
});

/**
 * subi(subi(x, c0), c1) -> subi(x, c0 + c1)
 *
 *   %s = arith.subi %x, %c5 : i32            %c12 = arith.constant 12 : i32
 *   %r = arith.subi %s, %c7 : i32       ->   %r = arith.subi %x, %c12 : i32
 */
export const subiRhsSubConstantRhs = rewrite({
  name: "arith.subi-subi-constant-rhs-rhs",
  examples: [`^bb0(%x: $T):
    %c0 = arith.constant ?c0 : $T
    %i = arith.subi %x, %c0 : $T
    %c1 = arith.constant ?c1 : $T
    %r = arith.subi %i, %c1 : $T`],
  root: SubIOp,
  apply(op, rw) {
    const [inner, c1] = [defining(op.lhs, SubIOp), scalarIntConst(op.rhs)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.rhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("not subi(subi(x, c0), c1)");
    before(rw, op, () => rw.replaceOpWithNew(op, SubIOp, { lhs: inner.lhs, rhs: intConstant(rw, c1, c0.value + c1.value) }));
    return rw.done();
  },
});

/**
 * subi(subi(c0, x), c1) -> subi(c0 - c1, x)
 *
 *   %s = arith.subi %c5, %x : i32            %c-2 = arith.constant -2 : i32
 *   %r = arith.subi %s, %c7 : i32       ->   %r = arith.subi %c-2, %x : i32
 */
export const subiRhsSubConstantLhs = rewrite({
  name: "arith.subi-subi-constant-rhs-lhs",
  examples: [`^bb0(%x: $T):
    %c0 = arith.constant ?c0 : $T
    %i = arith.subi %c0, %x : $T
    %c1 = arith.constant ?c1 : $T
    %r = arith.subi %i, %c1 : $T`],
  root: SubIOp,
  apply(op, rw) {
    const [inner, c1] = [defining(op.lhs, SubIOp), scalarIntConst(op.rhs)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.lhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("not subi(subi(c0, x), c1)");
    before(rw, op, () => rw.replaceOpWithNew(op, SubIOp, { lhs: intConstant(rw, c1, c0.value - c1.value), rhs: inner.rhs }));
    return rw.done();
  },
});

/**
 * subi(c1, subi(x, c0)) -> subi(c0 + c1, x)
 *
 *   %s = arith.subi %x, %c5 : i32            %c12 = arith.constant 12 : i32
 *   %r = arith.subi %c7, %s : i32       ->   %r = arith.subi %c12, %x : i32
 */
export const subiLhsSubConstantRhs = rewrite({
  name: "arith.subi-subi-constant-lhs-rhs",
  examples: [`^bb0(%x: $T):
    %c0 = arith.constant ?c0 : $T
    %i = arith.subi %x, %c0 : $T
    %c1 = arith.constant ?c1 : $T
    %r = arith.subi %c1, %i : $T`],
  root: SubIOp,
  apply(op, rw) {
    const [c1, inner] = [scalarIntConst(op.lhs), defining(op.rhs, SubIOp)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.rhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("not subi(c1, subi(x, c0))");
    before(rw, op, () => rw.replaceOpWithNew(op, SubIOp, { lhs: intConstant(rw, c1, c0.value + c1.value), rhs: inner.lhs }));
    return rw.done();
  },
});

/**
 * subi(c1, subi(c0, x)) -> addi(x, c1 - c0)
 *
 *   %s = arith.subi %c5, %x : i32            %c2 = arith.constant 2 : i32
 *   %r = arith.subi %c7, %s : i32       ->   %r = arith.addi %x, %c2 : i32
 */
export const subiLhsSubConstantLhs = rewrite({
  name: "arith.subi-subi-constant-lhs-lhs",
  examples: [`^bb0(%x: $T):
    %c0 = arith.constant ?c0 : $T
    %i = arith.subi %c0, %x : $T
    %c1 = arith.constant ?c1 : $T
    %r = arith.subi %c1, %i : $T`],
  root: SubIOp,
  apply(op, rw) {
    const [c1, inner] = [scalarIntConst(op.lhs), defining(op.rhs, SubIOp)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.lhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("not subi(c1, subi(c0, x))");
    before(rw, op, () => rw.replaceOpWithNew(op, AddIOp, { lhs: inner.rhs, rhs: intConstant(rw, c1, c1.value - c0.value) }));
    return rw.done();
  },
});

/**
 * subi(subi(a, b), a) -> subi(0, b)
 *
 *   %s = arith.subi %a, %b : i32             %c0 = arith.constant 0 : i32
 *   %r = arith.subi %s, %a : i32        ->   %r = arith.subi %c0, %b : i32
 */
export const subiSubLhsRhsLhs = rewrite({
  name: "arith.subi-subi-lhs-rhs-lhs",
  examples: [`^bb0(%a: $T, %b: $T):
    %s = arith.subi %a, %b : $T
    %r = arith.subi %s, %a : $T`],
  root: SubIOp,
  apply(op, rw) {
    const inner = defining(op.lhs, SubIOp);
    if (inner === undefined || inner.lhs !== op.rhs) return rw.fail("not subi(subi(a, b), a)");
    const zero = zeroConstant(inner.rhs.type);
    if (zero === undefined) return rw.fail("no zero constant of a dynamically shaped type");
    before(rw, op, () => {
      const c0 = rw.create(ConstantOp, { value: zero }).result as Value<IntLike>;
      rw.replaceOpWithNew(op, SubIOp, { lhs: c0, rhs: inner.rhs });
    });
    return rw.done();
  },
});

// ---- extended arithmetic whose extra result is unused ----------------------------------------------------

/**
 * addui_extended(x, y) -> addi(x, y) when the overflow bit is unused (it is replaced by anything: x).
 *
 *   %s, %o = arith.addui_extended %x, %y : i32, i1      ->   %s = arith.addi %x, %y : i32
 */
export const adduiExtendedToAddi = rewrite({
  name: "arith.addui_extended-to-addi",
  examples: [`^bb0(%x: $T, %y: $T):
    %sum, %_overflow = arith.addui_extended %x, %y : $T, i1`],
  root: AddUIExtendedOp,
  apply(op, rw) {
    if (op.overflow.hasUses) return rw.fail("the overflow bit is used");
    const sum = before(rw, op, () => rw.create(AddIOp, { lhs: op.lhs, rhs: op.rhs }).result);
    rw.replaceOp(op, [sum, op.lhs]);
    return rw.done();
  },
});

/**
 * mulsi_extended(x, y) -> muli(x, y) when the high half is unused (it is replaced by anything: x).
 *
 *   %lo, %hi = arith.mulsi_extended %x, %y : i32       ->   %lo = arith.muli %x, %y : i32
 */
export const mulsiExtendedToMuli = rewrite({
  name: "arith.mulsi_extended-to-muli",
  examples: [`^bb0(%x: $T, %y: $T):
    %low, %_high = arith.mulsi_extended %x, %y : $T`],
  root: MulSIExtendedOp,
  apply(op, rw) {
    if (op.high.hasUses) return rw.fail("the high half is used");
    const product = before(rw, op, () => rw.create(MulIOp, { lhs: op.lhs, rhs: op.rhs }).result);
    rw.replaceOp(op, [product, op.lhs]);
    return rw.done();
  },
});

/**
 * mului_extended(x, y) -> muli(x, y) when the high half is unused (it is replaced by anything: x).
 *
 *   %lo, %hi = arith.mului_extended %x, %y : i32       ->   %lo = arith.muli %x, %y : i32
 */
export const muluiExtendedToMuli = rewrite({
  name: "arith.mului_extended-to-muli",
  examples: [`^bb0(%x: $T, %y: $T):
    %low, %_high = arith.mului_extended %x, %y : $T`],
  root: MulUIExtendedOp,
  apply(op, rw) {
    if (op.high.hasUses) return rw.fail("the high half is used");
    const product = before(rw, op, () => rw.create(MulIOp, { lhs: op.lhs, rhs: op.rhs }).result);
    rw.replaceOp(op, [product, op.lhs]);
    return rw.done();
  },
});

/**
 * mulsi_extended(x, 1) -> x, extsi(cmpi slt(x, 0)): the high half of x * 1 is the sign of x. Not for i1,
 * where the constant 1 is -1 (MLIR 16 would build an invalid `extsi` from i1 to i1 there).
 *
 *   %lo, %hi = arith.mulsi_extended %x, %c1 : i32       ->   %neg = arith.cmpi slt, %x, %c0 : i32
 *                                                             %hi = arith.extsi %neg : i1 to i32   (%lo is %x)
 */
export const mulsiExtendedRhsOne = rewrite({
  name: "arith.mulsi_extended-rhs-one",
  examples: [`^bb0(%x: $T):
    %c1 = arith.constant 1 : $T
    %low, %high = arith.mulsi_extended %x, %c1 : $T`],
  root: MulSIExtendedOp,
  apply(op, rw) {
    const width = intWidth(elementTypeOrSelf(op.lhs.type));
    if (intOrSplat(op.rhs) !== 1n || width === undefined || width === 1) return rw.fail("rhs is not the constant 1 (or the type is i1)");
    // extsi cannot produce index (it is not a fixed-width integer); found by checkRewrite on random programs.
    if (elementTypeOrSelf(op.lhs.type) instanceof IndexType) return rw.fail("index: extsi cannot produce the high half");
    const zero = zeroConstant(op.lhs.type);
    if (zero === undefined) return rw.fail("no zero constant of a dynamically shaped type");
    const high = before(rw, op, () => {
      const c0 = rw.create(ConstantOp, { value: zero }).result as Value<IntLike>;
      const negative = rw.create(CmpIOp, { predicate: cmpiPredicate("slt"), lhs: op.lhs, rhs: c0 }).result;
      return rw.create(ExtSIOp, { in: negative, out: op.lhs.type as ArithLike<IntegerType> }).out;
    });
    rw.replaceOp(op, [op.lhs, high]);
    return rw.done();
  },
});

// ---- logic of extensions -------------------------------------------------------------------------------

type BitwiseOp = typeof AndIOp | typeof OrIOp | typeof XOrIOp;
type ExtOp = typeof ExtUIOp | typeof ExtSIOp;

/** The example of a pattern on op(ext(x), ext(y)): `op` spells the root applied to the two extensions. */
function extExample(ext: ExtOp, op: (a: string, b: string) => string): RewriteExample {
  const e = ext.info?.name ?? "";
  return {
    ir: `^bb0(%x: $N, %y: $N):\n  %a = ${e} %x : $N to $W\n  %b = ${e} %y : $N to $W\n  %r = ${op("%a", "%b")}`,
    types: { N: ["i1", "i8", "i16"], W: ["i32", "i64"] },
  };
}

/**
 * op(ext(x), ext(y)) -> ext(op(x, y)) for op in andi / ori / xori and ext in extui / extsi, when x and y
 * have one type: the bitwise op commutes with either extension.
 *
 *   %a = arith.extui %x : i8 to i32
 *   %b = arith.extui %y : i8 to i32           %o = arith.andi %x, %y : i8
 *   %r = arith.andi %a, %b : i32         ->   %r = arith.extui %o : i8 to i32
 */
const bitwiseOfExt = (root: BitwiseOp, ext: ExtOp, name: string): Pattern =>
  rewrite({
    name,
    root,
    examples: [extExample(ext, (a, b) => `${root.info?.name} ${a}, ${b} : $W`)],
    apply(op, rw) {
      const [a, b] = [defining(op.getOperand(0), ext), defining(op.getOperand(1), ext)];
      if (a === undefined || b === undefined) return rw.fail(`operands are not both ${ext.info?.name}`);
      if (a.in.type !== b.in.type) return rw.fail("the extended values have different types");
      const out = op.getResult(0).type as ArithLike<IntegerType>;
      before(rw, op, () => {
        const inner = rw.create(root as typeof AndIOp, { lhs: a.in, rhs: b.in }).result as Value<ArithLike<IntegerType>>;
        rw.replaceOpWithNew(op, ext as typeof ExtUIOp, { in: inner, out });
      });
      return rw.done();
    },
  });

export const andOfExtui = bitwiseOfExt(AndIOp, ExtUIOp, "arith.andi-of-extui");
export const andOfExtsi = bitwiseOfExt(AndIOp, ExtSIOp, "arith.andi-of-extsi");
export const orOfExtui = bitwiseOfExt(OrIOp, ExtUIOp, "arith.ori-of-extui");
export const orOfExtsi = bitwiseOfExt(OrIOp, ExtSIOp, "arith.ori-of-extsi");
export const xorOfExtui = bitwiseOfExt(XOrIOp, ExtUIOp, "arith.xori-of-extui");
export const xorOfExtsi = bitwiseOfExt(XOrIOp, ExtSIOp, "arith.xori-of-extsi");

/**
 * xori(cmpi(pred, a, b), true) -> cmpi(!pred, a, b): not of a comparison is the inverse comparison.
 *
 *   %c = arith.cmpi slt, %a, %b : i32
 *   %r = arith.xori %c, %true : i1       ->   %r = arith.cmpi sge, %a, %b : i32
 */
export const xoriNotCmpi = rewrite({
  name: "arith.xori-not-cmpi",
  examples: [`^bb0(%a: $T, %b: $T):
    %c = arith.cmpi ?{eq|ne|slt|sle|sgt|sge|ult|ule|ugt|uge}, %a, %b : $T
    %true = arith.constant true
    %r = arith.xori %c, %true : i1`],
  root: XOrIOp,
  apply(op, rw) {
    const [cmp, t] = [defining(op.lhs, CmpIOp), scalarIntConst(op.rhs)];
    if (cmp === undefined || t === undefined || t.type !== i1 || t.value === 0n) return rw.fail("not xori(cmpi(...), true)");
    const inverted = INVERTED_CMPI[cmp.predicate.number];
    if (inverted === undefined) return rw.fail("unknown predicate");
    before(rw, op, () => rw.replaceOpWithNew(op, CmpIOp, { predicate: cmpiPredicate(inverted), lhs: cmp.lhs, rhs: cmp.rhs }));
    return rw.done();
  },
});

/** The negation of each cmpi predicate, by predicate value. */
const INVERTED_CMPI: readonly CmpIPredicate[] = ["ne", "eq", "sge", "sgt", "sle", "slt", "uge", "ugt", "ule", "ult"];

/**
 * cmpi(eq|ne, ext(a), ext(b)) -> cmpi(eq|ne, a, b) for ext in extsi / extui, when a and b have one type:
 * extensions are injective.
 *
 *   %x = arith.extsi %a : i8 to i32
 *   %y = arith.extsi %b : i8 to i32
 *   %r = arith.cmpi eq, %x, %y : i32     ->   %r = arith.cmpi eq, %a, %b : i8
 */
const cmpiOfExt = (ext: ExtOp, name: string): Pattern =>
  rewrite({
    name,
    root: CmpIOp,
    // eq and ne; then the order predicates too, which it must leave alone (extui does not keep the signed order).
    examples: [
      extExample(ext, (a, b) => `arith.cmpi ?{eq|ne}, ${a}, ${b} : $W`),
      extExample(ext, (a, b) => `arith.cmpi ?{eq|ne|slt|sle|sgt|sge|ult|ule|ugt|uge}, ${a}, ${b} : $W`),
    ],
    apply(op, rw) {
      const pred = op.predicate.number;
      if (pred !== 0 && pred !== 1) return rw.fail("the predicate is not eq or ne");
      const [a, b] = [defining(op.lhs, ext), defining(op.rhs, ext)];
      if (a === undefined || b === undefined) return rw.fail(`operands are not both ${ext.info?.name}`);
      if (a.in.type !== b.in.type) return rw.fail("the extended values have different types");
      before(rw, op, () => rw.replaceOpWithNew(op, CmpIOp, { predicate: op.predicate, lhs: a.in, rhs: b.in }));
      return rw.done();
    },
  });

export const cmpiOfExtsi = cmpiOfExt(ExtSIOp, "arith.cmpi-of-extsi");
export const cmpiOfExtui = cmpiOfExt(ExtUIOp, "arith.cmpi-of-extui");

/** Every integer pattern of this file. */
export const arithIntPatterns: readonly Pattern[] = [
  addiAddConstant,
  addiSubConstantRhs,
  addiSubConstantLhs,
  subiRhsAddConstant,
  subiLhsAddConstant,
  subiRhsSubConstantRhs,
  subiRhsSubConstantLhs,
  subiLhsSubConstantRhs,
  subiLhsSubConstantLhs,
  subiSubLhsRhsLhs,
  adduiExtendedToAddi,
  mulsiExtendedToMuli,
  muluiExtendedToMuli,
  mulsiExtendedRhsOne,
  andOfExtui,
  andOfExtsi,
  orOfExtui,
  orOfExtsi,
  xorOfExtui,
  xorOfExtsi,
  xoriNotCmpi,
  cmpiOfExtsi,
  cmpiOfExtui,
];
