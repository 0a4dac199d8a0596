/**
 * The func dialect: typed building (`buildFunc`, calls, returns, constants), the custom forms against
 * mlir-opt-16 (custom text, generic text read back, debug locations), and the verifier's messages for invalid
 * IR, checked with the same `expected-error` file by both Tensile and mlir-opt-16.
 */
import { isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AddIOp } from "../../dialects/arith/index.ts";
import { createModule, moduleBody } from "../../dialects/builtin/index.ts";
import {
  buildFunc,
  CallIndirectOp,
  CallOp,
  callSignature,
  ConstantOp,
  entryBlock,
  func,
  FuncOp,
  funcName,
  functionType,
  isExternal,
  lookupFunction,
  ReturnOp,
} from "../../dialects/func/index.ts";
import { symbolRef } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import { AutomaticAllocationScope, IsolatedFromAbove, ReturnLike, Symbol, Terminator } from "../../src/ir/traits.ts";
import { CallableOpInterface, FunctionOpInterface } from "../../src/interfaces/function.ts";
import { f32, FunctionType, i32, i64 } from "../../src/ir/types.ts";
import { narrow } from "../../src/irdl/constraints.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { printOp } from "../../src/text/printer.ts";
import { SignlessIntegerLike } from "../../dialects/arith/constraints.ts";
import { assertAgreesWithMlir, assertDiagnostics } from "../support/mlir-compat.ts";

// ---- building ---------------------------------------------------------------------------------------------

test("the dialect holds func, return, call, call_indirect and constant", () => {
  assert.equal(
    func.ops.map((o) => o.info?.name),
    ["func.func", "func.return", "func.call", "func.call_indirect", "func.constant"],
  );
  for (const t of [Symbol, IsolatedFromAbove, AutomaticAllocationScope]) assert.ok(FuncOp.info.traits.has(t), t.name);
  for (const i of [FunctionOpInterface, CallableOpInterface]) assert.ok(FuncOp.info.interfaces?.has(i), i.name);
  assert.ok(ReturnOp.info.traits.has(Terminator) && ReturnOp.info.traits.has(ReturnLike));
  assert.is(FuncOp.info.defaultDialect, "func");
});

test("buildFunc builds a definition with typed entry arguments and a declaration", () => {
  const m = createModule();
  const b = Builder.atEnd(moduleBody(m));
  const decl = buildFunc(b, "ext", [f32], [f32]);
  const add = buildFunc(b, "add", [i32, i32], [i32], (entry, fb) => {
    const [x, y] = [narrow(entry.arg(0), SignlessIntegerLike), narrow(entry.arg(1), SignlessIntegerLike)];
    const sum = fb.create(AddIOp, { lhs: x, rhs: y }).result;
    fb.create(ReturnOp, { values: [sum] });
  });
  assert.ok(isExternal(decl));
  assert.is(decl.sym_visibility?.value, "private", "declarations default to private (MLIR rejects public ones)");
  assert.not.ok(isExternal(add));
  assert.is(funcName(add), "add");
  assert.is(functionType(add), FunctionType.get([i32, i32], [i32]));
  assert.equal(entryBlock(add).argTypes, [i32, i32]);
  assert.ok(entryBlock(add).last instanceof ReturnOp);
  assert.throws(() => entryBlock(decl), /declaration/);
  assert.ok(isRight(verify(m)));
  assert.is(
    printOp(m),
    `module {
  func.func private @ext(f32) -> f32
  func.func @add(%arg0: i32, %arg1: i32) -> i32 {
    %0 = arith.addi %arg0, %arg1 : i32
    return %0 : i32
  }
}
`,
  );
});

test("calls, indirect calls and constants build with their result types and resolve their callee", () => {
  const m = createModule();
  const b = Builder.atEnd(moduleBody(m));
  const callee = buildFunc(b, "callee", [i32], [i64, f32]);
  const caller = buildFunc(b, "caller", [i32], [], (entry, fb) => {
    const call = fb.create(CallOp, { callee: symbolRef("callee"), args: [entry.arg(0)], res: [i64, f32] });
    assert.is(call.res.length, 2);
    assert.is(call.res[1]?.type, f32);
    assert.equal(call.args, [entry.arg(0)]);
    assert.is(callSignature(call), FunctionType.get([i32], [i64, f32]));
    assert.is(lookupFunction(call, call.callee), callee);
    const fnValue = fb.create(ConstantOp, { value: symbolRef("callee"), result: functionType(callee) }).result;
    const indirect = fb.create(CallIndirectOp, {
      callee: narrow(fnValue, { description: "function", test: (t): t is FunctionType => t instanceof FunctionType }),
      callee_operands: [entry.arg(0)],
      res: [i64, f32],
    });
    assert.is(indirect.callee, fnValue);
    fb.create(ReturnOp, {});
  });
  assert.ok(isRight(verify(m)), "built IR verifies");
  assert.match(printOp(m), /%f = constant @callee : \(i32\) -> \(i64, f32\)\n\s+%1:2 = call_indirect %f\(%arg0\)/);
  assert.is(lookupFunction(caller, symbolRef("nope")), undefined);
});

// ---- text: agreement with mlir-opt-16 ---------------------------------------------------------------------

test("func.func forms print as mlir-opt-16 prints them", () => {
  assertAgreesWithMlir(`
func.func private @decl(i32 {foo.a}, f32) -> (i32 {foo.r = 2 : i64})
func.func nested @decl2()
func.func private @"weird name"(%x: i32) -> ((i32) -> i32)
func.func private @q(i32, i32) -> (f32, f32 {a.b})
func.func private @r(%a: i32 loc("x"), %b : f32 {a.b}) -> (i32)
func.func private @none() -> ()
func.func public @p() -> (i32 {a.b}, f32 {c.d}) {
  %0:2 = "test.x"() : () -> (i32, f32)
  return %0#0, %0#1 : i32, f32
}
func.func @f(%a: i32 {foo.a}, %b: f32) -> (i32 {foo.r = 2 : i64}, f32) attributes {foo.x, bar = [1, 2]} {
  "test.op"() ({
    %1 = "test.y"() : () -> i32
    "test.ret"(%1) : (i32) -> ()
  }) : () -> ()
  func.return %a, %b : i32, f32
}
`);
});

test("call, call_indirect, constant and return print as mlir-opt-16 prints them", () => {
  assertAgreesWithMlir(`
func.func private @g(i32) -> i32
func.func private @h()
func.func @f(%c: i32) -> i32 {
  %f = func.constant @g : (i32) -> i32
  %k = func.constant {x = 1} @h : () -> ()
  %0 = func.call_indirect %f(%c) {a = 1} : (i32) -> i32
  func.call_indirect %k() : () -> ()
  %1 = func.call @g(%0) {a = 1}: (i32) -> i32
  call @h() : () -> ()
  "test.region"() ({
    %2 = func.call @g(%1) : (i32) -> i32
    "test.ret"() : () -> ()
  }) : () -> ()
  return %1 : i32
}
`);
});

// ---- verifier ---------------------------------------------------------------------------------------------

test("invalid func IR gets MLIR 16's diagnostics", () => {
  assertDiagnostics(`
func.func @f() -> i32 {
  %c = "test.c"() : () -> i32
  // expected-error @+1 {{'func.return' op has 0 operands, but enclosing function (@f) returns 1}}
  return
}
// -----
func.func @f() -> f32 {
  %c = "test.c"() : () -> i32
  // expected-error @+1 {{type of return operand 0 ('i32') doesn't match function result type ('f32') in function @f}}
  return %c : i32
}
// -----
func.func private @g(i32) -> i32
func.func @f(%c: f32) {
  // expected-error @+1 {{'func.call' op operand type mismatch: expected operand type 'i32', but provided 'f32' for operand number 0}}
  %0 = call @g(%c) : (f32) -> i32
  return
}
// -----
func.func @f() {
  // expected-error @+1 {{'func.call' op 'nope' does not reference a valid function}}
  %0 = call @nope() : () -> i32
  return
}
// -----
func.func private @g(i32) -> i32
func.func @f(%c: i32) {
  // expected-error @+1 {{'func.call' op incorrect number of operands for callee}}
  %0 = call @g(%c, %c) : (i32, i32) -> i32
  return
}
// -----
func.func private @g(i32) -> (i32, i32)
func.func @f(%c: i32) {
  // expected-error @+3 {{'func.call' op result type mismatch at index 1}}
  // expected-note @+2 {{      op result types: 'i32', 'f32'}}
  // expected-note @+1 {{function result types: 'i32', 'i32'}}
  %0:2 = call @g(%c) : (i32) -> (i32, f32)
  return
}
// -----
func.func private @g(i32) -> i32
func.func @f(%c: i32) {
  // expected-error @+1 {{'func.call' op incorrect number of results for callee}}
  call @g(%c) : (i32) -> ()
  return
}
// -----
func.func @f() {
  // expected-error @+1 {{'func.constant' op reference to undefined function 'nope'}}
  %0 = constant @nope : () -> ()
  return
}
// -----
func.func private @g(i32) -> i32
func.func @f() {
  // expected-error @+1 {{'func.constant' op reference to function with mismatched type}}
  %0 = constant @g : () -> ()
  return
}
// -----
func.func private @g(i32) -> i32
func.func @f(%c: f32) {
  %f = constant @g : (i32) -> i32
  // expected-error @+1 {{'func.call_indirect' op failed to verify that callee input types match argument types}}
  %0 = "func.call_indirect"(%f, %c) : ((i32) -> i32, f32) -> i32
  return
}
// -----
func.func private @g(i32) -> i32
func.func @f(%c: i32) {
  %f = constant @g : (i32) -> i32
  // expected-error @+1 {{'func.call_indirect' op failed to verify that callee result types match result types}}
  %0 = "func.call_indirect"(%f, %c) : ((i32) -> i32, i32) -> f32
  return
}
// -----
// expected-error @+1 {{'func.return' op expects parent op 'func.func'}}
"func.return"() : () -> ()
// -----
// expected-error @+1 {{'func.func' op symbol declaration cannot have public visibility}}
func.func @f()
// -----
// expected-error @+1 {{'sym_visibility' is an inferred attribute and should not be specified in the explicit attribute dictionary}}
func.func @f() attributes {sym_visibility = "private"}
// -----
// expected-error @+1 {{expected SSA identifier}}
func.func @f(%a: i32, f32) { return }
// -----
// expected-error @+1 {{expected type instead of SSA identifier}}
func.func @f(i32, %a: f32) { return }
// -----
// expected-error @+1 {{expected non-empty function body}}
func.func @f() {}
// -----
// expected-error @+1 {{'func.func' op arguments may only have dialect attributes}}
func.func @f(%a: i32 {noDot}) { return }
// -----
// expected-error @+1 {{'func.func' op entry block must have 2 arguments to match function signature}}
"func.func"() ({
^bb0(%x: i32):
  "func.return"() : () -> ()
}) {function_type = (i32, i32) -> (), sym_name = "f"} : () -> ()
// -----
// expected-error @+1 {{'func.func' op requires attribute 'function_type'}}
"func.func"() ({
}) {sym_name = "f"} : () -> ()
// -----
// expected-error @+1 {{'func.call' op requires attribute 'callee'}}
"func.call"() : () -> ()
`);
});

test.run();
