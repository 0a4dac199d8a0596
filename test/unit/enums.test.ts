/**
 * Enum attributes (src/irdl/enums.ts): the typed API, and the printed and parsed forms checked against
 * mlir-opt-16 -- every fast-math flag set in full (`#arith.fastmath<...>`) and stripped (`fastmath<...>` in an
 * op) form, every cmpi/cmpf predicate as a keyword and as a string, and the parse errors.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as A from "../../dialects/arith/index.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { i32, i64 } from "../../src/ir/types.ts";
import { defineBitEnumAttr, defineEnumAttr, defineIntEnum } from "../../src/irdl/enums.ts";
import { spawnSync } from "node:child_process";
import { runOpt } from "../../cli/opt-driver.ts";
import { newContext } from "../../rewrites/index.ts";
import { assertAgreesWithMlir, options } from "../support/mlir-compat.ts";

test("value enums: interned, typed case, integer value", () => {
  const Kind = defineEnumAttr({ dialect: "t", name: "Kind", mnemonic: "kind", cases: { add: 0, mul: 4 } });
  const add = Kind.get("add");
  assert.is(add, Kind.get("add"));
  assert.is.not(add, Kind.get("mul"));
  const v: "add" | "mul" = add.value;
  assert.is(v, "add");
  assert.is(Kind.get("mul").number, 4);
  assert.ok(add instanceof Kind);
  assert.ok(Kind.constraint.test(add));
  assert.not.ok(Kind.constraint.test(IntegerAttr.get(i32, 0)));
  assert.equal(Kind.cases, ["add", "mul"]);
  // @ts-expect-error: not a case
  assert.throws(() => Kind.get("sub").value.length);
});

test("integer-backed enums: IntegerAttr storage, cases by value", () => {
  const P = defineIntEnum({ name: "P", width: 64, cases: { lo: 0, hi: 7 } });
  assert.is(P.get("hi"), IntegerAttr.get(i64, 7n));
  assert.is(P.caseOf(IntegerAttr.get(i64, 7n)), "hi");
  assert.is(P.caseOf(IntegerAttr.get(i64, 3n)), undefined, "not a case");
  assert.is(P.caseOf(IntegerAttr.get(i32, 7n)), undefined, "wrong width");
  assert.is(P.constraint().description, "allowed 64-bit signless integer cases: 0, 7");
  assert.is(A.CmpIPredicateEnum.caseOf(A.cmpiPredicate("uge")), "uge");
  assert.equal(A.CMPF_PREDICATES.slice(0, 3), ["false", "oeq", "ogt"]);
});

test("bit enums: flags, groups, none, printing primary groups", () => {
  const F = A.FastMathAttr;
  assert.equal(F.get(["nnan", "ninf"]).flags, ["nnan", "ninf"]);
  assert.ok(F.get(["fast"]).has("fast"));
  assert.ok(F.get(["fast"]).has("contract"));
  assert.not.ok(F.get(["nnan"]).has("fast"));
  assert.is(F.get(["none", "nnan"]), F.get(["nnan"]));
  assert.ok(F.none().isNone);
  assert.equal(F.get(0b1111111).keywords, ["fast"]);
  // Without printPrimaryGroups, a complete group prints with its bits.
  const B = defineBitEnumAttr({ dialect: "t", name: "B", mnemonic: "b", bits: { x: 0, y: 1, z: 2 }, groups: { xy: ["x", "y"] } });
  assert.equal(B.get(["x", "y", "z"]).keywords, ["xy", "x", "y", "z"]);
  assert.equal(B.get(0).keywords, [], "no none case: nothing");
  assert.equal(B.keywords, ["x", "y", "z", "xy"]);
});

/** Every subset of the seven flags, as MLIR would be given them (in bit order, comma-separated). */
function allFlagSets(): string[] {
  const flags = ["reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn"];
  const sets: string[] = [];
  for (let bits = 0; bits < 128; bits++) {
    const on = flags.filter((_, i) => (bits & (1 << i)) !== 0);
    sets.push(on.length === 0 ? "none" : on.join(","));
  }
  return sets;
}

test("fast-math flags print and parse as mlir-opt-16 does, full and stripped", () => {
  const sets = allFlagSets();
  const full = sets.map((s, i) => `  "test.x"() {f${i} = #arith.fastmath<${s}>} : () -> ()`).join("\n");
  const stripped = sets.map((s) => `  %r${sets.indexOf(s)} = arith.addf %a, %a fastmath<${s}> : f32`).join("\n");
  // Other spellings MLIR accepts: groups and none mixed in, spaces around commas, other ops.
  const spellings = [
    `  "test.y"() {g = #arith.fastmath<fast,nnan>, h = #arith.fastmath<none, ninf>, k = #arith.fastmath<afn,reassoc>} : () -> ()`,
    "  %m = math.fma %a, %a, %a fastmath<contract, afn> : f32",
    "  %n = arith.negf %a fastmath<fast> : f32",
    "  %p = math.fpowi %a, %i fastmath<nnan> : f32, i32",
    "  %q = arith.addf %a, %a {fastmath = #arith.fastmath<ninf>, other} : f32",
  ].join("\n");
  assertAgreesWithMlir(`func.func @f(%a: f32, %i: i32) {\n${full}\n${stripped}\n${spellings}\n  return\n}\n`);
});

test("cmpi and cmpf predicates, as keywords and strings, as mlir-opt-16 prints them", () => {
  const ints = A.CMPI_PREDICATES.map((p, i) => `  %i${i} = arith.cmpi ${i % 2 === 0 ? p : `"${p}"`}, %x, %x : i32`);
  const floats = A.CMPF_PREDICATES.map((p, i) => `  %f${i} = arith.cmpf ${i % 2 === 1 ? p : `"${p}"`}, %y, %y : vector<2xf32>`);
  assertAgreesWithMlir(`func.func @f(%x: i32, %y: vector<2xf32>) {\n${[...ints, ...floats].join("\n")}\n  return\n}\n`);
});

/** The first error line of each tool on `text` (MLIR adds a second error for a bad enum attribute parameter). */
function firstErrors(text: string): { ours: string; theirs: string } {
  const ours = runOpt(text, "<stdin>", () => newContext({ allowUnregisteredDialects: true }), options());
  const theirs = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", "-"], { input: text, encoding: "utf8" });
  const first = (s: string): string => s.split("\n").find((l) => l.includes("error:")) ?? "";
  return { ours: first(ours.stderr), theirs: first(theirs.stderr) };
}

test("enum parse errors agree with mlir-opt-16", () => {
  const cases = [
    "func.func @f(%a: f32) {\n  %0 = arith.addf %a, %a fastmath<quick> : f32\n  return\n}",
    '"test.x"() {f = #arith.fastmath<nnan,fastest>} : () -> ()',
    '"test.x"() {f = #arith.fastmath<nnan|ninf>} : () -> ()',
    "func.func @g(%a: i32) {\n  %0 = arith.cmpi lt, %a, %a : i32\n  return\n}",
    'func.func @h(%a: f32) {\n  %0 = arith.cmpf "oeqq", %a, %a : f32\n  return\n}',
    "func.func @k(%a: f32) {\n  %0 = arith.cmpf 3, %a, %a : f32\n  return\n}",
  ];
  for (const text of cases) {
    const { ours, theirs } = firstErrors(text);
    assert.ok(theirs !== "", `mlir-opt-16 accepts ${text}`);
    assert.is(ours, theirs, text);
  }
});

test.run();
