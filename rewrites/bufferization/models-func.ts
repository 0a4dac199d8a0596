/**
 * Function boundaries (MLIR 16's FuncBufferizableOpInterfaceImpl.cpp, with `bufferize-function-boundaries`):
 * signatures, calls and returns on buffers, under Tensile's ownership rule (docs/ARCHITECTURE.md, "Who frees a
 * returned buffer"): every memref a function returns is a buffer it allocated for the caller, which the caller
 * frees; it never aliases an argument, a global, or another result.
 *
 *   func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {          func.func @f(%a: memref<4xf32>) -> memref<4xf32> {
 *     %r = linalg.map ... outs(%a : tensor<4xf32>)      ->          linalg.map ... outs(%a : memref<4xf32>)
 *     return %r : tensor<4xf32>                                    %alloc = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
 *                                                                   memref.copy %a, %alloc : memref<4xf32> to memref<4xf32>
 *                                                                   return %alloc : memref<4xf32>
 *
 * Arguments are identity-layout memrefs with `function-boundary-type-conversion=identity-layout-map`, fully
 * dynamic strided ones otherwise; results are identity-layout memrefs but with `fully-dynamic-layout-map`.
 * An argument's buffer may be written in place (as in MLIR) unless it has `bufferization.writable = false`.
 */
import { ArrayAttr, DictionaryAttr, IntegerAttr, type SymbolRefAttr, TypeAttr } from "../../src/ir/attributes.ts";
import { attach, implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FunctionType, type Type } from "../../src/ir/types.ts";
import { BlockArgument, type Value } from "../../src/ir/value.ts";
import { BufferizableOpInterface, isTensorType } from "../../src/interfaces/bufferizable.ts";
import { lookupSymbolIn } from "../../src/ir/symbol-table.ts";
import { CallOp, FuncOp, ReturnOp } from "../../dialects/func/index.ts";
import { type LayoutMapOption, memrefTypeFor, type OneShotState, noTensorAccess, topLevel } from "./state.ts";

/** The memref type a function argument (or result) of tensor type `t` gets at the boundary. */
export function boundaryType(t: Type, isArgument: boolean, option: LayoutMapOption): Type {
  if (!isTensorType(t)) return t;
  if (isArgument) return memrefTypeFor(t, option === "identity-layout-map" ? "identity-layout-map" : "fully-dynamic-layout-map");
  return memrefTypeFor(t, option === "fully-dynamic-layout-map" ? "fully-dynamic-layout-map" : "identity-layout-map");
}

/** A function's signature at the boundary (unchanged once the function was bufferized). */
export function boundarySignature(fn: Operation, option: LayoutMapOption): FunctionType {
  const t = (fn.attr("function_type") as TypeAttr).value as FunctionType;
  return FunctionType.get(
    t.inputs.map((x) => boundaryType(x, true, option)),
    t.results.map((x) => boundaryType(x, false, option)),
  );
}

/** Whether argument #i is marked `bufferization.writable = false`. */
function readOnlyArgument(fn: Operation, i: number): boolean {
  const all = fn.attr("arg_attrs");
  const dict = all instanceof ArrayAttr ? all.elements[i] : undefined;
  const w = dict instanceof DictionaryAttr ? dict.get("bufferization.writable") : undefined;
  // A bool attribute is an i1 IntegerAttr.
  return w instanceof IntegerAttr && w.value === 0n;
}

/** MLIR 16 drops `bufferization.writable` from the arguments once it has bufferized the function. */
function dropWritableMarks(fn: Operation): void {
  const all = fn.attr("arg_attrs");
  if (!(all instanceof ArrayAttr)) return;
  const dicts = all.elements.map((d) => (d instanceof DictionaryAttr ? DictionaryAttr.get(d.entries.filter((e) => e.name !== "bufferization.writable")) : d));
  fn.setAttr("arg_attrs", dicts.every((d) => d instanceof DictionaryAttr && d.entries.length === 0) ? undefined : ArrayAttr.get(dicts));
}


export const funcModels = [
  attach(
    FuncOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      isWritable: (op, v) => !(v instanceof BlockArgument && v.owner === op.body.entry && readOnlyArgument(op, v.index)),
      bufferize: (op, rw, state) => {
        const s = state as OneShotState;
        const original = (op.attr("function_type") as TypeAttr).value as FunctionType;
        const signature = boundarySignature(op, s.options.functionBoundaryTypeConversion);
        rw.modifyInPlace(op, () => {
          op.setAttr("function_type", TypeAttr.get(signature));
          dropWritableMarks(op);
        });
        const entry = op.body.entry;
        if (entry === undefined) return undefined;
        entry.args.forEach((arg, i) => {
          const t = original.inputs[i] as Type;
          if (!isTensorType(t)) return;
          arg.setType(signature.inputs[i] as Type);
          s.tensorViewOfBlockArgument(rw, arg, t);
        });
        return undefined;
      },
    }),
  ),
  attach(
    ReturnOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => true,
      bufferizesToMemoryWrite: () => false,
      getAliasingOpResults: () => [],
      bufferize: (op, rw, state) => {
        const s = state as OneShotState;
        const fn = op.parentOp as Operation;
        const results = ((fn.attr("function_type") as TypeAttr).value as FunctionType).results;
        const returned = new Set<Value>();
        const values = op.operands.map((v, i) => {
          if (!isTensorType(v.type)) return v;
          let buffer = s.getBuffer(rw, v);
          // The ownership rule: only a buffer this function allocated, returned once, goes to the caller as is.
          if (!s.owned.has(buffer) || returned.has(buffer)) buffer = s.allocateCopy(rw, op.loc, buffer);
          returned.add(buffer);
          return s.castOrCopy(rw, op.loc, buffer, results[i] as Type);
        });
        rw.modifyInPlace(op, () => op.setOperands(values));
        return undefined;
      },
    }),
  ),
  attach(
    CallOp,
    implement(BufferizableOpInterface, {
      // What the callee does with its arguments is not looked into: it may read and write them.
      bufferizesToMemoryRead: () => true,
      bufferizesToMemoryWrite: () => true,
      getAliasingOpResults: () => [],
      bufferize: (op, rw, state) => {
        const s = state as OneShotState;
        const calleeAttr = op.attr("callee") as SymbolRefAttr;
        const callee = lookupSymbolIn(topLevel(op), calleeAttr);
        const signature = callee === undefined ? undefined : boundarySignature(callee, s.options.functionBoundaryTypeConversion);
        if (signature === undefined) return undefined;
        const args = op.operands.map((v, i) => (isTensorType(v.type) ? s.castOrCopy(rw, op.loc, s.getBuffer(rw, v), signature.inputs[i] as Type) : v));
        const call = rw.create(CallOp, { callee: calleeAttr, args, res: signature.results } as never);
        call.results.forEach((r, i) => {
          if (isTensorType(op.getResult(i).type)) s.owned.add(r);
        });
        state.replaceOpWithBufferizedValues(rw, op, call.results);
        return undefined;
      },
    }),
  ),
];
