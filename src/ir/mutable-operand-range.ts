/**
 * A contiguous range of an op's operands that can be changed in place (MLIR's MutableOperandRange): the
 * operands a branch forwards to one successor, a variadic operand group. Appending, erasing or assigning
 * operands also updates the size attributes that describe the range (`operand_segment_sizes`, or an op's own
 * such as `cf.switch`'s `case_operand_segments`), so the op stays valid.
 *
 *   const fwd = mutableOperandGroup(condBr, "trueDestOperands");
 *   rw.modifyInPlace(condBr, () => fwd.append([v]));   // operand_segment_sizes [1, 0, 2] -> [1, 1, 2]
 *
 * A range is a window on the op at the time it is made: after changing one range, get the others afresh.
 */
import { DenseArrayAttr } from "./attributes.ts";
import type { Operation } from "./operation.ts";
import type { Value } from "./value.ts";

/** An element of a dense i32 array attribute that holds the range's length (and changes with it). */
export interface OperandSegment {
  readonly attr: string;
  readonly index: number;
}

export class MutableOperandRange {
  #length: number;

  constructor(
    readonly op: Operation,
    /** Index of the range's first operand in the op's operand list. */
    readonly start: number,
    length: number,
    /** The size attribute elements that count this range. */
    readonly segments: readonly OperandSegment[] = [],
  ) {
    this.#length = length;
  }

  get length(): number {
    return this.#length;
  }
  /** The operands in the range. */
  get values(): Value[] {
    const out: Value[] = [];
    for (let i = 0; i < this.#length; i++) out.push(this.op.getOperand(this.start + i));
    return out;
  }
  at(i: number): Value {
    if (i < 0 || i >= this.#length) throw new RangeError(`operand range of '${this.op.name}' has no element #${i}`);
    return this.op.getOperand(this.start + i);
  }

  /** Adds `values` at the end of the range. */
  append(values: readonly Value[]): void {
    this.#splice(this.#length, 0, values);
  }
  /** Removes `count` operands starting at `index` (within the range). */
  erase(index: number, count = 1): void {
    if (index < 0 || count < 0 || index + count > this.#length) {
      throw new RangeError(`cannot erase ${count} operands at #${index} of a range of ${this.#length}`);
    }
    this.#splice(index, count, []);
  }
  /** Replaces the whole range by `values`. */
  assign(values: readonly Value[]): void {
    this.#splice(0, this.#length, values);
  }

  #splice(index: number, count: number, values: readonly Value[]): void {
    this.op.spliceOperands(this.start + index, count, values);
    const delta = values.length - count;
    if (delta === 0) return;
    this.#length += delta;
    for (const s of this.segments) {
      const attr = this.op.attr(s.attr);
      if (!(attr instanceof DenseArrayAttr)) throw new Error(`'${this.op.name}' has no size attribute '${s.attr}'`);
      const sizes = attr.numbers;
      sizes[s.index] = (sizes[s.index] ?? 0) + delta;
      this.op.setAttr(s.attr, DenseArrayAttr.get(attr.elementType, sizes));
    }
  }
}
