/**
 * Checking a pipeline that bufferizes function boundaries (`one-shot-bufferize{bufferize-function-boundaries}`)
 * with checkRewrite: the bufferized functions take and return memrefs, so each public function `@f` is renamed
 * `@f__buffers` and a new `@f` with the original tensor signature calls it the way a C or Node caller would
 * under the ownership rule (docs/ARCHITECTURE.md): it passes buffers holding the arguments, reads the returned
 * buffers, and frees each one; twice, returning the second call's results.
 *
 *   func.func @f(%arg0: tensor<4xf32>) -> tensor<4xf32> {
 *     %m0_0 = bufferization.to_memref %arg0 : memref<4xf32>
 *     %r0:1 = func.call @f__buffers(%m0_0) : (memref<4xf32>) -> memref<4xf32>
 *     %t0_0 = bufferization.to_tensor %r0#0 : memref<4xf32>
 *     memref.dealloc %r0#0 : memref<4xf32>
 *     ... the same again (%m1_0, %r1, %t1_0) ...
 *     return %t1_0 : tensor<4xf32>
 *   }
 *
 * So a returned buffer the function does not own (an argument, a global, a view) fails the run (freeing memory
 * memref.alloc did not allocate), a buffer returned twice is a double free, and with `leaks` checkRewrite
 * counts the allocations left unfreed.
 */
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { StringAttr, SymbolRefAttr, TypeAttr } from "../../src/ir/attributes.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FunctionType, MemRefType, type Type, UnrankedMemRefType } from "../../src/ir/types.ts";
import { isTensorType } from "../../src/interfaces/bufferizable.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import type { RewriteListener } from "../../src/rewrite/rewriter.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printType } from "../../src/text/print-attr.ts";
import { newPassRegistry } from "../index.ts";

const isMemRef = (t: Type): boolean => t instanceof MemRefType || t instanceof UnrankedMemRefType;

/**
 * The wrapper `@name` (tensor signature `original`) calling `@callee` (signature `buffers`), as MLIR text. It calls
 * twice, each time with buffers of its own, and returns what the second call computed: a function that writes
 * into memory shared between calls (a constant's memref.global) computes something else the second time.
 */
function wrapperText(name: string, callee: string, original: FunctionType, buffers: FunctionType): string {
  const lines: string[] = [];
  const n = buffers.results.length;
  const sig = `(${buffers.inputs.map((t) => printType(t)).join(", ")}) -> (${buffers.results.map((t) => printType(t)).join(", ")})`;
  // After buffer-results-to-out-params, the tensor results are trailing arguments the caller allocates.
  const outParams = buffers.inputs.slice(original.inputs.length);
  const call = (k: number): string[] => {
    const args = original.inputs.map((t, i) => {
      const b = buffers.inputs[i] as Type;
      if (b === t) return `%arg${i}`;
      lines.push(`  %m${k}_${i} = bufferization.to_memref %arg${i} : ${printType(b)}`);
      return `%m${k}_${i}`;
    });
    const outs = outParams.map((t, j) => {
      lines.push(`  %o${k}_${j} = memref.alloc() : ${printType(t)}`);
      return `%o${k}_${j}`;
    });
    lines.push(`  ${n === 0 ? "" : `%r${k}:${n} = `}func.call @${callee}(${[...args, ...outs].join(", ")}) : ${sig}`);
    let nextOut = 0;
    let nextResult = 0;
    return original.results.map((t, j) => {
      const b = outParams.length > 0 && isTensorType(t) ? (outParams[nextOut] as Type) : (buffers.results[nextResult] as Type);
      const value = outParams.length > 0 && isTensorType(t) ? (outs[nextOut++] as string) : `%r${k}#${nextResult++}`;
      if (!isMemRef(b) || b === t) return value;
      lines.push(`  %t${k}_${j} = bufferization.to_tensor ${value} : ${printType(b)}`);
      lines.push(`  memref.dealloc ${value} : ${printType(b)}`);
      return `%t${k}_${j}`;
    });
  };
  call(0);
  const results = call(1);
  const params = original.inputs.map((t, i) => `%arg${i}: ${printType(t)}`).join(", ");
  lines.push(original.results.length === 0 ? "  return" : `  return ${results.join(", ")} : ${original.results.map((t) => printType(t)).join(", ")}`);
  return `func.func @${name}(${params}) -> (${original.results.map((t) => printType(t)).join(", ")}) {\n${lines.join("\n")}\n}\n`;
}

function enclosingFunctionName(op: Operation): string {
  for (let p = op.parentOp; p !== undefined; p = p.parentOp) if (p.name === "func.func") return (p.attr("sym_name") as StringAttr).value;
  return "";
}

/** A checkRewrite transform: `pipeline` on the module, then tensor-signature wrappers around its functions. */
export function behindTensorEntries(pipeline: string) {
  return (module: Operation, ctx: Context, listener: RewriteListener | undefined): Either<readonly Diagnostic[], void> => {
    const body = module.regions[0]?.entry;
    const fns = (body?.operations ?? []).filter((op) => op.name === "func.func" && (op.regions[0]?.blocks.length ?? 0) > 0);
    const originals = new Map(fns.map((f) => [f, (f.attr("function_type") as TypeAttr).value as FunctionType]));
    const ran = runPipeline(module, pipeline, { ctx, registry: newPassRegistry(), verifyEach: false, ...(listener === undefined ? {} : { rewriteListener: listener }) });
    if (isLeft(ran)) return left(ran.left.diagnostics);
    const renamed = new Map<string, string>();
    for (const [fn, original] of originals) {
      const name = (fn.attr("sym_name") as StringAttr).value;
      const buffers = (fn.attr("function_type") as TypeAttr).value as FunctionType;
      if (buffers === original) continue;
      renamed.set(name, `${name}__buffers`);
      fn.setAttr("sym_name", StringAttr.get(`${name}__buffers`));
      const parsed = parseSource(wrapperText(name, `${name}__buffers`, original, buffers), ctx);
      if (isLeft(parsed)) return left([parsed.left]);
      const wrapper = parsed.right.regions[0]?.entry?.first as Operation;
      wrapper.parent?.unlinkOp(wrapper);
      body?.append(wrapper);
    }
    // Calls inside the bufferized functions go to the bufferized callee, not to its wrapper.
    module.walk((op) => {
      const callee = op.name === "func.call" ? (op.attr("callee") as SymbolRefAttr).root : undefined;
      const to = callee === undefined ? undefined : renamed.get(callee);
      if (to !== undefined && enclosingFunctionName(op).endsWith("__buffers")) op.setAttr("callee", SymbolRefAttr.get(to));
    });
    return right(undefined);
  };
}
