/**
 * The arith dialect: typed builders and accessors for every op, result names, the fast-math attribute, the
 * predicates, the verifier's messages (MLIR 16's, read from mlir-opt-16), and the text format against
 * mlir-opt-16: custom and generic forms, both ways, for every op (test/golden/arith/ops.mlir) and the
 * diagnostics of test/golden/arith/invalid.mlir.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runOpt } from "../../cli/opt-driver.ts";
import * as A from "../../dialects/arith/index.ts";
import { createModule, moduleBody } from "../../dialects/builtin/index.ts";
import { newContext } from "../../rewrites/index.ts";
import { boolAttr, DenseElementsAttr, floatAttr, intAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import { Block, type Operation } from "../../src/ir/operation.ts";
import { Commutative, ConstantLike, Elementwise, Pure } from "../../src/ir/traits.ts";
import {
  bf16,
  f16,
  f32,
  f64,
  type FloatType,
  i1,
  i8,
  i16,
  i32,
  i64,
  index,
  type IndexType,
  IntegerType,
  memref,
  RankedTensorType,
  tensor,
  type Type,
  vector,
  type VectorType,
} from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { narrow } from "../../src/irdl/constraints.ts";
import { definitionOf } from "../../src/irdl/define-op.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { verifyInvariants } from "../../src/irdl/verify-op.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

/** A block with one argument per type, and a builder at its end. */
function setup(...types: Type[]): { b: Builder; args: Block["args"] } {
  const block = new Block(types);
  return { b: Builder.atEnd(block), args: block.args };
}
const arg = (args: Block["args"], i: number) => {
  const a = args[i];
  if (a === undefined) throw new Error(`no argument ${i}`);
  return a;
};

/** The first message the verifier gives `op` alone, without MLIR's `'name' op ` prefix (casts verify through CastOpInterface). */
function verifierMessage(op: Operation): string | undefined {
  const message = verifyInvariants(op)?.message;
  if (message === undefined) return undefined;
  const prefix = `'${op.name}' op `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** The message of the op's own verify hook (run after src/irdl's generic checks), without its `'arith.x' op ` prefix. */
function ownVerify(op: Operation): string | undefined {
  const d = definitionOf(op)?.behaviour.verify?.(op);
  if (d === undefined) return undefined;
  const prefix = `'${op.name}' op `;
  assert.ok(d.message.startsWith(prefix), `not worded as an op error: ${d.message}`);
  return d.message.slice(prefix.length);
}

test("the dialect lists every MLIR 16 arith op once", () => {
  const names = A.arith.ops.map((o) => o.info?.name);
  const expected = [
    "constant", "addi", "subi", "muli", "divui", "divsi", "ceildivui", "ceildivsi", "floordivsi", "remui", "remsi",
    "andi", "ori", "xori", "shli", "shrui", "shrsi", "maxsi", "maxui", "minsi", "minui", "addui_extended",
    "mulsi_extended", "mului_extended", "negf", "addf", "subf", "mulf", "divf", "remf", "maxf", "minf", "extui",
    "extsi", "extf", "trunci", "truncf", "uitofp", "sitofp", "fptoui", "fptosi", "index_cast", "index_castui",
    "bitcast", "cmpi", "cmpf", "select",
  ].map((m) => `arith.${m}`);
  assert.equal([...names].sort(), [...expected].sort());
  assert.is(new Set(names).size, names.length);
  assert.is(A.arith.name, "arith");
});

test("integer binary ops infer the result type and expose lhs/rhs", () => {
  const { b, args } = setup(i32, i32, vector([4], index), vector([4], index));
  const [x, y] = [arg(args, 0), arg(args, 1)];
  for (const Op of [A.AddIOp, A.SubIOp, A.MulIOp, A.DivUIOp, A.DivSIOp, A.CeilDivUIOp, A.CeilDivSIOp, A.FloorDivSIOp, A.RemUIOp, A.RemSIOp,
    A.AndIOp, A.OrIOp, A.XOrIOp, A.ShLIOp, A.ShRUIOp, A.ShRSIOp, A.MaxSIOp, A.MaxUIOp, A.MinSIOp, A.MinUIOp]) {
    const op = b.insert(Op.build({ lhs: narrow(x, A.SignlessIntegerLike), rhs: narrow(y, A.SignlessIntegerLike) }));
    assert.is(op.result.type, i32, Op.info.name);
    assert.is(op.lhs, x);
    assert.is(op.rhs, y);
    assert.ok(op.hasTrait(Elementwise));
  }
  const vx = narrow(arg(args, 2), A.SignlessIntegerLike);
  assert.is(b.create(A.AddIOp, { lhs: vx, rhs: vx }).result.type, vector([4], index));
});

test("traits follow MLIR 16: divisions are not Pure, commutative ops are marked", () => {
  for (const Op of [A.DivUIOp, A.DivSIOp, A.CeilDivUIOp, A.CeilDivSIOp]) assert.not.ok(Op.info.traits.has(Pure), Op.info.name);
  for (const Op of [A.AddIOp, A.FloorDivSIOp, A.RemSIOp, A.AddFOp, A.NegFOp, A.ExtSIOp, A.CmpIOp, A.SelectOp, A.ConstantOp]) {
    assert.ok(Op.info.traits.has(Pure), Op.info.name);
  }
  for (const Op of [A.AddIOp, A.MulIOp, A.AndIOp, A.OrIOp, A.XOrIOp, A.MaxSIOp, A.MinUIOp, A.AddFOp, A.MulFOp, A.MaxFOp, A.MinFOp, A.AddUIExtendedOp, A.MulSIExtendedOp]) {
    assert.ok(Op.info.traits.has(Commutative), Op.info.name);
  }
  for (const Op of [A.SubIOp, A.DivSIOp, A.ShLIOp, A.SubFOp, A.DivFOp, A.RemFOp]) assert.not.ok(Op.info.traits.has(Commutative), Op.info.name);
  assert.ok(A.ConstantOp.info.traits.has(ConstantLike));
});

test("extended ops have two results, named as MLIR prints them", () => {
  const { b, args } = setup(i32, tensor([4, -(2 ** 63)], i8));
  const x = narrow(arg(args, 0), A.SignlessIntegerLike);
  const add = b.create(A.AddUIExtendedOp, { lhs: x, rhs: x });
  assert.is(add.sum.type, i32);
  assert.is(add.overflow.type, i1);
  assert.equal(A.AddUIExtendedOp.info.resultNames?.(add), ["sum", "overflow"]);
  const t = narrow(arg(args, 1), A.SignlessIntegerLike);
  const addT = b.create(A.AddUIExtendedOp, { lhs: t, rhs: t });
  assert.is(addT.overflow.type, tensor([4, -(2 ** 63)], i1));
  for (const Op of [A.MulSIExtendedOp, A.MulUIExtendedOp]) {
    const mul = b.insert(Op.build({ lhs: x, rhs: x }));
    assert.is(mul.low.type, i32);
    assert.is(mul.high.type, i32);
    assert.equal(Op.info.resultNames?.(mul), ["low", "high"]);
  }
});

test("float ops take fastmath flags, reading as none when absent", () => {
  const { b, args } = setup(f32, f32);
  const [x, y] = [narrow(arg(args, 0), A.FloatLike), narrow(arg(args, 1), A.FloatLike)];
  for (const Op of [A.AddFOp, A.SubFOp, A.MulFOp, A.DivFOp, A.RemFOp, A.MaxFOp, A.MinFOp]) {
    const op = b.insert(Op.build({ lhs: x, rhs: y }));
    assert.is(op.result.type, f32);
    assert.is(op.fastmath, A.FastMathAttr.none());
  }
  const fast = b.create(A.AddFOp, { lhs: x, rhs: y, fastmath: A.FastMathAttr.fast() });
  assert.is(fast.fastmath, A.FastMathAttr.fast());
  const neg = b.create(A.NegFOp, { operand: x, fastmath: A.FastMathAttr.get(["nnan", "ninf"]) });
  assert.is(neg.result.type, f32);
  assert.equal(neg.fastmath.keywords, ["nnan", "ninf"]);
});

test("FastMathAttr: interned, and keywords as MLIR prints them", () => {
  assert.is(A.FastMathAttr.get(["nnan", "ninf"]), A.FastMathAttr.get(["ninf", "nnan"]));
  assert.equal(A.FastMathAttr.none().keywords, ["none"]);
  assert.equal(A.FastMathAttr.get(["fast", "nnan"]).keywords, ["fast"]);
  assert.equal(A.FastMathAttr.get(["afn", "nnan"]).keywords, ["nnan", "afn"]);
  assert.equal(
    A.FastMathAttr.get(["contract", "arcp", "nsz", "ninf", "nnan", "reassoc"]).keywords,
    ["reassoc", "nnan", "ninf", "nsz", "arcp", "contract"],
  );
  assert.ok(A.FastMathAttr.fast().has("afn"));
  assert.not.ok(A.FastMathAttr.get(["nnan"]).has("ninf"));
  assert.ok(A.FastMathAttrC.test(A.FastMathAttr.none()));
  assert.not.ok(A.FastMathAttrC.test(intAttr(i32, 1)));
});

test("casts take the result type and check their width rules", () => {
  const { b, args } = setup(i32, f32, index, vector([4], i16), memref([4], i32));
  const i = arg(args, 0);
  const f = arg(args, 1);
  const cases: [Parameters<typeof castOf>[0], Operation["operands"][number], Type, boolean][] = [
    [A.ExtSIOp, i, i64, true], [A.ExtSIOp, i, i8, false], [A.ExtSIOp, i, i32, false],
    [A.ExtUIOp, i, i64, true], [A.ExtUIOp, i, i16, false],
    [A.TruncIOp, i, i8, true], [A.TruncIOp, i, i64, false],
    [A.ExtFOp, f, f64, true], [A.ExtFOp, f, f16, false],
    [A.TruncFOp, f, f16, true], [A.TruncFOp, f, f64, false], [A.TruncFOp, f, bf16, true],
    [A.SIToFPOp, i, f16, true], [A.UIToFPOp, i, f64, true], [A.FPToSIOp, f, i8, true], [A.FPToUIOp, f, i64, true],
    [A.IndexCastOp, arg(args, 2), i32, true], [A.IndexCastOp, i, index, true], [A.IndexCastOp, i, i64, false],
    [A.IndexCastUIOp, arg(args, 2), i64, true], [A.IndexCastUIOp, arg(args, 2), index, false],
    [A.BitcastOp, i, f32, true], [A.BitcastOp, f, i32, true], [A.BitcastOp, i, f64, false], [A.BitcastOp, f, f32, true],
    [A.ExtSIOp, arg(args, 3), vector([4], i32), true], [A.ExtSIOp, arg(args, 3), vector([4], i8), false],
    [A.IndexCastOp, arg(args, 4), memref([4], index), true], [A.BitcastOp, arg(args, 4), memref([4], f32), true],
  ];
  for (const [Op, input, out, ok] of cases) {
    const op = castOf(Op, b, input, out);
    assert.is(op.getResult(0).type, out);
    assert.is(op.getOperand(0), input);
    const message = verifierMessage(op);
    const label = `${Op.info.name} ${input.type.kind} -> ${out.kind}`;
    if (ok) assert.is(message, undefined, label);
    else assert.match(message ?? "", /^operand type '.*' and result type '.*' are cast incompatible$/, label);
  }
});

type CastClass = typeof A.ExtSIOp | typeof A.ExtUIOp | typeof A.TruncIOp | typeof A.ExtFOp | typeof A.TruncFOp | typeof A.SIToFPOp |
  typeof A.UIToFPOp | typeof A.FPToSIOp | typeof A.FPToUIOp | typeof A.IndexCastOp | typeof A.IndexCastUIOp | typeof A.BitcastOp;
/** Builds any cast; the casts' `in`/`out` build arguments are typed per op, so this goes through the untyped path. */
function castOf(Op: CastClass, b: Builder, input: Operation["operands"][number], out: Type): Operation {
  const build = Op.build as unknown as (args: { in: unknown; out: Type }) => Operation;
  const op = build({ in: input, out });
  b.insert(op);
  return op;
}

test("cast messages match MLIR 16's wording", () => {
  const { b, args } = setup(i32);
  const op = castOf(A.ExtSIOp, b, arg(args, 0), i8);
  assert.is(verifierMessage(op), "operand type 'i32' and result type 'i8' are cast incompatible");
  assert.is(op.name, "arith.extsi");
});

test("cmpi / cmpf: predicates as i64 attributes, i1 results of the operands' shape", () => {
  const { b, args } = setup(i32, vector([4], f32), tensor([-(2 ** 63)], i64), vector([], i32));
  const x = narrow(arg(args, 0), A.SignlessIntegerLikeOfAnyRank);
  const lt = b.create(A.CmpIOp, { predicate: A.cmpiPredicate("slt"), lhs: x, rhs: x });
  assert.is(lt.result.type, i1);
  assert.is(lt.predicate, IntegerAttr.get(i64, 2));
  assert.is(A.cmpiPredicateName(lt.predicate), "slt");
  const v = narrow(arg(args, 1), A.FloatLike);
  const eq = b.create(A.CmpFOp, { predicate: A.cmpfPredicate("oeq"), lhs: v, rhs: v });
  assert.is(eq.result.type, vector([4], i1));
  assert.is(eq.predicate.value, 1n);
  assert.is(A.cmpfPredicateName(A.cmpfPredicate("true")), "true");
  assert.is(A.cmpfPredicate("uno").value, 14n);
  const t = narrow(arg(args, 2), A.SignlessIntegerLikeOfAnyRank);
  assert.is(b.create(A.CmpIOp, { predicate: A.cmpiPredicate("uge"), lhs: t, rhs: t }).result.type, tensor([-(2 ** 63)], i1));
  // 0-d vectors are fine for cmpi (MLIR's ...OfAnyRank), not for addi.
  const zeroD = arg(args, 3);
  assert.ok(A.SignlessIntegerLikeOfAnyRank.test(zeroD.type));
  assert.not.ok(A.SignlessIntegerLike.test(zeroD.type));
  assert.is(verifyInvariants(lt), undefined);
  assert.is(verifyInvariants(eq), undefined);
});

test("predicate constraints: only i64 values in range pass", () => {
  assert.ok(A.CmpIPredicateAttr.test(IntegerAttr.get(i64, 9)));
  assert.not.ok(A.CmpIPredicateAttr.test(IntegerAttr.get(i64, 10)));
  assert.not.ok(A.CmpIPredicateAttr.test(IntegerAttr.get(i32, 2)));
  assert.ok(A.CmpFPredicateAttr.test(IntegerAttr.get(i64, 15)));
  assert.is(A.CmpIPredicateAttr.description, "allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9");
});

test("select: scalar or per-element condition; the result type is the values' type", () => {
  const { b, args } = setup(i1, i32, vector([4], i1), vector([4], f32), tensor([-(2 ** 63)], i1), tensor([4], i32));
  const c = narrow(arg(args, 0), A.BoolLike);
  const s = b.create(A.SelectOp, { condition: c, true_value: arg(args, 1), false_value: arg(args, 1) });
  assert.is(s.result.type, i32);
  assert.is(s.condition, c);
  assert.is(ownVerify(s), undefined);
  const vc = narrow(arg(args, 2), A.BoolLike);
  const v = b.create(A.SelectOp, { condition: vc, true_value: arg(args, 3), false_value: arg(args, 3) });
  assert.is(v.result.type, vector([4], f32));
  assert.is(ownVerify(v), undefined);
  const whole = b.create(A.SelectOp, { condition: c, true_value: arg(args, 3), false_value: arg(args, 3) });
  assert.is(ownVerify(whole), undefined);
  const bad = b.create(A.SelectOp, { condition: narrow(arg(args, 4), A.BoolLike), true_value: arg(args, 5), false_value: arg(args, 5) });
  assert.is(
    ownVerify(bad),
    "expected condition type to have the same shape as the result type, expected 'tensor<4xi1>', but got 'tensor<?xi1>'",
  );
  const scalarResult = b.create(A.SelectOp, { condition: vc, true_value: arg(args, 1), false_value: arg(args, 1) });
  assert.is(ownVerify(scalarResult), "expected condition to be a signless i1, but got 'vector<4xi1>'");
});

test("constant: the result type comes from the value", () => {
  const block = new Block();
  const b = Builder.atEnd(block);
  const c42 = b.create(A.ConstantOp, { value: intAttr(i32, 42) });
  assert.is(c42.result.type, i32);
  assert.is(c42.value, intAttr(i32, 42));
  const dense = DenseElementsAttr.splat(tensor([4], f32), 1);
  assert.is(b.create(A.ConstantOp, { value: dense }).result.type, tensor([4], f32));
  assert.is(b.create(A.ConstantOp, { value: boolAttr(true) }).result.type, i1);
  assert.is(ownVerify(c42), undefined);
  const mismatch = A.ConstantOp.build({ value: intAttr(i32, 1), result: i64 });
  assert.is(ownVerify(mismatch), "failed to verify that all of {value, result} have same type");
  const unsigned = IntegerType.get(32, "unsigned");
  assert.is(ownVerify(A.ConstantOp.build({ value: intAttr(unsigned, 1) })), "integer return type must be signless");
});

test("a constant's result is typed by its value: ConstantOp.build and create are generic over the attribute", () => {
  const b = Builder.atEnd(new Block());
  const f: Value<FloatType> = b.create(A.ConstantOp, { value: floatAttr(f32, 1.5) }).result;
  const n: Value<IntegerType | IndexType> = A.ConstantOp.build({ value: intAttr(i32, 1) }).result;
  const d: Value<RankedTensorType | VectorType> = b.create(A.ConstantOp, { value: DenseElementsAttr.splat(tensor([4], f32), 1) }).result;
  // @ts-expect-error an integer constant's result is not a float value
  const wrong: Value<FloatType> = A.ConstantOp.build({ value: intAttr(i32, 1) }).result;
  // @ts-expect-error nor is one made with create
  const wrongToo: Value<FloatType> = b.create(A.ConstantOp, { value: intAttr(i32, 1) }).result;
  assert.equal([f.type, n.type, d.type, wrong.type, wrongToo.type], [f32, i32, tensor([4], f32), i32, i32]);
});

test("constant result names follow MLIR 16 (%c0, %c42_i32, %c-1_i64, %true, %cst)", () => {
  const name = (value: Parameters<typeof A.ConstantOp.build>[0]["value"]): string | undefined =>
    A.ConstantOp.info.resultNames?.(A.ConstantOp.build({ value }))[0];
  assert.is(name(intAttr(index, 0)), "c0");
  assert.is(name(intAttr(index, -2)), "c-2");
  assert.is(name(intAttr(i32, 42)), "c42_i32");
  assert.is(name(intAttr(i64, -1)), "c-1_i64");
  assert.is(name(intAttr(i8, 255)), "c-1_i8");
  assert.is(name(intAttr(IntegerType.get(0), 0)), "c0_i0");
  assert.is(name(intAttr(i64, -(2n ** 63n))), "c-9223372036854775808_i64");
  assert.is(name(boolAttr(true)), "true");
  assert.is(name(boolAttr(false)), "false");
  assert.is(name(floatAttr(f32, 1.5)), "cst");
  assert.is(name(DenseElementsAttr.splat(RankedTensorType.get([2], i32), 1)), "cst");
});

/** Builds an op from untyped arguments: for invalid ops the typed builders rightly refuse. */
function buildUntyped(Op: { build(args: never): Operation }, args: Record<string, unknown>): Operation {
  return (Op.build as unknown as (a: Record<string, unknown>) => Operation)(args);
}

test("the verifier reports MLIR 16's messages for invalid arith ops", () => {
  const block = new Block([f32, f64, i32, vector([4], i32), vector([], i32), i1, tensor([-(2 ** 63)], i1), tensor([4], i32), vector([4], i1)]);
  const [f, d, i, v4, v0, c, tc, t4, vc] = block.args;
  const cases: [Operation, string][] = [
    [buildUntyped(A.AddIOp, { lhs: f, rhs: f }), "'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'"],
    [buildUntyped(A.AddIOp, { lhs: v0, rhs: v0 }), "'arith.addi' op operand #0 must be signless-integer-like, but got 'vector<i32>'"],
    [buildUntyped(A.AddFOp, { lhs: f, rhs: d, result: f32 }), "'arith.addf' op requires the same type for all operands and results"],
    [buildUntyped(A.ExtSIOp, { in: i, out: i8 }), "'arith.extsi' op operand type 'i32' and result type 'i8' are cast incompatible"],
    [buildUntyped(A.ExtSIOp, { in: i, out: index }), "'arith.extsi' op result #0 must be signless-fixed-width-integer-like, but got 'index'"],
    [buildUntyped(A.ExtSIOp, { in: v4, out: vector([2], i64) }), "'arith.extsi' op requires the same shape for all operands and results"],
    [buildUntyped(A.BitcastOp, { in: i, out: f64 }), "'arith.bitcast' op operand type 'i32' and result type 'f64' are cast incompatible"],
    [buildUntyped(A.IndexCastOp, { in: f, out: index }), "'arith.index_cast' op operand #0 must be signless-integer-like or memref of signless-integer, but got 'f32'"],
    [buildUntyped(A.CmpIOp, { predicate: IntegerAttr.get(i64, 42), lhs: i, rhs: i }), "'arith.cmpi' op attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9"],
    [buildUntyped(A.CmpIOp, { predicate: A.cmpiPredicate("eq"), lhs: v4, rhs: v4, result: vector([2], i1) }), "'arith.cmpi' op failed to verify that result type has i1 element type and same shape as operands"],
    [buildUntyped(A.AddFOp, { lhs: f, rhs: f, fastmath: intAttr(i32, 1) }), "'arith.addf' op attribute 'fastmath' failed to satisfy constraint: Floating point fast math flags"],
    [buildUntyped(A.AddUIExtendedOp, { lhs: i, rhs: i, sum: i32, overflow: i32 }), "'arith.addui_extended' op result #1 must be bool-like, but got 'i32'"],
    [buildUntyped(A.SelectOp, { condition: i, true_value: i, false_value: i }), "'arith.select' op operand #0 must be bool-like, but got 'i32'"],
    [buildUntyped(A.SelectOp, { condition: c, true_value: v4, false_value: i, result: vector([4], i32) }), "'arith.select' op failed to verify that all of {true_value, false_value, result} have same type"],
    [buildUntyped(A.SelectOp, { condition: tc, true_value: t4, false_value: t4 }), "'arith.select' op expected condition type to have the same shape as the result type, expected 'tensor<4xi1>', but got 'tensor<?xi1>'"],
    [buildUntyped(A.SelectOp, { condition: vc, true_value: i, false_value: i }), "'arith.select' op if an operand is non-scalar, then there must be at least one non-scalar result"],
    [buildUntyped(A.ConstantOp, { value: intAttr(i32, 1), result: i64 }), "'arith.constant' op failed to verify that all of {value, result} have same type"],
    [buildUntyped(A.ConstantOp, { value: intAttr(IntegerType.get(32, "unsigned"), 1) }), "'arith.constant' op integer return type must be signless"],
  ];
  for (const [op, message] of cases) assert.is(verifyInvariants(op)?.message, message);
  // And valid ones pass.
  assert.is(verifyInvariants(buildUntyped(A.ExtSIOp, { in: v0, out: vector([], i64) })), undefined);
  assert.is(verifyInvariants(buildUntyped(A.SelectOp, { condition: c, true_value: v4, false_value: v4 })), undefined);
});

/** mlir-opt-16 on `text` (with extra flags); its output, lines stripped of trailing whitespace. */
function mlirOpt(text: string, ...flags: string[]): string {
  const out = execFileSync("mlir-opt-16", [...flags, "-"], { input: text, encoding: "utf8" });
  return normalise(out);
}
const normalise = (text: string): string => text.split("\\n").map((l) => l.trimEnd()).join("\\n").trimEnd();

test("built ops print exactly as mlir-opt-16 prints the same IR", () => {
  const m = createModule();
  const b = Builder.atEnd(moduleBody(m));
  const c42 = b.create(A.ConstantOp, { value: intAttr(i32, 42) }).result;
  b.create(A.ConstantOp, { value: intAttr(index, 0) });
  const t = b.create(A.ConstantOp, { value: boolAttr(true) }).result;
  const cst = b.create(A.ConstantOp, { value: floatAttr(f32, 1.5) }).result;
  const x = narrow(c42, A.SignlessIntegerLike);
  const y = narrow(cst, A.FloatLike);
  b.create(A.MulIOp, { lhs: x, rhs: x });
  b.create(A.AddUIExtendedOp, { lhs: x, rhs: x });
  b.create(A.MulSIExtendedOp, { lhs: x, rhs: x });
  b.create(A.AddFOp, { lhs: y, rhs: y, fastmath: A.FastMathAttr.get(["afn", "nnan"]) });
  b.create(A.SubFOp, { lhs: y, rhs: y });
  b.create(A.NegFOp, { operand: y, fastmath: A.FastMathAttr.fast() });
  b.create(A.CmpIOp, { predicate: A.cmpiPredicate("ult"), lhs: x, rhs: x });
  b.create(A.CmpFOp, { predicate: A.cmpfPredicate("une"), lhs: y, rhs: y });
  b.create(A.SelectOp, { condition: narrow(t, A.BoolLike), true_value: c42, false_value: c42 });
  castOf(A.ExtSIOp, b, c42, i64);
  castOf(A.BitcastOp, b, c42, f32);
  const ctx = newContext();
  const custom = normalise(printOp(m, { ctx }));
  assert.is(custom, mlirOpt(custom));
  assert.ok(custom.includes("%sum, %overflow = arith.addui_extended %c42_i32, %c42_i32 : i32, i1"), custom);
  assert.ok(custom.includes("arith.addf %cst, %cst fastmath<nnan,afn> : f32"), custom);
  // The generic form, too: the builders store `fastmath = none` as MLIR's do.
  assert.is(normalise(printOp(m, { ctx, generic: true })), mlirOpt(custom, "--mlir-print-op-generic"));
});

/** Parses and verifies `text` with Tensile; the module, or a failure with the diagnostics. */
function parseVerified(text: string): Operation {
  const parsed = parseSource(text, newContext());
  if (E.isLeft(parsed)) throw new Error(`parse failed: ${parsed.left.message}`);
  const verified = verify(parsed.right);
  if (E.isLeft(verified)) throw new Error(`verify failed: ${verified.left.map((d) => d.message).join("; ")}`);
  return parsed.right;
}

/**
 * The round trips the text format must pass against mlir-opt-16: Tensile prints the custom form exactly as
 * mlir-opt-16 does, and the generic form too; and mlir-opt-16's generic output parses back with Tensile to the
 * same custom and generic text.
 */
function assertRoundTrips(text: string): void {
  const ctx = newContext();
  const custom = mlirOpt(text);
  const generic = mlirOpt(text, "--mlir-print-op-generic");
  for (const [label, input] of [["custom input", text], ["mlir-opt-16 generic output", generic]] as const) {
    const m = parseVerified(input);
    assert.fixture(normalise(printOp(m, { ctx })), custom, `${label}: custom form`);
    assert.fixture(normalise(printOp(m, { ctx, generic: true })), generic, `${label}: generic form`);
  }
}

const goldenDir = new URL("../golden/arith/", import.meta.url);

test("every arith op round-trips in custom and generic form, as mlir-opt-16 prints it", () => {
  const text = readFileSync(new URL("ops.mlir", goldenDir), "utf8");
  for (const op of A.arith.ops) assert.ok(text.includes(`${op.info?.name} `), `ops.mlir uses ${op.info?.name}`);
  assertRoundTrips(text);
});

test("custom-syntax corner cases parse and print as in MLIR 16", () => {
  assertRoundTrips(`func.func @f(%a: f32, %b: f32, %c: i1, %i: i32) {
  %0 = arith.addf %a, %b fastmath<fast,nnan> : f32
  %1 = arith.addf %a, %b fastmath<nnan, ninf> : f32
  %2 = arith.addf %a, %b {fastmath = #arith.fastmath<afn>, foo = 1} : f32
  %3 = arith.cmpf "oeq", %a, %b : f32
  %4 = arith.cmpi "sle", %i, %i : i32
  %5 = arith.select %c, %i, %i : i1, i32
  %6 = "arith.addf"(%a, %b) {fastmath = #arith.fastmath<contract>} : (f32, f32) -> f32
  %7 = "arith.cmpi"(%i, %i) {predicate = 9 : i64} : (i32, i32) -> i1
  %8:2 = "arith.mulsi_extended"(%i, %i) : (i32, i32) -> (i32, i32)
  %9 = arith.constant {foo} 1 : i32
  %10 = "arith.negf"(%a) {fastmath = #arith.fastmath<none>} : (f32) -> f32
  return
}
`);
});

test("the custom form's own parse errors, worded as MLIR 16's", () => {
  const parseError = (body: string): string => {
    const r = parseSource(`func.func @f(%a: f32, %i: i32) {\n  ${body}\n  return\n}\n`, newContext());
    assert.ok(E.isLeft(r), body);
    return E.isLeft(r) ? r.left.message : "";
  };
  assert.match(
    parseError("%0 = arith.addf %a, %a fastmath<bogus> : f32"),
    "expected ::mlir::arith::FastMathFlags to be one of: none, reassoc, nnan, ninf, nsz, arcp, contract, afn, fast",
  );
  assert.match(
    parseError("%0 = arith.cmpi foo, %i, %i : i32"),
    "expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]",
  );
  assert.match(parseError("%0 = arith.constant unit"), "invalid kind of attribute specified");
});

test("invalid arith IR gives MLIR 16's diagnostics (invalid.mlir under --verify-diagnostics)", () => {
  const file = new URL("invalid.mlir", goldenDir);
  const text = readFileSync(file, "utf8");
  const opts = { generic: false, debugInfo: false, splitInputFile: true, verifyDiagnostics: true, allowUnregisteredDialect: false };
  const ok = runOpt(text, "invalid.mlir", () => newContext(), opts);
  assert.is(ok.stderr, "");
  assert.is(ok.exitCode, 0);
  assert.ok((text.match(/expected-error/g) ?? []).length >= 20);
  // A changed expectation must fail: the check is real.
  const broken = runOpt(text.replace("are cast incompatible}}", "are cast compatible}}"), "invalid.mlir", () => newContext(), opts);
  assert.is.not(broken.exitCode, 0);
  // And mlir-opt-16 agrees with every expectation in the file.
  execFileSync("mlir-opt-16", ["--split-input-file", "--verify-diagnostics", "-"], { input: text, encoding: "utf8" });
});

test.run();
