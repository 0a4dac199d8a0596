// file: examples/dsl-mlp.ts
// A SwiGLU feed-forward block in the typed tensor DSL, traced to TOSA (run: node --import tsx examples/dsl-mlp.ts).
import * as t from "../frontends/dsl/index.ts";
import { printOp } from "../src/text/printer.ts";

const traced = t.trace(
  ({ x }, model) =>
    model.scope("layers.0.mlp", (mlp) => {
      const norm = t.rmsnorm(x, mlp.param("norm", "f32", [64]));
      const gate = mlp.scope("gate", (s) => t.linear(norm, s.param("weight", "f32", [64, 172])));
      const up = mlp.scope("up", (s) => t.linear(norm, s.param("weight", "f32", [64, 172])));
      const down = mlp.scope("down", (s) => t.linear(t.mul(t.silu(gate), up), s.param("weight", "f32", [172, 64])));
      return t.add(x, down); // t.add(x, gate) would not compile: shapes ['seq', 64] and ['seq', 172] do not broadcast
    }),
  { name: "mlp", inputs: { x: t.spec("f32", ["seq", 64]) }, dims: { seq: 4 } },
);
console.log(printOp(traced.module, { ctx: traced.ctx }));
