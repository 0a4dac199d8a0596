/**
 * Mutants of `npm run mutation` that are equivalent: they change nothing any program can observe, so no
 * property can kill them, and each entry says why (an unreachable branch, a condition redundant with an
 * earlier check, a bound that only moves where both sides agree...). A listed mutant is still run: when it
 * survives it is reported as `equivalent` and not counted in the score; when it is killed, it is reported as
 * killed and the entry is wrong (test/prop/mutation.test.ts checks that every entry names exactly one mutant
 * of its file, so an entry goes stale loudly when the code under it changes).
 *
 * An entry names its mutant by file, operator and a snippet of its source line (`code`, a substring), and
 * when those name several, by its replacement or `column` (0-based in the line) too.
 * Snippets avoid op class names where they can, so renames do not invalidate them.
 */
import type { Mutant } from "./mutation-operators.ts";

export interface EquivalentMutant {
  readonly file: string;
  readonly operator: string;
  /** The edit (optional: the operator and `code` often name the mutant alone). */
  readonly replacement?: string;
  /** A substring of the mutated line. */
  readonly code: string;
  /** The edit's column, when `code` alone names several mutants. */
  readonly column?: number;
  readonly reason: string;
}

export const equivalentMutants: readonly EquivalentMutant[] = [];

/** Whether `entry` names the mutant `m` of `file`. */
export function namesMutant(entry: EquivalentMutant, file: string, m: Mutant): boolean {
  return (
    entry.file === file &&
    entry.operator === m.operator &&
    (entry.replacement === undefined || entry.replacement === m.replacement) &&
    m.context.includes(entry.code) &&
    (entry.column === undefined || entry.column === m.column)
  );
}

/** Why the mutant is equivalent, or undefined when it is not listed. */
export function equivalenceOf(list: readonly EquivalentMutant[], file: string, m: Mutant): string | undefined {
  return list.find((e) => namesMutant(e, file, m))?.reason;
}
