/** `--split-input-file`: one text, several independent inputs separated by `// -----` lines. */

export interface SourceChunk {
  readonly text: string;
  /** The 1-based line of the whole file that is line 1 of this chunk (the marker's line after the first). */
  readonly firstLine: number;
}

const splitMarker = "// -----";

/**
 * Splits like MLIR 16's `--split-input-file`: at every `// -----`, even mid-line; what follows the marker on
 * its line belongs to the next chunk, so chunk line numbers stay aligned with the file's. A marker with
 * nothing after it (end of file) does not split.
 */
export function splitInputFile(text: string): SourceChunk[] {
  const chunks: SourceChunk[] = [];
  let start = 0;
  let firstLine = 1;
  for (;;) {
    const at = text.indexOf(splitMarker, start);
    if (at < 0 || at + splitMarker.length >= text.length) break;
    chunks.push({ text: text.slice(start, at), firstLine });
    firstLine += countNewlines(text, start, at);
    start = at + splitMarker.length;
  }
  chunks.push({ text: text.slice(start), firstLine });
  return chunks;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
