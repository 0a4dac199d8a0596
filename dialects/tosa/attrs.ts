/**
 * TOSA's quantization-info attributes (TosaOpBase.td): structs of 64-bit zero points, spelled as MLIR 16's
 * `struct(params)` format prints them, parameters in declaration order:
 *
 *   #tosa.unary_quant<input_zp = -128, output_zp = 0>
 *   #tosa.conv_quant<input_zp = -128, weight_zp = 0>
 *   #tosa.matmul_quant<a_zp = 1, b_zp = 2>
 *   #tosa.pad_quant<input_zp = 3>
 *
 * The parser accepts the parameters in any order, each once, as the struct directive does.
 */
import { type Attribute, DialectAttr, type DialectAttrDef } from "../../src/ir/attributes.ts";
import { type AttrConstraint, attrConstraint } from "../../src/irdl/constraints.ts";
import { hashBigInt, hashString, InternTable, mix } from "../../src/ir/uniquer.ts";
import type { DialectAsmParser, DialectAsmPrinter } from "../../src/text/asm-interfaces.ts";

/** One of the four attributes: its mnemonic and parameter names, with int64 values. */
export class QuantInfoAttr<P extends string = string> extends DialectAttr {
  readonly dialect = "tosa";
  private constructor(
    id: number,
    readonly mnemonic: string,
    readonly params: readonly P[],
    readonly values: readonly bigint[],
  ) {
    super(id);
  }
  static readonly #table = new InternTable<QuantInfoAttr>("strong");

  /** @internal use the kinds below (`ConvQuantAttr.get({ input_zp, weight_zp })`). */
  static intern<P extends string>(mnemonic: string, params: readonly P[], values: readonly bigint[]): QuantInfoAttr<P> {
    let h = hashString(mnemonic);
    for (const v of values) h = mix(h, hashBigInt(v));
    return QuantInfoAttr.#table.intern(
      h,
      (a) => a.mnemonic === mnemonic && a.values.every((v, i) => v === values[i]),
      (id) => new QuantInfoAttr(id, mnemonic, params, values),
    ) as QuantInfoAttr<P>;
  }

  /** The value of parameter `name`. */
  get(name: P): bigint {
    return this.values[this.params.indexOf(name)] ?? 0n;
  }

  override print(p: DialectAsmPrinter): void {
    p.print(`<${this.params.map((n, i) => `${n} = ${this.values[i]}`).join(", ")}>`);
  }
}

/** A kind of quantization-info attribute: its constraint for op specs, `get`, and its parser. */
export interface QuantInfoKind<P extends string> extends DialectAttrDef {
  readonly params: readonly P[];
  readonly constraint: AttrConstraint<QuantInfoAttr<P>>;
  get(values: Readonly<Record<P, bigint | number>>): QuantInfoAttr<P>;
  parse(p: DialectAsmParser): Attribute;
}

function quantInfoKind<const P extends string>(mnemonic: string, params: readonly P[], summary: string): QuantInfoKind<P> {
  const get = (values: Readonly<Record<P, bigint | number>>): QuantInfoAttr<P> =>
    QuantInfoAttr.intern(mnemonic, params, params.map((n) => BigInt.asIntN(64, BigInt(values[n]))));
  return {
    mnemonic,
    params,
    constraint: attrConstraint(summary, (a): a is QuantInfoAttr<P> => a instanceof QuantInfoAttr && a.mnemonic === mnemonic),
    get,
    parse(p: DialectAsmParser): Attribute {
      const seen = new Map<string, bigint>();
      p.parsePunct("<");
      p.parseCommaSeparatedList("none", () => {
        const at = p.pos();
        const name = p.parseKeyword();
        if (!(params as readonly string[]).includes(name)) p.error(`expected a parameter name in struct`, at);
        if (seen.has(name)) p.error(`struct is already initialized`, at);
        p.parsePunct("=");
        seen.set(name, p.parseInteger());
      });
      p.parsePunct(">");
      const missing = params.find((n) => !seen.has(n));
      if (missing !== undefined) p.error(`struct is missing required parameter: ${missing}`);
      return get(Object.fromEntries(seen) as Record<P, bigint>);
    },
  };
}

export const UnaryQuantAttr = quantInfoKind("unary_quant", ["input_zp", "output_zp"], "Attribute for UnaryOp quantization information.");
export const ConvQuantAttr = quantInfoKind("conv_quant", ["input_zp", "weight_zp"], "Attribute for Conv type op quantization information.");
export const MatMulQuantAttr = quantInfoKind("matmul_quant", ["a_zp", "b_zp"], "Attribute for MatMulOp quantization information.");
export const PadQuantAttr = quantInfoKind("pad_quant", ["input_zp"], "Attribute for PadOp quantization information.");

export const tosaAttributes: readonly DialectAttrDef[] = [UnaryQuantAttr, ConvQuantAttr, MatMulQuantAttr, PadQuantAttr];
