/**
 * A pass registry: what pipeline text and `tensile-opt` flags can name. There is no global one: whoever parses
 * pipeline text builds a registry and passes it (`tensile-opt` builds one with Tensile's passes, see
 * rewrites/index.ts `newPassRegistry`, and its `--load-pass-plugin` modules register into it). Named pipelines
 * (`definePassPipeline`, MLIR's registerPassPipeline) expand in place where pipeline text names them.
 *
 *   const registry = new PassRegistry().register(myPass).register(definePassPipeline("cleanup", "...", "cse"));
 *   runPipeline(module, "builtin.module(func.func(my-pass),cleanup)", { ctx, registry });
 */
import type { PassDef } from "./pass.ts";
import type { PipelineItem } from "./pipeline.ts";

/** A named pipeline: `name` in pipeline text stands for its items (text is a bare list, `a,b(c)`). */
export interface PassPipelineDef {
  readonly kind: "pipeline-def";
  readonly name: string;
  readonly summary: string;
  readonly pipeline: string | readonly PipelineItem[];
}

export type RegistryEntry = PassDef | PassPipelineDef;

export class PassRegistry {
  readonly #entries = new Map<string, RegistryEntry>();

  /** Registers a pass or named pipeline; registering the same definition again does nothing. */
  register(entry: RegistryEntry): this {
    const existing = this.#entries.get(entry.name);
    if (existing === entry) return this;
    if (existing !== undefined) throw new Error(`a different pass or pipeline is already registered as '${entry.name}'`);
    this.#entries.set(entry.name, entry);
    return this;
  }

  registerAll(entries: Iterable<RegistryEntry>): this {
    for (const e of entries) this.register(e);
    return this;
  }

  lookup(name: string): RegistryEntry | undefined {
    return this.#entries.get(name);
  }

  lookupPass(name: string): PassDef | undefined {
    const e = this.#entries.get(name);
    return e?.kind === "pass-def" ? e : undefined;
  }

  /** Every registered pass, by name. */
  passes(): PassDef[] {
    return this.entries().filter((e): e is PassDef => e.kind === "pass-def");
  }

  /** Every registered pass and named pipeline, by name. */
  entries(): RegistryEntry[] {
    return [...this.#entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** A named pipeline, to register in a PassRegistry: `definePassPipeline("cleanup", "...", "canonicalize,cse")`. */
export function definePassPipeline(name: string, summary: string, pipeline: string | readonly PipelineItem[]): PassPipelineDef {
  return { kind: "pipeline-def", name, summary, pipeline };
}
