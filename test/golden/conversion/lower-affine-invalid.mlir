// RUN: tensile-opt %s --split-input-file --verify-diagnostics --lower-affine
// Affine ops lower-affine cannot lower fail the pass, named. (mlir-opt-16 reports the first as an error too, and
// leaves both ops in place.)

func.func @mod_by_negative(%i: index) -> index {
  // expected-error @+1 {{'affine.apply' could not be lowered by lower-affine: an expression has a mod, floordiv or ceildiv by a non-positive constant (modulo by non-positive value is not supported)}}
  %0 = affine.apply affine_map<(d0) -> (d0 mod -2)>(%i)
  return %0 : index
}

// -----

func.func @delinearize(%i: index) -> (index, index) {
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  // expected-error @+1 {{'affine.delinearize_index' could not be lowered by lower-affine: it has no lowering in lower-affine (MLIR 16 expands it with affine-expand-index-ops)}}
  %0:2 = affine.delinearize_index %i into (%c4, %c8) : index, index
  return %0#0, %0#1 : index, index
}
