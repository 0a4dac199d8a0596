/**
 * `scf.if` and `scf.index_switch`: run one of several single-block regions, whose `scf.yield` gives the results
 * (MLIR 16's IfOp, hand-written syntax, and IndexSwitchOp, declarative):
 *
 *   scf.if %c {
 *     ...
 *   }
 *   %r = scf.if %c -> (i32) {
 *     scf.yield %a : i32
 *   } else {
 *     scf.yield %b : i32
 *   }
 *   %s = scf.index_switch %i -> i32
 *   case 2 {
 *     scf.yield %a : i32
 *   }
 *   default {
 *     scf.yield %b : i32
 *   }
 */
import { type Attribute, DenseArrayAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { note } from "../../src/diag/diagnostic.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { Region } from "../../src/ir/operation.ts";
import { RecursiveMemoryEffects, SingleBlock } from "../../src/ir/traits.ts";
import { i1, i64 } from "../../src/ir/types.ts";
import { AnyType, Bool, DenseI64ArrayAttr, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { customDirective } from "../../src/irdl/format-directives.ts";
import { ensureTerminator } from "../../src/irdl/implicit-terminator.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { region, variadic, variadicRegion } from "../../src/irdl/spec.ts";
import { parentSuccessor, RegionBranchOpInterface, regionSuccessor, type RegionSuccessor } from "../../src/interfaces/control-flow.ts";
import { ImplicitYield } from "./for.ts";
import { YieldOp } from "./terminators.ts";

const constantBool = (a: Attribute | undefined): boolean | undefined => (a instanceof IntegerAttr ? a.value !== 0n : undefined);

export const IfOp = defineOp(
  {
    name: "scf.if",
    summary: "if-then-else operation",
    operands: { condition: Bool },
    results: { values: variadic(AnyType) },
    regions: { thenRegion: region({ maxBlocks: 1 }), elseRegion: region() },
    traits: [SingleBlock, ImplicitYield, RecursiveMemoryEffects],
  },
  {
    verify: (op) => {
      if (op.numResults !== 0 && op.elseRegion.isEmpty) return opError(op, "must have an else block if defining values");
      // NoRegionArguments
      for (const [i, r] of op.regions.entries()) if (r.entry !== undefined && r.entry.args.length > 0) return opError(op, `region #${i} should have no arguments`);
      return undefined;
    },
    interfaces: [
      implement(RegionBranchOpInterface, {
        getSuccessorRegions: (op, from, operands): RegionSuccessor[] => {
          if (from !== undefined) return [parentSuccessor(op)];
          const elseRegion = op.elseRegion.isEmpty ? undefined : op.elseRegion;
          const cond = constantBool(operands[0]);
          if (cond === undefined) return elseRegion === undefined ? [regionSuccessor(op.thenRegion), parentSuccessor(op)] : [regionSuccessor(op.thenRegion), regionSuccessor(elseRegion)];
          if (cond) return [regionSuccessor(op.thenRegion)];
          return elseRegion === undefined ? [parentSuccessor(op)] : [regionSuccessor(elseRegion)];
        },
      }),
    ],
    asm: {
      print(op, p) {
        p.print(" ");
        p.printOperand(op.condition);
        const withResults = op.numResults > 0;
        if (withResults) {
          p.print(" -> (");
          p.printTypes(op.results.map((r) => r.type));
          p.print(")");
        }
        p.print(" ");
        p.printRegion(op.thenRegion, { printEntryBlockArgs: false, printBlockTerminators: withResults });
        if (!op.elseRegion.isEmpty) {
          p.print(" else ");
          p.printRegion(op.elseRegion, { printEntryBlockArgs: false, printBlockTerminators: withResults });
        }
        p.printOptionalAttrDict(op.attributes);
      },
      parse(p, state) {
        state.operands.push(p.resolveOperand(p.parseOperand(), i1));
        state.resultTypes.push(...p.parseArrowTypeList(true));
        const thenRegion = new Region();
        const elseRegion = new Region();
        p.parseRegion(thenRegion);
        ensureTerminator(thenRegion, ImplicitYield, state.loc);
        if (p.parseOptionalKeyword("else") !== undefined) {
          p.parseRegion(elseRegion);
          ensureTerminator(elseRegion, ImplicitYield, state.loc);
        }
        state.regions.push(thenRegion, elseRegion);
        p.parseOptionalAttrDict(state.attributes);
      },
    },
  },
);
export type IfOp = InstanceType<typeof IfOp>;

/** The `scf.yield` ending a single-block region (undefined when the region is empty or ends otherwise). */
export function yieldOf(r: Region): YieldOp | undefined {
  const last = r.entry?.last;
  return last instanceof YieldOp ? last : undefined;
}

// ---- scf.index_switch --------------------------------------------------------------------------------------

/** MLIR 16's `custom<SwitchCases>`: one `case <value> { ... }` per case region, each on its own line. */
const SwitchCases = customDirective({
  params: { cases: "attr", caseRegions: "regions" },
  print(p, _op, { cases, caseRegions }) {
    const values = cases instanceof DenseArrayAttr ? cases.numbers : [];
    caseRegions.forEach((r, i) => {
      p.printNewline();
      p.print(`case ${values[i] ?? 0} `);
      p.printRegion(r, { printEntryBlockArgs: false });
    });
  },
  parse(p) {
    const values: number[] = [];
    const caseRegions: Region[] = [];
    while (p.parseOptionalKeyword("case") !== undefined) {
      values.push(Number(p.parseInteger()));
      const r = new Region();
      p.parseRegion(r);
      caseRegions.push(r);
    }
    return { cases: DenseArrayAttr.get(i64, values), caseRegions };
  },
});

export const IndexSwitchOp = defineOp(
  {
    name: "scf.index_switch",
    summary: "switch-case operation on an index argument",
    operands: { arg: Index },
    attributes: { cases: DenseI64ArrayAttr },
    results: { values: variadic(AnyType) },
    regions: { defaultRegion: region({ maxBlocks: 1 }), caseRegions: variadicRegion({ maxBlocks: 1 }) },
    traits: [RecursiveMemoryEffects, SingleBlock, ImplicitYield],
    customDirectives: { SwitchCases },
    format: "$arg attr-dict (`->` type($values)^)? custom<SwitchCases>($cases, $caseRegions) `\\n` `` `default` $defaultRegion",
  },
  {
    verify: (op) => {
      const values = op.cases.numbers;
      if (values.length !== op.caseRegions.length) {
        return opError(op, `has ${op.caseRegions.length} case regions but ${values.length} case values`);
      }
      const seen = new Set<number>();
      for (const v of values) {
        if (seen.has(v)) return opError(op, `has duplicate case value: ${v}`);
        seen.add(v);
      }
      const check = (r: Region, name: string) => {
        const last = r.entry?.last;
        if (last === undefined) return undefined;
        if (!(last instanceof YieldOp)) return opError(op, `expected region to end with scf.yield, but got ${last.name}`);
        if (last.numOperands !== op.numResults) {
          return opError(op, `expected each region to return ${op.numResults} values, but ${name} returns ${last.numOperands}`, [
            note(last.loc, "see yield operation here"),
          ]);
        }
        for (let i = 0; i < op.numResults; i++) {
          const want = op.results[i]?.type;
          const got = last.getOperand(i).type;
          if (want !== undefined && want !== got) {
            return opError(op, `expected result #${i} of each region to be ${quotedType(want)}`, [note(last.loc, `${name} returns ${quotedType(got)} here`)]);
          }
        }
        return undefined;
      };
      const d = check(op.defaultRegion, "default region");
      if (d !== undefined) return d;
      for (const [i, r] of op.caseRegions.entries()) {
        const c = check(r, `case region #${i}`);
        if (c !== undefined) return c;
      }
      return undefined;
    },
    interfaces: [
      implement(RegionBranchOpInterface, {
        getSuccessorRegions: (op, from, operands): RegionSuccessor[] => {
          if (from !== undefined) return [parentSuccessor(op)];
          const value = operands[0];
          if (!(value instanceof IntegerAttr)) return [...op.caseRegions.map(regionSuccessor), regionSuccessor(op.defaultRegion)];
          const i = op.cases.numbers.indexOf(Number(value.value));
          return [regionSuccessor(i < 0 ? op.defaultRegion : (op.caseRegions[i] as Region))];
        },
      }),
    ],
  },
);
export type IndexSwitchOp = InstanceType<typeof IndexSwitchOp>;

/** The region `scf.index_switch` runs for `value`. */
export function switchRegionFor(op: IndexSwitchOp, value: bigint): Region {
  const i = op.cases.numbers.findIndex((c) => BigInt(c) === value);
  return i < 0 ? op.defaultRegion : (op.caseRegions[i] as Region);
}
