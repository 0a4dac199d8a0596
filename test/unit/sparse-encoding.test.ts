/**
 * Tensor encodings of dialects Tensile does not define: `#sparse_tensor.encoding<{...}>` is kept as text by the
 * by-name-only sparse_tensor dialect (accepted without --allow-unregistered-dialect, as mlir-opt-16 accepts it),
 * other dialects' encodings as opaque attributes under --allow-unregistered-dialect (MLIR's error without it).
 */
import { spawnSync } from "node:child_process";
import { isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runOpt } from "../../cli/opt-driver.ts";
import { newContext } from "../../rewrites/index.ts";
import { OpaqueAttr } from "../../src/ir/attributes.ts";
import { RankedTensorType } from "../../src/ir/types.ts";
import { parseType } from "../../src/text/parser.ts";
import { printType } from "../../src/text/printer.ts";
import { assertAgreesWithMlir, norm, options } from "../support/mlir-compat.ts";

/** Both tools on `text` without --allow-unregistered-dialect: [exit code, output or first error line]. */
function strict(text: string): { ours: [number, string]; theirs: [number, string] } {
  const ours = runOpt(text, "<stdin>", () => newContext(), options({ allowUnregisteredDialect: false }));
  const theirs = spawnSync("mlir-opt-16", ["-"], { input: text, encoding: "utf8" });
  const firstLine = (s: string): string => s.split("\n")[0] as string;
  return {
    ours: [ours.exitCode, ours.exitCode === 0 ? norm(ours.stdout) : firstLine(ours.stderr)],
    theirs: [theirs.status ?? -1, theirs.status === 0 ? norm(theirs.stdout) : firstLine(theirs.stderr)],
  };
}

const sparse = `
#CSR = #sparse_tensor.encoding<{ dimLevelType = [ "dense", "compressed" ] }>
#DCSC = #sparse_tensor.encoding<{ dimLevelType = [ "compressed", "compressed" ], dimOrdering = affine_map<(d0, d1) -> (d1, d0)>, pointerBitWidth = 32 }>
func.func @f(%a: tensor<?x?xf64, #CSR>, %b: tensor<4x4xf32, #DCSC>) -> tensor<?x?xf64, #CSR> attributes {enc = #CSR} {
  return %a : tensor<?x?xf64, #CSR>
}
`;

test("sparse tensor encodings round-trip as mlir-opt-16 prints them, without --allow-unregistered-dialect", () => {
  assertAgreesWithMlir(sparse);
  const r = strict(sparse);
  assert.equal(r.ours, r.theirs);
  const t = parseType('tensor<8xf32, #sparse_tensor.encoding<{ dimLevelType = [ "compressed" ] }>>', newContext());
  assert.ok(isRight(t));
  if (isRight(t)) {
    const encoding = (t.right as RankedTensorType).encoding;
    assert.ok(encoding instanceof OpaqueAttr);
    assert.is((encoding as OpaqueAttr).dialect, "sparse_tensor");
    assert.is(printType(t.right), 'tensor<8xf32, #sparse_tensor.encoding<{ dimLevelType = [ "compressed" ] }>>');
  }
});

test("the body is kept as written: only MLIR's own spelling prints as mlir-opt-16 prints it", () => {
  const text = 'func.func private @f(tensor<4x4xf32, #sparse_tensor.encoding<{dimLevelType = ["compressed", "compressed"]}>>)';
  const ours = strict(text).ours;
  assert.is(ours[0], 0);
  assert.match(ours[1], '#sparse_tensor.encoding<{dimLevelType = ["compressed", "compressed"]}>');
});

test("other dialects' encodings: opaque under --allow-unregistered-dialect, MLIR's error without", () => {
  assertAgreesWithMlir(`
"foo.op"() {e = tensor<8xf32, #foo.enc<1, [2]>>, s = tensor<2xi32, "str">, d = tensor<2xi32, {a = 1}>, v = tensor<?xi8, #foo<"x y">>} : () -> ()
func.func private @g(tensor<8xf32, #foo.enc<1, [2]>>) -> tensor<2x!foo.elt, #foo.layout>
`);
  // The same error; mlir-opt-16 then goes on with the encoding dropped and exits 0, Tensile stops there.
  const text = "func.func private @f(tensor<8xf32, #foo.enc<1>>)\n";
  const ours = runOpt(text, "<stdin>", () => newContext(), options({ allowUnregisteredDialect: false }));
  const theirs = spawnSync("mlir-opt-16", ["-"], { input: text, encoding: "utf8" });
  assert.is(ours.exitCode, 1);
  assert.fixture(norm(ours.stderr), norm(theirs.stderr));
});

test.run();
