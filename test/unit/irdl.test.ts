import { test } from "uvu";
import * as assert from "uvu/assert";
import { Builder } from "../../src/ir/builder.ts";
import { Block, Operation } from "../../src/ir/operation.ts";
import { Pure, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { f32, i32, IntegerType } from "../../src/ir/types.ts";
import { SignlessIntegerLike, AnyType } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { variadic } from "../../src/irdl/spec.ts";

const Add = defineOp({
  name: "test.add",
  summary: "adds",
  operands: { lhs: SignlessIntegerLike, rhs: SignlessIntegerLike },
  results: { result: SignlessIntegerLike },
  traits: [Pure, SameOperandsAndResultType],
  format: "$lhs `,` $rhs attr-dict `:` type($result)",
});
type Add = InstanceType<typeof Add>;

const Pack = defineOp({
  name: "test.pack",
  summary: "two variadic groups",
  operands: { xs: variadic(AnyType), ys: variadic(AnyType) },
});

test("typed build infers result type and exposes named accessors", () => {
  const block = new Block();
  const [x, y] = [block.addArgument(i32), block.addArgument(i32)];
  const b = Builder.atEnd(block);
  const add: Add = b.create(Add, { lhs: x, rhs: y });
  assert.is(add.result.type, i32);
  assert.is(add.lhs, block.arg(0));
  assert.is(add.rhs, block.arg(1));
  assert.is(add.name, "test.add");
  assert.ok(add instanceof Add);
  assert.ok(add instanceof Operation);
  assert.ok(add.hasTrait(Pure));
  assert.is(block.last, add);
  assert.is(block.arg(0).numUses, 1);
});

test("segment sizes split variadic groups", () => {
  const block = new Block([i32, f32, i32]);
  const op = Pack.build({ xs: [block.arg(0)], ys: [block.arg(1), block.arg(2)] });
  assert.equal(op.xs, [block.arg(0)]);
  assert.equal(op.ys, [block.arg(1), block.arg(2)]);
  assert.ok(op.attr("operand_segment_sizes") !== undefined);
});

test("build without an inferable result type throws with the op name", () => {
  const Cast = defineOp({ name: "test.cast", summary: "cast", operands: { x: AnyType }, results: { y: AnyType } });
  const block = new Block([i32]);
  assert.throws(() => Cast.build({ x: block.arg(0) }), /'test.cast': result type 'y' must be given/);
  assert.is(Cast.build({ x: block.arg(0), y: IntegerType.get(8) }).y.type, IntegerType.get(8));
});

test("accessor names that collide with Operation members are refused", () => {
  assert.throws(() => defineOp({ name: "test.bad", summary: "x", operands: { operands: variadic(AnyType) } }), /cannot name/);
});

test.run();
