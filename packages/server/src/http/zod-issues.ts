import type { z } from "zod";
import { type ApiError, type FieldIssue, validationError } from "./api-error.ts";

/**
 * Turns zod issues into the contract's `{field, message}` list. An unknown key becomes one issue
 * per key, named by its own path ("price", not "(body)"), so the caller learns exactly what to drop.
 */
export function issuesOf(error: z.ZodError, prefix: string[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.map(String)].map(segment);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ field: [...path, segment(key)].join("."), message: "is not allowed" });
      continue;
    }
    out.push({ field: path.length > 0 ? path.join(".") : "(body)", message: issue.message });
  }
  return out;
}

/** An empty key is shown as "" so that a field name is never the empty string. */
export function segment(name: string): string {
  return name === "" ? '""' : name;
}

/** Parses `input` or throws a 400 naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix: string[] = []): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationFailure(result.error, prefix);
}

export function validationFailure(error: z.ZodError, prefix: string[] = []): ApiError {
  return validationError(issuesOf(error, prefix));
}
