import type { z } from "zod";
import type { ValidationErrorItem } from "../schemas/errors.ts";

/** Turns a zod error into `{field, message}` items with dotted paths ("data.0.amount"). */
export function fieldErrorsOf(error: z.ZodError): ValidationErrorItem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
    code: issue.code,
  }));
}

/** One line naming every bad field, for error messages. Capped so a huge body stays readable. */
export function describeIssues(error: z.ZodError, max = 5): string {
  const items = fieldErrorsOf(error);
  const shown = items.slice(0, max).map((i) => `${i.field}: ${i.message}`);
  if (items.length > max) shown.push(`and ${items.length - max} more`);
  return shown.join("; ");
}
