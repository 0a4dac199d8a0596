/**
 * scf.if patterns that look beyond one op (MLIR 16's SCF.cpp): the condition is known inside the regions
 * (ConditionPropagation), two consecutive ifs on the same condition (or its negation) become one (CombineIfs),
 * and an if whose then region is only another if becomes one if on both conditions (CombineNestedIfs).
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { type Block, type Operation, Region } from "../../src/ir/operation.ts";
import { i1 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { defining } from "../../src/ir/defining.ts";
import { constantAttr, constIntValue } from "../../src/rewrite/match.ts";
import { rewrite } from "../../src/rewrite/pattern.ts";
import { AndIOp, ConstantOp, SelectOp, XOrIOp } from "../../dialects/arith/index.ts";
import { IfOp, YieldOp, yieldOf } from "../../dialects/scf/index.ts";

/** Whether `v` is `arith.xori %c, true` (a negation of `%c`). */
function isNegationOf(v: Value, c: Value): boolean {
  const x = defining(v, XOrIOp);
  const rhs = x === undefined ? undefined : constIntValue(x.rhs);
  return x !== undefined && x.lhs === c && rhs !== undefined && BigInt.asUintN(1, rhs) === 1n;
}

/**
 * Inside the then region the condition is true, inside the else region false (ConditionPropagation):
 *
 *   scf.if %c {                                     %true = arith.constant true
 *     "x.use"(%c) : (i1) -> ()            ->        scf.if %c {
 *   }                                                 "x.use"(%true) : (i1) -> ()
 *                                                   }
 */
export const ifConditionPropagation = rewrite({
  name: "scf.if.condition-propagation",
  examples: [
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %r = scf.if %c -> ($T) {\n    %s = arith.select %c, %x, %y : $T\n    scf.yield %s : $T\n  } else {\n    %e = arith.extui %c : i1 to $T\n    scf.yield %e : $T\n  }",
  ],
  root: IfOp,
  apply(op, rw) {
    if (constantAttr(op.condition) !== undefined) return rw.fail("the condition is a constant");
    const uses = [...op.condition.uses()].filter((u) => op.thenRegion.isAncestorOf(u.owner) || op.elseRegion.isAncestorOf(u.owner));
    if (uses.length === 0) return rw.fail("the regions do not use the condition");
    rw.setInsertionPointBefore(op);
    const constants = new Map<boolean, Value>();
    const constant = (b: boolean): Value => {
      let v = constants.get(b);
      if (v === undefined) {
        v = rw.create(ConstantOp, { value: IntegerAttr.get(i1, b ? -1n : 0n) }).result;
        constants.set(b, v);
      }
      return v;
    };
    for (const u of uses) {
      const value = constant(op.thenRegion.isAncestorOf(u.owner));
      rw.modifyInPlace(u.owner, () => u.set(value));
    }
    return rw.done();
  },
});

/**
 * Two scf.if ops in a row on the same condition (or one on its negation) become one; uses of the first's
 * results inside the second's regions use what the first yielded on that side (CombineIfs):
 *
 *   %a = scf.if %c -> (i32) { yield %x } else { yield %y }
 *   %b = scf.if %c -> (i32) { ... %a ... yield %p } else { yield %q }
 * ->
 *   %a, %b = scf.if %c -> (i32, i32) { ... %x ... yield %x, %p } else { yield %y, %q }
 */
export const ifCombine = rewrite({
  name: "scf.if.combine",
  examples: [
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %t = arith.constant true\n  %n = arith.xori %c, %t : i1\n  %a = scf.if %c -> ($T) {\n    %s = arith.addi %x, %y : $T\n    scf.yield %s : $T\n  } else {\n    scf.yield %y : $T\n  }\n  %b = scf.if ?{%c|%n} -> ($T) {\n    %m = arith.muli %a, %x : $T\n    scf.yield %m : $T\n  } else {\n    %d = arith.subi %a, %y : $T\n    scf.yield %d : $T\n  }",
  ],
  root: IfOp,
  apply(next, rw) {
    const prev = next.prev;
    if (!(prev instanceof IfOp)) return rw.fail("the op before is not an scf.if");
    let nextThen: Block | undefined;
    let nextElse: Block | undefined;
    if (next.condition === prev.condition) {
      nextThen = next.thenRegion.entry;
      nextElse = next.elseRegion.entry;
    }
    if (isNegationOf(next.condition, prev.condition) || isNegationOf(prev.condition, next.condition)) {
      nextElse = next.thenRegion.entry;
      nextThen = next.elseRegion.entry;
    }
    if (nextThen === undefined && nextElse === undefined) return rw.fail("the conditions are not the same or negations");
    const prevThenYield = yieldOf(prev.thenRegion) as YieldOp;
    const prevElseYield = yieldOf(prev.elseRegion);
    // Uses of the first's results inside the second's regions take what the first yielded on that side.
    prev.results.forEach((r, i) => {
      for (const u of [...r.uses()]) {
        if (nextThen !== undefined && nextThen.parent?.isAncestorOf(u.owner)) rw.modifyInPlace(u.owner, () => u.set(prevThenYield.getOperand(i)));
        else if (nextElse !== undefined && prevElseYield !== undefined && nextElse.parent?.isAncestorOf(u.owner)) {
          rw.modifyInPlace(u.owner, () => u.set(prevElseYield.getOperand(i)));
        }
      }
    });
    rw.setInsertionPointBefore(next);
    const types = [...prev.results, ...next.results].map((r) => r.type);
    const combined = rw.create(IfOp, { condition: prev.condition, values: types, thenRegion: new Region(), elseRegion: new Region() });
    /** Appends `from`'s ops to the region's block (taking the region if it is empty), merging the yields. */
    const append = (into: Region, from: Region, block: Block | undefined): void => {
      if (block === undefined) return;
      if (into.isEmpty) {
        rw.inlineRegionBefore(from, into);
        return;
      }
      const first = yieldOf(into) as YieldOp;
      const second = block.last as YieldOp;
      rw.mergeBlocks(block, into.entry as Block);
      rw.setInsertionPointToEnd(into.entry as Block);
      rw.create(YieldOp, { values: [...first.operands, ...second.operands] });
      rw.eraseOp(first);
      rw.eraseOp(second);
    };
    rw.inlineRegionBefore(prev.thenRegion, combined.thenRegion);
    append(combined.thenRegion, nextThen?.parent as Region, nextThen);
    rw.inlineRegionBefore(prev.elseRegion, combined.elseRegion);
    append(combined.elseRegion, nextElse?.parent as Region, nextElse);
    rw.replaceOp(prev, combined.results.slice(0, prev.numResults));
    rw.replaceOp(next, combined.results.slice(prev.numResults));
    return rw.done();
  },
});

/**
 * An scf.if whose then region only holds another scf.if (and whose else regions only yield) is one scf.if on
 * `arith.andi` of both conditions; results the outer if yields from outside become selects on the outer
 * condition (CombineNestedIfs):
 *
 *   scf.if %a {                                  %c = arith.andi %a, %b : i1
 *     scf.if %b { "x.op"() : () -> () }    ->     scf.if %c { "x.op"() : () -> () }
 *   }
 */
export const ifCombineNested = rewrite({
  name: "scf.if.combine-nested",
  examples: [
    "^bb0(%a: i1, %b: i1, %x: $T, %y: $T):\n  %r:2 = scf.if %a -> ($T, $T) {\n    %in = scf.if %b -> ($T) {\n      %s = arith.addi %x, %y : $T\n      scf.yield %s : $T\n    } else {\n      scf.yield ?{%y|%x} : $T\n    }\n    scf.yield %in, %x : $T, $T\n  } else {\n    scf.yield %y, %y : $T, $T\n  }",
    {
      defs: "func.func private @ex_sink_$T(%a: $T) {\n  func.return\n}",
      ir: "^bb0(%a: i1, %b: i1, %x: $T):\n  scf.if %a {\n    scf.if %b {\n      func.call @ex_sink_$T(%x) : ($T) -> ()\n    }\n  }",
    },
  ],
  root: IfOp,
  apply(op, rw) {
    const thenBlock = op.thenRegion.entry as Block;
    const nested = thenBlock.first;
    if (!(nested instanceof IfOp) || nested.next !== thenBlock.last) return rw.fail("the then region is not one scf.if");
    const elseBlock = op.elseRegion.entry;
    if (elseBlock !== undefined && elseBlock.first !== elseBlock.last) return rw.fail("the else region does something");
    const nestedElse = nested.elseRegion.entry;
    if (nestedElse !== undefined && nestedElse.first !== nestedElse.last) return rw.fail("the nested else region does something");
    const thenYield = [...(yieldOf(op.thenRegion) as YieldOp).operands];
    const elseYield = elseBlock === undefined ? [] : [...(yieldOf(op.elseRegion) as YieldOp).operands];
    const toSelect: number[] = [];
    for (const [i, v] of thenYield.entries()) {
      if (v.definingOp === nested) {
        const k = nested.results.indexOf(v as never);
        if ((yieldOf(nested.elseRegion) as YieldOp).getOperand(k) !== elseYield[i]) return rw.fail("the nested if yields otherwise than the outer else");
        thenYield[i] = (yieldOf(nested.thenRegion) as YieldOp).getOperand(k);
        continue;
      }
      if (v.parentBlock?.parent === op.thenRegion) return rw.fail("the then region yields a value it computes");
      toSelect.push(i);
    }
    rw.setInsertionPointBefore(op);
    const condition = rw.create(AndIOp, { lhs: op.condition, rhs: nested.condition }).result as Value<typeof i1>;
    // (The selects go before the new if, where MLIR 16 puts them.)
    const selects = new Map(toSelect.map((i) => [i, rw.create(SelectOp, { condition: op.condition, true_value: thenYield[i] as Value, false_value: elseYield[i] as Value }).result as Value]));
    const combined: IfOp = rw.create(IfOp, { condition, values: op.results.map((r) => r.type), thenRegion: new Region(), elseRegion: new Region() });
    const results: Value[] = combined.results.map((r, i) => selects.get(i) ?? r);
    const block = rw.createBlock(combined.thenRegion);
    const nestedYield = (nested.thenRegion.entry as Block).last as Operation;
    rw.mergeBlocks(nested.thenRegion.entry as Block, block);
    rw.setInsertionPointToEnd(block);
    rw.create(YieldOp, { values: thenYield });
    rw.eraseOp(nestedYield);
    if (elseYield.length > 0) {
      rw.setInsertionPointToEnd(rw.createBlock(combined.elseRegion));
      rw.create(YieldOp, { values: elseYield });
    }
    rw.replaceOp(op, results);
    return rw.done();
  },
});
