/**
 * `npm run demo`: Tensile's main job — a LLaMA model compiled by Tensile to native code generates text.
 *
 *   npm run demo                                    # a random-weight LLaMA-2-vocabulary model (made once)
 *   npm run demo -- --model FILE.gguf               # the same command on your GGUF file
 *   npm run demo -- --prompt "Hello" --temp 0       # any `tensile llama` flag (tensile llama --help)
 *
 * Without `--model`, it writes (once, into the cache directory next to the compiled kernels) a GGUF file with
 * random weights, llama2.c's stories15M shape (dim 288, 6 layers, 6 heads, FFN 768) and the real LLaMA-2
 * vocabulary (no trained weights can be downloaded here, so the text is gibberish made of real pieces), then runs
 * exactly `tensile llama` on it: progress on stderr, the text streamed to stdout, the speed line at the end.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { main } from "../cli/tensile.ts";
import { defaultCacheDir } from "../codegen/compile.ts";
import { shapes, writeRandomLlamaGGUF } from "../frontends/models/llama/random-gguf.ts";

const DEMO_PROMPT = "Once upon a time, there was a little compiler";

const args = process.argv.slice(2);
if (!args.some((a) => a === "--model" || a.startsWith("--model="))) {
  const path = join(defaultCacheDir(), "models", "random-llama2-stories15M-f32.gguf");
  if (!existsSync(path)) {
    process.stderr.write(`demo: writing a random-weight LLaMA model with the LLaMA-2 vocabulary to ${path} (once)\n`);
    mkdirSync(dirname(path), { recursive: true });
    writeRandomLlamaGGUF(path, shapes.stories15M, { seed: 1, name: "tensile-demo (random weights)" });
  }
  args.unshift("--model", path);
}
if (!args.some((a) => a === "--prompt" || a.startsWith("--prompt="))) args.push("--prompt", DEMO_PROMPT);
process.exitCode = main(["llama", ...args]);
