/**
 * mlir-opt's printer flags, `--mlir-print-local-scope`, `--mlir-elide-elementsattrs-if-larger=N` and
 * `--mlir-print-elementsattrs-with-hex-if-larger=N`: tensile-opt's output with each is mlir-opt-16's, byte
 * for byte (up to trailing blank lines), and the elided form parses back as mlir-opt-16 parses it.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseOptArgs } from "../../cli/opt-args.ts";
import { type OptOptions } from "../../cli/opt-driver.ts";
import { newPassRegistry } from "../../rewrites/index.ts";
import { mlirOpt, norm, tensileOpt } from "../support/mlir-compat.ts";

/** tensile-opt with `o` prints `text` as mlir-opt-16 does with `flags` (generic form too). */
function agrees(text: string, flags: readonly string[], o: Partial<OptOptions>): void {
  assert.fixture(norm(tensileOpt(text, o)), norm(mlirOpt(flags, text)), flags.join(" "));
  const generic = ["--mlir-print-op-generic", ...flags];
  assert.fixture(norm(tensileOpt(text, { ...o, generic: true })), norm(mlirOpt(generic, text)), generic.join(" "));
}

const elements = `
#map = affine_map<(d0) -> (d0)>
"foo.a"() {
  a = dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]> : tensor<12xi32>,
  b = dense<7> : tensor<50xi8>,
  c = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>,
  d = dense<[true, false, true, true, false, false, true, true, true]> : tensor<9xi1>,
  e = dense<[[1, 2], [3, 4]]> : vector<2x2xi64>,
  f = dense<[1, 2]> : tensor<2xindex>,
  g = dense<[1.5, 2.5]> : tensor<2xbf16>,
  h = dense<[-1.5, 0.0]> : tensor<2xf16>,
  i = dense<[[1, 2, 3]]> : tensor<1x3xui8>,
  r = dense_resource<__elided__> : tensor<3xf32>,
  z = dense<> : tensor<0xi32>
} : () -> ()
"foo.b"() {a = [dense<[1, 2]> : tensor<2xi32>], m = #map} : () -> ()
`;

test("--mlir-elide-elementsattrs-if-larger prints dense_resource<__elided__> for large non-splats", () => {
  for (const n of [0, 2, 11, 12]) {
    agrees(elements, [`--mlir-elide-elementsattrs-if-larger=${n}`], { elements: { elideIfLarger: n } });
  }
});

test("--mlir-print-elementsattrs-with-hex-if-larger switches to hex above the limit, -1 never", () => {
  for (const n of [-1, 0, 2, 12]) {
    agrees(elements, [`--mlir-print-elementsattrs-with-hex-if-larger=${n}`], { elements: { hexIfLarger: n } });
  }
  // By default, more than 100 elements print in hex; -1 keeps them spelled out.
  const big = `"foo.a"() {a = dense<[${Array.from({ length: 101 }, (_, i) => i).join(", ")}]> : tensor<101xi16>} : () -> ()\n`;
  agrees(big, [], {});
  agrees(big, ["--mlir-print-elementsattrs-with-hex-if-larger=-1"], { elements: { hexIfLarger: -1 } });
  // Elision wins over hex.
  agrees(big, ["--mlir-print-elementsattrs-with-hex-if-larger=2", "--mlir-elide-elementsattrs-if-larger=5"], {
    elements: { hexIfLarger: 2, elideIfLarger: 5 },
  });
});

test("--mlir-print-local-scope prints no aliases, locations inline and no resource section", () => {
  const text = `
#map = affine_map<(d0) -> (d0)>
module {
  func.func @f(%a: i32 loc("x.c":1:2)) -> i32 attributes {m = #map, s = affine_set<(d0) : (d0 >= 0)>} {
    %0 = arith.addi %a, %a : i32 loc(fused["a.c":1:1, "b.c":2:2])
    "foo.x"() ({
      ^bb0(%q: i32):
      "foo.y"(%q, %0) {r = dense_resource<blob1> : tensor<2xi32>} : (i32, i32) -> ()
    }) : () -> ()
    return %0 : i32 loc(callsite("f"("a":1:1) at "g"("b":2:2)))
  } loc(fused["a.c":1:1, "b.c":2:2])
}
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x040000000100000002000000"
    }
  }
#-}
`;
  agrees(text, ["--mlir-print-local-scope"], { localScope: true });
  agrees(text, ["--mlir-print-local-scope", "--mlir-print-debuginfo"], { localScope: true, debugInfo: true });
  agrees(elements, ["--mlir-print-local-scope", "--mlir-elide-elementsattrs-if-larger=3"], {
    localScope: true,
    elements: { elideIfLarger: 3 },
  });
});

test("the flags are read as mlir-opt reads them", () => {
  const opts = (argv: string[]): OptOptions => {
    const r = parseOptArgs(argv, newPassRegistry());
    if (typeof r === "string") throw new Error(r);
    return r.opts;
  };
  assert.equal(opts(["--mlir-print-local-scope"]).localScope, true);
  assert.equal(opts(["--mlir-print-local-scope=false"]).localScope, false);
  assert.equal(opts(["--mlir-elide-elementsattrs-if-larger=4"]).elements, { elideIfLarger: 4 });
  assert.equal(opts(["--mlir-elide-elementsattrs-if-larger", "4"]).elements, { elideIfLarger: 4 });
  assert.equal(opts(["--mlir-print-elementsattrs-with-hex-if-larger=-1"]).elements, { hexIfLarger: -1 });
  assert.equal(opts([]).elements, undefined);
  assert.is(
    parseOptArgs(["--mlir-elide-elementsattrs-if-larger=-1"], newPassRegistry()),
    "for the --mlir-elide-elementsattrs-if-larger option: '-1' value invalid for uint argument!",
  );
  assert.is(
    parseOptArgs(["--mlir-print-elementsattrs-with-hex-if-larger=x"], newPassRegistry()),
    "for the --mlir-print-elementsattrs-with-hex-if-larger option: 'x' value invalid for long argument!",
  );
});

test.run();
