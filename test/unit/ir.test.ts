/** The core IR API: interning, use lists under replace/erase/clone, blocks and regions, builder, symbol tables. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr, StringAttr, strAttr } from "../../src/ir/attributes.ts";
import { Builder, InsertionPoint } from "../../src/ir/builder.ts";
import { FusedLoc, NameLoc, UnknownLoc, fileLoc } from "../../src/ir/location.ts";
import { Block, IRMapping, Operation, Region } from "../../src/ir/operation.ts";
import { lookupNearestSymbol, lookupSymbolIn, SymbolTable, symbolName, symbolUses } from "../../src/ir/symbol-table.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { AnyType } from "../../src/irdl/constraints.ts";
import { NoTerminator, SymbolTable as SymbolTableTrait, Symbol as SymbolTrait } from "../../src/ir/traits.ts";
import { f32, i1, i32, i64, IntegerType, tensor, vector, DYNAMIC, RankedTensorType, MemRefType } from "../../src/ir/types.ts";
import { symbolRef } from "../../src/ir/attributes.ts";

const op = (name: string, operands: Operation["operands"] = [], results: number = 1): Operation =>
  new Operation({ name, operands, resultTypes: Array.from({ length: results }, () => i32) });

const interning = suite("interning");
interning("equal types and attributes are the same object", () => {
  assert.is(IntegerType.get(32), i32);
  assert.is(tensor([2, DYNAMIC], f32), RankedTensorType.get([2, DYNAMIC], f32));
  assert.is.not(tensor([2, 3], f32), tensor([3, 2], f32));
  assert.is(IntegerAttr.get(i32, 7), IntegerAttr.get(i32, 7n));
  assert.is(IntegerAttr.get(IntegerType.get(8), 255).value, -1n); // two's complement normal form
  assert.is(ArrayAttr.get([strAttr("a"), strAttr("b")]), ArrayAttr.get([StringAttr.get("a"), StringAttr.get("b")]));
  assert.is.not(FloatAttr.get(f32, 0), FloatAttr.get(f32, -0)); // -0.0 is its own value
  assert.is(MemRefType.get([4], f32), MemRefType.get([4], f32));
});
interning("dense elements: equal contents intern, uniform data becomes a splat", () => {
  const t = tensor([4], i32);
  const a = DenseElementsAttr.get(t, new Int32Array([1, 2, 3, 4]));
  assert.is(DenseElementsAttr.get(t, new Int32Array([1, 2, 3, 4])), a);
  assert.is.not(DenseElementsAttr.get(t, new Int32Array([1, 2, 3, 5])), a);
  const s = DenseElementsAttr.get(t, new Int32Array([7, 7, 7, 7]));
  assert.ok(s.isSplat);
  assert.is(s.at(3), 7);
  assert.throws(() => DenseElementsAttr.get(t, new Float32Array(4)), /does not match/);
  assert.throws(() => DenseElementsAttr.get(t, new Int32Array(3)), /3 values/);
});
interning("vector types check their dims; fused locations flatten", () => {
  assert.throws(() => vector([0], f32), /positive/);
  assert.ok(vector([4, 8], f32, [false, true]).isScalable);
  const a = fileLoc("a.mlir", 1, 2);
  const b = NameLoc.get("x");
  assert.is(FusedLoc.get([a, FusedLoc.get([b, a]), UnknownLoc.get()]), FusedLoc.get([a, b]));
  assert.is(FusedLoc.get([a]), a);
});
interning("file locations are unique per file, line and column; attribute dictionaries are shared", () => {
  assert.is(fileLoc("a.mlir", 3, 4), fileLoc("a.mlir", 3, 4));
  assert.is.not(fileLoc("a.mlir", 3, 4), fileLoc("b.mlir", 3, 4));
  assert.is.not(fileLoc("a.mlir", 3, 4), fileLoc("a.mlir", 4, 3));
  assert.is(fileLoc("a.mlir", 5_000_000, 70_000), fileLoc("a.mlir", 5_000_000, 70_000)); // beyond the small keys
  assert.is(fileLoc("a.mlir", 3, 4).file, "a.mlir");
  const x = new Operation({ name: "t.x", attributes: { b: strAttr("1"), a: strAttr("2") } });
  const y = new Operation({ name: "t.y", attributes: new Map([["a", strAttr("2")], ["b", strAttr("1")]]) });
  assert.is(x.attrDictionary, y.attrDictionary);
  assert.equal([...x.attributes.keys()], ["a", "b"]); // sorted, as MLIR keeps them
  y.setAttr("c", strAttr("3"));
  assert.is.not(x.attrDictionary, y.attrDictionary);
  assert.is(x.attr("c"), undefined);
  y.setAttr("c", undefined);
  assert.is(x.attrDictionary, y.attrDictionary);
});
interning("an op's file location set compactly reads as the interned location, and survives clone and assignment", () => {
  const x = new Operation({ name: "t.x" });
  x.setFileLocation("c.mlir", 7, 9);
  assert.is(x.loc, fileLoc("c.mlir", 7, 9));
  assert.is(x.loc, x.loc);
  const far = new Operation({ name: "t.x" });
  far.setFileLocation("c.mlir", 3_000_000, 5_000); // beyond the compact form
  assert.is(far.loc, fileLoc("c.mlir", 3_000_000, 5_000));
  const compact = new Operation({ name: "t.x" });
  compact.setFileLocation("d.mlir", 1, 1023);
  assert.is(compact.clone().loc, fileLoc("d.mlir", 1, 1023));
  compact.loc = NameLoc.get("n");
  assert.is(compact.loc, NameLoc.get("n"));
});
interning.run();

const uses = suite("use lists");
uses("operands register uses; replaceAllUsesWith moves them", () => {
  const a = op("t.a");
  const b = op("t.b");
  const user = op("t.use", [a.getResult(), a.getResult(), b.getResult()]);
  assert.is(a.getResult().numUses, 2);
  assert.equal(a.getResult().users(), [user]);
  a.getResult().replaceAllUsesWith(b.getResult());
  assert.is(a.getResult().numUses, 0);
  assert.is(b.getResult().numUses, 3);
  assert.equal(user.operands, [b.getResult(), b.getResult(), b.getResult()]);
  user.setOperand(1, a.getResult());
  assert.ok(a.getResult().hasOneUse);
});
uses("erase drops the op's uses and refuses while its results are used", () => {
  const blk = new Block();
  const a = op("t.a");
  const u = op("t.use", [a.getResult()]);
  blk.append(a);
  blk.append(u);
  assert.throws(() => a.erase(), /still used by 't.use'/);
  u.erase();
  assert.is(a.getResult().numUses, 0);
  a.erase();
  assert.ok(blk.isEmpty);
});
uses("replaceUsesWithIf and spliceOperands keep the lists consistent", () => {
  const a = op("t.a");
  const b = op("t.b");
  const u1 = op("t.u1", [a.getResult()]);
  const u2 = op("t.u2", [a.getResult()]);
  a.getResult().replaceUsesWithIf(b.getResult(), (use) => use.owner === u2);
  assert.equal(u1.operands, [a.getResult()]);
  assert.equal(u2.operands, [b.getResult()]);
  u1.spliceOperands(0, 1, [b.getResult(), a.getResult()]);
  assert.is(u1.numOperands, 2);
  assert.equal(u1.opOperands.map((o) => o.index), [0, 1]);
  assert.is(b.getResult().numUses, 2);
  assert.is(a.getResult().numUses, 1);
});
uses("restoreOperands puts operands back at their places in the use lists", () => {
  const a = op("t.a");
  const b = op("t.b");
  const before = op("t.before", [a.getResult()]);
  const user = op("t.use", [a.getResult(), b.getResult(), a.getResult()]);
  const after = op("t.after", [a.getResult()]);
  const order = (v: Operation) => [...v.getResult().uses()].map((u) => `${u.owner.name}#${u.index}`);
  const aOrder = order(a);
  const bOrder = order(b);
  const snapshot = user.snapshotOperands();
  user.setOperand(0, b.getResult());
  user.setOperand(2, b.getResult());
  user.spliceOperands(1, 1, []);
  user.restoreOperands(snapshot);
  assert.equal(user.operands, [a.getResult(), b.getResult(), a.getResult()]);
  assert.equal(order(a), aOrder);
  assert.equal(order(b), bOrder);
  user.setOperands([b.getResult()]);
  user.restoreOperands(snapshot);
  assert.equal(order(a), aOrder);
  assert.equal(order(b), bOrder);
  assert.equal([before.numOperands, after.numOperands], [1, 1]);
});
uses.run();

const structure = suite("blocks, regions, clone");
structure("insertion, order and moves in a block", () => {
  const blk = new Block();
  const [x, y, z] = [op("t.x"), op("t.y"), op("t.z")];
  blk.append(x);
  blk.append(z);
  blk.insertBefore(y, z);
  assert.equal(blk.operations.map((o) => o.name), ["t.x", "t.y", "t.z"]);
  assert.ok(x.isBeforeInBlock(z));
  z.moveBefore(x);
  assert.equal(blk.operations.map((o) => o.name), ["t.z", "t.x", "t.y"]);
  assert.ok(z.isBeforeInBlock(x));
  assert.throws(() => blk.append(x), /already in a block/);
  // Erasing while iterating is safe.
  for (const o of blk.ops()) o.erase();
  assert.is(blk.numOps, 0);
});
structure("clone remaps operands, nested regions and successors", () => {
  const outer = op("t.def");
  const region = new Region();
  const entry = region.push(new Block([i32]));
  const exit = region.push(new Block([i32]));
  const inner = op("t.inner", [entry.arg(0), outer.getResult()]);
  entry.append(inner);
  entry.append(new Operation({ name: "t.br", operands: [inner.getResult()], successors: [exit] }));
  exit.append(new Operation({ name: "t.ret", operands: [exit.arg(0)] }));
  const holder = new Operation({ name: "t.holder", regions: [region] });
  const replacement = op("t.other");
  const m = new IRMapping();
  m.map(outer.getResult(), replacement.getResult());
  const copy = holder.clone(m);
  const [cEntry, cExit] = copy.getRegion().blocks as [Block, Block];
  const cInner = cEntry.first as Operation;
  assert.is(cInner.getOperand(0), cEntry.arg(0));
  assert.is(cInner.getOperand(1), replacement.getResult());
  assert.is(cEntry.last?.successors[0], cExit);
  assert.is(cEntry.last?.getOperand(0), cInner.getResult());
  assert.is(cExit.first?.getOperand(0), cExit.arg(0));
  // The original is untouched.
  assert.is(inner.getOperand(1), outer.getResult());
  assert.is(outer.getResult().numUses, 1);
  assert.equal(exit.predecessors, [entry]);
});
structure("predecessors come from the blocks' uses: region order, one per edge, terminators only", () => {
  const [b0, b1, b2, b3] = [new Block(), new Block(), new Block(), new Block()];
  const region = new Region([b0, b1, b2, b3]);
  const br = (to: Block[]) => new Operation({ name: "t.br", successors: to });
  b2.append(br([b3]));
  b0.append(br([b3, b1]));
  b1.append(br([b3, b3]));
  assert.equal(b3.predecessors, [b0, b1, b1, b2]);
  assert.is(b1.singlePredecessor, b0);
  assert.is(b3.singlePredecessor, undefined);
  assert.is(b0.hasPredecessors, false);
  const detached = br([b1]); // not in a block: not an edge
  assert.equal(b1.predecessors, [b0]);
  b0.append(op("t.after")); // the branch is no longer b0's terminator
  assert.equal(b1.predecessors, []);
  b0.last?.erase();
  b0.last?.setSuccessor(1, b2);
  assert.equal(b1.predecessors, []);
  assert.equal(b2.predecessors, [b0]);
  b1.last?.erase();
  assert.equal(b3.predecessors, [b0, b2]);
  region.insertBlock(b2, 0 + (b2.remove(), 0)); // moving a block reorders its edges
  assert.equal(b3.predecessors, [b2, b0]);
  assert.equal(detached.successors, [b1]);
});
structure("walk orders and interrupts", () => {
  const inner = op("t.inner");
  const holder = new Operation({ name: "t.holder", regions: [new Region([new Block()])] });
  holder.getRegion().block.append(inner);
  const post: string[] = [];
  holder.walk((o) => void post.push(o.name));
  assert.equal(post, ["t.inner", "t.holder"]);
  const pre: string[] = [];
  holder.walk((o) => {
    pre.push(o.name);
    return "skip";
  }, "pre");
  assert.equal(pre, ["t.holder"]);
  assert.is(holder.walk(() => "interrupt"), "interrupt");
});
structure.run();

const Mod = defineOp({ name: "t.module", summary: "symbol table", regions: { body: { kind: "region" } }, traits: [SymbolTableTrait, NoTerminator] });
const Fn = defineOp({ name: "t.fn", summary: "a symbol", attributes: { sym_name: { description: "string", test: (a): a is StringAttr => a instanceof StringAttr } }, traits: [SymbolTrait] });
const Ref = defineOp({ name: "t.ref", summary: "refers to a symbol", operands: {}, results: { r: AnyType } });

const symbols = suite("symbol tables and builder");
symbols("lookup, insert with renaming, nested references, uses", () => {
  const m = Mod.build({ body: new Region([new Block()]) });
  const b = Builder.atEnd(m.body.block);
  const f = b.create(Fn, { sym_name: strAttr("f") });
  const table = new SymbolTable(m);
  assert.is(table.lookup("f"), f);
  const g = Fn.build({ sym_name: strAttr("f") });
  assert.is(table.insert(g), "f_0");
  assert.is(symbolName(g), "f_0");
  assert.is(m.body.block.numOps, 2);
  const user = b.create(Ref, { r: i64, extraAttributes: { callee: symbolRef("f_0") } });
  assert.equal(symbolUses(m, "f_0"), [user]);
  assert.is(lookupNearestSymbol(user, symbolRef("f")), f);
  // @outer::@inner
  const inner = Mod.build({ body: new Region([new Block()]), extraAttributes: { sym_name: strAttr("inner") } });
  inner.body.block.append(Fn.build({ sym_name: strAttr("leaf") }));
  b.insert(inner);
  assert.is(lookupSymbolIn(m, symbolRef("inner", ["leaf"]))?.name, "t.fn");
});
symbols("cached lookups follow renames, insertions and erasures", () => {
  const m = Mod.build({ body: new Region([new Block()]) });
  const b = Builder.atEnd(m.body.block);
  const f = b.create(Fn, { sym_name: strAttr("f") });
  assert.is(lookupSymbolIn(m, "f"), f);
  assert.is(lookupSymbolIn(m, "g"), undefined);
  f.setAttr("sym_name", strAttr("g"));
  assert.is(lookupSymbolIn(m, "f"), undefined);
  assert.is(lookupSymbolIn(m, "g"), f);
  const early = Fn.build({ sym_name: strAttr("g") });
  m.body.block.prepend(early); // the first of a name wins, as a scan finds it
  assert.is(lookupSymbolIn(m, "g"), early);
  early.erase();
  assert.is(lookupSymbolIn(m, "g"), f);
  f.remove();
  assert.is(lookupSymbolIn(m, "g"), undefined);
});
symbols("builder insertion points and locations", () => {
  const blk = new Block();
  const b = Builder.atEnd(blk);
  const first = b.insert(op("t.1"));
  b.withLoc(NameLoc.get("here"), () => b.insert(op("t.3")));
  b.at(InsertionPoint.after(first), () => b.insert(op("t.2")));
  assert.equal(blk.operations.map((o) => o.name), ["t.1", "t.2", "t.3"]);
  const region = new Region();
  const nb = b.createBlock(region, [i1]);
  assert.is(region.entry, nb);
  assert.is(b.ip?.block, nb);
});
symbols.run();
