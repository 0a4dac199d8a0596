/**
 * Dialect types and attributes that print and parse themselves: a class carries its `print` and a static
 * `mnemonic` and `parse`; the dialect lists its classes (`types`, `attributes`) so the parser can pick one by
 * mnemonic. Printing needs no Context, so diagnostics spell dialect types in full.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { FastMathAttr } from "../../dialects/arith/attrs.ts";
import { type Diagnostic, renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { AffineMap, affineDim } from "../../src/ir/affine.ts";
import { AffineMapAttr, type Attribute, DialectAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { DialectInfo } from "../../src/ir/context.ts";
import { DialectType, f32, i32, i64, type Type, tensor } from "../../src/ir/types.ts";
import { intern } from "../../src/ir/uniquer.ts";
import { verify } from "../../src/irdl/verifier.ts";
import type { DialectAsmParser, DialectAsmPrinter } from "../../src/text/asm-interfaces.ts";
import { parseAttribute, parseSource, parseType } from "../../src/text/parser.ts";
import { printAttribute, printOp, printType } from "../../src/text/printer.ts";
import { assertAgreesWithMlir, assertSameErrors } from "../support/mlir-compat.ts";

/** `!tt.box<f32, 4>`: an element type and a count. */
class BoxType extends DialectType {
  static readonly mnemonic = "box";
  readonly dialect = "tt";
  readonly mnemonic = BoxType.mnemonic;
  private constructor(
    id: number,
    readonly element: Type,
    readonly count: number,
  ) {
    super(id);
  }
  static get(element: Type, count: number): BoxType {
    return intern(`tt.box:${element.id}:${count}`, (id) => new BoxType(id, element, count));
  }
  override print(p: DialectAsmPrinter): void {
    p.print("<");
    p.printType(this.element);
    p.print(`, ${this.count}>`);
  }
  static parse(p: DialectAsmParser): BoxType {
    p.parsePunct("<");
    const element = p.parseType();
    p.parsePunct(",");
    const count = p.parseInteger();
    p.parsePunct(">");
    return BoxType.get(element, Number(count));
  }
}

/** `!tt.token`: no parameters (the default `print` prints nothing after the mnemonic). */
class TokenType extends DialectType {
  static readonly mnemonic = "token";
  readonly dialect = "tt";
  readonly mnemonic = TokenType.mnemonic;
  static get(): TokenType {
    return intern("tt.token", (id) => new TokenType(id));
  }
  static parse(): TokenType {
    return TokenType.get();
  }
}

/** `#tt.layout<affine_map<...>, 3>`: holds a builtin attribute, which gets its alias like any other. */
class LayoutAttr extends DialectAttr {
  static readonly mnemonic = "layout";
  readonly dialect = "tt";
  readonly mnemonic = LayoutAttr.mnemonic;
  private constructor(
    id: number,
    readonly map: Attribute,
    readonly rank: IntegerAttr,
  ) {
    super(id);
  }
  static get(map: Attribute, rank: IntegerAttr): LayoutAttr {
    return intern(`tt.layout:${map.id}:${rank.id}`, (id) => new LayoutAttr(id, map, rank));
  }
  override print(p: DialectAsmPrinter): void {
    p.print("<");
    p.printAttribute(this.map);
    p.print(", ");
    p.printAttributeWithoutType(this.rank);
    p.print(">");
  }
  static parse(p: DialectAsmParser): LayoutAttr {
    p.parsePunct("<");
    const map = p.parseAttribute();
    p.parsePunct(",");
    const rank = IntegerAttr.get(i64, p.parseInteger());
    p.parsePunct(">");
    return LayoutAttr.get(map, rank);
  }
}

const tt: DialectInfo = { name: "tt", ops: [], types: [BoxType, TokenType], attributes: [LayoutAttr] };
const ctx = newContext({ allowUnregisteredDialects: true }).load(tt);

const ok = <T>(r: { _tag: "Left"; left: { message: string } } | { _tag: "Right"; right: T }): T => {
  if (isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const errorOf = (r: ReturnType<typeof parseType>): string =>
  isLeft(r) ? (renderDiagnostic(r.left).split("\n")[0] as string) : "parsed without error";

const map = AffineMapAttr.get(AffineMap.get(1, 0, [affineDim(0)]));

test("a dialect type prints itself, with no context", () => {
  assert.is(printType(BoxType.get(f32, 4)), "!tt.box<f32, 4>");
  assert.is(printType(tensor([2], BoxType.get(BoxType.get(i32, 1), 2))), "tensor<2x!tt.box<!tt.box<i32, 1>, 2>>");
  assert.is(printType(TokenType.get()), "!tt.token");
  assert.is(printAttribute(LayoutAttr.get(map, IntegerAttr.get(i64, 3))), "#tt.layout<affine_map<(d0) -> (d0)>, 3>");
  assert.is(printAttribute(FastMathAttr.get(["nnan", "ninf"])), "#arith.fastmath<nnan,ninf>");
});

test("the parser picks the class by mnemonic; what it prints reads back to the same object", () => {
  for (const t of [BoxType.get(f32, 4), TokenType.get(), tensor([2], BoxType.get(TokenType.get(), 7))]) {
    assert.is(ok(parseType(printType(t), ctx)), t);
  }
  const layout = LayoutAttr.get(map, IntegerAttr.get(i64, 3));
  assert.is(ok(parseAttribute(printAttribute(layout), ctx)), layout);
  assert.is(ok(parseAttribute("#arith.fastmath<fast>", ctx)), FastMathAttr.fast());
});

test("unknown mnemonics are MLIR's generated parsers' errors, at the mnemonic", () => {
  assert.is(errorOf(parseType("!tt.boxx<f32, 4>", ctx)), "<stdin>:1:5: error: unknown  type `boxx` in dialect `tt`");
  assert.is(errorOf(parseAttribute("#tt.lay<1>", ctx)), "<stdin>:1:5: error: unknown attribute `lay` in dialect `tt`");
  assert.is(errorOf(parseType("!tt.box<f32 4>", ctx)), "<stdin>:1:12: error: expected ','");
  assert.is(errorOf(parseType("!arith.foo", ctx)), "<stdin>:1:8: error: dialect 'arith' provides no type parsing hook");
  // The same errors as mlir-opt-16 for a dialect both know.
  assertSameErrors('"foo.a"() {a = #arith.foo} : () -> ()\n');
  assertSameErrors('"foo.a"() {a = #arith.fastmath<nnan, fast, nope>} : () -> ()\n');
  assertSameErrors('"foo.a"() {a = !arith.foo} : () -> ()\n');
});

test("attributes inside dialect attributes get aliases, as mlir-opt prints them", () => {
  const m = ok(parseSource('"foo.a"() {a = #tt.layout<affine_map<(d0) -> (d0)>, 3>, b = !tt.box<f32, 2>} : () -> ()', ctx));
  assert.is(
    printOp(m),
    '#map = affine_map<(d0) -> (d0)>\nmodule {\n  "foo.a"() {a = #tt.layout<#map, 3>, b = !tt.box<f32, 2>} : () -> ()\n}\n',
  );
  assertAgreesWithMlir('"foo.a"() {f = #arith.fastmath<nnan,ninf>, g = #arith.fastmath<fast>, h = #arith.fastmath<none>, i = [#arith.fastmath<reassoc>]} : () -> ()');
});

test("diagnostics spell dialect types in full", () => {
  const m = ok(parseSource("func.func @f(%a: !tt.box<f32, 4>) -> i32 {\n  return %a : !tt.box<f32, 4>\n}", ctx));
  const r = verify(m);
  if (!isLeft(r)) return assert.unreachable("the return type mismatch should be reported");
  assert.match(renderDiagnostic([r.left].flat()[0] as Diagnostic), "'!tt.box<f32, 4>'");
});

test.run();
