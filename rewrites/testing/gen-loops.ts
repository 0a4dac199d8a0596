/**
 * Random programs with scf and affine loop nests, for property tests of their rewrites: the arith programs of
 * programs.ts grown around loop-shaped examples (rewrites/testing/examples.ts syntax). Each example below is a
 * small loop nest whose trip counts, steps, bounds and conditions are holes, so that a program gets zero-trip,
 * one-trip and many-trip loops, iter_args that change or pass through, conditions that are constants or not.
 * The examples of the scf and affine canonicalization patterns are added to these by the tests.
 *
 * Memory is not yet part of these programs: the generator's functions take and return scalars (memrefs need
 * random buffers as inputs; affine loads and stores are unit-tested against hand-computed results).
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";

/** Integer types for the loops' values (i1 would overflow at once; index_cast to index retries another filling). */
const INT_TYPES = { T: ["i8", "i32", "i64"] };

/** Loop nests over scalars, with holes for bounds, steps and conditions. */
const NESTS: readonly string[] = [
  // scf.for with an iter_arg that changes and one that passes through, bounds and step from holes.
  "^bb0(%x: $T, %y: $T):\n  %lb = arith.constant ?{0|1|-3} : index\n  %ub = arith.constant ?{0|1|2|5} : index\n  %st = arith.constant ?{1|2|3} : index\n" +
    "  %r:2 = scf.for %i = %lb to %ub step %st iter_args(%a = %x, %b = %y) -> ($T, $T) {\n    %k = arith.index_cast %i : index to $T\n    %s = arith.addi %a, %k : $T\n    scf.yield %s, %b : $T, $T\n  }",
  // Nested scf.for with an scf.if on the induction variables.
  "^bb0(%x: $T):\n  %c0 = arith.constant 0 : index\n  %n = arith.constant ?{0|1|3} : index\n  %m = arith.constant ?{1|2} : index\n  %c1 = arith.constant 1 : index\n" +
    "  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> ($T) {\n    %in = scf.for %j = %c0 to %m step %c1 iter_args(%b = %a) -> ($T) {\n" +
    "      %lt = arith.cmpi ?{slt|eq|sge}, %i, %j : index\n      %v = scf.if %lt -> ($T) {\n        %d = arith.addi %b, %b : $T\n        scf.yield %d : $T\n      } else {\n        scf.yield %b : $T\n      }\n      scf.yield %v : $T\n    }\n    scf.yield %in : $T\n  }",
  // scf.while counting down from a small bound.
  "^bb0(%x: $T):\n  %n = arith.constant ?{0|1|4} : index\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n" +
    "  %r:2 = scf.while (%k = %n, %a = %x) : (index, $T) -> (index, $T) {\n    %more = arith.cmpi sgt, %k, %c0 : index\n    scf.condition(%more) %k, %a : index, $T\n  } do {\n" +
    "  ^bb0(%k2: index, %a2: $T):\n    %k3 = arith.subi %k2, %c1 : index\n    %a3 = arith.muli %a2, %a2 : $T\n    scf.yield %k3, %a3 : index, $T\n  }",
  // affine.for with max/min bounds over a symbol and an iter_arg, affine.apply on the induction variable.
  "^bb0(%x: $T):\n  %n = arith.constant ?{0|2|5} : index\n  %r = affine.for %i = max affine_map<()[s0] -> (0, s0 - 3)>()[%n] to min affine_map<()[s0] -> (s0, 4)>()[%n] step ?{1|2} iter_args(%a = %x) -> ($T) {\n" +
    "    %j = affine.apply affine_map<(d0)[s0] -> (d0 * 2 + s0)>(%i)[%n]\n    %k = arith.index_cast %j : index to $T\n    %s = arith.subi %a, %k : $T\n    affine.yield %s : $T\n  }",
  // affine.if on an integer set of a constant.
  "^bb0(%x: $T, %y: $T):\n  %n = arith.constant ?{-1|0|3} : index\n  %r = affine.if affine_set<()[s0] : (s0 >= 0, -s0 + 2 >= 0)>()[%n] -> $T {\n    affine.yield %x : $T\n  } else {\n    affine.yield %y : $T\n  }",
  // scf.index_switch and scf.parallel with a reduction.
  // (An op's regions are on the lines after it: the switch's case lines start with the brace that closes the last.)
  "^bb0(%x: $T, %y: $T):\n  %i = arith.constant ?{0|1|2|7} : index\n  %r = scf.index_switch %i -> $T case 1 {\n    scf.yield %x : $T\n  } case 2 {\n    %s = arith.addi %x, %y : $T\n    scf.yield %s : $T\n  } default {\n    scf.yield %y : $T\n  }",
  "^bb0(%x: $T):\n  %c0 = arith.constant 0 : index\n  %n = arith.constant ?{0|1|3} : index\n  %c1 = arith.constant 1 : index\n" +
    "  %r = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%x) -> $T {\n    %k = arith.index_cast %i : index to $T\n    scf.reduce(%k) : $T {\n    ^bb0(%p: $T, %q: $T):\n      %s = arith.addi %p, %q : $T\n      scf.reduce.return %s : $T\n    }\n    scf.yield\n  }",
];

export const loopNestExamples: readonly RewriteExample[] = NESTS.map((ir) => ({ ir, types: INT_TYPES }));
