// RUN: tensile-opt %s --reconcile-unrealized-casts --verify-diagnostics
// A cast whose result stays live in its converted type cannot be reconciled: the pass fails on it, as mlir-opt-16 does.

func.func @live(%a: i64) -> index {
  // expected-error @+1 {{failed to legalize operation 'builtin.unrealized_conversion_cast' that was explicitly marked illegal}}
  %0 = builtin.unrealized_conversion_cast %a : i64 to index
  return %0 : index
}
