/** Every op interface of the core (MLIR's mlir/Interfaces), and the queries passes make through them. */
export * from "./cast.ts";
export * from "./control-flow.ts";
export * from "./destination-style.ts";
export * from "./function.ts";
export * from "./function-format.ts";
export * from "./infer-shaped-type.ts";
export * from "./infer-type.ts";
export * from "./side-effects.ts";
export * from "./side-effect-queries.ts";
export * from "./symbol-user.ts";
export * from "./tiling.ts";
