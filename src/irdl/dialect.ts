/**
 * `defineDialect` and `defineDialectExtension`: what a dialect brings to a `Context`, checked once when it is
 * defined.
 *
 *   export const arith = defineDialect({
 *     name: "arith",
 *     ops: arithOps,                          // op classes from defineOp, all named `arith.*`
 *     attributes: [FastMathAttr],             // its attribute classes (`#arith.fastmath<...>`), by mnemonic
 *     materializeConstant,                    // folded attributes back to `arith.constant`
 *     interpreter: arithInterpretations,      // semantics for the interpreter
 *     interfaces: [attach(SomeOp, implement(SomeInterface, { ... }))],   // external models for its ops
 *   });
 *
 * A dialect never imports rewrites/, so its canonicalization patterns are an extension defined there:
 *
 *   export const arithCanonicalization = defineDialectExtension({
 *     name: "arith-canonicalization", dialects: ["arith"], canonicalization: arithCanonicalizationPatterns,
 *   });
 *   new Context([builtin, func, arith], { extensions: [arithCanonicalization] });
 */
import type { DialectExtension, DialectInfo } from "../ir/context.ts";
import type { InterpretationEntry } from "../interp/registry.ts";
import type { InterfaceAttachment } from "../ir/interfaces.ts";
import type { Operation } from "../ir/operation.ts";

export type DialectSpec = Omit<DialectInfo, "ops"> & { readonly ops: readonly (typeof Operation)[] };

/** Op names must be of the dialect (`arith.` for arith): a name elsewhere would load under the wrong dialect. */
function checkOpName(owner: string, dialect: string, name: string | undefined, what: string): void {
  if (name === undefined || !name.startsWith(`${dialect}.`)) {
    throw new Error(`${owner} cannot hold ${what} '${name ?? "<unregistered>"}'`);
  }
}

function checkSemantics(owner: string, entries: readonly InterpretationEntry[], belongs: (name: string) => boolean): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (!belongs(e.name)) throw new Error(`${owner} cannot give semantics to '${e.name}'`);
    if (seen.has(e.name)) throw new Error(`${owner} gives '${e.name}' semantics twice`);
    seen.add(e.name);
  }
}

/** External models attach to ops of the dialects they belong with (`belongs` says which). */
function checkAttachments(owner: string, attachments: readonly InterfaceAttachment[], belongs: (name: string) => boolean): void {
  for (const a of attachments) {
    const name = a.op.info?.name;
    if (name === undefined || !belongs(name)) throw new Error(`${owner} cannot attach interfaces to '${name ?? a.op.name}'`);
  }
}

export function defineDialect(spec: DialectSpec): DialectInfo {
  const owner = `dialect '${spec.name}'`;
  for (const op of spec.ops) checkOpName(owner, spec.name, op.info?.name, "op");
  checkAttachments(owner, spec.interfaces ?? [], (name) => name.startsWith(`${spec.name}.`));
  const ops = new Set(spec.ops.map((op) => op.info?.name));
  checkSemantics(owner, spec.interpreter ?? [], (name) => ops.has(name));
  return Object.freeze({ ...spec, ops: [...spec.ops] });
}

/** An extension of the dialects named in `dialects`, applied by a Context once they are all loaded. */
export function defineDialectExtension(spec: DialectExtension): DialectExtension {
  if (spec.dialects.length === 0) throw new Error(`dialect extension '${spec.name}' extends no dialect`);
  const prefixes = spec.dialects.map((d) => `${d}.`);
  const owner = `dialect extension '${spec.name}'`;
  checkSemantics(owner, spec.interpreter ?? [], (name) => prefixes.some((p) => name.startsWith(p)));
  checkAttachments(owner, spec.interfaces ?? [], (name) => prefixes.some((p) => name.startsWith(p)));
  return Object.freeze({ ...spec, dialects: [...spec.dialects] });
}
