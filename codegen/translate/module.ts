/**
 * A module of the llvm dialect as an llvm-bindings `llvm.Module` (MLIR's translateModuleToLLVMIR): globals and
 * functions are declared first, so that bodies and initializers can refer to any of them, then initializers and
 * bodies are translated, then LLVM's verifier runs. Anything that goes wrong is a diagnostic at the op that
 * caused it, never an LLVM abort: ops outside the llvm dialect ("run convert-*-to-llvm first"), types LLVM cannot
 * express, and whatever LLVM's verifier rejects.
 *
 *   const r = translateToLLVM(module);     // Either<Diagnostic[], TranslatedModule>
 *   if (isRight(r)) console.log(r.right.module.print());
 */
import { type Either, left, right } from "fp-ts/lib/Either.js";
import { llvm } from "../llvm.ts";
import { ArrayAttr, type Attribute, DictionaryAttr, IntegerAttr, StringAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { type Diagnostic, error } from "../../src/diag/diagnostic.ts";
import type { Operation } from "../../src/ir/operation.ts";
import {
  CConvAttr,
  GlobalOp,
  LLVMFuncOp,
  LLVMFunctionType,
  LLVMPointerType,
  LinkageAttr,
  type Linkage,
  llvmFunctionType,
} from "../../dialects/llvm/index.ts";
import { ConstantTranslator, UnsupportedConstant } from "./constants.ts";
import { FunctionTranslator, type ModuleScope, OpError } from "./function.ts";
import { TypeTranslator, UnsupportedType } from "./types.ts";

export interface TranslatedModule {
  readonly context: llvm.LLVMContext;
  readonly module: llvm.Module;
}

export interface TranslateOptions {
  /** The LLVM module's name (default: the module's `sym_name`, or "tensile"). */
  readonly name?: string;
  readonly triple?: string;
  readonly dataLayout?: string;
  /** LLVM function attributes for every function defined here (e.g. `prefer-vector-width`: the target's). */
  readonly functionAttributes?: Readonly<Record<string, string>>;
}

const LLVM_LINKAGE: Record<Linkage, keyof typeof llvm.GlobalValue.LinkageTypes> = {
  private: "PrivateLinkage",
  internal: "InternalLinkage",
  available_externally: "AvailableExternallyLinkage",
  linkonce: "LinkOnceAnyLinkage",
  weak: "WeakAnyLinkage",
  common: "CommonLinkage",
  appending: "AppendingLinkage",
  extern_weak: "ExternalWeakLinkage",
  linkonce_odr: "LinkOnceODRLinkage",
  weak_odr: "WeakODRLinkage",
  external: "ExternalLinkage",
};

const linkageOf = (op: Operation): number => {
  const a = op.attr("linkage");
  return llvm.GlobalValue.LinkageTypes[LLVM_LINKAGE[a instanceof LinkageAttr ? (a.value as Linkage) : "external"]];
};

/** Argument attributes MLIR spells `llvm.<name>` that become LLVM parameter attributes. */
const PARAM_FLAGS = ["noalias", "nocapture", "readonly", "writeonly", "readnone", "nonnull", "noundef", "nofree", "nest", "returned", "signext", "zeroext", "inreg", "noinline"];
const PARAM_INTS = ["align", "dereferenceable", "dereferenceable_or_null", "alignstack"];

/** Does the module use opaque pointers anywhere (LLVM 14 cannot mix them with typed pointers)? */
function usesOpaquePointers(module: Operation): boolean {
  let opaque = false;
  const check = (t: unknown): void => {
    if (t instanceof LLVMPointerType && t.isOpaque) opaque = true;
    if (t instanceof LLVMFunctionType) [t.returnType, ...t.params].forEach(check);
  };
  module.walk((op) => {
    for (const r of op.results) check(r.type);
    for (const o of op.operands) check(o.type);
    if (op instanceof LLVMFuncOp) check(llvmFunctionType(op));
    if (op instanceof GlobalOp) check(op.global_type.value);
  });
  return opaque;
}

function applyParamAttrs(fn: llvm.Function, index: number, dict: Attribute | undefined, where: Operation): Diagnostic[] {
  if (!(dict instanceof DictionaryAttr)) return [];
  const out: Diagnostic[] = [];
  for (const { name, value } of dict.entries) {
    const bare = name.startsWith("llvm.") ? name.slice(5) : undefined;
    if (bare === undefined) continue;
    if (PARAM_FLAGS.includes(bare) && value instanceof UnitAttr) fn.addParamAttr(index, bare);
    else if (PARAM_INTS.includes(bare) && value instanceof IntegerAttr) fn.addParamAttr(index, bare, Number(value.value));
    else out.push(error(where.loc, `'llvm.func' op argument attribute '${name}' has no translation to LLVM IR`));
  }
  return out;
}

/** `passthrough = ["noinline", ["frame-pointer", "all"]]`: function attributes by name, as MLIR does. */
function applyPassthrough(fn: llvm.Function, list: Attribute | undefined): void {
  if (!(list instanceof ArrayAttr)) return;
  for (const e of list.elements) {
    if (e instanceof StringAttr) fn.addFnAttr(e.value);
    else if (e instanceof ArrayAttr && e.elements[0] instanceof StringAttr && e.elements[1] instanceof StringAttr) fn.addFnAttr(e.elements[0].value, e.elements[1].value);
  }
}

export function translateToLLVM(moduleOp: Operation, opts: TranslateOptions = {}): Either<Diagnostic[], TranslatedModule> {
  const body = moduleOp.regions[0]?.blocks[0];
  if (moduleOp.name !== "builtin.module" || body === undefined) return left([error(moduleOp.loc, `expected a 'builtin.module', got '${moduleOp.name}'`)]);
  const symName = moduleOp.attr("sym_name");
  const ctx = new llvm.LLVMContext();
  const opaque = usesOpaquePointers(moduleOp);
  if (opaque) ctx.enableOpaquePointers();
  const module = new llvm.Module(opts.name ?? (symName instanceof StringAttr ? symName.value : "tensile"), ctx);
  if (opts.triple !== undefined) module.setTargetTriple(opts.triple);
  if (opts.dataLayout !== undefined) module.setDataLayout(opts.dataLayout);
  const types = new TypeTranslator(ctx, opaque);
  const constants = new ConstantTranslator(types);
  const symbols = new Map<string, llvm.Function | llvm.GlobalVariable>();
  const scope: ModuleScope = { ctx, module, types, constants, symbol: (name) => symbols.get(name) };
  const diagnostics: Diagnostic[] = [];
  const fail = (): Either<Diagnostic[], TranslatedModule> => {
    module.dispose();
    return left(diagnostics);
  };
  const guard = (op: Operation, what: () => void): void => {
    try {
      what();
    } catch (e) {
      diagnostics.push(diagnosticOf(e, op));
    }
  };

  // Declarations.
  const functions: [LLVMFuncOp, llvm.Function][] = [];
  const globals: [GlobalOp, llvm.GlobalVariable][] = [];
  for (const op of body.ops()) {
    guard(op, () => {
      if (op instanceof LLVMFuncOp) {
        const fnType = llvmFunctionType(op);
        const fn = llvm.Function.Create(types.function(fnType), linkageOf(op), op.sym_name.value, module);
        const cconv = op.attr("CConv");
        if (cconv instanceof CConvAttr && cconv.number !== 0) fn.setCallingConv(cconv.number);
        const argAttrs = op.attr("arg_attrs");
        if (argAttrs instanceof ArrayAttr) argAttrs.elements.forEach((d, i) => diagnostics.push(...applyParamAttrs(fn, i, d, op)));
        applyPassthrough(fn, op.attr("passthrough"));
        if (op.attr("dso_local") !== undefined) fn.setDSOLocal(true);
        symbols.set(op.sym_name.value, fn);
        functions.push([op, fn]);
      } else if (op instanceof GlobalOp) {
        const addrSpace = op.attr("addr_space");
        if (addrSpace instanceof IntegerAttr && addrSpace.value !== 0n) throw new Error("globals in a non-zero address space are not supported");
        const g = new llvm.GlobalVariable(module, types.translate(op.global_type.value), op.attr("constant") !== undefined, linkageOf(op), null, op.sym_name.value);
        const align = op.attr("alignment");
        if (align instanceof IntegerAttr) g.setAlignment(Number(align.value));
        if (op.attr("thread_local_") !== undefined) g.setThreadLocal(true);
        if (op.attr("dso_local") !== undefined) g.setDSOLocal(true);
        const section = op.attr("section");
        if (section instanceof StringAttr) g.setSection(section.value);
        symbols.set(op.sym_name.value, g);
        globals.push([op, g]);
      } else if (op.name === "omp.reduction.declare" || op.name === "omp.critical.declare") {
        // Used where the omp ops that name them are translated (openmp.ts).
      } else {
        throw new OpError(op, `is not in the llvm dialect: lower it first (e.g. with convert-func-to-llvm, convert-memref-to-llvm, reconcile-unrealized-casts)`);
      }
    });
  }
  if (diagnostics.length > 0) return fail();

  // Initializers and bodies.
  for (const [op, g] of globals) {
    guard(op, () => {
      const value = op.attr("value");
      if (value !== undefined) g.setInitializer(constants.translate(value, op.global_type.value));
      else if (!op.initializer.isEmpty) g.setInitializer(new FunctionTranslator(scope, undefined).evaluateInitializer(op.initializer.blocks[0]!));
      else if (linkageOf(op) !== llvm.GlobalValue.LinkageTypes.ExternalLinkage) throw new Error("a global without an initializer must have external linkage");
    });
  }
  for (const [op, fn] of functions) {
    const entry = op.body.blocks[0];
    if (entry === undefined) continue;
    for (const [k, v] of Object.entries(opts.functionAttributes ?? {})) fn.addFnAttr(k, v);
    guard(op, () => new FunctionTranslator(scope, fn).translateBody(entry));
  }
  if (diagnostics.length > 0) return fail();

  const broken = llvm.verifyModuleMessage(module);
  if (broken !== null) {
    diagnostics.push(error(moduleOp.loc, `LLVM's verifier rejected the translated module (a bug in Tensile's translation; please report it): ${broken.trim()}`));
    return fail();
  }
  return right({ context: ctx, module });
}

function diagnosticOf(e: unknown, at: Operation): Diagnostic {
  if (e instanceof OpError) return error(e.op.loc, `'${e.op.name}' op ${e.message}`);
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof UnsupportedType || e instanceof UnsupportedConstant) return error(at.loc, `'${at.name}' op ${message}`);
  return error(at.loc, `'${at.name}' op ${message}`);
}
