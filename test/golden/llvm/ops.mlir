// RUN: tensile-opt %s | FileCheck %s
// RUN: tensile-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// Every core op of MLIR 16's llvm dialect (intrinsics are in intrinsics.mlir) in its custom form; the CHECK lines
// are mlir-opt-16's output for this file, with its two spaces where custom<LLVMOpAttrs> prints an empty dictionary.
// The GENERIC lines show what the custom form leaves implicit: default fast-math flags, GEP's raw indices with
// INT32_MIN for a dynamic one, the predicates and orderings as i64, the segment sizes of invoke and switch.
// GENERIC: "llvm.fadd"(%arg0, %arg1) {fastmathFlags = #llvm.fastmath<none>} : (f32, f32) -> f32
// GENERIC: "llvm.icmp"(%arg2, %arg2) {predicate = 6 : i64} : (i32, i32) -> i1
// GENERIC: "llvm.fcmp"(%arg0, %arg1) {fastmathFlags = #llvm.fastmath<nsz>, predicate = 15 : i64} : (f32, f32) -> i1
// GENERIC: "llvm.alloca"(%arg0) {elem_type = !llvm.struct<(i32, array<4 x f32>)>} : (i64) -> !llvm.ptr
// GENERIC: "llvm.getelementptr"(%{{.*}}, %arg1) {elem_type = !llvm.struct<(i32, array<4 x f32>)>, inbounds, rawConstantIndices = array<i32: 0, 1, -2147483648>} : (!llvm.ptr, i32) -> !llvm.ptr
// GENERIC: "llvm.atomicrmw"(%arg4, %arg1) {bin_op = 1 : i64, ordering = 6 : i64} : (!llvm.ptr<i32>, i32) -> i32
// GENERIC: "llvm.switch"(%arg1, %arg2, %arg2)[^bb3, ^bb1, ^bb4] {case_operand_segments = array<i32: 1, 0>, case_values = dense<[1, -1]> : vector<2xi32>, operand_segment_sizes = array<i32: 1, 1, 1>} : (i32, f32, f32) -> ()
// GENERIC: "llvm.invoke"(%arg0)[^bb1, ^bb2] {callee = @callee, operand_segment_sizes = array<i32: 1, 0, 0>} : (i32) -> f32
// GENERIC: }) {CConv = #llvm.cconv<fastcc>, arg_attrs = [{llvm.align = 16 : i64, llvm.noalias, llvm.nocapture, llvm.readonly}, {}], function_type = !llvm.func<i32 (ptr, i32)>, linkage = #llvm.linkage<internal>, llvm.emit_c_interface, passthrough = ["noinline"], sym_name = "attrs"} : () -> ()
// CHECK: llvm.func @arith(%arg0: f32, %arg1: f32, %arg2: i32, %arg3: i64, %arg4: vector<4xf32>, %arg5: vector<4xi32>, %arg6: !llvm.ptr<f32>, %arg7: !llvm.ptr) -> f32 {
// CHECK-NEXT: %0 = llvm.add %arg2, %arg2  : i32
// CHECK-NEXT: %1 = llvm.sub %arg2, %arg2  : i32
// CHECK-NEXT: %2 = llvm.mul %arg5, %arg5  : vector<4xi32>
// CHECK-NEXT: %3 = llvm.udiv %arg2, %arg2  : i32
// CHECK-NEXT: %4 = llvm.sdiv %arg2, %arg2  : i32
// CHECK-NEXT: %5 = llvm.urem %arg2, %arg2  : i32
// CHECK-NEXT: %6 = llvm.srem %arg2, %arg2  : i32
// CHECK-NEXT: %7 = llvm.and %arg2, %arg2  : i32
// CHECK-NEXT: %8 = llvm.or %arg2, %arg2  : i32
// CHECK-NEXT: %9 = llvm.xor %arg2, %arg2  {tag = "keep"} : i32
// CHECK-NEXT: %10 = llvm.shl %arg2, %arg2  : i32
// CHECK-NEXT: %11 = llvm.lshr %arg2, %arg2  : i32
// CHECK-NEXT: %12 = llvm.ashr %arg2, %arg2  : i32
// CHECK-NEXT: %13 = llvm.fadd %arg0, %arg1  : f32
// CHECK-NEXT: %14 = llvm.fsub %arg0, %arg1  {fastmathFlags = #llvm.fastmath<nnan, ninf>} : f32
// CHECK-NEXT: %15 = llvm.fmul %arg4, %arg4  {fastmathFlags = #llvm.fastmath<fast>} : vector<4xf32>
// CHECK-NEXT: %16 = llvm.fdiv %arg0, %arg1  : f32
// CHECK-NEXT: %17 = llvm.frem %arg0, %arg1  : f32
// CHECK-NEXT: %18 = llvm.fneg %arg0  {fastmathFlags = #llvm.fastmath<contract>} : f32
// CHECK-NEXT: %19 = llvm.icmp "ult" %arg2, %arg2 : i32
// CHECK-NEXT: %20 = llvm.icmp "eq" %arg6, %arg6 : !llvm.ptr<f32>
// CHECK-NEXT: %21 = llvm.fcmp "oeq" %arg4, %arg4 : vector<4xf32>
// CHECK-NEXT: %22 = llvm.fcmp "_true" %arg0, %arg1 {fastmathFlags = #llvm.fastmath<nsz>} : f32
// CHECK-NEXT: %23 = llvm.bitcast %arg2 : i32 to f32
// CHECK-NEXT: %24 = llvm.addrspacecast %arg7 : !llvm.ptr to !llvm.ptr<1>
// CHECK-NEXT: %25 = llvm.inttoptr %arg3 : i64 to !llvm.ptr<f32>
// CHECK-NEXT: %26 = llvm.ptrtoint %arg6 : !llvm.ptr<f32> to i64
// CHECK-NEXT: %27 = llvm.sext %arg2 : i32 to i64
// CHECK-NEXT: %28 = llvm.zext %arg2 : i32 to i64
// CHECK-NEXT: %29 = llvm.trunc %arg3 : i64 to i32
// CHECK-NEXT: %30 = llvm.sitofp %arg2 : i32 to f32
// CHECK-NEXT: %31 = llvm.uitofp %arg5 : vector<4xi32> to vector<4xf32>
// CHECK-NEXT: %32 = llvm.fptosi %arg0 : f32 to i32
// CHECK-NEXT: %33 = llvm.fptoui %arg0 : f32 to i64
// CHECK-NEXT: %34 = llvm.fpext %arg0 : f32 to f64
// CHECK-NEXT: %35 = llvm.fptrunc %34 : f64 to f16
// CHECK-NEXT: %36 = llvm.select %19, %arg0, %arg1 : i1, f32
// CHECK-NEXT: %37 = llvm.select %21, %arg4, %arg4 : vector<4xi1>, vector<4xf32>
// CHECK-NEXT: %38 = llvm.freeze %arg0 : f32
// CHECK-NEXT: llvm.return %13 : f32
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @memory(%arg0: i64, %arg1: i32, %arg2: !llvm.ptr<f32>, %arg3: !llvm.ptr, %arg4: !llvm.ptr<i32>, %arg5: f32) {
// CHECK-NEXT: %0 = llvm.alloca %arg0 x f32 {alignment = 16 : i64} : (i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %1 = llvm.alloca %arg0 x !llvm.struct<(i32, array<4 x f32>)> : (i64) -> !llvm.ptr
// CHECK-NEXT: %2 = llvm.alloca %arg0 x f32 : (i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %3 = llvm.load %arg2 : !llvm.ptr<f32>
// CHECK-NEXT: %4 = llvm.load volatile %arg3 {alignment = 4 : i64, nontemporal} : !llvm.ptr -> f32
// CHECK-NEXT: llvm.store %3, %arg2 : !llvm.ptr<f32>
// CHECK-NEXT: llvm.store volatile %4, %arg3 {alignment = 8 : i64} : f32, !llvm.ptr
// CHECK-NEXT: %5 = llvm.getelementptr inbounds %1[0, 1, %arg1] : (!llvm.ptr, i32) -> !llvm.ptr, !llvm.struct<(i32, array<4 x f32>)>
// CHECK-NEXT: %6 = llvm.getelementptr %arg2[%arg0] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %7 = llvm.getelementptr %arg2[-1] : (!llvm.ptr<f32>) -> !llvm.ptr<f32>
// CHECK-NEXT: %8 = llvm.atomicrmw add %arg4, %arg1 acq_rel  : i32
// CHECK-NEXT: %9 = llvm.atomicrmw _xor %arg4, %arg1 monotonic  : i32
// CHECK-NEXT: %10 = llvm.atomicrmw fadd %arg2, %arg5 seq_cst  : f32
// CHECK-NEXT: %11 = llvm.atomicrmw xchg %arg4, %arg1 release  : i32
// CHECK-NEXT: %12 = llvm.cmpxchg %arg4, %arg1, %arg1 acq_rel monotonic : i32
// CHECK-NEXT: llvm.fence syncscope("agent") seq_cst
// CHECK-NEXT: llvm.fence release
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @aggregates(%arg0: !llvm.struct<(i32, array<4 x f32>)>, %arg1: f32, %arg2: vector<4xf32>, %arg3: i32, %arg4: !llvm.vec<2 x ptr<f32>>) {
// CHECK-NEXT: %0 = llvm.extractvalue %arg0[1, 0] : !llvm.struct<(i32, array<4 x f32>)>
// CHECK-NEXT: %1 = llvm.insertvalue %arg1, %arg0[1, 2] : !llvm.struct<(i32, array<4 x f32>)>
// CHECK-NEXT: %2 = llvm.extractelement %arg2[%arg3 : i32] : vector<4xf32>
// CHECK-NEXT: %3 = llvm.insertelement %arg1, %arg2[%arg3 : i32] : vector<4xf32>
// CHECK-NEXT: %4 = llvm.shufflevector %arg2, %arg2 [0, 4, 1, 5, 2, 6, 3, 7] : vector<4xf32>
// CHECK-NEXT: %5 = llvm.shufflevector %arg4, %arg4 [0, 1, 3] : !llvm.vec<2 x ptr<f32>>
// CHECK-NEXT: %6 = llvm.mlir.undef : !llvm.struct<(i32, f32)>
// CHECK-NEXT: %7 = llvm.mlir.constant(dense<1.000000e+00> : vector<4xf32>) : vector<4xf32>
// CHECK-NEXT: %8 = llvm.mlir.constant(42 : i64) : i64
// CHECK-NEXT: %9 = llvm.mlir.constant(2.500000e+00 : f32) : f32
// CHECK-NEXT: %10 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @control(%arg0: i1, %arg1: i32, %arg2: f32) -> f32 {
// CHECK-NEXT: llvm.cond_br %arg0, ^bb1(%arg2 : f32), ^bb2
// CHECK-NEXT: ^bb1(%0: f32):
// CHECK-NEXT: llvm.br ^bb3(%0 : f32)
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: llvm.switch %arg1 : i32, ^bb3(%arg2 : f32) [
// CHECK-NEXT: 1: ^bb1(%arg2 : f32),
// CHECK-NEXT: 4294967295: ^bb4
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb3(%1: f32):
// CHECK-NEXT: llvm.cond_br %arg0 weights(dense<[3, 1]> : vector<2xi32>), ^bb4, ^bb5
// CHECK-NEXT: ^bb4:
// CHECK-NEXT: llvm.unreachable
// CHECK-NEXT: ^bb5:  // pred: ^bb3
// CHECK-NEXT: llvm.switch %arg1 : i32, ^bb6 [
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb6:  // pred: ^bb5
// CHECK-NEXT: llvm.return %1 : f32
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @callee(i32) -> f32
// CHECK-NEXT: llvm.func @sink(f32)
// CHECK-NEXT: llvm.func @printf(!llvm.ptr<i8>, ...) -> i32
// CHECK-NEXT: llvm.func @__gxx_personality_v0(...) -> i32
// CHECK-NEXT: llvm.func @calls(%arg0: i32, %arg1: !llvm.ptr<func<f32 (i32)>>, %arg2: !llvm.ptr<i8>) -> f32 {
// CHECK-NEXT: %0 = llvm.call @callee(%arg0) : (i32) -> f32
// CHECK-NEXT: llvm.call @sink(%0) {fastmathFlags = #llvm.fastmath<fast>} : (f32) -> ()
// CHECK-NEXT: %1 = llvm.call %arg1(%arg0) : (i32) -> f32
// CHECK-NEXT: %2 = llvm.call @printf(%arg2, %arg0, %0) : (!llvm.ptr<i8>, i32, f32) -> i32
// CHECK-NEXT: llvm.return %1 : f32
// CHECK-NEXT: }
// CHECK-NEXT: llvm.mlir.global external constant @_ZTIi() {addr_space = 0 : i32} : !llvm.ptr<i8>
// CHECK-NEXT: llvm.func @exceptions(%arg0: i32) -> f32 attributes {personality = @__gxx_personality_v0} {
// CHECK-NEXT: %0 = llvm.mlir.addressof @_ZTIi : !llvm.ptr<ptr<i8>>
// CHECK-NEXT: %1 = llvm.bitcast %0 : !llvm.ptr<ptr<i8>> to !llvm.ptr<i8>
// CHECK-NEXT: %2 = llvm.mlir.null : !llvm.ptr<i8>
// CHECK-NEXT: %3 = llvm.invoke @callee(%arg0) to ^bb1 unwind ^bb2 : (i32) -> f32
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: llvm.return %3 : f32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: %4 = llvm.landingpad cleanup (catch %1 : !llvm.ptr<i8>) (catch %2 : !llvm.ptr<i8>) : !llvm.struct<(ptr<i8>, i32)>
// CHECK-NEXT: llvm.resume %4 : !llvm.struct<(ptr<i8>, i32)>
// CHECK-NEXT: }
// CHECK-NEXT: llvm.mlir.global internal constant @cst(42 : i32) {addr_space = 0 : i32} : i32
// CHECK-NEXT: llvm.mlir.global external @str("abc") {addr_space = 0 : i32}
// CHECK-NEXT: llvm.mlir.global private unnamed_addr constant @y(dense<1.000000e+00> : tensor<8xf32>) {addr_space = 0 : i32, alignment = 32 : i64} : !llvm.array<8 x f32>
// CHECK-NEXT: llvm.mlir.global external local_unnamed_addr @z(0 : i64) {addr_space = 0 : i32} : i64
// CHECK-NEXT: llvm.mlir.global external thread_local @tl() {addr_space = 0 : i32} : i64
// CHECK-NEXT: llvm.mlir.global linkonce @init() {addr_space = 0 : i32} : !llvm.ptr<i32> {
// CHECK-NEXT: %0 = llvm.mlir.addressof @g2 : !llvm.ptr<i32>
// CHECK-NEXT: %1 = llvm.mlir.constant(2 : i32) : i32
// CHECK-NEXT: %2 = llvm.getelementptr %0[%1] : (!llvm.ptr<i32>, i32) -> !llvm.ptr<i32>
// CHECK-NEXT: llvm.return %2 : !llvm.ptr<i32>
// CHECK-NEXT: }
// CHECK-NEXT: llvm.mlir.global external @g2(0 : i32) {addr_space = 0 : i32} : i32
// CHECK-NEXT: llvm.mlir.global_ctors {ctors = [@ctor], priorities = [0 : i32]}
// CHECK-NEXT: llvm.mlir.global_dtors {dtors = [@ctor], priorities = [1 : i32]}
// CHECK-NEXT: llvm.func @ctor() {
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func internal fastcc @attrs(%arg0: !llvm.ptr {llvm.align = 16 : i64, llvm.noalias, llvm.nocapture, llvm.readonly}, %arg1: i32) -> i32 attributes {llvm.emit_c_interface, passthrough = ["noinline"]} {
// CHECK-NEXT: %0 = llvm.mlir.addressof @attrs : !llvm.ptr<func<i32 (ptr, i32)>>
// CHECK-NEXT: llvm.return %arg1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func weak @weak_fn() {
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func extern_weak @maybe()
// CHECK-NEXT: llvm.func @asm_and_varargs(%arg0: !llvm.ptr<i8>, %arg1: !llvm.ptr<i8>, %arg2: i32) {
// CHECK-NEXT: %0 = llvm.inline_asm has_side_effects "nop", "=r"  : () -> i32
// CHECK-NEXT: %1 = llvm.inline_asm is_align_stack asm_dialect = intel "mov $0, $1", "=r,r" %arg2 : (i32) -> i32
// CHECK-NEXT: llvm.intr.vastart %arg0
// CHECK-NEXT: llvm.intr.vacopy %arg0 to %arg1
// CHECK-NEXT: llvm.intr.vaend %arg0
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }

llvm.func @arith(%a: f32, %b: f32, %i: i32, %j: i64, %v: vector<4xf32>, %vi: vector<4xi32>, %p: !llvm.ptr<f32>, %q: !llvm.ptr) -> f32 {
  %0 = llvm.add %i, %i : i32
  %1 = llvm.sub %i, %i : i32
  %2 = llvm.mul %vi, %vi : vector<4xi32>
  %3 = llvm.udiv %i, %i : i32
  %4 = llvm.sdiv %i, %i : i32
  %5 = llvm.urem %i, %i : i32
  %6 = llvm.srem %i, %i : i32
  %7 = llvm.and %i, %i : i32
  %8 = llvm.or %i, %i : i32
  %9 = llvm.xor %i, %i {tag = "keep"} : i32
  %10 = llvm.shl %i, %i : i32
  %11 = llvm.lshr %i, %i : i32
  %12 = llvm.ashr %i, %i : i32
  %13 = llvm.fadd %a, %b : f32
  %14 = llvm.fsub %a, %b {fastmathFlags = #llvm.fastmath<nnan, ninf>} : f32
  %15 = llvm.fmul %v, %v {fastmathFlags = #llvm.fastmath<fast>} : vector<4xf32>
  %16 = llvm.fdiv %a, %b : f32
  %17 = llvm.frem %a, %b : f32
  %18 = llvm.fneg %a {fastmathFlags = #llvm.fastmath<contract>} : f32
  %19 = llvm.icmp "ult" %i, %i : i32
  %20 = llvm.icmp "eq" %p, %p : !llvm.ptr<f32>
  %21 = llvm.fcmp "oeq" %v, %v : vector<4xf32>
  %22 = llvm.fcmp "_true" %a, %b {fastmathFlags = #llvm.fastmath<nsz>} : f32
  %23 = llvm.bitcast %i : i32 to f32
  %24 = llvm.addrspacecast %q : !llvm.ptr to !llvm.ptr<1>
  %25 = llvm.inttoptr %j : i64 to !llvm.ptr<f32>
  %26 = llvm.ptrtoint %p : !llvm.ptr<f32> to i64
  %27 = llvm.sext %i : i32 to i64
  %28 = llvm.zext %i : i32 to i64
  %29 = llvm.trunc %j : i64 to i32
  %30 = llvm.sitofp %i : i32 to f32
  %31 = llvm.uitofp %vi : vector<4xi32> to vector<4xf32>
  %32 = llvm.fptosi %a : f32 to i32
  %33 = llvm.fptoui %a : f32 to i64
  %34 = llvm.fpext %a : f32 to f64
  %35 = llvm.fptrunc %34 : f64 to f16
  %36 = llvm.select %19, %a, %b : i1, f32
  %37 = llvm.select %21, %v, %v : vector<4xi1>, vector<4xf32>
  %38 = llvm.freeze %a : f32
  llvm.return %13 : f32
}

llvm.func @memory(%n: i64, %i: i32, %p: !llvm.ptr<f32>, %q: !llvm.ptr, %pi: !llvm.ptr<i32>, %f: f32) {
  %a = llvm.alloca %n x f32 {alignment = 16 : i64} : (i64) -> !llvm.ptr<f32>
  %b = llvm.alloca %n x !llvm.struct<(i32, array<4 x f32>)> : (i64) -> !llvm.ptr
  %c = llvm.alloca %n x f32 {alignment = 0 : i64} : (i64) -> !llvm.ptr<f32>
  %v = llvm.load %p : !llvm.ptr<f32>
  %w = llvm.load volatile %q {alignment = 4 : i64, nontemporal} : !llvm.ptr -> f32
  llvm.store %v, %p : !llvm.ptr<f32>
  llvm.store volatile %w, %q {alignment = 8 : i64} : f32, !llvm.ptr
  %g = llvm.getelementptr inbounds %b[0, 1, %i] : (!llvm.ptr, i32) -> !llvm.ptr, !llvm.struct<(i32, array<4 x f32>)>
  %h = llvm.getelementptr %p[%n] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
  %k = llvm.getelementptr %p[-1] : (!llvm.ptr<f32>) -> !llvm.ptr<f32>
  %o = llvm.atomicrmw add %pi, %i acq_rel : i32
  %o2 = llvm.atomicrmw _xor %pi, %i monotonic : i32
  %o3 = llvm.atomicrmw fadd %p, %f seq_cst : f32
  %o4 = llvm.atomicrmw xchg %pi, %i release : i32
  %x = llvm.cmpxchg %pi, %i, %i acq_rel monotonic : i32
  llvm.fence syncscope("agent") seq_cst
  llvm.fence release
  llvm.return
}

func.func @aggregates(%s: !llvm.struct<(i32, array<4 x f32>)>, %x: f32, %v: vector<4xf32>, %i: i32, %pv: !llvm.vec<2 x ptr<f32>>) {
  %0 = llvm.extractvalue %s[1, 0] : !llvm.struct<(i32, array<4 x f32>)>
  %1 = llvm.insertvalue %x, %s[1, 2] : !llvm.struct<(i32, array<4 x f32>)>
  %2 = llvm.extractelement %v[%i : i32] : vector<4xf32>
  %3 = llvm.insertelement %x, %v[%i : i32] : vector<4xf32>
  %4 = llvm.shufflevector %v, %v [0, 4, 1, 5, 2, 6, 3, 7] : vector<4xf32>
  %5 = llvm.shufflevector %pv, %pv [0, 1, 3] : !llvm.vec<2 x ptr<f32>>
  %6 = llvm.mlir.undef : !llvm.struct<(i32, f32)>
  %7 = llvm.mlir.constant(dense<1.0> : vector<4xf32>) : vector<4xf32>
  %8 = llvm.mlir.constant(42) : i64
  %9 = llvm.mlir.constant(2.5 : f32) : f32
  %10 = llvm.mlir.null : !llvm.ptr<f32>
  return
}

llvm.func @control(%c: i1, %i: i32, %f: f32) -> f32 {
  llvm.cond_br %c, ^bb1(%f : f32), ^bb2
^bb1(%x: f32):
  llvm.br ^bb3(%x : f32)
^bb2:
  llvm.switch %i : i32, ^bb3(%f : f32) [
    1: ^bb1(%f : f32),
    -1: ^bb4
  ]
^bb3(%y: f32):
  llvm.cond_br %c weights(dense<[3, 1]> : vector<2xi32>), ^bb4, ^bb5
^bb4:
  llvm.unreachable
^bb5:
  llvm.switch %i : i32, ^bb6 [
  ]
^bb6:
  llvm.return %y : f32
}

llvm.func @callee(i32) -> f32
llvm.func @sink(f32)
llvm.func @printf(!llvm.ptr<i8>, ...) -> i32
llvm.func @__gxx_personality_v0(...) -> i32

llvm.func @calls(%i: i32, %fp: !llvm.ptr<func<f32 (i32)>>, %s: !llvm.ptr<i8>) -> f32 {
  %0 = llvm.call @callee(%i) : (i32) -> f32
  llvm.call @sink(%0) {fastmathFlags = #llvm.fastmath<fast>} : (f32) -> ()
  %1 = llvm.call %fp(%i) : (i32) -> f32
  %2 = llvm.call @printf(%s, %i, %0) : (!llvm.ptr<i8>, i32, f32) -> i32
  llvm.return %1 : f32
}

llvm.mlir.global external constant @_ZTIi() : !llvm.ptr<i8>

llvm.func @exceptions(%i: i32) -> f32 attributes {personality = @__gxx_personality_v0} {
  %1 = llvm.mlir.addressof @_ZTIi : !llvm.ptr<ptr<i8>>
  %2 = llvm.bitcast %1 : !llvm.ptr<ptr<i8>> to !llvm.ptr<i8>
  %4 = llvm.mlir.null : !llvm.ptr<i8>
  %0 = llvm.invoke @callee(%i) to ^bb1 unwind ^bb2 : (i32) -> f32
^bb1:
  llvm.return %0 : f32
^bb2:
  %3 = llvm.landingpad cleanup (catch %2 : !llvm.ptr<i8>) (catch %4 : !llvm.ptr<i8>) : !llvm.struct<(ptr<i8>, i32)>
  llvm.resume %3 : !llvm.struct<(ptr<i8>, i32)>
}

llvm.mlir.global internal constant @cst(42 : i32) : i32
llvm.mlir.global @str("abc")
llvm.mlir.global private unnamed_addr constant @y(dense<1.0> : tensor<8xf32>) {alignment = 32 : i64} : !llvm.array<8 x f32>
llvm.mlir.global local_unnamed_addr @z(0 : i64) : i64
llvm.mlir.global external thread_local @tl() : i64
llvm.mlir.global linkonce @init() : !llvm.ptr<i32> {
  %0 = llvm.mlir.addressof @g2 : !llvm.ptr<i32>
  %1 = llvm.mlir.constant(2 : i32) : i32
  %2 = llvm.getelementptr %0[%1] : (!llvm.ptr<i32>, i32) -> !llvm.ptr<i32>
  llvm.return %2 : !llvm.ptr<i32>
}
llvm.mlir.global @g2(0 : i32) {addr_space = 0 : i32} : i32
llvm.mlir.global_ctors {ctors = [@ctor], priorities = [0 : i32]}
llvm.mlir.global_dtors {dtors = [@ctor], priorities = [1 : i32]}
llvm.func @ctor() {
  llvm.return
}

llvm.func internal fastcc @attrs(%a: !llvm.ptr {llvm.noalias, llvm.nocapture, llvm.readonly, llvm.align = 16 : i64}, %b: i32) -> i32 attributes {llvm.emit_c_interface, passthrough = ["noinline"]} {
  %0 = llvm.mlir.addressof @attrs : !llvm.ptr<func<i32 (ptr, i32)>>
  llvm.return %b : i32
}
llvm.func weak @weak_fn() {
  llvm.return
}
llvm.func extern_weak @maybe()

llvm.func @asm_and_varargs(%ap: !llvm.ptr<i8>, %bp: !llvm.ptr<i8>, %i: i32) {
  %0 = llvm.inline_asm has_side_effects "nop", "=r" : () -> i32
  %1 = llvm.inline_asm is_align_stack asm_dialect = intel "mov $0, $1", "=r,r" %i : (i32) -> i32
  llvm.intr.vastart %ap
  llvm.intr.vacopy %ap to %bp
  llvm.intr.vaend %ap
  llvm.return
}
