// RUN: tensile-opt %s --allow-unregistered-dialect --symbol-dce | FileCheck %s

// Public symbols are roots; private ones live while something live refers to them (a call, a
// func.constant, any attribute of an op that is not a symbol, a nested reference @a::@b).
// CHECK-NOT:   @dead
// CHECK-LABEL: func.func private @used()
// CHECK-NOT:   @nested_visibility
// CHECK-LABEL: func.func @main()
// CHECK-NEXT:    call @used() : () -> ()
// CHECK-NEXT:    constant @by_constant
// CHECK-LABEL: func.func private @by_constant()
func.func private @dead() {
  return
}
func.func private @dead_declaration(i32) -> i32
func.func private @used_only_by_dead() {
  return
}
func.func private @dead_caller() {
  call @used_only_by_dead() : () -> ()
  return
}
func.func private @used() {
  return
}
func.func nested @nested_visibility() {
  return
}
func.func @main() {
  call @used() : () -> ()
  %f = constant @by_constant : () -> ()
  return
}
func.func private @by_constant() {
  return
}

// Nested symbol tables: their own private symbols follow the same rule; a private module nothing refers
// to goes whole.
// CHECK-LABEL: module @inner
// CHECK-NOT:     @inner_dead
// CHECK:         func.func @inner_public()
// CHECK-NOT:   @hidden_module
module @inner {
  func.func private @inner_dead() {
    return
  }
  func.func nested @inner_nested() {
    return
  }
  func.func @inner_public() {
    return
  }
}
module @hidden_module attributes {sym_visibility = "private"} {
  func.func @x() {
    return
  }
}

// An op that is not a symbol keeps what its attributes name.
// CHECK:       "test.keep"() {refs = [@kept, @inner::@inner_public]}
// CHECK:       func.func private @kept()
"test.keep"() {refs = [@kept, @inner::@inner_public]} : () -> ()
func.func private @kept() {
  return
}
