/**
 * The verifier: per-op spec rules, trait rules, structure and dominance, with MLIR 16's messages. Most cases
 * build IR by hand with small test ops, so each isolates one rule (including what text cannot express:
 * detached values, successors in other regions, contexts); the last suite reads MLIR text with the real
 * dialects and checks the first diagnostic against mlir-opt-16 itself.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type Diagnostic, note } from "../../src/diag/diagnostic.ts";
import { ArrayAttr, type Attribute, DenseArrayAttr, DictionaryAttr, FloatAttr, IntegerAttr, StringAttr, TypeAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import { Context } from "../../src/ir/context.ts";
import { fileLineCol, fileLoc, type Location } from "../../src/ir/location.ts";
import { Block, Operation, Region, type Trait } from "../../src/ir/operation.ts";
import {
  ConstantLike,
  Elementwise,
  GraphRegion,
  HasParent,
  IsolatedFromAbove,
  NoTerminator,
  Pure,
  SameOperandsAndResultShape,
  SameOperandsAndResultType,
  SameOperandsType,
  SingleBlock,
  Symbol,
  SymbolTable,
  Terminator,
} from "../../src/ir/traits.ts";
import { f32, fn, i1, i32, i64, IntegerType, tensor, type Type, UnrankedTensorType, vector, DYNAMIC } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import {
  AnyIntegerAttr,
  AnyType,
  Bool,
  narrow,
  SignlessIntegerLike,
  StrAttr,
  SymbolNameAttr,
} from "../../src/irdl/constraints.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { optional, optionalAttr, region, successor, variadic, variadicRegion } from "../../src/irdl/spec.ts";
import { DominanceInfo, verify, verifyOp, type VerifyOptions } from "../../src/irdl/verifier.ts";
import { parseSource } from "../../src/text/parser.ts";
import { splitInputFile } from "../../src/text/split-input.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { traitVerifier } from "../../src/irdl/trait-verifiers.ts";
import { FunctionOpInterface } from "../../src/interfaces/function.ts";
import { functionOpAttributes } from "../../src/interfaces/function-format.ts";
import { newContext } from "../../rewrites/index.ts";

// ---- test ops ----------------------------------------------------------------------------------------------

const Func = defineOp(
  {
    name: "test.func",
    summary: "a function",
    attributes: functionOpAttributes,
    regions: { body: region() },
    traits: [Symbol, IsolatedFromAbove],
  },
  { interfaces: [implement(FunctionOpInterface, {})] },
);
const Module = defineOp({
  name: "test.module",
  summary: "a symbol table in a graph region",
  attributes: { sym_name: optionalAttr(SymbolNameAttr) },
  regions: { body: region({ maxBlocks: 1 }) },
  traits: [IsolatedFromAbove, NoTerminator, SymbolTable, SingleBlock, GraphRegion],
});
const Return = defineOp({
  name: "test.return",
  summary: "returns from test.func",
  operands: { values: variadic(AnyType) },
  traits: [Terminator, HasParent("test.func")],
});
const Br = defineOp({
  name: "test.br",
  summary: "branch",
  operands: { args: variadic(AnyType) },
  successors: { dest: successor() },
  traits: [Terminator],
});
const CondBr = defineOp({
  name: "test.cond_br",
  summary: "conditional branch",
  operands: { cond: Bool, trueArgs: variadic(AnyType), falseArgs: variadic(AnyType) },
  successors: { trueDest: successor(), falseDest: successor() },
  traits: [Terminator],
});
const AddIOp = defineOp({
  name: "test.addi",
  summary: "integer addition",
  operands: { lhs: SignlessIntegerLike, rhs: SignlessIntegerLike },
  results: { result: SignlessIntegerLike },
  traits: [Pure, SameOperandsAndResultType, Elementwise],
});
const ConstantOp = defineOp({
  name: "test.constant",
  summary: "an integer constant",
  attributes: { value: AnyIntegerAttr },
  results: { result: AnyType },
  traits: [ConstantLike, Pure],
});
/** An op with one SSA region (no traits): its blocks need terminators and dominance applies. */
const Scope = defineOp({ name: "test.scope", summary: "a region", results: { out: variadic(AnyType) }, regions: { body: region() } });
const Yield = defineOp({
  name: "test.yield",
  summary: "ends a test.scope or test.graph block",
  operands: { values: variadic(AnyType) },
  traits: [Terminator, HasParent("test.scope", "test.graph")],
});
const Graph = defineOp({ name: "test.graph", summary: "a graph region", regions: { body: region() }, traits: [GraphRegion, NoTerminator] });

const testDialect = defineDialect({ name: "test", ops: [Func, Module, Return, Br, CondBr, AddIOp, ConstantOp, Scope, Yield, Graph] });

// ---- helpers -----------------------------------------------------------------------------------------------

const loc = (line: number, col = 1): Location => fileLoc("t.mlir", line, col);
const c32 = (b: Builder, v: number): Value => b.create(ConstantOp, { value: IntegerAttr.get(i32, v), result: i32 }).result;
/** A `test.addi` of two values (block arguments and constants are typed `Value<Type>`; narrow checks they are integers). */
const add = (b: Builder, lhs: Value, rhs: Value): InstanceType<typeof AddIOp> =>
  b.create(AddIOp, { lhs: narrow(lhs, SignlessIntegerLike), rhs: narrow(rhs, SignlessIntegerLike) });

/** A `test.func` whose entry block (with `inputs` as arguments) `body` fills. */
function func(name: string, inputs: readonly Type[], body: (b: Builder, entry: Block, region: Region) => void): Operation {
  const f = Func.build({ sym_name: StringAttr.get(name), function_type: TypeAttr.get(fn(inputs, [])) as never, body: new Region() });
  const b = new Builder();
  const entry = b.createBlock(f.body, inputs);
  body(b, entry, f.body);
  return f;
}

function moduleOf(...ops: Operation[]): Operation {
  const m = Module.build({ body: new Region([new Block()]) });
  for (const op of ops) m.body.block.append(op);
  return m;
}

const diagnostics = (root: Operation, opts: VerifyOptions = {}): Diagnostic[] => {
  const r = verify(root, opts);
  return isLeft(r) ? r.left : [];
};
const messages = (root: Operation, opts: VerifyOptions = {}): string[] => diagnostics(root, opts).map((d) => d.message);
const firstMessage = (root: Operation): string | undefined => messages(root)[0];

/** An op of `def`'s name, built generically (as the parser builds ops read in generic form). */
function generic(def: { new (init: ConstructorParameters<typeof Operation>[0]): Operation }, init: ConstructorParameters<typeof Operation>[0]): Operation {
  return new def(init);
}

/** A `test.func` with arguments of `types`, holding the ops `make` builds from them, then a return. */
function funcWith(types: readonly Type[], make: (args: readonly Value[]) => Operation[]): Operation {
  return func("f", types, (b, entry) => {
    for (const op of make(entry.args)) b.insert(op);
    b.create(Return, {});
  });
}
/** A `test.func` holding `ops` (which use no values), then a return. */
const inFunc = (...ops: Operation[]): Operation => funcWith([], () => ops);

const bool = (v: Value): Value<IntegerType> => narrow(v, Bool);

// ---- valid IR ----------------------------------------------------------------------------------------------

const valid = suite("valid IR");
valid("a module with a function with a loop verifies", () => {
  const f = func("loop", [i32, i1], (b, entry, body) => {
    const header = new Block([i32]);
    const exit = new Block();
    body.push(header);
    body.push(exit);
    b.create(Br, { args: [entry.arg(0)], dest: header });
    b.setInsertionPointToEnd(header);
    const next = add(b, header.arg(0), c32(b, 1)).result;
    b.create(CondBr, { cond: bool(entry.arg(1)), trueArgs: [], falseArgs: [], trueDest: exit, falseDest: exit });
    void next;
    b.setInsertionPointToEnd(exit);
    b.create(Return, {});
  });
  const m = moduleOf(f);
  assert.equal(messages(m), []);
  assert.ok(!isLeft(verify(m, { ctx: new Context([testDialect]) })));
});
valid("an unregistered op may end a block and hold anything", () => {
  const f = func("f", [], (b) => {
    b.insert(new Operation({ name: "other.thing", regions: 1 }));
  });
  assert.equal(messages(moduleOf(f)), []);
});
valid.run();

// ---- counts ------------------------------------------------------------------------------------------------

const counts = suite("operand, result, region and successor counts");
counts("operands: fixed, single, none, at least", () => {
  const withX = (make: (x: Value) => Operation): Operation => funcWith([i32], ([x]) => [make(x!)]);
  assert.is(firstMessage(withX((x) => generic(AddIOp, { operands: [x, x, x], resultTypes: [i32] }))), "'test.addi' op expected 2 operands, but found 3");
  const One = defineOp({ name: "test.one", summary: "one operand", operands: { x: AnyType } });
  assert.is(firstMessage(inFunc(generic(One, {}))), "'test.one' op requires a single operand");
  const value = IntegerAttr.get(i32, 0);
  assert.is(firstMessage(withX((x) => generic(ConstantOp, { operands: [x], resultTypes: [i32], attributes: { value } }))), "'test.constant' op requires zero operands");
  const Some = defineOp({ name: "test.some", summary: "1+ operands", operands: { x: AnyType, rest: variadic(AnyType) } });
  assert.is(firstMessage(inFunc(generic(Some, {}))), "'test.some' op expected 1 or more operands, but found 0");
});
counts("results come before operands; regions before results", () => {
  assert.is(firstMessage(inFunc(generic(AddIOp, {}))), "'test.addi' op requires one result");
  assert.is(firstMessage(inFunc(generic(Return, { resultTypes: [i32] }))), "'test.return' op requires zero results");
  const Two = defineOp({ name: "test.two", summary: "two results", results: { a: AnyType, b: AnyType } });
  assert.is(firstMessage(inFunc(generic(Two, { resultTypes: [i32] }))), "'test.two' op expected 2 results");
  assert.is(firstMessage(inFunc(generic(Return, { regions: 1, resultTypes: [i32] }))), "'test.return' op requires zero regions");
  const f = Func.build({ sym_name: StringAttr.get("f"), function_type: TypeAttr.get(fn([], [])) as never });
  const noRegion = generic(Func, { attributes: f.attributes });
  assert.is(firstMessage(noRegion), "'test.func' op requires one region");
  const Many = defineOp({ name: "test.many", summary: "2+ regions", regions: { a: region(), b: region(), rest: variadicRegion() } });
  assert.is(firstMessage(inFunc(generic(Many, { regions: 1 }))), "'test.many' op expected 2 or more regions");
});
counts("successors: count, then the successor's region", () => {
  const f = func("f", [], (b, _entry, body) => {
    const next = body.push(new Block());
    b.insert(generic(Br, { successors: [next, next] }));
    b.setInsertionPointToEnd(next);
    b.create(Return, {});
  });
  assert.is(firstMessage(f), "'test.br' op requires 1 successor but found 2");
  const g = func("g", [], (b, _entry, body) => {
    const next = body.push(new Block());
    b.insert(generic(Return, { successors: [next] }));
    b.setInsertionPointToEnd(next);
    b.create(Return, {});
  });
  assert.is(firstMessage(g), "'test.return' op requires 0 successors but found 1");
  const elsewhere = new Region([new Block()]);
  const h = func("h", [], (b) => {
    b.create(Br, { dest: elsewhere.entry! });
  });
  assert.is(firstMessage(h), "reference to block defined in another region");
});
counts.run();

// ---- spec constraints --------------------------------------------------------------------------------------

const spec = suite("spec constraints");
spec("operand and result constraints name the index and the type", () => {
  const add = (resultType: Type): Operation => funcWith([i32, f32], ([y, x]) => [generic(AddIOp, { operands: [y!, x!], resultTypes: [resultType] })]);
  assert.is(firstMessage(add(i32)), "'test.addi' op operand #1 must be signless-integer-like, but got 'f32'");
  const sameOperands = funcWith([i32], ([y]) => [generic(AddIOp, { operands: [y!, y!], resultTypes: [tensor([4, DYNAMIC], f32)] })]);
  assert.is(firstMessage(sameOperands), "'test.addi' op result #0 must be signless-integer-like, but got 'tensor<4x?xf32>'");
});
spec("required attributes are looked for in name order, then every constraint", () => {
  const Attrs = defineOp({ name: "test.attrs", summary: "attributes", attributes: { zeta: AnyIntegerAttr, alpha: AnyIntegerAttr, opt: optionalAttr(StrAttr) } });
  const one = IntegerAttr.get(i32, 1);
  assert.is(firstMessage(inFunc(generic(Attrs, {}))), "'test.attrs' op requires attribute 'alpha'");
  assert.is(firstMessage(inFunc(generic(Attrs, { attributes: { alpha: one } }))), "'test.attrs' op requires attribute 'zeta'");
  assert.is(
    firstMessage(inFunc(generic(Attrs, { attributes: { alpha: one, zeta: StringAttr.get("z") } }))),
    "'test.attrs' op attribute 'zeta' failed to satisfy constraint: integer attribute",
  );
  assert.is(
    firstMessage(inFunc(generic(Attrs, { attributes: { alpha: one, zeta: one, opt: one } }))),
    "'test.attrs' op attribute 'opt' failed to satisfy constraint: string attribute",
  );
  assert.equal(messages(inFunc(generic(Attrs, { attributes: { alpha: one, zeta: one, extra: UnitAttr.get() } }))), []);
});
spec("segment sizes: present, non-negative, summing to the count, one per group", () => {
  const f = (attrs: Record<string, Attribute>, nOperands = 1): string | undefined => {
    let message: string | undefined;
    func("f", [i1], (b, entry, body) => {
      const next = body.push(new Block());
      const operands = Array.from({ length: nOperands }, () => entry.arg(0));
      b.insert(generic(CondBr, { operands, successors: [next, next], attributes: attrs }));
      b.setInsertionPointToEnd(next);
      b.create(Return, {});
      message = firstMessage(body.parent!);
    });
    return message;
  };
  const seg = (...n: number[]): DenseArrayAttr => DenseArrayAttr.get(IntegerType.get(32), n);
  assert.is(f({}), "'test.cond_br' op requires dense i32 array attribute 'operand_segment_sizes'");
  assert.is(f({ operand_segment_sizes: DenseArrayAttr.get(i64, [1, 0, 0]) }), "'test.cond_br' op requires dense i32 array attribute 'operand_segment_sizes'");
  assert.is(f({ operand_segment_sizes: seg(1, -1, 1) }), "'test.cond_br' op 'operand_segment_sizes' attribute cannot have negative elements");
  assert.is(f({ operand_segment_sizes: seg(1, 1, 0) }), "'test.cond_br' op operand count (1) does not match with the total size (2) specified in attribute 'operand_segment_sizes'");
  assert.is(f({ operand_segment_sizes: seg(1, 0) }), "'test.cond_br' op 'operand_segment_sizes' attribute for specifying operand segments must have 3 elements, but got 2");
  assert.is(f({ operand_segment_sizes: seg(1, 0, 0) }), undefined);
  assert.is(f({ operand_segment_sizes: seg(0, 1, 0) }), undefined);
  assert.is(f({}, 0), "'test.cond_br' op expected 1 or more operands, but found 0");
});
spec("an optional group holds at most one value", () => {
  const Opt = defineOp({ name: "test.opt", summary: "optional operand", operands: { x: optional(AnyType) } });
  assert.is(firstMessage(funcWith([i32], ([x]) => [generic(Opt, { operands: [x!, x!] })])), "'test.opt' op operand group starting at #0 requires 0 or 1 element, but found 2");
  assert.equal(messages(funcWith([i32], ([x]) => [generic(Opt, { operands: [x!] })])), []);
  assert.equal(messages(funcWith([i32], () => [generic(Opt, {})])), []);
});
spec("region block limits", () => {
  const Small = defineOp({ name: "test.small", summary: "one block", regions: { body: region({ maxBlocks: 1 }) }, traits: [NoTerminator] });
  const op = generic(Small, { regions: [new Region([new Block(), new Block()])] });
  assert.is(firstMessage(inFunc(op)), "'test.small' op region #0 ('body') failed to verify constraint: region with at most 1 blocks");
});
spec("AllTypesMatch groups", () => {
  const Pick = defineOp({
    name: "test.pick",
    summary: "select",
    operands: { cond: Bool, a: AnyType, b: AnyType },
    results: { result: AnyType },
    allTypesMatch: [["a", "b", "result"]],
  });
  const pick = (types: Type[]): Operation => funcWith(types, (args) => [generic(Pick, { operands: args, resultTypes: [i32] })]);
  assert.is(firstMessage(pick([i1, i32, f32])), "'test.pick' op failed to verify that all of {a, b, result} have same type");
  assert.is(firstMessage(pick([i1, i32, i32])), undefined);
});
spec("the op's own verify hook runs last, with the op prefix", () => {
  const Checked = defineOp(
    { name: "test.checked", summary: "own rule", attributes: { n: AnyIntegerAttr } },
    { verify: (op) => (op.n.value < 0n ? opError(op, "requires a non-negative 'n'") : undefined) },
  );
  assert.is(firstMessage(inFunc(Checked.build({ n: IntegerAttr.get(i32, -1) }))), "'test.checked' op requires a non-negative 'n'");
  assert.is(firstMessage(inFunc(generic(Checked, { attributes: { n: FloatAttr.get(f32, 1) } }))), "'test.checked' op attribute 'n' failed to satisfy constraint: integer attribute");
  assert.equal(messages(inFunc(Checked.build({ n: IntegerAttr.get(i32, 1) }))), []);
});
spec("the op's own verify hook returns a whole diagnostic, notes included", () => {
  const Twice = defineOp(
    { name: "test.twice", summary: "uses two different values", operands: { a: AnyType, b: AnyType } },
    {
      verify: (op) =>
        op.a === op.b ? opError(op, "uses one value twice", [note(op.a.definingOp?.loc, "prior use here"), note(op.loc, "see the op")]) : undefined,
    },
  );
  const Source = defineOp({ name: "test.source", summary: "makes a value", results: { r: AnyType } });
  const value = Source.build({ r: i32 }, loc(2, 3));
  const twice = Twice.build({ a: value.r, b: value.r }, loc(3, 5));
  const failed = verify(inFunc(value, twice));
  assert.ok(isLeft(failed));
  if (!isLeft(failed)) return;
  const d = failed.left[0]!;
  assert.equal([d.message, fileLineCol(d.loc)?.line], ["'test.twice' op uses one value twice", 3]);
  assert.equal(d.notes.map((n) => [n.severity, n.message, fileLineCol(n.loc)?.line]), [["note", "prior use here", 2], ["note", "see the op", 3]]);
});
spec.run();

// ---- traits ------------------------------------------------------------------------------------------------

const traits = suite("traits");
const binary = (name: string, ts: Parameters<typeof defineOp>[0]["traits"]) =>
  defineOp({ name, summary: "binary", operands: { a: AnyType, b: AnyType }, results: { r: AnyType }, ...(ts ? { traits: ts } : {}) });
/** The message of `trait`'s own check alone on an op of `def` (no other rule of the op). */
const traitMessage = (trait: Trait, types: readonly Type[], resultTypes: readonly Type[], def: typeof Operation): string | undefined => {
  let message: string | undefined;
  funcWith(types, (args) => {
    const op = generic(def, { operands: args, resultTypes });
    message = traitVerifier(trait)?.verify?.(op)?.message;
    return [op];
  });
  return message;
};
const typed = (types: readonly Type[], resultTypes: readonly Type[], def: typeof Operation): string | undefined => {
  return firstMessage(funcWith(types, (args) => [generic(def, { operands: args, resultTypes })]));
};

traits("SameOperandsAndResultType compares element types and compatible shapes", () => {
  assert.is(typed([i32, i32], [i64], AddIOp), "'test.addi' op requires the same type for all operands and results");
  const t4 = tensor([4], i32);
  const tq = tensor([DYNAMIC], i32);
  // Compatible shapes pass this trait; Elementwise then wants one base type.
  assert.is(typed([tq, t4], [UnrankedTensorType.get(i32)], AddIOp), "'test.addi' op all non-scalar operands/results must have the same shape and base type");
  // The trait alone accepts compatible shapes; the op as a whole then wants the result type it infers from its
  // operands (SameOperandsAndResultType makes it implement InferTypeOpInterface, as ODS does), as MLIR 16's
  // arith.addi does.
  assert.is(traitMessage(SameOperandsAndResultType, [tq, t4], [t4], AddIOp), undefined);
  assert.is(typed([tq, t4], [t4], AddIOp), "'test.addi' op inferred type(s) 'tensor<?xi32>' are incompatible with return type(s) of operation 'tensor<4xi32>'");
  const NoOperands = defineOp({ name: "test.none", summary: "x", results: { r: AnyType }, traits: [SameOperandsAndResultType] });
  assert.is(firstMessage(inFunc(generic(NoOperands, { resultTypes: [i32] }))), "'test.none' op expected 1 or more operands, but found 0");
});
traits("SameOperandsType and SameOperandsAndResultShape", () => {
  const Cmp = binary("test.cmp", [SameOperandsType]);
  assert.is(typed([i32, i64], [i1], Cmp), "'test.cmp' op requires all operands to have the same type");
  assert.is(typed([i32, i32], [i1], Cmp), undefined);
  const Cast = binary("test.cast", [SameOperandsAndResultShape]);
  assert.is(typed([vector([4], i32), vector([4], i32)], [vector([5], i64)], Cast), "'test.cast' op requires the same shape for all operands and results");
  assert.is(typed([i32, i32], [vector([4], i64)], Cast), "'test.cast' op requires the same shape for all operands and results");
  assert.is(typed([vector([4], f32, [true]), vector([4], f32, [true])], [vector([4], f32)], Cast), "'test.cast' op requires the same shape for all operands and results");
  assert.is(typed([vector([4], i32), vector([4], i32)], [tensor([4], i64)], Cast), undefined);
});
traits("Elementwise: scalars mix only as MLIR allows", () => {
  const E = binary("test.elementwise", [Elementwise]);
  const v4 = vector([4], i32);
  assert.is(typed([i32, i32], [v4], E), "'test.elementwise' op if a result is non-scalar, then at least one operand must be non-scalar");
  assert.is(typed([v4, i32], [i32], E), "'test.elementwise' op if an operand is non-scalar, then there must be at least one non-scalar result");
  assert.is(typed([v4, tensor([4], i32)], [v4], E), "'test.elementwise' op all non-scalar operands/results must have the same shape and base type");
  assert.is(typed([v4, i32], [v4], E), undefined);
  const Two = defineOp({ name: "test.two_results", summary: "x", operands: { a: AnyType }, results: { r: AnyType, s: AnyType }, traits: [Elementwise] });
  const two = funcWith([v4], (args) => [generic(Two, { operands: args, resultTypes: [v4, i32] })]);
  assert.is(firstMessage(two), "'test.two_results' op if an operand is non-scalar, then all results must be non-scalar");
});
traits("Terminator and HasParent are checked before the spec's constraints", () => {
  const f = func("f", [], (b) => {
    b.create(Return, {});
    b.create(Return, {});
  });
  assert.is(firstMessage(f), "'test.return' op must be the last operation in the parent block");
  const Cond = defineOp({ name: "test.condition", summary: "x", operands: { c: Bool }, traits: [Terminator, HasParent("test.scope")] });
  const g = func("g", [i32], (b, entry) => void b.insert(generic(Cond, { operands: [entry.arg(0)] })));
  assert.is(firstMessage(g), "'test.condition' op expects parent op 'test.scope'");
  const scope = Scope.build({ body: new Region([new Block()]) });
  scope.body.block.append(generic(Return, {}));
  assert.is(firstMessage(inFunc(scope)), "'test.return' op expects parent op 'test.func'");
  const m = moduleOf(generic(Yield, {}));
  assert.is(firstMessage(m), "'test.yield' op expects parent op to be one of 'test.scope, test.graph'");
});
traits("SingleBlock", () => {
  const One = defineOp({ name: "test.single", summary: "x", regions: { body: region() }, traits: [SingleBlock] });
  assert.is(firstMessage(inFunc(generic(One, { regions: [new Region([new Block(), new Block()])] }))), "'test.single' op expects region #0 to have 0 or 1 blocks");
  assert.is(firstMessage(inFunc(generic(One, { regions: [new Region([new Block()])] }))), "'test.single' op expects a non-empty block");
  assert.is(firstMessage(inFunc(generic(One, { regions: 1 }))), undefined);
  // A module: SingleBlock (structural) speaks before the region constraint.
  const m = Module.build({ body: new Region([new Block(), new Block()]) });
  assert.is(firstMessage(m), "'test.module' op expects region #0 to have 0 or 1 blocks");
});
traits("Symbol: a string name, a known visibility, no public declarations", () => {
  const sym = (attrs: Record<string, Attribute>, body = true): string | undefined => {
    const f = func("f", [], (b) => void b.create(Return, {}));
    for (const [k, v] of Object.entries(attrs)) f.setAttr(k, v);
    if (!body) f.getRegion(0).entry!.erase();
    if (!body) f.getRegion(0).entry?.remove();
    return firstMessage(moduleOf(f));
  };
  assert.is(sym({ sym_visibility: StringAttr.get("foo") }), `'test.func' op visibility expected to be one of ["public", "private", "nested"], but got "foo"`);
  assert.is(sym({ sym_visibility: StringAttr.get("private") }), undefined);
  assert.is(sym({ sym_visibility: StringAttr.get("private") }, false), undefined);
  assert.is(sym({}, false), "'test.func' op symbol declaration cannot have public visibility");
  const Named = defineOp({ name: "test.named", summary: "x", attributes: { sym_name: optionalAttr(AnyIntegerAttr) }, traits: [Symbol] });
  assert.is(firstMessage(moduleOf(generic(Named, {}))), undefined);
  assert.is(firstMessage(moduleOf(generic(Named, { attributes: { sym_name: IntegerAttr.get(i32, 1) } }))), "'test.named' op requires string attribute 'sym_name'");
  const Vis = defineOp({ name: "test.vis", summary: "x", traits: [Symbol] });
  const vis = generic(Vis, { attributes: { sym_name: StringAttr.get("v"), sym_visibility: IntegerAttr.get(i32, 3) } });
  assert.is(firstMessage(moduleOf(vis)), "'test.vis' op requires visibility attribute 'sym_visibility' to be a string attribute, but got 3 : i32");
});
traits("SymbolTable: redefinitions, with a note at the first definition", () => {
  const a = func("f", [], (b) => void b.create(Return, {}));
  const c = func("f", [], (b) => void b.create(Return, {}));
  a.loc = loc(2);
  c.loc = loc(5);
  const [d] = diagnostics(moduleOf(a, c));
  assert.is(d?.message, "redefinition of symbol named 'f'");
  assert.is(d?.loc, loc(5));
  assert.is(d?.notes[0]?.message, "see existing symbol definition here");
  assert.is(d?.notes[0]?.loc, loc(2));
});
traits("IsolatedFromAbove: the user reports, with a note at the isolated op", () => {
  const outer = func("outer", [i32], (b, entry) => {
    const inner = func("inner", [], (ib) => {
      const use = add(ib, entry.arg(0), entry.arg(0));
      use.loc = loc(4, 12);
      ib.create(Return, {});
    });
    inner.loc = loc(3, 5);
    const scope = b.create(Scope, { body: new Region([new Block()]) });
    scope.body.block.append(inner);
    scope.body.block.append(Yield.build({}));
    b.create(Return, {});
  });
  const ds = diagnostics(outer);
  assert.is(ds[0]?.message, "'test.addi' op using value defined outside the region");
  assert.is(ds[0]?.loc, loc(4, 12));
  assert.is(ds[0]?.notes[0]?.message, "required by region isolation constraints");
  assert.is(ds[0]?.notes[0]?.loc, loc(3, 5));
});
traits("FunctionOpInterface: argument attributes and the entry block match the signature", () => {
  const withAttrs = (attrs: Record<string, Attribute>, inputs: Type[] = [i32], blockArgs: Type[] = inputs): string | undefined => {
    const f = func("f", blockArgs, (b) => void b.create(Return, {}));
    f.setAttr("function_type", TypeAttr.get(fn(inputs, [])));
    for (const [k, v] of Object.entries(attrs)) f.setAttr(k, v);
    return firstMessage(f);
  };
  const empty = DictionaryAttr.get({});
  assert.is(withAttrs({}, [], [i32]), "'test.func' op entry block must have 0 arguments to match function signature");
  assert.is(withAttrs({}, [f32], [i32]), "'test.func' op type of entry block argument #0('i32') must match the type of the corresponding argument in function signature('f32')");
  assert.is(
    withAttrs({ arg_attrs: ArrayAttr.get([empty, empty]) }),
    "'test.func' op expects argument attribute array to have the same number of elements as the number of function arguments, got 2, but expected 1",
  );
  assert.is(withAttrs({ arg_attrs: ArrayAttr.get([DictionaryAttr.get({ a: UnitAttr.get() })]) }), "'test.func' op arguments may only have dialect attributes");
  assert.is(withAttrs({ arg_attrs: ArrayAttr.get([DictionaryAttr.get({ "llvm.noalias": UnitAttr.get() })]) }), undefined);
  assert.is(
    withAttrs({ res_attrs: ArrayAttr.get([empty]) }),
    "'test.func' op expects result attribute array to have the same number of elements as the number of function results, got 1, but expected 0",
  );
});
traits.run();

// ---- structure ---------------------------------------------------------------------------------------------

const structure = suite("structure");
structure("an empty block needs a terminator unless alone in a NoTerminator region", () => {
  const f = func("f", [], () => {});
  f.loc = loc(1);
  const [d] = diagnostics(f);
  assert.is(d?.message, "empty block: expect at least a terminator");
  assert.is(d?.loc, loc(1));
  assert.equal(messages(Graph.build({ body: new Region([new Block()]) })), []);
});
structure("only the last op branches", () => {
  const f = func("f", [], (b, _entry, body) => {
    const next = body.push(new Block());
    b.insert(new Operation({ name: "other.branch", successors: [next] }));
    b.create(Br, { dest: next });
    b.setInsertionPointToEnd(next);
    b.create(Return, {});
  });
  assert.is(firstMessage(f), "operation with block successors must terminate its parent block");
});
structure("an unregistered terminator may not branch to another region", () => {
  const elsewhere = new Region([new Block()]);
  const f = func("f", [], (b, _entry, body) => {
    const next = body.push(new Block());
    b.insert(new Operation({ name: "other.branch", successors: [elsewhere.entry!] }));
    b.setInsertionPointToEnd(next);
    b.create(Return, {});
  });
  assert.is(firstMessage(f), "'other.branch' op branching to block of a different region");
});
structure("the entry block has no predecessors", () => {
  const f = func("f", [], (b, entry) => {
    b.create(Br, { dest: entry });
  });
  f.loc = loc(7);
  const [d] = diagnostics(f);
  assert.is(d?.message, "entry block of region may not have predecessors");
  assert.is(d?.loc, loc(7));
});
structure("a registered non-terminator cannot end a block that needs a terminator", () => {
  const f = func("f", [i32], (b, entry) => {
    add(b, entry.arg(0), entry.arg(0));
  });
  assert.is(firstMessage(f), `block with no terminator, has %0 = "test.addi"(%arg0, %arg0) : (i32, i32) -> i32`);
});
structure("graph regions of registered ops have at most one block", () => {
  const g = Graph.build({ body: new Region([new Block(), new Block()]) });
  assert.is(firstMessage(inFunc(g)), "'test.graph' op expects graph region #0 to have 0 or 1 blocks");
});
structure("unregistered ops with a context: allowed, unknown dialect, known dialect", () => {
  const make = (name: string): Operation => inFunc(new Operation({ name }));
  const strict = new Context([testDialect]);
  const loose = new Context([testDialect], { allowUnregisteredDialects: true });
  assert.equal(messages(make("foo.bar"), { ctx: loose }), []);
  assert.equal(messages(make("foo.bar")), []);
  assert.is(
    messages(make("foo.bar"), { ctx: strict })[0],
    "'foo.bar' op created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used",
  );
  assert.is(messages(make("test.nope"), { ctx: loose })[0], "unregistered operation 'test.nope' found in dialect ('test') that does not allow unknown operations");
});
structure.run();

// ---- dominance ---------------------------------------------------------------------------------------------

const dominance = suite("dominance");
dominance("a use before its definition in one block", () => {
  const f = func("f", [], (b) => {
    const later = c32(b, 1);
    const user = add(b, later, later);
    user.loc = loc(3, 8);
    later.definingOp!.loc = loc(4, 8);
    user.moveBefore(later.definingOp!);
    b.create(Return, {});
  });
  const [d] = diagnostics(f);
  assert.is(d?.message, "operand #0 does not dominate this use");
  assert.is(d?.loc, loc(3, 8));
  assert.is(d?.notes[0]?.message, "operand defined here (op in the same block)");
  assert.is(d?.notes[0]?.loc, loc(4, 8));
});
/** entry -> (left | right) -> join; `defineIn` gets a constant, `useIn` an add of it. */
function diamond(defineIn: "entry" | "left" | "join", useIn: "left" | "join" | "nested-join"): Operation {
  return func("f", [i1], (b, entry, body) => {
    const [left, right, join] = [new Block(), new Block(), new Block()];
    for (const blk of [left, right, join]) body.push(blk);
    const at = { entry, left, join } as const;
    let value: Value | undefined;
    const define = (where: Block): void => {
      if (at[defineIn] === where) value = b.at({ block: where, before: undefined } as never, () => c32(b, 1));
    };
    define(entry);
    b.create(CondBr, { cond: bool(entry.arg(0)), trueDest: left, falseDest: right });
    b.setInsertionPointToEnd(left);
    define(left);
    const useLeft = useIn === "left" ? add(b, c32(b, 0), c32(b, 0)) : undefined;
    b.create(Br, { dest: join });
    b.setInsertionPointToEnd(right);
    b.create(Br, { dest: join });
    b.setInsertionPointToEnd(join);
    define(join);
    const holder = useIn === "nested-join" ? b.create(Scope, { body: new Region([new Block()]) }) : undefined;
    const useJoin = useIn === "join" ? add(b, c32(b, 0), c32(b, 0)) : undefined;
    b.create(Return, {});
    if (holder !== undefined) {
      const nb = Builder.atEnd(holder.body.block);
      const use = add(nb, c32(nb, 0), c32(nb, 0));
      nb.create(Yield, {});
      use.setOperand(0, value!);
    }
    useLeft?.setOperand(0, value!);
    useJoin?.setOperand(0, value!);
  });
}
dominance("across blocks: the region's dominator tree decides", () => {
  assert.equal(messages(diamond("entry", "join")), []);
  assert.equal(messages(diamond("entry", "left")), []);
  assert.equal(messages(diamond("join", "join")), []);
  const [d] = diagnostics(diamond("left", "join"));
  assert.is(d?.message, "operand #0 does not dominate this use");
  assert.is(d?.notes[0]?.message, "operand defined here (op in the same region)");
});
dominance("into nested regions: the enclosing op's position decides", () => {
  assert.equal(messages(diamond("entry", "nested-join")), []);
  assert.equal(messages(diamond("join", "nested-join")), []);
  const [d] = diagnostics(diamond("left", "nested-join"));
  assert.is(d?.notes[0]?.message, "operand defined here (op in a parent region)");
});
dominance("loops: back edges carry values through block arguments", () => {
  // entry -> header(%i) -> body -> header (back edge) | exit
  const loop = (useBodyValueInHeader: boolean): Operation =>
    func("loop", [i32, i1], (b, entry, region) => {
      const [header, bodyBlock, exit] = [new Block([i32]), new Block(), new Block()];
      for (const blk of [header, bodyBlock, exit]) region.push(blk);
      b.create(Br, { args: [entry.arg(0)], dest: header });
      b.setInsertionPointToEnd(header);
      const probe = add(b, header.arg(0), entry.arg(0));
      b.create(CondBr, { cond: bool(entry.arg(1)), trueDest: bodyBlock, falseDest: exit });
      b.setInsertionPointToEnd(bodyBlock);
      const next = add(b, header.arg(0), probe.result).result;
      b.create(Br, { args: [next], dest: header });
      b.setInsertionPointToEnd(exit);
      add(b, header.arg(0), header.arg(0));
      b.create(Return, {});
      if (useBodyValueInHeader) probe.setOperand(1, next);
    });
  assert.equal(messages(loop(false)), []);
  assert.equal(messages(loop(true)), ["operand #1 does not dominate this use"]);
});
dominance("block arguments dominate only the blocks their block dominates", () => {
  const f = func("f", [i1], (b, entry, body) => {
    const [left, join] = [new Block([i32]), new Block()];
    body.push(left);
    body.push(join);
    b.create(CondBr, { cond: bool(entry.arg(0)), trueArgs: [c32(b, 1)], trueDest: left, falseDest: join });
    b.setInsertionPointToEnd(left);
    b.create(Br, { dest: join });
    b.setInsertionPointToEnd(join);
    const holder = b.create(Scope, { body: new Region([new Block()]) });
    b.create(Return, {});
    const nb = Builder.atEnd(holder.body.block);
    add(nb, left.arg(0), left.arg(0));
    nb.create(Yield, {});
  });
  f.loc = loc(1);
  const [d] = diagnostics(f);
  assert.is(d?.message, "operand #0 does not dominate this use");
  assert.is(d?.notes[0]?.message, "operand defined as a block argument (block #1 in a parent region)");
  assert.is(d?.notes[0]?.loc, loc(1));
});
dominance("unreachable blocks are not checked, but regions nested in them are", () => {
  const f = (nested: boolean): Operation =>
    func("f", [], (b, _entry, body) => {
      b.create(Return, {});
      const dead = body.push(new Block());
      b.setInsertionPointToEnd(dead);
      const holder = nested ? b.create(Scope, { body: new Region([new Block()]) }) : undefined;
      const user = nested ? undefined : add(b, c32(b, 0), c32(b, 0));
      const later = c32(b, 1);
      b.create(Br, { dest: dead });
      user?.setOperand(0, later);
      if (holder !== undefined) {
        const nb = Builder.atEnd(holder.body.block);
        add(nb, later, later);
        nb.create(Yield, {});
      }
    });
  assert.equal(messages(f(false)), []);
  assert.equal(messages(f(true)), ["operand #0 does not dominate this use"]);
});
dominance("an op's result is not available inside its own regions, nor a nested value outside", () => {
  let inner: Value | undefined;
  const f = func("f", [], (b) => {
    const holder = b.create(Scope, { out: [i32], body: new Region([new Block()]) });
    const nb = Builder.atEnd(holder.body.block);
    add(nb, holder.out[0]!, holder.out[0]!);
    inner = c32(nb, 1);
    nb.create(Yield, {});
    add(b, inner, inner);
    b.create(Return, {});
  });
  assert.equal(
    diagnostics(f).map((d) => d.notes[0]?.message),
    ["operand defined here (op in a child region)", "operand defined here (op in a parent region)"],
  );
});
dominance("graph regions have no dominance: module-level ops may use later ones", () => {
  const g = Graph.build({ body: new Region([new Block()]) });
  const gb = Builder.atEnd(g.body.block);
  const user = add(gb, c32(gb, 0), c32(gb, 0));
  user.setOperand(0, c32(gb, 1));
  assert.equal(messages(inFunc(g)), []);
  // A region nested in a graph region is SSA again.
  const inner = Scope.build({ body: new Region([new Block()]) });
  const later = ConstantOp.build({ value: IntegerAttr.get(i32, 2), result: i32 });
  const ib = Builder.atEnd(inner.body.block);
  add(ib, later.result, later.result);
  ib.create(Yield, {});
  const g2 = Graph.build({ body: new Region([new Block()]) });
  g2.body.block.append(inner);
  g2.body.block.append(later);
  assert.equal(messages(inFunc(g2)), []);
});
dominance("DominanceInfo answers block queries", () => {
  const body = new Region([new Block(), new Block(), new Block(), new Block()]);
  const [a, b, c, d] = body.blocks as [Block, Block, Block, Block];
  Builder.atEnd(a).insert(new Operation({ name: "x.br", successors: [b, c] }));
  Builder.atEnd(b).insert(new Operation({ name: "x.br", successors: [d] }));
  Builder.atEnd(c).insert(new Operation({ name: "x.br", successors: [d] }));
  new Operation({ name: "x.holder", regions: [body] });
  const dom = new DominanceInfo();
  assert.ok(dom.properlyDominatesBlock(a, d));
  assert.not.ok(dom.properlyDominatesBlock(b, d));
  assert.not.ok(dom.properlyDominatesBlock(d, d));
  assert.ok(dom.dominatesBlock(d, d));
  assert.ok(dom.isReachable(d));
});
dominance.run();

// ---- the walk ----------------------------------------------------------------------------------------------

const walk = suite("the walk");
walk("every op's first error, in MLIR's order; stopAtFirst keeps only the first", () => {
  const f = funcWith([f32], ([x]) => [generic(AddIOp, { operands: [x!, x!], resultTypes: [f32] }), generic(ConstantOp, { resultTypes: [i32] })]);
  assert.equal(messages(f), [
    "'test.addi' op operand #0 must be signless-integer-like, but got 'f32'",
    "'test.constant' op requires attribute 'value'",
  ]);
  assert.equal(messages(f, { stopAtFirst: true }), ["'test.addi' op operand #0 must be signless-integer-like, but got 'f32'"]);
});
walk("an isolated op is verified whole (dominance too) before its parent's region traits", () => {
  const bad = func("f", [], (b) => {
    const later = c32(b, 1);
    add(b, later, later).moveBefore(later.definingOp!);
    b.create(Return, {});
  });
  const dup = func("f", [], (b) => void b.create(Return, {}));
  assert.equal(messages(moduleOf(bad, dup)), ["operand #0 does not dominate this use", "redefinition of symbol named 'f'"]);
});
walk("verifyOp checks one op, its regions' shape and dominance, not nested ops", () => {
  const f = funcWith([f32], ([x]) => [generic(AddIOp, { operands: [x!, x!], resultTypes: [f32] })]);
  assert.ok(!isLeft(verifyOp(f)));
  assert.ok(isLeft(verify(f)));
  const empty = func("g", [], () => {});
  assert.ok(!isLeft(verifyOp(empty)));
  const r = verifyOp(generic(AddIOp, {}));
  assert.equal(isLeft(r) ? r.left.map((d) => d.message) : [], ["'test.addi' op requires one result"]);
});
walk("deep nesting does not overflow the stack", () => {
  const depth = 20_000;
  const root = Scope.build({ body: new Region([new Block()]) });
  let block = root.body.block;
  for (let i = 0; i < depth; i++) {
    const inner = Scope.build({ body: new Region([new Block()]) });
    block.append(inner);
    block.append(Yield.build({}));
    block = inner.body.block;
  }
  block.append(Yield.build({}));
  assert.equal(messages(inFunc(root)), []);
});
walk.run();

// ---- from text, against mlir-opt-16 ------------------------------------------------------------------------

/**
 * Invalid (and a few valid) inputs in MLIR 16's syntax live in test/golden/verifier/*.mlir, split with
 * `// -----`; each chunk carries the first diagnostic mlir-opt-16 reports for it (`// expected-error @-N {{...}}`,
 * then its notes) or none. The golden runner checks Tensile against those comments; the tests below also ask
 * mlir-opt-16 itself, so the expectations cannot drift from MLIR, and compare columns, which the comments lack.
 */
const verifierGoldenDir = join(import.meta.dirname, "..", "golden", "verifier");
const textCaseFiles = readdirSync(verifierGoldenDir)
  .filter((name) => name.endsWith(".mlir"))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(verifierGoldenDir, name), "utf8") }));

/** A chunk's expected diagnostics as `severity line: message` (line within the chunk, as mlir-opt counts). */
const expectationOf = (chunk: string): string[] =>
  chunk.split("\n").flatMap((line, i) => {
    const m = /^\/\/ expected-(error|note) @-(\d+) \{\{(.*)\}\}$/.exec(line);
    return m === null ? [] : [`${m[1]} ${i + 1 - Number(m[2])}: ${m[3]}`];
  });

const located = (d: Diagnostic): string => {
  const p = fileLineCol(d.loc);
  return `${d.severity} ${p === undefined ? "?" : `${p.line}:${p.col}`}: ${d.message}`;
};

/** `severity line:col: message` without the column. */
const withoutColumn = (s: string): string => s.replace(/^(\w+ \d+):\d+:/, "$1:");

/** Our first diagnostic for a chunk and its notes, as `located` spells them. */
function ourFirstDiagnostic(chunk: string): string[] {
  const ctx = newContext({ allowUnregisteredDialects: true });
  const parsed = parseSource(chunk, ctx, { file: "chunk.mlir" });
  if (isLeft(parsed)) return [`parse ${located(parsed.left)}`];
  const verified = verify(parsed.right, { ctx, stopAtFirst: true });
  if (!isLeft(verified)) return [];
  const first = verified.left[0]!;
  return [located(first), ...first.notes.map(located)];
}

/** mlir-opt-16's first diagnostic (and its notes) per chunk, keyed by the chunk's first line. */
function mlirFirstDiagnostics(text: string): Map<number, string[]> {
  const run = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", "--split-input-file", "-"], { input: text, encoding: "utf8" });
  if (run.error) throw new Error(`mlir-opt-16 could not be run (${run.error.message}); scripts/setup.sh installs it`);
  const out = new Map<number, string[]>();
  let current: string[] | undefined;
  for (const line of run.stderr.split("\n")) {
    const m = /^within split at <stdin>:(\d+) offset :(\d+:\d+): (error|note): (.*)$/.exec(line);
    if (m === null) continue;
    const [, split, at, severity, message] = m as unknown as [string, string, string, string, string];
    if (severity === "error") {
      current = out.has(Number(split)) ? undefined : [];
      if (current !== undefined) out.set(Number(split), current);
    }
    if (current !== undefined && !message.startsWith("see current operation")) current.push(`${severity} ${at}: ${message}`);
  }
  return out;
}

const fromText = suite("from text");
fromText("the first diagnostic is MLIR's, at the same place (line and column), with the same notes", () => {
  let chunks = 0;
  for (const file of textCaseFiles) {
    const mlir = mlirFirstDiagnostics(file.text);
    for (const chunk of splitInputFile(file.text)) {
      chunks++;
      const where = `${file.name}: chunk at line ${chunk.firstLine}`;
      const ours = ourFirstDiagnostic(chunk.text);
      assert.equal(ours, mlir.get(chunk.firstLine) ?? [], where);
      assert.equal(ours.map(withoutColumn), expectationOf(chunk.text), `${where} (expected-* comments)`);
    }
  }
  assert.ok(chunks > 40, `only ${chunks} chunks`);
});
fromText("the expectations are what mlir-opt-16 reports (mlir-opt-16 --verify-diagnostics accepts each file)", () => {
  assert.is(textCaseFiles.length, 3);
  for (const file of textCaseFiles) {
    const args = ["--allow-unregistered-dialect", "--split-input-file", "--verify-diagnostics", "-"];
    const run = spawnSync("mlir-opt-16", args, { input: file.text, encoding: "utf8" });
    assert.is(run.status, 0, `${file.name}: mlir-opt-16 --verify-diagnostics failed:\n${run.stderr}`);
  }
});
fromText.run();
