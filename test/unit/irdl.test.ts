import * as E from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { type Attribute, IntegerAttr } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import { Context } from "../../src/ir/context.ts";
import { Block, Operation } from "../../src/ir/operation.ts";
import { Pure, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { f32, i32, i64, IntegerType } from "../../src/ir/types.ts";
import { SignlessIntegerLike, AnyType, I64Attr } from "../../src/irdl/constraints.ts";
import { defineOp, populateDefaultAttrs } from "../../src/irdl/define-op.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { defaultAttr, variadic } from "../../src/irdl/spec.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

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

// ---- default-valued attributes and one type per operand ----------------------------------------------------

const one = (): IntegerAttr => IntegerAttr.get(i64, 1n);
const Scale = defineOp({
  name: "test.scale",
  summary: "a variadic group with its types spelled, and a default-valued attribute",
  operands: { values: variadic(AnyType) },
  attributes: { factor: defaultAttr(I64Attr, one) },
  format: "$values attr-dict `:` type($values)",
});
const testDialect = defineDialect({ name: "test", ops: [Scale] });

/** The ops `text` parses to (after the unregistered producers), or the first line of the diagnostic. */
function parseOps(text: string): Operation[] | string {
  const ctx = new Context([testDialect], { allowUnregisteredDialects: true });
  const r = parseSource(`%a = "x.def"() : () -> i32\n%b = "x.def"() : () -> i32\n${text}`, ctx, { file: "t.mlir" });
  if (E.isLeft(r)) return renderDiagnostic(r.left).split("\n")[0] as string;
  return r.right.getRegion(0).block.operations.slice(2);
}

test("parsed ops store their default-valued attributes, generic and custom form alike, as built ones do", () => {
  const ops = parseOps('"test.scale"(%a) : (i32) -> ()\ntest.scale %a, %b : i32, i32\n"test.scale"(%a) {factor = 3} : (i32) -> ()\n');
  assert.ok(Array.isArray(ops), String(ops));
  const [generic, custom, given] = ops as [Operation, Operation, Operation];
  assert.is(generic.attr("factor"), one());
  assert.is(custom.attr("factor"), one());
  assert.is(given.attr("factor"), IntegerAttr.get(i64, 3n));
  assert.match(printOp(generic, { generic: true }), '{factor = 1 : i64}');
  assert.is(Scale.build({ values: [] }).attr("factor"), one());
  const attrs = new Map<string, Attribute>();
  populateDefaultAttrs(Scale.info, attrs);
  assert.equal([...attrs], [["factor", one()]]);
  populateDefaultAttrs(undefined, attrs);
  assert.is(attrs.size, 1);
});

test("`type($group)` of a variadic group needs one type per operand, as in MLIR", () => {
  assert.is((parseOps("test.scale %a, %b : i32, i32\n") as Operation[])[0]?.operands.length, 2);
  assert.is(parseOps("test.scale %a, %b : i32\n"), "t.mlir:3:12: error: custom op 'test.scale' 2 operands present, but expected 1");
  assert.is(parseOps("test.scale %a : i32, i32\n"), "t.mlir:3:12: error: custom op 'test.scale' 1 operands present, but expected 2");
});

test("names in allTypesMatch and typesMatchWith must be the op's own operands and results (tsc, then definition)", () => {
  const spec = { summary: "names its groups", operands: { lhs: AnyType, rhs: AnyType }, results: { result: AnyType } } as const;
  const Good = defineOp({ name: "test.named", ...spec, allTypesMatch: [["lhs", "rhs", "result"]] });
  assert.is(Good.info.spec.allTypesMatch?.[0]?.length, 3);
  // A misspelled name is a type error; a spec that gets past the types (here, by the expect-error) is refused
  // when the op is defined.
  const misspelled = () =>
    // @ts-expect-error 'reslt' is not an operand or result of test.typo
    defineOp({ name: "test.typo", ...spec, allTypesMatch: [["lhs", "reslt"]] });
  assert.throws(misspelled, /^'test\.typo': 'reslt' names no operand or result of the op$/);
  const wrongWith = () =>
    defineOp({
      name: "test.typo2",
      ...spec,
      // @ts-expect-error 'output' is not an operand or result of test.typo2
      typesMatchWith: [{ from: "lhs", to: "output", transform: (t) => t, summary: "output has lhs's type" }],
    });
  assert.throws(wrongWith, /'output' names no operand or result/);
});

test.run();
