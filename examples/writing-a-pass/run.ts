// file: examples/writing-a-pass/run.ts
import { readFileSync } from "node:fs";
import { isLeft } from "fp-ts/lib/Either.js";
import { newContext, newPassRegistry, parseSource, printOp, renderDiagnostic, runPipeline } from "tensile";
import { mulToShiftPass } from "./mul-to-shift.ts";

const ctx = newContext();
const registry = newPassRegistry([mulToShiftPass]); // Tensile's passes and ours, for pipeline text to name
const file = new URL("input.mlir", import.meta.url);
const parsed = parseSource(readFileSync(file, "utf8"), ctx, { file: "input.mlir" });
if (isLeft(parsed)) throw new Error(renderDiagnostic(parsed.left));
const module = parsed.right;
const ran = runPipeline(module, "builtin.module(func.func(mul-to-shift,canonicalize))", { ctx, registry });
if (isLeft(ran)) throw new Error(ran.left.diagnostics.map((d) => renderDiagnostic(d)).join("\n"));
console.log(printOp(module, { ctx }));
