/**
 * The llvm dialect's attributes and enums, as MLIR 16 spells them (LLVMAttrDefs.td, LLVMEnums.td):
 *
 *   #llvm.fastmath<nnan, ninf>   fast-math flags (`none`, `fast`); the `fastmathFlags` of float ops
 *   #llvm.linkage<internal>      linkage of functions and globals (`llvm.func internal @f`)
 *   #llvm.cconv<ccc>             calling convention of functions
 *   predicate = 2 : i64          icmp / fcmp predicates, atomic orderings and binary operations, unnamed_addr
 *                                and the inline-asm dialect are plain I64EnumAttrs (integers in generic form)
 *
 * Argument and function attributes are plain named attributes: `llvm.noalias`, `llvm.nocapture`,
 * `llvm.readonly`, `llvm.align = 16 : i64` on arguments, `llvm.emit_c_interface` (a unit attribute) on functions.
 */
import { defineBitEnumAttr, defineEnumAttr, defineIntEnum, type BitEnumAttr, type EnumAttr } from "../../src/irdl/enums.ts";
import type { AttrConstraint } from "../../src/irdl/constraints.ts";

// ---- fast-math flags -------------------------------------------------------------------------------------

/** LLVM's fast-math flags, in MLIR 16's bit order (which differs from arith's: `reassoc` is bit 6). */
export const LLVM_FASTMATH_FLAGS = ["nnan", "ninf", "nsz", "arcp", "contract", "afn", "reassoc"] as const;
export type LLVMFastmathFlag = (typeof LLVM_FASTMATH_FLAGS)[number];

/** `#llvm.fastmath<...>`: MLIR 16 separates flags with `, `. */
export const FastmathFlagsAttr = defineBitEnumAttr({
  dialect: "llvm",
  name: "FastmathFlags",
  mnemonic: "fastmath",
  description: "LLVM fastmath flags",
  cppNamespace: "::mlir::LLVM",
  syntax: "angle",
  none: "none",
  bits: { nnan: 0, ninf: 1, nsz: 2, arcp: 3, contract: 4, afn: 5, reassoc: 6 },
  groups: { fast: LLVM_FASTMATH_FLAGS },
  separator: ", ",
  printPrimaryGroups: true,
});
export type FastmathFlagsAttr = BitEnumAttr<LLVMFastmathFlag, "fast", "none">;
export const FastmathFlagsAttrC: AttrConstraint<FastmathFlagsAttr> = FastmathFlagsAttr.constraint;

// ---- linkage and calling convention ----------------------------------------------------------------------

export const LINKAGES = {
  private: 0,
  internal: 1,
  available_externally: 2,
  linkonce: 3,
  weak: 4,
  common: 5,
  appending: 6,
  extern_weak: 7,
  linkonce_odr: 8,
  weak_odr: 9,
  external: 10,
} as const;
export type Linkage = keyof typeof LINKAGES;

/** `#llvm.linkage<internal>`. */
export const LinkageAttr = defineEnumAttr({
  dialect: "llvm",
  name: "Linkage",
  mnemonic: "linkage",
  description: "LLVM Linkage specification",
  cppNamespace: "::mlir::LLVM::linkage",
  syntax: "angle",
  cases: LINKAGES,
});
export type LinkageAttr = EnumAttr<Linkage>;

/** `#llvm.cconv<ccc>`: the calling conventions of MLIR 16's CConvEnum, by their LLVM IR keyword. */
export const CConvAttr = defineEnumAttr({
  dialect: "llvm",
  name: "CConv",
  mnemonic: "cconv",
  description: "LLVM Calling Convention specification",
  cppNamespace: "::mlir::LLVM::cconv",
  syntax: "angle",
  cases: {
    ccc: 0, fastcc: 8, coldcc: 9, cc_10: 10, cc_11: 11, webkit_jscc: 12, anyregcc: 13, preserve_mostcc: 14,
    preserve_allcc: 15, swiftcc: 16, cxx_fast_tlscc: 17, tailcc: 18, cfguard_checkcc: 19, swifttailcc: 20,
    x86_stdcallcc: 64, x86_fastcallcc: 65, arm_apcscc: 66, arm_aapcscc: 67, arm_aapcs_vfpcc: 68,
    msp430_intrcc: 69, x86_thiscallcc: 70, ptx_kernelcc: 71, ptx_devicecc: 72, spir_funccc: 75,
    spir_kernelcc: 76, intel_ocl_bicc: 77, x86_64_sysvcc: 78, win64cc: 79, x86_vectorcallcc: 80, hhvmcc: 81,
    hhvm_ccc: 82, x86_intrcc: 83, avr_intrcc: 84, avr_signalcc: 85, avr_builtincc: 86, amdgpu_vscc: 87,
    amdgpu_gscc: 88, amdgpu_pscc: 89, amdgpu_cscc: 90, amdgpu_kernelcc: 91, x86_regcallcc: 92,
    amdgpu_hscc: 93, msp430_builtincc: 94, amdgpu_lscc: 95, amdgpu_escc: 96, aarch64_vectorcallcc: 97,
    aarch64_sve_vectorcallcc: 98, wasm_emscripten_invokecc: 99, amdgpu_gfxcc: 100, m68k_intrcc: 101,
  },
});
export type CConvAttr = InstanceType<typeof CConvAttr>;

// ---- integer-backed enums (I64EnumAttr) -----------------------------------------------------------------

/** `llvm.icmp` predicates. */
export const ICmpPredicate = defineIntEnum({
  name: "ICmpPredicate",
  width: 64,
  cases: { eq: 0, ne: 1, slt: 2, sle: 3, sgt: 4, sge: 5, ult: 6, ule: 7, ugt: 8, uge: 9 },
  description: "llvm.icmp comparison predicate",
});
export type ICmpPredicateName = (typeof ICmpPredicate.cases)[number];

/** `llvm.fcmp` predicates (MLIR 16 spells the constant ones `_false` and `_true`). */
export const FCmpPredicate = defineIntEnum({
  name: "FCmpPredicate",
  width: 64,
  cases: {
    _false: 0, oeq: 1, ogt: 2, oge: 3, olt: 4, ole: 5, one: 6, ord: 7,
    ueq: 8, ugt: 9, uge: 10, ult: 11, ule: 12, une: 13, uno: 14, _true: 15,
  },
  description: "llvm.fcmp comparison predicate",
});
export type FCmpPredicateName = (typeof FCmpPredicate.cases)[number];

/** `llvm.atomicrmw` operations (MLIR 16's `_and`, `_or`, `_xor` avoid C++ keywords). */
export const AtomicBinOp = defineIntEnum({
  name: "AtomicBinOp",
  width: 64,
  cases: { xchg: 0, add: 1, sub: 2, _and: 3, nand: 4, _or: 5, _xor: 6, max: 7, min: 8, umax: 9, umin: 10, fadd: 11, fsub: 12 },
  description: "llvm.atomicrmw binary operations",
});
export type AtomicBinOpName = (typeof AtomicBinOp.cases)[number];

/** Memory orderings of atomic operations. */
export const AtomicOrdering = defineIntEnum({
  name: "AtomicOrdering",
  width: 64,
  cases: { not_atomic: 0, unordered: 1, monotonic: 2, acquire: 4, release: 5, acq_rel: 6, seq_cst: 7 },
  description: "Atomic ordering for LLVM's memory model",
});
export type AtomicOrderingName = (typeof AtomicOrdering.cases)[number];

/** `unnamed_addr` of globals (the empty keyword is the default, not printed). */
export const UnnamedAddr = defineIntEnum({
  name: "UnnamedAddr",
  width: 64,
  cases: { "": 0, local_unnamed_addr: 1, unnamed_addr: 2 },
  description: "LLVM GlobalValue UnnamedAddr",
});

/** The inline-assembly dialect of `llvm.inline_asm`. */
export const AsmDialect = defineIntEnum({
  name: "AsmDialect",
  width: 64,
  cases: { att: 0, intel: 1 },
  description: "ATT (0) or Intel (1) asm dialect",
});

// ---- argument and function attribute names ---------------------------------------------------------------

/** Names of the argument/result/function attributes the conversions and the translation read. */
export const LLVMAttrNames = {
  noalias: "llvm.noalias",
  nocapture: "llvm.nocapture",
  readonly: "llvm.readonly",
  align: "llvm.align",
  noundef: "llvm.noundef",
  nonnull: "llvm.nonnull",
  emitCInterface: "llvm.emit_c_interface",
} as const;

/** Every attribute class the dialect's parser knows by mnemonic. */
export const llvmAttributes = [FastmathFlagsAttr, LinkageAttr, CConvAttr];
