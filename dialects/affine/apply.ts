/**
 * Affine index arithmetic (MLIR 16's AffineOps.td):
 *
 *   %r = affine.apply affine_map<(d0)[s0] -> (d0 * 4 + s0)>(%i)[%n]
 *   %m = affine.min affine_map<(d0)[s0] -> (s0, d0 + 8)>(%i)[%n]
 *   %M = affine.max affine_map<(d0) -> (0, d0 - 2)>(%i)
 *   %q:3 = affine.delinearize_index %x into (%c4, %c5, %c6) : index, index, index
 *
 * affine.apply's map has one result; min and max take the smallest / largest result of theirs.
 */
import { AffineMapAttr } from "../../src/ir/attributes.ts";
import { Pure } from "../../src/ir/traits.ts";
import { IndexType } from "../../src/ir/types.ts";
import { AffineMapAttrC, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import type { OpBehaviour } from "../../src/irdl/spec.ts";
import { variadic } from "../../src/irdl/spec.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { OpAsmHooks } from "../../src/text/asm-interfaces.ts";
import { parseDimAndSymbolList, printDimAndSymbolList } from "./asm.ts";
import { foldApply, foldMinMax } from "./fold.ts";

type MapOp = Operation & { readonly map: AffineMapAttr };

/** `<map>(dims)[symbols] attr-dict`: the syntax affine.apply (`checkCounts`), min and max share. */
function mapOpAsm(checkCounts: boolean): OpAsmHooks<MapOp> {
  return {
    print(op, p) {
      p.print(" ");
      p.printAttribute(op.map);
      printDimAndSymbolList(p, op.operands, op.map.map.numDims);
      p.printOptionalAttrDict(op.attributes, ["map"]);
    },
    parse(p, state) {
      const at = p.pos();
      const parsed = p.parseAttribute();
      const attr = parsed instanceof AffineMapAttr ? parsed : p.error("invalid kind of attribute specified", at);
      state.attributes.set("map", attr);
      const { operands, numDims } = parseDimAndSymbolList(p);
      p.parseOptionalAttrDict(state.attributes);
      const map = attr.map;
      // affine.apply checks the counts while parsing; min and max leave it to the verifier.
      if (checkCounts && (map.numDims !== numDims || numDims + map.numSymbols !== operands.length)) {
        p.error("dimension or symbol index mismatch", p.nameLoc);
      }
      const index = IndexType.get();
      state.operands.push(...p.resolveOperands(operands, operands.map(() => index)));
      // affine.apply has one result per map result (the verifier wants one), min and max one.
      state.resultTypes.push(...(checkCounts ? map.results.map(() => index) : [index]));
    },
  };
}

const countsMatch = (op: MapOp): boolean => op.numOperands === op.map.map.numDims + op.map.map.numSymbols;
const COUNT_MESSAGE = "operand count and affine map dimension and symbol count must match";

export const AffineApplyOp = defineOp(
  {
    name: "affine.apply",
    summary: "affine apply operation",
    operands: { mapOperands: variadic(Index) },
    attributes: { map: AffineMapAttrC },
    results: { result: Index },
    traits: [Pure],
  },
  {
    verify: (op) => {
      if (!countsMatch(op)) return opError(op, COUNT_MESSAGE);
      if (op.map.map.results.length !== 1) return opError(op, "mapping must produce one value");
      return undefined;
    },
    fold: foldApply,
    asm: mapOpAsm(true),
  },
);
export type AffineApplyOp = InstanceType<typeof AffineApplyOp>;

const minMaxBehaviour = (pick: (xs: number[]) => number): OpBehaviour<MapOp> => ({
  verify: (op) => (countsMatch(op) ? undefined : opError(op, COUNT_MESSAGE)),
  fold: (op, operands) => foldMinMax(op, operands, pick),
  asm: mapOpAsm(false),
});

export const AffineMinOp = defineOp(
  {
    name: "affine.min",
    summary: "min operation",
    operands: { mapOperands: variadic(Index) },
    attributes: { map: AffineMapAttrC },
    results: { result: Index },
    traits: [Pure],
  },
  minMaxBehaviour((xs) => Math.min(...xs)),
);
export type AffineMinOp = InstanceType<typeof AffineMinOp>;

export const AffineMaxOp = defineOp(
  {
    name: "affine.max",
    summary: "max operation",
    operands: { mapOperands: variadic(Index) },
    attributes: { map: AffineMapAttrC },
    results: { result: Index },
    traits: [Pure],
  },
  minMaxBehaviour((xs) => Math.max(...xs)),
);
export type AffineMaxOp = InstanceType<typeof AffineMaxOp>;

export const AffineDelinearizeIndexOp = defineOp(
  {
    name: "affine.delinearize_index",
    summary: "delinearize an index",
    operands: { linear_index: Index, basis: variadic(Index) },
    results: { multi_index: variadic(Index) },
    traits: [Pure],
    format: "$linear_index `into` ` ` `(` $basis `)` attr-dict `:` type($multi_index)",
  },
  {
    verify: (op) => {
      if (op.basis.length === 0) return opError(op, "basis should not be empty");
      if (op.numResults !== op.basis.length) return opError(op, "should return an index for each basis element");
      return undefined;
    },
  },
);
export type AffineDelinearizeIndexOp = InstanceType<typeof AffineDelinearizeIndexOp>;
