/**
 * Interpreter semantics of the linalg ops (dialects/linalg/interp.ts): hand-computed references (matmul,
 * convolutions, poolings with NaN, integer wrap-around, linalg.index, reductions, transposes, broadcasts),
 * edge cases (size-1 and zero-size dimensions, memrefs written in place and aliasing, out-of-bounds access on
 * dynamic shapes), and the property that each named op's fast path computes what its generalised
 * linalg.generic computes, on random shapes (1 and primes), element types and inputs.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { NAMED_OPS, type NamedOpDef } from "../../dialects/linalg/index.ts";
import { toGeneric } from "../../dialects/linalg/generalize.ts";
import { namedIndexingMaps } from "../../dialects/linalg/named-op-def.ts";
import { copyMemoryOf, memrefOf, readContents } from "../../src/interp/memref.ts";
import { type Element, NaNBits, type RuntimeValue, shapedValue, floatValue, intValue } from "../../src/interp/values.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { f32, i32, i64, FloatType, IntegerType, MemRefType, RankedTensorType, tensor, type Type, memref as memrefType } from "../../src/ir/types.ts";
import { isRight } from "fp-ts/lib/Either.js";
import { verify } from "../../src/irdl/verifier.ts";
import { interpret } from "../../src/interp/index.ts";
import { ctx, parse, Random, run, runError } from "../support/interp.ts";
import { printOp } from "../../src/text/printer.ts";

const test = suite("linalg interpreter");

const t = (shape: readonly number[], elements: readonly Element[], type: Type = f32): RuntimeValue => shapedValue(tensor(shape, type), elements);
function elementsOf(v: RuntimeValue | undefined): Element[] {
  if (v?.kind !== "shaped") throw new Error(`not a tensor: ${v?.kind}`);
  return v.elements.toArray();
}

test("matmul of 2x3 by 3x2 into an accumulator", () => {
  const m = `func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x2xf32>) outs(%c : tensor<2x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }`;
  const [r] = run(m, "f", [t([2, 3], [1, 2, 3, 4, 5, 6]), t([3, 2], [7, 8, 9, 10, 11, 12]), t([2, 2], [1, 1, 1, 1])]);
  assert.equal(elementsOf(r), [59, 65, 140, 155]);
});

test("integer matmul wraps around in the accumulator's width; i8 inputs are sign-extended", () => {
  const m = `func.func @f(%a: tensor<1x2xi8>, %b: tensor<2x1xi8>, %c: tensor<1x1xi16>) -> tensor<1x1xi16> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x2xi8>, tensor<2x1xi8>) outs(%c : tensor<1x1xi16>) -> tensor<1x1xi16>
    return %0 : tensor<1x1xi16>
  }`;
  const i8 = IntegerType.get(8);
  const i16 = IntegerType.get(16);
  // -128 * -128 + 127 * 127 + 32000 = 16384 + 16129 + 32000 = 64513, which wraps to 64513 - 65536 = -1023.
  const [r] = run(m, "f", [t([1, 2], [-128n, 127n], i8), t([2, 1], [-128n, 127n], i8), t([1, 1], [32000n], i16)]);
  assert.equal(elementsOf(r), [-1023n]);
  const u = `func.func @f(%a: tensor<1x2xi8>, %b: tensor<2x1xi8>, %c: tensor<1x1xi16>) -> tensor<1x1xi16> {
    %0 = linalg.matmul_unsigned ins(%a, %b : tensor<1x2xi8>, tensor<2x1xi8>) outs(%c : tensor<1x1xi16>) -> tensor<1x1xi16>
    return %0 : tensor<1x1xi16>
  }`;
  // Unsigned: 128 * 128 + 255 * 1 = 16639.
  const [ru] = run(u, "f", [t([1, 2], [-128n, -1n], i8), t([2, 1], [-128n, 1n], i8), t([1, 1], [0n], i16)]);
  assert.equal(elementsOf(ru), [16639n]);
});

test("conv_1d and a strided, dilated conv_1d_nwc_wcf", () => {
  const c1 = `func.func @f(%i: tensor<5xf32>, %k: tensor<2xf32>, %o: tensor<4xf32>) -> tensor<4xf32> {
    %0 = linalg.conv_1d ins(%i, %k : tensor<5xf32>, tensor<2xf32>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
    return %0 : tensor<4xf32>
  }`;
  const [r1] = run(c1, "f", [t([5], [1, 2, 3, 4, 5]), t([2], [10, 1]), t([4], [0, 0, 0, 0])]);
  assert.equal(elementsOf(r1), [12, 23, 34, 45]);
  // One batch, 7 positions, 1 channel, 2 filters; stride 2, dilation 2, window 2: out[w] = in[2w] * k0 + in[2w+2] * k1.
  const c2 = `func.func @f(%i: tensor<1x7x1xf32>, %k: tensor<2x1x2xf32>, %o: tensor<1x2x2xf32>) -> tensor<1x2x2xf32> {
    %0 = linalg.conv_1d_nwc_wcf {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%i, %k : tensor<1x7x1xf32>, tensor<2x1x2xf32>) outs(%o : tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    return %0 : tensor<1x2x2xf32>
  }`;
  const [r2] = run(c2, "f", [t([1, 7, 1], [1, 2, 3, 4, 5, 6, 7]), t([2, 1, 2], [1, 10, 100, 1000]), t([1, 2, 2], [0, 0, 0, 0])]);
  // w=0: in[0]*k[0] + in[2]*k[1] = 1*1 + 3*100 = 301 (filter 0), 1*10 + 3*1000 = 3010 (filter 1); w=1: in[2], in[4].
  assert.equal(elementsOf(r2), [301, 3010, 503, 5030]);
});

test("max pooling propagates a NaN; min pooling of unsigned integers compares unsigned", () => {
  const p = `func.func @f(%i: tensor<1x4x1xf32>, %k: tensor<2xf32>, %o: tensor<1x3x1xf32>) -> tensor<1x3x1xf32> {
    %0 = linalg.pooling_nwc_max ins(%i, %k : tensor<1x4x1xf32>, tensor<2xf32>) outs(%o : tensor<1x3x1xf32>) -> tensor<1x3x1xf32>
    return %0 : tensor<1x3x1xf32>
  }`;
  const [r] = run(p, "f", [t([1, 4, 1], [1, NaN, 3, 2]), t([2], [0, 0]), t([1, 3, 1], [-Infinity, -Infinity, -Infinity])]);
  const out = elementsOf(r);
  assert.ok(out[0] instanceof NaNBits || Number.isNaN(out[0] as number), "max with NaN is NaN (arith.maxf)");
  assert.ok(out[1] instanceof NaNBits || Number.isNaN(out[1] as number));
  assert.is(out[2], 3);
  const i8 = IntegerType.get(8);
  const q = `func.func @f(%i: tensor<1x3x1xi8>, %k: tensor<2xf32>, %o: tensor<1x2x1xi8>) -> tensor<1x2x1xi8> {
    %0 = linalg.pooling_nwc_min_unsigned ins(%i, %k : tensor<1x3x1xi8>, tensor<2xf32>) outs(%o : tensor<1x2x1xi8>) -> tensor<1x2x1xi8>
    return %0 : tensor<1x2x1xi8>
  }`;
  const [rq] = run(q, "f", [t([1, 3, 1], [-1n, 5n, -128n], i8), t([2], [0, 0]), t([1, 2, 1], [-1n, -1n], i8)]);
  // Unsigned: -1 is 255, -128 is 128: min(255, 5) = 5, min(5, 128) = 5.
  assert.equal(elementsOf(rq), [5n, 5n]);
});

test("linalg.generic with linalg.index, a reduction, and several results", () => {
  const m = `func.func @f(%a: tensor<2x3xi32>, %s: tensor<2xi32>, %o: tensor<2x3xi64>) -> (tensor<2xi32>, tensor<2x3xi64>) {
    %0:2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<2x3xi32>) outs(%s, %o : tensor<2xi32>, tensor<2x3xi64>) {
    ^bb0(%x: i32, %acc: i32, %old: i64):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %ij = arith.muli %i, %j : index
      %w = arith.index_cast %ij : index to i64
      %sum = arith.addi %x, %acc : i32
      linalg.yield %sum, %w : i32, i64
    } -> (tensor<2xi32>, tensor<2x3xi64>)
    return %0#0, %0#1 : tensor<2xi32>, tensor<2x3xi64>
  }`;
  const [sums, prods] = run(m, "f", [t([2, 3], [1n, 2n, 3n, 4n, 5n, 6n], i32), t([2], [100n, 0n], i32), t([2, 3], [0n, 0n, 0n, 0n, 0n, 0n], i64)]);
  assert.equal(elementsOf(sums), [106n, 15n]);
  assert.equal(elementsOf(prods), [0n, 0n, 0n, 0n, 1n, 2n]);
});

test("reduce, transpose, broadcast, map", () => {
  const m = `func.func @f(%a: tensor<2x3xf32>, %r: tensor<3xf32>, %tr: tensor<3x2xf32>, %b: tensor<2x2x3xf32>, %m: tensor<2x3xf32>) -> (tensor<3xf32>, tensor<3x2xf32>, tensor<2x2x3xf32>, tensor<2x3xf32>) {
    %0 = linalg.reduce { arith.maxf } ins(%a : tensor<2x3xf32>) outs(%r : tensor<3xf32>) dimensions = [0]
    %1 = linalg.transpose ins(%a : tensor<2x3xf32>) outs(%tr : tensor<3x2xf32>) permutation = [1, 0]
    %2 = linalg.broadcast ins(%a : tensor<2x3xf32>) outs(%b : tensor<2x2x3xf32>) dimensions = [1]
    %3 = linalg.map { arith.subf } ins(%a, %m : tensor<2x3xf32>, tensor<2x3xf32>) outs(%m : tensor<2x3xf32>)
    return %0, %1, %2, %3 : tensor<3xf32>, tensor<3x2xf32>, tensor<2x2x3xf32>, tensor<2x3xf32>
  }`;
  const a = t([2, 3], [1, 5, 3, 4, 2, 6]);
  const [r, tr, b, mp] = run(m, "f", [a, t([3], [0, 0, 100]), t([3, 2], [0, 0, 0, 0, 0, 0]), t([2, 2, 3], new Array(12).fill(0)), t([2, 3], [1, 1, 1, 1, 1, 1])]);
  assert.equal(elementsOf(r), [4, 5, 100]);
  assert.equal(elementsOf(tr), [1, 4, 5, 2, 3, 6]);
  assert.equal(elementsOf(b), [1, 5, 3, 1, 5, 3, 4, 2, 6, 4, 2, 6]);
  assert.equal(elementsOf(mp), [0, 4, 2, 3, 1, 5]);
});

test("size-1 and zero-size dimensions: a zero-size loop leaves the init as it is", () => {
  const m = `func.func @f(%a: tensor<1x0xf32>, %b: tensor<0x1xf32>, %c: tensor<1x1xf32>) -> tensor<1x1xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<1x0xf32>, tensor<0x1xf32>) outs(%c : tensor<1x1xf32>) -> tensor<1x1xf32>
    return %0 : tensor<1x1xf32>
  }`;
  const [r] = run(m, "f", [t([1, 0], []), t([0, 1], []), t([1, 1], [42])]);
  assert.equal(elementsOf(r), [42]);
  const e = `func.func @f(%c: tensor<0x3xf32>, %x: f32) -> tensor<0x3xf32> {
    %0 = linalg.fill ins(%x : f32) outs(%c : tensor<0x3xf32>) -> tensor<0x3xf32>
    return %0 : tensor<0x3xf32>
  }`;
  const [z] = run(e, "f", [t([0, 3], []), floatValue(f32, 1)]);
  assert.equal(elementsOf(z), []);
});

test("memrefs are written in place; an init aliasing an input sees earlier writes", () => {
  const m = `func.func @f(%m: memref<4xf32>) {
    linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%m : memref<4xf32>) {
    ^bb0(%x: f32):
      %two = arith.constant 2.0 : f32
      %y = arith.mulf %x, %two : f32
      linalg.yield %y : f32
    }
    return
  }`;
  const mem = memrefOf(memrefType([4], f32), [1, 2, 3, 4]);
  assert.equal(run(m, "f", [mem]), []);
  assert.equal(readContents(mem, tensor([4], f32)).elements.toArray(), [2, 4, 6, 8]);
  // The same memory as input and init: out[i + 1] = in[i] + out[i + 1] runs in order, so it sees its own writes
  // (a prefix sum); distinct buffers would give [1, 2, 2, 2, 2].
  const p = `func.func @f(%n: tensor<4xi32>, %a: memref<?xi32>, %m: memref<?xi32>) {
    linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0 + 1)>], iterator_types = ["parallel"]} ins(%n, %a : tensor<4xi32>, memref<?xi32>) outs(%m : memref<?xi32>) {
    ^bb0(%unused: i32, %x: i32, %y: i32):
      %s = arith.addi %x, %y : i32
      linalg.yield %s : i32
    }
    return
  }`;
  const mem2 = memrefOf(memrefType([-(2 ** 63)], i32), [1n, 1n, 1n, 1n, 1n], [5]);
  run(p, "f", [t([4], [0n, 0n, 0n, 0n], i32), mem2, mem2]);
  assert.equal(readContents(mem2, tensor([5], i32)).elements.toArray(), [1n, 2n, 3n, 4n, 5n]);
});

test("an access out of bounds of a dynamic shape is undefined behaviour, reported", () => {
  const m = `func.func @f(%a: tensor<?xf32>, %o: tensor<3xf32>) -> tensor<3xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0 + 1)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<?xf32>) outs(%o : tensor<3xf32>) {
    ^bb0(%x: f32, %y: f32):
      linalg.yield %x : f32
    } -> tensor<3xf32>
    return %0 : tensor<3xf32>
  }`;
  const input = (n: number): RuntimeValue => shapedValue(tensor([-(2 ** 63)], f32), new Array(n).fill(1), [n]);
  assert.equal(elementsOf(run(m, "f", [input(4), t([3], [0, 0, 0])])[0]), [1, 1, 1]);
  const e = runError(m, "f", [input(3), t([3], [0, 0, 0])]);
  assert.is(e.kind, "undefined-behavior");
  assert.match(e.message, /out-of-bounds/);
});

// ---- named ops against their generalisation ------------------------------------------------------------

const SIZES = [1, 2, 3, 5, 7];
const FLOATS = ["f16", "f32", "f64"];
const INTS = ["i8", "i16", "i32"];

function randomElement(rng: Random, type: Type): Element {
  if (type instanceof FloatType) {
    const r = rng.below(20);
    if (r === 0) return NaN;
    if (r === 1) return rng.pick([Infinity, -Infinity, -0]);
    return (rng.below(17) - 8) / 2;
  }
  const w = (type as IntegerType).width;
  return BigInt.asIntN(w, BigInt(rng.below(21) - 10) * (rng.below(4) === 0 ? 37n : 1n));
}

const parseType = (s: string): Type => (s.startsWith("f") ? FloatType.get(s as "f32") : IntegerType.get(Number(s.slice(1))));

interface Case {
  readonly text: string;
  readonly args: RuntimeValue[];
  readonly description: string;
}

/** A random instance of a named op: loop sizes, window, element types, inputs; as a one-op function. */
function randomCase(def: NamedOpDef, rng: Random, onMemrefs: boolean): Case {
  const window = def.window ?? 0;
  const strides = Array.from({ length: window }, () => rng.pick([1, 2]));
  const dilations = Array.from({ length: window }, () => rng.pick([1, 2]));
  const loopsCount = def.loops === undefined ? rng.below(4) : def.loops.split(" ").length;
  let sizes = Array.from({ length: loopsCount }, () => rng.pick(SIZES));
  // Keep the iteration space small: the generic form runs its region through the engine at every point.
  while (sizes.reduce((a, b) => a * b, 1) > 400) sizes = sizes.map((s) => (s > 2 && rng.below(2) === 0 ? rng.pick([1, 2]) : s));
  const maps = namedIndexingMaps(def, { strides, dilations }, loopsCount);
  const last = sizes.map((s) => s - 1);
  const float = (): string => rng.pick(FLOATS);
  const outputFloat = def.fun?.kind === "unary" || def.name === "fill_rng_2d" || rng.below(3) !== 0;
  const typeVars = new Map<string, string>([["I32", "i32"], ["F64", "f64"]]);
  const typeOf = (typeVar: string, isOutput: boolean): string => {
    let v = typeVars.get(typeVar);
    if (v === undefined) typeVars.set(typeVar, (v = isOutput ? (outputFloat ? float() : rng.pick(INTS)) : rng.below(2) === 0 ? float() : rng.pick(INTS)));
    return v;
  };
  // The output's type first. batch_reduce_matmul multiplies its first input uncast: it must be the output's type.
  const outDef = def.operands[def.operands.length - 1];
  if (outDef !== undefined) typeOf(outDef.typeVar, true);
  if (def.name === "batch_reduce_matmul") typeVars.set("T1", typeVars.get("U") as string);
  const attrs: string[] = [];
  if (window > 0) attrs.push(`dilations = dense<[${dilations.join(", ")}]> : tensor<${window}xi64>`, `strides = dense<[${strides.join(", ")}]> : tensor<${window}xi64>`);
  if (def.fun !== undefined) {
    const cases = def.fun.kind === "unary" ? ["exp", "log", "abs", "ceil", "floor", "negf"] : ["add", "sub", "mul", "max_signed", "min_signed", "max_unsigned", "min_unsigned"];
    attrs.push(`fun = #linalg.${def.fun.kind}_fn<${rng.pick(cases)}>`);
  }
  if (def.cast === true) attrs.push(`cast = #linalg.type_fn<${rng.pick(["cast_signed", "cast_unsigned"])}>`);
  const operandTypes: string[] = [];
  const args: RuntimeValue[] = [];
  def.operands.forEach((o, i) => {
    const elt = typeOf(o.typeVar, o.kind === "output");
    const et = parseType(elt);
    if (o.kind === "scalar") {
      operandTypes.push(elt);
      const e = randomElement(rng, et);
      args.push(et instanceof FloatType ? floatValue(et, Number(e)) : intValue(et as IntegerType, e as bigint));
      return;
    }
    const map = maps[i];
    const shape = map === undefined ? [] : map.evaluate(last).map((x) => x + 1);
    const kind = onMemrefs ? "memref" : "tensor";
    operandTypes.push(`${kind}<${shape.map((d) => `${d}x`).join("")}${elt}>`);
    const n = shape.reduce((a, b) => a * b, 1);
    const elements = Array.from({ length: n }, () => randomElement(rng, et));
    args.push(onMemrefs ? memrefOf(MemRefType.get(shape, et), elements) : shapedValue(RankedTensorType.get(shape, et), elements));
  });
  const ins = def.operands.slice(0, -1);
  const inTypes = operandTypes.slice(0, -1);
  const outType = operandTypes[operandTypes.length - 1] as string;
  const params = operandTypes.map((ty, i) => `%x${i}: ${ty}`).join(", ");
  const insText = ins.length === 0 ? "" : ` ins(${ins.map((_, i) => `%x${i}`).join(", ")} : ${inTypes.join(", ")})`;
  const attrText = attrs.length === 0 ? "" : ` {${attrs.join(", ")}}`;
  const outName = `%x${operandTypes.length - 1}`;
  const text = onMemrefs
    ? `func.func @f(${params}) {\n  linalg.${def.name}${attrText}${insText} outs(${outName} : ${outType})\n  return\n}`
    : `func.func @f(${params}) -> ${outType} {\n  %0 = linalg.${def.name}${attrText}${insText} outs(${outName} : ${outType}) -> ${outType}\n  return %0 : ${outType}\n}`;
  return { text, args, description: text };
}

const isNamed = (name: string): boolean => name.startsWith("linalg.") && !["linalg.yield", "linalg.index", "linalg.generic"].includes(name);

/** The module with its structured ops (the named ones by default) replaced by their generalisations. */
function generalized(module: Operation, which: (name: string) => boolean = isNamed): Operation {
  module.walk((op) => {
    if (!which(op.name)) return;
    const g = toGeneric(op);
    op.parent?.insertBefore(g, op);
    op.results.forEach((r, i) => r.replaceAllUsesWith(g.getResult(i)));
    op.erase();
  });
  return module;
}

const sameElement = (a: Element | undefined, b: Element | undefined): boolean => {
  const nan = (e: Element | undefined): boolean => e instanceof NaNBits || (typeof e === "number" && Number.isNaN(e));
  if (nan(a) || nan(b)) return nan(a) && nan(b);
  return Object.is(a, b);
};

const outcome = (module: Operation, args: readonly RuntimeValue[]): { error?: string; values?: Element[][] } => {
  const copies = copyMemoryOf(args);
  const r = interpret(module, "f", copies, { ctx });
  if (!isRight(r)) return { error: r.left.kind };
  const values = r.right.map(elementsOf);
  for (const a of copies) if (a.kind === "memref") values.push(readContents(a, RankedTensorType.get(a.shape, a.elementType)).elements.toArray());
  return { values };
};

test("map, reduce, transpose and broadcast compute what their generalisations compute", () => {
  const text = `func.func @f(%a: tensor<2x3xf32>, %r: tensor<3xf32>, %tr: tensor<3x2xf32>, %b: tensor<2x2x3xf32>, %m: tensor<2x3xf32>) -> (tensor<3xf32>, tensor<3x2xf32>, tensor<2x2x3xf32>, tensor<2x3xf32>) {
    %0 = linalg.reduce { arith.addf } ins(%a : tensor<2x3xf32>) outs(%r : tensor<3xf32>) dimensions = [0]
    %1 = linalg.transpose ins(%a : tensor<2x3xf32>) outs(%tr : tensor<3x2xf32>) permutation = [1, 0]
    %2 = linalg.broadcast ins(%a : tensor<2x3xf32>) outs(%b : tensor<2x2x3xf32>) dimensions = [1]
    %3 = linalg.map { arith.mulf } ins(%a, %m : tensor<2x3xf32>, tensor<2x3xf32>) outs(%m : tensor<2x3xf32>)
    return %0, %1, %2, %3 : tensor<3xf32>, tensor<3x2xf32>, tensor<2x2x3xf32>, tensor<2x3xf32>
  }`;
  const args = [t([2, 3], [1, -5, 3, 4, 2, 0.5]), t([3], [1, 2, 3]), t([3, 2], new Array(6).fill(0)), t([2, 2, 3], new Array(12).fill(0)), t([2, 3], [2, 2, 2, 3, 3, 3])];
  const m = parse(text);
  const expected = outcome(m, args);
  const g = generalized(parse(text), (name) => ["linalg.reduce", "linalg.transpose", "linalg.broadcast", "linalg.map"].includes(name));
  assert.ok(isRight(verify(g)), "the generalised ops verify");
  assert.not.match(printOp(g), /linalg\.(map|reduce|transpose|broadcast)/);
  assert.equal(outcome(g, args), expected);
  assert.equal(expected.values?.[0], [6, -1, 6.5], "column sums plus the init");
});

test("every named op's fast path equals its generalised linalg.generic on random shapes, types and inputs", () => {
  const seed = Number(process.env.FC_SEED ?? 7);
  const rng = new Random(seed);
  const perOp = Number(process.env.LINALG_INTERP_RUNS ?? 4);
  let compared = 0;
  for (const def of NAMED_OPS) {
    for (let k = 0; k < perOp; k++) {
      const c = randomCase(def, rng, k === perOp - 1);
      const named = parse(c.text);
      assert.ok(isRight(verify(named)), `the case verifies:\n${c.text}`);
      const expected = outcome(named, c.args);
      const generic = generalized(parse(c.text));
      assert.ok(isRight(verify(generic)), `the generalised case verifies:\n${c.text}`);
      const actual = outcome(generic, c.args);
      if (expected.error !== undefined || actual.error !== undefined) {
        assert.is(actual.error, expected.error, `both fail alike on\n${c.text}`);
        continue;
      }
      const ev = expected.values ?? [];
      const av = actual.values ?? [];
      assert.is(av.length, ev.length);
      ev.forEach((vals, i) => {
        const other = av[i] ?? [];
        assert.is(other.length, vals.length);
        vals.forEach((e, j) => assert.ok(sameElement(e, other[j]), `element ${j} of result ${i}: ${String(e)} vs ${String(other[j])} on\n${c.text}`));
      });
      compared++;
    }
  }
  assert.ok(compared >= NAMED_OPS.length * perOp * 0.8, `only ${compared} cases ran to completion`);
});

test.run();
