/**
 * Memrefs in the interpreter: strided views of shared allocations.
 *
 * An `Allocation` is a flat ElementBuffer with a lifetime (heap: until `memref.dealloc`; stack: until the end of
 * its automatic allocation scope; global: the whole run; external: memory the caller passed in). A `MemRefValue`
 * is a view of it, as MLIR's memref descriptor describes one: element `[i0, ..., in]` is
 * `buffer[offset + i0 * strides[0] + ... + in * strides[n]]`. Every view made from another (subview, cast,
 * reinterpret_cast, expand/collapse_shape, transpose, view) shares the allocation, so a write through one is seen
 * through the others, as in compiled code.
 *
 * Accesses are checked: an index outside the view's sizes, an element outside the allocation, and any access
 * after the allocation was freed are `undefined-behavior` errors, as is freeing twice or freeing memory that
 * `memref.alloc` did not allocate.
 *
 *   const m = allocMemRef(memref([2, 3], f32));                 // zero-filled, row-major
 *   storeElement(m, [1, 2], 4.5);
 *   const col = viewOf(m, { type: memref([2], f32, StridedLayoutAttr.get(2, [3])), offset: 2, shape: [2], strides: [3] });
 *   loadElement(col, [1]);                                       // 4.5: the same element
 */
import { StridedLayoutAttr } from "../ir/attributes.ts";
import { DYNAMIC, MemRefType, type Type, UnrankedMemRefType } from "../ir/types.ts";
import { type ElementBuffer, newBuffer } from "./buffer.ts";
import { fail, ub } from "./errors.ts";
import { type Element, type ScalarType, type ShapedRuntimeType, type ShapedValue, describeType, isScalarType, normalizeElement, shapeSize, shapedFromBuffer } from "./values.ts";

/** Who owns an allocation's memory, which decides how it ends. */
export type AllocationKind = "heap" | "stack" | "global" | "external";

/**
 * Heap allocations made and not yet freed, process-wide: checkRewrite's `leaks` check compares a run's growth of
 * it before and after a rewrite (bufferization must free every allocation it makes).
 */
let liveHeap = 0;
export const liveHeapAllocations = (): number => liveHeap;

export class Allocation {
  #freedBy: string | undefined;

  constructor(
    readonly buffer: ElementBuffer,
    readonly elementType: ScalarType,
    readonly allocKind: AllocationKind,
  ) {
    if (allocKind === "heap") liveHeap++;
  }

  get isLive(): boolean {
    return this.#freedBy === undefined;
  }

  /** Ends the allocation's lifetime; `by` says how, for the message of a later access. */
  free(by: string): void {
    if (this.#freedBy !== undefined) ub(`double free: the memory was already freed by ${this.#freedBy}`);
    this.#freedBy = by;
    if (this.allocKind === "heap") liveHeap--;
  }

  /** Fails unless the memory is still live. */
  checkLive(access: string): void {
    if (this.#freedBy !== undefined) ub(`${access} of memory freed by ${this.#freedBy}`);
  }
}

export interface MemRefValue {
  readonly kind: "memref";
  readonly type: MemRefType | UnrankedMemRefType;
  readonly elementType: ScalarType;
  readonly allocation: Allocation;
  /** Position of element [0, ..., 0] in the allocation's buffer. */
  readonly offset: number;
  /** The concrete sizes (dynamic dimensions of the type are known here). */
  readonly shape: readonly number[];
  /** Element strides per dimension (any sign; 0 for broadcast-like views). */
  readonly strides: readonly number[];
}

/** Row-major contiguous strides of a shape (the identity layout). */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d] as number;
  }
  return strides;
}

/** The static offset and strides a memref type's layout fixes (DYNAMIC where it leaves them open). */
export function layoutOf(type: MemRefType): { readonly offset: number; readonly strides: readonly number[] } | undefined {
  const layout = type.layout;
  if (layout === undefined) return undefined;
  if (layout instanceof StridedLayoutAttr) return { offset: layout.offset, strides: layout.strides };
  return undefined; // an affine-map layout: not checked
}

/**
 * Whether a view fits a memref type: same element type, a fitting shape, and the strides and offset the layout
 * fixes (the identity layout fixes row-major strides; dimensions of size 1 may have any stride, as in MLIR).
 */
export function viewFitsType(v: MemRefValue, type: Type): boolean {
  if (type instanceof UnrankedMemRefType) return v.elementType === type.elementType;
  if (!(type instanceof MemRefType) || v.elementType !== type.elementType) return false;
  if (type.shape.length !== v.shape.length || v.strides.length !== v.shape.length) return false;
  if (!type.shape.every((d, i) => d === DYNAMIC || d === v.shape[i])) return false;
  if (type.layout === undefined) {
    const expected = rowMajorStrides(v.shape);
    return v.shape.every((size, i) => size <= 1 || v.strides[i] === expected[i]);
  }
  const layout = layoutOf(type);
  if (layout === undefined) return true;
  if (layout.offset !== DYNAMIC && layout.offset !== v.offset) return false;
  return layout.strides.every((s, i) => s === DYNAMIC || s === v.strides[i] || (v.shape[i] as number) <= 1);
}

function elementTypeOfMemRef(type: MemRefType | UnrankedMemRefType): ScalarType {
  const e = type.elementType;
  if (!isScalarType(e)) fail("unsupported", `memrefs of ${describeType(e)} are not supported by the interpreter`);
  return e;
}

/** The concrete shape of a memref type: its static sizes with `dynamicSizes` filling its `?`s in order. */
export function concreteShape(type: MemRefType, dynamicSizes: readonly number[] = []): number[] {
  let next = 0;
  const shape = type.shape.map((d) => (d === DYNAMIC ? (dynamicSizes[next++] ?? -1) : d));
  if (next !== dynamicSizes.length) fail("invalid-ir", `${dynamicSizes.length} dynamic sizes for ${describeType(type)}`);
  for (const d of shape) if (!Number.isSafeInteger(d) || d < 0) ub(`negative or missing size in ${describeType(type)}: [${shape.join(", ")}]`);
  return shape;
}

/**
 * A new zero-filled allocation viewed as `type` (`memref.alloc` / `alloca`): row-major, or laid out as the type's
 * static strided layout demands (with room for its offset). `dynamicSizes` fill the type's `?` sizes.
 */
export function allocMemRef(type: MemRefType, dynamicSizes: readonly number[] = [], allocKind: AllocationKind = "heap"): MemRefValue {
  const elementType = elementTypeOfMemRef(type);
  const shape = concreteShape(type, dynamicSizes);
  const layout = layoutOf(type);
  let strides = rowMajorStrides(shape);
  let offset = 0;
  if (layout !== undefined && layout.offset !== DYNAMIC && layout.strides.every((s) => s !== DYNAMIC && s > 0)) {
    strides = [...layout.strides];
    offset = layout.offset;
  }
  const extent = shapeSize(shape) === 0 ? 0 : offset + 1 + shape.reduce((acc, d, i) => acc + (d - 1) * (strides[i] as number), 0);
  if (extent > 2 ** 28) fail("limit", `allocation of ${extent} elements is beyond the interpreter's limit`);
  const allocation = new Allocation(newBuffer(elementType, extent), elementType, allocKind);
  return { kind: "memref", type, elementType, allocation, offset, shape, strides };
}

/** A memref of `type` holding `elements` (row-major) in memory the caller owns: for tests and arguments. */
export function memrefOf(type: MemRefType, elements: readonly Element[], shape?: readonly number[]): MemRefValue {
  const concrete = shape ?? concreteShape(type);
  const m = allocMemRef(type, type.shape.flatMap((d, i) => (d === DYNAMIC ? [concrete[i] as number] : [])), "external");
  if (elements.length !== shapeSize(m.shape)) throw new TypeError(`${elements.length} elements for a shape of ${shapeSize(m.shape)}`);
  let k = 0;
  forEachIndex(m.shape, (idx) => storeElement(m, idx, normalizeElement(m.elementType, elements[k++] as Element)));
  return m;
}

/** Another view of `m`'s allocation (subview, cast, reinterpret_cast, ...); the caller computed its geometry. */
export function viewOf(
  m: MemRefValue,
  view: { readonly type: MemRefType | UnrankedMemRefType; readonly offset: number; readonly shape: readonly number[]; readonly strides: readonly number[] },
): MemRefValue {
  if (view.shape.length !== view.strides.length) fail("internal", "a view needs one stride per size");
  for (const d of view.shape) if (!Number.isSafeInteger(d) || d < 0) ub(`a view with a negative size: [${view.shape.join(", ")}]`);
  return { kind: "memref", type: view.type, elementType: m.elementType, allocation: m.allocation, offset: view.offset, shape: [...view.shape], strides: [...view.strides] };
}

/** The same view with another (compatible) type: memref.cast, to and from unranked. */
export function withType(m: MemRefValue, type: MemRefType | UnrankedMemRefType): MemRefValue {
  return { ...m, type };
}

/** The buffer position of element `indices`; an error when an index or the position is out of bounds. */
export function positionOf(m: MemRefValue, indices: readonly number[], access = "access"): number {
  m.allocation.checkLive(access);
  if (indices.length !== m.shape.length) fail("invalid-ir", `${indices.length} indices for a memref of rank ${m.shape.length}`);
  let pos = m.offset;
  for (let d = 0; d < indices.length; d++) {
    const i = indices[d] as number;
    const size = m.shape[d] as number;
    if (!(i >= 0 && i < size)) ub(`out-of-bounds ${access}: index ${i} of dimension ${d} (size ${size}) at [${indices.join(", ")}]`);
    pos += i * (m.strides[d] as number);
  }
  if (!(pos >= 0 && pos < m.allocation.buffer.length)) ub(`out-of-bounds ${access}: element [${indices.join(", ")}] lies outside its allocation`);
  return pos;
}

export const loadElement = (m: MemRefValue, indices: readonly number[]): Element => m.allocation.buffer.get(positionOf(m, indices, "load"));

/** Stores `e` (canonical for the element type) at `indices`. */
export function storeElement(m: MemRefValue, indices: readonly number[], e: Element): void {
  m.allocation.buffer.set(positionOf(m, indices, "store"), e);
}

/** `memref.dealloc`: frees a heap allocation; freeing twice, or freeing stack/global/caller memory, fails. */
export function deallocMemRef(m: MemRefValue): void {
  if (m.allocation.allocKind !== "heap") ub(`dealloc of memory that memref.alloc did not allocate (${m.allocation.allocKind} memory)`);
  m.allocation.free("memref.dealloc");
}

/**
 * Calls `fn` with every index of `shape` in row-major order (and the running flat index); once with `[]` for
 * rank 0. `indices` is reused between calls: copy it to keep it.
 */
export function forEachIndex(shape: readonly number[], fn: (indices: readonly number[], flat: number) => void): void {
  const rank = shape.length;
  const total = shapeSize(shape);
  if (total === 0) return;
  const idx = new Array<number>(rank).fill(0);
  for (let flat = 0; flat < total; flat++) {
    fn(idx, flat);
    for (let d = rank - 1; d >= 0; d--) {
      if (++(idx[d] as number) < (shape[d] as number)) break;
      idx[d] = 0;
    }
  }
}

/** The contents of a view as a new tensor (or vector) value of `type` (bufferization.to_tensor, vector.load). */
export function readContents(m: MemRefValue, type: ShapedRuntimeType): ShapedValue {
  const out = m.allocation.buffer.empty(shapeSize(m.shape));
  forEachIndex(m.shape, (idx, flat) => out.set(flat, m.allocation.buffer.get(positionOf(m, idx, "read"))));
  return shapedFromBuffer(type, out, m.shape);
}

/** Writes a row-major buffer of the view's shape into the view (memref.copy, materialize_in_destination). */
export function writeContents(m: MemRefValue, source: ElementBuffer): void {
  if (source.length !== shapeSize(m.shape)) fail("invalid-ir", `${source.length} elements written to a view of ${shapeSize(m.shape)}`);
  forEachIndex(m.shape, (idx, flat) => m.allocation.buffer.set(positionOf(m, idx, "write"), source.get(flat)));
}

/**
 * A copy of argument values whose memrefs point to fresh copies of their memory, aliasing kept (two views of
 * one allocation stay views of one copy): so that two runs of a program start from the same memory, and what
 * one run writes can be compared with what the other wrote.
 */
export function copyMemoryOf<V extends { readonly kind: string }>(values: readonly V[]): V[] {
  const copies = new Map<Allocation, Allocation>();
  return values.map((v) => {
    if (v.kind !== "memref") return v;
    const m = v as unknown as MemRefValue;
    let copy = copies.get(m.allocation);
    if (copy === undefined) {
      copy = new Allocation(m.allocation.buffer.clone(), m.elementType, m.allocation.allocKind);
      if (!m.allocation.isLive) copy.free("the caller");
      copies.set(m.allocation, copy);
    }
    return { ...m, allocation: copy } as unknown as V;
  });
}
