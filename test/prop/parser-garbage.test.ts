/**
 * Arbitrary input — random bytes decoded as UTF-8 (invalid sequences included), random token soup, huge
 * numbers and deep nesting — gives a module or a located diagnostic, never an exception and never a hang.
 */
import fc from "fast-check";
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { fileLineCol } from "../../src/ir/location.ts";
import { parseSource } from "../../src/text/parser.ts";

const ctx = newContext();
const tokens = [
  "func.func", "@f", "(", ")", "{", "}", "%0", "%arg0", "=", ":", "i32", "f32", "tensor<", ">", "x", "?", "->", "arith.addi",
  "arith.constant", "dense<", "[", "]", ",", "0x", "1.5e400", "99999999999999999999999", "\"", "loc(", "#map", "!t",
  "^bb0", "cf.br", "return", "{-#", "#-}", "dialect_resources", "//", "\n", " ", "affine_map<(d0) -> (d0 floordiv 0)>",
  "array<i64:", "memref<", "strided<[", "vector<[4]x", "module", "attributes", "\"test.op\"", "unit",
];

function checkParse(text: string): void {
  const started = Date.now();
  const r = parseSource(text, ctx, { file: "fuzz.mlir" }); // must not throw
  assert.ok(Date.now() - started < 1000, `parsing took ${Date.now() - started} ms`);
  if (isLeft(r)) {
    assert.ok(r.left.message.length > 0);
    assert.ok(fileLineCol(r.left.loc) !== undefined, `no location for: ${r.left.message}`);
  }
}

test("random bytes", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => checkParse(new TextDecoder().decode(bytes))),
    { numRuns: Number(process.env.FC_RUNS ?? 1500), seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
  );
});

test("random token soup", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), (ts) => checkParse(ts.join(" "))),
    { numRuns: Number(process.env.FC_RUNS ?? 1500), seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
  );
});

test("deep nesting and huge shapes are refused, not crashed on", () => {
  checkParse(`"test.op"() {a = ${"[".repeat(100_000)}} : () -> ()`);
  checkParse(`func.func @f() { ${"\"t.r\"() ({ ".repeat(20_000)} }`);
  checkParse(`%0 = arith.constant dense<0> : tensor<999999999999x999999999999xf32>`);
  checkParse(`"test.op"() {a = dense<"0x${"00".repeat(10)}"> : tensor<99999999999xi8>} : () -> ()`);
});

test.run();
