/**
 * The install of the patched llvm-bindings fails loudly: scripts/postinstall.sh's apply step on a package the
 * patch no longer fits, and its check step on an addon without the patched API (a stale or unpatched build,
 * which cmake-js can leave behind with exit code 0). Both run on temporary copies, never on node_modules.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "..", "..");
const installed = join(repo, "node_modules", "llvm-bindings");

/** A temporary app root with package.json and a copy of the installed (patched) llvm-bindings sources. */
function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "llvm-install-"));
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "install-probe", version: "0.0.0", private: true }));
  cpSync(installed, join(root, "node_modules", "llvm-bindings"), {
    recursive: true,
    filter: (src) => !src.startsWith(join(installed, "build")) && !src.startsWith(join(installed, "node_modules")),
  });
  return root;
}

function postinstall(root: string, step: string): { status: number | null; output: string } {
  const r = spawnSync("bash", [join(repo, "scripts", "postinstall.sh"), step], {
    env: { ...process.env, TENSILE_INSTALL_ROOT: root },
    encoding: "utf8",
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test("the apply step accepts the package as the patch left it (already applied)", () => {
  const root = tempRoot();
  try {
    const r = postinstall(root, "apply");
    assert.is(r.status, 0, r.output);
    assert.match(r.output, /llvm-bindings@0\.4\.2/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the apply step fails the install when the patch does not apply", () => {
  const root = tempRoot();
  try {
    // A line the patch adds, changed: the patch neither applies nor is found already applied.
    const file = join(root, "node_modules", "llvm-bindings", "src", "llvm-bindings.cpp");
    const source = readFileSync(file, "utf8");
    assert.match(source, /InitExtensions\(env, exports\);/);
    writeFileSync(file, source.replace("InitExtensions(env, exports);", "InitSomethingElse(env, exports);"));
    const r = postinstall(root, "apply");
    assert.is.not(r.status, 0);
    assert.match(r.output, /FAILED: patch-package could not apply llvm-bindings\+0\.4\.2\.patch/);
    assert.match(r.output, /the install fails/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the check step fails the install when the addon lacks the patched API", () => {
  const root = mkdtempSync(join(tmpdir(), "llvm-install-"));
  try {
    // Stands in for a stock build: loads, reports LLVM 14, has none of the extensions.
    const fake = join(root, "node_modules", "llvm-bindings");
    mkdirSync(fake, { recursive: true });
    writeFileSync(join(fake, "index.js"), "module.exports = { config: { LLVM_VERSION_MAJOR: 14 }, IRBuilder: function () {} };\n");
    const r = postinstall(root, "check");
    assert.is.not(r.status, 0);
    assert.match(r.output, /patch revision undefined, expected 2 \(a stale or unpatched build\)/);
    assert.match(r.output, /missing: VectorType\.get, FixedVectorType\.get/);
    assert.match(r.output, /FAILED: the built addon lacks the patched API/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the check step accepts the installed, patched addon", () => {
  const r = spawnSync("node", [join(repo, "scripts", "check-llvm-bindings.cjs")], { encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /patched API present \(revision 2\)/);
});

test.run();
