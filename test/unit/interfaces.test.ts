/**
 * Op interfaces (src/ir/interfaces.ts, src/interfaces/): lookup, typed views, external models, interface
 * verifiers, and the shared passes working on a dialect defined in the tests (test/support/test-dialect.ts), so
 * that none of them depends on cf or func by name.
 */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { BranchOp, CondBranchOp } from "../../dialects/cf/index.ts";
import { cse } from "../../rewrites/transforms/cse.ts";
import { dce } from "../../rewrites/transforms/dce.ts";
import { inline } from "../../rewrites/transforms/inline.ts";
import { symbolDce } from "../../rewrites/transforms/symbol-dce.ts";
import { mergeIdenticalBlocks } from "../../rewrites/transforms/merge-blocks.ts";
import { attach, attachInterface, cast, defineInterface, implement, isa } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { BranchOpInterface } from "../../src/interfaces/control-flow.ts";
import { CallableOpInterface, CallOpInterface, FunctionOpInterface, resolveCallable } from "../../src/interfaces/function.ts";
import {
  isMemoryEffectFree,
  isPure,
  isSpeculatable,
  memoryEffectsOf,
  onlyReads,
  wouldOpBeTriviallyDead,
} from "../../src/interfaces/side-effect-queries.ts";
import { effect } from "../../src/interfaces/side-effects.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { error } from "../../src/diag/diagnostic.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { Rewriter } from "../../src/rewrite/rewriter.ts";
import { printOp } from "../../src/text/printer.ts";
import { parserIn } from "../support/pass-tests.ts";
import { TestAlloc, TestBr, TestCast, TestConcat, TestCondBr, TestMemory, TestOpaque, testDialect } from "../support/test-dialect.ts";
import { AddIOp, CmpIOp, ExtSIOp, TruncIOp } from "../../dialects/arith/index.ts";
import { UnrealizedConversionCastOp } from "../../dialects/builtin/index.ts";
import { canonicalize } from "../../rewrites/canonicalize.ts";
import { CastOpInterface, castCompatible } from "../../src/interfaces/cast.ts";
import { InferTypeOpInterface, inferReturnTypes } from "../../src/interfaces/infer-type.ts";
import { Context } from "../../src/ir/context.ts";
import { f32, i1, i32, i64, i8, IntegerType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyType } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defineDialect, defineDialectExtension } from "../../src/irdl/dialect.ts";

const ctx = newContext().load(testDialect);
const parse = parserIn(ctx);
const print = (op: Operation): string => printOp(op, { ctx });

/** The first op of the module's body. */
const firstOp = (m: Operation): Operation => m.getRegion(0).block.first as Operation;

/**
 * A `test.func` of type `type` whose body is `body` (its first line the entry block's header, `^bb0(...)`), in
 * generic form: what the custom form parses to is checked on its own below.
 */
const testFunc = (name: string, type: string, body: string): string => `"test.func"() ({\n${body}\n}) {function_type = ${type}, sym_name = "${name}"} : () -> ()`;

// ---- the mechanism ------------------------------------------------------------------------------------------

const mechanism = suite("interface mechanism");

mechanism("lookup gives a typed view bound to the op, or undefined", () => {
  const m = parse(testFunc("f", "(i1, i32) -> ()", "^bb0(%c: i1, %a: i32):\n  test.cond_br %c, ^bb1(%a : i32), ^bb2 : i1\n^bb1(%x: i32):\n  test.return\n^bb2:\n  test.return"));
  const condBr = firstOp(m).getRegion(0).entry!.last as Operation;
  assert.instance(condBr, TestCondBr);
  const view = condBr.getInterface(BranchOpInterface);
  assert.ok(view !== undefined);
  assert.is(view.op, condBr);
  assert.equal(view.getSuccessorOperands(0).forwarded.values, [condBr.getOperand(1)]);
  assert.is(view.getSuccessorOperands(1).length, 0);
  // Defaults fill the methods the op does not implement.
  assert.ok(view.areTypesCompatible(condBr.getOperand(1).type, condBr.getOperand(1).type));
  const ret = condBr.successors[1]!.last as Operation;
  assert.is(ret.getInterface(BranchOpInterface), undefined, "test.return is no branch");
  assert.not.ok(isa(ret, BranchOpInterface));
  assert.throws(() => cast(ret, BranchOpInterface), /'test\.return' does not implement BranchOpInterface/);
  if (isa(condBr, BranchOpInterface)) {
    // After `isa`, the view is known to exist: no undefined to handle.
    assert.is(condBr.getInterface(BranchOpInterface).getSuccessorOperands(0).length, 1);
  } else assert.unreachable("test.cond_br is a branch");
});

mechanism("lookup is one map lookup: the same implementation for every op of a kind", () => {
  const impl = TestBr.info.interfaces?.get(BranchOpInterface);
  assert.ok(impl !== undefined);
  assert.is(BranchOp.info.interfaces?.get(BranchOpInterface)?.iface, BranchOpInterface);
  assert.is.not(BranchOp.info.interfaces?.get(BranchOpInterface), CondBranchOp.info.interfaces?.get(BranchOpInterface));
  assert.not.ok(TestOpaque.info.interfaces?.has(BranchOpInterface));
});

mechanism("an interface can be attached to an existing op kind (an external model)", () => {
  interface Describe {
    describe(prefix: string): string;
  }
  const Describable = defineInterface<Describe>("test.Describable", {
    verify: (view) => (view.describe("") === "bad" ? error(view.op.loc, "described as bad") : undefined),
  });
  const op = TestOpaque.build({ inputs: [], outputs: [] });
  assert.is(op.getInterface(Describable), undefined);
  attachInterface(TestOpaque, implement(Describable, { describe: (o, prefix) => `${prefix}${o.name}/${o.numOperands}` }));
  assert.is(op.getInterface(Describable)?.describe("> "), "> test.opaque/0");
  // The verifier picks up interfaces attached after it first saw the op kind.
  const m = parse(testFunc("f", "() -> ()", '^bb0:\n  "test.opaque"() {bad} : () -> ()\n  test.return'));
  assert.ok(isRight(verify(m, { ctx })));
  attachInterface(TestOpaque, implement(Describable, { describe: (o) => (o.attr("bad") !== undefined ? "bad" : "good") }));
  const v = verify(m, { ctx });
  assert.ok(isLeft(v) && v.left[0]?.message === "described as bad");
});

// ---- BranchOpInterface ----------------------------------------------------------------------------------

const branch = suite("BranchOpInterface");

branch("its verifier words mismatches as MLIR does, for any branch op", () => {
  const check = (body: string, message: string): void => {
    const v = verify(parse(testFunc("f", "(i1, i32) -> ()", body)), { ctx });
    assert.ok(isLeft(v), body);
    if (isLeft(v)) assert.is(v.left[0]?.message, message);
  };
  check("^bb0(%c: i1, %a: i32):\n  test.br ^bb1(%a : i32)\n^bb1:\n  test.return", "branch has 1 operands for successor #0, but target block has 0");
  check(
    "^bb0(%c: i1, %a: i32):\n  test.cond_br %c, ^bb1, ^bb2(%c : i1) : i1\n^bb1:\n  test.return\n^bb2(%x: i32):\n  test.return",
    "type mismatch for bb argument #0 of successor #1",
  );
});

branch("forwarded operands change in place, with the segment sizes", () => {
  const m = parse(testFunc("f", "(i1, i32) -> ()", "^bb0(%c: i1, %a: i32):\n  test.cond_br %c, ^bb1, ^bb2 : i1\n^bb1:\n  test.return\n^bb2:\n  test.return"));
  const condBr = firstOp(m).getRegion(0).entry!.last as Operation;
  const [bb1, bb2] = condBr.successors as [NonNullable<Operation["parent"]>, NonNullable<Operation["parent"]>];
  const a = condBr.getOperand(0).parentBlock!.arg(1);
  bb2.addArgument(a.type);
  bb2.addArgument(a.type);
  const view = cast(condBr, BranchOpInterface);
  view.getSuccessorOperands(1).forwarded.append([a, a]);
  view.getSuccessorOperands(1).forwarded.erase(0);
  bb2.eraseArgument(0);
  bb1.addArgument(a.type);
  view.getSuccessorOperands(0).forwarded.assign([a]);
  assert.match(print(m), /test\.cond_br %arg0, \^bb1\(%arg1 : i32\), \^bb2\(%arg1 : i32\) : i1/);
  assert.match(printOp(m, { ctx, generic: true }), /operand_segment_sizes = array<i32: 1, 1, 1>/);
  assert.ok(isRight(verify(m, { ctx })));
});

// ---- the shared passes on the test dialect --------------------------------------------------------------

const passes = suite("shared passes on the test dialect");

passes("block merging extends test branches through the interface", () => {
  const m = parse(
    testFunc(
      "f",
      "(i1, i32, i32) -> i32",
      `^bb0(%c: i1, %a: i32, %b: i32):
  test.cond_br %c, ^bb1, ^bb2 : i1
^bb1:
  %m = test.pure %a, %b : i32
  test.return %m : i32
^bb2:
  %n = test.pure %b, %a : i32
  test.return %n : i32`,
    ),
  );
  assert.is(mergeIdenticalBlocks(m, new Rewriter()), 1);
  assert.ok(isRight(verify(m, { ctx })), print(m));
  assert.match(print(m), /test\.cond_br %arg0, \^bb1\(%arg1, %arg2 : i32, i32\), \^bb1\(%arg2, %arg1 : i32, i32\) : i1/);
});

passes("dce drops what test branches forward to dead arguments, and dead pure ops", () => {
  const m = parse(
    testFunc(
      "f",
      "(i1, i32) -> i32",
      `^bb0(%c: i1, %a: i32):
  %dead = test.pure %a : i32
  %kept = test.opaque %a : (i32) -> i32
  test.cond_br %c, ^bb1(%a, %a : i32, i32), ^bb2 : i1
^bb1(%x: i32, %y: i32):
  test.br ^bb2
^bb2:
  test.return %a : i32
^bb3:
  test.return %a : i32`,
    ),
  );
  const r = dce(m);
  assert.ok(isRight(r));
  if (isRight(r)) assert.equal([r.right.erasedBlocks, r.right.erasedOps, r.right.erasedArguments], [1, 1, 2]);
  const text = print(m);
  assert.ok(isRight(verify(m, { ctx })), text);
  assert.match(text, /test\.cond_br %arg0, \^bb1, \^bb2 : i1\n\s*\^bb1:/);
  assert.match(text, /test\.opaque/, "an op with unknown effects stays");
  assert.not.match(text, /test\.pure/);
});

// ---- memory effects ----------------------------------------------------------------------------------------

const memory = suite("memory effects");

const memoryBody = (body: string): Operation => parse(testFunc("f", "(i32) -> i32", `^bb0(%a: i32):\n${body}`));

memory("cse merges loads with no write in between, never across a store", () => {
  const m = memoryBody(`  %m = test.alloc : i32
  %0 = test.load %m : i32
  %1 = test.load %m : i32
  test.store %1, %m : i32
  %2 = test.load %m : i32
  %3 = test.load %m : i32
  %s = test.pure %0, %1, %2, %3 : i32
  test.return %s : i32`);
  const r = cse(m, ctx);
  assert.ok(isRight(r));
  const text = print(m);
  assert.ok(isRight(verify(m, { ctx })), text);
  assert.is(text.match(/test\.load/g)?.length, 2, text);
  assert.match(text, /%1 = test\.load %0 : i32\n\s*test\.store %1, %0 : i32\n\s*%2 = test\.load %0 : i32\n\s*%3 = test\.pure %1, %1, %2, %2 : i32/);
});

memory("cse keeps loads apart when an op of unknown effects comes in between", () => {
  const m = memoryBody(`  %m = test.alloc : i32
  %0 = test.load %m : i32
  %x = test.opaque %a : (i32) -> i32
  %1 = test.load %m : i32
  %s = test.pure %0, %1, %x : i32
  test.return %s : i32`);
  assert.ok(isRight(cse(m, ctx)));
  assert.is(print(m).match(/test\.load/g)?.length, 2);
});

memory("dead allocations and reads go; writes and frees stay (cse, dce, the greedy driver)", () => {
  const body = `  %m = test.alloc : i32
  %n = test.alloc : i32
  %dead = test.load %m : i32
  test.store %a, %m : i32
  test.free %m : i32
  test.return %a : i32`;
  const expectKept = (m: Operation, how: string): void => {
    const text = print(m);
    assert.is(text.match(/test\.alloc/g)?.length, 1, `${how}: the unused allocation goes, the stored-to one stays\n${text}`);
    assert.not.match(text, /test\.load/, `${how}: an unused read goes`);
    assert.match(text, /test\.store %arg0, %0 : i32/, `${how}: a write stays`);
    assert.match(text, /test\.free %0 : i32/, `${how}: a free stays`);
  };
  const viaCse = memoryBody(body);
  const r = cse(viaCse, ctx);
  assert.ok(isRight(r) && r.right.numDCE === 2);
  expectKept(viaCse, "cse");
  const viaDce = memoryBody(body);
  assert.ok(isRight(dce(viaDce)));
  expectKept(viaDce, "dce");
  const viaGreedy = memoryBody(body);
  const g = applyPatternsGreedily(viaGreedy, []);
  assert.ok(isRight(g) && g.right.applied.get("dce") === 2);
  expectKept(viaGreedy, "greedy driver");
});

memory("the queries follow MLIR: Pure is effect-free, reads are trivially dead, unknown ops are not", () => {
  const m = memoryBody(`  %m = test.alloc : i32
  %0 = test.load %m : i32
  %1 = test.pure %0 : i32
  %2 = test.opaque %1 : (i32) -> i32
  test.store %2, %m : i32
  test.return %2 : i32`);
  const [alloc, load, pure, opaque, store, ret] = firstOp(m).getRegion(0).entry!.operations as Operation[] as [Operation, Operation, Operation, Operation, Operation, Operation];
  assert.equal([alloc, load, pure, opaque, store].map(isMemoryEffectFree), [false, false, true, false, false]);
  assert.equal([alloc, load, pure, opaque, store, ret].map(wouldOpBeTriviallyDead), [true, true, true, false, false, false]);
  assert.ok(onlyReads(load));
  assert.equal(memoryEffectsOf(store), [effect("write", alloc.getResult(0), TestMemory)]);
  assert.is(memoryEffectsOf(opaque), undefined);
  assert.ok(isSpeculatable(pure));
  assert.not.ok(isSpeculatable(load), "declares no speculatability");
});

memory("arith divisions have no memory effect but are speculatable only by a safe constant (MLIR 16)", () => {
  const m = parse(`func.func @f(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %cm1 = arith.constant -1 : i32
  %c3 = arith.constant 3 : i32
  %0 = arith.divsi %a, %a : i32
  %1 = arith.divsi %a, %cm1 : i32
  %2 = arith.divsi %a, %c3 : i32
  %3 = arith.divui %a, %cm1 : i32
  %4 = arith.divui %a, %c0 : i32
  %5 = arith.ceildivsi %a, %c3 : i32
  %6 = arith.remsi %a, %a : i32
  return %0 : i32
}`);
  const ops = firstOp(m).getRegion(0).entry!.operations.slice(3, 10);
  assert.equal(ops.map((op) => op.name), ["arith.divsi", "arith.divsi", "arith.divsi", "arith.divui", "arith.divui", "arith.ceildivsi", "arith.remsi"]);
  assert.equal(ops.map(isSpeculatable), [false, false, true, true, false, true, true]);
  assert.ok(ops.every(isMemoryEffectFree));
  assert.equal(ops.map(isPure), [false, false, true, true, false, true, true]);
});

// ---- functions, calls, symbols ------------------------------------------------------------------------------

const functions = suite("function, call and symbol-user interfaces");

functions("every function op shares func.func's syntax (FunctionOpInterface)", () => {
  const text = `module {
  test.func private @decl(i32 {test.a}, f32) -> (i32 {test.r = 2 : i64})
  test.func @f(%arg0: i32 {test.a}, %arg1: f32) -> (i32, f32) attributes {test.x} {
    test.return %arg0, %arg1 : i32, f32
  }
}
`;
  const m = parse(text);
  assert.is(print(m), text);
  assert.ok(isRight(verify(m, { ctx })));
  const [decl, f] = m.getRegion(0).block.operations as [Operation, Operation];
  const view = cast(f, FunctionOpInterface);
  assert.equal([view.getArgumentTypes().length, view.getResultTypes().length, view.isExternal()], [2, 2, false]);
  assert.ok(cast(decl, FunctionOpInterface).isExternal());
  assert.is(cast(decl, CallableOpInterface).getCallableRegion(), undefined, "a declaration has nothing to run");
  // The interface's verifier and Symbol's check of declarations apply to test.func as to func.func.
  const bad = (t: string): string | undefined => {
    const v = verify(parse(t), { ctx });
    return isLeft(v) ? v.left[0]?.message : undefined;
  };
  assert.is(bad("test.func @g(i32)"), "'test.func' op symbol declaration cannot have public visibility");
  assert.is(
    bad('"test.func"() ({\n^bb0(%a: f32):\n  test.return\n}) {function_type = (i32) -> (), sym_name = "g"} : () -> ()'),
    "'test.func' op type of entry block argument #0('f32') must match the type of the corresponding argument in function signature('i32')",
  );
});

functions("symbol uses are checked with the symbol table, after what it holds verified", () => {
  const check = (callee: string, call: string): string | undefined => {
    const v = verify(parse(`module {\n${callee}\n  test.func @main(%a: i32) -> i32 {\n    ${call}\n    test.return %a : i32\n  }\n}`), { ctx });
    return isLeft(v) ? v.left[0]?.message : undefined;
  };
  const g = "  test.func private @g(%x: i32) -> i32 {\n    test.return %x : i32\n  }";
  assert.is(check(g, "%r = test.call @g(%a) : (i32) -> i32"), undefined);
  assert.is(check(g, "%r = test.call @g(%a, %a) : (i32, i32) -> i32"), "'test.call' op does not match the signature of 'g'");
  assert.is(check(g, "%r = test.call @nope(%a) : (i32) -> i32"), "'test.call' op 'nope' is not a function");
  // func.call keeps MLIR's own words, now through the same interface: it calls func.func only (MLIR 16 looks the
  // callee up as a FuncOp), and checks the operand count against it.
  assert.is(check(g, "%r = func.call @g(%a) : (i32) -> i32"), "'func.call' op 'g' does not reference a valid function");
  const fg = g.replace("test.func", "func.func").replace("test.return", "func.return");
  assert.is(check(fg, "%r = func.call @g(%a, %a) : (i32, i32) -> i32"), "'func.call' op incorrect number of operands for callee");
  assert.is(check(g.replace("test.func", "func.func").replace("test.return", "func.return"), "%r = func.call @g(%a) : (i32) -> i32"), undefined);
});

functions("inline and symbol-dce work on test functions and calls", () => {
  const m = parse(`module {
  test.func private @sq(%x: i32) -> i32 {
    %0 = test.pure %x, %x : i32
    test.return %0 : i32
  }
  test.func private @unused(%x: i32) -> i32 {
    test.return %x : i32
  }
  test.func @main(%a: i32) -> i32 {
    %0 = test.call @sq(%a) : (i32) -> i32
    %1 = test.call @sq(%0) : (i32) -> i32
    test.return %1 : i32
  }
}`);
  const r = inline(m, ctx);
  assert.ok(isRight(r) && r.right.inlinedCalls === 2);
  const d = symbolDce(m);
  assert.ok(isRight(d) && d.right.numDCE === 2);
  assert.ok(isRight(verify(m, { ctx })));
  assert.match(
    print(m),
    /test\.func @main\(%arg0: i32\) -> i32 \{\n\s*%0 = test\.pure %arg0, %arg0 : i32\n\s*%1 = test\.pure %0, %0 : i32\n\s*test\.return %1 : i32/,
  );
  assert.not.match(print(m), /@sq|@unused/);
});

functions("a multi-block callee inlines through its dialect's inliner hook: test.return becomes test.br, no cf", () => {
  const text = `module {
  test.func private @pick(%c: i1, %x: i32) -> i32 {
    test.cond_br %c, ^bb1, ^bb2 : i1
  ^bb1:
    test.return %x : i32
  ^bb2:
    %0 = test.pure %x, %x : i32
    test.return %0 : i32
  }
  test.func @main(%c: i1, %a: i32) -> i32 {
    %0 = test.call @pick(%c, %a) : (i1, i32) -> i32
    test.return %0 : i32
  }
}`;
  const m = parse(text);
  const r = inline(m, ctx);
  assert.ok(isRight(r) && r.right.inlinedCalls === 1);
  assert.ok(isRight(verify(m, { ctx })));
  const main = print(m).split("test.func @main")[1] ?? "";
  assert.not.match(main, /cf\.|test\.call/);
  assert.is(main.match(/test\.br \^bb3\(/g)?.length, 2, main);
  // A dialect without the hook keeps such calls (its returns cannot become branches).
  const { inliner: _, ...withoutHook } = testDialect;
  const bare = newContext().load(defineDialect(withoutHook));
  const again = parserIn(bare)(text);
  const kept = inline(again, bare);
  assert.ok(isRight(kept) && kept.right.inlinedCalls === 0);
});

functions("the inliner does not inline recursive test functions, and calls resolve through CallOpInterface", () => {
  const m = parse(`module {
  test.func private @rec(%x: i32) -> i32 {
    %0 = test.call @rec(%x) : (i32) -> i32
    test.return %0 : i32
  }
  test.func @main(%a: i32) -> i32 {
    %0 = test.call @rec(%a) : (i32) -> i32
    test.return %0 : i32
  }
}`);
  const [rec, main] = m.getRegion(0).block.operations as [Operation, Operation];
  const call = main.getRegion(0).block.first as Operation;
  assert.is(resolveCallable(call), rec);
  assert.equal(cast(call, CallOpInterface).getArgOperands(), [main.getRegion(0).block.arg(0)]);
  const r = inline(m, ctx);
  assert.ok(isRight(r) && r.right.inlinedCalls === 0);
});

// ---- CastOpInterface -----------------------------------------------------------------------------------

const casts = suite("CastOpInterface");

/** The messages `verify` gives `text` (a module), or [] when it verifies. */
const messagesOf = (text: string): string[] => {
  const v = verify(parse(text), { ctx });
  return isLeft(v) ? v.left.map((d) => d.message) : [];
};

casts("the verifier asks any cast op whether its types are compatible, in MLIR 16's words", () => {
  const body = (cast: string): string => testFunc("f", "(i32, i64, f32) -> ()", `^bb0(%a: i32, %b: i64, %x: f32):\n  ${cast}\n  test.return`);
  assert.equal(messagesOf(body("%0:2 = test.cast %a, %b : i32, i64 to i64, i8")), []);
  assert.equal(messagesOf(body("%0 = test.cast %x : f32 to i32")), ["'test.cast' op operand type 'f32' and result type 'i32' are cast incompatible"]);
  assert.equal(messagesOf(body("%0:2 = test.cast %a, %x : i32, f32 to i64, i32")), [
    "'test.cast' op operand types 'i32', 'f32' and result types 'i64', 'i32' are cast incompatible",
  ]);
  assert.equal(messagesOf(body("%0 = test.cast to i32")), ["'test.cast' op operand types [] and result type 'i32' are cast incompatible"]);
  assert.equal(messagesOf(body('"test.cast"(%a) : (i32) -> ()')), ["'test.cast' op expected at least one result for cast operation"]);
  // The same interface, implemented by arith and builtin.
  assert.equal(messagesOf(body('%0 = "arith.extsi"(%b) : (i64) -> i32')), ["'arith.extsi' op operand type 'i64' and result type 'i32' are cast incompatible"]);
  assert.equal(messagesOf(body('"builtin.unrealized_conversion_cast"(%a) : (i32) -> ()')), [
    "'builtin.unrealized_conversion_cast' op expected at least one result for cast operation",
  ]);
});

casts("compatibility is asked of the op kind, before any op exists", () => {
  assert.is(castCompatible(TestCast, [i32, i64], [i8, i32]), true);
  assert.is(castCompatible(TestCast, [i32], [f32]), false);
  assert.is(castCompatible(ExtSIOp, [i32], [i64]), true);
  assert.is(castCompatible(ExtSIOp, [i64], [i32]), false);
  assert.is(castCompatible(TruncIOp, [i64], [i32]), true);
  assert.is(castCompatible(UnrealizedConversionCastOp, [f32], [i32, i64]), true);
  assert.is(castCompatible(TestOpaque, [i32], [i32]), undefined, "test.opaque is no cast");
  // And of an op, through its view (a static method does not need the op, but the view has it too).
  const op = TestCast.build({ inputs: [], outputs: [i32] });
  assert.is(op.getInterface(CastOpInterface)?.areCastCompatible([i64], [f32]), false);
  assert.is(op.getInterface(CastOpInterface)?.areCastCompatible([i64], [i8]), true);
});

casts("the folder removes identity casts and cast round trips through the interface", () => {
  const m = parse(
    testFunc(
      "f",
      "(i32, i64, f32) -> ()",
      `^bb0(%a: i32, %b: i64, %x: f32):
  %0:2 = test.cast %a, %b : i32, i64 to i32, i64
  %1:2 = test.cast %0#0, %0#1 : i32, i64 to i8, i16
  %2:2 = test.cast %1#0, %1#1 : i8, i16 to i32, i64
  %3 = test.cast %2#1 : i64 to i8
  %4 = arith.bitcast %x : f32 to f32
  %5 = builtin.unrealized_conversion_cast %4 : f32 to i64
  %6 = builtin.unrealized_conversion_cast %5 : i64 to f32
  test.opaque %2#0, %3, %6 : (i32, i8, f32) -> ()
  test.return`,
    ),
  );
  const r = canonicalize(m, ctx);
  assert.ok(isRight(r));
  // %0 is its operands (identity); %2 is %0's operands (a round trip of %1); %3 stays (a real cast);
  // %4 is %x (arith's bitcast to its own type) and %6 is %4 (a round trip of %5).
  const body = firstOp(m).getRegion(0).block;
  const casts = body.operations.filter((op) => op.name === "test.cast");
  assert.is(casts.length, 1);
  const user = body.operations.find((op) => op.name === "test.opaque") as Operation;
  assert.equal(user.operands, [body.arg(0), casts[0]!.getResult(0), body.arg(2)]);
  assert.is(casts[0]!.getOperand(0), body.arg(1));
});

/** A value of type f32 (the result of a detached op). */
const float32Arg = (): Value => TestOpaque.build({ inputs: [], outputs: [f32] }).getResult(0);

// ---- InferTypeOpInterface ---------------------------------------------------------------------------------

const inferred = suite("InferTypeOpInterface");

inferred("an op that infers its result type is built and parsed without it", () => {
  const m = parse(testFunc("f", "(i8, i16) -> ()", "^bb0(%a: i8, %b: i16):\n  %0 = test.concat %a, %b : i8, i16\n  test.return"));
  const concat = firstOp(m).getRegion(0).block.first as Operation;
  assert.is(concat.getResult(0).type, IntegerType.get(24));
  assert.match(print(m), /%0 = test\.concat %arg0, %arg1 : i8, i16\n/);
  const [a, b] = [firstOp(m).getRegion(0).block.arg(0), firstOp(m).getRegion(0).block.arg(1)];
  const built = TestConcat.build({ high: b, low: a });
  assert.is(built.result.type, IntegerType.get(24));
  const float = TestOpaque.build({ inputs: [], outputs: [f32] }).getResult(0);
  assert.throws(() => TestConcat.build({ high: a, low: float }), /'test\.concat': result type 'result' must be given \(it cannot be inferred\)/);
  // The interface, asked of the kind.
  assert.equal(inferReturnTypes(TestConcat.info, [a, b], new Map()), [IntegerType.get(24)]);
  assert.is(inferReturnTypes(TestOpaque.info, [a, b], new Map()), undefined);
  assert.ok(isa(built, InferTypeOpInterface));
});

inferred("the verifier checks the result types against the inferred ones, in MLIR 16's words", () => {
  const body = (op: string): string => testFunc("f", "(i8, i16, f32) -> ()", `^bb0(%a: i8, %b: i16, %x: f32):\n  ${op}\n  test.return`);
  assert.equal(messagesOf(body('%0 = "test.concat"(%a, %b) : (i8, i16) -> i24')), []);
  assert.equal(messagesOf(body('%0 = "test.concat"(%a, %b) : (i8, i16) -> i32')), [
    "'test.concat' op inferred type(s) 'i24' are incompatible with return type(s) of operation 'i32'",
  ]);
  assert.equal(messagesOf(body('%0 = "test.concat"(%a, %x) : (i8, f32) -> i32')), ["'test.concat' op failed to infer returned types"]);
  // Ops whose spec ties result types to operand types implement it too, as ODS gives it to them (arith.addi,
  // arith.cmpi through its hook), with the messages mlir-opt-16 gives.
  assert.equal(messagesOf(body('%0 = "arith.cmpi"(%a, %a) {predicate = 0 : i64} : (i8, i8) -> i1')), []);
  const shaped = testFunc(
    "f",
    "(tensor<?xi32>) -> ()",
    '^bb0(%t: tensor<?xi32>):\n  %0 = "arith.addi"(%t, %t) : (tensor<?xi32>, tensor<?xi32>) -> tensor<4xi32>\n  test.return',
  );
  assert.equal(messagesOf(shaped), ["'arith.addi' op inferred type(s) 'tensor<?xi32>' are incompatible with return type(s) of operation 'tensor<4xi32>'"]);
  assert.ok(AddIOp.info.interfaces?.has(InferTypeOpInterface));
  assert.ok(CmpIOp.info.interfaces?.has(InferTypeOpInterface));
  assert.not.ok(ExtSIOp.info.interfaces?.has(InferTypeOpInterface), "a cast's result type is its own");
});

inferred("the declarative format takes a result type as inferable only from the interface or the type relations", () => {
  const spec = { name: "test.noinfer", summary: "x", operands: { a: AnyType }, results: { r: AnyType }, format: "$a attr-dict `:` type($a)" } as const;
  assert.throws(() => defineOp(spec), /the type of result 'r' is neither printed nor inferable/);
  const Inferring = defineOp({ ...spec, name: "test.inferring" }, { inferResultTypes: (operands) => operands.map(() => i64) });
  assert.ok(Inferring.info.interfaces?.has(InferTypeOpInterface));
  assert.equal(Inferring.build({ a: float32Arg() }).getResult(0).type, i64);
  // An explicit implementation counts as well: the interface is the one place that says "inferable".
  const Explicit = defineOp({ ...spec, name: "test.explicit" }, { interfaces: [implement(InferTypeOpInterface, { inferReturnTypes: () => [i1] })] });
  assert.is(Explicit.build({ a: float32Arg() }).getResult(0).type, i1);
});

// ---- the interfaces slot of dialects and extensions -------------------------------------------------------

const slot = suite("interfaces slot");

slot("a dialect extension attaches external models when a Context applies it, once, and they are process-wide", () => {
  interface Named {
    label(): string;
  }
  const Labelled = defineInterface<Named>("test.Labelled");
  const model = attach(TestAlloc, implement(Labelled, { label: (op) => `cell of ${op.numResults}` }));
  const ext = defineDialectExtension({ name: "test-labels", dialects: ["test"], interfaces: [model] });
  const alloc = TestAlloc.build({ cell: i32 });
  assert.is(alloc.getInterface(Labelled), undefined);
  const c = newContext().extend(ext);
  assert.is(alloc.getInterface(Labelled), undefined, "not applied before the test dialect is loaded");
  c.load(testDialect);
  assert.is(alloc.getInterface(Labelled)?.label(), "cell of 1");
  // Applying it in another Context changes nothing; a different model of the same interface is refused.
  newContext().load(testDialect).extend(ext);
  assert.is(alloc.getInterface(Labelled)?.label(), "cell of 1");
  const other = defineDialectExtension({ name: "test-labels-2", dialects: ["test"], interfaces: [attach(TestAlloc, implement(Labelled, { label: () => "other" }))] });
  assert.throws(() => newContext().load(testDialect).extend(other), /dialect extension 'test-labels-2' attaches test\.Labelled to 'test\.alloc', which already implements it differently/);
  assert.is(alloc.getInterface(Labelled)?.label(), "cell of 1");
  // Only to ops of the dialects it extends (or, for a dialect, to its own ops).
  assert.throws(() => defineDialectExtension({ name: "bad", dialects: ["arith"], interfaces: [model] }), /dialect extension 'bad' cannot attach interfaces to 'test\.alloc'/);
  assert.throws(() => defineDialect({ name: "other", ops: [], interfaces: [model] }), /dialect 'other' cannot attach interfaces to 'test\.alloc'/);
});

slot("a dialect's own interfaces slot applies when it is loaded", () => {
  interface Tagged {
    tag(): string;
  }
  const Tag = defineInterface<Tagged>("test.Tagged");
  const Lone = defineOp({ name: "lone.op", summary: "an op of a dialect with an external model", results: { r: AnyType } });
  const lone = defineDialect({ name: "lone", ops: [Lone], interfaces: [attach(Lone, implement(Tag, { tag: () => "lone" }))] });
  const op = Lone.build({ r: i32 });
  assert.is(op.getInterface(Tag), undefined);
  new Context([lone]);
  assert.is(op.getInterface(Tag)?.tag(), "lone");
});

mechanism.run();
casts.run();
inferred.run();
slot.run();
branch.run();
passes.run();
functions.run();
memory.run();
