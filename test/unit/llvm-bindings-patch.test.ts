/**
 * Exercises every entry point Tensile's patch adds to llvm-bindings (patches/llvm-bindings+0.4.2.patch,
 * sources in the package's src/Extensions): each test builds IR with the new API and asserts on the printed
 * IR, on what LLVM reports back, or on the error a wrong call gets (thrown in JS, never an LLVM abort).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import llvm from "llvm-bindings";

llvm.InitializeAllTargetInfos();
llvm.InitializeAllTargets();
llvm.InitializeAllTargetMCs();
llvm.InitializeAllAsmPrinters();
llvm.InitializeAllAsmParsers();

const X86 = "x86_64-unknown-linux-gnu";
const RISCV = "riscv64-unknown-linux-gnu";

interface Fixture {
  context: llvm.LLVMContext;
  module: llvm.Module;
  builder: llvm.IRBuilder;
  fn: llvm.Function;
  f32: llvm.Type;
  i32: llvm.IntegerType;
  i64: llvm.IntegerType;
}

/** A module with `define void @f(<params>)` and a builder at the end of its entry block. */
function fixture(
  params: (f: { context: llvm.LLVMContext; f32: llvm.Type; i32: llvm.IntegerType }) => llvm.Type[] = () => [],
): Fixture {
  const context = new llvm.LLVMContext();
  const module = new llvm.Module("m", context);
  const f32 = llvm.Type.getFloatTy(context);
  const i32 = llvm.Type.getInt32Ty(context);
  const i64 = llvm.Type.getInt64Ty(context);
  const type = llvm.FunctionType.get(llvm.Type.getVoidTy(context), params({ context, f32, i32 }), false);
  const fn = llvm.Function.Create(type, llvm.Function.LinkageTypes.ExternalLinkage, "f", module);
  const builder = new llvm.IRBuilder(llvm.BasicBlock.Create(context, "entry", fn));
  return { context, module, builder, fn, f32, i32, i64 };
}

function finish(f: Fixture): string {
  f.builder.CreateRetVoid();
  const problems = llvm.verifyModuleMessage(f.module);
  assert.is(problems, null, problems ?? "");
  return f.module.print();
}

function targetMachine(triple: string, cpu: string, features: string, options?: llvm.TargetMachineOptions): llvm.TargetMachine {
  const target = llvm.TargetRegistry.lookupTarget(triple);
  if (!target) throw new Error(`no target ${triple}`);
  return target.createTargetMachine(triple, cpu, features, options);
}

test("the build carries the patch revision the install checks", () => {
  assert.is(llvm.TENSILE_PATCH_REVISION, 2);
});

test("fixed and scalable vector types", () => {
  const context = new llvm.LLVMContext();
  const f32 = llvm.Type.getFloatTy(context);
  const fixed = llvm.FixedVectorType.get(f32, 16);
  assert.is(fixed.print(), "<16 x float>");
  assert.is(fixed.getNumElements(), 16);
  assert.equal(fixed.getElementCount(), { min: 16, scalable: false });
  assert.is(fixed.isScalable(), false);
  assert.is(fixed.getElementType().print(), "float");
  const scalable = llvm.ScalableVectorType.get(f32, 4);
  assert.is(scalable.print(), "<vscale x 4 x float>");
  assert.equal(scalable.getElementCount(), { min: 4, scalable: true });
  assert.ok(scalable.isScalable());
  assert.throws(() => scalable.getNumElements(), /scalable vector has no fixed number/);
  assert.is(llvm.VectorType.get(f32, 8, true).print(), "<vscale x 8 x float>");
  assert.is(llvm.VectorType.get(f32, 8).print(), "<8 x float>");
  assert.throws(() => llvm.FixedVectorType.get(f32, 0), /at least one element/);
  assert.throws(() => llvm.FixedVectorType.get(llvm.Type.getVoidTy(context), 4), /invalid vector element type void/);
  // Type queries
  assert.is(fixed.getScalarType().print(), "float");
  assert.is(fixed.getScalarSizeInBits(), 32);
  assert.ok(fixed.isFPOrFPVectorTy());
  assert.not.ok(fixed.isIntOrIntVectorTy());
  assert.ok(llvm.FixedVectorType.get(llvm.Type.getInt8Ty(context), 4).isIntOrIntVectorTy());
  assert.ok(llvm.FixedVectorType.get(llvm.Type.getInt8PtrTy(context), 4).isPtrOrPtrVectorTy());
  assert.not.ok(llvm.Type.getInt8PtrTy(context).isOpaquePointerTy());
});

test("packed structs, struct element queries and opaque pointers", () => {
  const context = new llvm.LLVMContext();
  const i8 = llvm.Type.getInt8Ty(context);
  const i32 = llvm.Type.getInt32Ty(context);
  const packed = llvm.StructType.get(context, [i8, i32], true);
  assert.is(packed.print(), "<{ i8, i32 }>");
  assert.is(llvm.StructType.get(context, [i8, i32]).print(), "{ i8, i32 }");
  assert.is(packed.getStructNumElements(), 2);
  assert.is(packed.getStructElementType(1).print(), "i32");
  assert.throws(() => packed.getStructElementType(2), /out of range/);
  const named = llvm.StructType.create(context, "S");
  named.setBody([i8, i32], true);
  assert.ok(named.isPacked());
  assert.throws(() => llvm.PointerType.getOpaque(context), /enableOpaquePointers/);
  const opaqueContext = new llvm.LLVMContext();
  assert.ok(opaqueContext.supportsTypedPointers());
  opaqueContext.enableOpaquePointers();
  assert.not.ok(opaqueContext.supportsTypedPointers());
  const ptr = llvm.PointerType.getOpaque(opaqueContext, 1);
  assert.is(ptr.print(), "ptr addrspace(1)");
  assert.ok(ptr.isOpaquePointerTy());
});

test("shufflevector, insertelement, extractelement and splat", () => {
  const f = fixture(({ f32 }) => [llvm.FixedVectorType.get(f32, 4), f32]);
  const v = f.fn.getArg(0);
  const s = f.fn.getArg(1);
  const shuffled = f.builder.CreateShuffleVector(v, v, [3, 2, -1, 4], "sh");
  const inserted = f.builder.CreateInsertElement(shuffled, s, 1, "ins");
  const extracted = f.builder.CreateExtractElement(inserted, f.builder.getInt32(2), "ext");
  f.builder.CreateVectorSplat(8, extracted, "sp");
  f.builder.CreateVectorSplat(4, s, "ssp", true);
  const ir = finish(f);
  assert.match(ir, /%sh = shufflevector <4 x float> %0, <4 x float> %0, <4 x i32> <i32 3, i32 2, i32 undef, i32 4>/);
  assert.match(ir, /%ins = insertelement <4 x float> %sh, float %1, i64 1/);
  assert.match(ir, /%ext = extractelement <4 x float> %ins, i32 2/);
  assert.match(ir, /%sp\.splat = shufflevector <8 x float> %sp\.splatinsert, <8 x float> poison, <8 x i32> zeroinitializer/);
  assert.match(ir, /%ssp\.splat = shufflevector <vscale x 4 x float> %ssp\.splatinsert, <vscale x 4 x float> poison, <vscale x 4 x i32> zeroinitializer/);
  assert.throws(() => f.builder.CreateShuffleVector(v, v, [0, 8]), /invalid shuffle mask/);
  assert.throws(() => f.builder.CreateInsertElement(v, f.builder.getInt32(1), 0), /element type does not match/);
  assert.throws(() => f.builder.CreateExtractElement(s, 0), /must be a vector/);
});

test("intrinsics by id and by name, with overload types, and their checks", () => {
  const f = fixture(({ f32 }) => [llvm.FixedVectorType.get(f32, 8)]);
  const v = f.fn.getArg(0);
  const vt = v.getType();
  const fma = f.builder.CreateIntrinsic(llvm.Intrinsic.fma, [vt], [v, v, v], "fma");
  f.builder.CreateIntrinsic("llvm.vector.reduce.fmax", [vt], [fma], "max");
  f.builder.CreateIntrinsic("sqrt", [vt], [fma], "root");
  f.builder.CreateFAddReduce(llvm.ConstantFP.get(f.f32, 0), fma);
  f.builder.CreateFMulReduce(llvm.ConstantFP.get(f.f32, 1), fma);
  const ir = finish(f);
  assert.match(ir, /%fma = call <8 x float> @llvm\.fma\.v8f32\(<8 x float> %0, <8 x float> %0, <8 x float> %0\)/);
  assert.match(ir, /%max = call float @llvm\.vector\.reduce\.fmax\.v8f32\(<8 x float> %fma\)/);
  assert.match(ir, /%root = call <8 x float> @llvm\.sqrt\.v8f32/);
  assert.match(ir, /call float @llvm\.vector\.reduce\.fadd\.v8f32\(float 0\.000000e\+00, <8 x float> %fma\)/);
  assert.match(ir, /call float @llvm\.vector\.reduce\.fmul\.v8f32\(float 1\.000000e\+00, <8 x float> %fma\)/);
  assert.is(llvm.Intrinsic.lookupIntrinsicID("llvm.fma"), llvm.Intrinsic.fma);
  assert.is(llvm.Intrinsic.lookupIntrinsicID("llvm.no.such.thing"), 0);
  assert.is(llvm.Intrinsic.getBaseName(llvm.Intrinsic.fmuladd), "llvm.fmuladd");
  assert.ok(llvm.Intrinsic.isOverloaded(llvm.Intrinsic.fma));
  assert.not.ok(llvm.Intrinsic.isOverloaded(llvm.Intrinsic.trap));
  assert.is(llvm.Intrinsic.getOverloadTypeCount("llvm.masked.load"), 2);
  assert.match(llvm.Intrinsic.getDeclaration(f.module, "llvm.vscale", [f.i64]).print(), /declare i64 @llvm\.vscale\.i64\(\)/);
  // A x86 target intrinsic by name: no id constant exists for it in the stock package.
  assert.match(llvm.Intrinsic.getDeclaration(f.module, "llvm.x86.avx512.rsqrt14.ps.512").print(), /@llvm\.x86\.avx512\.rsqrt14\.ps\.512\(/);
  assert.throws(() => llvm.Intrinsic.getDeclaration(f.module, llvm.Intrinsic.fma, []), /takes 1 overload type\(s\), got 0/);
  assert.throws(() => llvm.Intrinsic.getDeclaration(f.module, "llvm.bogus"), /unknown intrinsic 'llvm\.bogus'/);
  const g = fixture(({ f32 }) => [f32]);
  assert.throws(() => g.builder.CreateIntrinsic(llvm.Intrinsic.fma, [g.f32], [g.fn.getArg(0)]), /takes 3 argument\(s\), got 1/);
  assert.throws(() => g.builder.CreateIntrinsic(llvm.Intrinsic.fma, [g.i32], [g.fn.getArg(0), g.fn.getArg(0), g.fn.getArg(0)]),
    /argument 0 must be i32, got float/);
});

test("fast-math flags on the builder and on instructions", () => {
  const f = fixture(({ f32 }) => [f32, f32]);
  const [a, b] = [f.fn.getArg(0), f.fn.getArg(1)];
  f.builder.setFastMathFlags({ fast: true });
  assert.equal(f.builder.getFastMathFlags(), { nnan: true, ninf: true, nsz: true, arcp: true, contract: true, afn: true, reassoc: true });
  f.builder.CreateFAdd(a, b, "fast_add");
  f.builder.setFastMathFlags({ nnan: true, contract: true });
  f.builder.CreateFMul(a, b, "some_mul");
  f.builder.clearFastMathFlags();
  const plain = f.builder.CreateFSub(a, b, "plain_sub");
  assert.instance(plain, llvm.Instruction);
  const inst = plain as llvm.Instruction;
  assert.not.ok(inst.isFast());
  inst.setFastMathFlags({ reassoc: true, nsz: true });
  assert.equal(inst.getFastMathFlags(), { nnan: false, ninf: false, nsz: true, arcp: false, contract: false, afn: false, reassoc: true });
  assert.throws(() => f.builder.setFastMathFlags({ fastest: true } as never), /unknown fast-math flag 'fastest'/);
  const add = f.builder.CreateAdd(f.builder.getInt32(1), f.builder.CreateFPToSI(a, f.i32), "int_add") as llvm.Instruction;
  assert.throws(() => add.setFastMathFlags({ fast: true }), /floating-point operations only/);
  const ir = finish(f);
  assert.match(ir, /%fast_add = fadd fast float %0, %1/);
  assert.match(ir, /%some_mul = fmul nnan contract float %0, %1/);
  assert.match(ir, /%plain_sub = fsub reassoc nsz float %0, %1/);
});

test("aligned, volatile and nontemporal loads and stores; integer flags", () => {
  const f = fixture(({ f32 }) => [llvm.PointerType.get(llvm.FixedVectorType.get(f32, 16), 0)]);
  const p = f.fn.getArg(0);
  const vt = llvm.FixedVectorType.get(f.f32, 16);
  const load = f.builder.CreateAlignedLoad(vt, p, 64, false, "x");
  assert.is(load.getAlignment(), 64);
  const store = f.builder.CreateAlignedStore(load, p, 16, true);
  store.setNonTemporal();
  const vol = f.builder.CreateAlignedLoad(vt, p, 0, true, "abi");
  assert.is(vol.getAlignment(), 64, "alignment 0 means the ABI alignment of <16 x float>");
  vol.setAlignment(32);
  vol.setVolatile(false);
  const alloca = f.builder.CreateAlloca(f.i32, null, "slot");
  alloca.setAlignment(128);
  const sum = f.builder.CreateAdd(f.builder.CreateLoad(f.i32, alloca, "l"), f.builder.getInt32(1), "sum") as llvm.Instruction;
  sum.setHasNoSignedWrap();
  sum.setHasNoUnsignedWrap();
  const div = f.builder.CreateUDiv(sum, f.builder.CreateLoad(f.i32, alloca, "l2"), "q") as llvm.Instruction;
  div.setIsExact();
  assert.throws(() => div.setHasNoSignedWrap(), /nsw\/nuw apply to/);
  assert.throws(() => sum.setIsExact(), /'exact' applies to/);
  assert.throws(() => f.builder.CreateAlignedLoad(vt, p, 48), /alignment 48 is not a power of two/);
  assert.throws(() => sum.setAlignment(4), /alignment applies to/);
  const ir = finish(f);
  assert.match(ir, /%x = load <16 x float>, <16 x float>\* %0, align 64\n/);
  assert.match(ir, /store volatile <16 x float> %x, <16 x float>\* %0, align 16, !nontemporal !0/);
  assert.match(ir, /%abi = load <16 x float>, <16 x float>\* %0, align 32\n/);
  assert.match(ir, /%slot = alloca i32, align 128/);
  assert.match(ir, /%sum = add nuw nsw i32 %l, 1/);
  assert.match(ir, /%q = udiv exact i32 %sum, %l2/);
  assert.match(ir, /!0 = !\{i32 1\}/);
});

test("masked load/store, gather/scatter", () => {
  const f = fixture(({ f32 }) => [llvm.PointerType.get(llvm.FixedVectorType.get(f32, 8), 0)]);
  const p = f.fn.getArg(0);
  const vt = llvm.FixedVectorType.get(f.f32, 8);
  const mask = llvm.ConstantVector.get([0, 1, 1, 0, 1, 1, 1, 1].map((b) => llvm.ConstantInt.get(llvm.Type.getInt1Ty(f.context), b)));
  const loaded = f.builder.CreateMaskedLoad(vt, p, 4, mask, null, "ml");
  f.builder.CreateMaskedStore(loaded, p, 4, mask);
  const base = f.builder.CreateBitCast(p, llvm.Type.getFloatPtrTy(f.context));
  const indices = llvm.ConstantVector.get([0, 2, 4, 6, 8, 10, 12, 14].map((i) => llvm.ConstantInt.get(f.i64, i)));
  const ptrs = f.builder.CreateGEP(f.f32, base, [indices], "ptrs");
  const gathered = f.builder.CreateMaskedGather(vt, ptrs, 4, null, null, "g");
  f.builder.CreateMaskedScatter(gathered, ptrs, 4, mask);
  const ir = finish(f);
  assert.match(ir, /%ml = call <8 x float> @llvm\.masked\.load\.v8f32\.p0v8f32\(<8 x float>\* %0, i32 4, <8 x i1> <i1 false, i1 true/);
  assert.match(ir, /call void @llvm\.masked\.store\.v8f32\.p0v8f32\(<8 x float> %ml/);
  assert.match(ir, /%ptrs = getelementptr float, float\* %\d+, <8 x i64> <i64 0, i64 2/);
  assert.match(ir, /%g = call <8 x float> @llvm\.masked\.gather\.v8f32\.v8p0f32\(<8 x float\*> %ptrs, i32 4, <8 x i1> <i1 true/);
  assert.match(ir, /call void @llvm\.masked\.scatter\.v8f32\.v8p0f32\(<8 x float> %g, <8 x float\*> %ptrs/);
  assert.throws(() => f.builder.CreateMaskedLoad(vt, p, 0, mask), /an alignment \(a power of two\) is required/);
});

test("atomics, fence, freeze, va_arg, predicates by name, select on vectors", () => {
  const f = fixture(({ i32 }) => [llvm.PointerType.get(i32, 0), i32]);
  const [p, x] = [f.fn.getArg(0), f.fn.getArg(1)];
  const rmw = f.builder.CreateAtomicRMW("_and", p, x, 4, "acq_rel");
  rmw.setVolatile();
  f.builder.CreateAtomicRMW("umax", p, x, 0, "monotonic", "singlethread");
  const cas = f.builder.CreateAtomicCmpXchg(p, x, f.builder.getInt32(7), 4, "seq_cst", "acquire");
  f.builder.CreateFence("release");
  const frozen = f.builder.CreateFreeze(x, "fr");
  f.builder.CreateICmp("sle", frozen, x, "le");
  f.builder.CreateFCmp("_true", f.builder.CreateSIToFP(x, f.f32), llvm.ConstantFP.get(f.f32, 1), "t");
  f.builder.CreateFCmp("uno", f.builder.CreateSIToFP(x, f.f32), llvm.ConstantFP.get(f.f32, 1), "nan");
  const vi = llvm.FixedVectorType.get(f.i32, 4);
  const cond = f.builder.CreateICmp("ult", llvm.Constant.getNullValue(vi), llvm.ConstantVector.getSplat(4, f.builder.getInt32(1)), "vc");
  const sel = f.builder.CreateSelect(cond, f.builder.CreateVectorSplat(4, x), llvm.Constant.getNullValue(vi), "vsel");
  f.builder.CreateExtractValue(cas, [1], "ok");
  assert.instance(sel, llvm.Value);
  const vaList = f.builder.CreateAlloca(llvm.Type.getInt8PtrTy(f.context), null, "ap");
  f.builder.CreateVAArg(f.builder.CreateBitCast(vaList, llvm.Type.getInt8PtrTy(f.context)), f.i32, "va");
  assert.throws(() => f.builder.CreateAtomicRMW("fmax" as never, p, x, 4, "monotonic"), /unknown atomicrmw operation 'fmax'/);
  assert.throws(() => f.builder.CreateFence("monotonic"), /a fence needs acquire/);
  assert.throws(() => f.builder.CreateAtomicCmpXchg(p, x, x, 4, "seq_cst", "release"), /invalid failure ordering/);
  assert.throws(() => f.builder.CreateICmp("olt" as never, x, x), /unknown icmp predicate 'olt'/);
  assert.throws(() => f.builder.CreateFCmp("oeq", x, x), /cannot be compared this way/);
  const ir = finish(f);
  assert.match(ir, /atomicrmw volatile and i32\* %0, i32 %1 acq_rel, align 4/);
  assert.match(ir, /atomicrmw umax i32\* %0, i32 %1 syncscope\("singlethread"\) monotonic, align 4/);
  assert.match(ir, /cmpxchg i32\* %0, i32 %1, i32 7 seq_cst acquire, align 4/);
  assert.match(ir, /fence release/);
  assert.match(ir, /%fr = freeze i32 %1/);
  assert.match(ir, /%le = icmp sle i32 %fr, %1/);
  assert.match(ir, /%nan = fcmp uno float/);
  assert.match(ir, /%vsel = select <4 x i1>/);
  assert.match(ir, /%va = va_arg i8\* %\w+, i32/);
});

test("vector constants, poison, zeroinitializer, raw data, constant expressions, inline asm", () => {
  const f = fixture();
  const floats = new Float32Array([1.5, -2, 3.25, 0]);
  const bytes = new Uint8Array(floats.buffer);
  const rawVector = llvm.ConstantDataVector.getRaw(bytes, 4, f.f32);
  assert.is(rawVector.print(), "<4 x float> <float 1.500000e+00, float -2.000000e+00, float 3.250000e+00, float 0.000000e+00>");
  const rawArray = llvm.ConstantDataArray.getRaw(bytes, 4, f.f32);
  assert.is(rawArray.getType().print(), "[4 x float]");
  assert.throws(() => llvm.ConstantDataArray.getRaw(bytes, 3, f.f32), /expected 12 bytes, got 16/);
  assert.is(llvm.ConstantVector.get([llvm.ConstantFP.get(f.f32, 1), llvm.ConstantFP.get(f.f32, 2)]).print(), "<2 x float> <float 1.000000e+00, float 2.000000e+00>");
  assert.throws(() => llvm.ConstantVector.get([llvm.ConstantFP.get(f.f32, 1), llvm.ConstantInt.get(f.i32, 2)]), /same type/);
  assert.is(llvm.ConstantVector.getSplat(3, llvm.ConstantInt.get(f.i32, 7)).print(), "<3 x i32> <i32 7, i32 7, i32 7>");
  assert.is(llvm.PoisonValue.get(llvm.FixedVectorType.get(f.f32, 2)).print(), "<2 x float> poison");
  assert.is(llvm.ConstantAggregateZero.get(llvm.ArrayType.get(f.i32, 3)).print(), "[3 x i32] zeroinitializer");
  const global = new llvm.GlobalVariable(f.module, rawArray.getType(), true, llvm.GlobalValue.LinkageTypes.PrivateLinkage, rawArray, "table");
  const gep = llvm.ConstantExpr.getGetElementPtr(rawArray.getType(), global, [llvm.ConstantInt.get(f.i64, 0), llvm.ConstantInt.get(f.i64, 2)], true);
  assert.match(gep.print(), /getelementptr inbounds \(\[4 x float\], \[4 x float\]\* @table, i64 0, i64 2\)/);
  assert.match(llvm.ConstantExpr.getPtrToInt(global, f.i64).print(), /ptrtoint \(\[4 x float\]\* @table to i64\)/);
  assert.match(llvm.ConstantExpr.getIntToPtr(llvm.ConstantInt.get(f.i64, 4096), llvm.Type.getInt8PtrTy(f.context)).print(), /inttoptr \(i64 4096 to i8\*\)/);
  assert.match(llvm.ConstantExpr.getAddrSpaceCast(global, llvm.PointerType.get(rawArray.getType(), 1)).print(), /addrspacecast/);
  assert.throws(() => llvm.ConstantExpr.getPtrToInt(llvm.ConstantInt.get(f.i64, 1), f.i64), /invalid cast from i64 to i64/);
  const asmType = llvm.FunctionType.get(f.i32, [f.i32], false);
  const asm = llvm.InlineAsm.get(asmType, "bswap $0", "=r,r", false);
  f.builder.CreateCall(asmType, asm, [f.builder.getInt32(1)], "swapped");
  assert.throws(() => llvm.InlineAsm.get(asmType, "nop", "=r,r,r"), /do not match the function type/);
  assert.match(finish(f), /%swapped = call i32 asm "bswap \$0", "=r,r"\(i32 1\)/);
});

test("global variables: linkage, alignment, section, constness, initializer, unnamed_addr, TLS", () => {
  const f = fixture();
  const init = llvm.ConstantInt.get(f.i32, 42);
  const g = new llvm.GlobalVariable(f.module, f.i32, false, llvm.GlobalValue.LinkageTypes.ExternalLinkage, init, "g");
  g.setLinkage(llvm.GlobalValue.LinkageTypes.InternalLinkage);
  assert.is(g.getLinkage(), llvm.GlobalValue.LinkageTypes.InternalLinkage);
  assert.is(g.getAlignment(), 0);
  g.setAlignment(64);
  assert.is(g.getAlignment(), 64);
  g.setSection(".tensile");
  g.setConstant(true);
  assert.ok(g.isConstant());
  assert.ok(g.hasInitializer());
  assert.is(g.getInitializer()?.print(), "i32 42");
  g.setUnnamedAddr("unnamed_addr");
  const t = new llvm.GlobalVariable(f.module, f.i32, false, llvm.GlobalValue.LinkageTypes.ExternalLinkage, null, "t");
  t.setThreadLocal(true);
  t.setVisibility(llvm.GlobalValue.VisibilityTypes.HiddenVisibility);
  t.setDSOLocal(true);
  assert.not.ok(t.hasInitializer());
  assert.is(t.getInitializer(), null);
  assert.throws(() => g.setAlignment(3), /not a power of two/);
  const ir = finish(f);
  assert.match(ir, /@g = internal unnamed_addr constant i32 42, section "\.tensile", align 64/);
  assert.match(ir, /@t = external hidden thread_local global i32/);
});

test("function, parameter, return and call attributes by name; calling conventions; tail calls", () => {
  const f = fixture();
  const ptr = llvm.Type.getFloatPtrTy(f.context);
  const type = llvm.FunctionType.get(ptr, [ptr, ptr, llvm.StructType.get(f.context, [f.i32]).getPointerTo()], false);
  const g = llvm.Function.Create(type, llvm.Function.LinkageTypes.ExternalLinkage, "g", f.module);
  g.addFnAttr("alwaysinline");
  g.addFnAttr("nounwind");
  g.addFnAttr("target-cpu", "skylake-avx512");
  g.addParamAttr(0, "noalias");
  g.addParamAttr(0, "nocapture");
  g.addParamAttr(0, "readonly");
  g.addParamAttr(0, "align", 64);
  g.addParamAttr(1, "dereferenceable", 16);
  g.addParamAttr(2, "byval", llvm.StructType.get(f.context, [f.i32]));
  g.addRetAttr("noalias");
  assert.ok(g.hasFnAttribute("alwaysinline"));
  assert.ok(g.hasFnAttribute("target-cpu"));
  assert.not.ok(g.hasFnAttribute("noinline"));
  assert.ok(g.hasParamAttribute(0, "nocapture"));
  assert.not.ok(g.hasParamAttribute(1, "nocapture"));
  assert.ok(g.hasRetAttribute("noalias"));
  assert.is(g.getAttributesAsString(0), "noalias nocapture readonly align 64");
  assert.is(g.getAttributesAsString("return"), "noalias");
  g.removeFnAttr("nounwind");
  assert.not.ok(g.hasFnAttribute("nounwind"));
  assert.throws(() => g.addParamAttr(3, "noalias"), /parameter 3 out of range/);
  assert.throws(() => g.addFnAttr("noinline", 3), /takes no value/);
  assert.throws(() => g.addParamAttr(0, "align", 12), /needs a power of two/);
  assert.throws(() => g.addParamAttr(0, "align"), /needs an integer value/);
  g.setCallingConv(8);
  assert.is(g.getCallingConv(), 8);
  g.setGC("statepoint-example");
  const nullFloat = llvm.Constant.getNullValue(ptr);
  const nullStruct = llvm.ConstantPointerNull.get(llvm.StructType.get(f.context, [f.i32]).getPointerTo());
  const call = f.builder.CreateCall(g, [nullFloat, nullFloat, nullStruct], "r");
  call.setCallingConv(8);
  call.setTailCallKind("tail");
  call.addFnAttr("nounwind");
  call.addParamAttr(0, "noalias");
  call.addRetAttr("noalias");
  const ir = finish(f);
  assert.match(ir, /declare fastcc noalias float\* @g\(float\* noalias nocapture readonly align 64, float\* dereferenceable\(16\), \{ i32 \}\* byval\(\{ i32 \}\)\) #\d+ gc "statepoint-example"/);
  assert.match(ir, /%r = tail call fastcc noalias float\* @g\(float\* noalias null,/);
  assert.match(ir, /attributes #\d+ = \{ alwaysinline "target-cpu"="skylake-avx512" \}/);
});

test("target machines with options; data layout, triple, CPU, ABI name", () => {
  const tm = targetMachine(RISCV, "generic-rv64", "+m,+a,+f,+d,+c,+v", { relocModel: "pic", codeModel: "medium", optLevel: 3, abiName: "lp64d" });
  assert.is(tm.getTargetTriple(), RISCV);
  assert.is(tm.getTargetCPU(), "generic-rv64");
  assert.is(tm.getTargetFeatureString(), "+m,+a,+f,+d,+c,+v");
  assert.is(tm.getRelocationModel(), "pic");
  assert.is(tm.getABIName(), "lp64d");
  assert.is(tm.getDataLayoutString(), "e-m:e-p:64:64-i64:64-i128:128-n64-S128");
  assert.is(tm.createDataLayout().getStringRepresentation(), "e-m:e-p:64:64-i64:64-i128:128-n64-S128");
  assert.is(targetMachine(X86, "x86-64", "").getRelocationModel(), "static");
  assert.throws(() => targetMachine(X86, "x86-64", "", { relocModel: "bogus" as never }), /unknown relocation model 'bogus'/);
  assert.throws(() => targetMachine(X86, "x86-64", "", { optLevel: 4 as never }), /'optLevel' must be 0, 1, 2 or 3/);
});

/** `void @scale(float* noalias %p)`: p[i] *= 3 for i < 64, as a loop the vectorizer should turn into vectors. */
function scaleLoop(f: Fixture): void {
  const ptr = f.fn.getArg(0);
  const header = llvm.BasicBlock.Create(f.context, "loop", f.fn);
  const exit = llvm.BasicBlock.Create(f.context, "exit", f.fn);
  const entry = f.builder.GetInsertBlock()!;
  f.builder.CreateBr(header);
  f.builder.SetInsertPoint(header);
  const i = f.builder.CreatePHI(f.i64, 2, "i");
  i.addIncoming(llvm.ConstantInt.get(f.i64, 0), entry);
  const addr = f.builder.CreateInBoundsGEP(f.f32, ptr, [i], "addr");
  const x = f.builder.CreateLoad(f.f32, addr, "x");
  f.builder.CreateStore(f.builder.CreateFMul(x, llvm.ConstantFP.get(f.f32, 3), "y"), addr);
  const next = f.builder.CreateAdd(i, llvm.ConstantInt.get(f.i64, 1), "next");
  i.addIncoming(next, header);
  f.builder.CreateCondBr(f.builder.CreateICmp("ult", next, llvm.ConstantInt.get(f.i64, 64)), header, exit);
  f.builder.SetInsertPoint(exit);
}

test("runPasses: default<O3> with the target's cost model vectorizes; a bad pipeline is an error", () => {
  const f = fixture(({ f32 }) => [llvm.PointerType.get(f32, 0)]);
  f.fn.addParamAttr(0, "noalias");
  scaleLoop(f);
  finish(f);
  const tm = targetMachine(X86, "skylake-avx512", "+avx512f", { optLevel: 3 });
  llvm.runPasses(f.module, "default<O3>", tm);
  const ir = f.module.print();
  assert.is(f.module.getDataLayoutStr(), tm.getDataLayoutString(), "an empty data layout is filled in");
  assert.match(ir, /fmul <\d+ x float>/, "the loop was vectorized");
  assert.not.match(ir, /phi i64/, "the 64-iteration loop was fully unrolled after vectorization");
  // Without the vectorizers the loop stays scalar.
  const g = fixture(({ f32 }) => [llvm.PointerType.get(f32, 0)]);
  scaleLoop(g);
  finish(g);
  llvm.runPasses(g.module, "default<O1>", tm, { loopVectorize: false, slpVectorize: false, loopUnroll: false });
  assert.not.match(g.module.print(), /<\d+ x float>/);
  assert.throws(() => llvm.runPasses(g.module, "default<O9>", tm), /invalid pass pipeline 'default<O9>'/);
  const other = fixture();
  other.module.setDataLayout("e-p:32:32");
  assert.throws(() => llvm.runPasses(other.module, "default<O2>", tm), /data layout 'e-p:32:32' is not the target machine's/);
});

test("emission: object and assembly, to a buffer and to a file; the module is left as built", async () => {
  const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const f = fixture(({ f32 }) => [llvm.PointerType.get(llvm.FixedVectorType.get(f32, 16), 0)]);
  const vt = llvm.FixedVectorType.get(f.f32, 16);
  const x = f.builder.CreateAlignedLoad(vt, f.fn.getArg(0), 64);
  f.builder.CreateAlignedStore(f.builder.CreateIntrinsic("fma", [vt], [x, x, x]), f.fn.getArg(0), 64);
  const before = finish(f);
  const tm = targetMachine(X86, "skylake-avx512", "+avx512f", { relocModel: "pic" });
  const asm = tm.emitToBuffer(f.module, "assembly").toString();
  assert.match(asm, /vfmadd213ps\s+%zmm0, %zmm0, %zmm0/);
  const object = tm.emitToBuffer(f.module, "object");
  assert.equal([...object.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46], "an ELF object");
  assert.is(f.module.print(), before, "emission works on a clone");
  const dir = mkdtempSync(join(tmpdir(), "llvm-patch-"));
  try {
    tm.emitToFile(f.module, join(dir, "f.o"));
    assert.equal(readFileSync(join(dir, "f.o")), object);
    tm.emitToFile(f.module, join(dir, "f.s"), "assembly");
    assert.match(readFileSync(join(dir, "f.s"), "utf8"), /zmm/);
    assert.throws(() => tm.emitToFile(f.module, join(dir, "missing", "f.o")), /cannot open '.*missing\/f\.o'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.throws(() => tm.emitToBuffer(f.module, "bitcode" as never), /unknown file type 'bitcode'/);
  // An invalid module is an error naming the problem, not an LLVM crash.
  const bad = fixture(({ i32, context }) => [i32, llvm.Type.getInt64Ty(context)]);
  bad.builder.CreateAdd(bad.fn.getArg(0), bad.fn.getArg(1));
  bad.builder.CreateRetVoid();
  assert.match(llvm.verifyModuleMessage(bad.module) ?? "", /Both operands to a binary operator are not of the same type/);
  assert.match(llvm.verifyFunctionMessage(bad.fn) ?? "", /Both operands/);
  assert.throws(() => tm.emitToBuffer(bad.module), /not valid LLVM IR:\nBoth operands to a binary operator/);
});

test("host CPU name and features; LLVM command-line options", () => {
  const name = llvm.sys.getHostCPUName();
  assert.ok(name.length > 0);
  const features = llvm.sys.getHostCPUFeatures();
  assert.ok(features.length > 0 && features.every((x) => x.startsWith("+")));
  assert.equal(features, [...features].sort());
  assert.ok(features.includes("+sse2"), "every x86-64 CPU has SSE2");
  assert.match(llvm.sys.getProcessTriple(), /^x86_64-/);
  assert.match(llvm.sys.getDefaultTargetTriple(), /^x86_64-/);
  assert.throws(() => llvm.parseCommandLineOptions(["-no-such-llvm-option"]), /Unknown command line argument '-no-such-llvm-option'/);
  // Set twice in one process (occurrence counts are reset): the second value wins. Its effect on riscv64 code
  // is shown in codegen-emit.test.ts; here, LLVM accepts it.
  llvm.parseCommandLineOptions(["-riscv-v-vector-bits-min=256"]);
  llvm.parseCommandLineOptions(["-riscv-v-vector-bits-min=128"]);
});

test("Module.dispose frees the module; the extensions then refuse it", () => {
  const f = fixture();
  finish(f);
  assert.not.ok(f.module.isDisposed());
  f.module.dispose();
  assert.ok(f.module.isDisposed());
  assert.throws(() => llvm.verifyModuleMessage(f.module), /the module was disposed/);
  f.module.dispose();
});

test("wrong argument kinds are TypeErrors naming the signature", () => {
  const f = fixture();
  assert.throws(() => f.builder.CreateShuffleVector(f.builder.getInt32(1), null as never, [0]), /CreateShuffleVector needs to be called with/);
  assert.throws(() => llvm.FixedVectorType.get(f.f32, 2.5), /FixedVectorType\.get needs to be called with/);
  assert.throws(() => (llvm.runPasses as (...a: unknown[]) => void)(), /runPasses needs to be called with/);
});

test("integer constants from text and float constants from bit patterns (beyond a JS number's precision)", () => {
  const context = new llvm.LLVMContext();
  const i8 = llvm.Type.getInt8Ty(context);
  const i64 = llvm.Type.getInt64Ty(context);
  assert.is(llvm.ConstantInt.getFromString(i64, "9223372036854775807").print(), "i64 9223372036854775807");
  assert.is(llvm.ConstantInt.getFromString(i64, "-9223372036854775808").print(), "i64 -9223372036854775808");
  assert.is(llvm.ConstantInt.getFromString(i64, "fffffffffffffffe", 16).print(), "i64 -2");
  assert.is(llvm.ConstantInt.getFromString(llvm.Type.getIntNTy(context, 128), "170141183460469231731687303715884105727").print(),
    "i128 170141183460469231731687303715884105727");
  assert.is(llvm.ConstantInt.getFromString(llvm.FixedVectorType.get(i8, 2), "-128").print(), "<2 x i8> <i8 -128, i8 -128>");
  assert.is(llvm.ConstantInt.getFromString(i8, "255").print(), "i8 -1");
  assert.throws(() => llvm.ConstantInt.getFromString(i8, "256"), /'256' does not fit in 8 bits/);
  assert.throws(() => llvm.ConstantInt.getFromString(i8, "-129"), /'-129' does not fit in 8 bits/);
  assert.throws(() => llvm.ConstantInt.getFromString(i8, "12a"), /'12a' is not an integer in radix 10/);
  assert.throws(() => llvm.ConstantInt.getFromString(llvm.Type.getFloatTy(context), "1"), /not an integer or integer vector type: float/);
  const f32 = llvm.Type.getFloatTy(context);
  assert.is(llvm.ConstantFP.getFromBits(f32, "7fc00001").print(), "float 0x7FF8000020000000", "a NaN payload survives");
  assert.is(llvm.ConstantFP.getFromBits(llvm.Type.getHalfTy(context), "3c00").print(), "half 0xH3C00");
  assert.is(llvm.ConstantFP.getFromBits(llvm.FixedVectorType.get(f32, 2), "80000000").print(), "<2 x float> <float -0.000000e+00, float -0.000000e+00>");
  assert.throws(() => llvm.ConstantFP.getFromBits(llvm.Type.getHalfTy(context), "10000"), /does not fit in 16 bits/);
});

test("Value's and Type's methods work on every subclass (the stock ones throw 'Illegal invocation' there)", () => {
  const f = fixture(({ f32 }) => [llvm.FixedVectorType.get(f32, 4)]);
  const vector = llvm.FixedVectorType.get(f.f32, 4);
  assert.ok(vector.isVectorTy());
  assert.not.ok(vector.isStructTy());
  assert.is(vector.getPrimitiveSizeInBits(), 128);
  assert.is(llvm.ScalableVectorType.get(f.f32, 4).getPrimitiveSizeInBits(), 128, "the size at vscale = 1");
  assert.is(vector.getPointerTo(1).print(), "<4 x float> addrspace(1)*");
  assert.is(llvm.PointerType.get(f.f32, 0).getPointerElementType().print(), "float");
  assert.ok(f.i32.isIntegerTy(32));
  assert.is(f.fn.getName(), "f");
  f.fn.setName("renamed");
  assert.is(f.fn.getName(), "renamed");
  assert.is(f.fn.getType().print(), "void (<4 x float>)*");
  const call = f.builder.CreateCall(f.fn, [f.fn.getArg(0)]);
  assert.is(call.getName(), "");
  assert.not.ok(call.hasName());
  assert.ok(call.getType().isVoidTy());
  assert.ok(call.use_empty());
  assert.not.ok(f.fn.use_empty(), "the recursive call uses the function");
  assert.throws(() => f.fn.getArg(0).replaceAllUsesWith(f.builder.getInt32(1)), /the replacement has type i32, not <4 x float>/);
  finish(f);
});

test.run();
