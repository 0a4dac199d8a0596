/**
 * Shared by the pass tests (test/unit/{cse,dce,symbol-dce,inline,cf-canonicalize,...}.test.ts): parse MLIR
 * text, run a golden file through `tensile-opt` (in-process, as the golden runner does) and through
 * `mlir-opt-16`, and compare the results top-level symbol by symbol, with a list of known differences that
 * must still differ (so the list stays true).
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import * as assert from "uvu/assert";
import { parseOptArgs, runOpt } from "../../cli/opt-driver.ts";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { parseSource } from "../../src/text/parser.ts";

export const goldenDir = join(import.meta.dirname, "..", "golden");

/** The text of a golden file (relative to test/golden). */
export const goldenText = (file: string): string => readFileSync(join(goldenDir, file), "utf8");

/** A parser of MLIR text in `ctx` that throws with the diagnostic's message on a syntax error. */
export function parserIn(ctx: Context): (text: string) => Operation {
  return (text) => {
    const r = parseSource(text, ctx);
    if (isLeft(r)) throw new Error(r.left.message);
    return r.right;
  };
}

/** `tensile-opt <args> <file>`'s output (the file is relative to test/golden). */
export function tensileOpt(file: string, args: readonly string[]): string {
  const path = join(goldenDir, file);
  const parsed = parseOptArgs([...args, path], newPassRegistry());
  if (typeof parsed === "string") throw new Error(parsed);
  const r = runOpt(readFileSync(path, "utf8"), path, () => newContext({ allowUnregisteredDialects: true }), parsed.opts);
  assert.is(r.exitCode, 0, `tensile-opt ${args.join(" ")} ${file} failed:\n${r.stderr}`);
  return r.stdout;
}

/** `mlir-opt-16 <args> <file>`'s output. */
export function mlirOpt(file: string, args: readonly string[]): string {
  const r = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", ...args, join(goldenDir, file)], { encoding: "utf8" });
  assert.is(r.status, 0, `mlir-opt-16 ${args.join(" ")} ${file} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** `mlir-opt-16 <args> -` on `text` (stdin); the caller checks the status, as some tests expect a failure. */
export function mlirOptOnText(text: string, args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync("mlir-opt-16", [...args, "-"], { input: text, encoding: "utf8" });
}

/**
 * The top-level ops of a printed module, by symbol name (`@f`), or by their first line when they have none.
 * Relies on the printer's two-space indentation of the module body.
 */
export function topLevelOps(moduleText: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string[] | undefined;
  const flush = (): void => {
    if (current === undefined) return;
    const head = current[0] as string;
    const name = /@([\w$.-]+)/.exec(head)?.[1];
    out.set(name === undefined ? head.trim() : `@${name}`, current.join("\n"));
    current = undefined;
  };
  for (const line of moduleText.split("\n")) {
    // A new op starts at the body's indentation; `}`, `]` and block labels (`^bb1:`) continue the current one.
    if (/^ {2}[^\s}\]^]/.test(line)) {
      flush();
      current = [line];
    } else if (current !== undefined && line.startsWith("  ")) current.push(line);
    else flush();
  }
  flush();
  return out;
}

/**
 * Both tools give the same top-level ops, except those in `known` (symbol name -> why they differ), which
 * must differ. Returns how many ops agreed, for tests to assert the comparison saw something.
 */
export function assertSameAsMlir(ours: string, theirs: string, known: Readonly<Record<string, string>> = {}): number {
  const a = topLevelOps(ours);
  const b = topLevelOps(theirs);
  let agreed = 0;
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(name), b.get(name)];
    if (name in known) {
      assert.ok(x !== y, `${name} is listed as differing from mlir-opt-16 (${known[name]}) but now agrees: update the list`);
      continue;
    }
    assert.fixture(x ?? "<absent>", y ?? "<absent>", `${name} differs from mlir-opt-16`);
    agreed++;
  }
  return agreed;
}
