/**
 * The compiler's identity in cache keys (codegen/compiler-identity.ts) follows the sources that decide generated
 * code: changing, adding or renaming a file under them changes it; files elsewhere do not.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compilerIdentity, sourceIdentity } from "../../codegen/compiler-identity.ts";

const root = mkdtempSync(join(tmpdir(), "tensile-identity-"));
test.after(() => rmSync(root, { recursive: true, force: true }));

test("the identity changes with the sources that decide code, and only with them", () => {
  mkdirSync(join(root, "rewrites/x"), { recursive: true });
  mkdirSync(join(root, "frontends"), { recursive: true });
  mkdirSync(join(root, "docs"), { recursive: true });
  writeFileSync(join(root, "rewrites/x/pass.ts"), "export const a = 1;\n");
  writeFileSync(join(root, "frontends/model.ts"), "export const dim = 64;\n");
  const first = sourceIdentity(root);
  assert.match(first, /^tensile-0\+patch-\d+\+src-[0-9a-f]{16}$/);
  assert.is(sourceIdentity(root), first, "deterministic");
  writeFileSync(join(root, "docs/notes.md"), "not code\n");
  assert.is(sourceIdentity(root), first, "a file outside the source directories");
  writeFileSync(join(root, "frontends/model.ts"), "export const dim = 65;\n");
  const edited = sourceIdentity(root);
  assert.is.not(edited, first, "an edited model definition");
  renameSync(join(root, "rewrites/x/pass.ts"), join(root, "rewrites/x/pass2.ts"));
  assert.is.not(sourceIdentity(root), edited, "a renamed file");
  writeFileSync(join(root, "package.json"), JSON.stringify({ version: "9.9.9" }));
  assert.match(sourceIdentity(root), /^tensile-9\.9\.9\+/);
});

test("this checkout's identity is computed once and names its version", () => {
  assert.match(compilerIdentity(), /^tensile-\d+\.\d+\.\d+\+patch-\d+\+src-[0-9a-f]{16}$/);
  assert.is(compilerIdentity(), compilerIdentity());
});

test.run();
