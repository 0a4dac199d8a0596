/**
 * Integer sets (`affine_set<...>`): the IR object, and its text checked against mlir-opt-16 (printed form,
 * `#set` aliases, the normalisation of `<=`/`>=`/`==` constraints the parser does, and its error messages).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { affineConstant, affineDim, affineSymbol, IntegerSet } from "../../src/ir/affine.ts";
import { IntegerSetAttr } from "../../src/ir/attributes.ts";
import { printAttribute } from "../../src/text/print-attr.ts";
import { assertAgreesWithMlir, assertSameErrors } from "../support/mlir-compat.ts";

const d0 = affineDim(0);
const d1 = affineDim(1);
const s0 = affineSymbol(0);

test("integer sets are interned and keep their constraints as built", () => {
  const a = IntegerSet.get(1, 1, [d0.sub(s0), d0], [false, true]);
  assert.ok(a === IntegerSet.get(1, 1, [d0.sub(s0), d0], [false, true]));
  assert.ok(a !== IntegerSet.get(1, 1, [d0.sub(s0), d0], [false, false]));
  assert.is(a.numConstraints, 2);
  assert.is(a.numEqualities, 1);
  assert.is(a.numInequalities, 1);
  assert.ok(a.isEq(1));
  assert.not.ok(a.isEq(0));
  assert.is(a.toString(), "(d0)[s0] : (d0 - s0 >= 0, d0 == 0)");
  assert.ok(IntegerSetAttr.get(a) === IntegerSetAttr.get(a));
  assert.is(printAttribute(IntegerSetAttr.get(a)), "affine_set<(d0)[s0] : (d0 - s0 >= 0, d0 == 0)>");
});

test("the empty set and the universe, and membership", () => {
  assert.is(IntegerSet.emptySet(2, 0).toString(), "(d0, d1) : (1 == 0)");
  assert.ok(IntegerSet.emptySet(2, 0).isEmptyIntegerSet());
  assert.is(IntegerSet.universe(0, 0).toString(), "() : (0 == 0)");
  assert.not.ok(IntegerSet.universe(1, 0).isEmptyIntegerSet());
  // 0 <= d0 < s0 and d0 + d1 == 4
  const box = IntegerSet.fromConstraints(2, 1, [
    { expr: d0, isEq: false },
    { expr: s0.sub(d0).sub(1), isEq: false },
    { expr: d0.add(d1).sub(4), isEq: true },
  ]);
  assert.ok(box.contains([0, 4], [1]));
  assert.ok(box.contains([3, 1], [4]));
  assert.not.ok(box.contains([4, 0], [4]));
  assert.not.ok(box.contains([1, 1], [4]));
  assert.not.ok(IntegerSet.emptySet(1, 0).contains([0]));
  assert.throws(() => box.contains([0], [1]), /takes 2 dims and 1 symbols/);
  const renamed = box.replaceDimsAndSymbols([d1, d0], [affineConstant(3)], 2, 0);
  // Dims are substituted in place, not reordered: d0 + d1 becomes d1 + d0, as MLIR's replaceDimsAndSymbols leaves it.
  assert.is(renamed.toString(), "(d0, d1) : (d1 >= 0, -d1 + 2 >= 0, d1 + d0 - 4 == 0)");
});

test("malformed integer sets are refused when built", () => {
  assert.throws(() => IntegerSet.get(1, 0, [], []), /at least one constraint/);
  assert.throws(() => IntegerSet.get(1, 0, [d0], [true, false]), /one equality flag per constraint/);
  assert.throws(() => IntegerSet.get(1, 0, [d1], [true]), /uses an input beyond 1 dims/);
  assert.throws(() => IntegerSet.get(0, 0, [s0], [true]), /uses an input beyond 0 dims and 0 symbols/);
  assert.throws(() => IntegerSet.get(-1, 0, [affineConstant(0)], [true]), /dim count -1/);
});

test("affine_set attributes print, alias and read back as mlir-opt-16 does", () => {
  assertAgreesWithMlir(`
func.func @f() attributes {
  a = affine_set<(d0)[s0] : (d0 - s0 >= 0, d0 == 0)>,
  b = affine_set<(d0, d1) : (d0 * 2 + d1 - 4 >= 0, 0 == 0)>,
  c = affine_set<() : (1 >= 0)>,
  d = affine_set<(i)[N] : (i - N == 0)>,
  e = affine_set<(d0) : (d0 * 2 - 4 == 0, -d0 + 10 >= 0)>,
  f = affine_set<(d0)[s0] : (d0 - s0 >= 0, d0 == 0)>,
  g = [affine_set<(d0) : (d0 - 1 >= 0)>, affine_map<(d0) -> (d0)>],
  h = affine_set<(d0) : (d0 > = 0, d0 <= 3)>,
  i = affine_set<(d0) : ()>,
  j = affine_set<() : ()>,
  k = affine_set<(d0)[s0] : (d0 <= s0, d0 + 1 == s0 * 2)>,
  l = affine_set<(d0, d1) : (d0 - d1 + 0 >= 3 - 3, (d0 floordiv 2) * 2 == d0 mod 3)>,
  m = affine_set<(d0) : (d0 = = 0)>,
  n = affine_set<(d0)[s0, s1] : (d0 ceildiv 4 - s1 >= 0, -(d0 - 3) >= -s0)>,
  o = affine_set<(d0) : (1 == 0)>,
  p = {q = affine_set<(d0) : (d0 >= 0) >}
} {
  return
}
"foo.op"() {s = affine_set<(d0) : (d0 >= 0)>, m = affine_map<(d0) -> (d0 + 1)>} : () -> ()
`);
});

test("integer set errors are mlir-opt-16's, at the same place", () => {
  for (const body of [
    "affine_map<(d0) : (d0 >= 0)>",
    "affine_set<(d0) -> (d0)>",
    "affine_set<(d0) : (d0 > 0)>",
    "affine_set<(d0) : (d0 < 0)>",
    "affine_set<(d0) : (d0 = 0)>",
    "affine_set<(d0) : (d0 >= 0",
    "affine_set<(d0) : (d0 >= 0,)>",
    "affine_set<(d0) : d0 >= 0>",
    "affine_set<(d0) : (d0 * d0 >= 0)>",
    "affine_set<(d0) : (d0 >=)>",
    "affine_set (d0) : (d0 >= 0)>",
    "affine_set<(d0) : (d1 >= 0)>",
    "affine_set<(d0) : (d0 >= 0) x",
    "affine_set<(d0) (d0 >= 0)>",
    "affine_set<(d0)[s0] : (d0 floordiv d0 >= s0)>",
    "affine_set<(d0, d0) : (d0 >= 0)>",
  ]) {
    assertSameErrors(`"foo.a"() {a = ${body}} : () -> ()\n`);
  }
});

test.run();
