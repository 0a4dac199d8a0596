/**
 * The llvm dialect's memory ops: `alloca`, `load`, `store`, `getelementptr`, and the atomics (`atomicrmw`,
 * `cmpxchg`, `fence`), in MLIR 16's syntax. Typed pointers carry their element type; with opaque pointers the
 * element type is spelled (`elem_type` on alloca/GEP, the trailing types of load/store):
 *
 *   %p = llvm.alloca %n x f32 {alignment = 16 : i64} : (i64) -> !llvm.ptr<f32>
 *   %q = llvm.alloca %n x f32 : (i64) -> !llvm.ptr
 *   %v = llvm.load %p : !llvm.ptr<f32>              %w = llvm.load %q {alignment = 4 : i64} : !llvm.ptr -> f32
 *   llvm.store %v, %p : !llvm.ptr<f32>              llvm.store %w, %q : f32, !llvm.ptr
 *   %g = llvm.getelementptr inbounds %s[0, 1, %i] : (!llvm.ptr, i64) -> !llvm.ptr, !llvm.struct<(i32, array<4 x f32>)>
 *   %old = llvm.atomicrmw add %p, %v acq_rel : i32
 *   %pair = llvm.cmpxchg %p, %c, %v acq_rel monotonic : i32
 *   llvm.fence syncscope("agent") seq_cst
 */
import { DenseArrayAttr, IntegerAttr, StringAttr, TypeAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { type Diagnostic } from "../../src/diag/diagnostic.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { Pure } from "../../src/ir/traits.ts";
import { FloatType, FunctionType, i1, i32, IntegerType, type Type, VectorType } from "../../src/ir/types.ts";
import { AnyInteger, ArrayAttrC, attrConstraint, I64Attr, StrAttr, TypeAttrC, typeConstraint, UnitAttrC } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { customDirective } from "../../src/irdl/format-directives.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { optionalAttr, variadic } from "../../src/irdl/spec.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState, UnresolvedOperand } from "../../src/text/asm-interfaces.ts";
import { AtomicBinOp, AtomicOrdering, type AtomicOrderingName } from "./attrs.ts";
import {
  LLVMAnyPointer,
  LLVMLoadableType,
  pointerTo,
  PointerOrPointerVector,
  scalarOrVectorOf,
} from "./constraints.ts";
import {
  isCompatibleFloatingPointType,
  LLVMArrayType,
  LLVMFixedVectorType,
  LLVMPointerType,
  LLVMScalableVectorType,
  LLVMStructType,
} from "./types.ts";

/** MLIR 16's GEPOp::kDynamicIndex: the raw constant index standing for the next dynamic index. */
export const GEP_DYNAMIC_INDEX = -(2 ** 31);

const SymbolRefArrayAttr = ArrayAttrC;

/** The pointer an op's pointer-or-vector-of-pointers type holds. */
function pointerOf(t: Type): LLVMPointerType | undefined {
  if (t instanceof LLVMPointerType) return t;
  if ((t instanceof LLVMFixedVectorType || t instanceof LLVMScalableVectorType) && t.elementType instanceof LLVMPointerType) return t.elementType;
  return undefined;
}

/** MLIR 16's verifyOpaquePtr: the element type is in the pointer type or in `elem_type`, not both. */
function verifyOpaquePtr(op: Operation, ptr: LLVMPointerType | undefined): Diagnostic | undefined {
  if (ptr === undefined) return undefined;
  const elem = op.attr("elem_type");
  if (ptr.isOpaque && elem === undefined) return opError(op, "expected 'elem_type' attribute if opaque pointer type is used");
  if (!ptr.isOpaque && elem !== undefined) return opError(op, "unexpected 'elem_type' attribute when non-opaque pointer type is used");
  return undefined;
}

// ---- alloca --------------------------------------------------------------------------------------------------

export const AllocaOp = defineOp(
  {
    name: "llvm.alloca",
    summary: "allocates stack memory for `arraySize` elements (LLVM's alloca)",
    operands: { arraySize: AnyInteger },
    results: { res: LLVMAnyPointer },
    attributes: { alignment: optionalAttr(I64Attr), elem_type: optionalAttr(TypeAttrC) },
  },
  {
    asm: {
      print(op, p) {
        const elem = op.res.type.elementType ?? (op.attr("elem_type") as TypeAttr | undefined)?.value;
        p.print(" ");
        p.printOperand(op.arraySize);
        p.print(" x ");
        if (elem !== undefined) p.printType(elem);
        const align = op.attr("alignment");
        const zero = !(align instanceof IntegerAttr) || align.value === 0n;
        p.printOptionalAttrDict(op.attributes, zero ? ["alignment", "elem_type"] : ["elem_type"]);
        p.print(" : ");
        p.printType(FunctionType.get([op.arraySize.type], [op.res.type]));
      },
      parse(p, state) {
        const size = p.parseOperand();
        p.parseKeyword("x");
        const elem = p.parseType();
        p.parseOptionalAttrDict(state.attributes);
        const align = state.attributes.get("alignment");
        if (align !== undefined && !(align instanceof IntegerAttr)) p.error("expected integer alignment", p.nameLoc);
        if (align instanceof IntegerAttr && align.value === 0n) state.attributes.delete("alignment");
        p.parsePunct(":");
        const typeAt = p.pos();
        const type = p.parseType();
        if (!(type instanceof FunctionType) || type.inputs.length !== 1 || type.results.length !== 1) {
          return p.error("expected trailing function type with one argument and one result", typeAt);
        }
        state.operands.push(p.resolveOperand(size, type.inputs[0] as Type));
        const res = type.results[0] as Type;
        if (res instanceof LLVMPointerType && res.isOpaque) state.attributes.set("elem_type", TypeAttr.get(elem));
        state.resultTypes.push(res);
      },
    },
    verify: (op) => verifyOpaquePtr(op, op.res.type),
  },
);

// ---- load / store --------------------------------------------------------------------------------------------

const memoryAttrs = {
  access_groups: optionalAttr(SymbolRefArrayAttr),
  alias_scopes: optionalAttr(SymbolRefArrayAttr),
  noalias_scopes: optionalAttr(SymbolRefArrayAttr),
  alignment: optionalAttr(I64Attr),
  volatile_: optionalAttr(UnitAttrC),
  nontemporal: optionalAttr(UnitAttrC),
} as const;

const LoadablePointer = pointerTo(LLVMLoadableType);

function parseVolatile(p: OpAsmParser, state: OperationState): void {
  if (p.parseOptionalKeyword("volatile") !== undefined) state.attributes.set("volatile_", UnitAttr.get());
}
function printVolatile(op: Operation, p: OpAsmPrinter): void {
  p.print(" ");
  if (op.attr("volatile_") !== undefined) p.print("volatile ");
}

export const LoadOp = defineOp(
  {
    name: "llvm.load",
    summary: "loads a value from memory (LLVM's load)",
    operands: { addr: LoadablePointer },
    results: { res: LLVMLoadableType },
    attributes: memoryAttrs,
  },
  {
    asm: {
      print(op, p) {
        printVolatile(op, p);
        p.printOperand(op.addr);
        p.printOptionalAttrDict(op.attributes, ["volatile_", "elem_type"]);
        p.print(" : ");
        p.printType(op.addr.type);
        if (op.addr.type.isOpaque) {
          p.print(" -> ");
          p.printType(op.res.type);
        }
      },
      parse(p, state) {
        parseVolatile(p, state);
        const addr = p.parseOperand();
        p.parseOptionalAttrDict(state.attributes);
        p.parsePunct(":");
        const typeAt = p.pos();
        const type = p.parseType();
        state.operands.push(p.resolveOperand(addr, type));
        if (!(type instanceof LLVMPointerType)) return p.error("expected LLVM pointer type", typeAt);
        if (type.elementType !== undefined) {
          state.resultTypes.push(type.elementType);
          return;
        }
        p.parsePunct("->");
        state.resultTypes.push(p.parseType());
      },
    },
  },
);

export const StoreOp = defineOp(
  {
    name: "llvm.store",
    summary: "stores a value to memory (LLVM's store)",
    operands: { value: LLVMLoadableType, addr: LoadablePointer },
    attributes: memoryAttrs,
  },
  {
    asm: {
      print(op, p) {
        printVolatile(op, p);
        p.printOperand(op.value);
        p.print(", ");
        p.printOperand(op.addr);
        p.printOptionalAttrDict(op.attributes, ["volatile_"]);
        p.print(" : ");
        if (op.addr.type.isOpaque) {
          p.printType(op.value.type);
          p.print(", ");
        }
        p.printType(op.addr.type);
      },
      parse(p, state) {
        parseVolatile(p, state);
        const value = p.parseOperand();
        p.parsePunct(",");
        const addr = p.parseOperand();
        p.parseOptionalAttrDict(state.attributes);
        p.parsePunct(":");
        const typeAt = p.pos();
        let type = p.parseType();
        let valueType: Type;
        if (p.parseOptionalPunct(",")) {
          valueType = type;
          type = p.parseType();
        } else {
          if (!(type instanceof LLVMPointerType)) return p.error("expected LLVM pointer type", typeAt);
          if (type.elementType === undefined) return p.error("expected LLVM pointer type", typeAt);
          valueType = type.elementType;
        }
        state.operands.push(p.resolveOperand(value, valueType), p.resolveOperand(addr, type));
      },
    },
  },
);

// ---- getelementptr -------------------------------------------------------------------------------------------

/** MLIR 16's `custom<GEPIndices>`: `[0, %i, 2]`, constants and dynamic indices in order. */
const GEPIndices = customDirective({
  params: { dynamicIndices: "operands", rawConstantIndices: "attr" },
  print(p, _op, { dynamicIndices, rawConstantIndices }) {
    const raw = rawConstantIndices instanceof DenseArrayAttr ? rawConstantIndices.values.map(Number) : [];
    let next = 0;
    raw.forEach((c, i) => {
      if (i > 0) p.print(", ");
      const v = c === GEP_DYNAMIC_INDEX ? dynamicIndices[next++] : undefined;
      if (v !== undefined) p.printOperand(v);
      else p.print(String(c));
    });
  },
  parse(p) {
    const raw: number[] = [];
    const dynamicIndices: UnresolvedOperand[] = [];
    do {
      const c = p.parseOptionalInteger();
      if (c !== undefined) raw.push(Number(BigInt.asIntN(32, c)));
      else {
        raw.push(GEP_DYNAMIC_INDEX);
        dynamicIndices.push(p.parseOperand());
      }
    } while (p.parseOptionalPunct(","));
    return { dynamicIndices, rawConstantIndices: DenseArrayAttr.get(i32, raw) };
  },
});

/** A GEP index: a constant, or a dynamic index value. */
export type GEPArg = number | import("../../src/ir/value.ts").Value;

/** The element type a GEP indexes from: `elem_type`, or the base pointer's element type. */
export function gepSourceElementType(op: Operation): Type | undefined {
  const elem = op.attr("elem_type");
  if (elem instanceof TypeAttr) return elem.value;
  return pointerOf(op.getOperand(0).type)?.elementType;
}

/** The GEP's indices in order: constants as numbers, dynamic ones as their values. */
export function gepIndices(op: Operation): GEPArg[] {
  const raw = op.attr("rawConstantIndices");
  const values = raw instanceof DenseArrayAttr ? raw.values.map(Number) : [];
  let next = 1;
  return values.map((c) => (c === GEP_DYNAMIC_INDEX ? op.getOperand(next++) : c));
}

/** MLIR 16's verifyStructIndices: struct indices are constants in bounds (from the second index on). */
function verifyStructIndices(t: Type | undefined, indices: readonly GEPArg[], pos: number): string | undefined {
  if (t === undefined || pos >= indices.length) return undefined;
  if (t instanceof LLVMStructType) {
    const i = indices[pos];
    if (typeof i !== "number") return `expected index ${pos} indexing a struct to be constant`;
    if (i < 0 || i >= t.body.length) return `index ${pos} indexing a struct is out of bounds`;
    return verifyStructIndices(t.body[i], indices, pos + 1);
  }
  if (t instanceof VectorType || t instanceof LLVMScalableVectorType || t instanceof LLVMFixedVectorType || t instanceof LLVMArrayType) {
    return verifyStructIndices(t.elementType, indices, pos + 1);
  }
  return undefined;
}

export const GEPOp = defineOp(
  {
    name: "llvm.getelementptr",
    summary: "computes the address of an element of an aggregate in memory (LLVM's getelementptr)",
    operands: { base: PointerOrPointerVector, dynamicIndices: variadic(scalarOrVectorOf(AnyInteger)) },
    results: { res: PointerOrPointerVector },
    attributes: { rawConstantIndices: attrConstraint("i32 dense array attribute", (a): a is DenseArrayAttr => a instanceof DenseArrayAttr), elem_type: optionalAttr(TypeAttrC), inbounds: optionalAttr(UnitAttrC) },
    traits: [Pure],
    customDirectives: { GEPIndices },
    format:
      "(`inbounds` $inbounds^)? $base `[` custom<GEPIndices>($dynamicIndices, $rawConstantIndices) `]` attr-dict " +
      "`:` functional-type(operands, results) (`,` $elem_type^)?",
  },
  {
    verify(op) {
      const bad = verifyOpaquePtr(op, pointerOf(op.res.type));
      if (bad !== undefined) return bad;
      const raw = op.rawConstantIndices.values.map(Number);
      if (raw.filter((c) => c === GEP_DYNAMIC_INDEX).length !== op.dynamicIndices.length) {
        return opError(op, "expected as many dynamic indices as specified in 'rawConstantIndices'");
      }
      const err = verifyStructIndices(gepSourceElementType(op), gepIndices(op), 1);
      return err === undefined ? undefined : opError(op, err);
    },
  },
);

// ---- atomics -------------------------------------------------------------------------------------------------

const AtomicRMWType = typeConstraint(
  "floating point LLVM type or integer",
  (t) => isCompatibleFloatingPointType(t) || t instanceof IntegerType,
);
const isIntOfWidths = (t: Type): boolean => t instanceof IntegerType && [8, 16, 32, 64].includes(t.width);
const isSmallFloat = (t: Type): boolean => t instanceof FloatType && ["bf16", "f16", "f32", "f64"].includes(t.name);

function parseEnumKeyword(p: OpAsmParser, state: OperationState, attrName: string, cases: readonly string[], get: (c: string) => IntegerAttr): void {
  const at = p.pos();
  const word = p.parseKeyword();
  if (!cases.includes(word)) p.error(`'${word}' is an incorrect value of the '${attrName}' attribute`, at);
  state.attributes.set(attrName, get(word));
}
const orderingName = (op: Operation, attr: string): string => {
  const a = op.attr(attr);
  return (a instanceof IntegerAttr ? AtomicOrdering.caseOf(a) : undefined) ?? "";
};
const orderingValue = (op: Operation, attr: string): number => {
  const a = op.attr(attr);
  return a instanceof IntegerAttr ? Number(a.value) : 0;
};
const MONOTONIC = AtomicOrdering.valueOf("monotonic");

export const AtomicRMWOp = defineOp(
  {
    name: "llvm.atomicrmw",
    summary: "atomically reads, modifies and writes a memory location (LLVM's atomicrmw)",
    operands: { ptr: pointerTo(AtomicRMWType), val: AtomicRMWType },
    results: { res: AtomicRMWType },
    attributes: { bin_op: AtomicBinOp.constraint("bin_op"), ordering: AtomicOrdering.constraint("ordering") },
  },
  {
    asm: {
      print(op, p) {
        const bin = op.attr("bin_op");
        p.print(` ${(bin instanceof IntegerAttr ? AtomicBinOp.caseOf(bin) : undefined) ?? ""} `);
        p.printOperands([op.ptr, op.val]);
        p.print(` ${orderingName(op, "ordering")} `);
        p.printOptionalAttrDict(op.attributes, ["bin_op", "ordering"]);
        p.print(" : ");
        p.printType(op.res.type);
      },
      parse(p, state) {
        parseEnumKeyword(p, state, "bin_op", AtomicBinOp.cases, (c) => AtomicBinOp.get(c as never));
        const ptr = p.parseOperand();
        p.parsePunct(",");
        const val = p.parseOperand();
        parseEnumKeyword(p, state, "ordering", AtomicOrdering.cases, (c) => AtomicOrdering.get(c as never));
        p.parseOptionalAttrDict(state.attributes);
        const type = p.parseColonType();
        state.operands.push(p.resolveOperand(ptr, LLVMPointerType.get(type)), p.resolveOperand(val, type));
        state.resultTypes.push(type);
      },
    },
    verify(op) {
      const ptr = op.ptr.type;
      const valType = op.val.type;
      if (!ptr.isOpaque && valType !== ptr.elementType) return opError(op, "expected LLVM IR element type for operand #0 to match type for operand #1");
      if (op.res.type !== valType) return opError(op, "expected LLVM IR result type to match type for operand #1");
      const bin = AtomicBinOp.caseOf(op.bin_op);
      if (bin === "fadd" || bin === "fsub") {
        if (!isCompatibleFloatingPointType(valType)) return opError(op, "expected LLVM IR floating point type");
      } else if (bin === "xchg") {
        if (!isIntOfWidths(valType) && !isSmallFloat(valType)) return opError(op, "unexpected LLVM IR type for 'xchg' bin_op");
      } else if (!isIntOfWidths(valType)) {
        return opError(op, "expected LLVM IR integer type");
      }
      if (orderingValue(op, "ordering") < MONOTONIC) return opError(op, "expected at least 'monotonic' ordering");
      return undefined;
    },
  },
);

const CmpXchgType = typeConstraint("integer or LLVM pointer type", (t) => t instanceof IntegerType || t instanceof LLVMPointerType);
const CmpXchgResult = typeConstraint(
  "an LLVM struct type with any integer or pointer followed by a single-bit integer",
  (t) => t instanceof LLVMStructType && t.body.length === 2 && CmpXchgType.test(t.body[0] as Type) && t.body[1] === i1,
);

export const AtomicCmpXchgOp = defineOp(
  {
    name: "llvm.cmpxchg",
    summary: "atomically compares a memory location with a value and replaces it when equal (LLVM's cmpxchg)",
    operands: { ptr: pointerTo(CmpXchgType), cmp: CmpXchgType, val: CmpXchgType },
    results: { res: CmpXchgResult },
    attributes: { success_ordering: AtomicOrdering.constraint("success_ordering"), failure_ordering: AtomicOrdering.constraint("failure_ordering") },
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        p.printOperands([op.ptr, op.cmp, op.val]);
        p.print(` ${orderingName(op, "success_ordering")} ${orderingName(op, "failure_ordering")}`);
        p.printOptionalAttrDict(op.attributes, ["success_ordering", "failure_ordering"]);
        p.print(" : ");
        p.printType(op.val.type);
      },
      parse(p, state) {
        const ptr = p.parseOperand();
        p.parsePunct(",");
        const cmp = p.parseOperand();
        p.parsePunct(",");
        const val = p.parseOperand();
        parseEnumKeyword(p, state, "success_ordering", AtomicOrdering.cases, (c) => AtomicOrdering.get(c as never));
        parseEnumKeyword(p, state, "failure_ordering", AtomicOrdering.cases, (c) => AtomicOrdering.get(c as never));
        p.parseOptionalAttrDict(state.attributes);
        const type = p.parseColonType();
        state.operands.push(p.resolveOperand(ptr, LLVMPointerType.get(type)), p.resolveOperand(cmp, type), p.resolveOperand(val, type));
        state.resultTypes.push(LLVMStructType.get([type, i1]));
      },
    },
    verify(op) {
      const ptr = op.ptr.type;
      const cmpType = op.cmp.type;
      const valType = op.val.type;
      if (cmpType !== valType) return opError(op, "expected both value operands to have the same type");
      if (!ptr.isOpaque && cmpType !== ptr.elementType) return opError(op, "expected LLVM IR element type for operand #0 to match type for all other operands");
      if (!(valType instanceof LLVMPointerType) && !isIntOfWidths(valType) && !isSmallFloat(valType)) return opError(op, "unexpected LLVM IR type");
      if (orderingValue(op, "success_ordering") < MONOTONIC || orderingValue(op, "failure_ordering") < MONOTONIC) {
        return opError(op, "ordering must be at least 'monotonic'");
      }
      const failure = AtomicOrdering.caseOf(op.failure_ordering) as AtomicOrderingName | undefined;
      if (failure === "release" || failure === "acq_rel") return opError(op, "failure ordering cannot be 'release' or 'acq_rel'");
      return undefined;
    },
  },
);

export const FenceOp = defineOp(
  {
    name: "llvm.fence",
    summary: "orders memory operations across threads (LLVM's fence)",
    attributes: { ordering: AtomicOrdering.constraint("ordering"), syncscope: StrAttr },
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        const scope = op.syncscope.value;
        if (scope !== "") {
          p.print("syncscope(");
          p.printAttribute(op.syncscope);
          p.print(") ");
        }
        p.print(orderingName(op, "ordering"));
      },
      parse(p, state) {
        if (p.parseOptionalKeyword("syncscope") !== undefined) {
          p.parsePunct("(");
          state.attributes.set("syncscope", p.parseAttribute());
          p.parsePunct(")");
        } else {
          state.attributes.set("syncscope", StringAttr.get(""));
        }
        parseEnumKeyword(p, state, "ordering", AtomicOrdering.cases, (c) => AtomicOrdering.get(c as never));
        p.parseOptionalAttrDict(state.attributes);
      },
    },
    verify(op) {
      const o = AtomicOrdering.caseOf(op.ordering);
      if (o === "not_atomic" || o === "unordered" || o === "monotonic") {
        return opError(op, "can be given only acquire, release, acq_rel, and seq_cst orderings");
      }
      return undefined;
    },
  },
);

export const memoryOps = [AllocaOp, LoadOp, StoreOp, GEPOp, AtomicRMWOp, AtomicCmpXchgOp, FenceOp] as const;
