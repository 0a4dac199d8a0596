/**
 * Generates the IR benchmark's input: a module of `func.func`s whose bodies mix arith (integer and float,
 * constants, comparisons, selects), math and cf (a diamond of blocks with block arguments), about
 * `OPS_PER_FUNC` operations each. The programs are random but seeded, so every run measures the same text;
 * they contain what canonicalize and cse act on (foldable constants, `x + 0`, repeated expressions), so those
 * passes do real work.
 *
 * The text is valid for both Tensile and mlir-opt-16 (the benchmark checks that both print the same).
 */
import { seeded } from "../../rewrites/testing/examples.ts";

const INT_BINARY = ["arith.addi", "arith.subi", "arith.muli", "arith.andi", "arith.ori", "arith.xori", "arith.maxsi", "arith.minui"];
const FLOAT_BINARY = ["arith.addf", "arith.subf", "arith.mulf", "arith.divf", "arith.maxf"];
const FLOAT_UNARY = ["math.sqrt", "math.exp", "math.absf", "math.tanh", "math.log", "math.sin"];
const PREDICATES = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ugt"];

/** Operations per function, counting the func.func, its terminators and branches. */
export const OPS_PER_FUNC = 50;

class FunctionWriter {
  readonly lines: string[] = [];
  ints: string[] = [];
  floats: string[] = [];
  /** Earlier expressions, repeated now and then so that cse has something to remove. */
  exprs: string[] = [];
  ops = 0;
  next = 0;

  constructor(readonly rand: () => number) {}

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)] as T;
  }
  fresh(): string {
    return `%v${this.next++}`;
  }
  emit(text: string): void {
    this.lines.push(`    ${text}`);
    this.ops++;
  }
  /** One random straight-line op; returns when it has emitted it. */
  op(): void {
    const r = this.rand();
    const v = this.fresh();
    if (r < 0.1 && this.exprs.length > 0) {
      const e = this.pick(this.exprs);
      this.emit(`${v} = ${e}`);
      (e.endsWith(": i32") ? this.ints : this.floats).push(v);
    } else if (r < 0.22) {
      const c = this.pick([0, 1, 2, 3, 7, 42, -1]);
      this.emit(`${v} = arith.constant ${c} : i32`);
      this.ints.push(v);
    } else if (r < 0.27) {
      this.emit(`${v} = arith.constant ${this.pick(["0.000000e+00", "1.000000e+00", "2.500000e+00"])} : f32`);
      this.floats.push(v);
    } else if (r < 0.55) {
      const e = `${this.pick(INT_BINARY)} ${this.pick(this.ints)}, ${this.pick(this.ints)} : i32`;
      this.exprs.push(e);
      this.emit(`${v} = ${e}`);
      this.ints.push(v);
    } else if (r < 0.75) {
      const fm = this.rand() < 0.2 ? " fastmath<fast>" : "";
      const e = `${this.pick(FLOAT_BINARY)} ${this.pick(this.floats)}, ${this.pick(this.floats)}${fm} : f32`;
      this.exprs.push(e);
      this.emit(`${v} = ${e}`);
      this.floats.push(v);
    } else if (r < 0.85) {
      const e = `${this.pick(FLOAT_UNARY)} ${this.pick(this.floats)} : f32`;
      this.exprs.push(e);
      this.emit(`${v} = ${e}`);
      this.floats.push(v);
    } else {
      const c = this.fresh();
      this.emit(`${c} = arith.cmpi ${this.pick(PREDICATES)}, ${this.pick(this.ints)}, ${this.pick(this.ints)} : i32`);
      this.emit(`${v} = arith.select ${c}, ${this.pick(this.ints)}, ${this.pick(this.ints)} : i32`);
      this.ints.push(v);
    }
  }
  straightLine(n: number): void {
    const stop = this.ops + n;
    while (this.ops < stop) this.op();
  }
}

/** One function: entry block, a conditional branch to two blocks, a join block with arguments, a return. */
function writeFunction(index: number, rand: () => number): { text: string; ops: number } {
  const w = new FunctionWriter(rand);
  w.ints = ["%a", "%b"];
  w.floats = ["%x", "%y"];
  const body = OPS_PER_FUNC - 6; // func.func, cmpi, cond_br, two br, return
  w.straightLine(Math.floor(body / 2));
  const cond = w.fresh();
  w.emit(`${cond} = arith.cmpi slt, ${w.pick(w.ints)}, ${w.pick(w.ints)} : i32`);
  w.emit(`cf.cond_br ${cond}, ^bb1(${w.pick(w.ints)} : i32), ^bb2`);
  const [entryInts, entryFloats, entryExprs] = [w.ints, w.floats, w.exprs];
  const arm = (label: string, args: string): void => {
    w.lines.push(`  ${label}${args}:`);
    w.ints = [...entryInts];
    w.floats = [...entryFloats];
    w.exprs = [...entryExprs]; // an arm's expressions do not dominate the other arm
    if (args !== "") w.ints.push("%p");
    w.straightLine(Math.floor(body / 4));
    w.emit(`cf.br ^bb3(${w.pick(w.ints)}, ${w.pick(w.floats)} : i32, f32)`);
  };
  arm("^bb1", "(%p: i32)");
  arm("^bb2", "");
  w.lines.push("  ^bb3(%ri: i32, %rf: f32):");
  w.emit("return %ri, %rf : i32, f32");
  const header = `  func.func @f${index}(%a: i32, %b: i32, %x: f32, %y: f32) -> (i32, f32) {`;
  return { text: `${header}\n${w.lines.join("\n")}\n  }\n`, ops: w.ops + 1 };
}

/** A module of about `targetOps` operations (whole functions, so a little more), and its exact op count. */
export function generateModule(targetOps: number, seed = 1): { text: string; ops: number } {
  const rand = seeded(seed);
  const parts: string[] = ["module {\n"];
  let ops = 1; // the module
  for (let i = 0; ops < targetOps; i++) {
    const f = writeFunction(i, rand);
    parts.push(f.text);
    ops += f.ops;
  }
  parts.push("}\n");
  return { text: parts.join(""), ops };
}
