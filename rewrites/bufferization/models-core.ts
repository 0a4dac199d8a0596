/**
 * How arith and bufferization ops bufferize (MLIR 16's Arith/Transforms/BufferizableOpInterfaceImpl.cpp and
 * BufferizationOps.cpp):
 *
 *   %c = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
 *   ->  memref.global "private" constant @__constant_2xf32 : memref<2xf32> = dense<[1.0, 2.0]> {alignment = 64 : i64}
 *       %0 = memref.get_global @__constant_2xf32 : memref<2xf32>            (not writable: writes copy it first)
 *   %s = arith.select %b, %x, %y : tensor<4xf32>   ->  arith.select %b, %mx, %my : memref<4xf32>
 *   %t = bufferization.alloc_tensor(%n) : tensor<?xf32>  ->  %alloc = memref.alloc(%n) {alignment = 64 : i64} : memref<?xf32>
 *   bufferization.to_memref %t  ->  the buffer of %t;   bufferization.to_tensor %m: its buffer is %m
 */
import { type DenseElementsAttr, IntegerAttr, StringAttr, SymbolRefAttr, TypeAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { attach, implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { MemRefType, RankedTensorType, i64 } from "../../src/ir/types.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { BufferizableOpInterface } from "../../src/interfaces/bufferizable.ts";
import { ConstantOp, SelectOp } from "../../dialects/arith/index.ts";
import { AllocTensorOp, DeallocTensorOp, ToMemrefOp, ToTensorOp } from "../../dialects/bufferization/index.ts";
import { GetGlobalOp, GlobalOp } from "../../dialects/memref/index.ts";
import { printType } from "../../src/text/print-attr.ts";
import { BUFFER_ALIGNMENT, type OneShotState, noTensorAccess, topLevel } from "./state.ts";



/** The memref.global holding a constant's value: an existing one with that value, or a new one at the module's start. */
function globalFor(op: InstanceType<typeof ConstantOp>, type: MemRefType): string {
  const module = topLevel(op);
  const body = module.regions[0]?.entry;
  const names = new Set<string>();
  for (const g of body?.operations ?? []) {
    const sym = g.attr("sym_name");
    if (sym instanceof StringAttr) names.add(sym.value);
    if (g instanceof GlobalOp && g.attr("initial_value") === op.attr("value") && (g.attr("alignment") as IntegerAttr | undefined)?.value === BigInt(BUFFER_ALIGNMENT)) {
      return (sym as StringAttr).value;
    }
  }
  const base = `__constant_${type.shape.map((d) => `${d}x`).join("")}${printElementType(type)}`;
  let name = base;
  for (let k = 0; names.has(name); k++) name = `${base}_${k}`;
  const global = GlobalOp.create({
    attributes: {
      sym_name: StringAttr.get(name),
      sym_visibility: StringAttr.get("private"),
      type: TypeAttr.get(type),
      initial_value: op.attr("value") as DenseElementsAttr,
      constant: UnitAttr.get(),
      alignment: IntegerAttr.get(i64, BUFFER_ALIGNMENT),
    },
    loc: op.loc,
  });
  body?.insertBefore(global, body.first);
  return name;
}

const printElementType = (t: MemRefType): string => printType(t.elementType);

export const coreModels = [
  attach(
    ConstantOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      // A global's memory is shared by every execution: it is never written.
      isWritable: () => false,
      isMemoryWrite: () => true,
      bufferize: (op, rw, state) => {
        const type = op.result.type;
        if (!(type instanceof RankedTensorType)) return undefined;
        const memref = MemRefType.get(type.shape, type.elementType);
        const name = globalFor(op, memref);
        const get = rw.insert(GetGlobalOp.create({ attributes: { name: SymbolRefAttr.get(name) }, resultTypes: [memref], loc: op.loc }));
        state.replaceOpWithBufferizedValues(rw, op, [get.getResult(0)]);
        return undefined;
      },
    }),
  ),
  attach(
    SelectOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => false,
      bufferizesToMemoryWrite: () => false,
      getAliasingOpResults: (op, o) => (o.value === op.condition ? [] : [op.result]),
      bufferize: (op, rw, state) => {
        const s = state as OneShotState;
        let t = state.getBuffer(rw, op.true_value);
        let f = state.getBuffer(rw, op.false_value);
        if (op.condition.type instanceof RankedTensorType) return opError(op, "with a tensor condition is not bufferized");
        if (t.type !== f.type) {
          const common = s.commonType(t.type, f.type);
          t = s.castOrCopy(rw, op.loc, t, common);
          f = s.castOrCopy(rw, op.loc, f, common);
        }
        const select = rw.create(SelectOp, { condition: op.condition, true_value: t, false_value: f } as never);
        state.replaceOpWithBufferizedValues(rw, op, [select.getResult(0)]);
        return undefined;
      },
    }),
  ),
  attach(
    AllocTensorOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: (op, o) => o.value === op.copy,
      bufferizesToMemoryWrite: () => false,
      getAliasingOpResults: () => [],
      isMemoryWrite: (op) => op.copy !== undefined,
      bufferize: (op, rw, state) => {
        if (!op.result.hasUses) {
          rw.eraseOp(op);
          return undefined;
        }
        const type = op.result.type;
        if (!(type instanceof RankedTensorType)) return opError(op, "of an unranked tensor is not bufferized");
        if (op.memory_space !== undefined) return opError(op, "with a memory space is not bufferized");
        const buffer = op.copy === undefined ? state.allocate(rw, op.loc, type, [...op.dynamic_sizes]) : state.allocateCopy(rw, op.loc, state.getBuffer(rw, op.copy));
        state.replaceOpWithBufferizedValues(rw, op, [buffer]);
        return undefined;
      },
    }),
  ),
  attach(
    ToMemrefOp,
    implement(BufferizableOpInterface, {
      // What the program does with the memref is unknown: it may read and write it.
      bufferizesToMemoryRead: () => true,
      bufferizesToMemoryWrite: () => true,
      getAliasingOpResults: () => [],
      bufferize: (op, rw, state) => {
        const s = state as OneShotState;
        const buffer = s.castOrCopy(rw, op.loc, state.getBuffer(rw, op.tensor), op.memref.type);
        rw.replaceOp(op, [buffer]);
        return undefined;
      },
    }),
  ),
  attach(
    ToTensorOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      // The memref may be shared with code bufferization does not see.
      isWritable: () => false,
      bufferize: () => undefined,
    }),
  ),
  attach(
    DeallocTensorOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      // Dense tensors' buffers are freed by the pass itself, when they die.
      bufferize: (op, rw) => {
        rw.eraseOp(op);
        return undefined;
      },
    }),
  ),
];
