/**
 * Random well-typed programs of the vector dialect, with random scalar inputs, for property-testing vector
 * rewrites with `checkRewrite`:
 *
 *   checkRewrite({ transform: "builtin.module(func.func(canonicalize))", programs: vectorPrograms() })
 *
 * A program takes scalars of one element type (and two `index` values) and builds vectors from them
 * (broadcast, splat, insert), then applies random steps drawn from every computing vector op: extracts and
 * inserts, shuffles, strided slices, transposes, shape casts, broadcasts, bitcasts, elementwise arith,
 * reductions and multi-reductions of every combining kind its element type allows, contractions,
 * outer products, scans, fma, masks (constant_mask, and create_mask from the index inputs, so any bound,
 * negative or past the end, occurs), masked reductions and transfers under `vector.mask`, and transfer_read /
 * transfer_write on tensor constants with in-bounds and out-of-bounds indices (reads past the end take the
 * padding; masks under `vector.mask` or as the transfer's operand), and the masked memory ops (maskedload /
 * maskedstore, gather / scatter, expandload / compressstore) on a filled buffer that is read back. Masks are
 * constant_mask, create_mask (from the index inputs, so any bound, negative or past the end, occurs) or dense
 * constants (all set, all clear, random bits). Steps also make the shapes folds and canonicalizations look for (a chain of transposes, a
 * shape_cast round trip, an extract of what was just inserted, a read of what was just written) often.
 * Whatever nothing uses is returned, so every value is observed.
 *
 * The text is built from a seed (a program replays from its seed); the inputs are fast-check arbitraries.
 */
import fc from "fast-check";
import type { RuntimeValue } from "../../src/interp/values.ts";
import { f32, f64, i8, i32, i64, index, type Type } from "../../src/ir/types.ts";
import { printType } from "../../src/text/print-attr.ts";
import { seeded } from "./examples.ts";
import type { ProgramCase } from "./programs.ts";
import { valueArb } from "./programs.ts";

export interface VectorProgramOptions {
  /** The most random steps after the vectors are built (default 12). */
  readonly maxSteps?: number;
  /**
   * Also transfers on memrefs (default false: the programs of the other tests stay as they were): 1-D and 2-D
   * transfer_read / transfer_write on a filled buffer, in bounds, past the end or masked, and n-D vector.load /
   * store, the forms convert-vector-to-llvm and convert-vector-to-scf lower.
   */
  readonly memrefTransfers?: boolean;
}

/** Element types programs are drawn over (floats and integers of several widths). */
const ELEMENT_TYPES: readonly Type[] = [i8, i32, i64, f32, f64];

interface Vec {
  readonly name: string;
  readonly shape: readonly number[];
}

/** Builds one program's text. */
class VectorProgramBuilder {
  private readonly lines: string[] = [];
  private readonly vectors: Vec[] = [];
  private readonly scalars: string[] = [];
  private readonly used = new Set<string>();
  private readonly types = new Map<string, string>();
  private next = 0;

  constructor(
    private readonly rand: () => number,
    readonly et: string,
    readonly isFloat: boolean,
    readonly memrefTransfers = false,
  ) {}

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)] as T;
  }
  private int(max: number): number {
    return Math.floor(this.rand() * max);
  }
  private fresh(): string {
    return `%v${this.next++}`;
  }
  private vt(shape: readonly number[]): string {
    return shape.length === 0 ? `vector<${this.et}>` : `vector<${shape.join("x")}x${this.et}>`;
  }
  private emit(line: string, result?: string, type?: string, operands: readonly string[] = []): void {
    this.lines.push(`  ${line}`);
    for (const o of operands) this.used.add(o);
    if (result !== undefined && type !== undefined) this.types.set(result, type);
  }
  private addVec(name: string, shape: readonly number[]): Vec {
    const v = { name, shape };
    this.vectors.push(v);
    return v;
  }
  private scalar(): string {
    return this.pick(this.scalars);
  }
  private vecOfRank(rank: number): Vec | undefined {
    const xs = this.vectors.filter((v) => v.shape.length === rank);
    return xs.length === 0 ? undefined : this.pick(xs);
  }
  private anyVec(): Vec {
    return this.pick(this.vectors);
  }
  private constIndex(n: number): string {
    const r = this.fresh();
    this.emit(`${r} = arith.constant ${n} : index`, r, "index");
    return r;
  }

  /** The function's arguments: four scalars and two indices. */
  header(): string {
    return `func.func @f(%s0: ${this.et}, %s1: ${this.et}, %s2: ${this.et}, %s3: ${this.et}, %i0: index, %i1: index)`;
  }

  /** A vector of `shape` built from the scalars: a broadcast (or splat) with a few inserted lanes. */
  build(shape: readonly number[]): Vec {
    let v = this.fresh();
    const s = this.scalar();
    if (this.rand() < 0.5) this.emit(`${v} = vector.broadcast ${s} : ${this.et} to ${this.vt(shape)}`, v, this.vt(shape), [s]);
    else this.emit(`${v} = vector.splat ${s} : ${this.vt(shape)}`, v, this.vt(shape), [s]);
    for (let k = 0; k < 2; k++) {
      const w = this.fresh();
      const t = this.scalar();
      const pos = shape.map((d) => this.int(d));
      this.emit(`${w} = vector.insert ${t}, ${v} [${pos.join(", ")}] : ${this.et} into ${this.vt(shape)}`, w, this.vt(shape), [t, v]);
      v = w;
    }
    return this.addVec(v, shape);
  }

  /** The combining kinds the element type allows. */
  private kind(): string {
    return this.pick(this.isFloat ? ["add", "mul", "minf", "maxf"] : ["add", "mul", "minsi", "maxsi", "minui", "maxui", "and", "or", "xor"]);
  }

  /**
   * An index input brought into (-k, k) (`arith.remsi` by k): still unknown at compile time and of either sign,
   * but small. (MLIR 16 lowers create_mask through 32-bit indices, so a bound past 2^31 would mask differently
   * there than in the dialect's semantics the interpreter follows.)
   */
  private smallIndex(input: string, k: number): string {
    const c = this.constIndex(k);
    const r = this.fresh();
    this.emit(`${r} = arith.remsi ${input}, ${c} : index`, r, "index", [input, c]);
    return r;
  }

  /** A mask for a vector of `shape`: constant, or created from the index inputs and constants. */
  private mask(shape: readonly number[]): string {
    const m = this.fresh();
    const type = `vector<${shape.join("x")}xi1>`;
    const r = this.rand();
    if (shape.length === 1 && r < 0.2) {
      // A dense constant: all set, all clear, or random bits.
      const kind = this.int(3);
      const bits = Array.from({ length: shape[0] as number }, () => (kind === 0 ? true : kind === 1 ? false : this.rand() < 0.5));
      this.emit(`${m} = arith.constant dense<[${bits.join(", ")}]> : ${type}`, m, type);
    } else if (r < 0.55) {
      const sizes = shape.map((d) => this.int(d + 1));
      const all = sizes.includes(0) ? sizes.map(() => 0) : sizes;
      this.emit(`${m} = vector.constant_mask [${all.join(", ")}] : ${type}`, m, type);
    } else {
      const bounds = shape.map((d) => (this.rand() < 0.5 ? this.smallIndex(this.pick(["%i0", "%i1"]), d + 2) : this.constIndex(this.int(d + 2) - 1)));
      this.emit(`${m} = vector.create_mask ${bounds.join(", ")} : ${type}`, m, type, bounds);
    }
    return m;
  }

  /** One random step. */
  step(): void {
    const choices: (() => void)[] = [
      () => this.extract(),
      () => this.insertThenExtract(),
      () => this.shuffle(),
      () => this.transposeChain(),
      () => this.shapeCastRoundTrip(),
      () => this.broadcastVector(),
      () => this.reduction(),
      () => this.multiReduction(),
      () => this.elementwise(),
      () => this.stridedSlices(),
      () => this.contract(),
      () => this.outerProduct(),
      () => this.scan(),
      () => this.transfers(),
      () => this.bitcastRoundTrip(),
      () => this.extractElement(),
      () => this.maskedMemory(),
      () => this.maskedMemory(),
      () => this.transfers2d(),
    ];
    if (this.memrefTransfers) choices.push(() => this.memrefTransfer(), () => this.memrefTransfer(), () => this.memrefTransfer());
    this.pick(choices)();
  }

  private extract(): void {
    const v = this.anyVec();
    if (v.shape.length === 0) return;
    const n = 1 + this.int(v.shape.length);
    const pos = v.shape.slice(0, n).map((d) => this.int(d));
    const r = this.fresh();
    const rest = v.shape.slice(n);
    this.emit(`${r} = vector.extract ${v.name}[${pos.join(", ")}] : ${this.vt(v.shape)}`, r, rest.length === 0 ? this.et : this.vt(rest), [v.name]);
    if (rest.length === 0) this.scalars.push(r);
    else this.addVec(r, rest);
  }

  private insertThenExtract(): void {
    const v = this.anyVec();
    if (v.shape.length === 0) return;
    const pos = v.shape.map((d) => this.int(d));
    const w = this.fresh();
    const s = this.scalar();
    this.emit(`${w} = vector.insert ${s}, ${v.name} [${pos.join(", ")}] : ${this.et} into ${this.vt(v.shape)}`, w, this.vt(v.shape), [s, v.name]);
    this.addVec(w, v.shape);
    const at = this.rand() < 0.5 ? pos : v.shape.map((d) => this.int(d));
    const r = this.fresh();
    this.emit(`${r} = vector.extract ${w}[${at.join(", ")}] : ${this.vt(v.shape)}`, r, this.et, [w]);
    this.scalars.push(r);
  }

  private extractElement(): void {
    const v = this.vecOfRank(1);
    if (v === undefined) return;
    const c = this.fresh();
    this.emit(`${c} = arith.constant ${this.int(v.shape[0] as number)} : i32`, c, "i32");
    const r = this.fresh();
    this.emit(`${r} = vector.extractelement ${v.name}[${c} : i32] : ${this.vt(v.shape)}`, r, this.et, [v.name, c]);
    this.scalars.push(r);
  }

  private shuffle(): void {
    const a = this.vecOfRank(1);
    if (a === undefined) return;
    const b = this.vectors.filter((v) => v.shape.length === 1);
    const other = this.pick(b);
    const total = (a.shape[0] as number) + (other.shape[0] as number);
    const mask = Array.from({ length: 1 + this.int(6) }, () => this.int(total));
    const r = this.fresh();
    this.emit(`${r} = vector.shuffle ${a.name}, ${other.name} [${mask.join(", ")}] : ${this.vt(a.shape)}, ${this.vt(other.shape)}`, r, this.vt([mask.length]), [a.name, other.name]);
    this.addVec(r, [mask.length]);
  }

  private transposeChain(): void {
    const v = this.vectors.filter((x) => x.shape.length >= 2);
    if (v.length === 0) return;
    let cur = this.pick(v);
    for (let k = 0; k < 1 + this.int(2); k++) {
      const perm = shuffled(cur.shape.map((_, i) => i), this.rand);
      const shape = perm.map((p) => cur.shape[p] as number);
      const r = this.fresh();
      this.emit(`${r} = vector.transpose ${cur.name}, [${perm.join(", ")}] : ${this.vt(cur.shape)} to ${this.vt(shape)}`, r, this.vt(shape), [cur.name]);
      cur = this.addVec(r, shape);
    }
  }

  private shapeCastRoundTrip(): void {
    const v = this.vectors.filter((x) => x.shape.length >= 1);
    const src = this.pick(v);
    const n = src.shape.reduce((a, b) => a * b, 1);
    const flat = this.fresh();
    this.emit(`${flat} = vector.shape_cast ${src.name} : ${this.vt(src.shape)} to ${this.vt([n])}`, flat, this.vt([n]), [src.name]);
    this.addVec(flat, [n]);
    if (this.rand() < 0.6 && src.shape.length > 1) {
      const back = this.fresh();
      this.emit(`${back} = vector.shape_cast ${flat} : ${this.vt([n])} to ${this.vt(src.shape)}`, back, this.vt(src.shape), [flat]);
      this.addVec(back, src.shape);
    }
  }

  private broadcastVector(): void {
    const v = this.vecOfRank(1) ?? this.anyVec();
    const shape = [1 + this.int(3), ...v.shape];
    const r = this.fresh();
    this.emit(`${r} = vector.broadcast ${v.name} : ${this.vt(v.shape)} to ${this.vt(shape)}`, r, this.vt(shape), [v.name]);
    this.addVec(r, shape);
  }

  private reduction(): void {
    const v = this.vecOfRank(1);
    if (v === undefined) return;
    const r = this.fresh();
    const acc = this.rand() < 0.5 ? `, ${this.scalar()}` : "";
    const op = `vector.reduction <${this.kind()}>, ${v.name}${acc} : ${this.vt(v.shape)} into ${this.et}`;
    if (this.rand() < 0.4) {
      const m = this.mask(v.shape);
      this.emit(`${r} = vector.mask ${m} { ${op} } : vector<${v.shape[0]}xi1> -> ${this.et}`, r, this.et, [m, v.name, ...(acc === "" ? [] : [acc.slice(2)])]);
    } else {
      this.emit(`${r} = ${op}`, r, this.et, [v.name, ...(acc === "" ? [] : [acc.slice(2)])]);
    }
    this.scalars.push(r);
  }

  private multiReduction(): void {
    const v = this.vectors.filter((x) => x.shape.length >= 2);
    if (v.length === 0) return;
    const src = this.pick(v);
    const dims = src.shape.map((_, i) => i).filter(() => this.rand() < 0.5);
    if (dims.length === 0) dims.push(0);
    const kept = src.shape.filter((_, i) => !dims.includes(i));
    const r = this.fresh();
    if (kept.length === 0) {
      const acc = this.scalar();
      this.emit(`${r} = vector.multi_reduction <${this.kind()}>, ${src.name}, ${acc} [${dims.join(", ")}] : ${this.vt(src.shape)} to ${this.et}`, r, this.et, [src.name, acc]);
      this.scalars.push(r);
      return;
    }
    const acc = this.build(kept);
    this.emit(`${r} = vector.multi_reduction <${this.kind()}>, ${src.name}, ${acc.name} [${dims.join(", ")}] : ${this.vt(src.shape)} to ${this.vt(kept)}`, r, this.vt(kept), [src.name, acc.name]);
    this.addVec(r, kept);
  }

  private elementwise(): void {
    const a = this.anyVec();
    const b = this.vectors.filter((v) => sameShape(v.shape, a.shape));
    const other = this.pick(b);
    const r = this.fresh();
    if (this.isFloat && this.rand() < 0.3) {
      const c = this.pick(b);
      this.emit(`${r} = vector.fma ${a.name}, ${other.name}, ${c.name} : ${this.vt(a.shape)}`, r, this.vt(a.shape), [a.name, other.name, c.name]);
    } else {
      const op = this.isFloat ? this.pick(["arith.addf", "arith.mulf", "arith.maxf"]) : this.pick(["arith.addi", "arith.muli", "arith.xori"]);
      this.emit(`${r} = ${op} ${a.name}, ${other.name} : ${this.vt(a.shape)}`, r, this.vt(a.shape), [a.name, other.name]);
    }
    this.addVec(r, a.shape);
  }

  private stridedSlices(): void {
    const v = this.vectors.filter((x) => x.shape.length >= 1);
    const src = this.pick(v);
    const sizes = src.shape.map((d) => 1 + this.int(d));
    const offsets = src.shape.map((d, i) => this.int(d - (sizes[i] as number) + 1));
    const r = this.fresh();
    const ones = src.shape.map(() => 1);
    this.emit(
      `${r} = vector.extract_strided_slice ${src.name} {offsets = [${offsets.join(", ")}], sizes = [${sizes.join(", ")}], strides = [${ones.join(", ")}]} : ${this.vt(src.shape)} to ${this.vt(sizes)}`,
      r,
      this.vt(sizes),
      [src.name],
    );
    this.addVec(r, sizes);
    const back = this.fresh();
    this.emit(
      `${back} = vector.insert_strided_slice ${r}, ${src.name} {offsets = [${offsets.join(", ")}], strides = [${ones.join(", ")}]} : ${this.vt(sizes)} into ${this.vt(src.shape)}`,
      back,
      this.vt(src.shape),
      [r, src.name],
    );
    this.addVec(back, src.shape);
  }

  private contract(): void {
    const [m, k, n] = [1 + this.int(3), 1 + this.int(3), 1 + this.int(3)];
    const a = this.build([m, k]);
    const b = this.build([k, n]);
    const c = this.build([m, n]);
    const r = this.fresh();
    const maps = "indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>]";
    this.emit(
      `${r} = vector.contract {${maps}, iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<${this.kind()}>} ${a.name}, ${b.name}, ${c.name} : ${this.vt([m, k])}, ${this.vt([k, n])} into ${this.vt([m, n])}`,
      r,
      this.vt([m, n]),
      [a.name, b.name, c.name],
    );
    this.addVec(r, [m, n]);
  }

  private outerProduct(): void {
    const x = this.vecOfRank(1);
    const y = this.vecOfRank(1);
    if (x === undefined || y === undefined) return;
    const shape = [x.shape[0] as number, y.shape[0] as number];
    const r = this.fresh();
    if (this.rand() < 0.5) {
      this.emit(`${r} = vector.outerproduct ${x.name}, ${y.name} : ${this.vt(x.shape)}, ${this.vt(y.shape)}`, r, this.vt(shape), [x.name, y.name]);
    } else {
      const acc = this.build(shape);
      this.emit(
        `${r} = vector.outerproduct ${x.name}, ${y.name}, ${acc.name} {kind = #vector.kind<${this.kind()}>} : ${this.vt(x.shape)}, ${this.vt(y.shape)}`,
        r,
        this.vt(shape),
        [x.name, y.name, acc.name],
      );
    }
    this.addVec(r, shape);
  }

  private scan(): void {
    const v = this.vectors.filter((x) => x.shape.length === 2);
    if (v.length === 0) return;
    const src = this.pick(v);
    const dim = this.int(2);
    const initShape = [src.shape[1 - dim] as number];
    const init = this.build(initShape);
    const r = this.fresh();
    this.emit(
      `${r}:2 = vector.scan <${this.kind()}>, ${src.name}, ${init.name} {inclusive = ${this.rand() < 0.5}, reduction_dim = ${dim} : i64} : ${this.vt(src.shape)}, ${this.vt(initShape)}`,
      undefined,
      undefined,
      [src.name, init.name],
    );
    this.addVec(`${r}#0`, src.shape);
    this.addVec(`${r}#1`, initShape);
  }

  /** A transfer_write of a vector into a tensor constant and a transfer_read back (maybe masked, maybe out of bounds). */
  private transfers(): void {
    const v = this.vecOfRank(1);
    if (v === undefined) return;
    const n = v.shape[0] as number;
    const size = n + this.int(4);
    const tt = `tensor<${size}x${this.et}>`;
    const t = this.fresh();
    this.emit(`${t} = arith.constant dense<${this.isFloat ? "1.5" : "3"}> : ${tt}`, t, tt);
    const at = this.constIndex(this.int(size + 1));
    const w = this.fresh();
    if (this.rand() < 0.3) {
      // A masked write: masked-off lanes leave the tensor's elements.
      const m = this.mask(v.shape);
      this.emit(`${w} = vector.transfer_write ${v.name}, ${t}[${at}], ${m} : ${this.vt(v.shape)}, ${tt}`, w, tt, [v.name, t, at, m]);
    } else {
      this.emit(`${w} = vector.transfer_write ${v.name}, ${t}[${at}] : ${this.vt(v.shape)}, ${tt}`, w, tt, [v.name, t, at]);
    }
    const pad = this.scalar();
    const r = this.fresh();
    const readAt = this.rand() < 0.5 ? at : this.constIndex(this.int(size + 1));
    const read = `vector.transfer_read ${w}[${readAt}], ${pad} : ${tt}, ${this.vt(v.shape)}`;
    const masked = this.rand();
    if (masked < 0.25) {
      const m = this.mask(v.shape);
      this.emit(`${r} = vector.mask ${m} { ${read} } : vector<${n}xi1> -> ${this.vt(v.shape)}`, r, this.vt(v.shape), [m, w, readAt, pad]);
    } else if (masked < 0.5) {
      // The mask as the transfer's own operand: masked-off lanes read the padding.
      const m = this.mask(v.shape);
      this.emit(`${r} = vector.transfer_read ${w}[${readAt}], ${pad}, ${m} : ${tt}, ${this.vt(v.shape)}`, r, this.vt(v.shape), [m, w, readAt, pad]);
    } else {
      this.emit(`${r} = ${read}`, r, this.vt(v.shape), [w, readAt, pad]);
    }
    this.addVec(r, v.shape);
  }

  /**
   * A 2-D vector written into a tensor at random indices (lanes past the end dropped) and read back through a
   * random permutation map: minor identity, transposed, or with a broadcast dim (lanes past the end read the
   * padding). No `in_bounds` flags: every dim may go out of bounds.
   */
  private transfers2d(): void {
    const v = this.vecOfRank(2);
    if (v === undefined) return;
    const [r, c] = [2 + this.int(3), 2 + this.int(3)];
    const tt = `tensor<${r}x${c}x${this.et}>`;
    const t = this.fresh();
    this.emit(`${t} = arith.constant dense<${this.isFloat ? "0.5" : "7"}> : ${tt}`, t, tt);
    const [i, j] = [this.constIndex(this.int(r + 1)), this.constIndex(this.int(c + 1))];
    const w = this.fresh();
    this.emit(`${w} = vector.transfer_write ${v.name}, ${t}[${i}, ${j}] : ${this.vt(v.shape)}, ${tt}`, w, tt, [v.name, t, i, j]);
    const map = this.pick(["(d0, d1)", "(d1, d0)", "(0, d1)", "(d1, 0)", "(d0, 0)"]);
    // The index of a source dim the vector does not walk must be in bounds (else undefined behaviour).
    const [a, b] = [this.constIndex(this.int(map.includes("d0") ? r + 1 : r)), this.constIndex(this.int(map.includes("d1") ? c + 1 : c))];
    const [n, m] = [1 + this.int(3), 1 + this.int(3)];
    const pad = this.scalar();
    const rd = this.fresh();
    this.emit(
      `${rd} = vector.transfer_read ${w}[${a}, ${b}], ${pad} {permutation_map = affine_map<(d0, d1) -> ${map}>} : ${tt}, ${this.vt([n, m])}`,
      rd,
      this.vt([n, m]),
      [w, a, b, pad],
    );
    this.addVec(rd, [n, m]);
  }

  /**
   * A buffer filled by vector.store, one masked memory op on it (maskedload / maskedstore, gather / scatter,
   * expandload / compressstore) under a random mask, and the whole buffer read back. The buffer is large enough
   * for every lane from the start index (and every gather / scatter offset), so any mask is defined.
   */
  private maskedMemory(): void {
    const v = this.vecOfRank(1);
    if (v === undefined) return;
    const n = v.shape[0] as number;
    const size = n + this.int(4);
    const mt = `memref<${size}x${this.et}>`;
    const buf = this.fresh();
    this.emit(`${buf} = memref.alloc() : ${mt}`);
    const fill = this.build([size]);
    const c0 = this.constIndex(0);
    this.emit(`vector.store ${fill.name}, ${buf}[${c0}] : ${mt}, ${this.vt([size])}`, undefined, undefined, [fill.name, c0]);
    const startAt = this.int(size - n + 1);
    const start = this.constIndex(startAt);
    const m = this.mask([n]);
    const vt = this.vt(v.shape);
    const mk = `vector<${n}xi1>`;
    const r = this.fresh();
    const offsets = () => {
      const c = this.fresh();
      const lanes = Array.from({ length: n }, () => this.int(size - startAt));
      this.emit(`${c} = arith.constant dense<[${lanes.join(", ")}]> : vector<${n}xindex>`, c, `vector<${n}xindex>`);
      return c;
    };
    switch (this.int(6)) {
      case 0:
        this.emit(`${r} = vector.maskedload ${buf}[${start}], ${m}, ${v.name} : ${mt}, ${mk}, ${vt} into ${vt}`, r, vt, [start, m, v.name]);
        this.addVec(r, v.shape);
        break;
      case 1:
        this.emit(`${r} = vector.expandload ${buf}[${start}], ${m}, ${v.name} : ${mt}, ${mk}, ${vt} into ${vt}`, r, vt, [start, m, v.name]);
        this.addVec(r, v.shape);
        break;
      case 2: {
        const idx = offsets();
        this.emit(`${r} = vector.gather ${buf}[${start}] [${idx}], ${m}, ${v.name} : ${mt}, vector<${n}xindex>, ${mk}, ${vt} into ${vt}`, r, vt, [start, idx, m, v.name]);
        this.addVec(r, v.shape);
        break;
      }
      case 3:
        this.emit(`vector.maskedstore ${buf}[${start}], ${m}, ${v.name} : ${mt}, ${mk}, ${vt}`, undefined, undefined, [start, m, v.name]);
        break;
      case 4:
        this.emit(`vector.compressstore ${buf}[${start}], ${m}, ${v.name} : ${mt}, ${mk}, ${vt}`, undefined, undefined, [start, m, v.name]);
        break;
      default: {
        const idx = offsets();
        this.emit(`vector.scatter ${buf}[${start}] [${idx}], ${m}, ${v.name} : ${mt}, vector<${n}xindex>, ${mk}, ${vt}`, undefined, undefined, [start, idx, m, v.name]);
      }
    }
    const back = this.fresh();
    this.emit(`${back} = vector.load ${buf}[${c0}] : ${mt}, ${this.vt([size])}`, back, this.vt([size]), [c0]);
    this.addVec(back, [size]);
  }

  /**
   * A buffer filled by vector.store (of a vector built for it), a transfer_write of a 1-D or 2-D vector into it and
   * a transfer_read back at other indices (each in bounds, flagged so, past the end, or masked; a 2-D read maybe
   * through a transposing permutation map), and the buffer
   * read back whole by vector.load. Indices past the end stay within the memref's dims (a transfer starting
   * outside them is undefined), and an in-bounds flag is only set where the lanes fit.
   */
  private memrefTransfer(): void {
    const v = this.rand() < 0.5 ? this.vecOfRank(1) : this.vecOfRank(2);
    if (v === undefined) return;
    const rank = v.shape.length;
    const dims = v.shape.map((d) => d + this.int(3));
    const mt = `memref<${dims.join("x")}x${this.et}>`;
    const buf = this.fresh();
    this.emit(`${buf} = memref.alloc() : ${mt}`);
    const fill = this.build(dims);
    const zeros = dims.map(() => this.constIndex(0));
    this.emit(`vector.store ${fill.name}, ${buf}[${zeros.join(", ")}] : ${mt}, ${this.vt(dims)}`, undefined, undefined, [fill.name, ...zeros]);
    // `walks[k]`: the memref dim vector dim k walks (reversed for a transposed map).
    const access = (shape: readonly number[], walks: readonly number[] = shape.map((_, k) => k)): { at: string[]; inBounds: string } => {
      const starts = dims.map((d) => this.int(d));
      const fits = shape.map((n, k) => (starts[walks[k] as number] as number) + n <= (dims[walks[k] as number] as number));
      const flags = fits.map((f) => f && this.rand() < 0.7);
      return { at: starts.map((s) => this.constIndex(s)), inBounds: flags.some((f) => f) ? ` {in_bounds = [${flags.join(", ")}]}` : "" };
    };
    const w = access(v.shape);
    const mask = rank === 1 && this.rand() < 0.3 ? this.mask(v.shape) : undefined;
    const mk = mask === undefined ? "" : `, ${mask}`;
    this.emit(`vector.transfer_write ${v.name}, ${buf}[${w.at.join(", ")}]${mk}${w.inBounds} : ${this.vt(v.shape)}, ${mt}`, undefined, undefined, [v.name, ...w.at, ...(mask === undefined ? [] : [mask])]);
    const transposed = rank === 2 && this.rand() < 0.3;
    const shape = (transposed ? [...v.shape].reverse() : v.shape).map((d) => 1 + this.int(d + 1));
    const r = access(shape, transposed ? [1, 0] : undefined);
    const map = transposed ? `permutation_map = affine_map<(d0, d1) -> (d1, d0)>` : "";
    const attrs = r.inBounds === "" ? (map === "" ? "" : ` {${map}}`) : map === "" ? r.inBounds : r.inBounds.replace("{", `{${map}, `);
    const pad = this.scalar();
    const rmask = rank === 1 && this.rand() < 0.3 ? this.mask(shape) : undefined;
    const rmk = rmask === undefined ? "" : `, ${rmask}`;
    const rd = this.fresh();
    this.emit(`${rd} = vector.transfer_read ${buf}[${r.at.join(", ")}], ${pad}${rmk}${attrs} : ${mt}, ${this.vt(shape)}`, rd, this.vt(shape), [...r.at, pad, ...(rmask === undefined ? [] : [rmask])]);
    this.addVec(rd, shape);
    const back = this.fresh();
    this.emit(`${back} = vector.load ${buf}[${zeros.join(", ")}] : ${mt}, ${this.vt(dims)}`, back, this.vt(dims), zeros);
    this.addVec(back, dims);
  }

  private bitcastRoundTrip(): void {
    const v = this.anyVec();
    if (v.shape.length === 0) return;
    const other = this.isFloat ? (this.et === "f32" ? "i32" : "i64") : this.et === "i32" ? "f32" : this.et === "i64" ? "f64" : "i8";
    const t1 = this.vt(v.shape);
    const t2 = v.shape.length === 0 ? `vector<${other}>` : `vector<${v.shape.join("x")}x${other}>`;
    const a = this.fresh();
    this.emit(`${a} = vector.bitcast ${v.name} : ${t1} to ${t2}`, a, t2, [v.name]);
    const b = this.fresh();
    this.emit(`${b} = vector.bitcast ${a} : ${t2} to ${t1}`, b, t1, [a]);
    this.addVec(b, v.shape);
  }

  /** The function's text, returning every value nothing used. */
  finish(): string {
    const results = [...this.types.keys()].filter((n) => !this.used.has(n) && this.types.get(n) !== "index" && this.types.get(n) !== "i32");
    for (const v of this.vectors) if (v.name.includes("#") && !this.used.has(v.name) && !results.includes(v.name)) results.push(v.name);
    const types = results.map((n) => this.types.get(n) ?? this.vt((this.vectors.find((v) => v.name === n) as Vec).shape));
    const ret = results.length === 0 ? "return" : `return ${results.join(", ")} : ${types.join(", ")}`;
    const sig = results.length === 0 ? "" : ` -> (${types.join(", ")})`;
    return `${this.header()}${sig} {\n${this.lines.join("\n")}\n  ${ret}\n}\n`;
  }

  init(): void {
    this.scalars.push("%s0", "%s1", "%s2", "%s3");
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function shuffled(xs: number[], rand: () => number): number[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}

/** The text of the vector program of `seed` over element type `et`. */
export function vectorProgramText(seed: number, et: Type, opts: VectorProgramOptions = {}): string {
  const rand = seeded(seed);
  const name = printType(et);
  const b = new VectorProgramBuilder(rand, name, name.startsWith("f"), opts.memrefTransfers ?? false);
  b.init();
  const shapes = [[4], [3], [2, 3], [3, 2], [2, 2, 2], [1, 4]];
  for (let k = 0; k < 3; k++) b.build(shapes[Math.floor(rand() * shapes.length)] as number[]);
  b.build([4]);
  b.build([2, 3]);
  const steps = 1 + Math.floor(rand() * (opts.maxSteps ?? 12));
  for (let k = 0; k < steps; k++) b.step();
  return b.finish();
}

/** Random vector programs with random scalar inputs. */
export function vectorPrograms(opts: VectorProgramOptions = {}): fc.Arbitrary<ProgramCase> {
  return fc.record({ seed: fc.integer(), et: fc.constantFrom(...ELEMENT_TYPES) }).chain(({ seed, et }) => {
    const text = vectorProgramText(seed, et, opts);
    const argTypes: Type[] = [et, et, et, et, index, index];
    return fc.tuple(...argTypes.map(valueArb)).map((args: RuntimeValue[]): ProgramCase => ({ text, fn: "f", args }));
  });
}
