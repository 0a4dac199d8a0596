/**
 * Elementwise application: the one loop behind every op that works on scalars, vectors and tensors alike
 * (MLIR's Elementwise trait). Operands are same-shaped (or scalars); results take the op's result types and
 * the operands' concrete shape. A failure inside the loop names the element it happened at.
 */
import { roundToKind } from "../ir/float-bits.ts";
import type { FloatType, Type } from "../ir/types.ts";
import { type ElementBuffer, newBuffer } from "./buffer.ts";
import { InterpFailure, fail, unsupported } from "./errors.ts";
import {
  type Element,
  type FloatElement,
  type IntLikeType,
  type RuntimeValue,
  type ScalarType,
  type ShapedRuntimeType,
  type ShapedValue,
  type SupportedFloatKind,
  describeType,
  floatKindOf,
  intWidth,
  isIntLikeType,
  isScalarType,
  isShapedRuntimeType,
  isSupportedFloatType,
  normalizeElement,
} from "./values.ts";

/** What elementwise code needs to know of a result or operand type; cached per (interned) type. */
interface ElementInfo {
  readonly elementType: ScalarType;
  readonly shaped: boolean;
  /** The integer bit width, or undefined for floats. */
  readonly width: number | undefined;
  /** The float kind, or undefined for integers. */
  readonly kind: SupportedFloatKind | undefined;
  /** Brings an element computed by a kernel into the canonical form of the element type. */
  readonly normalize: (e: Element) => Element;
}

const infoCache = new Map<Type, ElementInfo>();

function computeInfo(t: Type): ElementInfo {
  const shaped = isShapedRuntimeType(t);
  const e = shaped ? t.elementType : t;
  if (!isScalarType(e)) unsupported(`values of type ${describeType(t)} are not supported by the interpreter`);
  if (isIntLikeType(e)) {
    const width = intWidth(e);
    const unsignedType = e.kind === "integer" && e.signedness === "unsigned";
    const normalize = unsignedType ? (x: Element) => BigInt.asUintN(width, x as bigint) : (x: Element) => BigInt.asIntN(width, x as bigint);
    return { elementType: e, shaped, width, kind: undefined, normalize };
  }
  if (!isSupportedFloatType(e)) unsupported(`the interpreter does not support ${describeType(e)}`);
  const kind = floatKindOf(e);
  const normalize = (x: Element): Element => (typeof x === "number" ? (Number.isNaN(x) ? NaN : roundToKind(x, kind)) : normalizeElement(e, x));
  return { elementType: e, shaped, width: undefined, kind, normalize };
}

function infoOf(t: Type): ElementInfo {
  let info = infoCache.get(t);
  if (info === undefined) infoCache.set(t, (info = computeInfo(t)));
  return info;
}

/** The scalar element type of a scalar, vector or tensor type; an unsupported-type failure otherwise. */
export function elementTypeOf(t: Type): ScalarType {
  return infoOf(t).elementType;
}

/** The bit width of an integer-like (or shaped integer-like) type's elements. */
export function intElementWidth(t: Type): number {
  const width = infoOf(t).width;
  if (width === undefined) fail("internal", `expected an integer-like type, got ${describeType(t)}`);
  return width;
}

/** The float kind of a float-like (or shaped float-like) type's elements. */
export function floatElementKind(t: Type): SupportedFloatKind {
  const kind = infoOf(t).kind;
  if (kind === undefined) fail("internal", `expected a float-like type, got ${describeType(t)}`);
  return kind;
}

interface ElementView {
  readonly shape: readonly number[] | undefined;
  readonly count: number;
  get(i: number): Element;
}

function viewOf(v: RuntimeValue): ElementView {
  switch (v.kind) {
    case "int":
    case "float":
      return { shape: undefined, count: 1, get: () => v.value };
    case "shaped":
      return { shape: v.shape, count: v.elements.length, get: (i) => v.elements.get(i) };
    case "memref":
      return fail("invalid-ir", "a memref cannot be used elementwise");
    case "function":
      return fail("invalid-ir", "a function value cannot be used elementwise");
  }
}

/** `[1, 2]` for the flat index of element (1, 2): where a failure inside a vector or tensor happened. */
function elementPosition(shape: readonly number[], flat: number): string {
  const index: number[] = [];
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d] ?? 1;
    index.unshift(rest % size);
    rest = Math.floor(rest / size);
  }
  return `[${index.join(", ")}]`;
}

function sameShape(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Builds a scalar value of `type` from an element computed by a kernel. */
function buildScalar(type: Type, element: Element): RuntimeValue {
  const info = infoOf(type);
  if (info.shaped) fail("invalid-ir", `a scalar operand for a result of type ${describeType(type)}`);
  const value = info.normalize(element);
  return info.width !== undefined
    ? { kind: "int", type: info.elementType as IntLikeType, value: value as bigint }
    : { kind: "float", type: info.elementType as FloatType, value: value as FloatElement };
}

/** A buffer for the elements of a shaped result of `type`, and the function normalising them. */
function resultBuffer(type: Type, count: number): { readonly buffer: ElementBuffer; readonly info: ElementInfo } {
  const info = infoOf(type);
  if (!info.shaped) fail("invalid-ir", `a shaped operand for a result of scalar type ${describeType(type)}`);
  return { buffer: newBuffer(info.elementType, count), info };
}

/** `fn(elements)`, naming element `i` of `shape` in a failure. */
function applyAt(
  fn: (elements: readonly Element[]) => readonly Element[],
  elements: readonly Element[],
  shape: readonly number[] | undefined,
  i: number,
): readonly Element[] {
  try {
    return fn(elements);
  } catch (e) {
    if (e instanceof InterpFailure && shape !== undefined && e.error === undefined) {
      throw new InterpFailure(e.kind, `${e.detail} at element ${elementPosition(shape, i)}`);
    }
    throw e;
  }
}

/**
 * Applies `fn` to each tuple of corresponding operand elements; `fn` returns one element per result type.
 * Results are normalised to their types (integers wrapped, floats rounded).
 */
export function mapElementsMulti(
  resultTypes: readonly Type[],
  operands: readonly RuntimeValue[],
  fn: (elements: readonly Element[]) => readonly Element[],
): RuntimeValue[] {
  if (operands.every((v) => v.kind === "int" || v.kind === "float")) {
    // Scalars: no element loop, no shapes.
    const results = applyAt(fn, operands.map((v) => (v as { value: Element }).value), undefined, 0);
    return resultTypes.map((t, r) => buildScalar(t, results[r] as Element));
  }
  const views = operands.map(viewOf);
  const shape = views[0]?.shape;
  for (const v of views) if (!sameShape(v.shape, shape)) fail("invalid-ir", "elementwise operands have different shapes");
  if (shape === undefined) fail("invalid-ir", "elementwise operands mix scalars and shaped values");
  const count = views[0]?.count ?? 1;
  const outs = resultTypes.map((t) => resultBuffer(t, count));
  const tuple = new Array<Element>(views.length);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < views.length; j++) tuple[j] = (views[j] as ElementView).get(i);
    const results = applyAt(fn, tuple, shape, i);
    for (let r = 0; r < outs.length; r++) {
      const out = outs[r] as { buffer: ElementBuffer; info: ElementInfo };
      out.buffer.set(i, out.info.normalize(results[r] as Element));
    }
  }
  return resultTypes.map((t, r): ShapedValue => ({
    kind: "shaped",
    type: t as ShapedRuntimeType,
    elementType: (outs[r] as { info: ElementInfo }).info.elementType,
    shape,
    elements: (outs[r] as { buffer: ElementBuffer }).buffer,
  }));
}

/** Applies `fn` to each tuple of corresponding operand elements, giving one result of `resultType`. */
export function mapElements(resultType: Type, operands: readonly RuntimeValue[], fn: (elements: readonly Element[]) => Element): RuntimeValue {
  return mapElementsMulti([resultType], operands, (es) => [fn(es)])[0] as RuntimeValue;
}
