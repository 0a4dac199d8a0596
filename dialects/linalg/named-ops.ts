/**
 * The named structured ops, one op kind per entry of the table (named-ops-table.ts), with MLIR 16's syntax:
 *
 *   %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x2xf32>) outs(%c : tensor<4x2xf32>) -> tensor<4x2xf32>
 *   linalg.conv_2d_nhwc_hwcf {strides = dense<2> : tensor<2xi64>} ins(%i, %k : memref<...>, memref<...>) outs(%o : memref<...>)
 *
 * The region is implicit: the parser (and `buildNamedOp`) builds it from the table's payload for the operands'
 * element types, as MLIR's region builders do, and the custom form does not print it. Ops whose indexing maps
 * have a fixed rank carry them in `linalg.memoized_indexing_maps`, as MLIR 16 memoizes them on first use (so
 * the generic form agrees with mlir-opt-16's).
 */
import { type Attribute, DenseArrayAttr, DenseElementsAttr } from "../../src/ir/attributes.ts";
import type { Location } from "../../src/ir/location.ts";
import { type Operation, Region } from "../../src/ir/operation.ts";
import { SingleBlock } from "../../src/ir/traits.ts";
import { elementTypeOrSelf, i32, IntegerType, MemRefType, RankedTensorType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyRankedTensor, AnyShaped, AnyType, type AttrConstraint, attrConstraint } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { optionalAttr, region, variadic } from "../../src/irdl/spec.ts";
import type { OpAsmHooks } from "../../src/text/asm-interfaces.ts";
import { BinaryFnAttr, TypeFnAttr, UnaryFnAttr } from "./attrs.ts";
import { checkNamedOpDef, type NamedOpDef, namedIndexingMaps, namedIteratorTypes, type WindowAttrs } from "./named-op-def.ts";
import { NAMED_OPS } from "./named-ops-table.ts";
import { type AttrReader, buildPayload, FIXED_TYPE_VARS, PayloadError } from "./payload.ts";
import { affineMapArrayAttr, blockForElementsOf, foldStructuredMemRefCast, structuredInterfaces } from "./structured-common.ts";
import { OPERAND_SEGMENT_SIZES, parseInsOuts, printInsOuts } from "./structured-asm.ts";

/** Where MLIR 16 memoizes the indexing maps of named ops with fixed-rank maps. */
export const MEMOIZED_INDEXING_MAPS = "linalg.memoized_indexing_maps";

/** ODS's `RankedI64ElementsAttr<[rank]>`: dense i64 elements of shape [rank]. */
function rankedI64Elements(rank: number): AttrConstraint<DenseElementsAttr> {
  return attrConstraint(
    `64-bit signless int elements attribute of shape [${rank}]`,
    (a: Attribute): a is DenseElementsAttr => {
      if (!(a instanceof DenseElementsAttr)) return false;
      const t = a.type;
      const element = t.elementType;
      return element instanceof IntegerType && element.width === 64 && element.isSignless && t.shape.length === 1 && t.shape[0] === rank;
    },
  );
}

/** The op's strides and dilations (all ones when absent or malformed: the verifier reports the latter). */
export const windowOf = (op: Operation, def: NamedOpDef): WindowAttrs => windowFrom((name) => op.attr(name), def);

function windowFrom(attr: (name: string) => Attribute | undefined, def: NamedOpDef): WindowAttrs {
  const rank = def.window ?? 0;
  const read = (name: string): number[] => {
    const a = attr(name);
    const valid = a instanceof DenseElementsAttr && a.numElements === rank && a.type.shape.length === 1;
    return Array.from({ length: rank }, (_, i) => (valid ? Number(a.at(i)) : 1));
  };
  return { strides: read("strides"), dilations: read("dilations") };
}

/** How many operands are inits (the second operand segment). */
export function numInitsOf(op: Operation): number {
  const sizes = op.attr(OPERAND_SEGMENT_SIZES);
  return sizes instanceof DenseArrayAttr ? (sizes.numbers[1] ?? 0) : 0;
}

const rankOfType = (t: Type | undefined): number =>
  t instanceof RankedTensorType || t instanceof MemRefType || t instanceof VectorType ? t.shape.length : 0;

/** The rank of the op's first init (which sizes the loops of rank-polymorphic ops). */
const outputRank = (op: Operation): number => rankOfType(op.operands[op.numOperands - numInitsOf(op)]?.type);

/** Reads a case attribute (`fun`, `cast`) of an op's attributes as its keyword. */
const attrReader =
  (attrs: ReadonlyMap<string, Attribute>): AttrReader =>
  (name) => {
    const a = attrs.get(name);
    return a instanceof UnaryFnAttr || a instanceof BinaryFnAttr || a instanceof TypeFnAttr ? (a as { value: string }).value : undefined;
  };

/**
 * The implicit region of a named op for operands of these types (MLIR's fillStructuredOpRegion with the op's
 * region builder): one argument per operand's element type, the payload, the yield.
 */
export function namedOpRegion(def: NamedOpDef, operandTypes: readonly Type[], attrs: ReadonlyMap<string, Attribute>): Region {
  const body = new Region();
  const block = blockForElementsOf(operandTypes, body);
  const args = new Map<string, Value>();
  const typeVars = new Map<string, Type>();
  def.operands.forEach((o, i) => {
    const arg = block.args[i];
    if (arg === undefined) return;
    args.set(o.name, arg);
    if (!(o.typeVar in FIXED_TYPE_VARS) && !typeVars.has(o.typeVar)) typeVars.set(o.typeVar, elementTypeOrSelf(arg.type));
  });
  buildPayload(block, def.payload, { args, typeVars, attrs: attrReader(attrs) });
  return body;
}

/** The indexing maps of a named op (the window attributes substituted). */
export const namedOpIndexingMaps = (op: Operation, def: NamedOpDef) => namedIndexingMaps(def, windowOf(op, def), outputRank(op));

function namedAsm(def: NamedOpDef): OpAsmHooks {
  return {
    print(op, p) {
      p.printOptionalAttrDict(op.attributes, [OPERAND_SEGMENT_SIZES, MEMOIZED_INDEXING_MAPS]);
      const inits = numInitsOf(op);
      printInsOuts(p, op.operands.slice(0, op.numOperands - inits), op.operands.slice(op.numOperands - inits));
      if (op.numResults > 0) p.printOptionalArrowTypeList(op.results.map((r) => r.type));
    },
    parse(p, state) {
      const { inputTypes, outputTypes } = parseInsOuts(p, state, true);
      state.resultTypes.push(...p.parseArrowTypeList(true));
      const given = inputTypes.length + outputTypes.length;
      if (given !== def.operands.length) p.error(`[parseNamedStructuredOpRegion] ods-gen generated region expects ${def.operands.length} args, got ${given}`);
      try {
        state.regions.push(namedOpRegion(def, [...inputTypes, ...outputTypes], state.attributes));
      } catch (e) {
        if (e instanceof PayloadError) p.error(`cannot build the payload of 'linalg.${def.name}': ${e.message}`);
        throw e;
      }
      memoizeIndexingMaps(def, state.attributes, [...inputTypes, ...outputTypes]);
    },
  };
}

/** Records the indexing maps of a fixed-rank named op in its attributes, as MLIR 16 does on first use. */
function memoizeIndexingMaps(def: NamedOpDef, attributes: Map<string, Attribute>, operandTypes: readonly Type[]): void {
  if (def.loops === undefined || attributes.has(MEMOIZED_INDEXING_MAPS)) return;
  const maps = namedIndexingMaps(def, windowFrom((name) => attributes.get(name), def), rankOfType(operandTypes[operandTypes.length - 1]));
  attributes.set(MEMOIZED_INDEXING_MAPS, affineMapArrayAttr(maps));
}

function defineNamedOp(def: NamedOpDef) {
  checkNamedOpDef(def);
  const attributes: Record<string, ReturnType<typeof optionalAttr>> = {};
  if (def.window !== undefined) {
    attributes.strides = optionalAttr(rankedI64Elements(def.window));
    attributes.dilations = optionalAttr(rankedI64Elements(def.window));
  }
  if (def.fun !== undefined) attributes.fun = optionalAttr(def.fun.kind === "unary" ? UnaryFnAttr.constraint : BinaryFnAttr.constraint);
  if (def.cast === true) attributes.cast = optionalAttr(TypeFnAttr.constraint);
  return defineOp(
    {
      name: `linalg.${def.name}`,
      summary: def.summary,
      operands: { inputs: variadic(AnyType), outputs: variadic(AnyShaped) },
      results: { result_tensors: variadic(AnyRankedTensor) },
      attributes,
      regions: { region: region() },
      traits: [SingleBlock],
    },
    {
      asm: namedAsm(def),
      fold: foldStructuredMemRefCast,
      interfaces: structuredInterfaces({
        numInits: numInitsOf,
        indexingMaps: (op) => namedOpIndexingMaps(op, def),
        iteratorTypes: (op) => namedIteratorTypes(def, outputRank(op)),
      }),
    },
  );
}

export type NamedOpClass = ReturnType<typeof defineNamedOp>;

/** Every named op kind, in the table's order. */
export const namedOpClasses: readonly NamedOpClass[] = NAMED_OPS.map(defineNamedOp);

/** The table entry of a named op kind, by full op name (`linalg.matmul`). */
export const NAMED_OP_DEFS: ReadonlyMap<string, NamedOpDef> = new Map(NAMED_OPS.map((d) => [`linalg.${d.name}`, d]));

/** The table entry of an op, when it is a named op. */
export const namedOpDefOf = (op: Operation): NamedOpDef | undefined => NAMED_OP_DEFS.get(op.name);

export interface BuildNamedOpArgs {
  readonly inputs: readonly Value[];
  readonly outputs: readonly Value[];
  /** `strides`, `dilations`, `fun`, `cast`, and any discardable attributes. */
  readonly attributes?: Readonly<Record<string, Attribute>>;
}

/** Builds a named op (by name, `linalg.matmul`) with its implicit region; result types are its tensor inits'. */
export function buildNamedOp(name: string, args: BuildNamedOpArgs, loc?: Location): Operation {
  const def = NAMED_OP_DEFS.get(name);
  const cls = namedOpClasses.find((c) => c.info?.name === name);
  if (def === undefined || cls === undefined) throw new Error(`'${name}' is not a named linalg op`);
  const attributes = new Map<string, Attribute>(Object.entries(args.attributes ?? {}));
  attributes.set(OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(i32, [args.inputs.length, args.outputs.length]));
  const types = [...args.inputs, ...args.outputs].map((v) => v.type);
  const regionBody = namedOpRegion(def, types, attributes);
  memoizeIndexingMaps(def, attributes, types);
  const op = new cls({
    operands: [...args.inputs, ...args.outputs],
    resultTypes: args.outputs.map((v) => v.type).filter((t) => t instanceof RankedTensorType),
    attributes,
    regions: [regionBody],
    successors: [],
    ...(loc === undefined ? {} : { loc }),
  });
  return op;
}

