/**
 * `tosa-to-scf` (MLIR 16's pass of that name): tosa.cond_if becomes scf.if and tosa.while_loop scf.while, their
 * regions moved over (MLIR 16 clones them), the tensor<i1> conditions read with tensor.extract, tosa.yield made
 * scf.yield (scf.condition in a loop's condition). A partial conversion: the TOSA ops inside stay.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { Block, type Operation, Region } from "../../src/ir/operation.ts";
import { i1 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { type ConversionRewriter, applyPartialConversion, convert, legality } from "../../src/rewrite/conversion.ts";
import * as S from "../../dialects/scf/index.ts";
import { ExtractOp } from "../../dialects/tensor/index.ts";
import * as T from "../../dialects/tosa/index.ts";
import { type OpKindClass, build } from "../tosa-to-linalg/build.ts";

const K = (c: unknown): OpKindClass => c as OpKindClass;

/** The scalar of a tensor<i1>. */
const extractScalar = (rw: ConversionRewriter, v: Value): Value => build(rw, K(ExtractOp), [v], [i1]).getResult(0);

/**
 * Moves `source`'s only block into `dest` (a new block with `argTypes` arguments, or none), its arguments
 * replaced by `args` (or by the new block's), and its tosa.yield replaced by `terminator(values)`.
 */
function moveRegion(rw: ConversionRewriter, source: Region, dest: Region, args: readonly Value[] | undefined, terminator: (values: readonly Value[]) => void): void {
  const from = source.blocks[0] as Block;
  const block = new Block(args === undefined ? from.argTypes : [], args === undefined ? from.args.map((a) => a.loc) : []);
  dest.push(block);
  rw.inlineBlockBefore(from, block, undefined, args ?? block.args);
  const yieldOp = block.last as Operation;
  rw.setInsertionPointBefore(yieldOp);
  terminator(yieldOp.operands);
  rw.eraseOp(yieldOp);
}

/**
 * cond_if -> scf.if on the extracted condition, the branches' arguments replaced by the inputs.
 *   %r = "tosa.cond_if"(%c, %x) ({ ^bb0(%a: tensor<f32>): "tosa.yield"(%a) ... }, { ... }) : (tensor<i1>, tensor<f32>) -> tensor<f32>
 *
 *   %extracted = tensor.extract %c[] : tensor<i1>
 *   %r = scf.if %extracted -> (tensor<f32>) {
 *     scf.yield %x : tensor<f32>
 *   } else { ... }
 */
export const condIfToScf = convert({
  name: "tosa-to-scf-cond_if",
  root: T.IfOp,
  apply(op, adaptor, rw) {
    const [cond, ...inputs] = adaptor.operands as [Value, ...Value[]];
    const condition = extractScalar(rw, cond);
    const newIf = rw.insert(new (K(S.IfOp))({ operands: [condition], resultTypes: op.results.map((r) => r.type), regions: [new Region(), new Region()], successors: [], loc: op.loc }));
    const yieldAll = (values: readonly Value[]) => void build(rw, K(S.YieldOp), values, []);
    moveRegion(rw, op.regions[0] as Region, newIf.regions[0] as Region, inputs, yieldAll);
    moveRegion(rw, op.regions[1] as Region, newIf.regions[1] as Region, inputs, yieldAll);
    rw.replaceOp(op, newIf.results);
    return rw.done();
  },
});

/**
 * while_loop -> scf.while: the condition region ends in scf.condition of its extracted tensor<i1> with the
 * loop-carried values, the body in scf.yield.
 *   %r = "tosa.while_loop"(%x) ({ ^bb0(%a: tensor<i32>): ... "tosa.yield"(%p) : (tensor<i1>) -> () },
 *                              { ^bb0(%a: tensor<i32>): ... "tosa.yield"(%n) : (tensor<i32>) -> () }) : (tensor<i32>) -> tensor<i32>
 *
 *   %r = scf.while (%arg1 = %x) : (tensor<i32>) -> tensor<i32> {
 *     ...  %extracted = tensor.extract %p[] : tensor<i1>
 *     scf.condition(%extracted) %arg1 : tensor<i32>
 *   } do {
 *   ^bb0(%arg1: tensor<i32>):
 *     ...  scf.yield %n : tensor<i32>
 *   }
 */
export const whileLoopToScf = convert({
  name: "tosa-to-scf-while_loop",
  root: T.WhileOp,
  apply(op, adaptor, rw) {
    const newWhile = rw.insert(new (K(S.WhileOp))({ operands: adaptor.operands, resultTypes: op.results.map((r) => r.type), regions: [new Region(), new Region()], successors: [], loc: op.loc }));
    const before = newWhile.regions[0] as Region;
    moveRegion(rw, op.regions[0] as Region, before, undefined, ([c]) => {
      const condition = extractScalar(rw, c as Value);
      build(rw, K(S.ConditionOp), [condition, ...(before.blocks[0] as Block).args], []);
    });
    moveRegion(rw, op.regions[1] as Region, newWhile.regions[1] as Region, undefined, (values) => void build(rw, K(S.YieldOp), values, []));
    rw.replaceOp(op, newWhile.results);
    return rw.done();
  },
});

export const tosaToScfPatterns = [condIfToScf, whileLoopToScf] as const;

export const tosaToScfPass = definePass({
  name: "tosa-to-scf",
  displayName: "TosaToSCF",
  summary: "Lower TOSA to the SCF dialect",
  description: "tosa.cond_if to scf.if, tosa.while_loop to scf.while.",
  run(op, pctx) {
    const target = legality().legalDialect("tensor", "scf").illegalOp(T.IfOp, T.WhileOp).markUnknownOpDynamicallyLegal(() => true);
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(op, target, [...tosaToScfPatterns], { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
