/**
 * The harness of the model-file fuzz tests (GGUF, safetensors): every case is written to a file and opened with the
 * reader, which must either parse it — and then every tensor view it gives must lie inside the mapping — or throw
 * its own format error; any other exception fails the test. It counts the cases, keeps the slowest, and checks at
 * the end that RSS grew little (no allocation sized by a corrupt header) and that no case was slow (no hang).
 *
 *   const fuzz = fileFuzzer({ dir, ext: "gguf", open: openGGUF, error: GGUFError, tensors: (f) => f.tensors, touch });
 *   test.before(fuzz.startMeasuring);
 *   test("random byte flips ...", () => fuzz.byteFlips(valid, RUNS, 9));
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as assert from "uvu/assert";

export interface FileFuzzSpec<F extends { close(): void }, T> {
  /** The temp directory cases are written to, and the files' extension. */
  readonly dir: string;
  readonly ext: string;
  readonly open: (path: string) => F;
  /** The reader's format error: the only exception a case may end with. */
  readonly error: abstract new (...args: never[]) => Error;
  readonly tensors: (file: F) => readonly T[];
  /** Reads one tensor's data and checks its view (a format error here is accepted too). */
  readonly touch: (file: F, tensor: T) => void;
}

export interface FileFuzz {
  /** Opens `bytes` as a file: a parse (touching every tensor) or the format error; anything else fails the test. */
  check(bytes: Uint8Array): void;
  /** `bytes` must give the format error, with a message matching `pattern`. */
  expectError(bytes: Uint8Array, pattern: RegExp): void;
  /** Writes `bytes` to a file of its own and returns its path. */
  writeCase(bytes: Uint8Array, name: string): string;
  /** Up to 6 random byte flips of `valid`, `runs` times. */
  byteFlips(valid: Uint8Array, runs: number, seed: number): void;
  /** Random cuts of `valid`, and every cut of its first `headerBytes` bytes. */
  truncations(valid: Uint8Array, runs: number, seed: number, headerBytes: number): void;
  /** Starts the RSS and time measurement (call when the file's tests start: the suite imports every file first). */
  startMeasuring(): void;
  /** Prints the totals and checks them: at least `minCases` cases, RSS growth under 64 MiB, no case over 200 ms. */
  assertBounded(label: string, minCases: number): void;
  readonly parsed: number;
}

export function fileFuzzer<F extends { close(): void }, T>(spec: FileFuzzSpec<F, T>): FileFuzz {
  let cases = 0;
  let parsed = 0;
  let slowest = 0;
  let rssBefore = 0;
  let t0 = 0;
  const isFormatError = (e: unknown): boolean => e instanceof spec.error;
  const writeCase = (bytes: Uint8Array, name: string): string => {
    const path = join(spec.dir, `${name}.${spec.ext}`);
    writeFileSync(path, bytes);
    return path;
  };
  const check = (bytes: Uint8Array): void => {
    const path = writeCase(bytes, "case");
    const start = performance.now();
    cases++;
    try {
      const f = spec.open(path);
      try {
        parsed++;
        for (const t of spec.tensors(f)) {
          try {
            spec.touch(f, t);
          } catch (e) {
            if (!isFormatError(e)) throw e;
          }
        }
      } finally {
        f.close();
      }
    } catch (e) {
      if (!isFormatError(e)) throw new Error(`not a ${spec.error.name}: ${e instanceof Error ? e.stack : String(e)}`);
      assert.ok((e as Error).message.length > 0);
    }
    slowest = Math.max(slowest, performance.now() - start);
  };
  return {
    check,
    writeCase,
    expectError(bytes, pattern) {
      const path = writeCase(bytes, "explicit");
      let error: unknown;
      try {
        spec.open(path).close();
      } catch (e) {
        error = e;
      }
      assert.ok(isFormatError(error), `expected a ${spec.error.name} matching ${pattern}, got ${String(error)}`);
      assert.ok(pattern.test((error as Error).message), `${(error as Error).message} does not match ${pattern}`);
    },
    byteFlips(valid, runs, seed) {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }), (flips) => {
          const bytes = valid.slice();
          for (const [at, x] of flips) bytes[at] = (bytes[at] as number) ^ x;
          check(bytes);
        }),
        { numRuns: runs, seed },
      );
    },
    truncations(valid, runs, seed, headerBytes) {
      fc.assert(fc.property(fc.nat(valid.length - 1), (n) => check(valid.subarray(0, n))), { numRuns: Math.ceil(runs / 2), seed });
      for (let n = 0; n < headerBytes; n++) check(valid.subarray(0, n));
    },
    startMeasuring() {
      rssBefore = process.memoryUsage().rss;
      t0 = performance.now();
    },
    assertBounded(label, minCases) {
      const growth = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
      console.log(`  ${label} fuzz: ${cases} cases (${parsed} parsed) in ${((performance.now() - t0) / 1000).toFixed(2)} s, slowest ${slowest.toFixed(1)} ms, RSS growth ${growth.toFixed(1)} MiB`);
      assert.ok(cases > minCases, `${cases} cases`);
      assert.ok(growth < 64, `RSS grew ${growth.toFixed(1)} MiB`);
      assert.ok(slowest < 200, `slowest case ${slowest.toFixed(1)} ms`);
    },
    get parsed() {
      return parsed;
    },
  };
}

/** Little-endian bytes for hand-made headers. */
export const u32 = (v: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return b;
};
export const u64 = (v: bigint): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
};
export const cat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
