/**
 * Examples of the IR the vector folders rewrite (dialects/vector/fold.ts), by op name, for property tests: the
 * program generator grows random programs around them (rewrites/testing/examples.ts has the hole syntax).
 * Random inputs are scalars, so vectors are built from them (broadcast, insert) or are `dense` constants.
 * Every case of a fold hook has an example, and near misses sit next to what must fold.
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";

/** A vector<2x3x$T> that is neither constant nor uniform, from the free scalars %x and %y. */
const NONUNIFORM = "%v0 = vector.broadcast %x : $T to vector<2x3x$T>\n  %v = vector.insert %y, %v0 [1, 2] : $T into vector<2x3x$T>";

/** A buffer %m of 8 elements, every one stored (from the free scalars %x and %y), with indices %c0 and %c4. */
const BUFFER =
  "^bb0(%x: $T, %y: $T):\n  %m = memref.alloc() : memref<8x$T>\n  %c0 = arith.constant 0 : index\n  %c4 = arith.constant 4 : index\n  %x4 = vector.broadcast %x : $T to vector<4x$T>\n  %y4 = vector.broadcast %y : $T to vector<4x$T>\n  vector.store %x4, %m[%c0] : memref<8x$T>, vector<4x$T>\n  vector.store %y4, %m[%c4] : memref<8x$T>, vector<4x$T>";

export const vectorFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  "vector.broadcast": [
    "^bb0(%x: $T):\n  %c = arith.constant ?c : $T\n  %b = vector.broadcast %?{c|x} : $T to vector<2x3x$T>",
    "^bb0(%x: $T):\n  %v = vector.broadcast %x : $T to vector<3x$T>\n  %b = vector.broadcast %v : vector<3x$T> to vector<3x$T>",
  ],
  "vector.splat": [
    "^bb0(%x: $T):\n  %c = arith.constant ?c : $T\n  %s = vector.splat %?{c|c|x} : vector<4x$T>",
    "%c = arith.constant ?c : $T\n  %s = vector.splat %c : vector<2x3x$T>",
  ],
  "vector.shape_cast": [
    `^bb0(%x: $T, %y: $T):\n  ${NONUNIFORM}\n  %a = vector.shape_cast %v : vector<2x3x$T> to vector<6x$T>\n  %b = vector.shape_cast %a : vector<6x$T> to ?{vector<2x3x$T>|vector<3x2x$T>|vector<6x1x$T>}`,
    `^bb0(%x: $T, %y: $T):\n  ${NONUNIFORM}\n  %a = vector.shape_cast %v : vector<2x3x$T> to vector<2x3x1x$T>\n  %b = vector.shape_cast %a : vector<2x3x1x$T> to vector<6x$T>`,
    "^bb0(%x: $T):\n  %s = vector.broadcast %x : $T to vector<4x$T>\n  %b = vector.broadcast %s : vector<4x$T> to vector<1x4x$T>\n  %c = vector.shape_cast %b : vector<1x4x$T> to vector<4x$T>",
    "%c = arith.constant ?c : vector<2x3x$T>\n  %s = vector.shape_cast %c : vector<2x3x$T> to vector<6x$T>",
  ],
  "vector.transpose": [
    `^bb0(%x: $T, %y: $T):\n  ${NONUNIFORM}\n  %t = vector.transpose %v, [0, 1] : vector<2x3x$T> to vector<2x3x$T>`,
    "%c = arith.constant ?c : vector<2x3x$T>\n  %t = vector.transpose %c, [1, 0] : vector<2x3x$T> to vector<3x2x$T>",
  ],
  "vector.bitcast": [
    { ir: "^bb0(%x: $T, %y: $T):\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [1] : $T into vector<4x$T>\n  %a = vector.bitcast %v : vector<4x$T> to vector<?{4|2}x$U>\n  %b = vector.bitcast %a : vector<?{4|2}x$U> to vector<4x$T>", types: { T: ["i32", "f32"], U: ["f32", "i32", "i64", "f64"] } },
    "^bb0(%x: $T):\n  %v = vector.broadcast %x : $T to vector<4x$T>\n  %a = vector.bitcast %v : vector<4x$T> to vector<4x$T>",
    // A splat f16 constant to f32 folds; another constant (a near miss) does not.
    "%c = arith.constant ?{dense<1.0>|dense<-0.0>|dense<[1.0, 2.0, 3.0, 4.0]>} : vector<4xf16>\n  %a = vector.bitcast %c : vector<4xf16> to vector<2xf32>",
  ],
  "vector.extract": [
    "^bb0(%x: $T, %y: $T):\n  %m0 = vector.broadcast %x : $T to vector<2x3x4x$T>\n  %m = vector.insert %y, %m0 [1, 2, 3] : $T into vector<2x3x4x$T>\n  %a = vector.extract %m[1] : vector<2x3x4x$T>\n  %b = vector.extract %a[?{2|0}] : vector<3x4x$T>",
    `^bb0(%x: $T, %y: $T, %s: $T):\n  ${NONUNIFORM}\n  %i = vector.insert %s, %v [1, ?{0|1}] : $T into vector<2x3x$T>\n  %e = vector.extract %i[?{1, 0|0, 2|1, 1}] : vector<2x3x$T>`,
    "^bb0(%x: $T):\n  %b = vector.?{broadcast %x : $T to|splat %x :} vector<2x3x$T>\n  %e = vector.extract %b[1, ?{0|2}] : vector<2x3x$T>",
    "%c = arith.constant ?c : vector<2x3x$T>\n  %e = vector.extract %c[?{1|0, 2|1, 1}] : vector<2x3x$T>",
    // Through a transpose (of the named dims only, or not: a near miss), a broadcast that stretches a unit dim, a shape_cast, an extract_strided_slice, insert_strided_slices.
    "%w = arith.constant ?w : vector<2x3x4x$T>\n  %t = vector.transpose %w, [1, 0, 2] : vector<2x3x4x$T> to vector<3x2x4x$T>\n  %e = vector.extract %t[?{2, 1|1, 0, 3|2}] : vector<3x2x4x$T>",
    "%w = arith.constant ?w : vector<2x3x4x$T>\n  %t = vector.transpose %w, [2, 0, 1] : vector<2x3x4x$T> to vector<4x2x3x$T>\n  %e = vector.extract %t[?{3, 1, 2|1, 0, 1|0|1, 1}] : vector<4x2x3x$T>",
    "^bb0(%x: $T, %y: $T):\n  %v0 = vector.broadcast %x : $T to vector<1x4x$T>\n  %v = vector.insert %y, %v0 [0, ?{1|2}] : $T into vector<1x4x$T>\n  %b = vector.broadcast %v : vector<1x4x$T> to vector<2x3x4x$T>\n  %e = vector.extract %b[1, ?{0|2}?{|, 1|, 2}] : vector<2x3x4x$T>",
    "^bb0(%x: $T, %y: $T):\n  %w0 = vector.broadcast %x : $T to vector<2x3x4x$T>\n  %w = vector.insert %y, %w0 [1, ?{1|2}, ?{0|2}] : $T into vector<2x3x4x$T>\n  %c = vector.shape_cast %w : vector<2x3x4x$T> to vector<6x4x$T>\n  %e = vector.extract %c[?{4|5|1}?{|, 2|, 0}] : vector<6x4x$T>",
    `^bb0(%x: $T, %y: $T):\n  ${NONUNIFORM}\n  %c = vector.shape_cast %v : vector<2x3x$T> to vector<3x2x$T>\n  %e = vector.extract %c[?{1|2}] : vector<3x2x$T>`,
    `^bb0(%x: $T, %y: $T):\n  ${NONUNIFORM}\n  %s = vector.extract_strided_slice %v {offsets = [?{1|0}, ?{0|1}], sizes = [1, 2], strides = [1, 1]} : vector<2x3x$T> to vector<1x2x$T>\n  %e = vector.extract %s[0?{|, 1}] : vector<1x2x$T>`,
    `^bb0(%x: $T, %y: $T, %z: $T):\n  ${NONUNIFORM}\n  %d = vector.broadcast %z : $T to vector<4x3x$T>\n  %i = vector.insert_strided_slice %v, %d {offsets = [?{0|1|2}, 0], strides = [1, 1]} : vector<2x3x$T> into vector<4x3x$T>\n  %e = vector.extract %i[?{0|1|2|3}?{|, 2}] : vector<4x3x$T>`,
    // Constant (mostly non-splat) sources, so that any other element read is seen.
    "%w = arith.constant ?w : vector<2x3x4x$T>\n  %c = vector.shape_cast %w : vector<2x3x4x$T> to vector<6x4x$T>\n  %e = vector.extract %c[?{4|5|1}?{|, 2|, 0}] : vector<6x4x$T>",
    "%w = arith.constant ?w : vector<2x3x$T>\n  %c = vector.shape_cast %w : vector<2x3x$T> to vector<6x$T>\n  %e = vector.extract %c[?{4|5|1}] : vector<6x$T>",
    "%w = arith.constant ?w : vector<3x4x$T>\n  %s = vector.extract_strided_slice %w {offsets = [?{1|0}, ?{0|1}], sizes = [2, 3], strides = [1, 1]} : vector<3x4x$T> to vector<2x3x$T>\n  %e = vector.extract %s[1?{|, 2}] : vector<2x3x$T>",
    "^bb0(%z: $T):\n  %v = arith.constant ?v : vector<2x3x$T>\n  %d = vector.broadcast %z : $T to vector<4x3x$T>\n  %i = vector.insert_strided_slice %v, %d {offsets = [?{0|1|2}, 0], strides = [1, 1]} : vector<2x3x$T> into vector<4x3x$T>\n  %e = vector.extract %i[?{0|1|2|3}?{|, 2|, 1}] : vector<4x3x$T>",
    "%w = arith.constant ?w : vector<1x4x$T>\n  %b = vector.broadcast %w : vector<1x4x$T> to vector<2x3x4x$T>\n  %e = vector.extract %b[1, ?{0|2}?{|, 1|, 3}] : vector<2x3x4x$T>",
    "^bb0(%x: $T, %y: $T, %z: $T):\n  %s0 = vector.broadcast %x : $T to vector<2x$T>\n  %s = vector.insert %y, %s0 [1] : $T into vector<2x$T>\n  %d = vector.broadcast %z : $T to vector<4x3x$T>\n  %i = vector.insert_strided_slice %s, %d {offsets = [1, ?{0|1}], strides = [1]} : vector<2x$T> into vector<4x3x$T>\n  %e = vector.extract %i[?{1|2}?{|, 0|, 1|, 2}] : vector<4x3x$T>",
  ],
  "vector.insert": ["^bb0(%x: $T, %y: $T):\n  %v = vector.broadcast %x : $T to vector<4x$T>\n  %d = vector.broadcast %y : $T to vector<4x$T>\n  %i = vector.insert %v, %d [] : vector<4x$T> into vector<4x$T>"],
  "vector.extractelement": [
    "^bb0(%x: $T):\n  %c = arith.constant ?{0|3} : i32\n  %b = vector.?{broadcast %x : $T to|splat %x :} vector<4x$T>\n  %e = vector.extractelement %b[%c : i32] : vector<4x$T>",
    "%v = arith.constant ?v : vector<4x$T>\n  %c = arith.constant ?{0|1|3} : i32\n  %e = vector.extractelement %v[%c : i32] : vector<4x$T>",
  ],
  "vector.insert_strided_slice": [
    `^bb0(%x: $T, %y: $T, %z: $T):\n  ${NONUNIFORM}\n  %d = vector.broadcast %z : $T to vector<2x3x$T>\n  %i = vector.insert_strided_slice %v, %d {offsets = [0, 0], strides = [1, 1]} : vector<2x3x$T> into vector<2x3x$T>`,
  ],
  "vector.extract_strided_slice": [
    `^bb0(%x: $T, %y: $T):\n  ${NONUNIFORM}\n  %e = vector.extract_strided_slice %v {offsets = [0, ?{0|1}], sizes = [2, ?{3|2}], strides = [1, 1]} : vector<2x3x$T> to vector<2x?{3|2}x$T>`,
    // Through a chain of two inserts: inside the upper one, inside the lower one (the upper missed), or
    // overlapping one (no fold; the interval [1, 3) meets [2, 4) at 2).
    "^bb0(%x: $T, %y: $T, %z: $T):\n  %d = vector.broadcast %x : $T to vector<8x$T>\n  %s0 = vector.broadcast %y : $T to vector<4x$T>\n  %s = vector.insert %z, %s0 [1] : $T into vector<4x$T>\n  %t = vector.broadcast %z : $T to vector<2x$T>\n  %i = vector.insert_strided_slice %s, %d {offsets = [2], strides = [1]} : vector<4x$T> into vector<8x$T>\n  %j = vector.insert_strided_slice %t, %i {offsets = [?{6|0}], strides = [1]} : vector<2x$T> into vector<8x$T>\n  %e = vector.extract_strided_slice %j {offsets = [?{3|2|1|5|0}], sizes = [2], strides = [1]} : vector<8x$T> to vector<2x$T>",
    // An upper insert [2, 4) over a lower one [0, 4): a slice from 1 meets the upper one, so it must not read the lower.
    "^bb0(%x: $T, %y: $T, %z: $T):\n  %d = vector.broadcast %x : $T to vector<8x$T>\n  %s = vector.broadcast %y : $T to vector<4x$T>\n  %t = vector.broadcast %z : $T to vector<2x$T>\n  %i = vector.insert_strided_slice %s, %d {offsets = [0], strides = [1]} : vector<4x$T> into vector<8x$T>\n  %j = vector.insert_strided_slice %t, %i {offsets = [2], strides = [1]} : vector<2x$T> into vector<8x$T>\n  %e = vector.extract_strided_slice %j {offsets = [?{1|0|2|3}], sizes = [2], strides = [1]} : vector<8x$T> to vector<2x$T>",
    `^bb0(%x: $T, %y: $T, %z: $T):\n  ${NONUNIFORM}\n  %d = vector.broadcast %z : $T to vector<3x4x$T>\n  %i = vector.insert_strided_slice %v, %d {offsets = [?{0|1}, ?{0|1}], strides = [1, 1]} : vector<2x3x$T> into vector<3x4x$T>\n  %e = vector.extract_strided_slice %i {offsets = [1, ?{1|0|3}], sizes = [1, ?{1|2}], strides = [1, 1]} : vector<3x4x$T> to vector<1x?{1|2}x$T>`,
  ],
  "vector.shuffle": [
    // Taking one operand whole and in order; a near miss takes it out of order.
    `^bb0(%x: $T, %y: $T, %z: $T):\n  %a0 = vector.broadcast %x : $T to vector<3x$T>\n  %a = vector.insert %y, %a0 [1] : $T into vector<3x$T>\n  %b0 = vector.broadcast %z : $T to vector<2x$T>\n  %b = vector.insert %x, %b0 [0] : $T into vector<2x$T>\n  %s = vector.shuffle %a, %b [?{0, 1, 2|3, 4|1, 0, 2|3, 4, 0}] : vector<3x$T>, vector<2x$T>`,
    "%a = arith.constant ?a : vector<3x$T>\n  %b = arith.constant ?b : vector<2x$T>\n  %s = vector.shuffle %a, %b [?{4, 0, 2|1, 3|2}] : vector<3x$T>, vector<2x$T>",
  ],
  "vector.insertelement": [
    "%s = arith.constant ?s : $T\n  %d = arith.constant ?d : vector<4x$T>\n  %p = arith.constant ?{0|3} : i32\n  %i = vector.insertelement %s, %d[%p : i32] : vector<4x$T>",
    // A source that is not constant: no fold.
    "^bb0(%x: $T):\n  %d = arith.constant ?d : vector<4x$T>\n  %p = arith.constant 2 : index\n  %i = vector.insertelement %x, %d[%p : index] : vector<4x$T>",
  ],
  "vector.load": [`${BUFFER}\n  %c = memref.cast %m : memref<8x$T> to memref<?x$T>\n  %r = vector.load %c[%?{c0|c4}] : memref<?x$T>, vector<4x$T>`],
  "vector.store": [`${BUFFER}\n  %c = memref.cast %m : memref<8x$T> to memref<?x$T>\n  %v = vector.broadcast %y : $T to vector<4x$T>\n  vector.store %v, %c[%c4] : memref<?x$T>, vector<4x$T>\n  %r = vector.load %m[%c0] : memref<8x$T>, vector<8x$T>`],
  "vector.maskedload": [
    `${BUFFER}\n  %c = memref.cast %m : memref<8x$T> to memref<?x$T>\n  %k = vector.constant_mask [2] : vector<4xi1>\n  %p = vector.broadcast %y : $T to vector<4x$T>\n  %r = vector.maskedload %c[%c4], %k, %p : memref<?x$T>, vector<4xi1>, vector<4x$T> into vector<4x$T>`,
  ],
  "vector.maskedstore": [
    `${BUFFER}\n  %c = memref.cast %m : memref<8x$T> to memref<?x$T>\n  %k = vector.constant_mask [3] : vector<4xi1>\n  %v = vector.broadcast %y : $T to vector<4x$T>\n  vector.maskedstore %c[%c0], %k, %v : memref<?x$T>, vector<4xi1>, vector<4x$T>\n  %r = vector.load %m[%c0] : memref<8x$T>, vector<8x$T>`,
  ],
  "vector.multi_reduction": [
    // The neutral accumulator folds away; another one (a near miss) must not.
    "^bb0(%x: $F, %y: $F, %a: $F):\n  %v0 = vector.broadcast %x : $F to vector<4x$F>\n  %v = vector.insert %y, %v0 [2] : $F into vector<4x$F>\n  %n = arith.constant dense<-0.0> : vector<4x$F>\n  %b = vector.broadcast %a : $F to vector<4x$F>\n  %r = vector.multi_reduction <add>, %v, %?{n|n|b} [] : vector<4x$F> to vector<4x$F>",
    { ir: "^bb0(%x: $T, %y: $T):\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [2] : $T into vector<4x$T>\n  %n = arith.constant dense<?{-1|0}> : vector<4x$T>\n  %r = vector.multi_reduction <?{and|or|xor}>, %v, %n [] : vector<4x$T> to vector<4x$T>", types: { T: ["i8", "i32", "i64"] } },
  ],
  "vector.transfer_read": [
    "^bb0(%x: $T):\n  %t = arith.constant ?t : tensor<8x$T>\n  %c = arith.constant ?{0|4|5|8} : index\n  %p = arith.constant ?p : $T\n  %r = vector.transfer_read %t[%c], %p : tensor<8x$T>, vector<4x$T>",
    "%t = arith.constant ?t : tensor<8x$T>\n  %d = tensor.cast %t : tensor<8x$T> to tensor<?x$T>\n  %c = arith.constant ?{0|4|6} : index\n  %p = arith.constant ?p : $T\n  %r = vector.transfer_read %d[%c], %p : tensor<?x$T>, vector<4x$T>",
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<8x$T>\n  %c = arith.constant ?{0|4} : index\n  %p = arith.constant ?p : $T\n  %v = vector.broadcast %x : $T to vector<4x$T>\n  %w = vector.transfer_write %v, %t[%c] {in_bounds = [true]} : vector<4x$T>, tensor<8x$T>\n  %r = vector.transfer_read %w[%c], %p {in_bounds = [?{true|false}]} : tensor<8x$T>, vector<4x$T>",
  ],
  "vector.transfer_write": [
    "^bb0(%x: $T):\n  %t = arith.constant ?t : tensor<8x$T>\n  %c = arith.constant ?{0|4|6|8} : index\n  %v = vector.broadcast %x : $T to vector<4x$T>\n  %w = vector.transfer_write %v, %t[%c] : vector<4x$T>, tensor<8x$T>",
    "%t = arith.constant ?t : tensor<8x$T>\n  %c = arith.constant ?{0|4} : index\n  %p = arith.constant ?p : $T\n  %r = vector.transfer_read %t[%c], %p {in_bounds = [true]} : tensor<8x$T>, vector<4x$T>\n  %w = vector.transfer_write %r, %t[%c] {in_bounds = [?{true|false}]} : vector<4x$T>, tensor<8x$T>",
  ],
};
