/**
 * Which op kinds implement InferTypeOpInterface, and how, decided once when `defineOp` defines them:
 *
 * - an op whose behaviour gives `inferResultTypes` implements it with that function;
 * - otherwise an op whose every result is a single value whose type its spec ties to a single operand
 *   (SameOperandsAndResultType, an allTypesMatch group) implements it by copying that operand's type, as ODS
 *   adds the interface to ops whose result types it can compute (MLIR's Operator::populateTypeInferenceInfo);
 * - otherwise it does not (its result types must be given to `build`, and spelled by its format).
 *
 * `inferResultTypes(def, ...)` is then the one question build and the format parser ask.
 */
import type { Attribute } from "../ir/attributes.ts";
import { implement, type InterfaceImpl } from "../ir/interfaces.ts";
import type { Region } from "../ir/operation.ts";
import { SameOperandsAndResultType } from "../ir/traits.ts";
import type { Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { InferTypeOpInterface, inferReturnTypes } from "../interfaces/infer-type.ts";
import type { OpDefinition } from "./define-op.ts";

/** What the derivation needs of an op definition (define-op.ts builds the interface before the definition). */
type DefinitionParts = Pick<OpDefinition, "spec" | "operands" | "results" | "traits" | "behaviour">;

/**
 * For each result, where among the operands the one operand whose type it takes sits: `fixed` operands before
 * it, plus what a variadic or optional group before it holds (`afterFlexible`: the operands the single groups
 * leave); undefined when some result's type is not tied to a single operand by the spec.
 */
interface Source {
  readonly fixed: number;
  readonly afterFlexible: boolean;
}

function resultSources(d: DefinitionParts): Source[] | undefined {
  if (d.results.length === 0 || d.results.some((g) => g.kind !== "single")) return undefined;
  // With SameOperandsAndResultType every result takes the first operand's type (whatever its group).
  if (d.traits.has(SameOperandsAndResultType)) return d.operands.length === 0 ? undefined : d.results.map(() => ({ fixed: 0, afterFlexible: false }));
  // Otherwise through an allTypesMatch group holding a single operand (without segment sizes, whose operand
  // groups cannot be told apart before the op exists).
  if (d.operands.filter((g) => g.kind !== "single").length > 1) return undefined;
  const sources: Source[] = [];
  for (const r of d.results) {
    const group = d.spec.allTypesMatch?.find((g) => g.includes(r.name));
    const index = group?.map((n) => d.operands.findIndex((o) => o.name === n && o.kind === "single")).find((i) => i >= 0);
    if (index === undefined) return undefined;
    const before = d.operands.slice(0, index);
    sources.push({ fixed: before.filter((g) => g.kind === "single").length, afterFlexible: before.some((g) => g.kind !== "single") });
  }
  return sources;
}

/** The InferTypeOpInterface implementation the op kind gets from its definition, if any. */
export function inferTypeImplementation(d: DefinitionParts): InterfaceImpl | undefined {
  const own = d.behaviour.inferResultTypes;
  if (own !== undefined) return implement(InferTypeOpInterface, { inferReturnTypes: own });
  const sources = resultSources(d);
  if (sources === undefined) return undefined;
  const singles = d.operands.filter((g) => g.kind === "single").length;
  return implement(InferTypeOpInterface, {
    inferReturnTypes: (operands) => {
      const out: Type[] = [];
      for (const s of sources) {
        const t = operands[s.fixed + (s.afterFlexible ? Math.max(0, operands.length - singles) : 0)]?.type;
        if (t === undefined) return undefined;
        out.push(t);
      }
      return out;
    },
  });
}

/** The result types of an op of kind `def` with these operands, attributes and regions, when it infers them. */
export function inferResultTypes(
  def: OpDefinition,
  operands: readonly Value[],
  attributes: ReadonlyMap<string, Attribute>,
  regions: readonly Region[] = [],
): Type[] | undefined {
  const types = inferReturnTypes(def, operands, attributes, regions);
  return types === undefined ? undefined : [...types];
}
