/**
 * The declarative assembly format (src/irdl/format*.ts): the definition-time errors (one test per rule, each
 * naming the op and the element), and the directives' behaviour on small test ops: optional groups anchored on
 * a default-valued attribute, else branches, unit attributes, oilist, qualified, buildable types,
 * typesMatchWith, and custom directives with typed hooks.
 */
import * as E from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { IntegerAttr, StringAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { SameOperandsType } from "../../src/ir/traits.ts";
import { i32, i64, IndexType, IntegerType, type Type } from "../../src/ir/types.ts";
import { AnyType, Bool, I64Attr, Index, StrAttr, UnitAttrC } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { defineEnumAttr } from "../../src/irdl/enums.ts";
import { customDirective, ref } from "../../src/irdl/format-directives.ts";
import { defaultAttr, type OpSpec, optional, optionalAttr, region, successor, variadic } from "../../src/irdl/spec.ts";
import type { OpAsmParser, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

// ---- definition-time errors --------------------------------------------------------------------------------

/** Defining an op with `format` (and the rest of `spec`) throws an error matching `message`. */
function rejects(spec: Omit<OpSpec, "name" | "summary">, message: RegExp): void {
  assert.throws(() => defineOp({ name: "test.bad", summary: "a bad format", ...spec }), (e: Error) => {
    assert.match(e.message, /^'test\.bad' format: /, "names the op");
    assert.match(e.message, message);
    return true;
  });
}

test("errors: unknown names and directives", () => {
  rejects({ operands: { x: AnyType }, format: "$y attr-dict `:` type($x)" }, /'\$y' is not an operand, attribute, region or successor/);
  rejects({ operands: { x: AnyType }, format: "$x attr-dict `:` typ($x)" }, /unknown directive 'typ'/);
  rejects({ operands: { x: AnyType }, format: "$x attr-dict `:` type($z)" }, /'\$z' in type\(\.\.\.\) is not an operand or result/);
  rejects({ results: { r: AnyType }, format: "$r attr-dict `:` type($r)" }, /result '\$r' can only be used in type/);
  rejects({ operands: { x: AnyType }, format: "$x `%` attr-dict `:` type($x)" }, /'%' is not a valid literal/);
});

test("errors: a declarative format and hand-written asm hooks together", () => {
  const asm = { print: () => {}, parse: () => {} };
  assert.throws(() => defineOp({ name: "test.both", summary: "two syntaxes", format: "attr-dict" }, { asm }), /'test\.both': give a declarative format or asm hooks, not both/);
});

test("errors: a type neither printed nor inferable", () => {
  rejects({ operands: { x: AnyType }, format: "$x attr-dict" }, /the type of operand 'x' is neither printed nor inferable/);
  rejects(
    { operands: { x: AnyType }, results: { r: AnyType }, format: "$x attr-dict `:` type($x)" },
    /the type of result 'r' is neither printed nor inferable/,
  );
  // Each way of making it inferable is accepted.
  defineOp({ name: "test.ok1", summary: "buildable", operands: { c: Bool, i: Index }, format: "$c `,` $i attr-dict" });
  defineOp({
    name: "test.ok2",
    summary: "related",
    operands: { a: AnyType, b: AnyType },
    traits: [SameOperandsType],
    format: "$a `,` $b attr-dict `:` type($a)",
  });
  defineOp(
    { name: "test.ok3", summary: "inferred", operands: { a: AnyType }, results: { r: AnyType }, format: "$a attr-dict `:` type($a)" },
    { inferResultTypes: (operands) => [operands[0]?.type as Type] },
  );
});

test("errors: operands, regions and successors left out; attr-dict missing or repeated", () => {
  rejects({ operands: { x: AnyType, y: AnyType }, format: "$x attr-dict `:` type($x)" }, /operand 'y' is not in the format/);
  rejects({ regions: { body: region() }, format: "attr-dict" }, /region 'body' is not in the format/);
  rejects({ successors: { dest: successor() }, format: "attr-dict" }, /successor 'dest' is not in the format/);
  rejects({ operands: { x: Bool }, format: "$x" }, /'attr-dict' directive not found/);
  rejects({ operands: { x: Bool }, format: "$x attr-dict attr-dict-with-keyword" }, /'attr-dict' appears more than once/);
  rejects({ operands: { x: Bool }, format: "$x `,` $x attr-dict" }, /'\$x' is used more than once/);
  rejects({ operands: { x: AnyType }, format: "$x attr-dict `:` type($x) type($x)" }, /the type of operand 'x' is printed more than once/);
});

test("errors: anchors that cannot be anchors, and optional groups that cannot be parsed", () => {
  rejects({ operands: { x: Bool }, format: "(`k` $x^)? attr-dict" }, /operand '\$x' cannot anchor an optional group/);
  rejects({ attributes: { a: StrAttr }, format: "(`k` $a^)? attr-dict" }, /attribute '\$a' cannot anchor/);
  rejects({ attributes: { a: optionalAttr(StrAttr) }, format: "(`k`^ $a)? attr-dict" }, /literal 'k' cannot anchor/);
  rejects({ attributes: { a: optionalAttr(StrAttr) }, format: "(`k` $a)? attr-dict" }, /an optional group needs an anchor/);
  rejects({ operands: { x: optional(Bool) }, format: "$x^ attr-dict" }, /only allowed in an optional group/);
  rejects(
    { operands: { x: optional(Bool) }, attributes: { a: optionalAttr(StrAttr) }, format: "($a $x^)? attr-dict" },
    /the first element of an optional group \(attribute '\$a'\) must be its anchor/,
  );
  rejects({ operands: { x: optional(Bool) }, format: "(attr-dict $x^)?" }, /'attr-dict' cannot be in an optional group/);
  rejects(
    { operands: { x: optional(Bool), y: Bool }, format: "(`k` $x^ $y)? attr-dict" },
    /required operand '\$y' cannot be in an optional group/,
  );
  rejects({ attributes: { u: optionalAttr(UnitAttrC) }, format: "$u attr-dict" }, /unit attribute '\$u' must be in an optional group/);
  rejects({ attributes: { u: optionalAttr(UnitAttrC) }, format: "($u^)? attr-dict" }, /the first element of an optional group must be/);
});

test("errors: oilist clauses", () => {
  rejects({ attributes: { a: optionalAttr(StrAttr) }, format: "oilist(`a` $a | `a` $a) attr-dict" }, /oilist clause 'a' appears twice/);
  rejects({ operands: { x: Bool }, format: "oilist(`x` $x) attr-dict" }, /oilist clause 'x' needs an optional variable/);
  rejects({ attributes: { a: optionalAttr(StrAttr) }, format: "oilist(`,` $a) attr-dict" }, /must start with a keyword/);
});

const Wrap = customDirective({
  params: { value: "operand", type: "type" },
  print(p, _op, { value, type }) {
    p.print("<");
    p.printOperand(value);
    p.print(" as ");
    p.printType(type);
    p.print(">");
  },
  parse(p) {
    p.parsePunct("<");
    const value = p.parseOperand();
    p.parseKeyword("as");
    const type = p.parseType();
    p.parsePunct(">");
    return { value, type };
  },
});

test("errors: custom directives checked against their typed parameters", () => {
  rejects({ operands: { x: AnyType }, format: "custom<Nope>($x, type($x)) attr-dict" }, /custom directive 'Nope' is not in the op's customDirectives/);
  rejects({ operands: { x: AnyType }, customDirectives: { Wrap }, format: "custom<Wrap>($x) attr-dict" }, /custom<Wrap> takes 2 arguments, got 1/);
  rejects(
    { operands: { x: variadic(AnyType) }, customDirectives: { Wrap }, format: "custom<Wrap>($x, type($x)) attr-dict" },
    /argument 'value' is a operand, but '\$x' is a operands/,
  );
  rejects(
    { operands: { x: AnyType }, customDirectives: { Wrap }, format: "custom<Wrap>(ref($x), type($x)) attr-dict" },
    /argument 'value' must not be a ref/,
  );
  const NeedsRef = customDirective({
    params: { t: ref("type") },
    print: () => {},
    parse: () => ({}),
  });
  rejects(
    { operands: { x: AnyType }, customDirectives: { NeedsRef }, format: "custom<NeedsRef>(ref(type($x))) $x attr-dict `:` type($x)" },
    /ref\(\.\.\.\) of '\$x' before the format binds it/,
  );
});

// ---- behaviour ---------------------------------------------------------------------------------------------

const Mode = defineEnumAttr({ dialect: "test", name: "Mode", mnemonic: "mode", cases: { fast: 0, slow: 1 }, syntax: "angle" });

const Anchored = defineOp({
  name: "test.anchored",
  summary: "an optional group on a default-valued attribute, an else branch, a unit attribute",
  operands: { x: AnyType },
  attributes: {
    mode: defaultAttr(Mode.constraint, () => Mode.get("fast")),
    scale: defaultAttr(I64Attr, () => IntegerAttr.get(i64, 1n)),
    flag: optionalAttr(UnitAttrC),
    tag: optionalAttr(StrAttr),
    other: optionalAttr(Mode.constraint),
  },
  format:
    "$x (`mode` `` $mode^)? (`scale` $scale^) : (`unscaled`)? (`flagged` $flag^)? (`tag` $tag^)? attr-dict `:` type($x) " +
    "(`other` qualified($other)^)?",
});

const Listed = defineOp({
  name: "test.listed",
  summary: "oilist: clauses in any order, each at most once",
  operands: { lb: optional(Index), ub: optional(Index) },
  attributes: { nowait: optionalAttr(UnitAttrC), tag: optionalAttr(StrAttr) },
  format: "oilist(`lower` $lb | `upper` $ub | `nowait` $nowait | `tag` $tag) attr-dict",
});

const Wrapped = defineOp({
  name: "test.wrapped",
  summary: "a typed custom directive; the result type comes from the operand (typesMatchWith)",
  operands: { x: AnyType },
  results: { r: AnyType },
  customDirectives: { Wrap },
  typesMatchWith: [{ from: "x", to: "r", transform: (t) => t, summary: "r has x's type" }],
  format: "custom<Wrap>($x, type($x)) attr-dict",
});

const Called = defineOp({
  name: "test.called",
  summary: "buildable types and functional-type",
  operands: { c: Bool, args: variadic(AnyType) },
  results: { res: variadic(AnyType) },
  regions: { body: region() },
  format: "$c `(` $args `)` attr-dict `:` functional-type($args, $res) $body",
});

/** `<%y of type>`, or nothing: a directive that can start an optional group. */
const readWrapped = (p: OpAsmParser): { value: UnresolvedOperand; type: Type } | undefined => {
  if (!p.parseOptionalPunct("<")) return undefined;
  const value = p.parseOperand();
  p.parseKeyword("of");
  const type = p.parseType();
  p.parsePunct(">");
  return { value, type };
};
const MaybeWrap = customDirective({
  params: { value: "optionalOperand", type: "optionalType" },
  print(p, _op, { value, type }) {
    if (value === undefined || type === undefined) return;
    p.print("<");
    p.printOperand(value);
    p.print(" of ");
    p.printType(type);
    p.print(">");
  },
  parse: (p) => readWrapped(p) ?? p.error("expected '<'"),
  parseOptional: readWrapped,
});

const TypeAnchored = defineOp({
  name: "test.type_anchored",
  summary: "optional groups anchored on a type and on a custom directive",
  operands: { x: optional(AnyType), y: optional(AnyType) },
  customDirectives: { MaybeWrap },
  format: "`x` $x (`:` type($x)^)? (custom<MaybeWrap>($y, type($y))^)? attr-dict",
});

const testDialect = defineDialect({
  name: "test",
  ops: [Anchored, Listed, Wrapped, Called, TypeAnchored],
  attributes: [Mode],
});

/** Parses `text` (after `%a: i32`, `%i: index`, `%c: i1` producers) and prints it back; or the error's first line. */
function roundTrip(text: string, generic = false): string {
  const ctx = new Context([testDialect], { allowUnregisteredDialects: true });
  const prefix = `%a = "x.def"() : () -> i32\n%i = "x.def"() : () -> index\n%c = "x.def"() : () -> i1\n`;
  const r = parseSource(prefix + text, ctx, { file: "t.mlir" });
  if (E.isLeft(r)) return renderDiagnostic(r.left).split("\n")[0] as string;
  const ops = r.right.getRegion(0).block.operations.slice(3);
  return ops.map((op) => printOp(op, { generic, ctx })).join("\n");
}
const opsOf = (text: string): Operation[] => {
  const ctx = new Context([testDialect], { allowUnregisteredDialects: true });
  const r = parseSource(`%a = "x.def"() : () -> i32\n${text}`, ctx, { file: "t.mlir" });
  if (E.isLeft(r)) throw new Error(renderDiagnostic(r.left));
  return r.right.getRegion(0).block.operations.slice(1);
};

test("an optional group anchored on a default-valued attribute prints only when it is not at its default", () => {
  assert.is(roundTrip("test.anchored %a unscaled : i32"), "test.anchored %0 unscaled : i32");
  assert.is(roundTrip("test.anchored %a mode<fast> scale 1 : i32"), "test.anchored %0 unscaled : i32");
  assert.is(roundTrip("test.anchored %a mode<slow> scale 3 : i32"), "test.anchored %0 mode<slow> scale 3 : i32");
  assert.is(roundTrip("test.anchored %a : i32"), "t.mlir:4:18: error: custom op 'test.anchored' expected 'unscaled'", "the else branch");
  // The default is stored when parsing, so the generic form spells it.
  const generic = roundTrip("test.anchored %a unscaled : i32", true);
  assert.match(generic, "mode = #test.mode<fast>", generic);
  assert.match(generic, "scale = 1 : i64", generic);
  const [slow] = opsOf("test.anchored %a mode<slow> unscaled flagged tag \"t\" : i32");
  assert.is(slow?.attr("mode"), Mode.get("slow"));
  assert.is(slow?.attr("flag"), UnitAttr.get());
  assert.is(slow?.attr("tag"), StringAttr.get("t"));
});

test("unit attributes anchor their group; qualified($attr) prints the full attribute", () => {
  assert.is(roundTrip('test.anchored %a unscaled flagged tag "t" : i32'), 'test.anchored %0 unscaled flagged tag "t" : i32');
  assert.is(roundTrip('test.anchored %a unscaled {tag = "t"} : i32'), 'test.anchored %0 unscaled tag "t" : i32');
  assert.is(roundTrip("test.anchored %a unscaled : i32 other #test.mode<slow>"), "test.anchored %0 unscaled : i32 other #test.mode<slow>");
  assert.is(roundTrip("test.anchored %a mode<medium> : i32"), "t.mlir:4:23: error: custom op 'test.anchored' expected ::mlir::test::Mode to be one of: fast, slow");
});

test("oilist: clauses in any order, printed in declaration order, each at most once", () => {
  // Two spaces where the oilist starts, as MLIR 16's generated printers put them (`omp.parallel   {`).
  assert.is(roundTrip("test.listed upper %i lower %i"), "test.listed   lower %1 upper %1");
  assert.is(roundTrip('test.listed tag "x" nowait'), 'test.listed   nowait tag "x"');
  assert.is(roundTrip("test.listed"), "test.listed  ");
  assert.is(
    roundTrip("test.listed lower %i lower %i"),
    "t.mlir:4:22: error: custom op 'test.listed' `lower` clause can appear at most once in the expansion of the oilist directive",
  );
  const [op] = opsOf("%i = \"x.def\"() : () -> index\ntest.listed upper %i").slice(1);
  assert.is(op?.numOperands, 1);
  assert.equal((op?.attr("operand_segment_sizes") as { numbers?: number[] } | undefined)?.numbers, [0, 1]);
});

test("custom directives get typed pieces; typesMatchWith gives the result type", () => {
  assert.match(roundTrip("%r = test.wrapped <%a as i32>"), /^%\d+ = test\.wrapped <%\d+ as i32>$/);
  const [op] = opsOf("%r = test.wrapped <%a as i32>");
  assert.is(op?.resultTypes[0], i32);
  assert.match(roundTrip("%r = test.wrapped <%a as f32>"), "use of value '%a' expects different type than prior uses: 'f32' vs 'i32'");
});

test("buildable operand types are not printed; functional-type and regions", () => {
  assert.match(roundTrip("test.called %c (%a, %i) : (i32, index) -> () {\n}"), /^test\.called %\d\(%\d, %\d\) : \(i32, index\) -> \(\) \{\n\}$/);
  const [, op] = opsOf('%c = "x.c"() : () -> i1\n%r = test.called %c (%a) : (i32) -> index { "x.y"() : () -> () }');
  assert.is(op?.numResults, 1);
  assert.is(op?.operands[0]?.type, IntegerType.get(1), "the condition is i1, from its buildable constraint");
  assert.is(op?.resultTypes[0], IndexType.get());
});

test("optional groups anchored on a type, and on a custom directive with parseOptional", () => {
  // An absent optional operand outside a group still gets its space, as ODS's printer gives it.
  assert.is(roundTrip("test.type_anchored x"), "test.type_anchored x ");
  assert.match(roundTrip("test.type_anchored x %a : i32"), /^test\.type_anchored x %\d : i32$/);
  assert.match(roundTrip("test.type_anchored x <%i of index>"), /^test\.type_anchored x {2}<%\d of index>$/);
  const [op] = opsOf("test.type_anchored x %a : i32 <%a of i32>");
  assert.is(op?.numOperands, 2);
});

test.run();
