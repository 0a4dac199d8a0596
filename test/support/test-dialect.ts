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
 *   %c:2 = test.cast %a, %b : i32, i64 to i64, i32    CastOpInterface: integers to integers, one for one
 *   %w = test.concat %a, %b : i32, i64                 InferTypeOpInterface: the result is i96
 *
 * Memory is modelled by a pointer-like value of any type (the `test.alloc` result): what matters to the
 * passes is the effects the ops declare on it.
 */
import { type Attribute, IntegerAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { IsolatedFromAbove, Pure, ReturnLike, SameOperandsAndResultType, SameOperandsType, Symbol, Terminator } from "../../src/ir/traits.ts";
import { i1, IntegerType } from "../../src/ir/types.ts";
import { AnyType, FlatSymbolRefAttr, typeConstraint } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { mutableOperandGroup } from "../../src/irdl/operand-groups.ts";
import { region, successor, variadic } from "../../src/irdl/spec.ts";
import { error } from "../../src/diag/diagnostic.ts";
import type { Type } from "../../src/ir/types.ts";
import { BranchOpInterface, SuccessorOperands } from "../../src/interfaces/control-flow.ts";
import { CallableOpInterface, CallOpInterface, FunctionOpInterface } from "../../src/interfaces/function.ts";
import { functionOpAsm, functionOpAttributes } from "../../src/interfaces/function-format.ts";
import { SymbolUserOpInterface } from "../../src/interfaces/symbol-user.ts";
import { CastOpInterface, foldCastRoundTrip } from "../../src/interfaces/cast.ts";
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

/** `test.func @f(%a: i32) -> i32 { ... }`: a function of the test dialect, in the syntax every function shares. */
export const TestFunc = defineOp(
  {
    name: "test.func",
    summary: "test function",
    attributes: functionOpAttributes,
    regions: { body: region() },
    traits: [Symbol, IsolatedFromAbove],
  },
  { asm: functionOpAsm(), interfaces: [implement(FunctionOpInterface, {}), implement(CallableOpInterface, {})] },
);

/** `%r = test.call @f(%a) : (i32) -> i32`: a direct call; its callee must be a function taking those types. */
export const TestCall = defineOp(
  {
    name: "test.call",
    summary: "test call",
    operands: { inputs: variadic(AnyType) },
    results: { outputs: variadic(AnyType) },
    attributes: { callee: FlatSymbolRefAttr },
    format: "$callee `(` $inputs `)` attr-dict `:` functional-type($inputs, $outputs)",
  },
  {
    interfaces: [
      implement(CallOpInterface, { getCallableForCallee: (op) => op.callee, getArgOperands: (op) => op.inputs }),
      implement(SymbolUserOpInterface, {
        verifySymbolUses: (op, symbols) => {
          const fn = symbols.lookupNearestSymbolFrom(op, op.callee);
          const view = fn === undefined ? undefined : FunctionOpInterface.of(fn);
          if (view === undefined) return error(op.loc, `'test.call' op '${op.callee.root}' is not a function`);
          const same = (a: readonly Type[], b: readonly Type[]): boolean => a.length === b.length && a.every((t, i) => t === b[i]);
          if (!same(view.getArgumentTypes(), op.inputs.map((v) => v.type)) || !same(view.getResultTypes(), op.resultTypes)) {
            return error(op.loc, `'test.call' op does not match the signature of '${op.callee.root}'`);
          }
          return undefined;
        },
      }),
    ],
  },
);

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

// ---- casts and inferred types ----------------------------------------------------------------------------

const isInteger = (t: Type): t is IntegerType => t instanceof IntegerType;

/**
 * `%r:2 = test.cast %a, %b : i32, i64 to i64, i32`: a cast of the test dialect. Integers cast to integers of
 * any width, one for one (its CastOpInterface); a cast back of a cast of it folds away (foldCastRoundTrip).
 */
export const TestCast = defineOp(
  {
    name: "test.cast",
    summary: "test cast between integer types",
    operands: { inputs: variadic(AnyType) },
    results: { outputs: variadic(AnyType) },
    traits: [Pure],
    format: "($inputs^ `:` type($inputs))? `to` type($outputs) attr-dict",
  },
  {
    interfaces: [
      implement(CastOpInterface, {
        areCastCompatible: (inputs, outputs) => inputs.length === outputs.length && [...inputs, ...outputs].every(isInteger),
      }),
    ],
    fold: (op) => foldCastRoundTrip(op),
  },
);

/**
 * `%r = test.concat %a, %b : i8, i16`: the bits of both integers side by side; its result type (i24) is
 * inferred (InferTypeOpInterface through `inferResultTypes`), so neither build nor the format spells it.
 */
export const TestConcat = defineOp(
  {
    name: "test.concat",
    summary: "test op with an inferred result type",
    operands: { high: AnyType, low: AnyType },
    results: { result: AnyType },
    traits: [Pure],
    format: "$high `,` $low attr-dict `:` type($high) `,` type($low)",
  },
  {
    inferResultTypes: ([high, low]) =>
      high !== undefined && low !== undefined && isInteger(high.type) && isInteger(low.type)
        ? [IntegerType.get(high.type.width + low.type.width)]
        : undefined,
  },
);

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
  ops: [TestFunc, TestCall, TestBr, TestCondBr, TestReturn, TestPure, TestOpaque, TestCast, TestConcat, TestAlloc, TestLoad, TestStore, TestFree],
  // A multi-block test function inlines with its returns turned into test.br: no cf op appears.
  inliner: { handleTerminator: (ret, dest) => TestBr.build({ dest, destOperands: [...ret.operands] }, ret.loc) },
});
