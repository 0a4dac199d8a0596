// Scalar code: arith and math on plain numbers, with structured control flow (scf.if, scf.while).
// Public functions get a C interface (`_mlir_ciface_<name>`) and take and return scalars by value.
//
//   npx tensile compile examples/scalar.mlir --target host           # writes examples/scalar.o
//   npx tensile compile examples/scalar.mlir --target riscv64-rvv -o scalar-rv.o
//   npx tensile run examples/scalar.mlir --fn gcd --args 84 36
//   npx tensile run examples/scalar.mlir --fn smoothstep --args 0.25
//   npx tensile run examples/scalar.mlir --fn bits --args 2026
//   npx tensile run examples/scalar.mlir --fn hypot --args 3 4
//   npx tensile run examples/scalar.mlir --fn powers --args 3 5 1.5 -3

// Euclid's algorithm on unsigned 64-bit integers: while (b != 0) (a, b) = (b, a mod b).
func.func @gcd(%a: i64, %b: i64) -> i64 {
  %zero = arith.constant 0 : i64
  %r:2 = scf.while (%x = %a, %y = %b) : (i64, i64) -> (i64, i64) {
    %more = arith.cmpi ne, %y, %zero : i64
    scf.condition(%more) %x, %y : i64, i64
  } do {
  ^bb0(%x: i64, %y: i64):
    %m = arith.remui %x, %y : i64
    scf.yield %y, %m : i64, i64
  }
  return %r#0 : i64
}

// 3t² - 2t³ for t clamped to [0, 1], with a fused multiply-add: t² · (3 - 2t).
func.func @smoothstep(%x: f32) -> f32 {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %three = arith.constant 3.0 : f32
  %lo = arith.maxf %x, %zero : f32
  %t = arith.minf %lo, %one : f32
  %t2 = arith.mulf %t, %t : f32
  %m2t = arith.negf %two : f32
  %k = math.fma %m2t, %t, %three : f32
  %r = arith.mulf %t2, %k : f32
  return %r : f32
}

// Bit counts of a 32-bit integer: set bits (ctpop) times 100 plus leading zeros (ctlz), or -1 for zero.
func.func @bits(%x: i32) -> i32 {
  %zero = arith.constant 0 : i32
  %is_zero = arith.cmpi eq, %x, %zero : i32
  %r = scf.if %is_zero -> (i32) {
    %m1 = arith.constant -1 : i32
    scf.yield %m1 : i32
  } else {
    %pop = math.ctpop %x : i32
    %lz = math.ctlz %x : i32
    %c100 = arith.constant 100 : i32
    %p = arith.muli %pop, %c100 : i32
    %s = arith.addi %p, %lz : i32
    scf.yield %s : i32
  }
  return %r : i32
}

// √(x² + y²) in f64, scaled by the larger magnitude so that the squares neither overflow nor underflow.
func.func @hypot(%x: f64, %y: f64) -> f64 {
  %ax = math.absf %x : f64
  %ay = math.absf %y : f64
  %big = arith.maxf %ax, %ay : f64
  %small = arith.minf %ax, %ay : f64
  %zero = arith.constant 0.0 : f64
  %is_zero = arith.cmpf oeq, %big, %zero : f64
  %r = scf.if %is_zero -> (f64) {
    scf.yield %zero : f64
  } else {
    %q = arith.divf %small, %big : f64
    %one = arith.constant 1.0 : f64
    %q2 = math.fma %q, %q, %one : f64
    %s = math.sqrt %q2 : f64
    %h = arith.mulf %big, %s : f64
    scf.yield %h : f64
  }
  return %r : f64
}

// Integer powers: math.ipowi (i32; wraps on overflow like a multiplication) and math.fpowi (an f64 raised to an
// integer; a negative exponent gives 1 / x^|n|). convert-math-to-funcs turns each into a call of an outlined
// square-and-multiply function (__mlir_math_ipowi_i32, __mlir_math_fpowi_f64_i32), as MLIR does.
func.func @powers(%x: i32, %n: i32, %y: f64, %m: i32) -> (i32, f64) {
  %a = math.ipowi %x, %n : i32
  %b = math.fpowi %y, %m : f64, i32
  return %a, %b : i32, f64
}
