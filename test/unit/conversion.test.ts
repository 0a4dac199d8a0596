/** Dialect conversion: type converter, conversion target, conversion patterns, partial/full conversion, rollback. */
import { isLeft, isRight, type Either } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { AddIOp, MulIOp, SubIOp } from "../../dialects/arith/index.ts";
import { ModuleOp } from "../../dialects/builtin/ops.ts";
import { FuncOp, functionType, ReturnOp } from "../../dialects/func/index.ts";
import { newContext } from "../../rewrites/index.ts";
import { type Diagnostic, renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { StringAttr } from "../../src/ir/attributes.ts";
import type { Buildable } from "../../src/ir/builder.ts";
import { fileLineCol } from "../../src/ir/location.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { Pure, SameOperandsAndResultType, Terminator } from "../../src/ir/traits.ts";
import { f16, f32, fn, i16, i32, i64, i8, IntegerType, TupleType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyInteger, AnyType } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { region, variadic } from "../../src/irdl/spec.ts";
import { verify } from "../../src/irdl/verifier.ts";
import {
  applyFullConversion,
  applyPartialConversion,
  type ConversionPattern,
  type ConversionResult,
  convert,
  convertAny,
  convertFunctionSignature,
} from "../../src/rewrite/conversion.ts";
import { legality } from "../../src/rewrite/legality.ts";
import type { OpClassLike } from "../../src/ir/defining.ts";
import { rewrite } from "../../src/rewrite/pattern.ts";
import { TypeConverter } from "../../src/rewrite/type-converter.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { runMlirOpt } from "../support/float-oracle.ts";

// ---- a tiny target dialect -----------------------------------------------------------------------------------

const intBinary = (name: string, summary: string) =>
  ({
    name,
    summary,
    operands: { lhs: AnyInteger, rhs: AnyInteger },
    results: { result: AnyInteger },
    traits: [Pure, SameOperandsAndResultType],
    format: "$lhs `,` $rhs attr-dict `:` type($result)",
  }) as const;
const TestAdd = defineOp(intBinary("test.add", "wrapping addition"));
const TestMul = defineOp(intBinary("test.mul", "wrapping multiplication"));
/** An intermediate form a pattern produces and another pattern lowers further. */
const TestPreMul = defineOp(intBinary("test.premul", "multiplication before its final lowering"));
/** Illegal, and no pattern lowers it. */
const TestSub = defineOp(intBinary("test.sub", "subtraction nothing lowers"));
const TestExt = defineOp({ name: "test.ext", summary: "widening", operands: { input: AnyType }, results: { output: AnyType }, traits: [Pure] });
const TestTrunc = defineOp({ name: "test.trunc", summary: "narrowing", operands: { input: AnyType }, results: { output: AnyType }, traits: [Pure] });
const TestSource = defineOp({ name: "test.source", summary: "produces a value", results: { result: AnyType } });
const TestFirst = defineOp({ name: "test.first", summary: "first element of a pair", operands: { pair: AnyType }, results: { result: AnyType } });
const TestUse = defineOp({ name: "test.use", summary: "uses values", operands: { inputs: variadic(AnyType) } });
const TestWrap = defineOp({ name: "test.wrap", summary: "a region whose yield gives the results", results: { outs: variadic(AnyType) }, regions: { body: region() } });
const TestYield = defineOp({ name: "test.yield", summary: "ends test.wrap", operands: { items: variadic(AnyType) }, traits: [Terminator] });
const TestSwap = defineOp({ name: "test.swap", summary: "legal once swapped", operands: { inputs: variadic(AnyType) } });
const TestLoop = defineOp({ name: "test.loop", summary: "rewritten into itself", operands: { inputs: variadic(AnyType) } });
const testDialect = defineDialect({
  name: "test",
  ops: [TestSource, TestAdd, TestMul, TestPreMul, TestSub, TestExt, TestTrunc, TestFirst, TestUse, TestWrap, TestYield, TestSwap, TestLoop],
});

const ctx = newContext({ allowUnregisteredDialects: true });
ctx.load(testDialect);

function parse(text: string, file = "input.mlir"): Operation {
  const r = parseSource(text, ctx, { file });
  if (isLeft(r)) throw new Error(renderDiagnostic(r.left));
  return r.right;
}
const print = (m: Operation): string => printOp(m, { ctx });
function verifies(m: Operation): void {
  const r = verify(m, { ctx });
  assert.ok(isRight(r), isLeft(r) ? r.left.map((d) => renderDiagnostic(d)).join("\n") : "");
}
function expectRight(r: Either<Diagnostic, ConversionResult>): ConversionResult {
  if (isLeft(r)) throw new Error(`conversion failed: ${renderDiagnostic(r.left)}`);
  return r.right;
}
function expectLeft(r: Either<Diagnostic, ConversionResult>): Diagnostic {
  if (isRight(r)) throw new Error("the conversion was expected to fail");
  return r.left;
}
/** mlir-opt-16 accepts the result (test ops as unregistered ops, in generic form). */
function mlirAccepts(m: Operation): void {
  runMlirOpt(printOp(m, { ctx, generic: true }), ["--verify-each"]);
}

/**
 * Everything about the IR that must survive a failed conversion: which op and block objects are where, the
 * values each operand slot uses, and every value's use list in order, by object identity (numbered on first sight).
 */
function snapshot(root: Operation): string {
  const ids = new Map<object, number>();
  const id = (o: object): number => {
    if (!ids.has(o)) ids.set(o, ids.size);
    return ids.get(o) as number;
  };
  const uses = (v: Value): string => [...v.uses()].map((u) => `${id(u.owner)}#${u.index}`).join(",");
  const lines: string[] = [];
  const block = (b: Block): void => {
    lines.push(`block ${id(b)} args ${b.args.map((a) => `${id(a)}:${uses(a)}`).join(" ")}`);
  };
  root.walk((op) => {
    lines.push(
      `op ${id(op)} ${op.name} in ${op.parent === undefined ? "-" : id(op.parent)} operands ${op.operands.map(id).join(",")} ` +
        `results ${op.results.map((r) => `${id(r)}:${uses(r)}`).join(" ")} succ ${op.successors.map(id).join(",")}`,
    );
    for (const r of op.regions) for (const b of r.blocks) block(b);
  }, "pre");
  return lines.join("\n");
}

/** i32 -> i64; everything else stays. */
const widen = (): TypeConverter => new TypeConverter().addConversion((t) => t).addConversion((t) => (t === i32 ? i64 : undefined));

/** The adaptor's values as integers: their converted types are only known at run time, so patterns check. */
function intOperands(lhs: Value, rhs: Value): { lhs: Value<IntegerType>; rhs: Value<IntegerType> } | undefined {
  if (!(lhs.type instanceof IntegerType) || !(rhs.type instanceof IntegerType)) return undefined;
  return { lhs: lhs as unknown as Value<IntegerType>, rhs: rhs as unknown as Value<IntegerType> };
}

/** arith.addi -> test.add on the converted operands. Before: `arith.addi %a, %b : i32`  After: `test.add %a', %b' : i64` */
const addiToTest = convert({
  name: "addi-to-test",
  root: AddIOp,
  apply(op, adaptor, rw) {
    const operands = intOperands(adaptor.lhs, adaptor.rhs);
    if (operands === undefined) return rw.fail("the operands are not integers");
    rw.replaceOpWithNew(op, TestAdd, operands);
    return rw.done();
  },
});

/** `root` (two operands) -> `to` on the converted operands. Before: `%r = root %a, %b : i32`  After: `%r = to %a', %b' : i64` */
function lowerBinary(name: string, root: OpClassLike, to: Buildable<{ lhs: Value<IntegerType>; rhs: Value<IntegerType> }, Operation>, benefit = 1): ConversionPattern {
  return convert({
    name,
    root,
    benefit,
    apply(op, adaptor, rw) {
      const operands = intOperands(adaptor.getOperand(0), adaptor.getOperand(1));
      if (operands === undefined) return rw.fail("the operands are not integers");
      rw.replaceOpWithNew(op, to, operands);
      return rw.done();
    },
  });
}
/** arith.muli -> test.premul (itself illegal: lowered by the next pattern). */
const muliToPreMul = lowerBinary("muli-to-premul", MulIOp, TestPreMul);
/** test.premul -> test.mul */
const preMulToMul = lowerBinary("premul-to-mul", TestPreMul, TestMul);
/** func.return takes the converted values. Before: `return %x : i32`  After: `return %x' : i64` */
const returnOperands = convert({
  name: "return-operands",
  root: ReturnOp,
  apply(op, adaptor, rw) {
    rw.modifyInPlace(op, () => op.setOperands(adaptor.values));
    return rw.done();
  },
});

/** The target of the toy lowering: test ops, functions and returns whose types are converted. */
function toyTarget(types: TypeConverter) {
  return legality()
    .legalDialect("test")
    .illegalOp(TestPreMul, TestSub)
    .illegalDialect("arith")
    .legalOp(ModuleOp)
    .dynamicallyLegalOp(FuncOp, (op) => types.isSignatureLegal(functionType(op)) && types.isRegionSignatureLegal(op))
    .dynamicallyLegalOp(ReturnOp, (op) => types.isLegalOp(op));
}
const toyPatterns = (): ConversionPattern[] => [convertFunctionSignature(FuncOp), addiToTest, muliToPreMul, preMulToMul, returnOperands];

// ---- the type converter and the target -----------------------------------------------------------------------

const units = suite("type converter and target");

units("conversions are tried newest first; undefined passes, null stops; arrays are 1:N", () => {
  const pair = TupleType.get([i32, f32]);
  const tc = new TypeConverter()
    .addConversion((t) => t)
    .addConversion((t) => (t === i32 ? i64 : undefined))
    .addConversion((t) => (t === f16 ? null : undefined))
    .addConversion((t) => (t instanceof TupleType ? t.types : undefined));
  assert.is(tc.convertType(i32), i64);
  assert.is(tc.convertType(f32), f32, "falls through to the identity");
  assert.is(tc.convertType(f16), undefined, "null: not convertible, the identity is not consulted");
  assert.is(tc.convertTypeToMany(f16), undefined);
  assert.equal(tc.convertTypeToMany(pair), [i32, f32]);
  assert.is(tc.convertType(pair), undefined, "a 1:N conversion has no single type");
  assert.equal(tc.convertTypes([i32, pair, f32]), [i64, i32, f32, f32]);
  assert.is(tc.convertTypes([i32, f16]), undefined);
  assert.ok(tc.isLegal(f32) && tc.isLegal([f32, i64]));
  assert.not.ok(tc.isLegal(i32));
  assert.not.ok(tc.isLegal(f16));
  assert.ok(tc.isSignatureLegal(fn([i64], [f32])));
  assert.not.ok(tc.isSignatureLegal(fn([f32], [i32])));
  assert.is(tc.convertFunctionType(fn([i32, pair], [i32])), fn([i64, i32, f32], [i64]));

  const sig = tc.convertSignatureArgs([i32, pair, f32]);
  assert.ok(sig !== undefined);
  assert.equal(sig?.convertedTypes, [i64, i32, f32, f32]);
  assert.equal(sig?.inputMapping(1), { kind: "types", start: 1, size: 2 });
  assert.equal(sig?.inputMapping(2), { kind: "types", start: 3, size: 1 });

  // A rule added later wins, even over cached answers.
  tc.addConversion((t) => (t === i64 ? i8 : undefined));
  assert.is(tc.convertType(i64), i8);
});

units("legality: op rules beat dialect rules beat the unknown-op rule; dynamic rules may defer", () => {
  const m = parse(`func.func @f(%a: i32, %b: i64) {
    %0 = arith.addi %a, %a : i32
    %1 = arith.muli %b, %b : i64
    %2 = arith.muli %a, %a : i32
    %c = arith.constant 1 : i32
    "foo.bar"() : () -> ()
    "foo.baz"() : () -> ()
    "test.wrap"() ({ "test.yield"() : () -> () }) : () -> ()
    return
  }`);
  const ops = new Map<string, Operation[]>();
  m.walk((op) => void ops.set(op.name, [...(ops.get(op.name) ?? []), op]), "pre");
  const one = (name: string, i = 0): Operation => (ops.get(name) ?? [])[i] as Operation;

  const target = legality()
    .illegalDialect("arith")
    .legalOp("arith.constant")
    .dynamicallyLegalOp(MulIOp, (op) => (op.result.type === i64 ? true : undefined))
    .legalOp(TestWrap)
    .markOpRecursivelyLegal(TestWrap);
  assert.is(target.legalityOf(one("arith.addi")), "illegal");
  assert.is(target.legalityOf(one("arith.constant")), "legal");
  assert.is(target.legalityOf(one("arith.muli", 0)), "legal", "the op rule says legal");
  assert.is(target.legalityOf(one("arith.muli", 1)), "illegal", "the op rule defers to the dialect's");
  assert.is(target.legalityOf(one("foo.bar")), "unknown");
  assert.ok(target.isRecursivelyLegal(one("test.wrap")));
  assert.not.ok(target.isRecursivelyLegal(one("func.func")));

  target.markUnknownOpDynamicallyLegal((op) => op.name === "foo.bar");
  assert.is(target.legalityOf(one("foo.bar")), "legal");
  assert.is(target.legalityOf(one("foo.baz")), "illegal");
  assert.is(target.legalityOf(one("test.yield")), "illegal", "the unknown rule decides the ops no other rule covers");
});

units.run();

// ---- conversions that succeed -----------------------------------------------------------------------------

const ok = suite("conversions that succeed");

ok("a full conversion lowers arith on i32 to test ops on i64, with the function signature converted", () => {
  const m = parse(`func.func @f(%a: i32, %b: i32) -> i32 {
    %0 = arith.addi %a, %b : i32
    %1 = arith.muli %0, %a : i32
    return %1 : i32
  }`);
  const types = widen();
  const r = expectRight(applyFullConversion(m, toyTarget(types), toyPatterns(), { ctx, typeConverter: types }));
  assert.is(r.converted, 5, "signature, addi, muli, the premul it produced, return");
  assert.equal(r.unconverted, []);
  assert.is(
    print(m),
    `module {
  func.func @f(%arg0: i64, %arg1: i64) -> i64 {
    %0 = test.add %arg0, %arg1 : i64
    %1 = test.mul %0, %arg0 : i64
    return %1 : i64
  }
}
`,
  );
  verifies(m);
  mlirAccepts(m);
});

ok("a partial conversion leaves unknown ops, bridged by unrealized_conversion_cast both ways", () => {
  const m = parse(`func.func @g(%a: i32, %b: i32) -> i32 {
    %0 = arith.addi %a, %b : i32
    %1 = arith.subi %0, %b : i32
    %2 = arith.addi %1, %1 : i32
    return %2 : i32
  }`);
  const target = legality().legalDialect("test").illegalOp(AddIOp);
  const r = expectRight(applyPartialConversion(m, target, [addiToTest], { ctx, typeConverter: widen() }));
  assert.is(r.converted, 2);
  assert.equal(
    r.unconverted.map((op) => op.name),
    ["builtin.module", "func.func", "arith.subi", "func.return"],
  );
  const text = print(m);
  // Target materialisations turn the i32 operands into i64 right after their definitions; source
  // materialisations give the unconverted users (subi, return) i32 back.
  assert.match(text, /%(\d+) = test\.add %\d+, %\d+ : i64\n\s+%(\d+) = builtin\.unrealized_conversion_cast %\1 : i64 to i32\n\s+%\d+ = arith\.subi %\2, %arg1 : i32/);
  assert.match(text, /%(\d+) = builtin\.unrealized_conversion_cast %(\d+) : i32 to i64\n\s+%(\d+) = test\.add %\1, %\1 : i64\n\s+%(\d+) = builtin\.unrealized_conversion_cast %\3 : i64 to i32\n\s+return %\4 : i32/);
  assert.is(text.match(/unrealized_conversion_cast/g)?.length, 5, "two for the arguments, one for subi's result, two back to i32");
  assert.not.match(text, /arith\.addi/);
  verifies(m);
  mlirAccepts(m);
});

ok("materialisation callbacks replace the casts that are still needed at the end", () => {
  const m = parse(`func.func @g(%a: i32, %b: i32) -> i32 {
    %0 = arith.addi %a, %b : i32
    %1 = arith.subi %0, %b : i32
    return %1 : i32
  }`);
  const types = widen()
    .addSourceMaterialization((b, type, inputs) => b.create(TestTrunc, { input: inputs[0] as Value, output: type }).output)
    .addTargetMaterialization((b, type, inputs) => b.create(TestExt, { input: inputs[0] as Value, output: type }).output);
  const target = legality().legalDialect("test", "func", "builtin").legalOp(SubIOp).illegalOp(AddIOp);
  expectRight(applyFullConversion(m, target, [addiToTest], { ctx, typeConverter: types }));
  const text = print(m);
  assert.not.match(text, /unrealized_conversion_cast/);
  assert.is(text.match(/"test\.ext"/g)?.length, 2);
  assert.match(text, /%(\d+) = "test\.trunc"\(%\d+\) : \(i64\) -> i32\n\s+%\d+ = arith\.subi %\1, %arg1 : i32/);
  verifies(m);
});

ok("dynamically legal ops are converted only where the callback says illegal", () => {
  const m = parse(`func.func @d(%a: i32, %b: i64) -> (i32, i64) {
    %0 = arith.addi %a, %a : i32
    %1 = arith.addi %b, %b : i64
    return %0, %1 : i32, i64
  }`);
  const target = legality().legalDialect("test", "func", "builtin").dynamicallyLegalOp(AddIOp, (op) => op.result.type === i64);
  const r = expectRight(applyFullConversion(m, target, [addiToTest], { ctx }));
  assert.is(r.converted, 1);
  const text = print(m);
  assert.match(text, /test\.add %arg0, %arg0 : i32/);
  assert.match(text, /arith\.addi %arg1, %arg1 : i64/);
  verifies(m);
});

ok("1:N: a tuple argument becomes its elements, and the adaptor hands the pattern the elements", () => {
  const m = parse(`func.func @t(%p: tuple<i32, i64>, %q: f32) -> i64 {
    %0 = "test.first"(%p) : (tuple<i32, i64>) -> i32
    %1 = "test.mul"(%0, %0) : (i32, i32) -> i32
    %2 = "test.first"(%p) : (tuple<i32, i64>) -> i64
    return %2 : i64
  }`);
  const types = new TypeConverter().addConversion((t) => t).addConversion((t) => (t instanceof TupleType ? t.types : undefined));
  const firstOfPair = convert({
    name: "first-of-pair",
    root: TestFirst,
    apply(op, adaptor, rw) {
      const parts = adaptor.getOperandValues(0);
      const first = parts[0];
      if (parts.length !== 2 || first === undefined) return rw.fail("the operand is not a converted pair");
      if (first.type !== op.result.type) return rw.fail("the result is not the first element's type");
      rw.replaceOp(op, [first]);
      return rw.done();
    },
  });
  /** test.first of an i64 result reads the second element (the toy semantics: first of that type). */
  const secondOfPair = convert({
    name: "second-of-pair",
    root: TestFirst,
    apply(op, adaptor, rw) {
      const second = adaptor.getOperandValues(0)[1];
      if (second === undefined || second.type !== op.result.type) return rw.fail("no element of the result type");
      rw.replaceOp(op, [second]);
      return rw.done();
    },
  });
  const target = toyTarget(types).illegalOp(TestFirst);
  expectRight(applyFullConversion(m, target, [convertFunctionSignature(FuncOp), firstOfPair, secondOfPair], { ctx, typeConverter: types }));
  assert.is(
    print(m),
    `module {
  func.func @t(%arg0: i32, %arg1: i64, %arg2: f32) -> i64 {
    %0 = test.mul %arg0, %arg0 : i32
    return %arg1 : i64
  }
}
`,
  );
  verifies(m);
});

ok("every block's signature is converted, and branches are redirected to the new blocks", () => {
  const m = parse(`func.func @b(%a: i32, %c: i1) -> i32 {
    cf.cond_br %c, ^bb1(%a : i32), ^bb2
  ^bb1(%x: i32):
    %0 = arith.addi %x, %x : i32
    cf.br ^bb2
  ^bb2:
    return %a : i32
  }`);
  const types = widen();
  /** Branches pass the converted values. Before: `cf.cond_br %c, ^bb1(%a : i32), ^bb2`  After: `... ^bb1(%a' : i64) ...` */
  const branchOperands = convertAny({
    name: "branch-operands",
    apply(op, adaptor, rw) {
      if (op.name !== "cf.cond_br" && op.name !== "cf.br") return rw.fail("not a branch");
      rw.modifyInPlace(op, () => op.setOperands(adaptor.operands));
      return rw.done();
    },
  });
  const target = toyTarget(types).dynamicallyLegalDialect("cf", (op) => types.isLegalOp(op));
  expectRight(applyFullConversion(m, target, [...toyPatterns(), branchOperands], { ctx, typeConverter: types }));
  assert.is(
    print(m),
    `module {
  func.func @b(%arg0: i64, %arg1: i1) -> i64 {
    cf.cond_br %arg1, ^bb1(%arg0 : i64), ^bb2
  ^bb1(%0: i64):  // pred: ^bb0
    %1 = test.add %0, %0 : i64
    cf.br ^bb2
  ^bb2:  // 2 preds: ^bb0, ^bb1
    return %arg0 : i64
  }
}
`,
  );
  verifies(m);
  mlirAccepts(m);
});

ok("adaptors have the op's named operand groups, converted", () => {
  const m = parse(`func.func @n(%a: i32, %b: i32) {
    %0 = arith.addi %a, %b : i32
    "test.use"(%0, %a) : (i32, i32) -> ()
    return
  }`);
  const seen: string[] = [];
  const addi = convert({
    name: "look",
    root: AddIOp,
    apply(op, adaptor, rw) {
      assert.is(adaptor.lhs, adaptor.getOperand(0));
      assert.is(adaptor.rhs, adaptor.operands[1]);
      assert.equal(adaptor.getOperandValues(1), [adaptor.rhs]);
      // @ts-expect-error results are not part of an adaptor
      assert.is(adaptor.result, undefined);
      seen.push(`${adaptor.lhs.type === i64}`);
      return addiToTest.matchAndRewrite(op, adaptor, rw);
    },
  });
  const use = convert({
    name: "use",
    root: TestUse,
    apply(op, adaptor, rw) {
      seen.push(adaptor.inputs.map((v) => (v.type === i64 ? "i64" : "?")).join(","));
      rw.modifyInPlace(op, () => op.setOperands(adaptor.inputs));
      return rw.done();
    },
  });
  const types = widen();
  const target = toyTarget(types).dynamicallyLegalOp(TestUse, (op) => types.isLegalOp(op));
  expectRight(applyFullConversion(m, target, [convertFunctionSignature(FuncOp), addi, use], { ctx, typeConverter: types }));
  assert.equal(seen, ["true", "i64,i64"]);
  assert.match(print(m), /%0 = test\.add %arg0, %arg1 : i64\n\s+"test\.use"\(%0, %arg0\) : \(i64, i64\) -> \(\)/);
});

ok("plain rewrite patterns take part, and the listener hears applications and failures", () => {
  const m = parse(`func.func @p(%a: i32) -> i32 {
    %0 = arith.subi %a, %a : i32
    return %0 : i32
  }`);
  const subiSelf = rewrite({
    name: "subi-to-mul",
    root: SubIOp,
    apply(op, rw) {
      const operands = intOperands(op.lhs, op.rhs);
      if (operands === undefined) return rw.fail("the operands are not integers");
      rw.replaceOpWithNew(op, TestMul, operands);
      return rw.done();
    },
  });
  const never = convert({ name: "never", root: SubIOp, benefit: 5, apply: (_op, _a, rw) => rw.fail("declines") });
  const heard: string[] = [];
  const target = legality().legalDialect("test", "func", "builtin").illegalDialect("arith");
  expectRight(
    applyFullConversion(m, target, [subiSelf, never], {
      ctx,
      listener: {
        notifyMatchFailure: (p, op, why) => heard.push(`fail ${p} ${op.name}: ${why}`),
        notifyPatternApplied: (p, op) => heard.push(`applied ${p} ${op.name}`),
      },
    }),
  );
  assert.equal(heard, ["fail never arith.subi: declines", "applied subi-to-mul arith.subi"]);
  assert.match(print(m), /test\.mul %arg0, %arg0 : i32/);
});

ok.run();

// ---- conversions that fail, and rollback ----------------------------------------------------------------------

const bad = suite("failures and rollback");

const subiNeedsConstant = convert({ name: "subi-needs-constant-rhs", root: SubIOp, benefit: 3, apply: (_op, _a, rw) => rw.fail("rhs is not a constant") });
/** Produces test.sub, which is illegal and has no pattern: the attempt is undone. */
const subiToTestSub = lowerBinary("subi-to-test-sub", SubIOp, TestSub, 2);
const subiI64Only = convert({
  name: "subi-i64-only",
  root: SubIOp,
  apply: (op, _a, rw) => (op.result.type === i64 ? rw.done() : rw.fail("the result is not i64")),
});

bad("a partial conversion that cannot legalise an op fails with the op's name and location and leaves the input IR unchanged", () => {
  const m = parse(`func.func @h(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.muli %0, %b : i32
  %2 = arith.subi %1, %a : i32
  return %2 : i32
}`);
  const before = { text: printOp(m, { ctx, debugInfo: true }), generic: printOp(m, { ctx, generic: true }), ir: snapshot(m) };
  const types = widen();
  const patterns = [...toyPatterns(), subiNeedsConstant, subiToTestSub, subiI64Only];
  const d = expectLeft(applyPartialConversion(m, toyTarget(types), patterns, { ctx, typeConverter: types }));

  assert.is(d.message, "failed to legalize operation 'arith.subi' that was explicitly marked illegal");
  const pos = fileLineCol(d.loc);
  assert.equal(pos === undefined ? undefined : { file: pos.file, line: pos.line, col: pos.col }, { file: "input.mlir", line: 4, col: 8 });
  assert.is(d.notes.length, 1);
  assert.is(
    d.notes[0]?.message,
    "patterns tried: 'subi-needs-constant-rhs': rhs is not a constant; " +
      "'subi-to-test-sub': it created 'test.sub', which failed to legalize (no conversion pattern applies to 'test.sub'); " +
      "'subi-i64-only': the result is not i64",
  );
  assert.match(renderDiagnostic(d), /^input\.mlir:4:8: error: failed to legalize operation 'arith\.subi'/);

  // The signature, addi and muli had been converted when subi failed: all of it is undone.
  assert.is(printOp(m, { ctx, debugInfo: true }), before.text);
  assert.is(printOp(m, { ctx, generic: true }), before.generic);
  assert.is(snapshot(m), before.ir, "same op and block objects, same operands, same use lists in the same order");
  verifies(m);

  // The same input converts once subi has a working pattern (the failed run left nothing behind).
  const fixed = lowerBinary("subi-via-add", SubIOp, TestAdd);
  expectRight(applyPartialConversion(m, toyTarget(types), [...patterns, fixed], { ctx, typeConverter: types }));
  assert.match(print(m), /%2 = test\.add %1, %arg0 : i64\n\s+return %2 : i64/);
  verifies(m);
});

bad("a full conversion names an op of unknown legality that no pattern converts", () => {
  const m = parse(`func.func @u(%a: i32) {
  "foo.op"(%a) : (i32) -> ()
  return
}`);
  const before = snapshot(m);
  const target = legality().legalDialect("func", "builtin");
  const d = expectLeft(applyFullConversion(m, target, [], { ctx }));
  assert.is(d.message, "failed to legalize operation 'foo.op'");
  assert.is(d.notes[0]?.message, "no conversion pattern applies to 'foo.op'");
  assert.is(fileLineCol(d.loc)?.line, 2);
  assert.is(snapshot(m), before);
  // A partial conversion leaves it.
  const r = expectRight(applyPartialConversion(m, target, [], { ctx }));
  assert.equal(r.unconverted.map((op) => op.name), ["foo.op"]);
});

bad("a full conversion with a live unresolved materialisation fails as MLIR reports it, and undoes everything", () => {
  const m = parse(`func.func @g() -> i32 {
  %0 = "test.source"() : () -> i32
  %1 = arith.addi %0, %0 : i32
  %2 = arith.subi %1, %1 : i32
  return %2 : i32
}`);
  const before = { text: printOp(m, { ctx, debugInfo: true }), ir: snapshot(m) };
  const types = widen();
  /** test.source on an illegal type -> test.source on the converted type. */
  const widenSource = convert({
    name: "widen-source",
    root: TestSource,
    apply(op, _adaptor, rw) {
      const type = rw.typeConverter?.convertType(op.result.type);
      if (type === undefined) return rw.fail("the result type cannot be converted");
      rw.replaceOpWithNew(op, TestSource, { result: type });
      return rw.done();
    },
  });
  const target = legality()
    .legalDialect("test", "func", "builtin")
    .dynamicallyLegalOp(TestSource, (op) => types.isLegalOp(op))
    .legalOp(SubIOp)
    .illegalOp(AddIOp);
  const d = expectLeft(applyFullConversion(m, target, [widenSource, addiToTest], { ctx, typeConverter: types }));
  assert.is(d.message, "failed to legalize unresolved materialization from ('i64') to 'i32' that remained live after conversion");
  assert.is(fileLineCol(d.loc)?.line, 3, "at the value's definition (the replaced addi)");
  // The user as it is when the error is found (mid-conversion, erased ops still in place, so the numbering differs).
  assert.match(d.notes[0]?.message ?? "", /^see existing live user here: %\d+ = arith\.subi %\d+, %\d+ : i32$/);
  assert.is(fileLineCol(d.notes[0]?.loc ?? d.loc)?.line, 4);
  assert.is(printOp(m, { ctx, debugInfo: true }), before.text);
  assert.is(snapshot(m), before.ir);

  // Partially, the cast stays and the IR is valid.
  expectRight(applyPartialConversion(m, target, [widenSource, addiToTest], { ctx, typeConverter: types }));
  assert.match(print(m), /%0 = test\.source : i64|%0 = "test\.source"\(\) : \(\) -> i64/);
  assert.match(print(m), /%1 = test\.add %0, %0 : i64\n\s+%2 = builtin\.unrealized_conversion_cast %1 : i64 to i32\n\s+%3 = arith\.subi %2, %2 : i32/);
  verifies(m);
  mlirAccepts(m);
});

bad("a dropped argument that is still used is an unresolved materialisation from ()", () => {
  const m = parse(`func.func @drop(%x: i16, %y: i32) {
  "test.use"(%x, %y) : (i16, i32) -> ()
  return
}`);
  const types = new TypeConverter().addConversion((t) => t).addConversion((t) => (t === i16 ? [] : undefined));
  const target = toyTarget(types);
  const before = snapshot(m);
  const d = expectLeft(applyFullConversion(m, target, [convertFunctionSignature(FuncOp)], { ctx, typeConverter: types }));
  assert.is(d.message, "failed to legalize unresolved materialization from () to 'i16' that remained live after conversion");
  assert.match(d.notes[0]?.message ?? "", /^see existing live user here: "?test\.use/);
  assert.is(snapshot(m), before);
  // A partial conversion keeps the cast.
  expectRight(applyPartialConversion(m, target, [convertFunctionSignature(FuncOp)], { ctx, typeConverter: types }));
  assert.match(print(m), /func\.func @drop\(%arg0: i32\) \{\n\s+%0 = builtin\.unrealized_conversion_cast to i16\n\s+"test\.use"\(%0, %arg0\)/);
  verifies(m);
});

/** test.wrap { body; test.yield %v } -> body inlined before it, results replaced by the yielded values. */
const unwrap = convert({
  name: "unwrap",
  root: TestWrap,
  apply(op, _adaptor, rw) {
    const body = op.body.entry;
    const yielded = body?.terminator;
    const parent = op.parent;
    if (body === undefined || yielded === undefined || parent === undefined) return rw.fail("no body");
    const values = yielded.operands;
    rw.inlineBlockBefore(body, parent, op);
    rw.replaceOp(op, values);
    rw.eraseOp(yielded);
    return rw.done();
  },
});
/** test.swap: swaps its operands in place, moves itself to the end of its block, splits and re-merges its block. */
const swap = convert({
  name: "swap",
  root: TestSwap,
  apply(op, _adaptor, rw) {
    const block = op.parent;
    if (block === undefined) return rw.fail("detached");
    const tail = rw.splitBlock(block, op);
    rw.mergeBlocks(tail, block);
    rw.modifyInPlace(op, () => {
      op.setOperands([...op.operands].reverse());
      op.setAttr("swapped", StringAttr.get("yes"));
    });
    const terminator = block.terminator;
    if (terminator !== undefined && terminator !== op) rw.moveOpBefore(op, terminator);
    return rw.done();
  },
});

bad("rollback undoes inlined blocks, split and merged blocks, moves, in-place changes and new blocks", () => {
  const text = (withFailure: boolean): string => `func.func @r(%a: i32, %b: i32) -> i32 {
  %c = "test.mul"(%a, %b) : (i32, i32) -> i32
  %w = "test.wrap"() ({
    %i = arith.addi %c, %a : i32
    "test.yield"(%i) : (i32) -> ()
  }) : () -> i32
  "test.swap"(%w, %c) : (i32, i32) -> ()
  %s = ${withFailure ? "arith.subi" : "arith.addi"} %w, %b : i32
  return %s : i32
}`;
  const target = toyTarget(widen())
    .illegalOp(TestWrap)
    .dynamicallyLegalOp(TestSwap, (op) => op.attr("swapped") !== undefined)
    .dynamicallyLegalOp(TestMul, (op) => op.result.type !== i32);
  const mulWiden = lowerBinary("mul-widen", TestMul, TestMul);
  const patterns = [...toyPatterns(), unwrap, swap, mulWiden];

  const m = parse(text(true));
  const before = { text: printOp(m, { ctx, debugInfo: true }), ir: snapshot(m) };
  const d = expectLeft(applyPartialConversion(m, target, patterns, { ctx, typeConverter: widen() }));
  assert.is(d.message, "failed to legalize operation 'arith.subi' that was explicitly marked illegal");
  assert.is(printOp(m, { ctx, debugInfo: true }), before.text);
  assert.is(snapshot(m), before.ir);
  verifies(m);

  const good = parse(text(false));
  expectRight(applyPartialConversion(good, target, patterns, { ctx, typeConverter: widen() }));
  assert.is(
    print(good),
    `module {
  func.func @r(%arg0: i64, %arg1: i64) -> i64 {
    %0 = test.mul %arg0, %arg1 : i64
    %1 = builtin.unrealized_conversion_cast %0 : i64 to i32
    %2 = test.add %0, %arg0 : i64
    %3 = builtin.unrealized_conversion_cast %2 : i64 to i32
    %4 = test.add %2, %arg1 : i64
    "test.swap"(%1, %3) {swapped = "yes"} : (i32, i32) -> ()
    return %4 : i64
  }
}
`,
  );
  verifies(good);
  mlirAccepts(good);
});

bad("a pattern is not applied again to an op it produced, and the depth of recursive legalisation is bounded", () => {
  const m = parse(`func.func @l() {
  "test.loop"() : () -> ()
  return
}`);
  const before = snapshot(m);
  const again = (recursive: boolean): ConversionPattern =>
    convertAny({
      name: "loop-again",
      root: "test.loop",
      recursive,
      apply(op, _a, rw) {
        rw.replaceOpWithNew(op, TestLoop, {});
        return rw.done();
      },
    });
  const target = legality().legalDialect("func", "builtin").illegalOp(TestLoop);
  const d = expectLeft(applyPartialConversion(m, target, [again(false)], { ctx }));
  assert.match(d.notes[0]?.message ?? "", /'loop-again': it created 'test\.loop', which failed to legalize \(patterns tried: 'loop-again': not applied again to an op it produced/);
  assert.is(snapshot(m), before);

  const deep = expectLeft(applyPartialConversion(m, target, [again(true)], { ctx, maxDepth: 4 }));
  assert.match(deep.notes[0]?.message ?? "", /legalization exceeded the maximum depth \(4\)/);
  assert.is(snapshot(m), before);
});

bad("a pattern that reports success without touching its op, or that throws, changes nothing", () => {
  const m = parse(`func.func @n(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.muli %0, %0 : i32
  return %1 : i32
}`);
  const before = snapshot(m);
  const lazy = convert({ name: "lazy", root: AddIOp, apply: (_op, _a, rw) => rw.done() });
  const target = legality().legalDialect("test", "func", "builtin").illegalDialect("arith");
  const d = expectLeft(applyPartialConversion(m, target, [lazy], { ctx }));
  assert.match(d.notes[0]?.message ?? "", /'lazy': the pattern returned success without replacing, erasing or updating the op in place/);
  assert.is(snapshot(m), before);

  const crash = convert({
    name: "crash",
    root: MulIOp,
    apply() {
      throw new Error("pattern bug");
    },
  });
  assert.throws(() => applyPartialConversion(m, target, [addiToTest, crash], { ctx }), /pattern bug/);
  assert.is(snapshot(m), before, "the addi conversion done before the throw is undone");
  verifies(m);
});

bad("an operand whose type cannot be converted fails the pattern with the type in the reason", () => {
  const m = parse(`func.func @c(%a: f16) {
  "test.use"(%a) : (f16) -> ()
  return
}`);
  const types = new TypeConverter().addConversion((t) => (t === f16 ? null : t));
  const use = convert({ name: "use", root: TestUse, apply: (op, _a, rw) => (rw.eraseOp(op), rw.done()) });
  const target = legality().legalDialect("func", "builtin").illegalOp(TestUse);
  const d = expectLeft(applyFullConversion(m, target, [use], { ctx, typeConverter: types }));
  assert.is(d.notes[0]?.message, "patterns tried: 'use': operand #0 of type 'f16' cannot be converted");
});

bad("erasing an op whose result is still used by a live op is reported, and undone", () => {
  const m = parse(`func.func @e(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}`);
  const before = snapshot(m);
  const eraser = convert({ name: "eraser", root: AddIOp, apply: (op, _a, rw) => (rw.eraseOp(op), rw.done()) });
  const target = legality().legalDialect("func", "builtin").illegalDialect("arith");
  const d = expectLeft(applyPartialConversion(m, target, [eraser], { ctx }));
  assert.is(d.message, "failed to legalize operation 'arith.addi' marked as erased");
  assert.match(d.notes[0]?.message ?? "", /^found live user of result #0: func\.return %\d+ : i32$/);
  assert.is(snapshot(m), before);
});

bad.run();

// ---- a property: failure leaves any input exactly as it was -----------------------------------------------------

const prop = suite("rollback property");

type Step = { readonly kind: "addi" | "muli" | "subi" | "use"; readonly lhs: number; readonly rhs: number };
const stepsArb = fc.array(
  fc.record({ kind: fc.constantFrom<Step["kind"]>("addi", "muli", "subi", "use"), lhs: fc.nat(), rhs: fc.nat() }),
  { minLength: 1, maxLength: 10 },
);

/** A function computing a chain of steps over its two arguments; each step reads earlier values. */
function program(steps: readonly Step[]): string {
  const values = ["%a", "%b"];
  const lines = steps.map((s, i) => {
    const x = values[s.lhs % values.length] as string;
    const y = values[s.rhs % values.length] as string;
    if (s.kind === "use") return `"test.use"(${x}, ${y}) : (i32, i32) -> ()`;
    values.push(`%v${i}`);
    return `%v${i} = arith.${s.kind} ${x}, ${y} : i32`;
  });
  return `func.func @p(%a: i32, %b: i32) -> i32 {\n  ${lines.join("\n  ")}\n  return ${values[values.length - 1] as string} : i32\n}`;
}

prop("partial and full conversions either succeed with valid IR or leave the input exactly as it was", () => {
  fc.assert(
    fc.property(stepsArb, fc.boolean(), (steps, full) => {
      const m = parse(program(steps));
      const before = { text: printOp(m, { ctx, debugInfo: true }), ir: snapshot(m) };
      const types = widen();
      const apply = full ? applyFullConversion : applyPartialConversion;
      const r = apply(m, toyTarget(types), toyPatterns(), { ctx, typeConverter: types });
      const hasSubi = steps.some((s) => s.kind === "subi");
      const hasUse = steps.some((s) => s.kind === "use");
      const shouldFail = hasSubi || (full && hasUse);
      assert.is(isLeft(r), shouldFail, isLeft(r) ? renderDiagnostic(r.left) : "succeeded");
      if (isLeft(r)) {
        assert.is(printOp(m, { ctx, debugInfo: true }), before.text);
        assert.is(snapshot(m), before.ir);
      } else {
        assert.not.match(print(m), /arith\./);
      }
      verifies(m);
    }),
    { numRuns: 300 },
  );
});

prop.run();
