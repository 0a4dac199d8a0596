/**
 * Proves the install path of llvm-bindings (a CommonJS package with a native addon built at install time):
 * it loads from ESM, is linked against LLVM 14, and can build, verify and print a module in memory.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
// A CommonJS package: its `module.exports` is the default export when imported from ESM.
import llvm from "llvm-bindings";

/** Builds `define i32 @add(i32 %a, i32 %b)` returning `a + b` in a fresh module. */
function buildAddModule(context: llvm.LLVMContext): { module: llvm.Module; fn: llvm.Function } {
  const module = new llvm.Module("add_module", context);
  const builder = new llvm.IRBuilder(context);
  const i32 = builder.getInt32Ty();
  const fnType = llvm.FunctionType.get(i32, [i32, i32], false);
  const fn = llvm.Function.Create(fnType, llvm.Function.LinkageTypes.ExternalLinkage, "add", module);
  const entry = llvm.BasicBlock.Create(context, "entry", fn);
  builder.SetInsertPoint(entry);
  const a = fn.getArg(0);
  const b = fn.getArg(1);
  a.setName("a");
  b.setName("b");
  builder.CreateRet(builder.CreateAdd(a, b, "sum"));
  return { module, fn };
}

test("llvm-bindings is linked against LLVM 14", () => {
  assert.is(llvm.config.LLVM_VERSION_MAJOR, 14);
});

test("builds, verifies and prints a function adding two i32", () => {
  const { module, fn } = buildAddModule(new llvm.LLVMContext());
  // Like LLVM's C++ API, verify* return true when the IR is broken.
  assert.is(llvm.verifyFunction(fn), false);
  assert.is(llvm.verifyModule(module), false);
  const ir = module.print();
  assert.match(ir, /define i32 @add\(i32 %a, i32 %b\)/);
  assert.match(ir, /%sum = add i32 %a, %b/);
  assert.match(ir, /ret i32 %sum/);
});

test("the verifier rejects a block without a terminator", () => {
  const context = new llvm.LLVMContext();
  const module = new llvm.Module("broken_module", context);
  const builder = new llvm.IRBuilder(context);
  const fnType = llvm.FunctionType.get(builder.getVoidTy(), false);
  const fn = llvm.Function.Create(fnType, llvm.Function.LinkageTypes.ExternalLinkage, "broken", module);
  llvm.BasicBlock.Create(context, "entry", fn);
  // LLVM also prints the reason ("... does not have terminator!") to stderr; that line is expected.
  assert.is(llvm.verifyFunction(fn), true);
});

test.run();
