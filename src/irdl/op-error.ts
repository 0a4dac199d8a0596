/** How op diagnostics are worded, as MLIR's emitOpError and its streaming of types. */
import { type Diagnostic, error } from "../diag/diagnostic.ts";
import type { Operation } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import { printType } from "../text/print-attr.ts";

/** `'arith.addi' op <message>`: MLIR's emitOpError. */
export const opError = (op: Operation, message: string, notes: readonly Diagnostic[] = []): Diagnostic =>
  opEmitError(op, `'${op.name}' op ${message}`, notes);

/** An error about `op` at its location, without the op prefix: MLIR's `op->emitError(message)`. */
export const opEmitError = (op: Operation, message: string, notes: readonly Diagnostic[] = []): Diagnostic => ({
  ...error(op.loc, message, notes),
  op,
});

/** A type as MLIR streams it into a diagnostic: quoted, `'f32'`. */
export const quotedType = (t: Type): string => `'${printType(t)}'`;
