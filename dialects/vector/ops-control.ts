/**
 * The vector dialect's masks, regions and odds and ends (MLIR 16):
 *
 *   %m = vector.constant_mask [2, 3] : vector<4x8xi1>
 *   %n = vector.create_mask %a, %b : vector<4x8xi1>
 *   %r = vector.mask %m { vector.reduction <add>, %v : vector<8xf32> into f32 } : vector<8xi1> -> f32
 *   %w = vector.warp_execute_on_lane_0(%lane)[32] args(%x : vector<4xf32>) -> (vector<1xf32>) {
 *   ^bb0(%arg: vector<128xf32>):
 *     ...
 *     vector.yield %y : vector<32xf32>
 *   }
 *   vector.print %v : vector<4xf32>
 *   %s = vector.vscale
 *
 * `vector.mask` and `warp_execute_on_lane_0` have hand-written syntax (as in MLIR 16); both regions end in an
 * implicit `vector.yield` that the parser adds when it is not written (SingleBlockImplicitTerminator).
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import type { Value } from "../../src/ir/value.ts";
import type { Location } from "../../src/ir/location.ts";
import { Block, type Operation, Region } from "../../src/ir/operation.ts";
import { Pure, RecursiveMemoryEffects, ReturnLike, Terminator } from "../../src/ir/traits.ts";
import { i64, index, type Type, VectorType } from "../../src/ir/types.ts";
import { AnyType, I64Attr, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { optional, region, variadic } from "../../src/irdl/spec.ts";
import type { OpAsmParser, OpAsmPrinter } from "../../src/text/asm-interfaces.ts";
import { I64ArrayAttrC, i64sOf } from "./attrs.ts";
import { VectorOfAnyRankOfI1, VectorOfI1 } from "./constraints.ts";
import { MaskableOpInterface } from "./maskable.ts";

// ---- vscale, print -------------------------------------------------------------------------------------------

export const VectorScaleOp = defineOp({
  name: "vector.vscale",
  summary: "Load vector scale size",
  results: { res: Index },
  traits: [Pure],
  format: "attr-dict",
});
export type VectorScaleOp = InstanceType<typeof VectorScaleOp>;

/** No traits, as in MLIR 16: printing is an effect passes must keep. */
export const PrintOp = defineOp({
  name: "vector.print",
  summary: "print operation (for testing and debugging)",
  operands: { source: AnyType },
  format: "$source attr-dict `:` type($source)",
});
export type PrintOp = InstanceType<typeof PrintOp>;

// ---- masks ----------------------------------------------------------------------------------------------------

export const ConstantMaskOp = defineOp(
  {
    name: "vector.constant_mask",
    summary: "creates a constant vector mask",
    results: { result: VectorOfAnyRankOfI1 },
    attributes: { mask_dim_sizes: I64ArrayAttrC },
    traits: [Pure],
    format: "$mask_dim_sizes attr-dict `:` type(results)",
  },
  {
    verify(op) {
      const t = op.result.type;
      const sizes = i64sOf(op.mask_dim_sizes);
      if (t.rank === 0) {
        // MLIR 16 emits these two without the op prefix (emitError).
        if (sizes.length !== 1) return { ...opError(op, ""), message: "array attr must have length 1 for 0-D vectors" };
        if (sizes[0] !== 0 && sizes[0] !== 1) return { ...opError(op, ""), message: "mask dim size must be either 0 or 1 for 0-D vectors" };
        return undefined;
      }
      if (sizes.length !== t.rank) return opError(op, "must specify array attr of size equal vector result rank");
      if (sizes.some((s, i) => s < 0 || s > (t.shape[i] as number))) {
        return opError(op, "array attr of size out of bounds of vector result dimension size");
      }
      if (sizes.includes(0) && !sizes.every((s) => s === 0)) {
        return opError(op, "expected all mask dim sizes to be zeros, as a result of conjunction with zero mask dim");
      }
      if (t.isScalable && sizes[0] !== 0) return opError(op, "expected mask dim sizes for scalable masks to be 0");
      return undefined;
    },
  },
);
export type ConstantMaskOp = InstanceType<typeof ConstantMaskOp>;

export const CreateMaskOp = defineOp(
  {
    name: "vector.create_mask",
    summary: "creates a vector mask",
    operands: { dims: variadic(Index) },
    results: { result: VectorOfAnyRankOfI1 },
    traits: [Pure],
    format: "$dims attr-dict `:` type(results)",
  },
  {
    verify(op) {
      const t = op.result.type;
      if (t.rank === 0) return op.dims.length === 1 ? undefined : opError(op, "must specify exactly one operand for 0-D create_mask");
      return op.dims.length === t.rank ? undefined : opError(op, "must specify an operand for each result vector dimension");
    },
  },
);
export type CreateMaskOp = InstanceType<typeof CreateMaskOp>;

// ---- yield ------------------------------------------------------------------------------------------------------

export const YieldOp = defineOp({
  name: "vector.yield",
  summary: "Terminates and yields values from vector regions.",
  operands: { values: variadic(AnyType) },
  traits: [Pure, ReturnLike, Terminator],
  format: "attr-dict ($values^ `:` type($values))?",
});
export type YieldOp = InstanceType<typeof YieldOp>;

/**
 * SingleBlockImplicitTerminator<"vector::YieldOp">::ensureTerminator: a region parsed without its terminator
 * gets a `vector.yield` (with `yielded(block)` as operands) appended, and an empty region a block.
 */
function ensureYield(r: Region, loc: Location, yielded: (b: Block) => readonly Value[] = () => []): void {
  if (r.isEmpty) r.push(new Block());
  const block = r.entry as Block;
  const last = block.last;
  if (last !== undefined && last.hasTrait(Terminator)) return;
  block.append(YieldOp.build({ values: yielded(block) }, loc));
}

/** SingleBlockImplicitTerminator's verifier: the one block ends in `vector.yield`. */
function verifyYieldTerminated(op: Operation, r: Region): Diagnostic | undefined {
  const block = r.entry;
  if (block === undefined) return opError(op, "expects a non-empty block");
  const last = block.last;
  if (last?.name !== "vector.yield") {
    return last === undefined
      ? opError(op, "expects a non-empty block")
      : opError(op, `expects regions to end with 'vector.yield', found '${last.name}'`);
  }
  return undefined;
}

// ---- mask -------------------------------------------------------------------------------------------------------

/** MLIR's MaskOp::ensureTerminator: a body holding only the masked op yields that op's results. */
function maskYield(block: Block): readonly Value[] {
  return block.numOps === 1 ? (block.first as Operation).results : [];
}

export const MaskOp = defineOp(
  {
    name: "vector.mask",
    summary: "Predicates a maskable vector operation",
    operands: { mask: VectorOfI1, passthru: optional(AnyType) },
    results: { outs: variadic(AnyType) },
    regions: { maskRegion: region({ maxBlocks: 1 }) },
    traits: [RecursiveMemoryEffects],
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        p.printOperand(op.mask);
        if (op.passthru !== undefined) {
          p.print(", ");
          p.printOperand(op.passthru);
        }
        p.print(" { ");
        const block = op.maskRegion.entry;
        if (block !== undefined && block.numOps > 1) p.printCustomOrGenericOp(block.first as Operation);
        p.print(" }");
        p.printOptionalAttrDict(op.attributes);
        p.print(" : ");
        p.printType(op.mask.type);
        if (op.outs.length > 0) {
          p.print(" -> ");
          printTypeList(p, op.outs.map((r) => r.type));
        }
      },
      parse(p, state) {
        const body = new Region();
        const mask = p.parseOperand();
        const passthru = p.parseOptionalPunct(",") ? p.parseOperand() : undefined;
        p.parseRegion(body);
        if (!body.isEmpty) {
          const block = body.entry as Block;
          // MLIR's MaskOp::ensureTerminator: replace a written (or implicit) yield of a lone masked op by one of its results.
          const last = block.last;
          if (block.numOps === 2 && last?.name === "vector.yield") last.erase();
        }
        ensureYield(body, state.loc, maskYield);
        state.regions.push(body);
        p.parseOptionalAttrDict(state.attributes);
        const maskType = p.parseColonType();
        const resultTypes = p.parseOptionalPunct("->") ? parseTypeListMaybeParens(p) : [];
        state.resultTypes.push(...resultTypes);
        state.operands.push(p.resolveOperand(mask, maskType));
        if (passthru !== undefined) {
          const t = resultTypes[0];
          if (t === undefined) return p.error("expected a result type for the passthru value");
          state.operands.push(p.resolveOperand(passthru, t));
        }
      },
    },
    verify(op) {
      const d = verifyYieldTerminated(op, op.maskRegion);
      if (d !== undefined) return d;
      const block = op.maskRegion.entry as Block;
      if (block.numOps < 2) return opError(op, "expects an operation to mask");
      if (block.numOps > 2) return opError(op, "expects only one operation to mask");
      const masked = block.first as Operation;
      const maskable = MaskableOpInterface.of(masked);
      if (maskable === undefined) return opError(op, "expects a maskable operation");
      if (masked.numResults !== op.outs.length) return opError(op, "expects number of results to match maskable operation number of results");
      if (masked.results.some((r, i) => r.type !== op.outs[i]?.type)) return opError(op, "expects result type to match maskable operation result type");
      if (masked.results.filter((r) => r.type instanceof VectorType).length > 1) return opError(op, "multiple vector results not supported");
      const expected = maskable.getExpectedMaskType();
      if (op.mask.type !== expected) return opError(op, `expects a ${quotedType(expected)} mask for the maskable operation`);
      const passthru = op.passthru;
      if (passthru !== undefined) {
        if (!maskable.supportsPassthru()) return opError(op, "doesn't expect a passthru argument for this maskable operation");
        if (masked.numResults !== 1) return opError(op, "expects result when passthru argument is provided");
        if (passthru.type !== masked.getResult(0).type) return opError(op, "expects passthru type to match result type");
      }
      return undefined;
    },
  },
);
export type MaskOp = InstanceType<typeof MaskOp>;

/** `t` or `(t1, t2)`: MLIR's printer of a result type list after `->`. */
function printTypeList(p: OpAsmPrinter, types: readonly Type[]): void {
  const parens = types.length !== 1 || types[0]?.constructor.name === "FunctionType";
  if (parens) p.print("(");
  types.forEach((t, i) => {
    if (i > 0) p.print(", ");
    p.printType(t);
  });
  if (parens) p.print(")");
}

/** `t` or `(t1, t2)` after `->` (MLIR's parseOptionalArrowTypeList, arrow already read). */
function parseTypeListMaybeParens(p: OpAsmParser): Type[] {
  if (!p.parseOptionalPunct("(")) return [p.parseType()];
  if (p.parseOptionalPunct(")")) return [];
  const types = p.parseTypeList();
  p.parsePunct(")");
  return types;
}

// ---- warp_execute_on_lane_0 ------------------------------------------------------------------------------------

/** MLIR's verifyDistributedType: `distributed` is `expanded` with at most one dim divided by the warp size. */
function verifyDistributedType(op: Operation, expanded: Type, distributed: Type, warpSize: number): Diagnostic | undefined {
  if (expanded === distributed) return undefined;
  if (!(expanded instanceof VectorType) || !(distributed instanceof VectorType)) return opError(op, "expected vector type for distributed operands.");
  if (expanded.rank !== distributed.rank || expanded.elementType !== distributed.elementType) {
    return opError(op, "expected distributed vectors to have same rank and element type.");
  }
  let found = false;
  for (let i = 0; i < expanded.rank; i++) {
    const e = expanded.shape[i] as number;
    const d = distributed.shape[i] as number;
    if (e === d) continue;
    if (e === d * warpSize) {
      if (found) return opError(op, `expected only one dimension to be distributed from ${quotedType(expanded)} to ${quotedType(distributed)}`);
      found = true;
      continue;
    }
    return opError(op, `incompatible distribution dimensions from ${quotedType(expanded)} to ${quotedType(distributed)}`);
  }
  return undefined;
}

export const WarpExecuteOnLane0Op = defineOp(
  {
    name: "vector.warp_execute_on_lane_0",
    summary: "Executes operations in the associated region on thread #0 of aSPMD program",
    operands: { laneid: Index, args: variadic(AnyType) },
    results: { outs: variadic(AnyType) },
    attributes: { warp_size: I64Attr },
    regions: { warpRegion: region({ maxBlocks: 1 }) },
    traits: [RecursiveMemoryEffects],
  },
  {
    asm: {
      print(op, p) {
        p.print("(");
        p.printOperand(op.laneid);
        p.print(`)[${op.warp_size.value}]`);
        if (op.args.length > 0) {
          p.print(" args(");
          p.printOperands(op.args);
          p.print(" : ");
          p.printTypes(op.args.map((a) => a.type));
          p.print(")");
        }
        if (op.outs.length > 0) {
          p.print(" -> (");
          p.printTypes(op.outs.map((r) => r.type));
          p.print(")");
        }
        p.print(" ");
        p.printRegion(op.warpRegion, { printEntryBlockArgs: true, printBlockTerminators: op.outs.length > 0 });
        p.printOptionalAttrDict(op.attributes, ["warp_size"]);
      },
      parse(p, state) {
        p.parsePunct("(");
        const lane = p.parseOperand();
        p.parsePunct(")");
        p.parsePunct("[");
        const warpSize = p.parseInteger();
        p.parsePunct("]");
        state.attributes.set("warp_size", IntegerAttr.get(i64, warpSize));
        state.operands.push(p.resolveOperand(lane, index));
        if (p.parseOptionalKeyword("args") !== undefined) {
          p.parsePunct("(");
          const at = p.pos();
          const args = p.parseOperandList("none");
          const types = p.parseColonTypeList();
          p.parsePunct(")");
          state.operands.push(...p.resolveOperands(args, types, at));
        }
        if (p.parseOptionalPunct("->")) state.resultTypes.push(...parseTypeListMaybeParens(p));
        const body = new Region();
        p.parseRegion(body);
        ensureYield(body, state.loc);
        state.regions.push(body);
        p.parseOptionalAttrDict(state.attributes);
      },
    },
    verify(op) {
      const d = verifyYieldTerminated(op, op.warpRegion);
      if (d !== undefined) return d;
      const block = op.warpRegion.entry as Block;
      if (op.args.length !== block.args.length) return opError(op, "expected same number op arguments and block arguments.");
      const yieldOp = block.last as Operation;
      if (yieldOp.numOperands !== op.outs.length) return opError(op, "expected same number of yield operands and return values.");
      const warpSize = Number(op.warp_size.value);
      for (const [i, arg] of block.args.entries()) {
        const e = verifyDistributedType(op, arg.type, (op.args[i] as Value).type, warpSize);
        if (e !== undefined) return e;
      }
      for (const [i, r] of op.outs.entries()) {
        const e = verifyDistributedType(op, yieldOp.getOperand(i).type, r.type, warpSize);
        if (e !== undefined) return e;
      }
      return undefined;
    },
  },
);
export type WarpExecuteOnLane0Op = InstanceType<typeof WarpExecuteOnLane0Op>;
