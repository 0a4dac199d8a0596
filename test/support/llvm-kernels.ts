/**
 * Hand-built LLVM modules for the backend's tests (built with the patched llvm-bindings, not from the llvm
 * dialect): a saxpy whose main loop works on `<W x float>` vectors with `llvm.fma` under fast-math flags and
 * `align`-ed loads and stores, and a scalar loop for the remainder.
 */
import { llvm } from "../../codegen/llvm.ts";

export interface SaxpyOptions {
  /** Floats per vector (16: one zmm register, four RVV registers at VLEN 128). */
  readonly width: number;
  /** Alignment of the vector loads and stores, in bytes (64 needs 64-byte-aligned x and y). */
  readonly alignment: number;
  /** `<vscale x W x float>`: the loop steps by vscale * W, whatever the machine's vector length (RVV). */
  readonly scalable?: boolean;
}

/**
 * `void saxpy(float *noalias x, float *noalias y, float a, int64_t n)`: y[i] = fma(a, x[i], y[i]) for i < n.
 * The context stays alive with the module (the caller disposes the module).
 */
export function buildSaxpyModule(options: SaxpyOptions): llvm.Module {
  const context = new llvm.LLVMContext();
  const module = new llvm.Module("saxpy", context);
  const f32 = llvm.Type.getFloatTy(context);
  const i64 = llvm.Type.getInt64Ty(context);
  const ptr = llvm.Type.getFloatPtrTy(context);
  const scalable = options.scalable ?? false;
  const vector = llvm.VectorType.get(f32, options.width, scalable);
  const vectorPtr = llvm.PointerType.get(vector, 0);
  const type = llvm.FunctionType.get(llvm.Type.getVoidTy(context), [ptr, ptr, f32, i64], false);
  const fn = llvm.Function.Create(type, llvm.Function.LinkageTypes.ExternalLinkage, "saxpy", module);
  fn.addFnAttr("nounwind");
  for (const arg of [0, 1]) {
    fn.addParamAttr(arg, "noalias");
    fn.addParamAttr(arg, "nocapture");
  }
  fn.addParamAttr(0, "readonly");
  const [x, y, a, n] = [fn.getArg(0), fn.getArg(1), fn.getArg(2), fn.getArg(3)];
  const block = (name: string): llvm.BasicBlock => llvm.BasicBlock.Create(context, name, fn);
  const entry = block("entry");
  const vectorCheck = block("vector.check");
  const vectorBody = block("vector.body");
  const tailCheck = block("tail.check");
  const tailBody = block("tail.body");
  const exit = block("exit");
  const b = new llvm.IRBuilder(entry);
  b.setFastMathFlags({ fast: true });
  const width = llvm.ConstantInt.get(i64, options.width);
  const step = scalable ? b.CreateMul(b.CreateIntrinsic("vscale", [i64], [], "vscale"), width, "step") : width;
  const vectorEnd = b.CreateSub(n, b.CreateURem(n, step, "rest"), "vector.end");
  const splat = b.CreateVectorSplat(options.width, a, "a.splat", scalable);
  b.CreateBr(vectorCheck);

  b.SetInsertPoint(vectorCheck);
  const i = b.CreatePHI(i64, 2, "i");
  b.CreateCondBr(b.CreateICmp("ult", i, vectorEnd, "more.vectors"), vectorBody, tailCheck);

  b.SetInsertPoint(vectorBody);
  const xv = b.CreateBitCast(b.CreateInBoundsGEP(f32, x, [i], "x.at"), vectorPtr, "x.vec");
  const yv = b.CreateBitCast(b.CreateInBoundsGEP(f32, y, [i], "y.at"), vectorPtr, "y.vec");
  const xs = b.CreateAlignedLoad(vector, xv, options.alignment, false, "xs");
  const ys = b.CreateAlignedLoad(vector, yv, options.alignment, false, "ys");
  const sums = b.CreateIntrinsic(llvm.Intrinsic.fma, [vector], [splat, xs, ys], "sums");
  b.CreateAlignedStore(sums, yv, options.alignment);
  const iNext = b.CreateAdd(i, step, "i.next");
  b.CreateBr(vectorCheck);
  i.addIncoming(llvm.ConstantInt.get(i64, 0), entry);
  i.addIncoming(iNext, vectorBody);

  b.SetInsertPoint(tailCheck);
  const j = b.CreatePHI(i64, 2, "j");
  b.CreateCondBr(b.CreateICmp("ult", j, n, "more.scalars"), tailBody, exit);

  b.SetInsertPoint(tailBody);
  const xAt = b.CreateInBoundsGEP(f32, x, [j], "x.j");
  const yAt = b.CreateInBoundsGEP(f32, y, [j], "y.j");
  const sum = b.CreateIntrinsic(llvm.Intrinsic.fma, [f32], [a, b.CreateAlignedLoad(f32, xAt, 4, false, "x1"), b.CreateAlignedLoad(f32, yAt, 4, false, "y1")], "sum");
  b.CreateAlignedStore(sum, yAt, 4);
  const jNext = b.CreateAdd(j, llvm.ConstantInt.get(i64, 1), "j.next");
  b.CreateBr(tailCheck);
  j.addIncoming(i, vectorCheck);
  j.addIncoming(jNext, tailBody);

  b.SetInsertPoint(exit);
  b.CreateRetVoid();
  return module;
}

/** What saxpy computes, exactly (the tests' inputs make every product and sum exact in float). */
export function saxpyReference(x: ArrayLike<number>, y: ArrayLike<number>, a: number): number[] {
  return Array.from({ length: y.length }, (_, k) => Math.fround(a * x[k]! + y[k]!));
}
