/**
 * A fixture for the mutation command's own test (test/prop/mutation.test.ts): an i8 saturating add, whose
 * killer (saturate.check.ts) checks only non-negative operands, so mutants of the negative clamp survive.
 */
export function addSaturate8(a: number, b: number): number {
  const sum = a + b;
  if (sum > 127) return 127;
  if (sum < -128) return -128;
  return sum;
}
