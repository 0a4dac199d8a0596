/**
 * The llvm dialect's module-level ops and constants: `llvm.func`, `llvm.mlir.global`, global constructors and
 * destructors, `llvm.mlir.addressof`, `llvm.mlir.constant`, `llvm.mlir.null`, `llvm.mlir.undef` and
 * `llvm.inline_asm`, in MLIR 16's syntax:
 *
 *   llvm.func internal @f(%arg0: !llvm.ptr {llvm.noalias}) -> i32 attributes {llvm.emit_c_interface} { ... }
 *   llvm.func @printf(!llvm.ptr<i8>, ...) -> i32
 *   llvm.mlir.global internal constant @cst(42 : i32) {addr_space = 0 : i32} : i32
 *   %0 = llvm.mlir.addressof @cst : !llvm.ptr<i32>
 *   %1 = llvm.mlir.constant(42 : i32) : i32
 *   %2 = llvm.mlir.null : !llvm.ptr
 *   %3 = llvm.mlir.undef : !llvm.struct<(i32, f32)>
 */
import {
  ArrayAttr,
  type Attribute,
  DenseElementsAttr,
  FloatAttr,
  IntegerAttr,
  StringAttr,
  TypeAttr,
  UnitAttr,
} from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { type Operation, Region } from "../../src/ir/operation.ts";
import { AutomaticAllocationScope, ConstantLike, IsolatedFromAbove, NoMemoryEffect, Pure, Symbol } from "../../src/ir/traits.ts";
import { FloatType, i8, IntegerType, type Type } from "../../src/ir/types.ts";
import {
  AnyAttr,
  ArrayAttrC,
  attrConstraint,
  DictArrayAttr,
  FlatSymbolRefAttr,
  I32Attr,
  I64Attr,
  StrAttr,
  SymbolNameAttr,
  UnitAttrC,
} from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opEmitError, opError, quotedType } from "../../src/irdl/op-error.ts";
import { defaultAttr, optional, optionalAttr, region, variadic } from "../../src/irdl/spec.ts";
import { CallableOpInterface, FunctionOpInterface } from "../../src/interfaces/function.ts";
import { functionOpAsm } from "../../src/interfaces/function-format.ts";
import { SymbolUserOpInterface } from "../../src/interfaces/symbol-user.ts";
import { AsmDialect, CConvAttr, LINKAGES, LinkageAttr, UnnamedAddr } from "./attrs.ts";
import { LLVMAnyPointer, LLVMAnyType } from "./constraints.ts";
import { isCompatibleType, LLVMArrayType, LLVMFunctionType, LLVMPointerType, LLVMStructType, LLVMVoidType } from "./types.ts";

const LINKAGE_KEYWORDS = Object.keys(LINKAGES) as (keyof typeof LINKAGES)[];
const CCONV_KEYWORDS = CConvAttr.cases;

const LLVMFunctionTypeAttr = attrConstraint(
  "type attribute of LLVM function type",
  (a): a is TypeAttr & { readonly value: LLVMFunctionType } => a instanceof TypeAttr && a.value instanceof LLVMFunctionType,
);
const LinkageAttrC = LinkageAttr.constraint;

// ---- llvm.func -----------------------------------------------------------------------------------------------

/** The LLVM function type of an llvm.func (void () when the attribute is missing or wrong). */
export function llvmFunctionType(op: Operation): LLVMFunctionType {
  const t = op.attr("function_type");
  return t instanceof TypeAttr && t.value instanceof LLVMFunctionType ? t.value : LLVMFunctionType.get(LLVMVoidType.get(), []);
}

export const LLVMFuncOp = defineOp(
  {
    name: "llvm.func",
    summary: "LLVM dialect function.",
    attributes: {
      sym_name: SymbolNameAttr,
      function_type: LLVMFunctionTypeAttr,
      linkage: defaultAttr(LinkageAttrC, () => LinkageAttr.get("external")),
      dso_local: optionalAttr(UnitAttrC),
      CConv: defaultAttr(CConvAttr.constraint, () => CConvAttr.get("ccc")),
      personality: optionalAttr(FlatSymbolRefAttr),
      garbageCollector: optionalAttr(StrAttr),
      passthrough: optionalAttr(ArrayAttrC),
      arg_attrs: optionalAttr(DictArrayAttr),
      res_attrs: optionalAttr(DictArrayAttr),
      function_entry_count: optionalAttr(I64Attr),
      memory: optionalAttr(AnyAttr),
      sym_visibility: optionalAttr(StrAttr),
    },
    regions: { body: region() },
    traits: [AutomaticAllocationScope, IsolatedFromAbove, Symbol],
  },
  {
    asm: functionOpAsm({
      allowVariadic: true,
      visibilityKeyword: false,
      isVariadic: (op) => llvmFunctionType(op).isVarArg,
      buildType: (inputs, results, variadic) => TypeAttr.get(LLVMFunctionType.get(results[0] ?? LLVMVoidType.get(), inputs, variadic)),
      elided: ["linkage", "CConv"],
      printPrefix(op, p) {
        const linkage = op.attr("linkage");
        if (linkage instanceof LinkageAttr && linkage.value !== "external") p.print(`${linkage.value} `);
        const cconv = op.attr("CConv");
        if (cconv instanceof CConvAttr && cconv.value !== "ccc") p.print(`${cconv.value} `);
      },
      parsePrefix(p, state) {
        const linkage = p.parseOptionalKeyword(LINKAGE_KEYWORDS);
        state.attributes.set("linkage", LinkageAttr.get((linkage ?? "external") as keyof typeof LINKAGES));
        const cconv = p.parseOptionalKeyword(CCONV_KEYWORDS);
        state.attributes.set("CConv", CConvAttr.get((cconv ?? "ccc") as (typeof CCONV_KEYWORDS)[number]));
      },
    }),
    interfaces: [
      implement(FunctionOpInterface, {
        getFunctionType: (op) => llvmFunctionType(op),
        getArgumentTypes: (op) => llvmFunctionType(op).params,
        getResultTypes: (op) => llvmFunctionType(op).returnTypes,
        setType: (op, inputs, results) => {
          const old = llvmFunctionType(op);
          op.setAttr("function_type", TypeAttr.get(LLVMFunctionType.get(results[0] ?? LLVMVoidType.get(), inputs, old.isVarArg)));
        },
        // Linkage, not visibility, says what an llvm.func declaration is: a public one is valid.
        isDeclaration: () => false,
      }),
      implement(CallableOpInterface, {}),
    ],
    verify(op) {
      const linkage = op.linkage.value;
      if (linkage === "common") return opError(op, "functions cannot have 'common' linkage");
      if (op.body.isEmpty && linkage !== "external" && linkage !== "extern_weak") {
        return opError(op, "external functions must have 'external' or 'extern_weak' linkage");
      }
      return undefined;
    },
    verifyRegion(op) {
      const entry = op.body.entry;
      if (entry === undefined) return undefined;
      for (const [i, arg] of entry.args.entries()) {
        if (!isCompatibleType(arg.type)) return opError(op, `entry block argument #${i} is not of LLVM type`);
      }
      return undefined;
    },
  },
);
export type LLVMFuncOp = InstanceType<typeof LLVMFuncOp>;

// ---- llvm.mlir.global ----------------------------------------------------------------------------------------

const UNNAMED_ADDR_KEYWORDS = ["local_unnamed_addr", "unnamed_addr"] as const;

function isZeroAttribute(a: Attribute): boolean {
  if (a instanceof IntegerAttr) return a.value === 0n;
  if (a instanceof FloatAttr) return a.value === 0;
  if (a instanceof DenseElementsAttr) return Array.from({ length: a.numElements }, (_, i) => a.at(i)).every((v) => Number(v) === 0);
  if (a instanceof ArrayAttr) return a.elements.every(isZeroAttribute);
  return false;
}

export const GlobalOp = defineOp(
  {
    name: "llvm.mlir.global",
    summary: "LLVM dialect global.",
    attributes: {
      global_type: attrConstraint("any type attribute", (a): a is TypeAttr => a instanceof TypeAttr),
      constant: optionalAttr(UnitAttrC),
      sym_name: SymbolNameAttr,
      linkage: LinkageAttrC,
      dso_local: optionalAttr(UnitAttrC),
      thread_local_: optionalAttr(UnitAttrC),
      value: optionalAttr(AnyAttr),
      alignment: optionalAttr(I64Attr),
      addr_space: defaultAttr(I32Attr, () => IntegerAttr.get(IntegerType.get(32), 0)),
      unnamed_addr: optionalAttr(UnnamedAddr.constraint("unnamed_addr")),
      section: optionalAttr(StrAttr),
    },
    regions: { initializer: region() },
    traits: [IsolatedFromAbove, Symbol],
  },
  {
    asm: {
      print(op, p) {
        p.print(` ${op.linkage.value} `);
        const ua = op.attr("unnamed_addr");
        const uaName = ua instanceof IntegerAttr ? UnnamedAddr.caseOf(ua) : undefined;
        if (uaName !== undefined && uaName !== "") p.print(`${uaName} `);
        if (op.attr("thread_local_") !== undefined) p.print("thread_local ");
        if (op.attr("constant") !== undefined) p.print("constant ");
        p.printSymbolName(op.sym_name.value);
        p.print("(");
        const value = op.attr("value");
        if (value !== undefined) p.printAttribute(value);
        p.print(")");
        p.printOptionalAttrDict(op.attributes, ["sym_name", "global_type", "constant", "value", "linkage", "unnamed_addr", "thread_local_"]);
        if (value instanceof StringAttr) return;
        p.print(" : ");
        p.printType(op.global_type.value);
        if (!op.initializer.isEmpty) {
          p.print(" ");
          p.printRegion(op.initializer, { printEntryBlockArgs: false });
        }
      },
      parse(p, state) {
        const linkage = p.parseOptionalKeyword(LINKAGE_KEYWORDS) ?? "external";
        state.attributes.set("linkage", LinkageAttr.get(linkage as keyof typeof LINKAGES));
        if (p.parseOptionalKeyword("thread_local") !== undefined) state.attributes.set("thread_local_", UnitAttr.get());
        const ua = p.parseOptionalKeyword(UNNAMED_ADDR_KEYWORDS) ?? "";
        state.attributes.set("unnamed_addr", UnnamedAddr.get(ua as never));
        if (p.parseOptionalKeyword("constant") !== undefined) state.attributes.set("constant", UnitAttr.get());
        state.attributes.set("sym_name", StringAttr.get(p.parseSymbolName()));
        p.parsePunct("(");
        let value: Attribute | undefined;
        if (!p.parseOptionalPunct(")")) {
          value = p.parseAttribute();
          state.attributes.set("value", value);
          p.parsePunct(")");
        }
        p.parseOptionalAttrDict(state.attributes);
        const types = p.parseOptionalColonTypeList();
        if (types.length > 1) p.error("expected zero or one type", p.nameLoc);
        const init = new Region();
        let type = types[0];
        if (type === undefined) {
          if (!(value instanceof StringAttr)) return p.error("type can only be omitted for string globals", p.nameLoc);
          type = LLVMArrayType.get(i8, new TextEncoder().encode(value.value).length);
        } else {
          p.parseOptionalRegion(init);
        }
        state.regions.push(init);
        state.attributes.set("global_type", TypeAttr.get(type));
      },
    },
    verify(op) {
      const type = op.global_type.value;
      if (!isValidPointerElement(type)) return opError(op, "expects type to be a valid element type for an LLVM pointer");
      const parent = op.parentOp;
      if (parent !== undefined && parent.name !== "builtin.module" && !parent.hasTrait(Symbol)) {
        return opError(op, "must appear at the module level");
      }
      const value = op.attr("value");
      if (value instanceof StringAttr) {
        const n = new TextEncoder().encode(value.value).length;
        const ok = type instanceof LLVMArrayType && type.elementType === i8 && type.numElements === n;
        if (!ok) return opError(op, "requires an i8 array type of the length equal to that of the string attribute");
      }
      if (op.linkage.value === "common" && value !== undefined && !isZeroAttribute(value)) return opError(op, "expected zero value for 'common' linkage");
      if (op.linkage.value === "appending" && !(type instanceof LLVMArrayType)) return opError(op, "expected array type for 'appending' linkage");
      const align = op.attr("alignment");
      if (align instanceof IntegerAttr) {
        const v = align.value;
        if (v <= 0n || (v & (v - 1n)) !== 0n) return opEmitError(op, "alignment attribute is not a power of 2");
      }
      return undefined;
    },
    verifyRegion(op) {
      const block = op.initializer.entry;
      if (block === undefined) return undefined;
      const ret = block.operations.at(-1);
      const retType = ret?.operands[0]?.type;
      if (retType === undefined) return opError(op, "initializer region cannot return void");
      if (retType !== op.global_type.value) {
        return opError(op, `initializer region type ${quotedType(retType)} does not match global type ${quotedType(op.global_type.value)}`);
      }
      for (const inner of block.operations) {
        if (!inner.hasTrait(Pure) && !inner.hasTrait(NoMemoryEffect) && inner !== ret) {
          return opEmitError(inner, "ops with side effects not allowed in global initializers");
        }
      }
      if (op.attr("value") !== undefined) return opError(op, "cannot have both initializer value and region");
      return undefined;
    },
  },
);
export type GlobalOp = InstanceType<typeof GlobalOp>;


function isValidPointerElement(t: Type): boolean {
  try {
    LLVMPointerType.get(t);
    return true;
  } catch {
    return false;
  }
}

/** `llvm.mlir.global_ctors` / `_dtors`: the verifier of their lists and the symbol check of each function. */
function ctorsOp<const N extends "llvm.mlir.global_ctors" | "llvm.mlir.global_dtors">(name: N, what: "ctors" | "dtors", summary: string) {
  return defineOp(
    {
      name,
      summary,
      attributes: {
        [what]: attrConstraint("flat symbol ref array attribute", (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => FlatSymbolRefAttr.test(e))),
        priorities: attrConstraint("32-bit integer array attribute", (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => I32Attr.test(e))),
      } as Record<"ctors" | "dtors" | "priorities", ReturnType<typeof attrConstraint<ArrayAttr>>>,
      format: "attr-dict",
    },
    {
      verify(op) {
        const list = op.attr(what);
        const prios = op.attr("priorities");
        if (list instanceof ArrayAttr && prios instanceof ArrayAttr && list.elements.length !== prios.elements.length) {
          return opEmitError(op, `mismatch between the number of ${what} and the number of priorities`);
        }
        return undefined;
      },
      interfaces: [
        implement(SymbolUserOpInterface, {
          verifySymbolUses: (op, symbols) => {
            const list = op.attr(what);
            if (!(list instanceof ArrayAttr)) return undefined;
            for (const ref of list.elements) {
              if (!FlatSymbolRefAttr.test(ref)) continue;
              const fn = symbols.lookupNearestSymbolFrom(op, ref);
              if (fn?.name !== "llvm.func") return opError(op, `'${ref.root}' does not reference a valid LLVM function`);
              if (fn.regions[0]?.isEmpty ?? true) return opError(op, `'${ref.root}' does not have a definition`);
            }
            return undefined;
          },
        }),
      ],
    },
  );
}
export const GlobalCtorsOp = ctorsOp("llvm.mlir.global_ctors", "ctors", "LLVM dialect global_ctors.");
export const GlobalDtorsOp = ctorsOp("llvm.mlir.global_dtors", "dtors", "LLVM dialect global_dtors.");

// ---- addressof / constants -----------------------------------------------------------------------------------

export const AddressOfOp = defineOp(
  {
    name: "llvm.mlir.addressof",
    summary: "Creates a pointer pointing to a global or a function",
    attributes: { global_name: FlatSymbolRefAttr },
    results: { res: LLVMAnyPointer },
    traits: [Pure],
    format: "$global_name attr-dict `:` qualified(type($res))",
  },
  {
    interfaces: [
      implement(SymbolUserOpInterface, {
        verifySymbolUses: (op, symbols) => {
          // MLIR looks the name up in the enclosing module (parentLLVMModule).
          const sym = symbols.lookupNearestSymbolFrom(op, op.global_name);
          const global = sym?.name === "llvm.mlir.global" ? sym : undefined;
          const fn = sym?.name === "llvm.func" ? sym : undefined;
          if (global === undefined && fn === undefined) return opError(op, "must reference a global defined by 'llvm.mlir.global' or 'llvm.func'");
          const type = op.res.type;
          const space = global?.attr("addr_space");
          if (global !== undefined && (space instanceof IntegerAttr ? Number(space.value) : 0) !== type.addressSpace) {
            return opError(op, "pointer address space must match address space of the referenced global");
          }
          if (type.elementType === undefined) return undefined;
          const gt = global?.attr("global_type");
          if (global !== undefined && gt instanceof TypeAttr && type.elementType !== gt.value) {
            return opError(op, "the type must be a pointer to the type of the referenced global");
          }
          if (fn !== undefined && type.elementType !== llvmFunctionType(fn)) {
            return opError(op, "the type must be a pointer to the type of the referenced function");
          }
          return undefined;
        },
      }),
    ],
  },
);

export const ConstantOp = defineOp(
  {
    name: "llvm.mlir.constant",
    summary: "Defines a constant of LLVM type.",
    attributes: { value: AnyAttr },
    results: { res: LLVMAnyType },
    traits: [Pure, ConstantLike],
    format: "`(` $value `)` attr-dict `:` type($res)",
  },
  {
    // ConstantLike with a `value` attribute: the folder reads the constant from it, no fold hook needed.
    verify(op) {
      const value = op.value;
      const type = op.res.type;
      if (value instanceof StringAttr) {
        const n = new TextEncoder().encode(value.value).length;
        const ok = type instanceof LLVMArrayType && type.numElements === n && type.elementType === i8;
        return ok ? undefined : opError(op, `expected array type of ${n} i8 elements for the string constant`);
      }
      if (type instanceof LLVMStructType) {
        const body = type.body;
        if (body.length !== 2 || body[0] !== body[1]) {
          return opEmitError(op, "expected struct type with two elements of the same type, the type of a complex constant");
        }
        if (!(value instanceof ArrayAttr) || value.elements.length !== 2) {
          return opError(op, "expected array attribute with two elements, representing a complex constant");
        }
        const [re, im] = value.elements;
        const typeOf = (a: Attribute | undefined): Type | undefined => (a instanceof IntegerAttr || a instanceof FloatAttr ? a.type : undefined);
        if (typeOf(re) === undefined || typeOf(re) !== typeOf(im)) return opError(op, "expected array attribute with two elements of the same type");
        const e = body[0];
        if (!(e instanceof IntegerType || (e instanceof FloatType && ["f16", "f32", "f64"].includes(e.name)))) {
          return opEmitError(op, "expected struct element types to be floating point type or integer type");
        }
        return undefined;
      }
      const ok = value instanceof IntegerAttr || value instanceof ArrayAttr || value instanceof FloatAttr || isElementsAttr(value);
      return ok ? undefined : opError(op, "only supports integer, float, string or elements attributes");
    },
  },
);
export type ConstantOp = InstanceType<typeof ConstantOp>;

function isElementsAttr(a: Attribute): boolean {
  return a instanceof DenseElementsAttr || a.constructor.name.includes("Elements");
}

export const NullOp = defineOp({
  name: "llvm.mlir.null",
  summary: "Defines a value containing a null pointer to LLVM type.",
  results: { res: LLVMAnyPointer },
  traits: [Pure],
  format: "attr-dict `:` qualified(type($res))",
});

export const UndefOp = defineOp({
  name: "llvm.mlir.undef",
  summary: "Creates an undefined value of LLVM dialect type.",
  results: { res: LLVMAnyType },
  traits: [Pure],
  format: "attr-dict `:` type($res)",
});

// ---- inline assembly -----------------------------------------------------------------------------------------

export const InlineAsmOp = defineOp({
  name: "llvm.inline_asm",
  summary: "inline assembly with operands and at most one result (LLVM's inline asm)",
  operands: { asm_operands: variadic(LLVMAnyType) },
  results: { res: optional(LLVMAnyType) },
  attributes: {
    asm_string: StrAttr,
    constraints: StrAttr,
    has_side_effects: optionalAttr(UnitAttrC),
    is_align_stack: optionalAttr(UnitAttrC),
    asm_dialect: optionalAttr(AsmDialect.constraint("asm_dialect")),
    operand_attrs: optionalAttr(ArrayAttrC),
  },
  format:
    "(`has_side_effects` $has_side_effects^)? (`is_align_stack` $is_align_stack^)? (`asm_dialect` `=` $asm_dialect^)? " +
    "(`operand_attrs` `=` $operand_attrs^)? attr-dict $asm_string `,` $constraints operands `:` functional-type(operands, results)",
});

export const moduleOps = [LLVMFuncOp, GlobalOp, GlobalCtorsOp, GlobalDtorsOp, AddressOfOp, ConstantOp, NullOp, UndefOp, InlineAsmOp] as const;
