/**
 * Parser robustness: random mutations of valid MLIR (characters and tokens deleted, inserted, replaced,
 * lines dropped, duplicated or swapped, text truncated) must give a Right or a Left diagnostic, never an
 * exception, never an "internal error", and each within a time bound. Whatever still parses and verifies
 * must print (generic form) to text that parses back to the same print.
 *
 * FC_SEED=<n> replays a run; FC_RUNS=<n> changes the number of cases (default 2500).
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { arith } from "../../dialects/arith/index.ts";
import { builtin } from "../../dialects/builtin/index.ts";
import { func } from "../../dialects/func/index.ts";
import { Context } from "../../src/ir/context.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { validSamples } from "./parser-samples.ts";

const seeds = Object.values(validSamples);

/** Fragments that make mutations likely to hit interesting grammar paths. */
const fragments = [
  ..."%^#!@\"(){}[]<>:,=-+*?.x0123456789abcdefi \n\\",
  "loc(", "dense<", "->", "::", "{-#", "#-}", "tensor<", "vector<[", "i32", "f32", "0x", "affine_map<(d0) -> (",
  "func.func", "arith.addi", "^bb0", "%0", "%0#1", '"my.x"', "memref<", "#loc", "!t", "array<i8:", "strided<[",
  "dense_resource<", "floordiv", "-> (", "}) : () -> ()", "({", "^bb1:", "loc(#l)",
];

type Mutation =
  | { k: "delete"; at: number; len: number }
  | { k: "insert" | "replace"; at: number; s: string }
  | { k: "truncate"; at: number }
  | { k: "duplicate"; at: number; len: number }
  | { k: "dropLine" | "dupLine"; line: number }
  | { k: "swapLines"; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ k: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ k: fc.constant("insert" as const), at: fc.nat(), s: fc.constantFrom(...fragments) }),
  fc.record({ k: fc.constant("replace" as const), at: fc.nat(), s: fc.constantFrom(...fragments) }),
  fc.record({ k: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ k: fc.constant("duplicate" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ k: fc.constantFrom("dropLine" as const, "dupLine" as const), line: fc.nat() }),
  fc.record({ k: fc.constant("swapLines" as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  switch (m.k) {
    case "delete":
      return text.slice(0, at(text, m.at)) + text.slice(at(text, m.at) + m.len);
    case "insert":
      return text.slice(0, at(text, m.at)) + m.s + text.slice(at(text, m.at));
    case "replace":
      return text.slice(0, at(text, m.at)) + m.s + text.slice(at(text, m.at) + 1);
    case "truncate":
      return text.slice(0, at(text, m.at));
    case "duplicate":
      return text.slice(0, at(text, m.at) + m.len) + text.slice(at(text, m.at));
    case "dropLine":
    case "dupLine": {
      const lines = text.split("\n");
      const i = m.line % lines.length;
      if (m.k === "dropLine") lines.splice(i, 1);
      else lines.splice(i, 0, lines[i] as string);
      return lines.join("\n");
    }
    case "swapLines": {
      const lines = text.split("\n");
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      return lines.join("\n");
    }
  }
}

const at = (text: string, n: number): number => n % (text.length + 1);

const TIME_LIMIT_MS = 200;

/** Parses, retrying once when over the time limit (a GC pause is not a pathological input). */
function timedParse(text: string, allowUnregistered: boolean): { ms: number; result: ReturnType<typeof parseSource>; ctx: Context } {
  let best = Infinity;
  for (let attempt = 0; attempt < 2; attempt++) {
    const ctx = new Context([builtin, func, arith], { allowUnregisteredDialects: allowUnregistered });
    const t0 = performance.now();
    const result = parseSource(text, ctx, { file: "fuzz.mlir" });
    const ms = performance.now() - t0;
    best = Math.min(best, ms);
    if (ms < TIME_LIMIT_MS) return { ms, result, ctx };
    if (attempt === 1) return { ms: best, result, ctx };
  }
  throw new Error("unreachable");
}

test("mutated MLIR gives a diagnostic or a module, never an exception, within the time bound", () => {
  let parsed = 0;
  let rejected = 0;
  let verified = 0;
  fc.assert(
    fc.property(
      fc.nat(seeds.length - 1),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      (seedIndex, mutations, allowUnregistered) => {
        const text = mutations.reduce(mutate, seeds[seedIndex] as string);
        const { ms, result, ctx } = timedParse(text, allowUnregistered);
        assert.ok(ms < TIME_LIMIT_MS, `parsing took ${ms.toFixed(0)} ms`);
        if (E.isLeft(result)) {
          rejected++;
          assert.not.match(result.left.message, /^internal error/);
          assert.ok(result.left.message.length > 0);
          return;
        }
        parsed++;
        if (E.isLeft(verify(result.right))) return;
        verified++;
        const printed = printOp(result.right, { generic: true, debugInfo: true, ctx });
        const again = parseSource(printed, ctx, { file: "fuzz.mlir" });
        assert.ok(E.isRight(again), `the print of a parsed mutation does not parse back:\n${printed}`);
        if (E.isRight(again)) assert.is(printOp(again.right, { generic: true, debugInfo: true, ctx }), printed);
      },
    ),
    { numRuns: Number(process.env.FC_RUNS ?? 2500), seed: Number(process.env.FC_SEED ?? Date.now()) },
  );
  // Both outcomes occur, so the property is not vacuous.
  assert.ok(verified > 0 && rejected > 0, `parsed ${parsed} (verified ${verified}), rejected ${rejected}`);
});

test.run();
