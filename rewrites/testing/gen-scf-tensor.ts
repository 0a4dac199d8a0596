/**
 * Random programs of scf loops and ifs over tensors, for bufferization: loops carrying tensors (updated in place,
 * rebuilt each iteration, or replaced by a tensor from outside), ifs yielding tensors of the branches' own or from
 * outside, and reads of every tensor after it was used as an init or a destination, so that the in-place analysis
 * has conflicts to find. All tensors are tensor<4xf32>; inputs are two floats, a trip count (0 to 5) and a bool.
 *
 *   checkRewrite({ transform: ..., programs: scfTensorPrograms() });
 */
import fc from "fast-check";
import { floatValue, intValue, type RuntimeValue } from "../../src/interp/values.ts";
import { f32, i1, index } from "../../src/ir/types.ts";
import type { ProgramCase } from "./programs.ts";

const T = "tensor<4xf32>";

class Builder {
  readonly lines: string[] = [];
  readonly pool: string[] = ["%t0", "%t1", "%t2"];
  readonly observed: string[] = [];
  #next = 0;
  constructor(readonly pick: (n: number) => number) {}
  fresh(prefix: string): string {
    return `%${prefix}${this.#next++}`;
  }
  any(): string {
    return this.pool[this.pick(this.pool.length)] as string;
  }
  /** A few lines computing a new tensor from `x` (in a loop body or a branch, indented), returning its name. */
  update(x: string, indent: string, at: string): string {
    const r = this.fresh("u");
    switch (this.pick(5)) {
      case 4: {
        // A slice computed in place and put back where it came from (MLIR's extract/insert_slice pair).
        const [s, f] = [this.fresh("s"), this.fresh("f")];
        this.lines.push(
          `${indent}${s} = tensor.extract_slice ${x}[1] [2] [1] : ${T} to tensor<2xf32>`,
          `${indent}${f} = linalg.fill ins(%b : f32) outs(${s} : tensor<2xf32>) -> tensor<2xf32>`,
          `${indent}${r} = tensor.insert_slice ${f} into ${x}[1] [2] [1] : tensor<2xf32> into ${T}`,
        );
        return r;
      }
      case 0: {
        const v = this.fresh("v");
        const w = this.fresh("w");
        this.lines.push(`${indent}${v} = tensor.extract ${x}[${at}] : ${T}`, `${indent}${w} = arith.addf ${v}, %b : f32`, `${indent}${r} = tensor.insert ${w} into ${x}[${at}] : ${T}`);
        return r;
      }
      case 1: {
        const e = this.fresh("e");
        const other = this.any();
        this.lines.push(`${indent}${e} = bufferization.alloc_tensor() : ${T}`, `${indent}${r} = linalg.map { arith.addf } ins(${x}, ${other} : ${T}, ${T}) outs(${e} : ${T})`);
        return r;
      }
      case 2: {
        const s = this.fresh("s");
        this.lines.push(`${indent}${s} = tensor.extract_slice ${x}[0] [2] [1] : ${T} to tensor<2xf32>`, `${indent}${r} = tensor.insert_slice ${s} into ${x}[2] [2] [1] : tensor<2xf32> into ${T}`);
        return r;
      }
      default:
        this.lines.push(`${indent}${r} = linalg.fill ins(%a : f32) outs(${x} : ${T}) -> ${T}`);
        return r;
    }
  }
  step(): void {
    const k = this.pick(5);
    if (k === 0 || k === 1) {
      // A loop carrying one tensor.
      const init = this.any();
      const [r, x, i, j] = [this.fresh("loop"), this.fresh("x"), this.fresh("i"), this.fresh("j")];
      this.lines.push(`  ${r} = scf.for ${i} = %c0 to %n step %c1 iter_args(${x} = ${init}) -> (${T}) {`);
      this.lines.push(`    ${j} = arith.remui ${i}, %c4 : index`);
      const yielded = this.pick(5) === 0 ? this.any() : this.update(x, "    ", j);
      this.lines.push(`    scf.yield ${yielded} : ${T}`, "  }");
      this.pool.push(r);
    } else if (k === 2) {
      const r = this.fresh("if");
      this.lines.push(`  ${r} = scf.if %c -> (${T}) {`);
      const branch = (): void => {
        const y = this.pick(2) === 0 ? this.any() : this.update(this.any(), "    ", "%c1");
        this.lines.push(`    scf.yield ${y} : ${T}`);
      };
      branch();
      this.lines.push("  } else {");
      branch();
      this.lines.push("  }");
      this.pool.push(r);
    } else if (k === 3) {
      this.pool.push(this.update(this.any(), "  ", "%c2"));
    } else {
      const v = this.fresh("read");
      this.lines.push(`  ${v} = tensor.extract ${this.any()}[%c${this.pick(4)}] : ${T}`);
      this.observed.push(v);
    }
  }
}

/** The text of one program from a list of choices. */
export function scfTensorProgram(choices: readonly number[]): string {
  let k = 0;
  const b = new Builder((n) => (n <= 1 ? 0 : (choices[k++ % choices.length] ?? 0) % n));
  const steps = 3 + b.pick(5);
  for (let s = 0; s < steps; s++) b.step();
  // Most tensors read at the end too: reads after the writes are what the analysis must respect (and a tensor
  // not read again may be written in place, unless its buffer may not be written: the constant's).
  for (const t of b.pool) {
    if (b.pick(4) === 0) continue;
    const v = b.fresh("end");
    b.lines.push(`  ${v} = tensor.extract ${t}[%c${b.pick(4)}] : ${T}`);
    b.observed.push(v);
  }
  const results = [b.pool[b.pool.length - 1] as string, ...b.observed];
  const types = [T, ...b.observed.map(() => "f32")];
  return [
    `func.func @f(%a: f32, %b: f32, %n: index, %c: i1) -> (${types.join(", ")}) {`,
    ...[0, 1, 2, 3, 4].map((i) => `  %c${i} = arith.constant ${i} : index`),
    `  %t0 = tensor.splat %a : ${T}`,
    `  %t1 = tensor.from_elements %a, %b, %b, %a : ${T}`,
    // A constant: its buffer is a global shared by every call, which must never be written.
    `  %t2 = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : ${T}`,
    ...b.lines,
    `  return ${results.join(", ")} : ${types.join(", ")}`,
    "}",
  ].join("\n");
}

export function scfTensorPrograms(): fc.Arbitrary<ProgramCase> {
  return fc
    .tuple(fc.array(fc.nat({ max: 1000 }), { minLength: 8, maxLength: 64 }), fc.integer({ min: -64, max: 64 }), fc.integer({ min: -64, max: 64 }), fc.nat({ max: 5 }), fc.boolean())
    .map(([choices, a, b, n, c]): ProgramCase => ({
      text: scfTensorProgram(choices),
      fn: "f",
      args: [floatValue(f32, a / 4), floatValue(f32, b / 4), intValue(index, BigInt(n)), intValue(i1, c ? 1n : 0n)] as RuntimeValue[],
    }));
}
