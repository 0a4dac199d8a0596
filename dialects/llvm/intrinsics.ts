/**
 * The `llvm.intr.*` ops of MLIR 16's LLVMIntrinsicOps.td that a CPU backend uses, defined from tables: one
 * entry per intrinsic, grouped in families that share operands and syntax, as the .td's base classes do.
 *
 *   %0 = llvm.intr.sqrt(%x)  : (f32) -> f32                        unary/binary/ternary float, `fastmathFlags`
 *   %1 = llvm.intr.smax(%a, %b)  : (i32, i32) -> i32               unary/binary integer
 *   %2 = "llvm.intr.ctlz"(%a, %false) : (i32, i1) -> i32           no custom form in MLIR 16: generic syntax
 *   %3 = "llvm.intr.vector.reduce.fadd"(%acc, %v) {reassoc = false} : (f32, vector<4xf32>) -> f32
 *   %4 = llvm.intr.masked.load %p, %m, %pt {alignment = 4 : i32} : (!llvm.ptr, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
 *   llvm.intr.lifetime.start 16, %p : !llvm.ptr
 *
 * Every intrinsic also records how the translation to LLVM IR calls it (`INTRINSICS`): the LLVM intrinsic's
 * name and which result and operand types it is overloaded on (the .td's overloadedResults/Operands), so the
 * translation can handle the ones without special lowering by one generic case.
 */
import { BoolAttrC, I32Attr, I64Attr, StrAttr, type TypeConstraint } from "../../src/irdl/constraints.ts";
import { AnySignlessInteger, Bool } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { Pure, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { boolAttr } from "../../src/ir/attributes.ts";
import { defaultAttr, type OpSpec, variadic } from "../../src/irdl/spec.ts";
import { opError } from "../../src/irdl/op-error.ts";
import {
  BuiltinFloatOrVector,
  FloatOrFloatVector,
  I32,
  I8,
  I8Pointer,
  LLVMAnyPointer,
  LLVMAnyType,
  LLVMAnyVector,
  SignlessIntOrVector,
  vectorOf,
} from "./constraints.ts";
import { AnyFloat } from "../../src/irdl/constraints.ts";
import { fastmathFlags } from "./ops-arith.ts";
import { printLLVMOpAttrs } from "./syntax.ts";
import type { OpAsmHooks } from "../../src/text/asm-interfaces.ts";
import type { Type } from "../../src/ir/types.ts";
import { isCompatibleVectorType, vectorNumElements } from "./types.ts";

/** How the translation calls an intrinsic op: LLVM's name and the overloaded result/operand positions. */
export interface IntrinsicInfo {
  /** The LLVM intrinsic, `llvm.sqrt` for `llvm.intr.sqrt`. */
  readonly llvmName: string;
  readonly overloadedResults: readonly number[];
  readonly overloadedOperands: readonly number[];
}

/** Every intrinsic op defined here, by op name. */
export const INTRINSICS = new Map<string, IntrinsicInfo>();

function intr<const M extends string, const S extends Omit<OpSpec, "name" | "allTypesMatch" | "typesMatchWith">>(
  mnemonic: M,
  spec: S,
  info: { results?: readonly number[]; operands?: readonly number[] },
  asm?: OpAsmHooks,
) {
  const name = `llvm.intr.${mnemonic}` as const;
  INTRINSICS.set(name, { llvmName: `llvm.${mnemonic}`, overloadedResults: info.results ?? [], overloadedOperands: info.operands ?? [] });
  return defineOp({ ...spec, name } as S & { readonly name: `llvm.intr.${M}` }, asm === undefined ? {} : { asm });
}

/** `(operands) custom<LLVMOpAttrs>(attr-dict) : functional-type(operands, results)`, as MLIR 16's families print. */
const parenOperandsAsm: OpAsmHooks = {
  print(op, p) {
    p.print("(");
    p.printOperands(op.operands);
    p.print(")");
    printLLVMOpAttrs(op, p);
    p.print(" : ");
    p.printFunctionalType(
      op.operands.map((v) => v.type),
      op.resultTypes,
    );
  },
  parse(p, state) {
    const at = p.pos();
    const operands = p.parseOperandList("()");
    p.parseOptionalAttrDict(state.attributes);
    p.parsePunct(":");
    const type = p.parseFunctionType();
    state.operands.push(...p.resolveOperands(operands, type.inputs, at));
    state.resultTypes.push(...type.results);
  },
};

// ---- families ----------------------------------------------------------------------------------------------

const unaryF = <const M extends string>(m: M, summary: string) =>
  intr(
    m,
    {
      summary,
      operands: { in: FloatOrFloatVector },
      results: { res: LLVMAnyType },
      attributes: { fastmathFlags },
      traits: [Pure, SameOperandsAndResultType],
    },
    { results: [0] },
    parenOperandsAsm,
  );
const binaryF = <const M extends string>(m: M, summary: string) =>
  intr(
    m,
    {
      summary,
      operands: { a: FloatOrFloatVector, b: FloatOrFloatVector },
      results: { res: LLVMAnyType },
      attributes: { fastmathFlags },
      traits: [Pure, SameOperandsAndResultType],
    },
    { results: [0] },
    parenOperandsAsm,
  );
const ternaryF = <const M extends string>(m: M, summary: string) =>
  intr(
    m,
    {
      summary,
      operands: { a: BuiltinFloatOrVector, b: BuiltinFloatOrVector, c: BuiltinFloatOrVector },
      results: { res: LLVMAnyType },
      attributes: { fastmathFlags },
      traits: [Pure, SameOperandsAndResultType],
    },
    { results: [0] },
    parenOperandsAsm,
  );
const unaryI = <const M extends string>(m: M, summary: string) =>
  intr(m, { summary, operands: { in: SignlessIntOrVector }, results: { res: LLVMAnyType }, traits: [Pure, SameOperandsAndResultType] }, { results: [0] }, parenOperandsAsm);
const binaryI = <const M extends string>(m: M, summary: string) =>
  intr(
    m,
    { summary, operands: { a: SignlessIntOrVector, b: SignlessIntOrVector }, results: { res: LLVMAnyType }, traits: [Pure, SameOperandsAndResultType] },
    { results: [0] },
    parenOperandsAsm,
  );
/** ctlz / cttz: generic syntax; the i1 says whether a zero input is poison. */
const countZeros = <const M extends string>(m: M, summary: string) =>
  intr(m, { summary, operands: { in: SignlessIntOrVector, zero_undefined: Bool }, results: { res: LLVMAnyType }, traits: [Pure] }, { results: [0] });
/** `*.with.overflow`: a struct of the result and an i1 overflow flag; generic syntax. */
const withOverflow = <const M extends string>(m: M, summary: string) =>
  intr(m, { summary, operands: { lhs: SignlessIntOrVector, rhs: SignlessIntOrVector }, results: { res: LLVMAnyType } }, { operands: [0] });
const reduce = <const M extends string>(m: M, element: TypeConstraint, summary: string) =>
  intr(`vector.reduce.${m}` as `vector.reduce.${M}`, { summary, operands: { in: vectorOf(element) }, results: { res: LLVMAnyType }, traits: [Pure] }, { operands: [0] });
/** vector.reduce.fadd/fmul: ordered unless `reassoc`, starting from `start_value`. */
const reduceAcc = <const M extends string>(m: M, summary: string) =>
  intr(
    `vector.reduce.${m}` as `vector.reduce.${M}`,
    {
      summary,
      operands: { start_value: AnyFloat, input: vectorOf(AnyFloat) },
      results: { res: LLVMAnyType },
      attributes: { reassoc: defaultAttr(BoolAttrC, () => boolAttr(false)) },
      traits: [Pure],
    },
    { operands: [1] },
  );
const memTransfer = <const M extends string>(m: M, summary: string) =>
  intr(m, { summary, operands: { dst: LLVMAnyPointer, src: LLVMAnyPointer, len: AnySignlessInteger, isVolatile: Bool } }, { operands: [0, 1, 2] });

/**
 * Builds one op per entry of `table` (mnemonic -> summary) with `make`, keeping each op's literal name in the
 * result's type: `family(UNARY_F, unaryF).sqrt` is the class of `llvm.intr.sqrt`.
 */
function family<const T extends Readonly<Record<string, string>>, R>(table: T, make: (m: keyof T & string, summary: string) => R): { readonly [K in keyof T & string]: R } {
  return Object.fromEntries(Object.entries(table).map(([m, summary]) => [m, make(m, summary)])) as { readonly [K in keyof T & string]: R };
}

// ---- math ----------------------------------------------------------------------------------------------------

const UNARY_F = {
  sqrt: "square root (llvm.sqrt)",
  exp: "e raised to the operand (llvm.exp)",
  exp2: "2 raised to the operand (llvm.exp2)",
  log: "natural logarithm (llvm.log)",
  log2: "base-2 logarithm (llvm.log2)",
  log10: "base-10 logarithm (llvm.log10)",
  sin: "sine (llvm.sin)",
  cos: "cosine (llvm.cos)",
  fabs: "absolute value (llvm.fabs)",
  floor: "largest integral value not greater (llvm.floor)",
  ceil: "smallest integral value not less (llvm.ceil)",
  round: "rounds half away from zero (llvm.round)",
  roundeven: "rounds half to even (llvm.roundeven)",
  trunc: "rounds towards zero (llvm.trunc)",
} as const;
const BINARY_F = {
  pow: "a raised to the power b (llvm.pow)",
  copysign: "magnitude of a with the sign of b (llvm.copysign)",
  minnum: "minimum, ignoring a NaN operand (llvm.minnum)",
  maxnum: "maximum, ignoring a NaN operand (llvm.maxnum)",
  minimum: "minimum, propagating NaN (llvm.minimum)",
  maximum: "maximum, propagating NaN (llvm.maximum)",
} as const;
const TERNARY_F = { fma: "a * b + c rounded once (llvm.fma)", fmuladd: "a * b + c, fused when faster (llvm.fmuladd)" } as const;

/** Float intrinsics of one operand: `llvm.intr.sqrt(%x)  : (f32) -> f32`. */
export const unaryFloatIntrinsics = family(UNARY_F, unaryF) as { readonly [K in keyof typeof UNARY_F]: ReturnType<typeof unaryF<K>> };
/** Float intrinsics of two operands: `llvm.intr.pow(%a, %b)  : (f32, f32) -> f32`. */
export const binaryFloatIntrinsics = family(BINARY_F, binaryF) as { readonly [K in keyof typeof BINARY_F]: ReturnType<typeof binaryF<K>> };
/** `llvm.intr.fma` and `llvm.intr.fmuladd`. */
export const ternaryFloatIntrinsics = family(TERNARY_F, ternaryF) as { readonly [K in keyof typeof TERNARY_F]: ReturnType<typeof ternaryF<K>> };
export const PowIOp = intr(
  "powi",
  {
    summary: "a float raised to an integer power (llvm.powi)",
    operands: { val: FloatOrFloatVector, power: AnySignlessInteger },
    results: { res: LLVMAnyType },
    attributes: { fastmathFlags },
    traits: [Pure],
  },
  { results: [0], operands: [1] },
  parenOperandsAsm,
);
export const IsFPClassOp = intr(
  "is.fpclass",
  { summary: "tests a float against a set of classes (llvm.is.fpclass)", operands: { in: FloatOrFloatVector, bit: I32 }, results: { res: LLVMAnyType }, traits: [Pure] },
  { results: [0] },
);

// ---- integer -------------------------------------------------------------------------------------------------

export const AbsOp = intr(
  "abs",
  { summary: "integer absolute value (llvm.abs)", operands: { in: SignlessIntOrVector, is_int_min_poison: Bool }, results: { res: LLVMAnyType }, traits: [Pure] },
  { results: [0] },
);
const BINARY_I = { smax: "signed maximum (llvm.smax)", smin: "signed minimum (llvm.smin)", umax: "unsigned maximum (llvm.umax)", umin: "unsigned minimum (llvm.umin)" } as const;
const UNARY_I = { ctpop: "number of set bits (llvm.ctpop)", bitreverse: "reverses the bits (llvm.bitreverse)" } as const;
const COUNT_ZEROS = { ctlz: "number of leading zero bits (llvm.ctlz)", cttz: "number of trailing zero bits (llvm.cttz)" } as const;
const WITH_OVERFLOW = {
  "sadd.with.overflow": "signed addition and whether it overflowed",
  "uadd.with.overflow": "unsigned addition and whether it overflowed",
  "ssub.with.overflow": "signed subtraction and whether it overflowed",
  "usub.with.overflow": "unsigned subtraction and whether it overflowed",
  "smul.with.overflow": "signed multiplication and whether it overflowed",
  "umul.with.overflow": "unsigned multiplication and whether it overflowed",
} as const;

export const binaryIntIntrinsics = family(BINARY_I, binaryI) as { readonly [K in keyof typeof BINARY_I]: ReturnType<typeof binaryI<K>> };
export const unaryIntIntrinsics = family(UNARY_I, unaryI) as { readonly [K in keyof typeof UNARY_I]: ReturnType<typeof unaryI<K>> };
export const countZerosIntrinsics = family(COUNT_ZEROS, countZeros) as { readonly [K in keyof typeof COUNT_ZEROS]: ReturnType<typeof countZeros<K>> };
export const withOverflowIntrinsics = family(WITH_OVERFLOW, withOverflow) as { readonly [K in keyof typeof WITH_OVERFLOW]: ReturnType<typeof withOverflow<K>> };

// ---- vector reductions ---------------------------------------------------------------------------------------

const REDUCE_I = {
  add: "sum of the elements (llvm.vector.reduce.add)",
  mul: "product of the elements (llvm.vector.reduce.mul)",
  and: "bitwise and of the elements (llvm.vector.reduce.and)",
  or: "bitwise or of the elements (llvm.vector.reduce.or)",
  xor: "bitwise xor of the elements (llvm.vector.reduce.xor)",
  smax: "signed maximum of the elements",
  smin: "signed minimum of the elements",
  umax: "unsigned maximum of the elements",
  umin: "unsigned minimum of the elements",
} as const;
const REDUCE_F = { fmax: "maximum of the elements (llvm.vector.reduce.fmax)", fmin: "minimum of the elements (llvm.vector.reduce.fmin)" } as const;
const REDUCE_ACC = {
  fadd: "start value plus the elements, in order unless reassoc",
  fmul: "start value times the elements, in order unless reassoc",
} as const;
const reduceI = <const M extends string>(m: M, summary: string) => reduce(m, AnySignlessInteger, summary);
const reduceF = <const M extends string>(m: M, summary: string) => reduce(m, AnyFloat, summary);

/** `llvm.intr.vector.reduce.<kind>`, by kind (`add`, `fmax`, `fadd`, ...). */
export const vectorReduceIntrinsics = {
  ...(family(REDUCE_I, reduceI) as { readonly [K in keyof typeof REDUCE_I]: ReturnType<typeof reduceI<K>> }),
  ...(family(REDUCE_F, reduceF) as { readonly [K in keyof typeof REDUCE_F]: ReturnType<typeof reduceF<K>> }),
  ...(family(REDUCE_ACC, reduceAcc) as { readonly [K in keyof typeof REDUCE_ACC]: ReturnType<typeof reduceAcc<K>> }),
};

// ---- memory --------------------------------------------------------------------------------------------------

const MEM_TRANSFER = {
  memcpy: "copies len bytes between non-overlapping buffers (llvm.memcpy)",
  "memcpy.inline": "memcpy that is never a library call",
  memmove: "copies len bytes between possibly overlapping buffers (llvm.memmove)",
} as const;
export const memTransferIntrinsics = family(MEM_TRANSFER, memTransfer) as { readonly [K in keyof typeof MEM_TRANSFER]: ReturnType<typeof memTransfer<K>> };
export const MemsetOp = intr(
  "memset",
  { summary: "fills len bytes with a byte value (llvm.memset)", operands: { dst: LLVMAnyPointer, val: I8, len: AnySignlessInteger, isVolatile: Bool } },
  { operands: [0, 2] },
);
const lifetime = <const M extends "lifetime.start" | "lifetime.end">(m: M, summary: string) =>
  intr(m, { summary, operands: { ptr: LLVMAnyPointer }, attributes: { size: I64Attr }, format: "$size `,` $ptr attr-dict `:` qualified(type($ptr))" }, { operands: [1] });
export const LifetimeStartOp = lifetime("lifetime.start", "marks the start of a stack object's lifetime");
export const LifetimeEndOp = lifetime("lifetime.end", "marks the end of a stack object's lifetime");
export const PrefetchOp = intr(
  "prefetch",
  { summary: "hints that memory will be accessed (llvm.prefetch)", operands: { addr: LLVMAnyPointer, rw: I32, hint: I32, cache: I32 } },
  { operands: [0] },
);
export const StackSaveOp = intr("stacksave", { summary: "the current stack pointer", results: { res: LLVMAnyType }, format: "attr-dict `:` type($res)" }, {});
export const StackRestoreOp = intr("stackrestore", { summary: "restores the stack pointer saved by stacksave", operands: { ptr: I8Pointer }, format: "$ptr attr-dict" }, {});
export const AssumeOp = intr("assume", { summary: "lets the optimizer assume a condition holds", operands: { cond: Bool } }, {});

const I1Vector = vectorOf(Bool);
export const MaskedLoadOp = intr(
  "masked.load",
  {
    summary: "loads the vector lanes a mask enables, the others from pass_thru (llvm.masked.load)",
    operands: { data: LLVMAnyPointer, mask: I1Vector, pass_thru: variadic(LLVMAnyVector) },
    results: { res: LLVMAnyVector },
    attributes: { alignment: I32Attr },
    format: "operands attr-dict `:` functional-type(operands, results)",
  },
  { results: [0], operands: [0] },
);
export const MaskedStoreOp = intr(
  "masked.store",
  {
    summary: "stores the vector lanes a mask enables (llvm.masked.store)",
    operands: { value: LLVMAnyVector, data: LLVMAnyPointer, mask: I1Vector },
    attributes: { alignment: I32Attr },
    format: "$value `,` $data `,` $mask attr-dict `:` type($value) `,` type($mask) `into` qualified(type($data))",
  },
  { operands: [0, 1] },
);
export const MaskedGatherOp = intr(
  "masked.gather",
  {
    summary: "loads each enabled lane from its own pointer (llvm.masked.gather)",
    operands: { ptrs: vectorOf(LLVMAnyPointer), mask: I1Vector, pass_thru: variadic(LLVMAnyVector) },
    results: { res: LLVMAnyVector },
    attributes: { alignment: I32Attr },
    format: "operands attr-dict `:` functional-type(operands, results)",
  },
  { results: [0], operands: [0] },
);
export const MaskedScatterOp = intr(
  "masked.scatter",
  {
    summary: "stores each enabled lane to its own pointer (llvm.masked.scatter)",
    operands: { value: LLVMAnyVector, ptrs: vectorOf(LLVMAnyPointer), mask: I1Vector },
    attributes: { alignment: I32Attr },
    format: "$value `,` $ptrs `,` $mask attr-dict `:` type($value) `,` type($mask) `into` type($ptrs)",
  },
  { operands: [0, 1] },
);
export const MaskedExpandLoadOp = intr(
  "masked.expandload",
  { summary: "loads consecutive elements into the enabled lanes", operands: { ptr: LLVMAnyPointer, mask: I1Vector, pass_thru: LLVMAnyVector }, results: { res: LLVMAnyType } },
  { results: [0] },
);
export const MaskedCompressStoreOp = intr(
  "masked.compressstore",
  { summary: "stores the enabled lanes to consecutive elements", operands: { value: LLVMAnyVector, ptr: LLVMAnyPointer, mask: I1Vector } },
  { operands: [0] },
);

// ---- vectors and varargs -------------------------------------------------------------------------------------

export const VScaleOp = intr("vscale", { summary: "the runtime multiple of scalable vector lengths (llvm.vscale)", results: { res: LLVMAnyType } }, { results: [0] });
export const StepVectorOp = intr(
  "experimental.stepvector",
  { summary: "the vector <0, 1, 2, ...>", results: { res: vectorOf(AnySignlessInteger) }, traits: [Pure], format: "attr-dict `:` type($res)" },
  { results: [0] },
);
export const GetActiveLaneMaskOp = intr(
  "get.active.lane.mask",
  {
    summary: "lane i enabled when base + i < n (llvm.get.active.lane.mask)",
    operands: { base: AnySignlessInteger, n: AnySignlessInteger },
    results: { res: LLVMAnyType },
    traits: [Pure],
    format: "$base `,` $n attr-dict `:` type($base) `,` type($n) `to` type($res)",
  },
  { results: [0], operands: [0] },
);

/** Bits of a vector type (minimum for scalable ones), for the 2^17-bit limit of vector.insert/extract. */
const vectorBits = (t: Type): number => {
  if (!isCompatibleVectorType(t)) return 0;
  const e = t.elementType;
  return vectorNumElements(t).n * ("width" in e && typeof e.width === "number" ? e.width : 0);
};
const scalable = (t: Type): boolean => isCompatibleVectorType(t) && vectorNumElements(t).scalable;

export const VectorInsertOp = defineOp(
  {
    name: "llvm.intr.vector.insert",
    summary: "inserts a subvector at a position (llvm.vector.insert)",
    operands: { srcvec: LLVMAnyVector, dstvec: LLVMAnyVector },
    results: { res: LLVMAnyVector },
    attributes: { pos: I64Attr },
    traits: [Pure],
    allTypesMatch: [["dstvec", "res"]],
    format: "$srcvec `,` $dstvec `[` $pos `]` attr-dict `:` type($srcvec) `into` type($res)",
  },
  {
    verify(op) {
      if (vectorBits(op.srcvec.type) > 131072 || vectorBits(op.dstvec.type) > 131072) {
        return opError(op, "failed to verify that vectors are not bigger than 2^17 bits.");
      }
      if (scalable(op.srcvec.type) && !scalable(op.dstvec.type)) {
        return opError(op, "failed to verify that it is not inserting scalable into fixed-length vectors.");
      }
      return undefined;
    },
  },
);
INTRINSICS.set("llvm.intr.vector.insert", { llvmName: "llvm.vector.insert", overloadedResults: [0], overloadedOperands: [0] });
export const VectorExtractOp = defineOp(
  {
    name: "llvm.intr.vector.extract",
    summary: "extracts a subvector at a position (llvm.vector.extract)",
    operands: { srcvec: LLVMAnyVector },
    results: { res: LLVMAnyVector },
    attributes: { pos: I64Attr },
    traits: [Pure],
    format: "$srcvec `[` $pos `]` attr-dict `:` type($res) `from` type($srcvec)",
  },
  {
    verify(op) {
      if (vectorBits(op.srcvec.type) > 131072 || vectorBits(op.res.type) > 131072) {
        return opError(op, "failed to verify that vectors are not bigger than 2^17 bits.");
      }
      if (scalable(op.res.type) && !scalable(op.srcvec.type)) {
        return opError(op, "failed to verify that it is not extracting scalable from fixed-length vectors.");
      }
      return undefined;
    },
  },
);
INTRINSICS.set("llvm.intr.vector.extract", { llvmName: "llvm.vector.extract", overloadedResults: [0], overloadedOperands: [0] });

export const VaStartOp = intr("vastart", { summary: "Initializes `arg_list` for subsequent variadic argument extractions.", operands: { arg_list: I8Pointer }, format: "$arg_list attr-dict" }, {});
export const VaCopyOp = intr(
  "vacopy",
  { summary: "Copies the current argument position from `src_list` to `dest_list`.", operands: { dest_list: I8Pointer, src_list: I8Pointer }, format: "$src_list `to` $dest_list attr-dict" },
  {},
);
export const VaEndOp = intr(
  "vaend",
  { summary: "Destroys `arg_list`, which has been initialized by `intr.vastart` or `intr.vacopy`.", operands: { arg_list: I8Pointer }, format: "$arg_list attr-dict" },
  {},
);
export const EhTypeidForOp = intr(
  "eh.typeid.for",
  { summary: "the type id of a type info for exception matching", operands: { type_info: I8Pointer }, results: { res: LLVMAnyType }, format: "$type_info attr-dict `:` type($res)" },
  {},
);

/** `llvm.call_intrinsic "llvm.fshl.i32"(%a, %b, %c) : (i32, i32, i32) -> i32`: any LLVM intrinsic by name. */
export const CallIntrinsicOp = defineOp({
  name: "llvm.call_intrinsic",
  summary: "Call to an LLVM intrinsic function.",
  operands: { args: variadic(LLVMAnyType) },
  results: { res: variadic(LLVMAnyType) },
  attributes: { intrin: StrAttr },
  format: "$intrin `(` $args `)` `:` functional-type($args, $res) attr-dict",
});

export const intrinsicOps = [
  ...Object.values(unaryFloatIntrinsics), ...Object.values(binaryFloatIntrinsics), ...Object.values(ternaryFloatIntrinsics),
  PowIOp, IsFPClassOp, AbsOp,
  ...Object.values(binaryIntIntrinsics), ...Object.values(unaryIntIntrinsics), ...Object.values(countZerosIntrinsics),
  ...Object.values(withOverflowIntrinsics), ...Object.values(vectorReduceIntrinsics), ...Object.values(memTransferIntrinsics),
  MemsetOp, LifetimeStartOp, LifetimeEndOp, PrefetchOp, StackSaveOp, StackRestoreOp, AssumeOp,
  MaskedLoadOp, MaskedStoreOp, MaskedGatherOp, MaskedScatterOp, MaskedExpandLoadOp, MaskedCompressStoreOp,
  VScaleOp, StepVectorOp, GetActiveLaneMaskOp, VectorInsertOp, VectorExtractOp,
  VaStartOp, VaCopyOp, VaEndOp, EhTypeidForOp, CallIntrinsicOp,
];
