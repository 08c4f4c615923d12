import { readFileSync } from "node:fs";
import type { z } from "zod";
import type { IdGenerator } from "../ids.ts";
import { DEMO_SEED } from "./demo-seed.ts";
import { type ParsedSeed, type SeedDefinition, SeedDefinitionSchema } from "./seed-schema.ts";

export type SeedSource = "demo" | SeedDefinition | string;

/** A seed that cannot be used, with every problem named by its path in the seed. */
export class SeedError extends Error {
  override readonly name = "SeedError";
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join(".") : "(seed)"}: ${i.message}`).join("; ");
}

/** Reads and validates a seed: "demo", an object, or the path of a JSON file. */
export function loadSeed(source: SeedSource = "demo"): ParsedSeed {
  if (source === "demo") return parse(DEMO_SEED, "the demo seed");
  if (typeof source !== "string") return parse(source, "the seed");
  let text: string;
  try {
    text = readFileSync(source, "utf8");
  } catch (error) {
    throw new SeedError(`cannot read seed file ${source}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`seed file ${source} is not valid JSON: ${(error as Error).message}`);
  }
  return parse(json, `seed file ${source}`);
}

function parse(input: unknown, what: string): ParsedSeed {
  const parsed = SeedDefinitionSchema.safeParse(input);
  if (!parsed.success) throw new SeedError(`${what} is invalid: ${describe(parsed.error)}`);
  return parsed.data;
}

/**
 * Gives every seeded object an id (once, at start-up) so that a reset rebuilds the very same
 * objects even when the seed left ids out.
 */
export function assignSeedIds(seed: ParsedSeed, ids: IdGenerator): ParsedSeed {
  const copy = structuredClone(seed);
  for (const f of copy.features) {
    f.id ??= ids.next("feat");
    f.productId ??= ids.next("prod");
  }
  for (const c of copy.customers) {
    c.id ??= ids.next("cus");
    c.consumerId ??= ids.next("org");
    for (const e of c.entitlements) {
      e.id ??= ids.next("ent");
      for (const g of e.grants) g.id ??= ids.next("grt");
    }
  }
  return copy;
}
