/**
 * Interpreter semantics of the bufferization ops (MLIR 16):
 *   - to_tensor reads the memref's contents into a new tensor (a copy: writing the memref later does not change
 *     the tensor; MLIR calls that undefined, Tensile's copy is one of the behaviours it allows);
 *   - to_memref gives a new buffer holding the tensor's contents, owned by nobody the program can free
 *     (`memref.dealloc` of it is reported, as bufferization never lets a program free it);
 *   - clone copies a buffer into a new heap allocation (freed with memref.dealloc);
 *   - alloc_tensor is a tensor of its shape (zeros: its contents are unspecified) or a copy of `copy`;
 *   - dealloc_tensor does nothing to a value (tensors are values here; sparse storage is not modelled).
 */
import { ub } from "../../src/interp/errors.ts";
import { allocMemRef, type AllocationKind, type MemRefValue, readContents, viewOf, writeContents } from "../../src/interp/memref.ts";
import { type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import { type IntValue, type RuntimeValue, type ShapedRuntimeType, type ShapedValue, shapeFits, splatValue } from "../../src/interp/values.ts";
import { DYNAMIC, MemRefType, RankedTensorType, type Type, UnrankedMemRefType } from "../../src/ir/types.ts";
import { printType } from "../../src/text/print-attr.ts";
import { checkTensorSize } from "../tensor/interp.ts";
import { AllocTensorOp, CloneOp, DeallocTensorOp, ToMemrefOp, ToTensorOp } from "./ops.ts";

/**
 * A new allocation of `kind` holding `shape` elements, viewed as `type` (ranked or unranked): row-major, or as
 * the type's static strided layout demands.
 */
function newMemRef(type: MemRefType | UnrankedMemRefType, elementType: Type, shape: readonly number[], kind: AllocationKind): MemRefValue {
  const ranked = type instanceof MemRefType ? type : MemRefType.get(shape.map(() => DYNAMIC), elementType);
  if (ranked.rank !== shape.length || !ranked.shape.every((d, i) => d === DYNAMIC || d === shape[i])) {
    ub(`a buffer of shape [${shape.join(", ")}] is not a ${printType(type)}`);
  }
  const dynamic = ranked.shape.flatMap((d, i) => (d === DYNAMIC ? [shape[i] as number] : []));
  const m = allocMemRef(ranked, dynamic, kind);
  return type === ranked ? m : viewOf(m, { type, offset: m.offset, shape: m.shape, strides: m.strides });
}

/** A memref value's contents as a row-major buffer. */
function contents(m: MemRefValue): ShapedValue {
  const type = RankedTensorType.get(m.shape, m.elementType);
  return readContents(m, type);
}

export const bufferizationInterpretations: readonly InterpretationEntry[] = [
  interpretation(ToTensorOp, (op, [m]) => {
    const memref = m as MemRefValue;
    const type = op.result.type as ShapedRuntimeType;
    if (!shapeFits(type, memref.shape)) ub(`bufferization.to_tensor: a buffer of shape [${memref.shape.join(", ")}] is not a ${printType(type)}`);
    return [readContents(memref, type)];
  }),
  interpretation(ToMemrefOp, (op, [t]) => {
    const v = t as ShapedValue;
    const m = newMemRef(op.memref.type, v.elementType, v.shape, "external");
    writeContents(m, v.elements);
    return [m];
  }),
  interpretation(CloneOp, (op, [m]) => {
    const source = m as MemRefValue;
    const copy = newMemRef(op.output.type, source.elementType, source.shape, "heap");
    writeContents(copy, contents(source).elements);
    return [copy];
  }),
  interpretation(AllocTensorOp, (op, args) => {
    const type = op.result.type as ShapedRuntimeType;
    if (op.copy !== undefined) {
      // The copy operand follows the dynamic sizes (none when copying).
      const source = args[op.dynamic_sizes.length] as ShapedValue;
      return [source];
    }
    let next = 0;
    const ranked = type as RankedTensorType;
    const shape = ranked.shape.map((d) => (d === DYNAMIC ? Number((args[next++] as IntValue).value) : d));
    for (const d of shape) if (d < 0) ub(`bufferization.alloc_tensor: negative size ${d}`);
    checkTensorSize(shape, "bufferization.alloc_tensor");
    return [splatValue(type, 0n, shape)];
  }),
  interpretation(DeallocTensorOp, (): RuntimeValue[] => []),
];

