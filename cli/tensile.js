#!/usr/bin/env node
// Entry point of `npx tensile`: the TypeScript CLI through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./tensile.ts");
process.exitCode = main(process.argv.slice(2));
