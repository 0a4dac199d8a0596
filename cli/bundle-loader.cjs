// Loads tensile-opt's start-up bundle (built by cli/bundle.mjs, which explains it) when it is fresh: the
// part of the bundle's code that runs at every start of the CLI. CommonJS, required by cli/tensile-opt.js:
// Node 20 reads an ES module through its asynchronous loader (a second file read through the thread pool)
// and gives it an ES facade of each built-in it imports (node:fs's loads the streams library).
"use strict";
const { closeSync, fstatSync, openSync, readFileSync, statSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join, sep } = require("node:path");
const { constants: vmConstants, Script } = require("node:vm");

const root = join(__dirname, "..");
const buildDir = join(root, "build");
const bundleIn = (dir) => join(dir, "tensile-opt.cjs");
const codeCacheIn = (dir) => join(dir, "tensile-opt.v8-cache");
const manifestIn = (dir) => join(dir, "tensile-opt.manifest.json");
const bundleFile = bundleIn(buildDir);

const sameFile = (s, recorded) => recorded !== undefined && s.size === recorded.size && s.mtimeMs === recorded.mtimeMs;
const fileRecord = (s) => ({ size: s.size, mtimeMs: s.mtimeMs });

/**
 * The manifest of the bundle in `dir` when the bundle is fresh (none of the files it was built from changed
 * since, by size and mtime: about a hundred and fifty stats, a millisecond or two), else undefined.
 */
function freshManifest(dir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestIn(dir), "utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(manifest.inputs) || manifest.bundle === undefined) return undefined;
  // The recorded paths are relative to the root and normalized: joined by hand, as path.resolve's
  // normalizing would cost more than the stats themselves.
  const prefix = `${root}${sep}`;
  try {
    for (const { path, size, mtimeMs } of manifest.inputs) {
      const s = statSync(prefix + path, { throwIfNoEntry: false });
      if (s === undefined || s.size !== size || s.mtimeMs !== mtimeMs) return undefined;
    }
  } catch {
    return undefined; // unreadable: as good as changed
  }
  return manifest;
}

/**
 * The contents of `path` if it is the file `recorded` describes (size and mtime), read from the same open
 * file as the check, so that a file replaced meanwhile is never read as the recorded one.
 */
function readRecorded(path, recorded, encoding) {
  let fd;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined;
  }
  try {
    return sameFile(fstatSync(fd), recorded) ? readFileSync(fd, encoding) : undefined;
  } finally {
    closeSync(fd);
  }
}

/** True when the bundle in `dir` exists, is the one its manifest describes, and its sources did not change. */
function isBundleFresh(dir = buildDir) {
  const manifest = freshManifest(dir);
  if (manifest === undefined) return false;
  try {
    return sameFile(statSync(bundleIn(dir)), manifest.bundle);
  } catch {
    return false;
  }
}

/** Compiles (with the code cache when it is this bundle's) and runs the bundle: its exports and the script. */
function runBundle(dir, source, cachedData) {
  const file = bundleIn(dir);
  // The CommonJS wrapper Node itself would use; the bundle was built as a CommonJS module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: file,
    cachedData,
    // A dynamic import() in the bundle resolves as it would in a module of its own (Node's default loader).
    importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const codeCache = cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "used";
  return { exports: module.exports, script, codeCache };
}

/**
 * The bundle's exports (`{ main }`) when the bundle in `dir` is fresh, else undefined (the caller then runs
 * the sources). Uses the code cache built with the bundle when there is one; `codeCache` says whether V8
 * took it ("used"), refused it ("rejected": another Node or other V8 flags) or there was none ("none").
 */
function loadBundle(dir = buildDir) {
  const manifest = freshManifest(dir);
  if (manifest === undefined) return undefined;
  // An ASCII bundle is read as Latin-1: a one-byte string, without UTF-8 decoding (esbuild escapes non-ASCII
  // characters everywhere but in comments; one in a comment would make the bundle a two-byte string).
  const source = readRecorded(bundleIn(dir), manifest.bundle, manifest.ascii === true ? "latin1" : "utf8");
  if (source === undefined) return undefined;
  const cachedData = manifest.codeCache === undefined ? undefined : readRecorded(codeCacheIn(dir), manifest.codeCache);
  const { exports, codeCache } = runBundle(dir, source, cachedData);
  return { exports, codeCache };
}

module.exports = { root, bundleIn, codeCacheIn, manifestIn, bundleFile, sameFile, fileRecord, freshManifest, isBundleFresh, runBundle, loadBundle };
