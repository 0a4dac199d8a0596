/**
 * A dialect defined in the tests, `test`, whose ops join the shared passes only through op interfaces: its
 * names and classes are unknown to every pass, so a pass that works on it depends on no dialect by name.
 *
 *   test.func @f(%a: i32, %c: i1) -> i32 {         a function (FunctionOpInterface, CallableOpInterface)
 *     %0 = test.pure %a, %a : i32                  no memory effects (the Pure trait)
 *     %m = test.alloc : i32                        allocates a resource of the test dialect
 *     test.store %0, %m : i32                      writes it
 *     %1 = test.load %m : i32                      reads it
 *     test.free %m : i32                           frees it
 *     %r = test.call @g(%1) : (i32) -> i32         CallOpInterface, SymbolUserOpInterface
 *     test.cond_br %c, ^bb1(%r : i32), ^bb2        BranchOpInterface
 *   ^bb1(%x: i32):
 *     test.br ^bb2                                 BranchOpInterface
 *   ^bb2:
 *     test.return %a : i32                         ReturnLike terminator
 *   }
 *
 * Memory is modelled by a pointer-like value of any type (the `test.alloc` result): what matters to the
 * passes is the effects the ops declare on it.
 */
import { type Attribute, IntegerAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { FunctionLike, IsolatedFromAbove, Pure, ReturnLike, SameOperandsAndResultType, SameOperandsType, Symbol, Terminator } from "../../src/ir/traits.ts";
import { i1 } from "../../src/ir/types.ts";
import { AnyType, FunctionTypeAttr, StrAttr, SymbolNameAttr, typeConstraint } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { mutableOperandGroup } from "../../src/irdl/operand-groups.ts";
import { optionalAttr, region, successor, variadic } from "../../src/irdl/spec.ts";
import { BranchOpInterface, SuccessorOperands } from "../../src/interfaces/control-flow.ts";
import { effect, MemoryEffectOpInterface, Resource } from "../../src/interfaces/side-effects.ts";

/** The operands of group `name` forwarded to a successor. */
function forwarded(op: Operation, name: string): SuccessorOperands {
  const range = mutableOperandGroup(op, name);
  if (range === undefined) throw new RangeError(`'${op.name}' has no operand group '${name}'`);
  return new SuccessorOperands(range);
}

const I1 = typeConstraint("1-bit signless integer", (t) => t === i1);

// ---- control flow -------------------------------------------------------------------------------------------

/** `test.br ^bb(%v : i32)`: an unconditional branch of the test dialect. */
export const TestBr = defineOp(
  {
    name: "test.br",
    summary: "test branch",
    operands: { destOperands: variadic(AnyType) },
    successors: { dest: successor() },
    traits: [Pure, Terminator],
    format: "$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict",
  },
  {
    interfaces: [
      implement(BranchOpInterface, {
        getSuccessorOperands: (op, i) => {
          if (i !== 0) throw new RangeError(`'test.br' has no successor #${i}`);
          return forwarded(op, "destOperands");
        },
        getSuccessorForOperands: (op) => op.dest,
      }),
    ],
  },
);

/** `test.cond_br %c, ^t(...), ^f(...) : i1`: a conditional branch of the test dialect. */
export const TestCondBr = defineOp(
  {
    name: "test.cond_br",
    summary: "test conditional branch",
    operands: { condition: I1, trueOperands: variadic(AnyType), falseOperands: variadic(AnyType) },
    successors: { trueDest: successor(), falseDest: successor() },
    traits: [Pure, Terminator],
    format:
      "$condition `,` $trueDest (`(` $trueOperands^ `:` type($trueOperands) `)`)? `,` " +
      "$falseDest (`(` $falseOperands^ `:` type($falseOperands) `)`)? attr-dict `:` type($condition)",
  },
  {
    interfaces: [
      implement(BranchOpInterface, {
        getSuccessorOperands: (op, i) => forwarded(op, i === 0 ? "trueOperands" : i === 1 ? "falseOperands" : ""),
        getSuccessorForOperands: (op, operands: readonly (Attribute | undefined)[]): Block | undefined => {
          const c = operands[0];
          return c instanceof IntegerAttr ? (c.value !== 0n ? op.trueDest : op.falseDest) : undefined;
        },
      }),
    ],
  },
);

/** `test.return %v : i32`: returns from a `test.func`. */
export const TestReturn = defineOp({
  name: "test.return",
  summary: "test return",
  operands: { values: variadic(AnyType) },
  traits: [Pure, ReturnLike, Terminator],
  format: "($values^ `:` type($values))? attr-dict",
});

// ---- functions ----------------------------------------------------------------------------------------------

/** `test.func @f(%a: i32) -> i32 { ... }`: a function of the test dialect. */
export const TestFunc = defineOp({
  name: "test.func",
  summary: "test function",
  attributes: { sym_name: SymbolNameAttr, function_type: FunctionTypeAttr, sym_visibility: optionalAttr(StrAttr) },
  regions: { body: region() },
  traits: [Symbol, IsolatedFromAbove, FunctionLike],
});

// ---- plain ops --------------------------------------------------------------------------------------------

/** `%r = test.pure %a, %b : i32`: an op without side effects. */
export const TestPure = defineOp({
  name: "test.pure",
  summary: "test op without side effects",
  operands: { inputs: variadic(AnyType) },
  results: { result: AnyType },
  traits: [Pure, SameOperandsAndResultType],
  format: "$inputs attr-dict `:` type($result)",
});

/** `%r = test.opaque %a : i32`: an op whose effects are unknown (it implements no memory-effect interface). */
export const TestOpaque = defineOp({
  name: "test.opaque",
  summary: "test op with unknown side effects",
  operands: { inputs: variadic(AnyType) },
  results: { outputs: variadic(AnyType) },
  format: "$inputs attr-dict `:` functional-type($inputs, $outputs)",
});

// ---- memory -----------------------------------------------------------------------------------------------

/** The memory the test dialect's memory ops act on (effects on other resources do not touch it). */
export const TestMemory = new Resource("test.memory");

/** `%m = test.alloc : i32`: allocates a cell (its result stands for the cell). */
export const TestAlloc = defineOp(
  {
    name: "test.alloc",
    summary: "test allocation",
    results: { cell: AnyType },
    format: "attr-dict `:` type($cell)",
  },
  { interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("allocate", op.cell, TestMemory)] })] },
);

/** `%v = test.load %m : i32`: reads a cell. */
export const TestLoad = defineOp(
  {
    name: "test.load",
    summary: "test load",
    operands: { cell: AnyType },
    results: { value: AnyType },
    traits: [SameOperandsAndResultType],
    format: "$cell attr-dict `:` type($value)",
  },
  { interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("read", op.cell, TestMemory)] })] },
);

/** `test.store %v, %m : i32`: writes a cell. */
export const TestStore = defineOp(
  {
    name: "test.store",
    summary: "test store",
    operands: { value: AnyType, cell: AnyType },
    traits: [SameOperandsType],
    format: "$value `,` $cell attr-dict `:` type($cell)",
  },
  { interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("write", op.cell, TestMemory)] })] },
);

/** `test.free %m : i32`: frees a cell. */
export const TestFree = defineOp(
  {
    name: "test.free",
    summary: "test deallocation",
    operands: { cell: AnyType },
    format: "$cell attr-dict `:` type($cell)",
  },
  { interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("free", op.cell, TestMemory)] })] },
);

/** The test dialect, to load into a context with the others. */
export const testDialect = defineDialect({
  name: "test",
  ops: [TestFunc, TestBr, TestCondBr, TestReturn, TestPure, TestOpaque, TestAlloc, TestLoad, TestStore, TestFree],
});
