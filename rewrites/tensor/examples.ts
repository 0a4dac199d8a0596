/**
 * Building blocks of the tensor patterns' examples (rewrites/testing/examples.ts explains the holes). The random
 * programs have scalar inputs only, so an example makes its tensors from scalars: `from_elements`, `splat`, or an
 * opaque one (an insert at an index the canonicalizer cannot know) that no producer pattern looks through.
 * Index values that must stay unknown yet in bounds are clamped (`minui`, `maxui`) from a free operand.
 */

/** Element types of the examples' tensors. */
export const ELEMENT_TYPES = { T: ["i8", "i32", "i64", "f32", "f64"] } as const;

/** `%<name>`: a 4-element tensor<4x$T> of %x and %y that no fold or pattern sees through (uses %i, %x, %y). */
export const opaque4 = (name: string): string =>
  `%${name}_0 = tensor.from_elements %x, %y, %y, %x : tensor<4x$T>\n  %${name}_c3 = arith.constant 3 : index\n  %${name}_j = arith.minui %i, %${name}_c3 : index\n  %${name} = tensor.insert %y into %${name}_0[%${name}_j] : tensor<4x$T>`;

/**
 * `%<name>`: a tensor of the static `shape` (`[2, 2]`: tensor<2x2x$T>) of %x and %y, one element overwritten at
 * indices the canonicalizer cannot know, so that no fold or pattern sees through it (uses %i, %x, %y).
 */
export function opaque(name: string, shape: readonly number[]): string {
  const type = `tensor<${shape.map((d) => `${d}x`).join("")}$T>`;
  const count = shape.reduce((a, b) => a * b, 1);
  const elements = Array.from({ length: count }, (_, k) => (k % 3 === 0 ? "%x" : "%y")).join(", ");
  const lines = [`%${name}_0 = tensor.from_elements ${elements} : ${type}`];
  const indices = shape.map((d, k) => {
    lines.push(`%${name}_c${k} = arith.constant ${d - 1} : index`, `%${name}_j${k} = arith.minui %i, %${name}_c${k} : index`);
    return `%${name}_j${k}`;
  });
  lines.push(`%${name} = tensor.insert %y into %${name}_0[${indices.join(", ")}] : ${type}`);
  return lines.join("\n  ");
}

/** `%<name>`: a tensor<?x$T> generated with `%<n>` elements, %x before index %i and %y from it on (examples). */
export const generated = (name: string, n: string): string =>
  `%${name} = tensor.generate %${n} {\n  ^bb0(%a: index):\n    %lt = arith.cmpi ult, %a, %i : index\n    %v = arith.select %lt, %x, %y : $T\n    tensor.yield %v : $T\n  } : tensor<?x$T>`;

/** `%<name>`: an index equal to `n` at run time that no fold knows (uses %i). */
export const unknownIndex = (name: string, n: number): string =>
  `%${name}_c = arith.constant ${n} : index\n  %${name}_m = arith.minui %i, %${name}_c : index\n  %${name} = arith.maxui %${name}_m, %${name}_c : index`;

/**
 * An example over free operands %x, %y (of $T) and %i (an index), with the element types above (or `types`). Its values are
 * hidden from the program's pool (renamed `%_...`: random arith steps must not take tensors as operands) except
 * what it observes: element 0 of its final tensor `%r` (of rank `rank`), or `%r` itself when it is a scalar.
 */
export function tensorExample(body: string, rank: number | "scalar", types: readonly string[] = ELEMENT_TYPES.T) {
  const hidden = body.replace(/%([a-z]\w*)/g, (m, name: string) => (name === "x" || name === "y" || name === "i" ? m : `%_${name}`));
  const observe =
    rank === "scalar"
      ? hidden.replace(/%_r\b/g, "%r")
      : `${hidden}\n  %_zero = arith.constant 0 : index\n  %r = tensor.extract %_r[${Array(rank).fill("%_zero").join(", ")}] : ${resultType(hidden)}`;
  return { ir: `^bb0(%x: $T, %y: $T, %i: index):\n  ${observe}`, types: { T: types } };
}

/**
 * The type of `%_r` in an example body: the last type on the line that defines it, or for an op with a region,
 * its declared result (`-> (tensor<4xf32>) {`: scf.foreach_thread) or the type on the line that closes it (generate, pad).
 */
function resultType(body: string): string {
  const lines = body.split("\n").map((l) => l.trim());
  let at = lines.findIndex((l) => l.startsWith("%_r ="));
  const declared = /->\s*\(?(tensor<[^>]*>)\)?\s*\{$/.exec(lines[at] ?? "");
  if (declared !== null) return declared[1] as string;
  if (at >= 0 && lines[at]?.endsWith("{")) {
    for (let depth = 0; at < lines.length; at++) {
      const l = lines[at] as string;
      depth += (l.match(/\{/g)?.length ?? 0) - (l.match(/\}/g)?.length ?? 0);
      if (depth === 0) break;
    }
  }
  const line = lines[at];
  const m = line === undefined ? undefined : /(?:to|into|:|->)\s+(tensor<[^>]*>)\s*$/.exec(line);
  if (m === undefined || m === null) throw new Error(`tensor example: no type for %_r in ${body}`);
  return m[1] as string;
}
