import { readFileSync } from "node:fs";

/**
 * The files a README tells a merchant to write, as the README shows them: every fenced code block
 * whose first line names a file (`// lib/top-up.ts`, `# .env.local`, `<!-- index.html -->`).
 * Tests write these into a fresh app (or compare them with the example that runs), so what a
 * merchant pastes is exactly what a test built: the README cannot drift from what is tested.
 */
export interface ReadmeFile {
  /** The path the block's first line names, relative to the merchant's app. */
  path: string;
  /** The block's text, first line included (it is a comment in the file's own language). */
  content: string;
  /** The fence's language tag (`ts`, `tsx`, `sh`, `html`…), "" when it has none. */
  lang: string;
}

const FENCE = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
const FILE_NAME = /^(?:\/\/|#|<!--)\s*([\w@./[\]-]+\.[\w]+)\s*(?:-->)?\s*$/;

/** Every file block of `markdown`, in order. Two blocks naming the same path is an error. */
export function readmeFiles(markdown: string): ReadmeFile[] {
  const files: ReadmeFile[] = [];
  for (const match of markdown.matchAll(FENCE)) {
    const lang = match[1] ?? "";
    const content = match[2] ?? "";
    const path = FILE_NAME.exec(content.split("\n", 1)[0] ?? "")?.[1];
    if (!path) continue;
    if (files.some((f) => f.path === path)) throw new Error(`the README shows ${path} twice`);
    files.push({ path, content, lang });
  }
  return files;
}

/** The block for `path` in the markdown file at `readmePath`; throws naming what is missing. */
export function readmeFile(readmePath: string, path: string): ReadmeFile {
  const file = readmeFiles(readFileSync(readmePath, "utf8")).find((f) => f.path === path);
  if (!file) throw new Error(`${readmePath} has no code block starting with a comment naming ${path}`);
  return file;
}
