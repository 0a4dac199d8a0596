/**
 * Type-level tests of the DSL's shapes, compiled by tsc (npm run typecheck, and test/unit/dsl-types.test.ts
 * with test/types/tsconfig.json). Every `@ts-expect-error` marks a shape mismatch tsc must reject: if one is
 * accepted, the directive is unused and tsc fails. Nothing here runs.
 */
import { add, concat, gather, greater, linear, matmul, max, mean, mul, reshape, rmsnorm, rope, select, slice, softmax, sum, transpose, type Tensor } from "../../frontends/dsl/index.ts";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T>(_: T): void => undefined;
type ShapeOf<T> = T extends Tensor<infer _D, infer S> ? S : never;
/** `shapeOf(t).is<[2, 3]>()` compiles only when t's shape type is exactly [2, 3]. */
const shapeOf = <T extends Tensor>(_t: T) => ({
  is: <S>(..._check: Equal<ShapeOf<T>, S> extends true ? [] : [ShapeOf<T>, "is not", S]): void => undefined,
});

declare const a23: Tensor<"f32", [2, 3]>;
declare const a34: Tensor<"f32", [3, 4]>;
declare const a44: Tensor<"f32", [4, 4]>;
declare const v3: Tensor<"f32", [3]>;
declare const v4: Tensor<"f32", [4]>;
declare const col2: Tensor<"f32", [2, 1]>;
declare const b234: Tensor<"f32", [5, 2, 3]>;
declare const b534: Tensor<"f32", [5, 3, 4]>;
declare const x: Tensor<"f32", ["seq", 64]>;
declare const y: Tensor<"f32", ["kv", 64]>;
declare const w: Tensor<"f32", [64, 128]>;
declare const i23: Tensor<"i32", [2, 3]>;
declare const ids: Tensor<"i32", ["seq"]>;
declare const table: Tensor<"f32", [1000, 64]>;
declare const cond: Tensor<"i1", [2, 1]>;
declare const wide: Tensor<"f32", number[]>;

// ----- broadcasting
shapeOf(add(a23, v3)).is<[2, 3]>();
shapeOf(add(a23, col2)).is<[2, 3]>();
shapeOf(mul(a23, 2)).is<[2, 3]>();
shapeOf(add(x, x)).is<["seq", 64]>();
shapeOf(add(b234, a23)).is<[5, 2, 3]>();
shapeOf(add(wide, a23)).is<(number | string)[]>();
// @ts-expect-error the last dims differ: 3 vs 4
add(a23, v4);
// @ts-expect-error [2, 3] against [3, 4]
mul(a23, a34);
// @ts-expect-error distinct symbolic dims 'seq' and 'kv'
add(x, y);
// @ts-expect-error element types differ
add(a23, i23);

// ----- matmul
shapeOf(matmul(a23, a34)).is<[2, 4]>();
shapeOf(matmul(x, w)).is<["seq", 128]>();
shapeOf(matmul(b234, b534)).is<[5, 2, 4]>();
shapeOf(matmul(b234, a34)).is<[5, 2, 4]>();
// @ts-expect-error inner dimensions 3 vs 4
matmul(a23, a44);
// @ts-expect-error inner dimensions 64 vs 3
matmul(x, a34);
// @ts-expect-error rank 1
matmul(v3, a34);

// ----- reductions
shapeOf(sum(a23, 1)).is<[2]>();
shapeOf(sum(a23, -1, { keepdims: true })).is<[2, 1]>();
shapeOf(max(a23, 0)).is<[3]>();
shapeOf(mean(x, 1, { keepdims: true })).is<["seq", 1]>();
shapeOf(mean(x, -2)).is<[64]>();
// @ts-expect-error axis 2 of a rank-2 tensor
sum(a23, 2);
// @ts-expect-error axis -3 of a rank-2 tensor
max(a23, -3);
// @ts-expect-error mean needs floats
mean(i23, 0);

// ----- reshape, transpose, slice
shapeOf(reshape(a23, [3, 2])).is<[3, 2]>();
shapeOf(reshape(x, ["seq", 8, 8])).is<["seq", 8, 8]>();
shapeOf(transpose(a23, [1, 0])).is<[3, 2]>();
shapeOf(transpose(b234, [1, 2, 0])).is<[2, 3, 5]>();
shapeOf(transpose(x, [1, 0])).is<[64, "seq"]>();
// @ts-expect-error not a permutation (repeated axis)
transpose(a23, [0, 0]);
// @ts-expect-error too few axes
transpose(b234, [1, 0]);
// @ts-expect-error axis 2 out of range
transpose(a23, [2, 0]);
shapeOf(slice(a23, 1, 0, 2)).is<[2, 2]>();
shapeOf(slice(x, -1, 32, 32)).is<["seq", 32]>();
// @ts-expect-error slice axis out of range
slice(a23, 2, 0, 1);

// ----- concat
shapeOf(concat([a23, add(a23, col2), slice(a23, 1, 0, 1)], 1)).is<[2, 7]>();
shapeOf(concat([a23, a23], 0)).is<[4, 3]>();
shapeOf(concat([x, y], 0)).is<["seq+kv", 64]>();
shapeOf(concat([b234], 0)).is<[5, 2, 3]>();
// @ts-expect-error other dims differ (3 vs 4)
concat([a23, a34], 0);
// @ts-expect-error the symbolic dims differ along axis 1
concat([x, y], 1);
// @ts-expect-error ranks differ
concat([a23, b234], 0);
// @ts-expect-error axis out of range
concat([a23, a23], 2);

// ----- gather, select
shapeOf(gather(table, ids)).is<["seq", 64]>();
shapeOf(gather(table, i23)).is<[2, 3, 64]>();
// @ts-expect-error indices must be i32
gather(table, a23);
shapeOf(select(cond, a23, v3)).is<[2, 3]>();
shapeOf(greater(col2, 0)).is<[2, 1]>();
// @ts-expect-error the condition [2, 1] does not broadcast with [3, 4]
select(cond, a34, a34);

// ----- nn helpers
declare const w172: Tensor<"f32", [64, 172]>;
declare const norm64: Tensor<"f32", [64]>;
shapeOf(linear(x, w172)).is<["seq", 172]>();
shapeOf(linear(b234, a34)).is<[5, 2, 4]>();
shapeOf(rmsnorm(x, norm64)).is<["seq", 64]>();
shapeOf(softmax(x, -1)).is<["seq", 64]>();
shapeOf(rope(reshape(x, [4, "seq", 16]))).is<[4, "seq", 16]>();
// @ts-expect-error the weight's rows (64) are not the input's last dim (3)
linear(a23, w172);
// @ts-expect-error ['seq', 64] and ['seq', 172] do not broadcast (the README's example)
add(x, linear(x, w172));
// @ts-expect-error the norm's weight [3] does not broadcast with ['seq', 64]
rmsnorm(x, v3);
// @ts-expect-error softmax axis out of range
softmax(x, 2);
// @ts-expect-error matmul of integers and floats
matmul(i23, a34);

expectType<Tensor<"f32", [2, 4]>>(matmul(a23, a34));
