import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";

/**
 * bench/results.json holds one entry per section (emulator, sizes, bff, …), each written by its
 * own benchmark; bench/results.md is regenerated from all of them, so sections can run alone.
 */
export interface Section {
  title: string;
  measuredAt: string;
  machine: string;
  /** Markdown table rows: the first row is the header. */
  table: string[][];
  notes?: string[];
  data: unknown;
}

const dir = import.meta.dirname ? join(import.meta.dirname, "..") : process.cwd();
const jsonPath = join(dir, "results.json");
const mdPath = join(dir, "results.md");

export function machine(): string {
  return `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores`;
}

export function writeSection(key: string, section: Section): void {
  let all: Record<string, Section> = {};
  try {
    all = JSON.parse(readFileSync(jsonPath, "utf8")) as Record<string, Section>;
  } catch {
    all = {};
  }
  all[key] = section;
  writeFileSync(jsonPath, `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(mdPath, render(all));
}

function render(all: Record<string, Section>): string {
  const parts = ["# Benchmark results", "", "Written by `pnpm bench`; each section says when and where it ran.", ""];
  for (const section of Object.values(all)) {
    parts.push(`## ${section.title}`, "", `_${section.measuredAt} · ${section.machine}_`, "");
    const [header, ...rows] = section.table;
    if (header) {
      parts.push(`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`);
      for (const row of rows) parts.push(`| ${row.join(" | ")} |`);
      parts.push("");
    }
    for (const note of section.notes ?? []) parts.push(`- ${note}`);
    if (section.notes?.length) parts.push("");
  }
  return parts.join("\n");
}
