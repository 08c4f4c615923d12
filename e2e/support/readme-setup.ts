import { basename } from "node:path";

/**
 * The parts of the root README's "Add it to your own Next.js app" that are commands and settings
 * rather than files, read from the README so that the fresh-app test does what it says.
 */

/**
 * The arguments of the section's `npm install` / `npm i` (the tarballs of step 1 and the registry
 * packages beside them, flags such as `-D` included), with each `creditkit-<name>-<version>.tgz` replaced by the tarball packed in this
 * run, which must carry that very file name (so the README's names and versions stay true).
 */
export function readmeInstallSpecs(readme: string, tarballs: Record<string, string>): string[] {
  const command = readme
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .find((line) => /^npm (?:install|i) .*creditkit-\w+-[\d.]+\.tgz/.test(line.trim()));
  if (!command) throw new Error("the README shows no `npm install` of the CreditKit tarballs");
  return command
    .trim()
    .split(/\s+/)
    .slice(2)
    .map((arg) => {
      const packed = /creditkit-(\w+)-[\d.]+\.tgz$/.exec(arg);
      if (!packed) return arg;
      const tarball = tarballs[packed[1] as string];
      if (!tarball) throw new Error(`the README installs ${arg}, a package this test did not pack`);
      if (basename(tarball) !== basename(arg)) {
        throw new Error(`the README installs ${basename(arg)}, but pnpm pack makes ${basename(tarball)}`);
      }
      return tarball;
    });
}

/**
 * The README's `.env.local` with each value replaced by this run's (the emulator's URL, key and
 * webhook secret, the app's own URL): the README shows `pnpm emulator`'s demo values and port 3000,
 * a test runs on free ports. A variable the test has no value for fails it, so a new setting in
 * the README is never silently left at a value that only works by chance.
 */
export function withValues(envFile: string, values: Record<string, string>): string {
  return envFile
    .split("\n")
    .map((line) => {
      const setting = /^([A-Z][A-Z0-9_]*)=/.exec(line);
      if (!setting) return line;
      const name = setting[1] as string;
      const value = values[name];
      if (value === undefined)
        throw new Error(`the README's .env.local sets ${name}, which this test has no value for`);
      return `${name}=${value}`;
    })
    .join("\n");
}

/** The README's section under `## <heading>`, up to the next `## ` heading. */
export function readmeSection(readme: string, heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`the README has no section "## ${heading}"`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}
