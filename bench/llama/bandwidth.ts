/**
 * The machine's read bandwidth, measured beside the engines (it drifts up to 2x within minutes here, so each
 * decode figure is compared with a measurement taken just before it): read-bandwidth.c, compiled once per run by
 * clang-14, streams through a buffer far larger than the caches with 1 or more threads (see its header).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const source = join(import.meta.dirname, "read-bandwidth.c");

/** Compiles the kernel into `dir`; returns the executable's path. */
export function compileBandwidthKernel(dir: string): string {
  const exe = join(dir, "read-bandwidth");
  const r = spawnSync("clang-14", ["-O3", "-march=native", "-ffast-math", "-pthread", source, "-o", exe], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`clang-14 could not compile ${source}:\n${r.stderr}${r.error?.message ?? ""}`);
  return exe;
}

/** Bytes per second of the best of `passes` sweeps over `mib` MiB with `threads` threads. */
export function measureReadBandwidth(exe: string, threads: number, mib: number, passes = 5): number {
  const r = spawnSync(exe, [String(mib), String(threads), String(passes)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${exe} failed (${r.status}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { bytesPerSecond: number };
  return out.bytesPerSecond;
}
