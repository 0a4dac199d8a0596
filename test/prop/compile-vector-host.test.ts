/**
 * End to end on the host, for vector programs: random programs of rewrites/testing/gen-vector.ts (memref
 * transfers, masked memory ops, contractions, multi-reductions, scans, shape ops included) compiled by Tensile alone
 * (tensile-lower-to-llvm, so one-shot-bufferize, convert-vector-to-scf and convert-vector-to-llvm; translation,
 * O3, ld.lld-14) and called through MLIR's C interface give the interpreter's results bit for bit (any NaN matches
 * any NaN). The C interface passes no vectors, so each program is wrapped first: its results go to out-parameter
 * memrefs (a vector flattened by vector.shape_cast and written by vector.store, a scalar by memref.store) and it
 * returns nothing. Programs with an op the pipeline does not lower (vector.mask: see NOT_LOWERED) are counted
 * and left out, and so are those whose float results LLVM computes otherwise on NaNs (see LEFT_OUT); every program that compiles must
 * agree, and at least half must compile. COMPILE_VECTOR_RUNS sets the number of programs (default 12).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { alignedArray, type TypedArray } from "../../codegen/aligned.ts";
import { compile } from "../../codegen/compile.ts";
import { arrayTypeOf } from "../../codegen/runtime/c-interface.ts";
import { newContext } from "../../rewrites/index.ts";
import { vectorPrograms } from "../../rewrites/testing/gen-vector.ts";
import { interpret, type RuntimeValue } from "../../src/interp/index.ts";
import { type Type, VectorType } from "../../src/ir/types.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printType } from "../../src/text/print-attr.ts";
import { elementBits, sameBits } from "../support/mlir16-run.ts";
import { nativeArg } from "../support/native-args.ts";

const ctx = newContext();
const RUNS = Number(process.env.COMPILE_VECTOR_RUNS ?? 12);
/** What no pass of the pipeline lowers: vector.mask around anything but a transfer (MLIR 16 does not either). */
const NOT_LOWERED = /vector\.mask %\w+ \{ vector\.(?!transfer_)/;
/**
 * Left out as in prop/vector-to-llvm: maxf / minf (arith's and the combining kinds), which Tensile and MLIR 16
 * lower to LLVM's maxnum / minnum (the number when the other operand is NaN, where the dialect gives NaN), and
 * bitcasts to floats, whose NaN payloads LLVM may change.
 */
const LEFT_OUT = /<(maxf|minf)>|arith\.(maxf|minf)|vector\.bitcast/;

/**
 * The program with its results written to out-parameters: `-> (vector<2x3xf32>, f32)` becomes extra arguments
 * `%out0: memref<6xf32>, %out1: memref<1xf32>`, and the return stores into them.
 */
function withOutParams(text: string, resultTypes: readonly Type[]): string {
  const lines = text.trimEnd().split("\n");
  const header = lines[0] as string;
  const ret = lines.at(-2) as string;
  const outs = resultTypes.map((t, k) => {
    const e = t instanceof VectorType ? t.elementType : t;
    const n = t instanceof VectorType ? t.shape.reduce((a, b) => a * b, 1) : 1;
    return { name: `%out${k}`, type: `memref<${n}x${printType(e)}>`, n, e, t };
  });
  const sig = header.replace(/\) -> \(.*\) \{$/, `${outs.map((o) => `, ${o.name}: ${o.type}`).join("")}) {`);
  const values = /^\s*return (.*) : /.exec(ret)?.[1]?.split(", ") ?? [];
  const body = ["  %tensile_c0 = arith.constant 0 : index"];
  outs.forEach((o, k) => {
    const v = values[k] as string;
    const flatType = `vector<${o.n}x${printType(o.e)}>`;
    if (!(o.t instanceof VectorType)) {
      body.push(`  memref.store ${v}, ${o.name}[%tensile_c0] : ${o.type}`);
      return;
    }
    let flat = v;
    if (o.t.rank !== 1) {
      flat = `%tensile_flat${k}`;
      body.push(`  ${flat} = ${o.t.rank === 0 ? "vector.broadcast" : "vector.shape_cast"} ${v} : ${printType(o.t)} to ${flatType}`);
    }
    body.push(`  vector.store ${flat}, ${o.name}[%tensile_c0] : ${o.type}, ${flatType}`);
  });
  return [sig, ...lines.slice(1, -2), ...body, "  return", "}", ""].join("\n");
}

/** A zeroed 64-byte aligned buffer of `n` elements of `e`. */
function outBuffer(e: Type, n: number): { data: TypedArray; shape: number[] } {
  return { data: alignedArray(arrayTypeOf(e) as never, n) as TypedArray, shape: [n] };
}

/** The buffer's elements as bits of the element width. */
function bitsOf(data: TypedArray, n: number): bigint[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const bytes = data.BYTES_PER_ELEMENT;
  return Array.from({ length: n }, (_, i) =>
    bytes === 1 ? BigInt(view.getUint8(i)) : bytes === 2 ? BigInt(view.getUint16(2 * i, true)) : bytes === 4 ? BigInt(view.getUint32(4 * i, true)) : view.getBigUint64(8 * i, true),
  );
}

test("random vector programs compiled for the host compute what the interpreter computes", () => {
  let compiled = 0;
  let tried = 0;
  const skipped = new Map<string, number>();
  const notCompiled: string[] = [];
  const failures: string[] = [];
  for (const p of fc.sample(vectorPrograms({ maxSteps: 4, memrefTransfers: true }), { numRuns: RUNS, seed: 85 })) {
    const skip = NOT_LOWERED.test(p.text) ? "vector.mask (not of a transfer)" : LEFT_OUT.exec(p.text)?.[0];
    if (skip !== undefined) {
      skipped.set(skip, (skipped.get(skip) ?? 0) + 1);
      continue;
    }
    const original = parseSource(p.text, ctx);
    if (isLeft(original)) throw new Error(original.left.message);
    const expected = interpret(original.right, p.fn, p.args, { ctx });
    if (isLeft(expected)) continue;
    const results: readonly RuntimeValue[] = expected.right;
    // LLVM stores vectors of i1 as packed bits: such results are not compared through memory.
    if (results.some((r) => printType(r.kind === "shaped" ? r.elementType : r.type) === "i1")) {
      skipped.set("i1 result", (skipped.get("i1 result") ?? 0) + 1);
      continue;
    }
    const wrapped = withOutParams(p.text, results.map((r) => r.type));
    const m = parseSource(wrapped, ctx);
    if (isLeft(m)) throw new Error(`${m.left.message}\n${wrapped}`);
    tried++;
    const lib = compile(m.right, { cacheDir: false, ctx });
    if (isLeft(lib)) {
      notCompiled.push(`${lib.left[0]?.message ?? "?"}\n${p.text}`);
      continue;
    }
    compiled++;
    try {
      const outs = results.map((r) => outBuffer(r.kind === "shaped" ? r.elementType : r.type, r.kind === "shaped" ? r.elements.length : 1));
      lib.right.functions[p.fn]!.call(...p.args.map(nativeArg), ...outs);
      results.forEach((r, k) => {
        const want = elementBits(r);
        const got = bitsOf(outs[k]!.data, want.length);
        const e = r.kind === "shaped" ? r.elementType : r.type;
        const i = want.findIndex((w, j) => !sameBits(w, got[j] as bigint, e));
        if (i >= 0) failures.push(`result ${k}[${i}]: interpreter 0x${want[i]?.toString(16)}, compiled 0x${got[i]?.toString(16)}\n${p.text}`);
      });
    } finally {
      lib.right.unload();
    }
  }
  console.log(`  compiled ${compiled} of ${tried} programs; left out: ${[...skipped].map(([op, n]) => `${op} x${n}`).join(", ") || "none"}`);
  assert.equal(failures.slice(0, 2), []);
  assert.equal(notCompiled.slice(0, 2), []);
  assert.ok(compiled * 2 >= RUNS, `only ${compiled} of ${RUNS} programs compiled`);
});

test.run();
