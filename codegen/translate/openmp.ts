/**
 * The omp ops that `convert-openmp-to-llvm` leaves, as LLVM IR calling the LLVM OpenMP runtime (libomp), the way
 * clang and MLIR's OpenMPIRBuilder do it:
 *
 *   omp.parallel num_threads(%n : i32) {       %ctx = alloca { captured values }          (in the entry block)
 *     <body>                                   store each value the body uses from outside into %ctx
 *     omp.terminator                           %tid = call i32 @__kmpc_global_thread_num(%ident)
 *   }                                          call void @__kmpc_push_num_threads(%ident, %tid, %n)
 *                                              call void (%ident_t*, i32, void (i32*, i32*, ...)*, ...)
 *                                                   @__kmpc_fork_call(%ident, i32 1, @f..omp_par.0, i8* %ctx)
 *
 *   define internal void @f..omp_par.0(i32* noalias %gtid, i32* noalias %btid, i8* %ctx)
 *     loads the captured values from %ctx, then <body>, then ret void
 *
 *   omp.wsloop for (%i, %j) : i64 = (%lb0, %lb1) to (%ub0, %ub1) step (%s0, %s1)
 *     the nest collapsed to one loop over k in [0, trip0 * trip1) (each trip count (ub - lb + s - 1) / s, or 0);
 *     __kmpc_for_static_init_8u(%ident, %tid, 34 (kmp_sch_static), &last, &lower, &upper, &stride, 1, 1) gives
 *     this thread's block [lower, upper]; %i = lb0 + (k / trip1) * s0, %j = lb1 + (k % trip1) * s1;
 *     then __kmpc_for_static_fini, and __kmpc_barrier unless `nowait`. An empty nest skips the runtime calls.
 *     Reductions: each thread accumulates into its own copy (initialised by the declaration's init region;
 *     `omp.reduction` applies its combiner), then adds its copy into the shared accumulator with the
 *     declaration's atomic region, or its combiner inside `__kmpc_critical` when it has none.
 *
 *   omp.barrier -> __kmpc_barrier; omp.critical -> __kmpc_critical / __kmpc_end_critical on a lock named after
 *   it; omp.master -> __kmpc_master / __kmpc_end_master; omp.single -> __kmpc_single / __kmpc_end_single and a
 *   barrier unless `nowait`; omp.flush -> __kmpc_flush; omp.taskwait, omp.taskyield -> __kmpc_omp_taskwait,
 *   __kmpc_omp_taskyield. omp.parallel's `if` clause runs the body serialized (__kmpc_serialized_parallel);
 *   `proc_bind` is pushed with __kmpc_push_proc_bind.
 *
 * Steps are taken to be positive (as scf.parallel's are). Everything else (tasks, sections, simd loops,
 * ordered, atomics, other schedules, linear/allocate clauses, reductions on omp.parallel) is an error naming the
 * op or its clause at its location.
 */
import { llvm } from "../llvm.ts";
import { ArrayAttr, SymbolRefAttr } from "../../src/ir/attributes.ts";
import type { Operation, Region } from "../../src/ir/operation.ts";
import { i32 as mlirI32, i8 as mlirI8, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { LLVMPointerType } from "../../dialects/llvm/index.ts";
import {
  criticalName,
  lookupReductionDeclare,
  type CriticalOp,
  type OmpOp,
  type ParallelOp,
  type ReductionDeclareOp,
  type ReductionOp,
  type SingleOp,
  type WsLoopOp,
} from "../../dialects/omp/index.ts";
import type { FunctionTranslator, ModuleScope } from "./function.ts";

/** libomp's `kmp_sch_static`: iterations split into one block per thread. */
const KMP_SCH_STATIC = 34;
/** ident_t flags: KMP_IDENT_KMPC, and KMP_IDENT_BARRIER_IMPL_FOR for the barrier ending a loop. */
const IDENT_KMPC = 2;
const IDENT_BARRIER_FOR = 0x40 | IDENT_KMPC;
/** kmp_proc_bind_t's values of omp.parallel's proc_bind cases. */
const PROC_BIND: Readonly<Record<string, number>> = { primary: 2, master: 2, close: 3, spread: 4 };

/** What one LLVM module shares between its omp ops: runtime declarations, ident_t globals, locks, names. */
class OpenMPRuntime {
  readonly #scope: ModuleScope;
  readonly #idents = new Map<number, llvm.Constant>();
  readonly #locks = new Map<string, llvm.GlobalVariable>();
  #source: llvm.Constant | undefined;
  #outlined = 0;
  readonly i32: llvm.IntegerType;
  readonly i64: llvm.IntegerType;
  /** `ident_t*`, `i32*`, `i8*`, `[8 x i32]*` (opaque `ptr` when the module uses opaque pointers). */
  readonly identPtr: llvm.Type;
  readonly i32Ptr: llvm.Type;
  readonly i64Ptr: llvm.Type;
  readonly voidPtr: llvm.Type;
  readonly lockPtr: llvm.Type;
  readonly identType: llvm.StructType;
  readonly lockType: llvm.ArrayType;
  readonly microtaskPtr: llvm.Type;

  constructor(scope: ModuleScope) {
    this.#scope = scope;
    const ctx = scope.ctx;
    const ptr = (t: Type): llvm.Type => scope.types.translate(scope.types.opaquePointers ? LLVMPointerType.opaque() : LLVMPointerType.get(t));
    this.i32 = llvm.Type.getInt32Ty(ctx);
    this.i64 = llvm.Type.getInt64Ty(ctx);
    this.i32Ptr = ptr(mlirI32);
    this.i64Ptr = scope.types.opaquePointers ? this.i32Ptr : llvm.PointerType.get(this.i64, 0);
    this.voidPtr = ptr(mlirI8);
    this.identType = llvm.StructType.get(ctx, [this.i32, this.i32, this.i32, this.i32, this.voidPtr]);
    this.identPtr = scope.types.opaquePointers ? this.voidPtr : llvm.PointerType.get(this.identType, 0);
    this.lockType = llvm.ArrayType.get(this.i32, 8);
    this.lockPtr = scope.types.opaquePointers ? this.voidPtr : llvm.PointerType.get(this.lockType, 0);
    const microtask = llvm.FunctionType.get(llvm.Type.getVoidTy(ctx), [this.i32Ptr, this.i32Ptr], true);
    this.microtaskPtr = scope.types.opaquePointers ? this.voidPtr : llvm.PointerType.get(microtask, 0);
  }

  /** A runtime function, declared on first use. */
  fn(name: string, result: llvm.Type | "void", params: readonly llvm.Type[], varArg = false): llvm.Function {
    const existing = this.#scope.module.getFunction(name);
    if (existing !== null) return existing;
    const ret = result === "void" ? llvm.Type.getVoidTy(this.#scope.ctx) : result;
    const type = llvm.FunctionType.get(ret, [...params], varArg);
    return llvm.Function.Create(type, llvm.GlobalValue.LinkageTypes.ExternalLinkage, name, this.#scope.module);
  }

  /** The `ident_t` (source location and flags) the runtime calls take, one private constant per flags value. */
  ident(flags: number): llvm.Constant {
    const known = this.#idents.get(flags);
    if (known !== undefined) return known;
    const source = ";unknown;unknown;0;0;;";
    if (this.#source === undefined) {
      const text = llvm.ConstantDataArray.getString(this.#scope.ctx, source, true);
      const str = new llvm.GlobalVariable(this.#scope.module, text.getType(), true, llvm.GlobalValue.LinkageTypes.PrivateLinkage, text, ".omp.source");
      const zero = llvm.ConstantInt.get(this.i32, 0);
      this.#source = llvm.ConstantExpr.getBitCast(llvm.ConstantExpr.getGetElementPtr(text.getType(), str, [zero, zero], true), this.voidPtr);
    }
    const int = (v: number): llvm.Constant => llvm.ConstantInt.get(this.i32, v);
    // (reserved_3 is where the runtime expects the length of the source string's first part.)
    const init = llvm.ConstantStruct.get(this.identType, [int(0), int(flags), int(0), int(source.length - 1), this.#source]);
    const g = new llvm.GlobalVariable(this.#scope.module, this.identType, true, llvm.GlobalValue.LinkageTypes.PrivateLinkage, init, `.omp.ident.${flags}`);
    const ident = llvm.ConstantExpr.getBitCast(g, this.identPtr);
    this.#idents.set(flags, ident);
    return ident;
  }

  /** The lock of `omp.critical(@name)` (clang's `.gomp_critical_user_<name>.var`, common to the program). */
  lock(name: string): llvm.Value {
    let g = this.#locks.get(name);
    if (g === undefined) {
      g = new llvm.GlobalVariable(this.#scope.module, this.lockType, false, llvm.GlobalValue.LinkageTypes.CommonLinkage, llvm.Constant.getNullValue(this.lockType) as llvm.Constant, `.gomp_critical_user_${name}.var`);
      g.setAlignment(8);
      this.#locks.set(name, g);
    }
    return g;
  }

  outlinedName(parent: string): string {
    return `${parent}..omp_par.${this.#outlined++}`;
  }
}

const runtimes = new WeakMap<ModuleScope, OpenMPRuntime>();
function runtimeOf(scope: ModuleScope): OpenMPRuntime {
  let rt = runtimes.get(scope);
  if (rt === undefined) runtimes.set(scope, (rt = new OpenMPRuntime(scope)));
  return rt;
}

/** The private copies of the reductions of the loops being translated, by their shared accumulator. */
interface PrivateReduction {
  readonly decl: ReductionDeclareOp;
  readonly type: llvm.Type;
  readonly shared: llvm.Value;
  readonly copy: llvm.Value;
}
const privateReductions = new WeakMap<FunctionTranslator, Map<Value, PrivateReduction>>();

/** Translates one omp op at the builder's position; throws (the caller names the op) on what it cannot do. */
export function translateOpenMP(t: FunctionTranslator, op: OmpOp): void {
  const rt = runtimeOf(t.scope);
  const b = t.builder;
  switch (op.name) {
    case "omp.parallel":
      return parallel(t, rt, op);
    case "omp.wsloop":
      return wsloop(t, rt, op);
    case "omp.yield":
      return t.exitRegion(op.values);
    case "omp.terminator":
      return t.exitRegion([]);
    case "omp.barrier":
      b.CreateCall(rt.fn("__kmpc_barrier", "void", [rt.identPtr, rt.i32]), [rt.ident(IDENT_KMPC), threadNum(t, rt)]);
      return;
    case "omp.flush":
      if (op.operands.length > 0) throw new Error("flush with a list of variables is not supported by Tensile's translation to LLVM IR");
      b.CreateCall(rt.fn("__kmpc_flush", "void", [rt.identPtr]), [rt.ident(IDENT_KMPC)]);
      return;
    case "omp.taskwait":
      b.CreateCall(rt.fn("__kmpc_omp_taskwait", rt.i32, [rt.identPtr, rt.i32]), [rt.ident(IDENT_KMPC), threadNum(t, rt)]);
      return;
    case "omp.taskyield":
      b.CreateCall(rt.fn("__kmpc_omp_taskyield", rt.i32, [rt.identPtr, rt.i32, rt.i32]), [rt.ident(IDENT_KMPC), threadNum(t, rt), llvm.ConstantInt.get(rt.i32, 0)]);
      return;
    case "omp.critical":
      return critical(t, rt, op);
    case "omp.master": {
      const tid = threadNum(t, rt);
      const args = [rt.ident(IDENT_KMPC), tid];
      const isMaster = b.CreateCall(rt.fn("__kmpc_master", rt.i32, [rt.identPtr, rt.i32]), args);
      guarded(t, b.CreateICmpNE(isMaster, llvm.ConstantInt.get(rt.i32, 0)), op.region, "omp.master", () => {
        b.CreateCall(rt.fn("__kmpc_end_master", "void", [rt.identPtr, rt.i32]), args);
      });
      return;
    }
    case "omp.single":
      return single(t, rt, op);
    case "omp.reduction":
      return reduce(t, op);
    case "omp.reduction.declare":
    case "omp.critical.declare":
      throw new Error("is a module-level declaration: it cannot be inside a function");
    case "omp.simdloop":
    case "omp.sections":
    case "omp.section":
    case "omp.task":
    case "omp.taskloop":
    case "omp.taskgroup":
    case "omp.ordered":
    case "omp.ordered_region":
    case "omp.atomic.read":
    case "omp.atomic.write":
    case "omp.atomic.update":
    case "omp.atomic.capture":
    case "omp.threadprivate":
    case "omp.cancel":
    case "omp.cancellationpoint":
      throw new Error(`is not supported by Tensile's translation to LLVM IR (supported: omp.parallel, omp.wsloop with a static schedule, omp.barrier, omp.critical, omp.master, omp.single, omp.flush, omp.taskwait, omp.taskyield, reductions)`);
    default:
      return assertNever(op);
  }
}

/** `__kmpc_global_thread_num(ident)`: the calling thread's global id, which the runtime calls take. */
function threadNum(t: FunctionTranslator, rt: OpenMPRuntime): llvm.Value {
  return t.builder.CreateCall(rt.fn("__kmpc_global_thread_num", rt.i32, [rt.identPtr]), [rt.ident(IDENT_KMPC)]);
}

/** An alloca in the function's entry block (so that a construct inside a loop does not grow the stack). */
function entryAlloca(t: FunctionTranslator, type: llvm.Type): llvm.AllocaInst {
  // A builder of its own: llvm-bindings 0.4.2's IRBuilder.restoreIP always throws (after restoring).
  const b = new llvm.IRBuilder(t.scope.ctx);
  const entry = t.function.getEntryBlock();
  const first = entry.getFirstNonPHI();
  if (first !== null) b.SetInsertPoint(first);
  else b.SetInsertPoint(entry);
  return b.CreateAlloca(type, null);
}

/** Runs `region` when `condition` holds, then `after` (inside the guarded part), then continues. */
function guarded(t: FunctionTranslator, condition: llvm.Value, region: Region, name: string, after: () => void): void {
  const b = t.builder;
  const body = t.newBlock(`${name}.body`);
  const end = t.newBlock(`${name}.end`);
  b.CreateCondBr(condition, body, end);
  b.SetInsertPoint(body);
  t.inlineRegion(region, [], [], name);
  after();
  b.CreateBr(end);
  b.SetInsertPoint(end);
}

/** Ops without operands that an outlined body re-creates rather than receives (so LLVM sees the constants). */
const REMATERIALIZED = new Set(["llvm.mlir.constant", "llvm.mlir.null", "llvm.mlir.undef", "llvm.mlir.addressof"]);

/** The values the ops of `region` use but that are defined outside it, in first-use order. */
function capturedValues(region: Region): Value[] {
  const inside = (v: Value): boolean => {
    const block = v.parentBlock;
    if (block === undefined) return false;
    const owner = block.parentOp;
    return block.parent === region || (owner !== undefined && region.isAncestorOf(owner));
  };
  const seen = new Set<Value>();
  for (const block of region.blocks) {
    for (const top of block.ops()) {
      top.walk((op: Operation) => {
        for (const v of op.operands) if (!inside(v)) seen.add(v);
      });
    }
  }
  return [...seen];
}

/**
 * omp.parallel: the body outlined into `void (i32* gtid, i32* btid, i8* ctx)`, run by `__kmpc_fork_call` on
 * the team (or serialized when its `if` clause is false); what the body uses from outside travels in a struct
 * on the caller's stack.
 */
function parallel(t: FunctionTranslator, rt: OpenMPRuntime, op: ParallelOp): void {
  if (op.reduction_vars.length > 0) throw new Error("reductions on omp.parallel are not supported by Tensile's translation to LLVM IR (put them on an omp.wsloop)");
  if (op.allocate_vars.length > 0) throw new Error("the allocate clause is not supported by Tensile's translation to LLVM IR");
  const b = t.builder;
  const scope = t.scope;
  const used = capturedValues(op.region);
  const constants = used.filter((v) => REMATERIALIZED.has(v.definingOp?.name ?? ""));
  const captured = used.filter((v) => !constants.includes(v));
  const capturedTypes = captured.map((v) => t.translateType(v.type));
  const ctxType = llvm.StructType.get(scope.ctx, capturedTypes.length === 0 ? [rt.i32] : capturedTypes);
  const ctxPtrType = scope.types.opaquePointers ? rt.voidPtr : llvm.PointerType.get(ctxType, 0);

  // The outlined body.
  const fnType = llvm.FunctionType.get(llvm.Type.getVoidTy(scope.ctx), [rt.i32Ptr, rt.i32Ptr, rt.voidPtr], false);
  const outlined = llvm.Function.Create(fnType, llvm.GlobalValue.LinkageTypes.InternalLinkage, rt.outlinedName(t.function.getName()), scope.module);
  outlined.addParamAttr(0, "noalias");
  outlined.addParamAttr(1, "noalias");
  outlined.addFnAttr("nounwind");
  const inner = t.child(outlined);
  const ib = inner.builder;
  ib.SetInsertPoint(llvm.BasicBlock.Create(scope.ctx, "omp.par.entry", outlined));
  for (const v of constants) inner.translateOp(v.definingOp!);
  const ctxIn = ib.CreateBitCast(outlined.getArg(2), ctxPtrType);
  captured.forEach((v, i) => {
    const slot = ib.CreateInBoundsGEP(ctxType, ctxIn, [llvm.ConstantInt.get(rt.i32, 0), llvm.ConstantInt.get(rt.i32, i)]);
    inner.bind(v, ib.CreateAlignedLoad(capturedTypes[i]!, slot, 0, false));
  });
  inner.inlineRegion(op.region, [], [], "omp.par");
  ib.CreateRetVoid();

  // The call site.
  const ctxSlot = entryAlloca(t, ctxType);
  captured.forEach((v, i) => {
    const slot = b.CreateInBoundsGEP(ctxType, ctxSlot, [llvm.ConstantInt.get(rt.i32, 0), llvm.ConstantInt.get(rt.i32, i)]);
    b.CreateAlignedStore(t.value(v), slot, 0, false);
  });
  const ctxArg = b.CreateBitCast(ctxSlot, rt.voidPtr);
  const ident = rt.ident(IDENT_KMPC);
  const fork = (): void => {
    if (op.num_threads_var !== undefined || op.proc_bind_val !== undefined) {
      const tid = threadNum(t, rt);
      if (op.num_threads_var !== undefined) {
        const n = b.CreateIntCast(t.value(op.num_threads_var), rt.i32, true);
        b.CreateCall(rt.fn("__kmpc_push_num_threads", "void", [rt.identPtr, rt.i32, rt.i32]), [ident, tid, n]);
      }
      if (op.proc_bind_val !== undefined) {
        const kind = PROC_BIND[op.proc_bind_val.value] ?? 0;
        b.CreateCall(rt.fn("__kmpc_push_proc_bind", "void", [rt.identPtr, rt.i32, rt.i32]), [ident, tid, llvm.ConstantInt.get(rt.i32, kind)]);
      }
    }
    const forkCall = rt.fn("__kmpc_fork_call", "void", [rt.identPtr, rt.i32, rt.microtaskPtr], true);
    b.CreateCall(forkCall, [ident, llvm.ConstantInt.get(rt.i32, 1), b.CreateBitCast(outlined, rt.microtaskPtr), ctxArg]);
  };
  if (op.if_expr_var === undefined) return fork();
  // `if(false)`: the body runs on the encountering thread alone, as a team of one.
  const forked = t.newBlock("omp.par.fork");
  const serial = t.newBlock("omp.par.serial");
  const done = t.newBlock("omp.par.done");
  b.CreateCondBr(t.value(op.if_expr_var), forked, serial);
  b.SetInsertPoint(forked);
  fork();
  b.CreateBr(done);
  b.SetInsertPoint(serial);
  const tid = threadNum(t, rt);
  b.CreateCall(rt.fn("__kmpc_serialized_parallel", "void", [rt.identPtr, rt.i32]), [ident, tid]);
  const tidSlot = entryAlloca(t, rt.i32);
  const zeroSlot = entryAlloca(t, rt.i32);
  b.CreateAlignedStore(tid, tidSlot, 0, false);
  b.CreateAlignedStore(llvm.ConstantInt.get(rt.i32, 0), zeroSlot, 0, false);
  b.CreateCall(outlined, [tidSlot, zeroSlot, ctxArg]);
  b.CreateCall(rt.fn("__kmpc_end_serialized_parallel", "void", [rt.identPtr, rt.i32]), [ident, tid]);
  b.CreateBr(done);
  b.SetInsertPoint(done);
}

/** The clauses of omp.wsloop this translation does not implement, named in the error. */
function unsupportedLoopClause(op: WsLoopOp): string | undefined {
  const schedule = op.schedule_val === undefined ? "static" : op.schedule_val.value;
  if (schedule !== "static") return `schedule(${schedule ?? "?"})`;
  if (op.schedule_chunk_var !== undefined) return "a schedule chunk size";
  if (op.linear_vars.length > 0) return "the linear clause";
  if (op.ordered_val !== undefined) return "the ordered clause";
  if (op.lowerBound.length === 0) return "a loop without induction variables";
  return undefined;
}

/** omp.wsloop with a static schedule: see the file's comment. */
function wsloop(t: FunctionTranslator, rt: OpenMPRuntime, op: WsLoopOp): void {
  const clause = unsupportedLoopClause(op);
  if (clause !== undefined) throw new Error(`${clause} is not supported by Tensile's translation to LLVM IR (only a static schedule without chunk)`);
  const b = t.builder;
  const one64 = llvm.ConstantInt.get(rt.i64, 1);
  const zero64 = llvm.ConstantInt.get(rt.i64, 0);
  const inclusive = op.inclusive !== undefined;

  // Trip counts, in the bounds' type, then as i64.
  const dims = op.lowerBound.map((lbValue, d) => {
    const lb = t.value(lbValue);
    const ub = t.value(op.upperBound[d]!);
    const step = t.value(op.step[d]!);
    const type = lb.getType();
    const one = llvm.ConstantInt.get(type, 1);
    const zero = llvm.ConstantInt.get(type, 0);
    const nonEmpty = inclusive ? b.CreateICmpSLE(lb, ub) : b.CreateICmpSLT(lb, ub);
    const lastOffset = b.CreateSub(b.CreateSub(ub, lb), inclusive ? zero : one);
    const trips = b.CreateSelect(nonEmpty, b.CreateAdd(b.CreateUDiv(lastOffset, step), one), zero);
    return { lb, step, type, trips: b.CreateZExtOrTrunc(trips, rt.i64) };
  });
  const total = dims.reduce<llvm.Value>((acc, d) => b.CreateMul(acc, d.trips), one64);

  // Reductions: a private copy per thread, initialised by the declaration.
  const reductions = loopReductions(t, op);
  const privates = privateReductions.get(t) ?? new Map<Value, PrivateReduction>();
  privateReductions.set(t, privates);
  for (const [acc, r] of reductions) {
    const [init] = t.inlineRegion(r.decl.initializerRegion, [llvm.UndefValue.get(r.type)], [r.type], "omp.reduction.init");
    b.CreateAlignedStore(init!, r.copy, 0, false);
    privates.set(acc, r);
  }

  const ident = rt.ident(IDENT_KMPC);
  const tid = threadNum(t, rt);
  const init = t.newBlock("omp.loop.init");
  const header = t.newBlock("omp.loop.header");
  const body = t.newBlock("omp.loop.body");
  const fini = t.newBlock("omp.loop.fini");
  const after = t.newBlock("omp.loop.after");
  b.CreateCondBr(b.CreateICmpNE(total, zero64), init, after);

  b.SetInsertPoint(init);
  const [last, lower, upper, stride] = [entryAlloca(t, rt.i32), entryAlloca(t, rt.i64), entryAlloca(t, rt.i64), entryAlloca(t, rt.i64)];
  b.CreateAlignedStore(llvm.ConstantInt.get(rt.i32, 0), last, 0, false);
  b.CreateAlignedStore(zero64, lower, 0, false);
  b.CreateAlignedStore(b.CreateSub(total, one64), upper, 0, false);
  b.CreateAlignedStore(one64, stride, 0, false);
  const staticInit = rt.fn("__kmpc_for_static_init_8u", "void", [rt.identPtr, rt.i32, rt.i32, rt.i32Ptr, rt.i64Ptr, rt.i64Ptr, rt.i64Ptr, rt.i64, rt.i64]);
  b.CreateCall(staticInit, [ident, tid, llvm.ConstantInt.get(rt.i32, KMP_SCH_STATIC), last, lower, upper, stride, one64, one64]);
  const first = b.CreateAlignedLoad(rt.i64, lower, 0, false);
  const end = b.CreateAlignedLoad(rt.i64, upper, 0, false);
  b.CreateBr(header);

  b.SetInsertPoint(header);
  const k = b.CreatePHI(rt.i64, 2);
  k.addIncoming(first, init);
  b.CreateCondBr(b.CreateICmpULE(k, end), body, fini);

  // The induction variables from the collapsed index, innermost fastest.
  b.SetInsertPoint(body);
  const ivs: llvm.Value[] = [];
  let rest: llvm.Value = k;
  for (let d = dims.length - 1; d >= 0; d--) {
    const dim = dims[d]!;
    const index = d === 0 ? rest : b.CreateURem(rest, dim.trips);
    if (d > 0) rest = b.CreateUDiv(rest, dim.trips);
    ivs[d] = b.CreateAdd(dim.lb, b.CreateMul(b.CreateZExtOrTrunc(index, dim.type), dim.step));
  }
  t.inlineRegion(op.region, ivs, [], "omp.wsloop");
  const next = b.CreateAdd(k, one64);
  k.addIncoming(next, b.GetInsertBlock()!);
  b.CreateBr(header);

  b.SetInsertPoint(fini);
  b.CreateCall(rt.fn("__kmpc_for_static_fini", "void", [rt.identPtr, rt.i32]), [ident, tid]);
  b.CreateBr(after);

  b.SetInsertPoint(after);
  for (const [acc, r] of reductions) {
    combineIntoShared(t, rt, r, tid);
    privates.delete(acc);
  }
  if (op.nowait === undefined) b.CreateCall(rt.fn("__kmpc_barrier", "void", [rt.identPtr, rt.i32]), [rt.ident(IDENT_BARRIER_FOR), tid]);
}

/** The loop's reductions: declaration, LLVM type, shared accumulator and a fresh private copy, by accumulator. */
function loopReductions(t: FunctionTranslator, op: WsLoopOp): Map<Value, PrivateReduction> {
  const out = new Map<Value, PrivateReduction>();
  const symbols = op.reductions instanceof ArrayAttr ? op.reductions.elements : [];
  op.reduction_vars.forEach((acc, i) => {
    const ref = symbols[i];
    const decl = ref instanceof SymbolRefAttr ? lookupReductionDeclare(op, ref) : undefined;
    if (decl === undefined) throw new Error(`reduction #${i} has no omp.reduction.declare`);
    const declOp = decl as ReductionDeclareOp;
    const type = t.translateType(declOp.type.value);
    out.set(acc, { decl: declOp, type, shared: t.value(acc), copy: entryAlloca(t, type) });
  });
  return out;
}

/** omp.reduction %v, %acc: the thread's private copy of %acc becomes combiner(copy, %v). */
function reduce(t: FunctionTranslator, op: ReductionOp): void {
  const r = privateReductions.get(t)?.get(op.accumulator);
  if (r === undefined) throw new Error("its accumulator is not a reduction variable of an enclosing omp.wsloop");
  const b = t.builder;
  const current = b.CreateAlignedLoad(r.type, r.copy, 0, false);
  const [combined] = t.inlineRegion(r.decl.reductionRegion, [current, t.value(op.operand)], [r.type], "omp.reduction.combiner");
  b.CreateAlignedStore(combined!, r.copy, 0, false);
}

/** A thread's private copy added into the shared accumulator: atomically, or under a lock with the combiner. */
function combineIntoShared(t: FunctionTranslator, rt: OpenMPRuntime, r: PrivateReduction, tid: llvm.Value): void {
  const b = t.builder;
  if (!r.decl.atomicReductionRegion.isEmpty) {
    t.inlineRegion(r.decl.atomicReductionRegion, [r.shared, r.copy], [], "omp.reduction.atomic");
    return;
  }
  const lockArgs = [rt.ident(IDENT_KMPC), tid, rt.lock(`.reduction.${r.decl.sym_name.value}`)];
  b.CreateCall(rt.fn("__kmpc_critical", "void", [rt.identPtr, rt.i32, rt.lockPtr]), lockArgs);
  const shared = b.CreateAlignedLoad(r.type, r.shared, 0, false);
  const mine = b.CreateAlignedLoad(r.type, r.copy, 0, false);
  const [combined] = t.inlineRegion(r.decl.reductionRegion, [shared, mine], [r.type], "omp.reduction.combiner");
  b.CreateAlignedStore(combined!, r.shared, 0, false);
  b.CreateCall(rt.fn("__kmpc_end_critical", "void", [rt.identPtr, rt.i32, rt.lockPtr]), lockArgs);
}

/** omp.critical: the region between __kmpc_critical and __kmpc_end_critical on the lock of its name. */
function critical(t: FunctionTranslator, rt: OpenMPRuntime, op: CriticalOp): void {
  const args = [rt.ident(IDENT_KMPC), threadNum(t, rt), rt.lock(criticalName(op)?.root ?? "")];
  t.builder.CreateCall(rt.fn("__kmpc_critical", "void", [rt.identPtr, rt.i32, rt.lockPtr]), args);
  t.inlineRegion(op.region, [], [], "omp.critical");
  t.builder.CreateCall(rt.fn("__kmpc_end_critical", "void", [rt.identPtr, rt.i32, rt.lockPtr]), args);
}

/** omp.single: the region on the thread __kmpc_single picks, then a barrier unless `nowait`. */
function single(t: FunctionTranslator, rt: OpenMPRuntime, op: SingleOp): void {
  if (op.allocate_vars.length > 0) throw new Error("the allocate clause is not supported by Tensile's translation to LLVM IR");
  const b = t.builder;
  const tid = threadNum(t, rt);
  const args = [rt.ident(IDENT_KMPC), tid];
  const chosen = b.CreateCall(rt.fn("__kmpc_single", rt.i32, [rt.identPtr, rt.i32]), args);
  guarded(t, b.CreateICmpNE(chosen, llvm.ConstantInt.get(rt.i32, 0)), op.region, "omp.single", () => {
    b.CreateCall(rt.fn("__kmpc_end_single", "void", [rt.identPtr, rt.i32]), args);
  });
  if (op.nowait === undefined) b.CreateCall(rt.fn("__kmpc_barrier", "void", [rt.identPtr, rt.i32]), [rt.ident(IDENT_KMPC), tid]);
}

function assertNever(op: never): never {
  throw new Error(`'${(op as Operation).name}' has no translation to LLVM IR`);
}
