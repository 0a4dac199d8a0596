/**
 * Random index programs, for property tests of the index dialect's folders: the generic programs of
 * programs.ts drawn from the index ops (and arith's index_cast and cmpi, so index values meet integers), grown
 * around the folder examples of dialects/index/fold-examples.ts, with index ops among the focus steps so that
 * most of their operands are constants.
 *
 * And what canonicalization must leave behind (`indexLeftAlone`, for canonicalizeChecked): MLIR 16 folds an
 * index op on constants exactly when a 32-bit index would give the same answer. The oracle here is not the
 * folder's own arithmetic (dialects/index/fold.ts) but the interpreter's kernels run at 32 bits on the
 * truncated operands: an op may be left alone when that run is undefined behaviour (a divisor whose low half
 * is zero, a shift by 32 or more) or gives other low bits than the 64-bit result; otherwise it must fold. (Where
 * a signed division overflows at 32 bits, undefined behaviour to the interpreter, MLIR folds by its wrapping
 * calculation: there the oracle defers to fold.ts, which the goldens check against mlir-opt-16.)
 */
import { CmpIOp, IndexCastOp, IndexCastUIOp } from "../../dialects/arith/index.ts";
import { indexFoldExamples } from "../../dialects/index/fold-examples.ts";
import { compareIndices, foldIndexBinary } from "../../dialects/index/fold.ts";
import { binaryMnemonic, indexKernels } from "../../dialects/index/interp.ts";
import { CmpOp, indexOps } from "../../dialects/index/ops.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { i1, i32, i64, index } from "../../src/ir/types.ts";
import { unlessUndefined } from "../../src/interp/int-semantics.ts";
import type { RuntimeValue } from "../../src/interp/values.ts";
import type { RewriteExample } from "../../src/rewrite/pattern.ts";
import type { LeftAlone } from "./canonical-form.ts";
import { hasFolder } from "./coverage.ts";
import type { ProgramOptions } from "./programs.ts";

/** The ops index programs are drawn from. */
export const indexProgramOps: readonly (typeof Operation)[] = [...indexOps, IndexCastOp, IndexCastUIOp, CmpIOp];

/** Every folder example of the index ops. */
export const indexExamples: readonly RewriteExample[] = indexOps.flatMap((o) => indexFoldExamples[o.info?.name ?? ""] ?? []);

/** Program options for the index folders' property test. */
export const indexPrograms: ProgramOptions = {
  ops: indexProgramOps,
  types: [index, index, index, i1, i32, i64],
  examples: indexExamples,
  focus: indexOps.filter(hasFolder),
  examplesPerProgram: { min: 4, max: 10 },
  focusPerProgram: { min: 2, max: 6 },
  maxSteps: 3,
};

const intOf = (v: RuntimeValue | undefined): bigint | undefined => (v?.kind === "int" ? v.value : undefined);
const low32 = (v: bigint): bigint => BigInt.asIntN(32, v);

/** Why MLIR 16 may leave an index op with constant operands alone (undefined: it must fold). */
export const indexLeftAlone: LeftAlone = (op, operands, results) => {
  if (!op.name.startsWith("index.")) return hasFolder(op.constructor as typeof Operation) ? undefined : "no folder";
  const [a, b] = [intOf(operands[0]), intOf(operands[1])];
  const r64 = intOf(results[0]);
  if (a === undefined || b === undefined || r64 === undefined) return hasFolder(op.constructor as typeof Operation) ? undefined : "no folder";
  if (op instanceof CmpOp) {
    return compareIndices(op.pred.value, 32, a, b) === (r64 !== 0n) ? undefined : "the comparison differs at 32 bits";
  }
  const mnemonic = binaryMnemonic(op.name);
  if (mnemonic === undefined) return "no folder";
  if ((mnemonic === "shl" || mnemonic === "shrs" || mnemonic === "shru") && BigInt.asUintN(64, b) >= 32n) return "a shift by 32 or more";
  const r32 = unlessUndefined(() => indexKernels[mnemonic](32, a, b));
  if (r32 === undefined && low32(b) === 0n) return "division by zero at 32 bits";
  // A signed division overflowing at 32 bits is undefined behaviour to the interpreter, but MLIR's folder
  // computes it with wrapping APInt arithmetic and folds when the wrapped result agrees: only its own
  // calculation can say (the goldens check it against mlir-opt-16 on such operands).
  if (r32 === undefined) return foldIndexBinary(mnemonic, IntegerAttr.get(index, a), IntegerAttr.get(index, b)) === undefined ? "a 32-bit overflow MLIR does not fold" : undefined;
  return r32 === low32(r64) ? undefined : "the result differs at 32 bits";
};
