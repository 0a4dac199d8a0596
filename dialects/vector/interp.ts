/**
 * Interpreter semantics of every vector op (MLIR 16), gathered from interp-shape.ts (building, slicing,
 * reshaping), interp-compute.ts (contractions, reductions, masks, print) and interp-memory.ts (transfers, loads,
 * stores, gathers). Each file's header says the rules it follows; interp-util.ts the conventions (vscale = 1).
 */
import type { InterpretationEntry } from "../../src/interp/registry.ts";
import { computeInterpretations } from "./interp-compute.ts";
import { memoryInterpretations } from "./interp-memory.ts";
import { shapeInterpretations } from "./interp-shape.ts";

export const vectorInterpretations: readonly InterpretationEntry[] = [...shapeInterpretations, ...computeInterpretations, ...memoryInterpretations];
