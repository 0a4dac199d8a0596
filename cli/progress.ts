/**
 * Progress on stderr for long CLI steps (compiling kernels, loading weights): on a terminal, one bar per phase
 * redrawn in place; anywhere else (a pipe, a file, a test), one plain line when a phase ends, so logs stay
 * readable.
 *
 *   compile [##############----------]  4/7  layer function, 32 tokens
 *   tensile llama: compile: 7 of 7 done in 12.3 s
 */
import type { Progress } from "../frontends/models/llama/types.ts";

/** Where progress goes: a stream's write, whether it is a terminal, and its width. */
export interface ProgressSink {
  readonly write: (text: string) => void;
  readonly isTTY: boolean;
  readonly columns?: number;
}

export interface ProgressReporter {
  /** One step of a phase; a bar on a terminal, nothing else until the phase ends (done = total, or `finish`). */
  readonly update: (p: Progress) => void;
  /** A one-line message (a phase of its own, e.g. "opened model.gguf"), below any bar. */
  readonly line: (text: string) => void;
  /** Ends the phase in progress, if any (its bar, or its plain line). */
  readonly finish: () => void;
}

const BAR_WIDTH = 24;

/** The bar's text: `phase [####------] done/total  label`, cut to `columns`. */
export function renderBar(p: Progress, columns = 80): string {
  if (!(columns > 10)) columns = 80; // a terminal that does not say its width (0 under `script`)
  const fraction = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 1;
  const filled = Math.round(fraction * BAR_WIDTH);
  const count = `${String(p.done).padStart(String(p.total).length)}/${p.total}`;
  const text = `${p.phase.padEnd(7)} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${count}  ${p.label}`;
  return text.length > columns - 1 ? text.slice(0, Math.max(0, columns - 1)) : text;
}

/** A reporter writing to `sink`; `prefix` starts plain lines (e.g. "tensile llama: "). `quiet`: nothing at all. */
export function progressReporter(sink: ProgressSink, prefix: string, quiet = false): ProgressReporter {
  let current: { phase: Progress["phase"]; started: number; last: Progress } | undefined;
  let barShown = false;
  const clearBar = (): void => {
    if (barShown) sink.write("\r\x1b[2K");
    barShown = false;
  };
  const finish = (): void => {
    if (current === undefined) return;
    const { last, started } = current;
    current = undefined;
    if (quiet) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (sink.isTTY) {
      clearBar();
      sink.write(`${renderBar({ ...last, done: last.total, label: `done in ${seconds} s` }, sink.columns)}\n`);
    } else {
      sink.write(`${prefix}${last.phase}: ${last.done} of ${last.total} done in ${seconds} s\n`);
    }
  };
  return {
    update(p) {
      if (current !== undefined && current.phase !== p.phase) finish();
      current ??= { phase: p.phase, started: performance.now(), last: p };
      current.last = p;
      if (!quiet && sink.isTTY) {
        sink.write(`\r\x1b[2K${renderBar(p, sink.columns)}`);
        barShown = true;
      }
      if (p.done >= p.total) finish();
    },
    line(text) {
      if (quiet) return;
      clearBar();
      sink.write(`${prefix}${text}\n`);
      if (current !== undefined && sink.isTTY) {
        sink.write(renderBar(current.last, sink.columns));
        barShown = true;
      }
    },
    finish,
  };
}
