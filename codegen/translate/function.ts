/**
 * The body of one llvm.func as LLVM IR, op by op through the IRBuilder. Blocks are visited in reverse
 * post-order (so every operand is translated before its uses, except through block arguments); block arguments
 * become PHI nodes, filled in from each branch. `translateOp` is an exhaustive switch over the llvm dialect's
 * op names: an op added to the dialect without a case here does not compile.
 */
import { llvm } from "../llvm.ts";
import { DenseArrayAttr, DenseElementsAttr, IntegerAttr, SymbolRefAttr, TypeAttr, UnitAttr } from "../../src/ir/attributes.ts";
import type { Block, Operation, Region } from "../../src/ir/operation.ts";
import { IntegerType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import {
  AtomicBinOp,
  AtomicOrdering,
  FCmpPredicate,
  FastmathFlagsAttr,
  GEP_DYNAMIC_INDEX,
  ICmpPredicate,
  INTRINSICS,
  LLVMPointerType,
  type aggregateOps,
  type arithOps,
  type controlOps,
  gepSourceElementType,
  type memoryOps,
  type moduleOps,
  switchCaseOperands,
} from "../../dialects/llvm/index.ts";
import type { OmpOp } from "../../dialects/omp/index.ts";
import type { ConstantTranslator } from "./constants.ts";
import { translateOpenMP } from "./openmp.ts";
import type { TypeTranslator } from "./types.ts";

/** An op the translation does not handle (yet): the error names it; the caller adds the location. */
export class UnsupportedOp extends Error {}

/** Every non-intrinsic op of the llvm dialect, as a union discriminated by `name`. */
type CoreOp = InstanceType<
  (typeof arithOps | typeof aggregateOps | typeof controlOps | typeof memoryOps | typeof moduleOps)[number]
>;

/** What a function's translation needs from the module's: types, constants, and symbols already declared. */
export interface ModuleScope {
  readonly ctx: llvm.LLVMContext;
  readonly module: llvm.Module;
  readonly types: TypeTranslator;
  readonly constants: ConstantTranslator;
  /** A function or global by its symbol name. */
  symbol(name: string): llvm.Function | llvm.GlobalVariable | undefined;
}

/** Blocks reachable from `entry`, in reverse post-order (dominators before what they dominate). */
function reversePostOrder(entry: Block): Block[] {
  const seen = new Set<Block>([entry]);
  const post: Block[] = [];
  const stack: { block: Block; next: number }[] = [{ block: entry, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const succ = top.block.successors;
    if (top.next < succ.length) {
      const s = succ[top.next++]!;
      if (!seen.has(s)) {
        seen.add(s);
        stack.push({ block: s, next: 0 });
      }
    } else {
      post.push(top.block);
      stack.pop();
    }
  }
  return post.reverse();
}

const fastmathOf = (op: Operation): llvm.FastMathFlags => {
  const a = op.attr("fastmathFlags");
  const flags: Record<string, boolean> = {};
  if (a instanceof FastmathFlagsAttr) for (const f of a.flags) flags[f] = true;
  return flags;
};

const alignmentOf = (op: Operation): number => {
  const a = op.attr("alignment");
  return a instanceof IntegerAttr ? Number(a.value) : 0;
};

export class FunctionTranslator {
  readonly #scope: ModuleScope;
  /** Undefined when evaluating a global's initializer (constant folding only, no instructions). */
  readonly #fn: llvm.Function | undefined;
  readonly #b: llvm.IRBuilder;
  readonly #values = new Map<Value, llvm.Value>();
  readonly #blocks = new Map<Block, llvm.BasicBlock>();
  readonly #phis = new Map<Block, llvm.PHINode[]>();
  /** Where the terminators of the regions being inlined (omp.yield, omp.terminator) go: innermost last. */
  readonly #exits: { readonly block: llvm.BasicBlock; readonly phis: readonly llvm.PHINode[] }[] = [];

  constructor(scope: ModuleScope, fn: llvm.Function | undefined) {
    this.#scope = scope;
    this.#fn = fn;
    this.#b = new llvm.IRBuilder(scope.ctx);
  }

  // ---- for the translations of ops with regions (openmp.ts) ------------------------------------------------

  get scope(): ModuleScope {
    return this.#scope;
  }
  get builder(): llvm.IRBuilder {
    return this.#b;
  }
  /** The function being built. */
  get function(): llvm.Function {
    if (this.#fn === undefined) throw new Error("not inside a function");
    return this.#fn;
  }
  /** The LLVM value of an MLIR value already translated. */
  value(v: Value): llvm.Value {
    return this.#v(v);
  }
  /** Makes `v` stand for `x` in what is translated next. */
  bind(v: Value, x: llvm.Value): void {
    this.#values.set(v, x);
  }
  translateType(t: Type): llvm.Type {
    return this.#type(t);
  }
  /** Translates one op at the builder's position (a constant re-created inside an outlined body). */
  translateOp(op: Operation): void {
    this.#translateOp(op);
  }
  /** A translator for another function of the same module (an outlined body). */
  child(fn: llvm.Function): FunctionTranslator {
    return new FunctionTranslator(this.#scope, fn);
  }
  /** A new basic block at the end of the function. */
  newBlock(name: string): llvm.BasicBlock {
    return llvm.BasicBlock.Create(this.#scope.ctx, name, this.function);
  }

  /**
   * Translates `region` in place, as if its blocks were part of the function: a branch from the current block to
   * its entry (whose arguments are `args`), its blocks in reverse post-order, and every `omp.yield` /
   * `omp.terminator` in it a branch to a new block after it, whose PHIs of `resultTypes` (the yielded values)
   * are returned. The builder is left at the end of that block.
   */
  inlineRegion(region: Region, args: readonly llvm.Value[], resultTypes: readonly llvm.Type[], name: string): llvm.Value[] {
    const entry = region.blocks[0];
    if (entry === undefined) throw new Error("an empty region");
    if (entry.args.length !== args.length) throw new Error(`the region takes ${entry.args.length} arguments, given ${args.length}`);
    const after = this.newBlock(`${name}.exit`);
    const order = reversePostOrder(entry);
    for (const block of order) this.#blocks.set(block, this.newBlock(`${name}.bb${region.blocks.indexOf(block)}`));
    entry.args.forEach((a, i) => this.#values.set(a, args[i]!));
    this.#b.CreateBr(this.#blocks.get(entry)!);
    this.#b.SetInsertPoint(after);
    const phis = resultTypes.map((t) => this.#b.CreatePHI(t, 1));
    this.#exits.push({ block: after, phis });
    try {
      this.#translateBlocks(order, entry);
    } finally {
      this.#exits.pop();
    }
    this.#b.SetInsertPoint(after);
    return phis;
  }

  /** An `omp.yield` or `omp.terminator`: a branch out of the region being inlined, yielding `values`. */
  exitRegion(values: readonly Value[]): void {
    const exit = this.#exits[this.#exits.length - 1];
    if (exit === undefined) throw new Error("a region terminator outside of the regions Tensile translates");
    if (values.length !== exit.phis.length) throw new Error(`yields ${values.length} values where ${exit.phis.length} are expected`);
    const from = this.#b.GetInsertBlock();
    if (from === null) throw new Error("no insertion block");
    values.forEach((v, i) => exit.phis[i]!.addIncoming(this.#v(v), from));
    this.#b.CreateBr(exit.block);
  }

  /** Translates the body; throws OpError (naming the op). */
  translateBody(entry: Block): void {
    const fn = this.#fn;
    if (fn === undefined) throw new Error("translateBody needs a function");
    const order = reversePostOrder(entry);
    // Named after their position in the region, as MLIR prints them (^bb2 is bb2), whatever the visiting order.
    const region = entry.parent?.blocks ?? [entry];
    for (const block of order) this.#blocks.set(block, llvm.BasicBlock.Create(this.#scope.ctx, block === entry ? "entry" : `bb${region.indexOf(block)}`, fn));
    for (const [i, arg] of entry.args.entries()) this.#values.set(arg, fn.getArg(i));
    this.#translateBlocks(order, entry);
  }

  /** The blocks of one region, `entry` first, whose arguments are bound already: PHIs for the others' arguments. */
  #translateBlocks(order: readonly Block[], entry: Block): void {
    for (const block of order) {
      if (block === entry) continue;
      this.#b.SetInsertPoint(this.#blocks.get(block)!);
      const phis = block.args.map((a) => this.#b.CreatePHI(this.#type(a.type), Math.max(1, block.predecessors.length)));
      block.args.forEach((a, i) => this.#values.set(a, phis[i]!));
      this.#phis.set(block, phis);
    }
    for (const block of order) {
      this.#b.SetInsertPoint(this.#blocks.get(block)!);
      for (const op of block.ops()) {
        try {
          this.#translateOp(op);
        } catch (e) {
          throw e instanceof OpError ? e : new OpError(op, e instanceof Error ? e.message : String(e));
        }
      }
    }
  }

  /**
   * A global's initializer region as a constant: its ops (constants, undef, null, addresses, insertvalue, casts
   * and GEPs of constants) fold in the builder's constant folder, which never inserts an instruction.
   */
  evaluateInitializer(block: Block): llvm.Constant {
    for (const op of block.ops()) {
      if (op.name === "llvm.return") return this.#v(op.getOperand(0)) as llvm.Constant;
      if (!CONSTANT_FOLDABLE.has(op.name)) throw new OpError(op, "is not supported in a global's initializer (only constant expressions are)");
      try {
        this.#translateOp(op);
      } catch (e) {
        throw e instanceof OpError ? e : new OpError(op, e instanceof Error ? e.message : String(e));
      }
    }
    throw new Error("a global's initializer must end in llvm.return");
  }

  #type(t: Type): llvm.Type {
    return this.#scope.types.translate(t);
  }

  #v(value: Value): llvm.Value {
    const out = this.#values.get(value);
    if (out === undefined) throw new Error("operand used before it is defined (or defined in an unreachable block)");
    return out;
  }

  #set(op: Operation, value: llvm.Value): void {
    this.#values.set(op.getResult(0), value);
  }

  /** The PHIs of `dest` get `operands` as coming from the block being built. */
  #branchTo(dest: Block, operands: readonly Value[]): llvm.BasicBlock {
    const target = this.#blocks.get(dest);
    if (target === undefined) throw new Error("branch to a block outside the function");
    const from = this.#b.GetInsertBlock();
    if (from === null) throw new Error("no insertion block");
    const phis = this.#phis.get(dest) ?? [];
    operands.forEach((v, i) => phis[i]?.addIncoming(this.#v(v), from));
    return target;
  }

  #withFastmath(op: Operation, build: () => llvm.Value): llvm.Value {
    const flags = fastmathOf(op);
    if (Object.keys(flags).length === 0) return build();
    this.#b.setFastMathFlags(flags);
    try {
      return build();
    } finally {
      this.#b.clearFastMathFlags();
    }
  }

  #translateOp(op: Operation): void {
    if (op.name.startsWith("llvm.intr.")) return this.#intrinsic(op);
    if (op.dialect === "omp") return translateOpenMP(this, op as OmpOp);
    const core = op as CoreOp;
    const b = this.#b;
    const v = (x: Value) => this.#v(x);
    switch (core.name) {
      // ---- arithmetic ------------------------------------------------------------------------------------------
      case "llvm.add":
        return this.#set(op, b.CreateAdd(v(core.lhs), v(core.rhs)));
      case "llvm.sub":
        return this.#set(op, b.CreateSub(v(core.lhs), v(core.rhs)));
      case "llvm.mul":
        return this.#set(op, b.CreateMul(v(core.lhs), v(core.rhs)));
      case "llvm.udiv":
        return this.#set(op, b.CreateUDiv(v(core.lhs), v(core.rhs)));
      case "llvm.sdiv":
        return this.#set(op, b.CreateSDiv(v(core.lhs), v(core.rhs)));
      case "llvm.urem":
        return this.#set(op, b.CreateURem(v(core.lhs), v(core.rhs)));
      case "llvm.srem":
        return this.#set(op, b.CreateSRem(v(core.lhs), v(core.rhs)));
      case "llvm.and":
        return this.#set(op, b.CreateAnd(v(core.lhs), v(core.rhs)));
      case "llvm.or":
        return this.#set(op, b.CreateOr(v(core.lhs), v(core.rhs)));
      case "llvm.xor":
        return this.#set(op, b.CreateXor(v(core.lhs), v(core.rhs)));
      case "llvm.shl":
        return this.#set(op, b.CreateShl(v(core.lhs), v(core.rhs)));
      case "llvm.lshr":
        return this.#set(op, b.CreateLShr(v(core.lhs), v(core.rhs)));
      case "llvm.ashr":
        return this.#set(op, b.CreateAShr(v(core.lhs), v(core.rhs)));
      case "llvm.fadd":
        return this.#set(op, this.#withFastmath(op, () => b.CreateFAdd(v(core.lhs), v(core.rhs))));
      case "llvm.fsub":
        return this.#set(op, this.#withFastmath(op, () => b.CreateFSub(v(core.lhs), v(core.rhs))));
      case "llvm.fmul":
        return this.#set(op, this.#withFastmath(op, () => b.CreateFMul(v(core.lhs), v(core.rhs))));
      case "llvm.fdiv":
        return this.#set(op, this.#withFastmath(op, () => b.CreateFDiv(v(core.lhs), v(core.rhs))));
      case "llvm.frem":
        return this.#set(op, this.#withFastmath(op, () => b.CreateFRem(v(core.lhs), v(core.rhs))));
      case "llvm.fneg":
        return this.#set(op, this.#withFastmath(op, () => b.CreateFNeg(v(core.operand))));
      case "llvm.icmp": {
        const pred = ICmpPredicate.caseOf(core.predicate);
        if (pred === undefined) throw new Error("bad icmp predicate");
        return this.#set(op, b.CreateICmp(pred, v(core.lhs), v(core.rhs)));
      }
      case "llvm.fcmp": {
        const pred = FCmpPredicate.caseOf(core.predicate);
        if (pred === undefined) throw new Error("bad fcmp predicate");
        return this.#set(op, this.#withFastmath(op, () => b.CreateFCmp(pred, v(core.lhs), v(core.rhs))));
      }
      case "llvm.bitcast":
        return this.#set(op, b.CreateBitCast(v(core.arg), this.#type(core.res.type)));
      case "llvm.addrspacecast":
        return this.#set(op, b.CreateAddrSpaceCast(v(core.arg), this.#type(core.res.type)));
      case "llvm.inttoptr":
        return this.#set(op, b.CreateIntToPtr(v(core.arg), this.#type(core.res.type)));
      case "llvm.ptrtoint":
        return this.#set(op, b.CreatePtrToInt(v(core.arg), this.#type(core.res.type)));
      case "llvm.sext":
        return this.#set(op, b.CreateSExt(v(core.arg), this.#type(core.res.type)));
      case "llvm.zext":
        return this.#set(op, b.CreateZExt(v(core.arg), this.#type(core.res.type)));
      case "llvm.trunc":
        return this.#set(op, b.CreateTrunc(v(core.arg), this.#type(core.res.type)));
      case "llvm.sitofp":
        return this.#set(op, b.CreateSIToFP(v(core.arg), this.#type(core.res.type)));
      case "llvm.uitofp":
        return this.#set(op, b.CreateUIToFP(v(core.arg), this.#type(core.res.type)));
      case "llvm.fptosi":
        return this.#set(op, b.CreateFPToSI(v(core.arg), this.#type(core.res.type)));
      case "llvm.fptoui":
        return this.#set(op, b.CreateFPToUI(v(core.arg), this.#type(core.res.type)));
      case "llvm.fpext":
        return this.#set(op, b.CreateFPExt(v(core.arg), this.#type(core.res.type)));
      case "llvm.fptrunc":
        return this.#set(op, b.CreateFPTrunc(v(core.arg), this.#type(core.res.type)));
      case "llvm.select":
        return this.#set(op, b.CreateSelect(v(core.condition), v(core.trueValue), v(core.falseValue)));
      case "llvm.freeze":
        return this.#set(op, b.CreateFreeze(v(core.val)));

      // ---- aggregates and vectors ------------------------------------------------------------------------------
      case "llvm.extractvalue":
        return this.#set(op, b.CreateExtractValue(v(core.container), positions(core.position)));
      case "llvm.insertvalue":
        return this.#set(op, b.CreateInsertValue(v(core.container), v(core.value), positions(core.position)));
      case "llvm.extractelement":
        return this.#set(op, b.CreateExtractElement(v(core.vector), v(core.position)));
      case "llvm.insertelement":
        return this.#set(op, b.CreateInsertElement(v(core.vector), v(core.value), v(core.position)));
      case "llvm.shufflevector":
        return this.#set(op, b.CreateShuffleVector(v(core.v1), v(core.v2), positions(core.mask)));

      // ---- control flow ----------------------------------------------------------------------------------------
      case "llvm.br":
        b.CreateBr(this.#branchTo(core.successors[0]!, core.destOperands));
        return;
      case "llvm.cond_br": {
        const [t, f] = core.successors;
        b.CreateCondBr(v(core.condition), this.#branchTo(t!, core.trueDestOperands), this.#branchTo(f!, core.falseDestOperands));
        return;
      }
      case "llvm.switch":
        return this.#switch(core as InstanceType<typeof controlOps[2]>);
      case "llvm.return":
        if (core.operands.length === 0) b.CreateRetVoid();
        else b.CreateRet(v(core.getOperand(0)));
        return;
      case "llvm.unreachable":
        b.CreateUnreachable();
        return;
      case "llvm.call":
        return this.#call(op);
      case "llvm.resume":
      case "llvm.invoke":
      case "llvm.landingpad":
        throw new UnsupportedOp(`'${op.name}' (exception handling) is not supported by Tensile's translation to LLVM IR`);

      // ---- memory --------------------------------------------------------------------------------------------
      case "llvm.alloca": {
        const ptr = core.res.type as LLVMPointerType;
        const elem = ptr.elementType ?? typeAttr(core.attr("elem_type"));
        const inst = b.CreateAlloca(this.#type(elem), v(core.arraySize));
        const align = alignmentOf(op);
        if (align > 0) inst.setAlignment(align);
        return this.#set(op, inst);
      }
      case "llvm.load": {
        const inst = b.CreateAlignedLoad(this.#type(core.res.type), v(core.addr), alignmentOf(op), core.attr("volatile_") !== undefined);
        if (core.attr("nontemporal") !== undefined) inst.setNonTemporal();
        return this.#set(op, inst);
      }
      case "llvm.store": {
        const inst = b.CreateAlignedStore(v(core.value), v(core.addr), alignmentOf(op), core.attr("volatile_") !== undefined);
        if (core.attr("nontemporal") !== undefined) inst.setNonTemporal();
        return;
      }
      case "llvm.getelementptr":
        return this.#set(op, this.#gep(op));
      case "llvm.atomicrmw": {
        const bin = AtomicBinOp.caseOf(core.bin_op);
        const ordering = AtomicOrdering.caseOf(core.ordering);
        if (bin === undefined || ordering === undefined) throw new Error("bad atomicrmw attributes");
        return this.#set(op, b.CreateAtomicRMW(bin, v(core.ptr), v(core.val), alignmentOf(op), ordering));
      }
      case "llvm.cmpxchg": {
        const ok = AtomicOrdering.caseOf(core.success_ordering);
        const fail = AtomicOrdering.caseOf(core.failure_ordering);
        if (ok === undefined || fail === undefined) throw new Error("bad cmpxchg orderings");
        return this.#set(op, b.CreateAtomicCmpXchg(v(core.ptr), v(core.cmp), v(core.val), alignmentOf(op), ok, fail));
      }
      case "llvm.fence": {
        const ordering = AtomicOrdering.caseOf(core.ordering);
        if (ordering === undefined) throw new Error("bad fence ordering");
        b.CreateFence(ordering, core.syncscope.value);
        return;
      }

      // ---- constants and symbols -----------------------------------------------------------------------------
      case "llvm.mlir.constant":
        return this.#set(op, this.#scope.constants.translate(core.value, core.res.type));
      case "llvm.mlir.null":
        return this.#set(op, llvm.Constant.getNullValue(this.#type(core.res.type)));
      case "llvm.mlir.undef":
        return this.#set(op, llvm.UndefValue.get(this.#type(core.res.type)));
      case "llvm.mlir.addressof": {
        const target = this.#scope.symbol(core.global_name.root);
        if (target === undefined) throw new Error(`no global or function named '@${core.global_name.root}'`);
        return this.#set(op, b.CreateBitCast(target, this.#type(core.res.type)));
      }
      case "llvm.inline_asm": {
        const resultType = op.results.length > 0 ? this.#type(op.getResult(0).type) : llvm.Type.getVoidTy(this.#scope.ctx);
        const fnType = llvm.FunctionType.get(resultType, op.operands.map((x) => this.#type(x.type)), false);
        const dialect = core.attr("asm_dialect") === undefined ? "att" : "intel";
        const asm = llvm.InlineAsm.get(fnType, core.asm_string.value, core.constraints.value, core.attr("has_side_effects") !== undefined, core.attr("is_align_stack") !== undefined, dialect);
        const call = b.CreateCall(fnType, asm, op.operands.map(v));
        if (op.results.length > 0) this.#set(op, call);
        return;
      }
      case "llvm.func":
      case "llvm.mlir.global":
      case "llvm.mlir.global_ctors":
      case "llvm.mlir.global_dtors":
        throw new UnsupportedOp(`'${op.name}' inside a function`);
      default:
        return assertNever(core);
    }
  }

  #switch(op: InstanceType<typeof controlOps[2]>): void {
    const [defaultDest, ...caseDests] = op.successors;
    const inst = this.#b.CreateSwitch(this.#v(op.value), this.#branchTo(defaultDest!, op.defaultOperands), caseDests.length);
    const values = op.attr("case_values");
    const width = (op.value.type as IntegerType).width;
    const cases = values instanceof DenseElementsAttr ? Array.from(values.data as ArrayLike<number | bigint>, (x) => BigInt(x)) : [];
    const splat = values instanceof DenseElementsAttr && values.data.length === 1 && caseDests.length > 1;
    caseDests.forEach((dest, i) => {
      const value = this.#scope.constants.translate(IntegerAttr.get(IntegerType.get(width), splat ? cases[0]! : cases[i]!), op.value.type);
      inst.addCase(value as llvm.ConstantInt, this.#branchTo(dest, switchCaseOperands(op, i)));
    });
  }

  #call(op: Operation): void {
    const callee = op.attr("callee");
    const args = op.operands.map((x) => this.#v(x));
    const resultType = op.results.length > 0 ? this.#type(op.getResult(0).type) : llvm.Type.getVoidTy(this.#scope.ctx);
    let call: llvm.CallInst;
    if (callee instanceof SymbolRefAttr) {
      const fn = this.#scope.symbol(callee.root);
      if (!(fn instanceof llvm.Function)) throw new Error(`no function named '@${callee.root}'`);
      call = this.#b.CreateCall(fn, args);
    } else {
      const [target, ...rest] = args;
      const fnType = llvm.FunctionType.get(resultType, op.operands.slice(1).map((x) => this.#type(x.type)), false);
      call = this.#b.CreateCall(fnType, target!, rest);
    }
    const flags = fastmathOf(op);
    if (Object.keys(flags).length > 0 && resultType.isFPOrFPVectorTy()) call.setFastMathFlags(flags);
    if (op.results.length > 0) this.#set(op, call);
  }

  #gep(op: Operation): llvm.Value {
    const source = gepSourceElementType(op);
    if (source === undefined) throw new Error("getelementptr without an element type");
    const raw = op.attr("rawConstantIndices");
    const constants = raw instanceof DenseArrayAttr ? raw.values.map(Number) : [];
    let next = 1;
    const i32 = llvm.IntegerType.get(this.#scope.ctx, 32);
    const indices = constants.map((c) => (c === GEP_DYNAMIC_INDEX ? this.#v(op.getOperand(next++)) : llvm.ConstantInt.get(i32, c, true)));
    const base = this.#v(op.getOperand(0));
    const type = this.#type(source);
    return op.attr("inbounds") instanceof UnitAttr ? this.#b.CreateInBoundsGEP(type, base, indices) : this.#b.CreateGEP(type, base, indices);
  }

  /**
   * An `llvm.intr.*` op as a call of its LLVM intrinsic, overloaded on the result and operand types the
   * dialect's table names. Attributes that LLVM takes as immediate arguments are appended as MLIR 16 does.
   */
  #intrinsic(op: Operation): void {
    if (this.#maskedMemory(op)) return;
    const info = INTRINSICS.get(op.name);
    if (info === undefined) throw new UnsupportedOp(`'${op.name}' has no translation to LLVM IR`);
    const overloads = [
      ...info.overloadedResults.map((i) => this.#type(op.getResult(i).type)),
      ...info.overloadedOperands.map((i) => this.#type(op.getOperand(i).type)),
    ];
    const args = op.operands.map((x) => this.#v(x));
    const call = this.#b.CreateIntrinsic(info.llvmName, overloads, [...args, ...this.#immediates(op)]);
    const flags = fastmathOf(op);
    if (op.attr("reassoc") instanceof IntegerAttr && (op.attr("reassoc") as IntegerAttr).value !== 0n) flags.reassoc = true;
    if (Object.keys(flags).length > 0 && call.getType().isFPOrFPVectorTy()) call.setFastMathFlags(flags);
    if (op.results.length > 0) this.#set(op, call);
  }

  /** masked load/store/gather/scatter: their alignment is an immediate argument in the middle. */
  #maskedMemory(op: Operation): boolean {
    const b = this.#b;
    const x = op.operands.map((o) => this.#v(o));
    const align = alignmentOf(op);
    switch (op.name) {
      case "llvm.intr.masked.load":
        this.#set(op, b.CreateMaskedLoad(this.#type(op.getResult(0).type), x[0]!, align, x[1]!, x[2] ?? null));
        return true;
      case "llvm.intr.masked.store":
        b.CreateMaskedStore(x[0]!, x[1]!, align, x[2]!);
        return true;
      case "llvm.intr.masked.gather":
        this.#set(op, b.CreateMaskedGather(this.#type(op.getResult(0).type), x[0]!, align, x[1]!, x[2] ?? null));
        return true;
      case "llvm.intr.masked.scatter":
        b.CreateMaskedScatter(x[0]!, x[1]!, align, x[2]!);
        return true;
      default:
        return false;
    }
  }

  /** The immediate arguments an intrinsic op keeps as attributes in MLIR (sizes). */
  #immediates(op: Operation): llvm.Value[] {
    const i64 = llvm.IntegerType.get(this.#scope.ctx, 64);
    const int = (name: string, type: llvm.IntegerType): llvm.Value[] => {
      const a = op.attr(name);
      return a instanceof IntegerAttr ? [llvm.ConstantInt.get(type, Number(a.value), true)] : [];
    };
    switch (op.name) {
      case "llvm.intr.lifetime.start":
      case "llvm.intr.lifetime.end":
        return int("size", i64);
      default:
        return [];
    }
  }
}

/** Ops of a global's initializer: with constant operands, the builder folds them to constants. */
const CONSTANT_FOLDABLE = new Set([
  "llvm.mlir.constant",
  "llvm.mlir.undef",
  "llvm.mlir.null",
  "llvm.mlir.addressof",
  "llvm.insertvalue",
  "llvm.extractvalue",
  "llvm.insertelement",
  "llvm.bitcast",
  "llvm.getelementptr",
  "llvm.ptrtoint",
  "llvm.inttoptr",
  "llvm.add",
  "llvm.sub",
  "llvm.mul",
]);

/** An error at one op: the module translation turns it into a diagnostic at the op's location. */
export class OpError extends Error {
  constructor(
    readonly op: Operation,
    message: string,
  ) {
    super(message);
  }
}

function positions(a: Operation["attributes"] extends never ? never : unknown): number[] {
  if (a instanceof DenseArrayAttr) return a.values.map(Number);
  throw new Error("expected a dense array of positions");
}

function typeAttr(a: unknown): Type {
  if (a instanceof TypeAttr) return a.value;
  throw new Error("missing element type");
}

function assertNever(op: never): never {
  throw new UnsupportedOp(`'${(op as Operation).name}' has no translation to LLVM IR`);
}
