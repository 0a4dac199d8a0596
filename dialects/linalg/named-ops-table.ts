/**
 * Every named structured op of MLIR 16.0.6 (its OpDSL table, LinalgNamedStructuredOps.yaml), as one
 * declarative table: operands, loops and indexing, attributes and the scalar payload. The op definitions, their
 * implicit regions, verifiers, generalisation to linalg.generic and the interpreter's fast path all come from
 * here (named-ops.ts, generalize.ts, interp.ts).
 *
 * Operand conventions of OpDSL: inputs have element types `T1`, `T2`, the output `U`; casts go to the
 * output's element type. Scalars (`AZp`, `value`, `seed`) are inputs that are one element, not a tensor.
 */
import type { NamedOpDef, NamedOperand } from "./named-op-def.ts";
import {
  type ScalarExpr,
  add,
  arg,
  binary,
  castAttr,
  castSigned,
  castUnsigned,
  constF64,
  constI64,
  index,
  mul,
  sub,
  unary,
} from "./payload.ts";

const input = (name: string, typeVar: string, map?: string): NamedOperand => (map === undefined ? { name, kind: "input", typeVar } : { name, kind: "input", typeVar, map });
const output = (name: string, typeVar: string, map?: string): NamedOperand => (map === undefined ? { name, kind: "output", typeVar } : { name, kind: "output", typeVar, map });
const scalar = (name: string, typeVar: string): NamedOperand => ({ name, kind: "scalar", typeVar });

/** `C += cast(A) * cast(B)`, the payload of every contraction (with the given cast). */
const multiplyAccumulate = (c: string, a: string, b: string, cast: (to: string, e: ScalarExpr) => ScalarExpr = castSigned, to = "U"): ScalarExpr =>
  add(arg(c), mul(cast(to, arg(a)), cast(to, arg(b))));

/** `C += (cast(A) - cast(AZp)) * (cast(B) - cast(BZp))`: the quantized contractions and convolutions. */
const quantizedMultiplyAccumulate = (c: string, a: string, az: string, b: string, bz: string): ScalarExpr =>
  add(arg(c), mul(sub(castSigned("U", arg(a)), castSigned("U", arg(az))), sub(castSigned("U", arg(b)), castSigned("U", arg(bz)))));

/** A contraction `C(c) += A(a) * B(b)` over the given loops. */
function contraction(name: string, summary: string, loops: string, reductions: string, maps: readonly [string, string, string], payload?: ScalarExpr): NamedOpDef {
  return {
    name,
    summary,
    loops,
    reductions,
    operands: [input("A", "T1", maps[0]), input("B", "T2", maps[1]), output("C", "U", maps[2])],
    payload: payload ?? multiplyAccumulate("C", "A", "B"),
    tag: "contraction",
  };
}

/** A quantized contraction: as `contraction`, with zero points `AZp`, `BZp` after the two inputs. */
function quantizedContraction(name: string, summary: string, loops: string, reductions: string, maps: readonly [string, string, string]): NamedOpDef {
  return {
    name,
    summary,
    loops,
    reductions,
    operands: [input("A", "T1", maps[0]), input("B", "T2", maps[1]), scalar("AZp", "I32"), scalar("BZp", "I32"), output("C", "U", maps[2])],
    payload: quantizedMultiplyAccumulate("C", "A", "AZp", "B", "BZp"),
  };
}

/** A convolution `O += I * K` with `window` strided and dilated spatial dims (0: none, as conv_2d). */
function convolution(name: string, summary: string, loops: string, reductions: string, maps: readonly [string, string, string], window = 0): NamedOpDef {
  return {
    name,
    summary,
    loops,
    reductions,
    operands: [input("I", "T1", maps[0]), input("K", "T2", maps[1]), output("O", "U", maps[2])],
    ...(window > 0 ? { window } : {}),
    payload: multiplyAccumulate("O", "I", "K"),
    tag: "convolution",
  };
}

/** A quantized convolution: zero points `IZp`, `KZp` after the two inputs. */
function quantizedConvolution(name: string, summary: string, loops: string, reductions: string, maps: readonly [string, string, string], window: number): NamedOpDef {
  return {
    name,
    summary,
    loops,
    reductions,
    operands: [input("I", "T1", maps[0]), input("K", "T2", maps[1]), scalar("IZp", "I32"), scalar("KZp", "I32"), output("O", "U", maps[2])],
    window,
    payload: quantizedMultiplyAccumulate("O", "I", "IZp", "K", "KZp"),
    tag: "convolution",
  };
}

type PoolKind = "sum" | "max" | "min" | "max_unsigned" | "min_unsigned";

/** A pooling: `O = O <op> I` over a window whose shape the (otherwise unread) input `K` gives. */
function pooling(layout: string, kind: PoolKind, loops: string, maps: readonly [string, string, string], window: number): NamedOpDef {
  const payload: ScalarExpr = {
    sum: add(arg("O"), castSigned("U", arg("I"))),
    max: binary("max_signed", arg("O"), castSigned("U", arg("I"))),
    min: binary("min_signed", arg("O"), castSigned("U", arg("I"))),
    max_unsigned: binary("max_unsigned", arg("O"), castUnsigned("U", arg("I"))),
    min_unsigned: binary("min_unsigned", arg("O"), castUnsigned("U", arg("I"))),
  }[kind];
  const spatial = loops.split(" ").filter((l) => l.startsWith("k"));
  return {
    name: `pooling_${layout}_${kind}`,
    summary: `${kind.replace("_", " ")} pooling of a ${layout.toUpperCase()} input over a window`,
    loops,
    reductions: spatial.join(" "),
    operands: [input("I", "T1", maps[0]), input("K", "T2", maps[1]), output("O", "U", maps[2])],
    window,
    payload,
    tag: "convolution",
  };
}

// Window indexing, for the layouts below: output position times stride plus window position times dilation.
const w1 = "ow * $s0 + kw * $d0";
const h2 = "oh * $s0 + kh * $d0";
const w2 = "ow * $s1 + kw * $d1";
const d3 = "od * $s0 + kd * $d0";
const h3 = "oh * $s1 + kh * $d1";
const w3 = "ow * $s2 + kw * $d2";

const elementwise: readonly NamedOpDef[] = [
  {
    name: "copy",
    summary: "copies the input elementwise into the output, converting to its element type",
    operands: [input("I", "T1"), output("O", "U")],
    cast: true,
    payload: castAttr("U", arg("I")),
  },
  {
    name: "elemwise_unary",
    summary: "applies the unary function `fun` elementwise",
    operands: [input("I", "T1"), output("O", "U")],
    fun: { kind: "unary", default: "exp" },
    cast: true,
    payload: unary({ attr: "fun", default: "exp" }, castAttr("U", arg("I"))),
  },
  {
    name: "elemwise_binary",
    summary: "applies the binary function `fun` elementwise",
    operands: [input("lhs", "T1"), input("rhs", "T2"), output("O", "U")],
    fun: { kind: "binary", default: "add" },
    cast: true,
    payload: binary({ attr: "fun", default: "add" }, castAttr("U", arg("lhs")), castAttr("U", arg("rhs"))),
  },
];

const contractions: readonly NamedOpDef[] = [
  { ...contraction("matmul", "matrix multiplication of two 2-D inputs", "m n k", "k", ["m, k", "k, n", "m, n"], multiplyAccumulate("C", "A", "B", castAttr)), cast: true },
  contraction("matmul_unsigned", "unsigned matrix multiplication of two 2-D inputs", "m n k", "k", ["m, k", "k, n", "m, n"], multiplyAccumulate("C", "A", "B", castUnsigned)),
  quantizedContraction("quantized_matmul", "matrix multiplication of two 2-D inputs with zero-point adjustments", "m n k", "k", ["m, k", "k, n", "m, n"]),
  {
    name: "mmt4d",
    summary: "matrix-matrix-transpose multiplication of two 4-D inputs (tiled layout)",
    loops: "m n k m0 n0 k0",
    reductions: "k k0",
    operands: [input("lhs", "LhsType", "m, k, m0, k0"), input("rhs", "RhsType", "n, k, n0, k0"), output("accum", "AccumType", "m, n, m0, n0")],
    payload: multiplyAccumulate("accum", "lhs", "rhs", castSigned, "AccumType"),
    tag: "contraction",
  },
  { ...contraction("matmul_transpose_b", "matrix multiplication with the second input transposed", "m n k", "k", ["m, k", "n, k", "m, n"], multiplyAccumulate("C", "A", "B", castAttr)), cast: true },
  contraction("batch_matmul", "batched matrix multiplication of two 3-D inputs", "b m n k", "k", ["b, m, k", "b, k, n", "b, m, n"]),
  quantizedContraction("quantized_batch_matmul", "batched matrix multiplication with zero-point adjustments", "b m n k", "k", ["b, m, k", "b, k, n", "b, m, n"]),
  contraction("batch_matmul_transpose_b", "batched matrix multiplication with the second input transposed", "b m n k", "k", ["b, m, k", "b, n, k", "b, m, n"]),
  contraction("batch_reduce_matmul", "matrix multiplications of a batch, summed over the batch", "b m n k", "b k", ["b, m, k", "b, k, n", "m, n"],
    add(arg("C"), castSigned("U", mul(arg("A"), castSigned("U", arg("B")))))),
  {
    ...contraction("matvec", "matrix-vector multiplication", "i j", "j", ["i, j", "j", "i"]),
    operands: [input("A", "T1", "i, j"), input("y", "T2", "j"), output("x", "U", "i")],
    payload: multiplyAccumulate("x", "A", "y"),
  },
  {
    ...contraction("vecmat", "vector-matrix multiplication", "j i", "i", ["i", "i, j", "j"]),
    operands: [input("y", "T1", "i"), input("A", "T2", "i, j"), output("x", "U", "j")],
    payload: multiplyAccumulate("x", "y", "A"),
  },
  contraction("batch_matvec", "batched matrix-vector multiplication", "b i j", "j", ["b, i, j", "b, j", "b, i"]),
  contraction("dot", "inner product of two vectors", "k", "k", ["k", "k", ""]),
];

const convolutions: readonly NamedOpDef[] = [
  convolution("conv_1d", "1-D convolution without channels or batch", "ow kw", "kw", ["ow + kw", "kw", "ow"]),
  convolution("conv_2d", "2-D convolution without channels or batch", "oh ow kh kw", "kh kw", ["oh + kh, ow + kw", "kh, kw", "oh, ow"]),
  convolution("conv_3d", "3-D convolution without channels or batch", "od oh ow kd kh kw", "kd kh kw", ["od + kd, oh + kh, ow + kw", "kd, kh, kw", "od, oh, ow"]),
  convolution("conv_1d_nwc_wcf", "1-D convolution, NWC input, WCF filter", "n ow f kw c", "kw c", [`n, ${w1}, c`, "kw, c, f", "n, ow, f"], 1),
  convolution("conv_1d_ncw_fcw", "1-D convolution, NCW input, FCW filter", "n f ow c kw", "c kw", [`n, c, ${w1}`, "f, c, kw", "n, f, ow"], 1),
  convolution("conv_2d_nhwc_hwcf", "2-D convolution, NHWC input, HWCF filter", "n oh ow f kh kw c", "kh kw c", [`n, ${h2}, ${w2}, c`, "kh, kw, c, f", "n, oh, ow, f"], 2),
  convolution("conv_2d_nhwc_fhwc", "2-D convolution, NHWC input, FHWC filter", "n oh ow f kh kw c", "kh kw c", [`n, ${h2}, ${w2}, c`, "f, kh, kw, c", "n, oh, ow, f"], 2),
  quantizedConvolution("conv_2d_nhwc_hwcf_q", "2-D convolution, NHWC input, HWCF filter, with zero points", "n oh ow f kh kw c", "kh kw c", [`n, ${h2}, ${w2}, c`, "kh, kw, c, f", "n, oh, ow, f"], 2),
  convolution("conv_2d_nchw_fchw", "2-D convolution, NCHW input, FCHW filter", "n f oh ow c kh kw", "c kh kw", [`n, c, ${h2}, ${w2}`, "f, c, kh, kw", "n, f, oh, ow"], 2),
  // As MLIR 16's indexing maps have it: the filter is indexed (group, filter, channel, kh, kw).
  convolution("conv_2d_ngchw_fgchw", "grouped 2-D convolution, NGCHW input, FGCHW filter", "n g f oh ow c kh kw", "c kh kw", [`n, g, c, ${h2}, ${w2}`, "g, f, c, kh, kw", "n, g, f, oh, ow"], 2),
  convolution("conv_3d_ndhwc_dhwcf", "3-D convolution, NDHWC input, DHWCF filter", "n od oh ow f kd kh kw c", "kd kh kw c", [`n, ${d3}, ${h3}, ${w3}, c`, "kd, kh, kw, c, f", "n, od, oh, ow, f"], 3),
  quantizedConvolution("conv_3d_ndhwc_dhwcf_q", "3-D convolution, NDHWC input, DHWCF filter, with zero points", "n od oh ow f kd kh kw c", "kd kh kw c", [`n, ${d3}, ${h3}, ${w3}, c`, "kd, kh, kw, c, f", "n, od, oh, ow, f"], 3),
  convolution("depthwise_conv_1d_nwc_wc", "depthwise 1-D convolution, NWC input, WC filter", "n ow c kw", "kw", [`n, ${w1}, c`, "kw, c", "n, ow, c"], 1),
  convolution("depthwise_conv_1d_nwc_wcm", "depthwise 1-D convolution with a channel multiplier", "n ow c m kw", "kw", [`n, ${w1}, c`, "kw, c, m", "n, ow, c, m"], 1),
  convolution("depthwise_conv_2d_nhwc_hwc", "depthwise 2-D convolution, NHWC input, HWC filter", "n oh ow c kh kw", "kh kw", [`n, ${h2}, ${w2}, c`, "kh, kw, c", "n, oh, ow, c"], 2),
  convolution("depthwise_conv_2d_nchw_chw", "depthwise 2-D convolution, NCHW input, CHW filter", "n oh ow c kh kw", "kh kw", [`n, c, ${h2}, ${w2}`, "c, kh, kw", "n, c, oh, ow"], 2),
  quantizedConvolution("depthwise_conv_2d_nhwc_hwc_q", "depthwise 2-D convolution with zero points", "n oh ow c kh kw", "kh kw", [`n, ${h2}, ${w2}, c`, "kh, kw, c", "n, oh, ow, c"], 2),
  convolution("depthwise_conv_2d_nhwc_hwcm", "depthwise 2-D convolution with a channel multiplier", "n oh ow c m kh kw", "kh kw", [`n, ${h2}, ${w2}, c`, "kh, kw, c, m", "n, oh, ow, c, m"], 2),
  quantizedConvolution("depthwise_conv_2d_nhwc_hwcm_q", "depthwise 2-D convolution with a channel multiplier and zero points", "n oh ow c m kh kw", "kh kw", [`n, ${h2}, ${w2}, c`, "kh, kw, c, m", "n, oh, ow, c, m"], 2),
  convolution("depthwise_conv_3d_ndhwc_dhwc", "depthwise 3-D convolution, NDHWC input, DHWC filter", "n od oh ow kd kh kw c", "kd kh kw", [`n, ${d3}, ${h3}, ${w3}, c`, "kd, kh, kw, c", "n, od, oh, ow, c"], 3),
  convolution("depthwise_conv_3d_ndhwc_dhwcm", "depthwise 3-D convolution with a channel multiplier", "n od oh ow m kd kh kw c", "kd kh kw", [`n, ${d3}, ${h3}, ${w3}, c`, "kd, kh, kw, c, m", "n, od, oh, ow, c, m"], 3),
];

const nhwc = ["n oh ow c kh kw", [`n, ${h2}, ${w2}, c`, "kh, kw", "n, oh, ow, c"], 2] as const;
const nchw = ["n c oh ow kh kw", [`n, c, ${h2}, ${w2}`, "kh, kw", "n, c, oh, ow"], 2] as const;
const nwc = ["n ow c kw", [`n, ${w1}, c`, "kw", "n, ow, c"], 1] as const;
const ncw = ["n c ow kw", [`n, c, ${w1}`, "kw", "n, c, ow"], 1] as const;
const ndhwc = ["n od oh ow c kd kh kw", [`n, ${d3}, ${h3}, ${w3}, c`, "kd, kh, kw", "n, od, oh, ow, c"], 3] as const;

const poolings: readonly NamedOpDef[] = [
  pooling("nhwc", "sum", ...nhwc),
  pooling("nchw", "sum", ...nchw),
  pooling("nhwc", "max", ...nhwc),
  pooling("nhwc", "max_unsigned", ...nhwc),
  pooling("nchw", "max", ...nchw),
  pooling("nhwc", "min", ...nhwc),
  pooling("nhwc", "min_unsigned", ...nhwc),
  pooling("nwc", "sum", ...nwc),
  pooling("ncw", "sum", ...ncw),
  pooling("nwc", "max", ...nwc),
  pooling("nwc", "max_unsigned", ...nwc),
  pooling("ncw", "max", ...ncw),
  pooling("nwc", "min", ...nwc),
  pooling("nwc", "min_unsigned", ...nwc),
  pooling("ndhwc", "sum", ...ndhwc),
  pooling("ndhwc", "max", ...ndhwc),
  pooling("ndhwc", "min", ...ndhwc),
];

/**
 * fill_rng_2d's payload: a linear congruential generator seeded by `seed` and the point's indices, scaled to
 * [min, max): `((idx1 + (idx0 + seed) * A + C) * A + C + 2147483647) * (max - min) * 2^-32 + min`.
 */
const lcg = (x: ScalarExpr): ScalarExpr => add(mul(x, castSigned("I32", constI64(1103515245))), castSigned("I32", constI64(12345)));
const fillRngPayload: ScalarExpr = castSigned(
  "T",
  add(
    mul(
      add(castSigned("F64", constI64(2147483647)), castSigned("F64", lcg(add(castSigned("I32", index(1)), lcg(add(castSigned("I32", index(0)), arg("seed"))))))),
      mul(sub(arg("max"), arg("min")), castSigned("F64", constF64(2.3283063999999999e-10))),
    ),
    arg("min"),
  ),
);

const fills: readonly NamedOpDef[] = [
  {
    name: "fill",
    summary: "fills the output with a scalar value",
    operands: [scalar("value", "T1"), output("O", "U")],
    payload: castSigned("U", arg("value")),
    tag: "fill",
  },
  {
    name: "fill_rng_2d",
    summary: "fills a 2-D output with pseudo-random numbers in [min, max) from a seed",
    loops: "m n",
    operands: [scalar("min", "F64"), scalar("max", "F64"), scalar("seed", "I32"), output("O", "T", "m, n")],
    payload: fillRngPayload,
  },
];

/** Every named op, in the order of MLIR 16's table. */
export const NAMED_OPS: readonly NamedOpDef[] = [
  ...elementwise,
  ...contractions,
  ...convolutions,
  ...poolings,
  ...fills,
];
