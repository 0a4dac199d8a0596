/**
 * arith's cast canonicalization patterns (MLIR 16's ArithCanonicalization.td): chains of casts that cancel
 * or shorten, and truncations of shifted values.
 */
import { type IndexType, IntegerType, type Type, elementTypeOrSelf } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import {
  type ArithLike,
  BitcastOp,
  ConstantOp,
  ExtSIOp,
  ExtUIOp,
  IndexCastOp,
  IndexCastUIOp,
  MulIOp,
  MulSIExtendedOp,
  MulUIExtendedOp,
  ShRSIOp,
  ShRUIOp,
  TruncIOp,
} from "../../dialects/arith/index.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { defining } from "../../src/ir/defining.ts";
import { before, elementWidth, intOrSplat } from "./match.ts";

type IntLike = ArithLike<IntegerType | IndexType>;
type FixedIntLike = ArithLike<IntegerType>;

/** The bit width of a (vector/tensor of) integer or index, index as 64 bits. */
function castWidth(t: Type): number {
  const e = elementTypeOrSelf(t);
  return e instanceof IntegerType ? e.width : 64;
}

/**
 * Whether cast(cast(x)) back to x's type is the identity: only when the middle type is at least as wide as
 * x's. (MLIR 16's IndexCastOfIndexCast also folds index -> i1 -> index, which truncates: checkRewrite found it.)
 */
const roundTripIsExact = (x: Type, middle: Type): boolean => castWidth(middle) >= castWidth(x);

/**
 * index_cast(index_cast(x)) -> x when the result has x's type and the middle type loses nothing.
 *
 *   %i = arith.index_cast %x : i32 to index
 *   %r = arith.index_cast %i : index to i32     ->   uses of %r use %x
 */
export const indexCastOfIndexCast = rewrite({
  name: "arith.index_cast-of-index_cast",
  examples: [
    { ir: "^bb0(%x: $N):\n  %i = arith.index_cast %x : $N to index\n  %r = arith.index_cast %i : index to $N", types: { N: ["i8", "i16", "i32", "i64"] } },
    // Through a narrower type the round trip truncates: the pattern must not fire.
    "^bb0(%x: index):\n  %i = arith.index_cast %x : index to $N\n  %r = arith.index_cast %i : $N to index",
  ],
  root: IndexCastOp,
  apply(op, rw) {
    const inner = defining(op.in, IndexCastOp);
    if (inner === undefined || inner.in.type !== op.out.type) return rw.fail("not index_cast(index_cast(x)) back to x's type");
    if (!roundTripIsExact(inner.in.type, inner.out.type)) return rw.fail("the middle type is narrower: the round trip truncates");
    rw.replaceOp(op, [inner.in]);
    return rw.done();
  },
});

/**
 * index_cast(extsi(x)) -> index_cast(x): index_cast sign-extends already.
 *
 *   %e = arith.extsi %x : i16 to i32
 *   %r = arith.index_cast %e : i32 to index     ->   %r = arith.index_cast %x : i16 to index
 */
export const indexCastOfExtsi = rewrite({
  name: "arith.index_cast-of-extsi",
  examples: [{ ir: "^bb0(%x: $N):\n  %e = arith.extsi %x : $N to $W\n  %r = arith.index_cast %e : $W to index", types: { N: ["i1", "i8", "i16"], W: ["i32", "i64"] } }],
  root: IndexCastOp,
  apply(op, rw) {
    const ext = defining(op.in, ExtSIOp);
    if (ext === undefined) return rw.fail("the operand is not extsi");
    before(rw, op, () => rw.replaceOpWithNew(op, IndexCastOp, { in: ext.in, out: op.out.type }));
    return rw.done();
  },
});

/**
 * index_castui(index_castui(x)) -> x when the result has x's type and the middle type loses nothing.
 *
 *   %i = arith.index_castui %x : i32 to index
 *   %r = arith.index_castui %i : index to i32   ->   uses of %r use %x
 */
export const indexCastuiOfIndexCastui = rewrite({
  name: "arith.index_castui-of-index_castui",
  examples: [
    { ir: "^bb0(%x: $N):\n  %i = arith.index_castui %x : $N to index\n  %r = arith.index_castui %i : index to $N", types: { N: ["i8", "i16", "i32", "i64"] } },
    "^bb0(%x: index):\n  %i = arith.index_castui %x : index to $N\n  %r = arith.index_castui %i : $N to index",
  ],
  root: IndexCastUIOp,
  apply(op, rw) {
    const inner = defining(op.in, IndexCastUIOp);
    if (inner === undefined || inner.in.type !== op.out.type) return rw.fail("not index_castui(index_castui(x)) back to x's type");
    if (!roundTripIsExact(inner.in.type, inner.out.type)) return rw.fail("the middle type is narrower: the round trip truncates");
    rw.replaceOp(op, [inner.in]);
    return rw.done();
  },
});

/**
 * index_castui(extui(x)) -> index_castui(x): index_castui zero-extends already.
 *
 *   %e = arith.extui %x : i16 to i32
 *   %r = arith.index_castui %e : i32 to index   ->   %r = arith.index_castui %x : i16 to index
 */
export const indexCastuiOfExtui = rewrite({
  name: "arith.index_castui-of-extui",
  examples: [{ ir: "^bb0(%x: $N):\n  %e = arith.extui %x : $N to $W\n  %r = arith.index_castui %e : $W to index", types: { N: ["i1", "i8", "i16"], W: ["i32", "i64"] } }],
  root: IndexCastUIOp,
  apply(op, rw) {
    const ext = defining(op.in, ExtUIOp);
    if (ext === undefined) return rw.fail("the operand is not extui");
    before(rw, op, () => rw.replaceOpWithNew(op, IndexCastUIOp, { in: ext.in, out: op.out.type }));
    return rw.done();
  },
});

/**
 * bitcast(bitcast(x)) -> x, or a single bitcast when the result type is not x's.
 *
 *   %b = arith.bitcast %x : f32 to i32
 *   %r = arith.bitcast %b : i32 to f32          ->   uses of %r use %x
 */
export const bitcastOfBitcast = rewrite({
  name: "arith.bitcast-of-bitcast",
  examples: [
    { ir: "^bb0(%x: $F):\n  %b = arith.bitcast %x : $F to $I\n  %r = arith.bitcast %b : $I to $F", types: { F: ["f16", "f32", "f64"], I: ["i16", "i32", "i64"] } },
    { ir: "^bb0(%x: $I):\n  %b = arith.bitcast %x : $I to $F\n  %r = arith.bitcast %b : $F to $I", types: { F: ["f16", "f32", "f64"], I: ["i16", "i32", "i64"] } },
  ],
  root: BitcastOp,
  apply(op, rw) {
    const inner = defining(op.in, BitcastOp);
    if (inner === undefined) return rw.fail("the operand is not bitcast");
    if (inner.in.type === op.out.type) rw.replaceOp(op, [inner.in]);
    else before(rw, op, () => rw.replaceOpWithNew(op, BitcastOp, { in: inner.in, out: op.out.type }));
    return rw.done();
  },
});

/**
 * extsi(extui(x)) -> extui(x): after a zero extension the sign bit is 0, so sign extension extends with zeros.
 *
 *   %e = arith.extui %x : i8 to i16
 *   %r = arith.extsi %e : i16 to i32            ->   %r = arith.extui %x : i8 to i32
 */
export const extsiOfExtui = rewrite({
  name: "arith.extsi-of-extui",
  examples: [{ ir: "^bb0(%x: $N):\n  %e = arith.extui %x : $N to $M\n  %r = arith.extsi %e : $M to $W", types: { N: ["i1", "i8"], M: ["i16", "i32"], W: ["i32", "i64"] } }],
  root: ExtSIOp,
  apply(op, rw) {
    const inner = defining(op.in, ExtUIOp);
    if (inner === undefined) return rw.fail("the operand is not extui");
    before(rw, op, () => rw.replaceOpWithNew(op, ExtUIOp, { in: inner.in, out: op.out.type }));
    return rw.done();
  },
});

/** True when the element widths are known and `a`'s is wider than `b`'s (MLIR's ValueWiderThan). */
function widerThan(a: Value, b: Value): boolean {
  const [wa, wb] = [elementWidth(a.type), elementWidth(b.type)];
  return wa !== undefined && wb !== undefined && wb > 0 && wa > wb;
}

/**
 * trunci(extsi(x)) -> extsi(x) when only sign-extension bits are truncated (x narrower than the result).
 * Newer MLIR's pattern; MLIR 16 leaves this chain alone.
 *
 *   %e = arith.extsi %x : i8 to i32
 *   %r = arith.trunci %e : i32 to i16           ->   %r = arith.extsi %x : i8 to i16
 */
export const trunciOfExtsi = truncOfExt(ExtSIOp, "arith.trunci-of-extsi");

/**
 * trunci(extui(x)) -> extui(x) when only zero-extension bits are truncated (x narrower than the result).
 * Newer MLIR's pattern; MLIR 16 leaves this chain alone.
 *
 *   %e = arith.extui %x : i8 to i32
 *   %r = arith.trunci %e : i32 to i16           ->   %r = arith.extui %x : i8 to i16
 */
export const trunciOfExtui = truncOfExt(ExtUIOp, "arith.trunci-of-extui");

function truncOfExt(ext: typeof ExtSIOp | typeof ExtUIOp, name: string): Pattern {
  const e = ext.info?.name ?? "";
  return rewrite({
    name,
    root: TruncIOp,
    // Truncating into the extension, or below it (where the pattern must not fire).
    examples: [
      { ir: `^bb0(%x: $N):\n  %e = ${e} %x : $N to $W\n  %r = arith.trunci %e : $W to $M`, types: { N: ["i1", "i8"], M: ["i16"], W: ["i32", "i64"] } },
      { ir: `^bb0(%x: $N):\n  %e = ${e} %x : $N to $W\n  %r = arith.trunci %e : $W to $M`, types: { N: ["i8", "i16", "i32"], M: ["i1", "i8", "i16"], W: ["i64"] } },
    ],
    apply(op, rw) {
      const inner = defining(op.in, ext);
      if (inner === undefined) return rw.fail(`the operand is not ${ext.info?.name}`);
      if (!widerThan(inner.out, op.out) || !widerThan(op.out, inner.in)) return rw.fail("the truncation does not stop inside the extension");
      before(rw, op, () => rw.replaceOpWithNew(op, ext as typeof ExtSIOp, { in: inner.in, out: op.out.type }));
      return rw.done();
    },
  });
}

/** True when the shift amount `amount` (a scalar or splat constant) equals width(wide) - width(narrow). */
function shiftMatchesTruncation(wide: Value, narrow: Value, amount: Value): boolean {
  const [ww, wn, c] = [elementWidth(wide.type), elementWidth(narrow.type), intOrSplat(amount)];
  return ww !== undefined && wn !== undefined && c !== undefined && c === BigInt(ww - wn);
}

/**
 * trunci(shrsi(x, c)) -> trunci(shrui(x, c)) when c is the number of truncated bits: the bits shifted in
 * (copies of the sign, or zeros) are all truncated away.
 *
 *   %s = arith.shrsi %x, %c32 : i64                 %s = arith.shrui %x, %c32 : i64
 *   %r = arith.trunci %s : i64 to i32          ->   %r = arith.trunci %s : i64 to i32
 */
export const trunciShrsiToTrunciShrui = rewrite({
  name: "arith.trunci-shrsi-to-trunci-shrui",
  examples: [
    "^bb0(%x: i64):\n  %c = arith.constant ?{32|31|33} : i64\n  %s = arith.shrsi %x, %c : i64\n  %r = arith.trunci %s : i64 to i32",
    "^bb0(%x: i16):\n  %c = arith.constant 8 : i16\n  %s = arith.shrsi %x, %c : i16\n  %r = arith.trunci %s : i16 to i8",
  ],
  root: TruncIOp,
  apply(op, rw) {
    const shift = defining(op.in, ShRSIOp);
    if (shift === undefined || constantAttr(shift.rhs) === undefined) return rw.fail("the operand is not shrsi by a constant");
    if (!shiftMatchesTruncation(shift.lhs, op.out, shift.rhs)) return rw.fail("the shift amount is not the number of truncated bits");
    before(rw, op, () => {
      // MLIR re-materialises the shift amount as a new constant; the folder deduplicates it.
      const amountAttr = constantAttr(shift.rhs) as ConstantOp["value"];
      const amount = rw.create(ConstantOp, { value: amountAttr }).result as Value<IntLike>;
      const shrui = rw.create(ShRUIOp, { lhs: shift.lhs, rhs: amount }).result as Value<FixedIntLike>;
      rw.replaceOpWithNew(op, TruncIOp, { in: shrui, out: op.out.type });
    });
    return rw.done();
  },
});

/**
 * trunci(shrui(muli(ext(x), ext(y)), c)) -> the high half of mul*_extended(x, y), when x, y and the result
 * have one type, the product is wider, and c is the difference in width.
 *
 *   %a = arith.extsi %x : i32 to i64
 *   %b = arith.extsi %y : i32 to i64
 *   %m = arith.muli %a, %b : i64
 *   %h = arith.shrui %m, %c32 : i64
 *   %r = arith.trunci %h : i64 to i32           ->   %lo, %r = arith.mulsi_extended %x, %y : i32
 */
export const trunciShruiMuliToMulsiExtended = trunciHighHalf(ExtSIOp, MulSIExtendedOp, "arith.trunci-shrui-muli-to-mulsi_extended");
export const trunciShruiMuliToMuluiExtended = trunciHighHalf(ExtUIOp, MulUIExtendedOp, "arith.trunci-shrui-muli-to-mului_extended");

function trunciHighHalf(ext: typeof ExtSIOp | typeof ExtUIOp, extended: typeof MulSIExtendedOp | typeof MulUIExtendedOp, name: string): Pattern {
  const e = ext.info?.name ?? "";
  const example = (n: string, w: string, shift: string, ny = n): string =>
    `^bb0(%x: ${n}, %y: ${ny}):\n  %a = ${e} %x : ${n} to ${w}\n  %b = ${e} %y : ${ny} to ${w}\n  %m = arith.muli %a, %b : ${w}\n` +
    `  %c = arith.constant ${shift} : ${w}\n  %h = arith.shrui %m, %c : ${w}\n  %r = arith.trunci %h : ${w} to ${n}`;
  return rewrite({
    name,
    root: TruncIOp,
    // The last one extends operands of two types: the pattern must not fire.
    examples: [example("i32", "i64", "?{32|31}"), example("i8", "i16", "8"), example("i32", "i64", "32", "i16")],
    apply(op, rw) {
      const shift = defining(op.in, ShRUIOp);
      const mul = shift === undefined ? undefined : defining(shift.lhs, MulIOp);
      const [ex, ey] = mul === undefined ? [undefined, undefined] : [defining(mul.lhs, ext), defining(mul.rhs, ext)];
      if (shift === undefined || mul === undefined || ex === undefined || ey === undefined || constantAttr(shift.rhs) === undefined) {
        return rw.fail(`not trunci(shrui(muli(${ext.info?.name}(x), ${ext.info?.name}(y)), c))`);
      }
      const [x, y] = [ex.in, ey.in];
      if (x.type !== op.out.type || y.type !== op.out.type) return rw.fail("x, y and the result do not have one type");
      if (!widerThan(mul.result, x) || !shiftMatchesTruncation(mul.result, x, shift.rhs)) return rw.fail("the shift does not select the high half");
      const created = before(rw, op, () => rw.create(extended as typeof MulSIExtendedOp, { lhs: x as Value<IntLike>, rhs: y as Value<IntLike> }));
      rw.replaceOp(op, [created.high]);
      return rw.done();
    },
  });
}

/** Every cast pattern of this file. */
export const arithCastPatterns: readonly Pattern[] = [
  indexCastOfIndexCast,
  indexCastOfExtsi,
  indexCastuiOfIndexCastui,
  indexCastuiOfExtui,
  bitcastOfBitcast,
  extsiOfExtui,
  trunciOfExtsi,
  trunciOfExtui,
  trunciShrsiToTrunciShrui,
  trunciShruiMuliToMulsiExtended,
  trunciShruiMuliToMuluiExtended,
];

