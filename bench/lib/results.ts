import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";

/** One target of the issue, as a section measured it: listed together at the top of results.md. */
export interface TargetCheck {
  what: string;
  target: string;
  measured: string;
  held: boolean;
}

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
  targets?: TargetCheck[];
  /** Why a missed target cannot hold, with the measured floor: printed under the summary. */
  explanations?: string[];
  data: unknown;
}

const dir = import.meta.dirname ? join(import.meta.dirname, "..") : process.cwd();
const jsonPath = join(dir, "results.json");
const mdPath = join(dir, "results.md");

/** The order of results.md, whatever order the sections were measured in. */
const ORDER = [
  "sizes",
  "bff-overhead",
  "cpu-profile",
  "cpu-by-area",
  "handler-cpu",
  "purchase",
  "return",
  "first-paint",
  "memory",
  "emulator",
  "bff-load",
];

/** Where a section ran, with the load average: other work on a shared machine moves every figure. */
export function machine(): string {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  return `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores, load average ${load}`;
}

export function writeSection(key: string, section: Section): void {
  let all: Record<string, Section> = {};
  try {
    all = JSON.parse(readFileSync(jsonPath, "utf8")) as Record<string, Section>;
  } catch {
    all = {};
  }
  all[key] = section;
  const ordered = Object.fromEntries(Object.entries(all).sort(([a], [b]) => rank(a) - rank(b))) as Record<
    string,
    Section
  >;
  writeFileSync(jsonPath, `${JSON.stringify(ordered, null, 2)}\n`);
  writeFileSync(mdPath, render(ordered));
}

function rank(key: string): number {
  const i = ORDER.indexOf(key);
  return i === -1 ? ORDER.length : i;
}

function table(rows: string[][]): string[] {
  const [header, ...body] = rows;
  if (!header) return [];
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...body.map((row) => `| ${row.join(" | ")} |`),
    "",
  ];
}

function render(all: Record<string, Section>): string {
  const parts = [
    "# Benchmark results",
    "",
    "Written by `pnpm bench` (each section can also run alone: see bench/README.md); each section says when and where it ran.",
    "",
  ];
  const targets = Object.values(all).flatMap((s) => s.targets ?? []);
  if (targets.length > 0) {
    parts.push("## Targets", "");
    parts.push(
      ...table([
        ["what", "target", "measured", "held"],
        ...targets.map((t) => [t.what, t.target, t.measured, t.held ? "yes" : "**no**"]),
      ]),
    );
    for (const why of Object.values(all).flatMap((s) => s.explanations ?? [])) parts.push(`- ${why}`);
    parts.push("");
  }
  for (const section of Object.values(all)) {
    parts.push(`## ${section.title}`, "", `_${section.measuredAt} · ${section.machine}_`, "");
    parts.push(...table(section.table));
    for (const note of section.notes ?? []) parts.push(`- ${note}`);
    if (section.notes?.length) parts.push("");
  }
  return parts.join("\n");
}
