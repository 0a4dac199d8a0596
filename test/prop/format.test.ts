/**
 * Every declarative-format directive round-trips through randomly generated ops: each run defines an op with a
 * random spec and a random format built from the directives (operands of each kind, buildable and printed
 * types, type(variadic) / type(optional), functional-type, required / default-valued / optional / unit / enum
 * attributes, optional groups with and without else branches, qualified, oilist, regions, custom directives
 * with typed hooks, attr-dict and attr-dict-with-keyword), builds random instances, prints them, parses them
 * back and compares: the custom text reprints identically and the generic forms are equal. A batch of the
 * generic forms is then read by mlir-opt-16, which must print it as we do.
 */
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FastMathAttr, FastMathAttrC } from "../../dialects/arith/attrs.ts";
import { createModule, moduleBody } from "../../dialects/builtin/index.ts";
import { allDialects } from "../../dialects/index.ts";
import { type Attribute, IntegerAttr, StringAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { Context } from "../../src/ir/context.ts";
import { Block, Operation, Region } from "../../src/ir/operation.ts";
import { DYNAMIC, f32, i1, i32, i64, index, RankedTensorType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyType, Bool, I64Attr, Index, StrAttr, type TypeConstraint, UnitAttrC } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { defineEnumAttr } from "../../src/irdl/enums.ts";
import { customDirective } from "../../src/irdl/format-directives.ts";
import {
  defaultAttr,
  optional,
  optionalAttr,
  region,
  successor,
  variadic,
  variadicRegion,
  variadicSuccessor,
} from "../../src/irdl/spec.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { norm } from "../support/mlir-compat.ts";

/** Runs of the property; raise it with PROP_RUNS=2000 for a deeper search. */
const RUNS = Number(process.env["PROP_RUNS"] ?? 200);

const Mode = defineEnumAttr({ dialect: "rnd", name: "Mode", mnemonic: "mode", cases: { fast: 0, slow: 1, exact: 2 }, syntax: "angle" });

/** `custom<Pair>($x, type($x))`: `[%x as type]`. */
const Pair = customDirective({
  params: { value: "operand", type: "type" },
  print(p, _op, { value, type }) {
    p.print("[");
    p.printOperand(value);
    p.print(" as ");
    p.printType(type);
    p.print("]");
  },
  parse(p) {
    p.parsePunct("[");
    const value = p.parseOperand();
    p.parseKeyword("as");
    const type = p.parseType();
    p.parsePunct("]");
    return { value, type };
  },
});

// ---- the recipe: a random spec and format ------------------------------------------------------------------

type OperandKind = "single" | "optional" | "variadic";
interface OperandPlan {
  readonly kind: OperandKind;
  /** `buildable`: an I1 or Index operand whose type the format leaves out. */
  readonly typing: "printed" | "buildable" | "custom";
  readonly grouped: boolean;
}
type AttrKind = "required" | "default" | "optional-str" | "unit" | "enum" | "qualified-enum" | "fastmath" | "dict-only";
interface AttrPlan {
  readonly kind: AttrKind;
  readonly withElse: boolean;
  readonly inOilist: boolean;
}
interface Recipe {
  readonly operands: readonly OperandPlan[];
  readonly attrs: readonly AttrPlan[];
  readonly results: readonly ("single" | "variadic")[];
  readonly region: "none" | "required" | "optional" | "variadic";
  readonly successors: "none" | "single" | "variadic" | "optional";
  readonly functional: boolean;
  readonly withKeyword: boolean;
  /** Where each chunk goes: a permutation seed. */
  readonly order: readonly number[];
}

const operandPlan = fc
  .record({
    kind: fc.constantFrom<OperandKind>("single", "optional", "variadic"),
    typing: fc.constantFrom<OperandPlan["typing"]>("printed", "buildable", "custom"),
    grouped: fc.boolean(),
  })
  .map((o) => (o.typing === "custom" && o.kind !== "single" ? { ...o, typing: "printed" as const } : o));

const recipeArb: fc.Arbitrary<Recipe> = fc.record({
  operands: fc.array(operandPlan, { maxLength: 4 }),
  attrs: fc.array(
    fc.record({
      kind: fc.constantFrom<AttrKind>("required", "default", "optional-str", "unit", "enum", "qualified-enum", "fastmath", "dict-only"),
      withElse: fc.boolean(),
      inOilist: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
  results: fc.array(fc.constantFrom<"single" | "variadic">("single", "variadic"), { maxLength: 2 }),
  region: fc.constantFrom<Recipe["region"]>("none", "required", "optional", "variadic"),
  successors: fc.constantFrom<Recipe["successors"]>("none", "single", "variadic", "optional"),
  functional: fc.boolean(),
  withKeyword: fc.boolean(),
  order: fc.array(fc.nat(1000), { minLength: 16, maxLength: 16 }),
});

interface Generated {
  readonly op: ReturnType<typeof defineOp>;
  readonly format: string;
  readonly recipe: Recipe;
}

/** Defines the op a recipe describes, with its format. Every chunk starts with its own keyword, so that no two parse alike. */
function generate(recipe: Recipe, id: number): Generated {
  const operands: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  const results: Record<string, unknown> = {};
  const chunks: string[] = [];
  const oilist: string[] = [];
  const usesCustom: boolean[] = [];
  // Only one variadic-or-optional group may go without segment sizes being ambiguous: segments handle the rest.
  recipe.operands.forEach((o, i) => {
    const name = `o${i}`;
    const c: TypeConstraint = o.typing === "buildable" ? (i % 2 === 0 ? Bool : Index) : AnyType;
    operands[name] = o.kind === "single" ? c : o.kind === "optional" ? optional(c) : variadic(c);
    const showType = o.typing === "printed" && !recipe.functional;
    const kw = `ko${i}`;
    if (o.typing === "custom") {
      usesCustom.push(true);
      chunks.push(`\`${kw}\` custom<Pair>($${name}, type($${name}))`);
    } else if (o.kind === "single") {
      chunks.push(`\`${kw}\` $${name}${showType ? ` \`:\` type($${name})` : ""}`);
    } else if (o.grouped || o.kind === "optional") {
      chunks.push(`(\`${kw}\` $${name}^${showType ? ` \`:\` type($${name})` : ""})?`);
    } else {
      chunks.push(`\`${kw}\` \`(\` $${name} \`)\`${showType ? ` \`:\` \`(\` type($${name}) \`)\`` : ""}`);
    }
  });
  recipe.attrs.forEach((a, i) => {
    const name = `a${i}`;
    const kw = `ka${i}`;
    switch (a.kind) {
      case "required":
        attributes[name] = I64Attr;
        chunks.push(`\`${kw}\` $${name}`);
        return;
      case "dict-only":
        attributes[name] = optionalAttr(StrAttr);
        return;
      case "default":
        attributes[name] = defaultAttr(I64Attr, () => IntegerAttr.get(i64, 7n));
        break;
      case "optional-str":
        attributes[name] = optionalAttr(StrAttr);
        break;
      case "unit":
        attributes[name] = optionalAttr(UnitAttrC);
        break;
      case "enum":
      case "qualified-enum":
        attributes[name] = defaultAttr(Mode.constraint, () => Mode.get("fast"));
        break;
      case "fastmath":
        attributes[name] = defaultAttr(FastMathAttrC, FastMathAttr.none);
        break;
    }
    const value = a.kind === "qualified-enum" ? `qualified($${name})` : `$${name}`;
    const glue = a.kind === "enum" || a.kind === "fastmath" ? " `` " : " ";
    if (a.inOilist) oilist.push(`\`${kw}\`${glue}${value}`);
    else chunks.push(`(\`${kw}\`${glue}${value}^)${a.withElse ? ` : (\`${kw}none\`)` : ""}?`);
  });
  if (oilist.length > 0) chunks.push(`oilist(${oilist.join(" | ")})`);
  recipe.results.forEach((r, i) => {
    results[`r${i}`] = r === "single" ? AnyType : variadic(AnyType);
    if (!recipe.functional) chunks.push(r === "single" ? `\`kr${i}\` type($r${i})` : `\`kr${i}\` \`(\` type($r${i}) \`)\``);
  });
  if (recipe.functional) chunks.push("`kf` `:` functional-type(operands, results)");
  const regions = recipe.region === "none" ? {} : { body: recipe.region === "variadic" ? variadicRegion() : region() };
  if (recipe.region === "required") chunks.push("`kb` $body");
  if (recipe.region === "optional") chunks.push("(`kb` $body^)?");
  if (recipe.region === "variadic") chunks.push("`kb` `(` $body `)`");
  const successors = recipe.successors === "none" ? {} : { dest: recipe.successors === "single" ? successor() : variadicSuccessor() };
  if (recipe.successors === "single") chunks.push("`ks` $dest");
  if (recipe.successors === "variadic") chunks.push("`ks` `[` $dest `]`");
  if (recipe.successors === "optional") chunks.push("(`ks` $dest^)?");
  chunks.push(recipe.withKeyword ? "attr-dict-with-keyword" : "attr-dict");
  // Shuffle the chunks by the recipe's seeds.
  const order = chunks.map((c, i) => ({ c, k: recipe.order[i % recipe.order.length] ?? i })).sort((x, y) => x.k - y.k);
  let format = order.map((x) => x.c).join(" ");
  // A custom directive over a functional-type: the custom one prints the type too, so functional-type cannot.
  if (recipe.functional && usesCustom.length > 0) format = format.replace(/custom<Pair>\(\$(\w+), type\(\$\w+\)\)/g, "$$$1");
  const op = defineOp({
    name: `rnd.op${id}`,
    summary: "a random op",
    operands: operands as never,
    attributes: attributes as never,
    results: results as never,
    regions,
    successors,
    customDirectives: { Pair },
    format,
  });
  return { op, format, recipe };
}

// ---- random instances --------------------------------------------------------------------------------------

const printedTypes: readonly Type[] = [i32, f32, index, VectorType.get([2], i32), RankedTensorType.get([DYNAMIC], f32)];

interface Instance {
  readonly picks: readonly number[];
}
const instanceArb = fc.record({ picks: fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 }) });

/**
 * Builds an instance of `g.op` in `block`, its operands produced by one unregistered op before it, its
 * successors chosen among `targets`.
 */
function instantiate(g: Generated, inst: Instance, block: Block, targets: readonly Block[]): Operation {
  let k = 0;
  const pick = (n: number): number => (inst.picks[k++ % inst.picks.length] ?? 0) % n;
  const def = g.op.info;
  const operandTypes: Type[][] = def.operands.map((grp, i) => {
    const n = grp.kind === "single" ? 1 : grp.kind === "optional" ? pick(2) : pick(4);
    const plan = g.recipe.operands[i];
    const type = (): Type =>
      plan?.typing === "buildable" ? (grp.constraint === Bool ? i1 : index) : (printedTypes[pick(printedTypes.length)] as Type);
    return Array.from({ length: n }, type);
  });
  const producer = new Operation({ name: "x.src", resultTypes: operandTypes.flat(), operands: [], attributes: new Map(), regions: [], successors: [] });
  block.append(producer);
  const args: Record<string, unknown> = {};
  let at = 0;
  def.operands.forEach((grp, i) => {
    const vs: Value[] = (operandTypes[i] ?? []).map(() => producer.getResult(at++));
    args[grp.name] = grp.kind === "variadic" ? vs : vs[0];
  });
  def.attributes.forEach((a, i) => {
    const plan = g.recipe.attrs[i];
    const roll = pick(4);
    let v: Attribute | undefined;
    switch (plan?.kind) {
      case "required":
        v = IntegerAttr.get(i64, BigInt(pick(100)) - 50n);
        break;
      case "default":
        v = roll === 0 ? undefined : IntegerAttr.get(i64, BigInt(roll === 1 ? 7 : pick(20)));
        break;
      case "optional-str":
      case "dict-only":
        v = roll === 0 ? undefined : StringAttr.get(`s${pick(3)}`);
        break;
      case "unit":
        v = roll < 2 ? undefined : UnitAttr.get();
        break;
      case "enum":
      case "qualified-enum":
        v = roll === 0 ? undefined : Mode.get((["fast", "slow", "exact"] as const)[pick(3)] ?? "fast");
        break;
      case "fastmath":
        v = roll === 0 ? undefined : FastMathAttr.get(pick(128));
        break;
    }
    if (v !== undefined) args[a.name] = v;
  });
  def.results.forEach((r) => {
    const n = r.kind === "single" ? 1 : pick(3);
    const ts = Array.from({ length: n }, () => printedTypes[pick(printedTypes.length)] as Type);
    args[r.name] = r.kind === "single" ? ts[0] : ts;
  });
  const randomRegion = (canBeEmpty: boolean): Region => {
    const empty = canBeEmpty && pick(2) === 0;
    const body = new Region(empty ? [] : [new Block()]);
    if (!empty) body.block.append(new Operation({ name: "x.inner", resultTypes: [], operands: [], attributes: new Map(), regions: [], successors: [] }));
    return body;
  };
  if (g.recipe.region === "variadic") args["body"] = Array.from({ length: pick(3) }, () => randomRegion(false));
  else if (g.recipe.region !== "none") args["body"] = randomRegion(g.recipe.region === "optional");
  const target = (): Block => targets[pick(targets.length)] as Block;
  if (g.recipe.successors === "single") args["dest"] = target();
  else if (g.recipe.successors !== "none") args["dest"] = Array.from({ length: pick(3) }, target);
  if (pick(3) === 0) args["extraAttributes"] = { "x.extra": IntegerAttr.get(i32, pick(9)) };
  const op = g.op.build(args as never);
  block.append(op);
  return op;
}

// ---- the property ------------------------------------------------------------------------------------------

/** The random op's dialect; MLIR reads its `#rnd.mode<...>` attributes as opaque ones. */
const testDialect = (ops: readonly (typeof Operation)[]) =>
  defineDialect({ name: "rnd", ops, attributes: [Mode] });

test("random ops with random formats print, parse and print again identically", () => {
  const generics: string[] = [];
  let id = 0;
  fc.assert(
    fc.property(recipeArb, fc.array(instanceArb, { minLength: 1, maxLength: 3 }), (recipe, instances) => {
      const g = generate(recipe, id++);
      const module = createModule();
      for (const inst of instances) {
        // Each instance sits in the entry block of a region of its own, whose other blocks are its successors.
        const blocks = [new Block(), new Block(), new Block()];
        for (const b of blocks.slice(1)) b.append(new Operation({ name: "x.end" }));
        const wrap = new Operation({ name: "x.wrap", regions: [new Region(blocks)] });
        moduleBody(module).append(wrap);
        instantiate(g, inst, blocks[0] as Block, blocks.slice(1));
      }
      const ctx = new Context([...allDialects, testDialect([g.op])], { allowUnregisteredDialects: true });
      const custom = printOp(module, { ctx });
      const reparsed = parseSource(custom, ctx, { file: "random.mlir" });
      if (E.isLeft(reparsed)) throw new Error(`format "${g.format}": ${reparsed.left.message}\n${custom}`);
      const again = printOp(reparsed.right, { ctx });
      if (again !== custom) throw new Error(`format "${g.format}" reprints differently:\n${custom}\n---\n${again}`);
      const generic = printOp(module, { ctx, generic: true });
      const genericAgain = printOp(reparsed.right, { ctx, generic: true });
      if (genericAgain !== generic) throw new Error(`format "${g.format}": the parsed op differs:\n${generic}\n---\n${genericAgain}`);
      if (generics.length < 40) generics.push(generic);
    }),
    { numRuns: RUNS, includeErrorInReport: true },
  );
  assert.ok(id > 0);
  // mlir-opt-16 reads the generic forms (the ops are unregistered to it) and must print them as we do.
  const text = generics.join("\n// -----\n");
  const r = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", "--split-input-file", "--mlir-print-op-generic", "-"], {
    input: text,
    encoding: "utf8",
  });
  assert.is(r.status, 0, r.stderr);
  const theirs = r.stdout.split("// -----").map(norm);
  assert.equal(theirs, generics.map(norm));
});

test.run();
