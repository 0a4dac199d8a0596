/**
 * Affine expressions, as in MLIR's `AffineExpr`: dims `d<i>`, symbols `s<i>`, integer constants, and the
 * binary forms `+`, `*`, `mod`, `floordiv`, `ceildiv`.
 *
 * Expressions are immutable and interned, so `a === b` is structural equality. The only way to build a
 * binary expression is through the simplifying builders (`affineBinary`, `affineAdd`, ..., or the methods
 * `e.add(x)`, ...). They apply exactly the local rewrites MLIR 16's builders apply (constant folding,
 * `x + 0`, `x * 1`, constants moved to the right, `(x + c1) + c2`, `x - (x floordiv c) * c` -> `x mod c`,
 * ...), so an expression built from parsed text prints as `mlir-opt-16` prints it. MLIR's separate,
 * flattening `simplifyAffineExpr` is not part of this.
 *
 * Constants are JS numbers restricted to safe integers; folding that would leave that range throws.
 */
import { type Interned, intern } from "./uniquer.ts";

export type AffineBinaryKind = "add" | "mul" | "mod" | "floordiv" | "ceildiv";
export type AffineExprKind = "dim" | "symbol" | "constant" | AffineBinaryKind;
export type AffineExpr = AffineDimExpr | AffineSymbolExpr | AffineConstantExpr | AffineBinaryExpr;
/** Builders accept a plain number for a constant operand. */
export type AffineExprLike = AffineExpr | number;

abstract class AffineExprBase implements Interned {
  abstract readonly kind: AffineExprKind;
  constructor(
    readonly id: number,
    /** 1 + the largest dim position used, 0 when no dim is used. */
    readonly dimBound: number,
    /** 1 + the largest symbol position used, 0 when no symbol is used. */
    readonly symbolBound: number,
  ) {}

  private get self(): AffineExpr {
    return this as unknown as AffineExpr;
  }
  /** True when no dim occurs in the expression (MLIR's isSymbolicOrConstant). */
  isSymbolicOrConstant(): boolean {
    return this.dimBound === 0;
  }
  add(rhs: AffineExprLike): AffineExpr {
    return affineAdd(this.self, rhs);
  }
  sub(rhs: AffineExprLike): AffineExpr {
    return affineSub(this.self, rhs);
  }
  mul(rhs: AffineExprLike): AffineExpr {
    return affineMul(this.self, rhs);
  }
  neg(): AffineExpr {
    return affineNeg(this.self);
  }
  mod(rhs: AffineExprLike): AffineExpr {
    return affineMod(this.self, rhs);
  }
  floorDiv(rhs: AffineExprLike): AffineExpr {
    return affineFloorDiv(this.self, rhs);
  }
  ceilDiv(rhs: AffineExprLike): AffineExpr {
    return affineCeilDiv(this.self, rhs);
  }
  evaluate(dims: readonly number[], symbols: readonly number[] = []): number {
    return evaluateAffineExpr(this.self, dims, symbols);
  }
  toString(): string {
    return printAffineExpr(this.self);
  }
}

export class AffineDimExpr extends AffineExprBase {
  readonly kind = "dim";
  private constructor(
    id: number,
    readonly position: number,
  ) {
    super(id, position + 1, 0);
  }
  static get(position: number): AffineDimExpr {
    checkPosition("dim", position);
    return intern(`affine.dim:${position}`, (id) => new AffineDimExpr(id, position));
  }
}

export class AffineSymbolExpr extends AffineExprBase {
  readonly kind = "symbol";
  private constructor(
    id: number,
    readonly position: number,
  ) {
    super(id, 0, position + 1);
  }
  static get(position: number): AffineSymbolExpr {
    checkPosition("symbol", position);
    return intern(`affine.sym:${position}`, (id) => new AffineSymbolExpr(id, position));
  }
}

export class AffineConstantExpr extends AffineExprBase {
  readonly kind = "constant";
  private constructor(
    id: number,
    readonly value: number,
  ) {
    super(id, 0, 0);
  }
  static get(value: number): AffineConstantExpr {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`affine constant ${value} is not an integer in the safe range ±(2^53 - 1)`);
    }
    const v = value === 0 ? 0 : value; // -0 and 0 are one constant
    return intern(`affine.const:${v}`, (id) => new AffineConstantExpr(id, v));
  }
}

export class AffineBinaryExpr extends AffineExprBase {
  private constructor(
    id: number,
    readonly kind: AffineBinaryKind,
    readonly lhs: AffineExpr,
    readonly rhs: AffineExpr,
  ) {
    super(id, Math.max(lhs.dimBound, rhs.dimBound), Math.max(lhs.symbolBound, rhs.symbolBound));
  }
  /**
   * The simplifying builder (MLIR's getAffineBinaryOpExpr). Throws on a multiplication with no symbolic or
   * constant operand, and on a `mod`/`floordiv`/`ceildiv` whose right operand uses a dim: such expressions
   * are not affine and MLIR's parser rejects them (see `nonAffineReason`).
   */
  static get(kind: AffineBinaryKind, lhsLike: AffineExprLike, rhsLike: AffineExprLike): AffineExpr {
    const lhs = toExpr(lhsLike);
    const rhs = toExpr(rhsLike);
    const reason = nonAffineReason(kind, lhs, rhs);
    if (reason !== undefined) throw new Error(`${reason} (in ${printAffineExpr(lhs)} ${kind} ${printAffineExpr(rhs)})`);
    const simplified = simplify(kind, lhs, rhs);
    if (simplified !== undefined) return simplified;
    return intern(`affine.${kind}:${lhs.id},${rhs.id}`, (id) => new AffineBinaryExpr(id, kind, lhs, rhs));
  }
}

function checkPosition(what: string, position: number): void {
  if (!Number.isInteger(position) || position < 0 || position > 0xffff_ffff) {
    throw new RangeError(`affine ${what} position ${position} is not a non-negative integer`);
  }
}

function toExpr(e: AffineExprLike): AffineExpr {
  return typeof e === "number" ? AffineConstantExpr.get(e) : e;
}

// ---------------------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------------------

export const affineDim = (position: number): AffineDimExpr => AffineDimExpr.get(position);
export const affineSymbol = (position: number): AffineSymbolExpr => AffineSymbolExpr.get(position);
export const affineConstant = (value: number): AffineConstantExpr => AffineConstantExpr.get(value);

/** Builds `lhs <kind> rhs` with MLIR's builder simplifications; the parser's entry point. */
export function affineBinary(kind: AffineBinaryKind, lhs: AffineExprLike, rhs: AffineExprLike): AffineExpr {
  return AffineBinaryExpr.get(kind, lhs, rhs);
}
export const affineAdd = (lhs: AffineExprLike, rhs: AffineExprLike): AffineExpr => affineBinary("add", lhs, rhs);
export const affineMul = (lhs: AffineExprLike, rhs: AffineExprLike): AffineExpr => affineBinary("mul", lhs, rhs);
export const affineMod = (lhs: AffineExprLike, rhs: AffineExprLike): AffineExpr => affineBinary("mod", lhs, rhs);
export const affineFloorDiv = (lhs: AffineExprLike, rhs: AffineExprLike): AffineExpr =>
  affineBinary("floordiv", lhs, rhs);
export const affineCeilDiv = (lhs: AffineExprLike, rhs: AffineExprLike): AffineExpr =>
  affineBinary("ceildiv", lhs, rhs);
/** `-e`, built as MLIR does: `e * -1`. */
export const affineNeg = (e: AffineExprLike): AffineExpr => affineMul(e, -1);
/** `lhs - rhs`, built as MLIR does: `lhs + rhs * -1`. */
export const affineSub = (lhs: AffineExprLike, rhs: AffineExprLike): AffineExpr => affineAdd(lhs, affineNeg(rhs));

/**
 * Why `lhs <kind> rhs` is not affine, in the words of MLIR's parser, or undefined when it is. `mul` needs a
 * symbolic-or-constant operand; the divisor of `mod`/`floordiv`/`ceildiv` must be symbolic or constant.
 */
export function nonAffineReason(kind: AffineBinaryKind, lhs: AffineExpr, rhs: AffineExpr): string | undefined {
  switch (kind) {
    case "add":
      return undefined;
    case "mul":
      if (lhs.isSymbolicOrConstant() || rhs.isSymbolicOrConstant()) return undefined;
      return "non-affine expression: at least one of the multiply operands has to be either a constant or symbolic";
    case "floordiv":
    case "ceildiv":
    case "mod":
      if (rhs.isSymbolicOrConstant()) return undefined;
      return `non-affine expression: right operand of ${kind} has to be either a constant or symbolic`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Simplification on construction (mirrors MLIR's simplifyAdd/Mul/FloorDiv/CeilDiv/Mod)
// ---------------------------------------------------------------------------------------------------------

function simplify(kind: AffineBinaryKind, lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  switch (kind) {
    case "add":
      return simplifyAdd(lhs, rhs);
    case "mul":
      return simplifyMul(lhs, rhs);
    case "floordiv":
      return simplifyFloorDiv(lhs, rhs);
    case "ceildiv":
      return simplifyCeilDiv(lhs, rhs);
    case "mod":
      return simplifyMod(lhs, rhs);
  }
}

const constValue = (e: AffineExpr): number | undefined => (e.kind === "constant" ? e.value : undefined);

/** `e` as `x * c` with a constant `c`, or undefined. */
function asScaled(e: AffineExpr): { x: AffineExpr; c: number } | undefined {
  if (e.kind !== "mul" || e.rhs.kind !== "constant") return undefined;
  return { x: e.lhs, c: e.rhs.value };
}

function simplifyAdd(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  const lc = constValue(lhs);
  const rc = constValue(rhs);
  if (lc !== undefined && rc !== undefined) return affineConstant(checkedAdd(lc, rc));

  // Canonical order: a constant goes right; so does the symbolic operand when only one is symbolic.
  if (lc !== undefined || (lhs.isSymbolicOrConstant() && !rhs.isSymbolicOrConstant())) return affineAdd(rhs, lhs);

  if (rc === 0) return lhs;

  // (x + c1) + c2 -> x + (c1 + c2)
  if (lhs.kind === "add" && lhs.rhs.kind === "constant" && rc !== undefined) {
    return affineAdd(lhs.lhs, checkedAdd(lhs.rhs.value, rc));
  }

  // x * c1 + x * c2 -> x * (c1 + c2), where a bare x counts as x * 1.
  const left = asScaled(lhs) ?? { x: lhs, c: 1 };
  const right = asScaled(rhs) ?? { x: rhs, c: 1 };
  if (left.x === right.x) return affineMul(left.x, checkedAdd(left.c, right.c));

  // (x + c) + y -> (x + y) + c, keeping the constant outermost.
  if (lhs.kind === "add" && lhs.rhs.kind === "constant") return affineAdd(affineAdd(lhs.lhs, rhs), lhs.rhs);

  // x + (x floordiv q) * q * -1 -> x mod q, for a constant or symbolic q.
  if (rhs.kind !== "mul") return undefined;
  const product = rhs.lhs;
  const factor = rhs.rhs;
  if (factor.kind === "constant" && factor.value === -1 && product.kind === "mul") {
    const quotient = product.lhs;
    if (quotient.kind !== "floordiv") return undefined;
    if (quotient.rhs === product.rhs && quotient.lhs === lhs) return affineMod(lhs, product.rhs);
  }
  // x + (x floordiv q) * -q -> x mod q
  if (product.kind !== "floordiv") return undefined;
  if (product.lhs === lhs && product.rhs === affineNeg(factor)) return affineMod(lhs, product.rhs);
  return undefined;
}

function simplifyMul(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  const lc = constValue(lhs);
  const rc = constValue(rhs);
  if (lc !== undefined && rc !== undefined) return affineConstant(checkedMul(lc, rc));

  // Canonical order: the symbolic-or-constant operand goes right, and a constant goes right of a symbol.
  if (!rhs.isSymbolicOrConstant() || lc !== undefined) return affineMul(rhs, lhs);

  if (rc === 1) return lhs;
  if (rc === 0) return rhs;

  if (lhs.kind === "mul" && lhs.rhs.kind === "constant") {
    // (x * c1) * c2 -> x * (c1 * c2)
    if (rc !== undefined) return affineMul(lhs.lhs, checkedMul(lhs.rhs.value, rc));
    // (x * c) * y -> (x * y) * c, keeping the constant outermost.
    return affineMul(affineMul(lhs.lhs, rhs), lhs.rhs);
  }
  return undefined;
}

function simplifyFloorDiv(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  const divisor = constValue(rhs);
  // Division by zero or a negative number is left as written, as in MLIR.
  if (divisor === undefined || divisor < 1) return undefined;
  const lc = constValue(lhs);
  if (lc !== undefined) return affineConstant(floorDivInt(lc, divisor));
  if (divisor === 1) return lhs;

  // (x * c) floordiv d -> x * (c / d) when d divides c.
  const scaled = asScaled(lhs);
  if (scaled !== undefined && scaled.c % divisor === 0) return affineMul(scaled.x, scaled.c / divisor);

  // (a + b) floordiv d -> a floordiv d + b floordiv d when d divides a or b.
  if (lhs.kind === "add") {
    const d = BigInt(divisor);
    if (largestKnownDivisor(lhs.lhs) % d === 0n || largestKnownDivisor(lhs.rhs) % d === 0n) {
      return affineAdd(affineFloorDiv(lhs.lhs, divisor), affineFloorDiv(lhs.rhs, divisor));
    }
  }
  return undefined;
}

function simplifyCeilDiv(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  const divisor = constValue(rhs);
  if (divisor === undefined || divisor < 1) return undefined;
  const lc = constValue(lhs);
  if (lc !== undefined) return affineConstant(ceilDivInt(lc, divisor));
  if (divisor === 1) return lhs;

  const scaled = asScaled(lhs);
  if (scaled !== undefined && scaled.c % divisor === 0) return affineMul(scaled.x, scaled.c / divisor);
  return undefined;
}

function simplifyMod(lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  const divisor = constValue(rhs);
  if (divisor === undefined || divisor < 1) return undefined;
  const lc = constValue(lhs);
  if (lc !== undefined) return affineConstant(modInt(lc, divisor));

  const d = BigInt(divisor);
  // x mod d -> 0 when x is known to be a multiple of d (this also covers d = 1).
  if (largestKnownDivisor(lhs) % d === 0n) return affineConstant(0);

  // (a + b) mod d -> b mod d when d divides a (and symmetrically).
  if (lhs.kind === "add") {
    if (largestKnownDivisor(lhs.lhs) % d === 0n) return affineMod(lhs.rhs, divisor);
    if (largestKnownDivisor(lhs.rhs) % d === 0n) return affineMod(lhs.lhs, divisor);
  }

  // (x mod a) mod d -> x mod d when d divides a.
  if (lhs.kind === "mod" && lhs.rhs.kind === "constant") {
    const inner = lhs.rhs.value;
    if (inner >= 1 && inner % divisor === 0) return affineMod(lhs.lhs, divisor);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

export const isAffineBinary = (e: AffineExpr): e is AffineBinaryExpr =>
  e.kind !== "dim" && e.kind !== "symbol" && e.kind !== "constant";

/**
 * The greatest integer known to divide every value of `e` (MLIR's getLargestKnownDivisor; a constant's is
 * its magnitude, so the constant 0 gives 0). A bigint, because a product of constants can pass 2^53.
 */
export function largestKnownDivisor(e: AffineExpr): bigint {
  switch (e.kind) {
    case "dim":
    case "symbol":
    case "floordiv":
    case "ceildiv":
      return 1n;
    case "constant":
      return BigInt(Math.abs(e.value));
    case "mul":
      return largestKnownDivisor(e.lhs) * largestKnownDivisor(e.rhs);
    case "add":
    case "mod":
      return gcd(largestKnownDivisor(e.lhs), largestKnownDivisor(e.rhs));
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** True when only `+`, and `*`/`mod`/`floordiv`/`ceildiv` by constants occur (MLIR's isPureAffine). */
export function isPureAffine(e: AffineExpr): boolean {
  switch (e.kind) {
    case "dim":
    case "symbol":
    case "constant":
      return true;
    case "add":
      return isPureAffine(e.lhs) && isPureAffine(e.rhs);
    case "mul":
      return (
        isPureAffine(e.lhs) && isPureAffine(e.rhs) && (e.lhs.kind === "constant" || e.rhs.kind === "constant")
      );
    case "mod":
    case "floordiv":
    case "ceildiv":
      return isPureAffine(e.lhs) && e.rhs.kind === "constant";
  }
}

export function isFunctionOfDim(e: AffineExpr, position: number): boolean {
  if (e.dimBound <= position) return false;
  if (e.kind === "dim") return e.position === position;
  return isAffineBinary(e) && (isFunctionOfDim(e.lhs, position) || isFunctionOfDim(e.rhs, position));
}

export function isFunctionOfSymbol(e: AffineExpr, position: number): boolean {
  if (e.symbolBound <= position) return false;
  if (e.kind === "symbol") return e.position === position;
  return isAffineBinary(e) && (isFunctionOfSymbol(e.lhs, position) || isFunctionOfSymbol(e.rhs, position));
}

/** Calls `visit` on every sub-expression, children before parents (MLIR's walk). */
export function walkAffineExpr(e: AffineExpr, visit: (e: AffineExpr) => void): void {
  if (isAffineBinary(e)) {
    walkAffineExpr(e.lhs, visit);
    walkAffineExpr(e.rhs, visit);
  }
  visit(e);
}

// ---------------------------------------------------------------------------------------------------------
// Substitution
// ---------------------------------------------------------------------------------------------------------

/**
 * Replaces `d<i>` by `dims[i]` and `s<i>` by `symbols[i]`, rebuilding (and so re-simplifying) what
 * changed. Positions past the end of a replacement list are kept.
 */
export function replaceDimsAndSymbols(
  e: AffineExpr,
  dims: readonly AffineExpr[],
  symbols: readonly AffineExpr[],
): AffineExpr {
  switch (e.kind) {
    case "constant":
      return e;
    case "dim":
      return dims[e.position] ?? e;
    case "symbol":
      return symbols[e.position] ?? e;
    default: {
      const lhs = replaceDimsAndSymbols(e.lhs, dims, symbols);
      const rhs = replaceDimsAndSymbols(e.rhs, dims, symbols);
      if (lhs === e.lhs && rhs === e.rhs) return e;
      return affineBinary(e.kind, lhs, rhs);
    }
  }
}

/** Replaces any sub-expression found as a key of `replacements` (outermost first; MLIR's replace). */
export function replaceAffineExprs(e: AffineExpr, replacements: ReadonlyMap<AffineExpr, AffineExpr>): AffineExpr {
  const direct = replacements.get(e);
  if (direct !== undefined) return direct;
  if (!isAffineBinary(e)) return e;
  const lhs = replaceAffineExprs(e.lhs, replacements);
  const rhs = replaceAffineExprs(e.rhs, replacements);
  if (lhs === e.lhs && rhs === e.rhs) return e;
  return affineBinary(e.kind, lhs, rhs);
}

/** Renames `d<i>` to `d<i + shift>` for `offset <= i < numDims`. */
export function shiftDims(e: AffineExpr, numDims: number, shift: number, offset = 0): AffineExpr {
  const dims: AffineExpr[] = [];
  for (let i = 0; i < numDims; i++) dims.push(affineDim(i < offset ? i : i + shift));
  return replaceDimsAndSymbols(e, dims, []);
}

/** Renames `s<i>` to `s<i + shift>` for `offset <= i < numSymbols`. */
export function shiftSymbols(e: AffineExpr, numSymbols: number, shift: number, offset = 0): AffineExpr {
  const symbols: AffineExpr[] = [];
  for (let i = 0; i < numSymbols; i++) symbols.push(affineSymbol(i < offset ? i : i + shift));
  return replaceDimsAndSymbols(e, [], symbols);
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------------------

function checkedResult(r: number, what: () => string): number {
  if (!Number.isSafeInteger(r)) throw new RangeError(`affine arithmetic overflow: ${what()} leaves the safe integer range`);
  return r === 0 ? 0 : r;
}
export const checkedAdd = (a: number, b: number): number => checkedResult(a + b, () => `${a} + ${b}`);
export const checkedMul = (a: number, b: number): number => checkedResult(a * b, () => `${a} * ${b}`);

const exactLimit = 2 ** 31;
const small = (a: number, b: number): boolean => Math.abs(a) < exactLimit && Math.abs(b) < exactLimit;

/** floor(a / b) for integers, b != 0 (either sign). */
export function floorDivInt(a: number, b: number): number {
  if (b === 0) throw new RangeError(`affine floordiv by zero (${a} floordiv 0)`);
  if (small(a, b)) return Math.floor(a / b) + 0;
  const [q, r] = [BigInt(a) / BigInt(b), BigInt(a) % BigInt(b)];
  return Number(r !== 0n && r < 0n !== b < 0 ? q - 1n : q);
}

/** ceil(a / b) for integers, b != 0 (either sign). */
export function ceilDivInt(a: number, b: number): number {
  if (b === 0) throw new RangeError(`affine ceildiv by zero (${a} ceildiv 0)`);
  if (small(a, b)) return Math.ceil(a / b) + 0;
  const [q, r] = [BigInt(a) / BigInt(b), BigInt(a) % BigInt(b)];
  return Number(r !== 0n && r < 0n === b < 0 ? q + 1n : q);
}

/** a mod b in [0, b), defined for b >= 1 only, as in MLIR. */
export function modInt(a: number, b: number): number {
  if (b < 1) throw new RangeError(`affine mod by a non-positive divisor (${a} mod ${b})`);
  const r = a % b; // exact for safe integers
  return r < 0 ? r + b : r + 0;
}

/** The value of `e` for the given dim and symbol values (floordiv/ceildiv round down/up; mod is >= 0). */
export function evaluateAffineExpr(e: AffineExpr, dims: readonly number[], symbols: readonly number[] = []): number {
  switch (e.kind) {
    case "constant":
      return e.value;
    case "dim": {
      const v = dims[e.position];
      if (v === undefined) throw new RangeError(`no value for d${e.position} (${dims.length} dims given)`);
      return v;
    }
    case "symbol": {
      const v = symbols[e.position];
      if (v === undefined) throw new RangeError(`no value for s${e.position} (${symbols.length} symbols given)`);
      return v;
    }
    default: {
      const l = evaluateAffineExpr(e.lhs, dims, symbols);
      const r = evaluateAffineExpr(e.rhs, dims, symbols);
      switch (e.kind) {
        case "add":
          return checkedAdd(l, r);
        case "mul":
          return checkedMul(l, r);
        case "floordiv":
          return floorDivInt(l, r);
        case "ceildiv":
          return ceilDivInt(l, r);
        case "mod":
          return modInt(l, r);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Printing (MLIR 16's AsmPrinter::printAffineExprInternal)
// ---------------------------------------------------------------------------------------------------------

/** Names a dim or symbol, for printing an expression over SSA values (`%arg0`, `symbol(%n)`). */
export type AffineOperandNamer = (position: number, isSymbol: boolean) => string;

const spelling: Record<AffineBinaryKind, string> = {
  add: " + ",
  mul: " * ",
  floordiv: " floordiv ",
  ceildiv: " ceildiv ",
  mod: " mod ",
};

/** Prints `e` exactly as MLIR 16 does, e.g. `d0 - d1 * 2 + s0 floordiv 4`. */
export function printAffineExpr(e: AffineExpr, names?: AffineOperandNamer): string {
  const out: string[] = [];
  printInto(e, false, out, names);
  return out.join("");
}

/** `strong`: the context binds tighter than `+`, so a binary expression needs parentheses. */
function printInto(e: AffineExpr, strong: boolean, out: string[], names: AffineOperandNamer | undefined): void {
  switch (e.kind) {
    case "dim":
      out.push(names ? names(e.position, false) : `d${e.position}`);
      return;
    case "symbol":
      out.push(names ? names(e.position, true) : `s${e.position}`);
      return;
    case "constant":
      out.push(String(e.value));
      return;
    default:
      break;
  }
  if (strong) out.push("(");
  if (e.kind !== "add") {
    if (e.kind === "mul" && e.rhs.kind === "constant" && e.rhs.value === -1) {
      out.push("-");
      printInto(e.lhs, true, out, names);
    } else {
      printInto(e.lhs, true, out, names);
      out.push(spelling[e.kind]);
      printInto(e.rhs, true, out, names);
    }
  } else {
    printSum(e.lhs, e.rhs, out, names);
  }
  if (strong) out.push(")");
}

/** `lhs + rhs`, written as a subtraction when rhs is a negative constant or a product with one. */
function printSum(lhs: AffineExpr, rhs: AffineExpr, out: string[], names: AffineOperandNamer | undefined): void {
  printInto(lhs, false, out, names);
  if (rhs.kind === "mul" && rhs.rhs.kind === "constant" && rhs.rhs.value < 0) {
    out.push(" - ");
    if (rhs.rhs.value === -1) {
      printInto(rhs.lhs, rhs.lhs.kind === "add", out, names);
    } else {
      printInto(rhs.lhs, true, out, names);
      out.push(` * ${-rhs.rhs.value}`);
    }
    return;
  }
  if (rhs.kind === "constant" && rhs.value < 0) {
    out.push(` - ${-rhs.value}`);
    return;
  }
  out.push(" + ");
  printInto(rhs, false, out, names);
}
