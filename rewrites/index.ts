/**
 * Registers every pass Tensile ships in the default pass registry, so pipeline text and `tensile-opt` can
 * name them. Placeholder: the passes (canonicalize, cse, dce, symbol-dce, inline) register here as they land.
 * Must be idempotent (tensile-opt may call it more than once): register module-level pass definitions.
 */
import { registerPass } from "../src/pass/registry.ts";
// Each dialect's canonicalization patterns register themselves when imported.
import "./arith/canonicalize.ts";
import "./cf/canonicalize.ts";
import "./func/canonicalize.ts";
import { canonicalizePass } from "./canonicalize.ts";
import { csePass } from "./transforms/cse.ts";
import { dcePass } from "./transforms/dce.ts";
import { inlinePass } from "./transforms/inline.ts";
import { symbolDcePass } from "./transforms/symbol-dce.ts";

export function registerAllPasses(): void {
  registerPass(canonicalizePass);
  registerPass(csePass);
  registerPass(dcePass);
  registerPass(symbolDcePass);
  registerPass(inlinePass);
}
