/** The repository's root directory. */
export declare const ROOT: string;
/** Packs packages/<name> with `pnpm pack` into `dest`; `tarball` is null (see `output`) when it failed. */
export declare function packPackage(name: string, dest: string): { tarball: string | null; output: string };
