/**
 * The golden-test checkers: test/support/filecheck.ts (a FileCheck subset) and the `--verify-diagnostics`
 * expectations (src/diag/expected-diagnostics.ts, test/support/verify-diagnostics.ts). Hand-written cases
 * with their expected outcome; the same cases run through LLVM's `FileCheck-14` and `mlir-opt-16
 * --verify-diagnostics` when those are installed, so the semantics stay the real tools'.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  type EmittedDiagnostic,
  type ExpectedDiagnostic,
  checkExpectedDiagnostics,
  compareDiagnostics,
  parseExpectedDiagnostics,
} from "../../src/diag/expected-diagnostics.ts";
import { type FileCheckOptions, fileCheck } from "../support/filecheck.ts";
import { splitInputFile, verifyDiagnostics, verifyDiagnosticsByChunk } from "../support/verify-diagnostics.ts";

/** [name, check file, input, passes?, prefixes?] — every row also runs through FileCheck-14 below. */
type Case = readonly [string, string, string, boolean, (readonly string[])?];

const cases: readonly Case[] = [
  ["plain checks in order", "CHECK: a\nCHECK: c", "a\nb\nc\n", true],
  ["plain checks out of order", "CHECK: c\nCHECK: a", "a\nb\nc\n", false],
  ["two checks on one line", "CHECK: a\nCHECK: b", "a b\n", true],
  ["substring of a line", "CHECK: = arith.addi", "  %0 = arith.addi %a, %b : i32\n", true],
  ["next on the next line", "CHECK: a\nCHECK-NEXT: b", "a\nb\n", true],
  ["next on the same line", "CHECK: a\nCHECK-NEXT: b", "a b\n", false],
  ["next two lines down", "CHECK: a\nCHECK-NEXT: c", "a\nb\nc\n", false],
  ["same on the same line", "CHECK: a\nCHECK-SAME: c", "a b c\n", true],
  ["same on another line", "CHECK: a\nCHECK-SAME: c", "a b\nc\n", false],
  ["same after next", "CHECK: f(\nCHECK-SAME: %x\nCHECK-NEXT: ret", "f(%x)\nret\n", true],
  ["not absent", "CHECK: a\nCHECK-NOT: b\nCHECK: c", "a\nx\nc\nb\n", true],
  ["not present between", "CHECK: a\nCHECK-NOT: b\nCHECK: c", "a\nb\nc\n", false],
  ["not at end of file", "CHECK: a\nCHECK-NOT: b", "a\nc\nb\n", false],
  ["not before the first check", "CHECK-NOT: b\nCHECK: a", "b\na\n", false],
  ["only not, absent", "CHECK-NOT: zzz", "a\nb\n", true],
  ["not on the same line after match", "CHECK: a\nCHECK-NOT: b", "a b\n", false],
  ["dag any order", "CHECK-DAG: y\nCHECK-DAG: x\nCHECK: z", "x\ny\nz\n", true],
  ["dag after the following check", "CHECK-DAG: y\nCHECK: z", "z\ny\n", false],
  ["dag needs distinct matches", "CHECK-DAG: x\nCHECK-DAG: x", "x\n", false],
  ["dag distinct matches found", "CHECK-DAG: x\nCHECK-DAG: x", "x\nx\n", true],
  ["dag groups split by not", "CHECK-DAG: a\nCHECK-NOT: b\nCHECK-DAG: c", "a\nc\n", true],
  ["dag groups: not between groups", "CHECK-DAG: a\nCHECK-NOT: b\nCHECK-DAG: c", "a\nb\nc\n", false],
  ["dag second group must follow first", "CHECK-DAG: a\nCHECK-NOT: q\nCHECK-DAG: c", "c\na\n", false],
  ["next after dag", "CHECK: s\nCHECK-DAG: a\nCHECK-DAG: b\nCHECK-NEXT: c", "s\nb\na\nc\n", true],
  ["next with only dags before", "CHECK-DAG: a\nCHECK-NEXT: c", "a\nc\n", false],
  ["label regions", "CHECK-LABEL: func @f\nCHECK: ret\nCHECK-LABEL: func @g\nCHECK: ret", "func @f\nret\nfunc @g\nret\n", true],
  ["checks cannot cross a label", "CHECK-LABEL: @f\nCHECK: two\nCHECK-LABEL: @g", "@f\none\n@g\ntwo\n", false],
  ["missing label", "CHECK-LABEL: @f\nCHECK-LABEL: @h", "@f\n@g\n", false],
  ["label continues after a failed region", "CHECK-LABEL: @f\nCHECK: nope\nCHECK-LABEL: @g\nCHECK: ret", "@f\n@g\nret\n", false],
  ["empty line", "CHECK: a\nCHECK-EMPTY:\nCHECK-NEXT: b", "a\n\nb\n", true],
  ["empty line missing", "CHECK: a\nCHECK-EMPTY:", "a\nb\n\n", false],
  ["spaces are not empty", "CHECK: a\nCHECK-EMPTY:", "a\n \n", false],
  ["empty at end of input", "CHECK: a\nCHECK-EMPTY:\nCHECK-EMPTY:", "a\n\n", true],
  ["regex", "CHECK: %{{[0-9]+}} = arith.constant", "%12 = arith.constant 1 : i32\n", true],
  ["regex mismatch", "CHECK: %{{[0-9]+}} = arith.constant", "%x = arith.constant 1 : i32\n", false],
  ["regex then brace", "CHECK: attr = {{.*}}}", "attr = {a = 1}\n", true],
  ["regex anchors at search start", "CHECK: a\nCHECK: {{^}}b", "ab\n", true],
  ["regex end of line", "CHECK: a{{$}}", "ab\na\n", true],
  ["posix class", "CHECK: x{{[[:space:]]+}}y", "x \ty\n", true],
  ["capture and use", "CHECK: %[[A:.*]] = foo\nCHECK: bar %[[A]]", "%v1 = foo\nbar %v1\n", true],
  ["capture and wrong use", "CHECK: %[[A:.*]] = foo\nCHECK: bar %[[A]]", "%v1 = foo\nbar %v2\n", false],
  ["use is literal", "CHECK: x = [[V:.+]]\nCHECK: y = [[V]]", "x = a.c\ny = abc\ny = a.c\n", true],
  ["backreference in one pattern", "CHECK: [[X:a+]] [[X]]", "aa ab\naa aa\n", true],
  ["redefinition in one pattern", "CHECK: [[X:a+]] [[X:b+]] [[X]]", "a b b\n", true],
  ["undefined variable", "CHECK: [[X]]", "a\n", false],
  ["scope cleared at label", "CHECK-LABEL: f\nCHECK: [[L:x]]\nCHECK-LABEL: g\nCHECK: [[L]]", "f x\ng x\n", false],
  ["global kept across labels", "CHECK-LABEL: f\nCHECK: [[$G:x]]\nCHECK-LABEL: g\nCHECK: [[$G]]", "f x\ng x\n", true],
  ["capture on label line via same", "CHECK-LABEL: func @f\nCHECK-SAME: (%[[A:.*]]: i32)\nCHECK: use %[[A]]", "func @f(%arg0: i32)\nuse %arg0\n", true],
  ["whitespace runs match any run", "CHECK: a b", "a \t  b\n", true],
  ["whitespace runs in the pattern", "CHECK:    a   \t b    ", "a b\n", true],
  ["a space does not match nothing", "CHECK: a b", "ab\n", false],
  ["whitespace in regex canonicalized", "CHECK: a{{  }}b", "a\tb\n", true],
  ["custom prefix", "FOO: a\nCHECK: zzz", "a\n", true, ["FOO"]],
  ["several prefixes", "FOO: a\nBAR-NEXT: b", "a\nb\n", true, ["FOO", "BAR"]],
  ["prefix must start a word", "CHECK: a\nXCHECK: zzz\nCHECKS: zzz\nCHECK-FOO: zzz", "a\n", true],
  ["comment lines", "CHECK: a\nCOM: CHECK: zzz\n// RUN: tool | FileCheck --check-prefix=CHECK: zzz", "a\n", true],
  ["count", "CHECK-COUNT-3: x\nCHECK-NOT: x", "x\nx x\n", true],
  ["count too few", "CHECK-COUNT-3: x", "x\nx\n", false],
  ["at-line", "CHECK: a[[@LINE]] b[[@LINE+1]] c[[#@LINE-1]]", "a1 b2 c0\n", true],
  ["literal modifier", "CHECK{LITERAL}: {{x}} [[y]]", "a {{x}} [[y]]\n", true],
  ["dag overlap retried after earlier match", "CHECK-DAG: ab\nCHECK-DAG: b", "ab b\n", true],
  ["dag zero-width and text", "CHECK-DAG: {{^}}\nCHECK-DAG: x", "x\n", true],
  ["dag overlapping text", "CHECK-DAG: {{^}}x\nCHECK-DAG: x", "x\n", false],
  ["dag before label stays in region", "CHECK-LABEL: @f\nCHECK-DAG: b\nCHECK-LABEL: @g", "@f\n@g\nb\n", false],
  ["not before label", "CHECK-LABEL: @f\nCHECK-NOT: bad\nCHECK-LABEL: @g\nCHECK: bad", "@f\n@g\nbad\n", true],
  ["empty after label", "CHECK-LABEL: @f\nCHECK-EMPTY:", "@f\n\n", true],
  ["count then next", "CHECK-COUNT-2: x\nCHECK-NEXT: y", "x\nx\ny\n", true],
  ["alternation in regex", "CHECK: {{add|sub}}i %[[V:[a-z0-9]+]]\nCHECK-NEXT: use %[[V]]", "subi %v3\nuse %v3\n", true],
  ["capture in not", "CHECK: def %[[V:[0-9]+]]\nCHECK-NOT: kill %[[V]]\nCHECK: end", "def %1\nkill %2\nend\n", true],
  ["mlir-style function", "// CHECK-LABEL: func.func @add\n// CHECK-SAME: (%[[A:.*]]: i32, %[[B:.*]]: i32)\n// CHECK: %[[S:.*]] = arith.addi %[[A]], %[[B]] : i32\n// CHECK-NEXT: return %[[S]] : i32",
    "module {\n  func.func @add(%arg0: i32, %arg1: i32) -> i32 {\n    %0 = arith.addi %arg0, %arg1 : i32\n    return %0 : i32\n  }\n}\n", true],
  ["mlir-style operands swapped", "// CHECK-LABEL: func.func @add\n// CHECK-SAME: (%[[A:.*]]: i32, %[[B:.*]]: i32)\n// CHECK: arith.addi %[[B]], %[[A]] : i32",
    "func.func @add(%arg0: i32, %arg1: i32) -> i32 {\n  %0 = arith.addi %arg0, %arg1 : i32\n", false],
  ["empty check string", "CHECK: a\nCHECK:", "a\n", false],
  ["next without previous", "CHECK-NEXT: a", "a\n", false],
  ["next after only a not", "CHECK-NOT: x\nCHECK-NEXT: a", "a\n", false],
  ["label with variable", "CHECK-LABEL: f(%[[A:.*]])", "f(%a)\n", false],
  ["non-empty empty", "CHECK: a\nCHECK-EMPTY: x", "a\n\n", false],
  ["unterminated regex", "CHECK: {{a", "a\n", false],
  ["unterminated substitution", "CHECK: [[X:a", "a\n", false],
  ["bad variable name", "CHECK: [[1]]", "[[1]]\n", false],
  ["no check strings", "FOO: a", "a\n", false],
];

const run = (c: Case): ReturnType<typeof fileCheck> => {
  const opts: FileCheckOptions = c[4] === undefined ? {} : { prefix: c[4] };
  return fileCheck(c[1], c[2], opts);
};

const semantics = suite("fileCheck semantics");
for (const c of cases) {
  semantics(c[0], () => {
    const r = run(c);
    assert.is(r.ok, c[3], r.ok ? "passed" : r.message);
  });
}
semantics.run();

const fileCheck14 = "/usr/lib/llvm-14/bin/FileCheck";
{ // FileCheck-14 comes with llvm-14-tools (scripts/setup.sh): a missing tool fails here, it does not skip
  const oracle = suite("fileCheck agrees with FileCheck-14");
  oracle("every case has the same outcome", () => {
    const dir = mkdtempSync(join(tmpdir(), "tensile-filecheck-"));
    try {
      const disagreements: string[] = [];
      for (const c of cases) {
        writeFileSync(join(dir, "check"), `${c[1]}\n`);
        writeFileSync(join(dir, "input"), c[2]);
        const prefixArgs = c[4] === undefined ? [] : [`--check-prefixes=${c[4].join(",")}`];
        const args = ["--enable-var-scope", "--dump-input=never", ...prefixArgs, join(dir, "check"), "--input-file", join(dir, "input")];
        const real = spawnSync(fileCheck14, args, { encoding: "utf8" });
        if ((real.status === 0) !== run(c)[`ok`]) disagreements.push(`${c[0]}: FileCheck-14 exit ${real.status}`);
      }
      assert.equal(disagreements, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  oracle.run();
}

const messages = suite("fileCheck failure messages");

function failure(check: string, input: string, opts: FileCheckOptions = {}): string {
  const r = fileCheck(check, input, opts);
  if (r.ok) throw new Error("expected the check to fail");
  return r.message;
}

messages("a missing match names the check line and shows where scanning started", () => {
  const check = "// RUN: tensile-opt %s\n// CHECK: func.func @f\n// CHECK-NEXT: arith.addi";
  const input = "func.func @f() {\n  %0 = arith.muli %a, %b : i32\n}\n";
  const m = failure(check, input, { checkFileName: "add.mlir", inputFileName: "<stdout>" });
  assert.match(m, "add.mlir:3:16: error: CHECK-NEXT: expected string not found in input\n// CHECK-NEXT: arith.addi\n               ^");
  assert.match(m, "<stdout>:1:13: note: scanning from here");
  const missing = failure("// CHECK: func.func @f\n// CHECK: arith.addi %a", input, { checkFileName: "add.mlir" });
  assert.match(missing, "add.mlir:2:11: error: CHECK: expected string not found in input");
  assert.match(missing, "// CHECK: arith.addi %a\n          ^");
  assert.match(missing, "input:1:13: note: scanning from here");
  assert.match(missing, "input:2:1: note: possible intended match here");
  assert.match(missing, "> 1 | func.func @f() {");
  assert.match(missing, "? 2 |   %0 = arith.muli %a, %b : i32");
});

messages("captured values are shown when a use does not match", () => {
  const m = failure("CHECK: x = [[V:[0-9]]]\nCHECK: y = [[V]]x", "x = 1\ny = 1\n");
  assert.match(m, "check:2:8: error: CHECK: expected string not found in input");
  assert.match(m, 'note: with "V" equal to "1"');
});

messages("columns point into the raw lines despite whitespace runs", () => {
  const m = failure("CHECK:\t  a   b   zz", "  a\t\tb c\n");
  assert.match(m, "check:1:10: error:");
  const input = failure("CHECK: b\nCHECK: zz", "a\t\t b  c\n");
  assert.match(input, "input:1:6: note: scanning from here\na   b  c\n     ^");
});

messages("next, same and not failures say what was wrong", () => {
  assert.match(failure("CHECK: a\nCHECK-NEXT: b", "a b\n"), "CHECK-NEXT: is on the same line as previous match");
  assert.match(failure("CHECK: a\nCHECK-SAME: b", "a\nb\n"), "check:2:13: error: CHECK-SAME: is not on the same line as the previous match");
  const not = failure("CHECK: a\nCHECK-NOT: b\nCHECK: c", "a\nb\nc\n");
  assert.match(not, "check:2:12: error: CHECK-NOT: excluded string found in input");
  assert.match(not, "input:2:1: note: found here");
  assert.match(not, "! 2 | b");
  const empty = failure("CHECK: a\nCHECK-EMPTY:", "a\nb\n\n");
  assert.match(empty, "CHECK-EMPTY: is not on the line after the previous match");
  assert.match(empty, "input:2:1: note: non-matching line after previous match is here");
});

messages("custom prefixes appear in messages", () => {
  assert.match(failure("FOO: zz", "a\n", { prefix: "FOO" }), "check:1:6: error: FOO: expected string not found in input");
  assert.match(failure("X: a", "a\n", { prefix: ["FOO", "BAR"] }), "no check strings found with prefixes 'FOO:', 'BAR:'");
  assert.match(failure("CHECK: a", "a\n", { prefix: "1X" }), "invalid check prefix '1X'");
});

messages("check-file errors point at the offending text", () => {
  assert.match(failure("CHECK: a\nCHECK:", "a\n"), "check:2:7: error: found empty check string with prefix 'CHECK:'");
  assert.match(failure("  CHECK-NEXT: a", "a\n"), "check:1:3: error: found 'CHECK-NEXT' without previous 'CHECK: line");
  assert.match(failure("CHECK-LABEL: f(%[[A:.*]])", "f(%a)\n"), "found 'CHECK-LABEL:' with variable definition or use");
  assert.match(failure("CHECK: x {{a", "a\n"), "check:1:10: error: found start of regex string with no end '}}'");
  assert.match(failure("CHECK: x {{(}}", "a\n"), "check:1:12: error: invalid regex:");
  assert.match(failure("CHECK: x [[X", "a\n"), "Invalid substitution block, no ]] found");
  assert.match(failure("CHECK: [[X-]]", "a\n"), "invalid name in string variable use");
  assert.match(failure("CHECK: x [[Y]]", "x 1\n"), "check:1:12: error: undefined variable: Y\nCHECK: x [[Y]]\n           ^");
});

messages("every failing label region is reported", () => {
  const m = failure("CHECK-LABEL: @f\nCHECK: one\nCHECK-LABEL: @g\nCHECK: two", "@f\n@g\n");
  assert.match(m, "check:2:8: error: CHECK: expected string not found");
  assert.match(m, "check:4:8: error: CHECK: expected string not found");
});

messages.run();

// -------------------------------------------------------------------------------------------------------
// --verify-diagnostics

const parsing = suite("parseExpectedDiagnostics");

function only(source: string): ExpectedDiagnostic {
  const all = parseExpectedDiagnostics(source);
  assert.is(all.length, 1, JSON.stringify(all));
  const e = all[0];
  if (e === undefined) throw new Error("unreachable");
  return e;
}

parsing("same-line and relative designators", () => {
  const src = [
    "a // expected-error {{first}}",
    "// expected-warning @+1 {{second}}",
    "b",
    "// expected-remark@-3 {{third}}",
    "c // expected-note   @+0{{fourth}}",
  ].join("\n");
  const found = parseExpectedDiagnostics(src).map((e) => [e.severity, e.line, e.message, e.at.line, e.at.column]);
  assert.equal(found, [
    ["error", 1, "first", 1, 6],
    ["warning", 3, "second", 2, 4],
    ["remark", 1, "third", 4, 4],
    ["note", 5, "fourth", 5, 6],
  ]);
});

parsing("@above and @below skip designator lines but not plain comments", () => {
  const src = ["op1", "// expected-error@above {{a}}", "// expected-error @above {{b}}", "// expected-error@below {{c}}",
    "// expected-error@below {{d}}", "// just a comment", "op2", "op3 // expected-error @above {{e}}"].join("\n");
  assert.equal(parseExpectedDiagnostics(src).map((e) => [e.message, e.line]), [["a", 1], ["b", 1], ["c", 6], ["d", 6], ["e", 7]]);
});

parsing("a dangling @below stays on the last line", () => {
  assert.is(only("x\n// expected-error @below {{late}}\n").line, 3);
});

parsing("the message spans from the first {{ to the last }}", () => {
  assert.is(only("x // expected-error {{a}} // expected-error {{b}}").message, "a}} // expected-error {{b");
  assert.is(only("x // expected-error {{ has {{.*}} }}   ").message, " has {{.*}} ");
});

parsing("text after the closing braces makes it a plain comment", () => {
  assert.equal(parseExpectedDiagnostics("x // expected-error {{a}} trailing\ny // expected-error @unknown {{b}}"), []);
  assert.equal(parseExpectedDiagnostics("x // expected-fatal {{a}}\nx // expected-error @+ {{a}}"), []);
});

parsing("plain messages are literal, -re messages hold regex blocks", () => {
  const plain = only("x // expected-error {{a {{.*}} (b)}}");
  assert.is(plain.regex, undefined);
  const re = only("x // expected-error-re {{op (x) has {{[0-9]+}} operands{{$}}}}");
  assert.ok(re.regex?.test("'foo' op (x) has 12 operands"));
  assert.not.ok(re.regex?.test("op x has 12 operands"));
  assert.not.ok(re.regex?.test("op (x) has 12 operands!"));
  assert.ok(only("x // expected-error-re {{{{[[:digit:]]}} operands}}").regex?.test("has 3 operands"));
});

parsing("malformed -re messages are recorded with MLIR's reason", () => {
  assert.is(only("x // expected-error-re {{has {{[0-9] operands}}").malformed, "found start of regex with no end '}}'");
  assert.match(only("x // expected-error-re {{has {{[0-9}} operands}}").malformed ?? "", /^invalid regex: /);
});

parsing.run();

const checking = suite("checkExpectedDiagnostics");
const err = (line: number, message: string, column?: number): EmittedDiagnostic =>
  column === undefined ? { severity: "error", line, message } : { severity: "error", line, message, column };

checking("substring matches on the right line pass", () => {
  const expected = parseExpectedDiagnostics("a\n// expected-error @+1 {{has 1 operands}}\nreturn %0 : i32\n");
  assert.equal(checkExpectedDiagnostics(expected, [err(3, "'func.return' op has 1 operands, but enclosing function returns 0")]), []);
});

checking("wrong line, missing and unexpected diagnostics use MLIR's wording", () => {
  const expected = parseExpectedDiagnostics("x\n  // expected-error @+1 {{boom}}\ny\n");
  assert.equal(checkExpectedDiagnostics(expected, [err(1, "boom", 3)], { fileName: "t.mlir" }), [
    "t.mlir:1:3: error: unexpected error: boom",
    't.mlir:2:6: error: expected error "boom" was not produced',
  ]);
  assert.equal(checkExpectedDiagnostics([], [err(4, "no column")]), ["<input>:4: error: unexpected error: no column"]);
  assert.equal(checkExpectedDiagnostics([], [err(0, "nowhere")]), ["error: unexpected error: nowhere"]);
});

checking("a severity mismatch is a near miss reported at the designator", () => {
  const expected = parseExpectedDiagnostics("op // expected-warning {{careful}}");
  assert.equal(checkExpectedDiagnostics(expected, [err(1, "careful")]), [
    "<input>:1:7: error: 'error' diagnostic emitted when expecting a 'warning'",
    '<input>:1:7: error: expected warning "careful" was not produced',
  ]);
});

checking("one expectation absorbs repeats; one diagnostic satisfies one expectation", () => {
  const one = parseExpectedDiagnostics("op // expected-error {{dup}}");
  assert.equal(checkExpectedDiagnostics(one, [err(1, "dup"), err(1, "dup again")]), []);
  const two = parseExpectedDiagnostics("// expected-error @+2 {{dup}}\n// expected-error @+1 {{dup}}\nop");
  assert.equal(checkExpectedDiagnostics(two, [err(3, "dup")]), ['<input>:2:4: error: expected error "dup" was not produced']);
});

checking("notes are checked like any diagnostic", () => {
  const expected = parseExpectedDiagnostics("op // expected-error {{bad}}\nprev // expected-note {{defined here}}");
  const emitted: EmittedDiagnostic[] = [err(1, "bad op"), { severity: "note", line: 2, message: "value defined here" }];
  assert.equal(compareDiagnostics(expected, emitted), []);
  const withoutNote = compareDiagnostics(expected, [err(1, "bad op")]);
  assert.equal(withoutNote, [{ line: 2, column: 9, message: 'expected note "defined here" was not produced' }]);
});

checking("malformed designators are reported first and never match", () => {
  const expected = parseExpectedDiagnostics("op // expected-error-re {{x {{(}}}}");
  const out = checkExpectedDiagnostics(expected, [err(1, "x (")]);
  assert.is(out.length, 2);
  assert.match(out[0] ?? "", /^<input>:1:7: error: invalid regex: /);
  assert.is(out[1], "<input>:1: error: unexpected error: x (");
});

checking.run();

const harness = suite("verify-diagnostics harness");

harness("splitInputFile keeps file line numbers", () => {
  const text = "a\n// -----\nb\nc\n// -----\n// -----\nd // -----";
  assert.equal(splitInputFile(text), [
    { text: "a\n", firstLine: 1 },
    { text: "\nb\nc\n", firstLine: 2 },
    { text: "\n", firstLine: 5 },
    { text: "\nd // -----", firstLine: 6 },
  ]);
});

harness("failures are rendered with file lines, the source line and a caret", () => {
  const file = "x\n// -----\nop1\n// expected-error @+1 {{boom}}\nop2\n";
  const r = verifyDiagnosticsByChunk(file, (chunk) => (chunk.firstLine === 1 ? [] : [err(4, "bang", 1)]), { fileName: "bad.mlir" });
  if (r.ok) throw new Error("expected a failure");
  assert.is(r.message, [
    "bad.mlir:5:1: error: unexpected error: bang",
    "op2",
    "^",
    'bad.mlir:4:4: error: expected error "boom" was not produced',
    "// expected-error @+1 {{boom}}",
    "   ^",
  ].join("\n"));
  assert.equal(verifyDiagnostics("op // expected-error {{boom}}", [err(1, "boom!")]), { ok: true });
});

harness.run();

// Every chunk of this file is checked by mlir-opt-16 --verify-diagnostics and by our checker fed with the
// diagnostics mlir-opt-16 emits without verification; both must report the same mismatches.
const mlirCases = `func.func @substring() {
  %0 = arith.constant 1 : i32
  // expected-error @+1 {{has 1 operands}}
  return %0 : i32
}
// -----
func.func @regex() {
  %0 = arith.constant 1 : i32
  // expected-error-re @+1 {{has {{[0-9]}} operands, but enclosing function (@regex)}}
  return %0 : i32
}
// -----
func.func @literal_braces() {
  %0 = arith.constant 1 : i32
  return %0 : i32 // expected-error {{'func.return' op has {{.*}}}}
}
// -----
func.func @trailing_text() {
  %0 = arith.constant 1 : i32
  return %0 : i32 // expected-error {{has 1 operands}} trailing
}
// -----
func.func @above() {
  %0 = arith.constant 1 : i32
  return %0 : i32
  // expected-error@above {{has 1 operands}}
}
// -----
func.func @below_hits_comment() {
  %0 = arith.constant 1 : i32
  // expected-error@below {{has 1 operands}}
  // comment
  return %0 : i32
}
// -----
func.func @near_miss() {
  %0 = arith.constant 1 : i32
  // expected-warning @+1 {{has 1 operands}}
  return %0 : i32
}
// -----
func.func @two_for_one() {
  %0 = arith.constant 1 : i32
  // expected-error @+2 {{has 1 operands}}
  // expected-error @+1 {{has 1 operands, }}
  return %0 : i32
}
// -----
func.func @bad_regex() {
  %0 = arith.constant 1 : i32
  // expected-error-re @+1 {{has {{[0-9] operands}}
  return %0 : i32
}
// -----
func.func @note_missing() {
  // expected-note @+1 {{has 1 operands}}
  %0 = arith.constant 1 : i32
  return %0 : i32 // expected-error {{has 1 operands}}
}
// -----
func.func @ok() {
  return
}
`;

const mlirOpt = "/usr/bin/mlir-opt-16";
{ // mlir-opt-16 is installed by scripts/setup.sh: a missing tool fails here, it does not skip
  const oracle = suite("verify-diagnostics agrees with mlir-opt-16");
  oracle("every chunk reports the same mismatches", () => {
    const dir = mkdtempSync(join(tmpdir(), "tensile-verify-"));
    try {
      const path = join(dir, "cases.mlir");
      writeFileSync(path, mlirCases);
      const run = (extra: string[]): string => spawnSync(mlirOpt, ["--split-input-file", ...extra, path], { encoding: "utf8" }).stderr;
      // "within split at <path>:<firstLine> offset :<line>:<col>: <severity>: <message>"
      const header = /^within split at .*:(\d+) offset :(\d+):(\d+): (error|warning|remark|note): (.*)$/;
      const parse = (stderr: string): { chunk: number; line: number; column: number; severity: string; message: string }[] =>
        stderr.split("\n").flatMap((l) => {
          const m = header.exec(l);
          return m === null ? [] : [{ chunk: Number(m[1]), line: Number(m[2]), column: Number(m[3]), severity: m[4] ?? "", message: m[5] ?? "" }];
        });
      const emitted = parse(run(["--mlir-print-op-on-diagnostic=false"])); // as --verify-diagnostics sets it
      const mlirVerdicts = parse(run(["--verify-diagnostics"])).map((d) => `${d.chunk} ${d.line}:${d.column}: ${d.message.trimEnd()}`);
      const ours: string[] = [];
      for (const chunk of splitInputFile(mlirCases)) {
        const diags: EmittedDiagnostic[] = emitted
          .filter((d) => d.chunk === chunk.firstLine)
          .map((d) => ({ severity: d.severity as EmittedDiagnostic["severity"], line: d.line, column: d.column, message: d.message }));
        for (const m of compareDiagnostics(parseExpectedDiagnostics(chunk.text), diags)) {
          // MLIR's regex error text comes from its own regex engine; compare only the kind of failure.
          const message = m.message.startsWith("invalid regex:") ? "invalid regex" : m.message;
          ours.push(`${chunk.firstLine} ${m.line}:${m.column ?? 0}: ${message.trimEnd()}`);
        }
      }
      assert.ok(mlirVerdicts.length >= 8, mlirVerdicts.join("\n"));
      assert.equal(ours, mlirVerdicts);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  oracle.run();
}
