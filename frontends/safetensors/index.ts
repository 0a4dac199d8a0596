/** safetensors: Hugging Face's tensor file format, read memory-mapped (reader.ts) and written (writer.ts). */
export * from "./reader.ts";
export * from "./writer.ts";
