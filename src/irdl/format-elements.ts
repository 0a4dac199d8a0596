/**
 * The compiled form of a declarative assembly format (format.ts builds it, format-print.ts and
 * format-parse.ts interpret it). Variables are resolved to their definitions and positions when the op is
 * defined, and every element knows whether a space goes before it (ODS decides that when it generates the
 * printer, from the elements before it, not from what was printed at run time).
 */
import type { AttrDef, RegionDef, SuccessorDef, ValueGroupDef } from "./define-op.ts";
import type { CustomDirective, ParamKind } from "./format-directives.ts";

export interface OperandVar {
  readonly k: "operand";
  readonly index: number;
  readonly group: ValueGroupDef;
}
export interface ResultVar {
  readonly k: "result";
  readonly index: number;
  readonly group: ValueGroupDef;
}
export interface AttrVar {
  readonly k: "attr";
  readonly def: AttrDef;
  /** A unit attribute: prints nothing, and is set when its optional group or oilist clause is parsed. */
  readonly unit: boolean;
}
export interface RegionVar {
  readonly k: "region";
  readonly index: number;
  readonly def: RegionDef;
}
export interface SuccessorVar {
  readonly k: "successor";
  readonly index: number;
  readonly def: SuccessorDef;
}
export type Var = OperandVar | AttrVar | RegionVar | SuccessorVar;

/** What `type(...)` and `functional-type(...)` name: one group, or all operands / all results. */
export type TypeRef = OperandVar | ResultVar | { readonly k: "operands" } | { readonly k: "results" };

/** An argument of a custom directive: a variable, the type(s) of a group, and whether it is a `ref`. */
export interface CustomArg {
  readonly of: Var | { readonly k: "type"; readonly ref: TypeRef };
  readonly isRef: boolean;
  /** The parameter's name in the directive's `params`. */
  readonly key: string;
  readonly kind: ParamKind;
}

/** Elements that print something; `space`: whether a space goes before it. */
export type Element =
  | { readonly k: "lit"; readonly text: string; readonly space: boolean }
  /** `` ` ` `` (a space), `` `` `` (no space before the next element) or `` `\n` `` (a new line). */
  | { readonly k: "ws"; readonly text: "" | " " | "\n" }
  | (Var & { readonly space: boolean; readonly qualified: boolean })
  | { readonly k: "type"; readonly of: TypeRef; readonly space: boolean }
  | { readonly k: "functional"; readonly ins: TypeRef; readonly outs: TypeRef; readonly space: boolean }
  | { readonly k: "attrdict"; readonly keyword: boolean }
  | { readonly k: "operands"; readonly space: boolean }
  | { readonly k: "regions"; readonly space: boolean }
  | { readonly k: "successors"; readonly space: boolean }
  | {
      readonly k: "custom";
      readonly name: string;
      readonly directive: CustomDirective;
      readonly args: readonly CustomArg[];
      readonly space: boolean;
    }
  | {
      readonly k: "optional";
      readonly then: readonly Element[];
      readonly else: readonly Element[];
      /** The element whose presence decides which branch prints. */
      readonly anchor: Element;
    }
  | { readonly k: "oilist"; readonly clauses: readonly OIListClause[] };

/** One clause of `oilist(...)`: a keyword and what follows it; printed when any of its variables is set. */
export interface OIListClause {
  readonly keyword: Element & { readonly k: "lit" };
  readonly elements: readonly Element[];
}

export type ElementKind = Element["k"];
