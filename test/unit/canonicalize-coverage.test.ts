/**
 * Every canonicalization pattern Tensile registers, and every op folder, is exercised by a golden file: running
 * canonicalize over the golden inputs that use it, each pattern applies at least once and each op kind with a
 * `fold` hook folds at least once. (A pattern without a before/after golden case fails here.)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allDialects } from "../../dialects/index.ts";
import { newContext } from "../../rewrites/index.ts";
import "../../rewrites/index.ts";
import { canonicalize } from "../../rewrites/canonicalize.ts";
import type { OpDefinition } from "../../src/irdl/define-op.ts";
import { parseSource } from "../../src/text/parser.ts";
import { splitInputFile } from "../../src/text/split-input.ts";

const golden = join(import.meta.dirname, "..", "golden");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith(".mlir") ? [p] : [];
  });

test("each canonicalization pattern applies, and each folder folds, somewhere in the golden files", () => {
  const ctx = newContext({ allowUnregisteredDialects: true });
  const applied = new Set<string>();
  const folded = new Set<string>();
  for (const path of files(golden)) {
    const text = readFileSync(path, "utf8");
    if (!/--canonicalize|canonicalize[,)]|--inline/.test(text)) continue;
    for (const chunk of splitInputFile(text)) {
      const m = parseSource(chunk.text, ctx);
      if (isLeft(m)) continue;
      canonicalize(m.right, ctx, {
        listener: { notifyPatternApplied: (name, op) => (name === "fold" ? folded.add(op.name) : applied.add(name)) },
      });
    }
  }
  const patterns = ctx.canonicalizationPatterns.map((p) => p.name);
  assert.ok(patterns.length >= 50, `${patterns.length} patterns registered`);
  const neverApplied = patterns.filter((n) => !applied.has(n));
  assert.equal(neverApplied, [], `patterns with no golden case: ${neverApplied.join(", ")}`);
  const folders = allDialects.flatMap((d) => d.ops).filter((op) => (op.info as OpDefinition | undefined)?.behaviour?.fold !== undefined);
  const neverFolded = folders.map((op) => op.info?.name as string).filter((n) => !folded.has(n));
  assert.equal(neverFolded, [], `folders with no golden case: ${neverFolded.join(", ")}`);
});

test.run();
