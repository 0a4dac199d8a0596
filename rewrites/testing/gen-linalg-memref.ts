/**
 * Random programs of linalg on memrefs (what bufferization leaves, and what the lowerings to loops take): gen-linalg's
 * programs with every tensor a memref. Each structured op writes into a fresh `memref.alloc` (a copy of its init,
 * or, for linalg.fill, nothing to copy), or now and then in place into a memref argument, so that the writes to the
 * caller's memory are compared too; some inputs are read through a `memref.cast` to a type with dynamic sizes, so
 * that loop bounds come from `memref.dim`. The function returns the memrefs gen-linalg's program returns as tensors.
 *
 *   checkRewrite({ transform: pass(convertLinalgToLoopsPass), programs: linalgMemrefPrograms() });
 */
import fc from "fast-check";
import { memrefOf } from "../../src/interp/memref.ts";
import type { RuntimeValue } from "../../src/interp/values.ts";
import { MemRefType } from "../../src/ir/types.ts";
import { seeded } from "./examples.ts";
import { buildLinalgProgram, inputArb, type LinalgProgramOptions } from "./gen-linalg.ts";
import type { ProgramCase } from "./programs.ts";

const OP_LINE = /^  (%\w+) = (linalg\.\w+)(.*) outs\((%\w+) : tensor<([^>]*)>\)(.*)$/;
const SHORT_FORMS = new Set(["linalg.map", "linalg.reduce", "linalg.transpose", "linalg.broadcast"]);
const INS = /ins\(([^:)]*) : ([^)]*)\)/;

/** Tensor types become memref types (not the types of dense attributes: `dense<[1, 2]> : tensor<2xi64>`). */
const toMemref = (text: string): string => text.replace(/(?<!> : )tensor</g, "memref<");

/** `memref<3x?x5xf32>`'s text from `3x5x5xf32` with dimension 1 dynamic. */
const dynamicType = (body: string, dim: number): string => {
  const parts = body.split("x");
  parts[dim] = "?";
  return `memref<${parts.join("x")}>`;
};

/** The memref program of gen-linalg's program text, deciding in-place writes and dynamic views with `rand`. */
export function memrefProgramText(tensorText: string, rand: () => number): string {
  const lines = tensorText.split("\n");
  const out: string[] = [];
  const renames = new Map<string, string>();
  const rename = (line: string): string => line.replace(/%\w+/g, (v) => renames.get(v) ?? v);
  const written = new Set<string>();
  let casts = 0;
  for (const raw of lines) {
    const line = rename(raw);
    const m = OP_LINE.exec(line);
    if (m === null) {
      // A generic's closing line loses its result; everything else only changes tensors to memrefs.
      out.push(toMemref(line.replace(/^  \} -> tensor<[^>]*>$/, "  }")));
      continue;
    }
    const [, result, op, mid, init, shape, tail] = m as unknown as [string, string, string, string, string, string, string];
    const type = `memref<${shape}>`;
    // Inputs that are arguments are sometimes read through a cast to a dynamic size.
    // (Not for the short forms, whose verifiers compare shapes exactly, dynamic sizes included, as MLIR 16's do.)
    const ins = SHORT_FORMS.has(op) ? null : INS.exec(mid);
    let newMid = toMemref(mid);
    if (ins !== null) {
      const names = (ins[1] as string).split(",").map((s) => s.trim());
      const types = (ins[2] as string).split(/,\s*(?=tensor)/).map((s) => s.trim());
      const rewritten = names.map((name, i) => {
        const t = types[i] as string;
        const body = /^tensor<(.*)>$/.exec(t)?.[1];
        if (!name.startsWith("%arg") || body === undefined || body.split("x").length < 2 || rand() >= 0.3) return { name, type: toMemref(t) };
        const dims = body.split("x").length - 1;
        const dyn = dynamicType(body, Math.floor(rand() * dims));
        const cast = `%dyn${casts++}`;
        out.push(`  ${cast} = memref.cast ${name} : memref<${body}> to ${dyn}`);
        return { name: cast, type: dyn };
      });
      newMid = mid.replace(INS, `ins(${rewritten.map((r) => r.name).join(", ")} : ${rewritten.map((r) => r.type).join(", ")})`);
      newMid = toMemref(newMid);
    }
    const newTail = toMemref(tail.replace(/ -> tensor<[^>]*>$/, ""));
    const readsInit = (INS.exec(mid)?.[1] ?? "").split(",").some((s) => s.trim() === init);
    // In place into an argument (once per argument, and not one the op also reads): the caller sees the writes.
    if (init.startsWith("%arg") && !written.has(init) && !readsInit && rand() < 0.3) {
      written.add(init);
      renames.set(result, init);
      out.push(`  ${op}${newMid} outs(${init} : ${type})${newTail}`);
      continue;
    }
    out.push(`  ${result} = memref.alloc() : ${type}`);
    if (op !== "linalg.fill") out.push(`  memref.copy ${init}, ${result} : ${type} to ${type}`);
    out.push(`  ${op}${newMid} outs(${result} : ${type})${newTail}`);
  }
  return out.join("\n");
}

/** Programs of linalg on memrefs with random inputs, for `checkRewrite`. */
export function linalgMemrefPrograms(opts: LinalgProgramOptions = {}): fc.Arbitrary<ProgramCase> {
  return fc.nat({ max: 2 ** 31 - 1 }).chain((seed) => {
    const { text, args, elt } = buildLinalgProgram(seed, opts);
    const memrefText = memrefProgramText(text, seeded(seed ^ 0x5bd1e995));
    return fc
      .tuple(...args.map((a) => inputArb(a.shape, elt)))
      .map((values): ProgramCase => ({
        text: memrefText,
        fn: "f",
        args: values.map((v): RuntimeValue => {
          if (v.kind !== "shaped") return v;
          return memrefOf(MemRefType.get(v.shape, v.elementType), v.elements.toArray());
        }),
      }));
  });
}
