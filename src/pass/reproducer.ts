/**
 * Crash reproducers: when a pass throws or breaks the IR, the pass manager writes the IR and the pipeline
 * to a `.mlir` file in MLIR 16's format, which `tensile-opt --run-reproducer file.mlir` replays:
 *
 *   module { ... }
 *
 *   {-#
 *     external_resources: {
 *       mlir_reproducer: {
 *         pipeline: "builtin.module(func.func(my-pass{max=3}))",
 *         disable_threading: true,
 *         verify_each: true
 *       }
 *     }
 *   #-}
 *
 * A "local" reproducer (the default) holds the IR as it was just before the failing pass and a pipeline of
 * that pass alone (MLIR's --mlir-pass-pipeline-local-reproducer); a "full" one holds the pipeline's input
 * and the whole pipeline (MLIR's default). mlir-opt-16 reads the same section (it runs the pipeline of a
 * file that carries one).
 *
 * The text parser skips `external_resources`, so `readReproducerConfig` scans the text for the section.
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Block, Operation } from "../ir/operation.ts";

export interface ReproducerConfig {
  readonly pipeline: string;
  readonly disableThreading: boolean;
  readonly verifyEach: boolean;
}

/** Where and what to write when a pipeline fails. */
export interface ReproducerOptions {
  /** Write `<dir>/tensile-reproducer-<n>.mlir` (the first free n). */
  readonly dir?: string;
  /** Or write exactly this file (replacing it). */
  readonly path?: string;
  /** "local" (default): the IR before the failing pass, and that pass alone; "full": the input and the whole pipeline. */
  readonly scope?: "local" | "full";
  /** Write one only when a pass crashes or breaks the IR, not when it reports a failure of its own. */
  readonly onlyCrashes?: boolean;
}

function quoteMlirString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

/** The reproducer file's text: `ir` (a printed top-level op) followed by the configuration section. */
export function formatReproducer(ir: string, config: ReproducerConfig): string {
  const body = ir.endsWith("\n") ? ir : `${ir}\n`;
  return (
    `${body}\n{-#\n  external_resources: {\n    mlir_reproducer: {\n` +
    `      pipeline: ${quoteMlirString(config.pipeline)},\n` +
    `      disable_threading: ${config.disableThreading},\n` +
    `      verify_each: ${config.verifyEach}\n` +
    "    }\n  }\n#-}\n"
  );
}

/**
 * Writes a reproducer (through a temporary file, so no reader sees half of it) and returns its path. In a
 * directory it takes the first free `tensile-reproducer-<n>.mlir` atomically (hard link, which fails if the
 * name is taken), so concurrent runs never overwrite each other's.
 */
export function writeReproducer(options: ReproducerOptions, text: string): string {
  const target = options.path;
  const dir = target !== undefined ? dirname(target) : (options.dir ?? ".");
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${target !== undefined ? basename(target) : "tensile-reproducer"}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    if (target !== undefined) {
      rmSync(target, { force: true });
      linkSync(tmp, target);
      return target;
    }
    for (let n = 0; ; n++) {
      const path = join(dir, `tensile-reproducer-${n}.mlir`);
      if (existsSync(path)) continue;
      try {
        linkSync(tmp, path);
        return path;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

// ---- reading the configuration back ------------------------------------------------------------------------

type Token = { readonly kind: "punct"; readonly text: string } | { readonly kind: "word" | "string"; readonly text: string };

function tokenize(s: string): Token[] | string {
  const out: Token[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "/" && s[i + 1] === "/") {
      while (i < s.length && s[i] !== "\n") i++;
    } else if ("{}:,".includes(c)) {
      out.push({ kind: "punct", text: c });
      i++;
    } else if (c === '"') {
      let value = "";
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) {
        if (s[j] !== "\\") {
          value += s[j];
          continue;
        }
        const e = s[++j] ?? "";
        if (e === "n") value += "\n";
        else if (e === "t") value += "\t";
        else if (/[0-9a-fA-F]/.test(e) && /[0-9a-fA-F]/.test(s[j + 1] ?? "")) {
          value += String.fromCharCode(Number.parseInt(e + s[j + 1], 16));
          j++;
        } else value += e;
      }
      if (j >= s.length) return "unterminated string in the reproducer configuration";
      out.push({ kind: "string", text: value });
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && !/[\s{}:,"]/.test(s[j] as string)) j++;
      out.push({ kind: "word", text: s.slice(i, j) });
      i = j;
    }
  }
  return out;
}

type Json = string | boolean | { readonly [k: string]: Json };

/** A `{ key: value, ... }` dictionary of the resource syntax (values: strings, words, nested dictionaries). */
function parseDict(tokens: readonly Token[], start: number): { value: Json; next: number } | string {
  if (tokens[start]?.text !== "{") return "expected '{'";
  const dict: Record<string, Json> = {};
  let i = start + 1;
  if (tokens[i]?.text === "}") return { value: dict, next: i + 1 };
  for (;;) {
    const key = tokens[i];
    if (key === undefined || key.kind === "punct") return "expected a key";
    if (tokens[i + 1]?.text !== ":") return `expected ':' after '${key.text}'`;
    i += 2;
    const v = tokens[i];
    if (v === undefined) return "unexpected end of the configuration";
    if (v.kind === "punct" && v.text === "{") {
      const nested = parseDict(tokens, i);
      if (typeof nested === "string") return nested;
      dict[key.text] = nested.value;
      i = nested.next;
    } else if (v.kind === "string") {
      dict[key.text] = v.text;
      i++;
    } else if (v.kind === "word") {
      dict[key.text] = v.text === "true" ? true : v.text === "false" ? false : v.text;
      i++;
    } else return `unexpected '${v.text}'`;
    const sep = tokens[i];
    if (sep?.text === ",") {
      i++;
      continue;
    }
    if (sep?.text === "}") return { value: dict, next: i + 1 };
    return "expected ',' or '}'";
  }
}

/**
 * The `mlir_reproducer` configuration of a file: undefined when it has none, a message when the section is
 * malformed. Only `{-# ... #-}` sections are read (and a section must start a line), so IR text that merely
 * mentions the words does not count.
 */
export function readReproducerConfig(text: string): ReproducerConfig | undefined | string {
  for (const m of text.matchAll(/^\{-#([\s\S]*?)#-\}/gm)) {
    const tokens = tokenize(`{${m[1] ?? ""}}`);
    if (typeof tokens === "string") return tokens;
    const parsed = parseDict(tokens, 0);
    if (typeof parsed === "string") return `malformed file metadata section: ${parsed}`;
    const external = (parsed.value as Record<string, Json>)["external_resources"];
    if (typeof external !== "object") continue;
    const repro = external["mlir_reproducer"];
    if (repro === undefined) continue;
    if (typeof repro !== "object") return "'mlir_reproducer' must be a dictionary";
    const pipeline = repro["pipeline"];
    if (typeof pipeline !== "string") return "'mlir_reproducer' has no 'pipeline' string";
    const flag = (name: string, dflt: boolean): boolean | string => {
      const v = repro[name];
      if (v === undefined) return dflt;
      return typeof v === "boolean" ? v : `'${name}' must be true or false`;
    };
    const disableThreading = flag("disable_threading", false);
    const verifyEach = flag("verify_each", true);
    if (typeof disableThreading === "string") return disableThreading;
    if (typeof verifyEach === "string") return verifyEach;
    return { pipeline, disableThreading, verifyEach };
  }
  return undefined;
}

// ---- the IR just before a pass -----------------------------------------------------------------------------

/** A copy of an op taken before a pass runs on it, and where the op was. */
export class Snapshot {
  readonly copy: Operation;
  readonly #block: Block | undefined;
  readonly #next: Operation | undefined;

  constructor(readonly live: Operation) {
    this.copy = live.clone();
    this.#block = live.parent;
    this.#next = live.next;
  }

  /** Drops the copy's uses of outside values (when the pass succeeded and the copy is not needed). */
  discard(): void {
    this.copy.dropAllReferences();
  }

  /**
   * Calls `print` with the copy standing in the live op's place (so the whole top-level op reads as it was
   * before the pass), then puts the live op back. Without a block the copy itself is the top-level op.
   */
  printInPlace(print: (topLevel: Operation) => string): string {
    const block = this.#block;
    if (block === undefined) return print(this.copy);
    const live = this.live;
    const liveInPlace = live.parent === block;
    const anchor = liveInPlace ? live : this.#next?.parent === block ? this.#next : undefined;
    block.insertBefore(this.copy, anchor);
    const swapResults = liveInPlace && live.numResults === this.copy.numResults;
    if (liveInPlace) live.remove();
    if (swapResults) live.results.forEach((r, i) => r.replaceAllUsesWith(this.copy.getResult(i)));
    try {
      let top: Operation = this.copy;
      while (top.parentOp !== undefined) top = top.parentOp;
      return print(top);
    } finally {
      if (swapResults) this.copy.results.forEach((r, i) => r.replaceAllUsesWith(live.getResult(i)));
      if (liveInPlace) block.insertBefore(live, this.copy);
      this.copy.remove();
    }
  }
}
