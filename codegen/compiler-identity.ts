/**
 * The compiler's identity in cache keys. A cached shared object may be reused only when the same compiler would
 * produce it again, and "the same compiler" is more than a version number: a change to a pass, to the translation,
 * or (for `compileKeyed`, whose key is the caller's description of a module it has not built yet) to the DSL or a
 * model's definition changes the code without changing any version. So the identity is a hash of the sources that
 * decide generated code — every file under src/, dialects/, rewrites/, codegen/, frontends/ and patches/, by path
 * and content — with the package version and the llvm-bindings patch revision. Computed once per process (about
 * 4 MB read; tens of milliseconds).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { llvm } from "./llvm.ts";

const SOURCE_DIRS = ["src", "dialects", "rewrites", "codegen", "frontends", "patches"];
const repoRoot = resolve(import.meta.dirname, "..");

let identity: string | undefined;

/** `tensile-<version>+patch-<revision>+src-<hash>` of this checkout. */
export function compilerIdentity(): string {
  identity ??= sourceIdentity(repoRoot);
  return identity;
}

/** The identity of the sources under `root` (exported for its test). */
export function sourceIdentity(root: string): string {
  const hash = createHash("sha256");
  const visit = (rel: string): void => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) hash.update(`${path}\0`).update(readFileSync(join(root, path))).update("\0");
    }
  };
  for (const dir of SOURCE_DIRS) {
    try {
      visit(dir);
    } catch {
      hash.update(`${dir}: absent\0`); // an installed package may ship without some (e.g. patches/)
    }
  }
  let version = "0";
  try {
    version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: string }).version ?? "0";
  } catch {
    // no package.json: version 0
  }
  return `tensile-${version}+patch-${llvm.TENSILE_PATCH_REVISION}+src-${hash.digest("hex").slice(0, 16)}`;
}
