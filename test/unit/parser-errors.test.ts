/**
 * Malformed inputs: each must give exactly the first diagnostic line mlir-opt-16 gives for it (the
 * expected texts below were produced by `mlir-opt-16 --allow-unregistered-dialect`), with the same
 * line:column. Then the errors that are Tensile's own (features it does not support, limits).
 */
import * as E from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { arith } from "../../dialects/arith/index.ts";
import { builtin } from "../../dialects/builtin/index.ts";
import { cf } from "../../dialects/cf/index.ts";
import { func } from "../../dialects/func/index.ts";
import { renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { Context } from "../../src/ir/context.ts";
import { FileLineColLoc } from "../../src/ir/location.ts";
import { parseSource } from "../../src/text/parser.ts";

const newCtx = (allowUnregistered = true): Context => new Context([builtin, func, arith, cf], { allowUnregisteredDialects: allowUnregistered });

function firstLine(text: string, ctx = newCtx()): string {
  const r = parseSource(text, ctx, { file: "t.mlir" });
  return E.isLeft(r) ? (renderDiagnostic(r.left).split("\n")[0] as string) : "parsed without error";
}

/** [input, first line of mlir-opt-16's diagnostic] */
const mlirErrors: readonly [string, string][] = [
  ["\"foo.a\"(%0) : (i32) -> ()\n", "t.mlir:1:9: error: use of undeclared SSA value name"],
  ["%0 = \"foo.a\"() : () -> i32\n%0 = \"foo.a\"() : () -> i32\n", "t.mlir:2:1: error: redefinition of SSA value '%0'"],
  ["\"foo.a\"(%0) : (i32) -> ()\n%0 = \"foo.a\"() : () -> f32\n", "t.mlir:2:1: error: definition of SSA value '%0#0' has type 'f32'"],
  ["\"foo.a\"(%0) : (i32) -> ()\n\"foo.a\"(%0) : (f32) -> ()\n%0 = \"foo.a\"() : () -> f32\n", "t.mlir:2:9: error: use of value '%0' expects different type than prior uses: 'f32' vs 'i32'"],
  ["%0:2 = \"foo.a\"() : () -> (i32)\n", "t.mlir:1:1: error: operation defines 1 results but was provided 2 to bind"],
  ["%0:2 = \"foo.a\"() : () -> (i32, i32)\n\"foo.a\"(%0#3) : (i32) -> ()\n", "t.mlir:2:9: error: reference to invalid result number"],
  ["%0 = \"foo.a\"() : () -> ()\n", "t.mlir:1:1: error: cannot name an operation with no results"],
  ["%0:0 = \"foo.a\"() : () -> ()\n", "t.mlir:1:4: error: expected named operation to have at least 1 result"],
  ["%0: = \"foo.a\"() : () -> ()\n", "t.mlir:1:4: error: expected integer number of results"],
  ["%0 \"foo.a\"() : () -> ()\n", "t.mlir:1:3: error: expected '=' after SSA name"],
  ["\"foo.a\"( : () -> ()\n", "t.mlir:1:9: error: expected ')' to end operand list"],
  ["\"foo.a\"() : () ->\n", "t.mlir:1:18: error: expected non-function type"],
  ["\"foo.a\"() : i32\n", "t.mlir:1:13: error: expected function type"],
  ["\"foo.a\"() [^bb1] : () -> ()\n", "t.mlir:1:12: error: reference to an undefined block"],
  ["\"foo.a\"() ({ ^bb0: \"foo.b\"() [^bb2] : () -> () }) : () -> ()\n", "t.mlir:1:31: error: reference to an undefined block"],
  ["\"foo.a\"() ({ ^bb0: \"foo.b\"() : () -> () ^bb0: \"foo.b\"() : () -> () }) : () -> ()\n", "t.mlir:1:41: error: redefinition of block '^bb0'"],
  ["\"foo.a\"() ({ ^bb0(%a: i32, %a: i32): \"foo.b\"() : () -> () }) : () -> ()\n", "t.mlir:1:28: error: redefinition of SSA value '%a'"],
  ["\"foo.a\"() ({ ^bb0(%a i32): \"foo.b\"() : () -> () }) : () -> ()\n", "t.mlir:1:21: error: expected ':' and type for SSA operand"],
  ["\"foo.a\"() ({ ^bb0(%a: i32) \"foo.b\"() : () -> () }) : () -> ()\n", "t.mlir:1:27: error: expected ':' after block name"],
  ["\"foo.a\"() ({ \"foo.b\"() : () -> () }\n", "t.mlir:1:36: error: expected ')' to end region list"],
  ["\"foo.a\"() ({ \"foo.b\"() : () -> () ) : () -> ()\n", "t.mlir:1:34: error: expected operation name in quotes"],
  ["\"foo.a\"() {a = 1, a = 2} : () -> ()\n", "t.mlir:1:19: error: duplicate key 'a' in dictionary attribute"],
  ["\"foo.a\"() {a = 1 : f32} : () -> ()\n", "t.mlir:1:16: error: unexpected decimal integer literal for a floating point value"],
  ["\"foo.a\"() {a = 1.5 : i32} : () -> ()\n", "t.mlir:1:25: error: floating point value not valid for specified type"],
  ["\"foo.a\"() {a = 300 : i8} : () -> ()\n", "t.mlir:1:16: error: integer constant out of range for attribute"],
  ["\"\" () : () -> ()\n", "t.mlir:1:1: error: empty operation name is invalid"],
  ["\"foo.a\"() : () -> () loc(\n", "t.mlir:1:26: error: expected location instance"],
  ["\"foo.a\"() : () -> () loc(#undefined)\n", "t.mlir:1:26: error: operation location alias was never defined"],
  ["\"foo.a\"() : () -> () loc(\"a\":b)\n", "t.mlir:1:30: error: expected integer line number in FileLineColLoc"],
  ["#a = 1\n#a = 2\n", "t.mlir:2:1: error: redefinition of attribute alias id 'a'"],
  ["!a = i32\n!a = i32\n", "t.mlir:2:1: error: redefinition of type alias id 'a'"],
  ["#a.b = 1\n", "t.mlir:1:1: error: attribute names with a '.' are reserved for dialect-defined names"],
  ["!t = i32\n\"foo.a\"() : () -> !u\n", "t.mlir:2:21: error: undefined symbol alias id 'u'"],
  ["func.func @f() {\n  foo\n  return\n}\n", "t.mlir:2:3: error: custom op 'foo' is unknown (tried 'func.foo' as well)"],
  ["func.func @f() {\n  arith.bar\n  return\n}\n", "t.mlir:2:3: error: custom op 'arith.bar' is unknown"],
  ["func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %a i32\n  return %0 : i32\n}\n", "t.mlir:2:25: error: expected ':'"],
  ["func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %b : i32\n  return %0 : i32\n}\n", "t.mlir:2:23: error: use of undeclared SSA value name"],
  ["func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %a : f32\n  return %0 : i32\n}\n", "t.mlir:2:19: error: use of value '%a' expects different type than prior uses: 'f32' vs 'i32'"],
  ["func.func @f(%a: i32 {\n  return\n}\n", "t.mlir:3:2: error: expected ')'"],
  ["func.func f() {\n  return\n}\n", "t.mlir:1:11: error: custom op 'func.func' expected valid '@'-identifier for symbol name"],
  ["\"foo.a\"() {a = tensor<2xf32} : () -> ()\n", "t.mlir:1:28: error: expected '>' in tensor type"],
  ["\"foo.a\"() {a = vector<[4]x8xf32>} : () -> ()\n", "t.mlir:1:27: error: expected non-function type"],
  ["\"foo.a\"() {a = affine_map<(d0) -> (d1)>} : () -> ()\n", "t.mlir:1:36: error: use of undeclared identifier"],
  ["\"foo.a\"() {a = affine_map<(d0, d1) -> (d0 * d1)>} : () -> ()\n", "t.mlir:1:43: error: non-affine expression: at least one of the multiply operands has to be either a constant or symbolic"],
  ["\"foo.a\"() {a = affine_map<(d0, d0) -> (d0)>} : () -> ()\n", "t.mlir:1:32: error: redefinition of identifier 'd0'"],
  ["\"foo.a\"() {a = affine_map<(d0) -> (d0 floordiv d0)>} : () -> ()\n", "t.mlir:1:39: error: non-affine expression: right operand of floordiv has to be either a constant or symbolic"],
  ["\"foo.a\"() {a = affine_map<(d0) -> (d0 +)>} : () -> ()\n", "t.mlir:1:40: error: missing right operand of binary operator"],
  ["\"foo.a\"() {a = affine_map<(d0) -> (* d0)>} : () -> ()\n", "t.mlir:1:36: error: missing left operand of binary operator"],
  ["\"foo.a\"() {a = affine_map<(d0) -> (())>} : () -> ()\n", "t.mlir:1:37: error: no expression inside parentheses"],
  ["\"foo.a\"() {a = dense<[1, 2, 3]> : tensor<2xi32>} : () -> ()\n", "t.mlir:1:33: error: inferred shape of elements literal ([3]) does not match type ([2])"],
  ["\"foo.a\"() {a = dense<\"0x0102\"> : tensor<3xi8>} : () -> ()\n", "t.mlir:1:32: error: elements hex data size is invalid for provided type: 'tensor<3xi8>'"],
  ["\"foo.a\"() {a = dense<1> : tensor<99999999999xf32>} : () -> ()\n", "t.mlir:1:50: error: expected floating-point elements, but parsed integer"],
  ["\"foo.a\"() {a = \"abc\n", "t.mlir:1:20: error: expected '\"' in string literal"],
  ["\"foo.a\"() {a = \"\\q\"} : () -> ()\n", "t.mlir:1:17: error: unknown escape in string literal"],
  ["\"foo.a\"() {a = @} : () -> ()\n", "t.mlir:1:17: error: @ identifier expected to start with letter or '_'"],
  ["\"foo.a\"() {a = #} : () -> ()\n", "t.mlir:1:16: error: invalid attribute name"],
  ["\"foo.a\"() ({\n^bb0:\n  \"foo.b\"() [^bb1] : () -> ()\n}) : () -> ()\n", "t.mlir:3:14: error: reference to an undefined block"],
  ["\"foo.a\"() ({\n  \"foo.b\"() [^bb1] : () -> ()\n^bb1:\n  \"foo.c\"(%x) : (i32) -> ()\n}) : () -> ()\n", "t.mlir:4:11: error: use of undeclared SSA value name"],
  ["{-# dialect_resources: { builtin: { blob: \"0x01\" } } #-}\n", "t.mlir:1:43: error: expected hex string blob for key 'blob' to encode alignment in first 4 bytes"],
  ["{-# dialect_resources: { builtin: { blob: 1 } } #-}\n", "t.mlir:1:43: error: expected hex string blob for key 'blob'"],
  ["{-# foo: {} #-}\n", "t.mlir:1:5: error: unknown key 'foo' in file metadata dictionary"],
  ["{-# dialect_resources: { nodialect: { blob: \"0x01000000\" } } #-}\n", "t.mlir:1:26: error: dialect 'nodialect' is unknown"],
  ["func.func f() {\n  return\n}\n", "t.mlir:1:11: error: custom op 'func.func' expected valid '@'-identifier for symbol name"],
  ["func.func @f(%a: i32) {\n  %0 = arith.addi %a : i32\n  return\n}\n", "t.mlir:2:21: error: expected ','"],
  ["func.func @f(%a: i32) {\n  %0 = arith.cmpi foo, %a, %a : i32\n  return\n}\n", "t.mlir:2:19: error: custom op 'arith.cmpi' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]"],
  ["func.func @f(%a: i32) {\n  %0 = arith.constant : i32\n  return\n}\n", "t.mlir:2:22: error: expected attribute value"],
  ["func.func @f(%a: i32, %a: i32) {\n  return\n}\n", "t.mlir:1:23: error: region entry argument '%a' is already in use"],
  ["func.func @f(%a: i32) {\n^bb0(%b: i32):\n  return\n}\n", "t.mlir:2:1: error: invalid block name in region with named arguments"],
  ["func.func @f() attributes {sym_name = \"x\"} {\n  return\n}\n", "t.mlir:1:16: error: custom op 'func.func' 'sym_name' is an inferred attribute and should not be specified in the explicit attribute dictionary"],
  ["func.func @f() {\n  %0 = arith.addi %x#1, %x#1 : i32\n  return\n}\n", "t.mlir:2:19: error: use of undeclared SSA value name"],
  ["func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %a : i32 loc(#nope)\n  return %0 : i32\n}\n", "t.mlir:2:36: error: operation location alias was never defined"],
  ["func.func @f(%a: i32) -> i32 {\n  \"my.op\"() [^bb9] : () -> ()\n}\n", "t.mlir:2:14: error: reference to an undefined block"],
  ["func.func @f(%a: i32) -> i32 {\n  %0 = \"arith.addi\"(%a, %a) [^bb1] : (i32, i32) -> i32\n^bb1:\n  return %0 : i32\n}\n", "t.mlir:2:29: error: successors in non-terminator"],
  ["module {\n  %0 = \"my.a\"() : () -> i32\n} loc(\n", "t.mlir:3:7: error: expected location instance"],
  ["\"my.a\"() : () -> () loc(\"x\":1)\n", "t.mlir:1:30: error: expected ':' in FileLineColLoc"],
  ["\"my.a\"() : () -> () loc(callsite(\"x\" at))\n", "t.mlir:1:40: error: expected location instance"],
  ["\"my.a\"() {x = affine_map<(d0) -> (d0 + d0 * d0)>} : () -> ()\n", "t.mlir:1:43: error: non-affine expression: at least one of the multiply operands has to be either a constant or symbolic"],
  ["\"my.a\"() {x = affine_map<(d0)[s0] -> (d0 ceildiv (d0 + s0))>} : () -> ()\n", "t.mlir:1:42: error: non-affine expression: right operand of ceildiv has to be either a constant or symbolic"],
  ["\"my.a\"() {x = affine_map<(d0) -> (d0 + (d1))>} : () -> ()\n", "t.mlir:1:41: error: use of undeclared identifier"],
  ["\"my.a\"() {x = affine_map<(d0) -> (-)>} : () -> ()\n", "t.mlir:1:36: error: expected affine expression"],
  ["\"my.a\"() {x = affine_map<(d0) d0>} : () -> ()\n", "t.mlir:1:30: error: expected '->' or ':'"],
  ["\"my.a\"() {x = affine_map<(d0 d1) -> (d0)>} : () -> ()\n", "t.mlir:1:29: error: expected ')' in dimensional identifier list"],
  ["\"my.a\"() {x = dense<[1, 2]> : tensor<2xf32>} : () -> ()\n", "t.mlir:1:44: error: expected floating-point elements, but parsed integer"],
  ["\"my.a\"() {x = dense<[1.5, 2]> : tensor<2xi32>} : () -> ()\n", "t.mlir:1:22: error: expected integer elements, but parsed floating-point"],
  ["\"my.a\"() {x = dense<-1> : tensor<2xui32>} : () -> ()\n", "t.mlir:1:22: error: expected unsigned integer elements, but parsed negative value"],
  ["\"my.a\"() {x = dense<[true, 1]> : tensor<2xi32>} : () -> ()\n", "t.mlir:1:22: error: expected i1 type for 'true' or 'false' values"],
  ["\"my.a\"() {x = dense<[[1], [2, 3]]> : tensor<2x2xi32>} : () -> ()\n", "t.mlir:1:33: error: tensor literal is invalid; ranks are not consistent between elements"],
  ["\"my.a\"() {x = dense<1> : tensor<?xi32>} : () -> ()\n", "t.mlir:1:39: error: elements literal type must have static shape"],
  ["\"my.a\"() {x = dense<1>} : () -> ()\n", "t.mlir:1:23: error: expected ':'"],
  ["\"my.a\"() {x = dense_resource<b> : i32} : () -> ()\n", "t.mlir:1:33: error: `dense_resource` expected a shaped type"],
  ["\"my.a\"() {x = array<i32: 1 2>} : () -> ()\n", "t.mlir:1:27: error: expected '>' to close an array attribute"],
  ["\"my.a\"() {x = array<i32: x>} : () -> ()\n", "t.mlir:1:26: error: expected integer literal"],
  ["\"my.a\"() {x = strided<[1, 0]>} : () -> ()\n", "t.mlir:1:15: error: strides must not be zero"],
  ["\"my.a\"() {x = tensor<2x3>} : () -> ()\n", "t.mlir:1:25: error: expected 'x' in dimension list"],
  ["\"my.a\"() {x = vector<2x?xf32>} : () -> ()\n", "t.mlir:1:24: error: expected non-function type"],
  ["\"my.a\"() {x = memref<2xf32, 1, 2>} : () -> ()\n", "t.mlir:1:33: error: multiple memory spaces specified in memref type"],
  ["\"my.a\"() {x = memref<2xf32, affine_map<(d0, d1) -> (d0)>>} : () -> ()\n", "t.mlir:1:15: error: memref layout mismatch between rank and affine map: 1 != 2"],
  ["\"my.a\"() {x = complex<tensor<2xf32>>} : () -> ()\n", "t.mlir:1:23: error: invalid element type for complex"],
  ["\"my.a\"() {x = tuple<i32} : () -> ()\n", "t.mlir:1:24: error: expected '>' in tuple type"],
  ["\"my.a\"() {x = (i32) i32} : () -> ()\n", "t.mlir:1:20: error: expected '->' in function type"],
  ["\"my.a\"() {x = i99999999999} : () -> ()\n", "t.mlir:1:15: error: invalid integer width"],
  ["\"my.a\"() {x = !my.t<(]>} : () -> ()\n", "t.mlir:1:20: error: unbalanced '(' character in pretty dialect name"],
  ["\"my.a\"() {x = #my.t<\"x} : () -> ()\n", "t.mlir:1:35: error: expected '\"' in string literal"],
  ["!a.b = i32\n", "t.mlir:1:1: error: type names with a '.' are reserved for dialect-defined names"],
  ["#x = \n", "t.mlir:1:5: error: expected attribute value"],
  ["\"my.a\"() : () -> () \n^bb0:\n", "t.mlir:1:20: error: expected operation name in quotes"],
  ["%0, %1 = \"my.a\"() : () -> (i32, i32, i32)\n", "t.mlir:1:1: error: operation defines 3 results but was provided 2 to bind"],
  ["\"my.a\"() ({\n^bb0(%x: i32):\n  \"my.b\"(%x) : (f32) -> ()\n}) : () -> ()\n", "t.mlir:3:10: error: use of value '%x' expects different type than prior uses: 'f32' vs 'i32'"],
  ["\"foo.a\"() : () -> () // comment\n\n\"foo.b\"() (\n", "t.mlir:3:12: error: expected '{' to begin a region"],
  ["\"foo.a\"() {a = 1,\n  // comment here\n  }  : () -> ()\n", "t.mlir:1:18: error: expected attribute name"],
  ["\"foo.a\"()\n", "t.mlir:1:10: error: expected ':' followed by operation type"],
  ["\"foo.a\"() :\n", "t.mlir:1:12: error: expected non-function type"],
  ["%0 = \n", "t.mlir:1:5: error: expected operation name in quotes"],
  ["\"foo.a\"() {a = [1, 2} : () -> ()\n", "t.mlir:1:21: error: expected ',' or ']'"],
  ["\"foo.a\"() {a = {b = 1 c = 2}} : () -> ()\n", "t.mlir:1:22: error: expected '}' in attribute dictionary"],
  ["\"foo.a\"() {a = -} : () -> ()\n", "t.mlir:1:17: error: expected constant integer or floating point value"],
  ["\"foo.a\"() {a = 0x7FC00000 : f32, b = 0x7C01 : f16, c = -0.0 : bf16, d = 1e10} : () -> ()\n", "t.mlir:1:74: error: expected '}' in attribute dictionary"],
  ["\"foo.a\"() {a = 0x1FFFFFFFF : f32} : () -> ()\n", "t.mlir:1:16: error: hexadecimal float constant out of range for type"],
  ["\"foo.a\"() {a = -0x1 : f32} : () -> ()\n", "t.mlir:1:17: error: hexadecimal float literal should not have a leading minus"],
  ["\"foo.a\"() {a = 0x1 : i0} : () -> ()\n", "t.mlir:1:16: error: integer constant out of range for attribute"],
  ["\"foo.a\"() {a = @a::@b::@\"c d\", b = @x:} : () -> ()\n", "t.mlir:1:38: error: expected '}' in attribute dictionary"],
  ["\"foo.a\"() {a = @a::} : () -> ()\n", "t.mlir:1:20: error: expected nested symbol reference identifier"],
  ["\"foo.a\"() {a = tensor<0xf32>, b = tensor<0x0xf32>, c = vector<0xf32>} : () -> ()\n", "t.mlir:1:65: error: vector types must have positive constant sizes"],
  ["\"foo.a\"() {a = !foo.bar<(]>} : () -> ()\n", "t.mlir:1:24: error: unbalanced '(' character in pretty dialect name"],
  ["\"foo.a\"() {a = !foo.bar<(> } : () -> ()\n", "t.mlir:1:24: error: unbalanced '(' character in pretty dialect name"],
  ["\"foo.a\"() {a = !foo.bar<\"x} : () -> ()\n", "t.mlir:1:39: error: expected '\"' in string literal"],
  ["\"foo.a\"() {a = array<tensor<2xf32>: 1>} : () -> ()\n", "t.mlir:1:22: error: expected integer or float type, got: 'tensor<2xf32>'"],
  ["\"foo.a\"() : () -> () loc(#l)\n#l = 3\n", "t.mlir:1:26: error: expected location, but found '3 : i64'"],
  ["#l = 3\n\"foo.a\"() : () -> () loc(#l)\n", "t.mlir:2:26: error: expected location, but found '3 : i64'"],
  ["%0 = \"foo.a\"() : () -> i32\nfunc.func @f() {\n%0 = \"foo.b\"() : () -> (i32)\n return }\n", "t.mlir:3:1: error: redefinition of SSA value '%0'"],
  ["\"func.func\"() ({ return }) {sym_name=\"f\", function_type=()->()} : () -> ()\n", "t.mlir:1:18: error: custom op 'return' is unknown (tried 'builtin.return' as well)"],
  ["module { func.func @f() { module {} \n return } }\n", "t.mlir:1:27: error: custom op 'module' is unknown (tried 'func.module' as well)"],
  ["func.func @f(%a: i32) {\n  \"foo.b\"() ({ ^bb0(%a: i32): \"foo.c\"() : () -> () }) : () -> ()\n  return\n}\n", "t.mlir:2:21: error: redefinition of SSA value '%a'"],
  ["\"foo.a\"() : () -> () loc(#x)\n#x = 1\n", "t.mlir:1:26: error: expected location, but found '1 : i64'"],
  ["\"foo.a\"() : () -> () loc(fused[#undefinedalias])\n", "t.mlir:1:47: error: undefined symbol alias id 'undefinedalias'"],
  ["\"foo.r\"() ({\n^bb0(%a: i32):\n  \"foo.x\"() : () -> ()\n^bb0:\n  \"foo.y\"() : () -> ()\n}) : () -> ()\n", "t.mlir:4:1: error: redefinition of block '^bb0'"],
  ["\"foo.r\"() [^bb0] : () -> ()\n", "t.mlir:1:12: error: reference to an undefined block"],
  // One type per operand: `type($group)` of a variadic group lists as many types as there are operands,
  // and a mismatch is reported where the group starts.
  ["func.func @f(%a: i32) -> (i32, i32) {\n  func.return %a, %a : i32\n}\n", "t.mlir:2:15: error: custom op 'func.return' 2 operands present, but expected 1"],
  ["func.func @f(%a: i32) -> i32 {\n  return %a : i32, i32\n}\n", "t.mlir:2:10: error: custom op 'func.return' 1 operands present, but expected 2"],
  ["func.func @f(%a: i32) {\n  cf.br ^bb1(%a, %a : i32)\n^bb1(%b: i32, %c: i32):\n  return\n}\n", "t.mlir:2:14: error: custom op 'cf.br' 2 operands present, but expected 1"],
  ["func.func @f(%a: i32, %c: i1) {\n  cf.cond_br %c, ^bb1(%a : i32), ^bb1(%a, %a : i32)\n^bb1(%b: i32):\n  return\n}\n", "t.mlir:2:39: error: custom op 'cf.cond_br' 2 operands present, but expected 1"],
  ["func.func @f(%a: i32) {\n  func.call @f(%a, %a) : (i32) -> ()\n  return\n}\n", "t.mlir:2:16: error: custom op 'func.call' 2 operands present, but expected 1"],
  // Layout checks are the attribute's and type's own (StridedLayoutAttr.get, MemRefType.get), reported in place.
  ["\"my.a\"() {x = memref<4x4xf32, strided<[4, 0]>>} : () -> ()\n", "t.mlir:1:31: error: strides must not be zero"],
  ["\"my.a\"() {x = memref<4xf32, strided<[1, 1]>>} : () -> ()\n", "t.mlir:1:15: error: expected the number of strides to match the rank"],
];

test(`${mlirErrors.length} malformed inputs give mlir-opt-16's diagnostic at mlir-opt-16's line:column`, () => {
  for (const [input, expected] of mlirErrors) assert.is(firstLine(input), expected, input);
});

test("diagnostics carry notes where MLIR attaches them", () => {
  const r = parseSource('%0 = "my.a"() : () -> i32\n  %0 = "my.a"() : () -> i32', newCtx(), { file: "t.mlir" });
  assert.ok(E.isLeft(r));
  if (E.isLeft(r)) {
    assert.is(r.left.loc, FileLineColLoc.get("t.mlir", 2, 3));
    assert.is(r.left.notes[0]?.message, "previously defined here");
    assert.is(r.left.notes[0]?.loc, FileLineColLoc.get("t.mlir", 1, 1));
  }
  const use = parseSource('"my.a"(%0) : (i32) -> ()\n"my.a"(%0) : (f32) -> ()', newCtx(), { file: "t.mlir" });
  assert.ok(E.isLeft(use) && use.left.notes[0]?.message === "prior use here");
});

test("the first of several undefined names is the one reported", () => {
  assert.is(firstLine('"my.a"(%b) : (i32) -> ()\n"my.a"(%a) : (i32) -> ()'), "t.mlir:1:8: error: use of undeclared SSA value name");
  assert.is(
    firstLine('"my.r"() ({\n  "my.br"()[^x] : () -> ()\n  "my.br"()[^y] : () -> ()\n}) : () -> ()'),
    "t.mlir:2:13: error: reference to an undefined block",
  );
});

test("unregistered ops, types and attributes without allowUnregisteredDialects", () => {
  const strict = newCtx(false);
  assert.is(
    firstLine('"foo.op"() : () -> ()', strict),
    "t.mlir:1:9: error: operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used",
  );
  assert.is(
    firstLine('"arith.nope"() : () -> ()', strict),
    "t.mlir:1:1: error: unregistered operation 'arith.nope' found in dialect ('arith') that does not allow unknown operations",
  );
  assert.match(firstLine('"func.return"() {a = !foo.bar} : () -> ()', strict), "t.mlir:1:27: error: `!\"foo\"<\"bar\">` type created with unregistered dialect.");
  assert.is(firstLine("foo.bar", strict), "t.mlir:1:1: error: Dialect `foo' not found for custom op 'foo.bar' ");
});

test("custom-op errors reported by a hook carry MLIR's `custom op` prefix", () => {
  assert.is(
    firstLine("func.func f() {\n  return\n}"),
    "t.mlir:1:11: error: custom op 'func.func' expected valid '@'-identifier for symbol name",
  );
});

test("what Tensile does not support is reported, never silently dropped", () => {
  const cases: [string, string][] = [
    ['"my.a"() {a = sparse<[[0]], [1]> : memref<2xi32>} : () -> ()', "sparse elements of a memref type are not supported"],
    ['"my.a"() {a = f8E4M3FN} : () -> ()', "the f8E4M3FN type is not supported"],
    ['"my.a"() {a = dense<(true, false)> : tensor<complex<i1>>} : () -> ()', "dense elements of this element type are not supported"],
    ['"my.a"() {a = dense<1> : tensor<2xi128>} : () -> ()', "dense elements of this element type are not supported"],
    ['"my.a"() {a = dense<"x"> : tensor<!foo.s>} : () -> ()', "dense elements of this element type are not supported"],
    ['"my.a"() {a = tensor<99999999999999999x2xf32>} : () -> ()', "invalid dimension"],
    ['"my.a"() {a = affine_map<() -> (9007199254740992)>} : () -> ()', "constant too large for index"],
    ['"my.a"() {a = #foo.x<1> : i32} : () -> ()', "a type on an attribute of an unregistered dialect is not supported"],
  ];
  for (const [input, message] of cases) assert.match(firstLine(input), message, input);
});

test("nesting deeper than the limit is an error, not a stack overflow", () => {
  const deep = 50_000;
  const inputs = [
    `"my.a"() {a = ${"[".repeat(deep)}${"]".repeat(deep)}} : () -> ()`,
    `"my.a"() {a = ${"tensor<".repeat(deep)}f32${">".repeat(deep)}} : () -> ()`,
    `"my.a"() {a = affine_map<(d0) -> (${"(".repeat(deep)}d0${")".repeat(deep)})>} : () -> ()`,
    `"my.a"() {a = affine_map<(d0) -> (${"-".repeat(deep)}d0)>} : () -> ()`,
    `${'"my.a"() ({ '.repeat(deep)}${"}) : () -> () ".repeat(deep)}`,
    `"my.a"() : () -> () loc(${"callsite(".repeat(deep)}`,
    `"my.a"() {a = dense<${"[".repeat(deep)}1${"]".repeat(deep)}> : tensor<1xi32>} : () -> ()`,
    `"my.a"() {a = ${"(".repeat(deep)}} : () -> ()`,
  ];
  for (const input of inputs) assert.match(firstLine(input), "nesting too deep", input.slice(0, 40));
  // Wide is fine: long sums and long lists are parsed iteratively.
  const wide = `"my.a"() {a = affine_map<(d0, d1) -> (${Array.from({ length: 5000 }, (_, i) => (i % 2 ? "d0" : "d1")).join(" + ")})>} : () -> ()`;
  assert.is(firstLine(wide), "parsed without error");
});

test.run();
