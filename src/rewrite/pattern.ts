/**
 * Typed rewrite patterns, as MLIR's OpRewritePattern: a name, the op kind it applies to (which narrows the
 * op's static type in `apply`), a benefit, and `apply(op, rw)` returning `rw.done()` or `rw.fail(reason)`.
 *
 *   /** addi(x, 0) -> x.   Before: %r = arith.addi %x, %c0 : i32   After: uses of %r use %x *\/
 *   export const addiZero = rewrite({
 *     name: "arith.addi-x-0", root: AddIOp,
 *     apply(op, rw) {
 *       if (constIntValue(op.rhs) !== 0n) return rw.fail("rhs is not constant 0");
 *       rw.replaceOp(op, [op.lhs]);
 *       return rw.done();
 *     },
 *   });
 *
 * Failure reasons are recorded for `--debug-rewrites`, never thrown.
 */
import type { OpClassLike } from "../ir/defining.ts";
import type { Operation } from "../ir/operation.ts";
import { Rewriter, type RewriteListener } from "./rewriter.ts";

export type MatchResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const success: MatchResult = Object.freeze({ ok: true });

/** The rewriter patterns get: a Rewriter that also records why a pattern did not apply. */
export class PatternRewriter extends Rewriter {
  /** The pattern being tried and its root (set by the driver). */
  current: { pattern: string; op: Operation } | undefined = undefined;

  constructor(listener?: RewriteListener) {
    super(listener);
  }
  /** The pattern applied: return this from `apply`. */
  done(): MatchResult {
    return success;
  }
  /** The pattern does not apply, and why: return this from `apply`. Nothing may have been changed before. */
  fail(reason: string): MatchResult {
    if (this.current !== undefined) this.listener?.notifyMatchFailure?.(this.current.pattern, this.current.op, reason);
    return { ok: false, reason };
  }
}

/**
 * The IR a pattern (or a folder) rewrites, as MLIR text with holes for types (`$T`), constants (`?c : $T`)
 * and choices (`?{eq|ne}`), its free operands declared as `^bb0(%x: $T):`. Property tests grow random
 * programs around examples (rewrites/testing/examples.ts documents the syntax) so that the pattern fires.
 * A plain string declares no type choices: `$F...` holes are float types, other holes integer types.
 */
export type RewriteExample =
  | string
  | {
      readonly ir: string;
      /** Type-hole choices, by hole name (`{ T: ["i8", "i32"] }`). */
      readonly types?: Readonly<Record<string, readonly string[]>>;
      /** Top-level ops the example refers to (a callee), with the same holes; added to the program's module. */
      readonly defs?: string;
    };

export interface Pattern {
  readonly name: string;
  /** Examples of the IR it rewrites, for property tests (see RewriteExample). */
  readonly examples?: readonly RewriteExample[];
  /** The op name this pattern's root must have; undefined for patterns that look at any op. */
  readonly rootName: string | undefined;
  /** Higher is tried first. */
  readonly benefit: number;
  /** Applies to `op` (whose name is `rootName` if set) through `rw`, or says why not. */
  matchAndRewrite(op: Operation, rw: PatternRewriter): MatchResult;
}

/** A typed pattern rooted on one op kind: `op` in `apply` has that kind's accessors. */
export function rewrite<C extends OpClassLike>(spec: {
  readonly name: string;
  readonly root: C;
  readonly benefit?: number;
  readonly examples?: readonly RewriteExample[];
  readonly apply: (op: C["prototype"], rw: PatternRewriter) => MatchResult;
}): Pattern {
  const rootName = spec.root.info?.name;
  if (rootName === undefined) throw new Error(`pattern '${spec.name}': its root must be a registered op class`);
  return {
    name: spec.name,
    rootName,
    benefit: spec.benefit ?? 1,
    ...(spec.examples === undefined ? {} : { examples: spec.examples }),
    matchAndRewrite: (op, rw) => spec.apply(op as C["prototype"], rw),
  };
}

/** A pattern that looks at every op (MLIR's MatchAnyOpTypeTag): filter inside `apply`. */
export function rewriteAny(spec: {
  readonly name: string;
  readonly benefit?: number;
  readonly examples?: readonly RewriteExample[];
  readonly apply: (op: Operation, rw: PatternRewriter) => MatchResult;
}): Pattern {
  const examples = spec.examples === undefined ? {} : { examples: spec.examples };
  return { name: spec.name, rootName: undefined, benefit: spec.benefit ?? 1, ...examples, matchAndRewrite: spec.apply };
}

/** Patterns indexed by root name, each list sorted by benefit (highest first), for the drivers. */
export class PatternSet {
  readonly #byRoot = new Map<string, Pattern[]>();
  readonly #any: Pattern[] = [];
  readonly all: readonly Pattern[];

  constructor(patterns: readonly Pattern[]) {
    this.all = [...patterns];
    for (const p of patterns) {
      if (p.rootName === undefined) this.#any.push(p);
      else {
        const list = this.#byRoot.get(p.rootName) ?? [];
        list.push(p);
        this.#byRoot.set(p.rootName, list);
      }
    }
    const byBenefit = (a: Pattern, b: Pattern): number => b.benefit - a.benefit;
    for (const list of this.#byRoot.values()) list.sort(byBenefit);
    this.#any.sort(byBenefit);
  }

  /** The patterns that may apply to an op named `name`, highest benefit first. */
  for(name: string): readonly Pattern[] {
    const rooted = this.#byRoot.get(name) ?? [];
    if (this.#any.length === 0) return rooted;
    return [...rooted, ...this.#any].sort((a, b) => b.benefit - a.benefit);
  }
}
