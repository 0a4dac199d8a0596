/**
 * Pass definitions and their options: typed from the io-ts codec, decoded from pipeline text with dashed
 * names, and errors that name the pass, the option and the expected type.
 */
import * as t from "io-ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { dashedName, decodeOptionText, parseOptionString, printOptions, splitListValue } from "../../src/pass/options.ts";
import { definePass, optionsSchema, pass, passFromText } from "../../src/pass/pass.ts";

const test = suite("pass options");

const tile = definePass({
  name: "test-opt-tile",
  summary: "a pass with every kind of option",
  options: t.intersection([
    t.type({ maxIterations: t.Int, topDown: t.boolean, mode: t.union([t.literal("fast"), t.literal("exact")]) }),
    t.partial({ sizes: t.array(t.number), label: t.string }),
  ]),
  defaults: { maxIterations: 10, topDown: true, mode: "fast" },
  optionDocs: { maxIterations: "sweeps before giving up" },
  run(_op, _ctx, options) {
    // The options are typed from the codec: these lines would not compile otherwise.
    const n: number = options.maxIterations;
    const sizes: readonly number[] | undefined = options.sizes;
    void n;
    void sizes;
  },
});

test("dashed names map camelCase keys as MLIR spells options", () => {
  assert.is(dashedName("maxIterations"), "max-iterations");
  assert.is(dashedName("topDown"), "top-down");
  assert.is(dashedName("x"), "x");
  assert.is(dashedName("useLLVMIntrinsics2D"), "use-llvmintrinsics2-d");
  assert.equal(
    tile.fields.map((f) => f.flag),
    ["max-iterations", "top-down", "mode", "sizes", "label"],
  );
});

test("defaults fill in what the text does not give", () => {
  const p = passFromText(tile, "max-iterations=3");
  if (typeof p === "string") throw new Error(p);
  assert.equal(p.options, { maxIterations: 3, topDown: true, mode: "fast" });
});

test("numbers, booleans (bare flag too), literals, lists and quoted strings decode", () => {
  const p = passFromText(tile, `top-down=false mode=exact sizes=8,32,64 label="a b,c"`);
  if (typeof p === "string") throw new Error(p);
  assert.equal(p.options, { maxIterations: 10, topDown: false, mode: "exact", sizes: [8, 32, 64], label: "a b,c" });
  const flag = passFromText(tile, "top-down");
  if (typeof flag === "string") throw new Error(flag);
  assert.is(flag.options.topDown, true);
  const braces = passFromText(tile, "label={x y} sizes=");
  if (typeof braces === "string") throw new Error(braces);
  assert.is(braces.options.label, "x y");
  assert.equal(braces.options.sizes, []);
  // The camelCase key is accepted too.
  const camel = passFromText(tile, "maxIterations=4");
  assert.ok(typeof camel !== "string" && camel.options.maxIterations === 4);
});

test("an unknown option names the pass and lists its options", () => {
  const p = passFromText(tile, "bogus=1");
  assert.is(p, "pass 'test-opt-tile' has no option 'bogus'; its options are: label, max-iterations, mode, sizes, top-down");
  const none = definePass({ name: "test-opt-none", summary: "no options", run() {} });
  assert.is(passFromText(none, "x=1"), "pass 'test-opt-none' has no option 'x'; it has no options");
});

test("a bad value names the value, the option, the pass and the expected type", () => {
  assert.is(passFromText(tile, "max-iterations=abc"), "value 'abc' is invalid for option 'max-iterations' of pass 'test-opt-tile': expected Int");
  // The refinement is checked by the codec itself after conversion.
  assert.is(passFromText(tile, "max-iterations=2.5"), "value '2.5' is invalid for option 'max-iterations' of pass 'test-opt-tile': expected Int");
  assert.is(passFromText(tile, "top-down=maybe"), "value 'maybe' is invalid for option 'top-down' of pass 'test-opt-tile': expected boolean");
  assert.is(passFromText(tile, `mode=slow`), `value 'slow' is invalid for option 'mode' of pass 'test-opt-tile': expected ("fast" | "exact")`);
  assert.is(passFromText(tile, "sizes=1,x"), "value '1,x' is invalid for option 'sizes' of pass 'test-opt-tile': expected Array<number>");
  assert.is(passFromText(tile, "mode"), `no value is invalid for option 'mode' of pass 'test-opt-tile': expected ("fast" | "exact")`);
  assert.is(passFromText(tile, `label="open`), "in the options of pass 'test-opt-tile': unterminated \" in the value of option 'label'");
});

test("pass(def, options) merges typed options over the defaults and rejects bad ones", () => {
  const p = pass(tile, { maxIterations: 2, sizes: [4] });
  assert.equal(p.options, { maxIterations: 2, topDown: true, mode: "fast", sizes: [4] });
  assert.throws(() => pass(tile, { maxIterations: 1.5 }), /option 'max-iterations' of pass 'test-opt-tile': expected Int/);
});

test("defaults are required when the codec has required options, and checked at definition", () => {
  // @ts-expect-error: t.type options without defaults
  definePass({ name: "test-opt-nodefaults", summary: "", options: t.type({ n: t.number }), run() {} });
  // A t.partial codec needs none.
  const partial = definePass({ name: "test-opt-partial", summary: "", options: t.partial({ n: t.number }), run() {} });
  assert.equal(pass(partial).options, {});
  assert.throws(
    () => definePass({ name: "test-opt-baddefault", summary: "", options: t.type({ n: t.Int }), defaults: { n: 0.5 }, run() {} }),
    /the defaults of pass 'test-opt-baddefault' do not match its options/,
  );
  assert.throws(() => definePass({ name: "bad name", summary: "", run() {} }), /invalid pass name/);
});

test("a required option without a default is an error when missing", () => {
  const req = definePass({ name: "test-opt-required", summary: "", options: t.type({ n: t.number }), defaults: undefined as never, run() {} });
  const r = decodeOptionText(optionsSchema(req), "");
  assert.equal(r, { ok: false, message: "option 'n' of pass 'test-opt-required' is required: expected number" });
});

test("option strings split like MLIR's (spaces between options, quotes and braces group)", () => {
  assert.equal(parseOptionString(`a=1 b={x y} c 'd'="q r"`), [
    { key: "a", value: "1" },
    { key: "b", value: "x y" },
    { key: "c", value: undefined },
    { key: "'d'", value: "q r" },
  ]);
  assert.equal(splitListValue(`1,"a,b",{c,d}`), ["1", "a,b", "c,d"]);
  assert.is(parseOptionString("a={x"), "missing closing '}' in the value of option 'a'");
});

test("printing: options that differ from the defaults (or all), sorted, and they read back", () => {
  const p = pass(tile, { maxIterations: 3, label: "two words", sizes: [1, 2] });
  const text = printOptions(optionsSchema(tile), p.options);
  assert.is(text, `{label="two words" max-iterations=3 sizes=1,2}`);
  assert.is(printOptions(optionsSchema(tile), pass(tile).options), "");
  assert.is(printOptions(optionsSchema(tile), pass(tile).options, true), "{max-iterations=10 mode=fast top-down=true}");
  const back = passFromText(tile, text.slice(1, -1));
  if (typeof back === "string") throw new Error(back);
  assert.equal(back.options, p.options);
  for (const label of ["", "a=b", `say "hi"`, "{braced}", "it's", "(x)"]) {
    const q = pass(tile, { label });
    const again = passFromText(tile, printOptions(optionsSchema(tile), q.options).slice(1, -1));
    assert.ok(typeof again !== "string", `${label}: ${String(again)}`);
    if (typeof again !== "string") assert.is(again.options.label, label, `label ${JSON.stringify(label)}`);
  }
});

test("definePass fills in its metadata", () => {
  assert.is(tile.displayName, "TestOptTile");
  assert.is(tile.opName, undefined);
  assert.equal(tile.optionDocs, { maxIterations: "sweeps before giving up" });
  const named = definePass({ name: "symbol-dce-test", displayName: "SymbolDCE", opName: "builtin.module", summary: "s", run() {} });
  assert.is(named.displayName, "SymbolDCE");
  assert.is(named.opName, "builtin.module");
  assert.throws(() => definePass({ name: "test-opt-notobj", summary: "", options: t.number, run() {} } as never), /object codec/);
});

test.run();
