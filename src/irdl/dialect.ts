/**
 * `defineDialect`: groups op definitions (and the dialect's type/attribute syntax) under a name, to load
 * into a `Context`.
 */
import type { DialectInfo } from "../ir/context.ts";
import type { Operation } from "../ir/operation.ts";

export type DialectSpec = Omit<DialectInfo, "ops"> & { readonly ops: readonly (typeof Operation)[] };

export function defineDialect(spec: DialectSpec): DialectInfo {
  for (const op of spec.ops) {
    const name = op.info?.name;
    if (name === undefined || !name.startsWith(`${spec.name}.`)) {
      throw new Error(`dialect '${spec.name}' cannot hold op '${name ?? "<unregistered>"}'`);
    }
  }
  return Object.freeze({ ...spec, ops: [...spec.ops] });
}
