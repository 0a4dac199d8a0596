/** How op diagnostics are worded, as MLIR's emitOpError and its streaming of types. */
import { type Diagnostic, error } from "../diag/diagnostic.ts";
import type { Operation } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import { printType } from "../text/print-attr.ts";

/** `'arith.addi' op <message>`: MLIR's emitOpError. */
export const opError = (op: Operation, message: string, notes: readonly Diagnostic[] = []): Diagnostic =>
  error(op.loc, `'${op.name}' op ${message}`, notes);

/** A type as MLIR streams it into a diagnostic: quoted, `'f32'`. */
export const quotedType = (t: Type): string => `'${printType(t)}'`;
