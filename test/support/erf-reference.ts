/** A float64 reference for erf (JavaScript has none), for the math approximations' fit and tests. */

/** erf in float64 by its Maclaurin series (|x| < 4: the alternating terms lose at most ~5 of 16 digits). */
export function erf64(x: number): number {
  if (Number.isNaN(x)) return x;
  if (Math.abs(x) >= 4) return Math.sign(x) * (1 - erfcTail(Math.abs(x)));
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-18 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** erfc for x >= 4 by its continued fraction. */
function erfcTail(x: number): number {
  if (x === Infinity) return 0;
  let f = 0;
  for (let k = 60; k >= 1; k--) f = k / 2 / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}
