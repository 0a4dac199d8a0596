/**
 * The index dialect's folders and semantics (dialects/index/): 2,000 seeded constant pairs folded by Tensile
 * and by `mlir-opt-16 --canonicalize` give the same IR (the 32/64-bit rule decides the same way, values
 * included); every folded value is what the interpreter computes; and the interpreter's edge cases.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { indexCalculations, type IndexBinaryMnemonic, foldIndexBinary } from "../../dialects/index/fold.ts";
import { indexKernels } from "../../dialects/index/interp.ts";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { runOpt } from "../../cli/opt-driver.ts";
import { parseOptArgs } from "../../cli/opt-args.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { i1, i32, i8, index } from "../../src/ir/types.ts";
import { unlessUndefined } from "../../src/interp/int-semantics.ts";
import { intValue } from "../../src/interp/values.ts";
import { Random, mlirOpt, oneOp, run, runError } from "../support/interp.ts";

const s = suite("index folds and semantics");
const MNEMONICS = Object.keys(indexCalculations) as IndexBinaryMnemonic[];
const PREDICATES = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];

/** Values where the low and high halves of a 64-bit index matter. */
function indexValue(r: Random): bigint {
  const k = r.below(4);
  if (k === 0) return BigInt.asIntN(64, r.pick([0n, 1n, -1n, 2n, 31n, 32n, 33n, 63n, 1n << 31n, -(1n << 31n), (1n << 32n) - 1n, 1n << 32n, (1n << 32n) + 2n, 1n << 63n, (1n << 63n) - 1n]));
  if (k === 1) return BigInt(r.below(80)) - 40n;
  if (k === 2) return BigInt.asIntN(64, (BigInt(r.below(8)) << 32n) + BigInt(r.below(9)) - 4n);
  return r.int(64);
}

const constant = (v: bigint): string => `"index.constant"() {value = ${v} : index} : () -> index`;

s("2000 constant pairs: Tensile's --canonicalize prints what mlir-opt-16's does", () => {
  const r = new Random(8);
  const fns: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const [a, b] = [indexValue(r), indexValue(r)];
    const cmp = r.below(6) === 0;
    const op = cmp ? `index.cmp ${r.pick(PREDICATES)}(%a, %b)` : `index.${r.pick(MNEMONICS)} %a, %b`;
    // MLIR 16's rems / remu folders divide by a zero low or full divisor and crash (SIGFPE): none of those.
    if (/index\.rem/.test(op) && BigInt.asIntN(32, b) === 0n) continue;
    const type = cmp ? "i1" : "index";
    fns.push(`func.func @f${i}() -> ${type} {\n  %a = ${constant(a)}\n  %b = ${constant(b)}\n  %r = ${op}\n  return %r : ${type}\n}`);
  }
  const text = fns.join("\n");
  const expected = mlirOpt(text, ["--canonicalize"]);
  const args = parseOptArgs(["--canonicalize"], newPassRegistry());
  if (typeof args === "string") throw new Error(args);
  const ours = runOpt(text, "pairs.mlir", () => newContext(), args.opts);
  assert.is(ours.exitCode, 0, ours.stderr);
  assert.fixture(ours.stdout, expected);
  // Both folded and unfolded cases occur (an all-or-nothing folder would be a weak test).
  const unfolded = (expected.match(/= index\.(?!constant|bool)/g) ?? []).length;
  assert.ok(unfolded > 200 && unfolded < fns.length - 800, `${unfolded} of ${fns.length} left unfolded`);
});

s("every folded value is what the interpreter computes on 64-bit index", () => {
  const r = new Random(9);
  let folded = 0;
  for (let i = 0; i < 20000; i++) {
    const m = r.pick(MNEMONICS);
    const [a, b] = [indexValue(r), indexValue(r)];
    const f = foldIndexBinary(m, IntegerAttr.get(index, a), IntegerAttr.get(index, b));
    if (f === undefined) continue;
    const interpreted = unlessUndefined(() => indexKernels[m](64, a, b));
    if (interpreted === undefined) continue; // MLIR folds some runs that are undefined behaviour (divs INT64_MIN / -1)
    folded++;
    assert.is(f.value, interpreted, `index.${m}(${a}, ${b})`);
  }
  assert.ok(folded > 10000, `only ${folded} folded`);
});

s("rems and remu by zero are left alone (MLIR 16's folder crashes on them)", () => {
  for (const m of ["rems", "remu", "divs", "divu", "ceildivs", "ceildivu", "floordivs"] as const) {
    assert.is(foldIndexBinary(m, IntegerAttr.get(index, 7), IntegerAttr.get(index, 0)), undefined, m);
    assert.is(foldIndexBinary(m, IntegerAttr.get(index, 7), IntegerAttr.get(index, 1n << 32n)), undefined, `${m} by 2^32`);
  }
});

s("interpreter: sizeof is 64, casts extend by their kind, division by zero and signed overflow are UB", () => {
  const idx = (v: bigint | number) => intValue(index, BigInt(v));
  assert.equal(run(oneOp([], ["index"], "index.sizeof"), "f", []), [idx(64)]);
  const casts = `func.func @f(%x: i8, %i: index) -> (index, index, i32, i32) {
  %s = index.casts %x : i8 to index
  %u = index.castu %x : i8 to index
  %t = index.casts %i : index to i32
  %v = index.castu %i : index to i32
  return %s, %u, %t, %v : index, index, i32, i32
}`;
  assert.equal(run(casts, "f", [intValue(i8, -1n), idx((1n << 32n) + 5n)]), [idx(-1), idx(255), intValue(i32, 5n), intValue(i32, 5n)]);
  for (const op of ["divs", "divu", "ceildivs", "ceildivu", "floordivs", "rems", "remu"]) {
    const e = runError(oneOp(["index", "index"], ["index"], `index.${op} %a, %b`), "f", [idx(3), idx(0)]);
    assert.match(e.message, /division by zero/, op);
  }
  const min = -(1n << 63n);
  for (const op of ["divs", "rems", "ceildivs", "floordivs"]) {
    const e = runError(oneOp(["index", "index"], ["index"], `index.${op} %a, %b`), "f", [idx(min), idx(-1)]);
    assert.match(e.message, /signed division overflow/, op);
  }
  // ceildivs / floordivs compute MLIR 16's formula, which wraps at INT64_MIN (its lowering and folder agree).
  assert.equal(run(oneOp(["index", "index"], ["index"], "index.ceildivs %a, %b"), "f", [idx(min), idx(2)]), [idx(1n << 62n)]);
  assert.equal(run(oneOp(["index", "index"], ["index"], "index.ceildivs %a, %b"), "f", [idx(-7), idx(2)]), [idx(-3)]);
  assert.equal(run(oneOp(["index", "index"], ["index"], "index.floordivs %a, %b"), "f", [idx(-7), idx(2)]), [idx(-4)]);
  assert.equal(run(oneOp(["index", "index"], ["i1"], "index.cmp ult(%a, %b)"), "f", [idx(-1), idx(0)]), [intValue(i1, 0n)]);
});

s.run();
