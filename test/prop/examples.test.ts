/**
 * Rewrite examples: the hole syntax fills as documented (rewrites/testing/examples.ts), near misses replace a
 * constant by a free operand (rewrites/testing/program-gen.ts), every example of every
 * shipped pattern and folder parses and verifies for some filling, and every shipped canonicalization pattern
 * and folder has one.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { arithOps } from "../../dialects/arith/index.ts";
import { arithFoldExamples } from "../../dialects/arith/fold-examples.ts";
import { newContext } from "../../rewrites/index.ts";
import { mathOps } from "../../dialects/math/index.ts";
import { mathFoldExamples } from "../../dialects/math/fold-examples.ts";
import { arithCanonicalizationPatterns } from "../../rewrites/arith/canonicalize.ts";
import { cfCanonicalizationPatterns } from "../../rewrites/cf/canonicalize.ts";
import { funcCanonicalizationPatterns } from "../../rewrites/func/canonicalize.ts";
import { hasFolder } from "../../rewrites/testing/coverage.ts";
import { fillExample, instantiate, seeded, tryInstantiate } from "../../rewrites/testing/examples.ts";
import { buildProgram, type Recipe } from "../../rewrites/testing/program-gen.ts";
import { i32 } from "../../src/ir/types.ts";
import type { RewriteExample } from "../../src/rewrite/pattern.ts";
import { printOp } from "../../src/text/printer.ts";

const ctx = newContext();
const s = suite("rewrite examples");

s("holes: types, constants (one value per name), choices, free operands and hidden results", () => {
  const ex: RewriteExample = {
    ir: "^bb0(%x: $T):\n  %a = arith.constant ?c : $T\n  %b = arith.constant ?c : $T\n  %r = arith.cmpi ?{eq|ne}, %a, %x : $T\n  %s, %_o = arith.addui_extended %a, %b : $T, i1",
    types: { T: ["i16", "i64"] },
  };
  const seen = new Set<string>();
  for (let seed = 0; seed < 40; seed++) {
    const text = fillExample(ex, seeded(seed));
    assert.not.match(text, /[$?]/, text);
    const type = /%x: (i16|i64)/.exec(text)?.[1];
    assert.ok(type !== undefined, text);
    assert.not.match(text, type === "i16" ? /i64/ : /i16/, "one type per hole name");
    const constants = [...text.matchAll(/arith\.constant (-?\d+) :/g)].map((m) => m[1]);
    assert.is(constants.length, 2);
    assert.is(constants[0], constants[1], "one value per constant hole name");
    assert.ok(BigInt(constants[0] ?? "0") < 2n ** BigInt(type === "i16" ? 15 : 63), "constants fit their type");
    seen.add(/cmpi (eq|ne)/.exec(text)?.[1] ?? "");
    assert.is(fillExample(ex, seeded(seed)), text, "a filling is a function of its seed");
  }
  assert.equal([...seen].sort(), ["eq", "ne"], "choices vary with the seed");
  const inst = instantiate(ex, 1, ctx);
  assert.ok(inst !== undefined);
  assert.is(inst?.blocks[0]?.args.length, 1, "the free operand is the entry block's argument");
  assert.is(inst?.hidden.size, 1, "%_o is kept unused");
  assert.is(inst?.blocks.at(-1)?.last?.name, "arith.addui_extended", "the closing func.return is gone: the program continues there");
  // Float holes and choice alternatives that are constant holes.
  const f = fillExample("%c = arith.constant ?{?k|1.5} : $F", seeded(3));
  assert.match(f, /^%c = arith\.constant (0x[0-9A-F]+|1\.5) : f(16|32|64)$/);
});

s("near misses: a constant of an example becomes a free operand, never a shift amount", () => {
  const ex = "^bb0(%x: i32):\n  %a = arith.constant 5 : i32\n  %n = arith.constant 3 : i32\n  %s = arith.shli %x, %n : i32\n  %r = arith.addi %s, %a : i32";
  const build = (nearMiss: number, seed: number): string => {
    const recipe: Recipe = { args: [], steps: [], results: [0], diamond: undefined, examples: [{ at: 0, which: 0, seed, bind: [1], nearMiss }] };
    return printOp(buildProgram(recipe, { ops: [], types: [i32], examples: [ex], ctx }).module, { ctx });
  };
  for (let seed = 0; seed < 6; seed++) {
    const exact = build(1, seed);
    assert.match(exact, /arith\.constant 5 : i32/, exact);
    const miss = build(0, seed);
    // The addend 5 is now an argument of @f; the shift amount 3 stays (a random shift is undefined behaviour).
    assert.not.match(miss, /arith\.constant 5 : i32/, miss);
    assert.match(miss, /arith\.constant 3 : i32/, miss);
    assert.match(miss, /func\.func @f\(%arg0: i32, %arg1: i32\)/, miss);
    assert.match(miss, /arith\.addi %\d+, %arg1 : i32/, miss);
  }
});

s("a bad example says why it does not parse", () => {
  const r = tryInstantiate("%r = arith.addi %nowhere, %nowhere : $T", 0, ctx);
  assert.type(r, "string");
  assert.match(String(r), /nowhere|undefined|use of/);
  assert.is(instantiate("%r = arith.addi %nowhere, %nowhere : $T", 0, ctx), undefined);
  assert.match(String(tryInstantiate("%a = arith.constant 1 : i32  %b = arith.constant 2 : i32", 0, ctx)), /one op per line/);
});

const patterns = [...arithCanonicalizationPatterns, ...cfCanonicalizationPatterns, ...funcCanonicalizationPatterns];

s("every shipped canonicalization pattern has examples, and each one parses and verifies", () => {
  for (const p of patterns) {
    assert.ok((p.examples ?? []).length > 0, `${p.name} has no example`);
    for (const ex of p.examples ?? []) {
      const why = [0, 1, 2, 3, 4, 5, 6, 7].map((seed) => tryInstantiate(ex, seed * 7919, ctx));
      assert.ok(why.some((w) => typeof w !== "string"), `an example of ${p.name} never verifies:\n${why[0]}`);
    }
  }
});

s("every shipped arith and math folder has examples, and each one parses and verifies", () => {
  for (const [ops, table] of [[arithOps, arithFoldExamples], [mathOps, mathFoldExamples]] as const) {
    for (const op of ops.filter(hasFolder)) {
      const name = op.info?.name ?? "";
      const examples = table[name] ?? [];
      assert.ok(examples.length > 0, `the folder of ${name} has no example`);
      for (const ex of examples) {
        const why = [0, 1, 2, 3, 4, 5, 6, 7].map((seed) => tryInstantiate(ex, seed * 7919, ctx));
        assert.ok(why.some((w) => typeof w !== "string"), `an example of ${name}'s folder never verifies:\n${why[0]}`);
      }
    }
    for (const name of Object.keys(table)) assert.ok(ops.some((o) => o.info?.name === name && hasFolder(o)), `${name} is not a folding op`);
  }
});

s.run();
