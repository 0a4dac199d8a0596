/**
 * `#index<cmp_predicate slt>`: the predicate of `index.cmp` (MLIR 16's IndexEnums.td). In the op's custom form
 * only the keyword is written, right before the operands: `index.cmp slt(%a, %b)`. The cases' values are
 * LLVM's ICmpPredicate's, so the lowering to `llvm.icmp` maps them one to one.
 */
import { defineEnumAttr, type EnumAttr } from "../../src/irdl/enums.ts";

export const IndexCmpPredicateAttr = defineEnumAttr({
  dialect: "index",
  name: "IndexCmpPredicate",
  mnemonic: "cmp_predicate",
  description: "index comparison predicate kind",
  cases: { eq: 0, ne: 1, slt: 2, sle: 3, sgt: 4, sge: 5, ult: 6, ule: 7, ugt: 8, uge: 9 },
});
export type IndexCmpPredicate = (typeof IndexCmpPredicateAttr.cases)[number];
export type IndexCmpPredicateAttr = EnumAttr<IndexCmpPredicate>;
