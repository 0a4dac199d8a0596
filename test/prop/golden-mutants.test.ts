/**
 * Every dialect's syntax under damage: chunks of the golden files (test/golden/**, `// -----` split), with a
 * token deleted, duplicated, swapped for another of the file's tokens, or the text cut short. Whatever comes of
 * it, Tensile must answer with IR or a located diagnostic, never an exception or a hang: parse, then verify, then
 * print what verified and parse that again (a custom printer must print what its parser reads).
 *
 * The hand-written parsers of the tensor-level dialects (linalg's named ops, affine's bounds, scf's loops, vector's
 * masks and transfers, omp's clauses, ...) are where a crash would hide. GOLDEN_MUTANTS sets the mutants per chunk
 * (default 8; 60 gave 37,000 mutants and no failure).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { seeded } from "../../rewrites/testing/examples.ts";
import { fileLineCol } from "../../src/ir/location.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

const root = join(import.meta.dirname, "..", "golden");
const PER_CHUNK = Number(process.env.GOLDEN_MUTANTS ?? 8);

function mlirFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? mlirFiles(p) : n.endsWith(".mlir") ? [p] : [];
    });
}

/** Rough MLIR tokens (names, numbers, strings, punctuation) with their places, enough to break a parser anywhere. */
const tokens = (text: string): { start: number; end: number; text: string }[] =>
  [...text.matchAll(/"(?:[^"\\]|\\.)*"|[%@^#!]?[\w.$-]+|->|::|\S/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));

/** One damaged copy of `chunk`: a token deleted, duplicated or replaced by another of the chunk's, or the text cut. */
function mutate(chunk: string, rand: () => number): string {
  const toks = tokens(chunk);
  const at = toks[Math.floor(rand() * toks.length)];
  const other = toks[Math.floor(rand() * toks.length)];
  if (at === undefined || other === undefined) return chunk;
  const [before, after] = [chunk.slice(0, at.start), chunk.slice(at.end)];
  switch (Math.floor(rand() * 4)) {
    case 0:
      return before + after;
    case 1:
      return before + at.text + at.text + after;
    case 2:
      return before + other.text + after;
    default:
      return before;
  }
}

/** What a mutant must do: a module or a located diagnostic, then no exception from verify, print and re-parse. */
function survive(ctx: ReturnType<typeof newContext>, text: string, where: string): "parsed" | "refused" | "invalid" {
  const started = Date.now();
  let outcome: "parsed" | "refused" | "invalid";
  try {
    const parsed = parseSource(text, ctx, { file: "mutant.mlir" });
    if (isLeft(parsed)) {
      assert.ok(fileLineCol(parsed.left.loc) !== undefined, `${where}: no location for '${parsed.left.message}'\n${text}`);
      outcome = "refused";
    } else if (isLeft(verify(parsed.right, { ctx }))) {
      outcome = "invalid";
    } else {
      const printed = printOp(parsed.right, { ctx });
      const again = parseSource(printed, ctx);
      assert.ok(!isLeft(again), `${where}: what verified prints as text that does not parse (${isLeft(again) ? again.left.message : ""})\n${printed}`);
      outcome = "parsed";
    }
  } catch (e) {
    if (e instanceof assert.Assertion) throw e;
    throw new Error(`${where}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n--- mutant ---\n${text}`);
  }
  assert.ok(Date.now() - started < 2000, `${where}: took ${Date.now() - started} ms\n${text}`);
  return outcome;
}

test("damaged golden files parse to IR or to a located diagnostic; what verifies prints and parses again", () => {
  const ctx = newContext();
  const counts = { parsed: 0, refused: 0, invalid: 0 };
  for (const path of mlirFiles(root)) {
    const chunks = readFileSync(path, "utf8").split(/^\/\/ -----$/m);
    chunks.forEach((chunk, c) => {
      // Comments carry CHECK lines and expected diagnostics, not syntax: leave them out.
      const code = chunk.split("\n").filter((l) => !l.trimStart().startsWith("//")).join("\n");
      const rand = seeded(c * 7919 + relative(root, path).length);
      for (let k = 0; k < PER_CHUNK; k++) counts[survive(ctx, mutate(code, rand), `${relative(root, path)} chunk ${c} mutant ${k}`)]++;
    });
  }
  console.log(`  mutants: ${counts.parsed} verified and round-tripped, ${counts.invalid} refused by the verifier, ${counts.refused} by the parser`);
  // The damage is real: most mutants are refused, and some still parse (the test sees both paths).
  assert.ok(counts.refused > counts.parsed && counts.parsed > 0);
});

test.run();
