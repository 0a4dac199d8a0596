/** Every op interface of the core (MLIR's mlir/Interfaces), and the queries passes make through them. */
export * from "./control-flow.ts";
export * from "./side-effects.ts";
export * from "./side-effect-queries.ts";
