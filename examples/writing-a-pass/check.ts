// file: examples/writing-a-pass/check.ts
import { arith, checkRewrite, pass, programs } from "tensile";
import { mulToShiftPass } from "./mul-to-shift.ts";

// 500 random well-typed programs made of the ops the pass is about (and neighbours that interact with
// them), run by the interpreter before and after the pass.
const ops = [arith.MulIOp, arith.AddIOp, arith.SubIOp, arith.ShLIOp, arith.ConstantOp];
const result = checkRewrite({ transform: pass(mulToShiftPass), programs: programs({ ops }), runs: 500 });
if (!result.ok) throw new Error(result.message);
console.log(`mul-to-shift: ${result.runs} random programs verify and compute the same after the pass`);
