/** Affine expressions, maps and integer sets (affine-expr.ts, affine-map.ts, integer-set.ts). */
export * from "./affine-expr.ts";
export * from "./affine-map.ts";
export * from "./integer-set.ts";
