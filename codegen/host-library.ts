/**
 * Loading a host shared object (codegen/link.ts, linkSharedObject) into this process with koffi and calling
 * its functions: typed arrays pass zero-copy (the C code sees their memory). The seed of the runtime: loading
 * is refused when the host cannot run the code's target (an AVX512 object on a CPU without AVX512).
 */
import koffi from "koffi";
import { assertCanRunOnHost, type HostDescription, hostDescription, type TargetDescription } from "./target.ts";

export type NativeFunction = (...args: unknown[]) => unknown;

export interface HostLibrary {
  readonly path: string;
  /** A C prototype, e.g. `void saxpy(float *x, float *y, float a, int64_t n)`. */
  func(prototype: string): NativeFunction;
  unload(): void;
}

export function loadHostLibrary(path: string, target: TargetDescription, host: HostDescription = hostDescription()): HostLibrary {
  assertCanRunOnHost(target, host);
  const library = koffi.load(path);
  let loaded = true;
  return {
    path,
    func(prototype: string): NativeFunction {
      if (!loaded) throw new Error(`${path} was unloaded`);
      return library.func(prototype) as NativeFunction;
    },
    unload(): void {
      if (loaded) library.unload();
      loaded = false;
    },
  };
}
