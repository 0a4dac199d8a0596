#!/usr/bin/env node
// Entry point of `npx tensile-opt`: runs the TypeScript CLI through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./tensile-opt.ts");
process.exitCode = await main(process.argv.slice(2));
