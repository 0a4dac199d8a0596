/**
 * Affine expressions and maps: builder simplifications and printing against MLIR 16 (hand-picked cases and
 * ~200 random maps run through `mlir-opt-16`), the map API, and fast-check properties for evaluation
 * (simplification, composition, inversion, compression and printing all preserve values).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  type AffineBinaryKind,
  type AffineExpr,
  AffineMap,
  affineAdd,
  affineBinary,
  affineCeilDiv,
  affineConstant,
  affineDim,
  affineFloorDiv,
  affineMod,
  affineMul,
  affineNeg,
  affineSub,
  affineSymbol,
  ceilDivInt,
  compressUnusedDims,
  compressUnusedDimsOfMaps,
  concatAffineMaps,
  floorDivInt,
  inverseAndBroadcastProjectedPermutation,
  inversePermutation,
  isPureAffine,
  largestKnownDivisor,
  modInt,
  nonAffineReason,
  printAffineExpr,
  printAffineMap,
  replaceAffineExprs,
  walkAffineExpr,
} from "../../src/ir/affine.ts";

const d0 = affineDim(0);
const d1 = affineDim(1);
const d2 = affineDim(2);
const d3 = affineDim(3);
const s0 = affineSymbol(0);
const s1 = affineSymbol(1);

// ---------------------------------------------------------------------------------------------------------
// A tiny reader for affine-map text that calls the builders exactly as MLIR's AffineParser does (`a - b` is
// `a + b * -1`, `-x` is `-1 * x`, left-associative, two precedence levels). Test-only: the real parser
// lives in src/text.
// ---------------------------------------------------------------------------------------------------------

const highOps: Record<string, AffineBinaryKind> = { "*": "mul", floordiv: "floordiv", ceildiv: "ceildiv", mod: "mod" };

function parseMap(text: string): AffineMap {
  const toks = text.match(/->|[ds]\d+|\d+|floordiv|ceildiv|mod|[-+*()[\],]/g) ?? [];
  let pos = 0;
  const peek = (): string | undefined => toks[pos];
  const next = (): string => {
    const t = toks[pos++];
    if (t === undefined) throw new Error(`unexpected end of ${text}`);
    return t;
  };
  const expect = (t: string): void => {
    const got = next();
    if (got !== t) throw new Error(`expected ${t}, got ${got} in ${text}`);
  };
  const idList = (close: string): number => {
    let n = 0;
    while (peek() !== close) {
      next();
      n++;
      if (peek() === ",") next();
    }
    expect(close);
    return n;
  };
  expect("(");
  const numDims = idList(")");
  let numSymbols = 0;
  if (peek() === "[") {
    next();
    numSymbols = idList("]");
  }
  const operand = (): AffineExpr => {
    const t = next();
    if (t === "(") {
      const e = expr();
      expect(")");
      return e;
    }
    if (t === "-") return affineMul(affineConstant(-1), operand());
    if (/^\d+$/.test(t)) return affineConstant(Number(t));
    const index = Number(t.slice(1));
    if (t[0] === "d" && index < numDims) return affineDim(index);
    if (t[0] === "s" && index < numSymbols) return affineSymbol(index);
    throw new Error(`bad operand ${t} in ${text}`);
  };
  const term = (): AffineExpr => {
    let e = operand();
    for (let op = highOps[peek() ?? ""]; op !== undefined; op = highOps[peek() ?? ""]) {
      next();
      e = affineBinary(op, e, operand());
    }
    return e;
  };
  const expr = (): AffineExpr => {
    let e = term();
    while (peek() === "+" || peek() === "-") {
      const op = next();
      const rhs = term();
      e = op === "+" ? affineAdd(e, rhs) : affineSub(e, rhs);
    }
    return e;
  };
  expect("->");
  expect("(");
  const results: AffineExpr[] = [];
  while (peek() !== ")") {
    results.push(expr());
    if (peek() === ",") next();
  }
  expect(")");
  if (pos !== toks.length) throw new Error(`trailing tokens in ${text}`);
  return AffineMap.get(numDims, numSymbols, results);
}

// ---------------------------------------------------------------------------------------------------------
// Hand-picked simplification and printing cases; `mlir-opt-16` agrees with every expectation (checked in
// the oracle test below).
// ---------------------------------------------------------------------------------------------------------

const header = "(d0, d1, d2)[s0, s1] -> ";
const cases: [input: string, printed: string][] = [
  ["d0 + 0", "d0"],
  ["0 + d0", "d0"],
  ["d0 * 1", "d0"],
  ["d0 * 0", "0"],
  ["2 + d0", "d0 + 2"],
  ["s0 + d0", "d0 + s0"],
  ["s0 * 2 + d0", "d0 + s0 * 2"],
  ["(d0 + 2) + 3", "d0 + 5"],
  ["d0 + 2 - 2", "d0"],
  ["(d0 * 2) * 3", "d0 * 6"],
  ["(d0 + 2) + d1", "d0 + d1 + 2"],
  ["(d0 * 2) * s0", "(d0 * s0) * 2"],
  ["d0 * 3 + d0 * 4", "d0 * 7"],
  ["d0 + d0", "d0 * 2"],
  ["(d0 + 1) + (d0 + 1)", "(d0 + 1) * 2"],
  ["d0 - d0", "0"],
  ["d0 - (d0 floordiv 4) * 4", "d0 mod 4"],
  ["d0 - (d0 floordiv s0) * s0", "d0 mod s0"],
  ["d0 + (d0 floordiv s0) * (s0 * -1)", "d0 mod s0"],
  ["d1 - (d0 floordiv s0) * s0", "d1 - (d0 floordiv s0) * s0"],
  ["d1 - (d0 floordiv 4) * 4", "d1 - (d0 floordiv 4) * 4"],
  ["d0 - (d0 floordiv 4) * 3", "d0 - (d0 floordiv 4) * 3"],
  ["d0 - (d0 ceildiv 4) * 4", "d0 - (d0 ceildiv 4) * 4"],
  ["(d0 floordiv 2) * -2 + d0", "(d0 floordiv 2) * -2 + d0"],
  ["d0 floordiv 1", "d0"],
  ["d0 ceildiv 1", "d0"],
  ["d0 mod 1", "0"],
  ["7 floordiv 2", "3"],
  ["-7 floordiv 2", "-4"],
  ["7 ceildiv 2", "4"],
  ["-7 ceildiv 2", "-3"],
  ["-7 mod 3", "2"],
  ["7 mod 3", "1"],
  ["(d0 * 6) floordiv 3", "d0 * 2"],
  ["(d0 * -6) ceildiv 3", "d0 * -2"],
  ["(d0 * 6) floordiv 4", "(d0 * 6) floordiv 4"],
  ["(d0 * 4 + d1) floordiv 4", "d0 + d1 floordiv 4"],
  ["(d0 * 4 + 3) floordiv 4", "d0"],
  ["(d0 * 4 + d1) ceildiv 4", "(d0 * 4 + d1) ceildiv 4"],
  ["(d0 * 4) mod 2", "0"],
  ["(d0 * 4 + d1) mod 2", "d1 mod 2"],
  ["(d1 + d0 * 4) mod 4", "d1 mod 4"],
  ["(d0 * s0 * 6) mod 3", "0"],
  ["(d0 mod 4) mod 2", "d0 mod 2"],
  ["(d0 mod 2) mod 4", "(d0 mod 2) mod 4"],
  ["d0 floordiv 0", "d0 floordiv 0"],
  ["5 floordiv 0", "5 floordiv 0"],
  ["d0 mod -2", "d0 mod -2"],
  ["d0 floordiv -2", "d0 floordiv -2"],
  ["-d0", "-d0"],
  ["-(d0 + d1)", "-(d0 + d1)"],
  ["-(d0 floordiv 2)", "-(d0 floordiv 2)"],
  ["-(d0 * 2)", "d0 * -2"],
  ["-(-d0)", "d0"],
  ["d0 - (d1 + 2)", "d0 - (d1 + 2)"],
  ["d0 - d1 * 3", "d0 - d1 * 3"],
  ["d0 - 3", "d0 - 3"],
  ["3 - d0", "-d0 + 3"],
  ["d1 * -3 + d0", "d1 * -3 + d0"],
  ["d0 - (d1 floordiv 2)", "d0 - d1 floordiv 2"],
  ["d0 - (d1 mod 3) * 2", "d0 - (d1 mod 3) * 2"],
  ["d0 - d1 * s0", "d0 - d1 * s0"],
  ["d1 - (d0 + d2) * 2", "d1 - (d0 + d2) * 2"],
  ["d0 + (d1 + d2)", "d0 + d1 + d2"],
  ["d0 - (d1 - d2)", "d0 - (d1 - d2)"],
  ["(d0 + 1) * 2", "(d0 + 1) * 2"],
  ["(d0 floordiv 2) * 3", "(d0 floordiv 2) * 3"],
  ["d0 floordiv 2 floordiv 3", "(d0 floordiv 2) floordiv 3"],
  ["(d0 - d1) floordiv 2", "(d0 - d1) floordiv 2"],
  ["s0 * d0", "d0 * s0"],
  ["s1 * s0", "s1 * s0"],
  ["2 * s0", "s0 * 2"],
  ["(d0 + s0) floordiv s0", "(d0 + s0) floordiv s0"],
  ["(d0 ceildiv 4) * 4", "(d0 ceildiv 4) * 4"],
  ["d0 * -1 * -1", "d0"],
  ["(d0 - d0) * d1", "0"],
];

const exprs = suite("affine expressions");

exprs("builders simplify and print as MLIR 16 does", () => {
  for (const [input, printed] of cases) {
    const map = parseMap(header + `(${input})`);
    assert.is(printAffineExpr(map.getResult(0)), printed, input);
  }
});

exprs("expressions are interned: structural equality is ===, ids are unique", () => {
  assert.ok(affineAdd(d0, 1) === d0.add(1));
  assert.ok(affineDim(0) === d0);
  assert.ok(affineConstant(-0) === affineConstant(0));
  assert.ok(affineMul(d0, s0) === affineMul(s0, d0));
  assert.not.ok(d0.add(d1) === d1.add(d0)); // MLIR does not sort non-constant operands
  const seen = new Set([d0, d1, s0, s1, affineConstant(3), d0.add(d1), d1.add(d0)].map((e) => e.id));
  assert.is(seen.size, 7);
  assert.is(d0.add(d1).kind, "add");
  assert.ok(Object.isFrozen(AffineMap.identity(2).results));
});

exprs("expression structure after simplification", () => {
  const e = d0.sub(d1.mul(2));
  assert.is(e.kind, "add");
  if (e.kind !== "add") return;
  assert.is(e.lhs, d0);
  assert.is(e.rhs, affineMul(d1, -2));
  const visited: string[] = [];
  walkAffineExpr(e, (x) => visited.push(printAffineExpr(x)));
  assert.equal(visited, ["d0", "d1", "-2", "d1 * -2", "d0 - d1 * 2"]);
});

exprs("printing with operand names", () => {
  const e = d0.add(s0.mul(4)).floorDiv(3);
  const names = (p: number, isSymbol: boolean): string => (isSymbol ? `symbol(%n${p})` : `%i${p}`);
  assert.is(printAffineExpr(e, names), "(%i0 + symbol(%n0) * 4) floordiv 3");
  assert.is(String(e), "(d0 + s0 * 4) floordiv 3");
  // Divisible by 2, the sum splits: (d0 + s0 * 4) floordiv 2 = d0 floordiv 2 + s0 * 2.
  assert.is(String(d0.add(s0.mul(4)).floorDiv(2)), "d0 floordiv 2 + s0 * 2");
});

exprs("queries: divisors, purity, function-of", () => {
  assert.is(largestKnownDivisor(d0.mul(4).mul(s0.mul(6))), 24n);
  assert.is(largestKnownDivisor(d0.mul(4).add(s0.mul(6))), 2n);
  assert.is(largestKnownDivisor(d0.floorDiv(3)), 1n);
  assert.ok(isPureAffine(d0.mul(3).add(d1.mod(4))));
  assert.not.ok(isPureAffine(d0.mul(s0)));
  assert.not.ok(isPureAffine(d0.floorDiv(s0)));
  const m = AffineMap.get(3, 2, [d0.add(s1), d2.floorDiv(4)]);
  assert.equal([0, 1, 2].map((i) => m.isFunctionOfDim(i)), [true, false, true]);
  assert.equal([0, 1].map((i) => m.isFunctionOfSymbol(i)), [false, true]);
  assert.ok(s0.mul(s1).isSymbolicOrConstant());
  assert.not.ok(s0.add(d2).isSymbolicOrConstant());
});

exprs("replace sub-expressions", () => {
  const e = d0.floorDiv(4).add(d1);
  const r = replaceAffineExprs(e, new Map([[d0.floorDiv(4), s0]]));
  assert.is(r, d1.add(s0));
});

exprs("non-affine combinations are rejected with MLIR's parser messages", () => {
  assert.is(
    nonAffineReason("mul", d0, d1),
    "non-affine expression: at least one of the multiply operands has to be either a constant or symbolic",
  );
  assert.is(
    nonAffineReason("floordiv", d0, d1),
    "non-affine expression: right operand of floordiv has to be either a constant or symbolic",
  );
  assert.is(nonAffineReason("mod", d1, s0.add(3)), undefined);
  assert.throws(() => affineMul(d0, d1), /at least one of the multiply operands/);
  assert.throws(() => affineCeilDiv(s0, d1), /right operand of ceildiv/);
  assert.is(affineMul(d0.sub(d0), d1), affineConstant(0)); // checked after simplification, as in MLIR
});

exprs("constants stay within the safe integer range", () => {
  const max = Number.MAX_SAFE_INTEGER;
  assert.throws(() => affineConstant(2 ** 53), /safe range/);
  assert.throws(() => affineConstant(1.5), /safe range/);
  assert.throws(() => affineAdd(max, 1), /overflow/);
  assert.throws(() => affineMul(d0.mul(2 ** 30), 2 ** 30), /overflow/);
  assert.is(affineAdd(max, -1).kind, "constant");
  assert.throws(() => d0.mul(2 ** 30).evaluate([2 ** 30]), /overflow/);
  assert.throws(() => affineDim(-1), RangeError);
});

exprs("integer division semantics: floor, ceil, non-negative mod", () => {
  const table: [number, number, number, number][] = [
    // a, b, floordiv, ceildiv
    [7, 2, 3, 4],
    [-7, 2, -4, -3],
    [7, -2, -4, -3],
    [-7, -2, 3, 4],
    [6, 3, 2, 2],
    [-6, 3, -2, -2],
    [0, 5, 0, 0],
  ];
  for (const [a, b, f, c] of table) {
    assert.is(floorDivInt(a, b), f, `${a} floordiv ${b}`);
    assert.is(ceilDivInt(a, b), c, `${a} ceildiv ${b}`);
  }
  assert.is(modInt(-7, 3), 2);
  assert.is(modInt(-6, 3), 0);
  assert.ok(Object.is(modInt(-6, 3), 0));
  assert.is(floorDivInt(-(2 ** 52) - 1, 3), Math.floor((-(2 ** 52) - 1) / 3) - 0); // exact path for big values
  assert.is(floorDivInt(2 ** 53 - 1, 2 ** 40 + 1), 8191);
  assert.is(ceilDivInt(-(2 ** 53) + 1, 2 ** 40 + 1), -8191);
  assert.throws(() => modInt(5, 0), /non-positive/);
  assert.throws(() => floorDivInt(5, 0), /by zero/);
  const e = d0.floorDiv(s0).add(d1.mod(3)).add(d0.ceilDiv(4));
  assert.is(e.evaluate([-9, -1], [2]), -5 + 2 + -2);
});

exprs.run();

// ---------------------------------------------------------------------------------------------------------
// Maps
// ---------------------------------------------------------------------------------------------------------

const maps = suite("affine maps");

maps("printing", () => {
  const m = AffineMap.get(2, 1, [d0.add(s0), d1.mul(2), d0.floorDiv(4), d1.mod(3), d0.neg().add(d1), d0.sub(d1)]);
  assert.is(printAffineMap(m), "(d0, d1)[s0] -> (d0 + s0, d1 * 2, d0 floordiv 4, d1 mod 3, -d0 + d1, d0 - d1)");
  assert.is(printAffineMap(AffineMap.empty()), "() -> ()");
  assert.is(String(AffineMap.get(0, 2, [s1])), "()[s0, s1] -> (s1)");
  assert.is(String(AffineMap.constant(-4)), "() -> (-4)");
  assert.is(String(AffineMap.get(2, 0, [])), "(d0, d1) -> ()");
});

maps("interning and validation", () => {
  assert.ok(AffineMap.identity(3) === AffineMap.get(3, 0, [d0, d1, d2]));
  assert.not.ok(AffineMap.get(3, 0, [d0]) === AffineMap.get(3, 1, [d0]));
  assert.throws(() => AffineMap.get(1, 0, [d1]), /beyond 1 dims/);
  assert.throws(() => AffineMap.get(1, 0, [s0]), RangeError);
  assert.throws(() => AffineMap.get(-1, 0, []), RangeError);
});

maps("identity, permutation and minor identity builders and predicates", () => {
  const id = AffineMap.identity(3);
  assert.is(String(id), "(d0, d1, d2) -> (d0, d1, d2)");
  assert.ok(id.isIdentity() && id.isPermutation() && id.isProjectedPermutation() && id.isMinorIdentity());
  assert.ok(AffineMap.multiDimIdentity(0).isIdentity());
  assert.ok(AffineMap.multiDimIdentity(0).isEmpty());
  const perm = AffineMap.permutation([1, 2, 0]);
  assert.is(String(perm), "(d0, d1, d2) -> (d1, d2, d0)");
  assert.ok(perm.isPermutation());
  assert.not.ok(perm.isIdentity());
  assert.equal(perm.getPermutationVector(), [1, 2, 0]);
  assert.throws(() => AffineMap.permutation([0, 0]), /not a permutation/);
  assert.throws(() => AffineMap.permutation([]), RangeError);
  const minor = AffineMap.minorIdentity(4, 2);
  assert.is(String(minor), "(d0, d1, d2, d3) -> (d2, d3)");
  assert.ok(minor.isMinorIdentity() && minor.isProjectedPermutation());
  assert.not.ok(minor.isPermutation());
  assert.not.ok(AffineMap.multiDimWithTargets(4, [1, 3]).isMinorIdentity());
  assert.throws(() => AffineMap.minorIdentity(1, 2), RangeError);
  assert.equal(AffineMap.get(3, 0, [affineConstant(0), d2]).minorIdentityBroadcastDims(), [0]);
  assert.equal(AffineMap.get(3, 0, [d1, d2]).minorIdentityBroadcastDims(), []);
  assert.is(AffineMap.get(3, 0, [d0, d2]).minorIdentityBroadcastDims(), undefined);
  // Symbols are ignored by isIdentity (as in MLIR) but rule out projected permutations.
  const withSym = AffineMap.get(2, 1, [d0, d1]);
  assert.ok(withSym.isIdentity());
  assert.not.ok(withSym.isProjectedPermutation());
});

maps("projected permutations", () => {
  const proj = AffineMap.multiDimWithTargets(3, [2, 0]);
  assert.ok(proj.isProjectedPermutation());
  assert.not.ok(proj.isPermutation());
  assert.equal(proj.getPermutationVector(), [2, 0]);
  const withZero = AffineMap.get(3, 0, [d2, affineConstant(0)]);
  assert.not.ok(withZero.isProjectedPermutation());
  assert.ok(withZero.isProjectedPermutation(true));
  assert.is(withZero.getPermutationVector(), undefined);
  assert.not.ok(AffineMap.get(2, 0, [d0, d0]).isProjectedPermutation());
  assert.not.ok(AffineMap.get(2, 0, [d0.add(1)]).isProjectedPermutation());
  assert.is(String(inverseAndBroadcastProjectedPermutation(proj)), "(d0, d1) -> (d1, 0, d0)");
});

maps("inverse permutation", () => {
  const perm = AffineMap.permutation([2, 0, 1]);
  const inv = inversePermutation(perm);
  assert.is(String(inv), "(d0, d1, d2) -> (d1, d2, d0)");
  assert.ok(inv?.compose(perm).isIdentity());
  assert.is(inversePermutation(AffineMap.multiDimWithTargets(3, [0, 1])), undefined);
  assert.is(inversePermutation(AffineMap.empty()), AffineMap.empty());
  // Extra results are skipped; the first occurrence of each dim wins.
  assert.is(String(inversePermutation(AffineMap.get(2, 0, [d1, d0.add(d1), d0, d1]))), "(d0, d1, d2, d3) -> (d2, d0)");
});

maps("compose", () => {
  const a = AffineMap.get(2, 1, [d0.add(d1), d1.mul(s0)]);
  const b = AffineMap.get(1, 1, [d0.mul(2), d0.add(s0)]);
  const c = a.compose(b);
  assert.is(String(c), "(d0)[s0, s1] -> (d0 * 2 + d0 + s1, (d0 + s1) * s0)");
  assert.equal(c.evaluate([5], [7, 3]), a.evaluate(b.evaluate([5], [3]), [7]));
  assert.throws(() => a.compose(AffineMap.identity(3)), /cannot compose/);
  const tile = AffineMap.get(2, 0, [d0.mul(4).add(d1)]); // (tile, point) -> index
  assert.is(String(tile.compose(AffineMap.get(1, 0, [d0.floorDiv(4), d0.mod(4)]))), "(d0) -> ((d0 floordiv 4) * 4 + d0 mod 4)");
});

maps("results, sub-maps and dropping", () => {
  const m = AffineMap.get(3, 1, [d0, d1.add(s0), d2, affineConstant(7)]);
  assert.is(m.numResults, 4);
  assert.is(m.numInputs, 4);
  assert.is(m.getNumInputs(), 4);
  assert.is(m.getResult(1), d1.add(s0));
  assert.throws(() => m.getResult(4), RangeError);
  assert.is(m.getDimPosition(2), 2);
  assert.throws(() => m.getDimPosition(1), TypeError);
  assert.is(m.getResultPosition(d2), 2);
  assert.is(m.getResultPosition(d1), undefined);
  assert.is(String(m.dropResults([0, 3])), "(d0, d1, d2)[s0] -> (d1 + s0, d2)");
  assert.is(String(m.dropResult(1)), "(d0, d1, d2)[s0] -> (d0, d2, 7)");
  assert.is(String(m.getSubMap([3, 0])), "(d0, d1, d2)[s0] -> (7, d0)");
  assert.is(String(m.getSliceMap(1, 2)), "(d0, d1, d2)[s0] -> (d1 + s0, d2)");
  assert.is(String(m.getMajorSubMap(2)), "(d0, d1, d2)[s0] -> (d0, d1 + s0)");
  assert.is(String(m.getMinorSubMap(1)), "(d0, d1, d2)[s0] -> (7)");
  assert.is(m.getMajorSubMap(9), m);
  assert.is(m.getMinorSubMap(0).numResults, 0);
  assert.ok(AffineMap.get(0, 0, [affineConstant(3)]).isSingleConstant());
  assert.is(AffineMap.constant(3).getSingleConstantResult(), 3);
  assert.equal(AffineMap.get(1, 0, [affineConstant(1), affineConstant(2)]).getConstantResults(), [1, 2]);
  assert.not.ok(m.isConstant());
  assert.throws(() => m.getConstantResults(), TypeError);
});

maps("shifting, concatenation and compression", () => {
  const m = AffineMap.get(2, 1, [d0.add(d1), d1.floorDiv(s0)]);
  assert.is(String(m.shiftDims(2)), "(d0, d1, d2, d3)[s0] -> (d2 + d3, d3 floordiv s0)");
  assert.is(String(m.shiftDims(1, 1)), "(d0, d1, d2)[s0] -> (d0 + d2, d2 floordiv s0)");
  assert.is(String(m.shiftSymbols(2)), "(d0, d1)[s0, s1, s2] -> (d0 + d1, d1 floordiv s2)");
  const n = AffineMap.get(3, 1, [d2.mul(s0)]);
  assert.is(String(concatAffineMaps([m, n])), "(d0, d1, d2)[s0, s1] -> (d0 + d1, d1 floordiv s0, d2 * s1)");
  assert.is(String(concatAffineMaps([])), "() -> ()");
  const sparse = AffineMap.get(4, 0, [d1, d3.mul(2)]);
  assert.is(String(compressUnusedDims(sparse)), "(d0, d1) -> (d0, d1 * 2)");
  const [x, y] = compressUnusedDimsOfMaps([AffineMap.get(3, 0, [d0]), AffineMap.get(3, 0, [d2])]);
  assert.is(String(x), "(d0, d1) -> (d0)");
  assert.is(String(y), "(d0, d1) -> (d1)");
  const replaced = m.replaceDimsAndSymbols([d1, d0], [affineConstant(4)], 2, 0);
  assert.is(String(replaced), "(d0, d1) -> (d1 + d0, d0 floordiv 4)");
  assert.is(String(m.replace(new Map([[d0.add(d1), s0]]))), "(d0, d1)[s0] -> (s0, d1 floordiv s0)");
});

maps("evaluate checks its input counts", () => {
  const m = AffineMap.get(2, 1, [d0.sub(d1).floorDiv(2), d0.mod(s0)]);
  assert.equal(m.evaluate([-5, 2], [4]), [-4, 3]);
  assert.throws(() => m.evaluate([1], [4]), /takes 2 dims/);
  assert.throws(() => m.evaluate([1, 2]), /1 symbols/);
  assert.throws(() => m.evaluate([1, 2], [0]), /non-positive/);
});

maps.run();

// ---------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------

/** An unsimplified expression tree, evaluated directly as the reference. */
type Raw =
  | { k: "d" | "s" | "c"; v: number }
  | { k: "neg"; x: Raw }
  | { k: "+" | "-" | "*" | "floordiv" | "ceildiv" | "mod"; l: Raw; r: Raw };

/** MLIR's semantics: division and mod by anything below 1 is undefined (MLIR's rules assume a positive divisor). */
function evalRaw(e: Raw, dims: readonly number[], syms: readonly number[]): number | undefined {
  switch (e.k) {
    case "d":
      return dims[e.v];
    case "s":
      return syms[e.v];
    case "c":
      return e.v;
    case "neg": {
      const x = evalRaw(e.x, dims, syms);
      return x === undefined ? undefined : -x + 0;
    }
    default: {
      const l = evalRaw(e.l, dims, syms);
      const r = evalRaw(e.r, dims, syms);
      if (l === undefined || r === undefined) return undefined;
      if (e.k === "+") return l + r;
      if (e.k === "-") return l - r;
      if (e.k === "*") return l * r + 0;
      if (r < 1) return undefined;
      if (e.k === "floordiv") return floorDivInt(l, r);
      if (e.k === "ceildiv") return ceilDivInt(l, r);
      return modInt(l, r);
    }
  }
}

function buildRaw(e: Raw): AffineExpr {
  switch (e.k) {
    case "d":
      return affineDim(e.v);
    case "s":
      return affineSymbol(e.v);
    case "c":
      return affineConstant(e.v);
    case "neg":
      return affineNeg(buildRaw(e.x));
    case "+":
      return affineAdd(buildRaw(e.l), buildRaw(e.r));
    case "-":
      return affineSub(buildRaw(e.l), buildRaw(e.r));
    case "*":
      return affineMul(buildRaw(e.l), buildRaw(e.r));
    case "floordiv":
      return affineFloorDiv(buildRaw(e.l), buildRaw(e.r));
    case "ceildiv":
      return affineCeilDiv(buildRaw(e.l), buildRaw(e.r));
    case "mod":
      return affineMod(buildRaw(e.l), buildRaw(e.r));
  }
}

/** Fully parenthesised MLIR text for a raw tree (what MLIR's parser reads without our simplifications). */
function rawText(e: Raw): string {
  switch (e.k) {
    case "d":
      return `d${e.v}`;
    case "s":
      return `s${e.v}`;
    case "c":
      return e.v < 0 ? `(-${-e.v})` : String(e.v);
    case "neg":
      return `-(${rawText(e.x)})`;
    default:
      return `(${rawText(e.l)} ${e.k} ${rawText(e.r)})`;
  }
}

// Constants favour small multiples of the favoured divisors, so that the divisibility rules fire often.
const constArb = fc
  .oneof(fc.constantFrom(-8, -4, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12), fc.integer({ min: -9, max: 9 }))
  .map((v): Raw => ({ k: "c", v }));
const divisorArb = fc
  .oneof(
    { arbitrary: fc.constantFrom(2, 4, 3, 8, 1), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 9 }), weight: 1 },
    { arbitrary: fc.integer({ min: -3, max: 0 }), weight: 1 },
  )
  .map((v): Raw => ({ k: "c", v }));

/** Raw trees over `nd` dims and `ns` symbols that are affine by construction (products and divisors symbolic on one side). */
function rawArb(nd: number, ns: number, depth = 4): fc.Arbitrary<Raw> {
  const leaves: fc.Arbitrary<Raw>[] = [constArb, constArb];
  if (nd > 0) leaves.push(fc.integer({ min: 0, max: nd - 1 }).map((v): Raw => ({ k: "d", v })));
  if (ns > 0) leaves.push(fc.integer({ min: 0, max: ns - 1 }).map((v): Raw => ({ k: "s", v })));
  const symLeaves: fc.Arbitrary<Raw>[] = [constArb];
  if (ns > 0) symLeaves.push(fc.integer({ min: 0, max: ns - 1 }).map((v): Raw => ({ k: "s", v })));
  const tree = (leafs: fc.Arbitrary<Raw>[], symbolic: fc.Arbitrary<Raw> | undefined, d: number): fc.Arbitrary<Raw> => {
    if (d === 0) return fc.oneof(...leafs);
    const sub = tree(leafs, symbolic, d - 1);
    const sym = symbolic ?? sub;
    const divisor = fc.oneof(divisorArb, divisorArb, sym);
    return fc.oneof(
      { arbitrary: fc.oneof(...leafs), weight: 3 },
      { arbitrary: fc.tuple(fc.constantFrom("+" as const, "-" as const), sub, sub).map(([k, l, r]): Raw => ({ k, l, r })), weight: 4 },
      { arbitrary: sub.map((x): Raw => ({ k: "neg", x })), weight: 1 },
      { arbitrary: fc.tuple(sub, sym).map(([l, r]): Raw => ({ k: "*", l, r })), weight: 2 },
      { arbitrary: fc.tuple(sym, sub).map(([l, r]): Raw => ({ k: "*", l, r })), weight: 1 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom("floordiv" as const, "ceildiv" as const, "mod" as const), sub, divisor)
          .map(([k, l, r]): Raw => ({ k, l, r })),
        weight: 3,
      },
    );
  };
  const symbolicTree = tree(symLeaves, undefined, 2);
  return tree(leaves, symbolicTree, depth);
}

interface RawMap {
  nd: number;
  ns: number;
  results: Raw[];
}
const rawMapArb = (nd: number, ns: number, results: number): fc.Arbitrary<RawMap> =>
  fc.array(rawArb(nd, ns, 3), { minLength: results, maxLength: results }).map((r) => ({ nd, ns, results: r }));
const buildMap = (m: RawMap): AffineMap => AffineMap.get(m.nd, m.ns, m.results.map(buildRaw));

const dimValues = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: -40, max: 40 }), { minLength: n, maxLength: n });
const symValues = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 1, max: 12 }), { minLength: n, maxLength: n });
const runs = { numRuns: 400, seed: Number(process.env.FC_SEED ?? 20240607) };

const props = suite("affine properties");

props("simplification preserves the value of random expressions (negative dims included)", () => {
  fc.assert(
    fc.property(rawArb(3, 2), dimValues(3), symValues(2), (raw, dims, syms) => {
      const expected = evalRaw(raw, dims, syms);
      fc.pre(expected !== undefined);
      const built = buildRaw(raw);
      assert.is(built.evaluate(dims, syms), expected, `${rawText(raw)} => ${printAffineExpr(built)}`);
      assert.ok(buildRaw(raw) === built);
    }),
    { ...runs, numRuns: 2000 },
  );
});

props("printed text reads back to an expression with the same values", () => {
  fc.assert(
    fc.property(rawArb(3, 2), dimValues(3), symValues(2), (raw, dims, syms) => {
      const built = buildRaw(raw);
      const reread = parseMap(`(d0, d1, d2)[s0, s1] -> (${printAffineExpr(built)})`).getResult(0);
      let value: number | undefined;
      try {
        value = built.evaluate(dims, syms);
      } catch {
        value = undefined;
      }
      fc.pre(value !== undefined);
      assert.is(reread.evaluate(dims, syms), value, printAffineExpr(built));
    }),
    { ...runs, numRuns: 1000 },
  );
});

const shape = fc.record({
  nd: fc.integer({ min: 0, max: 3 }),
  ns: fc.integer({ min: 0, max: 2 }),
  k: fc.integer({ min: 0, max: 3 }),
  nsA: fc.integer({ min: 0, max: 2 }),
  kA: fc.integer({ min: 0, max: 3 }),
});

props("evaluate(a.compose(b)) == evaluate(a, evaluate(b))", () => {
  const arb = shape.chain(({ nd, ns, k, nsA, kA }) =>
    fc.tuple(rawMapArb(k, nsA, kA), rawMapArb(nd, ns, k), dimValues(nd), symValues(nsA), symValues(ns)),
  );
  fc.assert(
    fc.property(arb, ([ra, rb, x, sa, sb]) => {
      const a = buildMap(ra);
      const b = buildMap(rb);
      let expected: number[];
      try {
        expected = a.evaluate(b.evaluate(x, sb), sa);
      } catch {
        return fc.pre(false);
      }
      const c = a.compose(b);
      assert.is(c.numDims, b.numDims);
      assert.is(c.numSymbols, a.numSymbols + b.numSymbols);
      assert.equal(c.evaluate(x, [...sa, ...sb]), expected, `${a} o ${b} = ${c}`);
    }),
    runs,
  );
});

const permutationArb = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }));

props("permutations: evaluation permutes, the inverse composes to the identity both ways", () => {
  fc.assert(
    fc.property(permutationArb, (perm) => {
      const p = AffineMap.permutation(perm);
      const x = perm.map((_, i) => 10 * i - 7);
      assert.equal(p.evaluate(x), perm.map((i) => x[i]));
      assert.equal(p.getPermutationVector(), perm);
      const inv = inversePermutation(p);
      assert.ok(inv !== undefined);
      if (inv === undefined) return;
      assert.ok(inv.compose(p).isIdentity());
      assert.ok(p.compose(inv).isIdentity());
      assert.ok(inversePermutation(inv) === p);
    }),
    runs,
  );
});

props("projected permutations: composing with the broadcast inverse gives the identity on the results", () => {
  const arb = fc
    .integer({ min: 1, max: 6 })
    .chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: 1 })));
  fc.assert(
    fc.property(arb, ([n, targets]) => {
      const p = AffineMap.multiDimWithTargets(n, targets);
      assert.ok(p.isProjectedPermutation());
      assert.is(p.isPermutation(), targets.length === n);
      assert.is(inversePermutation(p) !== undefined, targets.length === n);
      assert.ok(p.compose(inverseAndBroadcastProjectedPermutation(p)).isIdentity());
    }),
    runs,
  );
});

props("compression, shifting and concatenation keep values", () => {
  const arb = shape.chain(({ nd, ns, k, nsA, kA }) =>
    fc.tuple(rawMapArb(nd, ns, k), rawMapArb(nd, nsA, kA), dimValues(nd), symValues(ns), symValues(nsA), fc.nat(2)),
  );
  fc.assert(
    fc.property(arb, ([ra, rb, x, sa, sb, shift]) => {
      const a = buildMap(ra);
      const b = buildMap(rb);
      let va: number[];
      let vb: number[];
      try {
        va = a.evaluate(x, sa);
        vb = b.evaluate(x, sb);
      } catch {
        return fc.pre(false);
      }
      assert.equal(concatAffineMaps([a, b]).evaluate(x, [...sa, ...sb]), [...va, ...vb]);
      const used = x.filter((_, i) => a.isFunctionOfDim(i));
      assert.equal(compressUnusedDims(a).evaluate(used, sa), va);
      const pad = Array<number>(shift).fill(99);
      assert.equal(a.shiftDims(shift).evaluate([...pad, ...x], sa), va);
      assert.equal(a.shiftSymbols(shift).evaluate(x, [...pad, ...sa]), va);
    }),
    runs,
  );
});

props.run();

// ---------------------------------------------------------------------------------------------------------
// Oracle: mlir-opt-16 reads the unsimplified text of random maps and prints them simplified; that must be
// exactly our printAffineMap of the same maps built through our builders. Our printed form is fed back
// too, and must come out unchanged (it parses to an expression MLIR prints the same way).
// ---------------------------------------------------------------------------------------------------------

function randomRawMaps(count: number, seed: number): RawMap[] {
  const out: RawMap[] = [];
  for (let i = 0; i < count; i++) {
    const nd = i % 4;
    const ns = Math.floor(i / 4) % 3;
    const k = 1 + (Math.floor(i / 12) % 4);
    out.push(fc.sample(rawMapArb(nd, ns, k), { numRuns: 1, seed: seed + i })[0] as RawMap);
  }
  return out;
}

const rawMapText = (m: RawMap): string => {
  const dims = [...Array(m.nd).keys()].map((i) => `d${i}`).join(", ");
  const syms = m.ns === 0 ? "" : `[${[...Array(m.ns).keys()].map((i) => `s${i}`).join(", ")}]`;
  return `(${dims})${syms} -> (${m.results.map(rawText).join(", ")})`;
};

function runMlirOpt(bodies: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "tensile-affine-"));
  try {
    const file = join(dir, "maps.mlir");
    const text = bodies.map((b, i) => `func.func private @f${i}() attributes {m = affine_map<${b}>}`).join("\n");
    writeFileSync(file, text + "\n");
    const out = execFileSync("mlir-opt-16", ["--mlir-print-local-scope", file], { encoding: "utf8" });
    const printed: string[] = [];
    for (const line of out.split("\n")) {
      const m = /@f(\d+)\(\) attributes \{m = affine_map<(.*)>\}$/.exec(line);
      if (m) printed[Number(m[1])] = m[2] as string;
    }
    return printed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const oracle = suite("affine vs mlir-opt-16");

oracle("random maps and hand-picked cases print exactly as mlir-opt-16 prints them", () => {
  // Random nested maps from fixed seeds, so the set is the same on every run.
  const raws = randomRawMaps(200, 16);
  const rawTexts = raws.map(rawMapText);
  const inputs = [...rawTexts, ...cases.map(([input]) => header + `(${input})`)];
  const ours = inputs.map((t) => printAffineMap(parseMap(t)));
  // Builders read the fully parenthesised text exactly as they build from the raw trees.
  raws.forEach((r, i) => assert.is(printAffineMap(buildMap(r)), ours[i]));
  const reread = ours.map((t) => printAffineMap(parseMap(t)));
  const theirs = runMlirOpt([...inputs, ...ours]);
  const mismatches: string[] = [];
  inputs.forEach((input, i) => {
    if (theirs[i] !== ours[i]) mismatches.push(`input:  ${input}\nmlir:   ${theirs[i]}\nours:   ${ours[i]}`);
    const again = theirs[inputs.length + i];
    if (again !== reread[i]) mismatches.push(`reread: ${ours[i]}\nmlir:   ${again}\nours:   ${reread[i]}`);
  });
  assert.is(mismatches.length, 0, mismatches.slice(0, 50).join("\n\n"));
  // The random maps must actually exercise the interesting rules, not just print leaves.
  const all = ours.slice(0, raws.length).join(" ");
  for (const needle of [" - ", "floordiv", "ceildiv", "mod", " * ", "-d", "(", "s0"]) assert.ok(all.includes(needle), needle);
});

oracle.run();
