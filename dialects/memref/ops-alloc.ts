/**
 * The memref ops that own memory: allocation on the heap (`alloc`, `realloc`, `dealloc`), on the stack of the
 * enclosing automatic allocation scope (`alloca`, `alloca_scope`), and globals (`global`, `get_global`).
 *
 *   %a = memref.alloc(%n)[%s] {alignment = 64 : i64} : memref<?xf32, affine_map<(d0)[s0] -> (d0 + s0)>>
 *   %b = memref.alloca() : memref<4xf32>
 *   %c = memref.realloc %b(%n) : memref<4xf32> to memref<?xf32>
 *   memref.dealloc %a : memref<?xf32, ...>
 *   %r = memref.alloca_scope -> (f32) { ...; memref.alloca_scope.return %v : f32 }
 *   memref.global "private" constant @g : memref<2xf32> = dense<[1.0, 2.0]>
 *   %g = memref.get_global @g : memref<2xf32>
 */
import { type Diagnostic } from "../../src/diag/diagnostic.ts";
import { type Attribute, DenseElementsAttr, DenseResourceElementsAttr, SymbolRefAttr, TypeAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { type Operation, Region } from "../../src/ir/operation.ts";
import { AutomaticAllocationScope, HasParent, Pure, RecursiveMemoryEffects, ReturnLike, Symbol, Terminator } from "../../src/ir/traits.ts";
import { hasStaticShape, MemRefType, type Type } from "../../src/ir/types.ts";
import { AnyAttr, AnyType, I64Attr, Index, StrAttr, SymbolNameAttr, UnitAttrC } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { customDirective } from "../../src/irdl/format-directives.ts";
import { opEmitError, opError, quotedType } from "../../src/irdl/op-error.ts";
import { optional, optionalAttr, region, variadic } from "../../src/irdl/spec.ts";
import { ensureTerminator, SingleBlockImplicitTerminator } from "../../src/irdl/implicit-terminator.ts";
import { parentSuccessor, RegionBranchOpInterface, regionSuccessor } from "../../src/interfaces/control-flow.ts";
import { AutomaticAllocationScopeResource, effect, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import { type SymbolTableCollection, SymbolUserOpInterface } from "../../src/interfaces/symbol-user.ts";
import { printAttribute } from "../../src/text/print-attr.ts";
import {
  AnyMemRefC,
  AnyRankedOrUnrankedMemRef,
  AnyStaticShapeMemRef,
  MemRef1D,
  MemRefTypeAttr,
  NonNegativeI64Attr,
} from "./constraints.ts";
import { foldMemRefCast } from "./fold-cast.ts";
import { hasIdentityLayout, layoutSymbols, numDynamicDims, tensorTypeOf } from "./layout.ts";

const isPowerOf2 = (n: bigint): boolean => n > 0n && (n & (n - 1n)) === 0n;

// ---- alloc / alloca --------------------------------------------------------------------------------------------

/** MLIR's verifyAllocLikeOp: one size per dynamic dim, one symbol operand per layout symbol. */
function verifyAllocLike(op: Operation & { readonly dynamicSizes: readonly unknown[]; readonly symbolOperands: readonly unknown[] }): Diagnostic | undefined {
  const type = op.getResult(0).type;
  if (!(type instanceof MemRefType)) return opError(op, "result must be a memref");
  if (op.dynamicSizes.length !== numDynamicDims(type.shape)) {
    return opError(op, "dimension operand count does not equal memref dynamic dimension count");
  }
  const symbols = layoutSymbols(type);
  if (op.symbolOperands.length !== symbols) {
    return opError(op, `symbol operand count does not equal memref symbol count: expected ${symbols}, got ${op.symbolOperands.length}`);
  }
  return undefined;
}

const allocLikeSpec = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { dynamicSizes: variadic(Index), symbolOperands: variadic(Index) },
    attributes: { alignment: optionalAttr(NonNegativeI64Attr) },
    results: { memref: AnyMemRefC },
    format: "`(`$dynamicSizes`)` (`` `[` $symbolOperands^ `]`)? attr-dict `:` type($memref)",
  }) as const;

/** `memref.alloc`: a new heap buffer of the result's type (sizes for its dynamic dims, symbols for its layout). */
export const AllocOp = defineOp(
  { ...allocLikeSpec("memref.alloc", "memory allocation operation"), resultNames: () => ["alloc"] },
  {
    verify: verifyAllocLike,
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("allocate", op.memref)] })],
  },
);
export type AllocOp = InstanceType<typeof AllocOp>;

/** `memref.alloca`: a buffer on the stack of the nearest enclosing automatic allocation scope, freed when it exits. */
export const AllocaOp = defineOp(
  { ...allocLikeSpec("memref.alloca", "stack memory allocation operation"), resultNames: () => ["alloca"] },
  {
    verify: (op) => {
      if (op.parentWhere((p) => p.hasTrait(AutomaticAllocationScope)) === undefined) {
        return opError(op, "requires an ancestor op with AutomaticAllocationScope trait");
      }
      return verifyAllocLike(op);
    },
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("allocate", op.memref, AutomaticAllocationScopeResource)] })],
  },
);
export type AllocaOp = InstanceType<typeof AllocaOp>;

// ---- realloc ---------------------------------------------------------------------------------------------------

/** `memref.realloc`: a buffer of a new size holding the source's elements (the source is freed). */
export const ReallocOp = defineOp(
  {
    name: "memref.realloc",
    summary: "memory reallocation operation",
    operands: { source: MemRef1D, dynamicResultSize: optional(Index) },
    attributes: { alignment: optionalAttr(NonNegativeI64Attr) },
    results: { result: MemRef1D },
    format: "$source (`(` $dynamicResultSize^ `)`)? attr-dict `:` type($source) `to` type(results)",
  },
  {
    verify: (op) => {
      const source = op.source.type;
      const result = op.result.type;
      if (!hasIdentityLayout(source)) return opEmitError(op, `unsupported layout for source memref type ${quotedType(source)}`);
      if (!hasIdentityLayout(result)) return opEmitError(op, `unsupported layout for result memref type ${quotedType(result)}`);
      if (source.memorySpace !== result.memorySpace) {
        return opEmitError(op, `different memory spaces specified for source memref type ${quotedType(source)} and result memref type ${quotedType(result)}`);
      }
      if (source.elementType !== result.elementType) {
        return opEmitError(op, `different element types specified for source memref type ${quotedType(source)} and result memref type ${quotedType(result)}`);
      }
      const dynamic = numDynamicDims(result.shape) > 0;
      if (dynamic && op.dynamicResultSize === undefined) return opEmitError(op, `missing dimension operand for result type ${quotedType(result)}`);
      if (!dynamic && op.dynamicResultSize !== undefined) return opEmitError(op, `unnecessary dimension operand for result type ${quotedType(result)}`);
      return undefined;
    },
    interfaces: [
      implement(MemoryEffectOpInterface, {
        getEffects: (op) => [effect("read", op.source), effect("free", op.source), effect("allocate", op.result), effect("write", op.result)],
      }),
    ],
  },
);
export type ReallocOp = InstanceType<typeof ReallocOp>;

// ---- dealloc ---------------------------------------------------------------------------------------------------

/** `memref.dealloc`: frees a buffer `memref.alloc` made. */
export const DeallocOp = defineOp(
  {
    name: "memref.dealloc",
    summary: "memory deallocation operation",
    operands: { memref: AnyRankedOrUnrankedMemRef },
    format: "$memref attr-dict `:` type($memref)",
  },
  {
    fold: (op) => (foldMemRefCast(op) ? [] : undefined),
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("free", op.memref)] })],
  },
);
export type DeallocOp = InstanceType<typeof DeallocOp>;

// ---- alloca_scope ----------------------------------------------------------------------------------------------

/** `memref.alloca_scope.return`: ends an `alloca_scope`, giving its results. */
export const AllocaScopeReturnOp = defineOp({
  name: "memref.alloca_scope.return",
  summary: "terminator for alloca_scope operation",
  operands: { values: variadic(AnyType) },
  traits: [HasParent("memref.alloca_scope"), Pure, ReturnLike, Terminator],
  format: "attr-dict ($values^ `:` type($values))?",
});
export type AllocaScopeReturnOp = InstanceType<typeof AllocaScopeReturnOp>;

/** MLIR 16's `SingleBlockImplicitTerminator<"AllocaScopeReturnOp">`: a body without a terminator gets the return. */
const ImplicitAllocaScopeReturn = SingleBlockImplicitTerminator("memref.alloca_scope.return", (loc) => AllocaScopeReturnOp.build({}, loc));

/**
 * `memref.alloca_scope`: a region whose `alloca`s are freed when it exits (MLIR 16 hand-writes its syntax:
 * `memref.alloca_scope  -> (f32) { ... }`, the terminator printed only when it returns values).
 */
export const AllocaScopeOp = defineOp(
  {
    name: "memref.alloca_scope",
    summary: "explicitly delimited scope for stack allocation",
    results: { values: variadic(AnyType) },
    regions: { bodyRegion: region({ maxBlocks: 1 }) },
    traits: [AutomaticAllocationScope, RecursiveMemoryEffects, ImplicitAllocaScopeReturn],
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        const types = op.resultTypes;
        if (types.length > 0) {
          p.print(" -> (");
          p.printTypes(types);
          p.print(")");
        }
        p.print(" ");
        p.printRegion(op.bodyRegion, { printEntryBlockArgs: false, printBlockTerminators: types.length > 0 });
        p.printOptionalAttrDict(op.attributes);
      },
      parse(p, state) {
        state.resultTypes.push(...p.parseArrowTypeList(true));
        const body = new Region();
        p.parseRegion(body, []);
        ensureTerminator(body, ImplicitAllocaScopeReturn, state.loc);
        state.regions.push(body);
        p.parseOptionalAttrDict(state.attributes);
      },
    },
    verify: (op) => {
      const body = op.bodyRegion.entry;
      if (body !== undefined && body.args.length > 0) return opError(op, "region #0 should have no arguments");
      return undefined;
    },
    interfaces: [
      implement(RegionBranchOpInterface, {
        getSuccessorRegions: (op, from) => (from === undefined ? [regionSuccessor(op.bodyRegion)] : [parentSuccessor(op)]),
      }),
    ],
  },
);
export type AllocaScopeOp = InstanceType<typeof AllocaScopeOp>;

// ---- globals ---------------------------------------------------------------------------------------------------

const isElements = (a: Attribute): boolean => a instanceof DenseElementsAttr || a instanceof DenseResourceElementsAttr;

/**
 * MLIR 16's `custom<GlobalMemrefOpTypeAndInitialValue>`: `memref<2xf32>`, then nothing (external), `=
 * uninitialized`, or `= <elements>` (the value typed as the memref's tensor, its type not repeated).
 */
const GlobalMemrefOpTypeAndInitialValue = customDirective({
  params: { type: "attr", initialValue: "attr" },
  print(p, _op, { type, initialValue }) {
    if (type instanceof TypeAttr) p.printType(type.value);
    if (initialValue === undefined) return;
    p.print(" = ");
    if (initialValue instanceof UnitAttr) p.print("uninitialized");
    else p.printAttributeWithoutType(initialValue);
  },
  parse(p) {
    const at = p.pos();
    const type = p.parseType();
    if (!(type instanceof MemRefType) || !hasStaticShape(type.shape)) {
      return p.error(`type should be static shaped memref, but got ${quotedType(type)}`, at);
    }
    const typeAttr = TypeAttr.get(type);
    if (!p.parseOptionalPunct("=")) return { type: typeAttr, initialValue: undefined };
    if (p.parseOptionalKeyword("uninitialized") !== undefined) return { type: typeAttr, initialValue: UnitAttr.get() };
    const valueAt = p.pos();
    const value = p.parseAttribute(tensorTypeOf(type));
    if (!isElements(value)) return p.error("initial value should be a unit or elements attribute", valueAt);
    return { type: typeAttr, initialValue: value };
  },
});

/** `memref.global`: a named buffer (a symbol), external, uninitialized or with an initial value. */
export const GlobalOp = defineOp(
  {
    name: "memref.global",
    summary: "declare or define a global memref variable",
    attributes: {
      sym_name: SymbolNameAttr,
      sym_visibility: optionalAttr(StrAttr),
      type: MemRefTypeAttr,
      initial_value: optionalAttr(AnyAttr),
      constant: optionalAttr(UnitAttrC),
      alignment: optionalAttr(I64Attr),
    },
    traits: [Symbol],
    customDirectives: { GlobalMemrefOpTypeAndInitialValue },
    format:
      "($sym_visibility^)? (`constant` $constant^)? $sym_name `:` custom<GlobalMemrefOpTypeAndInitialValue>($type, $initial_value) attr-dict",
  },
  {
    verify: (op) => {
      const type = op.type.value;
      if (!hasStaticShape(type.shape)) return opError(op, `type should be static shaped memref, but got ${quotedType(type)}`);
      const init = op.initial_value;
      if (init !== undefined) {
        if (!(init instanceof UnitAttr) && !isElements(init)) {
          return opError(op, `initial value should be a unit or elements attribute, but got ${printAttribute(init)}`);
        }
        if (init instanceof DenseElementsAttr || init instanceof DenseResourceElementsAttr) {
          const expected = tensorTypeOf(type);
          if (init.type !== expected) {
            return opError(op, `initial value expected to be of type ${quotedType(expected)}, but was of type ${quotedType(init.type)}`);
          }
        }
      }
      const alignment = op.alignment;
      if (alignment !== undefined && !isPowerOf2(alignment.value)) {
        return opEmitError(op, `alignment attribute value ${alignment.value} is not a power of 2`);
      }
      return undefined;
    },
  },
);
export type GlobalOp = InstanceType<typeof GlobalOp>;

/** The global's memref type. */
export const globalType = (g: GlobalOp): MemRefType => g.type.value;
/** Whether the global is only declared here (no initial value). */
export const isExternalGlobal = (g: GlobalOp): boolean => g.initial_value === undefined;

/** The `name` attribute of a `memref.get_global` (undefined when missing or not a flat symbol reference). */
export function getGlobalName(op: Operation): SymbolRefAttr | undefined {
  const a = op.attr("name");
  return a instanceof SymbolRefAttr && a.isFlat ? a : undefined;
}

/** MLIR's GetGlobalOp::verifySymbolUses: the name is a `memref.global` of the result's type. */
function verifyGlobalUse(op: Operation, symbols: SymbolTableCollection): Diagnostic | undefined {
  const name = getGlobalName(op);
  if (name === undefined) return undefined; // the op's verifier reports it
  const global = symbols.lookupNearestSymbolFrom(op, name);
  if (!(global instanceof GlobalOp)) return opError(op, `'${name.root}' does not reference a valid global memref`);
  const expected: Type = globalType(global);
  const resultType = op.getResult(0).type;
  if (expected !== resultType) {
    return opError(op, `result type ${quotedType(resultType)} does not match type ${quotedType(expected)} of the global memref @${name.root}`);
  }
  return undefined;
}

/**
 * `memref.get_global @g : memref<2xf32>`: the buffer of a `memref.global`. Its attribute is called `name`, which
 * every op's own `name` shadows in a spec, so the attribute is checked and spelled here (MLIR 16's format is
 * `$name `:` type($result) attr-dict`).
 */
export const GetGlobalOp = defineOp(
  {
    name: "memref.get_global",
    summary: "get the memref pointing to a global variable",
    results: { result: AnyStaticShapeMemRef },
    traits: [Pure],
  },
  {
    verify: (op) => {
      const a = op.attr("name");
      if (a === undefined) return opError(op, "requires attribute 'name'");
      if (getGlobalName(op) === undefined) return opError(op, "attribute 'name' failed to satisfy constraint: flat symbol reference attribute");
      return undefined;
    },
    asm: {
      print(op, p) {
        p.print(" ");
        const name = getGlobalName(op);
        if (name !== undefined) p.printSymbolName(name.root);
        else p.printAttribute(op.attr("name") ?? UnitAttr.get());
        p.print(" : ");
        p.printType(op.result.type);
        p.printOptionalAttrDict(op.attributes, ["name"]);
      },
      parse(p, state) {
        state.attributes.set("name", SymbolRefAttr.get(p.parseSymbolName()));
        state.resultTypes.push(p.parseColonType());
        p.parseOptionalAttrDict(state.attributes);
      },
    },
    interfaces: [implement(SymbolUserOpInterface, { verifySymbolUses: verifyGlobalUse })],
  },
);
export type GetGlobalOp = InstanceType<typeof GetGlobalOp>;
