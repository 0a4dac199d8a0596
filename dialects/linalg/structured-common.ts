/**
 * What every linalg structured op shares: the interfaces (destination style with trailing inits, the
 * structured interface, memory effects on memref operands), and building a payload block.
 */
import { AffineMapAttr, ArrayAttr, type Attribute } from "../../src/ir/attributes.ts";
import type { AffineMap } from "../../src/ir/affine-map.ts";
import { implement, type InterfaceImpl } from "../../src/ir/interfaces.ts";
import { Block, type Operation, type Region } from "../../src/ir/operation.ts";
import { elementTypeOrSelf, MemRefType, type Type } from "../../src/ir/types.ts";
import type { OpOperand, Value } from "../../src/ir/value.ts";
import type { AttrConstraint } from "../../src/irdl/constraints.ts";
import { DestinationStyleOpInterface, trailingInits } from "../../src/interfaces/destination-style.ts";
import { effect, type MemoryEffect, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import type { IteratorType } from "./attrs.ts";
import { TilingInterface } from "../../src/interfaces/tiling.ts";
import { iterationDomain, LinalgStructuredOpInterface } from "./structured-interface.ts";
import { foldMemRefCast } from "../memref/fold-cast.ts";
import { resultTilePosition, tiledImplementation } from "./tiling.ts";

/** ODS's AffineMapArrayAttr. */
export const AffineMapArrayAttr: AttrConstraint<ArrayAttr> = {
  description: "AffineMap array attribute",
  test: (a: Attribute): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => e instanceof AffineMapAttr),
};

export const affineMapsOf = (a: Attribute | undefined): AffineMap[] =>
  a instanceof ArrayAttr ? a.elements.flatMap((e) => (e instanceof AffineMapAttr ? [e.map] : [])) : [];

export const affineMapArrayAttr = (maps: readonly AffineMap[]): ArrayAttr => ArrayAttr.get(maps.map((m) => AffineMapAttr.get(m)));

/**
 * MLIR's getGenericEffectsImpl: memref inputs are read, memref inits read and written; tensors have no
 * effect (so an unused linalg op on tensors is dead).
 */
function structuredEffects(op: Operation): readonly MemoryEffect[] {
  const dps = DestinationStyleOpInterface.of(op);
  if (dps === undefined) return [];
  const effects: MemoryEffect[] = [];
  for (const o of dps.getDpsInputOperands()) if (o.value.type instanceof MemRefType) effects.push(effect("read", o.value));
  for (const o of dps.getDpsInitOperands()) {
    if (!(o.value.type instanceof MemRefType)) continue;
    effects.push(effect("read", o.value), effect("write", o.value));
  }
  return effects;
}

export interface StructuredShape<O extends Operation> {
  /** How many trailing operands are inits. */
  readonly numInits: (op: O) => number;
  readonly indexingMaps: (op: O) => readonly AffineMap[];
  readonly iteratorTypes: (op: O) => readonly IteratorType[];
  readonly operandsMatchingBlockArgs?: (op: O) => readonly OpOperand[];
}

/** The interface implementations of a structured op kind. */
export function structuredInterfaces<O extends Operation>(shape: StructuredShape<O>): InterfaceImpl<O>[] {
  return [
    implement(MemoryEffectOpInterface, { getEffects: structuredEffects }),
    implement(DestinationStyleOpInterface, { getDpsInitsPositionRange: trailingInits((op) => shape.numInits(op as O)) }),
    implement(LinalgStructuredOpInterface, {
      getIndexingMaps: (op: O) => shape.indexingMaps(op),
      getIteratorTypes: (op: O) => shape.iteratorTypes(op),
      ...(shape.operandsMatchingBlockArgs === undefined ? {} : { getOperandsMatchingBlockArgs: shape.operandsMatchingBlockArgs }),
    }),
    implement(TilingInterface, {
      getLoopIteratorTypes: (op: O) => shape.iteratorTypes(op),
      getIterationDomain: (op: O) => iterationDomain(op),
      getTiledImplementation: (op: O, b, offsets, sizes, inits) => tiledImplementation(b, op, offsets, sizes, inits),
      getResultTilePosition: (op: O, resultNumber, offsets, sizes) => resultTilePosition(op, resultNumber, offsets, sizes),
    }),
  ] as InterfaceImpl<O>[];
}

/**
 * The fold of linalg.generic and of every named op (MLIR 16's `memref::foldMemRefCast(*this)`; map, reduce,
 * transpose and broadcast have no folder in MLIR 16): an operand that is a memref.cast of a ranked memref is
 * replaced by the cast's source, in place.
 *
 *   %c = memref.cast %m : memref<4x4xf32> to memref<?x?xf32>
 *   linalg.fill ins(%x : f32) outs(%c : memref<?x?xf32>)      ->   linalg.fill ins(%x : f32) outs(%m : memref<4x4xf32>)
 */
export const foldStructuredMemRefCast = (op: Operation): readonly Value[] | undefined => (foldMemRefCast(op) ? op.results : undefined);

/** A new block whose arguments are the element types of `values`' types (MLIR's fillStructuredOpRegion). */
export function blockForElementsOf(types: readonly Type[], region: Region): Block {
  const block = new Block(types.map(elementTypeOrSelf));
  region.push(block);
  return block;
}
