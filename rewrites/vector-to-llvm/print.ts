/**
 * vector.print -> calls of a small runtime's printing functions (MLIR 16's VectorPrintOpConversion): a vector is
 * fully unrolled into `printOpen`, one print call per element, `printComma` between elements and `printClose`,
 * rows nested likewise; a newline ends the print. Elements print through `printF32`, `printF64`, `printI64`
 * (signless and signed integers, sign-extended; i1 zero-extended, to print 1 rather than -1) or `printU64`
 * (index and unsigned integers, zero-extended). The functions are declared in the module as MLIR 16 declares
 * them (MLIR's libmlir_c_runner_utils defines them; Tensile links its own, codegen/aot/print-runtime.ts, into host libraries and bundles).
 */
import { FloatType, i64, IndexType, IntegerType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type ConversionPattern, convert } from "../../src/rewrite/conversion.ts";
import * as A from "../../dialects/arith/index.ts";
import * as L from "../../dialects/llvm/index.ts";
import * as V from "../../dialects/vector/index.ts";
import { type Emitter, emitter, lookupOrCreateFn } from "../memref-to-llvm/descriptor.ts";

type Extension = "none" | "zext" | "sext";

/** The print function of an element type and the extension its value needs, or undefined (no runtime support). */
function printerOf(t: Type): { fn: string; param: Type; ext: Extension } | undefined {
  if (t instanceof FloatType && t.name === "f32") return { fn: "printF32", param: t, ext: "none" };
  if (t instanceof FloatType && t.name === "f64") return { fn: "printF64", param: t, ext: "none" };
  if (t instanceof IndexType) return { fn: "printU64", param: i64, ext: "none" };
  if (t instanceof IntegerType && t.width <= 64) {
    if (t.signedness === "unsigned") return { fn: "printU64", param: i64, ext: t.width < 64 ? "zext" : "none" };
    return { fn: "printI64", param: i64, ext: t.width === 1 ? "zext" : t.width < 64 ? "sext" : "none" };
  }
  return undefined;
}

const VOID = L.LLVMVoidType.get();

/** `llvm.call @name(args)` of a void function, declared first if need be. */
function callVoid(e: Emitter, name: string, args: readonly Value[] = []): void {
  lookupOrCreateFn(e, name, args.map((a) => a.type), VOID);
  e.call(name, args, undefined);
}

/**
 * vector.print of a scalar or a vector.
 *
 *   Before: vector.print %v : vector<2xf32>
 *   After:  llvm.call @printOpen() : () -> ()
 *           %0 = llvm.mlir.constant(0 : index) : i64     %1 = llvm.extractelement %v[%0 : i64] : vector<2xf32>
 *           llvm.call @printF32(%1) : (f32) -> ()
 *           llvm.call @printComma() : () -> ()
 *           %2 = llvm.mlir.constant(1 : index) : i64     %3 = llvm.extractelement %v[%2 : i64] : vector<2xf32>
 *           llvm.call @printF32(%3) : (f32) -> ()
 *           llvm.call @printClose() : () -> ()
 *           llvm.call @printNewline() : () -> ()
 */
const print = convert({
  name: "vector.print-to-llvm",
  root: V.PrintOp,
  apply(op, adaptor, rw) {
    const type = op.source.type;
    if (rw.typeConverter?.convertType(type) === undefined) return rw.fail("the type cannot be converted");
    const element = type instanceof VectorType ? type.elementType : type;
    const printer = printerOf(element);
    if (printer === undefined) return rw.fail(`no runtime print function for ${element.constructor.name}`);
    const e = emitter(rw, op);
    // Declared in MLIR 16's order (each new declaration goes first): the printer, then open and comma per vector.
    lookupOrCreateFn(e, printer.fn, [printer.param], VOID);
    const scalar = (v: Value): void => {
      const x = printer.ext === "none" ? v : e.one(printer.ext === "zext" ? A.ExtUIOp : A.ExtSIOp, [v], i64);
      callVoid(e, printer.fn, [x]);
    };
    const ranks = (v: Value, t: Type): void => {
      if (!(t instanceof VectorType)) return scalar(v);
      callVoid(e, "printOpen");
      lookupOrCreateFn(e, "printComma", [], VOID);
      const elementLLVM = e.tc.convertType(t.elementType) ?? t.elementType;
      const dim = t.rank === 0 ? 1 : (t.shape[0] as number);
      for (let d = 0; d < dim; d++) {
        if (t.rank <= 1) {
          const pos = e.index(d);
          scalar(e.one(L.ExtractElementOp, [v, pos], elementLLVM));
        } else {
          const rest = VectorType.get(t.shape.slice(1), t.elementType);
          ranks(e.extract(v, [d]), rest);
        }
        if (d !== dim - 1) callVoid(e, "printComma");
      }
      callVoid(e, "printClose");
    };
    ranks(adaptor.operands[0] as Value, type);
    callVoid(e, "printNewline");
    rw.eraseOp(op);
    return rw.done();
  },
});

export const printPatterns: readonly ConversionPattern[] = [print];
