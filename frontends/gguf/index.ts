/** GGUF: llama.cpp's model file format, read memory-mapped (reader.ts) and written (writer.ts). */
export * from "./ggml-types.ts";
export * from "./reader.ts";
export * from "./writer.ts";
