/**
 * `vector.transfer_read` and `vector.transfer_write` (MLIR 16): the vector dialect's general reads and writes
 * of memrefs and ranked tensors, with a permutation map, in-bounds flags, a padding value (read) and an
 * optional mask. Their syntax is hand-written in MLIR 16, and here:
 *
 *   %v = vector.transfer_read %A[%i, %j], %pad {in_bounds = [true, false]} : memref<?x?xf32>, vector<4x8xf32>
 *   %w = vector.transfer_write %v, %T[%i, %j], %mask {permutation_map = affine_map<(d0, d1) -> (d1, d0)>}
 *          : vector<8x4xf32>, tensor<?x?xf32>
 *
 * The permutation map is elided when it is the minor identity (the default), `in_bounds` when no flag is true;
 * the mask's type is not written (inferTransferMaskType derives it from the vector type and the map).
 * Transfers implement VectorTransferOpInterface (src/interfaces/vector-transfer.ts), MemoryEffectOpInterface
 * (a read or write of a memref source; tensors are values) and MaskableOpInterface.
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { AffineConstantExpr, AffineDimExpr } from "../../src/ir/affine-expr.ts";
import { type AffineMap, printAffineMap } from "../../src/ir/affine-map.ts";
import { AffineMapAttr, ArrayAttr, type Attribute, boolAttr, DenseArrayAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import {
  i32,
  index,
  isValidVectorElementType,
  MemRefType,
  RankedTensorType,
  type Type,
  VectorType,
} from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AffineMapAttrC, AnyShaped, AnyType, Index } from "../../src/irdl/constraints.ts";
import { defineOp, OPERAND_SEGMENT_SIZES } from "../../src/irdl/define-op.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { optional, optionalAttr, variadic } from "../../src/irdl/spec.ts";
import { effect, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import {
  hasBroadcastDim,
  inferTransferMaskType,
  transferMinorIdentityMap,
  VectorTransferOpInterface,
  type VectorTransfer,
} from "../../src/interfaces/vector-transfer.ts";
import type { OpAsmParser, OpAsmPrinter } from "../../src/text/asm-interfaces.ts";
import { BoolArrayAttrC, boolsOf } from "./attrs.ts";
import { AnyRankedTensorC, AnyVectorOfAnyRank, VectorOfI1 } from "./constraints.ts";
import { foldTransferRead, foldTransferWrite } from "./fold.ts";
import { MaskableOpInterface } from "./maskable.ts";
import { elementBits } from "./ops-shape.ts";

// ---- shared syntax -------------------------------------------------------------------------------------------

/** The attributes a transfer prints in its dict: the segment sizes never, the map unless minor identity, in_bounds when some flag is true. */
function printTransferAttrs(p: OpAsmPrinter, op: Operation, map: AffineMap): void {
  const elided = [OPERAND_SEGMENT_SIZES];
  if (map.isMinorIdentity()) elided.push("permutation_map");
  if (!boolsOf(op.attr("in_bounds")).some((b) => b)) elided.push("in_bounds");
  p.printOptionalAttrDict(op.attributes, elided);
}

const isMemRefOrRankedTensor = (t: Type): t is MemRefType | RankedTensorType => t instanceof MemRefType || t instanceof RankedTensorType;

/** The permutation map of a parsed transfer: the one written, else the minor identity for its types. */
function parsedPermutationMap(attrs: Map<string, Attribute>, shaped: MemRefType | RankedTensorType, vector: VectorType): AffineMap {
  const written = attrs.get("permutation_map");
  if (written instanceof AffineMapAttr) return written.map;
  const elementRank = shaped.elementType instanceof VectorType ? shaped.elementType.rank : 0;
  const map = transferMinorIdentityMap(shaped.shape.length, vector.rank, elementRank);
  attrs.set("permutation_map", AffineMapAttr.get(map));
  return map;
}

/** Resolves the mask operand of a parsed transfer to its inferred type. */
function resolveMask(p: OpAsmParser, mask: ReturnType<OpAsmParser["parseOperand"]>, shaped: MemRefType | RankedTensorType, vector: VectorType, map: AffineMap): Value {
  if (shaped.elementType instanceof VectorType) return p.error("does not support masks with vector element type", mask.loc);
  const maskType = inferTransferMaskType(vector, map);
  if (maskType === undefined) return p.error("expected a permutation_map whose inverse can be computed to infer the mask type", mask.loc);
  return p.resolveOperand(mask, maskType);
}

// ---- shared verification (MLIR's verifyTransferOp and verifyPermutationMap) ----------------------------------

function verifyPermutationMap(op: Operation, map: AffineMap): Diagnostic | undefined {
  const seen = new Array<boolean>(map.numInputs).fill(false);
  for (const e of map.results) {
    if (e instanceof AffineConstantExpr) {
      if (e.value !== 0) return opError(op, "requires a projected permutation_map (at most one dim or the zero constant can appear in each result)");
      continue;
    }
    if (!(e instanceof AffineDimExpr)) {
      return opError(op, "requires a projected permutation_map (at most one dim or the zero constant can appear in each result)");
    }
    if (seen[e.position] === true) return opError(op, "requires a permutation_map that is a permutation (found one dim used more than once)");
    seen[e.position] = true;
  }
  return undefined;
}

function verifyTransfer(op: Operation, shaped: Type, vector: VectorType, mask: VectorType | undefined, map: AffineMap): Diagnostic | undefined {
  if (op.attr("masked") !== undefined) return opError(op, "masked attribute has been removed. Use in_bounds instead.");
  if (!isMemRefOrRankedTensor(shaped)) return opError(op, "requires source to be a memref or ranked tensor type");
  const elementType = shaped.elementType;
  if (elementType instanceof VectorType) {
    const sourceBits = elementBits(elementType.elementType) * (elementType.shape[elementType.rank - 1] ?? 1);
    const resultBits = elementBits(vector.elementType) * (vector.shape[vector.rank - 1] ?? 1);
    if (resultBits % sourceBits !== 0) {
      return opError(op, "requires the bitwidth of the minor 1-D vector to be an integral multiple of the bitwidth of the minor 1-D vector of the source");
    }
    if (elementType.rank > vector.rank) return opError(op, "requires source vector element and vector result ranks to match.");
    if (map.numResults !== vector.rank - elementType.rank) {
      return opError(op, "requires a permutation_map with result dims of the same rank as the vector type");
    }
    if (mask !== undefined) return opError(op, "does not support masks with vector element type");
  } else {
    const minor = vector.rank === 0 ? 1 : (vector.shape[vector.rank - 1] as number);
    if ((elementBits(vector.elementType) * minor) % elementBits(elementType) !== 0) {
      return opError(op, "requires the bitwidth of the minor 1-D vector to be an integral multiple of the bitwidth of the source element type");
    }
    if (map.numResults !== vector.rank) return opError(op, "requires a permutation_map with result dims of the same rank as the vector type");
  }
  if (map.numSymbols !== 0) return opError(op, "requires permutation_map without symbols");
  if (map.numInputs !== shaped.shape.length) return opError(op, "requires a permutation_map with input dims of the same rank as the source type");
  if (mask !== undefined) {
    const inferred = inferTransferMaskType(vector, map);
    if (inferred !== undefined && inferred !== mask) {
      return opError(op, `inferred mask type (${quotedType(inferred)}) and mask operand type (${quotedType(mask)}) don't match`);
    }
  }
  const inBounds = op.attr("in_bounds");
  if (inBounds instanceof ArrayAttr) {
    if (map.numResults !== inBounds.elements.length) {
      return opError(
        op,
        `expects the optional in_bounds attr of same rank as permutation_map results: affine_map<${printAffineMap(map)}> vs inBounds of size: ${inBounds.elements.length}`,
      );
    }
    const flags = boolsOf(inBounds);
    for (let i = 0; i < map.numResults; i++) {
      if (map.getResult(i) instanceof AffineConstantExpr && flags[i] !== true) return opError(op, "requires broadcast dimensions to be in-bounds");
    }
  }
  return undefined;
}

/** The transfer interface of an op with `source`, `indices`, `permutation_map`, `in_bounds` and `mask`. */
function transferInterface(vectorOf: (op: Operation) => Value<VectorType>) {
  return implement(VectorTransferOpInterface, {
    getSource: (op: Operation) => op.getOperand(op.name === "vector.transfer_read" ? 0 : 1) as Value<MemRefType | RankedTensorType>,
    getVector: vectorOf,
    getIndices: (op: Operation) => (op as unknown as { indices: readonly Value[] }).indices,
    getPermutationMap: (op: Operation) => (op.attr("permutation_map") as AffineMapAttr).map,
    getInBoundsFlags: (op: Operation) => {
      const a = op.attr("in_bounds");
      return a instanceof ArrayAttr ? boolsOf(a) : undefined;
    },
    getMask: (op: Operation) => (op as unknown as { mask: Value<VectorType> | undefined }).mask,
  });
}

/** Reads or writes of a memref source are memory effects; a tensor source is a value. */
const transferEffects = (kind: "read" | "write") =>
  implement(MemoryEffectOpInterface, {
    getEffects: (op: Operation) => {
      const source = op.getOperand(kind === "read" ? 0 : 1);
      return source.type instanceof MemRefType ? [effect(kind, source)] : [];
    },
  });

// ---- transfer_read -------------------------------------------------------------------------------------------

export const TransferReadOp = defineOp(
  {
    name: "vector.transfer_read",
    summary: "Reads a supervector from memory into an SSA vector value.",
    operands: { source: AnyShaped, indices: variadic(Index), padding: AnyType, mask: optional(VectorOfI1) },
    results: { vector: AnyVectorOfAnyRank },
    attributes: { permutation_map: AffineMapAttrC, in_bounds: optionalAttr(BoolArrayAttrC) },
  },
  {
    fold: (op) => foldTransferRead(op),
    asm: {
      print(op, p) {
        p.print(" ");
        p.printOperand(op.source);
        p.print("[");
        p.printOperands(op.indices);
        p.print("], ");
        p.printOperand(op.padding);
        if (op.mask !== undefined) {
          p.print(", ");
          p.printOperand(op.mask);
        }
        printTransferAttrs(p, op, op.permutation_map.map);
        p.print(" : ");
        p.printType(op.source.type);
        p.print(", ");
        p.printType(op.vector.type);
      },
      parse(p, state) {
        const source = p.parseOperand();
        const indices = p.parseOperandList("[]");
        p.parsePunct(",");
        const padding = p.parseOperand();
        const mask = p.parseOptionalPunct(",") ? p.parseOperand() : undefined;
        p.parseOptionalAttrDict(state.attributes);
        const typesLoc = p.pos();
        const types = p.parseColonTypeList();
        if (types.length !== 2) return p.error("requires two types", typesLoc);
        const [shaped, vector] = types as [Type, Type];
        if (!isMemRefOrRankedTensor(shaped)) return p.error("requires memref or ranked tensor type", typesLoc);
        if (!(vector instanceof VectorType)) return p.error("requires vector type", typesLoc);
        const map = parsedPermutationMap(state.attributes, shaped, vector);
        state.operands.push(p.resolveOperand(source, shaped));
        for (const i of indices) state.operands.push(p.resolveOperand(i, index));
        state.operands.push(p.resolveOperand(padding, shaped.elementType));
        if (mask !== undefined) state.operands.push(resolveMask(p, mask, shaped, vector, map));
        state.attributes.set(OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(i32, [1, indices.length, 1, mask === undefined ? 0 : 1]));
        state.resultTypes.push(vector);
      },
    },
    verify(op) {
      const shaped = op.source.type;
      const vector = op.vector.type;
      const map = op.permutation_map.map;
      const rank = isMemRefOrRankedTensor(shaped) ? shaped.shape.length : 0;
      if (isMemRefOrRankedTensor(shaped) && op.indices.length !== rank) return opError(op, `requires ${rank} indices`);
      const d = verifyTransfer(op, shaped, vector, op.mask?.type, map);
      if (d !== undefined) return d;
      const sourceElement = (shaped as MemRefType | RankedTensorType).elementType;
      const paddingType = op.padding.type;
      if (sourceElement instanceof VectorType) {
        if (sourceElement !== paddingType) return opError(op, "requires source element type and padding type to match.");
      } else {
        if (!isValidVectorElementType(paddingType)) return opError(op, "requires valid padding vector elemental type");
        if (paddingType !== sourceElement) return opError(op, "requires formal padding and source of the same elemental type");
      }
      return verifyPermutationMap(op, map);
    },
    interfaces: [
      transferInterface((op: Operation) => op.getResult(0) as Value as Value<VectorType>),
      transferEffects("read"),
      implement(MaskableOpInterface, {
        getExpectedMaskType: (op: Operation) => expectedTransferMask(op, op.getResult(0).type),
        supportsPassthru: () => true,
      }),
    ],
  },
);
export type TransferReadOp = InstanceType<typeof TransferReadOp>;

/** The mask a transfer of `vector` expects (an `i1` vector of the unpermuted shape). */
function expectedTransferMask(op: Operation, vector: Type): Type {
  const map = (op.attr("permutation_map") as AffineMapAttr).map;
  return (vector instanceof VectorType ? inferTransferMaskType(vector, map) : undefined) ?? vector;
}

// ---- transfer_write ------------------------------------------------------------------------------------------

export const TransferWriteOp = defineOp(
  {
    name: "vector.transfer_write",
    summary: "The vector.transfer_write op writes a supervector to memory.",
    operands: { vector: AnyVectorOfAnyRank, source: AnyShaped, indices: variadic(Index), mask: optional(VectorOfI1) },
    results: { result: optional(AnyRankedTensorC) },
    attributes: { permutation_map: AffineMapAttrC, in_bounds: optionalAttr(BoolArrayAttrC) },
  },
  {
    fold: (op) => foldTransferWrite(op),
    asm: {
      print(op, p) {
        p.print(" ");
        p.printOperand(op.vector);
        p.print(", ");
        p.printOperand(op.source);
        p.print("[");
        p.printOperands(op.indices);
        p.print("]");
        if (op.mask !== undefined) {
          p.print(", ");
          p.printOperand(op.mask);
        }
        printTransferAttrs(p, op, op.permutation_map.map);
        p.print(" : ");
        p.printType(op.vector.type);
        p.print(", ");
        p.printType(op.source.type);
      },
      parse(p, state) {
        const vectorOperand = p.parseOperand();
        p.parsePunct(",");
        const source = p.parseOperand();
        const indices = p.parseOperandList("[]");
        const mask = p.parseOptionalPunct(",") ? p.parseOperand() : undefined;
        p.parseOptionalAttrDict(state.attributes);
        const typesLoc = p.pos();
        const types = p.parseColonTypeList();
        if (types.length !== 2) return p.error("requires two types", typesLoc);
        const [vector, shaped] = types as [Type, Type];
        if (!(vector instanceof VectorType)) return p.error("requires vector type", typesLoc);
        if (!isMemRefOrRankedTensor(shaped)) return p.error("requires memref or ranked tensor type", typesLoc);
        const map = parsedPermutationMap(state.attributes, shaped, vector);
        state.operands.push(p.resolveOperand(vectorOperand, vector));
        state.operands.push(p.resolveOperand(source, shaped));
        for (const i of indices) state.operands.push(p.resolveOperand(i, index));
        if (mask !== undefined) state.operands.push(resolveMask(p, mask, shaped, vector, map));
        state.attributes.set(OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(i32, [1, 1, indices.length, mask === undefined ? 0 : 1]));
        if (shaped instanceof RankedTensorType) state.resultTypes.push(shaped);
      },
    },
    verify(op) {
      const shaped = op.source.type;
      const map = op.permutation_map.map;
      const rank = isMemRefOrRankedTensor(shaped) ? shaped.shape.length : 0;
      if (isMemRefOrRankedTensor(shaped) && op.indices.length !== rank) return opError(op, `requires ${rank} indices`);
      const view = VectorTransferOpInterface.of(op) as VectorTransfer;
      if (hasBroadcastDim(view)) return opError(op, "should not have broadcast dimensions");
      const d = verifyTransfer(op, shaped, op.vector.type, op.mask?.type, map);
      if (d !== undefined) return d;
      return verifyPermutationMap(op, map);
    },
    interfaces: [
      transferInterface((op: Operation) => op.getOperand(0) as Value as Value<VectorType>),
      transferEffects("write"),
      implement(MaskableOpInterface, { getExpectedMaskType: (op: Operation) => expectedTransferMask(op, op.getOperand(0).type) }),
    ],
  },
);
export type TransferWriteOp = InstanceType<typeof TransferWriteOp>;

/** `in_bounds` as a BoolArrayAttr. */
export const inBoundsAttr = (flags: readonly boolean[]): ArrayAttr => ArrayAttr.get(flags.map(boolAttr));
