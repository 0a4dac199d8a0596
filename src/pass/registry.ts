/**
 * The pass registry: what pipeline text and `tensile-opt` flags can name. `registerPass(def)` adds a pass
 * to the default registry (rewrites/index.ts registers the passes Tensile ships); a `PassRegistry` of your
 * own keeps tests or tools apart from it. Named pipelines (`definePassPipeline`, MLIR's registerPassPipeline)
 * expand in place where pipeline text names them.
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
  register(entry: RegistryEntry): void {
    const existing = this.#entries.get(entry.name);
    if (existing === entry) return;
    if (existing !== undefined) throw new Error(`a different pass or pipeline is already registered as '${entry.name}'`);
    this.#entries.set(entry.name, entry);
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

/** The registry pipeline text and `tensile-opt` use unless given another. */
export const defaultRegistry = new PassRegistry();

/** Registers a pass (or named pipeline) in the default registry; the same definition twice is a no-op. */
export function registerPass(def: RegistryEntry): void {
  defaultRegistry.register(def);
}

/** A named pipeline, to register with `registerPass`: `definePassPipeline("cleanup", "...", "canonicalize,cse")`. */
export function definePassPipeline(name: string, summary: string, pipeline: string | readonly PipelineItem[]): PassPipelineDef {
  return { kind: "pipeline-def", name, summary, pipeline };
}

export function lookupPass(name: string): PassDef | undefined {
  return defaultRegistry.lookupPass(name);
}

export function allPasses(): PassDef[] {
  return defaultRegistry.passes();
}
