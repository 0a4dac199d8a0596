/**
 * Pipeline text is user input (`--pass-pipeline`, RUN lines, reproducers): random mutations of valid pipelines
 * must give a pipeline or a diagnostic, never an exception, and whatever parses must print and parse back.
 */
import fc from "fast-check";
import { isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newPassRegistry } from "../../rewrites/index.ts";
import { parsePipeline, printPipeline } from "../../src/pass/pipeline-text.ts";

const registry = newPassRegistry();


const valid = [
  "builtin.module(func.func(canonicalize,cse),symbol-dce)",
  "builtin.module(inline{default-pipeline=canonicalize max-iterations=3},func.func(canonicalize{max-iterations=4 top-down=true}))",
  "canonicalize,cse,dce",
  "any(func.func(cse))",
  "builtin.module(canonicalize{test-convergence region-simplify=false})",
];
const alphabet = ["(", ")", "{", "}", ",", "=", " ", "\"", "'", "-", ".", "a", "1", "func.func", "cse", "{{", "\\", "\u00e9"];

const mutation = fc.record({
  base: fc.constantFrom(...valid),
  edits: fc.array(
    fc.record({ at: fc.nat(), kind: fc.constantFrom("insert", "delete", "replace", "truncate"), s: fc.constantFrom(...alphabet), len: fc.integer({ min: 1, max: 4 }) }),
    { minLength: 1, maxLength: 4 },
  ),
});

function apply(base: string, edits: readonly { at: number; kind: string; s: string; len: number }[]): string {
  let t = base;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    if (e.kind === "insert") t = t.slice(0, at) + e.s + t.slice(at);
    else if (e.kind === "delete") t = t.slice(0, at) + t.slice(at + e.len);
    else if (e.kind === "replace") t = t.slice(0, at) + e.s + t.slice(at + e.len);
    else t = t.slice(0, at);
  }
  return t;
}

test("mutated pipelines parse or give a diagnostic, and what parses round-trips", () => {
  let parsed = 0;
  fc.assert(
    fc.property(mutation, ({ base, edits }) => {
      const text = apply(base, edits);
      const r = parsePipeline(text, { registry }); // must not throw
      if (!isRight(r)) {
        assert.ok(r.left.message.length > 0);
        return;
      }
      parsed++;
      const printed = printPipeline(r.right);
      const again = parsePipeline(printed, { registry });
      assert.ok(isRight(again), `'${text}' printed as '${printed}', which does not parse`);
      if (isRight(again)) assert.is(printPipeline(again.right), printed);
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 3000), seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
  );
  assert.ok(parsed > 50, `only ${parsed} mutated pipelines still parsed`);
});

test.run();
