/**
 * The cf dialect: branches built with the typed builders (and which operands go to which successor), the
 * custom forms against mlir-opt-16 (including `cf.switch`'s unsigned case values and its form without cases),
 * and the verifier's messages for branch operands that do not match the target blocks.
 */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createModule, type ModuleOp, moduleBody } from "../../dialects/builtin/index.ts";
import {
  AssertOp,
  BranchOp,
  caseValuesAttr,
  cf,
  CondBranchOp,
  SwitchOp,
  switchArgs,
  switchCaseOperands,
  switchCaseValues,
} from "../../dialects/cf/index.ts";
import { buildFunc, ReturnOp } from "../../dialects/func/index.ts";
import { DenseArrayAttr, strAttr } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import { cast } from "../../src/ir/interfaces.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { BranchOpInterface } from "../../src/interfaces/control-flow.ts";
import { Pure, Terminator } from "../../src/ir/traits.ts";
import { f32, i1, i8, i32, IntegerType, type Type } from "../../src/ir/types.ts";
import { AnyInteger, Bool, narrow } from "../../src/irdl/constraints.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { printOp } from "../../src/text/printer.ts";
import { assertAgreesWithMlir, assertDiagnostics } from "../support/mlir-compat.ts";

// ---- building ---------------------------------------------------------------------------------------------

test("the dialect holds br, cond_br, switch and assert; the branches are pure terminators", () => {
  assert.equal(
    cf.ops.map((o) => o.info?.name),
    ["cf.assert", "cf.br", "cf.cond_br", "cf.switch"],
  );
  for (const Op of [BranchOp, CondBranchOp, SwitchOp]) {
    assert.ok(Op.info.traits.has(Terminator), Op.info.name);
    assert.ok(Op.info.traits.has(Pure), Op.info.name);
  }
  assert.not.ok(AssertOp.info.traits.has(Pure), "cf.assert has a side effect");
});

/** A function (i32, i1, i8) -> () whose body `fill` builds; returns the module. */
function withFunction(fill: (entry: Block, b: Builder, blocks: (types: readonly Type[]) => Block) => void): ModuleOp {
  const m = createModule();
  buildFunc(Builder.atEnd(moduleBody(m)), "f", [i32, i1, i8], [], (entry, b) => {
    const region = entry.parent;
    if (region === undefined) throw new Error("entry block is not in a region");
    const blocks = (types: readonly Type[]): Block => {
      const saved = b.ip;
      const block = b.createBlock(region, types);
      b.create(ReturnOp, {});
      b.ip = saved;
      return block;
    };
    fill(entry, b, blocks);
  });
  return m;
}

/** The operands `op` forwards to its successor `index`, through BranchOpInterface. */
const successorOperands = (op: Operation, index: number) => cast(op, BranchOpInterface).getSuccessorOperands(index).forwarded.values;

test("br and cond_br forward their operands to their successors", () => {
  const m = withFunction((entry, b, blocks) => {
    const [x, c] = [entry.arg(0), narrow(entry.arg(1), Bool)];
    const bb1 = blocks([i32]);
    const bb2 = blocks([]);
    const condBr = b.create(CondBranchOp, { condition: c, trueDest: bb1, falseDest: bb2, trueDestOperands: [x] });
    assert.equal(condBr.trueDestOperands, [x]);
    assert.equal(condBr.falseDestOperands, []);
    assert.is(condBr.trueDest, bb1);
    assert.is(condBr.falseDest, bb2);
    assert.equal(successorOperands(condBr, 0), [x]);
    assert.equal(successorOperands(condBr, 1), []);
    assert.instance(condBr.attr("operand_segment_sizes"), DenseArrayAttr);
    const br = BranchOp.build({ dest: bb1, destOperands: [x] });
    assert.equal(successorOperands(br, 0), [x]);
    assert.throws(() => successorOperands(br, 1), /has no successor #1/);
  });
  assert.ok(isRight(verify(m)));
  assert.match(printOp(m), /cf\.cond_br %arg1, \^bb1\(%arg0 : i32\), \^bb2\n/);
});

test("switchArgs builds a switch whose cases carry their values and operands", () => {
  const m = withFunction((entry, b, blocks) => {
    const [x, , y] = [narrow(entry.arg(0), AnyInteger), entry.arg(1), entry.arg(2)];
    const bbDefault = blocks([i32]);
    const bbA = blocks([]);
    const bbB = blocks([i8, i32]);
    const sw = b.create(
      SwitchOp,
      switchArgs(x, bbDefault, [x], [
        { value: 42, dest: bbA },
        { value: -1n, dest: bbB, operands: [y, x] },
      ]),
    );
    assert.is(sw.flag, x);
    assert.equal(sw.defaultOperands, [x]);
    assert.equal(sw.caseDestinations, [bbA, bbB]);
    assert.equal(switchCaseValues(sw), [42n, -1n]);
    assert.equal(switchCaseOperands(sw, 0), []);
    assert.equal(switchCaseOperands(sw, 1), [y, x]);
    assert.equal(successorOperands(sw, 2), [y, x]);
    assert.equal(sw.case_operand_segments.numbers, [0, 2]);
  });
  assert.ok(isRight(verify(m)));
  // Case values print unsigned, as MLIR's APInt::getLimitedValue.
  assert.match(printOp(m), /cf\.switch %arg0 : i32, \[\n {6}default: \^bb1\(%arg0 : i32\),\n {6}42: \^bb2,\n {6}4294967295: \^bb3\(%arg2, %arg0 : i8, i32\)\n {4}\]/);
});

test("case values wrap to the flag's width", () => {
  assert.equal(
    Array.from({ length: 2 }, (_, i) => caseValuesAttr(i8, [255, -129]).at(i)),
    [-1, 127],
  );
  assert.is(caseValuesAttr(IntegerType.get(64), [2n ** 64n - 1n]).at(0), -1n);
  assert.is(caseValuesAttr(i1, [1]).at(0), 1);
});

test("assert and mismatched branches are checked by the verifier", () => {
  const m = withFunction((entry, b, blocks) => {
    b.create(AssertOp, { arg: narrow(entry.arg(1), Bool), msg: strAttr("boom") });
    const target = blocks([f32]);
    b.create(BranchOp, { dest: target, destOperands: [entry.arg(0)] });
  });
  const failed = verify(m);
  assert.ok(isLeft(failed));
  if (isLeft(failed)) assert.is(failed.left[0]?.message, "type mismatch for bb argument #0 of successor #0");
});

// ---- text: agreement with mlir-opt-16 ---------------------------------------------------------------------

test("br, cond_br, assert and switch print as mlir-opt-16 prints them", () => {
  assertAgreesWithMlir(`
func.func @f(%a: i32, %c: i1, %y: i8, %z: i64, %w: i1, %u: ui16) {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2
^bb1(%x: i32):
  cf.br ^bb2 {hint = 1}
^bb2:
  cf.assert %c, "boom \\"x\\""
  cf.assert %w, "plain" {note}
  cf.cond_br %c, ^bb3(%a, %y : i32, i8), ^bb3(%a, %y : i32, i8) {weights = [1, 2]}
^bb3(%p: i32, %q: i8):
  cf.switch %a : i32, [
    default: ^bb1(%a : i32),
    42: ^bb1(%p : i32),
    -5: ^bb4,
    4294967295: ^bb4
  ]
^bb4:
  cf.switch %y : i8, [
    default: ^bb5(%y : i8),
    -1: ^bb5(%q : i8),
    200: ^bb5(%y : i8)
  ] {foo}
^bb5(%r: i8):
  cf.switch %z : i64, [ default: ^bb6, -1: ^bb6 ]
^bb6:
  cf.switch %w : i1, [ default: ^bb7, 1: ^bb7 ]
^bb7:
  cf.switch %u : ui16, [ default: ^bb8, 65535: ^bb8 ]
^bb8:
  cf.switch %a : i32, [ default: ^bb9 ]
^bb9:
  "test.region"() ({
    %k = "test.k"() : () -> i32
    cf.switch %k : i32, [ default: ^bb1, 7: ^bb1 ]
  ^bb1:
    "test.ret"() : () -> ()
  }) : () -> ()
  return
}
`);
});

// ---- verifier ---------------------------------------------------------------------------------------------

test("invalid cf IR gets MLIR 16's diagnostics", () => {
  assertDiagnostics(`
func.func @f(%c: i1) {
  // The format computes operand_segment_sizes: spelling it too is a repeated attribute.
  // expected-error @+1 {{custom op 'cf.cond_br' attribute 'operand_segment_sizes' occurs more than once in the attribute list}}
  cf.cond_br %c, ^bb1, ^bb1 {operand_segment_sizes = array<i32: 1, 0, 0>}
^bb1:
  return
}
// -----
func.func @f() -> i32 {
  // expected-error @+1 {{custom op 'arith.constant' attribute 'value' occurs more than once in the attribute list}}
  %0 = arith.constant {value = 1 : i32} 2 : i32
  return %0 : i32
}
// -----
func.func @f(%c: i32) {
  // expected-error @+1 {{branch has 1 operands for successor #0, but target block has 0}}
  cf.br ^bb1(%c : i32)
^bb1:
  return
}
// -----
func.func @f(%c: i32) {
  // expected-error @+1 {{type mismatch for bb argument #0 of successor #0}}
  cf.br ^bb1(%c : i32)
^bb1(%x: f32):
  return
}
// -----
func.func @f(%c: i1) {
  // expected-error @+1 {{branch has 0 operands for successor #0, but target block has 1}}
  cf.cond_br %c, ^bb1, ^bb1
^bb1(%x: f32):
  return
}
// -----
func.func @f(%c: i32) {
  // expected-error @+1 {{branch has 1 operands for successor #1, but target block has 0}}
  cf.switch %c : i32, [ default: ^bb1, 1: ^bb1(%c : i32) ]
^bb1:
  return
}
// -----
func.func @f(%c: i32) {
  // expected-error @+1 {{'cf.switch' op 'flag' type ('i32') should match case value type ('i64')}}
  "cf.switch"(%c)[^bb1, ^bb1] {case_values = dense<[1]> : vector<1xi64>, case_operand_segments = array<i32: 0>, operand_segment_sizes = array<i32: 1, 0, 0>} : (i32) -> ()
^bb1:
  return
}
// -----
func.func @f(%c: i32) {
  // expected-error @+1 {{'cf.switch' op number of case values (2) should match number of case destinations (1)}}
  "cf.switch"(%c)[^bb1, ^bb1] {case_values = dense<[1, 2]> : vector<2xi32>, case_operand_segments = array<i32: 0>, operand_segment_sizes = array<i32: 1, 0, 0>} : (i32) -> ()
^bb1:
  return
}
// -----
func.func @f(%x: i32) {
  // expected-error @+1 {{'cf.cond_br' op operand #0 must be 1-bit signless integer, but got 'i32'}}
  "cf.cond_br"(%x)[^bb1, ^bb1] {operand_segment_sizes = array<i32: 1, 0, 0>} : (i32) -> ()
^bb1:
  return
}
// -----
func.func @f(%x: index) {
  // expected-error @+1 {{invalid kind of type specified}}
  cf.switch %x : index, [ default: ^bb1 ]
^bb1:
  return
}
// -----
func.func @f(%x: i1) {
  // expected-error @+1 {{'cf.assert' op requires attribute 'msg'}}
  "cf.assert"(%x) : (i1) -> ()
  return
}
`);
});

test.run();
