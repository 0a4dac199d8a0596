/**
 * TilingInterface's tiled implementation of linalg's structured ops (dialects/linalg/tiling.ts): the slices a
 * tile reads and writes, by hand for a matmul and a strided convolution; and on random linalg programs
 * (rewrites/testing/gen-linalg.ts: elementwise generics with broadcasts, reductions, matmuls, convolutions and
 * poolings, transposes, broadcasts, maps, fills), every op on tensors cut into tiles of random sizes (partial
 * tiles included), the tiles computed one after another into the inits and reassembled with insert_slice,
 * computes what the op computed, in the interpreter. FC_RUNS sets the runs (default 60), FC_SEED replays.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tilingOf } from "../../src/interfaces/tiling.ts";
import { destinationStyle } from "../../src/interfaces/destination-style.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { Rewriter } from "../../src/rewrite/rewriter.ts";
import { printType } from "../../src/text/print-attr.ts";
import { printOp } from "../../src/text/printer.ts";
import { linalgOp } from "../../dialects/linalg/index.ts";
import { InsertSliceOp, insertSliceArgs } from "../../dialects/tensor/index.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { seeded } from "../../rewrites/testing/examples.ts";
import { linalgPrograms } from "../../rewrites/testing/gen-linalg.ts";
import { newContext } from "../../rewrites/index.ts";
import { parserIn } from "../support/pass-tests.ts";

const test = suite("linalg tiling");
const runs = Number(process.env.FC_RUNS ?? 60);
const seed = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };
/** At most this many tiles per op (tile sizes grow until the op has no more). */
const MAX_TILES = 24;

/** The single op of kind `name` in the function of `text`. */
function opOf(text: string, name: string): Operation {
  const m = parserIn(newContext())(text);
  let found: Operation | undefined;
  m.walk((op) => {
    if (op.name === name) found = op;
  });
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

test("a matmul tile reads rows of A, columns of B, and writes its block of C", () => {
  const op = opOf(
    `func.func @f(%a: tensor<4x8xf32>, %b: tensor<8x6xf32>, %c: tensor<4x6xf32>) -> tensor<4x6xf32> {
      %r = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x6xf32>) outs(%c : tensor<4x6xf32>) -> tensor<4x6xf32>
      return %r : tensor<4x6xf32>
    }`,
    "linalg.matmul",
  );
  const tiling = tilingOf(op);
  assert.ok(tiling !== undefined);
  assert.equal(tiling.getResultTilePosition(0, [2, 0, 4], [2, 6, 4]), { offsets: [2, 0], sizes: [2, 6] });
  const b = new Rewriter();
  b.setInsertionPointBefore(op);
  const tile = tiling.getTiledImplementation(b, [2, 0, 4], [2, 6, 4]);
  const types = tile.op.operands.map((v) => printType(v.type));
  assert.equal(types, ["tensor<2x4xf32>", "tensor<4x6xf32>", "tensor<2x6xf32>"]);
  assert.equal(tile.results.map((r) => printType(r.type)), ["tensor<2x6xf32>"]);
  const slices = tile.op.operands.map((v) => printOp(v.definingOp as Operation).replace(/^.*= /, "").replace(/ :.*$/, ""));
  assert.equal(slices, ["tensor.extract_slice %arg0[2, 4] [2, 4] [1, 1]", "tensor.extract_slice %arg1[4, 0] [4, 6] [1, 1]", "tensor.extract_slice %arg2[2, 0] [2, 6] [1, 1]"]);
});

test("a tile of a strided, dilated convolution reads the window its outputs need", () => {
  const op = opOf(
    `func.func @f(%i: tensor<1x9x9x2xf32>, %k: tensor<2x3x2x4xf32>, %o: tensor<1x3x3x4xf32>) -> tensor<1x3x3x4xf32> {
      %r = linalg.conv_2d_nhwc_hwcf {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[3, 2]> : tensor<2xi64>} ins(%i, %k : tensor<1x9x9x2xf32>, tensor<2x3x2x4xf32>) outs(%o : tensor<1x3x3x4xf32>) -> tensor<1x3x3x4xf32>
      return %r : tensor<1x3x3x4xf32>
    }`,
    "linalg.conv_2d_nhwc_hwcf",
  );
  const tiling = tilingOf(op);
  assert.ok(tiling !== undefined);
  // Loops (n, oh, ow, f, kh, kw, c); the tile: output rows 1..2, columns 0..1, all of f, kh 0..1, kw 1..2, c 0..1.
  const b = new Rewriter();
  b.setInsertionPointBefore(op);
  const tile = tiling.getTiledImplementation(b, [0, 1, 0, 0, 0, 1, 0], [1, 2, 2, 4, 2, 2, 2]);
  // Input rows 3 * oh + 2 * kh: from 3 to 3 * 2 + 2 * 1 = 8; columns 2 * ow + kw: from 1 to 2 * 1 + 2 = 4.
  assert.equal(tile.op.operands.map((v) => printType(v.type)), ["tensor<1x6x4x2xf32>", "tensor<2x2x2x4xf32>", "tensor<1x2x2x4xf32>"]);
  assert.equal(tiling.getResultTilePosition(0, [0, 1, 0, 0, 0, 1, 0], [1, 2, 2, 4, 2, 2, 2]), { offsets: [0, 1, 0, 0], sizes: [1, 2, 2, 4] });
});

/** A small deterministic hash of a text (the tile sizes of a program depend on the program only). */
const hash = (s: string): number => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);

/** Random tile sizes for a domain, at most MAX_TILES tiles. */
function tileSizes(domain: readonly number[], rand: () => number): number[] {
  const sizes = domain.map((n) => 1 + Math.floor(rand() * n));
  const count = (): number => domain.reduce((k, n, i) => k * Math.ceil(n / (sizes[i] as number)), 1);
  while (count() > MAX_TILES) {
    const i = Math.floor(rand() * sizes.length);
    sizes[i] = Math.min(domain[i] as number, (sizes[i] as number) + 1);
  }
  return sizes;
}

/** How many ops were cut into more than one tile, and how many of those had a reduction cut (over all runs). */
const cut = { ops: 0, reductions: 0 };

/** Cuts every structured op on tensors of static domain into tiles, computed in order into its inits. */
function tileEverything(module: Operation): void {
  const rand = seeded(hash(printOp(module)));
  const ops: Operation[] = [];
  module.walk((op) => {
    if (linalgOp(op) !== undefined && destinationStyle(op).hasTensorSemantics()) ops.push(op);
  });
  const b = new Rewriter();
  for (const op of ops) {
    const tiling = tilingOf(op);
    if (tiling === undefined) continue;
    const domain = tiling.getIterationDomain().map((r) => r.size);
    if (!domain.every((n): n is number => typeof n === "number" && n > 0)) continue;
    const sizes = tileSizes(domain, rand);
    b.setInsertionPointBefore(op);
    let acc: Value[] = destinationStyle(op).getDpsInitOperands().map((o) => o.value);
    const grid = domain.map((n, i) => Math.ceil(n / (sizes[i] as number)));
    const total = grid.reduce((k, n) => k * n, 1);
    if (total > 1) cut.ops++;
    if (tiling.getLoopIteratorTypes().some((it, i) => it === "reduction" && (grid[i] as number) > 1)) cut.reductions++;
    for (let t = 0; t < total; t++) {
      // The t-th tile in row-major order of the grid: each reduction's tiles come in increasing order.
      let rest = t;
      const index = grid.map(() => 0);
      for (let i = grid.length - 1; i >= 0; i--) {
        index[i] = rest % (grid[i] as number);
        rest = Math.floor(rest / (grid[i] as number));
      }
      const offsets = index.map((k, i) => k * (sizes[i] as number));
      const extents = offsets.map((o, i) => Math.min(sizes[i] as number, (domain[i] as number) - o));
      const tile = tiling.getTiledImplementation(b, offsets, extents, acc);
      acc = tile.results.map((r, k) => {
        const at = tiling.getResultTilePosition(k, offsets, extents);
        const dest = acc[k] as Value<RankedTensorType>;
        return b.create(InsertSliceOp, insertSliceArgs(r as Value<RankedTensorType>, dest, at.offsets, at.sizes, at.offsets.map(() => 1))).getResult(0);
      });
    }
    op.results.forEach((r, k) => r.replaceAllUsesWith(acc[k] as Value));
    op.erase();
  }
}

test(`tiled and reassembled, every op computes what it computed (${runs} random linalg programs)`, () => {
  const r = checkRewrite({ transform: (module) => tileEverything(module), programs: linalgPrograms(), runs, coverage: false, ...seed });
  assert.ok(r.ok, r.ok ? "" : r.message);
  assert.ok(cut.ops > runs / 2, `only ${cut.ops} ops were cut into several tiles`);
  assert.ok(cut.reductions > 0, "no reduction was cut into several tiles");
});

test.run();
