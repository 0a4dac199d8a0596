/**
 * Printing and comparing runtime values: what property tests need to say "same result" (bit-exact for
 * integers, NaN-aware and optionally ulp- or relative-tolerant for floats) and to show a counterexample.
 */
import { floatSemantics } from "../ir/float-bits.ts";
import { formatFloatBits } from "../text/float-format.ts";
import { printType } from "../text/print-attr.ts";
import { type MemRefValue, forEachIndex, loadElement } from "./memref.ts";
import {
  type Element,
  type ShapedValue,
  type FloatElement,
  type RuntimeValue,
  type ScalarType,
  type SupportedFloatKind,
  floatElementBits,
  floatKindOf,
  floatNumber,
  isIntLikeType,
  isNaNElement,
} from "./values.ts";

function formatElement(e: Element, type: ScalarType): string {
  if (typeof e === "bigint") return isIntLikeType(type) && type.kind === "integer" && type.width === 1 ? (e !== 0n ? "true" : "false") : String(e);
  const kind = floatKindOf(type as Exclude<ScalarType, { kind: "integer" | "index" }>);
  return formatFloatBits(floatElementBits(e, kind), kind);
}

function nest(elements: readonly string[], shape: readonly number[]): string {
  if (shape.length === 0) return elements[0] ?? "";
  const [outer, ...inner] = shape;
  const stride = inner.reduce((a, b) => a * b, 1);
  const parts = Array.from({ length: outer ?? 0 }, (_, i) => nest(elements.slice(i * stride, (i + 1) * stride), inner));
  return `[${parts.join(", ")}]`;
}

/** A value as MLIR would spell it as a constant: `42 : i32`, `0x7FC00000 : f32`, `dense<[1, 2]> : vector<2xi32>`. */
export function formatValue(v: RuntimeValue): string {
  switch (v.kind) {
    case "int":
    case "float":
      return `${formatElement(v.value, v.type)} : ${printType(v.type)}`;
    case "shaped": {
      const body = nest(v.elements.toArray().map((e) => formatElement(e, v.elementType)), v.shape);
      const dynamic = v.type.kind !== "vector" && (v.type.kind === "unranked_tensor" || v.type.shape.some((d) => d < 0));
      return `dense<${body}> : ${printType(v.type)}${dynamic ? ` (shape ${v.shape.join("x")})` : ""}`;
    }
    case "memref": {
      if (!v.allocation.isLive) return `freed memory : ${printType(v.type)}`;
      const body = nest(memrefElements(v).map((e) => formatElement(e, v.elementType)), v.shape);
      return `memref of dense<${body}> : ${printType(v.type)} (shape ${v.shape.join("x")}, strides ${v.strides.join("x")}, offset ${v.offset})`;
    }
    case "function":
      return `@${v.symbol} : ${printType(v.type)}`;
  }
}

export const formatValues = (vs: readonly RuntimeValue[]): string => `(${vs.map(formatValue).join(", ")})`;

/** Distance in units in the last place between two non-NaN values of `kind` (0 between -0 and +0). */
export function ulpDistance(a: number, b: number, kind: SupportedFloatKind): number {
  const width = kind === "f64" ? 64 : kind === "f32" ? 32 : 16;
  const sign = 1n << BigInt(width - 1);
  const ordered = (x: number): bigint => {
    const bits = floatElementBits(x, kind);
    return (bits & sign) !== 0n ? -(bits & ~sign) : bits;
  };
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

export interface FloatTolerance {
  /** Accept floats this many ulps apart (0: the same value). */
  readonly ulps?: number;
  /** Accept floats whose relative difference is at most this. */
  readonly relative?: number;
  /** Compare NaN payloads and signs too (default: any NaN equals any NaN, as LLVM leaves payloads unspecified). */
  readonly exactNaN?: boolean;
  /** Accept -0.0 for +0.0 (default: the sign of zero counts, as rewrites like x + 0.0 -> x must keep it). */
  readonly ignoreZeroSign?: boolean;
}

function floatsMatch(x: FloatElement, y: FloatElement, kind: SupportedFloatKind, tol: FloatTolerance): boolean {
  if (isNaNElement(x) || isNaNElement(y)) {
    if (!isNaNElement(x) || !isNaNElement(y)) return false;
    return tol.exactNaN !== true || floatElementBits(x, kind) === floatElementBits(y, kind);
  }
  const a = floatNumber(x);
  const b = floatNumber(y);
  if (Object.is(a, b)) return true;
  if (a === 0 && b === 0) return tol.ignoreZeroSign === true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return (tol.ulps ?? 0) > 0 && ulpDistance(a, b, kind) <= (tol.ulps ?? 0);
  if ((tol.ulps ?? 0) > 0 && ulpDistance(a, b, kind) <= (tol.ulps ?? 0)) return true;
  const rel = tol.relative ?? 0;
  return rel > 0 && Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

function elementsMatch(x: Element, y: Element, type: ScalarType, tol: FloatTolerance): boolean {
  if (typeof x === "bigint" || typeof y === "bigint") return x === y;
  return floatsMatch(x, y, floatKindOf(type as Exclude<ScalarType, { kind: "integer" | "index" }>), tol);
}

/**
 * Why `actual` differs from `expected`, or undefined when they match: same type and shape, integers equal,
 * floats equal within `tol` (by default: the same value, any NaN matching any NaN, -0.0 not matching +0.0).
 */
export function compareValues(expected: RuntimeValue, actual: RuntimeValue, tol: FloatTolerance = {}): string | undefined {
  if (expected.type !== actual.type) return `type ${printType(actual.type)} instead of ${printType(expected.type)}`;
  if (expected.kind === "function" || actual.kind === "function") {
    return expected.kind === "function" && actual.kind === "function" && expected.symbol === actual.symbol
      ? undefined
      : `${formatValue(actual)} instead of ${formatValue(expected)}`;
  }
  if ((expected.kind === "shaped" && actual.kind === "shaped") || (expected.kind === "memref" && actual.kind === "memref")) {
    if (expected.shape.join("x") !== actual.shape.join("x")) return `shape ${actual.shape.join("x")} instead of ${expected.shape.join("x")}`;
    if (expected.kind === "memref" && actual.kind === "memref" && expected.allocation.isLive !== actual.allocation.isLive) {
      return actual.allocation.isLive ? "live memory instead of freed memory" : "freed memory instead of live memory";
    }
    const xs = contentsOf(expected);
    const ys = contentsOf(actual);
    const i = xs.findIndex((e, k) => !elementsMatch(e, ys[k] as Element, expected.elementType, tol));
    if (i < 0) return undefined;
    return `element ${i} is ${formatElement(ys[i] as Element, expected.elementType)} instead of ${formatElement(xs[i] as Element, expected.elementType)}`;
  }
  if (expected.kind !== actual.kind || (expected.kind !== "int" && expected.kind !== "float") || (actual.kind !== "int" && actual.kind !== "float")) {
    return `${formatValue(actual)} instead of ${formatValue(expected)}`;
  }
  return elementsMatch(expected.value, actual.value, expected.type, tol) ? undefined : `${formatValue(actual)} instead of ${formatValue(expected)}`;
}

/** The elements a memref view shows, row-major (empty when its memory was freed). */
function memrefElements(m: MemRefValue): Element[] {
  if (!m.allocation.isLive) return [];
  const out: Element[] = [];
  forEachIndex(m.shape, (idx) => out.push(loadElement(m, idx)));
  return out;
}

const contentsOf = (v: ShapedValue | MemRefValue): Element[] => (v.kind === "shaped" ? v.elements.toArray() : memrefElements(v));

/** Compares result lists; the first difference, prefixed with its result index. */
export function compareResults(expected: readonly RuntimeValue[], actual: readonly RuntimeValue[], tol: FloatTolerance = {}): string | undefined {
  if (expected.length !== actual.length) return `${actual.length} results instead of ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const why = compareValues(expected[i] as RuntimeValue, actual[i] as RuntimeValue, tol);
    if (why !== undefined) return `result #${i}: ${why}`;
  }
  return undefined;
}

/** Bit-exact equality (NaN payloads and zero signs included). */
export const sameValue = (a: RuntimeValue, b: RuntimeValue): boolean => compareValues(a, b, { exactNaN: true }) === undefined;

/** The number of significand bits of a kind (for callers choosing a relative tolerance). */
export const precisionOf = (kind: SupportedFloatKind): number => floatSemantics(kind).precision;
