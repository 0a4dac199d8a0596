/**
 * Asks the real `mlir-opt-16` how it prints and parses float attributes, for many values in one run.
 *
 * For a list of bit patterns of one kind and the texts Tensile prints for them, one module holds:
 *   - `v<i> = <exact input> : kind`            -> MLIR's printed text for the value (FloatAttr path)
 *   - `s<i> = dense<<exact input>> : tensor<2xkind>` -> the same through a splat dense<...> (elements path)
 *   - `w<i> = <our text> : kind`               -> MLIR's printed text after parsing our text as a FloatAttr
 *   - `h = dense<[<our texts>]>` printed as a hex blob -> the exact bits MLIR parses our texts to
 * The exact input is a hex literal, or a decimal that is exactly a double for kinds whose hex literals MLIR 16
 * cannot spell (f80/f128 above 2^64). If mlir-opt-16 is missing this throws: scripts/setup.sh installs it.
 */
import { spawnSync } from "node:child_process";

export const MLIR_OPT = "mlir-opt-16";

export function runMlirOpt(input: string, args: readonly string[]): string {
  const run = spawnSync(MLIR_OPT, ["--allow-unregistered-dialect", ...args, "-"], {
    input,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (run.error) throw new Error(`${MLIR_OPT} could not be run (${run.error.message}); run scripts/setup.sh to install it`);
  if (run.status !== 0) throw new Error(`${MLIR_OPT} failed (exit ${run.status}):\n${run.stderr.slice(0, 4000)}`);
  return run.stdout;
}

export interface OracleCase {
  /** A literal MLIR reads exactly as the value under test (hex bits, or an exact decimal). */
  readonly input: string;
  /** What Tensile prints for the value; fed back to MLIR to check the parse. */
  readonly ours: string;
}

export interface OracleAnswer {
  /** MLIR's text for each case's input, as a FloatAttr. */
  readonly printed: readonly string[];
  /** MLIR's text for each case's input, inside a splat dense<...>. */
  readonly printedInDense: readonly string[];
  /** MLIR's text after parsing `ours` as a FloatAttr (undefined where `ours` was not sent). */
  readonly reprinted: readonly (string | undefined)[];
  /** The bits MLIR parsed `ours` to, from the hex form of a dense<[...]> (undefined where not sent). */
  readonly parsedBits: readonly (bigint | undefined)[];
}

/**
 * `sendOurs(i)` says whether case i's own text is valid MLIR input (MLIR 16 prints some f80/f128 values as
 * hex literals longer than 64 bits, which its own parser rejects).
 */
export function askMlir(kind: string, bitWidth: number, cases: readonly OracleCase[], sendOurs: (i: number) => boolean): OracleAnswer {
  const sent = cases.map((_, i) => i).filter(sendOurs);
  const sentSet = new Set(sent);
  const attrs = (prefix: string, text: (c: OracleCase) => string, type: string, which: readonly number[]): string =>
    which.map((i) => `${prefix}${i} = ${text(cases[i] as OracleCase)} : ${type}`).join(", ");
  const all = cases.map((_, i) => i);
  const lines = [
    `"test.op"() {${attrs("v", (c) => c.input, kind, all)}} : () -> ()`,
    `"test.op"() {${attrs("s", (c) => `dense<${c.input}>`, `tensor<2x${kind}>`, all)}} : () -> ()`,
  ];
  if (sent.length > 0) {
    lines.push(`"test.op"() {${attrs("w", (c) => c.ours, kind, sent)}} : () -> ()`);
    // Two or more elements so that it is not a splat (splats never print as hex).
    const elements = sent.length === 1 ? [sent[0], sent[0]] : sent;
    const texts = elements.map((i) => cases[i as number]?.ours).join(", ");
    lines.push(`"test.op"() {h = dense<[${texts}]> : tensor<${elements.length}x${kind}>} : () -> ()`);
  }
  const out = runMlirOpt(lines.join("\n"), ["--mlir-print-elementsattrs-with-hex-if-larger=1"]);

  const printed = new Map<string, string>();
  for (const m of out.matchAll(/\b([vw]\d+) = (\S+) : (?:f16|bf16|f32|f64|f80|f128)\b/g)) printed.set(m[1] as string, m[2] as string);
  for (const m of out.matchAll(/\b(s\d+) = dense<([^>]+)> : tensor<2x/g)) printed.set(m[1] as string, m[2] as string);
  const need = (key: string): string => {
    const v = printed.get(key);
    if (v === undefined) throw new Error(`mlir-opt output lacks attribute ${key}:\n${out.slice(0, 2000)}`);
    return v;
  };

  const parsedBits: (bigint | undefined)[] = cases.map(() => undefined);
  if (sent.length > 0) {
    const hex = /\bh = dense<"0x([0-9A-F]*)">/.exec(out)?.[1];
    if (hex === undefined) throw new Error(`mlir-opt output lacks the hex dense attribute:\n${out.slice(0, 2000)}`);
    const bytes = bitWidth / 8; // little-endian, f80 packed in 10 bytes
    sent.forEach((caseIndex, k) => {
      let v = 0n;
      for (let b = bytes - 1; b >= 0; b--) v = (v << 8n) | BigInt(`0x${hex.slice((k * bytes + b) * 2, (k * bytes + b) * 2 + 2)}`);
      parsedBits[caseIndex] = BigInt.asUintN(bitWidth, v);
    });
  }
  return {
    printed: all.map((i) => need(`v${i}`)),
    printedInDense: all.map((i) => need(`s${i}`)),
    reprinted: all.map((i) => (sentSet.has(i) ? need(`w${i}`) : undefined)),
    parsedBits,
  };
}
