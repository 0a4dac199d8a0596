// Types of cli/bundle.mjs (plain JavaScript, so that it runs before any TypeScript loader).
export declare const bundleFile: string;
export declare function isBundleFresh(dir?: string): boolean;
export interface LoadedBundle {
  readonly exports: { readonly main: (argv: readonly string[]) => Promise<number> };
  readonly codeCache: "used" | "rejected" | "none";
}
export declare function loadBundle(dir?: string): LoadedBundle | undefined;
export declare function buildBundle(dir?: string): Promise<number>;
