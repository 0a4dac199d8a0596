/** Affine expressions and maps: the expression half lives in affine-expr.ts, the map half in affine-map.ts. */
export * from "./affine-expr.ts";
export * from "./affine-map.ts";
