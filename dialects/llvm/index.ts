/** The llvm dialect (MLIR 16's LLVMIR dialect, without NVVM/ROCDL/...): ops, types and attributes. */
import type { Attribute } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { llvmAttributes } from "./attrs.ts";
import { aggregateOps } from "./ops-aggregate.ts";
import { arithOps } from "./ops-arith.ts";
import { intrinsicOps } from "./intrinsics.ts";
import { llvmInterpretations } from "./interp.ts";
import { controlOps } from "./ops-control.ts";
import { memoryOps } from "./ops-memory.ts";
import { moduleOps } from "./ops-module.ts";
import { ConstantOp } from "./ops-module.ts";
import { isCompatibleType, parseLLVMDialectType } from "./types.ts";

export * from "./attrs.ts";
export * from "./intrinsics.ts";
export * from "./ops-aggregate.ts";
export * from "./ops-arith.ts";
export * from "./ops-control.ts";
export * from "./ops-memory.ts";
export * from "./ops-module.ts";
export * from "./types.ts";

export const llvmOps = [...arithOps, ...aggregateOps, ...controlOps, ...memoryOps, ...moduleOps, ...intrinsicOps];

/** Folded llvm values are `llvm.mlir.constant`s (MLIR's LLVMDialect::materializeConstant). */
function materializeConstant(b: Builder, value: Attribute, type: Type, loc: Location): Operation | undefined {
  if (!isCompatibleType(type)) return undefined;
  return b.withLoc(loc, () => b.create(ConstantOp, { value, res: type }));
}

export const llvm = defineDialect({
  name: "llvm",
  ops: llvmOps,
  parseType: parseLLVMDialectType,
  attributes: llvmAttributes,
  materializeConstant,
  interpreter: llvmInterpretations,
});
