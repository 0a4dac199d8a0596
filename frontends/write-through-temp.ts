/**
 * Writing a file so that no reader ever sees it half-written: the content goes to `path.tmp-<pid>`, which is
 * renamed onto `path` once complete (rename is atomic within a file system); on failure the temporary file is
 * removed and `path` is untouched. Used by the model file writers (frontends/gguf, frontends/safetensors).
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";

/** Writes all of `bytes` at `position` of `fd` (writeSync may write less than asked). */
export function writeAllAt(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/** Calls `write(fd)` on a fresh temporary file, then renames it onto `path`. */
export function writeThroughTemp(path: string, write: (fd: number) => void): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, "w");
  try {
    write(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    try { closeSync(fd); } catch { /* already closed */ }
    rmSync(tmp, { force: true });
    throw e;
  }
}
