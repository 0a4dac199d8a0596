/**
 * The DSL's type level: element types, shapes as tuples, and the shape algebra tsc evaluates so that a shape
 * mismatch it can see is a compile error.
 *
 * A `Shape` is a tuple of dims; a dim is a number literal (`64`), a named symbolic dim (`"seq"`), a sum of
 * those (`"past+seq"`, what concatenating along a symbolic dim gives), or a wide `number` / `string` when the
 * size is not known to tsc. Names are bound to sizes when a function is traced (`trace(fn, { dims })`), so
 * what tsc cannot decide (`"seq"` against `64`, a reshape's element count) is checked then.
 *
 * The rules tsc applies (and the tracer applies again on the concrete sizes):
 * - Two literal dims are equal when they are the same literal. Distinct names are distinct dims: broadcasting
 *   `"seq"` against `"kv"`, or matmul of `[m, "seq"]` by `["kv", n]`, is rejected. A name against a number,
 *   or anything against a wide dim, is left to the trace.
 * - Broadcasting is NumPy's: shapes align on the right; dims are equal or one of them is 1.
 * - Axes may be negative (`-1` is the last); out of `[-rank, rank)` is an error.
 *
 * An error is a `ShapeError<"message">` type in a parameter's type: no value has it, so the argument is
 * rejected and tsc's message quotes the text, e.g.
 *   Argument of type 'Tensor<"f32", [2, 3]>' is not assignable to parameter of type
 *   'Tensor<"f32", [2, 3]> & ShapeError<"matmul: inner dimensions differ: [4, 5] @ [2, 3] (5 vs 2)">'.
 */

/** The element types the DSL traces (MLIR's spelling). */
export type DType = "f16" | "bf16" | "f32" | "f64" | "i1" | "i8" | "i16" | "i32" | "i64";
export type FloatDType = "f16" | "bf16" | "f32" | "f64";
export type IntDType = "i8" | "i16" | "i32" | "i64";

export type Dim = number | string;
export type Shape = readonly Dim[];

/** A shape written as a `const` argument (a readonly tuple) as the plain tuple results use. */
export type Writable<S extends Shape> = { -readonly [K in keyof S]: S[K] };

/** A shape error tsc shows: the branded property holds the message. No value has this type. */
export interface ShapeError<Message extends string> {
  readonly "~shapeError": Message;
}

// ---------------------------------------------------------------------------------------------------------
// Printing shapes into messages

type DimText<D> = D extends string ? (string extends D ? "string" : `'${D}'`) : D extends number ? (number extends D ? "number" : `${D}`) : "?";
type JoinDims<S extends Shape> = S extends readonly [infer H, ...infer T extends Shape]
  ? T extends readonly [] ? DimText<H> : `${DimText<H>}, ${JoinDims<T>}`
  : "...";
/** `[2, 'seq']` as text, for messages. */
export type ShapeText<S extends Shape> = S extends readonly [] ? "[]" : `[${JoinDims<S>}]`;

// ---------------------------------------------------------------------------------------------------------
// Dims

type IsLiteral<D> = D extends number ? (number extends D ? false : true) : D extends string ? (string extends D ? false : true) : false;
/** A tuple whose elements are all literal: tsc knows its rank. */
type IsTuple<S extends Shape> = number extends S["length"] ? false : true;

/** Whether two dims are known to differ (so they can never be equal, whatever the bindings). */
export type DimsDiffer<A, B> = IsLiteral<A> extends true
  ? IsLiteral<B> extends true
    ? [A] extends [B]
      ? false
      : [A, B] extends [number, number]
        ? true
        : [A, B] extends [string, string]
          ? true
          : false
    : false
  : false;

/** The broadcast of two dims, or the word "error". A number wins over a name (the name must bind to it or 1). */
export type BroadcastDim<A extends Dim, B extends Dim> = [A] extends [1]
  ? B
  : [B] extends [1]
    ? A
    : DimsDiffer<A, B> extends true
      ? "~error"
      : IsLiteral<A> extends true
        ? A extends number
          ? A
          : IsLiteral<B> extends true
            ? B
            : A
        : B;

// ---------------------------------------------------------------------------------------------------------
// Broadcasting

type BroadcastTuples<A extends Shape, B extends Shape> = A extends readonly [...infer AH extends Shape, infer AL extends Dim]
  ? B extends readonly [...infer BH extends Shape, infer BL extends Dim]
    ? BroadcastDim<AL, BL> extends infer R
      ? R extends "~error"
        ? "~error"
        : BroadcastTuples<AH, BH> extends infer Rest
          ? Rest extends Shape
            ? [...Rest, R]
            : "~error"
          : never
      : never
    : A
  : B;

/** NumPy broadcasting of two shapes (wide shapes give `Dim[]`), or "~error". */
export type BroadcastRaw<A extends Shape, B extends Shape> = IsTuple<A> extends true ? (IsTuple<B> extends true ? BroadcastTuples<A, B> : Dim[]) : Dim[];

/** The broadcast shape (for result types); a mismatch gives `never`, the check below rejects it first. */
export type Broadcast<A extends Shape, B extends Shape> = BroadcastRaw<A, B> extends infer R extends Shape ? R : never;

/** `unknown` when `A` and `B` broadcast, else the error (an intersection with a parameter's type). */
export type CheckBroadcast<Op extends string, A extends Shape, B extends Shape> =
  BroadcastRaw<A, B> extends "~error" ? ShapeError<`${Op}: shapes ${ShapeText<A>} and ${ShapeText<B>} do not broadcast`> : unknown;

// ---------------------------------------------------------------------------------------------------------
// Axes

type Tuple<N extends number, Acc extends unknown[] = []> = Acc["length"] extends N ? Acc : Tuple<N, [...Acc, unknown]>;
/** Small non-negative literals only (up to three digits); bigger ones are `number`. */
type IsSmall<N extends number> = `${N}` extends `${infer _A}${infer _B}${infer _C}${infer _D}` ? false : `${N}` extends `-${string}` ? false : true;

/** `axis` as an index in `[0, rank)`, or "~error" when out of range; wide gives `number`. */
export type NormalizeAxis<Axis extends number, Rank extends number> = number extends Axis
  ? number
  : number extends Rank
    ? number
    : `${Axis}` extends `-${infer N extends number}`
      ? Tuple<Rank> extends [...Tuple<N>, ...infer Rest]
        ? Rest["length"]
        : "~error"
      : Tuple<Rank> extends [...Tuple<Axis>, unknown, ...unknown[]]
        ? Axis
        : "~error";

export type CheckAxis<Op extends string, S extends Shape, Axis extends number> =
  NormalizeAxis<Axis, S["length"]> extends "~error" ? ShapeError<`${Op}: axis ${Axis} is out of range for a tensor of rank ${S["length"]} ${ShapeText<S>}`> : unknown;

/** `S` with the dim at `I` replaced by `D` (wide index: `Dim[]`). */
export type ReplaceDim<S extends Shape, I, D extends Dim> = I extends number
  ? number extends I
    ? Dim[]
    : { -readonly [K in keyof S]: K extends `${I}` ? D : S[K] }
  : Dim[];

/** `S` without the dim at `I`. */
export type RemoveDim<S extends Shape, I, Acc extends Dim[] = []> = I extends number
  ? number extends I
    ? Dim[]
    : S extends readonly [infer H extends Dim, ...infer T extends Shape]
      ? Acc["length"] extends I
        ? [...Acc, ...T]
        : RemoveDim<T, I, [...Acc, H]>
      : Acc
  : Dim[];

/** The shape of a reduction along `Axis`: the dim becomes 1 (`keepdims`) or goes. */
export type ReduceShape<S extends Shape, Axis extends number, KeepDims extends boolean> = IsTuple<S> extends false
  ? Dim[]
  : KeepDims extends true
    ? ReplaceDim<S, NormalizeAxis<Axis, S["length"]>, 1>
    : RemoveDim<S, NormalizeAxis<Axis, S["length"]>>;

/** The dim at an axis (negative allowed). */
export type DimAt<S extends Shape, Axis extends number> = NormalizeAxis<Axis, S["length"]> extends infer I extends number ? (number extends I ? Dim : S[I]) : Dim;

// ---------------------------------------------------------------------------------------------------------
// Dim arithmetic (concat)

/** `A + B`: a literal for small numbers, `"a+b"` when one is a name, `number` when wide or big. */
export type AddDims<A extends Dim, B extends Dim> = IsLiteral<A> extends false
  ? A extends number ? number : string
  : IsLiteral<B> extends false
    ? B extends number ? number : string
    : [A, B] extends [infer X extends number, infer Y extends number]
      ? IsSmall<X> extends true
        ? IsSmall<Y> extends true
          ? [...Tuple<X>, ...Tuple<Y>]["length"]
          : number
        : number
      : `${A}+${B}`;

// ---------------------------------------------------------------------------------------------------------
// Matmul

/** `[...batch, m, k] @ [...batch, k, n] = [...broadcast(batch), m, n]`, or an error message. */
type MatmulRaw<A extends Shape, B extends Shape> = IsTuple<A> extends false
  ? Dim[]
  : IsTuple<B> extends false
    ? Dim[]
    : A extends readonly [...infer AB extends Shape, infer M extends Dim, infer K extends Dim]
      ? B extends readonly [...infer BB extends Shape, infer K2 extends Dim, infer N extends Dim]
        ? DimsDiffer<K, K2> extends true
          ? `inner dimensions differ: ${ShapeText<A>} @ ${ShapeText<B>} (${DimText<K>} vs ${DimText<K2>})`
          : BroadcastRaw<AB, BB> extends infer Batch
            ? Batch extends Shape
              ? [...Batch, M, N]
              : `batch dimensions ${ShapeText<AB>} and ${ShapeText<BB>} do not broadcast`
            : never
        : `the right operand has rank ${B["length"]}, matmul needs rank >= 2`
      : `the left operand has rank ${A["length"]}, matmul needs rank >= 2`;

export type MatmulShape<A extends Shape, B extends Shape> = MatmulRaw<A, B> extends infer R extends Shape ? R : never;
export type CheckMatmul<A extends Shape, B extends Shape> = MatmulRaw<A, B> extends infer R extends string ? ShapeError<`matmul: ${R}`> : unknown;

// ---------------------------------------------------------------------------------------------------------
// Transpose

type HasDuplicate<P extends readonly number[]> = P extends readonly [infer H, ...infer T extends readonly number[]] ? (H extends T[number] ? true : HasDuplicate<T>) : false;
type AllBelow<P extends readonly number[], Rank extends number> = P extends readonly [infer H extends number, ...infer T extends readonly number[]]
  ? NormalizeAxis<H, Rank> extends "~error"
    ? false
    : `${H}` extends `-${string}`
      ? false
      : AllBelow<T, Rank>
  : true;

export type CheckPermutation<S extends Shape, P extends readonly number[]> = IsTuple<S> extends false
  ? unknown
  : number extends P["length"]
    ? unknown
    : P["length"] extends S["length"]
      ? AllBelow<P, S["length"]> extends false
        ? ShapeError<`transpose: [${JoinNumbers<P>}] is not a permutation of the ${S["length"]} axes of ${ShapeText<S>}`>
        : HasDuplicate<P> extends true
          ? ShapeError<`transpose: [${JoinNumbers<P>}] is not a permutation of the ${S["length"]} axes of ${ShapeText<S>}`>
          : unknown
      : ShapeError<`transpose: permutation [${JoinNumbers<P>}] has ${P["length"]} entries, the tensor ${ShapeText<S>} has rank ${S["length"]}`>;

type JoinNumbers<P extends readonly number[]> = P extends readonly [infer H extends number, ...infer T extends readonly number[]]
  ? T extends readonly [] ? `${H}` : `${H}, ${JoinNumbers<T>}`
  : "";

export type Permute<S extends Shape, P extends readonly number[]> = IsTuple<S> extends false
  ? Dim[]
  : number extends P["length"]
    ? Dim[]
    : PermuteTuple<S, P>;

type PermuteTuple<S extends Shape, P extends readonly number[]> = P extends readonly [infer H extends number, ...infer T extends readonly number[]]
  ? [S[H], ...PermuteTuple<S, T>]
  : [];

// ---------------------------------------------------------------------------------------------------------
// Concat

/** The shapes must agree on every dim but `axis` (same rank); `unknown` or the error. */
type CheckConcatPair<A extends Shape, B extends Shape, Axis extends number> = A["length"] extends B["length"]
  ? ConcatDimsAgree<A, B, Axis> extends true
    ? unknown
    : ShapeError<`concat: shapes ${ShapeText<A>} and ${ShapeText<B>} differ outside axis ${Axis}`>
  : ShapeError<`concat: shapes ${ShapeText<A>} and ${ShapeText<B>} have different ranks`>;

type ConcatDimsAgree<A extends Shape, B extends Shape, Axis extends number, I extends unknown[] = []> = A extends readonly [
  infer AH,
  ...infer AT extends Shape,
]
  ? B extends readonly [infer BH, ...infer BT extends Shape]
    ? I["length"] extends Axis
      ? ConcatDimsAgree<AT, BT, Axis, [...I, unknown]>
      : DimsDiffer<AH, BH> extends true
        ? false
        : ConcatDimsAgree<AT, BT, Axis, [...I, unknown]>
    : true
  : true;

/** Every shape of the list agrees with the first outside `Axis` (already normalised). */
export type CheckConcat<Shapes extends readonly Shape[], Axis extends number> = Shapes extends readonly [
  infer First extends Shape,
  ...infer Rest extends readonly Shape[],
]
  ? IsTuple<First> extends false
    ? unknown
    : NormalizeAxis<Axis, First["length"]> extends infer I extends number
      ? CheckConcatRest<First, Rest, I>
      : ShapeError<`concat: axis ${Axis} is out of range for a tensor of rank ${First["length"]} ${ShapeText<First>}`>
  : unknown;

type CheckConcatRest<First extends Shape, Rest extends readonly Shape[], I extends number> = Rest extends readonly [
  infer Next extends Shape,
  ...infer More extends readonly Shape[],
]
  ? IsTuple<Next> extends false
    ? CheckConcatRest<First, More, I>
    : CheckConcatPair<First, Next, I> extends infer E
      ? unknown extends E
        ? CheckConcatRest<First, More, I>
        : E
      : never
  : unknown;

type SumAxis<Shapes extends readonly Shape[], I extends number> = Shapes extends readonly [infer S extends Shape, ...infer Rest extends readonly Shape[]]
  ? Rest extends readonly []
    ? S[I]
    : SumAxis<Rest, I> extends infer Tail extends Dim
      ? AddDims<S[I], Tail>
      : never
  : 0;

export type ConcatShape<Shapes extends readonly Shape[], Axis extends number> = Shapes extends readonly [infer First extends Shape, ...(readonly Shape[])]
  ? IsTuple<First> extends false
    ? Dim[]
    : NormalizeAxis<Axis, First["length"]> extends infer I extends number
      ? number extends I
        ? Dim[]
        : ReplaceDim<First, I, SumAxis<Shapes, I>>
      : never
  : Dim[];
