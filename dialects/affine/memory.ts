/**
 * Affine memory accesses (MLIR 16's hand-written syntax): subscripts are affine expressions of SSA values, a
 * plain `%x` a dim and `symbol(%x)` a symbol:
 *
 *   %v = affine.load %A[%i + 1, symbol(%n)] : memref<?x?xf32>
 *   affine.store %v, %A[%i, %j * 2] : memref<?x?xf32>
 *   %w = affine.vector_load %A[%i, 0] : memref<4x8xf32>, vector<8xf32>
 *   affine.vector_store %w, %A[%i, 0] : memref<4x8xf32>, vector<8xf32>
 *   affine.prefetch %A[%i, %j + 5], read, locality<3>, data : memref<400x400xi32>
 *
 * The subscripts are kept as the `map` attribute over the index operands (dims, then symbols).
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { AffineMapAttr, boolAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { i32, IndexType, MemRefType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AffineMapAttrC, AnyMemRef, AnyType, AnyVector, BoolAttrC, I32Attr, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { variadic } from "../../src/irdl/spec.ts";
import { effect, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState } from "../../src/text/asm-interfaces.ts";
import { scopeFor, isValidAffineIndexOperand } from "./validity.ts";

type MapAccess = Operation & { readonly map: AffineMapAttr; readonly memref: Value; readonly indices: readonly Value[] };

/** `%A[<subscripts>]`. */
function printAccess(p: OpAsmPrinter, op: MapAccess): void {
  p.printOperand(op.memref);
  p.print("[");
  p.printAffineMapOfSSAIds(op.map.map, op.indices);
  p.print("]");
}

/** ` [%value,] %A[<subscripts>] {attrs} : memref<...>[, vector<...>]`: the load and store forms. */
function printAccessOp(p: OpAsmPrinter, op: MapAccess, stored: Value | undefined, vector: Type | undefined): void {
  p.print(" ");
  if (stored !== undefined) {
    p.printOperand(stored);
    p.print(", ");
  }
  printAccess(p, op);
  p.printOptionalAttrDict(op.attributes, ["map"]);
  p.print(" : ");
  p.printType(op.memref.type);
  if (vector === undefined) return;
  p.print(", ");
  p.printType(vector);
}

/** `%A[<subscripts>]`: the memref operand, unresolved, and sets `map`; returns the subscripts' operands too. */
function parseAccess(p: OpAsmParser, state: OperationState) {
  const memref = p.parseOperand();
  const { map, operands } = p.parseAffineMapOfSSAIds("[]");
  state.attributes.set("map", AffineMapAttr.get(map));
  return { memref, indices: operands };
}

const memrefTypeOf = (v: Value): MemRefType | undefined => (v.type instanceof MemRefType ? v.type : undefined);

/** `: memref<...>` as a MemRefType (MLIR's parseColonType<MemRefType>). */
function parseMemRefType(p: OpAsmParser): MemRefType {
  const at = p.pos();
  const t = p.parseColonType();
  return t instanceof MemRefType ? t : p.error("invalid kind of type specified", at);
}

/** MLIR's verifyMemoryOpIndexing (the map is always present here). */
function verifyIndexing(op: MapAccess): Diagnostic | undefined {
  const type = memrefTypeOf(op.memref);
  if (type === undefined) return undefined;
  const map = op.map.map;
  if (map.results.length !== type.shape.length) return opError(op, "affine map num results must equal memref rank");
  if (map.numDims + map.numSymbols !== op.indices.length) return opError(op, "expects as many subscripts as affine map inputs");
  const scope = scopeFor(op);
  for (const idx of op.indices) {
    if (!(idx.type instanceof IndexType)) return opError(op, "index to load must have 'index' type");
    if (!isValidAffineIndexOperand(idx, scope)) return opError(op, "index must be a dimension or symbol identifier");
  }
  return undefined;
}

const reads = implement(MemoryEffectOpInterface, { getEffects: (op: Operation) => [effect("read", op.getOperand(0))] });
const writes = implement(MemoryEffectOpInterface, { getEffects: (op: Operation) => [effect("write", op.getOperand(1))] });

export const AffineLoadOp = defineOp(
  {
    name: "affine.load",
    summary: "affine load operation",
    operands: { memref: AnyMemRef, indices: variadic(Index) },
    attributes: { map: AffineMapAttrC },
    results: { result: AnyType },
  },
  {
    verify: (op) => {
      if (op.result.type !== memrefTypeOf(op.memref)?.elementType) return opError(op, "result type must match element type of memref");
      return verifyIndexing(op);
    },
    interfaces: [reads],
    asm: {
      print(op, p) {
        printAccessOp(p, op, undefined, undefined);
      },
      parse(p, state) {
        const { memref, indices } = parseAccess(p, state);
        p.parseOptionalAttrDict(state.attributes);
        const type = parseMemRefType(p);
        state.operands.push(p.resolveOperand(memref, type), ...resolveIndices(p, indices));
        state.resultTypes.push(type.elementType);
      },
    },
  },
);
export type AffineLoadOp = InstanceType<typeof AffineLoadOp>;

const resolveIndices = (p: OpAsmParser, indices: Parameters<OpAsmParser["resolveOperands"]>[0]): Value[] =>
  p.resolveOperands(
    indices,
    indices.map(() => IndexType.get()),
  );

export const AffineStoreOp = defineOp(
  {
    name: "affine.store",
    summary: "affine store operation",
    operands: { value: AnyType, memref: AnyMemRef, indices: variadic(Index) },
    attributes: { map: AffineMapAttrC },
  },
  {
    verify: (op) => {
      if (op.value.type !== memrefTypeOf(op.memref)?.elementType) return opError(op, "value to store must have the same type as memref element type");
      return verifyIndexing(op);
    },
    interfaces: [writes],
    asm: {
      print(op, p) {
        printAccessOp(p, op, op.value, undefined);
      },
      parse(p, state) {
        const value = p.parseOperand();
        p.parsePunct(",");
        const { memref, indices } = parseAccess(p, state);
        p.parseOptionalAttrDict(state.attributes);
        const type = parseMemRefType(p);
        state.operands.push(p.resolveOperand(value, type.elementType), p.resolveOperand(memref, type), ...resolveIndices(p, indices));
      },
    },
  },
);
export type AffineStoreOp = InstanceType<typeof AffineStoreOp>;

function verifyVector(op: Operation, memref: Value, vector: Type): Diagnostic | undefined {
  const m = memrefTypeOf(memref);
  if (m !== undefined && vector instanceof VectorType && m.elementType !== vector.elementType) {
    return opError(op, "requires memref and vector types of the same elemental type");
  }
  return undefined;
}

/** `, vector<...>` after the memref type. */
function parseVectorType(p: OpAsmParser): VectorType {
  p.parsePunct(",");
  const at = p.pos();
  const t = p.parseType();
  return t instanceof VectorType ? t : p.error("invalid kind of type specified", at);
}

export const AffineVectorLoadOp = defineOp(
  {
    name: "affine.vector_load",
    summary: "affine vector load operation",
    operands: { memref: AnyMemRef, indices: variadic(Index) },
    attributes: { map: AffineMapAttrC },
    results: { result: AnyVector },
  },
  {
    verify: (op) => verifyIndexing(op) ?? verifyVector(op, op.memref, op.result.type),
    interfaces: [reads],
    asm: {
      print(op, p) {
        printAccessOp(p, op, undefined, op.result.type);
      },
      parse(p, state) {
        const { memref, indices } = parseAccess(p, state);
        p.parseOptionalAttrDict(state.attributes);
        const type = parseMemRefType(p);
        const vector = parseVectorType(p);
        state.operands.push(p.resolveOperand(memref, type), ...resolveIndices(p, indices));
        state.resultTypes.push(vector);
      },
    },
  },
);
export type AffineVectorLoadOp = InstanceType<typeof AffineVectorLoadOp>;

export const AffineVectorStoreOp = defineOp(
  {
    name: "affine.vector_store",
    summary: "affine vector store operation",
    operands: { value: AnyVector, memref: AnyMemRef, indices: variadic(Index) },
    attributes: { map: AffineMapAttrC },
  },
  {
    verify: (op) => verifyIndexing(op) ?? verifyVector(op, op.memref, op.value.type),
    interfaces: [writes],
    asm: {
      print(op, p) {
        printAccessOp(p, op, op.value, op.value.type);
      },
      parse(p, state) {
        const value = p.parseOperand();
        p.parsePunct(",");
        const { memref, indices } = parseAccess(p, state);
        p.parseOptionalAttrDict(state.attributes);
        const type = parseMemRefType(p);
        const vector = parseVectorType(p);
        state.operands.push(p.resolveOperand(value, vector), p.resolveOperand(memref, type), ...resolveIndices(p, indices));
      },
    },
  },
);
export type AffineVectorStoreOp = InstanceType<typeof AffineVectorStoreOp>;

/** A locality hint: an i32 in 0..3 (ODS's ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<3>]>). */
const LocalityHint = {
  ...I32Attr,
  description: "32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3",
  test: (a: unknown): a is IntegerAttr => I32Attr.test(a as never) && (a as IntegerAttr).value >= 0n && (a as IntegerAttr).value <= 3n,
};

export const AffinePrefetchOp = defineOp(
  {
    name: "affine.prefetch",
    summary: "affine prefetch operation",
    operands: { memref: AnyMemRef, indices: variadic(Index) },
    attributes: { isWrite: BoolAttrC, localityHint: LocalityHint, isDataCache: BoolAttrC, map: AffineMapAttrC },
  },
  {
    verify: (op) => {
      const type = memrefTypeOf(op.memref);
      const map = op.map.map;
      if (type !== undefined && map.results.length !== type.shape.length) return opError(op, "affine.prefetch affine map num results must equal memref rank");
      if (map.numDims + map.numSymbols + 1 !== op.numOperands) return opError(op, "too few operands");
      const scope = scopeFor(op);
      for (const idx of op.indices) if (!isValidAffineIndexOperand(idx, scope)) return opError(op, "index must be a dimension or symbol identifier");
      return undefined;
    },
    // MLIR 16 declares no memory effects for affine.prefetch: passes must assume it may do anything.
    asm: {
      print(op, p) {
        p.print(" ");
        printAccess(p, op);
        p.print(`, ${op.isWrite.value !== 0n ? "write" : "read"}, locality<${op.localityHint.value}>, ${op.isDataCache.value !== 0n ? "data" : "instr"}`);
        p.printOptionalAttrDict(op.attributes, ["map", "localityHint", "isDataCache", "isWrite"]);
        p.print(" : ");
        p.printType(op.memref.type);
      },
      parse(p, state) {
        const { memref, indices } = parseAccess(p, state);
        p.parsePunct(",");
        const rw = p.parseKeyword();
        p.parsePunct(",");
        p.parseKeyword("locality");
        p.parsePunct("<");
        const hintAt = p.pos();
        const hint = p.parseAttribute(i32);
        if (!(hint instanceof IntegerAttr)) p.error("invalid kind of attribute specified", hintAt);
        state.attributes.set("localityHint", hint);
        p.parsePunct(">");
        p.parsePunct(",");
        const cache = p.parseKeyword();
        p.parseOptionalAttrDict(state.attributes);
        const type = parseMemRefType(p);
        state.operands.push(p.resolveOperand(memref, type), ...resolveIndices(p, indices));
        if (rw !== "read" && rw !== "write") p.error("rw specifier has to be 'read' or 'write'", p.nameLoc);
        state.attributes.set("isWrite", boolAttr(rw === "write"));
        if (cache !== "data" && cache !== "instr") p.error("cache type has to be 'data' or 'instr'", p.nameLoc);
        state.attributes.set("isDataCache", boolAttr(cache === "data"));
      },
    },
  },
);
export type AffinePrefetchOp = InstanceType<typeof AffinePrefetchOp>;
