/**
 * `defining(value, Op)`: the op that defines a value, typed as its kind, when it is of that kind (MLIR's
 * `value.getDefiningOp<OpTy>()`). It is the one way patterns, folders and passes look through a value to the op
 * behind it:
 *
 *   const inner = defining(op.lhs, AddIOp);   // AddIOp | undefined, with .lhs / .rhs / .result
 *
 * Matching a constant's *value* is a separate concept (src/rewrite/match.ts: `constantAttr`, MLIR's
 * `matchPattern(v, m_Constant())`), since it goes by the ConstantLike trait, not by one op kind.
 */
import type { Operation } from "./operation.ts";
import type { Value } from "./value.ts";

/** An op class made by defineOp: its kind's name (undefined for Operation itself) and its instance type. */
export interface OpClassLike {
  readonly info: { readonly name: string } | undefined;
  readonly prototype: Operation;
}

/**
 * The op defining `value` when it is of kind `kind` (compared by op name, so it holds for ops of any Context),
 * typed as that kind; undefined for a block argument or an op of another kind.
 */
export function defining<C extends OpClassLike>(value: Value, kind: C): C["prototype"] | undefined {
  const op = value.definingOp;
  const name = kind.info?.name;
  return op !== undefined && name !== undefined && op.name === name ? (op as C["prototype"]) : undefined;
}
