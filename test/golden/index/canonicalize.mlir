// RUN: tensile-opt %s --canonicalize | FileCheck %s
// index folds (MLIR 16's IndexOps.cpp): constants fold only when the result is the same for a 32- and a 64-bit
// index; shifts by 32 or more, division by zero, sizeof and casts never fold; there are no identity folds or
// canonicalization patterns. The CHECK lines are mlir-opt-16 --canonicalize's output for this file.
// (MLIR 16 crashes folding index.rems / index.remu by a zero constant, so no case here has one; Tensile leaves
// them alone: test/unit/index-fold.test.ts.)

// CHECK-LABEL: func.func @add_wrap(
// CHECK-NEXT: %idx-9223372036854775808 = index.constant -9223372036854775808
// CHECK-NEXT: return %idx-9223372036854775808 : index
func.func @add_wrap() -> index {
  %a = index.constant 9223372036854775807
  %b = index.constant 1
  %r = index.add %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @add_high(
// CHECK-NEXT: %idx68719476752 = index.constant 68719476752
// CHECK-NEXT: return %idx68719476752 : index
func.func @add_high() -> index {
  %a = index.constant 34359738376
  %b = index.constant 34359738376
  %r = index.add %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @sub(
// CHECK-NEXT: %idx-2 = index.constant -2
// CHECK-NEXT: return %idx-2 : index
func.func @sub() -> index {
  %a = index.constant 5
  %b = index.constant 7
  %r = index.sub %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @mul_wrap(
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: return %idx0 : index
func.func @mul_wrap() -> index {
  %a = index.constant 4294967296
  %b = index.constant 4294967296
  %r = index.mul %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @divs(
// CHECK-NEXT: %idx-3 = index.constant -3
// CHECK-NEXT: return %idx-3 : index
func.func @divs() -> index {
  %a = index.constant -7
  %b = index.constant 2
  %r = index.divs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @divs_min_neg_one(
// CHECK-NEXT: %idx-9223372036854775808 = index.constant -9223372036854775808
// CHECK-NEXT: return %idx-9223372036854775808 : index
func.func @divs_min_neg_one() -> index {
  %a = index.constant -9223372036854775808
  %b = index.constant -1
  %r = index.divs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @divs_by_zero(
// CHECK-NEXT: %idx7 = index.constant 7
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: %0 = index.divs %idx7, %idx0
// CHECK-NEXT: return %0 : index
func.func @divs_by_zero() -> index {
  %a = index.constant 7
  %b = index.constant 0
  %r = index.divs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @divs_high_bits(
// CHECK-NEXT: %idx4294967296 = index.constant 4294967296
// CHECK-NEXT: %idx2 = index.constant 2
// CHECK-NEXT: %0 = index.divs %idx4294967296, %idx2
// CHECK-NEXT: return %0 : index
func.func @divs_high_bits() -> index {
  %a = index.constant 4294967296
  %b = index.constant 2
  %r = index.divs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @divu_folds(
// CHECK-NEXT: %idx4294967297 = index.constant 4294967297
// CHECK-NEXT: return %idx4294967297 : index
func.func @divu_folds() -> index {
  %a = index.constant 8589934594
  %b = index.constant 2
  %r = index.divu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @divu_32_64_differ(
// CHECK-NEXT: %idx4294967298 = index.constant 4294967298
// CHECK-NEXT: %idx2 = index.constant 2
// CHECK-NEXT: %0 = index.divu %idx4294967298, %idx2
// CHECK-NEXT: return %0 : index
func.func @divu_32_64_differ() -> index {
  %a = index.constant 4294967298
  %b = index.constant 2
  %r = index.divu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @ceildivs_pos(
// CHECK-NEXT: %idx4 = index.constant 4
// CHECK-NEXT: return %idx4 : index
func.func @ceildivs_pos() -> index {
  %a = index.constant 7
  %b = index.constant 2
  %r = index.ceildivs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @ceildivs_neg(
// CHECK-NEXT: %idx-3 = index.constant -3
// CHECK-NEXT: return %idx-3 : index
func.func @ceildivs_neg() -> index {
  %a = index.constant -7
  %b = index.constant 2
  %r = index.ceildivs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @ceildivs_both_neg(
// CHECK-NEXT: %idx4 = index.constant 4
// CHECK-NEXT: return %idx4 : index
func.func @ceildivs_both_neg() -> index {
  %a = index.constant -7
  %b = index.constant -2
  %r = index.ceildivs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @ceildivs_zero_num(
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: return %idx0 : index
func.func @ceildivs_zero_num() -> index {
  %a = index.constant 0
  %b = index.constant -3
  %r = index.ceildivs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @ceildivs_by_zero(
// CHECK-NEXT: %idx5 = index.constant 5
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: %0 = index.ceildivs %idx5, %idx0
// CHECK-NEXT: return %0 : index
func.func @ceildivs_by_zero() -> index {
  %a = index.constant 5
  %b = index.constant 0
  %r = index.ceildivs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @ceildivu(
// CHECK-NEXT: %idx4 = index.constant 4
// CHECK-NEXT: return %idx4 : index
func.func @ceildivu() -> index {
  %a = index.constant 7
  %b = index.constant 2
  %r = index.ceildivu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @ceildivu_zero_num(
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: return %idx0 : index
func.func @ceildivu_zero_num() -> index {
  %a = index.constant 0
  %b = index.constant 5
  %r = index.ceildivu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @ceildivu_neg_one(
// CHECK-NEXT: %idx-1 = index.constant -1
// CHECK-NEXT: %idx2 = index.constant 2
// CHECK-NEXT: %0 = index.ceildivu %idx-1, %idx2
// CHECK-NEXT: return %0 : index
func.func @ceildivu_neg_one() -> index {
  %a = index.constant -1
  %b = index.constant 2
  %r = index.ceildivu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @floordivs_neg(
// CHECK-NEXT: %idx-4 = index.constant -4
// CHECK-NEXT: return %idx-4 : index
func.func @floordivs_neg() -> index {
  %a = index.constant -7
  %b = index.constant 2
  %r = index.floordivs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @floordivs_pos(
// CHECK-NEXT: %idx3 = index.constant 3
// CHECK-NEXT: return %idx3 : index
func.func @floordivs_pos() -> index {
  %a = index.constant 7
  %b = index.constant 2
  %r = index.floordivs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @floordivs_neg_divisor(
// CHECK-NEXT: %idx-4 = index.constant -4
// CHECK-NEXT: return %idx-4 : index
func.func @floordivs_neg_divisor() -> index {
  %a = index.constant 7
  %b = index.constant -2
  %r = index.floordivs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @floordivs_zero_num(
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: return %idx0 : index
func.func @floordivs_zero_num() -> index {
  %a = index.constant 0
  %b = index.constant 4
  %r = index.floordivs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @rems(
// CHECK-NEXT: %idx-1 = index.constant -1
// CHECK-NEXT: return %idx-1 : index
func.func @rems() -> index {
  %a = index.constant -7
  %b = index.constant 3
  %r = index.rems %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @rems_high(
// CHECK-NEXT: %idx4294967297 = index.constant 4294967297
// CHECK-NEXT: %idx3 = index.constant 3
// CHECK-NEXT: %0 = index.rems %idx4294967297, %idx3
// CHECK-NEXT: return %0 : index
func.func @rems_high() -> index {
  %a = index.constant 4294967297
  %b = index.constant 3
  %r = index.rems %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @remu(
// CHECK-NEXT: %idx1 = index.constant 1
// CHECK-NEXT: return %idx1 : index
func.func @remu() -> index {
  %a = index.constant 7
  %b = index.constant 3
  %r = index.remu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @remu_neg(
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: return %idx0 : index
func.func @remu_neg() -> index {
  %a = index.constant -1
  %b = index.constant 3
  %r = index.remu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @maxs(
// CHECK-NEXT: %idx2 = index.constant 2
// CHECK-NEXT: return %idx2 : index
func.func @maxs() -> index {
  %a = index.constant -3
  %b = index.constant 2
  %r = index.maxs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @maxs_32_64_differ(
// CHECK-NEXT: %idx4294967295 = index.constant 4294967295
// CHECK-NEXT: %idx1 = index.constant 1
// CHECK-NEXT: %0 = index.maxs %idx4294967295, %idx1
// CHECK-NEXT: return %0 : index
func.func @maxs_32_64_differ() -> index {
  %a = index.constant 4294967295
  %b = index.constant 1
  %r = index.maxs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @maxu(
// CHECK-NEXT: %idx-1 = index.constant -1
// CHECK-NEXT: return %idx-1 : index
func.func @maxu() -> index {
  %a = index.constant -1
  %b = index.constant 2
  %r = index.maxu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @mins(
// CHECK-NEXT: %idx-3 = index.constant -3
// CHECK-NEXT: return %idx-3 : index
func.func @mins() -> index {
  %a = index.constant -3
  %b = index.constant 2
  %r = index.mins %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @minu(
// CHECK-NEXT: %idx2 = index.constant 2
// CHECK-NEXT: return %idx2 : index
func.func @minu() -> index {
  %a = index.constant -1
  %b = index.constant 2
  %r = index.minu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @minu_32_64_differ(
// CHECK-NEXT: %idx4294967296 = index.constant 4294967296
// CHECK-NEXT: %idx1 = index.constant 1
// CHECK-NEXT: %0 = index.minu %idx4294967296, %idx1
// CHECK-NEXT: return %0 : index
func.func @minu_32_64_differ() -> index {
  %a = index.constant 4294967296
  %b = index.constant 1
  %r = index.minu %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @shl(
// CHECK-NEXT: %idx48 = index.constant 48
// CHECK-NEXT: return %idx48 : index
func.func @shl() -> index {
  %a = index.constant 3
  %b = index.constant 4
  %r = index.shl %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @shl_by_32(
// CHECK-NEXT: %idx1 = index.constant 1
// CHECK-NEXT: %idx32 = index.constant 32
// CHECK-NEXT: %0 = index.shl %idx1, %idx32
// CHECK-NEXT: return %0 : index
func.func @shl_by_32() -> index {
  %a = index.constant 1
  %b = index.constant 32
  %r = index.shl %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @shl_high_drop(
// CHECK-NEXT: %idx-9223372034707292160 = index.constant -9223372034707292160
// CHECK-NEXT: return %idx-9223372034707292160 : index
func.func @shl_high_drop() -> index {
  %a = index.constant 4294967297
  %b = index.constant 31
  %r = index.shl %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @shrs(
// CHECK-NEXT: %idx-4 = index.constant -4
// CHECK-NEXT: return %idx-4 : index
func.func @shrs() -> index {
  %a = index.constant -16
  %b = index.constant 2
  %r = index.shrs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @shrs_by_40(
// CHECK-NEXT: %idx-16 = index.constant -16
// CHECK-NEXT: %idx40 = index.constant 40
// CHECK-NEXT: %0 = index.shrs %idx-16, %idx40
// CHECK-NEXT: return %0 : index
func.func @shrs_by_40() -> index {
  %a = index.constant -16
  %b = index.constant 40
  %r = index.shrs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @shrs_high(
// CHECK-NEXT: %idx4294967296 = index.constant 4294967296
// CHECK-NEXT: return %idx4294967296 : index
func.func @shrs_high() -> index {
  %a = index.constant 8589934592
  %b = index.constant 1
  %r = index.shrs %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @shru(
// CHECK-NEXT: %idx4 = index.constant 4
// CHECK-NEXT: return %idx4 : index
func.func @shru() -> index {
  %a = index.constant 16
  %b = index.constant 2
  %r = index.shru %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @shru_neg(
// CHECK-NEXT: %idx-16 = index.constant -16
// CHECK-NEXT: %idx2 = index.constant 2
// CHECK-NEXT: %0 = index.shru %idx-16, %idx2
// CHECK-NEXT: return %0 : index
func.func @shru_neg() -> index {
  %a = index.constant -16
  %b = index.constant 2
  %r = index.shru %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @and(
// CHECK-NEXT: %idx8 = index.constant 8
// CHECK-NEXT: return %idx8 : index
func.func @and() -> index {
  %a = index.constant 12
  %b = index.constant 10
  %r = index.and %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @or(
// CHECK-NEXT: %idx14 = index.constant 14
// CHECK-NEXT: return %idx14 : index
func.func @or() -> index {
  %a = index.constant 12
  %b = index.constant 10
  %r = index.or %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @xor(
// CHECK-NEXT: %idx6 = index.constant 6
// CHECK-NEXT: return %idx6 : index
func.func @xor() -> index {
  %a = index.constant 12
  %b = index.constant 10
  %r = index.xor %a, %b
  return %r : index
}

// CHECK-LABEL: func.func @cmp_eq(
// CHECK-NEXT: %idx4294967296 = index.constant 4294967296
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: %0 = index.cmp eq(%idx4294967296, %idx0)
// CHECK-NEXT: return %0 : i1
func.func @cmp_eq() -> i1 {
  %a = index.constant 4294967296
  %b = index.constant 0
  %r = index.cmp eq(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @cmp_ne(
// CHECK-NEXT: %false = index.bool.constant false
// CHECK-NEXT: return %false : i1
func.func @cmp_ne() -> i1 {
  %a = index.constant 5
  %b = index.constant 5
  %r = index.cmp ne(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @cmp_slt(
// CHECK-NEXT: %true = index.bool.constant true
// CHECK-NEXT: return %true : i1
func.func @cmp_slt() -> i1 {
  %a = index.constant -1
  %b = index.constant 0
  %r = index.cmp slt(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @cmp_sle(
// CHECK-NEXT: %true = index.bool.constant true
// CHECK-NEXT: return %true : i1
func.func @cmp_sle() -> i1 {
  %a = index.constant 3
  %b = index.constant 3
  %r = index.cmp sle(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @cmp_sgt(
// CHECK-NEXT: %idx2147483648 = index.constant 2147483648
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: %0 = index.cmp sgt(%idx2147483648, %idx0)
// CHECK-NEXT: return %0 : i1
func.func @cmp_sgt() -> i1 {
  %a = index.constant 2147483648
  %b = index.constant 0
  %r = index.cmp sgt(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @cmp_sge(
// CHECK-NEXT: %false = index.bool.constant false
// CHECK-NEXT: return %false : i1
func.func @cmp_sge() -> i1 {
  %a = index.constant -5
  %b = index.constant -4
  %r = index.cmp sge(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @cmp_ult(
// CHECK-NEXT: %false = index.bool.constant false
// CHECK-NEXT: return %false : i1
func.func @cmp_ult() -> i1 {
  %a = index.constant -1
  %b = index.constant 0
  %r = index.cmp ult(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @cmp_ule(
// CHECK-NEXT: %true = index.bool.constant true
// CHECK-NEXT: return %true : i1
func.func @cmp_ule() -> i1 {
  %a = index.constant 1
  %b = index.constant 4294967297
  %r = index.cmp ule(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @cmp_ugt(
// CHECK-NEXT: %idx4294967296 = index.constant 4294967296
// CHECK-NEXT: %idx1 = index.constant 1
// CHECK-NEXT: %0 = index.cmp ugt(%idx4294967296, %idx1)
// CHECK-NEXT: return %0 : i1
func.func @cmp_ugt() -> i1 {
  %a = index.constant 4294967296
  %b = index.constant 1
  %r = index.cmp ugt(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @cmp_uge(
// CHECK-NEXT: %true = index.bool.constant true
// CHECK-NEXT: return %true : i1
func.func @cmp_uge() -> i1 {
  %a = index.constant 7
  %b = index.constant 7
  %r = index.cmp uge(%a, %b)
  return %r : i1
}

// CHECK-LABEL: func.func @no_identity_folds(
// CHECK-NEXT: %idx0 = index.constant 0
// CHECK-NEXT: %idx1 = index.constant 1
// CHECK-NEXT: %0 = index.add %arg0, %idx0
// CHECK-NEXT: %1 = index.mul %idx1, %arg0
// CHECK-NEXT: %2 = index.divs %arg0, %idx1
// CHECK-NEXT: %3 = index.sub %arg0, %arg0
// CHECK-NEXT: return %0, %1, %2, %3 : index, index, index, index
func.func @no_identity_folds(%x: index) -> (index, index, index, index) {
  %c0 = index.constant 0
  %c1 = index.constant 1
  %0 = index.add %x, %c0
  %1 = index.mul %c1, %x
  %2 = index.divs %x, %c1
  %3 = index.sub %x, %x
  return %0, %1, %2, %3 : index, index, index, index
}

// CHECK-LABEL: func.func @constant_lhs_stays(
// CHECK-NEXT: %idx5 = index.constant 5
// CHECK-NEXT: %0 = index.add %idx5, %arg0
// CHECK-NEXT: return %0 : index
func.func @constant_lhs_stays(%x: index) -> index {
  %c5 = index.constant 5
  %0 = index.add %c5, %x
  return %0 : index
}

// CHECK-LABEL: func.func @chain(
// CHECK-NEXT: %true = index.bool.constant true
// CHECK-NEXT: %idx72 = index.constant 72
// CHECK-NEXT: return %idx72, %true : index, i1
func.func @chain() -> (index, i1) {
  %c3 = index.constant 3
  %c4 = index.constant 4
  %0 = index.mul %c3, %c4
  %1 = index.sub %0, %c3
  %2 = index.shl %1, %c3
  %3 = index.cmp ugt(%2, %c4)
  return %2, %3 : index, i1
}

// CHECK-LABEL: func.func @not_folded(
// CHECK-NEXT: %idx7 = index.constant 7
// CHECK-NEXT: %0 = index.sizeof
// CHECK-NEXT: %1 = index.casts %arg0 : i32 to index
// CHECK-NEXT: %2 = index.castu %idx7 : index to i32
// CHECK-NEXT: return %0, %1, %2 : index, index, i32
func.func @not_folded(%i: i32) -> (index, index, i32) {
  %s = index.sizeof
  %c = index.casts %i : i32 to index
  %c7 = index.constant 7
  %t = index.castu %c7 : index to i32
  return %s, %c, %t : index, index, i32
}

// CHECK-LABEL: func.func @bool_constants(
// CHECK-NEXT: %true = index.bool.constant true
// CHECK-NEXT: %false = index.bool.constant false
// CHECK-NEXT: return %true, %false : i1, i1
func.func @bool_constants() -> (i1, i1) {
  %t = index.bool.constant true
  %f = index.bool.constant false
  return %t, %f : i1, i1
}

// CHECK-LABEL: func.func @dead_ops_removed(
// CHECK-NEXT: return %arg0 : index
func.func @dead_ops_removed(%x: index) -> index {
  %0 = index.add %x, %x
  %1 = index.divs %x, %x
  %2 = index.cmp eq(%x, %x)
  return %x : index
}
