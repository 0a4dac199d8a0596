/**
 * Writing compiler outputs: to a temporary sibling first, then renamed over the destination, so a reader (a
 * linker, a loader, a cache lookup) never sees a half-written object and a failed write leaves nothing behind.
 */
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";

/** A path beside `path` (same directory, so the rename stays on one file system) that nothing else uses. */
export function temporarySibling(path: string): string {
  return `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}

/** Runs `produce(temporaryPath)` and renames its output to `path`; removes the temporary on failure. */
export function writeThroughTemporary(path: string, produce: (temporaryPath: string) => void): void {
  const temporary = temporarySibling(path);
  try {
    produce(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  writeThroughTemporary(path, (temporary) => writeFileSync(temporary, data));
}
