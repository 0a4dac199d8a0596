/** Small pieces the TOSA op definitions share. */
import { implement, type InterfaceImpl } from "../../src/ir/interfaces.ts";
import { InferShapedTypeOpInterface, type InferShapedTypeMethods } from "./infer-shape.ts";

/** The op implements InferShapedTypeOpInterface with `infer`. */
export const shaped = (infer: InferShapedTypeMethods["inferReturnTypeComponents"]): InterfaceImpl =>
  implement(InferShapedTypeOpInterface, { inferReturnTypeComponents: infer });
