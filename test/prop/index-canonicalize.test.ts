/**
 * The index folders on random index programs (rewrites/testing/gen-index.ts): canonicalization preserves what
 * the programs compute, every folder fires (coverage table printed), and what is left is what MLIR 16 leaves:
 * no index op on constants whose result is the same for a 32- and a 64-bit index. FC_RUNS sets the runs
 * (default 200).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { indexOps } from "../../dialects/index/index.ts";
import { arithLeftAlone, canonicalizeChecked } from "../../rewrites/testing/canonical-form.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { indexLeftAlone, indexPrograms } from "../../rewrites/testing/gen-index.ts";
import { programs } from "../../rewrites/testing/programs.ts";

const runs = Number(process.env.FC_RUNS ?? 200);
const s = suite("index folders");

s(`canonicalize on ${runs} random index programs computes the same, leaves nothing MLIR 16 folds, and fires every folder`, () => {
  const leftAlone = canonicalizeChecked((op, operands, results) => (op.name.startsWith("index.") ? indexLeftAlone : arithLeftAlone)(op, operands, results));
  const r = checkRewrite({ transform: leftAlone, programs: programs(indexPrograms), runs, coverage: { folders: indexOps } });
  assert.ok(r.ok, r.ok ? "" : r.message);
  if (r.ok) assert.ok(r.skipped < 3 * r.runs, `too many programs were skipped (${r.skipped} for ${r.runs} runs)`);
});

s.run();
