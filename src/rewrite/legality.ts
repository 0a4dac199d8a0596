/**
 * The conversion target (MLIR's ConversionTarget): which ops may remain after a dialect conversion.
 *
 *   const target = legality()
 *     .legalDialect("llvm")
 *     .illegalDialect("arith")
 *     .legalOp(ModuleOp)
 *     .dynamicallyLegalOp(FuncOp, (op) => types.isSignatureLegal(functionType(op)))
 *     .markUnknownOpDynamicallyLegal(() => true);
 *
 * An op is legal, illegal, or of unknown legality. The rule for its op name wins over the rule for its dialect,
 * which wins over the rule for unknown ops. A dynamic rule returns true (legal), false (illegal) or undefined (no
 * opinion: the next, more general rule decides). Ops marked recursively legal are legal together with everything
 * nested in them: the conversion does not look inside.
 */
import type { Operation } from "../ir/operation.ts";

export type Legality = "legal" | "illegal" | "unknown";

/** A dynamic legality rule: true legal, false illegal, undefined "ask the more general rule". */
export type LegalityCallback<O extends Operation = Operation> = (op: O) => boolean | undefined;

/** An op kind: the class `defineOp` made, or an op name (for unregistered ops). */
export type OpKind = { readonly info: { readonly name: string } | undefined; readonly prototype: Operation } | string;

type Rule = { readonly action: "legal" | "illegal" } | { readonly action: "dynamic"; readonly fn: LegalityCallback };

function opName(kind: OpKind): string {
  if (typeof kind === "string") return kind;
  const name = kind.info?.name;
  if (name === undefined) throw new Error("a legality rule needs a registered op class or an op name");
  return name;
}

export class ConversionTarget {
  readonly #ops = new Map<string, Rule>();
  readonly #dialects = new Map<string, Rule>();
  #unknown: LegalityCallback | undefined = undefined;
  readonly #recursive = new Map<string, LegalityCallback | undefined>();

  legalOp(...ops: readonly OpKind[]): this {
    for (const op of ops) this.#ops.set(opName(op), { action: "legal" });
    return this;
  }
  illegalOp(...ops: readonly OpKind[]): this {
    for (const op of ops) this.#ops.set(opName(op), { action: "illegal" });
    return this;
  }
  /** `op` is legal when `fn` says true, illegal when false; undefined defers to the dialect's rule. */
  dynamicallyLegalOp<C extends OpKind>(op: C, fn: LegalityCallback<C extends string ? Operation : Exclude<C, string>["prototype"]>): this {
    this.#ops.set(opName(op), { action: "dynamic", fn: fn as LegalityCallback });
    return this;
  }
  legalDialect(...names: readonly string[]): this {
    for (const n of names) this.#dialects.set(n, { action: "legal" });
    return this;
  }
  illegalDialect(...names: readonly string[]): this {
    for (const n of names) this.#dialects.set(n, { action: "illegal" });
    return this;
  }
  dynamicallyLegalDialect(name: string, fn: LegalityCallback): this {
    this.#dialects.set(name, { action: "dynamic", fn });
    return this;
  }
  /** Decides the ops no op or dialect rule covers (or whose rules had no opinion). */
  markUnknownOpDynamicallyLegal(fn: LegalityCallback): this {
    this.#unknown = fn;
    return this;
  }
  /**
   * When an op of this kind is legal (and `fn`, if given, holds for it), the ops nested in it are legal too and
   * are not visited.
   */
  markOpRecursivelyLegal<C extends OpKind>(op: C, fn?: (op: C extends string ? Operation : Exclude<C, string>["prototype"]) => boolean): this {
    this.#recursive.set(opName(op), fn as LegalityCallback | undefined);
    return this;
  }

  /** The legality of `op` under these rules. */
  legalityOf(op: Operation): Legality {
    const byOp = decide(this.#ops.get(op.name), op);
    if (byOp !== undefined) return byOp;
    const byDialect = decide(this.#dialects.get(op.dialect), op);
    if (byDialect !== undefined) return byDialect;
    const byUnknown = this.#unknown?.(op);
    if (byUnknown !== undefined) return byUnknown ? "legal" : "illegal";
    return "unknown";
  }
  isLegal(op: Operation): boolean {
    return this.legalityOf(op) === "legal";
  }
  /** Explicitly illegal, or dynamically illegal: a partial conversion must convert it. */
  isIllegal(op: Operation): boolean {
    return this.legalityOf(op) === "illegal";
  }
  /** Legal, and its nested ops are to be left alone. */
  isRecursivelyLegal(op: Operation): boolean {
    if (!this.#recursive.has(op.name) || !this.isLegal(op)) return false;
    const fn = this.#recursive.get(op.name);
    return fn === undefined || fn(op) === true;
  }
}

function decide(rule: Rule | undefined, op: Operation): Legality | undefined {
  if (rule === undefined) return undefined;
  if (rule.action !== "dynamic") return rule.action;
  const r = rule.fn(op);
  return r === undefined ? undefined : r ? "legal" : "illegal";
}

/** A new, empty conversion target, to configure with its builder methods. */
export function legality(): ConversionTarget {
  return new ConversionTarget();
}
