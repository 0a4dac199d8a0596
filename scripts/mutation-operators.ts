/**
 * The mutants of `npm run mutation` (scripts/mutation.ts): small arithmetic-kind changes to TypeScript source,
 * found by a light scanner that knows where code is (not comments, strings, template literals or imports).
 *
 *   swap + and -, * and /, << and >>, & and |, && and ||, === and !==
 *   move a comparison's boundary: < and <=, > and >= (only spaced operators: `a < b`, never `Map<K, V>`)
 *   change a constant: 0 <-> 1 (numbers and bigints), true <-> false
 *   swap operands by name: .lhs <-> .rhs
 *   drop a condition: `if (c)` -> `if (false)` (the guarded code never runs)
 *   return undefined: `return x;` -> `return undefined;` (a folder that folds nothing, or a pattern that crashes)
 *
 * Mutants are text edits (offset, length, replacement): applying one gives the mutated source.
 */

export interface Mutant {
  /** Byte offset of the edit in the source. */
  readonly offset: number;
  readonly length: number;
  readonly replacement: string;
  readonly operator: string;
  /** 1-based line of the edit. */
  readonly line: number;
  /** 0-based column of the edit in its line. */
  readonly column: number;
  /** The original source line, trimmed (for reports). */
  readonly context: string;
}

export function applyMutant(source: string, m: Mutant): string {
  return source.slice(0, m.offset) + m.replacement + source.slice(m.offset + m.length);
}

/** For each character: whether it is code (not in a comment, string, template literal or import line). */
export function codeMask(src: string): Uint8Array {
  const mask = new Uint8Array(src.length);
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      i = skipString(src, i);
    } else if (c === "/" && isRegexStart(src, i)) {
      i = skipRegex(src, i);
    } else {
      mask[i] = 1;
      i++;
    }
  }
  // Import and export-from lines are never mutated.
  for (const m of src.matchAll(/^(import|export \{[^}]*\} from|export \* from)[^;]*;/gms)) mask.fill(0, m.index, m.index + m[0].length);
  return mask;
}

function skipString(src: string, start: number): number {
  const quote = src[start];
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") i += 2;
    else if (c === quote) return i + 1;
    else if (quote === "`" && c === "$" && src[i + 1] === "{") {
      // A substitution: skip to its matching brace (strings inside it included).
      let depth = 1;
      i += 2;
      while (i < src.length && depth > 0) {
        const d = src[i];
        if (d === '"' || d === "'" || d === "`") i = skipString(src, i);
        else {
          if (d === "{") depth++;
          else if (d === "}") depth--;
          i++;
        }
      }
    } else i++;
  }
  return i;
}

/** A `/` starts a regex literal when the previous significant character cannot end an expression. */
function isRegexStart(src: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /\s/.test(src[j] ?? "")) j--;
  const prev = src[j] ?? "";
  if (/[\w)\]}$]/.test(prev)) {
    // `return /x/` and `typeof /x/` start a regex despite the word before.
    const word = /(\w+)$/.exec(src.slice(Math.max(0, j - 10), j + 1))?.[1];
    return word === "return" || word === "typeof";
  }
  return true;
}

function skipRegex(src: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < src.length && src[i] !== "\n") {
    const c = src[i];
    if (c === "\\") i += 2;
    else if (c === "[") (inClass = true), i++;
    else if (c === "]") (inClass = false), i++;
    else if (c === "/" && !inClass) {
      i++;
      while (/[a-z]/.test(src[i] ?? "")) i++;
      return i;
    } else i++;
  }
  return i;
}

interface Rule {
  readonly operator: string;
  readonly pattern: RegExp;
  /** The replacement of the whole match (group 1, when present, is the part edited). */
  readonly replace: (m: RegExpMatchArray) => string | undefined;
  /** Whether the match at `offset` is code this rule should mutate (default: yes). */
  readonly accept?: (src: string, offset: number) => boolean;
}

const TYPE_WORDS = /^(undefined|null|string|number|bigint|boolean|void|never|unknown|readonly|typeof|keyof|[A-Z][a-z]\w*)$/;

/** `a | b` and `a & b` as bitwise code, not as a union or intersection type (`Value | undefined`). */
function bitwiseNotType(src: string, offset: number): boolean {
  const before = /([\w\]>)"']+)\s*$/.exec(src.slice(Math.max(0, offset - 40), offset))?.[1] ?? "";
  const after = /^\s*([\w"'(\[{]+)/.exec(src.slice(offset + 1, offset + 40))?.[1] ?? "";
  const lineStart = src.lastIndexOf("\n", offset) + 1;
  if (src.slice(lineStart, offset).trim() === "") return false;
  return !TYPE_WORDS.test(before) && !TYPE_WORDS.test(after) && !/^["'{(\[]/.test(after) && !/[>"')\]]$/.test(before);
}

const swap = (a: string, b: string) => (m: RegExpMatchArray): string => ((m[1] ?? m[0]) === a ? b : a);

/** Binary operators are matched with a space on either side, as the project formats them. */
const RULES: readonly Rule[] = [
  { operator: "swap + and -", pattern: /(?<= )([+-])(?= )/g, replace: swap("+", "-") },
  { operator: "swap * and /", pattern: /(?<= )([*/])(?= )/g, replace: swap("*", "/") },
  { operator: "swap << and >>", pattern: /(?<= )(<<|>>)(?= )/g, replace: swap("<<", ">>") },
  { operator: "swap & and |", pattern: /(?<= )([&|])(?= )/g, replace: swap("&", "|"), accept: bitwiseNotType },
  { operator: "swap && and ||", pattern: /(?<= )(&&|\|\|)(?= )/g, replace: swap("&&", "||") },
  { operator: "swap === and !==", pattern: /(?<= )(===|!==)(?= )/g, replace: swap("===", "!==") },
  { operator: "move a boundary < / <=", pattern: /(?<= )(<=|<)(?= )/g, replace: swap("<", "<=") },
  { operator: "move a boundary > / >=", pattern: /(?<= )(>=|>)(?= )/g, replace: swap(">", ">=") },
  { operator: "change a constant 0 / 1", pattern: /(?<![\w.])([01]n?)(?![\w.])/g, replace: (m) => ({ "0": "1", "1": "0", "0n": "1n", "1n": "0n" })[m[1] ?? ""] },
  { operator: "change a constant true / false", pattern: /(?<![\w.])(true|false)(?![\w.])/g, replace: swap("true", "false") },
  { operator: "swap operands .lhs / .rhs", pattern: /(?<=\.)(lhs|rhs)(?!\w)/g, replace: swap("lhs", "rhs") },
  { operator: "drop a condition", pattern: /(?<=\bif \()/g, replace: () => "false && (" },
  { operator: "return undefined", pattern: /(?<=\breturn )(?!undefined\b)(?=[^;\n]+;)/g, replace: () => "undefined; void (" },
];

/** Every mutant of `src` (in source order). */
export function mutantsOf(src: string): Mutant[] {
  const mask = codeMask(src);
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: Mutant[] = [];
  for (const rule of RULES) {
    for (const m of src.matchAll(rule.pattern)) {
      const offset = m.index ?? 0;
      const text = m[1] ?? m[0];
      if (text.length > 0 ? !isCode(mask, offset, text.length) : mask[offset] !== 1) continue;
      const line = lineOf(offset);
      const context = src.slice(lineStarts[line - 1], (lineStarts[line] ?? src.length + 1) - 1).trim();
      if (isTypeContext(context)) continue;
      if (rule.accept !== undefined && !rule.accept(src, offset)) continue;
      const replacement = rule.replace(m);
      if (replacement === undefined) continue;
      const edit = insertionEdit(src, rule.operator, offset, replacement);
      if (edit === undefined) continue;
      out.push({ ...edit, operator: rule.operator, line, column: edit.offset - (lineStarts[line - 1] ?? 0), context });
    }
  }
  return out.sort((a, b) => a.offset - b.offset || a.operator.localeCompare(b.operator));
}

function isCode(mask: Uint8Array, offset: number, length: number): boolean {
  for (let i = offset; i < offset + length; i++) if (mask[i] !== 1) return false;
  return true;
}

/** Lines that are types, not code: type aliases and interface members. */
function isTypeContext(line: string): boolean {
  return /^(export )?(type|interface) /.test(line) || /^readonly \w+\??:/.test(line);
}

/**
 * The edit a rule makes at `offset`: a token swap, or for the insertions ("drop a condition", "return
 * undefined") a replacement that closes what it opens: `if (false && (c))`, `return undefined; void (x);`.
 */
function insertionEdit(src: string, operator: string, offset: number, replacement: string): Pick<Mutant, "offset" | "length" | "replacement"> | undefined {
  if (operator === "drop a condition") {
    // The condition runs from offset to the `)` matching `if (`.
    const end = matchingParen(src, offset - 1);
    if (end === undefined) return undefined;
    return { offset, length: end - offset, replacement: `${replacement}${src.slice(offset, end)})` };
  }
  if (operator === "return undefined") {
    const end = src.indexOf(";", offset);
    const expr = src.slice(offset, end);
    if (end < 0 || expr.includes("\n") || /^(rw\.)?(done|fail)\b/.test(expr)) return undefined;
    return { offset, length: end - offset, replacement: `${replacement}${expr})` };
  }
  const token = /^(<<|>>|&&|\|\||===|!==|<=|>=|0n|1n|true|false|lhs|rhs|[-+*/&|<>01])/.exec(src.slice(offset))?.[0];
  if (token === undefined) return undefined;
  return { offset, length: token.length, replacement };
}

/** The offset of the `)` matching the `(` at `open`, skipping strings and nested parentheses. */
function matchingParen(src: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'" || c === "`") {
      i = skipString(src, i) - 1;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return undefined;
}
