/**
 * The sparse_tensor dialect, by name only: Tensile defines none of its ops yet, but its types and attributes
 * (above all the tensor encodings, `tensor<?x?xf64, #sparse_tensor.encoding<{ dimLevelType = [ "dense",
 * "compressed" ] }>>`) parse and print back unchanged, kept as text, without `--allow-unregistered-dialect`,
 * as mlir-opt-16 reads them. Only text already in MLIR's printed form prints as mlir-opt-16 prints it: the
 * body is not re-spelled (mlir-opt-16 re-prints `dimOrdering = affine_map<(i, j) -> (j, i)>` with `d0, d1`).
 */
import { defineDialect } from "../../src/irdl/dialect.ts";
import { opaqueSymbolHooks } from "../../src/text/parse-dialect-symbols.ts";

export const sparseTensor = defineDialect({ name: "sparse_tensor", ops: [], ...opaqueSymbolHooks("sparse_tensor") });
