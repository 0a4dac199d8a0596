/**
 * lower-vector-mask (rewrites/vector/lower-vector-mask.ts) on random vector programs (gen-vector.ts) that mask
 * transfers with vector.mask, and masked writes to tensors and memrefs written here: the transfers with mask operands read and write what the masked ones did (reads
 * past the end take the padding), both patterns fire, mlir-opt-16 --verify-each accepts a sample.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lowerVectorMaskPass, lowerVectorMaskPatterns } from "../../rewrites/vector/lower-vector-mask.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { vectorPrograms } from "../../rewrites/testing/gen-vector.ts";
import type { ProgramCase } from "../../rewrites/testing/programs.ts";
import { memrefOf } from "../../src/interp/memref.ts";
import { floatValue, intValue } from "../../src/interp/values.ts";
import { f32, index, MemRefType } from "../../src/ir/types.ts";
import { lowering, mlir16RejectsSample } from "../support/mlir16-verify.ts";

const runs = Number(process.env.FC_RUNS ?? 60);
/** gen-vector masks reads only: masked writes to a tensor and to a memref, at any position, with any mask bound. */
const maskedWrites: fc.Arbitrary<ProgramCase> = fc
  .tuple(fc.boolean(), fc.integer({ min: -4, max: 4 }), fc.integer({ min: -1, max: 5 }), fc.integer({ min: 0, max: 9 }), fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 8, maxLength: 8 }))
  .map(([onMemref, x, n, i, elements]) => {
    const write = onMemref
      ? "vector.mask %m { vector.transfer_write %v, %b[%i] : vector<4xf32>, memref<8xf32> } : vector<4xi1>\n  %r = bufferization.to_tensor %b : memref<8xf32>"
      : "%r = vector.mask %m { vector.transfer_write %v, %t[%i] : vector<4xf32>, tensor<8xf32> } : vector<4xi1> -> tensor<8xf32>";
    return {
      text: [
        "func.func @f(%b: memref<8xf32>, %x: f32, %n: index, %i: index) -> tensor<8xf32> {",
        `  %t = arith.constant dense<[${elements.map((e) => `${e}.0`).join(", ")}]> : tensor<8xf32>`,
        "  %v = vector.broadcast %x : f32 to vector<4xf32>",
        "  %m = vector.create_mask %n : vector<4xi1>",
        `  ${write}`,
        "  return %r : tensor<8xf32>",
        "}",
      ].join("\n"),
      fn: "f",
      args: [memrefOf(MemRefType.get([8], f32), elements), floatValue(f32, x), intValue(index, n), intValue(index, i)],
    };
  });
const maskedTransfers = fc.oneof(vectorPrograms().filter((c) => /vector\.mask [^{]*\{ vector\.transfer_/.test(c.text)), maskedWrites);
const lowered = lowering(lowerVectorMaskPass, []);

test(`lower-vector-mask preserves semantics on ${runs} random vector programs with masked transfers`, () => {
  const r = checkRewrite({ transform: lowered, programs: maskedTransfers, runs, coverage: { patterns: lowerVectorMaskPatterns } });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test("mlir-opt-16 --verify-each accepts lower-vector-mask's output on 12 random vector programs", () => {
  const rejected = mlir16RejectsSample(maskedTransfers, lowered, 12, 5);
  assert.ok(rejected === undefined, rejected);
});

test.run();
