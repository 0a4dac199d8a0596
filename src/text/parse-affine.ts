/**
 * Affine maps and integer sets (MLIR 16's AffineParser.cpp grammar):
 *
 *   affine-map ::= `(` dim-id* `)` (`[` symbol-id* `]`)? `->` `(` affine-expr* `)`
 *   integer-set ::= `(` dim-id* `)` (`[` symbol-id* `]`)? `:` `(` affine-constraint* `)`
 *   affine-constraint ::= affine-expr (`>=` | `<=` | `==`) affine-expr
 *   affine-expr ::= affine-expr (`+` | `-`) affine-expr               (lowest precedence, left-associative)
 *                 | affine-expr (`*` | `floordiv` | `ceildiv` | `mod`) affine-expr
 *                 | `-` affine-expr | `(` affine-expr `)` | bare-id | integer
 *
 * Dims and symbols may have any names (`(i, j)[N] -> (i + N)`). Expressions are built through the
 * simplifying constructors of src/ir/affine.ts, so the result is what MLIR's parser builds. The
 * expression loops are iterative, so a long sum cannot overflow the stack; nesting goes through
 * `nested`.
 */
import {
  type AffineBinaryKind,
  type AffineConstraint,
  type AffineExpr,
  AffineMap,
  IntegerSet,
  affineBinary,
  affineConstant,
  affineDim,
  affineNeg,
  affineSub,
  affineSymbol,
  nonAffineReason,
} from "../ir/affine.ts";
import type { Token } from "./lexer.ts";
import type { CoreParser } from "./parser-core.ts";

type Names = Map<string, AffineExpr>;

/**
 * How an SSA identifier in an expression becomes a dim or a symbol (MLIR's parseAffineMapOfSSAIds): `%x` is a
 * dim, `symbol(%x)` a symbol. Without it (an `affine_map<...>` attribute) SSA identifiers are errors.
 */
export type SSAIdHook = (p: CoreParser, isSymbol: boolean) => AffineExpr;
const ssaHooks = new WeakMap<Names, SSAIdHook>();

/** The body of `affine_map<...>`, between the angle brackets. */
export function parseAffineMapBody(p: CoreParser): AffineMap {
  const at = p.tok;
  const parsed = parseAffineMapOrIntegerSet(p);
  if (parsed instanceof IntegerSet) return p.emitError("expected AffineMap, but got IntegerSet", at);
  return parsed;
}

/** The body of `affine_set<...>`, between the angle brackets. */
export function parseIntegerSetBody(p: CoreParser): IntegerSet {
  const at = p.tok;
  const parsed = parseAffineMapOrIntegerSet(p);
  if (parsed instanceof AffineMap) return p.emitError("expected IntegerSet, but got AffineMap", at);
  return parsed;
}

/**
 * Either form, told apart after the dim and symbol lists (MLIR's parseAffineMapOrIntegerSetInline):
 * `-> (results)` is a map, `: (constraints)` a set.
 */
function parseAffineMapOrIntegerSet(p: CoreParser): AffineMap | IntegerSet {
  const names: Names = new Map();
  let numDims = 0;
  let numSymbols = 0;
  p.commaSeparated("()", () => defineIdentifier(p, names, affineDim(numDims++)), " in dimensional identifier list");
  if (p.is("[")) {
    p.commaSeparated("[]", () => defineIdentifier(p, names, affineSymbol(numSymbols++)), " in symbol list");
  }
  if (!p.consumeIf("->")) {
    p.expect(":", "expected '->' or ':'");
    return parseIntegerSetConstraints(p, names, numDims, numSymbols);
  }
  const results: AffineExpr[] = [];
  p.commaSeparated("()", () => results.push(parseAffineExpr(p, names)), " in affine map range");
  return p.construct(undefined, () => AffineMap.get(numDims, numSymbols, results));
}

/** `(c0, c1, ...)`; an empty list is the universe `0 == 0`, as MLIR's parser builds it. */
function parseIntegerSetConstraints(p: CoreParser, names: Names, numDims: number, numSymbols: number): IntegerSet {
  const constraints: AffineConstraint[] = [];
  p.commaSeparated("()", () => constraints.push(parseAffineConstraint(p, names)), " in integer set constraint list");
  if (constraints.length === 0) return IntegerSet.universe(numDims, numSymbols);
  return p.construct(undefined, () => IntegerSet.fromConstraints(numDims, numSymbols, constraints));
}

/**
 * `lhs >= rhs`, `lhs <= rhs` or `lhs == rhs`, normalised to a comparison with zero: `lhs - rhs >= 0`,
 * `rhs - lhs >= 0`, `lhs - rhs == 0`. The two characters of each comparison are separate tokens, as in MLIR
 * (`> =` is accepted too).
 */
function parseAffineConstraint(p: CoreParser, names: Names): AffineConstraint {
  const lhs = parseAffineExpr(p, names);
  const comparisons = [
    [">", false, false],
    ["<", false, true],
    ["=", true, false],
  ] as const;
  for (const [first, isEq, swap] of comparisons) {
    if (p.consumeIf(first) && p.consumeIf("=")) {
      const rhs = parseAffineExpr(p, names);
      const expr = p.construct(undefined, () => (swap ? affineSub(rhs, lhs) : affineSub(lhs, rhs)));
      return { expr, isEq };
    }
  }
  return p.emitError("expected '== affine-expr' or '>= affine-expr' at end of affine constraint");
}

/** MLIR counts bare identifiers, integer-type names and keywords as affine identifiers. */
function isIdentifier(p: CoreParser): boolean {
  return p.isIdent();
}

function defineIdentifier(p: CoreParser, names: Names, expr: AffineExpr): void {
  if (!isIdentifier(p)) p.emitWrongTokenError("expected bare identifier");
  const name = p.spelling();
  if (names.has(name)) p.emitError(`redefinition of identifier '${name}'`);
  p.consume();
  names.set(name, expr);
}

type HighOp = "mul" | "floordiv" | "ceildiv" | "mod";

function consumeIfHighPrecOp(p: CoreParser): HighOp | undefined {
  if (p.consumeIf("*")) return "mul";
  for (const kw of ["floordiv", "ceildiv", "mod"] as const) if (p.consumeKeyword(kw)) return kw;
  return undefined;
}

function consumeIfLowPrecOp(p: CoreParser): "+" | "-" | undefined {
  if (p.consumeIf("+")) return "+";
  if (p.consumeIf("-")) return "-";
  return undefined;
}

/** A full expression: a left-associative sum of terms, each a left-associative product chain. */
export function parseAffineExpr(p: CoreParser, names: Names): AffineExpr {
  let acc = parseHighPrecChain(p, names, undefined);
  for (;;) {
    const op = consumeIfLowPrecOp(p);
    if (op === undefined) return acc;
    const term = parseHighPrecChain(p, names, acc);
    const lhs = acc;
    acc = p.construct(undefined, () => (op === "+" ? affineBinary("add", lhs, term) : affineSub(lhs, term)));
  }
}

/**
 * `operand (op operand)*` with op one of `* floordiv ceildiv mod`. A non-affine combination is reported at
 * the operator following it, or at its own operator when it ends the chain (as MLIR does).
 */
function parseHighPrecChain(p: CoreParser, names: Names, lowLhs: AffineExpr | undefined): AffineExpr {
  let acc = parseOperand(p, names, lowLhs);
  let opTok = p.tok;
  let op = consumeIfHighPrecOp(p);
  while (op !== undefined) {
    const rhs = parseOperand(p, names, acc);
    const nextTok = p.tok;
    const next = consumeIfHighPrecOp(p);
    acc = combineHigh(p, op, acc, rhs, next !== undefined ? nextTok : opTok);
    op = next;
    opTok = nextTok;
  }
  return acc;
}

function combineHigh(p: CoreParser, op: HighOp, lhs: AffineExpr, rhs: AffineExpr, at: Token): AffineExpr {
  const kind: AffineBinaryKind = op;
  const reason = nonAffineReason(kind, lhs, rhs);
  if (reason !== undefined) p.emitError(reason, at);
  return p.construct(at, () => affineBinary(kind, lhs, rhs));
}

/** An operand: an identifier, a constant, a parenthesized expression or a negation. */
function parseOperand(p: CoreParser, names: Names, lhs: AffineExpr | undefined): AffineExpr {
  switch (p.tok.kind) {
    case "percent_identifier": {
      const hook = ssaHooks.get(names);
      return hook === undefined ? p.emitWrongTokenError("unexpected ssa identifier") : hook(p, false);
    }
    case "integer": {
      const v = p.integerValue();
      if (v > BigInt(Number.MAX_SAFE_INTEGER)) return p.emitError("constant too large for index");
      p.consume();
      return affineConstant(Number(v));
    }
    case "(":
      return p.nested(() => {
        p.consume();
        if (p.is(")")) p.emitError("no expression inside parentheses");
        const e = parseAffineExpr(p, names);
        p.expect(")", "expected ')'");
        return e;
      });
    case "-":
      return p.nested(() => {
        const minus = p.consume();
        const operand = parseOperand(p, names, lhs);
        return p.construct(minus, () => affineNeg(operand));
      });
    case "+":
    case "*":
      return p.emitError(lhs !== undefined ? "missing right operand of binary operator" : "missing left operand of binary operator");
    default:
      if (p.isKeyword("symbol")) {
        p.consume();
        p.expect("(", "expected '(' at start of SSA symbol");
        const hook = ssaHooks.get(names);
        if (hook === undefined || !p.is("percent_identifier")) return p.emitWrongTokenError("unexpected ssa identifier");
        const e = hook(p, true);
        p.expect(")", "expected ')' at end of SSA symbol");
        return e;
      }
      if (isIdentifier(p)) {
        const e = names.get(p.spelling());
        if (e === undefined) return p.emitWrongTokenError("use of undeclared identifier");
        p.consume();
        return e;
      }
      return p.emitError(lhs !== undefined ? "missing right operand of binary operator" : "expected affine expression");
  }
}

/**
 * `[expr, expr, ...]` (or with parentheses) over SSA identifiers, as in `affine.load %A[%i + 1, symbol(%n)]`
 * (MLIR's parseAffineMapOfSSAIds): `%x` names a dim, `symbol(%x)` a symbol; `onSSA` reads the identifier and
 * returns the dim or symbol it stands for (the caller numbers them: the same value is the same dim).
 */
export function parseAffineExprsOfSSAIds(p: CoreParser, delimiter: "[]" | "()", onSSA: SSAIdHook): AffineExpr[] {
  const names: Names = new Map();
  ssaHooks.set(names, onSSA);
  const exprs: AffineExpr[] = [];
  p.commaSeparated(delimiter, () => exprs.push(parseAffineExpr(p, names)), " in affine map");
  return exprs;
}

/** One expression over SSA identifiers, undelimited (MLIR's parseAffineExprOfSSAIds), as affine.parallel's bounds. */
export function parseAffineExprOfSSAIds(p: CoreParser, onSSA: SSAIdHook): AffineExpr {
  const names: Names = new Map();
  ssaHooks.set(names, onSSA);
  return parseAffineExpr(p, names);
}
