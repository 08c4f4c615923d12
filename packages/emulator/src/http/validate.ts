import { isSignedDecimalString } from "@creditkit/paygentic";
import type { z } from "zod";
import { ApiError, fieldErrors, validationFailed } from "./api-error.ts";

/** Parses with a paygentic schema; a failure is a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error, prefix));
  return parsed.data;
}

/** A path parameter, named by `field` when it breaks its pattern. */
export function parsePathId(schema: z.ZodType<string>, value: string, field: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error, field));
  return parsed.data;
}

export type QueryKind = "string" | "number" | "boolean";

/**
 * Turns a query string into the typed object the schemas expect: numbers and booleans are
 * converted only when they are written exactly ("10", "true"); anything else is passed through
 * as text so that the schema names the field. Unknown parameters are ignored.
 */
export function queryObject(search: URLSearchParams, kinds: Record<string, QueryKind>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const raw = search.get(name);
    if (raw === null) continue;
    if (kind === "number") out[name] = isSignedDecimalString(raw) ? Number(raw) : raw;
    else if (kind === "boolean") out[name] = raw === "true" ? true : raw === "false" ? false : raw;
    else out[name] = raw;
  }
  return out;
}

/** The parsed JSON body, or a 400 naming "(body)". */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw new ApiError(400, bodyError("a JSON body is required"));
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, bodyError("the body is not valid JSON"));
  }
}

function bodyError(message: string) {
  return {
    error: "validation_error",
    message: "Validation failed",
    errors: [{ field: "(body)", message, code: "invalid_json" }],
  };
}
