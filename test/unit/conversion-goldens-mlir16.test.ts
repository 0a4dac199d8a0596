/**
 * What the conversion passes print on their golden inputs (test/golden/conversion/, each file's RUN lines) is
 * accepted by `mlir-opt-16 --verify-each`: the CHECK lines say it is what mlir-opt-16 prints, this says MLIR 16 can
 * read it back whole, including what the CHECK lines leave out.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseOptArgs, runOpt } from "../../cli/opt-driver.ts";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { mlir16Rejects } from "../support/mlir16-verify.ts";

const dir = join(import.meta.dirname, "..", "golden", "conversion");
const registry = newPassRegistry();

for (const name of readdirSync(dir).filter((n) => n.endsWith(".mlir")).sort()) {
  const text = readFileSync(join(dir, name), "utf8");
  const runs = [...text.matchAll(/^\/\/ RUN: tensile-opt %s (.*?) \| FileCheck.*$/gm)].map((m) => (m[1] as string).split(/\s+/));
  if (runs.length === 0 || text.includes("--verify-diagnostics")) continue;
  test(`mlir-opt-16 --verify-each accepts what ${name}'s passes print`, () => {
    for (const flags of runs) {
      const args = parseOptArgs([...flags, join(dir, name)], registry);
      if (typeof args === "string") throw new Error(args);
      const r = runOpt(text, name, () => newContext(), args.opts);
      assert.is(r.exitCode, 0, r.stderr);
      const split = flags.includes("--split-input-file");
      const rejected = mlir16Rejects(split ? r.stdout.split(/^\/\/ -----$/m) : [r.stdout]);
      assert.ok(rejected === undefined, rejected);
    }
  });
}

test.run();
