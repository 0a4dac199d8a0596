/**
 * Declarative rewrite rules for algebra (tinygrad's UPat, MLIR's DRR), typed in TypeScript: a tree of op
 * patterns with named captures, and a function from the captures to the replacement value.
 *
 *   const x = p.value("x");
 *   export const arithIdentities = rules(
 *     rule(p.op(MulI, x, p.constInt(1n)), ({ x }) => x),          // muli(x, 1) -> x
 *     rule(p.op(SubI, x, x), ({ x }, b) => zeroLike(b, x)),         // subi(x, x) -> 0
 *   );
 *
 * A name captured twice must bind the same value. Ops with the Commutative trait are also matched with their two
 * operands swapped. The replacement function runs with a rewriter placed before the root op (and at its
 * location); it returns the value(s) replacing the root's results, or undefined to decline.
 */
import type { Attribute } from "../ir/attributes.ts";
import type { Operation } from "../ir/operation.ts";
import { Commutative } from "../ir/traits.ts";
import type { Value } from "../ir/value.ts";
import { constFloatValue, constIntValue, constantAttr } from "./match.ts";
import type { OpClassLike, Pattern, PatternRewriter } from "./pattern.ts";

type Captured = Value | Operation | Attribute | bigint | number;
type Bindings = Map<string, Captured>;

/** A value pattern whose captures have the type `C`. */
export interface Pat<C> {
  /** Phantom: the captures this pattern binds. */
  readonly _captures?: C;
  /** Tries to match `v`, adding to `b`; returns false (leaving `b` as it may be) on mismatch. */
  match(v: Value, b: Bindings): boolean;
  readonly describe: string;
}

/** An op pattern: can be a rule's root. */
export interface OpPat<C> extends Pat<C> {
  readonly rootName: string;
  matchOp(op: Operation, b: Bindings): boolean;
}

type CapturesOf<P> = P extends Pat<infer C> ? C : never;
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
type Merge<Ps extends readonly Pat<unknown>[]> = [Ps[number]] extends [never]
  ? {}
  : UnionToIntersection<CapturesOf<Ps[number]>> & {};

function bind(b: Bindings, name: string, v: Captured): boolean {
  const prior = b.get(name);
  if (prior !== undefined) return prior === v;
  b.set(name, v);
  return true;
}

/** Tries `f` on a copy of the bindings; commits only on success. */
function attempt(b: Bindings, f: (trial: Bindings) => boolean): boolean {
  const trial = new Map(b);
  if (!f(trial)) return false;
  for (const [k, v] of trial) b.set(k, v);
  return true;
}

export const p = {
  /** Any value, captured as `name`. */
  value<N extends string>(name: N): Pat<{ readonly [K in N]: Value }> {
    return { describe: `$${name}`, match: (v, b) => bind(b, name, v) };
  },
  /** Any value, not captured. */
  any(): Pat<{}> {
    return { describe: "_", match: () => true };
  },
  /** A value defined by an op of kind `def` whose operands match `operands` (in order, or swapped if commutative). */
  op<Ps extends readonly Pat<unknown>[]>(def: OpClassLike, ...operands: Ps): OpPat<Merge<Ps>> {
    const rootName = def.info?.name;
    if (rootName === undefined) throw new Error("p.op needs a registered op class");
    const matchOp = (op: Operation, b: Bindings): boolean => {
      if (op.name !== rootName || op.numOperands !== operands.length) return false;
      const tryOrder = (order: readonly number[]): boolean =>
        attempt(b, (t) => order.every((oi, pi) => (operands[pi] as Pat<unknown>).match(op.getOperand(oi), t)));
      if (tryOrder(operands.map((_, i) => i))) return true;
      return operands.length === 2 && op.hasTrait(Commutative) && tryOrder([1, 0]);
    };
    return {
      rootName,
      describe: `${rootName}(${operands.map((o) => o.describe).join(", ")})`,
      matchOp,
      match: (v, b) => {
        const def0 = v.definingOp;
        return def0 !== undefined && def0.numResults === 1 && matchOp(def0, b);
      },
    };
  },
  /** An integer (or splat integer) constant, equal to `value` when given. */
  constInt(value?: bigint): Pat<{}> {
    return { describe: `const(${value ?? "_"})`, match: (v) => {
      const c = constIntValue(v);
      return c !== undefined && (value === undefined || c === value);
    } };
  },
  /** An integer constant captured as a BigInt. */
  intConst<N extends string>(name: N): Pat<{ readonly [K in N]: bigint }> {
    return { describe: `const $${name}`, match: (v, b) => {
      const c = constIntValue(v);
      return c !== undefined && bind(b, name, c);
    } };
  },
  /** A float (or splat float) constant, equal to `value` when given (compared with Object.is: -0 != 0). */
  constFloat(value?: number): Pat<{}> {
    return { describe: `constf(${value ?? "_"})`, match: (v) => {
      const c = constFloatValue(v);
      return c !== undefined && (value === undefined || Object.is(c, value));
    } };
  },
  /** Any constant, its attribute captured as `name`. */
  constant<N extends string>(name: N): Pat<{ readonly [K in N]: Attribute }> {
    return { describe: `constant $${name}`, match: (v, b) => {
      const a = constantAttr(v);
      return a !== undefined && bind(b, name, a);
    } };
  },
  /** `inner`, also binding the matched value as `name`. */
  as<N extends string, C>(name: N, inner: Pat<C>): Pat<C & { readonly [K in N]: Value }> {
    return { describe: `${inner.describe} as $${name}`, match: (v, b) => attempt(b, (t) => inner.match(v, t) && bind(t, name, v)) };
  },
  /** `inner`, when `pred` also holds of the matched value. */
  where<C>(inner: Pat<C>, pred: (v: Value) => boolean, describe = "pred"): Pat<C> {
    return { describe: `${inner.describe} if ${describe}`, match: (v, b) => pred(v) && inner.match(v, b) };
  },
};

export type Replacement = Value | readonly Value[] | undefined;

/** One rule: when `pattern` matches a root op, `replace` computes what replaces it. */
export function rule<C>(
  pattern: OpPat<C>,
  replace: (captures: C, rw: PatternRewriter, root: Operation) => Replacement,
  opts: { readonly name?: string; readonly benefit?: number } = {},
): Pattern {
  const name = opts.name ?? `${pattern.describe}`;
  return {
    name,
    rootName: pattern.rootName,
    benefit: opts.benefit ?? 1,
    matchAndRewrite(op, rw) {
      const bindings: Bindings = new Map();
      if (!pattern.matchOp(op, bindings)) return rw.fail(`does not match ${pattern.describe}`);
      const captures = Object.fromEntries(bindings) as C;
      const saved = [rw.ip, rw.loc] as const;
      rw.setInsertionPointBefore(op);
      rw.loc = op.loc;
      let out: Replacement;
      try {
        out = replace(captures, rw, op);
      } finally {
        [rw.ip, rw.loc] = saved;
      }
      if (out === undefined) return rw.fail("the replacement declined");
      const values = Array.isArray(out) ? (out as readonly Value[]) : [out as Value];
      if (values.length !== op.numResults) throw new Error(`rule '${name}' returned ${values.length} values for ${op.numResults} results`);
      if (values.some((v, i) => v.type !== op.getResult(i).type)) {
        throw new Error(`rule '${name}' replaced a result with a value of another type`);
      }
      rw.replaceOp(op, values);
      return rw.done();
    },
  };
}

/** A table of rules, as a list of patterns. */
export function rules(...rs: readonly Pattern[]): Pattern[] {
  return [...rs];
}
