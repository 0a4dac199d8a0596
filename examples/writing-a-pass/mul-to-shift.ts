// file: examples/writing-a-pass/mul-to-shift.ts
import { isLeft, left } from "fp-ts/lib/Either.js";
import { applyPatternsGreedily, arith, constIntValue, definePass, IntegerType, type PassRegistry, rewrite } from "tensile";

/**
 * muli(x, 2^k) -> shli(x, k), for scalar integers and k >= 1.
 *   Before: %c8_i32 = arith.constant 8 : i32      %0 = arith.muli %x, %c8_i32 : i32
 *   After:  %c3_i32 = arith.constant 3 : i32      %0 = arith.shli %x, %c3_i32 : i32
 */
export const mulPow2ToShift = rewrite({
  name: "mul-pow2-to-shift",
  root: arith.MulIOp,
  apply(op, rw) {
    const type = op.result.type;
    if (!(type instanceof IntegerType)) return rw.fail("not a scalar integer");
    const c = constIntValue(op.rhs);
    if (c === undefined || c < 2n || (c & (c - 1n)) !== 0n) return rw.fail("rhs is not a constant power of two");
    const k = arith.constantInt(rw, type, c.toString(2).length - 1);
    rw.replaceOpWithNew(op, arith.ShLIOp, { lhs: op.lhs, rhs: k });
    return rw.done();
  },
});

/** The pattern as a pass on each function, counting what it rewrote. */
export const mulToShiftPass = definePass({
  name: "mul-to-shift",
  summary: "Replaces multiplications by powers of two with shifts",
  opName: "func.func",
  statistics: { rewrites: "Multiplications replaced" },
  run(fn, ctx) {
    // The listener prints each pattern applied or declined under `tensile-opt --debug-rewrites`.
    const r = applyPatternsGreedily(fn, [mulPow2ToShift], { ctx: ctx.context, listener: ctx.rewriteListener });
    if (isLeft(r)) return left([r.left]);
    ctx.stat("rewrites", r.right.applied.get(mulPow2ToShift.name) ?? 0);
    return { changed: r.right.changed };
  },
});

/** What `tensile-opt --load-pass-plugin` calls: the plugin's passes join the tool's registry. */
export function registerPasses(registry: PassRegistry): void {
  registry.register(mulToShiftPass);
}
