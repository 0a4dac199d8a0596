/**
 * Integer literals in a given type, shared by integer attributes, dense arrays and dense elements.
 */
import { IndexType, type IntegerType } from "../ir/types.ts";
import type { Token } from "./lexer.ts";
import type { CoreParser } from "./parser-core.ts";

/**
 * The value of an integer literal in `type`, or undefined when it does not fit (MLIR's buildAttributeAPInt:
 * signless integers accept the unsigned range too, `-0` is rejected like MLIR rejects it).
 */
export function buildAttributeInt(p: CoreParser, literal: Token, type: IntegerType | IndexType, negative: boolean): bigint | undefined {
  if (literal.kind !== "integer") return undefined;
  const text = p.spelling(literal);
  const width = type instanceof IndexType ? IndexType.bitWidth : type.width;
  if (!literalMayFit(text, width)) return undefined;
  const magnitude = BigInt(text);
  if (magnitude >> BigInt(width) !== 0n) return undefined;
  if (width === 0) return negative ? undefined : 0n;
  const signBit = 1n << BigInt(width - 1);
  if (negative) {
    const negated = BigInt.asUintN(width, -magnitude);
    if (negated < signBit) return undefined;
    return -magnitude;
  }
  const isSigned = type instanceof IndexType || type.signedness === "signed";
  if (isSigned && magnitude >= signBit) return undefined;
  return magnitude;
}

/** A cheap bound on the literal's length, so absurd literals are rejected before building a BigInt. */
function literalMayFit(text: string, width: number): boolean {
  const hex = text.startsWith("0x");
  const digits = (hex ? text.slice(2) : text).replace(/^0+/, "");
  const maxDigits = hex ? Math.ceil(width / 4) : Math.ceil(width * Math.LOG10E * Math.LN2) + 1;
  return digits.length <= maxDigits;
}
