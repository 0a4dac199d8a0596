/**
 * linalg.generic and the structured ops with short forms (MLIR 16's LinalgStructuredOps.td), each with
 * MLIR 16's hand-written syntax:
 *
 *   %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
 *          ins(%a : tensor<8xf32>) outs(%c : tensor<8xf32>) attrs = {foo} {
 *   ^bb0(%in: f32, %out: f32):
 *     linalg.yield %in : f32
 *   } -> tensor<8xf32>
 *   %mapped = linalg.map { arith.addf } ins(%a, %b : tensor<8xf32>, tensor<8xf32>) outs(%c : tensor<8xf32>)
 *   %reduced = linalg.reduce { arith.addf } ins(%a : tensor<4x8xf32>) outs(%c : tensor<4xf32>) dimensions = [1]
 *   %transposed = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%t : tensor<8x4xf32>) permutation = [1, 0]
 *   %broadcasted = linalg.broadcast ins(%a : tensor<8xf32>) outs(%b : tensor<4x8xf32>) dimensions = [0]
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { ArrayAttr, type Attribute, DenseArrayAttr, DictionaryAttr, StringAttr } from "../../src/ir/attributes.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { Builder } from "../../src/ir/builder.ts";
import { Block, type Operation, Region } from "../../src/ir/operation.ts";
import { SingleBlock } from "../../src/ir/traits.ts";
import { isShaped, MemRefType, RankedTensorType, type ShapedType, type Type, UnrankedMemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyRankedTensor, AnyShaped, AnyTensor, AnyType, DenseI64ArrayAttr, StrAttr, typeConstraint } from "../../src/irdl/constraints.ts";
import { defineOp, populateDefaultAttrs } from "../../src/irdl/define-op.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { optionalAttr, region, variadic } from "../../src/irdl/spec.ts";
import { FastMathAttr } from "../arith/attrs.ts";
import type { OpAsmHooks, OpAsmParser, OpAsmPrinter, OperationState } from "../../src/text/asm-interfaces.ts";
import { IteratorTypeArrayAttr, IteratorTypeAttr, type IteratorType, iteratorTypesOf } from "./attrs.ts";
import { YieldOp } from "./ops-core.ts";
import { affineMapsOf, AffineMapArrayAttr, foldStructuredMemRefCast, structuredInterfaces } from "./structured-common.ts";
import { OPERAND_SEGMENT_SIZES, parseDenseI64List, parseInsOuts, printDenseI64List, printInsOuts, tensorResultTypes } from "./structured-asm.ts";

/** ODS's TensorOrMemref: `AnyTypeOf<[AnyMemRef, AnyRankedTensor]>`. */
const TensorOrMemref = typeConstraint(
  "memref of any type values or ranked tensor of any type values",
  (t) => t instanceof MemRefType || t instanceof UnrankedMemRefType || t instanceof RankedTensorType,
);

const shapeOf = (v: Value | undefined): readonly number[] => (v !== undefined && isShaped(v.type) && "shape" in v.type ? (v.type as ShapedType & { shape: readonly number[] }).shape : []);
const rankOf = (v: Value | undefined): number => shapeOf(v).length;
const elementOf = (v: Value): Type => (isShaped(v.type) ? (v.type as ShapedType).elementType : v.type);
const shapeText = (shape: readonly number[]): string => shape.map((d) => (d < 0 ? "-9223372036854775808" : String(d))).join(", ");

// ---- linalg.generic ----------------------------------------------------------------------------------------

/** The attributes linalg.generic's leading dictionary holds (MLIR's linalgTraitAttrNames). */
const TRAIT_ATTRS = ["doc", "indexing_maps", "iterator_types", "library_call"];

const genericAsm: OpAsmHooks = {
  print(op, p) {
    p.print(" ");
    const traits = TRAIT_ATTRS.flatMap((name) => {
      const value = op.attr(name);
      if (value === undefined) return [];
      // The custom form spells iterator types as strings, as MLIR 16 still does.
      const types = name === "iterator_types" ? iteratorTypesOf(value) : undefined;
      return [{ name, value: types === undefined ? value : ArrayAttr.get(types.map((t) => StringAttr.get(t))) }];
    });
    if (traits.length > 0) p.printAttribute(DictionaryAttr.get(traits));
    const numInits = (op.attr(OPERAND_SEGMENT_SIZES) as DenseArrayAttr | undefined)?.numbers[1] ?? 0;
    printInsOuts(p, op.operands.slice(0, op.numOperands - numInits), op.operands.slice(op.numOperands - numInits));
    const elided = [...TRAIT_ATTRS, OPERAND_SEGMENT_SIZES];
    if ([...op.attributes.keys()].some((k) => !elided.includes(k))) {
      p.print(" attrs = ");
      p.printOptionalAttrDict(op.attributes, elided);
    }
    if (!(op.regions[0]?.isEmpty ?? true)) {
      p.print(" ");
      p.printRegion(op.regions[0] as Region);
    }
    if (op.numResults > 0) p.printOptionalArrowTypeList(op.results.map((r) => r.type));
  },
  parse(p, state) {
    const dictAt = p.pos();
    const parsed = p.parseAttribute();
    if (!(parsed instanceof DictionaryAttr)) return p.error("expected attribute dictionary", dictAt);
    const dict: DictionaryAttr = parsed;
    for (const e of dict.entries) if (e.name !== "iterator_types") state.attributes.set(e.name, e.value);
    const iterators = dict.get("iterator_types");
    if (iterators instanceof ArrayAttr) {
      const converted = iterators.elements.map((e) => {
        const name = e instanceof StringAttr ? e.value : undefined;
        if (name !== "parallel" && name !== "reduction") return p.error(`unexpected iterator_type (${name ?? ""})`);
        return IteratorTypeAttr.get(name);
      });
      state.attributes.set("iterator_types", ArrayAttr.get(converted));
    } else if (iterators !== undefined) state.attributes.set("iterator_types", iterators);
    parseInsOuts(p, state, true);
    if (p.parseOptionalKeyword("attrs") !== undefined) {
      p.parsePunct("=");
      p.parseOptionalAttrDict(state.attributes);
    }
    const body = new Region();
    p.parseRegion(body);
    state.regions.push(body);
    state.resultTypes.push(...p.parseArrowTypeList(true));
  },
};

export const GenericOp = defineOp(
  {
    name: "linalg.generic",
    summary: "a perfect loop nest of a scalar payload over operands indexed by affine maps",
    operands: { inputs: variadic(AnyType), outputs: variadic(AnyShaped) },
    results: { result_tensors: variadic(AnyRankedTensor) },
    attributes: {
      indexing_maps: AffineMapArrayAttr,
      iterator_types: IteratorTypeArrayAttr,
      doc: optionalAttr(StrAttr),
      library_call: optionalAttr(StrAttr),
    },
    regions: { region: region() },
    traits: [SingleBlock],
    blockArgNames: (op) => op.operands.map((_, i) => (i < op.numOperands - numInitsOfGeneric(op) ? "in" : "out")),
  },
  {
    asm: genericAsm,
    fold: foldStructuredMemRefCast,
    interfaces: structuredInterfaces({
      numInits: (op: Operation) => numInitsOfGeneric(op),
      indexingMaps: (op) => affineMapsOf(op.attr("indexing_maps")),
      iteratorTypes: (op) => iteratorTypesOf(op.attr("iterator_types")) ?? [],
    }),
  },
);
export type GenericOp = InstanceType<typeof GenericOp>;

function numInitsOfGeneric(op: Operation): number {
  const sizes = op.attr(OPERAND_SEGMENT_SIZES);
  return sizes instanceof DenseArrayAttr ? (sizes.numbers[1] ?? 0) : 0;
}

// ---- the short forms: linalg.map and linalg.reduce -----------------------------------------------------------

/**
 * The payload op of a short form (MLIR's findPayloadOp): the block's only op before the yield, taking exactly
 * the block's arguments in order (for reduce, the init first and then the inputs).
 */
function shortFormPayload(block: Block | undefined, initFirst: boolean): Operation | undefined {
  if (block === undefined || block.numOps !== 2) return undefined;
  const payload = block.first as Operation;
  if (payload.numOperands === 0 || payload.numOperands !== block.args.length) return undefined;
  const args = initFirst ? [block.args[block.args.length - 1], ...block.args.slice(0, -1)] : block.args;
  return payload.operands.every((v, i) => v === args[i]) ? payload : undefined;
}

/** ` { arith.addf }`: the payload op's name and attributes, a `none` fast-math flag left out. */
function printShortForm(p: OpAsmPrinter, payload: Operation): void {
  p.print(` { ${payload.name}`);
  const noneFlag = [...payload.attributes].find(([, v]) => v === FastMathAttr.get(["none"]))?.[0];
  p.printOptionalAttrDict(payload.attributes, noneFlag === undefined ? [] : [noneFlag]);
  p.print(" }");
}

/** `{ name {attrs}? }`: the payload op of a short form, if there is one. */
function parseShortForm(p: OpAsmParser): { name: string; attrs: Map<string, Attribute>; at: number } | undefined {
  if (!p.parseOptionalPunct("{")) return undefined;
  const at = p.pos();
  const name = p.parseKeyword();
  const attrs = new Map<string, Attribute>();
  p.parseOptionalAttrDict(attrs);
  p.parsePunct("}");
  return { name, attrs, at };
}

/**
 * MLIR's addBodyWithPayloadOp: a block with one argument per operand's element type, the payload op on them
 * (with the init's argument first for reduce) giving the init's element type, and a yield of its result.
 */
function buildShortFormBody(
  p: OpAsmParser,
  state: OperationState,
  short: { name: string; attrs: Map<string, Attribute>; at: number },
  blockOperands: readonly Value[],
  initFirst: boolean,
): void {
  const cls = p.ctx.lookupOp(short.name);
  if (cls === undefined) p.error(`unregistered operation '${short.name}'`, short.at);
  const body = new Region();
  const block = new Block(blockOperands.map(elementOf));
  body.push(block);
  const args = initFirst ? [block.args[block.args.length - 1], ...block.args.slice(0, -1)] : [...block.args];
  const attributes = new Map(short.attrs);
  populateDefaultAttrs(cls.info, attributes);
  const init = state.operands[state.operands.length - 1] as Value;
  const payload = new cls({ name: short.name, operands: args as Value[], resultTypes: [elementOf(init)], attributes, regions: [], successors: [] });
  block.append(payload);
  Builder.atEnd(block).create(YieldOp, { values: payload.results });
  state.regions.push(body);
}

/** The explicit body of a long form: `(%a: f32, %b: f32) { ... }`. */
function parseLongFormBody(p: OpAsmParser, state: OperationState): void {
  const args = p.parseArgumentList("()", { allowType: true, allowAttrs: true });
  const body = new Region();
  p.parseRegion(body, args);
  state.regions.push(body);
}

/** The long form's body after the operands, on its own indented line (MLIR's MapOp/ReduceOp::print). */
function printLongFormBody(p: OpAsmPrinter, body: Region): void {
  p.increaseIndent();
  p.printNewline();
  p.print("(");
  (body.blocks[0]?.args ?? []).forEach((arg, i) => {
    if (i > 0) p.print(", ");
    p.printRegionArgument(arg);
  });
  p.print(") ");
  p.printRegion(body, { printEntryBlockArgs: false });
  p.decreaseIndent();
}

/** MLIR's parseDstStyleOp: ins/outs (no segment sizes), the tensor results, `extra` attributes, an attr-dict. */
function parseDstStyle(p: OpAsmParser, state: OperationState, extra?: () => void): void {
  const { outputTypes } = parseInsOuts(p, state, false);
  state.resultTypes.push(...tensorResultTypes(outputTypes));
  extra?.();
  p.parseOptionalAttrDict(state.attributes);
}

const identityMaps = (count: number, rank: number): AffineMap[] => new Array<AffineMap>(count).fill(AffineMap.multiDimIdentity(rank));
const allParallel = (rank: number): IteratorType[] => new Array<IteratorType>(rank).fill("parallel");

export const MapOp = defineOp(
  {
    name: "linalg.map",
    summary: "elementwise operations: the mapper applied to the inputs' elements",
    operands: { inputs: variadic(TensorOrMemref), init: TensorOrMemref },
    results: { result: variadic(AnyTensor) },
    regions: { mapper: region({ maxBlocks: 1 }) },
    traits: [SingleBlock],
    resultNames: (op) => (op.numResults > 0 ? ["mapped"] : []),
    blockArgNames: (op) => op.operands.slice(0, -1).map(() => "in"),
  },
  {
    asm: {
      print(op, p) {
        const body = op.regions[0] as Region;
        const payload = shortFormPayload(body.blocks[0], false);
        if (payload !== undefined) printShortForm(p, payload);
        printInsOuts(p, op.operands.slice(0, -1), op.operands.slice(-1));
        p.printOptionalAttrDict(op.attributes);
        if (payload === undefined) printLongFormBody(p, body);
      },
      parse(p, state) {
        const short = parseShortForm(p);
        parseDstStyle(p, state);
        if (short !== undefined) buildShortFormBody(p, state, short, state.operands.slice(0, -1), false);
        else parseLongFormBody(p, state);
      },
    },
    verify(op): Diagnostic | undefined {
      const block = op.regions[0]?.blocks[0];
      const args = block?.args ?? [];
      if (op.inputs.length !== args.length) {
        return opError(op, `expects number of operands to match the arity of mapper, but got: ${op.inputs.length} and ${args.length}`);
      }
      for (const [i, input] of op.inputs.entries()) {
        const argType = (args[i] as Value).type;
        if (argType !== elementOf(input)) return opError(op, `expected element type of input ${quotedType(elementOf(input))} to match bbArg type ${quotedType(argType)}`);
      }
      const outShape = shapeOf(op.init);
      for (const input of op.inputs) {
        const shape = shapeOf(input);
        if (shape.length !== outShape.length || shape.some((d, i) => d !== outShape[i])) {
          return opError(op, `expected shape of input (${shapeText(shape)}) to match shape of output (${shapeText(outShape)})`);
        }
      }
      return undefined;
    },
    interfaces: structuredInterfaces({
      numInits: () => 1,
      indexingMaps: (op: Operation) => identityMaps(op.numOperands, rankOf(op.operands[op.numOperands - 1])),
      iteratorTypes: (op: Operation) => allParallel(rankOf(op.operands[op.numOperands - 1])),
      operandsMatchingBlockArgs: (op: Operation) => op.opOperands.slice(0, -1),
    }),
  },
);
export type MapOp = InstanceType<typeof MapOp>;

/** The reduced dimensions of a linalg.reduce (or a broadcast's added ones). */
const dimensionsOf = (op: Operation): number[] => {
  const a = op.attr("dimensions");
  return a instanceof DenseArrayAttr ? a.numbers : [];
};

export const ReduceOp = defineOp(
  {
    name: "linalg.reduce",
    summary: "reduces the inputs along the given dimensions with the combiner",
    // MLIR's `inputs` and `inits` of the same size (SameVariadicOperandSize): one group here, split in halves.
    operands: { inputsAndInits: variadic(TensorOrMemref) },
    results: { result: variadic(AnyTensor) },
    attributes: { dimensions: DenseI64ArrayAttr },
    regions: { combiner: region({ maxBlocks: 1 }) },
    traits: [SingleBlock],
    resultNames: (op) => (op.numResults > 0 ? ["reduced"] : []),
    blockArgNames: (op) => op.operands.map((_, i) => (i < op.numOperands / 2 ? "in" : "init")),
  },
  {
    asm: {
      print(op, p) {
        const body = op.regions[0] as Region;
        const payload = shortFormPayload(body.blocks[0], true);
        if (payload !== undefined) printShortForm(p, payload);
        const half = op.numOperands / 2;
        printInsOuts(p, op.operands.slice(0, half), op.operands.slice(half));
        printDenseI64List(p, "dimensions", op.attr("dimensions"));
        p.printOptionalAttrDict(op.attributes, ["dimensions"]);
        if (payload === undefined) printLongFormBody(p, body);
      },
      parse(p, state) {
        const short = parseShortForm(p);
        parseDstStyle(p, state, () => parseDenseI64List(p, state, "dimensions"));
        if (short !== undefined) buildShortFormBody(p, state, short, state.operands, true);
        else parseLongFormBody(p, state);
      },
    },
    verify: (op): Diagnostic | undefined => verifyReduce(op, reduceInputs(op), reduceInits(op)),
    interfaces: structuredInterfaces({
      numInits: (op: Operation) => op.numOperands / 2,
      indexingMaps: (op: Operation) => {
        const half = op.numOperands / 2;
        const rank = rankOf(op.operands[0]);
        const reduced = new Set(dimensionsOf(op));
        const initMap = AffineMap.get(rank, 0, AffineMap.multiDimIdentity(rank).results.filter((_, i) => !reduced.has(i)));
        return [...identityMaps(half, rank), ...new Array<AffineMap>(half).fill(initMap)];
      },
      iteratorTypes: (op: Operation) => {
        const reduced = new Set(dimensionsOf(op));
        return allParallel(rankOf(op.operands[0])).map((t, i) => (reduced.has(i) ? "reduction" : t));
      },
    }),
  },
);
export type ReduceOp = InstanceType<typeof ReduceOp>;

/** MLIR's ReduceOp::verify, with its messages. */
/** A linalg.reduce's inputs: the first half of its operands. */
export const reduceInputs = (op: Operation): readonly Value[] => op.operands.slice(0, op.numOperands / 2);
/** A linalg.reduce's inits: the second half of its operands. */
export const reduceInits = (op: Operation): readonly Value[] => op.operands.slice(op.numOperands / 2);

function verifyReduce(op: Operation, inputs: readonly Value[], inits: readonly Value[]): Diagnostic | undefined {
  const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);
  for (let i = 1; i < inputs.length; i++) {
    if (!same(shapeOf(inputs[i]), shapeOf(inputs[0]))) {
      return opError(op, `expects all inputs to have the same shapes. Shape at input-index ${i} is not equal to the shape at input-index 0.`);
    }
  }
  for (let i = 1; i < inits.length; i++) {
    if (!same(shapeOf(inits[i]), shapeOf(inits[0]))) {
      return opError(op, `expects all outputs to have the same shapes. Shape at output-index ${i} is not equal to the shape at output-index 0.`);
    }
  }
  const inputShape = shapeOf(inputs[0]);
  const initShape = shapeOf(inits[0]);
  const dims = dimensionsOf(op);
  for (const d of dims) {
    if (d < 0 || d >= inputShape.length) return opError(op, `dimensions for reduction should be in the range [0, ${inputShape.length - 1}].`);
  }
  const kept = inputShape.filter((_, i) => !dims.includes(i));
  if (kept.length !== initShape.length) {
    return opError(op, `number of dimensions after reduction ${kept.length} doesn't match the init rank ${initShape.length}`);
  }
  if (!same(kept, initShape)) {
    return opError(op, `init dimensions [${shapeText(initShape)}] doesn't match input dimensions after reduction [${shapeText(kept)}]`);
  }
  const block = op.regions[0]?.blocks[0];
  const args = block?.args ?? [];
  if (args.length !== op.numOperands) return opError(op, "mismatching number of operands and block arguments");
  for (const [i, input] of inputs.entries()) {
    const argType = (args[i] as Value).type;
    if (elementOf(input) !== argType) {
      return opError(op, `input element type ${quotedType(elementOf(input))} does not match corresponding block argument type ${quotedType(argType)}`);
    }
  }
  for (const [i, init] of inits.entries()) {
    const argType = (args[inputs.length + i] as Value).type;
    if (elementOf(init) !== argType) {
      return opError(op, `output element type ${quotedType(elementOf(init))} does not match corresponding block argument type ${quotedType(argType)}`);
    }
  }
  return undefined;
}

// ---- linalg.transpose and linalg.broadcast -----------------------------------------------------------------

/**
 * The implicit region of transpose and broadcast (MLIR's buildIdentityRegion as their parsers call it): one
 * argument per operand's element type, yielding the input's.
 */
export function identityRegion(operands: readonly Value[]): Region {
  const body = new Region();
  const block = new Block(operands.map(elementOf));
  body.push(block);
  Builder.atEnd(block).create(YieldOp, { values: [block.args[0] as Value] });
  return body;
}

function permutationAsm(attrName: "permutation" | "dimensions"): OpAsmHooks {
  return {
    print(op, p) {
      printInsOuts(p, op.operands.slice(0, 1), op.operands.slice(1));
      printDenseI64List(p, attrName, op.attr(attrName));
      p.printOptionalAttrDict(op.attributes, [attrName]);
    },
    parse(p, state) {
      parseDstStyle(p, state, () => parseDenseI64List(p, state, attrName));
      state.regions.push(identityRegion(state.operands));
    },
  };
}

export const TransposeOp = defineOp(
  {
    name: "linalg.transpose",
    summary: "permutes the dimensions of the input: dim(result, i) = dim(input, permutation[i])",
    operands: { input: TensorOrMemref, init: TensorOrMemref },
    results: { result: variadic(AnyTensor) },
    attributes: { permutation: DenseI64ArrayAttr },
    regions: { region: region({ maxBlocks: 1 }) },
    traits: [SingleBlock],
    resultNames: (op) => (op.numResults > 0 ? ["transposed"] : []),
  },
  {
    asm: permutationAsm("permutation"),
    verify(op): Diagnostic | undefined {
      const perm = op.permutation.numbers;
      const isPermutation = perm.every((d) => d >= 0 && d < perm.length) && new Set(perm).size === perm.length;
      if (!isPermutation) return opError(op, "permutation is not valid");
      const inputShape = shapeOf(op.input);
      const initShape = shapeOf(op.init);
      const rank = inputShape.length;
      if (rank !== initShape.length) return opError(op, `input rank ${rank} does not match init rank ${initShape.length}`);
      if (rank !== perm.length) return opError(op, `size of permutation ${perm.length} does not match the argument rank ${rank}`);
      for (let i = 0; i < rank; i++) {
        const inputDim = inputShape[perm[i] as number] as number;
        const initDim = initShape[i] as number;
        if (inputDim !== initDim) return opError(op, `dim(result, ${i}) = ${initDim} doesn't match dim(input, permutation[${i}]) = ${inputDim}`);
      }
      return undefined;
    },
    interfaces: structuredInterfaces({
      numInits: () => 1,
      indexingMaps: (op: Operation) => {
        const rank = rankOf(op.operands[1]);
        const perm = dimensionsOrPermutation(op, "permutation");
        const valid = perm.length === rank && perm.every((d) => d >= 0 && d < rank) && new Set(perm).size === rank;
        return [AffineMap.multiDimIdentity(rank), valid ? AffineMap.permutation(perm) : AffineMap.multiDimIdentity(rank)];
      },
      iteratorTypes: (op: Operation) => allParallel(rankOf(op.operands[1])),
    }),
  },
);
export type TransposeOp = InstanceType<typeof TransposeOp>;

function dimensionsOrPermutation(op: Operation, name: string): number[] {
  const a = op.attr(name);
  return a instanceof DenseArrayAttr ? a.numbers : [];
}

export const BroadcastOp = defineOp(
  {
    name: "linalg.broadcast",
    summary: "broadcasts the input into the init's shape by adding the given dimensions",
    operands: { input: TensorOrMemref, init: TensorOrMemref },
    results: { result: variadic(AnyTensor) },
    attributes: { dimensions: DenseI64ArrayAttr },
    regions: { region: region({ maxBlocks: 1 }) },
    traits: [SingleBlock],
    resultNames: (op) => (op.numResults > 0 ? ["broadcasted"] : []),
  },
  {
    asm: permutationAsm("dimensions"),
    verify(op): Diagnostic | undefined {
      const dims = op.dimensions.numbers;
      const inputShape = shapeOf(op.input);
      const initShape = shapeOf(op.init);
      if (inputShape.length + dims.length !== initShape.length) {
        return opError(
          op,
          `input rank plus added dimensions does not match init rank. input rank: ${inputShape.length}, dimensions size: ${dims.length}, init rank: ${initShape.length}`,
        );
      }
      for (const [i, d] of dims.entries()) {
        if (d < 0 || d >= initShape.length) return opError(op, `dimension ${i} is out of range. expected range: [0, ${initShape.length - 1}], got: ${d}`);
      }
      const kept = initShape.map((_, i) => i).filter((i) => !dims.includes(i));
      for (const [inputDim, initDim] of kept.entries()) {
        if (inputShape[inputDim] !== initShape[initDim]) {
          return opError(op, `input dim ${inputDim} should match init dim ${initDim}. input: ${inputShape[inputDim]}, init: ${initShape[initDim]}`);
        }
      }
      return undefined;
    },
    interfaces: structuredInterfaces({
      numInits: () => 1,
      indexingMaps: (op: Operation) => {
        const rank = rankOf(op.operands[1]);
        const added = new Set(dimensionsOrPermutation(op, "dimensions"));
        return [AffineMap.get(rank, 0, AffineMap.multiDimIdentity(rank).results.filter((_, i) => !added.has(i))), AffineMap.multiDimIdentity(rank)];
      },
      iteratorTypes: (op: Operation) => allParallel(rankOf(op.operands[1])),
    }),
  },
);
export type BroadcastOp = InstanceType<typeof BroadcastOp>;
