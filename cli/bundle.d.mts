// Types of cli/bundle.mjs (plain JavaScript, so that it runs before any TypeScript loader).
export declare const bundleFile: string;
export declare function isBundleFresh(dir?: string): boolean;
export declare function buildBundle(dir?: string): Promise<number>;
