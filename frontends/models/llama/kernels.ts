/**
 * The compiled kernels of a LLaMA model: the DSL functions of model.ts traced to Linalg on tensors into one
 * module (`llama_layer_1`, `llama_layer_<chunk>` when chunk > 1, `llama_head`), compiled by codegen/compile.ts into
 * one shared object per (shape, weight types, ctx, chunk, target), cached on disk under a key made of exactly
 * those: a second load of the same model skips tracing, lowering and LLVM (`compileKeyed`).
 *
 * For AOT bundles (the CLI's `--aot`), `llamaKernelModule` gives the traced module itself: pass it to
 * codegen/aot/bundle.ts's `writeBundle` (which lowers it and writes the object and the C header of these
 * functions).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { type CompiledLibrary, compileKeyed, type CompileStep } from "../../../codegen/compile.ts";
import type { CInterfaceFunction } from "../../../codegen/runtime/c-interface.ts";
import type { TargetName } from "../../../codegen/target.ts";
import { moduleBody, type ModuleOp } from "../../../dialects/builtin/index.ts";
import { renderDiagnostic } from "../../../src/diag/diagnostic.ts";
import type { Context } from "../../../src/ir/context.ts";
import * as t from "../../dsl/index.ts";
import { decoderLayer, headInputs, type KernelShape, layerInputs, outputHead } from "./model.ts";
import { LlamaError } from "./types.ts";

/** The ABI's function names. */
export const layerFunctionName = (seq: number): string => `llama_layer_${seq}`;
export const HEAD_FUNCTION = "llama_head";

/** The sequence lengths the model has layer functions for: 1 (decode) and the prefill chunk. */
export const layerSeqs = (shape: KernelShape): number[] => (shape.chunk > 1 ? [1, shape.chunk] : [1]);

/** The module of every kernel of `shape` (traced to Linalg on tensors), and the context that built it. */
export function llamaKernelModule(shape: KernelShape): { module: ModuleOp; ctx: Context } {
  const traceLayer = (seq: number, ctx?: Context): t.Traced =>
    t.trace((inputs) => decoderLayer(shape, seq, inputs), { name: layerFunctionName(seq), inputs: layerInputs(shape, seq), target: "linalg", ...(ctx === undefined ? {} : { ctx }) });
  const seqs = layerSeqs(shape);
  const first = traceLayer(seqs[0] as number);
  const body = moduleBody(first.module);
  for (const seq of seqs.slice(1)) body.append(traceLayer(seq, first.ctx).func.clone());
  const head = t.trace((inputs) => outputHead(shape, inputs), { name: HEAD_FUNCTION, inputs: headInputs(shape), target: "linalg", ctx: first.ctx });
  body.append(head.func.clone());
  return { module: first.module, ctx: first.ctx };
}

/** The cache key of a model's kernels: everything the module depends on. */
export function kernelKey(shape: KernelShape): string {
  return JSON.stringify({ kernels: "llama-v1", ...shape });
}

export interface LlamaKernels {
  readonly layers: ReadonlyMap<number, CInterfaceFunction>;
  readonly head: CInterfaceFunction;
  readonly library: CompiledLibrary;
  /** Seconds spent, and whether the shared object came from the cache (then nothing was traced or lowered). */
  readonly seconds: number;
  readonly cached: boolean;
}

export interface KernelOptions {
  readonly target?: TargetName;
  readonly threads?: number;
  readonly cacheDir?: string | false;
  /** Called as each compile step starts (codegen/compile.ts's `CompileStep`); not at all on a cache hit. */
  readonly onStep?: (step: CompileStep) => void;
}

/** Compiles (or loads from the cache) the kernels of `shape`. */
export function compileLlamaKernels(shape: KernelShape, opts: KernelOptions = {}): LlamaKernels {
  const start = performance.now();
  let built = false;
  const lib = compileKeyed(
    kernelKey(shape),
    () => {
      built = true;
      return llamaKernelModule(shape).module;
    },
    {
      target: opts.target ?? "host",
      ...(opts.threads === undefined ? {} : { threads: opts.threads }),
      ...(opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir }),
      ...(opts.onStep === undefined ? {} : { onStep: opts.onStep }),
    },
  );
  if (isLeft(lib)) throw new LlamaError(`compiling the model's kernels failed:\n${lib.left.map((d) => renderDiagnostic(d)).join("\n")}`);
  const fn = (name: string): CInterfaceFunction => {
    const found = lib.right.functions[name];
    if (found === undefined) throw new LlamaError(`the compiled kernels have no function @${name} (${lib.right.path})`);
    return found;
  };
  return {
    layers: new Map(layerSeqs(shape).map((s) => [s, fn(layerFunctionName(s))])),
    head: fn(HEAD_FUNCTION),
    library: lib.right,
    seconds: (performance.now() - start) / 1000,
    cached: !built || lib.right.cached,
  };
}
