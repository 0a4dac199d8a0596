/**
 * The builtin dialect's ops, as MLIR 16 defines them in BuiltinOps.td:
 *
 *   module @name attributes {foo.bar = 1 : i32} {
 *     ...
 *   }
 *   %0:2 = builtin.unrealized_conversion_cast %a, %b : i32, f32 to i64, f64
 */
import { StringAttr } from "../../src/ir/attributes.ts";
import type { Location } from "../../src/ir/location.ts";
import { CastOpInterface, foldCastRoundTrip } from "../../src/interfaces/cast.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { Block, Region } from "../../src/ir/operation.ts";
import {
  GraphRegion,
  IsolatedFromAbove,
  NoTerminator,
  Pure,
  SingleBlock,
  Symbol,
  SymbolTable,
} from "../../src/ir/traits.ts";
import { AnyType, StrAttr, SymbolNameAttr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { optionalAttr, region, variadic } from "../../src/irdl/spec.ts";

/**
 * `builtin.module`: the top-level container. Its single block holds symbols (SymbolTable), needs no
 * terminator, is a graph region (no dominance between its ops), and cannot use values from outside.
 */
export const ModuleOp = defineOp(
  {
    name: "builtin.module",
    summary: "a top level container operation",
    attributes: { sym_name: optionalAttr(SymbolNameAttr), sym_visibility: optionalAttr(StrAttr) },
    regions: { bodyRegion: region({ maxBlocks: 1 }) },
    traits: [IsolatedFromAbove, NoTerminator, SymbolTable, Symbol, SingleBlock, GraphRegion],
    // An empty body gets its block back when parsed (ODS does that for SingleBlock + NoTerminator regions).
    format: "($sym_name^)? attr-dict-with-keyword $bodyRegion",
    // Ops nested directly in a module print without the `builtin.` prefix (`module {` inside a module).
    defaultDialect: "builtin",
  },
  {
    verify: (op) => {
      const body = op.bodyRegion;
      if (body.blocks.length !== 1) return opError(op, "region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks");
      if (body.block.args.length > 0) return opError(op, "region should have no arguments");
      return undefined;
    },
  },
);
export type ModuleOp = InstanceType<typeof ModuleOp>;

/** A detached module with an empty body block (and a symbol name when given). */
export function createModule(opts: { name?: string; loc?: Location } = {}): ModuleOp {
  return ModuleOp.build(
    {
      bodyRegion: new Region([new Block()]),
      ...(opts.name === undefined ? {} : { sym_name: StringAttr.get(opts.name) }),
    },
    opts.loc,
  );
}

/** The single block of a module's body, where its ops go. */
export function moduleBody(m: ModuleOp): Block {
  return m.bodyRegion.block;
}

/**
 * `builtin.unrealized_conversion_cast`: a cast between types that a partial dialect conversion has not
 * reconciled yet; it has no semantics and must be gone once conversion completes.
 */
export const UnrealizedConversionCastOp = defineOp(
  {
    name: "builtin.unrealized_conversion_cast",
    summary: "an unrealized conversion from one set of types to another",
    operands: { inputs: variadic(AnyType) },
    results: { outputs: variadic(AnyType) },
    traits: [Pure],
    format: "($inputs^ `:` type($inputs))? `to` type($outputs) attr-dict",
  },
  {
    // Any types may be cast; the interface still wants at least one result, and folds a cast to its own types;
    // a cast back of a cast of the same kind folds to the first cast's operands.
    interfaces: [implement(CastOpInterface, { areCastCompatible: () => true })],
    fold: (op) => foldCastRoundTrip(op),
  },
);
export type UnrealizedConversionCastOp = InstanceType<typeof UnrealizedConversionCastOp>;

