/**
 * MLIR's textual pass pipelines:
 *
 *   builtin.module(func.func(canonicalize{max-iterations=3},cse),symbol-dce)
 *
 * `name(...)` nests on an op name; `name{opts}` is a pass with options (see options.ts); a top-level
 * `anchor(...)` says what the pipeline runs on. A bare list (`canonicalize,cse`) is accepted too and runs on
 * whatever root it is given. Names resolve in a registry at parse time, so unknown passes, bad options and
 * passes restricted to another op kind are errors here, with MLIR's messages and a column in the text.
 *
 * `printPipeline` writes a spec back (options that differ from the defaults, or all of them), so
 * parse → print → parse gives the same pipeline.
 */
import { type Either, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error } from "../diag/diagnostic.ts";
import { FileLineColLoc } from "../ir/location.ts";
import { printOptions } from "./options.ts";
import { optionsSchema, passFromText } from "./pass.ts";
import {
  ANY_OP,
  misplacedPass,
  misplacedPassMessage,
  nest,
  type PipelineItem,
  type PipelineSpec,
  toSpec,
} from "./pipeline.ts";
import type { PassRegistry } from "./registry.ts";

export interface ParsePipelineOptions {
  /** Where pass and pipeline names are looked up. */
  readonly registry: PassRegistry;
  /** The file name diagnostics carry (default `<pass-pipeline>`); the text is its only line(s). */
  readonly file?: string;
}

export const PIPELINE_FILE = "<pass-pipeline>";

class PipelineSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses pipeline text into a spec whose passes are resolved and configured. */
export function parsePipeline(text: string, opts: ParsePipelineOptions): Either<Diagnostic, PipelineSpec> {
  const parser = new PipelineParser(text, opts.registry, new Set());
  try {
    return right(parser.parseSpec());
  } catch (e) {
    if (!(e instanceof PipelineSyntaxError)) throw e;
    return left(error(locationAt(text, e.offset, opts.file ?? PIPELINE_FILE), e.message));
  }
}

function locationAt(text: string, offset: number, file: string): FileLineColLoc {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const col = offset - (before.lastIndexOf("\n") + 1) + 1;
  return FileLineColLoc.get(file, line, col);
}

const NAME_END = ",(){}";

class PipelineParser {
  #pos = 0;

  constructor(
    private readonly text: string,
    private readonly registry: PassRegistry,
    /** Named pipelines being expanded, to refuse a pipeline that names itself. */
    private readonly expanding: ReadonlySet<string>,
  ) {}

  parseSpec(): PipelineSpec {
    if (this.text.trim() === "") return { anchor: undefined, items: [] };
    const items = this.parseItems(undefined, 0);
    const only = items[0];
    if (items.length === 1 && only?.kind === "nest" && this.text.trimEnd().endsWith(")")) {
      return { anchor: only.opName, items: only.items };
    }
    return { anchor: undefined, items };
  }

  private fail(offset: number, message: string): never {
    throw new PipelineSyntaxError(offset, message);
  }

  private skipSpaces(): void {
    while (this.#pos < this.text.length && /\s/.test(this.text[this.#pos] as string)) this.#pos++;
  }

  private peek(): string | undefined {
    return this.text[this.#pos];
  }

  /** The items of one pipeline, up to (not including) its closing ')' or the end of the text. */
  private parseItems(anchor: string | undefined, depth: number): PipelineItem[] {
    const items: PipelineItem[] = [];
    this.skipSpaces();
    if (depth > 0 && this.peek() === ")") return items;
    for (;;) {
      this.skipSpaces();
      const start = this.#pos;
      while (this.#pos < this.text.length && !NAME_END.includes(this.text[this.#pos] as string)) this.#pos++;
      const name = this.text.slice(start, this.#pos).trim();
      if (this.peek() === "(") {
        if (name === "") this.fail(this.#pos, "expected an operation name before '('");
        this.#pos++;
        const inner = this.parseItems(name, depth + 1);
        if (this.peek() !== ")") this.fail(this.#pos, "encountered unbalanced parentheses while parsing pipeline");
        this.#pos++;
        items.push(nest(name, inner));
      } else {
        let options: string | undefined;
        if (this.peek() === "{") options = this.parseOptionBlock();
        items.push(...this.resolve(name, options, start, anchor));
      }
      this.skipSpaces();
      const next = this.peek();
      if (next === undefined) return items;
      if (next === ")") {
        if (depth === 0) this.fail(this.#pos, "encountered extra closing ')' creating unbalanced parentheses while parsing pipeline");
        return items;
      }
      if (next !== ",") this.fail(this.#pos, "expected ',' after parsing pipeline");
      this.#pos++;
    }
  }

  /** `{...}` after a pass name, braces balanced (quoted text skipped); returns what is inside. */
  private parseOptionBlock(): string {
    const open = this.#pos;
    let depth = 0;
    for (let i = open; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '"' || c === "'") {
        const end = this.text.indexOf(c, i + 1);
        if (end < 0) break;
        i = end;
      } else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        this.#pos = i + 1;
        return this.text.slice(open + 1, i);
      }
    }
    return this.fail(open, "missing closing '}' while processing pass options");
  }

  /** A name (and its option text) as pipeline items: one pass, or the expansion of a named pipeline. */
  private resolve(name: string, options: string | undefined, at: number, anchor: string | undefined): PipelineItem[] {
    const entry = this.registry.lookup(name);
    if (entry === undefined) this.fail(at, `'${name}' does not refer to a registered pass or pass pipeline`);
    if (entry.kind === "pass-def") {
      const p = passFromText(entry, options);
      if (typeof p === "string") this.fail(at, p);
      const misplaced = misplacedPass([p], anchor);
      if (misplaced !== undefined) this.fail(at, misplacedPassMessage(p, misplaced.anchor));
      return [p];
    }
    if (options !== undefined) this.fail(at, `pass pipeline '${name}' takes no options`);
    if (this.expanding.has(name)) this.fail(at, `pass pipeline '${name}' refers to itself`);
    let items: readonly PipelineItem[];
    if (typeof entry.pipeline === "string") {
      const inner = new PipelineParser(entry.pipeline, this.registry, new Set([...this.expanding, name]));
      try {
        items = inner.parseSpecAsItems();
      } catch (e) {
        if (!(e instanceof PipelineSyntaxError)) throw e;
        return this.fail(at, `in pass pipeline '${name}': ${e.message}`);
      }
    } else items = entry.pipeline;
    const misplaced = misplacedPass(items, anchor);
    if (misplaced !== undefined) this.fail(at, `in pass pipeline '${name}': ${misplacedPassMessage(misplaced.pass, misplaced.anchor)}`);
    return [...items];
  }

  /** A named pipeline's text: its items, with a top-level anchor kept as a nest. */
  parseSpecAsItems(): readonly PipelineItem[] {
    if (this.text.trim() === "") return [];
    return this.parseItems(undefined, 0);
  }
}

// ---- printing --------------------------------------------------------------------------------------------

export interface PrintPipelineOptions {
  /** Print every option, defaults included (as MLIR's reproducers do); otherwise only those that differ. */
  readonly allOptions?: boolean;
}

/** The text of a pipeline item list (`a,b{x=1},func.func(c)`). */
export function printPipelineItems(items: readonly PipelineItem[], opts: PrintPipelineOptions = {}): string {
  return items
    .map((item) =>
      item.kind === "nest"
        ? `${item.opName}(${printPipelineItems(item.items, opts)})`
        : `${item.def.name}${printOptions(optionsSchema(item.def), item.options, opts.allOptions ?? false)}`,
    )
    .join(",");
}

/** The text of a pipeline; it parses back to the same pipeline. */
export function printPipeline(p: PipelineSpec | readonly PipelineItem[], opts: PrintPipelineOptions = {}): string {
  const spec = toSpec(p);
  const body = printPipelineItems(spec.items, opts);
  if (spec.anchor !== undefined) return `${spec.anchor}(${body})`;
  // A lone nest would read back as the anchor; `any(...)` keeps its meaning.
  if (spec.items.length === 1 && spec.items[0]?.kind === "nest") return `${ANY_OP}(${body})`;
  return body;
}
