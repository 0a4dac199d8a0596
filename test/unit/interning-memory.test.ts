/**
 * Interning keeps memory bounded: dense constants (held weakly) that are built and dropped are collected,
 * and so are the locations of a parsed file once nothing uses them.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { DenseElementsAttr } from "../../src/ir/attributes.ts";
import { fileLoc } from "../../src/ir/location.ts";
import { f32, tensor } from "../../src/ir/types.ts";

const test = suite("interning memory");

/** A full garbage collection, without starting node with --expose-gc. */
function collect(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

// WeakRef targets stay alive until the end of the current job, so the work is spread over several.
const nextJob = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test("many large dense constants built and dropped do not accumulate", async () => {
  const type = tensor([4096], f32); // 16 KB each
  collect();
  const before = process.memoryUsage().arrayBuffers;
  let kept: DenseElementsAttr | undefined;
  for (let batch = 0; batch < 40; batch++) {
    for (let i = 0; i < 100; i++) {
      const data = new Float32Array(4096);
      data[0] = batch * 1000 + i;
      data[1] = 1; // not a splat
      kept = DenseElementsAttr.get(type, data);
    }
    await nextJob();
  }
  collect();
  await nextJob();
  collect();
  const grown = process.memoryUsage().arrayBuffers - before;
  // 4000 constants of 16 KB were built (64 MB); only the last one is still referenced.
  assert.ok(grown < 16 * 1024 * 1024, `array buffers grew by ${(grown / 1e6).toFixed(1)} MB`);
  assert.is(kept?.at(0), 39 * 1000 + 99);
  const again = new Float32Array(4096);
  again[0] = 39 * 1000 + 99;
  again[1] = 1;
  assert.is(DenseElementsAttr.get(type, again), kept, "the live one is still interned");
});

test("file locations stay unique while used and are dropped with their file", async () => {
  const a = fileLoc("interning-memory.mlir", 1, 1);
  assert.is(fileLoc("interning-memory.mlir", 1, 1), a);
  const ref = new WeakRef(fileLoc("dropped.mlir", 7, 3));
  await nextJob();
  collect();
  await nextJob();
  collect();
  assert.is(ref.deref(), undefined, "an unused file's locations are collected");
  assert.is(fileLoc("interning-memory.mlir", 1, 1), a);
});

test.run();
