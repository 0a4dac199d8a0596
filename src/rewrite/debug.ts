/**
 * The listener behind `--debug-rewrites`: one line for every pattern that applied and every pattern that
 * declined (with its reason), naming the op and where it is.
 *
 *   [canonicalize] arith.addi-x-0 applied to 'arith.addi' at model.mlir:4:10
 *   [mul-to-shift] mul-pow2-to-shift failed on 'arith.muli' at model.mlir:7:8: rhs is not a constant power of two
 */
import { fileLineCol } from "../ir/location.ts";
import type { Operation } from "../ir/operation.ts";
import type { RewriteListener } from "./rewriter.ts";

function where(op: Operation): string {
  const pos = fileLineCol(op.loc);
  return pos === undefined ? `'${op.name}'` : `'${op.name}' at ${pos.file}:${pos.line}:${pos.col}`;
}

export function debugRewritesListener(prefix: string, debug: (line: string) => void): RewriteListener {
  return {
    notifyPatternApplied: (pattern, op) => debug(`[${prefix}] ${pattern} applied to ${where(op)}`),
    notifyMatchFailure: (pattern, op, reason) => debug(`[${prefix}] ${pattern} failed on ${where(op)}: ${reason}`),
  };
}
