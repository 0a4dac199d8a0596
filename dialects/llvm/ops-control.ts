/**
 * The llvm dialect's control flow: branches, `switch`, `return`, `unreachable`, calls and exception handling
 * (`invoke`, `landingpad`, `resume`), in MLIR 16's syntax:
 *
 *   llvm.br ^bb1(%a : i32)
 *   llvm.cond_br %c, ^bb1, ^bb2(%x : f32)
 *   llvm.switch %v : i32, ^bb1 [
 *     1: ^bb2(%a : i32),
 *     2: ^bb3
 *   ]
 *   llvm.return %r : f32
 *   %0 = llvm.call @f(%a) : (i32) -> f32          (indirect: llvm.call %fptr(%a) : (i32) -> f32)
 *   %1 = llvm.invoke @f(%a) to ^ok unwind ^lpad : (i32) -> f32
 *   %2 = llvm.landingpad cleanup (catch %ti : !llvm.ptr) : !llvm.struct<(ptr, i32)>
 */
import { DenseArrayAttr, DenseElementsAttr, SymbolRefAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { type Diagnostic, note } from "../../src/diag/diagnostic.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { Pure, ReturnLike, Terminator } from "../../src/ir/traits.ts";
import { FunctionType, i32, IntegerType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyInteger, AnyType, Bool, DenseI32ArrayAttr, ElementsAttr, FlatSymbolRefAttr, UnitAttrC } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { customDirective, ref } from "../../src/irdl/format-directives.ts";
import { opEmitError, opError, quotedType } from "../../src/irdl/op-error.ts";
import { mutableOperandGroup, mutableOperandSubGroup } from "../../src/irdl/operand-groups.ts";
import { optional, optionalAttr, type OperandGroupOf, successor, variadic, variadicSuccessor } from "../../src/irdl/spec.ts";
import { BranchOpInterface, SuccessorOperands } from "../../src/interfaces/control-flow.ts";
import { CallOpInterface } from "../../src/interfaces/function.ts";
import { type SymbolTableCollection, SymbolUserOpInterface } from "../../src/interfaces/symbol-user.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";
import { caseValuesAttr } from "../cf/switch-asm.ts";
import { fastmathFlags } from "./ops-arith.ts";
import { LLVMAnyType } from "./constraints.ts";
import { llvmOpAttrsElided } from "./syntax.ts";
import { isCompatibleType, LLVMArrayType, LLVMFunctionType, LLVMPointerType, LLVMVoidType } from "./types.ts";

/** The operands group `group` of `op` as the operands forwarded to a successor. */
function forwarded<O extends Operation>(op: O, group: OperandGroupOf<O>, index: number): SuccessorOperands {
  const range = mutableOperandGroup(op, group);
  if (range === undefined) throw new RangeError(`'${op.name}' has no successor #${index}`);
  return new SuccessorOperands(range);
}

// ---- br / cond_br / switch -----------------------------------------------------------------------------------

export const BrOp = defineOp(
  {
    name: "llvm.br",
    summary: "unconditional branch to a block (LLVM's br)",
    operands: { destOperands: variadic(LLVMAnyType) },
    successors: { dest: successor() },
    traits: [Pure, Terminator],
    format: "$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict",
  },
  {
    interfaces: [
      implement(BranchOpInterface, {
        getSuccessorOperands: (op, i) => forwarded(op, "destOperands", i),
        getSuccessorForOperands: (op) => op.dest,
      }),
    ],
  },
);

export const CondBrOp = defineOp(
  {
    name: "llvm.cond_br",
    summary: "conditional branch on an i1 (LLVM's br with a condition)",
    operands: { condition: Bool, trueDestOperands: variadic(LLVMAnyType), falseDestOperands: variadic(LLVMAnyType) },
    attributes: { branch_weights: optionalAttr(ElementsAttr) },
    successors: { trueDest: successor(), falseDest: successor() },
    traits: [Pure, Terminator],
    format:
      "$condition ( `weights` `(` $branch_weights^ `)` )? `,` " +
      "$trueDest (`(` $trueDestOperands^ `:` type($trueDestOperands) `)`)? `,` " +
      "$falseDest (`(` $falseDestOperands^ `:` type($falseDestOperands) `)`)? attr-dict",
  },
  {
    interfaces: [
      implement(BranchOpInterface, {
        getSuccessorOperands: (op, i) => forwarded(op, i === 0 ? "trueDestOperands" : "falseDestOperands", i),
        getSuccessorForOperands: (op, operands) => {
          const c = operands[0];
          if (c === undefined || !("value" in c) || typeof c.value !== "bigint") return undefined;
          return c.value !== 0n ? op.trueDest : op.falseDest;
        },
      }),
    ],
  },
);

/**
 * MLIR 16's `custom<SwitchOpCases>` of llvm.switch: one `value: ^bb(...)` line per case (values printed
 * unsigned, as APInt::getLimitedValue), nothing at all without cases.
 */
const LLVMSwitchOpCases = customDirective({
  params: {
    flagType: ref("type"),
    caseValues: "attr",
    caseDestinations: "successors",
    caseOperands: "operands",
    caseOperandTypes: "types",
    caseOperandSegments: "attr",
  },
  print(p, _op, a) {
    const values = a.caseValues;
    if (!(values instanceof DenseElementsAttr)) return;
    const segments = a.caseOperandSegments instanceof DenseArrayAttr ? a.caseOperandSegments.numbers : [];
    const width = values.type.elementType instanceof IntegerType ? values.type.elementType.width : 64;
    let start = 0;
    a.caseDestinations.forEach((dest, i) => {
      const n = segments[i] ?? 0;
      if (i > 0) {
        p.print(",");
        p.printNewline();
      }
      p.print(`  ${BigInt.asUintN(Math.min(width, 64), BigInt(values.at(i)))}: `);
      p.printSuccessorAndUseList(dest, a.caseOperands.slice(start, start + n));
      start += n;
    });
    p.printNewline();
  },
  parse(p, { flagType }) {
    if (!(flagType instanceof IntegerType)) return p.error("invalid kind of type specified");
    const values: bigint[] = [];
    const caseDestinations: Block[] = [];
    const caseOperands: UnresolvedOperand[] = [];
    const caseOperandTypes: Type[] = [];
    const segments: number[] = [];
    let v = p.parseOptionalInteger();
    while (v !== undefined) {
      values.push(v);
      p.parsePunct(":");
      caseDestinations.push(p.parseSuccessor());
      let operands: UnresolvedOperand[] = [];
      if (p.parseOptionalPunct("(")) {
        operands = p.parseOperandList("none");
        p.parsePunct(":");
        caseOperandTypes.push(...p.parseTypeList());
        p.parsePunct(")");
      }
      caseOperands.push(...operands);
      segments.push(operands.length);
      if (!p.parseOptionalPunct(",")) break;
      v = p.parseInteger();
    }
    return {
      caseValues: values.length > 0 ? caseValuesAttr(flagType, values) : undefined,
      caseDestinations,
      caseOperands,
      caseOperandTypes,
      caseOperandSegments: DenseArrayAttr.get(i32, segments),
    };
  },
});

export const SwitchOp = defineOp(
  {
    name: "llvm.switch",
    summary: "multi-way branch on an integer (LLVM's switch)",
    operands: { value: AnyInteger, defaultOperands: variadic(AnyType), caseOperands: variadic(AnyType) },
    attributes: {
      case_values: optionalAttr(ElementsAttr),
      case_operand_segments: DenseI32ArrayAttr,
      branch_weights: optionalAttr(ElementsAttr),
    },
    successors: { defaultDestination: successor(), caseDestinations: variadicSuccessor() },
    traits: [Pure, Terminator],
    customDirectives: { LLVMSwitchOpCases },
    format:
      "$value `:` type($value) `,` $defaultDestination (`(` $defaultOperands^ `:` type($defaultOperands) `)`)? " +
      "`[` `\\n` custom<LLVMSwitchOpCases>(ref(type($value)), $case_values, $caseDestinations, $caseOperands, " +
      "type($caseOperands), $case_operand_segments) `]` attr-dict",
  },
  {
    interfaces: [
      implement(BranchOpInterface, {
        getSuccessorOperands: (op, i) => {
          if (i === 0) return forwarded(op, "defaultOperands", i);
          const range = mutableOperandSubGroup(op, "caseOperands", "case_operand_segments", i - 1);
          if (range === undefined) throw new RangeError(`'${op.name}' has no successor #${i}`);
          return new SuccessorOperands(range);
        },
      }),
    ],
    verify: (op) => {
      const values = op.case_values;
      const n = op.caseDestinations.length;
      const count = values instanceof DenseElementsAttr ? values.numElements : undefined;
      if ((count === undefined && n > 0) || (count !== undefined && count !== n)) {
        return opError(op, "expects number of case values to match number of case destinations");
      }
      const weights = op.branch_weights;
      const successors = 1 + n;
      if (weights instanceof DenseElementsAttr && weights.numElements !== successors) {
        return opEmitError(op, `expects number of branch weights to match number of successors: ${weights.numElements} vs ${successors}`);
      }
      return undefined;
    },
  },
);

/** The operands llvm.switch forwards to case `index` (0-based, not counting the default). */
export function switchCaseOperands(op: InstanceType<typeof SwitchOp>, index: number): readonly Value[] {
  return mutableOperandSubGroup(op, "caseOperands", "case_operand_segments", index)?.values ?? [];
}

// ---- return / unreachable / resume -------------------------------------------------------------------------

export const ReturnOp = defineOp(
  {
    name: "llvm.return",
    summary: "returns from the enclosing function, with at most one value (LLVM's ret)",
    operands: { arg: optional(LLVMAnyType) },
    traits: [Pure, ReturnLike, Terminator],
    format: "attr-dict ($arg^ `:` type($arg))?",
  },
  {
    verify(op) {
      const fn = op.parentOp;
      if (fn?.name !== "llvm.func") return undefined;
      const t = fn.attr("function_type");
      const fnType = t !== undefined && "value" in t && t.value instanceof LLVMFunctionType ? t.value : undefined;
      if (fnType === undefined) return undefined;
      const when = [note(fn.loc, "when returning from function")];
      const expected = fnType.returnType;
      if (expected instanceof LLVMVoidType) return op.arg === undefined ? undefined : opError(op, "expected no operands", when);
      if (op.arg === undefined) return opError(op, "expected 1 operand", when);
      return op.arg.type === expected ? undefined : opError(op, "mismatching result types", when);
    },
  },
);

export const UnreachableOp = defineOp({
  name: "llvm.unreachable",
  summary: "marks a point control never reaches (LLVM's unreachable)",
  traits: [Terminator],
  format: "attr-dict",
});

export const ResumeOp = defineOp(
  {
    name: "llvm.resume",
    summary: "resumes propagating an exception caught by a landingpad (LLVM's resume)",
    operands: { value: LLVMAnyType },
    traits: [Terminator],
    format: "$value attr-dict `:` type($value)",
  },
  {
    verify: (op) => (op.value.definingOp?.name === "llvm.landingpad" ? undefined : opError(op, "expects landingpad value as operand")),
  },
);

// ---- call ------------------------------------------------------------------------------------------------------

/** The callee symbol of a call or invoke, if direct. */
const calleeOf = (op: Operation): SymbolRefAttr | undefined => {
  const c = op.attr("callee");
  return c instanceof SymbolRefAttr ? c : undefined;
};

/** `@f` or `%fptr`, then `(args)`: the callee and argument part of llvm.call / llvm.invoke. */
function printCallee(op: Operation, p: OpAsmPrinter, operands: readonly Value[]): readonly Value[] {
  const callee = calleeOf(op);
  p.print(" ");
  if (callee !== undefined) p.printSymbolName(callee.root);
  else if (operands[0] !== undefined) p.printOperand(operands[0]);
  const args = callee !== undefined ? operands : operands.slice(1);
  p.print("(");
  p.printOperands(args);
  p.print(")");
  return args;
}

/**
 * Parses `@f(args)` or `%fptr(args)`, then what `middle` reads, then the trailing function type; resolves the
 * operands (an indirect callee as a pointer to the LLVM function type) and adds the result type.
 */
function parseCall(p: OpAsmParser, state: OperationState, middle: () => void): { operands: number } {
  const operands: UnresolvedOperand[] = [];
  const fptr = p.parseOptionalOperand();
  if (fptr !== undefined) operands.push(fptr);
  else state.attributes.set("callee", SymbolRefAttr.get(p.parseSymbolName()));
  operands.push(...p.parseOperandList("()"));
  middle();
  p.parsePunct(":");
  const typeAt = p.pos();
  const type = p.parseType();
  if (!(type instanceof FunctionType)) return p.error("expected function type", typeAt);
  if (type.results.length > 1) return p.error("expected function with 0 or 1 result", typeAt);
  if (fptr === undefined) {
    state.operands.push(...p.resolveOperands(operands, type.inputs, p.nameLoc));
    const r = type.results[0];
    if (r !== undefined && !(r instanceof LLVMVoidType)) state.resultTypes.push(r);
    return { operands: operands.length };
  }
  const result = type.results[0] ?? LLVMVoidType.get();
  if (!isCompatibleType(result)) return p.error("expected result to have LLVM type", typeAt);
  if (!type.inputs.every((t) => isCompatibleType(t))) return p.error("expected LLVM types as inputs", typeAt);
  const fnPtr = LLVMPointerType.get(LLVMFunctionType.get(result, type.inputs));
  state.operands.push(p.resolveOperand(fptr, fnPtr), ...p.resolveOperands(operands.slice(1), type.inputs, p.nameLoc));
  if (!(result instanceof LLVMVoidType)) state.resultTypes.push(result);
  return { operands: operands.length };
}

/** MLIR 16's CallOp::verifySymbolUses: the callee exists and the operand and result types match its type. */
function verifyCall(op: Operation, symbols: SymbolTableCollection): Diagnostic | undefined {
  if (op.numResults > 1) return opError(op, "must have 0 or 1 result");
  const callee = calleeOf(op);
  const indirect = callee === undefined;
  let fnType: Type | undefined;
  if (callee === undefined) {
    const first = op.operands[0];
    if (first === undefined) return opError(op, "must have either a `callee` attribute or at least an operand");
    if (!(first.type instanceof LLVMPointerType)) return opError(op, `indirect call expects a pointer as callee: ${quotedType(first.type)}`);
    if (first.type.elementType === undefined) return undefined;
    fnType = first.type.elementType;
  } else {
    const fn = symbols.lookupNearestSymbolFrom(op, callee);
    if (fn === undefined) return opError(op, `'${callee.root}' does not reference a symbol in the current scope`);
    const t = fn.name === "llvm.func" ? fn.attr("function_type") : undefined;
    if (t === undefined || !("value" in t)) return opError(op, `'${callee.root}' does not reference a valid LLVM function`);
    fnType = t.value as Type;
  }
  if (!(fnType instanceof LLVMFunctionType)) return opError(op, `callee does not have a functional type: ${quotedType(fnType)}`);
  const nArgs = op.numOperands - (indirect ? 1 : 0);
  const nParams = fnType.params.length;
  if (!fnType.isVarArg && nParams !== nArgs) return opError(op, `incorrect number of operands (${nArgs}) for callee (expecting: ${nParams})`);
  if (nParams > nArgs) return opError(op, `incorrect number of operands (${nArgs}) for varargs callee (expecting at least: ${nParams})`);
  for (let i = 0; i < nParams; i++) {
    const actual = op.getOperand(i + (indirect ? 1 : 0)).type;
    const expected = fnType.params[i] as Type;
    if (actual !== expected) return opError(op, `operand type mismatch for operand ${i}: ${quotedType(actual)} != ${quotedType(expected)}`);
  }
  const isVoid = fnType.returnType instanceof LLVMVoidType;
  if (op.numResults === 0 && !isVoid) return opError(op, "expected function call to produce a value");
  if (op.numResults !== 0 && isVoid) return opError(op, "calling function with void result must not produce values");
  const r = op.resultTypes[0];
  if (r !== undefined && r !== fnType.returnType) return opError(op, `result type mismatch: ${quotedType(r)} != ${quotedType(fnType.returnType)}`);
  return undefined;
}

export const CallOp = defineOp(
  {
    name: "llvm.call",
    summary: "Call to an LLVM function.",
    operands: { callee_operands: variadic(LLVMAnyType) },
    results: { result: optional(LLVMAnyType) },
    attributes: { callee: optionalAttr(FlatSymbolRefAttr), fastmathFlags, branch_weights: optionalAttr(ElementsAttr) },
  },
  {
    asm: {
      print(op, p) {
        const args = printCallee(op, p, op.operands);
        p.printOptionalAttrDict(op.attributes, llvmOpAttrsElided(op, ["callee"]));
        p.print(" : ");
        p.printFunctionalType(
          args.map((v) => v.type),
          op.resultTypes,
        );
      },
      parse(p, state) {
        parseCall(p, state, () => p.parseOptionalAttrDict(state.attributes));
      },
    },
    interfaces: [
      implement(CallOpInterface, {
        getCallableForCallee: (op) => calleeOf(op) ?? op.getOperand(0),
        getArgOperands: (op) => (calleeOf(op) !== undefined ? op.operands : op.operands.slice(1)),
      }),
      implement(SymbolUserOpInterface, { verifySymbolUses: (op, symbols) => verifyCall(op, symbols) }),
    ],
  },
);

// ---- invoke / landingpad -----------------------------------------------------------------------------------

export const InvokeOp = defineOp(
  {
    name: "llvm.invoke",
    summary: "calls a function, continuing at one block on return and another on an exception (LLVM's invoke)",
    operands: {
      callee_operands: variadic(LLVMAnyType),
      normalDestOperands: variadic(LLVMAnyType),
      unwindDestOperands: variadic(LLVMAnyType),
    },
    results: { result: variadic(LLVMAnyType) },
    attributes: { callee: optionalAttr(FlatSymbolRefAttr), branch_weights: optionalAttr(ElementsAttr) },
    successors: { normalDest: successor(), unwindDest: successor() },
    traits: [Terminator],
  },
  {
    asm: {
      print(op, p) {
        const args = printCallee(op, p, op.callee_operands);
        p.print(" to ");
        p.printSuccessorAndUseList(op.normalDest, op.normalDestOperands);
        p.print(" unwind ");
        p.printSuccessorAndUseList(op.unwindDest, op.unwindDestOperands);
        p.printOptionalAttrDict(op.attributes, ["operand_segment_sizes", "callee"]);
        p.print(" : ");
        p.printFunctionalType(
          args.map((v) => v.type),
          op.resultTypes,
        );
      },
      parse(p, state) {
        const normal: Value[] = [];
        const unwind: Value[] = [];
        let dests: Block[] = [];
        const { operands } = parseCall(p, state, () => {
          p.parseKeyword("to");
          const n = p.parseSuccessorAndUseList(normal);
          p.parseKeyword("unwind");
          const u = p.parseSuccessorAndUseList(unwind);
          dests = [n, u];
          p.parseOptionalAttrDict(state.attributes);
        });
        state.successors.push(...dests);
        state.operands.push(...normal, ...unwind);
        state.attributes.set("operand_segment_sizes", DenseArrayAttr.get(i32, [operands, normal.length, unwind.length]));
      },
    },
    interfaces: [
      implement(BranchOpInterface, {
        getSuccessorOperands: (op, i) => forwarded(op, i === 0 ? "normalDestOperands" : "unwindDestOperands", i),
      }),
      implement(CallOpInterface, {
        getCallableForCallee: (op) => calleeOf(op) ?? op.getOperand(0),
        getArgOperands: (op) => (calleeOf(op) !== undefined ? op.callee_operands : op.callee_operands.slice(1)),
      }),
    ],
    verify(op) {
      if (op.numResults > 1) return opError(op, "must have 0 or 1 result");
      const first = op.unwindDest.operations[0];
      if (first === undefined) return opEmitError(op, "must have at least one operation in unwind destination");
      if (first.name !== "llvm.landingpad") return opEmitError(op, "first operation in unwind destination should be a llvm.landingpad operation");
      return undefined;
    },
  },
);

export const LandingpadOp = defineOp(
  {
    name: "llvm.landingpad",
    summary: "where an invoke's exception lands: catch and filter clauses (LLVM's landingpad)",
    operands: { clauses: variadic(LLVMAnyType) },
    results: { res: LLVMAnyType },
    attributes: { cleanup: optionalAttr(UnitAttrC) },
  },
  {
    asm: {
      print(op, p) {
        p.print(op.attr("cleanup") !== undefined ? " cleanup " : " ");
        for (const v of op.operands) {
          p.print(`(${v.type instanceof LLVMArrayType ? "filter" : "catch"} `);
          p.printOperand(v);
          p.print(" : ");
          p.printType(v.type);
          p.print(") ");
        }
        p.printOptionalAttrDict(op.attributes, ["cleanup"]);
        p.print(": ");
        p.printType(op.res.type);
      },
      parse(p, state) {
        if (p.parseOptionalKeyword("cleanup") !== undefined) state.attributes.set("cleanup", UnitAttr.get());
        while (p.parseOptionalPunct("(")) {
          p.parseKeyword(p.peekKeyword() === "filter" ? "filter" : "catch");
          const v = p.parseOperand();
          p.parsePunct(":");
          state.operands.push(p.resolveOperand(v, p.parseType()));
          p.parsePunct(")");
        }
        p.parseOptionalAttrDict(state.attributes);
        state.resultTypes.push(p.parseColonType());
      },
    },
    verify(op) {
      const fn = op.parentOp?.name === "llvm.func" ? op.parentOp : findLLVMFunc(op);
      if (fn !== undefined && fn.attr("personality") === undefined) return opEmitError(op, "llvm.landingpad needs to be in a function with a personality");
      if (op.attr("cleanup") === undefined && op.numOperands === 0) {
        return opEmitError(op, "landingpad instruction expects at least one clause or cleanup attribute");
      }
      for (const [i, v] of op.operands.entries()) {
        if (v.type instanceof LLVMArrayType) continue;
        const def = v.definingOp;
        if (def?.name === "llvm.bitcast") {
          if (def.getOperand(0).definingOp?.name === "llvm.mlir.addressof") continue;
          return opEmitError(op, "constant clauses expected", [note(def.loc, "global addresses expected as operand to bitcast used in clauses for landingpad")]);
        }
        if (def?.name === "llvm.mlir.null" || def?.name === "llvm.mlir.addressof") continue;
        return opEmitError(op, `clause #${i} is not a known constant - null, addressof, bitcast`);
      }
      return undefined;
    },
  },
);

/** The llvm.func an op is nested in, if any. */
function findLLVMFunc(op: Operation): Operation | undefined {
  for (let p = op.parentOp; p !== undefined; p = p.parentOp) if (p.name === "llvm.func") return p;
  return undefined;
}

export const controlOps = [BrOp, CondBrOp, SwitchOp, ReturnOp, UnreachableOp, ResumeOp, CallOp, InvokeOp, LandingpadOp] as const;
