/**
 * Every dialect Tensile defines. A context with all of them and their extensions (canonicalization patterns,
 * defined in rewrites/) is `newContext()` in rewrites/index.ts.
 */
import type { DialectInfo } from "../src/ir/context.ts";
import { affine } from "./affine/index.ts";
import { arith } from "./arith/index.ts";
import { bufferization } from "./bufferization/index.ts";
import { builtin } from "./builtin/index.ts";
import { cf } from "./cf/index.ts";
import { func } from "./func/index.ts";
import { indexDialect } from "./index/index.ts";
import { linalg } from "./linalg/index.ts";
import { llvm } from "./llvm/index.ts";
import { math } from "./math/index.ts";
import { memref } from "./memref/index.ts";
import { omp } from "./omp/index.ts";
import { scf } from "./scf/index.ts";
import { sparseTensor } from "./sparse_tensor/index.ts";
import { tensor } from "./tensor/index.ts";
import { tosa } from "./tosa/index.ts";
import { vector } from "./vector/index.ts";

export { affine, arith, bufferization, builtin, cf, func, indexDialect, linalg, llvm, math, memref, omp, scf, sparseTensor, tensor, tosa, vector };

/** Every dialect, in load order. */
export const allDialects: readonly DialectInfo[] = [builtin, func, arith, cf, math, sparseTensor, linalg, memref, omp, tosa, scf, affine, vector, tensor, bufferization, llvm, indexDialect];
