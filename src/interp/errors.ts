/**
 * What can go wrong while interpreting, as values: `interpret` returns `Left(InterpError)`.
 *
 * Inside the engine and the op semantics a failure is thrown as an `InterpFailure` (so that an error deep in
 * an elementwise loop or a nested call unwinds in one step) and turned into an `InterpError` at the API
 * boundary, with the failing op's location and the call stack as notes.
 */
import type { Diagnostic } from "../diag/diagnostic.ts";

/**
 * - `undefined-behavior`: the program did something MLIR leaves undefined or poison (division by zero,
 *   signed division overflow, shift by >= the bit width, fptosi of NaN or out of range, ...).
 * - `unspecified`: the program observed bits LLVM leaves unspecified (the sign or payload of a NaN produced
 *   by arithmetic, see UnspecifiedNaN): any answer would be one of several the compiled program may give.
 * - `assertion`: a `cf.assert` failed.
 * - `unsupported`: an op without interpreter semantics, or a type the interpreter cannot represent.
 * - `invalid-input`: a missing function, or arguments of the wrong number or types.
 * - `invalid-ir`: IR the verifier would reject (a value used before it is defined, a block without terminator, ...).
 * - `limit`: the step limit or the call-depth limit was reached (the program may not terminate).
 * - `internal`: a bug in an op's semantics (it produced a value of the wrong type).
 */
export type InterpErrorKind = "undefined-behavior" | "unspecified" | "assertion" | "unsupported" | "invalid-input" | "invalid-ir" | "limit" | "internal";

export interface InterpError {
  readonly kind: InterpErrorKind;
  /** The message without location (the diagnostic's message). */
  readonly message: string;
  /** Located at the failing op, with "called from" notes for the call stack; render it with renderDiagnostic. */
  readonly diagnostic: Diagnostic;
  /** The name of the op that failed, when one did. */
  readonly opName?: string;
}

/** Thrown inside the interpreter; `interpret` catches it. Semantics throw it through the helpers below. */
export class InterpFailure extends Error {
  constructor(
    readonly kind: InterpErrorKind,
    readonly detail: string,
    /** Set once the engine has attached the failing op (so outer handlers keep the innermost op). */
    readonly error?: InterpError,
  ) {
    super(detail);
  }
}

/** Fails with undefined behaviour: `throw ub("division by zero")` reads badly, so this throws itself. */
export function ub(detail: string): never {
  throw new InterpFailure("undefined-behavior", detail);
}

/** Fails because the program observed unspecified bits (see UnspecifiedNaN). */
export function unspecified(detail: string): never {
  throw new InterpFailure("unspecified", detail);
}

export function unsupported(detail: string): never {
  throw new InterpFailure("unsupported", detail);
}

export function invalidIR(detail: string): never {
  throw new InterpFailure("invalid-ir", detail);
}

export function fail(kind: InterpErrorKind, detail: string): never {
  throw new InterpFailure(kind, detail);
}
