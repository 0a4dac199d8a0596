/**
 * The shape of one entry of the named-op table (named-ops-table.ts), and what is computed from an entry: its
 * indexing maps (which may depend on the op's `strides` and `dilations`) and iterator types.
 *
 * An entry names its loops in MLIR's order (`loops: "n oh ow f kh kw c"`, the reductions listed apart) and
 * writes each operand's indexing as expressions of those names, with `$s<i>` / `$d<i>` standing for the
 * op's i-th stride and dilation:
 *
 *   I: "n, oh * $s0 + kh * $d0, ow * $s1 + kw * $d1, c"     ->  (d0, d1 * 2 + d4, d2 * 2 + d5, d6) for strides [2, 2]
 *
 * Entries without `loops` are rank-polymorphic (copy, elemwise_*, fill): one parallel loop per dimension of the
 * output, every shaped operand indexed by the identity, scalars by nothing.
 */
import { type AffineExpr, affineAdd, affineConstant, affineDim, affineMul } from "../../src/ir/affine-expr.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import type { IteratorType, UnaryFn, BinaryFn } from "./attrs.ts";
import type { ScalarExpr } from "./payload.ts";

export interface NamedOperand {
  /** The name the payload refers to it by (`A`, `I`, `AZp`). */
  readonly name: string;
  /** `input` and `output` are shaped; a `scalar` is an input that is one element. */
  readonly kind: "input" | "output" | "scalar";
  /** The element type it binds (`T1`, `U`), or a fixed one (`I32`, `F64`). */
  readonly typeVar: string;
  /** Its indexing, one expression per dimension (omitted by rank-polymorphic ops and scalars). */
  readonly map?: string;
}

export interface NamedOpDef {
  /** The mnemonic: `matmul` for `linalg.matmul`. */
  readonly name: string;
  readonly summary: string;
  /** The loops, space-separated, in MLIR's order; omitted for rank-polymorphic ops. */
  readonly loops?: string;
  /** Which of the loops are reductions (the others are parallel). */
  readonly reductions?: string;
  /** Inputs (shaped and scalar) first, then the one output. */
  readonly operands: readonly NamedOperand[];
  /** The rank of the `strides` and `dilations` attributes (convolutions and poolings). */
  readonly window?: number;
  /** The `fun` attribute (elemwise_unary/binary): which enum and its default. */
  readonly fun?: { readonly kind: "unary"; readonly default: UnaryFn } | { readonly kind: "binary"; readonly default: BinaryFn };
  /** Whether the op has the `cast` attribute (`#linalg.type_fn<...>`, default cast_signed). */
  readonly cast?: boolean;
  /** What the output's element becomes at each point. */
  readonly payload: ScalarExpr;
  /** MLIR's interface tags: `contraction` (LinalgContractionOpInterface), `convolution`, `fill`. */
  readonly tag?: "contraction" | "convolution" | "fill";
}

/** The op's window attributes, as numbers (defaults: all ones). */
export interface WindowAttrs {
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
}

export const loopNames = (def: NamedOpDef): string[] => (def.loops ?? "").split(/\s+/).filter((s) => s !== "");

/** The iterator types of an op of this kind; `outputRank` for rank-polymorphic ones. */
export function namedIteratorTypes(def: NamedOpDef, outputRank: number): IteratorType[] {
  if (def.loops === undefined) return new Array<IteratorType>(outputRank).fill("parallel");
  const reductions = new Set((def.reductions ?? "").split(/\s+/));
  return loopNames(def).map((l) => (reductions.has(l) ? "reduction" : "parallel"));
}

// ---- the indexing expressions --------------------------------------------------------------------------------

/** Parses `a * $s0 + b * 2 + c` (sums of products of loop names, `$s<i>`/`$d<i>` and integers). */
function parseIndexExpr(text: string, loops: readonly string[], window: WindowAttrs, where: string): AffineExpr {
  let sum: AffineExpr | undefined;
  for (const term of text.split("+")) {
    let product: AffineExpr | undefined;
    for (const factorText of term.split("*")) {
      const f = factorText.trim();
      let factor: AffineExpr;
      const attr = /^\$([sd])(\d+)$/.exec(f);
      if (attr !== null) {
        const values = attr[1] === "s" ? window.strides : window.dilations;
        const v = values[Number(attr[2])];
        if (v === undefined) throw new Error(`${where}: '${f}' is out of the window's range`);
        factor = affineConstant(v);
      } else if (/^\d+$/.test(f)) factor = affineConstant(Number(f));
      else {
        const pos = loops.indexOf(f);
        if (pos < 0) throw new Error(`${where}: '${f}' is not a loop`);
        factor = affineDim(pos);
      }
      product = product === undefined ? factor : affineMul(product, factor);
    }
    if (product === undefined) throw new Error(`${where}: empty term in '${text}'`);
    sum = sum === undefined ? product : affineAdd(sum, product);
  }
  if (sum === undefined) throw new Error(`${where}: empty expression`);
  return sum;
}

/** The indexing map of one operand of a fixed-rank op. */
function operandMap(def: NamedOpDef, operand: NamedOperand, window: WindowAttrs): AffineMap {
  const loops = loopNames(def);
  const text = (operand.map ?? "").trim();
  const results = text === "" ? [] : text.split(",").map((e) => parseIndexExpr(e, loops, window, `linalg.${def.name} operand ${operand.name}`));
  return AffineMap.get(loops.length, 0, results);
}

/**
 * The indexing maps of an op of this kind: from the table for fixed-rank ops (with the window attributes
 * substituted), identities of `outputRank` dims for rank-polymorphic ones.
 */
export function namedIndexingMaps(def: NamedOpDef, window: WindowAttrs, outputRank: number): AffineMap[] {
  if (def.loops === undefined) {
    return def.operands.map((o) => (o.kind === "scalar" ? AffineMap.get(outputRank, 0, []) : AffineMap.multiDimIdentity(outputRank)));
  }
  return def.operands.map((o) => operandMap(def, o, window));
}

/** Checks an entry once, at definition: every map parses, names loops, and the payload's arguments exist. */
export function checkNamedOpDef(def: NamedOpDef): void {
  const ones = new Array<number>(def.window ?? 0).fill(1);
  if (def.loops !== undefined) namedIndexingMaps(def, { strides: ones, dilations: ones }, 0);
  const outputs = def.operands.filter((o) => o.kind === "output");
  if (outputs.length !== 1) throw new Error(`linalg.${def.name}: a named op has one output`);
  if (def.operands.indexOf(outputs[0] as NamedOperand) !== def.operands.length - 1) throw new Error(`linalg.${def.name}: the output comes last`);
}
