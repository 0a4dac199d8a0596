/**
 * A tour of the IR library (`npx tsx examples/ir-tour.ts`; it was `npm run demo` before the LLaMA demo): builds a
 * module with the typed builders, verifies it, prints it in MLIR 16's text format, parses the text back, and shows
 * the diagnostic a malformed input gets.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { AddIOp, CmpIOp, ConstantOp, MulIOp, SelectOp, SubIOp, cmpiPredicate } from "../dialects/arith/index.ts";
import { createModule, moduleBody } from "../dialects/builtin/index.ts";
import { ReturnOp, buildFunc } from "../dialects/func/index.ts";
import { renderDiagnostic, SourceManager } from "../src/diag/diagnostic.ts";
import { IntegerAttr } from "../src/ir/attributes.ts";
import { Builder } from "../src/ir/builder.ts";
import { NameLoc } from "../src/ir/location.ts";
import { i32 } from "../src/ir/types.ts";
import type { Value } from "../src/ir/value.ts";
import { narrow, SignlessIntegerLike } from "../src/irdl/constraints.ts";
import { verify } from "../src/irdl/verifier.ts";
import { parseSource } from "../src/text/parser.ts";
import { printOp } from "../src/text/printer.ts";
import { formatValues, interpret, intValue } from "../src/interp/index.ts";
import { runPipeline } from "../src/pass/index.ts";
import { newContext, newPassRegistry } from "../rewrites/index.ts";

// |a - b| * 3 + 1, written with the typed builders.
const module = createModule();
const b = Builder.atEnd(moduleBody(module));
buildFunc(b, "scaled_distance", [i32, i32], [i32], (entry, fb) => {
  // Block arguments are typed at run time; `narrow` checks and gives them the static type builders want.
  const [a, c] = [narrow(entry.arg(0), SignlessIntegerLike), narrow(entry.arg(1), SignlessIntegerLike)];
  fb.loc = NameLoc.get("scaled_distance.body");
  const lt = fb.create(CmpIOp, { predicate: cmpiPredicate("slt"), lhs: a, rhs: c }).result;
  const select = fb.create(SelectOp, {
    condition: lt,
    true_value: fb.create(SubIOp, { lhs: c, rhs: a }).result,
    false_value: fb.create(SubIOp, { lhs: a, rhs: c }).result,
  });
  const int = (v: Value) => narrow(v, SignlessIntegerLike);
  const dist = int(select.result);
  const three = int(fb.create(ConstantOp, { value: IntegerAttr.get(i32, 3) }).result);
  const one = int(fb.create(ConstantOp, { value: IntegerAttr.get(i32, 1) }).result);
  const scaled = int(fb.create(MulIOp, { lhs: dist, rhs: three }).result);
  fb.create(ReturnOp, { values: [fb.create(AddIOp, { lhs: scaled, rhs: one }).result] });
});

const ctx = newContext();
const verified = verify(module, { ctx });
if (isLeft(verified)) throw new Error(verified.left.map((d) => renderDiagnostic(d)).join("\n"));
const text = printOp(module, { ctx });
console.log("// Built with the typed builders, verified, printed:");
console.log(text);

const reparsed = parseSource(text, ctx, { file: "demo.mlir" });
if (isLeft(reparsed)) throw new Error(renderDiagnostic(reparsed.left));
console.log("// Parsed back; printing again gives the same text:", printOp(reparsed.right, { ctx }) === text);
console.log("\n// The generic form, with locations:");
console.log(printOp(reparsed.right, { ctx, generic: true, debugInfo: true }));

// Run it with the interpreter, then optimise it with a pass pipeline and check it computes the same.
const args = [intValue(i32, 3n), intValue(i32, 10n)];
const before = interpret(module, "scaled_distance", args, { ctx });
const ran = runPipeline(module, "builtin.module(func.func(canonicalize,cse))", { ctx, registry: newPassRegistry() });
if (isLeft(ran)) throw new Error(ran.left.diagnostics.map((d) => renderDiagnostic(d)).join("\n"));
const after = interpret(module, "scaled_distance", args, { ctx });
if (isLeft(before) || isLeft(after)) throw new Error("the interpreter failed");
console.log(`// scaled_distance(3, 10) = ${formatValues(before.right)} before and ${formatValues(after.right)} after canonicalize,cse`);

const bad = "func.func @f(%x: i32) -> i32 {\n  %0 = arith.addi %x, %x : f32\n  return %0 : i32\n}\n";
const sources = new SourceManager();
sources.add("bad.mlir", bad);
const parsedBad = parseSource(bad, ctx, { file: "bad.mlir" });
console.log("// A malformed input gets a diagnostic, not a stack trace:");
if (isLeft(parsedBad)) console.log(renderDiagnostic(parsedBad.left, sources));
else {
  const v = verify(parsedBad.right, { ctx });
  if (isLeft(v)) console.log(v.left.map((d) => renderDiagnostic(d, sources)).join("\n"));
}
