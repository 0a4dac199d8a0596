/**
 * The builtin dialect: `module` (created empty, named, with attributes, nested) and
 * `unrealized_conversion_cast`, built with the typed builders and printed/parsed against mlir-opt-16, plus the
 * verifier's messages for invalid ones.
 */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { builtin, createModule, ModuleOp, moduleBody, UnrealizedConversionCastOp } from "../../dialects/builtin/index.ts";
import { allDialects } from "../../dialects/index.ts";
import { newContext } from "../../rewrites/index.ts";
import { strAttr } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import { Block } from "../../src/ir/operation.ts";
import { lookupSymbolIn } from "../../src/ir/symbol-table.ts";
import { GraphRegion, IsolatedFromAbove, NoTerminator, Pure, SingleBlock, SymbolTable } from "../../src/ir/traits.ts";
import { f32, f64, i32, i64 } from "../../src/ir/types.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { printOp } from "../../src/text/printer.ts";
import { assertAgreesWithMlir, assertDiagnostics } from "../support/mlir-compat.ts";

// ---- building ---------------------------------------------------------------------------------------------

test("allDialects holds every dialect once and newContext loads them all", () => {
  assert.equal(
    allDialects.map((d) => d.name),
    ["builtin", "func", "arith", "cf", "math", "sparse_tensor", "linalg", "memref", "omp", "tosa", "scf", "affine", "vector", "tensor", "bufferization", "llvm", "index"],
  );
  const ctx = newContext();
  for (const name of ["builtin.module", "func.func", "arith.addi", "index.add", "cf.br", "math.sqrt", "linalg.generic", "tosa.add", "scf.for", "affine.for", "vector.contract", "tensor.extract_slice", "bufferization.to_tensor", "llvm.func", "llvm.intr.fma"]) assert.ok(ctx.lookupOp(name), name);
  assert.not.ok(ctx.allowUnregisteredDialects);
  assert.ok(newContext({ allowUnregisteredDialects: true }).allowUnregisteredDialects);
  assert.equal(
    builtin.ops.map((o) => o.info?.name),
    ["builtin.module", "builtin.unrealized_conversion_cast"],
  );
});

test("createModule gives a module with one empty body block and MLIR's traits", () => {
  const m = createModule();
  assert.ok(m instanceof ModuleOp);
  assert.is(m.bodyRegion.blocks.length, 1);
  assert.ok(moduleBody(m).isEmpty);
  assert.is(m.sym_name, undefined);
  for (const t of [IsolatedFromAbove, NoTerminator, SymbolTable, SingleBlock, GraphRegion]) assert.ok(m.hasTrait(t), t.name);
  assert.is(ModuleOp.info.defaultDialect, "builtin");
  assert.ok(isRight(verify(m)));
  assert.is(printOp(m), "module {\n}\n");

  const named = createModule({ name: "outer" });
  assert.is(named.sym_name?.value, "outer");
  moduleBody(named).append(m);
  m.setAttr("sym_name", strAttr("inner"));
  assert.is(lookupSymbolIn(named, "inner"), m);
  assert.is(printOp(named), "module @outer {\n  module @inner {\n  }\n}\n");
});

test("unrealized_conversion_cast builds with variadic inputs and outputs", () => {
  const m = createModule();
  const block = new Block([i32, f32]);
  const b = Builder.atEnd(moduleBody(m));
  const cast = b.create(UnrealizedConversionCastOp, { inputs: [block.arg(0), block.arg(1)], outputs: [i64, f64] });
  assert.equal(cast.inputs, [block.arg(0), block.arg(1)]);
  assert.equal(
    cast.outputs.map((r) => r.type),
    [i64, f64],
  );
  assert.ok(cast.hasTrait(Pure));
  const empty = UnrealizedConversionCastOp.build({ outputs: [i64] });
  assert.equal(empty.inputs, []);
  assert.is(empty.numResults, 1);
  const none = UnrealizedConversionCastOp.build({});
  const failed = verify(none);
  assert.ok(isLeft(failed));
  if (isLeft(failed)) {
    assert.is(failed.left[0]?.message, "'builtin.unrealized_conversion_cast' op expected at least one result for cast operation");
  }
});

// ---- text: agreement with mlir-opt-16 ---------------------------------------------------------------------

test("module and unrealized_conversion_cast forms print as mlir-opt-16 prints them", () => {
  assertAgreesWithMlir(`
module @mod attributes {foo.bar = 1 : i32, sym_visibility = "private"} {
  %0 = builtin.unrealized_conversion_cast to i64
  %1:2 = unrealized_conversion_cast %0, %0 : i64, i64 to i32, f32 {note = "x"}
  module {
  }
  builtin.module @inner attributes {a.b} {
    "test.op"() : () -> ()
  }
  "test.region"() ({
    %2 = builtin.unrealized_conversion_cast %1#0 : i32 to index
    builtin.module {}
    "test.ret"() : () -> ()
  }) : () -> ()
  func.func @f(%a: i32) {
    %3 = builtin.unrealized_conversion_cast %a : i32 to i64
    builtin.module @in_func {}
    return
  }
}
`);
});

test("an empty top-level module and one with attributes only print as mlir-opt-16 prints them", () => {
  assertAgreesWithMlir("module {}");
  assertAgreesWithMlir("module attributes {x.y = 2} {}");
});

// ---- verifier ---------------------------------------------------------------------------------------------

test("invalid builtin IR gets MLIR 16's diagnostics", () => {
  assertDiagnostics(`
// expected-error @+1 {{'builtin.unrealized_conversion_cast' op expected at least one result for cast operation}}
"builtin.unrealized_conversion_cast"() : () -> ()
// -----
// expected-error @+1 {{'builtin.module' op region should have no arguments}}
"builtin.module"() ({
^bb0(%x: i32):
}) : () -> ()
// -----
// expected-error @+1 {{attribute 'sym_name' occurs more than once in the attribute list}}
module @a attributes {sym_name = "b"} {}
// -----
module {
  // expected-note @+1 {{see existing symbol definition here}}
  func.func @f() { return }
  // expected-error @+1 {{redefinition of symbol named 'f'}}
  func.func @f() { return }
}
`);
});

test("a module without a body block is rejected with MLIR 16's message first", () => {
  const m = createModule();
  const bodyless = ModuleOp.build({});
  moduleBody(m).append(bodyless);
  const failed = verify(m);
  assert.ok(isLeft(failed));
  if (isLeft(failed)) {
    assert.is(failed.left[0]?.message, "'builtin.module' op region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks");
  }
});

test.run();
