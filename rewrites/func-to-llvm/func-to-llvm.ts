/**
 * `convert-func-to-llvm` (MLIR 16's FuncToLLVM.cpp), for signatures of scalars and vectors: func.func becomes
 * llvm.func with the converted signature (several results packed into a literal struct), func.return and
 * func.call follow, and `llvm.emit_c_interface` functions get their `_mlir_ciface_` wrapper (results returned
 * through a pointer when packed). The arith and cf patterns run in the same conversion, as MLIR 16's pass does
 * (it populates them too; not math's); the module gets `llvm.data_layout` (option `data-layout`).
 *
 *   Before: func.func @two(%a: i32, %f: f32) -> (i32, f32) { return %a, %f : i32, f32 }
 *   After:  llvm.func @two(%arg0: i32, %arg1: f32) -> !llvm.struct<(i32, f32)> {
 *             %0 = llvm.mlir.undef : !llvm.struct<(i32, f32)>
 *             %1 = llvm.insertvalue %arg0, %0[0] : !llvm.struct<(i32, f32)>
 *             %2 = llvm.insertvalue %arg1, %1[1] : !llvm.struct<(i32, f32)>
 *             llvm.return %2 : !llvm.struct<(i32, f32)>
 *           }
 *
 * Memref arguments and results: the function takes and returns each as one descriptor struct value (MLIR 16
 * expands an argument into the descriptor's fields; Tensile departs here, see docs/ARCHITECTURE.md); the C
 * wrapper is MLIR's: descriptors by pointer, memref results through the results pointer. Not yet: the wrappers
 * of external functions; `use-bare-ptr-memref-call-conv` is accepted and ignored.
 */
import * as t from "io-ts";
import { isLeft, left } from "fp-ts/lib/Either.js";
import { ArrayAttr, type Attribute, DenseArrayAttr, StringAttr, SymbolRefAttr, TypeAttr, UnitAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import { FloatType, IntegerType, MemRefType, type Type, UnrankedMemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionPattern, type ConversionRewriter, convert, legality } from "../../src/rewrite/conversion.ts";
import * as F from "../../dialects/func/index.ts";
import * as L from "../../dialects/llvm/index.ts";
import { LLVMTypeConverter } from "../llvm-common/type-converter.ts";
import { createBefore } from "../llvm-common/pattern.ts";
import { arithToLLVMPatterns } from "../arith-to-llvm/arith-to-llvm.ts";
import { cfToLLVMPatterns } from "../cf-to-llvm/cf-to-llvm.ts";

const EMIT_C_INTERFACE = "llvm.emit_c_interface";
const isMemRef = (t: Type): boolean => t instanceof MemRefType || t instanceof UnrankedMemRefType;
const i64Array = (xs: readonly number[]): DenseArrayAttr => DenseArrayAttr.get(IntegerType.get(64), xs.map(BigInt));

/** `values` packed into a struct of `type` (undef then one insertvalue each), built before `at`. */
function pack(rw: ConversionRewriter, at: Operation, type: Type, values: readonly Value[]): Value {
  let acc = createBefore(rw, at, L.UndefOp, { resultTypes: [type] }).getResult(0);
  values.forEach((v, i) => {
    acc = createBefore(rw, at, L.InsertValueOp, { operands: [acc, v], resultTypes: [type], attributes: { position: i64Array([i]) } }).getResult(0);
  });
  return acc;
}

/** The fields of a packed struct value, extracted before `at`. */
function unpack(rw: ConversionRewriter, at: Operation, value: Value, types: readonly Type[]): Value[] {
  return types.map((ty, i) => createBefore(rw, at, L.ExtractValueOp, { operands: [value], resultTypes: [ty], attributes: { position: i64Array([i]) } }).getResult(0));
}

/** The attributes func.func keeps on llvm.func: all but its signature, name and argument/result attributes. */
/** A func.func's linkage for its llvm.func (default external), as MLIR 16 reads it: convert-math-to-funcs sets it. */
const LINKAGE = "llvm.linkage";

function carriedAttributes(op: Operation): Record<string, Attribute> {
  const out: Record<string, Attribute> = {};
  for (const [k, v] of op.attributes) if (!["sym_name", "function_type", "arg_attrs", "res_attrs", LINKAGE].includes(k)) out[k] = v;
  return out;
}

/**
 * func.func -> llvm.func: the converted signature, the body moved over with its entry block's arguments
 * converted, and for `llvm.emit_c_interface` the `_mlir_ciface_` wrapper after it.
 */
const funcOp = convert({
  name: "func.func-to-llvm",
  root: F.FuncOp,
  apply(op, _adaptor, rw) {
    const converter = rw.typeConverter as LLVMTypeConverter | undefined;
    if (converter === undefined) return rw.fail("no type converter");
    const type = F.functionType(op);
    const llvmType = converter.convertFunctionSignature(type.inputs, type.results);
    const inputs = converter.convertSignatureArgs(type.inputs);
    if (llvmType === undefined || inputs === undefined) return rw.fail("the signature cannot be converted");
    const linkage = op.attr(LINKAGE);
    if (linkage !== undefined && !(linkage instanceof L.LinkageAttr)) return rw.fail(`Contains ${LINKAGE} attribute not of type LLVM::LinkageAttr`);
    const attributes: Record<string, Attribute> = {
      ...carriedAttributes(op),
      sym_name: StringAttr.get(F.funcName(op)),
      function_type: TypeAttr.get(llvmType),
      linkage: linkage instanceof L.LinkageAttr ? linkage : L.LinkageAttr.get("external"),
      CConv: L.CConvAttr.get("ccc"),
    };
    for (const k of ["arg_attrs", "res_attrs"]) {
      const v = op.attr(k);
      if (v instanceof ArrayAttr) attributes[k] = v;
    }
    const external = F.isExternal(op);
    const fn = createBefore(rw, op, { create: (init) => L.LLVMFuncOp.create({ ...init, regions: 1 }) }, { attributes });
    const body = fn.getRegion(0);
    rw.inlineRegionBefore(op.getRegion(0), body, 0);
    if (!external && !rw.convertRegionTypes(body, converter, inputs)) return rw.fail("a block argument type cannot be converted");
    if (op.attr(EMIT_C_INTERFACE) !== undefined && !external) wrapperFor(rw, op, fn, converter, type.inputs, type.results);
    rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * `_mlir_ciface_<name>`: the C interface of a function without memrefs. Packed results go through a pointer
 * passed first (MLIR's wrapForExternalCallers), a single result is returned.
 *
 *   llvm.func @_mlir_ciface_f(%arg0: !llvm.ptr<struct<(i32, f32)>>, %arg1: i32) attributes {llvm.emit_c_interface} {
 *     %0 = llvm.call @f(%arg1) : (i32) -> !llvm.struct<(i32, f32)>
 *     llvm.store %0, %arg0 : !llvm.ptr<struct<(i32, f32)>>
 *     llvm.return
 *   }
 */
function wrapperFor(rw: ConversionRewriter, func: Operation, fn: Operation, converter: LLVMTypeConverter, inputs: readonly Type[], results: readonly Type[]): void {
  const params = converter.convertTypes(inputs) ?? [];
  const packed = converter.packFunctionResults(results) as Type;
  // Memref results, and several results, go through a pointer passed first; memref arguments by pointer too.
  const viaPointer = results.length > 1 || results.some(isMemRef);
  // f16 and bf16 scalars cross the C interface as their bits (uint16_t): C has no portable half type, and LLVM
  // 14 passes `half` in float registers where a C caller passes integers (a departure from MLIR, which keeps half).
  const argParams = params.map((p, i) => (isMemRef(inputs[i] as Type) ? converter.pointerTo(p) : isHalf(p) ? i16 : p));
  const wrapperParams = viaPointer ? [converter.pointerTo(packed), ...argParams] : argParams;
  const returned = viaPointer ? L.LLVMVoidType.get() : isHalf(packed) ? i16 : packed;
  const wrapperType = L.LLVMFunctionType.get(returned, wrapperParams);
  const name = F.funcName(func as F.FuncOp);
  const wrapper = rw.at(InsertionPoint.before(func), () =>
    rw.insert(
      L.LLVMFuncOp.create({
        attributes: {
          sym_name: StringAttr.get(`_mlir_ciface_${name}`),
          function_type: TypeAttr.get(wrapperType),
          linkage: L.LinkageAttr.get("external"),
          CConv: L.CConvAttr.get("ccc"),
          [EMIT_C_INTERFACE]: UnitAttr.get(),
        },
        regions: 1,
        loc: func.loc,
      }),
    ),
  );
  // The wrapper goes after the function, as MLIR places it.
  rw.moveOpAfter(wrapper, fn);
  const entry = rw.createBlock(wrapper.getRegion(0), wrapperParams, wrapperParams.map(() => func.loc));
  rw.at(InsertionPoint.atEnd(entry), () => {
    const passed = viaPointer ? entry.args.slice(1) : entry.args;
    // A memref argument's descriptor is loaded from the pointer the C caller gave.
    const args = passed.map((a, i) => {
      if (isMemRef(inputs[i] as Type)) return rw.insert(L.LoadOp.create({ operands: [a], resultTypes: [params[i] as Type], loc: func.loc })).getResult(0);
      if (isHalf(params[i] as Type)) return rw.insert(L.BitcastOp.create({ operands: [a], resultTypes: [params[i] as Type], loc: func.loc })).getResult(0);
      return a;
    });
    const call = rw.insert(
      L.CallOp.create({
        operands: args,
        resultTypes: packed instanceof L.LLVMVoidType ? [] : [packed],
        attributes: { callee: symbolRef(name), fastmathFlags: L.FastmathFlagsAttr.none() },
        loc: func.loc,
      }),
    );
    if (viaPointer) {
      rw.insert(L.StoreOp.create({ operands: [call.getResult(0), entry.arg(0)], loc: func.loc }));
      rw.insert(L.ReturnOp.create({ loc: func.loc }));
    } else if (returned === i16) {
      const bits = rw.insert(L.BitcastOp.create({ operands: [call.getResult(0)], resultTypes: [i16], loc: func.loc }));
      rw.insert(L.ReturnOp.create({ operands: bits.results, loc: func.loc }));
    } else {
      rw.insert(L.ReturnOp.create({ operands: call.results, loc: func.loc }));
    }
  });
}

const i16 = IntegerType.get(16);
const isHalf = (t: Type): boolean => t instanceof FloatType && (t.name === "f16" || t.name === "bf16");

const symbolRef = (name: string): SymbolRefAttr => SymbolRefAttr.get(name);

/**
 * func.return -> llvm.return, several values packed into the function's result struct.
 *
 *   Before: return %a, %f : i32, f32        After: (undef, insertvalue x2)  llvm.return %2 : !llvm.struct<(i32, f32)>
 */
const returnOp = convert({
  name: "func.return-to-llvm",
  root: F.ReturnOp,
  apply(op, adaptor, rw) {
    const values = adaptor.operands;
    if (values.length <= 1) {
      rw.replaceOp(op, createBefore(rw, op, L.ReturnOp, { operands: values }).results);
      return rw.done();
    }
    const converter = rw.typeConverter as LLVMTypeConverter | undefined;
    const packed = converter?.packFunctionResults(op.operands.map((v) => v.type));
    if (packed === undefined) return rw.fail("the results cannot be converted");
    createBefore(rw, op, L.ReturnOp, { operands: [pack(rw, op, packed, values)] });
    rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * func.call -> llvm.call, a packed result unpacked.
 *
 *   Before: %1:2 = call @two(%0, %f) : (i32, f32) -> (i32, f32)
 *   After:  %2 = llvm.call @two(%1, %f) : (i32, f32) -> !llvm.struct<(i32, f32)>
 *           %3 = llvm.extractvalue %2[0] : ...     %4 = llvm.extractvalue %2[1] : ...
 */
const callOp = convert({
  name: "func.call-to-llvm",
  root: F.CallOp,
  apply(op, adaptor, rw) {
    const converter = rw.typeConverter as LLVMTypeConverter | undefined;
    const results = converter?.convertTypes(op.resultTypes);
    const packed = converter?.packFunctionResults(op.resultTypes);
    if (results === undefined || packed === undefined) return rw.fail("the result types cannot be converted");
    const call = createBefore(rw, op, L.CallOp, {
      operands: adaptor.operands,
      resultTypes: packed instanceof L.LLVMVoidType ? [] : [packed],
      attributes: { callee: op.callee, fastmathFlags: L.FastmathFlagsAttr.none() },
    });
    rw.replaceOp(op, results.length <= 1 ? call.results : unpack(rw, op, call.getResult(0), results));
    return rw.done();
  },
});

/** The func patterns of convert-func-to-llvm (the pass adds arith's and cf's). */
export const funcToLLVMPatterns: readonly ConversionPattern[] = [funcOp, returnOp, callOp];

export const convertFuncToLLVMPass = definePass({
  name: "convert-func-to-llvm",
  displayName: "ConvertFuncToLLVMPass",
  summary: "Convert from the Func dialect to the LLVM dialect",
  description: "Rewrites func.func, func.call and func.return (with arith and cf) as llvm ops, with C wrappers for llvm.emit_c_interface.",
  options: t.type({ useBarePtrCallConv: t.boolean, indexBitwidth: t.Int, dataLayout: t.string }),
  defaults: { useBarePtrCallConv: false, indexBitwidth: 0 as t.Int, dataLayout: "" },
  optionDocs: {
    useBarePtrCallConv: "Replace FuncOp's MemRef arguments with bare pointers to the MemRef element types",
    indexBitwidth: "Bitwidth of the index type, 0 to use size of machine word",
    dataLayout: "String description (LLVM format) of the data layout that is expected on the produced module",
  },
  run(op, pctx, opts) {
    const typeConverter = new LLVMTypeConverter({ indexBitwidth: opts.indexBitwidth });
    const target = legality().legalDialect("llvm").illegalOp(F.FuncOp, F.ReturnOp, F.CallOp);
    const listener = pctx.rewriteListener;
    // As MLIR 16's pass: arith's and cf's patterns too, not math's.
    const patterns = [...funcToLLVMPatterns, ...arithToLLVMPatterns, ...cfToLLVMPatterns];
    const r = applyPartialConversion(op, target, patterns, { ctx: pctx.context, typeConverter, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    if (op.name === "builtin.module") op.setAttr("llvm.data_layout", StringAttr.get(opts.dataLayout));
    return { changed: true };
  },
});

